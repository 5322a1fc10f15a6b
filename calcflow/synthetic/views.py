"""Whole-breast synthetic mammograms for reading practice: a cranio-caudal (CC) or medio-lateral oblique (MLO) view of
one breast with 0–3 placed calcification findings, and the ground truth of what was drawn.

`make_view(ViewSpec(seed, view, side, findings))` draws, at MM_PER_PX = 0.1 mm per pixel (a CC view of a
140 x 90 mm breast is about 1400 x 900 pixels):

- the breast outline (outline.py: a half-ellipse from the chest wall on the CC; on the MLO a taller outline running
  into the axilla, with the pectoral muscle as a bright triangle at the upper chest-wall corner), a skin line, and
  fibroglandular tissue (the patch generator's tissue texture, tissue.py) concentrated centrally, with a fatter,
  thinner periphery and fat in front of the chest wall; outside the breast the image is black;
- each finding with the patch generator's own pattern code and shape recipes (viewshapes.py for amorphous, fine
  pleomorphic and punctate, whose differences the patch recipes lose at this scale), placed by placement.py so
  that it appears in both views at the same distance behind the nipple (the CC shows outer/inner, the MLO
  upper/lower).

Resolution: the particles are drawn on a grid SUPERSAMPLE (4) times finer, 0.025 mm, averaged into each 0.1 mm
pixel (what a detector element integrates), then blurred by the imaging chain (a Gaussian of 0.05 mm: with the
pixel's own aperture the chain keeps about a fifth of the contrast at the pixel's Nyquist frequency, 5 cycles/mm;
the patch generator's 0.075 mm would keep a twenty-fifth and round every particle under 0.5 mm into the same
dot). Zoomed, fine pleomorphic particles keep their differences in size, outline and density over 2–6 pixels,
punctate dots are uniform 3–4-pixel discs, and amorphous specks (0.1–0.2 mm, soft-edged) stay faint, hazy spots
of two or three pixels, as they are at 1x in the clinic.

The ground truth of each finding (`FindingTruth`): its id, shape, pattern and position words as asked; its size
class measured from its particles as the generator's calipers measure them (the median particle's longest
dimension, or calibre for fine linear and rod-like shapes, against MICRO_BELOW_MM, on the CC view); the centre and
radius (pixels) of a circle that covers every particle; and the particles themselves (view mm). Same spec ->
byte-identical image (every random stream is seeding.keyed_rng of the seed and names).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage

from calcflow.errors import InvalidChoice
from calcflow.synthetic.constants import PATTERNS, SHAPES
from calcflow.synthetic.geometry import Particle
from calcflow.synthetic.outline import (DEPTHS, MM_PER_PX, QUADRANTS, READING_VIEWS, SIDES, Frame, breast_for,
                                        frame_for)
from calcflow.synthetic.placement import Placement, particles_at, place, scene_sites, view_sites
from calcflow.synthetic.seeding import keyed_rng
from calcflow.synthetic.tissue import tissue_view

MICRO_BELOW_MM = 0.5  # Chapman & Nakielny's micro/macro cut-off (lexicon.yaml: micro "generally < 0.5 mm")
SIZED_BY_CALIBRE = ("fine-linear-branching", "large-rod")  # the lexicon sizes these lines by their calibre
SUPERSAMPLE = 4
_BLUR_MM = 0.05  # the imaging chain's Gaussian sigma
# quantum noise: a 0.1 mm pixel collects four times the photons of a 0.05 mm one; a little less again keeps a case's
# two PNGs under 400 KB
_NOISE_SD = 0.005
_CALCIUM_CEILING = 0.7  # dense calcium saturates softly instead of clipping
_RADIUS_PAD_PX = 2.0  # the blur spreads a particle about this far beyond its outline


@dataclass(frozen=True)
class FindingSpec:
    """One finding to draw: an id, the lexicon shape and pattern, and where it lies (None for diffuse)."""

    id: str
    shape: str
    pattern: str
    quadrant: str | None = None
    depth: str | None = None


@dataclass(frozen=True)
class ViewSpec:
    """A view to draw: the case's seed (the breast, the tissue, the findings' layouts), cc or mlo, the side."""

    seed: int
    view: str = "cc"
    side: str = "left"
    findings: tuple[FindingSpec, ...] = ()


@dataclass(frozen=True)
class FindingTruth:
    """What the generator drew for one finding in one view (centre and radius in pixels, particles in view mm)."""

    id: str
    shape: str
    pattern: str
    size: str
    quadrant: str | None
    depth: str | None
    centre: tuple[float, float]
    radius: float
    particles: tuple[Particle, ...] = field(repr=False)


@dataclass(frozen=True, eq=False)
class View:
    """A rendered reading view. `image` is 2-D float64 in [0, 1], white = dense; pixel (col, row) covers view mm
    [col, col + 1) x [row, row + 1) times mm_per_px. `nipple` is the nipple's (x, y) in pixels."""

    image: np.ndarray = field(repr=False)
    mm_per_px: float
    view: str
    side: str
    seed: int
    findings: tuple[FindingTruth, ...]
    nipple: tuple[float, float]
    frame: Frame = field(repr=False)

    @property
    def particles(self) -> tuple[Particle, ...]:
        return tuple(p for f in self.findings for p in f.particles)

    def to_pixels(self, x_mm, y_mm):
        """View mm -> (column, row) pixel coordinates (fractional; integers at pixel centres)."""
        return np.asarray(x_mm) / self.mm_per_px - 0.5, np.asarray(y_mm) / self.mm_per_px - 0.5


def size_class(shape: str, particles: tuple[Particle, ...]) -> str:
    """micro or macro: the median particle's longest caliper width (calibre for SIZED_BY_CALIBRE shapes) against
    MICRO_BELOW_MM."""
    values = sorted(p.width_mm if shape in SIZED_BY_CALIBRE else p.size_mm for p in particles)
    return "micro" if values and values[len(values) // 2] < MICRO_BELOW_MM else "macro"


def _checked(spec: ViewSpec) -> None:
    def one_of(what, value, valid):
        if value not in valid:
            raise InvalidChoice(what, value, list(valid))

    one_of("view", spec.view, READING_VIEWS)
    one_of("side", spec.side, SIDES)
    if isinstance(spec.seed, bool) or not isinstance(spec.seed, (int, np.integer)) or spec.seed < 0:
        raise ValueError(f"seed must be a non-negative whole number (got {spec.seed!r})")
    if len({f.id for f in spec.findings}) != len(spec.findings):
        raise ValueError(f"finding ids must differ (got {[f.id for f in spec.findings]})")
    for f in spec.findings:
        one_of("shape", f.shape, SHAPES)
        one_of("pattern", f.pattern, PATTERNS)
        if (f.pattern == "diffuse") != (f.quadrant is None and f.depth is None):
            raise ValueError(f"finding {f.id!r}: a diffuse finding has no quadrant or depth, any other needs both")
        if f.quadrant is not None:
            one_of("quadrant", f.quadrant, QUADRANTS)
            one_of("depth", f.depth, DEPTHS)


def _placements(spec: ViewSpec, frames: tuple[Frame, ...]) -> list[tuple[FindingSpec, list, Placement]]:
    """Every finding's scene sites and place, in the spec's order (each clear of those before it)."""
    breast = frames[0].breast
    placed, taken = [], []
    for f in spec.findings:
        sites = scene_sites(spec.seed, f.id, f.shape, f.pattern)
        where = place(spec.seed, f.id, f.shape, f.quadrant, f.depth, sites, breast, frames, taken)
        placed.append((f, sites, where))
    return placed


def _binned(values: np.ndarray) -> np.ndarray:
    """Average SUPERSAMPLE x SUPERSAMPLE blocks of the fine grid into pixels."""
    rows, cols = values.shape[0] // SUPERSAMPLE, values.shape[1] // SUPERSAMPLE
    return values.reshape(rows, SUPERSAMPLE, cols, SUPERSAMPLE).mean(axis=(1, 3))


def _draw(particles: tuple[Particle, ...], shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """The calcium (lobes of a particle add up, then dense calcium saturates softly) and the context layer (the
    faint soft tissue drawn round some particles: where brighter ones overlap the brightest wins, likewise the
    darkest), each averaged from the fine grid into pixels."""
    calcium, brighter, darker = np.zeros(shape), np.zeros(shape), np.zeros(shape)
    fine = MM_PER_PX / SUPERSAMPLE
    for p in particles:
        x0, y0, x1, y1 = p.bbox()
        c0, c1 = max(0, math.floor(x0 / MM_PER_PX) - 1), min(shape[1], math.ceil(x1 / MM_PER_PX) + 1)
        r0, r1 = max(0, math.floor(y0 / MM_PER_PX) - 1), min(shape[0], math.ceil(y1 / MM_PER_PX) + 1)
        if r0 >= r1 or c0 >= c1:
            continue
        xs = ((c0 * SUPERSAMPLE + np.arange((c1 - c0) * SUPERSAMPLE) + 0.5) * fine)[None, :]
        ys = ((r0 * SUPERSAMPLE + np.arange((r1 - r0) * SUPERSAMPLE) + 0.5) * fine)[:, None]
        calcium[r0:r1, c0:c1] += _binned(sum(q.evaluate(xs, ys, fine) for q in p.primitives))
        for q in p.context:
            value = _binned(np.broadcast_to(q.evaluate(xs, ys, fine), (ys.size, xs.size)))
            layer = brighter if q.contrast > 0 else darker
            combine = np.maximum if q.contrast > 0 else np.minimum
            combine(layer[r0:r1, c0:c1], value, out=layer[r0:r1, c0:c1])
    saturated = _CALCIUM_CEILING * (1.0 - np.exp(-calcium / _CALCIUM_CEILING))
    return saturated, brighter + darker


def calcium_layer(particles: tuple[Particle, ...], shape: tuple[int, int]) -> np.ndarray:
    """What the particles add to a view of `shape` (rows, cols) before the noise: their calcium and context, drawn
    on the fine grid, averaged into pixels and blurred by the imaging chain."""
    calcium, context = _draw(particles, shape)
    return ndimage.gaussian_filter(calcium + context, _BLUR_MM / MM_PER_PX)


def _smoothstep(x):
    x = np.clip(x, 0.0, 1.0)
    return x * x * (3.0 - 2.0 * x)


def _fft_friendly(n: int) -> int:
    """The smallest number >= n with no prime factor above 5 (the tissue's FFTs are quick on those)."""
    while True:
        m = n
        for p in (2, 3, 5):
            while m % p == 0:
                m //= p
        if m == 1:
            return n
        n += 1


def _tissue(frame: Frame, seed: int) -> np.ndarray:
    """The patch generator's tissue texture over the view, at its own 0.1 mm grid. Both views of a case crop one
    square field (computed once, cached by tissue.py); the CC takes it turned half round, so the views differ."""
    cc, mlo = (frame_for(frame.breast, v, frame.side) for v in READING_VIEWS)
    npx = _fft_friendly(max(cc.rows, cc.cols, mlo.rows, mlo.cols) + 8) - 8  # tissue.py pads 4 cells a side
    square = tissue_view(seed, npx * MM_PER_PX, 0.0, 0.0, MM_PER_PX, npx)
    if frame.view == "cc":
        square = square[::-1, ::-1]
    return square[:frame.rows, :frame.cols]


def background(frame: Frame, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The breast without calcifications, and its mask. Glandular texture fades towards the skin (subcutaneous fat)
    and the chest wall (retroglandular fat); the compressed breast thins towards its edge, so the periphery is
    darker; the skin is a slightly denser line; the pectoral muscle (MLO) is bright and smooth."""
    mask = frame.mask()
    skin_depth = ndimage.distance_transform_edt(mask) * MM_PER_PX
    xs, _ = frame.pixel_centres()
    chest = frame.chest_distance(xs)
    gland = frame.breast.density * _smoothstep((skin_depth - 4.0) / 22.0) * _smoothstep((chest - 4.0) / 22.0)
    thickness = 0.55 + 0.45 * _smoothstep(skin_depth / 14.0)
    texture = _tissue(frame, seed) - 0.2  # tissue.py's values start at 0.2 (pure fat)
    image = thickness * (0.12 + (0.2 + 0.95 * gland) * texture)
    image += 0.07 * np.exp(-(skin_depth / 0.9) ** 2)
    # the muscle hides the tissue behind it: smooth, bright, a little brighter towards the corner
    muscle = ndimage.gaussian_filter(frame.pectoral_mask(), 0.6 / MM_PER_PX)
    muscle_level = 0.47 + 0.06 * _smoothstep(1.0 - chest / 40.0) + 0.15 * texture
    image = (1.0 - muscle) * image + muscle * muscle_level
    return np.where(mask, image, 0.0), mask


def _truth(f: FindingSpec, particles: tuple[Particle, ...], size: str) -> FindingTruth:
    if not particles:
        raise ValueError(f"finding {f.id!r} ({f.shape}, {f.pattern}) has no particles inside the breast")
    corners = np.array([c for p in particles for c in _corners(p.bbox())]) / MM_PER_PX - 0.5
    centre = (corners.min(axis=0) + corners.max(axis=0)) / 2
    radius = float(np.hypot(*(corners - centre).T).max()) + _RADIUS_PAD_PX
    return FindingTruth(id=f.id, shape=f.shape, pattern=f.pattern, size=size, quadrant=f.quadrant, depth=f.depth,
                        centre=(float(centre[0]), float(centre[1])), radius=radius, particles=particles)


def _corners(box):
    x0, y0, x1, y1 = box
    return ((x0, y0), (x1, y0), (x0, y1), (x1, y1))


def finding_particles(spec: ViewSpec) -> dict[str, tuple[Particle, ...]]:
    """Each finding's particles in the spec's view, by finding id (no image is drawn)."""
    _checked(spec)
    frames = tuple(frame_for(breast_for(spec.seed), v, spec.side) for v in READING_VIEWS)
    frame = frames[READING_VIEWS.index(spec.view)]
    return {f.id: particles_at(view_sites(sites, where, frame, spec.seed, f.id, f.shape), spec.seed, f.id,
                               f.shape, f.pattern, spec.view)
            for f, sites, where in _placements(spec, frames)}


def view_truths(spec: ViewSpec) -> tuple[FindingTruth, ...]:
    """The ground truth of every finding in the spec's view, as `make_view` gives it, without drawing the image."""
    drawn = finding_particles(spec)
    on_cc = drawn if spec.view == "cc" else finding_particles(ViewSpec(spec.seed, "cc", spec.side, spec.findings))
    return tuple(_truth(f, drawn[f.id], size_class(f.shape, on_cc[f.id])) for f in spec.findings)


def view_size(spec: ViewSpec) -> tuple[int, int]:
    """The spec's view in pixels: (width, height), without drawing it."""
    frame = frame_for(breast_for(spec.seed), spec.view, spec.side)
    return frame.cols, frame.rows


def make_view(spec: ViewSpec) -> View:
    """Draw one view of a reading case, with the ground truth of every finding (see the module's docstring)."""
    frame = frame_for(breast_for(spec.seed), spec.view, spec.side)
    truths = view_truths(spec)
    tissue, mask = background(frame, spec.seed)
    image = tissue + calcium_layer(tuple(p for t in truths for p in t.particles), (frame.rows, frame.cols))
    noise = keyed_rng(spec.seed, "reading", "noise", spec.view, spec.side).standard_normal(image.shape)
    image = np.where(mask, np.clip(image + _NOISE_SD * noise, 0.0, 1.0), 0.0)
    nx, ny = frame.nipple_mm
    return View(image=image, mm_per_px=MM_PER_PX, view=spec.view, side=spec.side, seed=int(spec.seed),
                findings=truths, nipple=(nx / MM_PER_PX - 0.5, ny / MM_PER_PX - 0.5), frame=frame)
