"""The case player's Python side, without a kernel or a browser: traits, validation, scores, representations.

The browser side (the same ES module, in the built book) is tested in tests/browser/test_caseplayer.py and
tests/browser/test_present.py.
"""
from __future__ import annotations

import json
import re

import pytest

from calcflow import InvalidChoice
from calcflow.model.cases import cases
from calcflow.widgets.payloads import player_table
from calcflow.widgets import CasePlayer

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
STATE_SCRIPT = re.compile(r'<script type="application/json">(.*?)</script>', re.S)
IDS = [c.id for c in cases()]


def _bundle(player):
    data, _metadata = player._repr_mimebundle_()
    return data


def test_defaults_and_traits():
    player = CasePlayer()
    assert player.case_id == IDS[0]
    assert player.answers == {}
    assert {"table", "case_id", "answers"} <= set(player.keys)  # synchronised with the front end
    assert CasePlayer(IDS[3]).case_id == IDS[3]


def test_an_unknown_case_id_is_refused_with_the_ids():
    with pytest.raises(InvalidChoice) as raised:
        CasePlayer("no-such-case")
    assert "unknown case 'no-such-case'" in str(raised.value)
    assert all(case_id in str(raised.value) for case_id in IDS)
    player = CasePlayer()
    with pytest.raises(InvalidChoice):
        player.case_id = "popcorn"
    assert player.case_id == IDS[0]  # unchanged


@pytest.mark.parametrize(("answers", "words"), [
    ({"no-such-case": {"size": "micro"}}, ["unknown case 'no-such-case'", IDS[0]]),
    ({IDS[0]: {"colour": "white"}}, [f"case {IDS[0]!r} does not ask 'colour'", "size, shape, pattern"]),
    ({IDS[0]: {"after_result": "repeat-biopsy"}}, ["does not ask 'after_result'"]),
    ({IDS[0]: {"shape": "blob"}}, ["unknown shape 'blob'", "punctate", "fine-pleomorphic"]),
    ({IDS[0]: ["micro"]}, ["must be a dict"]),
])
def test_wrong_answers_are_refused_and_say_what_would_do(answers, words):
    player = CasePlayer()
    with pytest.raises(ValueError) as raised:
        player.answers = answers
    assert all(word in str(raised.value) for word in words), str(raised.value)
    assert player.answers == {}


def test_scores_compare_with_the_expert_answers():
    table = player_table()
    first, second = table["cases"][0], table["cases"][-1]
    right = {step: first["expert"][step]["answer"] for step in first["asked"]}
    wrong_size = next(o["id"] for o in table["choices"]["size"] if o["id"] != second["expert"]["size"]["answer"])
    player = CasePlayer()
    player.answers = {first["id"]: right,
                      second["id"]: {"size": wrong_size, "shape": second["expert"]["shape"]["answer"]}}
    scores = player.scores
    assert scores[first["id"]] == (len(first["asked"]), len(first["asked"]), len(first["asked"]))
    assert scores[second["id"]] == (1, 2, len(second["asked"]))
    assert player.total == (len(first["asked"]) + 1, len(first["asked"]) + 2,
                            sum(len(row["asked"]) for row in table["cases"]))
    assert str(player.total).startswith(f"{len(first['asked']) + 1} right of {len(first['asked']) + 2} answered")


@pytest.mark.parametrize(("case_id", "step", "value", "words"), [
    # a dismissed finding: the screening read's two ways out, not the assessment's
    ("popcorn-fibroadenoma", "next_test", "stereotactic-biopsy",
     ["unknown next_test 'stereotactic-biopsy'", "uk-routine-recall, uk-recall-assessment"]),
    # a step of the other system's graph
    ("punctate-group-baseline-us", "next_test", "uk-routine-recall",
     ["unknown next_test 'uk-routine-recall'", "us-short-interval-follow-up"]),
    ("fine-linear-invasive-us", "after_result", "uk-vae", ["unknown after_result 'uk-vae'", "treatment-planning"]),
])
def test_options_are_the_cases_own(case_id, step, value, words):
    player = CasePlayer(case_id)
    with pytest.raises(ValueError) as raised:
        player.answers = {case_id: {step: value}}
    assert all(word in str(raised.value) for word in words), str(raised.value)


def test_scores_of_cases_played_with_written_out_answers():
    player = CasePlayer()
    player.answers = {
        "popcorn-fibroadenoma": {"size": "macro", "shape": "coarse-popcorn", "pattern": "grouped",
                                 "category": "benign", "next_test": "uk-routine-recall"},
        "fine-linear-segmental": {"size": "micro", "shape": "fine-linear-branching", "pattern": "segmental",
                                  "category": "suspicious", "next_test": "stereotactic-biopsy",
                                  "after_result": "treatment-planning"},    # B5b: axillary ultrasound comes first
        "treated-breast-scar-plaques": {"size": "macro", "shape": "dystrophic", "pattern": "grouped",
                                        "category": "benign", "next_test": "magnification-views"},
    }
    assert player.scores["popcorn-fibroadenoma"] == (5, 5, 5)
    assert player.scores["fine-linear-segmental"] == (5, 6, 6)
    assert player.scores["treated-breast-scar-plaques"] == (4, 5, 5)


def test_answers_are_kept_in_the_order_the_case_asks_them():
    player = CasePlayer()
    player.answers = {IDS[0]: {"shape": "punctate", "size": "micro"}}
    assert list(player.answers[IDS[0]]) == ["size", "shape"]


def test_repr_is_deterministic():
    assert repr(CasePlayer()) == (f"CasePlayer(case_id={IDS[0]!r}, {len(IDS)} cases, "
                                  f"0 right of 0 answered ({sum(len(r['asked']) for r in player_table()['cases'])}"
                                  " questions))")
    assert "0x" not in repr(CasePlayer())


def test_the_table_trait_is_the_library_with_its_expert_answers():
    table = CasePlayer().table
    assert [row["id"] for row in table["cases"]] == IDS and len(IDS) == 32
    rows = {row["id"]: row for row in table["cases"]}
    # Written out from the case library: the popcorn fibroadenoma, dismissed at the UK screening read.
    popcorn = rows["popcorn-fibroadenoma"]
    assert {step: popcorn["expert"][step]["answer"] for step in popcorn["asked"]} == {
        "size": "macro", "shape": "coarse-popcorn", "pattern": "grouped", "category": "benign",
        "next_test": "uk-routine-recall"}
    assert popcorn["system"]["id"] == "uk" and popcorn["result"] is None
    assert popcorn["path"] == ["uk-screening-mammogram", "uk-double-reading", "uk-routine-recall"]
    # Its next-test options are the screening read's ways out, in its own system's graph.
    assert popcorn["choices"]["next_test"] == "next_test:uk:uk-double-reading"
    assert {o["id"] for o in table["choices"]["next_test:uk:uk-double-reading"]} == {
        "uk-routine-recall", "uk-recall-assessment"}
    assert set(table["flowchart_svg"]) == {"uk", "us"}
    assert all(row["image"]["src"].startswith("data:image/png;base64,") for row in table["cases"])
    assert set(table["references"]) == {key for row in table["cases"] for answer in row["expert"].values()
                                        for key in answer["sources"]}


def test_the_mimebundle_offers_the_live_widget_and_a_host_with_the_state():
    player = CasePlayer(IDS[5])
    data = _bundle(player)
    assert data["text/plain"] == repr(player)
    assert data[WIDGET_VIEW]["model_id"] == player.model_id
    page = data["text/html"]
    assert page.startswith('<div class="calcflow-static" data-calcflow-static="caseplayer">')
    (state_text,) = STATE_SCRIPT.findall(page)
    state = json.loads(state_text)
    assert set(state) == {"table", "case_id", "answers"}
    assert (state["case_id"], state["answers"]) == (IDS[5], {})
    assert [row["id"] for row in state["table"]["cases"]] == IDS
    assert page.count('"flowchart_svg":') == 1
    # State, not code: the book's build adds the module (calcflow.publish.widget_code).
    assert page.count("<script") == 1 and "<style" not in page and 'type="module"' not in page
    assert "The case player is interactive." in page


def test_the_live_widgets_module_is_the_built_bundle():
    """anywidget gets the built, self-contained module (the browser test renders it from its default export)."""
    module = str(CasePlayer()._esm)
    assert module.startswith("// calcflow/widgets/static: built from js/caseplayer.js")
    assert re.search(r"^export \{[^}]*\bas default\b[^}]*\};\s*$", module, re.M)
    assert "calcflow.caseplayer.answers" in module  # the key progress is stored under
    assert str(CasePlayer()._css).startswith("/* calcflow/widgets/static: built from css/caseplayer.css")


def test_the_page_fetches_nothing():
    page = _bundle(CasePlayer())["text/html"]
    # No remote address anywhere: the images are data: URIs, the flowchart names only the SVG namespaces.
    remote = set(re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"'<>)]*", page))
    assert {url for url in remote if not url.startswith("http://www.w3.org/")} == set()
    images = re.findall(r'"src":"([^"]{0,30})', page)
    assert images and all(src.startswith("data:image/png;base64,") for src in images)


def test_the_case_table_gives_nothing_away():
    from calcflow.figures.tables import case_table

    table = case_table()
    assert [row[1] for row in table.rows] == [c.title for c in cases()]
    text = table.to_markdown()
    assert not any(case_id in text for case_id in IDS), "case ids name the finding"
