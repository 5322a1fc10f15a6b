"""What the chapters say the model answers, checked against the model (claims listed in tests/data/chapter_claims.yaml).

A sentence in the prose that states a category, an M-score or a path is written out there with the model call it
describes and the answer it states; this test finds the sentence in its chapter and asks the model again."""
import json
from pathlib import Path

import pytest
import yaml

import calcflow
from calcflow.model.questions import banks

ROOT = Path(__file__).resolve().parents[1]
DATA = yaml.safe_load((ROOT / "tests" / "data" / "chapter_claims.yaml").read_text(encoding="utf-8"))
CLAIMS, QUIZ = DATA["claims"], DATA["quiz"]


def prose(chapter: str) -> str:
    cells = json.loads((ROOT / "book" / f"{chapter}.ipynb").read_text(encoding="utf-8"))["cells"]
    return " ".join(" ".join("".join(c["source"]).split()) for c in cells if c["cell_type"] == "markdown")


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


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: f"{c['chapter']}:{c['quote'][:40]}")
def test_the_chapter_says_it_and_the_model_still_answers_it(claim):
    assert " ".join(claim["quote"].split()) in prose(claim["chapter"]), "the sentence is no longer in the chapter"
    check_model(claim)


@pytest.mark.parametrize("claim", QUIZ, ids=lambda c: f"{c['question']}:{c['says'][:30]}")
def test_the_quizs_right_answer_says_it_and_the_model_still_answers_it(claim):
    questions = {q.id: q for bank in banks().values() for q in bank.questions}
    right = " ".join(" ".join(o.text.split()) for o in questions[claim["question"]].options if o.correct)
    assert claim["says"] in right, f"the right option no longer says it: {right!r}"
    check_model(claim)


def test_a_claim_the_model_does_not_support_would_fail():
    wrong = {**CLAIMS[0], "expect": {"category": "suspicious"}}
    with pytest.raises(AssertionError):
        test_the_chapter_says_it_and_the_model_still_answers_it(wrong)
