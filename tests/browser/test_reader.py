"""The reader in Chromium from file://, with no network and no kernel (reader_harness: no built book needed).

The truth comes from the payload's Python side (calcflow.widgets.reader_payload), where the generator drew each
finding; the reader is operated as a learner does: the case menu, clicks on the image, the keyboard alone.
"""
from __future__ import annotations

import pytest
from reader_harness import IMAGE, ROOT, click_pixel, open_case, open_reader

from calcflow.widgets.reader_payload import reader_payload

CASE = "punctate-group-first-screen-uk"  # one grouped finding
RESULT = '[data-calcflow="reader-result"]'


@pytest.fixture()
def reader(request):
    return open_reader(request)


@pytest.fixture(scope="module")
def case():
    return next(c for c in reader_payload()["cases"] if c["id"] == CASE)


def result_of(page) -> dict:
    element = page.locator(RESULT)
    return {name: int(element.get_attribute(f"data-{name}")) for name in ("hits", "misses", "false-marks")}


def test_the_page_loads_no_case_image_until_a_case_is_opened(reader):
    assert reader.locator(IMAGE).get_attribute("src") is None
    assert [url for url in reader.requested_files if url.endswith(".png")] == []
    open_case(reader, CASE)
    loaded = [url.rsplit("/", 1)[-1] for url in reader.requested_files if url.endswith(".png")]
    assert loaded == [f"{CASE}-cc.png"]
    assert not reader.console_errors and not reader.external_requests


def test_a_mark_on_the_finding_is_a_hit_and_one_elsewhere_a_false_mark(reader, case):
    open_case(reader, CASE)
    size, where = case["views"]["cc"], case["findings"][0]["where"]["cc"]
    click_pixel(reader, where["x"], where["y"], size["width"], size["height"])
    click_pixel(reader, size["width"] * 0.1, size["height"] * 0.9, size["width"], size["height"])
    reader.select_option('select[data-mark="0"][data-field="shape"]', "punctate")
    reader.click('[data-calcflow="reader-submit"]')
    assert result_of(reader) == {"hits": 1, "misses": 0, "false-marks": 1}
    assert "shape: right" in reader.locator(RESULT).inner_text()
    assert "size: not described" in reader.locator(RESULT).inner_text()
    assert not reader.console_errors and not reader.external_requests


def test_a_missed_finding_is_shown(reader):
    open_case(reader, CASE)
    reader.click('[data-calcflow="reader-submit"]')  # always possible, with no mark
    assert result_of(reader) == {"hits": 0, "misses": 1, "false-marks": 0}
    assert reader.locator('[data-missed="a"]').count() == 1
    assert reader.locator(f'{ROOT} circle.cfr-missed[data-finding="a"]').count() == 1
    assert not reader.console_errors


def test_the_feedback_draws_the_models_path_and_says_why(reader):
    open_case(reader, CASE)
    reader.click('[data-calcflow="reader-submit"]')
    # Written out: a single group of punctate calcifications on a first screen, UK — recalled, scored M3 and biopsied.
    steps = reader.locator(f"{RESULT} ol.cfr-path > li").all_inner_texts()
    assert steps[0] == "NHS screening mammogram" and "Recall to assessment clinic" in steps
    assert "Magnification views" in steps and steps.index("Magnification views") > steps.index(
        "Recall to assessment clinic")
    why = reader.locator(f'{RESULT} [data-missed="a"] details.cfr-why')
    assert "M3" in why.locator("summary").inner_text()
    why.locator("summary").click()
    assert "punctate" in why.inner_text().lower() and "(" in why.inner_text(), "the deciding rule, cited"
    assert not reader.console_errors


def test_marking_with_the_keyboard_alone(reader, case):
    open_case(reader, CASE)
    size, where = case["views"]["cc"], case["findings"][0]["where"]["cc"]
    step = size["width"] * 0.01  # the cursor starts in the middle; an arrow moves it 1% of the width
    reader.focus(".cfr-viewport")
    reader.keyboard.press("ArrowDown")  # the first key shows the cursor in the middle
    for key, steps in (("ArrowRight", (where["x"] - size["width"] / 2) / step),
                       ("ArrowDown", (where["y"] - size["height"] / 2) / step)):
        opposite = {"ArrowRight": "ArrowLeft", "ArrowDown": "ArrowUp"}[key]
        for _ in range(round(abs(steps))):
            reader.keyboard.press(key if steps > 0 else opposite)
    reader.keyboard.press("Enter")
    reader.keyboard.press("ArrowRight")
    reader.keyboard.press("Enter")  # a second mark …
    reader.keyboard.press("Delete")  # … removed again
    assert reader.locator(".cfr-marks > li[data-mark]").count() == 1
    reader.keyboard.press("+")
    reader.focus('[data-calcflow="reader-submit"]')
    reader.keyboard.press("Enter")
    assert result_of(reader) == {"hits": 1, "misses": 0, "false-marks": 0}
    assert not reader.console_errors and not reader.external_requests


# --- endless practice -------------------------------------------------------------------------------------------------
PRACTICE_SEED = '[data-calcflow="reader-practice-seed"]'
PRACTICE_NEW = '[data-calcflow="reader-practice-new"]'
ORIGIN = "http://calcflow.test/"  # the live page's origin: answered by the test (page.route), never the network
# The live page: the reader's bundle rendered with a stand-in for anywidget's model whose every save_changes goes to a
# real calcflow Reader in this process (window.kernel, exposed by the test), as the kernel's comm would: the traits the
# front end changed are set on the Reader, and the traits the Reader changed in answer come back as change events.
_LIVE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Reader, live (test page)</title></head>
<body><main><div id="mount"></div></main>
<script type="module">
import widget from "./reader.js";
const state = await window.kernel({});
const listeners = new Map();
let dirty = {};
const fire = (name) => (listeners.get(`change:${name}`) || []).slice().forEach((callback) => callback());
const model = {
  get: (name) => state[name],
  set(name, value) {
    if (JSON.stringify(state[name]) === JSON.stringify(value)) return;
    state[name] = value;
    dirty[name] = value;
    fire(name);
  },
  on: (event, callback) => listeners.set(event, [...(listeners.get(event) || []), callback]),
  off: (event, callback) => listeners.set(event, (listeners.get(event) || []).filter((c) => c !== callback)),
  save_changes() {
    const sent = dirty;
    dirty = {};
    window.kernel(sent).then((changed) => {
      Object.assign(state, changed);
      Object.keys(changed).forEach(fire);
    });
  },
};
widget.render({ model, el: document.getElementById("mount") });
</script></body></html>
"""


def test_the_static_page_offers_no_endless_practice(reader):
    """A static page has no kernel to draw a new case: no practice control, the test set's own Practice stays."""
    assert reader.locator(PRACTICE_SEED).count() == 0 and reader.locator(PRACTICE_NEW).count() == 0
    assert reader.locator(".cfr-endless").count() == 0
    assert reader.locator('[data-calcflow="reader-practice"]').count() == 1
    assert reader.locator('select[data-calcflow="reader-case"] optgroup').count() == 0


@pytest.fixture()
def live(request):
    """The reader as JupyterLab shows it, answered by a real Reader (see _LIVE_PAGE)."""
    from calcflow.widgets import Reader
    from calcflow.widgets.standalone import bundle

    kernel = Reader()
    synced = sorted(Reader.class_own_traits(sync=True))  # the reader's own traits, as the front end sees them

    def answer(changes: dict) -> dict:
        if not changes:
            return {name: getattr(kernel, name) for name in synced}
        seen: list[str] = []
        record = lambda change: seen.append(change["name"])  # noqa: E731
        kernel.observe(record, names=synced)
        try:
            for name, value in changes.items():
                setattr(kernel, name, value)
        finally:
            kernel.unobserve(record, names=synced)
        return {name: getattr(kernel, name) for name in dict.fromkeys(seen)
                if name not in changes or getattr(kernel, name) != changes[name]}

    page = request.getfixturevalue("file_page")
    files = {"live.html": (_LIVE_PAGE, "text/html"), "reader.js": (bundle("reader").read_text(), "text/javascript")}
    page.route(f"{ORIGIN}**", lambda route: route.fulfill(
        body=files[route.request.url[len(ORIGIN):]][0], content_type=files[route.request.url[len(ORIGIN):]][1]))
    page.expose_function("kernel", answer)
    page.set_viewport_size({"width": 1100, "height": 1000})
    page.goto(f"{ORIGIN}live.html", wait_until="load")
    page.wait_for_selector(f'{ROOT}[data-ready="true"]')
    page.kernel = kernel
    return page


def test_a_practice_case_is_made_from_its_seed_drawn_and_replayed(live):
    """Draws one view (~5 s; the Python widget test draws the same one)."""
    seed = live.input_value(PRACTICE_SEED)
    assert seed.isdigit() and 0 <= int(seed) < 100000  # a fresh seed is filled in
    live.fill(PRACTICE_SEED, "4821")
    live.click(PRACTICE_NEW)
    waiting = live.wait_for_function("() => { const w = document.querySelector('.cfr-wait');"
                                     " return w && !w.hidden && w.textContent; }").json_value()
    assert "Drawing the case" in waiting
    live.wait_for_selector(f'{IMAGE}[data-loaded="true"]', timeout=90_000)
    assert live.locator(".cfr-wait").is_hidden()
    chooser = 'select[data-calcflow="reader-case"]'
    assert live.input_value(chooser) == "practice-student-uk-4821"
    assert live.locator(f"{chooser} option:checked").inner_text() == "Practice — seed 4821, student, UK"
    assert "type seed 4821 again" in live.inner_text(".cfr-practice-status")
    live.click('[data-calcflow="reader-submit"]')
    assert live.locator(RESULT).is_visible()
    assert live.kernel.result["case"] == "practice-student-uk-4821"
    # not recorded: practice cases are not in the test set, whose progress My progress keeps
    assert live.evaluate("localStorage.getItem('calcflow-progress-v1')") is None
    assert live.get_attribute(ROOT, "data-recorded") is None
    # the same seed again opens the same case, without asking the kernel to make it again
    open_case(live, "normal-uk")
    live.fill(PRACTICE_SEED, "4821")
    live.click(PRACTICE_NEW)
    live.wait_for_selector(f'{IMAGE}[data-loaded="true"]')
    assert live.input_value(chooser) == "practice-student-uk-4821" and len(live.kernel.practice) == 1
    assert not live.console_errors
