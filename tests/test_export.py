"""What the browser receives equals what the model says: the explorer's table, for every combination, and the chart.

The explorer's JavaScript only looks answers up in `explorer_table()` (with the arithmetic of `lookup`), so these
tests are what makes the static book clinically the same as `calcflow.assess`.
"""
from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import calcflow
from calcflow import flowchart
from calcflow.catalogue import catalogue
from calcflow.export import explorer_table, lookup

REPO = Path(__file__).resolve().parents[1]
DESCRIBED = ("size", "shape", "pattern", "change")  # the inputs whose own sources are part of an answer's sources
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def table() -> dict:
    return explorer_table()


def every_choice(table):
    """Every combination the explorer offers, as keyword arguments for assess (result None = no result yet)."""
    axes = [[option["id"] for option in table["choices"][field]] for field in table["fields"]]
    for values in itertools.product(*axes):
        choice = dict(zip(table["fields"], values))
        choice["result"] = choice["result"] or None
        yield choice


def test_the_table_covers_every_combination_of_the_model(table):
    model = calcflow.choices()
    assert table["fields"] == list(model)
    for field, ids in model.items():
        offered = [option["id"] for option in table["choices"][field]]
        assert offered == ([""] + ids if field == "result" else ids), field
    expected = 1
    for field in table["fields"]:
        expected *= len(table["choices"][field])
    assert len(table["index"]) == expected == sum(1 for _ in every_choice(table))
    assert all(0 <= n < len(table["outcomes"]) for n in table["index"])


def test_every_combination_in_the_table_equals_assess(table):
    sources_of = {field: {o["id"]: set(o["sources"]) for o in table["choices"][field]} for field in DESCRIBED}
    checked = refused = 0
    for choice in every_choice(table):
        outcome = lookup(table, **choice)
        try:
            answer = calcflow.assess(**choice)
        except calcflow.CalcflowError as error:
            assert outcome == {"refused": str(error)}, choice
            refused += 1
            continue
        assert "refused" not in outcome, choice
        assert (outcome["category"], outcome["birads"], outcome["rcr"], outcome["next_step"]) == (
            answer.category, answer.birads, answer.rcr, answer.next_step), choice
        assert outcome["path"] == [step.id for step in answer.path], choice
        assert outcome["rules"] == [rule.id for rule in answer.rules], choice
        described = set().union(*(sources_of[field][choice[field]] for field in DESCRIBED))
        assert set(outcome["sources"]) | described == set(answer.sources), choice
        checked += 1
    assert checked and refused, "the spread should include answers and refusals"


def test_everything_an_outcome_names_is_described_in_the_table(table):
    for outcome in table["outcomes"]:
        if "refused" in outcome:
            assert outcome["refused"].strip()
            continue
        assert outcome["category"] in table["categories"]
        assert outcome["birads"] in table["birads"]
        assert outcome["rcr"] in table["rcr"]
        assert all(step in table["steps"] for step in outcome["path"])
        assert all(rule in table["rules"] for rule in outcome["rules"])
        assert all(key in table["references"] for key in outcome["sources"])
    descriptors = [option for options in table["choices"].values() for option in options]
    for entry in [*table["steps"].values(), *table["rules"].values(), *descriptors]:
        assert all(key in table["references"] for key in entry["sources"])


def test_the_table_is_json_and_the_same_in_every_process(table):
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"))
    assert json.loads(text) == table
    program = ("import json; from calcflow.export import explorer_table; "
               "print(json.dumps(explorer_table(), ensure_ascii=False, separators=(',', ':')))")
    outputs = {
        subprocess.run([sys.executable, "-c", program], cwd=REPO, check=True, capture_output=True, text=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip()
        for seed in ("1", "2")
    }
    assert outputs == {text}


def _groups(svg_text: str, kind: str) -> list[ET.Element]:
    root = ET.fromstring(svg_text)
    return [g for g in root.iter(f"{SVG}g") if kind in g.get("class", "").split()]


def test_the_flowchart_has_one_node_per_step_named_by_its_id():
    cat = catalogue()
    svg_text = flowchart.svg()
    nodes = _groups(svg_text, "node")
    assert sorted(g.get("id") for g in nodes) == sorted(step.id for step in cat.pathway.steps)
    for g in nodes:
        assert g.find(f"{SVG}title").text == g.get("id")  # what the explorer reads to find a node's step
        assert {"step", f"kind-{cat.step(g.get('id')).kind}"} <= set(g.get("class").split())
    edges = {g.get("id") for g in _groups(svg_text, "edge")}
    assert edges == {f"{step.id}--{edge.to}" for step in cat.pathway.steps for edge in step.next}


def test_the_flowchart_names_itself_and_highlights_nothing_by_default():
    root = ET.fromstring(flowchart.svg())
    assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
    assert set(root.get("aria-labelledby").split()) == {root.find(f"{SVG}title").get("id"),
                                                         root.find(f"{SVG}desc").get("id")}
    assert not [g for g in root.iter(f"{SVG}g") if "on-path" in g.get("class", "").split()]


def test_every_path_of_the_table_runs_along_edges_of_the_chart(table):
    edges = {g.get("id") for g in _groups(flowchart.svg(), "edge")}
    for outcome in table["outcomes"]:
        path = outcome.get("path", [])
        for a, b in zip(path, path[1:]):
            assert f"{a}--{b}" in edges, (a, b)
