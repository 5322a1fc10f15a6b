"""The My progress widget in Python (no browser): its payload (what an import is validated against) and its static
representation, which holds the payload and no reading: the readings live in the browser only."""
from __future__ import annotations

import json
import re

from calcflow.model.reading import reading_cases
from calcflow.widgets import Progress
from calcflow.widgets.reader_payload import progress_payload, reader_payload


def test_the_payload_is_the_cases_truth_and_the_menus():
    payload = progress_payload()
    assert [c["id"] for c in payload["cases"]] == [c.id for c in reading_cases()]
    for sent, case in zip(payload["cases"], reading_cases(), strict=True):
        assert sent["normal"] == case.normal and sent["system"] == case.system
        assert sent["findings"] == [{"id": f.id, "size": f.size, "shape": f.shape, "pattern": f.pattern}
                                    for f in case.findings]
    assert payload["menus"] == {k: reader_payload()["menus"][k] for k in ("size", "shape", "pattern")}


def test_the_static_output_holds_the_payload_only():
    widget = Progress()
    html = widget.static_html()
    assert 'data-calcflow-static="progress"' in html
    state = json.loads(re.search(r'<script type="application/json">(.*?)</script>', html).group(1).replace("<\\/", "</"))
    assert state == {"payload": progress_payload()}
    assert widget._repr_mimebundle_()[0]["text/plain"] == "Progress()"
