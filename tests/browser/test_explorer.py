"""The pathway explorer in Chromium, with no kernel and no network: in the built book (served over HTTP and opened
from file://) when the book is built, and otherwise on a page of its own built from `Explorer().static_html()`
(file://, no build needed) — see explorer_harness.MODES.

The expected answers come from `calcflow.assess`, never from the tables the page carries: these tests check that
what a student sees is what the model says. Controls are operated the way a reader does (the real <select> menus,
the keyboard), through the hooks the explorer promises to keep:
    [data-calcflow="explorer"]  root, with data-ready once it is interactive; root.calcflowLookup(choice) is the
                                page's own lookup over the tables it carries
    select[name=size|shape|pattern|change|system|result|setting|history|concordance]  values are the ids of
                                `calcflow choices` ("" for "No result yet" and "The model's judgement")
    .on-path  on the flowchart's nodes (<g class="node" id="<step id>">) and edges (id "<from>--<to>"); the chart
              shown is the chosen system's (<svg data-system="uk|us">)
    [data-calcflow="transcript"]  the path as text, one <li> per step
"""
from __future__ import annotations

import itertools
import json
import re

import pytest
from explorer_harness import EXPLORER_PAGE, MODES, ROOT, open_explorer

import calcflow
from calcflow.model.catalogue import catalogue
from calcflow.widgets.explorer import DEFAULT_CHOICE
from calcflow.widgets.standalone import bundle

FIELDS = ("size", "shape", "pattern", "change", "system", "result", "setting", "history", "concordance")
OPTIONAL = ("result", "concordance")
ANSWER_KEYS = ("category", "birads", "rcr", "next_step", "path", "route", "rules", "sources", "concordance")


def steps_of(system: str) -> dict[str, str]:
    """Each step of one system's chart, with its name in that system's words."""
    return {step.id: step.label_in(system) for step in catalogue().pathway.steps if system in step.systems}


# A spread of combinations: every entry (screening, breast clinic, surveillance), UK against US, every result of
# both systems, a concordance judged and one given, and refusals of every kind.
COMBINATIONS = [
    dict(shape="punctate", system="uk"),
    dict(shape="punctate", system="us"),
    dict(shape="punctate", change="stable", system="us"),
    dict(shape="amorphous", pattern="diffuse"),
    dict(shape="amorphous", pattern="regional", system="us", setting="symptomatic"),
    dict(size="macro", shape="coarse-popcorn", pattern="grouped"),
    dict(size="macro", shape="large-rod", pattern="linear", system="us"),
    dict(setting="symptomatic"),
    dict(size="macro", shape="dystrophic", change="stable", history="treated-breast"),
    dict(change="new-or-increasing", history="treated-breast", system="us", result="dcis"),
    dict(result="B1"),
    dict(result="B2"),
    dict(result="B2", concordance="discordant"),
    dict(result="B2", concordance="concordant"),
    dict(shape="coarse-heterogeneous", result="B3"),
    dict(shape="fine-linear-branching", pattern="segmental", result="B2"),
    dict(pattern="linear", result="B4"),
    dict(shape="fine-linear-branching", pattern="segmental", result="B5a"),
    dict(shape="amorphous", change="new-or-increasing", result="B5b"),
    dict(pattern="segmental", result="B5c"),
    dict(system="us", result="nondiagnostic"),
    dict(system="us", result="benign"),
    dict(system="us", shape="amorphous", result="high-risk"),
    dict(system="us", pattern="segmental", setting="symptomatic", result="invasive"),
    dict(size="macro", shape="coarse-popcorn", pattern="grouped", result="B2"),  # refused: never biopsied
    dict(size="macro", shape="fine-linear-branching", pattern="segmental"),  # refused: no such size
    dict(history="treated-breast"),  # refused: a treated breast has earlier films
    dict(concordance="concordant"),  # refused: a concordance needs a result
    dict(result="B1", concordance="concordant"),  # refused: B1 cannot be concordant
    dict(shape="fine-linear-branching", pattern="segmental", result="B2", concordance="concordant"),  # nor B2 after 5
]


def full(choice: dict) -> dict:
    return {**DEFAULT_CHOICE, **choice}


def label(choice: dict) -> str:
    return "-".join(f"{k}={v}" for k, v in choice.items()) or "default"


@pytest.fixture(params=MODES)
def explorer(request):
    return open_explorer(request, request.param)


def choose(page, choice: dict) -> None:
    """Operate the menus, in the order of FIELDS (the system before the result its menu offers)."""
    for field in FIELDS:
        page.select_option(f'{ROOT} select[name="{field}"]', full(choice)[field] or "")


def shown(page) -> dict:
    """What the explorer shows now: the chart's system and steps, the highlighted ones, the transcript, the answer."""
    return page.evaluate("""(root) => {
        const explorer = document.querySelector(root);
        const ids = (selector) => [...explorer.querySelectorAll(selector)].map((g) => g.id).sort();
        const transcript = explorer.querySelector('[data-calcflow="transcript"]');
        const svgs = explorer.querySelectorAll("svg");
        return {
            charts: svgs.length,
            system: svgs[0].dataset.system,
            chartSteps: ids("svg g.node"),
            nodes: ids("svg g.node.on-path"),
            edges: ids("svg g.edge.on-path"),
            steps: [...transcript.querySelectorAll(":scope > li")].map(
                (li) => li.querySelector(".cfx-step-label").textContent),
            transcript: transcript.innerText,
            summary: explorer.querySelector('[aria-label="Answer"]').innerText,
            rules: [...explorer.querySelectorAll("li[data-rule]")].map((li) => [li.dataset.rule, li.innerText]),
            notice: explorer.querySelector(".cfx-notice").textContent,
            controls: Object.fromEntries([...explorer.querySelectorAll("select")].map((s) => [s.name, s.value])),
            results: [...explorer.querySelectorAll('select[name="result"] option')].map((o) => o.value),
        };
    }""", ROOT)


# --- the page's lookup against the model, for every combination ----------------------------------------------------

def every_choice():
    """Every combination the explorer's menus offer, written out from the model's lists (not from the tables)."""
    model = calcflow.choices()
    given = ("size", "shape", "pattern", "change", "system", "setting", "history")
    for values in itertools.product(*(model[f] for f in given)):
        choice = dict(zip(given, values))
        for result in [None] + calcflow.results_for(choice["system"]):
            for concordance in [None] + model["concordance"]:
                yield {**choice, "result": result, "concordance": concordance}


def model_answer(choice: dict) -> dict:
    """What calcflow.assess says, in the shape of calcflow.export.lookup's answer (or the refusal's words)."""
    try:
        answer = calcflow.assess(**choice).to_dict()
    except calcflow.CalcflowError as error:
        return {"refused": str(error)}
    answer["path"] = [step["id"] for step in answer["path"]]
    answer["rules"] = [rule["id"] for rule in answer["rules"]]
    return {key: answer[key] for key in ANSWER_KEYS}


# Runs in the page: every combination through the page's own lookup, compared with the model's answer.
COMPARE_ALL = """(text) => {
    const {fields, ids, combos, answers, expected, keys} = JSON.parse(text);
    const lookup = document.querySelector('[data-calcflow="explorer"]').calcflowLookup;
    const mismatches = [];
    let compared = 0;
    combos.forEach((combo, n) => {
        const choice = {};
        fields.forEach((field, i) => { choice[field] = ids[field][combo[i]] || null; });
        const outcome = lookup(choice);
        const got = "refused" in outcome ? { refused: outcome.refused }
            : Object.fromEntries(keys.map((key) => [key, outcome[key] === undefined ? "(missing)" : outcome[key]]));
        const want = answers[expected[n]];
        compared += 1;
        if (JSON.stringify(got) !== JSON.stringify(want) && mismatches.length < 10) {
            mismatches.push({ choice, got, want });
        }
    });
    return { compared, mismatches };
}"""


def test_the_pages_lookup_equals_assess_for_every_combination(explorer):
    ids = {f: [""] + calcflow.choices()[f] if f in OPTIONAL else calcflow.choices()[f] for f in FIELDS}
    answers: list[dict] = []
    numbered: dict[str, int] = {}
    combos, expected = [], []
    for choice in every_choice():
        combos.append([ids[f].index(choice[f] or "") for f in FIELDS])
        answer = model_answer(choice)
        key = repr(answer)
        if key not in numbered:
            numbered[key] = len(answers)
            answers.append(answer)
        expected.append(numbered[key])
    assert len(combos) == 70_560
    # One JSON string: Playwright's own serialisation of 70,560 small arrays would take far longer than the check.
    data = json.dumps({"fields": FIELDS, "ids": ids, "combos": combos, "answers": answers, "expected": expected,
                       "keys": ANSWER_KEYS}, ensure_ascii=False)
    outcome = explorer.evaluate(COMPARE_ALL, data)
    assert outcome["compared"] == len(combos)
    assert not outcome["mismatches"], "\n".join(
        f"{m['choice']}:\n  page:  {m['got']}\n  model: {m['want']}" for m in outcome["mismatches"])


# --- the menus ----------------------------------------------------------------------------------------------------

def test_the_controls_offer_the_models_choices_in_three_groups(explorer):
    offered = explorer.evaluate("""(root) => Object.fromEntries(
        [...document.querySelectorAll(root + " select")].map((s) => [s.name, [...s.options].map((o) => o.value)]))""",
                                ROOT)
    model = calcflow.choices()
    assert offered == {**{f: model[f] for f in FIELDS if f not in OPTIONAL},
                       "result": ["", "B1", "B2", "B3", "B4", "B5a", "B5b", "B5c"],  # UK practice: B-codes only
                       "concordance": ["", "concordant", "discordant"]}
    groups = explorer.evaluate("""(root) => [...document.querySelectorAll(root + " fieldset")].map((f) => [
        f.querySelector("legend").innerText.trim(), [...f.querySelectorAll("select")].map((s) => s.name)])""", ROOT)
    assert groups == [["The woman", ["setting", "history", "system"]],
                      ["What is seen", ["size", "shape", "pattern", "change"]],
                      ["After biopsy", ["result", "concordance"]]]
    labels = explorer.evaluate("""(root) => Object.fromEntries([...document.querySelectorAll(root + " select")].map(
        (s) => [s.name, s.labels.length ? s.labels[0].innerText.trim() : ""]))""", ROOT)
    assert all(labels.values()), labels
    assert labels["result"] == "Biopsy result (B-code)"
    first = explorer.evaluate("""(root) => Object.fromEntries([...document.querySelectorAll(root + " select")].map(
        (s) => [s.name, s.options[0].textContent]))""", ROOT)
    assert (first["result"], first["concordance"]) == ("No result yet", "The model's judgement")


def check_choice(explorer, choice: dict) -> None:
    """Operate the menus for one combination and compare what the page shows with calcflow.assess."""
    choose(explorer, choice)
    seen = shown(explorer)
    system = full(choice)["system"]
    assert seen["controls"] == {field: full(choice)[field] or "" for field in FIELDS}
    assert seen["charts"] == 1 and seen["system"] == system
    assert seen["chartSteps"] == sorted(steps_of(system))
    try:
        answer = calcflow.assess(**full(choice))
    except calcflow.CalcflowError as refusal:
        assert seen["nodes"] == [] and seen["edges"] == [], "an impossible combination highlights nothing"
        assert seen["steps"] == [] and seen["rules"] == []
        assert "cannot occur" in seen["summary"]
        assert str(refusal)[1:] in seen["summary"], seen["summary"]  # the first letter is capitalised by CSS
        return
    path = [step.id for step in answer.path]
    assert seen["nodes"] == sorted(path)
    assert seen["edges"] == sorted(f"{a}--{b}" for a, b in zip(path, path[1:]))
    assert seen["steps"] == [step.label for step in answer.path]  # in the system's own words
    position = 0
    for step in answer.path:  # the transcript's text names the steps in order
        position = seen["transcript"].index(step.label, position) + len(step.label)
    summary = seen["summary"].lower()
    for words in (answer.birads, answer.rcr, answer.next_step, answer.category):
        assert words.lower() in summary, (words, seen["summary"])
    if answer.concordance:
        assert f"{answer.concordance} — " in summary
        assert ("as you chose" if full(choice)["concordance"] else "the model's judgement") in summary
    else:
        assert "does the result explain" not in summary
    assert [rule_id for rule_id, _ in seen["rules"]] == [rule.id for rule in answer.rules]
    for (_, text), rule in zip(seen["rules"], answer.rules):
        assert " ".join(rule.statement.split()) in text
        assert ("This book's simplification" in text) == rule.synthesis, (rule.id, text)
        assert ("Sources differ or are incomplete" in text) == rule.unconfirmed, (rule.id, text)



def test_each_choice_shows_the_models_path_and_answer(explorer):
    # One page per mode, the combinations chosen one after another with the menus, as a student would; the
    # page's lookup is checked for every combination at once above, this checks what the page draws and says.
    for choice in COMBINATIONS:
        try:
            check_choice(explorer, choice)
        except AssertionError as failure:
            raise AssertionError(f"{label(choice)}: {failure}") from failure

def test_python_and_page_start_from_the_same_choice(explorer):
    seen = shown(explorer)
    path = [step.id for step in calcflow.assess(**DEFAULT_CHOICE).path]
    assert seen["controls"] == {field: DEFAULT_CHOICE[field] or "" for field in FIELDS}
    assert seen["nodes"] == sorted(path)


def test_switching_system_draws_the_other_chart_and_clears_a_foreign_result(explorer):
    choose(explorer, dict(shape="fine-linear-branching", pattern="segmental", result="B2", concordance="discordant"))
    assert shown(explorer)["notice"] == ""
    explorer.select_option(f'{ROOT} select[name="system"]', "us")
    seen = shown(explorer)
    assert seen["controls"]["result"] == "" and seen["controls"]["concordance"] == "", "B2 is not a US result"
    assert seen["results"] == ["", "nondiagnostic", "benign", "high-risk", "dcis", "invasive"]
    assert "B2: benign" in seen["notice"] and "cleared" in seen["notice"] and "Discordant" in seen["notice"]
    assert explorer.locator(f"{ROOT} .cfx-notice").get_attribute("role") == "status"  # read out, not silent
    assert explorer.evaluate("(root) => document.querySelector(root + ' select[name=result]').labels[0].innerText",
                             ROOT) == "Biopsy result (pathology report)"
    assert seen["system"] == "us" and seen["chartSteps"] == sorted(steps_of("us"))
    us = calcflow.assess(**full(dict(shape="fine-linear-branching", pattern="segmental", system="us")))
    assert seen["nodes"] == sorted(step.id for step in us.path)
    assert seen["steps"] == [step.label for step in us.path]
    # A US result, then back to the UK: that result is cleared too, and the UK chart returns.
    explorer.select_option(f'{ROOT} select[name="result"]', "dcis")
    assert "Surgical consultation" in shown(explorer)["steps"]
    assert shown(explorer)["notice"] == "", "the notice is about the last change only"
    explorer.select_option(f'{ROOT} select[name="system"]', "uk")
    seen = shown(explorer)
    assert seen["system"] == "uk" and seen["chartSteps"] == sorted(steps_of("uk"))
    assert seen["controls"]["result"] == "" and "DCIS" in seen["notice"]
    assert seen["results"] == ["", "B1", "B2", "B3", "B4", "B5a", "B5b", "B5c"]
    assert not explorer.console_errors, explorer.console_errors


def test_a_refusal_shows_the_models_reason(explorer):
    choose(explorer, dict(history="treated-breast"))
    seen = shown(explorer)
    with pytest.raises(calcflow.ImpossibleCombination) as refusal:
        calcflow.assess(**full(dict(history="treated-breast")))
    assert "This combination cannot occur" in seen["summary"]
    assert str(refusal.value)[1:] in seen["summary"]
    assert seen["nodes"] == [] and seen["steps"] == []
    # Choosing earlier films that were stable makes it possible again: a path from the surveillance mammogram.
    explorer.select_option(f'{ROOT} select[name="change"]', "stable")
    assert shown(explorer)["steps"][0] == "Annual mammogram after breast cancer treatment"


def test_a_step_shows_its_explanation_when_clicked(explorer):
    path = [step.id for step in calcflow.assess(**DEFAULT_CHOICE).path]
    explorer.click(f'{ROOT} svg g.node[id="marker-clip"]')
    details = explorer.locator(f'{ROOT} [aria-label="Step details"]')
    assert "Marker clip placed" in details.inner_text()
    assert f"Step {path.index('marker-clip') + 1} of {len(path)} on the current path" in details.inner_text()
    assert details.locator("cite").count() >= 1
    # The shared step "treatment-planning" is named in the chosen system's words.
    explorer.select_option(f'{ROOT} select[name="system"]', "us")
    explorer.click(f'{ROOT} svg g.node[id="treatment-planning"]')
    assert "Surgical consultation" in details.inner_text() and "Not on the current path" in details.inner_text()


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


def next_menu(page) -> str:
    """Tab on to the next menu, past the citation buttons of the menu's description; its name."""
    return tab_until(page, lambda f: f["tag"] in ("select", "g"), limit=8)["name"]


def test_a_keyboard_only_walk_through(explorer):
    # From the top of the page to the first menu, by Tab alone: the woman's setting.
    tab_until(explorer, lambda f: f["tag"] == "select")
    assert focused(explorer)["name"] == "setting"
    assert explorer.evaluate("() => document.activeElement.matches(':focus-visible')")
    assert explorer.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "solid"
    # On to the practice menu: the arrow key switches it to US, and the US chart is drawn.
    assert next_menu(explorer) == "history"
    assert next_menu(explorer) == "system"
    explorer.keyboard.press("ArrowDown")
    assert shown(explorer)["system"] == "us"
    # Next menus: size, then shape. The arrow key moves to the next shape, fine pleomorphic → fine linear branching.
    assert next_menu(explorer) == "size"
    assert next_menu(explorer) == "shape"
    explorer.keyboard.press("ArrowDown")
    expected = calcflow.assess(**full({"shape": "fine-linear-branching", "system": "us"}))
    seen = shown(explorer)
    assert seen["controls"]["shape"] == "fine-linear-branching"
    assert seen["steps"] == [step.label for step in expected.path]
    assert f"{expected.birads} —" in seen["summary"]
    # On through the remaining menus to the flowchart's steps; Enter opens one.
    node = tab_until(explorer, lambda f: f["step"] == "us-diagnostic-category")
    assert node["tag"] == "g"
    ring = explorer.evaluate("""() => getComputedStyle(
        document.activeElement.querySelector("path, polygon")).strokeWidth""")
    assert ring == "5px", "a focused step has a thick ring"
    explorer.keyboard.press("Enter")
    details = explorer.locator(f'{ROOT} [aria-label="Step details"]')
    assert "Diagnostic BI-RADS category (1–5)" in details.inner_text()
    assert focused(explorer)["step"] == "us-diagnostic-category", "focus stays on the step"
    # Space works as well, on the next step.
    step = tab_until(explorer, lambda f: f["step"] is not None, limit=1)["step"]
    explorer.keyboard.press(" ")
    assert steps_of("us")[step] in details.inner_text()
    assert not explorer.console_errors, explorer.console_errors


@pytest.mark.parametrize("system", ["uk", "us"])
def test_the_steps_are_named_buttons(explorer, system):
    explorer.select_option(f'{ROOT} select[name="system"]', system)
    steps = explorer.evaluate("""(root) => [...document.querySelectorAll(root + " svg g.node")].map((g) => (
        {id: g.id, role: g.getAttribute("role"), tabindex: g.getAttribute("tabindex"),
         name: g.getAttribute("aria-label")}))""", ROOT)
    assert steps and all(s["role"] == "button" and s["tabindex"] == "0" for s in steps)
    assert {s["id"]: s["name"] for s in steps} == steps_of(system)
    svg = explorer.evaluate("""(root) => {
        const svg = document.querySelector(root + " svg");
        const byId = (ids) => (ids || "").split(" ").map((id) => document.getElementById(id)?.textContent);
        return {title: byId(svg.getAttribute("aria-labelledby")), help: byId(svg.getAttribute("aria-describedby"))};
    }""", ROOT)
    assert all(svg["title"]) and len(svg["title"]) == 2, "the chart is named by its <title> and <desc>"
    assert ("UK" if system == "uk" else "US") in svg["title"][0]
    assert all(svg["help"])


def test_no_errors_and_nothing_leaves_the_machine(explorer):
    for choice in COMBINATIONS[:10]:
        choose(explorer, choice)
    explorer.click(f'{ROOT} svg g.node[id="magnification-views"]')
    assert not explorer.console_errors, "\n".join(explorer.console_errors)
    assert not explorer.external_requests, "\n".join(explorer.external_requests)


def test_axe_finds_no_serious_or_critical_violation(explorer, axe_serious):
    for choice in (dict(shape="punctate", system="uk"), dict(history="treated-breast"),
                   dict(system="us", pattern="segmental", setting="symptomatic", result="invasive")):
        choose(explorer, choice)
        explorer.click(f'{ROOT} svg g.node[id="magnification-views"]')
        serious = axe_serious(explorer)
        assert not serious, label(choice) + ":\n" + "\n".join(serious)
    assert not explorer.external_requests, "\n".join(explorer.external_requests)


def test_the_page_carries_the_explorer_once_and_no_widget_state(site_dir):
    page = (site_dir / EXPLORER_PAGE).read_text(encoding="utf-8")
    assert page.count('data-calcflow-static="explorer"') == 1
    # The explorer's state is in a script file of the site that puts it back into the host, named by the host and
    # loaded by the explorer's module when the host comes near the window (calcflow.publish.pages:
    # externalise_widget_data; shared/host.js), not by the page itself.
    digest, data_script = re.search(r'<script type="application/json" data-calcflow-data="([0-9a-f]{16})" '
                                    r'data-calcflow-src="([^"]+)"></script>', page).groups()
    assert data_script == f"../_static/widget-data/{digest}.js"
    assert page.count(data_script) == 1, "the page itself does not load the state"
    data = (site_dir / EXPLORER_PAGE).parent.joinpath(data_script).read_text(encoding="utf-8")
    state = json.loads(data[data.index("textContent = ") + len("textContent = "):data.rindex("; });")])
    assert state.count('"outcomes":') == 2, "the explorer's two tables are embedded exactly once"
    assert state.count('"svgs":') == 1
    assert "application/vnd.jupyter.widget-state+json" not in page
    assert "require.js" not in page and "embed-amd" not in page
    # The code once per kind, inline (the build adds it; the stored outputs hold none): the explorer's, and the
    # chapter's quiz's.
    assert re.findall(r'<(style|script) (?:type="module" )?data-calcflow-code="(\w+)"', page) == [
        ("style", "explorer"), ("script", "explorer"), ("style", "quiz"), ("script", "quiz")]
    assert bundle("explorer").read_text(encoding="utf-8") in page


def test_an_explorer_far_down_the_page_loads_its_table_only_when_the_reader_comes_near(file_page, site_file):
    """Chapter 1 ends with an explorer many screens down: a phone-sized first visit neither fetches its table nor
    draws it; scrolled to, it loads the table and starts, and it then answers as the model does."""
    page = file_page
    page.set_viewport_size({"width": 390, "height": 844})
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site_file + "book/01-from-mammogram-to-category.html", wait_until="load")
    page.wait_for_load_state("networkidle")
    host = page.locator('[data-calcflow-static="explorer"]')
    assert host.count() == 1
    assert host.evaluate("(el) => el.getBoundingClientRect().top") > 3 * 844, "the explorer is not far down any more"
    assert not [url for url in asked if "/widget-data/" in url], "the table was fetched before the reader came near"
    assert page.locator(ROOT).count() == 0, "the explorer was drawn before the reader came near"

    host.scroll_into_view_if_needed()
    page.wait_for_selector(f'{ROOT}[data-ready="true"]')
    assert len([url for url in asked if "/widget-data/" in url]) == 1
    page.select_option(f'{ROOT} select[name="shape"]', "fine-linear-branching")
    now = shown(page)
    choice = {field: value or None for field, value in now["controls"].items()}
    assert choice["shape"] == "fine-linear-branching"
    path = [step.id for step in calcflow.assess(**choice).path]
    assert now["nodes"] == sorted(path), "the path drawn is not the model's"
    assert not page.console_errors, "\n".join(page.console_errors)
