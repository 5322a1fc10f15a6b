"""The widgets' layouts on a desktop (1920 × 1080, 1280 × 800) and a phone (390 × 844), in Chromium with no network:
in the built book from file:// when it is built, else on pages of their own (widget_pages; test_site.py opens every
page of the book over HTTP as well).

    the explorer's menus beside its chart in a window 1200 px wide or more, stacked below that (in the book it then
        breaks out of the text column, to use the window's width)
    a step's details under the chart, never over it; Esc closes them, focus back on the step
    no flowchart text under 12 px on a phone, in any widget that draws one (the chart scrolls in its box instead)
    a shortened citation opens its whole reference by keyboard, by click (or tap), and closes again
"""
from __future__ import annotations

import pytest
from reader_harness import click_pixel, open_case
from test_caseplayer import model_answers
from widget_pages import MODES, ROOTS, box, open_widget, text_sizes

from calcflow.model.cases import cases
from calcflow.widgets.reader_payload import reader_payload

EXPLORER = ROOTS["explorer"]
PHONE = (390, 844)


def side_by_side(page) -> dict:
    side, chart = box(page, f"{EXPLORER} .cfx-side"), box(page, f"{EXPLORER} .cfx-chart")
    return {"beside": chart["left"] >= side["right"] and chart["top"] < side["bottom"],
            "below": chart["top"] >= side["bottom"], "side": side, "chart": chart}


@pytest.mark.parametrize("mode", MODES)
def test_the_explorers_menus_are_beside_its_chart_on_a_wide_screen_and_stacked_below(request, mode):
    page = open_widget(request, "explorer", mode, viewport=(1920, 1080))
    page.locator(f"{EXPLORER} .cfx-layout").scroll_into_view_if_needed()
    page.evaluate("(root) => document.querySelector(root + ' .cfx-layout').scrollIntoView()", EXPLORER)
    layout = side_by_side(page)
    assert layout["beside"], layout
    # Both on screen together: the first menu and a good part of the chart.
    first_menu = box(page, f'{EXPLORER} select[name="setting"]')
    assert 0 <= first_menu["top"] and first_menu["bottom"] <= 1080
    assert layout["chart"]["top"] < 1080 and min(layout["chart"]["bottom"], 1080) - layout["chart"]["top"] > 600
    assert layout["chart"]["width"] > 2 * layout["side"]["width"], "the chart gets the width the menus leave"
    if mode != "harness":  # the book's text column is about 790 px: the explorer breaks out of it
        assert box(page, EXPLORER)["width"] > 1250
        assert box(page, EXPLORER)["right"] <= 1920 - 8, "and stays inside the window"
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function("(root) => document.querySelector(root).classList.contains('cfx-wide')", arg=EXPLORER)
    assert side_by_side(page)["beside"]
    for width, height in ((1100, 800), PHONE):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_function("(root) => !document.querySelector(root).classList.contains('cfx-wide')", arg=EXPLORER)
        assert side_by_side(page)["below"], (width, side_by_side(page))
        assert box(page, EXPLORER)["right"] <= width, "nothing wider than the window"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE[0], "no sideways scroll of the page"
    assert not page.console_errors, "\n".join(page.console_errors)


@pytest.mark.parametrize("mode", MODES)
def test_the_step_details_never_cover_the_chart_and_esc_closes_them(request, mode):
    page = open_widget(request, "explorer", mode, viewport=(1280, 800))
    details = page.locator(f'{EXPLORER} [aria-label="Step details"]')
    for width, height in ((1280, 800), PHONE):
        page.set_viewport_size({"width": width, "height": height})
        step = page.locator(f'{EXPLORER} svg g.node[id="marker-clip"]')
        step.scroll_into_view_if_needed()
        step.click()
        assert "Marker clip placed" in details.inner_text()
        chart, panel = box(page, f"{EXPLORER} .cfx-chart"), box(page, f"{EXPLORER} .cfx-details")
        assert panel["top"] >= chart["bottom"] - 0.5, ("the details are under the chart", width, chart, panel)
        assert panel["bottom"] <= height + 0.5, ("and on screen", width, panel)
        page.keyboard.press("Escape")
        assert "Marker clip placed" not in details.inner_text() and details.locator("button.cfx-close").is_hidden()
        assert page.evaluate("() => document.activeElement.id") == "marker-clip", "focus back on the step"
    assert not page.console_errors, "\n".join(page.console_errors)


def explorer_on_a_phone(page) -> None:
    page.locator(f"{EXPLORER} .cfx-chart").scroll_into_view_if_needed()


def case_player_on_a_phone(page) -> None:
    """A case played to its end: the expert's path, laid across and on the whole chart."""
    root = ROOTS["caseplayer"]
    for step, value in model_answers(cases()[0]).items():
        page.check(f'{root} input[type=radio][name="{step}"][value="{value}"]')
        page.click(f'{root} [data-calcflow="commit"]')
        page.click(f'{root} [data-calcflow="next-question"]')
    assert page.locator(f"{root} .cfp-end svg").is_visible()


def reader_on_a_phone(page) -> None:
    """A reading submitted: its feedback draws the model's path."""
    case = reader_payload()["cases"][0]
    open_case(page, case["id"])
    if case["findings"]:
        size, where = case["views"]["cc"], case["findings"][0]["where"]["cc"]
        click_pixel(page, where["x"], where["y"], size["width"], size["height"])
    page.click('[data-calcflow="reader-submit"]')
    assert page.locator(f'{ROOTS["reader"]} .cfr-path li').count() > 0


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind, prepare", [("explorer", explorer_on_a_phone), ("caseplayer", case_player_on_a_phone),
                                           ("reader", reader_on_a_phone)], ids=["explorer", "caseplayer", "reader"])
def test_no_flowchart_text_under_12px_on_a_phone(request, mode, kind, prepare):
    page = open_widget(request, kind, mode, viewport=PHONE)
    prepare(page)
    sizes = text_sizes(page, kind)
    assert sizes, "a flowchart is drawn"
    small = [s for s in sizes if s["px"] < 12 - 0.01]
    assert not small, f"{len(small)} of {len(sizes)} labels under 12 px, e.g. {small[:3]}"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE[0], "the chart scrolls in its box"
    assert not page.console_errors, "\n".join(page.console_errors)


@pytest.mark.parametrize("mode", MODES)
def test_a_citation_opens_by_keyboard_and_by_click(request, mode):
    page = open_widget(request, "explorer", mode, viewport=PHONE)
    assert page.locator(f"{EXPLORER} cite[title]").count() == 0, "no reference hidden in a hover-only tooltip"
    # By keyboard: Tab to the first citation (in the first menu's description), Enter opens, Enter closes, Esc too.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('cf-cite-button')"):
            break
    else:
        raise AssertionError("Tab never reached a citation")
    button = page.locator(":focus")
    reference = page.locator(f"#{button.get_attribute('aria-controls')}")
    short = button.inner_text().strip()
    assert button.get_attribute("aria-expanded") == "false" and reference.is_hidden()
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "solid", "visible focus"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true" and reference.is_visible()
    assert reference.inner_text().startswith(short) and len(reference.inner_text()) > len(short) + 10, (
        "the whole reference, title and all")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "false" and reference.is_hidden()
    page.keyboard.press(" ")
    assert reference.is_visible()
    page.keyboard.press("Escape")
    assert reference.is_hidden() and page.evaluate("() => document.activeElement.classList.contains('cf-cite-button')")
    # By click (a tap on a phone): in a step's details this time.
    page.locator(f'{EXPLORER} svg g.node[id="magnification-views"]').click()
    cited = page.locator(f"{EXPLORER} .cfx-details .cf-cite-button").first
    cited.click()
    opened = page.locator(f"#{cited.get_attribute('aria-controls')}")
    assert cited.get_attribute("aria-expanded") == "true" and opened.is_visible()
    assert opened.locator("xpath=..").evaluate("(cite) => cite.tagName") == "CITE"
    cited.click()
    assert opened.is_hidden()
    assert not page.console_errors, "\n".join(page.console_errors)
