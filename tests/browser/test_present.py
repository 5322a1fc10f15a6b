"""Presentation mode (calcflow/widgets/js/shared/present.js) of the case player and the explorer, by keyboard alone,
in the built book with no network — over HTTP and from file:// — and, for the explorer, on a page of its own built from
`Explorer().static_html()` (file://) when the book is not built — see explorer_harness.MODES. On a 1920 × 1080 screen
(at the end): the path in type 24 px or more, whole and on screen with the answer, the case's image whole, key hints
that count the options, and a demonstration that records nothing.

A lecturer Tabs to the Present button and presses Enter: the widget fills the screen (the Fullscreen API, or a fixed
overlay where the browser refuses), → and ← step, the number keys choose, "?" lists the keys and Esc leaves.
"""
from __future__ import annotations

import pytest
from explorer_harness import MODES, open_explorer
from hosts import wait_until_ready
from test_caseplayer import assessed, model_answers
from widget_pages import box, on_screen, text_sizes
from widget_pages import open_widget as open_any

import calcflow
from calcflow.model.cases import case, cases
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
    wait_until_ready(page, root)
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


# --- a 1920 × 1080 screen at the front of a lecture theatre ---------------------------------------------------------
# Large type (the path's step labels 24 px or more), the path whole and the answer on one screen, the case's image
# whole, the key hint counting the options, and a demonstration that records nothing. In the built book from file://
# when it is built, else on pages of their own (widget_pages).
SCREEN = (1920, 1080)
LONGEST = {"result": "B5b"}  # with the default choice: the explorer's longest path, 15 steps
LONGEST_CASE = case("fine-linear-segmental")  # 15 steps too
STRIP_STEPS = ".cf-path-strip > li.cf-path-step"


def strip_on_screen(page, root: str, steps: int) -> None:
    """The path laid across: `steps` steps, each wholly on screen, its label and route 24 px or more."""
    boxes = page.eval_on_selector_all(f"{root} {STRIP_STEPS}", """(items) => items.map((item) => {
        const r = item.getBoundingClientRect();
        return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, innerWidth, innerHeight};
    })""")
    assert len(boxes) == steps
    off = [i + 1 for i, b in enumerate(boxes) if not on_screen(b)]
    assert not off, f"steps {off} of the path are off the screen"
    sizes = text_sizes(page, "explorer" if root == EXPLORER else "caseplayer")
    assert sizes and min(s["px"] for s in sizes) >= 24, min(sizes, key=lambda s: s["px"])


def key_hint(page, root: str) -> str:
    """What the current menu's label adds while presenting ("keys 1–5")."""
    return page.evaluate("""(root) => getComputedStyle(
        document.querySelector(root + ' .cfx-current-menu label'), '::after').content""", root).strip('"').lstrip(" —")


@pytest.mark.parametrize("mode", MODES)
def test_presenting_the_explorer_on_a_1920x1080_screen(request, mode):
    page = open_any(request, "explorer", mode, viewport=SCREEN)
    path = [step.id for step in calcflow.assess(**{**DEFAULT_CHOICE, **LONGEST}).path]
    for field, value in LONGEST.items():
        page.select_option(f'{EXPLORER} select[name="{field}"]', value)
    page.click(f"{EXPLORER} [data-calcflow=present]")
    page.wait_for_selector(f"{EXPLORER}.cf-presenting")
    assert page.locator(f"{EXPLORER} .cfx-chart").is_hidden(), "the whole chart would need labels too small"
    for _ in path:
        page.keyboard.press("ArrowRight")
    assert page.evaluate("(root) => [...document.querySelectorAll(root + ' .cf-path-step')].map((li) => li.dataset.step)",
                         EXPLORER) == path
    strip_on_screen(page, EXPLORER, len(path))
    assert on_screen(box(page, f"{EXPLORER} .cfx-category")), "the category is on screen with the path"
    # The key hint counts the options of the menu the number keys choose in (it said 1–9 for two).
    sizes = len(calcflow.choices()["size"])
    assert key_hint(page, EXPLORER) == f"keys 1–{sizes}"
    assert f"keys 1–{sizes} choose" in page.evaluate(PRESENTING, EXPLORER)["status"]
    page.focus(f'{EXPLORER} select[name="pattern"]')
    patterns = min(9, len(calcflow.choices()["pattern"]))
    assert key_hint(page, EXPLORER) == f"keys 1–{patterns}"
    assert f"keys 1–{patterns} choose" in page.evaluate(PRESENTING, EXPLORER)["status"]
    assert not page.console_errors, "\n".join(page.console_errors)


@pytest.mark.parametrize("mode", MODES)
def test_presenting_the_case_player_on_a_1920x1080_screen_records_nothing(request, mode):
    page = open_any(request, "caseplayer", mode, viewport=SCREEN)
    stored = "() => localStorage.getItem('calcflow.caseplayer.answers')"
    # The learner's own answer, before the lecture: it must come through the demonstration untouched.
    page.check(f'{PLAYER} input[type=radio][name="size"][value="{FIRST.descriptors.size}"]')
    page.click(f'{PLAYER} [data-calcflow="commit"]')
    own = page.evaluate(stored)
    assert own and FIRST.id in own
    page.select_option(f'{PLAYER} select[name="case"]', LONGEST_CASE.id)
    page.click(f"{PLAYER} [data-calcflow=present]")
    page.wait_for_selector(f"{PLAYER}.cf-presenting")
    assert on_screen(box(page, f"{PLAYER} .cfp-img")), "the whole image on screen"
    answers = model_answers(LONGEST_CASE)
    for step, value in answers.items():
        options = page.eval_on_selector_all(f'{PLAYER} input[type=radio][name="{step}"]', "(all) => all.map((i) => i.value)")
        keys = "key 1" if len(options) == 1 else f"keys 1–{min(9, len(options))}"
        assert f"{keys[0].upper()}{keys[1:]} choose" in page.evaluate(PRESENTING, PLAYER)["status"], (step, keys)
        if options.index(value) < 9:
            page.keyboard.press(str(options.index(value) + 1))
        else:  # past the ninth: ↑ ↓ in the menu, as the keys' list says
            page.check(f'{PLAYER} input[type=radio][name="{step}"][value="{value}"]')
        page.keyboard.press("ArrowRight")  # commits
        assert page.locator(f'{PLAYER} [data-calcflow="feedback"]').inner_text().strip()
        page.keyboard.press("ArrowRight")  # the next question, or the end of the case
    assert page.locator(f"{PLAYER} .cfp-end").is_visible() and page.locator(f"{PLAYER} .cfp-chart").is_hidden()
    strip_on_screen(page, PLAYER, len(assessed(LONGEST_CASE).path))
    assert page.evaluate(stored) == own, "the demonstration is not stored"
    page.keyboard.press("Escape")
    page.wait_for_function("(root) => !document.querySelector(root).classList.contains('cf-presenting')", arg=PLAYER)
    score = " ".join(page.locator(f'{PLAYER} [data-calcflow="score"]').inner_text().split())
    assert "This case: 0 right of 0 answered" in score and "Running total: 1 right of 1 answered" in score, score
    assert page.evaluate(stored) == own
    assert not page.console_errors, "\n".join(page.console_errors)
