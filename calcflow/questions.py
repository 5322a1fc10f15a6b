"""Learning checks: one YAML question bank per chapter (calcflow/data/questions/<chapter>.yaml).

Loaded and validated with pydantic (errors name the file, the question and the field); rendered at the end
of each chapter. In the built book the answers are folded (a dropdown) and sources are real citations.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .catalogue import REFERENCES, _validate_with, bibliography_keys, read_yaml
from .errors import DataError, InvalidChoice

QUESTIONS_DIR = Path(__file__).parent / "data" / "questions"


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


def load_bank(path: Path, known_keys: frozenset[str] | None = None) -> QuestionBank:
    raw = read_yaml(path)
    bank = _validate_with(QuestionBank, path.name, raw)
    ids = [q.id for q in bank.questions]
    for q in bank.questions:
        if ids.count(q.id) > 1:
            raise DataError(f"{path.name}: question {q.id!r}: field 'id': duplicate id")
        for key in q.sources if known_keys is not None else ():
            if key not in known_keys:
                raise DataError(f"{path.name}: question {q.id!r}: field 'sources': unknown source key {key!r} "
                                "(not in book/references.bib)")
    if bank.chapter != path.stem:
        raise DataError(f"{path.name}: field 'chapter': {bank.chapter!r} should match the file name {path.stem!r}")
    return bank


@cache
def banks(directory: Path = QUESTIONS_DIR) -> dict[str, QuestionBank]:
    keys = bibliography_keys() if REFERENCES.exists() else None
    return {p.stem: load_bank(p, keys) for p in sorted(directory.glob("*.yaml"))}


def bank(chapter: str) -> QuestionBank:
    all_banks = banks()
    if chapter not in all_banks:
        raise InvalidChoice("chapter", chapter, list(all_banks))
    return all_banks[chapter]


class LearningChecks:
    """A chapter's learning checks: questions with folded answers (static) — see quiz widget for interactive."""

    def __init__(self, chapter: str):
        self.bank = bank(chapter)

    def to_markdown(self) -> str:
        parts = []
        for n, q in enumerate(self.bank.questions, 1):
            options = "\n".join(f"- **{chr(96 + i)}.** {o.text}" for i, o in enumerate(q.options, 1))
            right = "; ".join(f"**{chr(96 + i)}.** {o.text} — {o.feedback}"
                              for i, o in enumerate(q.options, 1) if o.correct)
            cite = "{cite:p}`" + ",".join(q.sources) + "`"
            parts.append(f"**{n}. {q.prompt}**\n\n{options}\n\n"
                         f"````{{admonition}} Answer\n:class: dropdown\n{right}\n\n{q.explanation} {cite}\n````")
        return "\n\n".join(parts)

    def to_html(self) -> str:
        import html
        out = []
        for n, q in enumerate(self.bank.questions, 1):
            items = "".join(f"<li>{html.escape(o.text)}</li>" for o in q.options)
            right = "; ".join(html.escape(o.text) for o in q.options if o.correct)
            out.append(f"<p><strong>{n}. {html.escape(q.prompt)}</strong></p><ol type=\"a\">{items}</ol>"
                       f"<details><summary>Answer</summary><p>{right}</p><p>{html.escape(q.explanation)} "
                       f"[{html.escape(', '.join(q.sources))}]</p></details>")
        return "\n".join(out)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": f"{len(self.bank.questions)} learning checks: {self.bank.title}",
                "text/html": self.to_html(), "text/markdown": self.to_markdown()}


def learning_checks(chapter: str) -> LearningChecks:
    return LearningChecks(chapter)
