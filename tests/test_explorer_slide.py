"""The explorer laid out for a lecture slide (Explorer.for_slides, calcflow.widgets.explorer_slide): which menus it
shows, that every path those menus can reach is drawn — checked against calcflow.assess, not the tables the
paths were found with — and what a stored output carries. The browser side: tests/browser/test_slides.py."""
from __future__ import annotations

import itertools
import json
import re

import pytest

import calcflow
from calcflow.errors import CalcflowError
from calcflow.model.catalogue import catalogue
from calcflow.widgets import Explorer
from calcflow.widgets.explorer_slide import SLIDE_FIELDS, path_key

STATE = re.compile(r'<script type="application/json">(.*?)</script>', re.S)


def _state(explorer) -> dict:
    return json.loads(STATE.search(explorer.static_html()).group(1).replace("<\\/", "</"))


def test_the_slide_explorer_shows_few_menus_and_keeps_the_choice():
    explorer = Explorer.for_slides(shape="punctate", fields=["system", "shape"])
    assert explorer.layout == "slide" and explorer.fields == ["system", "shape"]
    assert explorer.choice["shape"] == "punctate" and explorer.choice["pattern"] == "grouped"
    assert Explorer().layout == "page" and Explorer.for_slides().fields == list(SLIDE_FIELDS)
    assert "layout='slide', fields=['system', 'shape']" in repr(explorer)


def test_every_path_the_menus_reach_is_drawn():
    """Walk every combination of the menus with calcflow.assess (the model itself): each path has its drawing."""
    explorer = Explorer.for_slides(size="macro", shape="dystrophic", change="stable", history="treated-breast",
                                   fields=["system", "shape", "result"])
    options = {"system": ["uk", "us"], "shape": catalogue().ids("shape"), "result": [None, *catalogue().ids("result")]}
    reached = set()
    for system, shape, result in itertools.product(*options.values()):
        try:
            answer = calcflow.assess(**{**explorer.choice, "system": system, "shape": shape, "result": result})
        except CalcflowError:
            continue
        reached.add(path_key(system, [step.id for step in answer.path]))
    assert reached == set(explorer.paths), "drawn paths that no choice reaches, or reachable paths not drawn"
    assert len(reached) > 5


def test_each_drawing_is_its_path_alone_with_large_labels():
    explorer = Explorer.for_slides(fields=["system"])
    for key, svg in explorer.paths.items():
        system, steps = key.split(":")
        assert 'class="calcflow-path-flowchart"' in svg
        drawn = re.findall(r'<g id="cfx-slide-\d+-([a-z0-9-]+)" class="node', svg)
        assert sorted(drawn) == sorted(steps.split()), f"{key}: the drawing shows {drawn}"
    ids = [re.search(r'<g id="(cfx-slide-\d+)-', svg).group(1) for svg in explorer.paths.values()]
    assert len(set(ids)) == len(ids), "each drawing has ids of its own"


def test_the_stored_output_carries_the_slide_state_not_the_full_charts():
    state = _state(Explorer.for_slides(fields=["shape", "pattern"]))
    assert state["layout"] == "slide" and state["fields"] == ["shape", "pattern"]
    assert "svgs" not in state and state["paths"]
    assert "layout" not in _state(Explorer())


def test_a_change_from_python_of_an_input_without_a_menu_redraws_the_paths():
    explorer = Explorer.for_slides(fields=["system", "shape"])
    before = set(explorer.paths)
    explorer.choice = {"shape": "amorphous"}
    assert set(explorer.paths) == before, "a menu's value changes no path the menus reach"
    explorer.choice = {"history": "treated-breast", "change": "stable"}
    assert set(explorer.paths) != before
    answer = explorer.assessment
    assert path_key(answer.system, [step.id for step in answer.path]) in explorer.paths


def test_an_unknown_menu_is_refused_with_the_fields():
    with pytest.raises(ValueError, match=r"unknown explorer field 'colour'; the fields are: size, shape"):
        Explorer.for_slides(fields=["shape", "colour"])
