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
from calcflow.model.assessment import Assessment, assess, choices, results_for
from calcflow.errors import CalcflowError, DataError, ImpossibleCombination, InvalidChoice

__all__ = ["Assessment", "assess", "choices", "results_for", "CalcflowError", "DataError", "ImpossibleCombination",
           "InvalidChoice"]
