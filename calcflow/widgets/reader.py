"""The reader (reading practice): whole-breast synthetic mammograms to read — find the calcifications, mark and
describe them, give the breast a category and a next step, and compare with the truth and the model's answer.

Live in JupyterLab (an anywidget: `reader.case` opens a case, `reader.result` is the last submission's score), and
just as interactive in the static book, where its `text/html` representation carries the test set
(`calcflow.widgets.reader_payload`) and the book's build adds the same ES module (calcflow.widgets.standalone). No
image is in the page: a case's two views arrive when it is opened — from the site's reading/ folder on a static page
(`image_base`, relative to the page), from the kernel in JupyterLab (the front end sets `requested`, Python answers
in `images`). The front end: js/reader.js, css/reader.css.
"""
from __future__ import annotations

import anywidget
import traitlets

from calcflow.model.reading import reading_case
from calcflow.synthetic.outline import READING_VIEWS
from calcflow.widgets.reader_payload import image_uri, reader_payload
from calcflow.widgets.standalone import StandaloneRepr, bundle, host_html, style_sheet

BOOK_IMAGE_BASE = "../reading/"  # from a chapter in book/ to the site's reading/ folder (calcflow.publish.sphinx)


class Reader(StandaloneRepr, anywidget.AnyWidget):
    """Reading practice.

    >>> reader = Reader()                       # the chooser shows every case of calcflow/data/reading.yaml
    >>> reader = Reader(case="normal-uk")       # a case open
    >>> reader.result                           # after Submit: {case, hits, misses, false_marks}

    For teaching, not for diagnosis.
    """

    _esm = bundle("reader")
    _css = style_sheet("reader")

    payload = traitlets.Dict(help="calcflow.widgets.reader_payload.reader_payload()").tag(sync=True)
    case = traitlets.Unicode("", help="the open case's id ('' for none)").tag(sync=True)
    requested = traitlets.Unicode("", help="'<case>-<view>': the view the front end asks the kernel for").tag(sync=True)
    images = traitlets.Dict(help="'<case>-<view>' → the view as a data: URI, filled on request").tag(sync=True)
    result = traitlets.Dict(help="the last submission: case, hits, misses, false_marks").tag(sync=True)

    def __init__(self, case: str = "", *, image_base: str = BOOK_IMAGE_BASE, **kwargs):
        if case:
            reading_case(case)  # an unknown id raises InvalidChoice listing the ids
        self.image_base = image_base
        super().__init__(payload=reader_payload(), case=case, **kwargs)

    @traitlets.observe("requested")
    def _send_image(self, change) -> None:
        key = change["new"]
        case_id, _, view = key.rpartition("-")
        if not key or key in self.images or view not in READING_VIEWS:
            return
        self.images = {**self.images, key: image_uri(case_id, view)}

    def __repr__(self) -> str:
        return f"Reader(case={self.case!r})"

    def static_html(self) -> str:
        return host_html(kind="reader", state={"payload": self.payload, "case": self.case,
                                               "image_base": self.image_base},
                         fallback="The reading-practice reader is interactive.")
