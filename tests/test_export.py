"""What the browser receives equals what the model says: the explorer's table, for every combination, and the chart.

The explorer's JavaScript only looks answers up in `explorer_table()` (with the arithmetic of `lookup`), so these
tests are what makes the static book clinically the same as `calcflow.assess`.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import calcflow
from calcflow.figures import flowchart
from calcflow.model.catalogue import catalogue
from calcflow.widgets.payloads import explorer_table, lookup

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/ may or may not become a package
from test_model import RESULTS, combos  # noqa: E402  every combination, each system with its own results

REPO = Path(__file__).resolve().parents[1]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def table() -> dict:
    return explorer_table()


def test_the_tables_cover_every_input_of_the_model(table):
    model = calcflow.choices()
    assert table["fields"] == list(model)
    for field, ids in model.items():
        offered = [option["id"] for option in table["choices"][field]]
        assert offered == ([""] + ids if field in ("result", "concordance") else ids), field
    assert table["category"]["fields"] == ["size", "shape", "pattern", "change", "history"]
    assert len(table["category"]["index"]) == 2 * 14 * 5 * 3 * 2
    assert table["route"]["fields"] == ["system", "setting", "history", "birads", "result", "concordance"]
    assert len(table["route"]["index"]) == 2 * 2 * 2 * 7 * 13 * 3
    for part in ("category", "route"):
        assert all(0 <= n < len(table[part]["outcomes"]) for n in table[part]["index"])
    assert {o["id"]: o.get("system") for o in table["choices"]["result"] if o["id"]} == {
        **{r: "uk" for r in RESULTS["uk"]}, **{r: "us" for r in RESULTS["us"]}}


def test_every_combination_looked_up_in_the_tables_equals_assess(table):
    checked = refused = 0
    for choice in combos():
        outcome = lookup(table, **choice)
        try:
            answer = calcflow.assess(**choice)
        except calcflow.CalcflowError as error:
            assert outcome == {"refused": str(error)}, choice
            refused += 1
            continue
        expected = answer.to_dict()
        assert outcome == {"category": expected["category"], "birads": expected["birads"], "rcr": expected["rcr"],
                           "next_step": expected["next_step"], "path": [s["id"] for s in expected["path"]],
                           "route": expected["route"], "rules": [r["id"] for r in expected["rules"]],
                           "sources": expected["sources"], "concordance": expected["concordance"]}, choice
        checked += 1
    assert (checked, refused) == (7940, 70560 - 7940)


def test_everything_an_outcome_names_is_described_in_the_table(table):
    for outcome in table["category"]["outcomes"] + table["route"]["outcomes"]:
        if "refused" in outcome:
            assert outcome["refused"].strip()
            continue
        assert outcome.get("category", "benign") in table["categories"]
        assert outcome.get("birads", "2") in table["birads"]
        assert outcome.get("rcr", "M2") in table["rcr"]
        assert all(step in table["steps"] for step in outcome.get("path", []))
        assert all(rule in table["rules"] for rule in outcome["rules"])
    descriptors = [option for options in table["choices"].values() for option in options]
    for entry in [*table["steps"].values(), *table["rules"].values(), *descriptors]:
        assert all(key in table["references"] for key in entry["sources"])


def test_the_table_is_json_and_the_same_in_every_process(table):
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"))
    assert json.loads(text) == table
    program = ("import json; from calcflow.widgets.payloads import explorer_table; "
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


@pytest.mark.parametrize("system", ["uk", "us"])
def test_each_flowchart_has_one_node_per_step_of_its_system(system):
    cat = catalogue()
    svg_text = flowchart.svg(system=system)
    nodes = _groups(svg_text, "node")
    own = [step for step in cat.pathway.steps if system in step.systems]
    assert sorted(g.get("id") for g in nodes) == sorted(step.id for step in own)
    assert not [g for g in nodes if g.get("id").startswith("us-" if system == "uk" else "uk-")]
    for g in nodes:
        assert g.find(f"{SVG}title").text == g.get("id")  # what the explorer reads to find a node's step
        assert {"step", f"kind-{cat.step(g.get('id')).kind}"} <= set(g.get("class").split())
    edges = {g.get("id") for g in _groups(svg_text, "edge")}
    names = {step.id for step in own}
    assert edges == {f"{step.id}--{edge.to}" for step in own for edge in step.next if edge.to in names}


def test_a_shared_step_takes_its_systems_own_name():
    uk, us = flowchart.svg(system="uk"), flowchart.svg(system="us")
    assert "Treatment planned at" in uk and "Surgical consultation" in us and "Surgical consultation" not in uk


def test_the_flowchart_names_itself_and_highlights_nothing_by_default():
    root = ET.fromstring(flowchart.svg())
    assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
    assert set(root.get("aria-labelledby").split()) == {root.find(f"{SVG}title").get("id"),
                                                         root.find(f"{SVG}desc").get("id")}
    assert not [g for g in root.iter(f"{SVG}g") if "on-path" in g.get("class", "").split()]


def test_every_path_of_the_table_runs_along_edges_of_its_systems_chart(table):
    charts = {s: {g.get("id") for g in _groups(flowchart.svg(system=s), "edge")} for s in ("uk", "us")}
    for n, outcome in enumerate(table["route"]["outcomes"]):
        path = outcome.get("path", [])
        systems = [s for s in ("uk", "us") if all(s in table["steps"][p]["systems"] for p in path)]
        assert path == [] or systems, path
        for system in systems:
            for a, b in zip(path, path[1:]):
                assert f"{a}--{b}" in charts[system], (system, a, b)
