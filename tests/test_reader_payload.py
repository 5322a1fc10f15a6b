"""The reader's payload (calcflow.widgets.reader_payload) and its committed images (figures/reading/).

The payload is checked against the model (answer_key) and the generator (the drawn views' truth); two sample cases
are drawn again here and must give the committed bytes (`make figures` writes them).
"""
from __future__ import annotations

import base64
import json
from types import SimpleNamespace

import pytest

from calcflow.figures.reading import IMAGES, PNG_BUDGET_BYTES, case_pngs, image_name
from calcflow.model.practice import MAX_SEED, practice_case
from calcflow.model.reading import answer_key, reading_case, reading_cases
from calcflow.publish.sphinx import READING_IMAGES, copy_reading_images
from calcflow.widgets.reader_payload import MARGIN_MM, image_uri, reader_payload

SAMPLES = ("normal-uk", "popcorn-fibroadenoma")  # one without a finding, one with


@pytest.fixture(scope="module")
def payload():
    return reader_payload()


def test_the_payload_is_json_and_holds_every_case(payload):
    assert json.loads(json.dumps(payload)) == payload
    assert [c["id"] for c in payload["cases"]] == [c.id for c in reading_cases()]
    assert payload["tolerance"]["margin_mm"] == MARGIN_MM and f"{MARGIN_MM:g} mm" in payload["tolerance"]["text"]


def test_the_answers_are_the_models(payload):
    for case, sent in zip(reading_cases(), payload["cases"], strict=True):
        key = answer_key(case)
        assert (sent["answer"]["birads"], sent["answer"]["rcr"], sent["answer"]["category"]) == \
               (key.birads, key.rcr, key.category)
        assert sent["answer"]["next"] == key.path[-1] and sent["answer"]["next_step"] == key.next_step
        assert sent["answer"]["next"] in {o["id"] for o in payload["menus"]["next"][case.system]}
        for finding, answer, truth in zip(sent["findings"], key.findings, case.findings, strict=True):
            assert finding["id"] == answer.id == truth.id
            assert (finding["size"], finding["shape"], finding["pattern"]) == (truth.size, truth.shape, truth.pattern)
            assert finding["answer"]["birads"] == answer.birads and finding["answer"]["rcr"] == answer.rcr


def test_every_menu_holds_every_true_answer(payload):
    menus = payload["menus"]
    for case in payload["cases"]:
        kind = payload["scores"][case["system"]]
        assert case["answer"][kind] in {o["id"] for o in menus["score"][case["system"]]}
        for finding in case["findings"]:
            for field in ("size", "shape", "pattern"):
                assert finding[field] in {o["id"] for o in menus[field]}


@pytest.mark.parametrize("case_id", SAMPLES)
def test_the_committed_images_are_what_the_generator_draws(case_id):
    for view, data in case_pngs(reading_case(case_id)).items():
        assert (IMAGES / image_name(case_id, view)).read_bytes() == data, (case_id, view)


def test_every_case_has_both_views_committed_within_the_budget():
    for case in reading_cases():
        sizes = [(IMAGES / image_name(case.id, view)).stat().st_size for view in ("cc", "mlo")]
        assert sum(sizes) <= PNG_BUDGET_BYTES, case.id
    assert len(list(IMAGES.glob("*.png"))) == 2 * len(reading_cases()), "images of cases no longer in the set"


def test_the_live_reader_gets_the_committed_image_as_a_data_uri():
    uri = image_uri(SAMPLES[0], "cc")
    assert uri.startswith("data:image/png;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == (IMAGES / image_name(SAMPLES[0], "cc")).read_bytes()


def test_the_book_build_copies_the_images_into_the_site(tmp_path):
    source = tmp_path / "book" / READING_IMAGES
    source.mkdir(parents=True)
    (source / "a-cc.png").write_bytes(b"png")
    app = SimpleNamespace(srcdir=str(tmp_path / "book"), outdir=str(tmp_path / "html"),
                          builder=SimpleNamespace(format="html"))
    copy_reading_images(app, None)
    assert (tmp_path / "html" / "reading" / "a-cc.png").read_bytes() == b"png"


def test_every_practice_answer_is_in_the_readers_menus(payload):
    """A practice case is answered with the test set's menus: its category and next step must be there."""
    assert payload["practice_options"] == {"max_seed": MAX_SEED, "tiers": ["student", "advanced"],
                                           "systems": ["uk", "us"]}
    menus = payload["menus"]
    for seed in range(150):
        for tier in ("student", "advanced"):
            for system in ("uk", "us"):
                case = practice_case(seed, tier, system)
                key = answer_key(case)
                score = key.rcr if system == "uk" else key.birads
                assert score in {o["id"] for o in menus["score"][system]}, case.id
                assert key.path[-1] in {o["id"] for o in menus["next"][system]}, (case.id, key.path[-1])
                for f in case.findings:
                    assert all(getattr(f, field) in {o["id"] for o in menus[field]}
                               for field in ("size", "shape", "pattern")), case.id


@pytest.mark.parametrize("case_id,finding,why", [
    ("pleomorphic-group-uk", 0, ["suspicious-morphology"]),
    ("punctate-group-first-screen-us", 0, ["round-single-group-baseline"]),
    ("punctate-group-stable", 0, ["round-group-stable"]),
    ("normal-with-skin", 0, ["benign-morphology"]),
    ("diffuse-amorphous", 0, ["diffuse-dismissed", "m1-bilateral-powdery"]),
])
def test_each_findings_why_is_the_rules_that_decide_its_category(payload, case_id, finding, why):
    """Written out: the rules that decide the category, before the two every answer shares (BI-RADS → M-score and →
    the leaflet's word) and the route's."""
    item = next(c for c in payload["cases"] if c["id"] == case_id)
    reasons = item["findings"][finding]["answer"]["why"]
    assert [r["id"] for r in reasons] == why
    assert all(r["statement"] and r["sources"] for r in reasons), "each reason is stated and cited"


def test_every_why_is_among_the_rules_assess_applies(payload):
    for case in reading_cases():
        item = next(c for c in payload["cases"] if c["id"] == case.id)
        for finding, shown in zip(case.findings, item["findings"]):
            applied = [r.id for r in case.assessment(finding).rules]
            ids = [r["id"] for r in shown["answer"]["why"]]
            shared = min(applied.index(i) for i in ("rcr-from-birads", "leaflet-category") if i in applied)
            assert ids == applied[:shared], (case.id, finding.id, ids, applied)
