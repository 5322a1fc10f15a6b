"""calcflow — a cited model of what happens to breast calcifications found on a mammogram.

Public API:
    choices()                      valid values for size, shape, pattern, change, system, result
    assess(size=, shape=, pattern=, change="no-prior", system="uk", result=None) -> Assessment
    InvalidChoice, ImpossibleCombination, DataError (all ValueError subclasses)
For teaching, not for diagnosis.
"""
from .assessment import Assessment, assess, choices
from .errors import CalcflowError, DataError, ImpossibleCombination, InvalidChoice

__all__ = ["Assessment", "assess", "choices", "CalcflowError", "DataError", "ImpossibleCombination",
           "InvalidChoice"]
