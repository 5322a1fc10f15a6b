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
