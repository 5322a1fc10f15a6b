"""Synthetic mammogram patches: deterministic, valid for every descriptor pair, and each one shows what it teaches.

Properties are checked twice where practical: on the particles the generator says it drew (sizes measured from
their outlines) and on the image itself (bright blobs found with a band-pass filter and scipy.ndimage.label).
"""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import ndimage

from calcflow.synthetic import (DEFAULT_FIELD_MM, MAGNIFICATION_VIEW, PATTERNS, PIXEL_MM, SHAPES, TYPICAL_PATTERN,
                                Patch, make_patch, scene_particles)

REPO = Path(__file__).resolve().parents[1]
SEEDS = (0, 1, 2, 3)


# ---------------------------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------------------------
def centres(patch_or_particles) -> np.ndarray:
    particles = getattr(patch_or_particles, "particles", patch_or_particles)
    return np.array([p.centre for p in particles])


def max_pairwise_distance(points: np.ndarray) -> float:
    diff = points[:, None, :] - points[None, :, :]
    return float(np.sqrt((diff ** 2).sum(-1)).max())


def principal_spreads(points: np.ndarray) -> tuple[float, float]:
    """Standard deviations along the principal axis and across it."""
    eigenvalues = np.linalg.eigvalsh(np.cov((points - points.mean(0)).T))
    return float(np.sqrt(eigenvalues[1])), float(np.sqrt(max(eigenvalues[0], 0.0)))


def band_pass(patch: Patch, fine_mm: float, coarse_mm: float) -> np.ndarray:
    """Image minus its local background (difference of Gaussians, scales in mm)."""
    px = patch.mm_per_pixel
    return ndimage.gaussian_filter(patch.image, fine_mm / px) - ndimage.gaussian_filter(patch.image, coarse_mm / px)


def detection_mask(patch: Patch, k: float = 5.0) -> np.ndarray:
    """Pixels more than k robust standard deviations above the local background (a simple CAD-style detector)."""
    residual = band_pass(patch, 0.03, 0.2)
    sigma = 1.4826 * np.median(np.abs(residual - np.median(residual)))
    return residual > k * sigma


def detected_particles(patch: Patch, mask: np.ndarray, window=None) -> int:
    """How many drawn particles have a detection within a pixel of their centre (inside window, if given)."""
    count = 0
    for p in patch.particles:
        if window is not None and not (window[0] <= p.x_mm <= window[1] and window[2] <= p.y_mm <= window[3]):
            continue
        col, row = (int(round(float(v))) for v in patch.to_pixels(p.x_mm, p.y_mm))
        count += bool(mask[max(row - 1, 0):row + 2, max(col - 1, 0):col + 2].any())
    return count


def components_in(patch: Patch, mask: np.ndarray, window) -> int:
    """Connected detections whose centre lies inside a window (x0, x1, y0, y1) in scene mm."""
    labels, n = ndimage.label(mask)
    if n == 0:
        return 0
    rows_cols = np.array(ndimage.center_of_mass(mask, labels, range(1, n + 1)))
    x0, y0 = patch.origin_mm
    xs = x0 + (rows_cols[:, 1] + 0.5) * patch.mm_per_pixel
    ys = y0 + (rows_cols[:, 0] + 0.5) * patch.mm_per_pixel
    return int(np.sum((xs >= window[0]) & (xs <= window[1]) & (ys >= window[2]) & (ys <= window[3])))


def bright_blobs(patch: Patch, threshold: float = 0.15, coarse_mm: float = 2.5, min_area_px: int = 3,
                 on_particles: bool = True):
    """(length_mm, width_mm) of each bright blob in the image: its extent along and across its principal axis.

    on_particles keeps only blobs that contain a drawn particle's centre (so tissue texture is not measured).
    """
    mask = band_pass(patch, 0.0001, coarse_mm) > threshold
    labels, n = ndimage.label(mask)
    keep = set(range(1, n + 1))
    if on_particles:
        keep = set()
        for p in patch.particles:
            col, row = (int(round(float(v))) for v in patch.to_pixels(p.x_mm, p.y_mm))
            if 0 <= row < labels.shape[0] and 0 <= col < labels.shape[1] and labels[row, col]:
                keep.add(int(labels[row, col]))
    blobs = []
    for index, found in enumerate(ndimage.find_objects(labels), start=1):
        if index not in keep:
            continue
        rows, cols = np.nonzero(labels[found] == index)
        if len(rows) < min_area_px:
            continue
        pts = np.column_stack([cols, rows]).astype(float)
        pts -= pts.mean(0)
        if len(pts) > 2:
            _, vectors = np.linalg.eigh(np.cov(pts.T))
            along, across = pts @ vectors[:, 1], pts @ vectors[:, 0]
        else:
            along, across = pts[:, 0], pts[:, 1]
        px = patch.mm_per_pixel
        blobs.append(((np.ptp(along) + 1) * px, (np.ptp(across) + 1) * px))
    return blobs


def angle_difference(a_deg: float, b_deg: float) -> float:
    """Difference between two orientations (mod 180), 0-90 degrees."""
    d = abs(a_deg - b_deg) % 180.0
    return min(d, 180.0 - d)


# ---------------------------------------------------------------------------------------------------------------
# identities, determinism, validity
# ---------------------------------------------------------------------------------------------------------------
def test_descriptor_ids_match_the_lexicon():
    from calcflow.model.catalogue import catalogue

    assert list(SHAPES) == catalogue().ids("shape")
    assert list(PATTERNS) == catalogue().ids("pattern")
    assert set(TYPICAL_PATTERN) == set(SHAPES) and set(TYPICAL_PATTERN.values()) <= set(PATTERNS)


# Drawn in fresh interpreters, which share nothing with this process (no LRU cache, no module state); two different
# PYTHONHASHSEEDs catch any use of Python's per-process hash(). One case per pattern, both views, both magnifications;
# one seed, so each process draws the tissue once.
FINGERPRINT = """
import hashlib, json
from calcflow.synthetic import make_patch

def fingerprint(shape, pattern, seed, magnification, view):
    patch = make_patch(shape, pattern, seed=seed, magnification=magnification, view=view)
    digest = hashlib.sha256(patch.image.tobytes())
    digest.update(repr([(p.centre, p.size_mm, p.width_mm, p.kind) for p in patch.particles]).encode())
    return digest.hexdigest()
"""
DETERMINISM_CASES = [("amorphous", "segmental", 3, 1.0, "cc"), ("milk-of-calcium", "grouped", 3, 1.8, "lateral"),
                     ("fine-linear-branching", "linear", 3, 1.0, "lateral"), ("rim", "regional", 3, 1.8, "cc"),
                     ("large-rod", "diffuse", 3, 1.0, "cc")]


def test_same_arguments_give_byte_identical_images_in_separate_processes():
    script = FINGERPRINT + f"print(json.dumps([fingerprint(*case) for case in {DETERMINISM_CASES!r}]))"
    runs = [subprocess.Popen([sys.executable, "-c", script], cwd=REPO, env=dict(os.environ, PYTHONHASHSEED=hash_seed),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for hash_seed in ("1", "12345")]
    fresh = []
    for run in runs:
        out, err = run.communicate()
        assert run.returncode == 0, err
        fresh.append(json.loads(out))
    namespace: dict = {}
    exec(FINGERPRINT, namespace)
    here = [namespace["fingerprint"](*case) for case in DETERMINISM_CASES]
    assert fresh[0] == fresh[1] == here
    assert len(set(here)) == len(DETERMINISM_CASES)  # the fingerprint tells different patches apart


def test_the_generator_knows_nothing_of_the_model_or_the_figures():
    """calcflow.synthetic imports from calcflow only calcflow.errors and itself (layering, cycles and private names
    across the whole package are tests/test_layers.py's)."""
    found = []
    for path in sorted((REPO / "calcflow" / "synthetic").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                found += [(path.name, node.module)]
            elif isinstance(node, ast.Import):
                found += [(path.name, alias.name) for alias in node.names]
    ours = [(name, module) for name, module in found if module.split(".")[0] == "calcflow"]
    assert len(ours) >= 10  # the reader sees the modules' imports of each other
    assert [(name, module) for name, module in ours
            if module != "calcflow.errors" and not module.startswith("calcflow.synthetic.")] == []


def test_geometry_measures_and_paints_known_figures():
    from calcflow.synthetic.geometry import (THETA, Blob, Stroke, calipers, ellipse_radii, measured_particle,
                                             polygon_radii, sized_blob)

    longest, narrowest = calipers(np.array([[0, 0], [4, 0], [4, 1], [0, 1]], float))
    assert narrowest == pytest.approx(1.0) and longest == pytest.approx(17 ** 0.5, abs=1e-3)  # the diagonal
    square = polygon_radii(np.array([[1, 1], [-1, 1], [-1, -1], [1, -1]], float))
    at = {round(float(np.degrees(a))): r for a, r in zip(THETA, square)}
    assert at[0] == pytest.approx(1.0) and at[90] == pytest.approx(1.0) and at[180] == pytest.approx(1.0)
    assert square[np.argmin(np.abs(THETA - np.pi / 4))] == pytest.approx(2 ** 0.5)
    # sized to its longest dimension, as measured a second way (largest distance between outline points)
    oval = sized_blob(3.0, 2.0, ellipse_radii(2.0, 0.3), 2.5, contrast=0.5).outline()
    assert max_pairwise_distance(oval) == pytest.approx(2.5, rel=0.01)
    assert oval.mean(axis=0) == pytest.approx([3.0, 2.0], abs=0.01)
    # flat paint: full contrast inside, half on the outline (anti-aliased), nothing outside
    disc = Blob(cx=0.0, cy=0.0, radii=np.ones_like(THETA), contrast=0.4)
    assert disc.evaluate(np.array([0.0, 1.0, 2.0]), np.zeros(3), 0.05) == pytest.approx([0.4, 0.2, 0.0])
    rod = Stroke(points=np.array([[0.0, 0.0], [4.0, 0.0]]), widths=np.array([0.5]), contrast=0.6)
    xs, ys = np.array([2.0, 2.0, 2.0, 4.1, 4.5]), np.array([0.0, 0.25, 1.0, 0.0, 0.0])
    assert rod.evaluate(xs, ys, 0.05) == pytest.approx([0.6, 0.3, 0.0, 0.6, 0.0])  # round caps
    particle = measured_particle("rod", [rod])
    assert particle.size_mm == pytest.approx(4.5, abs=0.01) and particle.width_mm == pytest.approx(0.5, abs=0.01)
    assert particle.centre == pytest.approx((2.0, 0.0)) and particle.angle_deg == 0.0 and particle.contrast == 0.6


def test_different_seeds_give_different_images_and_layouts():
    a = make_patch("punctate", "grouped", seed=1)
    b = make_patch("punctate", "grouped", seed=2)
    assert not np.array_equal(a.image, b.image)
    assert [p.centre for p in a.particles] != [p.centre for p in b.particles]


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_in_every_pattern_is_a_valid_image(shape):
    for pattern in PATTERNS:
        patch = make_patch(shape, pattern, seed=11)
        side = round(DEFAULT_FIELD_MM / PIXEL_MM)
        assert patch.image.shape == (side, side)
        assert patch.image.dtype == np.float64
        assert np.isfinite(patch.image).all()
        assert patch.image.min() >= 0.0 and patch.image.max() <= 1.0
        assert patch.particles, f"{shape}/{pattern} drew no particles"
        assert (patch.shape, patch.pattern, patch.seed) == (shape, pattern, 11)
        # calcium is white: the brightest pixels sit on the calcifications, not on the background
        assert patch.calcium.max() > 0.03


def test_default_pattern_is_the_typical_one_and_names_are_forgiving():
    assert make_patch("rim", seed=0).pattern == TYPICAL_PATTERN["rim"]
    patch = make_patch("Fine pleomorphic", "GROUPED", seed=0)
    assert (patch.shape, patch.pattern) == ("fine-pleomorphic", "grouped")


# ---------------------------------------------------------------------------------------------------------------
# shapes: each patch has the property it teaches
# ---------------------------------------------------------------------------------------------------------------
def particles_of(shape, pattern=None, seeds=SEEDS, **kw):
    """Particles of several scenes (scene_particles is make_patch's layout without the rendering)."""
    return [p for seed in seeds for p in scene_particles(shape, pattern, seed=seed, **kw)]


def test_scene_particles_are_the_particles_a_patch_draws():
    for shape, pattern in [("dystrophic", "segmental"), ("skin", "diffuse"), ("vascular", "regional")]:
        assert make_patch(shape, pattern, seed=9).particles == scene_particles(shape, pattern, seed=9)


def test_fine_pleomorphic_is_small_and_varied():
    for seed in SEEDS:
        particles = scene_particles("fine-pleomorphic", "grouped", seed=seed)
        sizes = np.array([p.size_mm for p in particles])
        aspects = np.array([p.aspect for p in particles])
        assert sizes.max() < 0.5
        assert sizes.std() / sizes.mean() > 0.15, "sizes should vary"
        assert aspects.max() / aspects.min() > 1.5, "shapes should vary (round to elongated)"
        assert len({p.kind for p in particles}) >= 3


def test_fine_linear_branching_is_thin_elongated_and_sometimes_branches():
    particles = particles_of("fine-linear-branching", "segmental") + particles_of("fine-linear-branching", "grouped")
    widths = np.array([p.width_mm for p in particles])
    aspects = np.array([p.aspect for p in particles])
    assert widths.max() < 0.5
    assert aspects.min() > 3 and np.median(aspects) > 5
    assert any(p.kind == "branching line" for p in particles)


def test_fine_linear_branching_is_elongated_in_the_magnified_image():
    blobs = bright_blobs(make_patch("fine-linear-branching", "linear", seed=2, magnification=MAGNIFICATION_VIEW),
                         threshold=0.2, coarse_mm=1.0, min_area_px=20)
    assert len(blobs) >= 3
    aspects = [length / width for length, width in blobs]
    assert np.median(aspects) > 3
    assert max(width for _, width in blobs) < 0.8  # calibre < 0.5 mm, plus blur


def test_punctate_and_round_sizes():
    punctate = particles_of("punctate", "diffuse")
    assert max(p.size_mm for p in punctate) < 0.5
    round_ = particles_of("round", "diffuse")
    assert all(0.5 <= p.size_mm <= 1.0 for p in round_)
    assert all(p.aspect < 1.6 for p in punctate + round_)  # round or oval


def test_punctate_dots_are_small_in_the_image():
    for seed in (0, 1):
        patch = make_patch("punctate", "grouped", seed=seed)
        blobs = bright_blobs(patch, threshold=0.12, coarse_mm=1.0)
        assert len(blobs) >= 5
        assert max(length for length, _ in blobs) < 0.65  # < 0.5 mm particles, widened a little by blur


def test_coarse_popcorn_is_large_dense_and_sits_in_a_faint_mass():
    particles = particles_of("coarse-popcorn", "grouped")
    assert min(p.size_mm for p in particles) > 2.0
    assert min(p.contrast for p in particles) > 0.35
    assert all(p.context for p in particles)  # the fibroadenoma outline
    patch = make_patch("coarse-popcorn", "grouped", seed=0)
    assert max(length for length, _ in bright_blobs(patch, threshold=0.2, coarse_mm=4.0)) > 2.0


def test_dystrophic_plaques_exceed_1mm_and_some_have_lucent_centres():
    particles = particles_of("dystrophic", "regional")
    assert min(p.size_mm for p in particles) > 1.0
    assert any(p.kind == "lucent-centred plaque" for p in particles)


def test_large_rods_are_thick_long_and_point_to_the_nipple():
    patch = make_patch("large-rod", "diffuse", seed=0)
    nipple = np.array([-0.6 * patch.field_mm, patch.field_mm / 2])  # off the left edge
    particles = particles_of("large-rod", "diffuse")
    assert min(p.size_mm for p in particles) >= 3.0
    assert max(p.size_mm for p in particles) <= 11.0
    assert min(p.width_mm for p in particles) >= 0.5
    misalignment = [angle_difference(p.angle_deg, np.degrees(np.arctan2(p.y_mm - nipple[1], p.x_mm - nipple[0])))
                    for p in particles]
    assert np.median(misalignment) < 10 and max(misalignment) < 30
    blobs = bright_blobs(patch, threshold=0.15, coarse_mm=3.0, min_area_px=30)
    assert sum(length >= 3.0 and width >= 0.5 for length, width in blobs) >= 0.7 * len(blobs)


def test_rim_is_a_thin_shell_round_a_lucent_centre():
    patch = make_patch("rim", "regional", seed=1)
    for p in patch.particles:
        assert p.size_mm >= 2.0 and p.width_mm < 1.0
        col, row = (int(round(float(v))) for v in patch.to_pixels(p.x_mm, p.y_mm))
        half = int(p.size_mm / 2 / patch.mm_per_pixel) + 2
        window = np.s_[max(row - half, 0):row + half + 1, max(col - half, 0):col + half + 1]
        assert patch.calcium[row, col] < 0.3 * patch.calcium[window].max()
        wall = patch.calcium[window] > 0.5 * patch.calcium[window].max()
        assert patch.image[row, col] < patch.image[window][wall].mean() - 0.1  # lucent centre, bright wall


def test_skin_specks_are_lucent_centred_in_tight_groups():
    patch = make_patch("skin", "grouped", seed=0)
    for p in patch.particles:
        col, row = (int(round(float(v))) for v in patch.to_pixels(p.x_mm, p.y_mm))
        half = int(p.size_mm / 2 / patch.mm_per_pixel) + 2
        around = patch.calcium[row - half:row + half + 1, col - half:col + half + 1]
        assert patch.calcium[row, col] < 0.75 * around.max(), "each speck should have a lucent centre"
    # each rosette is tight: every speck has a neighbour within 2 mm
    points = centres(patch)
    distances = np.sqrt(((points[:, None] - points[None]) ** 2).sum(-1)) + np.eye(len(points)) * 99
    assert distances.min(axis=1).max() < 2.0


def test_milk_of_calcium_changes_shape_between_views():
    cc = make_patch("milk-of-calcium", "grouped", seed=5, view="cc")
    lateral = make_patch("milk-of-calcium", "grouped", seed=5, view="lateral")
    assert not np.array_equal(cc.image, lateral.image)
    assert len(cc.particles) == len(lateral.particles)
    assert all(p.kind == "smudge" and p.aspect < 1.4 for p in cc.particles)
    assert all(p.kind == "crescent (teacup)" and p.aspect > 1.5 for p in lateral.particles)
    # a fluid level is horizontal: the crescents lie flat (0 degrees) in the lateral view
    assert all(angle_difference(p.angle_deg, 0.0) <= 10 for p in lateral.particles)
    # same cysts: every crescent lies within its smudge
    for smudge, crescent in zip(cc.particles, lateral.particles):
        assert np.hypot(smudge.x_mm - crescent.x_mm, smudge.y_mm - crescent.y_mm) < smudge.size_mm / 2


def test_vascular_suture_and_coarse_heterogeneous():
    vessels = particles_of("vascular", "linear")
    assert all(p.kind == "tram-track" and p.width_mm > 1.2 for p in vessels)  # two walls across a vessel
    sutures = particles_of("suture", "linear")
    assert all(p.kind == "suture with knot" and p.size_mm >= 4 for p in sutures)
    coarse = particles_of("coarse-heterogeneous", "grouped")
    assert all(0.49 <= p.size_mm <= 1.01 for p in coarse)
    points = np.array([p.centre for p in coarse])
    sizes = np.array([p.size_mm for p in coarse])
    gaps = np.sqrt(((points[:, None] - points[None]) ** 2).sum(-1)) - (sizes[:, None] + sizes[None]) / 2
    np.fill_diagonal(gaps, 99)
    assert (gaps.min(axis=1) < 0).mean() > 0.25, "coarse heterogeneous particles tend to coalesce"


def test_amorphous_is_tiny_and_faint():
    amorphous = particles_of("amorphous", "grouped")
    assert max(p.size_mm for p in amorphous) < 0.25
    assert max(p.contrast for p in amorphous) <= 0.35
    conspicuous = [p.contrast for p in particles_of("fine-pleomorphic", "grouped")]
    assert np.median([p.contrast for p in amorphous]) < np.median(conspicuous)


# ---------------------------------------------------------------------------------------------------------------
# patterns: where the particles go
# ---------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("shape", ["punctate", "fine-pleomorphic", "amorphous", "coarse-popcorn", "skin", "rim"])
def test_grouped_is_at_least_five_within_a_small_area(shape):
    for seed in SEEDS:
        points = centres(scene_particles(shape, "grouped", seed=seed))
        assert len(points) >= 5
        assert max_pairwise_distance(points) <= 20.0
        near = np.hypot(*(points - np.median(points, axis=0)).T) <= 5.0
        assert near.mean() >= 0.8, "most particles within a 10 mm circle"


@pytest.mark.parametrize("shape", ["punctate", "round", "dystrophic"])
def test_regional_is_wider_than_20mm_and_not_a_line(shape):
    for seed in SEEDS:
        points = centres(scene_particles(shape, "regional", seed=seed))
        assert max_pairwise_distance(points) > 20.0
        along, across = principal_spreads(points)
        assert across > 0.3 * along


@pytest.mark.parametrize("shape", ["punctate", "fine-pleomorphic", "fine-linear-branching", "vascular"])
def test_linear_particles_fit_a_straight_line(shape):
    for seed in SEEDS:
        points = centres(scene_particles(shape, "linear", seed=seed))
        assert len(points) >= 3
        along, across = principal_spreads(points)
        assert across < 0.1 * along


@pytest.mark.parametrize("shape", ["punctate", "fine-linear-branching", "amorphous"])
def test_segmental_fans_out_from_an_apex_towards_the_nipple(shape):
    for seed in SEEDS:
        points = centres(scene_particles(shape, "segmental", seed=seed))
        x = points[:, 0]
        near_third, far_third = np.percentile(x, [33, 67])
        proximal, distal = points[x <= near_third], points[x >= far_third]
        assert distal[:, 1].std() > 1.8 * proximal[:, 1].std(), "a triangle widening away from the apex"
        assert x.min() < 0.25 * DEFAULT_FIELD_MM, "the apex points to the nipple (left edge)"


@pytest.mark.parametrize("shape", ["punctate", "round", "large-rod"])
def test_diffuse_covers_the_whole_field(shape):
    for seed in SEEDS:
        points = centres(scene_particles(shape, "diffuse", seed=seed))
        cells = {(int(x // (DEFAULT_FIELD_MM / 3)), int(y // (DEFAULT_FIELD_MM / 3))) for x, y in points}
        assert len(cells) >= 7


# ---------------------------------------------------------------------------------------------------------------
# magnification views
# ---------------------------------------------------------------------------------------------------------------
def test_magnification_scales_pixels_and_field_and_keeps_the_scene():
    plain = make_patch("fine-pleomorphic", "grouped", seed=4)
    magnified = make_patch("fine-pleomorphic", "grouped", seed=4, magnification=1.8)
    assert plain.mm_per_pixel == PIXEL_MM
    assert magnified.mm_per_pixel == pytest.approx(PIXEL_MM / 1.8)
    assert magnified.view_mm == pytest.approx(plain.field_mm / 1.8)
    assert magnified.image.shape == plain.image.shape
    assert magnified.noise_sd < plain.noise_sd and magnified.blur_mm < plain.blur_mm
    # the same particles, at the same millimetre positions, centred in the view
    assert {p.centre for p in magnified.particles} <= {p.centre for p in plain.particles}
    assert len(magnified.particles) == len(plain.particles)  # the whole group fits the magnified field
    x0, y0 = magnified.origin_mm
    centre = np.array([x0 + magnified.view_mm / 2, y0 + magnified.view_mm / 2])
    assert np.hypot(*(centre - np.array(magnified.focus_mm))) < 1e-6


@pytest.mark.parametrize("shape", ["amorphous", "fine-pleomorphic"])
def test_magnification_reveals_faint_calcifications(shape):
    for seed in (0, 1, 2):
        plain = make_patch(shape, "grouped", seed=seed)
        magnified = make_patch(shape, "grouped", seed=seed, magnification=MAGNIFICATION_VIEW)
        x0, y0 = magnified.origin_mm
        window = (x0, x0 + magnified.view_mm, y0, y0 + magnified.view_mm)
        plain_mask, magnified_mask = detection_mask(plain), detection_mask(magnified)
        assert detected_particles(magnified, magnified_mask, window) > detected_particles(plain, plain_mask, window)
        assert components_in(magnified, magnified_mask, window) > components_in(plain, plain_mask, window)
    if shape == "amorphous":  # near the noise floor at 1x: most are missed there, most are seen at 1.8x
        assert detected_particles(plain, plain_mask) < 0.5 * len(plain.particles)
        assert detected_particles(magnified, magnified_mask) > 0.5 * len(magnified.particles)


# ---------------------------------------------------------------------------------------------------------------
# errors for people
# ---------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, named, choices", [
    (dict(shape="foo", pattern="grouped"), "'foo'", SHAPES),
    (dict(shape="punctate", pattern="clustered"), "'clustered'", PATTERNS),
    (dict(shape="milk-of-calcium", pattern="grouped", view="mlo"), "'mlo'", ("cc", "lateral")),
])
def test_unknown_descriptor_names_the_value_and_lists_choices(kwargs, named, choices):
    with pytest.raises(ValueError) as info:
        make_patch(**kwargs)
    message = str(info.value)
    assert named in message and "choose one of" in message
    assert all(choice in message for choice in choices)


@pytest.mark.parametrize("kwargs", [dict(magnification=0.5), dict(magnification=float("nan")), dict(seed=-1),
                                    dict(seed=1.5), dict(field_mm=10.0)])
def test_bad_numbers_are_refused_with_the_value(kwargs):
    with pytest.raises(ValueError) as info:
        make_patch("punctate", "grouped", **{"seed": 0, **kwargs})
    assert repr(next(iter(kwargs.values()))) in str(info.value)


# ---------------------------------------------------------------------------------------------------------------
# rendering
# ---------------------------------------------------------------------------------------------------------------
def test_patch_figure_is_greyscale_with_a_labelled_scale_bar():
    from calcflow.figures.patches import patch_figure

    patch = make_patch("round", "diffuse", seed=0)
    fig = patch_figure(patch, scale_bar_mm=5, title="Round")
    ax = fig.axes[0]
    image = ax.get_images()[0]
    assert image.get_cmap().name == "gray" and image.get_clim() == (0.0, 1.0)
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
    assert "5 mm" in [t.get_text() for t in ax.texts]
    bar = [line for line in ax.get_lines() if np.ptp(line.get_xdata()) == pytest.approx(5.0)]
    assert bar and bar[0].get_color() == "white" and bar[0].get_path_effects()
    assert ax.get_title() == "Round"


def test_annotations_use_okabe_ito_colours():
    from matplotlib.colors import to_hex

    from calcflow.figures.patches import OKABE_ITO, magnification_pair, patch_figure

    allowed = {c.lower() for c in OKABE_ITO.values()} | {"#ffffff", "#000000"}
    figures = [magnification_pair("punctate", "grouped", seed=0),
               patch_figure(make_patch("punctate", "segmental", seed=0), show_region=True)]
    for fig in figures:
        for ax in fig.axes:
            for artist in ax.patches:
                assert to_hex(artist.get_edgecolor()) in allowed
            for line in ax.get_lines():
                assert to_hex(line.get_color()) in allowed


def test_grids_have_one_labelled_panel_per_descriptor():
    from calcflow.model.catalogue import catalogue
    from calcflow.figures.patches import descriptor_grid

    fig = descriptor_grid("pattern", seed=0)
    titles = [ax.get_title() for ax in fig.axes if ax.get_images()]
    assert titles == [catalogue().descriptor("pattern", p).label for p in PATTERNS]
    with pytest.raises(ValueError, match="choose one of: shape, pattern"):
        descriptor_grid("colour")


def test_magnification_pair_shows_both_views_with_scale_bars():
    from calcflow.figures.patches import magnification_pair

    fig = magnification_pair("amorphous", "grouped", seed=1)
    panels = [ax for ax in fig.axes if ax.get_images()]
    assert len(panels) == 2
    assert all("5 mm" in [t.get_text() for t in ax.texts] for ax in panels)
    assert "1.8" in panels[1].get_title()


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_save_figure_is_byte_identical(tmp_path, suffix):
    from calcflow.figures.patches import patch_figure
    from calcflow.figures.style import save_figure

    fig = patch_figure(make_patch("rim", "regional", seed=0), show_region=True)
    first = save_figure(fig, tmp_path / f"a{suffix}").read_bytes()
    again = patch_figure(make_patch("rim", "regional", seed=0), show_region=True)
    second = save_figure(again, tmp_path / f"b{suffix}").read_bytes()
    assert first == second and len(first) > 1000
    assert b"Matplotlib v" not in first and b"<dc:date>" not in first


def test_save_figure_refuses_other_formats(tmp_path):
    from calcflow.figures.patches import patch_figure
    from calcflow.figures.style import save_figure

    with pytest.raises(ValueError, match=r"'\.jpg'.*\.png, \.svg"):
        save_figure(patch_figure(make_patch("round", "diffuse", seed=0)), tmp_path / "x.jpg")

