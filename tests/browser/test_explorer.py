"""The pathway explorer in the built book, in Chromium, with no kernel and no network — over HTTP and from file://.

The expected answers come from `calcflow.assess`, never from the table the page carries: these tests check that
what a student sees is what the model says. Controls are operated the way a reader does (the real <select> menus,
the keyboard), through the hooks the explorer promises to keep:
    [data-calcflow="explorer"]  root, with data-ready once it is interactive
    select[name=size|shape|pattern|change|system|result]  values are the ids of `calcflow choices`
    .on-path  on the flowchart's nodes (<g class="node" id="<step id>">) and edges (id "<from>--<to>")
    [data-calcflow="transcript"]  the path as text, one <li> per step
"""
from __future__ import annotations

import pytest

import calcflow
from calcflow.catalogue import catalogue
from calcflow.widgets.explorer import DEFAULT_CHOICE

EXPLORER_PAGE = "book/explore-the-pathway.html"
ROOT = '[data-calcflow="explorer"]'
FIELDS = ("size", "shape", "pattern", "change", "system", "result")
STEP_LABELS = {step.id: step.label for step in catalogue().pathway.steps}

# A spread of combinations: every category and route, UK against US for BI-RADS 3, every B-code, and refusals.
COMBINATIONS = [
    dict(size="micro", shape="punctate", pattern="grouped", system="uk"),
    dict(size="micro", shape="punctate", pattern="grouped", system="us"),
    dict(size="micro", shape="punctate", pattern="grouped", change="stable", system="us"),
    dict(size="micro", shape="punctate", pattern="grouped", change="new-or-increasing", system="us"),
    dict(size="micro", shape="amorphous", pattern="diffuse"),
    dict(size="micro", shape="amorphous", pattern="regional", system="us"),
    dict(size="macro", shape="coarse-popcorn", pattern="grouped"),
    dict(size="macro", shape="large-rod", pattern="linear", system="us"),
    dict(size="micro", shape="fine-pleomorphic", pattern="grouped", result="B1"),
    dict(size="micro", shape="fine-pleomorphic", pattern="grouped", result="B2"),
    dict(size="micro", shape="coarse-heterogeneous", pattern="grouped", system="us", result="B3"),
    dict(size="micro", shape="fine-pleomorphic", pattern="linear", result="B4"),
    dict(size="micro", shape="fine-linear-branching", pattern="segmental", result="B2"),
    dict(size="micro", shape="fine-linear-branching", pattern="segmental", result="B5a"),
    dict(size="micro", shape="amorphous", pattern="grouped", change="new-or-increasing", result="B5b"),
    dict(size="micro", shape="fine-pleomorphic", pattern="segmental", system="us", result="B5c"),
    dict(size="macro", shape="coarse-popcorn", pattern="grouped", result="B2"),  # refused: never biopsied
    dict(size="macro", shape="fine-linear-branching", pattern="segmental"),  # refused: no such size
]


def full(choice: dict) -> dict:
    return {**DEFAULT_CHOICE, **choice}


def label(choice: dict) -> str:
    return "-".join(str(v) for v in full(choice).values() if v)


@pytest.fixture()
def explorer(page, site, open_page):
    open_page(page, site, EXPLORER_PAGE)
    page.wait_for_selector(f'{ROOT}[data-ready="true"]')
    assert page.locator(ROOT).count() == 1
    return page


def choose(page, choice: dict) -> None:
    for field in FIELDS:
        value = full(choice)[field] or ""
        page.select_option(f'{ROOT} select[name="{field}"]', value)


def shown(page) -> dict:
    """What the explorer shows now: highlighted nodes and edges, the transcript, the answer's text."""
    return page.evaluate("""(root) => {
        const explorer = document.querySelector(root);
        const ids = (selector) => [...explorer.querySelectorAll(selector)].map((g) => g.id).sort();
        const transcript = explorer.querySelector('[data-calcflow="transcript"]');
        return {
            nodes: ids("svg g.node.on-path"),
            edges: ids("svg g.edge.on-path"),
            steps: [...transcript.querySelectorAll(":scope > li")].map(
                (li) => li.querySelector(".cfx-step-label").textContent),
            transcript: transcript.innerText,
            summary: explorer.querySelector('[aria-label="Answer"]').innerText,
            controls: Object.fromEntries([...explorer.querySelectorAll("select")].map((s) => [s.name, s.value])),
        };
    }""", ROOT)


def test_the_controls_offer_exactly_the_models_choices(explorer):
    offered = explorer.evaluate("""(root) => Object.fromEntries(
        [...document.querySelectorAll(root + " select")].map((s) => [s.name, [...s.options].map((o) => o.value)]))""",
                                ROOT)
    model = calcflow.choices()
    assert offered == {field: ([""] + ids if field == "result" else ids) for field, ids in model.items()}
    labels = explorer.evaluate("""(root) => [...document.querySelectorAll(root + " select")].map(
        (s) => s.labels.length && s.labels[0].innerText.trim())""", ROOT)
    assert all(labels), "every menu has a visible label"


@pytest.mark.parametrize("choice", COMBINATIONS, ids=label)
def test_a_choice_shows_the_models_path_and_answer(explorer, choice):
    choose(explorer, choice)
    seen = shown(explorer)
    assert seen["controls"] == {field: full(choice)[field] or "" for field in FIELDS}
    try:
        answer = calcflow.assess(**full(choice))
    except calcflow.ImpossibleCombination as refusal:
        assert seen["nodes"] == [] and seen["edges"] == [], "an impossible combination highlights nothing"
        assert seen["steps"] == []
        assert str(refusal)[1:] in seen["summary"], seen["summary"]  # the first letter is capitalised by CSS
        return
    path = [step.id for step in answer.path]
    assert seen["nodes"] == sorted(path)
    assert seen["edges"] == sorted(f"{a}--{b}" for a, b in zip(path, path[1:]))
    assert seen["steps"] == [step.label for step in answer.path]
    position = 0
    for step in answer.path:  # the transcript's text names the steps in order
        position = seen["transcript"].index(step.label, position) + len(step.label)
    for words in (answer.birads, answer.rcr, answer.next_step, answer.category):
        assert words.lower() in seen["summary"].lower(), (words, seen["summary"])


def test_python_and_page_start_from_the_same_choice(explorer):
    seen = shown(explorer)
    path = [step.id for step in calcflow.assess(**DEFAULT_CHOICE).path]
    assert seen["controls"] == {field: DEFAULT_CHOICE[field] or "" for field in FIELDS}
    assert seen["nodes"] == sorted(path)


def test_a_step_shows_its_explanation_when_clicked(explorer):
    explorer.click(f'{ROOT} svg g.node[id="marker-clip"]')
    details = explorer.locator(f'{ROOT} [aria-label="Step details"]')
    assert "Marker clip placed" in details.inner_text()
    assert "Step 8 of 9 on the current path" in details.inner_text()
    assert details.locator("cite").count() >= 1


def focused(page) -> dict:
    return page.evaluate("""() => {
        const e = document.activeElement;
        return {tag: e.tagName.toLowerCase(), name: e.getAttribute("name"), id: e.id,
                step: e.dataset ? e.dataset.step || null : null};
    }""")


def tab_until(page, predicate, limit: int = 120) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if predicate(now):
            return now
    raise AssertionError(f"Tab never reached the element (last focus: {focused(page)})")


def test_a_keyboard_only_walk_through(explorer):
    # From the top of the page to the first menu, by Tab alone.
    tab_until(explorer, lambda f: f["tag"] == "select" and f["name"] == "size")
    assert explorer.evaluate("() => document.activeElement.matches(':focus-visible')")
    assert explorer.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "solid"
    # Next menu: shape. The arrow key moves to the next shape, fine pleomorphic → fine linear branching.
    assert tab_until(explorer, lambda f: f["tag"] == "select", limit=1)["name"] == "shape"
    explorer.keyboard.press("ArrowDown")
    expected = calcflow.assess(**full({"shape": "fine-linear-branching"}))
    seen = shown(explorer)
    assert seen["controls"]["shape"] == "fine-linear-branching"
    assert seen["steps"] == [step.label for step in expected.path]
    assert f"{expected.birads} —" in seen["summary"]
    # On through the remaining menus to the flowchart's steps; Enter opens one.
    node = tab_until(explorer, lambda f: f["step"] == "categorisation")
    assert node["tag"] == "g"
    ring = explorer.evaluate("""() => getComputedStyle(
        document.activeElement.querySelector("path, polygon")).strokeWidth""")
    assert ring == "5px", "a focused step has a thick ring"
    explorer.keyboard.press("Enter")
    details = explorer.locator(f'{ROOT} [aria-label="Step details"]')
    assert "Describe and categorise" in details.inner_text()
    assert focused(explorer)["step"] == "categorisation", "focus stays on the step"
    # Space works as well, on the next step.
    step = tab_until(explorer, lambda f: f["step"] is not None, limit=1)["step"]
    explorer.keyboard.press(" ")
    assert STEP_LABELS[step] in details.inner_text()
    assert not explorer.console_errors, explorer.console_errors


def test_the_steps_are_named_buttons(explorer):
    steps = explorer.evaluate("""(root) => [...document.querySelectorAll(root + " svg g.node")].map((g) => (
        {id: g.id, role: g.getAttribute("role"), tabindex: g.getAttribute("tabindex"),
         name: g.getAttribute("aria-label")}))""", ROOT)
    assert steps and all(s["role"] == "button" and s["tabindex"] == "0" for s in steps)
    assert {s["id"]: s["name"] for s in steps} == STEP_LABELS
    svg = explorer.evaluate("""(root) => {
        const svg = document.querySelector(root + " svg");
        const byId = (ids) => (ids || "").split(" ").map((id) => document.getElementById(id)?.textContent);
        return {title: byId(svg.getAttribute("aria-labelledby")), help: byId(svg.getAttribute("aria-describedby"))};
    }""", ROOT)
    assert all(svg["title"]) and len(svg["title"]) == 2, "the chart is named by its <title> and <desc>"
    assert all(svg["help"])


def test_no_errors_and_nothing_leaves_the_machine(explorer):
    for choice in COMBINATIONS[:4]:
        choose(explorer, choice)
    explorer.click(f'{ROOT} svg g.node[id="categorisation"]')
    assert not explorer.console_errors, "\n".join(explorer.console_errors)
    assert not explorer.external_requests, "\n".join(explorer.external_requests)


def test_axe_finds_no_serious_or_critical_violation(explorer, axe_serious):
    choose(explorer, COMBINATIONS[0])
    explorer.click(f'{ROOT} svg g.node[id="categorisation"]')
    serious = axe_serious(explorer)
    assert not serious, "\n".join(serious)
    assert not explorer.external_requests, "\n".join(explorer.external_requests)


def test_the_page_carries_the_explorer_once_and_no_widget_state(site_dir):
    page = (site_dir / EXPLORER_PAGE).read_text(encoding="utf-8")
    assert page.count('data-calcflow-static="explorer"') == 1
    assert page.count('"outcomes":') == 1, "the explorer's table is embedded exactly once"
    assert "application/vnd.jupyter.widget-state+json" not in page
    assert "require.js" not in page and "embed-amd" not in page
