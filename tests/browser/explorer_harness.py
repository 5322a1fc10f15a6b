"""The explorer on a page of its own, for browser tests that need no built book (not a test module itself).

`harness_page(directory)` writes a minimal, valid HTML page around `Explorer().static_html()` — exactly the
output the book stores — with the widget's code added the way the book's build adds it
(calcflow.publish.widget_code.with_widget_code), and returns its path; opened from file:// it needs no server and no
network.
Like a page of the book it has something to focus after the explorer (a link): presentation mode keeps Tab inside
the widget by catching focus that lands outside it, which needs somewhere outside to land.
`open_explorer(request, mode)` opens the explorer in one of three ways and waits until it is interactive (MODES: the
book's page from disk when it is built — test_site.py opens every page over HTTP as well — the harness otherwise):
    "harness"  that page, from file:// (the conftest's `file_page` fixture; needs no built book)
    "http"     the built book's explorer page, served on 127.0.0.1 (the conftest's `page` fixture)
    "file"     the built book's explorer page, opened from disk
The book's modes skip (or fail under CI) when the book is not built, through the conftest's `site_dir` fixture.
"""
from __future__ import annotations

import os
from pathlib import Path

from hosts import wait_until_ready

from calcflow.publish.widget_code import with_widget_code
from calcflow.widgets import Explorer

EXPLORER_PAGE = "book/explore-the-pathway.html"
ROOT = '[data-calcflow="explorer"]'
# With the book built, the book's own page is tested (what readers open); without it, the harness page
# stands in, so that the explorer can be developed and tested with no build. Both carry the same module.
SITE_DIR = Path(os.environ.get("CALCFLOW_SITE_DIR") or Path(__file__).resolve().parents[2] / "_build" / "html")
MODES = ("file",) if (SITE_DIR / "index.html").is_file() else ("harness",)

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pathway explorer (test page)</title></head>
<body><main><h1 id="top">Pathway explorer</h1>
%s
</main>
<footer><p><a href="#top">Back to the top</a></p></footer></body>
</html>
"""


def harness_page(directory: Path) -> Path:
    """Write the explorer's static HTML (default choice), with its code, into directory/explorer.html."""
    path = Path(directory) / "explorer.html"
    path.write_text(with_widget_code(_PAGE % Explorer().static_html()), encoding="utf-8")
    return path


def open_explorer(request, mode: str, init_script: str | None = None):
    """A page (with the conftest's page.console_errors and page.external_requests) showing the explorer, ready."""
    if mode == "harness":
        page = request.getfixturevalue("file_page")
        directory = request.getfixturevalue("tmp_path_factory").mktemp("explorer-harness")
        url = harness_page(directory).as_uri()
    else:
        site_dir = request.getfixturevalue("site_dir")
        base = request.getfixturevalue("site_http") if mode == "http" else site_dir.as_uri() + "/"
        page = request.getfixturevalue("page")
        url = base + EXPLORER_PAGE
    if init_script:
        page.add_init_script(init_script)
    page.goto(url, wait_until="load")
    wait_until_ready(page, ROOT)
    return page
