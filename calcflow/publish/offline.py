"""Does a built site work with no network? The one checker for every HTML page this project builds.

A page works offline when everything it would load (scripts, style sheets, images, fonts in `url()`, module imports)
is a file of the site, and every link it makes inside the site leads to a file that exists (and, for `page#part`, to
an element with that id). Links to other hosts are fine — a reader follows them on purpose — but a load from another
host is not.

Used by `calcflow.publish.slides` (a deck that would fail offline stops the build) and by the tests of the built
book (tests/browser/test_site.py) and of the slides (tests/browser/test_slides.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import unquote, urlsplit

# Attributes through which an element makes the browser fetch something.
LOADING_ATTRIBUTES = {"script": ("src",), "link": ("href",), "img": ("src", "srcset"), "iframe": ("src",),
                      "source": ("src", "srcset"), "audio": ("src",), "video": ("src", "poster"),
                      "embed": ("src",), "object": ("data",), "track": ("src",), "input": ("src",)}
NOT_LOADED_LINKS = ("canonical", "alternate")  # <link rel=…> that name a page without fetching it
REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)  # http://, https://, //host, ftp://…
_CSS_URL = re.compile(r"""@import\s+(?:url\(\s*)?['"]?(?P<import>[^'")\s;]+)|url\(\s*['"]?(?P<url>[^'")]+)""")
_JS_IMPORT = re.compile(r"""\bimport\s*(?:\(\s*|[\w*{}\s,$]+\bfrom\s*)['"](?P<url>[^'"]+)['"]""")


@dataclass(frozen=True)
class PageReferences:
    """What one HTML page refers to."""
    loads: tuple[tuple[str, str], ...]  # (where, url): what the browser would fetch, e.g. ("<script src>", "a.js")
    links: tuple[str, ...]  # every <a href>, as written
    anchors: frozenset[str]  # ids (and <a name>): the targets of `page#part`


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []
        self.links: list[str] = []
        self.anchors: set[str] = set()
        self._inside: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.anchors.add(value)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        self._inside = tag if tag in ("style", "script") else None
        if tag == "link" and (attributes.get("rel") or "").lower() in NOT_LOADED_LINKS:
            return
        for name in LOADING_ATTRIBUTES.get(tag, ()):
            value = attributes.get(name)
            if value:
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
                self.loads.extend((f"<{tag} {name}>", url) for url in urls)
        if attributes.get("style"):
            self.loads.extend(("style attribute", url) for url in css_urls(attributes["style"]))

    def handle_endtag(self, tag):
        self._inside = None

    def handle_data(self, data):
        if self._inside == "style":
            self.loads.extend(("<style>", url) for url in css_urls(data))
        elif self._inside == "script":
            self.loads.extend(("<script> import", match.group("url")) for match in _JS_IMPORT.finditer(data))


def page_references(html_text: str) -> PageReferences:
    collector = _Collector()
    collector.feed(html_text)
    collector.close()
    return PageReferences(tuple(collector.loads), tuple(collector.links), frozenset(collector.anchors))


def css_urls(css: str) -> list[str]:
    """Every URL a style sheet would load: `@import`s and `url()`s."""
    return [match.group("import") or match.group("url") for match in _CSS_URL.finditer(css)]


def remote_loads(html_text: str) -> list[str]:
    """What an HTML page would load from another host, as "<script src>: https://…" lines."""
    return [f"{where}: {url}" for where, url in page_references(html_text).loads if REMOTE.match(url)]


def anchors_in(html_file: Path) -> frozenset[str]:
    return page_references(Path(html_file).read_text(encoding="utf-8")).anchors


def link_problem(root: Path, page: str, url: str,
                 anchors: Callable[[Path], frozenset[str]] = anchors_in) -> str | None:
    """None if `url`, written in the page at `page` (a path relative to `root`), is on another host, a data: or
    mailto: URL, or a file inside `root` (with the element its fragment names, for an HTML page); else why not."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # another host (a load from there is reported by remote_loads), data:, blob:, mailto:
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    if path.startswith("/"):
        return f"{url}: root-absolute addresses break when the site is opened from disk; use a relative one"
    root = Path(root).resolve()
    target = (root / page).parent / path if path else root / page
    target = target.resolve()
    if target.is_dir():
        target = target / "index.html"
    if not target.is_relative_to(root):
        return f"{url}: points outside the site"
    if not target.is_file():
        return f"{url}: {target.relative_to(root).as_posix()} does not exist"
    if fragment and target.suffix == ".html" and fragment not in anchors(target):
        return f"{url}: no element with id {fragment!r} in {target.relative_to(root).as_posix()}"
    return None


def check_site(root: Path, pages: Iterable[Path] | None = None) -> list[str]:
    """Every reason the site in `root` would not work offline: each HTML page's loads from another host, and
    loads or links to files that are missing, and the same for the `url()`s of each style sheet.

    `pages`: the HTML files to check (default: every .html file under `root`; a Sphinx theme also ships HTML
    templates among its assets, which are not pages)."""
    root = Path(root)
    known: dict[Path, frozenset[str]] = {}

    def anchors(page: Path) -> frozenset[str]:
        if page not in known:
            known[page] = anchors_in(page)
        return known[page]

    problems = []
    for page in sorted(root.rglob("*.html") if pages is None else map(Path, pages)):
        name = page.relative_to(root).as_posix()
        references = page_references(page.read_text(encoding="utf-8"))
        known[page.resolve()] = references.anchors
        for where, url in references.loads:
            if REMOTE.match(url):
                problems.append(f"{name} loads from another host: {where}: {url}")
            elif problem := link_problem(root, name, url, anchors):
                problems.append(f"{name} needs a missing file: {where}: {problem}")
        for url in references.links:
            if problem := link_problem(root, name, url, anchors):
                problems.append(f"{name} has a broken link: {problem}")
    for sheet in sorted(root.rglob("*.css")):
        name = sheet.relative_to(root).as_posix()
        for url in css_urls(sheet.read_text(encoding="utf-8")):
            if REMOTE.match(url):
                problems.append(f"{name} loads from another host: {url}")
            elif problem := link_problem(root, name, url, anchors):
                problems.append(f"{name} needs a missing file: {problem}")
    return problems
