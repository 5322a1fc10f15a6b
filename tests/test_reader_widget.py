"""The reader widget in Python (no browser): its traits, its static representation, images sent on request, and
endless practice (a case made from a seed when the front end asks, its views drawn on request)."""
from __future__ import annotations

import base64
import io
import json
import re

import pytest
from PIL import Image

from calcflow import InvalidChoice
from calcflow.figures.reading import view_spec
from calcflow.model.practice import practice_case
from calcflow.synthetic.views import view_size
from calcflow.widgets import Reader
from calcflow.widgets import reader as reader_module
from calcflow.widgets.reader_payload import image_uri, practice_payload


@pytest.fixture(scope="module")
def reader():
    return Reader(case="normal-uk")


def test_the_static_output_holds_the_state_and_no_image(reader):
    html = reader.static_html()
    assert 'data-calcflow-static="reader"' in html and "data:image" not in html and "<img" not in html
    state = json.loads(re.search(r'<script type="application/json">(.*?)</script>', html).group(1).replace("<\\/", "</"))
    assert state["case"] == "normal-uk" and state["image_base"] == "../reading/"
    assert len(state["payload"]["cases"]) == len(reader.payload["cases"])
    assert reader._repr_mimebundle_()[0]["text/plain"] == "Reader(case='normal-uk')"


def test_a_requested_view_arrives_as_a_data_uri(reader):
    reader.requested = "normal-uk-mlo"
    assert reader.images == {"normal-uk-mlo": image_uri("normal-uk", "mlo")}
    reader.requested = "normal-uk-lateral"  # not a view: ignored
    assert list(reader.images) == ["normal-uk-mlo"]


def test_an_unknown_case_names_the_choices():
    with pytest.raises(InvalidChoice, match="normal-uk"):
        Reader(case="no-such-case")


# --- endless practice: the front end's request simulated by setting the trait -----------------------------------------
PRACTICE = {"seed": 4821, "tier": "student", "system": "uk"}


@pytest.fixture(scope="module")
def practising():
    reader = Reader()
    reader.practice_request = dict(PRACTICE)
    return reader


def test_a_practice_request_adds_the_case_with_its_seed_in_its_label(practising):
    assert practising.practice_request == {} and practising.practice_error == ""  # answered
    [made] = practising.practice
    assert made["id"] == "practice-student-uk-4821"
    assert made["practice"] == {"seed": 4821, "label": "Practice — seed 4821, student, UK"}
    assert made == practice_payload(practice_case(4821, "student", "uk"))
    assert json.loads(json.dumps(made)) == made
    assert made["id"] not in {c["id"] for c in practising.payload["cases"]}  # the test set is unchanged
    assert made["id"] not in practising.static_html()  # a static page shows no practice case


def test_the_same_request_again_replays_the_case_without_a_duplicate():
    reader = Reader()
    reader.practice_request = {"seed": 17, "tier": "advanced", "system": "us"}
    first = reader.practice[-1]
    reader.practice_request = dict(PRACTICE)
    reader.practice_request = {"seed": 17, "tier": "advanced", "system": "us"}
    assert [c["id"] for c in reader.practice] == ["practice-student-uk-4821", "practice-advanced-us-17"]
    assert reader.practice[-1] == first


@pytest.mark.parametrize("request_, named", [
    ({"seed": -3, "tier": "student", "system": "uk"}, "-3"),
    ({"seed": "abc", "tier": "student", "system": "uk"}, "'abc'"),
    ({"seed": 5, "tier": "expert", "system": "uk"}, "'expert'"),
    ({"seed": 5, "tier": "student", "system": "fr"}, "'fr'"),
])
def test_a_bad_practice_request_is_refused_with_a_reason(request_, named):
    reader = Reader()
    reader.practice_request = request_
    assert named in reader.practice_error and reader.practice == [] and reader.practice_request == {}


def test_a_practice_view_is_drawn_on_request(practising):
    """Draws one view (~5 s): no PNG is committed for a practice case."""
    case = practice_case(4821, "student", "uk")
    practising.requested = f"{case.id}-cc"
    uri = practising.images[f"{case.id}-cc"]
    assert uri.startswith("data:image/png;base64,")
    with Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))) as png:
        assert png.format == "PNG" and png.size == view_size(view_spec(case, "cc"))
    assert tuple(practising.practice[-1]["views"]["cc"].values()) == png.size


def test_images_keep_the_views_of_the_last_practice_cases_only(monkeypatch):
    """Each view is ~200 KB and the whole `images` trait is sent on every change: older practice views are dropped
    (drawn again if asked for), the test set's are kept. Nothing is drawn here."""
    monkeypatch.setattr(reader_module, "practice_image_uri", lambda case, view: f"data:image/png;base64,{case.id}")
    monkeypatch.setattr(reader_module, "image_uri", lambda case_id, view: f"data:image/png;base64,{case_id}")
    reader = Reader()
    reader.requested = "normal-uk-cc"
    for seed in range(reader_module.IMAGES_KEPT + 2):
        reader.practice_request = {"seed": seed, "tier": "student", "system": "us"}
        reader.requested = f"practice-student-us-{seed}-mlo"
    kept = [f"practice-student-us-{seed}-mlo" for seed in range(2, reader_module.IMAGES_KEPT + 2)]
    assert list(reader.images) == ["normal-uk-cc", *kept]
