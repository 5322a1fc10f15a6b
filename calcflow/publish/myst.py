"""The chapters' MyST Markdown as plain Markdown with HTML boxes, for tools that know no MyST (nbconvert's slides).

`markdown_blocks` splits a markdown cell into its top-level blocks (paragraphs, lists, fenced boxes);
`myst_to_markdown` rewrites roles (`{cite:p}` → "(Smith et al. 2020)", `{term}` → its text) and directives
(admonitions and dropdowns → HTML boxes, figures → Markdown images, anything else → its content), and turns
links to other pages of the book into links to their decks or plain text; `embed_images` makes local images
data: URLs.
"""
from __future__ import annotations

import base64
import html
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

TARGET_OR_COMMENT = re.compile(r"^\s*(\([^()\s]+\)=\s*|%.*)$")  # MyST `(label)=` targets and `%` comments
ADMONITIONS = {"admonition", "note", "tip", "hint", "important", "seealso", "attention", "caution", "warning",
               "danger", "error"}
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,}|:{3,})")
CITE_ROLE = re.compile(r"\{cite(?::[a-z]+)?\}`(?P<keys>[^`]*)`")  # {cite:p}`a,b` and the other cite roles
_ROLE = re.compile(r"\{(?P<name>[A-Za-z][\w:+-]*)\}`(?P<content>[^`]*)`")
_FENCE_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}\s*(?P<argument>.*)$")
_OPTION = re.compile(r"^\s*:(?P<key>[\w-]+):\s*(?P<value>.*)$")
_LABELLED = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<target>[^()\s]+)\)")
_PAGE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<target>[^()\s]+)\)")


def _is_heading(line: str) -> bool:
    return bool(_HEADING.match(line))


def _closing_fence(fence: str) -> re.Pattern:
    """The line that ends a fence opened by `fence`: the same character, at least as many times."""
    return re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")


# --- blocks -------------------------------------------------------------------------------------------------------

def markdown_blocks(source: str) -> list[str]:
    """The top-level blocks of a markdown cell, split at blank lines outside fences, kept whole where they belong
    together: a heading or a line ending in ":" with the block after it, and an indented block (a list item's
    continuation) with the block before it. MyST targets and comments are dropped."""
    blocks: list[list[str]] = [[]]
    fence = None
    for line in source.splitlines():
        if fence is None and TARGET_OR_COMMENT.match(line):
            continue
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group("fence")
        elif fence is not None and _closing_fence(fence).match(line):
            fence = None
        if fence is None and not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(line)
    merged: list[list[str]] = []
    for block in filter(None, blocks):
        if merged and (block[0].startswith((" ", "\t")) or _leads_in(merged[-1]) and not _is_heading(block[0])):
            merged[-1] += ["", *block]
        else:
            merged.append(block)
    return ["\n".join(block) for block in merged]


def _leads_in(block: list[str]) -> bool:
    """A block that introduces the next one: a lone heading, or text ending in a colon."""
    return (len(block) == 1 and _is_heading(block[0])) or block[-1].rstrip().endswith(":")


# --- MyST → Markdown ----------------------------------------------------------------------------------------------

def myst_to_markdown(text: str, chapters=frozenset()) -> str:
    """MyST markdown as plain Markdown with HTML boxes, for nbconvert (which knows no MyST).

    A link to another page of the book becomes a link to that chapter's deck if it is one of `chapters`, else
    plain text (the book's pages are not beside the decks).
    """
    lines = [line for line in text.splitlines() if not TARGET_OR_COMMENT.match(line)]
    markdown = _ROLE.sub(_role_text, "\n".join(_rewrite_directives(lines)))
    return _PAGE_LINK.sub(lambda match: _page_link(match, chapters), markdown)


def _page_link(match: re.Match, chapters) -> str:
    target = urlsplit(match.group("target"))
    if target.scheme or target.netloc or not target.path or target.path.startswith("/"):
        return match.group(0)  # a web address, an anchor on this page, or mailto:
    path = Path(unquote(target.path))
    if path.suffix not in ("", ".ipynb", ".md"):
        return match.group(0)  # a file (image, data) rather than a page
    if path.stem in chapters:
        return f"[{match.group('text')}]({path.stem}.html{'#' + target.fragment if target.fragment else ''})"
    return match.group("text")


def _role_text(match: re.Match) -> str:
    name, content = match.group("name"), match.group("content")
    if name.startswith("cite"):
        keys = [key.strip() for key in content.split(",") if key.strip()]
        if name in ("cite:t", "cite:ts"):
            return "; ".join(f"{who} ({year})" if year else who for who, year in map(author_year, keys))
        return "(" + "; ".join(f"{who} {year}".strip() for who, year in map(author_year, keys)) + ")"
    labelled = _LABELLED.match(content)
    return labelled.group("text") if labelled and labelled.group("text") else content


def author_year(key: str) -> tuple[str, str]:
    """("Smith et al.", "2020") for a source key; a source without authors is named by its title, in italics."""
    from calcflow.model.references import short_citation

    citation = short_citation(key)  # "Who (year). Title", "Title (year)", or the key itself if it is unknown
    by_author = re.match(r"^(?P<who>.+?) \((?P<year>[^()]+)\)\. ", citation)
    if by_author:
        return by_author.group("who"), by_author.group("year")
    by_title = re.match(r"^(?P<title>.+) \((?P<year>[^()]+)\)$", citation)
    return (f"*{by_title.group('title')}*", by_title.group("year")) if by_title else (key, "")


def _rewrite_directives(lines: list[str]) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(lines):
        opening = _FENCE_OPEN.match(lines[index])
        if not opening:
            out.append(lines[index])
            index += 1
            continue
        closing = _closing_fence(opening.group("fence"))
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        body = lines[index + 1:end]
        options = {}
        while body and _OPTION.match(body[0]):
            option = _OPTION.match(body[0])
            options[option.group("key")] = option.group("value").strip()
            body = body[1:]
        out.extend(_directive(opening.group("name"), opening.group("argument").strip(), options,
                              _rewrite_directives(body)))
        index = end + 1
    return out


def _directive(name: str, argument: str, options: dict, body: list[str]) -> list[str]:
    classes = options.get("class", "").split()
    if name in ADMONITIONS or name == "dropdown":
        title = argument or ("" if name in ("admonition", "dropdown") else name.capitalize())
        kind = " ".join(html.escape(c) for c in ["calcflow-slide-box", name, *classes]
                        if c not in ("admonition", "dropdown"))
        if name == "dropdown" or "dropdown" in classes:
            return [f'<details class="{kind}">', f"<summary>{html.escape(title or 'Show')}</summary>", "", *body,
                    "", "</details>"]
        heading = [f'<p class="calcflow-slide-box-title">{html.escape(title)}</p>'] if title else []
        return [f'<div class="{kind}">', *heading, "", *body, "", "</div>"]
    if name in ("figure", "image") and argument:
        alt = options.get("alt", "")
        return [f"![{alt}]({argument})", "", *body]
    return body  # any other directive: its content, as Markdown


def embed_images(markdown: str, base: Path) -> str:
    """Markdown images of local files (relative to `base`) as data: URLs, so the output needs no file beside it.

    (nbconvert's own `embed_images` re-parses every HTML block on its own, which closes the boxes above early.)
    """
    def embedded(match: re.Match) -> str:
        target = urlsplit(match.group("target"))
        path = Path(base) / unquote(target.path)
        if target.scheme or target.netloc or not path.is_file():
            return match.group(0)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"![{match.group('alt')}](data:{mime};base64,{data})"

    return _IMAGE.sub(embedded, markdown)
