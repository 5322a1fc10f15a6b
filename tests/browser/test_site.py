"""Every page of the built book, served over HTTP and opened from disk, in Chromium with no network.

Each (page, mode) is opened once (the `visit` fixture caches what it saw); the tests below each check one thing
about that visit, so a failure names both the page and the problem.
"""

from __future__ import annotations

import functools
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

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


def test_internal_links_resolve(site, page_path, site_dir, visit):
    seen = visit(site, page_path)
    # Links are relative to the page finally shown (index.html redirects to the root page).
    shown_path = _path_in_site(seen.url, site)
    problems = sorted({problem for href in seen.links if (problem := _link_problem(site_dir, shown_path, href))})
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


def _link_problem(site_dir: Path, page_path: str, href: str) -> str | None:
    """None if `href` (as written in the page) is external or resolves inside the build; otherwise why not."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None  # external link or mailto:/javascript: — not a file of this site
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if path.startswith("/"):
        return f"{href}: root-absolute links break when the book is opened from disk; use a relative link"
    page_dir = (site_dir / page_path).parent
    target = (page_dir / path).resolve() if path else (site_dir / page_path).resolve()
    if target.is_dir():
        target = target / "index.html"
    if not target.is_relative_to(site_dir.resolve()):
        return f"{href}: points outside the built site"
    if not target.is_file():
        return f"{href}: {target.relative_to(site_dir.resolve()).as_posix()} does not exist in the build"
    if fragment and target.suffix == ".html" and fragment not in _anchors(target):
        return f"{href}: no element with id {fragment!r} in {target.relative_to(site_dir.resolve()).as_posix()}"
    return None


class _AnchorCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.anchors: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.anchors.add(value)


@functools.lru_cache(maxsize=None)
def _anchors(html_file: Path) -> frozenset[str]:
    collector = _AnchorCollector()
    collector.feed(html_file.read_text(encoding="utf8"))
    return frozenset(collector.anchors)


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://example.org/", None),
        ("mailto:someone@example.org", None),
        ("intro.html#who-this-book-is-for", None),
        ("intro.html#no-such-section", "no element with id"),
        ("missing.html", "does not exist"),
        ("/book/intro.html", "root-absolute"),
        ("../../outside.html", "outside the built site"),
    ],
)
def test_link_checker_itself(tmp_path, href, expected):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "intro.html").write_text('<h2 id="who-this-book-is-for">Who</h2>', encoding="utf8")
    problem = _link_problem(tmp_path, "book/intro.html", href)
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and expected in problem
