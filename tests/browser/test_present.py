"""Presentation mode (calcflow/widgets/js/shared/present.js) of the case player and the explorer, by keyboard alone,
in the built book with no network — over HTTP and from file:// — and, for the explorer, on a page of its own built from
`Explorer().static_html()` (file://) when the book is not built — see explorer_harness.MODES.

A lecturer Tabs to the Present button and presses Enter: the widget fills the screen (the Fullscreen API, or a fixed
overlay where the browser refuses), → and ← step, the number keys choose, "?" lists the keys and Esc leaves.
"""
from __future__ import annotations

import pytest
from explorer_harness import MODES, open_explorer

import calcflow
from calcflow.model.cases import cases
from calcflow.widgets.explorer import DEFAULT_CHOICE

PLAYER_PAGE, PLAYER = "book/case-library.html", '[data-calcflow="caseplayer"]'
EXPLORER = '[data-calcflow="explorer"]'
REFUSE_FULL_SCREEN = """Element.prototype.requestFullscreen = function () {
    return Promise.reject(new TypeError("Permissions check failed"));
};"""
FIRST = cases()[0]

PRESENTING = """(root) => {
    const el = document.querySelector(root);
    return {
        presenting: el.classList.contains("cf-presenting"),
        fullscreen: document.fullscreenElement === el,
        overlay: el.classList.contains("cf-present-overlay"),
        focusInside: el.contains(document.activeElement),
        focus: document.activeElement.dataset.calcflow || document.activeElement.name || document.activeElement.tagName,
        status: el.querySelector(".cf-present-status").textContent,
    };
}"""


def open_widget(page, site, open_page, path, root):
    open_page(page, site, path)
    page.wait_for_selector(f'{root}[data-ready="true"]')
    return page


def tab_to_present(page, root):
    """Tab from the top of the page to the widget's Present button (keyboard only)."""
    button = f"{root} [data-calcflow=present]"
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("(button) => document.activeElement === document.querySelector(button)", button):
            return
    raise AssertionError("Tab never reached the Present button")


def start_presenting(page, root) -> dict:
    tab_to_present(page, root)
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "solid", "visible focus"
    page.keyboard.press("Enter")
    page.wait_for_function("""(root) => {
        const el = document.querySelector(root);
        return el.classList.contains("cf-presenting")
            && (document.fullscreenElement === el || el.classList.contains("cf-present-overlay"));
    }""", arg=root)
    state = page.evaluate(PRESENTING, root)
    assert state["fullscreen"] or state["overlay"]
    assert page.evaluate("(root) => parseFloat(getComputedStyle(document.querySelector(root)).zoom)", root) > 1.2, (
        "large type")
    return state


def leave_with_escape(page, root) -> None:
    page.keyboard.press("Escape")
    page.wait_for_function("(root) => !document.querySelector(root).classList.contains('cf-presenting')", arg=root)
    state = page.evaluate(PRESENTING, root)
    assert not state["fullscreen"] and not state["overlay"]
    assert page.evaluate("() => document.fullscreenElement") is None
    assert state["focus"] == "present", "focus returns to the Present button"


def feedback(page) -> str:
    """The feedback's text, without the ✓ or ✗ before its verdict."""
    return " ".join(page.locator(f'{PLAYER} [data-calcflow="feedback"]').inner_text().split()).lstrip("✓✗ ")


def test_the_case_player_by_keyboard_alone(page, site_file, open_page):
    open_widget(page, site_file, open_page, PLAYER_PAGE, PLAYER)
    state = start_presenting(page, PLAYER)
    assert "question 1 of" in state["status"]
    sizes = calcflow.choices()["size"]
    # 2 chooses the second option; → commits it and the feedback shows.
    page.keyboard.press("2")
    assert page.locator(f'{PLAYER} input[name="size"]:checked').get_attribute("value") == sizes[1]
    page.keyboard.press("ArrowRight")
    assert feedback(page).startswith("Right." if sizes[1] == FIRST.descriptors.size else "Not right.")
    # → again: the next question; a number key chooses there, and → commits.
    page.keyboard.press("ArrowRight")
    assert page.locator(f'{PLAYER} input[name="shape"]').count() > 0 and feedback(page) == ""
    shapes = calcflow.choices()["shape"]
    page.keyboard.press(str(shapes.index(FIRST.descriptors.shape) + 1))
    page.keyboard.press("ArrowRight")
    assert feedback(page).startswith("Right.")
    # ← goes back to the previous question and its feedback; → returns.
    page.keyboard.press("ArrowLeft")
    assert page.locator(f'{PLAYER} input[name="size"]:checked').get_attribute("value") == sizes[1]
    assert feedback(page).startswith(("Right.", "Not right."))
    assert "question 1 of" in page.evaluate(PRESENTING, PLAYER)["status"]
    page.keyboard.press("ArrowLeft")  # at the first question: stays
    assert page.locator(f'{PLAYER} input[name="size"]').count() > 0
    page.keyboard.press("ArrowRight")
    assert page.locator(f'{PLAYER} input[name="shape"]:checked').get_attribute("value") == FIRST.descriptors.shape
    # ? lists the keys; Esc closes the list first, then leaves.
    page.keyboard.press("?")
    help_panel = page.locator(f"{PLAYER} .cf-present-help")
    assert help_panel.is_visible() and "→" in help_panel.inner_text() and "Esc" in help_panel.inner_text()
    page.keyboard.press("Escape")
    assert not help_panel.is_visible() and page.evaluate(PRESENTING, PLAYER)["presenting"]
    leave_with_escape(page, PLAYER)
    # A demonstration is not kept: the learner's own (none) are back, and nothing was stored.
    assert "0 right of 0 answered" in page.locator(f'{PLAYER} [data-calcflow="score"]').inner_text()
    assert page.evaluate("() => localStorage.getItem('calcflow.caseplayer.answers')") is None
    assert not page.console_errors, "\n".join(page.console_errors)
    assert not page.external_requests, "\n".join(page.external_requests)


@pytest.mark.parametrize("mode", MODES)
def test_the_explorer_by_keyboard_alone(request, mode):
    page = open_explorer(request, mode)
    path = [step.id for step in calcflow.assess(**DEFAULT_CHOICE).path]
    labels = {step.id: step.label for step in calcflow.assess(**DEFAULT_CHOICE).path}
    on_path = "(root) => [...document.querySelectorAll(root + ' svg g.node.on-path')].map((g) => g.id)"
    details = page.locator(f'{EXPLORER} [aria-label="Step details"]')
    state = start_presenting(page, EXPLORER)
    # The path is revealed one step at a time, each with its explanation.
    assert page.evaluate(on_path, EXPLORER) == [] and f"{len(path)} steps" in state["status"]
    page.keyboard.press("ArrowRight")
    assert page.evaluate(on_path, EXPLORER) == path[:1]
    assert labels[path[0]] in details.inner_text()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.evaluate(on_path, EXPLORER) == path[:3]
    assert labels[path[2]] in details.inner_text() and f"Step 3 of {len(path)}" in details.inner_text()
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(on_path, EXPLORER) == path[:2]
    assert labels[path[1]] in details.inner_text()
    # Tab moves to the next menu; a number key chooses in the menu that has focus (here: shape).
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == "shape":
            break
    shapes = calcflow.choices()["shape"]
    page.keyboard.press("5")
    assert page.input_value(f'{EXPLORER} select[name="shape"]') == shapes[4]
    assert "Shape" in page.evaluate(PRESENTING, EXPLORER)["status"]
    new_path = [step.id for step in calcflow.assess(**{**DEFAULT_CHOICE, "shape": shapes[4]}).path]
    assert page.evaluate(on_path, EXPLORER) == new_path[:2], "the same number of steps of the new path"
    for _ in range(len(new_path) + 2):  # → past the end stays at the end
        page.keyboard.press("ArrowRight")
    assert sorted(page.evaluate(on_path, EXPLORER)) == sorted(new_path)
    # Esc leaves: the whole path of the current choice is shown again.
    leave_with_escape(page, EXPLORER)
    assert sorted(page.evaluate(on_path, EXPLORER)) == sorted(new_path)
    assert not page.console_errors, "\n".join(page.console_errors)
    assert not page.external_requests, "\n".join(page.external_requests)


def test_the_explorer_switches_practice_by_keyboard_while_presenting(request):
    page = open_explorer(request, "harness")
    start_presenting(page, EXPLORER)
    for _ in range(12):  # Tab to the practice menu (the woman's group comes first)
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == "system":
            break
    page.keyboard.press("2")  # the second practice: US
    us = [step.id for step in calcflow.assess(**{**DEFAULT_CHOICE, "system": "us"}).path]
    assert page.evaluate("(root) => document.querySelector(root + ' svg').dataset.system", EXPLORER) == "us"
    assert f"({len(us)} steps)" in page.evaluate(PRESENTING, EXPLORER)["status"]
    page.keyboard.press("ArrowRight")
    on_path = "(root) => [...document.querySelectorAll(root + ' svg g.node.on-path')].map((g) => g.id)"
    assert page.evaluate(on_path, EXPLORER) == us[:1]
    leave_with_escape(page, EXPLORER)
    assert not page.console_errors, "\n".join(page.console_errors)


def test_an_overlay_when_full_screen_is_refused_caseplayer(page, site_file, open_page):
    page.add_init_script(REFUSE_FULL_SCREEN)
    open_widget(page, site_file, open_page, PLAYER_PAGE, PLAYER)
    check_overlay(page, PLAYER)


@pytest.mark.parametrize("mode", MODES)
def test_an_overlay_when_full_screen_is_refused_explorer(request, mode):
    check_overlay(open_explorer(request, mode, init_script=REFUSE_FULL_SCREEN), EXPLORER)


def check_overlay(page, root):
    state = start_presenting(page, root)
    assert state["overlay"] and not state["fullscreen"]
    box = page.evaluate("""(root) => {
        const r = document.querySelector(root).getBoundingClientRect();
        return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, w: innerWidth, h: innerHeight};
    }""", root)
    assert (box["left"], box["top"]) == (0, 0) and (box["right"], box["bottom"]) == (box["w"], box["h"]), box
    # Tab stays inside the presentation.
    for _ in range(40):
        page.keyboard.press("Tab")
        assert page.evaluate(PRESENTING, root)["focusInside"]
    leave_with_escape(page, root)
    assert not page.console_errors, "\n".join(page.console_errors)
