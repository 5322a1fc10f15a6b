"""Each widget on a page, for browser tests of its layout, theme and presentation (not a test module itself).

`open_widget(request, kind, mode)` opens a page showing one kind of widget and waits until it is interactive:
    "file"     the built book's page for it, opened from disk (its modes come from explorer_harness.MODES: the
               book's page when the book is built — test_site.py opens every page over HTTP as well)
    "http"     the same page served on 127.0.0.1
    "harness"  a page of its own, written from the widget's static HTML (what the book stores) with the code the
               build adds (calcflow.publish.widget_code), from file:// — no built book needed
Kinds: explorer, caseplayer, quiz, reader, progress (the harness's progress page carries a reader too, as
test_progress's does, so that there is a reading to show). Every page is opened in the conftest's pages, which
record console errors and block the network.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from hosts import wait_until_ready
from explorer_harness import MODES  # noqa: F401 - re-exported: the modes every widget's tests run in

ROOTS = {kind: f'[data-calcflow="{kind}"]' for kind in ("explorer", "caseplayer", "quiz", "reader", "progress")}
BOOK_PAGES = {
    "explorer": "book/explore-the-pathway.html",
    "caseplayer": "book/case-library.html",
    "quiz": "book/categorising.html",
    "reader": "book/reading-practice.html",
    "progress": "book/my-progress.html",
}
QUIZ_CHAPTER = "categorising"

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s (test page)</title></head>
<body><main><h1 id="top">%s</h1>
%s
</main>
<footer><p><a href="#top">Back to the top</a></p></footer></body>
</html>
"""


def harness_page(directory: Path, kind: str) -> Path:
    """Write a page with the widget's static HTML (and, for the reader, its case images) into `directory`."""
    from calcflow.publish.widget_code import with_widget_code
    from calcflow.widgets import CasePlayer, Explorer, Progress, Quiz, Reader

    directory = Path(directory)
    if kind in ("reader", "progress"):
        from calcflow.figures.reading import IMAGES

        shutil.copytree(IMAGES, directory / "reading", dirs_exist_ok=True)
    body = {
        "explorer": lambda: Explorer().static_html(),
        "caseplayer": lambda: CasePlayer().static_html(),
        "quiz": lambda: Quiz(QUIZ_CHAPTER).static_html(),
        "reader": lambda: Reader(image_base="reading/").static_html(),
        "progress": lambda: Reader(image_base="reading/").static_html() + Progress().static_html(),
    }[kind]()
    path = directory / f"{kind}.html"
    path.write_text(with_widget_code(_PAGE % (kind, kind, body)), encoding="utf-8")
    return path


def open_widget(request, kind: str, mode: str, viewport: tuple[int, int] = (1280, 800), init_script: str | None = None):
    """A page showing the widget, ready (its root has data-ready), at `viewport` (width, height)."""
    if mode == "harness":
        page = request.getfixturevalue("file_page")
        url = harness_page(request.getfixturevalue("tmp_path_factory").mktemp(f"{kind}-page"), kind).as_uri()
    else:
        site_dir = request.getfixturevalue("site_dir")
        base = request.getfixturevalue("site_http") if mode == "http" else site_dir.as_uri() + "/"
        page = request.getfixturevalue("page")
        url = base + BOOK_PAGES[kind]
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    if init_script:
        page.add_init_script(init_script)
    page.goto(url, wait_until="load")
    wait_until_ready(page, ROOTS[kind])
    return page


# --- measures, in the page ---------------------------------------------------------------------------------------

# The flowchart text of the widgets under `root`, as drawn on the screen, in CSS pixels: every <text> of a chart
# (its font-size in the chart's units times the chart's drawn scale) and every step or route of a path drawn in HTML
# (its font size times the zoom of presentation mode). Only what is rendered counts (a hidden chart draws nothing).
TEXT_SIZES = """(root) => {
    const sizes = [];
    for (const widget of document.querySelectorAll(root)) {
        for (const text of widget.querySelectorAll("svg text")) {
            if (!text.getClientRects().length) continue;
            const svg = text.ownerSVGElement;
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            sizes.push({what: text.textContent, px: parseFloat(text.getAttribute("font-size")) * scale});
        }
        for (const box of widget.querySelectorAll(".cf-path-box, .cf-path-route, .cfr-path li")) {
            if (!box.getClientRects().length || !box.textContent.trim()) continue;
            sizes.push({what: box.textContent, px: parseFloat(getComputedStyle(box).fontSize) * (box.currentCSSZoom || 1)});
        }
    }
    return sizes;
}"""

# Where an element is on the screen: its box, and the window's size.
BOX = """(selector) => {
    const r = document.querySelector(selector).getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height,
            innerWidth: innerWidth, innerHeight: innerHeight};
}"""


def text_sizes(page, kind: str) -> list[dict]:
    return page.evaluate(TEXT_SIZES, ROOTS[kind])


def box(page, selector: str) -> dict:
    return page.evaluate(BOX, selector)


def on_screen(b: dict) -> bool:
    """Whether a box (from `box`) is wholly inside the window."""
    return b["left"] >= 0 and b["top"] >= 0 and b["right"] <= b["innerWidth"] + 0.5 and b["bottom"] <= b["innerHeight"] + 0.5
