"""calcflow — a cited model of what happens to breast calcifications found on a mammogram, in UK and US practice.

Public API:
    choices()                      valid values of every input (size, shape, pattern, change, system, result,
                                   setting, history, concordance)
    results_for(system)            the biopsy results one system reports (UK B-codes, US diagnoses)
    assess(size, shape, pattern, change="no-prior", system="uk", result=None, *,
           setting="screening", history="none", concordance=None) -> Assessment
    InvalidChoice, ImpossibleCombination, DataError (all ValueError subclasses)
For teaching, not for diagnosis.
"""
from typing import TYPE_CHECKING

from calcflow.errors import CalcflowError, DataError, ImpossibleCombination, InvalidChoice

__all__ = ["Assessment", "assess", "choices", "results_for", "CalcflowError", "DataError", "ImpossibleCombination",
           "InvalidChoice"]

# The model (pydantic, the data) loads on first use of these names, not on `import calcflow`: Sphinx imports the
# book's extension, calcflow.publish.sphinx, and with it this package, for every build.
_FROM_THE_MODEL = ("Assessment", "assess", "choices", "results_for")

if TYPE_CHECKING:
    from calcflow.model.assessment import Assessment, assess, choices, results_for


def __getattr__(name: str):
    if name in _FROM_THE_MODEL:
        from calcflow.model import assessment

        return getattr(assessment, name)
    raise AttributeError(f"module 'calcflow' has no attribute {name!r}")
