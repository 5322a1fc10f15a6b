"""The chapter figures built from synthetic patches (calcflow.figures.chapters).

Each figure must build, be registered for `make figures` (whose output tests/test_figures.py compares with the
committed figures/), carry a scale bar on every image, and show what its caption claims (labels from the lexicon and
the model, sizes as drawn).
"""
from __future__ import annotations

import re

import pytest
from matplotlib.figure import Figure

from calcflow import assess
from calcflow.figures import chapters as patch_figures, registry as figures
from calcflow.model.catalogue import catalogue
from calcflow.errors import InvalidChoice
from calcflow.synthetic import MAGNIFICATION_VIEW, PIXEL_MM, make_patch

SCALE_BAR = re.compile(r"^\d+(\.\d+)? mm$")
CHARTS = {"describing-size-cutoffs"}  # plots of measurements drawn from patches, with no image of their own


def _image_axes(fig: Figure):
    return [ax for ax in fig.axes if ax.images]


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def _range_mm(label: str) -> tuple[float, float]:
    low, high = re.search(r"(\d+(?:\.\d+)?)–(\d+(?:\.\d+)?) mm", label).groups()
    return float(low), float(high)


@pytest.fixture(scope="module")
def built() -> dict[str, Figure]:
    return {name: make() for name, make in patch_figures.FIGURES.items()}


def test_every_figure_is_registered_for_make_figures():
    assert "calcflow.figures.chapters" in figures.MODULES
    registry = figures.registry()
    for name, make in patch_figures.FIGURES.items():
        assert registry[name] is make


@pytest.mark.parametrize("name", sorted(patch_figures.FIGURES))
def test_every_entry_returns_a_figure_whose_images_have_scale_bars(built, name):
    fig = built[name]
    assert isinstance(fig, Figure)
    images = _image_axes(fig)
    assert bool(images) != (name in CHARTS), f"{name}: expected {'no ' if name in CHARTS else ''}patch images"
    for ax in images:
        assert any(SCALE_BAR.match(t) for t in _texts(ax)), f"{name}: a panel ({ax.get_title()!r}) has no scale bar"


def test_benign_causes_are_labelled_with_the_lexicons_usual_cause(built):
    fig = built["what-calcifications-are-benign-causes"]
    axes = _image_axes(fig)
    assert len(axes) == len(patch_figures.BENIGN_CAUSE_SHAPES)
    cat = catalogue()
    for ax, shape in zip(axes, patch_figures.BENIGN_CAUSE_SHAPES):
        entry = cat.descriptor("shape", shape)
        assert entry.group == "typically-benign"
        assert ax.get_title() == entry.label
        assert " ".join(ax.get_xlabel().split()) == " ".join(entry.usual_cause.split())


def test_rods_are_thicker_than_casts(built):
    rods, casts = _image_axes(built["what-calcifications-are-rods-and-casts"])
    rod_low, _ = _range_mm(rods.get_xlabel())
    _, cast_high = _range_mm(casts.get_xlabel())
    assert rod_low >= 0.5 > cast_high  # large rod-like ≥ 0.5 mm thick; fine linear < 0.5 mm in calibre


def test_screening_view_box_marks_exactly_the_enlarged_window(built):
    whole, enlarged = _image_axes(built["how-they-are-found-screening-view"])
    (left, right), (bottom, top) = enlarged.get_xlim(), enlarged.get_ylim()
    assert right - left == pytest.approx(patch_figures.SCREENING_ZOOM_MM)
    boxes = [p for p in whole.patches if p.__class__.__name__ == "Rectangle"]
    assert len(boxes) == 1
    box = boxes[0]
    assert box.get_xy() == pytest.approx((left, top))
    assert box.get_width() == pytest.approx(right - left)
    whole_left, whole_right = whole.get_xlim()
    assert whole_right - whole_left == pytest.approx(patch_figures.SCREENING_FIELD_MM)


def test_micro_and_macro_sizes_fall_either_side_of_the_cut_offs(built):
    micro, macro = _image_axes(built["describing-micro-and-macro"])
    assert _range_mm(micro.get_xlabel())[1] < 0.5
    assert _range_mm(macro.get_xlabel())[0] > 2.0


def test_size_cutoffs_draws_each_sources_line_and_the_measured_sizes():
    fig = patch_figures.size_cutoffs()
    ax = fig.axes[0]
    lines = sorted(round(line.get_xdata()[0], 3) for line in ax.lines if line.get_xdata()[0] == line.get_xdata()[1])
    assert lines == [0.5, 1.0, 2.0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    rows = {label.split(" (")[0]: i for i, label in enumerate(labels)}
    by_row = {}
    for collection in ax.collections:
        offsets = collection.get_offsets()
        if len(offsets):
            by_row[round(float(offsets[:, 1].mean()))] = offsets[:, 0]
    assert max(by_row[rows["Punctate"]]) < 0.5
    assert max(by_row[rows["Amorphous"]]) < 0.5
    assert min(by_row[rows["Coarse or popcorn-like"]]) > 2.0
    # every plotted shape is drawn with all its particles
    assert len(by_row) == len(patch_figures.SIZED_SHAPES)


def test_shape_groups_cover_every_shape_once():
    cat = catalogue()
    benign = [ax.get_title() for ax in _image_axes(patch_figures.shape_group("typically-benign"))]
    suspicious_fig = patch_figures.shape_group("suspicious")
    suspicious = [ax.get_title() for ax in _image_axes(suspicious_fig)]
    expected = [s.label.split(" (")[0] for s in cat.lexicon.shape]
    assert sorted(benign + suspicious) == sorted(expected)
    # suspicious shapes are shown on magnification views, at the finer pixel scale
    for ax in _image_axes(suspicious_fig):
        image = ax.images[0]
        left, right, _, _ = image.get_extent()
        assert (right - left) / image.get_array().shape[1] == pytest.approx(PIXEL_MM / MAGNIFICATION_VIEW)


def test_the_book_shows_every_shape_in_some_figure(built):
    """Benign grid (less milk of calcium) + suspicious grid + the milk of calcium view pair = the whole lexicon."""
    cat = catalogue()
    shown = {ax.get_title() for name in ("describing-shapes-benign", "describing-shapes-suspicious")
             for ax in _image_axes(built[name])}
    milk = built["describing-milk-of-calcium-views"]
    assert milk._suptitle.get_text().startswith(cat.descriptor("shape", "milk-of-calcium").label)
    shown.add(cat.descriptor("shape", "milk-of-calcium").label)
    assert shown == {s.label.split(" (")[0] for s in cat.lexicon.shape}


def test_shape_group_can_leave_shapes_out():
    titles = [ax.get_title() for ax in _image_axes(patch_figures.shape_group("typically-benign",
                                                                             exclude=("milk-of-calcium",)))]
    assert "Milk of calcium" not in titles and len(titles) == 9


def test_shape_group_refuses_an_unknown_group():
    with pytest.raises(InvalidChoice, match="typically-benign"):
        patch_figures.shape_group("benign-ish")


def test_read_together_titles_are_the_models_answers_and_every_particle_is_ringed(built):
    top_left, top_right, *_ = _image_axes(built["describing-read-together"])
    for ax, pattern in ((top_left, "diffuse"), (top_right, "grouped")):
        us = assess("micro", "amorphous", pattern, system="us")
        uk = assess("micro", "amorphous", pattern, system="uk")
        assert f"BI-RADS {us.birads}" in ax.get_title() and f"UK {uk.rcr}" in ax.get_title()
        rings = [p for p in ax.patches if p.__class__.__name__ == "Circle"]
        assert len(rings) == len(make_patch("amorphous", pattern).particles)
    assert "BI-RADS 2" in top_left.get_title() and "BI-RADS 4B" in top_right.get_title()
