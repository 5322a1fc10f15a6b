"""Every page of the built book, served over HTTP and opened from disk, in Chromium with no network.

Each page is opened both ways here; the widgets' behaviour is tested from disk only (the same bytes).
Each (page, mode) is opened once (the `visit` fixture caches what it saw); the tests below each check one thing
about that visit, so a failure names both the page and the problem.
"""

from __future__ import annotations

import functools
from urllib.parse import unquote, urlsplit

from calcflow.publish.offline import anchors_in, link_problem

SEARCH_TERM = "calcification"


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


def test_offline_search_finds_results(site, site_dir, page, open_page):
    open_page(page, site, f"search.html?q={SEARCH_TERM}")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(state="attached")
    assert results.count() >= 1, f"no search results for {SEARCH_TERM!r}"
    assert not page.console_errors, "\n".join(page.console_errors)
    assert not page.external_requests, "\n".join(page.external_requests)


def _path_in_site(url: str, site: str) -> str:
    """The path of `url` relative to the site's base URL, without query or fragment."""
    assert url.startswith(site), f"{url} is not on the site {site}"
    return unquote(urlsplit(url[len(site):]).path) or "index.html"


_anchors = functools.cache(anchors_in)  # each page's ids, read once for all the links to it
