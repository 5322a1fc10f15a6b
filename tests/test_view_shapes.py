"""The reading views show what the lexicon teaches a reader to see in each suspicious shape at 0.1 mm per pixel.

Checked on the particles the views' generator draws for every reading case's findings of these shapes (no image),
and on the calcium one case's CC view adds to the breast (`calcium_layer`: the particles as drawn, averaged into
pixels and blurred by the imaging chain; no tissue, no noise), where each particle's *spot* is measured: its peak,
and the pixels round it above half that peak.

The thresholds come from the lexicon's words (calcflow/data/lexicon.yaml), not from the generator's settings:

- fine pleomorphic: "discrete particles of varying shapes and sizes" ("crushed stone"), "usually < 0.5 mm",
  "more conspicuous than amorphous": in each group the largest particle is at least twice the smallest, sizes and
  densities spread (coefficient of variation at least 0.25, and at least three times a punctate group's), a
  quarter or more elongated (longer than 1.5 times their width), and in the image too some spots elongated and
  their brightness uneven;
- punctate: "round deposits smaller than 0.5 mm": round (no dot over 1.25 times as long as wide, in the drawing
  or in the image), under 0.5 mm, and alike — the uniform dots the reader compares fine pleomorphic with
  (coefficients of variation of size, density and spot brightness at most 0.1);
- amorphous: "so small or hazy that no shape can be given", "very small": under half the 0.5 mm micro cut-off,
  fainter in the image than punctate dots and fine pleomorphic particles, and hazier: less of a speck's calcium
  in its brightest pixel than of a fine pleomorphic particle's as small;
- fine linear or branching: "thin ... lines", "< 0.5 mm in calibre", in the duct: thinner than 0.5 mm, at least
  three times as long as thick, lying along the line they are arrayed on, and long thin streaks in the image.
"""
from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import ndimage

from calcflow.figures.reading import view_spec
from calcflow.model.reading import reading_case, reading_cases
from calcflow.synthetic.outline import MM_PER_PX
from calcflow.synthetic.views import calcium_layer, finding_particles, view_size

MICRO_MM = 0.5  # the lexicon's micro cut-off: fine pleomorphic "usually < 0.5 mm", punctate "< 0.5 mm"
SHOWN = ("fine-pleomorphic", "punctate", "amorphous", "fine-linear-branching")
BOTH_CASE = "pleomorphic-beside-punctate"  # a fine pleomorphic group (a) and a punctate group (b) in one breast
AMORPHOUS_CASE = "amorphous-group"
LINEAR_CASE = "casting-linear"


def cv(values) -> float:
    values = np.asarray(values, float)
    return float(values.std() / values.mean())


@pytest.fixture(scope="module")
def groups() -> dict[str, list[tuple]]:
    """By shape: the particles (CC view) of every reading case's finding of that shape, one tuple per finding."""
    found: dict[str, list[tuple]] = {shape: [] for shape in SHOWN}
    for case in reading_cases():
        if not any(f.shape in SHOWN for f in case.findings):
            continue
        drawn = finding_particles(view_spec(case, "cc"))
        for f in case.findings:
            if f.shape in SHOWN:
                found[f.shape].append(drawn[f.id])
    assert all(found.values()), {shape: len(g) for shape, g in found.items()}
    return found


# ---------------------------------------------------------------------------------------------------------------
# the particles as drawn
# ---------------------------------------------------------------------------------------------------------------
def test_fine_pleomorphic_particles_vary_in_size_shape_and_density(groups):
    punctate_size_cv = max(cv([p.size_mm for p in g]) for g in groups["punctate"])
    punctate_density_cv = max(cv([p.contrast for p in g]) for g in groups["punctate"])
    for group in groups["fine-pleomorphic"]:
        sizes = np.array([p.size_mm for p in group])
        densities = np.array([p.contrast for p in group])
        aspects = np.array([p.aspect for p in group])
        assert sizes.max() < MICRO_MM
        assert sizes.max() >= 2 * sizes.min(), "some particles twice the size of others"
        assert cv(sizes) >= max(0.25, 3 * punctate_size_cv)
        assert cv(densities) >= max(0.25, 3 * punctate_density_cv)
        assert densities.max() >= 2 * densities.min(), "some particles twice as dense as others"
        assert (aspects > 1.5).mean() >= 0.25, "a share elongated"
        assert (aspects < 1.5).mean() >= 0.25, "a share not elongated: the shapes vary"


def test_punctate_dots_are_small_round_and_alike(groups):
    for group in groups["punctate"]:
        sizes = np.array([p.size_mm for p in group])
        assert sizes.max() < MICRO_MM
        assert max(p.aspect for p in group) <= 1.25
        assert cv(sizes) <= 0.1 and sizes.max() <= 1.3 * sizes.min()
        assert cv([p.contrast for p in group]) <= 0.1


def test_amorphous_specks_are_very_small_and_fainter_than_the_others(groups):
    amorphous = [p for g in groups["amorphous"] for p in g]
    assert max(p.size_mm for p in amorphous) < MICRO_MM / 2
    for other in ("punctate", "fine-pleomorphic"):
        assert np.median([p.contrast for p in amorphous]) < 0.5 * np.median(
            [p.contrast for g in groups[other] for p in g]), other


def test_fine_linear_particles_are_thin_lines_along_their_duct(groups):
    for group in groups["fine-linear-branching"]:
        assert max(p.width_mm for p in group) < MICRO_MM
        assert min(p.size_mm / p.width_mm for p in group) >= 3
    case = reading_case(LINEAR_CASE)
    (group,) = finding_particles(view_spec(case, "cc")).values()
    centres = np.array([p.centre for p in group])
    _, vectors = np.linalg.eigh(np.cov((centres - centres.mean(axis=0)).T))
    line = math.degrees(math.atan2(vectors[1, 1], vectors[0, 1])) % 180
    off = [min(abs(p.angle_deg - line) % 180, 180 - abs(p.angle_deg - line) % 180) for p in group]
    assert np.median(off) < 20, off


# ---------------------------------------------------------------------------------------------------------------
# the particles in the image: one case's calcium layer
# ---------------------------------------------------------------------------------------------------------------
def spots(case_id: str) -> dict[str, tuple[tuple, np.ndarray]]:
    """Per finding of a case's CC view: its particles, and one row per particle, (peak, elongation, share of the
    calcium near the particle that is in its brightest pixel), of the particle's spot in the calcium layer."""
    spec = view_spec(reading_case(case_id), "cc")
    drawn = finding_particles(spec)
    width, height = view_size(spec)
    layer = calcium_layer(tuple(p for group in drawn.values() for p in group), (height, width))
    found = {}
    for finding, group in drawn.items():
        rows = []
        for p in group:
            col, row = (int(round(v / MM_PER_PX - 0.5)) for v in p.centre)
            window = layer[row - 7:row + 8, col - 7:col + 8]
            near = window[5:10, 5:10]
            r, c = np.unravel_index(np.argmax(near), near.shape)
            peak = float(near[r, c])
            labels, _ = ndimage.label(window >= peak / 2)
            spot = labels == labels[r + 5, c + 5]
            ys, xs = np.nonzero(spot)
            # second moments of the spot above half its peak (plus each pixel's own 1/12 px^2)
            spread = np.cov(np.vstack([xs, ys]), aweights=window[spot] - peak / 2 + 1e-12) if xs.size > 2 \
                else np.zeros((2, 2))
            minor, major = np.linalg.eigvalsh(spread) + 1 / 12
            rows.append((peak, math.sqrt(major / minor), peak / float(window[2:13, 2:13].sum())))
        found[finding] = (group, np.array(rows))
    return found


@pytest.fixture(scope="module")
def both():
    return spots(BOTH_CASE)


def test_in_the_image_fine_pleomorphic_spots_vary_and_punctate_spots_do_not(both):
    (_, pleomorphic), (_, punctate) = both["a"], both["b"]
    assert cv(pleomorphic[:, 0]) >= max(0.25, 3 * cv(punctate[:, 0])), "brightness varies, not from dot to dot"
    assert cv(punctate[:, 0]) <= 0.1
    assert (pleomorphic[:, 1] > 1.5).mean() >= 0.25, "some fine pleomorphic spots are elongated"
    assert punctate[:, 1].max() <= 1.25, "punctate spots are round"


def test_in_the_image_amorphous_specks_are_faint_and_hazy(both):
    (_, amorphous), = spots(AMORPHOUS_CASE).values()
    (particles, pleomorphic), (_, punctate) = both["a"], both["b"]
    assert np.median(amorphous[:, 0]) < 0.5 * np.median(pleomorphic[:, 0])
    assert np.median(amorphous[:, 0]) < 0.25 * np.median(punctate[:, 0])
    # hazier than fine pleomorphic particles as small (under half the micro cut-off): less of the calcium round
    # the particle is in its brightest pixel
    small = pleomorphic[[p.size_mm < MICRO_MM / 2 for p in particles]]
    assert len(small) >= 3
    assert np.median(amorphous[:, 2]) < np.median(small[:, 2])


def test_in_the_image_fine_linear_particles_are_streaks():
    ((_, streaks),) = spots(LINEAR_CASE).values()
    assert np.median(streaks[:, 1]) > 3
