"""Learning checks that test understanding, not test-taking (the book's issue on quiz quality).

The thresholds below are the issue's, written out here, not read from the banks or from calcflow:

* the right option of a single-choice question is the strictly longest option (by characters) in no more than a
  quarter of those questions across the book, and in no more than half in any one chapter;
* every option has its own, non-empty feedback (no two options of a question share the same feedback);
* hedging words that give the answer away ("usually", "may", …) are not commoner in right options than in wrong
  ones: counted per option, the right options' rate is at most 1.25 times the wrong options' rate;
* nor, the other way round, the strictly shortest in more than a third of them (a fix for the first cue must not
  create the opposite one);
* every question has at least 3 options, and a "choose all that apply" question has at least one wrong option.

The helpers are checked on small made-up questions first, so that each check is known to be able to fail.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from calcflow.model.questions import banks

MAX_LONGEST_SHARE_OVERALL = 0.25
MAX_LONGEST_SHARE_PER_BANK = 0.5
MAX_SHORTEST_SHARE_OVERALL = 1 / 3   # the reverse cue: fixing "longest" must not make the right answer the shortest
HEDGES = ("usually", "often", "may", "can", "some", "most", "typically")
HEDGE_TOLERANCE = 1.25
MIN_OPTIONS = 3

_HEDGE = re.compile(r"\b(?:" + "|".join(HEDGES) + r")\b", re.IGNORECASE)


# --- the measures -----------------------------------------------------------------------------------------------
def right_is_strictly_longest(question) -> bool:
    """True when the (single) right option has more characters than every wrong option."""
    (right,) = [len(o.text.strip()) for o in question.options if o.correct]
    return all(right > len(o.text.strip()) for o in question.options if not o.correct)


def right_is_strictly_shortest(question) -> bool:
    (right,) = [len(o.text.strip()) for o in question.options if o.correct]
    return all(right < len(o.text.strip()) for o in question.options if not o.correct)


def longest_share(questions) -> tuple[int, int]:
    """(questions whose right option is the strictly longest, single-choice questions) over `questions`."""
    single = [q for q in questions if q.type == "single"]
    return sum(right_is_strictly_longest(q) for q in single), len(single)


def hedge_count(text: str) -> int:
    return len(_HEDGE.findall(text))


def hedge_rates(questions) -> tuple[float, float]:
    """Hedging words per option: (rate in right options, rate in wrong options)."""
    questions = list(questions)
    right = [hedge_count(o.text) for q in questions for o in q.options if o.correct]
    wrong = [hedge_count(o.text) for q in questions for o in q.options if not o.correct]
    return sum(right) / len(right), sum(wrong) / len(wrong)


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def feedback_problems(question) -> list[str]:
    problems = [f"option {i + 1} has no feedback" for i, o in enumerate(question.options) if not o.feedback.strip()]
    seen: dict[str, int] = {}
    for i, o in enumerate(question.options):
        key = _normalised(o.feedback)
        if key and key in seen:
            problems.append(f"options {seen[key] + 1} and {i + 1} share the same feedback")
        seen.setdefault(key, i)
    return problems


# --- the measures can fail ------------------------------------------------------------------------------------------
def _q(*options, type="single"):
    return SimpleNamespace(id="made-up", type=type,
                           options=tuple(SimpleNamespace(text=t, correct=c, feedback=f) for t, c, f in options))


def test_the_measures_catch_what_they_are_meant_to_catch():
    giveaway = _q(("It can usually be watched, although some need a biopsy", True, "Right."),
                  ("Always cancer", False, "No."), ("Never cancer", False, "No."))
    assert right_is_strictly_longest(giveaway)
    assert longest_share([giveaway, giveaway]) == (2, 2)
    assert hedge_count("It can usually be watched, although some need a biopsy") == 3
    assert hedge_count("Cannot; sometimes; mostly; canal") == 0  # whole words only
    assert hedge_rates([giveaway]) == (3.0, 0.0)
    tie = _q(("Benign", True, "Right."), ("Cancer", False, "No."), ("DCISx", False, "No!"))
    assert not right_is_strictly_longest(tie)  # a tie is not "strictly longest"
    assert not right_is_strictly_shortest(tie) and right_is_strictly_shortest(
        _q(("B2", True, "Right."), ("B5a, DCIS", False, "No."), ("B3, uncertain", False, "No.")))
    assert longest_share([tie, _q(("a", True, "x"), ("b", False, "y"), type="multiple")]) == (0, 1)
    shared = _q(("A", True, "Right."), ("B", False, "No."), ("C", False, " no. "), ("D", False, "  "))
    assert feedback_problems(shared) == ["option 4 has no feedback", "options 2 and 3 share the same feedback"]
    assert feedback_problems(giveaway) == ["options 2 and 3 share the same feedback"]


# --- the banks ----------------------------------------------------------------------------------------------------
BANKS = banks()
QUESTIONS = [(chapter, q) for chapter, bank in BANKS.items() for q in bank.questions]


def test_the_right_answer_is_rarely_the_longest_option():
    longest, single = longest_share(q for _, q in QUESTIONS)
    offenders = [f"{c}/{q.id}" for c, q in QUESTIONS if q.type == "single" and right_is_strictly_longest(q)]
    assert single > 0
    assert longest <= MAX_LONGEST_SHARE_OVERALL * single, (
        f"the right option is the longest in {longest} of {single} single-choice questions: {offenders}")


@pytest.mark.parametrize("chapter", sorted(BANKS))
def test_in_no_chapter_is_the_right_answer_mostly_the_longest(chapter):
    questions = BANKS[chapter].questions
    longest, single = longest_share(questions)
    offenders = [q.id for q in questions if q.type == "single" and right_is_strictly_longest(q)]
    assert longest <= MAX_LONGEST_SHARE_PER_BANK * single, (
        f"{chapter}: the right option is the longest in {longest} of {single}: {offenders}")


def test_the_right_answer_is_not_mostly_the_shortest_option_either():
    single = [(c, q) for c, q in QUESTIONS if q.type == "single"]
    shortest = [f"{c}/{q.id}" for c, q in single if right_is_strictly_shortest(q)]
    assert len(shortest) <= MAX_SHORTEST_SHARE_OVERALL * len(single), (
        f"the right option is the shortest in {len(shortest)} of {len(single)} single-choice questions: {shortest}")


def test_hedging_words_do_not_point_to_the_right_answer():
    right, wrong = hedge_rates(q for _, q in QUESTIONS)
    hedged_right = [f"{c}/{q.id}: {o.text!r}" for c, q in QUESTIONS for o in q.options
                    if o.correct and hedge_count(o.text)]
    assert right <= wrong * HEDGE_TOLERANCE, (
        f"hedging words per right option {right:.3f} against {wrong:.3f} per wrong option; "
        f"hedged right options: {hedged_right}")


@pytest.mark.parametrize(("chapter", "question"), QUESTIONS, ids=[f"{c}/{q.id}" for c, q in QUESTIONS])
def test_each_question_is_well_formed(chapter, question):
    assert len(question.options) >= MIN_OPTIONS, f"{chapter}/{question.id}: only {len(question.options)} options"
    assert not feedback_problems(question), f"{chapter}/{question.id}: {feedback_problems(question)}"
    if question.type == "multiple":
        assert any(not o.correct for o in question.options), (
            f"{chapter}/{question.id}: every option of a 'choose all that apply' question is right")
    texts = [_normalised(o.text) for o in question.options]
    assert len(set(texts)) == len(texts), f"{chapter}/{question.id}: two options say the same thing"
