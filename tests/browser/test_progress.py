"""My progress and the reader's recording, in Chromium from file:// with no network (one page holds both widgets,
built like reader_harness's): progress survives a reload, export then import round-trips, a bad import is refused
and changes nothing, reset clears, presentation mode records nothing."""
from __future__ import annotations

import json
import shutil

import pytest
from reader_harness import _PAGE, click_pixel, open_case

from calcflow.figures.reading import IMAGES
from calcflow.publish.widget_code import with_widget_code
from calcflow.widgets import Progress, Reader
from calcflow.widgets.reader_payload import reader_payload

CASE = "punctate-group-first-screen-uk"
ROOT = '[data-calcflow="progress"]'
KEY = "calcflow-progress-v1"
MESSAGE = '[data-calcflow="progress-message"]'


@pytest.fixture()
def page(request, tmp_path):
    page = request.getfixturevalue("file_page")
    shutil.copytree(IMAGES, tmp_path / "reading")
    path = tmp_path / "progress.html"
    path.write_text(with_widget_code(_PAGE % (Reader(image_base="reading/").static_html() + Progress().static_html())),
                    encoding="utf-8")
    page.set_viewport_size({"width": 1100, "height": 1000})
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_selector(f'{ROOT}[data-ready="true"]')
    page.wait_for_selector('[data-calcflow="reader"][data-ready="true"]')
    return page


def stored(page):
    return page.evaluate(f"localStorage.getItem({KEY!r})")


def read_one(page):
    case = next(c for c in reader_payload()["cases"] if c["id"] == CASE)
    open_case(page, CASE)
    size, where = case["views"]["cc"], case["findings"][0]["where"]["cc"]
    click_pixel(page, where["x"], where["y"], size["width"], size["height"])
    page.select_option('select[data-mark="0"][data-field="shape"]', "punctate")
    page.select_option('.cfr-answer select >> nth=0', "M3")
    page.click('[data-calcflow="reader-submit"]')


def reload(page):
    page.reload(wait_until="load")
    page.wait_for_selector(f'{ROOT}[data-ready="true"]')


def test_a_reading_is_recorded_and_survives_a_reload(page):
    read_one(page)
    reload(page)
    assert page.get_attribute(ROOT, "data-read") == "1"
    assert page.inner_text('[data-metric="sensitivity"]') == "1 of 1 (100%)"
    assert page.inner_text('[data-metric="localisation"]') == "1 of 1 (100%)"
    assert page.locator('[data-confusion="shape"] td.cfp-right').inner_text() == "1"
    assert not page.console_errors and not page.external_requests


def test_export_then_import_round_trips(page, tmp_path):
    read_one(page)
    reload(page)
    with page.expect_download() as download:
        page.click('[data-calcflow="progress-export"]')
    exported = download.value.path().read_bytes()
    before = json.loads(stored(page))
    assert json.loads(exported) == before
    page.click('[data-calcflow="progress-reset"]')
    page.click('[data-calcflow="progress-reset-confirm"]')
    assert stored(page) is None and page.get_attribute(ROOT, "data-read") == "0"
    page.set_input_files('[data-calcflow="progress-import"]',
                         files=[{"name": "p.json", "mimeType": "application/json", "buffer": exported}])
    page.wait_for_selector(f'{MESSAGE}[data-status="imported"]')
    assert json.loads(stored(page)) == before and page.get_attribute(ROOT, "data-read") == "1"
    assert not page.console_errors and not page.external_requests


def bad_files(good: dict) -> dict[str, bytes]:
    reading = good["readings"][0]
    markup = {**good, "readings": [{**reading, "findings": [{**reading["findings"][0],
              "chosen": {"size": "micro", "shape": "<img src=x onerror=alert(1)>", "pattern": ""}}]}]}
    return {
        "malformed": b"{not json",
        "foreign": json.dumps({"format": "someone-else", "version": 1, "readings": []}).encode(),
        "unknown case": json.dumps({**good, "readings": [{**reading, "case": "no-such-case"}]}).encode(),
        "not finite": json.dumps({**good, "readings": [{**reading, "time": 1e400}]}).encode().replace(b"Infinity",
                                                                                                    b"1e400"),
        "markup": json.dumps(markup).encode(),
        "markup key": json.dumps({**good, "<b>x</b>": 1}).encode(),
        "huge": json.dumps({**good, "pad": "x" * 600_000}).encode(),
        "too many": json.dumps({**good, "readings": [reading] * 2001}).encode(),
    }


def test_a_bad_import_is_refused_and_changes_nothing(page):
    read_one(page)
    reload(page)
    before = stored(page)
    for name, data in bad_files(json.loads(before)).items():
        page.evaluate(f"document.querySelector({MESSAGE!r}).removeAttribute('data-status')")
        page.set_input_files('[data-calcflow="progress-import"]',
                             files=[{"name": "p.json", "mimeType": "application/json", "buffer": data}])
        page.wait_for_selector(f'{MESSAGE}[data-status="refused"]')
        assert "Not imported" in page.inner_text(MESSAGE), name
        assert stored(page) == before, name
        assert page.locator(f"{ROOT} img").count() == 0 and page.locator(f"{ROOT} b").count() == 0, name
    assert page.get_attribute(ROOT, "data-read") == "1"
    assert not page.console_errors and not page.external_requests


def test_reset_clears(page):
    read_one(page)
    reload(page)
    page.click('[data-calcflow="progress-reset"]')
    page.click('[data-calcflow="progress-reset-confirm"]')
    assert stored(page) is None
    reload(page)
    assert page.get_attribute(ROOT, "data-read") == "0"
    assert not page.console_errors


def test_presentation_mode_records_nothing(page):
    page.click('[data-calcflow="reader"] [data-calcflow="present"]')
    page.wait_for_selector('[data-calcflow="reader"].cf-presenting')
    read_one(page)
    assert page.locator('[data-calcflow="reader-result"]').count() == 1
    assert stored(page) is None
    page.keyboard.press("Escape")
    read_one(page)
    assert len(json.loads(stored(page))["readings"]) == 1
    assert not page.console_errors and not page.external_requests
