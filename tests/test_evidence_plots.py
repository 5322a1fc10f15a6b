"""The evidence figures: the spread plot shows every published row, the icon array shows the right count of 100,
the bands come from the scale's own wording, and every figure is registered for `make figures` (whose output
tests/test_figures.py compares with the committed figures/)."""
import dataclasses

import matplotlib

matplotlib.use("Agg")

import pytest

from calcflow import DataError, InvalidChoice
from calcflow.figures import evidence as ep
from calcflow.model.catalogue import catalogue
from calcflow.figures.registry import registry


def _highlighted(ax) -> tuple[int, int]:
    by_gid = {c.get_gid(): len(c.get_offsets()) for c in ax.collections}
    return by_gid["icons-cancer"], by_gid["icons-no-cancer"]


@pytest.mark.parametrize("percent,expected", [(20.6, 21), (13.5, 14), (2, 2), (70, 70), (0, 0), (100, 100),
                                              (0.4, 0), (9.49, 9)])
def test_icon_array_highlights_the_rounded_count_of_100(percent, expected):
    fig = ep.icon_array(percent, "finding", "study")
    (ax,) = [a for a in fig.axes if a.get_label() == "icon-array"]
    assert _highlighted(ax) == (expected, 100 - expected)
    assert f"{expected} in 100" in ax.get_title()


def test_icon_array_refuses_an_impossible_percentage():
    with pytest.raises(ValueError, match="between 0 and 100"):
        ep.icon_count(120)


def test_icon_panels_take_their_numbers_from_the_evidence():
    cat = catalogue()
    items = ep.category_three_items(cat)
    fig = ep.icon_arrays(items)
    axes = [a for a in fig.axes if a.get_label() == "icon-array"]
    counts = [_highlighted(a)[0] for a in axes]
    # US ceiling (scales.yaml: "≤ 2%"), St George's M3 13.5%, Ralleigh M3 20.6%, Menezes BI-RADS 3 32%
    assert counts == [2, 14, 21, 32]
    assert items[0].bound == "at most" and "≤2%" in axes[0].get_xlabel()
    shape_counts = [ep.icon_count(i.percent) for i in ep.descriptor_icon_items(cat)]
    assert shape_counts == [9, 13, 21, 29, 70]


@pytest.mark.parametrize("kind", ["shape", "pattern"])
def test_spread_plot_has_one_point_per_evidence_row_for_each_descriptor(kind):
    cat = catalogue()
    fig = ep.ppv_spread(kind, cat=cat)
    panels = {a.get_label(): a for a in fig.axes if ":" in a.get_label()}
    expected = ep.descriptors_with_evidence(kind, cat)
    assert list(panels) == [f"{kind}:{d}" for d in expected]
    for d in expected:
        rows = [p for p in cat.evidence.ppv if p.kind == kind and p.descriptor == d]
        points = [line for line in panels[f"{kind}:{d}"].lines if line.get_gid() == "ppv-point"]
        assert len(points) == len(rows), d
        assert sorted(float(line.get_xdata()[0]) for line in points) == sorted(p.ppv for p in rows), d


def test_spread_plot_marks_the_atlas_value_with_its_own_marker():
    fig = ep.ppv_spread("shape", ["fine-pleomorphic"])
    (ax,) = [a for a in fig.axes if a.get_label() == "shape:fine-pleomorphic"]
    markers = {float(line.get_xdata()[0]): line.get_marker() for line in ax.lines if line.get_gid() == "ppv-point"}
    assert markers[29.0] == ep.DESIGNS["atlas"].marker
    assert markers[50.0] in {ep.DESIGNS["pooled"].marker, ep.DESIGNS["series"].marker}
    assert len({d.marker for d in ep.DESIGNS.values()}) == len(ep.DESIGNS), "each design needs its own shape"


def test_spread_plot_can_mix_uk_and_us_scales():
    fig = ep.ppv_spread("birads", [("birads", "3"), ("rcr", "M3")])
    labels = [a.get_label() for a in fig.axes if ":" in a.get_label()]
    assert labels == ["birads:3", "rcr:M3"]


def test_unknown_descriptor_names_the_ones_with_evidence():
    with pytest.raises(InvalidChoice, match="'skin'.*amorphous"):
        ep.ppv_spread("shape", ["skin"])


def test_bands_are_read_from_the_scale_wording():
    bands = {b.birads: (b.low, b.high) for b in ep.category_bands()}
    assert bands == {"3": (0, 2), "4A": (2, 10), "4B": (10, 50), "4C": (50, 95), "5": (95, 100)}


def test_unreadable_band_names_file_entry_and_field():
    cat = catalogue()
    broken = cat.scales.model_copy(update={"birads": tuple(
        b.model_copy(update={"likelihood": "low"}) if b.id == "4A" else b for b in cat.scales.birads)})
    with pytest.raises(DataError, match=r"scales.yaml: birads '4A': field 'likelihood'"):
        ep.category_bands(dataclasses.replace(cat, scales=broken))


def test_every_figure_is_registered_for_make_figures():
    found = registry()
    assert {name: found.get(name) for name in ep.FIGURES} == ep.FIGURES
