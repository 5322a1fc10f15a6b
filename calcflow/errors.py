"""Errors meant for people: each names what was wrong and what would be right."""
from __future__ import annotations


class CalcflowError(ValueError):
    """Base class: a user or data mistake, reported as one clear line (never a traceback)."""


class InvalidChoice(CalcflowError):
    """A descriptor value that does not exist. Names the bad value and the valid ones."""

    def __init__(self, field: str, value: object, valid: list[str]):
        self.field, self.value, self.valid = field, value, list(valid)
        super().__init__(f"unknown {field} {value!r}; choose one of: {', '.join(self.valid)}")


class ImpossibleCombination(CalcflowError):
    """A combination of valid values that cannot occur together. Carries the reason and the rule."""

    def __init__(self, reason: str, rule: str):
        self.reason, self.rule = reason, rule
        super().__init__(reason)


class DataError(CalcflowError):
    """A data file that does not match its schema or refers to something that does not exist."""
