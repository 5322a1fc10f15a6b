"""The slide decks (`make slides` → _build/slides) in Chromium, the way an educator opens them from a USB stick:
from disk (file://), with every request that is not to a local file aborted and recorded.

Each deck must open with no console error and no request leaving the machine, start reveal.js, move on with the
arrow keys, and name no remote script or style sheet nor a missing file (calcflow.publish.offline, the checker that
`make slides` runs too). Widgets in a deck (the explorer) must run without a kernel.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ may or may not become a package
from toc_notebooks import REPO_ROOT, toc_notebooks  # noqa: E402

from calcflow.publish.offline import check_site  # noqa: E402

SLIDES_DIR = REPO_ROOT / "_build" / "slides"
DECKS = [f"{path.stem}.html" for path in toc_notebooks()]
EXPLORER_DECK = "explore-the-pathway.html"
MAX_KEY_PRESSES = 400  # more than any deck has slides and fragments

_POSITION = "() => { const i = Reveal.getIndices(); return [i.h, i.v, i.f === undefined ? -1 : i.f]; }"


@pytest.fixture(scope="session")
def slides_dir() -> Path:
    if not (SLIDES_DIR / "index.html").is_file():
        message = "the slides are not built (_build/slides/index.html is missing): run `make slides`"
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(f"{message} — under CI the slide tests must not be skipped", pytrace=False)
        pytest.skip(message)
    return SLIDES_DIR


def open_deck(page, slides_dir: Path, deck: str):
    """Open a deck from disk, wait until reveal.js is ready and the page's module scripts have run."""
    page.goto((slides_dir / deck).as_uri(), wait_until="load")
    page.wait_for_function("() => window.Reveal !== undefined && Reveal.isReady()")
    page.wait_for_load_state("networkidle")
    return page


def test_every_chapter_has_a_deck_listed_on_the_index(slides_dir, file_page):
    missing = [deck for deck in DECKS if not (slides_dir / deck).is_file()]
    assert not missing, f"notebooks in _toc.yml without a deck: {missing}"
    file_page.goto((slides_dir / "index.html").as_uri(), wait_until="load")
    links = file_page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    assert links == DECKS, "the index lists the decks in the order of _toc.yml"
    assert not file_page.console_errors and not file_page.external_requests


@pytest.mark.parametrize("deck", DECKS)
def test_deck_opens_offline_without_errors(slides_dir, file_page, deck):
    open_deck(file_page, slides_dir, deck)
    assert file_page.evaluate("Reveal.getTotalSlides()") >= 1
    assert not file_page.console_errors, f"{deck}:\n  " + "\n  ".join(file_page.console_errors)
    assert not file_page.external_requests, (
        f"{deck} asked for {len(file_page.external_requests)} resource(s) outside the machine (aborted):\n  "
        + "\n  ".join(file_page.external_requests))


def test_every_deck_and_style_sheet_works_offline(slides_dir):
    """What the decks load and link, as written in the files: nothing from another host, every file present."""
    problems = check_site(slides_dir)
    assert not problems, "the slides would not work offline:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("deck", DECKS)
def test_arrow_keys_step_through_the_deck(slides_dir, file_page, deck):
    page = open_deck(file_page, slides_dir, deck)
    start = page.evaluate(_POSITION)
    page.keyboard.press("ArrowRight")
    assert page.evaluate(_POSITION) != start, f"{deck}: → did not move from {start}"
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(_POSITION) == start, f"{deck}: ← did not come back to {start}"
    for _ in range(MAX_KEY_PRESSES):
        if page.evaluate("Reveal.isLastSlide() && !Reveal.availableFragments().next"):
            break
        page.keyboard.press("ArrowRight")
    else:
        pytest.fail(f"{deck}: still not at the end after {MAX_KEY_PRESSES} presses of →")
    assert page.evaluate("Reveal.getIndices().h") == page.evaluate("Reveal.getHorizontalSlides().length") - 1
    assert not page.console_errors, "\n".join(page.console_errors)


@pytest.mark.parametrize("deck", DECKS)
def test_widgets_run_without_a_kernel(slides_dir, file_page, deck):
    page = open_deck(file_page, slides_dir, deck)
    widgets = page.evaluate("""() => [...document.querySelectorAll("[data-calcflow-static]")].map(host => ({
        kind: host.dataset.calcflowStatic,
        drawn: (host.querySelector("[data-calcflow-mount]") || host).childElementCount}))""")
    if deck == EXPLORER_DECK:
        assert any(widget["kind"] == "explorer" for widget in widgets), "the explorer chapter's deck has no explorer"
    assert all(widget["drawn"] for widget in widgets), f"{deck}: widgets left empty: {widgets}"
    assert page.locator(".jupyter-widgets").count() == 0, "a widget view (needs a kernel) instead of its HTML"
    assert not page.console_errors, "\n".join(page.console_errors)


def test_the_explorer_answers_a_choice_in_its_deck(slides_dir, file_page):
    if EXPLORER_DECK not in DECKS:
        pytest.skip(f"{EXPLORER_DECK.removesuffix('.html')} is not in _toc.yml")
    page = open_deck(file_page, slides_dir, EXPLORER_DECK)
    explorer = page.locator('[data-calcflow-static="explorer"]').first
    page.evaluate("""() => {
        const { h, v } = Reveal.getIndices(document.querySelector('[data-calcflow-static="explorer"]').closest("section"));
        Reveal.slide(h, v);
    }""")
    shape = explorer.locator('select[name="shape"]')
    path_before = explorer.locator('[data-calcflow="transcript"]').inner_text()
    choices = shape.evaluate("select => [...select.options].map(option => option.value)")
    current = shape.input_value()
    # The first and last shapes in the lexicon's order are typically benign and suspicious: different paths.
    shape.select_option(choices[0] if current != choices[0] else choices[-1])
    assert explorer.locator('[data-calcflow="transcript"]').inner_text() != path_before, (
        "choosing another shape did not change the path shown")
    assert not page.console_errors, "\n".join(page.console_errors)
