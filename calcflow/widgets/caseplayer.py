"""The case player: a case from the library, one question at a time, the learner committing before any feedback.

Live in JupyterLab (an anywidget; Python can read `player.answers`, `player.scores` and `player.total`, and set
`player.case_id`), and just as interactive in the static book through its `text/html` representation (the
state) and the code the book's build adds (see `calcflow.widgets.standalone`; the front end is
js/caseplayer.js, css/caseplayer.css). The browser walks the table exported by
`calcflow.cases.player_table()`: the vignette, the synthetic image, each case's options per step (the next test and
what follows the result are places in the case's own UK or US pathway) and the expert's answers with their
explanations and sources. It compares the learner's choice with the expert's and decides nothing else.
Progress may be kept in the browser's localStorage; nothing is sent anywhere.
"""
from __future__ import annotations

from typing import NamedTuple

import anywidget
import traitlets

from calcflow.widgets.payloads import player_table
from calcflow.errors import InvalidChoice
from calcflow.widgets.standalone import StandaloneRepr, bundle, host_html, style_sheet


class Score(NamedTuple):
    right: int      # answers that match the expert's
    answered: int   # questions committed
    asked: int      # questions the case (or the library) asks

    def __str__(self) -> str:
        return f"{self.right} right of {self.answered} answered ({self.asked} questions)"


def _rows(table: dict) -> dict[str, dict]:
    return {row["id"]: row for row in table["cases"]}


def _checked_answers(table: dict, answers: dict) -> dict:
    """Committed answers, validated against the table: known cases, steps the case asks, options that exist."""
    if not isinstance(answers, dict):
        raise ValueError(f"answers must be a dict of case id -> {{step: option id}}, not {type(answers).__name__}")
    rows = _rows(table)
    checked = {}
    for case_id, given in answers.items():
        row = rows.get(case_id)
        if row is None:
            raise InvalidChoice("case", case_id, list(rows))
        if not isinstance(given, dict):
            raise ValueError(f"answers for case {case_id!r} must be a dict of step -> option id")
        for step, value in given.items():
            if step not in row["asked"]:
                raise ValueError(f"case {case_id!r} does not ask {step!r}; it asks: {', '.join(row['asked'])}")
            options = [option["id"] for option in table["choices"][row["choices"][step]]]
            if value not in options:
                raise InvalidChoice(step, value, options)
        checked[case_id] = {step: given[step] for step in row["asked"] if step in given}
    return checked


class CasePlayer(StandaloneRepr, anywidget.AnyWidget):
    """The case player.

    >>> player = CasePlayer("punctate-group-baseline-uk")   # a case id from calcflow.cases.cases(); default: the first
    >>> player.answers        # {case id: {step: option id}}, as the learner commits them
    >>> player.scores         # {case id: Score(right, answered, asked)}, for every case with an answer
    >>> player.total          # Score over every case

    For teaching, not for diagnosis.
    """

    # The built bundle (js/caseplayer.js with the shared modules) and style sheet: see js/build.mjs.
    _esm = bundle("caseplayer")
    _css = style_sheet("caseplayer")

    table = traitlets.Dict(help="calcflow.cases.player_table(): the cases, options and expert answers").tag(sync=True)
    case_id = traitlets.Unicode(help="the case shown").tag(sync=True)
    answers = traitlets.Dict(help="the learner's committed answers: {case id: {step: option id}}").tag(sync=True)

    def __init__(self, case_id: str | None = None, **kwargs):
        table = player_table()
        super().__init__(table=table, case_id=case_id if case_id is not None else table["cases"][0]["id"], **kwargs)

    @traitlets.validate("case_id")
    def _check_case_id(self, proposal) -> str:
        rows = _rows(self.table)
        if proposal["value"] not in rows:
            raise InvalidChoice("case", proposal["value"], list(rows))
        return proposal["value"]

    @traitlets.validate("answers")
    def _check_answers(self, proposal) -> dict:
        return _checked_answers(self.table, proposal["value"])

    @property
    def case_ids(self) -> list[str]:
        return [row["id"] for row in self.table["cases"]]

    @property
    def scores(self) -> dict[str, Score]:
        rows = _rows(self.table)
        return {case_id: Score(right=sum(rows[case_id]["expert"][step]["answer"] == value
                                         for step, value in given.items()),
                               answered=len(given), asked=len(rows[case_id]["asked"]))
                for case_id, given in self.answers.items() if given}

    @property
    def total(self) -> Score:
        scores = self.scores.values()
        return Score(right=sum(s.right for s in scores), answered=sum(s.answered for s in scores),
                     asked=sum(len(row["asked"]) for row in self.table["cases"]))

    def __repr__(self) -> str:
        return f"CasePlayer(case_id={self.case_id!r}, {len(self.table['cases'])} cases, {self.total})"

    def static_html(self) -> str:
        return host_html(kind="caseplayer",
                         state={"table": self.table, "case_id": self.case_id, "answers": self.answers},
                         fallback="The case player is interactive.")
