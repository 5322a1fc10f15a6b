"""Live widgets in a real kernel: the Jupyter widget protocol, spoken by this test as JupyterLab speaks it.

A kernel is started with jupyter_client; the test creates a Reader in it, reads the widget's comm_open from the
kernel's iopub channel (as the front end does), sends the kernel a state update on the comm (as the front end does
when a learner opens a case and its first view is needed), and reads the kernel's answer: the view as a PNG data
URI. A second update (the case the learner opened) must reach the Python object. No browser, no network.
"""
from __future__ import annotations

import base64
import io
import json
import queue
import time

import pytest
from PIL import Image

jupyter_client = pytest.importorskip("jupyter_client")

TIMEOUT_S = 120
WIDGET_TARGET = "jupyter.widget"


@pytest.fixture(scope="module")
def kernel():
    manager = jupyter_client.KernelManager(kernel_name="python3")
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=TIMEOUT_S)
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def _iopub_until(client, predicate, what: str):
    """Read iopub messages until `predicate(msg)` holds; return that message."""
    deadline = time.monotonic() + TIMEOUT_S
    seen = []
    while time.monotonic() < deadline:
        try:
            msg = client.get_iopub_msg(timeout=1)
        except queue.Empty:
            continue
        seen.append(msg["msg_type"])
        if msg["msg_type"] == "error":
            raise AssertionError(f"the kernel raised while waiting for {what}: {msg['content']['evalue']}")
        if predicate(msg):
            return msg
    raise AssertionError(f"no {what} from the kernel within {TIMEOUT_S} s; saw {seen[-20:]}")


def _run(client, code: str) -> str:
    """Execute `code`; return what it printed."""
    msg_id = client.execute(code)
    out = []
    while True:
        msg = _iopub_until(client, lambda m: m["parent_header"].get("msg_id") == msg_id, "execution output")
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return "".join(out)


def _send_update(client, comm_id: str, state: dict) -> None:
    """What the front end sends when a synced trait changes in the browser."""
    content = {"comm_id": comm_id, "data": {"method": "update", "state": state, "buffer_paths": []}}
    client.shell_channel.send(client.session.msg("comm_msg", content))


def test_reader_round_trip_in_a_kernel(kernel):
    msg_id = kernel.execute("from calcflow.widgets import Reader\nreader = Reader()\nreader")
    opened = _iopub_until(
        kernel, lambda m: m["msg_type"] == "comm_open" and m["content"]["target_name"] == WIDGET_TARGET
        and "requested" in m["content"]["data"]["state"], "the reader's comm_open")
    _iopub_until(kernel, lambda m: m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                 and m["content"]["execution_state"] == "idle", "the end of the cell")
    state = opened["content"]["data"]["state"]
    comm_id = opened["content"]["comm_id"]
    cases = state["payload"]["cases"]
    assert len(cases) >= 40, "the front end receives the whole test set"
    first = cases[0]
    key = f"{first['id']}-cc"

    # The learner opens a case: the front end sets `case`, then asks for the CC view.
    _send_update(kernel, comm_id, {"case": first["id"]})
    _send_update(kernel, comm_id, {"requested": key})
    answer = _iopub_until(
        kernel, lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id
        and key in m["content"]["data"].get("state", {}).get("images", {}), "the requested view")
    uri = answer["content"]["data"]["state"]["images"][key]
    prefix = "data:image/png;base64,"
    assert uri.startswith(prefix)
    image = Image.open(io.BytesIO(base64.b64decode(uri[len(prefix):])))
    assert image.format == "PNG"
    assert image.size == (first["views"]["cc"]["width"], first["views"]["cc"]["height"])

    # The kernel's object saw the front end's changes.
    seen = json.loads(_run(kernel, "import json\nprint(json.dumps([reader.case, reader.requested, "
                                   "sorted(reader.images)]))"))
    assert seen == [first["id"], key, [key]]


def test_progress_widget_opens_in_a_kernel(kernel):
    kernel.execute("from calcflow.widgets import Progress\nProgress()")
    opened = _iopub_until(
        kernel, lambda m: m["msg_type"] == "comm_open" and m["content"]["target_name"] == WIDGET_TARGET
        and "payload" in m["content"]["data"]["state"] and "requested" not in m["content"]["data"]["state"]
        and "menus" in m["content"]["data"]["state"]["payload"], "the progress widget's comm_open")
    payload = opened["content"]["data"]["state"]["payload"]
    assert {m["id"] for m in payload["menus"]["shape"]} >= {"punctate", "amorphous", "fine-pleomorphic"}
    assert "answer" not in payload["cases"][0], "My progress gets no answers, only what it checks readings against"


def test_reader_practice_round_trip_in_a_kernel(kernel):
    """Endless practice: the front end asks for a case from a seed; the kernel answers with the case in `practice`
    (its label carries the seed) and clears the request; a bad seed is answered in `practice_error`."""
    kernel.execute("from calcflow.widgets import Reader\npracticing = Reader()\npracticing")
    opened = _iopub_until(
        kernel, lambda m: m["msg_type"] == "comm_open" and m["content"]["target_name"] == WIDGET_TARGET
        and "practice_request" in m["content"]["data"]["state"], "the reader's comm_open")
    comm_id = opened["content"]["comm_id"]

    def answered(m):
        return (m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id
                and "practice" in m["content"]["data"].get("state", {}))

    _send_update(kernel, comm_id, {"practice_request": {"seed": 4821, "tier": "student", "system": "uk"}})
    practice = _iopub_until(kernel, answered, "the practice case")["content"]["data"]["state"]["practice"]
    assert [c["id"] for c in practice] == ["practice-student-uk-4821"]
    assert "4821" in json.dumps(practice[0])

    _send_update(kernel, comm_id, {"practice_request": {"seed": -3, "tier": "student", "system": "uk"}})
    error = _iopub_until(kernel, lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id
                         and m["content"]["data"].get("state", {}).get("practice_error"), "the refusal")
    assert "-3" in error["content"]["data"]["state"]["practice_error"]
    seen = json.loads(_run(kernel, "import json\n"
                                   "print(json.dumps([len(practicing.practice), practicing.practice_request]))"))
    assert seen == [1, {}], "a refused request adds no case, and every request is cleared"
