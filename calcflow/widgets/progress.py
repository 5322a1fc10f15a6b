"""My progress: the learner's reading practice as kept in this browser's localStorage (the reader records each
submitted reading, not while presenting) — cases read, recall rate, sensitivity, specificity, PPV of recalls,
localisation, plots and the confusion tables of shape and pattern — with export to and import from a JSON file and a
reset. Nothing leaves the browser, and the kernel never sees the readings: the state is the payload only
(`calcflow.widgets.reader_payload.progress_payload`), against which an imported file is validated. The front end:
js/progress.js, js/shared/progress.js, css/progress.css.
"""
from __future__ import annotations

import anywidget
import traitlets

from calcflow.widgets.reader_payload import progress_payload
from calcflow.widgets.standalone import StandaloneRepr, bundle, host_html, style_sheet


class Progress(StandaloneRepr, anywidget.AnyWidget):
    """My progress (root `data-calcflow="progress"`).

    >>> Progress()    # shows what this browser has kept of the reader's readings

    For teaching, not for diagnosis.
    """

    _esm = bundle("progress")
    _css = style_sheet("progress")

    payload = traitlets.Dict(help="calcflow.widgets.reader_payload.progress_payload()").tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(payload=progress_payload(), **kwargs)

    def __repr__(self) -> str:
        return "Progress()"

    def static_html(self) -> str:
        return host_html(kind="progress", state={"payload": self.payload},
                         fallback="My progress shows your reading practice kept in this browser.")
