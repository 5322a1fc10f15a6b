"""The widgets in the book's dark theme: every text meets WCAG AA contrast (axe-core's color-contrast rule) in each
widget, in the states a reader sees (answers right and wrong, feedback, a step's details, a citation opened, the end
of a case, a reading's result). The light theme is checked by each widget's own axe test (color-contrast is one of
its serious violations). axe leaves the text of an SVG chart undecided, so the flowcharts' labels are checked here in
both themes: each against its step's fill, a route's against the chart's background (4.5:1).

Dark is what the pydata theme sets: html[data-theme="dark"] (JupyterLab's body[data-jp-theme-light="false"] takes
the same colours). In the built book from file:// when it is built, else on pages of their own (widget_pages).
"""
from __future__ import annotations

import pytest
from test_caseplayer import model_answers
from reader_harness import click_pixel, open_case
from test_progress import CASE, read_one
from test_quiz import SINGLE, check, choose, right_options, wrong_options
from widget_pages import MODES, ROOTS, open_widget

import calcflow
from calcflow.model.cases import cases
from calcflow.widgets.reader_payload import reader_payload

DARK = "() => { document.documentElement.dataset.theme = 'dark'; }"


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def low_contrast(axe, page, root: str) -> list[str]:
    """The color-contrast violations inside `root`, one line each (empty: none)."""
    assert page.evaluate("(root) => getComputedStyle(document.querySelector(root)).colorScheme", root) == "dark"
    result = axe.run(page, context=root, options={"runOnly": {"type": "rule", "values": ["color-contrast"]}})
    return [f"{node['target']}: {node['failureSummary'].splitlines()[-1].strip()}"
            for violation in result.response["violations"] for node in violation["nodes"]]


# The flowchart labels drawn below 4.5:1 against what is behind them: "label: ratio", one each.
SVG_LOW_CONTRAST = """(root) => {
    const rgb = (colour) => (colour.match(/[\\d.]+/g) || []).map(Number);
    const luminance = ([r, g, b]) => [r, g, b].map((v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a, b) => {
        const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (light + 0.05) / (dark + 0.05);
    };
    const background = (element) => {
        for (let e = element; e; e = e.parentElement) {
            const colour = rgb(getComputedStyle(e).backgroundColor);
            if (colour.length === 3 || colour[3] > 0) return colour;
        }
        return [255, 255, 255];
    };
    const low = [];
    for (const text of document.querySelector(root).querySelectorAll("svg text")) {
        if (!text.getClientRects().length) continue;
        const shape = text.closest("g.node")?.querySelector("path, polygon");
        const behind = shape ? rgb(getComputedStyle(shape).fill) : background(text.ownerSVGElement.parentElement);
        const contrast = ratio(rgb(getComputedStyle(text).fill), behind);
        if (contrast < 4.5) low.push(`${text.textContent}: ${contrast.toFixed(2)}`);
    }
    return low;
}"""


def svg_low_contrast(page, root: str) -> list[str]:
    return page.evaluate(SVG_LOW_CONTRAST, root)


def dark(request, kind: str, mode: str, viewport=(1280, 800)):
    page = open_widget(request, kind, mode, viewport)
    page.evaluate(DARK)
    return page


@pytest.mark.parametrize("mode", MODES)
def test_the_explorer_in_the_dark(request, axe, mode):
    root = ROOTS["explorer"]
    page = open_widget(request, "explorer", mode)
    assert svg_low_contrast(page, root) == []  # light
    page.evaluate(DARK)
    assert svg_low_contrast(page, root) == []
    page.click(f'{root} svg g.node[id="magnification-views"]')  # a step's details
    page.locator(f"{root} .cfx-details .cf-cite-button").first.click()  # a citation, opened
    assert low_contrast(axe, page, root) == []  # the menus, the answer, the chart with its path, the details
    page.select_option(f'{root} select[name="history"]', "treated-breast")  # a refusal
    assert low_contrast(axe, page, root) == []
    assert not page.console_errors, "\n".join(page.console_errors)


@pytest.mark.parametrize("mode", MODES)
def test_the_case_player_in_the_dark(request, axe, mode):
    page = dark(request, "caseplayer", mode)
    root = ROOTS["caseplayer"]
    first = cases()[0]
    for step, value in model_answers(first).items():
        if step == "size":  # a wrong answer first: its feedback
            value = next(v for v in calcflow.choices()["size"] if v != value)
        page.check(f'{root} input[type=radio][name="{step}"][value="{value}"]')
        page.click(f'{root} [data-calcflow="commit"]')
        if step == "size":
            assert low_contrast(axe, page, root) == []  # the case, the question, the feedback
        page.click(f'{root} [data-calcflow="next-question"]')
    assert page.locator(f"{root} .cfp-end .cf-path-strip").is_visible()
    assert page.locator(f"{root} .cfp-img").evaluate(UNTOUCHED_IMAGE) == {"filter": "none", "padding": "0px"}
    assert low_contrast(axe, page, root) == []  # the end of the case: the path, the chart, the review
    assert svg_low_contrast(page, root) == []
    page.evaluate("() => { document.documentElement.dataset.theme = 'light'; }")
    assert svg_low_contrast(page, root) == []
    assert not page.console_errors, "\n".join(page.console_errors)


@pytest.mark.parametrize("mode", MODES)
def test_the_quiz_in_the_dark(request, axe, mode):
    page = dark(request, "quiz", mode)
    root = ROOTS["quiz"]
    choose(page, SINGLE, [wrong_options(SINGLE)[0]])
    check(page, SINGLE)
    page.locator(f'{root} [data-question="{SINGLE}"] [data-calcflow="reveal"]').click()
    assert low_contrast(axe, page, root) == []  # the questions not answered yet; one not right, its answer shown
    choose(page, SINGLE, [right_options(SINGLE)[0]])
    check(page, SINGLE)
    assert low_contrast(axe, page, root) == []  # right, with the explanation and its sources
    assert not page.console_errors, "\n".join(page.console_errors)


UNTOUCHED_IMAGE = """(image) => {
    const style = getComputedStyle(image);
    return {filter: style.filter, padding: style.padding};
}"""


@pytest.mark.parametrize("mode", MODES)
def test_the_reader_in_the_dark(request, axe, mode):
    """A reading submitted: the result and the model's path; the case's image drawn as it is (the book's dark theme
    dims and pads every image, which would move the reader's marks off their calcifications)."""
    page = dark(request, "reader", mode, viewport=(1100, 1000))
    case = next(c for c in reader_payload()["cases"] if c["id"] == CASE)
    open_case(page, CASE)
    page.locator('[data-calcflow="reader-image"]').scroll_into_view_if_needed()  # a click lands where it is drawn
    size, where = case["views"]["cc"], case["findings"][0]["where"]["cc"]
    click_pixel(page, where["x"], where["y"], size["width"], size["height"])
    page.click('[data-calcflow="reader-submit"]')
    assert page.locator('[data-calcflow="reader-result"]').count() == 1
    assert low_contrast(axe, page, ROOTS["reader"]) == []
    image = page.locator('[data-calcflow="reader-image"]')
    assert image.evaluate(UNTOUCHED_IMAGE) == {"filter": "none", "padding": "0px"}
    assert not page.console_errors, "\n".join(page.console_errors)


def test_my_progress_in_the_dark(request, axe):
    """On a page of its own with a reader (as test_progress's), a reading recorded, then shown in My progress."""
    page = open_widget(request, "progress", "harness", viewport=(1100, 1000))
    read_one(page)
    page.reload(wait_until="load")
    page.wait_for_selector(f'{ROOTS["progress"]}[data-ready="true"]')
    page.evaluate(DARK)
    assert page.get_attribute(ROOTS["progress"], "data-read") == "1"
    assert low_contrast(axe, page, ROOTS["progress"]) == []
    assert page.evaluate("() => getComputedStyle(document.querySelector('.cfp-plot text')).fill") != "rgb(0, 0, 0)", (
        "the plots' words are drawn in the theme's text colour")
    assert not page.console_errors, "\n".join(page.console_errors)
