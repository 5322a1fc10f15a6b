"""What a built book and a built set of slides hold, read from their own HTML: the book's pages in reading order
(the navigation of its root page, which Jupyter Book writes from _toc.yml) and the decks the slides' index lists.

    book_pages(site)  → [Page("book/intro.html", "Calcification Pathways"), Page("book/how-to-use.html", "1. How …"), …]
    decks(slides)     → [Page("01-from-mammogram-to-category.html", "From mammogram to category"), …]

Used by calcflow.publish.pdf (what to print, and in which order) and calcflow.publish.dist (the USB copy's index).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from calcflow.errors import CalcflowError

_REFRESH = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*['\"]?(?P<url>[^'\"]+)", re.IGNORECASE)


class SiteError(CalcflowError):
    """A folder that is not the built book or the built slides (or is missing what they always have)."""


@dataclass(frozen=True)
class Page:
    path: str  # relative to the site's (or the slides') folder, with forward slashes
    title: str

    @property
    def name(self) -> str:
        """The page's file name without .html: "categorising"; the name the command lines accept."""
        return PurePosixPath(self.path).stem


class _Links(HTMLParser):
    """The <a> links inside the elements matched by `inside(tag, classes)` (the whole page if None), with their text;
    and a <meta http-equiv="refresh"> target."""

    def __init__(self, inside=None, link_class: str = ""):
        super().__init__(convert_charrefs=True)
        self.inside, self.link_class = inside, link_class
        self.links: list[tuple[str, str]] = []
        self.refresh: str | None = None
        self._open: list[str] = []  # tags of the matched containers still open (nested ones of the same tag)
        self._text: list[str] | None = None
        self._href = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH.match(attributes.get("content") or "")
            self.refresh = match.group("url").strip() if match else None
        if (self._open and tag == self._open[-1]) or (self.inside and self.inside(tag, classes)):
            self._open.append(tag)
        within = self.inside is None or bool(self._open)
        if tag == "a" and within and attributes.get("href") is not None and self.link_class in " ".join(classes):
            self._href, self._text = attributes["href"], []

    def handle_endtag(self, tag):
        if tag == "a" and self._text is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._text = None
        if self._open and tag == self._open[-1]:
            self._open.pop()

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def _parse(path: Path, **kwargs) -> _Links:
    parser = _Links(**kwargs)
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _relative(base: str, href: str) -> str:
    """`href`, written in the page at `base` (relative to the site), as a path relative to the site; no fragment."""
    target = unquote(urlsplit(href).path)
    parts = list(PurePosixPath(base).parent.parts) if target else list(PurePosixPath(base).parts)
    for part in PurePosixPath(target).parts if target else ():
        if part == "..":
            if not parts:
                raise SiteError(f"{base} links to {href!r}, outside the site")
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def root_page(site: Path) -> str:
    """The page a reader lands on: index.html, or the page it forwards to (Jupyter Book's index.html does)."""
    index = Path(site) / "index.html"
    if not index.is_file():
        raise SiteError(f"{index} is missing: this is not a built book (run `make book`)")
    refresh = _parse(index).refresh
    page = _relative("index.html", refresh) if refresh else "index.html"
    if not (Path(site) / page).is_file():
        raise SiteError(f"{index} forwards to {refresh!r}, which is not in {site}")
    return page


def book_pages(site: Path) -> list[Page]:
    """Every page of the book in reading order: the root page, then each page its navigation lists."""
    site = Path(site)
    root = root_page(site)
    nav = _parse(site / root, inside=lambda tag, classes: tag == "nav" and "bd-docs-nav" in classes,
                 link_class="reference")
    pages: dict[str, str] = {}
    for href, title in nav.links:
        if urlsplit(href).scheme or urlsplit(href).netloc:
            continue
        path = _relative(root, href)
        if not (site / path).is_file():
            raise SiteError(f"the book's navigation lists {href!r}, which is not in {site}")
        pages.setdefault(path, title)
    if not pages:
        raise SiteError(f"{site / root} has no book navigation (nav.bd-docs-nav): is it a Jupyter Book?")
    return [Page(path, title) for path, title in pages.items()]


def decks(slides: Path) -> list[Page]:
    """The decks the slides' index.html lists (calcflow.publish.slides writes it), in its order."""
    index = Path(slides) / "index.html"
    if not index.is_file():
        raise SiteError(f"{index} is missing: these are not built slides (run `make slides`)")
    found = [Page(_relative("index.html", href), title) for href, title in _parse(index, link_class="deck-link").links]
    missing = [deck.path for deck in found if not (Path(slides) / deck.path).is_file()]
    if not found or missing:
        raise SiteError(f"{index} lists no decks" if not found else f"{index} lists decks that are missing: {missing}")
    return found


def choose(pages: list[Page], names: list[str]) -> list[Page]:
    """The pages with these names (Page.name), in the order given; an unknown name names the valid ones."""
    by_name = {page.name: page for page in pages}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        raise SiteError(f"unknown page {unknown[0]!r}; choose from: {', '.join(by_name)}")
    return [by_name[name] for name in names]
