"""The theme's style sheets without the rules no page of the book can use: smaller render-blocking CSS.

pydata-sphinx-theme's style sheet carries all of Bootstrap 5 (modals, off-canvas panels, form validation, …) and
its own rules for features the book does not use (version switchers, header bars, API documentation, …): 336 KB,
which every page must download and parse before it shows anything (128 KB, 23 KB gzipped, once purged). After the build, `purge_site` rewrites the theme's style sheets in the built site without
each selector that names a class or id appearing nowhere in the site: not in any page, nor in any script the site
ships (the theme's, Bootstrap's, the widgets' — their code is inside the pages), word for word. A selector is kept
when in doubt:
  - names inside :not(), :is(), :where(), :has() are not required (a selector with :not(.unused) still matches);
  - classes that Bootstrap's script builds from parts at run time (KEEP_PREFIXES: "bs-tooltip-auto" from "bs-" +
    name + "-auto") and its states (show, fade, collapsing, active, …) are always kept;
  - at-rules other than @media/@supports/@layer/@container (@font-face, @keyframes, …) are kept whole.
Run on the files of a built site, after every page is written (Sphinx's build-finished), so nothing a page holds is
missed; the pages link the same files. Light on purpose (standard library only): the Sphinx extension imports it.
"""
from __future__ import annotations

import re
from pathlib import Path

# The theme's style sheets, relative to the built site's _static (glob patterns).
THEME_STYLESHEETS = ("styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css", "basic.css", "mystnb.*.css")
# Bootstrap's classes it sets at run time: built from parts ("bs-" + component + "-auto"), and its states (which its
# script also names word for word; kept whatever the script's minifier does to them).
KEEP_PREFIXES = ("bs-", "show", "showing", "hiding", "fade", "collaps", "active", "disabled")
_WORD = re.compile(r"[A-Za-z0-9_-]+")
_PARENTHESISED = re.compile(r":(?:not|is|where|has|nth-[a-z-]+|host|host-context)\(")
_NAME = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")
_GROUPING_AT_RULES = ("@media", "@supports", "@layer", "@container")


def site_words(site: Path) -> set[str]:
    """Every word-like token of the site's pages and scripts (a superset of the classes and ids they can use)."""
    words: set[str] = set()
    for file in sorted(site.rglob("*")):
        if file.suffix in (".html", ".js", ".mjs") and "_sources" not in file.relative_to(site).parts:
            words.update(_WORD.findall(file.read_text(encoding="utf-8", errors="replace")))
    return words


def _without_parenthesised(selector: str) -> str:
    """The selector without the arguments of :not(), :is(), … and without attribute selectors and strings."""
    selector = re.sub(r"\[[^\]]*\]", "", selector)
    out, depth, index = [], 0, 0
    while index < len(selector):
        match = _PARENTHESISED.match(selector, index) if depth == 0 else None
        if match:
            depth, index = 1, match.end()
            continue
        char = selector[index]
        if depth:
            depth += {"(": 1, ")": -1}.get(char, 0)
        else:
            out.append(char)
        index += 1
    return "".join(out)


def _needed(selector: str, words: set[str]) -> bool:
    return all(name in words or name.startswith(KEEP_PREFIXES)
               for name in _NAME.findall(_without_parenthesised(selector)))


def _split_top_level(text: str, separator: str = ",") -> list[str]:
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote and text[index - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _block_end(css: str, open_brace: int) -> int:
    """The index of the brace closing the block opened at `open_brace` (strings and comments skipped)."""
    depth, index, quote = 0, open_brace, ""
    while index < len(css):
        char = css[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif css.startswith("/*", index):
            index = css.find("*/", index + 2) + 1 or len(css)
        elif char in "\"'":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise ValueError("unbalanced braces in the style sheet")


def purge(css: str, words: set[str]) -> str:
    """`css` without the selectors (and then rules) that name a class or id not in `words`; comments dropped."""
    out, index = [], 0
    css = re.sub(r"/\*(?!!).*?\*/", "", css, flags=re.DOTALL)  # keep /*! licence */ comments
    while index < len(css):
        brace = css.find("{", index)
        if brace < 0:
            out.append(css[index:])
            break
        prelude = css[index:brace]
        end = _block_end(css, brace)
        body = css[brace + 1:end]
        head = re.sub(r"/\*.*?\*/", "", prelude, flags=re.DOTALL).strip()
        licence = "".join(re.findall(r"/\*!.*?\*/", prelude, flags=re.DOTALL))
        if head.startswith(_GROUPING_AT_RULES):
            inner = purge(body, words)
            if inner.strip():
                out.append(f"{licence}{head}{{{inner}}}")
        elif head.startswith("@"):
            out.append(f"{licence}{head}{{{body}}}")
        else:
            kept = [selector.strip() for selector in _split_top_level(head) if _needed(selector, words)]
            if kept:
                out.append(f"{licence}{','.join(kept)}{{{body}}}")
            elif licence:
                out.append(licence)
        index = end + 1
    return "".join(out)


def purge_site(site: Path, stylesheets=THEME_STYLESHEETS) -> dict[str, tuple[int, int]]:
    """Purge the theme's style sheets of the built `site` in place; {file: (bytes before, after)}."""
    static = site / "_static"
    words = site_words(site)
    sizes = {}
    for pattern in stylesheets:
        for file in sorted(static.glob(pattern)):
            css = file.read_text(encoding="utf-8")
            purged = purge(css, words)
            file.write_text(purged, encoding="utf-8")
            sizes[file.relative_to(static).as_posix()] = (len(css.encode()), len(purged.encode()))
    return sizes
