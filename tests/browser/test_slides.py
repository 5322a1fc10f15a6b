"""The slide decks (`make slides` → _build/slides) in Chromium, the way an educator opens them from a USB stick:
from disk (file://), with every request that is not to a local file aborted and recorded.

Each deck must open with no console error and no request leaving the machine, start reveal.js, move on with the
arrow keys, and name no remote script or style sheet nor a missing file (calcflow.publish.offline, the checker that
`make slides` runs too). Widgets in a deck (the explorer) must run without a kernel.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ may or may not become a package
from toc_notebooks import REPO_ROOT, toc_notebooks  # noqa: E402

import nbformat  # noqa: E402

from calcflow.publish.authored import is_authored  # noqa: E402
from calcflow.publish.offline import check_site  # noqa: E402

SLIDES_DIR = REPO_ROOT / "_build" / "slides"
DECKS = [f"{path.stem}.html" for path in toc_notebooks()]
EXPLORER_DECK = "explore-the-pathway.html"
# Decks written for lecturing (a notebook with slide-only cells), held to the lecture-theatre rules below.
AUTHORED_DECKS = [f"{path.stem}.html" for path in toc_notebooks()
                  if is_authored(nbformat.read(REPO_ROOT / path, as_version=4))]
# Chapters that teach no clinical decision, so their decks need no vote.
NOT_CLINICAL = {"explore-the-pathway.html", "case-library.html", "reading-practice.html", "my-progress.html"}
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
    links = file_page.eval_on_selector_all("a.deck-link", "links => links.map(a => a.getAttribute('href'))")
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
    """The first explorer of the deck (Try 1: micro, grouped, no prior films, UK) on its slide: another shape from
    its menu draws that shape's path, as calcflow.assess gives it; the arrow keys in a menu stay in the menu."""
    import calcflow

    if EXPLORER_DECK not in DECKS:
        pytest.skip(f"{EXPLORER_DECK.removesuffix('.html')} is not in _toc.yml")
    file_page.set_viewport_size({"width": 1920, "height": 1080})
    page = open_deck(file_page, slides_dir, EXPLORER_DECK)
    explorer = page.locator('[data-calcflow-static="explorer"]').first
    page.evaluate("""() => {
        const { h, v } = Reveal.getIndices(document.querySelector('[data-calcflow-static="explorer"]').closest("section"));
        Reveal.slide(h, v);
    }""")
    assert explorer.locator('[data-layout="slide"]').count() == 1, "the deck's explorer is the slide layout"
    choice = {name: explorer.locator(f'select[name="{name}"]').input_value() for name in ("size", "pattern", "system")}
    figure = explorer.locator('[data-calcflow="slide-path"]')
    for shape in ("amorphous", "vascular"):
        explorer.locator('select[name="shape"]').select_option(shape)
        expected = calcflow.assess(choice["size"], shape, choice["pattern"], change="no-prior", system=choice["system"])
        assert figure.get_attribute("data-path") == " ".join(step.id for step in expected.path)
        drawn = figure.evaluate("f => [...f.querySelectorAll('g.node')].map(g => g.id.replace(/^cfx-slide-\\d+-/, ''))")
        assert sorted(drawn) == sorted(step.id for step in expected.path), "the drawing is the path the model gives"
    where = page.evaluate(_POSITION)
    explorer.locator('select[name="shape"]').focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate(_POSITION) == where, "an arrow key in a menu moved the deck"
    assert explorer.locator('select[name="shape"]').input_value() != "vascular", "the arrow key did not change the menu"
    assert not page.console_errors, "\n".join(page.console_errors)


# --- authored decks: legible from the back of a lecture theatre at 1920×1080 ------------------------------------

MAX_WORDS = 40
BODY_PX, HEADING_PX, FLOWCHART_LABEL_PX = 28, 44, 24
FIGURE_SHARE = 2 / 3

# Every slide of the deck with all its fragments shown: what it holds, as measured in the browser.
_MEASURE_SLIDES = """() => {
    const scale = Reveal.getScale();
    const { width: slideWidth, height: slideHeight } = Reveal.getComputedSlideSize();
    const visible = (element) => {
        for (let e = element; e; e = e.parentElement) {
            const style = getComputedStyle(e);
            if (style.display === "none" || style.visibility === "hidden" || e.matches("aside.notes")) return false;
        }
        return true;
    };
    return Reveal.getSlides().map((section) => {
        const { h, v } = Reveal.getIndices(section);
        Reveal.slide(h, v, section.querySelectorAll(".fragment").length - 1);  // every fragment shown
        const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
        const texts = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!node.textContent.trim() || parent.closest("svg, aside.notes, style, script, noscript") || !visible(parent)) continue;
            const option = parent.closest("option");
            if (option && !option.selected) continue;  // a closed menu shows its chosen option only
            texts.push({ text: node.textContent, px: parseFloat(getComputedStyle(parent).fontSize) * scale,
                         heading: !!parent.closest("h1, h2, h3") });
        }
        const figures = [...section.querySelectorAll("img, figure > svg")].filter(visible).map((figure) => {
            const box = figure.getBoundingClientRect();
            return { width: box.width / scale / slideWidth, height: box.height / scale / slideHeight,
                     vote: !!figure.closest(".calcflow-vote"), explorer: !!figure.closest(".cfx-slide") };
        });
        const labels = [...section.querySelectorAll("svg.calcflow-path-flowchart text")].map((text) =>
            parseFloat(text.getAttribute("font-size")) * text.getScreenCTM().a);
        return { slide: `${h}/${v || 0}`, kind: section.dataset.calcflow || "",
                 overflow: [section.scrollHeight - section.clientHeight, section.scrollWidth - section.clientWidth],
                 words: texts.map((t) => t.text).join(" ").split(/\\s+/).filter((w) => /[\\p{L}\\p{N}]/u.test(w)).length,
                 body: Math.min(...texts.filter((t) => !t.heading).map((t) => t.px), 999),
                 headings: Math.min(...texts.filter((t) => t.heading).map((t) => t.px), 999),
                 figures, labels, notes: (section.querySelector("aside.notes") || { textContent: "" }).textContent.trim().length,
                 vote: !!section.querySelector(".calcflow-vote") };
    });
}"""


@pytest.fixture(scope="module")
def measured(browser):
    """deck -> the measures of each of its slides, opened once at 1920×1080 from file:// with the network blocked."""
    from conftest import new_offline_page

    seen = {}

    def measure(deck: str) -> dict:
        if deck not in seen:
            context, page = new_offline_page(browser, "file://")
            try:
                page.set_viewport_size({"width": 1920, "height": 1080})
                open_deck(page, SLIDES_DIR, deck)
                page.evaluate("() => Reveal.configure({ transition: 'none' })")
                # Fragments fade in over 0.2 s: measure them as they are once shown.
                page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
                seen[deck] = {"slides": page.evaluate(_MEASURE_SLIDES), "errors": list(page.console_errors),
                              "external": list(page.external_requests), "total": page.evaluate("Reveal.getTotalSlides()"),
                              "notes_plugin": page.evaluate("Reveal.hasPlugin('notes')")}
            finally:
                context.close()
        return seen[deck]

    return measure


def test_at_least_one_deck_is_authored():
    assert "categorising.html" in AUTHORED_DECKS


@pytest.mark.parametrize("deck", AUTHORED_DECKS)
def test_authored_slides_fit_and_read_from_the_back(slides_dir, measured, deck):
    deck_data = measured(deck)
    assert not deck_data["errors"] and not deck_data["external"], deck_data["errors"] + deck_data["external"]
    problems = []
    for slide in deck_data["slides"]:
        where = f"{deck} slide {slide['slide']}"
        if max(slide["overflow"]) > 0:
            problems.append(f"{where} overflows the screen by {slide['overflow']} px (height, width)")
        if slide["kind"] != "references" and slide["words"] > MAX_WORDS:
            problems.append(f"{where} shows {slide['words']} words (at most {MAX_WORDS})")
        if slide["body"] < BODY_PX:
            problems.append(f"{where}: text at {slide['body']:.1f} px (at least {BODY_PX})")
        if slide["headings"] < HEADING_PX:
            problems.append(f"{where}: a title at {slide['headings']:.1f} px (at least {HEADING_PX})")
        for figure in slide["figures"]:
            if figure["explorer"]:  # the path beside the explorer's menus: held to the size of its labels instead
                if not slide["labels"]:
                    problems.append(f"{where}: the explorer's path has no labels to measure")
                continue
            if max(figure["width"], figure["height"]) < FIGURE_SHARE - 0.005:
                problems.append(f"{where}: a figure fills only {figure} of the slide (at least 2/3 of one side)")
        if slide["labels"] and min(slide["labels"]) < FLOWCHART_LABEL_PX:
            problems.append(f"{where}: flowchart labels at {min(slide['labels']):.1f} px (at least 24)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("deck", AUTHORED_DECKS)
def test_authored_decks_have_notes_a_vote_and_references(slides_dir, measured, deck):
    slides = measured(deck)["slides"]
    assert measured(deck)["notes_plugin"], "the speaker view (S) needs reveal.js's notes plugin"
    content = [slide for slide in slides if slide["kind"] != "references"]  # the references need no notes
    with_notes = [slide for slide in content if slide["notes"]]
    assert len(with_notes) >= len(content) / 2, (
        f"{deck}: speaker notes on only {len(with_notes)} of {len(content)} slides")
    assert slides[-1]["kind"] == "references", f"{deck}: the last slide lists the references"
    if deck not in NOT_CLINICAL:
        assert any(slide["vote"] for slide in slides), f"{deck}: a clinical deck needs a case to vote on"


@pytest.mark.parametrize("deck", AUTHORED_DECKS)
def test_a_vote_reveals_its_answer_on_a_key_press(slides_dir, file_page, deck):
    page = open_deck(file_page, slides_dir, deck)
    if not page.locator(".calcflow-vote").count():
        pytest.skip(f"{deck} has no vote")
    page.evaluate("""() => { const { h, v } = Reveal.getIndices(document.querySelector(".calcflow-vote").closest("section"));
                             Reveal.slide(h, v, -1); }""")
    answer = page.locator(".calcflow-vote-answer").first
    options = page.locator(".calcflow-vote-options li")
    assert options.count() >= 2 and options.first.is_visible()
    assert answer.evaluate("a => getComputedStyle(a).visibility") == "hidden", "the answer shows before the vote"
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => getComputedStyle(document.querySelector('.calcflow-vote-answer')).visibility === 'visible'")
    number = int(answer.get_attribute("data-answer"))
    assert answer.inner_text().startswith(f"{number} · {options.nth(number - 1).inner_text()}")


@pytest.mark.parametrize("deck", AUTHORED_DECKS)
def test_the_pdf_handout_has_a_page_per_slide(slides_dir, measured, deck):
    pdf = slides_dir / "pdf" / deck.replace(".html", ".pdf")
    assert pdf.is_file(), f"{pdf} is missing: `make slides` prints each authored deck"
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))
    assert pages == measured(deck)["total"], f"{pdf.name}: {pages} pages for {measured(deck)['total']} slides"


def test_the_index_shows_each_deck_with_thumbnail_slides_and_minutes(slides_dir, file_page, measured):
    file_page.goto((slides_dir / "index.html").as_uri(), wait_until="load")
    decks = file_page.eval_on_selector_all("li.deck", """items => items.map(item => ({
        href: item.querySelector("a.deck-link").getAttribute("href"),
        thumbnail: item.querySelector("img") && item.querySelector("img").naturalWidth,
        slides: parseInt(item.querySelector(".slides").textContent), minutes: parseInt(item.querySelector(".minutes")
            .textContent.replace(/\\D+/, "")), pdf: !!item.querySelector(".handout a") }))""")
    assert [deck["href"] for deck in decks] == DECKS
    assert all(deck["thumbnail"] for deck in decks), "every deck has a thumbnail that loads"
    assert all(deck["minutes"] == deck["slides"] for deck in decks), "about a minute a slide"
    for deck in decks:
        if deck["href"] in AUTHORED_DECKS:
            assert deck["slides"] == measured(deck["href"])["total"] and deck["pdf"]
    assert not file_page.console_errors and not file_page.external_requests


@pytest.mark.parametrize("deck", AUTHORED_DECKS)
def test_authored_slides_meet_aa_contrast(slides_dir, file_page, deck):
    """axe-core's colour-contrast rule (WCAG AA) on every slide, all fragments shown (axe ships in the package).

    reveal.js paints each slide's background in a layer of its own (.backgrounds), beside the slides, not under
    them in the document: axe then cannot tell what is behind the text ("overlapped by another element") and checks
    nothing. No deck sets a slide background (asserted), so that layer is hidden and the page's own background,
    the one the slides show, is what axe finds behind the text. Each slide must have text that axe did check."""
    from axe_playwright_python.sync_playwright import Axe

    file_page.set_viewport_size({"width": 1920, "height": 1080})
    page = open_deck(file_page, slides_dir, deck)
    assert not page.evaluate("() => Reveal.getSlides().filter((slide) => Object.keys(slide.dataset)"
                             ".some((key) => key.startsWith('background'))).length"), "a slide sets its background"
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; } "
                               ".reveal .backgrounds { display: none !important; }")
    page.evaluate(Axe().axe_script)  # axe-core, once for the deck (Axe.run would inject it again for every slide)
    failing, unchecked = [], []
    for index in range(page.evaluate("Reveal.getSlides().length")):
        page.evaluate("""(index) => { const slide = Reveal.getSlides()[index]; const { h, v } = Reveal.getIndices(slide);
                                      Reveal.slide(h, v, slide.querySelectorAll(".fragment").length - 1); }""", index)
        seen = page.evaluate("""() => axe.run(document, {runOnly: ["color-contrast"]}).then((results) => ({
            failing: results.violations.flatMap((violation) => violation.nodes.map((node) => node.target)),
            checked: [...results.violations, ...results.passes].flatMap((rule) => rule.nodes)
                .filter((node) => !String(node.target).includes("slide-number")).length}))""")
        failing += [f"slide {index + 1}: {target}" for target in seen["failing"]]
        if not seen["checked"]:
            unchecked.append(index + 1)
    assert not failing, f"{deck}: text below AA contrast:\n  " + "\n  ".join(failing)
    assert not unchecked, f"{deck}: slides whose text axe could not check: {unchecked}"
    assert not page.console_errors and not page.external_requests
