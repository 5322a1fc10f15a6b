"""The text of every page, for the snippets under search results: searchtexts.js, next to Sphinx's searchindex.js.

Sphinx's search page shows a summary under each result by fetch()ing the result's page, which Chromium refuses for a
site opened from disk (file://): the book turns that off (html_show_search_summary: false) and writes instead, when
it is built, one script holding each page's text as the reader sees it, with where each section starts and ends:

    window.calcflowSearchTexts = {"book/categorising": {"text": "7. Categorising …", "sections": {"id": [0, 812]}}}

book/_static/calcflow-search.js (on the search page only) puts a snippet of it under each result: the section the
result links to, around the first word searched for. A <script src> loads from disk as from a server.

What counts as the text: the page's <article>, without scripts, styles, heading permalinks and widgets' "needs
JavaScript" lines; with the questions of its learning checks (the quiz's printable copy, in <noscript>), which are
also what Sphinx indexes for them — so a search for words of a question finds the chapter and shows the question.

Light on purpose (standard library only): the Sphinx extension imports it for every build.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

SCRIPT_NAME = "searchtexts.js"
VARIABLE = "calcflowSearchTexts"
# Elements whose start is a break between words (a space in the text).
_BLOCKS = {"p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "br", "dt", "dd",
           "figcaption", "caption", "blockquote", "pre", "ol", "ul", "table", "figure", "details", "summary"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _PageText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.sections: dict[str, list[int]] = {}
        self._in_article = False
        self._stack: list[dict] = []  # open elements inside the article: tag, and what they change
        self._skipping = 0  # open elements whose text is left out
        self._noscript = 0  # open <noscript>s: their text counts inside the quiz's copy only
        self._quiz_copy = 0

    def _space(self):
        if self.parts and not self.parts[-1].endswith(" "):
            self.parts.append(" ")
            self.length += 1

    def _close(self, element: dict) -> None:
        self._skipping -= element["skip"]
        self._noscript -= element["noscript"]
        self._quiz_copy -= element["quiz"]
        if element["section"]:
            self.sections[element["section"]][1] = self.length

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "article" and "bd-article" in classes:
            self._in_article = True
            return
        if not self._in_article:
            return
        if tag in _BLOCKS:
            self._space()
        if tag in _VOID:
            return
        element = {"tag": tag,
                   "skip": tag in ("script", "style", "template") or "headerlink" in classes
                   or "data-calcflow-fallback" in attributes,
                   "noscript": tag == "noscript", "quiz": "calcflow-quiz-static" in classes,
                   "section": attributes.get("id") if tag == "section" else None}
        self._stack.append(element)
        self._skipping += element["skip"]
        self._noscript += element["noscript"]
        self._quiz_copy += element["quiz"]
        if element["section"]:
            self.sections[element["section"]] = [self.length, self.length]

    def handle_endtag(self, tag):
        if not self._in_article or tag in _VOID:
            return
        if tag == "article" and not any(element["tag"] == "article" for element in self._stack):
            for element in reversed(self._stack):
                self._close(element)
            self._stack.clear()
            self._in_article = False
            return
        # Close up to the matching element (HTML allows some end tags to be left out).
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index]["tag"] == tag:
                for element in reversed(self._stack[index:]):
                    self._close(element)
                del self._stack[index:]
                break
        if tag in _BLOCKS:
            self._space()

    def handle_data(self, data):
        if not self._in_article or self._skipping or (self._noscript and not self._quiz_copy):
            return
        text = " ".join(data.split())
        if not text:
            if data and data.isspace():
                self._space()
            return
        if data[:1].isspace():
            self._space()
        self.parts.append(text)
        self.length += len(text)
        if data[-1:].isspace():
            self._space()


def page_text(page_html: str) -> dict:
    """{"text": the article's text, "sections": {section id: [start, end]}} of one built page."""
    parser = _PageText()
    parser.feed(page_html)
    parser.close()
    text = "".join(parser.parts)
    stripped = len(text) - len(text.lstrip())
    sections = {key: [max(0, start - stripped), max(0, end - stripped)] for key, (start, end) in parser.sections.items()}
    return {"text": text.strip(), "sections": sections}


def search_texts(site: Path, pages: dict[str, str]) -> str:
    """The script for `pages` ({docname: path of its built .html relative to `site`})."""
    texts = {}
    for docname, page in sorted(pages.items()):
        file = site / page
        if file.is_file():
            texts[docname] = page_text(file.read_text(encoding="utf-8"))
    data = json.dumps(texts, ensure_ascii=False, separators=(",", ":"))
    return f"window.{VARIABLE} = {data};\n"


def write_search_texts(site: Path, pages: dict[str, str]) -> Path:
    target = site / SCRIPT_NAME
    target.write_text(search_texts(site, pages), encoding="utf-8")
    return target
