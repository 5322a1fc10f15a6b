"""The reader on a page of its own, for browser tests that need no built book (not a test module itself).

`harness_page(directory)` writes a minimal HTML page around `Reader(image_base="reading/").static_html()` — the
output a chapter stores, with the images' folder relative to this page instead of a chapter's — with the widget's
code added the way the book's build adds it (calcflow.publish.widget_code.with_widget_code), and copies the committed
case views into directory/reading/ as the book's build copies them into the site (calcflow.publish.sphinx).
Opened from file:// it needs no server and no network.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from calcflow.figures.reading import IMAGES
from calcflow.publish.widget_code import with_widget_code
from calcflow.widgets import Reader

ROOT = '[data-calcflow="reader"]'
IMAGE = '[data-calcflow="reader-image"]'

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reading practice (test page)</title></head>
<body><main><h1 id="top">Reading practice</h1>
%s
</main>
<footer><p><a href="#top">Back to the top</a></p></footer></body>
</html>
"""


def harness_page(directory: Path) -> Path:
    directory = Path(directory)
    shutil.copytree(IMAGES, directory / "reading")
    path = directory / "reader.html"
    path.write_text(with_widget_code(_PAGE % Reader(image_base="reading/").static_html()), encoding="utf-8")
    return path


def open_reader(request):
    """A page (with the conftest's page.console_errors and page.external_requests) showing the reader, ready."""
    page = request.getfixturevalue("file_page")
    directory = request.getfixturevalue("tmp_path_factory").mktemp("reader-harness")
    page.set_viewport_size({"width": 1100, "height": 1000})
    page.requested_files = []  # every URL the page asked for, the page itself included
    page.on("request", lambda r: page.requested_files.append(r.url))
    page.goto(harness_page(directory).as_uri(), wait_until="load")
    page.wait_for_selector(f'{ROOT}[data-ready="true"]')
    return page


def open_case(page, case_id: str):
    page.select_option('select[data-calcflow="reader-case"]', case_id)
    page.wait_for_selector(f'{IMAGE}[data-loaded="true"]')


def click_pixel(page, x: float, y: float, width: int, height: int):
    """Click image pixel (x, y) of a width x height view: at that fraction of the image element's box."""
    box = page.locator(IMAGE).bounding_box()
    page.mouse.click(box["x"] + box["width"] * x / width, box["y"] + box["height"] * y / height)
