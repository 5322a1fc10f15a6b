"""The learning-check quiz's Python side, without a kernel or a browser: bank → traits, answers, representations.

The browser side (the same ES module, in the built book) is tested in tests/browser/test_quiz.py.
"""
from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from calcflow import DataError, InvalidChoice
from calcflow.model import questions
from calcflow.model.load import bibliography_keys
from calcflow.model.questions import QUESTIONS_DIR, bank, banks
from calcflow.widgets import learning_checks
from calcflow.widgets import Quiz
from calcflow.widgets.quiz import bank_state, display_order

REPO = Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
STATE_SCRIPT = re.compile(r'<script type="application/json">(.*?)</script>', re.S)
NOSCRIPT = re.compile(r"<noscript>(.*?)</noscript>", re.S)
CHAPTER = "categorising"


def _bundle(quiz):
    data, _metadata = quiz._repr_mimebundle_()
    return data


def _state(page: str) -> dict:
    (text,) = STATE_SCRIPT.findall(page)
    return json.loads(text)


# --- the banks ------------------------------------------------------------------------------------------------------
def test_at_least_forty_questions_each_with_feedback_for_every_option():
    loaded = banks()
    assert sum(len(b.questions) for b in loaded.values()) >= 40
    for chapter, questions_of in loaded.items():
        for question in questions_of.questions:
            assert all(option.feedback.strip() for option in question.options), (chapter, question.id)
            assert question.explanation.strip() and question.sources, (chapter, question.id)


def _chapter_notebooks() -> dict[str, Path]:
    return {path.stem: path for path in sorted((REPO / "book").glob("*.ipynb"))}


def test_every_bank_is_shown_once_by_its_own_chapter():
    """A bank's id is its notebook's file name; a chapter shows only its own bank, and one without a bank (such as
    the case library) shows none."""
    notebooks = _chapter_notebooks()
    assert set(banks()) <= set(notebooks), "a bank without a chapter"
    for chapter, path in notebooks.items():
        cells = [cell for cell in nbformat.read(path, as_version=4).cells if "learning_checks(" in cell.source]
        if chapter not in banks():
            assert not cells, f"{path.name} shows learning checks but has no bank"
            continue
        assert len(cells) == 1, f"{path.name}: {len(cells)} learning-check cells"
        assert f'learning_checks("{chapter}")' in cells[0].source, path.name
        assert "hide-input" in cells[0].metadata.get("tags", []), path.name


# --- bank → traits ------------------------------------------------------------------------------------------------
# Written out from calcflow/data/questions/categorising.yaml: each question's type, its number of options and the
# numbers of the right ones (the bank lists options in its own order; the page mixes them, see display_order).
CATEGORISING = [
    ("categorising-uk-3-vs-us-3", "single", 4, [0]),
    ("categorising-4b-band", "single", 4, [0]),
    ("categorising-atlas-values", "single", 4, [0]),
    ("categorising-ppv-caveats", "multiple", 5, [0, 1, 2]),
    ("categorising-leaflet-words", "single", 4, [0]),
]


def test_the_bank_trait_holds_the_chapters_questions():
    quiz = Quiz(CHAPTER)
    state = quiz.bank
    assert json.loads(json.dumps(state)) == state, "JSON-able"
    assert (state["chapter"], state["title"]) == ("categorising", "Categorising calcifications")
    assert [(q["id"], q["type"], len(q["options"]), [i for i, o in enumerate(q["options"]) if o["correct"]])
            for q in state["questions"]] == CATEGORISING
    band = state["questions"][1]
    assert band["sources"] == ["biradsAtlas2013"] and band["prompt"].strip() and band["explanation"].strip()
    assert all(o["text"].strip() and o["feedback"].strip() for q in state["questions"] for o in q["options"])
    for question in state["questions"]:
        assert sorted(question["order"]) == list(range(len(question["options"])))
        assert re.fullmatch(r"[0-9a-f]{12}", question["version"])
    # Short citations for every source the questions cite, and no other: authors (year).
    assert set(state["references"]) == {key for q in state["questions"] for key in q["sources"]}
    assert state["references"]["biradsAtlas2013"].startswith("D'Orsi et al. (2013). ACR BI-RADS Atlas")
    assert all(re.match(r"^[^()]+ \(\d{4}\)\. \S", text) for text in state["references"].values())
    assert quiz.answers == {}
    assert {"bank", "answers"} <= set(quiz.keys), "both traits are synchronised with the front end"


def test_a_changed_question_gets_a_new_version_and_an_unchanged_one_keeps_it():
    """Progress saved in a browser is dropped when its question changes (the version), and only then."""
    source = bank(CHAPTER)
    before = {q["id"]: q["version"] for q in bank_state(source)["questions"]}
    edited = source.model_copy(update={"questions": [
        source.questions[0].model_copy(update={"prompt": source.questions[0].prompt + " (edited)"}),
        *source.questions[1:]]})
    after = {q["id"]: q["version"] for q in bank_state(edited)["questions"]}
    changed = [question_id for question_id in before if before[question_id] != after[question_id]]
    assert changed == ["categorising-uk-3-vs-us-3"]


def test_citations_resolve_to_the_bibliography():
    known = bibliography_keys()
    for chapter in banks():
        references = Quiz(chapter).bank["references"]
        assert set(references) <= known, chapter
        assert all(text != key and text.strip() for key, text in references.items()), chapter


def test_options_are_shown_in_a_fixed_mixed_order():
    assert display_order("a-question", 4) == display_order("a-question", 4)
    first = []
    for questions_of in banks().values():
        for question in questions_of.questions:
            if question.type == "single":
                order = display_order(question.id, len(question.options))
                first.append(question.options[order[0]].correct)
    # Most banks list the right answer first; shown as written, "always pick the first" would score 26 of 38.
    assert sum(first) < len(first) / 2


# --- answers, from the browser or from Python ----------------------------------------------------------------------
def test_answers_are_checked_against_the_bank_and_scored():
    quiz = Quiz(CHAPTER)
    single, multiple = "categorising-4b-band", "categorising-ppv-caveats"
    right_multiple = [i for i, o in enumerate(bank(CHAPTER).questions[3].options) if o.correct]
    # The browser sends what the learner committed; `correct` is recomputed in Python, whatever was sent.
    quiz.answers = {single: {"chosen": [1], "correct": True, "tries": 1},
                    multiple: {"chosen": list(reversed(right_multiple)), "tries": 3, "revealed": True}}
    assert quiz.answers == {
        single: {"chosen": [1], "correct": False, "tries": 1, "revealed": False},
        multiple: {"chosen": right_multiple, "correct": True, "tries": 3, "revealed": True}}
    assert tuple(quiz.score) == (1, 2, 5) and str(quiz.score) == "1 of 5 correct"
    quiz.answers = {**quiz.answers, single: {"chosen": [0], "tries": 2}}
    assert quiz.answers[single]["correct"] and str(quiz.score) == "2 of 5 correct"


@pytest.mark.parametrize(("answers", "words"), [
    ({"nope": {"chosen": [0]}}, ["unknown question 'nope'", "categorising-4b-band"]),
    ({"categorising-4b-band": {"chosen": [7]}}, ["categorising-4b-band", "options 0 to 3", "[7]"]),
    ({"categorising-4b-band": {"chosen": []}}, ["categorising-4b-band", "options 0 to 3"]),
    ({"categorising-4b-band": {"chosen": [0, 1]}}, ["single-answer question takes one option"]),
    ({"categorising-4b-band": [0]}, ["must be a dict with a list 'chosen'"]),
])
def test_a_malformed_answer_is_refused_with_a_clear_message(answers, words):
    quiz = Quiz(CHAPTER)
    with pytest.raises(ValueError) as raised:
        quiz.answers = answers
    assert all(word in str(raised.value) for word in words), str(raised.value)
    assert quiz.answers == {}


# --- representations ---------------------------------------------------------------------------------------------
def test_the_mimebundle_offers_the_live_widget_and_a_host_with_the_bank_but_no_markdown():
    quiz = Quiz(CHAPTER)
    data = _bundle(quiz)
    # The book prefers text/markdown to text/html (nb_mime_priority_overrides): markdown would hide the quiz.
    assert "text/markdown" not in data
    assert data[WIDGET_VIEW]["model_id"] == quiz.model_id
    assert data["text/plain"] == repr(quiz) == "5 learning checks: Categorising calcifications"
    page = data["text/html"]
    assert page.startswith('<div class="calcflow-static" data-calcflow-static="quiz">')
    state = _state(page)
    assert set(state) == {"bank", "answers"} and state["answers"] == {}
    assert [q["id"] for q in state["bank"]["questions"]] == [question_id for question_id, *_ in CATEGORISING]
    # State, not code: the book's build adds the module (calcflow.publish.widget_code).
    assert page.count("<script") == 1 and "<style" not in page and 'type="module"' not in page


def test_the_printable_fallback_has_every_question_with_its_answer_folded():
    quiz = Quiz(CHAPTER)
    (fallback,) = NOSCRIPT.findall(_bundle(quiz)["text/html"])
    source = bank(CHAPTER)
    assert fallback.count("<details><summary>Answer</summary>") == len(source.questions)
    for question in source.questions:
        assert html.escape(question.prompt) in fallback
        after_prompt = fallback.split(html.escape(question.prompt), 1)[1].split("</details>", 1)[0]
        for option in question.options:
            assert html.escape(option.text) in after_prompt.split("<details>")[0], "every option, before the fold"
            if option.correct:
                assert html.escape(option.feedback) in after_prompt.split("<details>")[1], "right answer folded"
    for key, citation in quiz.bank["references"].items():
        assert html.escape(citation) in fallback, key


def test_the_page_fetches_nothing_and_names_no_remote_address():
    for chapter in banks():
        page = _bundle(Quiz(chapter))["text/html"]
        assert not re.search(r"https?://|//cdn|\bwww\.", page), chapter
        assert not re.search(r"""<(link|img|iframe)\b|\bsrc=""", page)


def test_the_html_is_the_same_in_a_fresh_process():
    """nbval compares the stored text/html with a fresh run: quizzes made in the same order must match."""
    program = (
        "import hashlib; from calcflow.widgets import learning_checks\n"
        "for chapter in ('categorising', 'explore-the-pathway'):\n"
        "    data, _ = learning_checks(chapter)._repr_mimebundle_()\n"
        "    print(hashlib.sha256((data['text/html'] + data['text/plain']).encode()).hexdigest())\n")
    runs = [subprocess.run([sys.executable, "-c", program], cwd=REPO, check=True, capture_output=True,
                           text=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout.split()
            for seed in ("1", "2")]
    assert runs[0] == runs[1] and len(set(runs[0])) == 2


# --- errors for people ----------------------------------------------------------------------------------------------
def test_an_unknown_chapter_lists_the_valid_ones():
    for make in (Quiz, learning_checks):
        with pytest.raises(InvalidChoice) as raised:
            make("chapter-one")
        message = str(raised.value)
        assert "unknown chapter 'chapter-one'" in message
        assert all(chapter in message for chapter in banks()), message


@pytest.mark.parametrize(("mutate", "words"), [
    (lambda r: r["questions"][1]["options"][0].pop("feedback"),
     ["questions entry 'categorising-4b-band'", "'feedback'"]),
    (lambda r: r["questions"][1]["options"][1].update(correct=True), ["categorising-4b-band", "exactly one"]),
    (lambda r: r["questions"][0].update(sources=["nobody2000"]), ["categorising-uk-3-vs-us-3", "nobody2000"]),
    (lambda r: r["questions"][2].update(type="essay"), ["categorising-atlas-values", "'type'"]),
])
def test_a_malformed_bank_stops_the_quiz_naming_file_question_and_field(tmp_path, monkeypatch, mutate, words):
    raw = yaml.safe_load((QUESTIONS_DIR / f"{CHAPTER}.yaml").read_text(encoding="utf-8"))
    mutate(raw)
    (tmp_path / f"{CHAPTER}.yaml").write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True),
                                              encoding="utf-8")
    monkeypatch.setattr(questions, "banks", lambda: banks.__wrapped__(tmp_path))
    with pytest.raises(DataError) as raised:
        Quiz(CHAPTER)
    assert f"{CHAPTER}.yaml" in str(raised.value)
    for word in words:
        assert word in str(raised.value), str(raised.value)


def test_the_bank_state_is_plain_data():
    state = bank_state(bank("explore-the-pathway"))
    assert [q["id"] for q in state["questions"]][0] == "explore-punctate-uk-us"
    assert all(len(q["version"]) == 12 for q in state["questions"])
