"""The reader widget in Python (no browser): its traits, its static representation, images sent on request."""
from __future__ import annotations

import json
import re

import pytest

from calcflow import InvalidChoice
from calcflow.widgets import Reader
from calcflow.widgets.reader_payload import image_uri


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
