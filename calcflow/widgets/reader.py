"""The reader (reading practice): whole-breast synthetic mammograms to read — find the calcifications, mark and
describe them, give the breast a category and a next step, and compare with the truth and the model's answer.

Live in JupyterLab (an anywidget: `reader.case` opens a case, `reader.result` is the last submission's score), and
just as interactive in the static book, where its `text/html` representation carries the test set
(`calcflow.widgets.reader_payload`) and the book's build adds the same ES module (calcflow.widgets.standalone). No
image is in the page: a case's two views arrive when it is opened — from the site's reading/ folder on a static page
(`image_base`, relative to the page), from the kernel in JupyterLab (the front end sets `requested`, Python answers
in `images`). The front end: js/reader.js, css/reader.css.

Endless practice, live only (a static page has no kernel to draw with, and shows no practice control): the front end
sets `practice_request` to {seed, tier, system}; the kernel makes that case (calcflow.model.practice.practice_case),
appends its payload to `practice` (reader_payload.practice_payload; the last PRACTICE_KEPT kept) — or says why not
in `practice_error` — and clears the request; the front end then opens it. Its views are drawn when requested (~5 s
each); `images` keeps the practice views of the last IMAGES_KEPT practice cases only. Practice cases are not in the
static representation.
"""
from __future__ import annotations

import anywidget
import traitlets

from calcflow.model.practice import practice_case
from calcflow.model.reading import ReadingCase, reading_case
from calcflow.synthetic.outline import READING_VIEWS
from calcflow.widgets.reader_payload import image_uri, practice_image_uri, practice_payload, reader_payload
from calcflow.widgets.standalone import StandaloneRepr, bundle, host_html, style_sheet

BOOK_IMAGE_BASE = "../reading/"  # from a chapter in book/ to the site's reading/ folder (calcflow.publish.sphinx)
PRACTICE_KEPT = 50  # practice cases listed in the chooser (the oldest dropped; its seed makes it again)
IMAGES_KEPT = 3  # practice cases whose drawn views stay in `images` (each view ~200 KB, re-sent with the trait)


class Reader(StandaloneRepr, anywidget.AnyWidget):
    """Reading practice.

    >>> reader = Reader()                       # the chooser shows every case of calcflow/data/reading.yaml
    >>> reader = Reader(case="normal-uk")       # a case open
    >>> reader.result                           # after Submit: {case, hits, misses, false_marks}
    >>> reader.practice_request = {"seed": 4821, "tier": "student", "system": "uk"}  # as "New practice case" does
    >>> reader.practice[-1]["practice"]["label"]
    'Practice — seed 4821, student, UK'

    For teaching, not for diagnosis.
    """

    _esm = bundle("reader")
    _css = style_sheet("reader")

    payload = traitlets.Dict(help="calcflow.widgets.reader_payload.reader_payload()").tag(sync=True)
    case = traitlets.Unicode("", help="the open case's id ('' for none)").tag(sync=True)
    requested = traitlets.Unicode("", help="'<case>-<view>': the view the front end asks the kernel for").tag(sync=True)
    images = traitlets.Dict(help="'<case>-<view>' → the view as a data: URI, filled on request").tag(sync=True)
    result = traitlets.Dict(help="the last submission: case, hits, misses, false_marks").tag(sync=True)
    practice_request = traitlets.Dict(help="{seed, tier, system}: the front end asks for a practice case; the kernel "
                                           "clears it once answered").tag(sync=True)
    practice = traitlets.List(help="the practice cases made here, oldest first (reader_payload.practice_payload)"
                              ).tag(sync=True)
    practice_error = traitlets.Unicode("", help="why the last practice request was refused ('' when it was not)"
                                       ).tag(sync=True)

    def __init__(self, case: str = "", *, image_base: str = BOOK_IMAGE_BASE, **kwargs):
        if case:
            reading_case(case)  # an unknown id raises InvalidChoice listing the ids
        self.image_base = image_base
        self.practice_cases: dict[str, ReadingCase] = {}  # id → case, for the practice cases in `practice`
        super().__init__(payload=reader_payload(), case=case, **kwargs)

    @traitlets.observe("requested")
    def _send_image(self, change) -> None:
        key = change["new"]
        case_id, _, view = key.rpartition("-")
        if not key or key in self.images or view not in READING_VIEWS:
            return
        if case_id not in self.practice_cases:
            self.images = {**self.images, key: image_uri(case_id, view)}
            return
        recent = [c["id"] for c in self.practice[-IMAGES_KEPT:]]
        kept = {k: v for k, v in self.images.items()
                if k.rpartition("-")[0] not in self.practice_cases or k.rpartition("-")[0] in recent}
        self.images = {**kept, key: practice_image_uri(self.practice_cases[case_id], view)}

    @traitlets.observe("practice_request")
    def _make_practice(self, change) -> None:
        request = change["new"]
        if not request:
            return
        try:
            case = practice_case(request.get("seed"), request.get("tier", "student"), request.get("system", "uk"))
            item = practice_payload(case)  # ValueError when its findings do not fit in its breast
        except ValueError as exc:  # CalcflowError included: a bad seed, tier or system
            self.practice_error = str(exc)
        else:
            self.practice_error = ""
            listed = [*(c for c in self.practice if c["id"] != case.id), item][-PRACTICE_KEPT:]
            cases = {**self.practice_cases, case.id: case}
            self.practice_cases = {c["id"]: cases[c["id"]] for c in listed}
            self.practice = listed
        finally:
            self.practice_request = {}

    def __repr__(self) -> str:
        return f"Reader(case={self.case!r})"

    def static_html(self) -> str:
        return host_html(kind="reader", state={"payload": self.payload, "case": self.case,
                                               "image_base": self.image_base},
                         fallback="The reading-practice reader is interactive.")
