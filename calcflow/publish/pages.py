"""What the Sphinx extension changes in each chapter page's body, so that it is light and reads on a phone.

Each function takes the HTML of a page's body (what the theme puts in <article>) and returns it changed:

- `externalise_widget_images`: a widget's state is JSON inside the page (calcflow.widgets.standalone); the case
  player's holds every case's synthetic image as a base64 data: URL (about 450 KB on the case-library page, which
  gzip cannot shrink). Each such image becomes a file of the site, named by its content, and the JSON holds its
  address instead: the browser fetches the image of the case on screen only. The widget's code sets `img.src` from
  the same field, so it works unchanged, from a server and from file://.
- `externalise_widget_data`: a large widget state (the explorer's table, 240 KB; the case player's) moves out of
  the page into a script file of the site that puts it back; the widget loads it when the reader comes near it
  (calcflow/widgets/js/shared/host.js), so the page's text arrives and shows first, and a table the reader never
  scrolls to is never fetched.
- `reflowing_tables`: each table with one header row gets `data-label` on its cells (the column's heading) and
  explicit ARIA roles, so that the book's style sheet (book/_static/calcflow-book.css) can show it on a phone as
  one block per row, each cell under its column's name, instead of a table cut off at the screen's edge. The roles
  keep it a table for screen readers when it is displayed that way.
- `scrollable_flowcharts`: each inline flowchart (calcflow.figures.flowchart: <svg class="calcflow-flowchart">) is
  put in a scroller the keyboard can reach, and drawn at the width where its smallest text is 12 px (its natural
  size) instead of shrinking to the column (about 6 px on a phone); the scroller scrolls sideways.
  The browser lays a chart out only when it comes near the screen (content-visibility), its place kept by its size:
  four charts on a page otherwise cost a phone most of its layout work before the page responds.

- `accessible_citations`: the reference list's entries as the list items they are (docutils' deprecated ARIA role).
- `lazy_images`: every image of the page gets `loading="lazy"` (the browser fetches it when the reader scrolls near
  it: a chapter's figures, up to 2.4 MB of them, no longer compete with the page's first paint, which is its text),
  and each PNG its width and height, so that the page does not jump when one arrives.

Light on purpose (regular expressions and the standard library): the Sphinx extension imports it for every build.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path

WIDGET_IMAGE_MIN_BYTES = 1024  # smaller data: URLs (icons) stay inline
_WIDGET_JSON = re.compile(r'(<div class="calcflow-static" data-calcflow-static="[a-z-]+">'
                          r'<script type="application/json">)(.*?)(</script>)', re.DOTALL)
_DATA_IMAGE = re.compile(r'"data:image/(?P<type>png|jpeg|gif|webp);base64,(?P<data>[A-Za-z0-9+/=]+)"')
_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)
_FLOWCHART = re.compile(r'<svg\b[^>]*\bclass="calcflow-flowchart"[^>]*>.*?</svg>', re.DOTALL)
_SCRIPT = re.compile(r"(<script\b.*?</script>)", re.DOTALL | re.IGNORECASE)


def externalise_widget_images(body: str, image_dir: Path, image_url: str) -> str:
    """Every large data: image in a widget's JSON written to `image_dir` (a folder of the built site) as
    <sha256[:16]>.<type>, and replaced by `image_url` + that name (an address relative to the page)."""

    def image(match: re.Match) -> str:
        data = base64.b64decode(match["data"])
        if len(data) < WIDGET_IMAGE_MIN_BYTES:
            return match[0]
        suffix = "jpg" if match["type"] == "jpeg" else match["type"]
        name = f"{hashlib.sha256(data).hexdigest()[:16]}.{suffix}"
        target = image_dir / name
        if not target.is_file():
            image_dir.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return f'"{image_url}{name}"'

    return _WIDGET_JSON.sub(lambda m: m[1] + _DATA_IMAGE.sub(image, m[2]) + m[3], body)


WIDGET_DATA_MIN_BYTES = 16_000  # smaller states (a chapter's quiz) stay in the page


def externalise_widget_data(body: str, data_dir: Path, data_url: str) -> tuple[str, list[str]]:
    """Each large widget state moved out of the page into data_dir/<sha256[:16]>.js, a classic script that puts it
    back into the (now empty) <script type="application/json" data-calcflow-data="…" data-calcflow-src="…"> of its
    host; returns the page and the addresses (`data_url` + name) of the scripts. The widget's module loads the
    script when the host comes near the window, then renders it (shared/host.js, mountStatic): a <script src>
    loads from file:// as from a server, and the bytes leave the page's first load (a phone shows the chapter
    without fetching an explorer's table it may never scroll to)."""
    urls: list[str] = []

    def host(match: re.Match) -> str:
        state = match[2]
        if len(state.encode()) < WIDGET_DATA_MIN_BYTES:
            return match[0]
        digest = hashlib.sha256(state.encode()).hexdigest()[:16]
        target = data_dir / f"{digest}.js"
        if not target.is_file():
            data_dir.mkdir(parents=True, exist_ok=True)
            target.write_text(f'document.querySelectorAll(\'script[data-calcflow-data="{digest}"]\')'
                              f".forEach((script) => {{ script.textContent = {json.dumps(state, ensure_ascii=False)}; }});\n",
                              encoding="utf-8")
        if data_url + target.name not in urls:
            urls.append(data_url + target.name)
        source = html.escape(data_url + target.name, quote=True)
        opening = match[1].replace(
            '<script type="application/json">',
            f'<script type="application/json" data-calcflow-data="{digest}" data-calcflow-src="{source}">')
        return opening + match[3]

    return _WIDGET_JSON.sub(host, body), urls


def _outside_scripts(body: str, change) -> str:
    """`change` applied to the HTML between <script> elements only (a widget's JSON may hold markup of its own)."""
    parts = _SCRIPT.split(body)
    return "".join(part if index % 2 else change(part) for index, part in enumerate(parts))


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _reflow(table: str) -> str:
    if "colspan" in table or "rowspan" in table or "data-label" in table:
        return table  # only simple grids reflow; the others keep scrolling sideways
    head = re.search(r"<thead>(.*?)</thead>", table, re.DOTALL)
    if not head or head[1].count("<tr") != 1:
        return table
    labels = [_text(cell) for cell in re.findall(r"<th\b[^>]*>(.*?)</th>", head[1], re.DOTALL)]
    if not labels or not all(labels):
        return table

    def row(match: re.Match) -> str:
        cells = iter(labels)

        def cell(cell_match: re.Match) -> str:
            label = next(cells, "")
            return f'<td role="cell" data-label="{html.escape(label)}"' if label else '<td role="cell"'

        return re.sub(r"<td(?=[\s>])", cell, match[0])

    table = re.sub(r"<tr\b[^>]*>.*?</tr>", row, table, flags=re.DOTALL)
    table = re.sub(r"<th(?=[\s>])", '<th role="columnheader"', table)
    table = re.sub(r"<tr(?=[\s>])", '<tr role="row"', table)
    table = re.sub(r"<(thead|tbody)>", r'<\1 role="rowgroup">', table)
    table = re.sub(r'<table class="', '<table role="table" class="cf-reflow ', table, count=1)
    return table


def reflowing_tables(body: str) -> str:
    """Simple tables (one header row, no merged cells) marked to reflow on a phone, each cell with its heading."""
    return _outside_scripts(body, lambda part: _TABLE.sub(lambda m: _reflow(m[0]), part))


CHART_EXTRA_PX = 44  # the scroller's line above the chart, its padding and its scroll bar
MIN_TEXT_PX = 12
NATURAL_SCALE = 96 / 72  # Graphviz draws in points: at its own size (1 unit = 1 pt) a chart is 4/3 px per unit


def _readable_size(svg: str) -> tuple[float, float] | None:
    """(width, height) in CSS pixels at which the chart's smallest text is MIN_TEXT_PX (its natural size, 1 pt a
    unit, or larger if its text is smaller than 9 pt), from its viewBox and font sizes; None if it has neither."""
    box = re.search(r'\sviewBox="\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*"', svg)
    sizes = [float(size) for size in re.findall(r'font-size="([0-9.]+)"', svg) if float(size) > 0]
    if not box or not sizes:
        return None
    scale = max(NATURAL_SCALE, MIN_TEXT_PX / min(sizes)) * 1.0005  # a hair over: 12 px, never 11.99
    return float(box[1]) * scale, float(box[2]) * scale


def scrollable_flowcharts(body: str) -> str:
    """Each inline flowchart inside a keyboard-reachable, labelled scroller (<div class="cf-chart-scroll">)."""

    def wrap(match: re.Match) -> str:
        svg = match[0]
        title = re.search(r'aria-labelledby="([^" ]+)', svg)
        name = f' aria-labelledby="{title[1]}"' if title else ' aria-label="Flowchart"'
        size = ""
        if (drawn := _readable_size(svg)) is not None:
            width, height = drawn
            opening = svg[:svg.index(">") + 1]
            sized = re.sub(r'\sstyle="[^"]*"', "", opening).replace(
                "<svg", f'<svg style="width:{width:.1f}px;height:auto"', 1)
            svg = sized + svg[len(opening):]
            # The browser skips laying out a chart while it is off screen (content-visibility, in the style
            # sheet), keeping its place by this height: the chart's and the line above it.
            size = f' style="contain-intrinsic-block-size: auto {height + CHART_EXTRA_PX:.0f}px"'
        return f'<div class="cf-chart-scroll" role="region" tabindex="0"{name}{size}>{svg}</div>'

    return _outside_scripts(body, lambda part: _FLOWCHART.sub(wrap, part))


_IMG = re.compile(r"<img\b[^>]*>")


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's header, or None if `data` does not start like a PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def lazy_images(body: str, size_of=lambda src: None) -> str:
    """Images get loading="lazy" (a chapter opens on its title, objectives and prose; its figures come further down,
    and load as the reader nears them); each gets width and height from `size_of(src)` (a function returning
    (width, height) or None) when it has none."""

    def image(match: re.Match) -> str:
        tag = match[0]
        extra = ""
        if "loading=" not in tag:
            extra += ' loading="lazy"'
        src = re.search(r'\bsrc="([^"]+)"', tag)
        if src and "width=" not in tag and "height=" not in tag and (size := size_of(html.unescape(src[1]))):
            extra += f' width="{size[0]}" height="{size[1]}"'
        if not extra:
            return tag
        end = -2 if tag.endswith("/>") else -1
        return tag[:end].rstrip() + extra + (" />" if end == -2 else ">")

    return _outside_scripts(body, lambda part: _IMG.sub(image, part))


def accessible_citations(body: str) -> str:
    """The reference list's entries as list items of their list: docutils marks each citation role="doc-biblioentry"
    inside a <div role="list">, a role ARIA has deprecated and a list without items (axe, Lighthouse: three
    accessibility failures on the References page)."""
    return _outside_scripts(body, lambda part: part.replace(' role="doc-biblioentry"', ' role="listitem"'))
