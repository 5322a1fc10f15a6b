"""Every page of the built book, served over HTTP and opened from disk, in Chromium with no network.

Each page is opened both ways here; the widgets' behaviour is tested from disk only (the same bytes).
Each (page, mode) is opened once (the `visit` fixture caches what it saw), and once more over HTTP at a phone's size
(`phone_visit`); the tests below each check one thing about those visits, so a failure names both the page and the
problem. None is timed: a light page is checked by its bytes, never by a stopwatch (benchmarks/bench_site.py
measures the Lighthouse scores).
"""

from __future__ import annotations

import functools
import json
import re
from urllib.parse import quote, unquote, urlsplit

import pytest

from calcflow.publish.offline import anchors_in, link_problem

SEARCH_TERM = "calcification"
# What a first visit to any page may transfer, as a static host sends it (gzip), its later images aside.
PAGE_WEIGHT_LIMIT = 500_000
MIN_CHART_TEXT_PX = 12


def test_no_console_errors(site, page_path, site_dir, visit):
    seen = visit(site, page_path)
    assert not seen.console_errors, f"{seen.url}:\n  " + "\n  ".join(seen.console_errors)


def test_no_requests_leave_the_site(site, page_path, site_dir, visit):
    seen = visit(site, page_path)
    assert not seen.external_requests, (
        f"{seen.url} asked for {len(seen.external_requests)} resource(s) outside the site "
        f"(aborted; offline they would fail):\n  " + "\n  ".join(seen.external_requests)
    )


def test_every_image_has_alt_text(site, page_path, site_dir, visit):
    seen = visit(site, page_path)
    missing = [image["src"] for image in seen.images if not (image["alt"] or "").strip()]
    assert not missing, f"{seen.url}: images without alt text:\n  " + "\n  ".join(missing)


def test_every_widget_on_the_page_becomes_interactive(site, page_path, site_dir, visit):
    seen = visit(site, page_path)
    idle = [widget["kind"] for widget in seen.widgets if not widget["ready"]]
    assert not idle, f"{seen.url}: widgets that never became interactive: {idle}"


def test_internal_links_resolve(site, page_path, site_dir, visit):
    seen = visit(site, page_path)
    # Links are relative to the page finally shown (index.html redirects to the root page).
    shown_path = _path_in_site(seen.url, site)
    problems = sorted({problem for href in seen.links
                       if (problem := link_problem(site_dir, shown_path, href, anchors=_anchors))})
    assert not problems, f"{seen.url}: broken internal links:\n  " + "\n  ".join(problems)


def test_offline_search_finds_results_with_snippets(site, site_dir, page, open_page):
    open_page(page, site, f"search.html?q={SEARCH_TERM}")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(state="attached")
    page.wait_for_function("() => document.querySelector('#search-results ul.search li p.context')")
    assert results.count() >= 1, f"no search results for {SEARCH_TERM!r}"
    snippets = [" ".join(text.split()) for text in page.locator("#search-results ul.search li p.context").all_inner_texts()]
    assert len(snippets) >= min(3, results.count()), f"results without a snippet: {results.all_inner_texts()[:5]}"
    assert all(SEARCH_TERM in snippet.lower() for snippet in snippets[:3]), snippets[:3]
    assert page.locator("#search-results p.context span.highlighted").count() >= 1, "the words searched are not marked"
    assert not page.console_errors, "\n".join(page.console_errors)
    assert not page.external_requests, "\n".join(page.external_requests)


def test_search_finds_a_learning_check_question(site, site_dir, page, open_page):
    """A quiz is drawn by its script from JSON, but its questions are in the page's text for the search (the
    quiz's printable copy): words found only in a question find the chapter, with the question as the snippet."""
    chapter, words = _quiz_only_words(site_dir)
    open_page(page, site, "search.html?q=" + quote(" ".join(words)))
    page.wait_for_function("() => document.querySelector('#search-results ul.search li p.context')")
    item = page.locator(f'#search-results ul.search li:has(a[href^="{chapter}.html"])')
    assert item.count() == 1, (f"searching {words} (words of a {chapter} learning check) does not find the page: "
                               f"{page.locator('#search-results').inner_text()[:300]}")
    snippet = " ".join(item.locator("p.context").inner_text().split()).lower()
    assert all(word in snippet for word in words), f"the snippet does not show the question: {snippet!r}"
    assert not page.console_errors, "\n".join(page.console_errors)


def _quiz_only_words(site_dir) -> tuple[str, list[str]]:
    """(a chapter, two words of one of its quiz questions that its page shows nowhere outside the quiz)."""
    for page in sorted((site_dir / "book").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        state = re.search(r'data-calcflow-static="quiz"><script type="application/json">(.*?)</script>', html, re.S)
        if not state:
            continue
        questions = json.loads(state[1].replace("<\\/", "</"))["bank"]["questions"]
        shown = re.sub(r"<script\b.*?</script>|<noscript>.*?</noscript>|<[^>]+>", " ", html, flags=re.S).lower()
        for question in questions:
            prompt = question["prompt"].lower()
            rare = [m for m in re.finditer(r"[a-z]{7,}", prompt) if m[0] not in shown]
            for first, second in zip(rare, rare[1:]):  # two close together: one snippet shows both
                if first[0] != second[0] and second.start() - first.start() < 100:
                    return page.with_suffix("").relative_to(site_dir).as_posix(), [first[0], second[0]]
    pytest.fail("no learning-check question has two words of its own (the test needs one)")


# --- a light page ---------------------------------------------------------------------------------------------------

def test_page_weight_is_under_500_kb_gzipped(site_http, page_path, site_dir, visit):
    """Everything the first visit to the page transfers, as served with gzip, images after the page's first aside
    (they load as the reader scrolls, and the limit is about the page, not its figures)."""
    seen = visit(site_http, page_path)
    images = [entry for entry in seen.transferred if entry[1] == "image"]
    counted = [entry for entry in seen.transferred if entry[1] != "image"] + images[:1]
    total = sum(size for _, _, size in counted)
    heaviest = sorted(counted, key=lambda entry: -entry[2])[:5]
    assert total <= PAGE_WEIGHT_LIMIT, (f"{page_path} transfers {total / 1000:.0f} kB (limit "
                                        f"{PAGE_WEIGHT_LIMIT / 1000:.0f} kB); the heaviest:\n  "
                                        + "\n  ".join(f"{size / 1000:.0f} kB {url}" for url, _, size in heaviest))


def test_no_request_is_answered_with_an_error(site_http, page_path, site_dir, visit):
    """No 404 (the favicon, for one: the page names its own, so the browser does not ask for /favicon.ico)."""
    seen = visit(site_http, page_path)
    assert not seen.server_errors, f"{seen.url}: the server answered {seen.server_errors}"
    html = (site_dir / page_path).read_text(encoding="utf-8")
    icon = re.search(r'<link rel="icon" href="([^"]+)"', html)
    assert icon, f"{page_path} names no favicon: the browser asks for /favicon.ico, a 404"
    assert not link_problem(site_dir, page_path, icon[1]), link_problem(site_dir, page_path, icon[1])


def test_one_search_box(site, page_path, site_dir, visit):
    """One search a reader can see (the sidebar's), never the theme's second field in a header bar above it."""
    seen = visit(site, page_path)
    assert len(seen.search_boxes) == 1, f"{seen.url}: search boxes in view: {seen.search_boxes}"


def test_one_search_box_on_a_phone(site_http, page_path, site_dir, phone_visit):
    """On a phone, the magnifier in the article's header: one search still."""
    on_phone = phone_visit(page_path)
    assert len(on_phone.search_boxes) == 1, f"{page_path} on a phone: search boxes in view: {on_phone.search_boxes}"


def test_no_code_cell_source_on_the_page(site, page_path, site_dir, visit):
    """Readers see each code cell's output, never its code, nor a bar to show it (the notebook is a click away)."""
    seen = visit(site, page_path)
    assert not seen.code_cells, f"{seen.url}: code cells or their 'show code' bars: {seen.code_cells[:5]}"


# --- readable on a phone and on a desktop ---------------------------------------------------------------------------

def test_on_a_phone_tables_fit_or_scroll_and_charts_are_readable(site_http, page_path, site_dir, phone_visit):
    seen = phone_visit(page_path)
    layout = seen.layout
    assert layout["overflow"] <= 1, f"{page_path} on a phone is {layout['overflow']} px wider than the screen"
    cut = [table["head"] for table in layout["tables"] if not (table["fits"] or table["scrolls"])]
    assert not cut, f"{page_path} on a phone: tables cut off at the screen's edge: {cut}"
    assert not layout["clipped"], f"{page_path} on a phone: cut off: {layout['clipped'][:5]}"
    if layout["chartText"] is not None:
        assert layout["chartText"] >= MIN_CHART_TEXT_PX - 0.001, (
            f"{page_path} on a phone: flowchart text of {layout['chartText']:.1f} px")


def test_on_a_desktop_nothing_is_cut_off(site, page_path, site_dir, visit):
    seen = visit(site, page_path)
    layout = seen.layout
    assert layout["overflow"] <= 1, f"{seen.url} is {layout['overflow']} px wider than the window"
    assert not layout["clipped"], f"{seen.url}: cut off: {layout['clipped'][:5]}"
    cut = [table["head"] for table in layout["tables"] if not (table["fits"] or table["scrolls"])]
    assert not cut, f"{seen.url}: tables cut off: {cut}"
    if layout["chartText"] is not None:
        assert layout["chartText"] >= MIN_CHART_TEXT_PX - 0.001, f"{seen.url}: flowchart text of {layout['chartText']:.1f} px"


def _path_in_site(url: str, site: str) -> str:
    """The path of `url` relative to the site's base URL, without query or fragment."""
    assert url.startswith(site), f"{url} is not on the site {site}"
    return unquote(urlsplit(url[len(site):]).path) or "index.html"


_anchors = functools.cache(anchors_in)  # each page's ids, read once for all the links to it


@pytest.mark.parametrize("scripts", [True, False], ids=["scripts", "no-scripts"])
def test_the_entry_page_forwards_to_the_first_chapter_page(browser, site, site_dir, http_server, scripts):
    """index.html forwards to the book's first page (Jupyter Book's root is book/intro): by script at once, keeping a
    #fragment and leaving index.html out of the history; with scripts off, by its Refresh."""
    from conftest import new_offline_page

    context, page = new_offline_page(browser, http_server if site.startswith("http") else "file://",
                                     java_script_enabled=scripts)
    try:
        page.goto(site + "index.html#how-to-use-it" if scripts else site + "index.html")
        page.wait_for_url("**/book/intro.html*")
        page.wait_for_load_state("load")
        assert page.locator("h1").first.inner_text().strip(), "the first page shows no title"
        assert not page.console_errors, page.console_errors
        if scripts:
            assert urlsplit(page.url).fragment == "how-to-use-it", page.url
            page.go_back()  # to the blank page the tab opened with: index.html is not in the history to bounce off
            assert "index.html" not in page.url, f"Back went to {page.url}"
    finally:
        context.close()
