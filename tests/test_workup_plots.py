"""The work-up data and figure: validated loading with errors naming file, entry and field; one point per device
rate; tables built from the data; the figure registered for `make figures` (bytes: tests/test_figures.py)."""
import shutil

import matplotlib

matplotlib.use("Agg")

import pytest
import yaml

from calcflow import DataError
from calcflow.figures import workup as wp
from calcflow.model import workup as wm
from calcflow.model.load import REFERENCES, bibliography_keys
from calcflow.figures.registry import registry


def test_every_entry_has_sources_that_resolve():
    data = wm.workup()
    keys = bibliography_keys()
    assert data.underestimation and data.comparison
    for item in (*data.underestimation, *data.comparison):
        assert item.sources and set(item.sources) <= keys, item


def test_the_headline_numbers_are_in_the_data():
    by_id = {e.id: {r.device: r for r in e.rates} for e in wm.workup().underestimation}
    assert by_id["brennan-dcis-pooled"]["any"].rate == 25.9
    assert by_id["brennan-dcis-pooled"]["any"].ci == (22.5, 29.5)
    assert (by_id["ahrq-dcis-stereotactic"]["core"].rate, by_id["ahrq-dcis-stereotactic"]["vacuum"].rate) == (26, 11)


def _broken_copy(tmp_path, change):
    path = tmp_path / "workup.yaml"
    shutil.copy(wm.WORKUP_FILE, path)
    raw = yaml.safe_load(path.read_text())
    change(raw)
    path.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True))
    return path


@pytest.mark.parametrize("change,expected", [
    (lambda raw: raw["underestimation"][0].pop("sources"),
     r"workup.yaml: underestimation entry 'ahrq-dcis-stereotactic': field 'sources'"),
    (lambda raw: raw["underestimation"][1]["rates"][0].update(rate="high"),
     r"workup.yaml: underestimation entry 'ahrq-dcis-ultrasound' rates entry #1: field 'rate'"),
    (lambda raw: raw["underestimation"][0].update(guidance="by eye"),
     r"workup.yaml: underestimation entry 'ahrq-dcis-stereotactic': field 'guidance'"),
    (lambda raw: raw["comparison"][0].update(colour="blue"),
     r"workup.yaml: comparison entry 'Needle size': field 'colour': unknown field"),
    (lambda raw: raw["underestimation"][0]["rates"].append({"device": "core", "rate": 1}),
     r"workup.yaml: underestimation entry 'ahrq-dcis-stereotactic'.*each device may appear once"),
    (lambda raw: raw["underestimation"].append(dict(raw["underestimation"][0])),
     r"workup.yaml: underestimation 'ahrq-dcis-stereotactic': field 'id': duplicate id"),
    (lambda raw: raw["comparison"][1].update(sources=["noSuchKey"]),
     r"workup.yaml: comparison 'Samples taken .*': field 'sources': unknown source key 'noSuchKey'"),
])
def test_malformed_workup_names_file_entry_and_field(tmp_path, change, expected):
    with pytest.raises(DataError, match=expected):
        wm.load_workup(_broken_copy(tmp_path, change), REFERENCES)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(DataError, match="workup.yaml: file not found"):
        wm.load_workup(tmp_path / "workup.yaml")


def test_plot_has_one_point_per_device_rate():
    data = wm.workup()
    fig = wp.underestimation_plot(data)
    (ax,) = [a for a in fig.axes if a.get_label() == "underestimation"]
    for device in wp.DEVICE_ORDER:
        expected = sorted(r.rate for e in data.underestimation for r in e.rates if r.device == device)
        found = sorted(float(line.get_xdata()[0]) for line in ax.lines if line.get_gid() == f"rate-{device}")
        assert found == expected, device
    markers = {line.get_gid(): line.get_marker() for line in ax.lines if line.get_gid()}
    assert len(set(markers.values())) == len(wp.DEVICE_ORDER), "each device needs its own marker shape"


def test_tables_have_one_row_per_entry_with_citations():
    data = wm.workup()
    under = wp.underestimation_table(data)
    assert len(under.rows) == len(data.underestimation)
    assert "{cite:p}`brennan2011`" in under.to_markdown()
    comparison = wp.comparison_table(data)
    assert [r[0] for r in comparison.rows] == [c.measure for c in data.comparison]


def test_figures_are_registered_for_make_figures():
    # what `make figures` writes is compared with the committed figures/ in tests/test_figures.py
    found = registry()
    assert {name: found.get(name) for name in wp.FIGURES} == wp.FIGURES
