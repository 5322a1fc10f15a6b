"""Learning checks: one YAML question bank per chapter (calcflow/data/questions/<chapter>.yaml).

Loaded and validated with pydantic (errors name the file, the question and the field); shown at the end of each
chapter as an interactive quiz (calcflow.widgets.quiz): the learner commits an answer, then sees the feedback, the
explanation and its sources.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from calcflow.model.load import DATA_DIR, REFERENCES, load_file
from calcflow.errors import DataError, InvalidChoice

QUESTIONS_DIR = DATA_DIR / "questions"


class Option(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    correct: bool = False
    feedback: str = Field(min_length=1)   # why this option is right or wrong


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    prompt: str
    type: str = Field(pattern="^(single|multiple)$")
    options: tuple[Option, ...] = Field(min_length=2)
    explanation: str
    sources: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _has_right_answers(self):
        right = sum(o.correct for o in self.options)
        if right == 0 or (self.type == "single" and right != 1):
            raise ValueError(f"a {self.type} question needs {'exactly one' if self.type == 'single' else 'at least one'} "
                             f"correct option, found {right}")
        return self


class QuestionBank(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    chapter: str
    title: str
    questions: tuple[Question, ...] = Field(min_length=1)


def load_bank(path: Path, references: Path = REFERENCES) -> QuestionBank:
    """Read one chapter's bank (calcflow.model.load); its `chapter` must match the file name."""
    path = Path(path)
    bank = load_file(path, QuestionBank, references)
    if bank.chapter != path.stem:
        raise DataError(f"{path.name}: field 'chapter': {bank.chapter!r} should match the file name {path.stem!r}")
    return bank


@cache
def banks(directory: Path = QUESTIONS_DIR) -> dict[str, QuestionBank]:
    return {p.stem: load_bank(p) for p in sorted(Path(directory).glob("*.yaml"))}


def bank(chapter: str) -> QuestionBank:
    all_banks = banks()
    if chapter not in all_banks:
        raise InvalidChoice("chapter", chapter, list(all_banks))
    return all_banks[chapter]
