"""The USB copy and the printed book, made from the real build (_build/html and _build/slides; `make test-publish`):

- the zip (calcflow.publish.dist), unpacked into a temporary folder, opened from disk (file://) in Chromium with
  every request that is not for a local file aborted: its index page, a chapter reached from it, and a deck;
- a chapter printed to PDF (calcflow.publish.pdf), read back with pypdf.

CALCFLOW_SITE_DIR and CALCFLOW_SLIDES_DIR point the tests at a build elsewhere (as in conftest.py).
"""
from __future__ import annotations

import os
import re
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hosts import WIDGETS_READY, bring_widgets_near

REPO_ROOT = Path(__file__).resolve().parents[2]
SLIDES_DIR = Path(os.environ.get("CALCFLOW_SLIDES_DIR") or REPO_ROOT / "_build" / "slides").resolve()
CHAPTER = "how-they-are-found"  # a chapter with figures (PNG), citations and a quiz
CHAPTER_TITLE = "How calcifications are found"
DECK = "categorising.html"


@pytest.fixture(scope="module")
def slides_dir() -> Path:
    if not (SLIDES_DIR / "index.html").is_file():
        message = f"the slides are not built ({SLIDES_DIR / 'index.html'} is missing): run `make slides`"
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(f"{message} — under CI the publishing tests must not be skipped", pytrace=False)
        pytest.skip(message)
    return SLIDES_DIR


@pytest.fixture(scope="module")
def usb_copy(site_dir, slides_dir, tmp_path_factory) -> Path:
    """The zip made from the build, unpacked as a teacher would onto a stick."""
    from calcflow.publish.dist import make_zip

    target = make_zip(site_dir, slides_dir, tmp_path_factory.mktemp("dist"), version="0.0.0-test")
    stick = tmp_path_factory.mktemp("stick")
    with zipfile.ZipFile(target) as archive:
        archive.extractall(stick)
    return stick


def _clean(page, what: str) -> None:
    assert not page.console_errors, f"{what}:\n  " + "\n  ".join(page.console_errors)
    assert not page.external_requests, f"{what} asked outside the machine: {page.external_requests}"


def test_the_index_opens_the_book_and_the_slides_offline(usb_copy, file_page):
    file_page.goto((usb_copy / "index.html").as_uri(), wait_until="load")
    _clean(file_page, "the zip's index page")
    links = file_page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert links and all(link.startswith(usb_copy.as_uri() + "/") for link in links)
    missing = [link for link in links if not Path(link.removeprefix("file://")).is_file()]
    assert not missing, f"the index links files that are not in the zip: {missing}"

    file_page.get_by_role("link", name="Open the book").click()
    file_page.wait_for_load_state("load")
    assert file_page.url == (usb_copy / "book" / "book" / "intro.html").as_uri()
    file_page.go_back(wait_until="load")
    file_page.get_by_role("link", name="All slide decks").click()
    file_page.wait_for_load_state("load")
    assert file_page.url == (usb_copy / "slides" / "index.html").as_uri()
    _clean(file_page, "the book's first page and the slides' index, from the zip")


def test_a_chapter_from_the_zip_shows_its_figures_and_widgets(usb_copy, file_page):
    file_page.goto((usb_copy / "index.html").as_uri(), wait_until="load")
    file_page.get_by_role("link", name=re.compile(re.escape(CHAPTER_TITLE))).first.click()
    file_page.wait_for_load_state("load")
    assert file_page.url == (usb_copy / "book" / "book" / f"{CHAPTER}.html").as_uri()
    assert CHAPTER_TITLE in file_page.locator("h1").first.inner_text()
    bring_widgets_near(file_page)
    file_page.wait_for_function(WIDGETS_READY)
    images = file_page.eval_on_selector_all("article img", "imgs => imgs.map(i => [i.getAttribute('src'), "
                                                           "i.complete && i.naturalWidth > 0])")
    assert images and all(loaded for _, loaded in images), f"images that did not load: {images}"
    _clean(file_page, f"{CHAPTER}.html from the zip")


def test_a_deck_from_the_zip_runs(usb_copy, file_page):
    file_page.goto((usb_copy / "slides" / DECK).as_uri(), wait_until="load")
    file_page.wait_for_function("() => window.Reveal !== undefined && Reveal.isReady()")
    assert file_page.evaluate("Reveal.getTotalSlides()") > 5
    file_page.keyboard.press("ArrowRight")
    assert file_page.evaluate("Reveal.getIndices().h") == 1
    _clean(file_page, f"slides/{DECK} from the zip")


# --- the printed chapter ------------------------------------------------------------------------------------------

class _Citations(HTMLParser):
    """The full text of each source the page cites (the title of its citation links), in order of appearance."""

    def __init__(self):
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "bibliography.html#" in (a.get("href") or "") and a.get("title"):
            self.sources.append(a["title"])


@pytest.fixture(scope="module")
def printed(site_dir, browser, tmp_path_factory):
    from calcflow.publish.pdf import print_pages
    from calcflow.publish.sitemap import book_pages, choose

    pages = choose(book_pages(site_dir), [CHAPTER])
    return print_pages(browser, site_dir, pages, tmp_path_factory.mktemp("pdf"), report=lambda line: None)[CHAPTER]


def _words(text: str) -> str:
    """Text as words: PDF text has ligatures ("ﬁ"), which NFKC spells out, and lines broken anywhere."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_a_printed_chapter_has_its_title_figures_and_references(site_dir, printed):
    from pypdf import PdfReader

    reader = PdfReader(printed)
    assert len(reader.pages) >= 3, "a chapter with figures fills several A4 pages"
    text = _words(" ".join(page.extract_text() for page in reader.pages))
    assert CHAPTER_TITLE in text
    assert "For teaching, not for diagnosis." in text
    citations = _Citations()
    citations.feed((site_dir / "book" / f"{CHAPTER}.html").read_text(encoding="utf-8"))
    assert citations.sources, "the chapter cites sources"
    # The cited sources in full (a handout has no References page to follow a link to), after the chapter's text.
    assert "References" in text
    for source in dict.fromkeys(citations.sources):
        assert _words(source)[:40] in text, f"the cited source is not listed: {source}"
    # Figures print as images; none of the book's navigation does.
    assert sum(len(page.images) for page in reader.pages) >= 1
    assert "Show code cell source" not in text and "Skip to main content" not in text


def test_a_printed_chapter_links_to_no_file_on_the_machine_that_printed_it(printed):
    from pypdf import PdfReader

    uris = [annotation.get_object().get("/A", {}).get("/URI", "")
            for page in PdfReader(printed).pages for annotation in page.get("/Annots") or []]
    local = [uri for uri in uris if str(uri).startswith("file:")]
    assert not local, f"links to files of the printing machine: {local[:5]}"


def test_the_whole_book_is_the_pages_one_after_another_with_a_bookmark_each(printed, tmp_path):
    from pypdf import PdfReader

    from calcflow.publish.pdf import merge

    pages = len(PdfReader(printed).pages)
    book = merge([(printed, "First"), (printed, "Second")], tmp_path / "book.pdf", title="Two copies")
    reader = PdfReader(book)
    assert len(reader.pages) == 2 * pages
    assert [item.title for item in reader.outline if not isinstance(item, list)] == ["First", "Second"]
    assert reader.metadata.title == "Two copies"
