"""The case player in the built book, in Chromium, with no kernel and no network — over HTTP and from file://.

The expected answers come from Python — the case library (calcflow.cases) and the model (calcflow.assess) — never
from the table the page carries. Controls are operated as a learner does (the radio buttons, the case menu, the
keyboard), through the hooks the player promises to keep:
    [data-calcflow="caseplayer"]  root, with data-ready once it is interactive
    select[name="case"]           values are case ids
    input[type=radio][name=<step>]  one per option, the value is the option's id
    [data-calcflow="commit"], [data-calcflow="feedback"] (aria-live), [data-calcflow="score"],
    [data-calcflow="next-question"], [data-calcflow="next-case"]
    .on-path  on the flowchart's nodes (<g class="node" id="<step id>">) and edges (id "<from>--<to>") at the end
    [data-calcflow="concordance"]  the radiology–pathology judgement of a case's result
The tests marked "harness" need no built book: they write CasePlayer(...).static_html() into a page in a temporary
directory and open it from file://.
"""
from __future__ import annotations

import json
import re

import pytest
from hosts import wait_until_ready

import calcflow
from calcflow.model.cases import STEPS, case, cases
from calcflow.model.catalogue import catalogue
from calcflow.widgets.standalone import bundle

PAGE = "book/case-library.html"
ROOT = '[data-calcflow="caseplayer"]'
FEEDBACK = f'{ROOT} [data-calcflow="feedback"]'
FIRST = cases()[0]
BIOPSIED = case("fine-linear-group-discordant")  # biopsied, with a result to act on
CONCORDANCE_STEP = {"uk": "uk-mdt-concordance", "us": "us-rad-path-correlation"}


def flat(text: str) -> str:
    return " ".join(text.split())


def verdict(feedback: str) -> str:
    """The verdict the feedback opens with, in words ("Right." or "Not right."), after its ✓ or ✗."""
    return re.match(r"[✓✗]? ?((?:Not r|R)ight\.)", feedback).group(1)


def assessed(c) -> calcflow.Assessment:
    d = c.descriptors
    return calcflow.assess(size=d.size, shape=d.shape, pattern=d.pattern, change=d.change, system=c.system,
                           result=c.result, setting=c.vignette.setting, history=c.history, concordance=c.concordance)


def model_answers(c) -> dict[str, str]:
    """What calcflow.assess says at each step the case asks (not the case file's own expert answers): the next test
    is the first step of what the category leads to, the answer after the result the step after the concordance
    decision."""
    d = c.descriptors
    answer = assessed(c)
    path = [step.id for step in answer.path]
    answers = {"size": d.size, "shape": d.shape, "pattern": d.pattern, "category": answer.category,
               "next_test": catalogue().route(answer.route[1]).steps[0]}
    if c.result:
        answers["after_result"] = path[path.index(CONCORDANCE_STEP[c.system]) + 1]
    return answers


@pytest.fixture()
def player(page, site_file, open_page):
    open_page(page, site_file, PAGE)
    wait_until_ready(page, ROOT)
    assert page.locator(ROOT).count() == 1
    return page


def commit(page, step: str, value: str) -> str:
    page.check(f'{ROOT} input[type=radio][name="{step}"][value="{value}"]')
    page.click(f'{ROOT} [data-calcflow="commit"]')
    return flat(page.locator(FEEDBACK).inner_text())


def pick_case(page, case_id: str) -> None:
    page.select_option(f'{ROOT} select[name="case"]', case_id)
    assert page.locator(f"{ROOT} h3").first.inner_text().endswith(case(case_id).title)


def test_the_first_case_is_shown_without_its_answers(player):
    text = flat(player.locator(ROOT).inner_text())
    assert FIRST.title in text and str(FIRST.vignette.age) in text
    assert player.locator(FEEDBACK).inner_text().strip() == "", "no feedback before a commit"
    image = player.locator(f"{ROOT} img")
    # A file of the site (the build takes the images out of the page's JSON: calcflow.publish.pages), loaded.
    assert re.fullmatch(r"\.\./_images/widgets/[0-9a-f]{16}\.png", image.get_attribute("src"))
    assert player.evaluate("(img) => img.complete && img.naturalWidth > 0", image.element_handle())
    alt = image.get_attribute("alt").lower()
    assert "synthetic" in alt and "mm" in alt
    for word in (FIRST.descriptors.shape, FIRST.descriptors.pattern, "benign", "suspicious"):
        assert word.replace("-", " ") not in alt, f"the alt text gives away {word!r}"
    assert "mm" in player.locator(f"{ROOT} figcaption").inner_text()
    # The options of the first question are the size choices, as radio buttons, none chosen.
    values = player.eval_on_selector_all(f'{ROOT} input[type=radio][name="size"]', "(all) => all.map((i) => i.value)")
    assert values == calcflow.choices()["size"]
    assert player.locator(f"{ROOT} input[type=radio]:checked").count() == 0
    assert player.locator(f'{ROOT} .on-path').count() == 0, "no expert path before the end of the case"


def test_a_wrong_answer_then_a_right_one(player):
    expected = model_answers(FIRST)
    wrong = next(value for value in calcflow.choices()["size"] if value != expected["size"])
    feedback = commit(player, "size", wrong)
    assert verdict(feedback) == "Not right.", feedback
    assert flat(FIRST.expert.size.explanation) in feedback, "the expert's explanation follows the verdict"
    assert player.locator(f"{FEEDBACK} cite").count() == len(FIRST.expert.size.sources)
    assert player.get_attribute(FEEDBACK, "aria-live") == "polite"
    # The committed answer cannot be changed; the next question is one button away.
    assert player.locator(f'{ROOT} input[name="size"]:disabled').count() == len(calcflow.choices()["size"])
    player.click(f'{ROOT} [data-calcflow="next-question"]')
    assert player.locator(FEEDBACK).inner_text().strip() == ""
    feedback = commit(player, "shape", expected["shape"])
    assert verdict(feedback) == "Right.", feedback
    assert flat(FIRST.expert.shape.explanation) in feedback
    score = flat(player.locator(f'{ROOT} [data-calcflow="score"]').inner_text())
    assert "This case: 1 right of 2 answered" in score, score
    assert not player.console_errors, "\n".join(player.console_errors)


def test_committing_without_a_choice_asks_for_one(player):
    player.click(f'{ROOT} [data-calcflow="commit"]')
    assert "Choose an answer first" in player.locator(FEEDBACK).inner_text()
    assert "0 right of 0 answered" in player.locator(f'{ROOT} [data-calcflow="score"]').inner_text()


def test_a_case_played_to_the_end_shows_the_models_path_and_the_score(player):
    pick_case(player, BIOPSIED.id)
    expected = model_answers(BIOPSIED)
    assert list(expected) == [s for s in STEPS if s != "after_result" or BIOPSIED.result]
    reading = assessed(BIOPSIED)
    for step, value in expected.items():
        if step == "after_result":  # the result is revealed before the question
            result_label = catalogue().descriptor("result", BIOPSIED.result).label
            assert result_label in player.locator(f"{ROOT} form").inner_text()
        feedback = commit(player, step, value)
        assert verdict(feedback) == "Right.", (step, feedback)
        if step == "category":  # the leaflet's word is asked; the scales are given in the feedback
            assert f"BI-RADS (US) {reading.birads}" in feedback and f"RCR (UK) {reading.rcr}" in feedback
        player.click(f'{ROOT} [data-calcflow="next-question"]')
    path = [s.id for s in reading.path]
    on_path = player.evaluate("""(root) => ({
        nodes: [...document.querySelectorAll(root + " svg g.node.on-path")].map((g) => g.id),
        edges: [...document.querySelectorAll(root + " svg g.edge.on-path")].map((g) => g.id)})""", ROOT)
    assert sorted(on_path["nodes"]) == sorted(path)
    assert sorted(on_path["edges"]) == sorted(f"{a}--{b}" for a, b in zip(path, path[1:]))
    ending = flat(player.locator(f"{ROOT} .cfp-end").inner_text())
    asked = len(expected)
    assert f"You matched the expert on {asked} of {asked} questions" in ending
    assert flat(BIOPSIED.teaching_point) in ending
    score = flat(player.locator(f'{ROOT} [data-calcflow="score"]').inner_text())
    assert f"This case: {asked} right of {asked} answered" in score
    assert f"Running total: {asked} right of {asked} answered; 1 of {len(cases())} cases finished" in score
    # The next case starts fresh; the running total carries on.
    player.click(f'{ROOT} [data-calcflow="next-case"]')
    following = cases()[[c.id for c in cases()].index(BIOPSIED.id) + 1]
    assert player.input_value(f'{ROOT} select[name="case"]') == following.id
    assert player.locator(f"{ROOT} .on-path").count() == 0
    assert f"Running total: {asked} right of {asked} answered" in player.locator(
        f'{ROOT} [data-calcflow="score"]').inner_text()
    assert not player.console_errors, "\n".join(player.console_errors)
    assert not player.external_requests, "\n".join(player.external_requests)


def test_answers_by_keyboard_alone(player):
    for _ in range(80):
        player.keyboard.press("Tab")
        if player.evaluate("() => document.activeElement.name === 'size'"):
            break
    else:
        raise AssertionError("Tab never reached the options")
    assert player.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "solid"
    player.keyboard.press("ArrowDown")  # moves to, and chooses, the second option
    player.keyboard.press("Enter")       # submits the question: commits
    chosen = calcflow.choices()["size"][1]
    feedback = flat(player.locator(FEEDBACK).inner_text())
    assert verdict(feedback) == ("Right." if chosen == FIRST.descriptors.size else "Not right.")
    assert player.evaluate("() => document.activeElement.dataset.calcflow") == "next-question"
    player.keyboard.press("Enter")
    assert player.evaluate("() => document.activeElement.name") == "shape", "focus moves to the next question"


def test_progress_is_kept_in_this_browser_only(player):
    commit(player, "size", FIRST.descriptors.size)
    player.reload(wait_until="load")
    wait_until_ready(player, ROOT)
    assert "1 right of 1 answered" in player.locator(f'{ROOT} [data-calcflow="score"]').inner_text()
    stored = player.evaluate("() => Object.keys(localStorage).filter((key) => key.startsWith('calcflow.'))")
    assert stored == ["calcflow.caseplayer.answers"]
    player.click(f"{ROOT} button:has-text('Forget my answers')")
    assert "0 right of 0 answered" in player.locator(f'{ROOT} [data-calcflow="score"]').inner_text()
    assert not player.external_requests, "\n".join(player.external_requests)


def test_axe_finds_no_serious_or_critical_violation(player, axe_serious):
    assert axe_serious(player) == []  # a question
    expected = model_answers(FIRST)
    wrong = next(value for value in calcflow.choices()["size"] if value != expected["size"])
    for step, value in expected.items():
        commit(player, step, wrong if step == "size" else value)
        if step == "size":
            assert axe_serious(player) == []  # feedback on a wrong answer
        player.click(f'{ROOT} [data-calcflow="next-question"]')
    assert player.locator(f"{ROOT} .cfp-end svg").count() == 1
    assert axe_serious(player) == []  # the end of the case, with the chart
    assert not player.external_requests, "\n".join(player.external_requests)


def test_the_page_carries_the_player_once_and_stays_light(site_dir):
    html = (site_dir / PAGE).read_text(encoding="utf-8")
    assert html.count('data-calcflow-static="caseplayer"') == 1
    # The player's state (its table) is in a script file of the site that puts it back into the host, loaded by the
    # player's module when the host comes near the window (calcflow.publish.pages: externalise_widget_data).
    digest, data_script = re.search(r'data-calcflow-static="caseplayer"><script type="application/json" '
                                    r'data-calcflow-data="([0-9a-f]{16})" data-calcflow-src="([^"]+)"></script>',
                                    html).groups()
    assert data_script == f"../_static/widget-data/{digest}.js"
    assert html.count(data_script) == 1, "the page itself does not load the state"
    data = (site_dir / "book" / data_script).read_text(encoding="utf-8")
    state = data[data.index("textContent = ") + len("textContent = "):data.rindex("; });")]
    table = json.loads(json.loads(state))["table"]
    assert json.dumps(table).count('"flowchart_svg":') == 1, "the player's table is embedded exactly once"
    assert "application/vnd.jupyter.widget-state+json" not in html
    # Its code once, added by the build: the style sheet and the module, each the committed bundle.
    assert html.count('data-calcflow-code="caseplayer"') == 2
    assert bundle("caseplayer").read_text(encoding="utf-8") in html
    # The cases' images (about 12 kB each) are files of the site, fetched one case at a time, not base64.
    images = [case["image"]["src"] for case in table["cases"]]
    assert len(images) == len(cases()) and "data:image/png;base64," not in html + data
    assert all(re.fullmatch(r"\.\./_images/widgets/[0-9a-f]{16}\.png", src) for src in images)
    assert all((site_dir / "book" / src).is_file() for src in images)
    assert len(html.encode()) < 150_000, f"the case library's page weighs {len(html.encode()) / 1000:.0f} kB"


@pytest.mark.parametrize("widget", ["CasePlayer", "Explorer", "Quiz"])
def test_the_live_widgets_module_renders_from_its_default_export(file_page, widget):
    """JupyterLab's route: anywidget imports `_esm` (the widget's built bundle, calcflow/widgets/static/) and calls
    its default export's render() with the kernel's model — here a stand-in with the same methods. On a page with no
    static host, importing the module renders nothing by itself."""
    import calcflow.widgets

    live = getattr(calcflow.widgets, widget)(*(("categorising",) if widget == "Quiz" else ()))
    state = {name: getattr(live, name) for name in live.keys if not name.startswith("_") and name not in (
        "comm", "keys", "log", "layout", "tabbable", "tooltip")}
    file_page.set_content("<!doctype html><html lang='en'><title>live</title><main id='out'></main></html>")
    kind = file_page.evaluate("""async ([esm, state]) => {
        const url = URL.createObjectURL(new Blob([esm], {type: "text/javascript"}));
        const widget = (await import(url)).default;
        if (document.querySelector("[data-calcflow]")) return "rendered on import";
        const listeners = {};
        const model = {
            get: (name) => state[name],
            set: (name, value) => { state[name] = value; (listeners["change:" + name] || []).forEach((f) => f()); },
            on: (event, f) => { (listeners[event] = listeners[event] || []).push(f); },
            off: () => {},
            save_changes: () => {},
        };
        const cleanup = widget.render({model, el: document.getElementById("out")});
        const root = document.querySelector("[data-calcflow][data-ready='true']");
        const kind = root.dataset.calcflow + (root.querySelector("[data-calcflow=present]") ? "+present" : "");
        cleanup();
        return kind;
    }""", [live._esm, state])
    assert kind == {"CasePlayer": "caseplayer+present", "Explorer": "explorer+present", "Quiz": "quiz"}[widget]
    assert not file_page.console_errors, "\n".join(file_page.console_errors)


# --- the harness: the player's own static HTML, from file://, no built book needed ---------------------------
def harness(file_page, tmp_path, case_id: str):
    """Open CasePlayer(case_id).static_html() in a page of its own, from disk, with the code the book's build adds."""
    from calcflow.publish.widget_code import with_widget_code
    from calcflow.widgets import CasePlayer

    page_file = tmp_path / "player.html"
    page_file.write_text(with_widget_code(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Case player</title>"
        f"</head><body><main>{CasePlayer(case_id).static_html()}</main></body></html>"), encoding="utf-8")
    file_page.goto(page_file.as_uri(), wait_until="load")
    file_page.wait_for_selector(f'{ROOT}[data-ready="true"]')
    return file_page


def play_to_the_end(page, c) -> dict[str, str]:
    """Commit the model's answer at every step; returns the feedback of each."""
    feedbacks = {}
    for step, value in model_answers(c).items():
        options = page.eval_on_selector_all(f'{ROOT} input[type=radio][name="{step}"]',
                                            "(all) => all.map((i) => i.value)")
        assert value in options, (c.id, step, value, options)
        feedbacks[step] = commit(page, step, value)
        assert verdict(feedbacks[step]) == "Right.", (c.id, step, feedbacks[step])
        page.click(f'{ROOT} [data-calcflow="next-question"]')
    return feedbacks


@pytest.mark.parametrize("case_id", ["popcorn-fibroadenoma", "treated-breast-new-cluster", "fine-linear-invasive-us",
                                     "benign-result-judged-discordant", "clinic-nipple-discharge"])
def test_harness_a_case_is_played_on_its_own_systems_chart(file_page, tmp_path, case_id):
    c = case(case_id)
    page = harness(file_page, tmp_path, case_id)
    play_to_the_end(page, c)
    path = [s.id for s in assessed(c).path]
    on_path = page.evaluate("""(root) => ({
        nodes: [...document.querySelectorAll(root + " svg g.node.on-path")].map((g) => g.id),
        edges: [...document.querySelectorAll(root + " svg g.edge.on-path")].map((g) => g.id),
        all: [...document.querySelectorAll(root + " svg g.node")].map((g) => g.id)})""", ROOT)
    assert sorted(on_path["nodes"]) == sorted(path)
    assert sorted(on_path["edges"]) == sorted(f"{a}--{b}" for a, b in zip(path, path[1:]))
    own = {s.id for s in catalogue().steps_of(c.system)}
    assert set(on_path["all"]) == own, "the chart is the case's own system's graph"
    ending = flat(page.locator(f"{ROOT} .cfp-end").inner_text())
    assert f"The expert's path ({catalogue().descriptor('system', c.system).label})" in ending
    assert f"You matched the expert on {len(model_answers(c))} of {len(model_answers(c))} questions" in ending
    assert not page.console_errors, "\n".join(page.console_errors)
    assert not page.external_requests, "\n".join(page.external_requests)


def test_harness_next_test_options_depend_on_the_case(file_page, tmp_path):
    """Dismissed at the screening read: the read's ways out; after work-up: the assessment score's."""
    page = harness(file_page, tmp_path, "popcorn-fibroadenoma")
    c = case("popcorn-fibroadenoma")
    for step in ("size", "shape", "pattern", "category"):
        commit(page, step, model_answers(c)[step])
        page.click(f'{ROOT} [data-calcflow="next-question"]')
    values = page.eval_on_selector_all(f'{ROOT} input[type=radio][name="next_test"]', "(all) => all.map((i) => i.value)")
    assert values == ["uk-routine-recall", "uk-recall-assessment"]
    assert "Recall to assessment clinic" in page.locator(f"{ROOT} form").inner_text()
    feedback = commit(page, "next_test", "uk-recall-assessment")
    assert verdict(feedback) == "Not right."
    assert "the expert's answer is Routine recall (every 3 years)" in feedback
    page.select_option(f'{ROOT} select[name="case"]', "fine-linear-segmental")
    for step in ("size", "shape", "pattern", "category"):
        commit(page, step, model_answers(case("fine-linear-segmental"))[step])
        page.click(f'{ROOT} [data-calcflow="next-question"]')
    values = page.eval_on_selector_all(f'{ROOT} input[type=radio][name="next_test"]', "(all) => all.map((i) => i.value)")
    assert values == ["uk-routine-recall", "uk-discharge", "annual-surveillance", "stereotactic-biopsy"]
    assert not page.console_errors, "\n".join(page.console_errors)


def test_harness_the_concordance_judgement_is_shown(file_page, tmp_path):
    # The team's judgement, stated by the case: shown with the result, before the learner answers.
    page = harness(file_page, tmp_path, "benign-result-judged-discordant")
    c = case("benign-result-judged-discordant")
    for step in ("size", "shape", "pattern", "category", "next_test"):
        commit(page, step, model_answers(c)[step])
        page.click(f'{ROOT} [data-calcflow="next-question"]')
    question = flat(page.locator(f"{ROOT} form").inner_text())
    assert "The biopsy result is back: Benign." in question
    assert "The team judges this result discordant with the imaging." in question
    feedback = commit(page, "after_result", "us-routine-screening")
    assert verdict(feedback) == "Not right." and "Repeat biopsy or diagnostic excision" in feedback
    # The model's default judgement: only after the learner commits.
    page.select_option(f'{ROOT} select[name="case"]', "fine-linear-group-discordant")
    c = case("fine-linear-group-discordant")
    for step in ("size", "shape", "pattern", "category", "next_test"):
        commit(page, step, model_answers(c)[step])
        page.click(f'{ROOT} [data-calcflow="next-question"]')
    assert page.locator(f'{ROOT} form [data-calcflow="concordance"]').count() == 0
    feedback = commit(page, "after_result", "repeat-biopsy")
    assert "Radiology–pathology: The result is judged discordant with the imaging" in feedback
    page.click(f'{ROOT} [data-calcflow="next-question"]')
    assert page.locator(f'{ROOT} .cfp-end [data-calcflow="concordance"]').count() == 1
    assert not page.console_errors, "\n".join(page.console_errors)


def test_harness_the_vignette_names_where_she_is_seen(file_page, tmp_path):
    page = harness(file_page, tmp_path, "treated-breast-scar-plaques")
    assert "yearly mammogram after breast cancer treatment" in page.locator(f"{ROOT} .cfp-vignette").inner_text()
    page.select_option(f'{ROOT} select[name="case"]', "clinic-nipple-discharge")
    assert "breast clinic with a breast symptom" in page.locator(f"{ROOT} .cfp-vignette").inner_text()
