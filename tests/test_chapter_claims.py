"""What the chapters say the model answers, checked against the model (claims listed in tests/data/chapter_claims.yaml).

A sentence in the prose, or in the words of a figure (alt text, caption, a title written in its code), that states a
category, an M-score, a concordance or a path is written out there with the model call it describes and the answer it
states; this test finds the sentence in its chapter and asks the model again. Every figure whose words name a category,
a score, a B-code or benign/suspicious is either such a claim or listed with the reason it states no model answer."""
import ast
import io
import json
import re
import tokenize
from functools import cache
from pathlib import Path

import pytest
import yaml

import calcflow
from calcflow.model.questions import banks

ROOT = Path(__file__).resolve().parents[1]
DATA = yaml.safe_load((ROOT / "tests" / "data" / "chapter_claims.yaml").read_text(encoding="utf-8"))
CLAIMS, QUIZ, NOT_ANSWERS = DATA["claims"], DATA["quiz"], DATA["figures_without_model_answers"]
CHAPTERS = sorted(path.stem for path in (ROOT / "book").glob("*.ipynb"))
# Words that name a category, an M-score, a BI-RADS category, a B-code or a verdict.
MODEL_WORDS = re.compile(r"BI-RADS \d|\bM[1-5]\b|\bB[1-5][abc]?\b|\b(benign|suspicious|indeterminate|concordant|"
                         r"discordant)\b", re.IGNORECASE)
CITATION = re.compile(r"\{cite:[pt]\}`[^`]*`")


def _flat(text: str) -> str:
    return " ".join(text.split())


@cache
def cells(chapter: str) -> tuple[dict, ...]:
    return tuple(json.loads((ROOT / "book" / f"{chapter}.ipynb").read_text(encoding="utf-8"))["cells"])


def prose(chapter: str) -> str:
    return " ".join(_flat("".join(c["source"])) for c in cells(chapter) if c["cell_type"] == "markdown")


def text_in_code(source: str) -> list[str]:
    """The string literals of a cell's code that are words (with a space), not ids; adjacent literals joined."""
    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    texts, run = [], []
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type == tokenize.STRING and not re.match(r"[a-zA-Z]*[fF]", token.string):  # f-strings: not text
            run.append(ast.literal_eval(token.string))
        elif token.type not in (tokenize.NL, tokenize.COMMENT) and run:
            texts.append("".join(run))
            run = []
    return [text for text in texts + ["".join(run)] if " " in text.strip()]


def words_of(cell: dict) -> str:
    """What a reader is told in a figure cell: its alt text and caption (without citations), and the text written
    in its code (titles, captions, labels)."""
    mystnb = cell["metadata"].get("mystnb", {})
    written = [(mystnb.get("image") or {}).get("alt", ""), (mystnb.get("figure") or {}).get("caption", ""),
               *text_in_code("".join(cell["source"]))]
    return _flat(CITATION.sub("", " ".join(written)))


def figure_cell(chapter: str, code: str) -> dict:
    """The one code cell of the chapter whose source contains `code`."""
    found = [c for c in cells(chapter) if c["cell_type"] == "code" and code in "".join(c["source"])]
    assert len(found) == 1, f"{chapter}: {len(found)} code cells contain {code!r}; name one piece of code only one has"
    return found[0]


def figure_words(chapter: str, code: str) -> str:
    return words_of(figure_cell(chapter, code))


def check_model(claim) -> None:
    a = calcflow.assess(**claim["assess"])
    path = [s.id for s in a.path]
    expect = claim["expect"]
    for field in ("category", "birads", "rcr", "concordance"):
        if field in expect:
            assert getattr(a, field) == expect[field], (field, getattr(a, field))
    assert set(expect.get("path_has", [])) <= set(path), path
    assert not set(expect.get("path_lacks", [])) & set(path), path
    if "ends" in expect:
        assert path[-1] == expect["ends"], path


def _claim_id(claim) -> str:
    return f"{claim['chapter']}:{'figure:' if 'figure' in claim else ''}{claim['quote'][:40]}"


@pytest.mark.parametrize("claim", CLAIMS, ids=_claim_id)
def test_the_chapter_says_it_and_the_model_still_answers_it(claim):
    said = figure_words(claim["chapter"], claim["figure"]) if "figure" in claim else prose(claim["chapter"])
    assert _flat(claim["quote"]) in said, "the sentence is no longer in the chapter"
    check_model(claim)


@pytest.mark.parametrize("claim", QUIZ, ids=lambda c: f"{c['question']}:{c['says'][:30]}")
def test_the_quizs_right_answer_says_it_and_the_model_still_answers_it(claim):
    questions = {q.id: q for bank in banks().values() for q in bank.questions}
    right = " ".join(" ".join(o.text.split()) for o in questions[claim["question"]].options if o.correct)
    assert claim["says"] in right, f"the right option no longer says it: {right!r}"
    check_model(claim)


def test_a_claim_the_model_does_not_support_would_fail():
    for claim in (CLAIMS[0], next(c for c in CLAIMS if "figure" in c)):
        wrong = {**claim, "expect": {"category": "indeterminate"}}
        with pytest.raises(AssertionError):
            test_the_chapter_says_it_and_the_model_still_answers_it(wrong)


def test_every_figure_naming_a_category_is_a_claim_or_says_why_it_is_not():
    accounted = {}
    for entry in [*(c for c in CLAIMS if "figure" in c), *NOT_ANSWERS]:
        accounted.setdefault(id(figure_cell(entry["chapter"], entry["figure"])), entry)
    unchecked = []
    for chapter in CHAPTERS:
        for number, cell in enumerate(cells(chapter)):
            if cell["cell_type"] == "code" and MODEL_WORDS.search(words_of(cell)) and id(cell) not in accounted:
                unchecked.append(f"{chapter} cell {number}: {MODEL_WORDS.search(words_of(cell)).group(0)!r} in "
                                 f"{words_of(cell)[:80]!r}…")
    assert not unchecked, ("figures whose words may state a model answer: add a claim to "
                           "tests/data/chapter_claims.yaml, or list the figure under figures_without_model_answers "
                           "with the reason:\n  " + "\n  ".join(unchecked))
    for entry in NOT_ANSWERS:
        assert entry["why"].strip() and MODEL_WORDS.search(figure_words(entry["chapter"], entry["figure"])), (
            f"{entry}: its words name no category any more; remove it from the list")
