"""Self-assessment: a chapter's question bank as an interactive quiz, live in JupyterLab and in the static book.

Each question is answered with native radio buttons (one right answer) or checkboxes (several), committed with
"Check answer"; the feedback says in words whether the answer is right, gives the chosen option's feedback and then
the explanation with its sources. A running score closes the quiz. `quiz.answers` holds the learner's committed
answers (synchronised from the browser, so Python can read them while the notebook runs); progress may be kept in
the browser's localStorage, keyed by chapter. Nothing is sent anywhere.

Why our own module and not jupyterquiz (2.9.6.4, checked in its source and by running `display_quiz`):
- Not deterministic: every call draws a new random 12-letter div id (Python's `random`, unseeded) and puts it in
  both of its outputs, so a re-executed notebook never matches its stored outputs (nbval strict fails); the page
  then draws random ids again and shuffles the answers (`shuffle_answers=True` by default) with Math.random.
- Two outputs, one of them `application/javascript` (37 kB per quiz): JupyterLab runs it only in a trusted
  notebook, so a student who opens the chapter from a clone sees an empty box; there is no kernel-side state, so
  Python cannot read the answers. The text/html part opens a `<div>` that it never closes.
- Not offline-clean: when a page defines MathJax 3 without `typeset`, it injects
  a script tag loading MathJax 3 (tex-svg.js) from the jsDelivr CDN; its multiple-choice code alone holds 29 console.log
  calls, several of them on every click.
- Not accessible enough: each radio input gets a class `sr-only` that its own CSS does not define (hidden or not,
  depending on the host page), the option labels have no focus style, an answer is judged on the label's click
  (through the deprecated global `event`), and there is no fieldset/legend, no commit step and no live region;
  right and wrong differ mainly by colour (green #009113 against red #c80202, a pair colour-blind readers confuse).
- No place for what our banks carry: per-option feedback exists, but not an explanation or sources per question;
  text is inserted with innerHTML (markdown links and $…$ maths rewritten), not as text.
Ours reuses the explorer's route: one ES module (js/quiz.js, bundled into static/quiz.js) for both hosts, and a
deterministic text/html with the bank as JSON (calcflow.widgets.standalone; the book's build adds the module) and a
<noscript> copy of the questions, answers folded, for print.
"""
from __future__ import annotations

import hashlib
import html
import json
from typing import NamedTuple

import anywidget
import traitlets

from calcflow.model.questions import QuestionBank, bank
from calcflow.model.references import short_citations
from calcflow.widgets.standalone import StandaloneRepr, bundle, host_html, style_sheet


class Score(NamedTuple):
    correct: int
    answered: int
    total: int

    def __str__(self) -> str:
        return f"{self.correct} of {self.total} correct"


def _version(question: dict) -> str:
    """A short fingerprint of a question: progress saved in a browser is dropped when the question changes."""
    text = json.dumps(question, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def display_order(question_id: str, count: int) -> list[int]:
    """The order the options are shown in: mixed, so the right answer is not always first (most banks list it
    first), yet the same on every run and in every browser (seeded by the question's id, not random)."""
    return sorted(range(count), key=lambda i: hashlib.sha256(f"{question_id}:{i}".encode()).hexdigest())


def bank_state(questions: QuestionBank) -> dict:
    """The bank as plain JSON for the front end: questions in order, and each source key's short citation."""
    items = []
    for question in questions.questions:
        item = {
            "id": question.id,
            "prompt": question.prompt,
            "type": question.type,
            "options": [{"text": o.text, "correct": o.correct, "feedback": o.feedback} for o in question.options],
            "explanation": question.explanation,
            "sources": list(question.sources),
        }
        item["version"] = _version(item)
        item["order"] = display_order(question.id, len(question.options))
        items.append(item)
    keys = sorted({key for question in questions.questions for key in question.sources})
    return {"chapter": questions.chapter, "title": questions.title, "questions": items,
            "references": short_citations(keys)}


def _checked_answers(state: dict, answers: dict) -> dict:
    """Committed answers, validated against the bank; `correct` is recomputed here, whoever sent it."""
    if not isinstance(answers, dict):
        raise ValueError(f"answers must be a dict of question id -> answer, not {type(answers).__name__}")
    questions = {q["id"]: q for q in state["questions"]}
    checked = {}
    for question_id, answer in answers.items():
        question = questions.get(question_id)
        if question is None:
            raise ValueError(f"unknown question {question_id!r}; the questions are: {', '.join(questions)}")
        if not isinstance(answer, dict) or not isinstance(answer.get("chosen"), (list, tuple)):
            raise ValueError(f"answer to {question_id!r} must be a dict with a list 'chosen' of option numbers")
        count = len(question["options"])
        chosen = sorted(set(answer["chosen"]))
        if not chosen or not all(isinstance(i, int) and not isinstance(i, bool) and 0 <= i < count for i in chosen):
            raise ValueError(f"answer to {question_id!r}: 'chosen' must name options 0 to {count - 1}, "
                             f"got {answer['chosen']!r}")
        if question["type"] == "single" and len(chosen) != 1:
            raise ValueError(f"answer to {question_id!r}: a single-answer question takes one option, "
                             f"got {len(chosen)}")
        right = [i for i, option in enumerate(question["options"]) if option["correct"]]
        checked[question_id] = {"chosen": chosen, "correct": chosen == right,
                                "tries": max(1, int(answer.get("tries") or 1)),
                                "revealed": bool(answer.get("revealed", False))}
    return {question_id: checked[question_id] for question_id in questions if question_id in checked}


def _noscript(state: dict) -> str:
    """The questions as plain HTML, answers folded: for readers without JavaScript, and for print."""
    parts = [f"<p><strong>{html.escape(state['title'])}: learning checks</strong></p>"]
    for number, question in enumerate(state["questions"], 1):
        shown = [question["options"][i] for i in question["order"]]
        options = "".join(f"<li>{html.escape(o['text'])}</li>" for o in shown)
        right = "".join(f"<li>{html.escape(o['text'])} — {html.escape(o['feedback'])}</li>"
                        for o in shown if o["correct"])
        sources = "; ".join(html.escape(state["references"][key]) for key in question["sources"])
        parts.append(
            f"<p><strong>{number}. {html.escape(question['prompt'])}</strong></p><ol type=\"a\">{options}</ol>"
            f"<details><summary>Answer</summary><ul>{right}</ul><p>{html.escape(question['explanation'])}</p>"
            f"<p>Sources: {sources}</p></details>")
    return f'<div class="calcflow-quiz-static">{"".join(parts)}</div>'


class Quiz(StandaloneRepr, anywidget.AnyWidget):
    """A chapter's learning checks as an interactive quiz.

    >>> quiz = Quiz("categorising")     # the chapter id: the notebook's file name, and its bank's
    >>> quiz.answers                    # {question id: {"chosen": [option numbers], "correct": …, "tries": …}}
    >>> quiz.score                      # Score(correct=…, answered=…, total=…); str(): "3 of 5 correct"
    """

    # The built bundle (js/quiz.js with the shared modules) and style sheet: see js/build.mjs.
    _esm = bundle("quiz")
    _css = style_sheet("quiz")

    bank = traitlets.Dict(help="the question bank (calcflow.widgets.quiz.bank_state): questions, short citations"
                          ).tag(sync=True)
    answers = traitlets.Dict(help="the learner's committed answers, by question id").tag(sync=True)

    def __init__(self, chapter: str, **kwargs):
        state = bank_state(bank(chapter))  # an unknown chapter: InvalidChoice listing the chapters
        super().__init__(bank=state, **kwargs)

    @traitlets.validate("answers")
    def _check_answers(self, proposal) -> dict:
        return _checked_answers(self.bank, proposal["value"])

    @property
    def chapter(self) -> str:
        return self.bank["chapter"]

    @property
    def score(self) -> Score:
        return Score(correct=sum(a["correct"] for a in self.answers.values()), answered=len(self.answers),
                     total=len(self.bank["questions"]))

    def __repr__(self) -> str:
        return f"{len(self.bank['questions'])} learning checks: {self.bank['title']}"

    def static_html(self) -> str:
        # No text/markdown on purpose: the HTML build prefers it to text/html (nb_mime_priority_overrides).
        return host_html(kind="quiz", state={"bank": self.bank, "answers": self.answers},
                         fallback="These learning checks are interactive.", noscript=_noscript(self.bank))


def learning_checks(chapter: str) -> Quiz:
    """A chapter's learning checks: its bank as an interactive quiz.

    Live in JupyterLab; in the static book a self-contained quiz that needs no kernel and no network, with a
    printable copy (answers folded) for readers without JavaScript. An unknown chapter lists the valid ones.
    """
    return Quiz(chapter)
