"""Seeded synthetic mammogram patches that show each BI-RADS calcification descriptor.

Nothing here comes from a real image: a patch is a fibroglandular-looking background (filtered noise) with bright
calcium particles drawn from geometry that follows the lexicon. The *shape* (morphology) decides each particle's
geometry; the *pattern* (distribution) decides where the particles go. Both are independent, so every shape can be
shown in every pattern.

Coordinates are millimetres in the "scene": x to the right, y downwards (image rows), origin at the top-left corner
of the full field. The nipple lies off the **left** edge; ducts, rods and segments point towards it.

A magnification view (`magnification=1.8`) re-renders the same scene (same particles in mm) at a finer pixel scale,
with less noise and a sharper blur, centred on the finding, over a field `field_mm / magnification` wide. Faint
particles (each has a `contrast`) that sink into the noise at 1x stand out at 1.8x, as in clinical practice.

Same arguments -> byte-identical arrays: every random stream is `numpy.random.default_rng` keyed by the seed and by
CRC-32 checksums of the descriptor names (never Python's per-process `hash()`).
"""
from __future__ import annotations

import functools
import math
import zlib
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np
from scipy import ndimage
from scipy.spatial import cKDTree

from calcflow.errors import InvalidChoice

PIXEL_MM = 0.05  # mm per pixel at magnification 1.0 (a typical full-field digital detector: 50 µm)
DEFAULT_FIELD_MM = 30.0  # wide enough for a regional (> 20 mm) distribution
MIN_FIELD_MM = 25.0  # below this a regional distribution (> 20 mm) cannot fit
MAX_FIELD_MM = 60.0
MAGNIFICATION_VIEW = 1.8  # the usual air-gap magnification factor (clinical facts §5.1)

SHAPES = ("skin", "vascular", "coarse-popcorn", "large-rod", "round", "punctate", "rim", "dystrophic",
          "milk-of-calcium", "suture", "amorphous", "coarse-heterogeneous", "fine-pleomorphic",
          "fine-linear-branching")
PATTERNS = ("diffuse", "regional", "grouped", "linear", "segmental")
VIEWS = ("cc", "lateral")

# The pattern each shape is most often taught with (used for the descriptor grid and as a default).
TYPICAL_PATTERN = {
    "skin": "grouped", "vascular": "linear", "coarse-popcorn": "grouped", "large-rod": "diffuse",
    "round": "diffuse", "punctate": "grouped", "rim": "regional", "dystrophic": "regional",
    "milk-of-calcium": "grouped", "suture": "linear", "amorphous": "grouped", "coarse-heterogeneous": "grouped",
    "fine-pleomorphic": "grouped", "fine-linear-branching": "segmental",
}

# Image formation. Blur and noise fall with magnification (micro focal spot, higher dose), which is the point of
# a magnification view; the exponents are tuned so faint specks cross the visibility threshold at ~1.8x.
_BLUR_MM = 0.075  # Gaussian sigma of the imaging chain at 1x
_BLUR_EXPONENT = 0.6
_NOISE_SD = 0.018  # quantum noise (image units) at 1x
_NOISE_EXPONENT = 0.75
_CALCIUM_CEILING = 0.7  # dense calcium saturates softly instead of clipping
_TISSUE_GRID_MM = 0.1  # the background is defined on this grid in the scene and resampled for each view
_TISSUE_PAD = 4
_THETA = np.linspace(0.0, 2.0 * np.pi, 256, endpoint=False)
_THETA_CLOSED = np.append(_THETA, 2.0 * np.pi)
_CALIPER_DIRECTIONS = np.stack([np.cos(np.linspace(0, np.pi, 90, endpoint=False)),
                                np.sin(np.linspace(0, np.pi, 90, endpoint=False))])


# ----------------------------------------------------------------------------------------------------------------
# Public data types
# ----------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Particle:
    """One calcification as drawn. Sizes are measured from the drawn outline, not taken from the recipe.

    centre    (x_mm, y_mm) in scene coordinates (the middle of the particle's bounding box)
    size_mm   longest dimension (maximum caliper width of the outline)
    width_mm  calibre: the stroke width for lines and rods, the shell thickness for rims, otherwise the
              narrowest caliper width of the outline
    kind      plain words for the particle's geometry, e.g. "dot", "angular", "branching line", "hollow rod"
    contrast  peak brightness added above the background before blur and noise (visibility)
    angle_deg orientation of the longest dimension, 0-180 degrees, measured from +x towards +y (image down)
    """

    centre: tuple[float, float]
    size_mm: float
    width_mm: float
    kind: str
    contrast: float
    angle_deg: float = 0.0
    primitives: tuple = field(repr=False, compare=False, default=())
    context: tuple = field(repr=False, compare=False, default=())

    @property
    def x_mm(self) -> float:
        return self.centre[0]

    @property
    def y_mm(self) -> float:
        return self.centre[1]

    @property
    def aspect(self) -> float:
        """Length over calibre: about 1 for dots, high for lines and rods."""
        return self.size_mm / self.width_mm

    def bbox(self) -> tuple[float, float, float, float]:
        boxes = np.array([p.bbox() for p in self.primitives + self.context])
        return (float(boxes[:, 0].min()), float(boxes[:, 1].min()), float(boxes[:, 2].max()),
                float(boxes[:, 3].max()))


@dataclass(frozen=True, eq=False)
class Patch:
    """A rendered synthetic mammogram patch. `image` is 2-D, float64, in [0, 1], white = calcium.

    `particles` are the Particles drawn in this view (a tuple; positions in scene mm, `to_pixels` maps them).
    field_mm is the scene's field (as requested); the view actually shown is `view_mm` wide, starting at
    `origin_mm` (scene coordinates of the top-left corner). At magnification 1 the view is the whole field.
    `calcium` is the noise-free, blurred calcium layer of the same view (what an ideal detector would see).
    `region_mm` is a polygon (N x 2, scene mm) around the distribution, for teaching outlines.
    """

    image: np.ndarray
    mm_per_pixel: float
    particles: tuple[Particle, ...]
    shape: str
    pattern: str
    seed: int
    magnification: float
    field_mm: float
    view: str
    view_mm: float
    origin_mm: tuple[float, float]
    focus_mm: tuple[float, float]
    region_mm: np.ndarray = field(repr=False)
    calcium: np.ndarray = field(repr=False)
    blur_mm: float = 0.0
    noise_sd: float = 0.0

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) in scene mm, for `imshow(..., extent=patch.extent)` (y runs downwards)."""
        x0, y0 = self.origin_mm
        return (x0, x0 + self.view_mm, y0 + self.view_mm, y0)

    def to_pixels(self, x_mm, y_mm):
        """Scene millimetres -> (column, row) pixel coordinates of this view (fractional)."""
        x0, y0 = self.origin_mm
        return ((np.asarray(x_mm) - x0) / self.mm_per_pixel - 0.5, (np.asarray(y_mm) - y0) / self.mm_per_pixel - 0.5)


# ----------------------------------------------------------------------------------------------------------------
# Drawing primitives (scene mm). Each evaluates its brightness on a local pixel grid with an anti-aliased edge.
# ----------------------------------------------------------------------------------------------------------------
def _profile(kind: str, t: np.ndarray, scale: np.ndarray | float, edge: float, hole: float, inner: float):
    """Brightness across a particle. t = radial position (0 centre/axis, 1 edge), scale = radius in mm."""
    if kind == "flat":
        return 1.0
    if kind == "dome":  # projected thickness of a sphere or cylinder, with a floor so small ones stay solid
        return 0.45 + 0.55 * np.sqrt(1.0 - t * t)
    if kind == "shell":  # projected thickness of a hollow sphere/cylinder: brightest just outside the hole
        outer = np.sqrt(1.0 - t * t)
        inside = np.sqrt(np.clip(hole * hole - t * t, 0.0, None))
        return np.clip((outer - inside) / math.sqrt(1.0 - hole * hole), 0.0, 1.0)
    if kind == "ring":  # a solid wall round a lucent centre
        ramp = np.clip((t - hole) * scale / edge + 0.5, 0.0, 1.0)
        return inner + (1.0 - inner) * ramp
    raise AssertionError(kind)


@dataclass(frozen=True, kw_only=True)
class _Paint:
    """How a primitive is filled: peak contrast, radial profile and edge softness (mm)."""

    contrast: float
    profile: str = "flat"
    hole: float = 0.0
    inner: float = 0.0
    softness: float = 0.0

    def _shade(self, distance: np.ndarray, radius, mpp: float) -> np.ndarray:
        """Coverage x profile at `distance` from the centre/axis of a part `radius` mm across (no contrast)."""
        edge = max(mpp, self.softness)
        coverage = np.clip(0.5 - (distance - radius) / edge, 0.0, 1.0)
        t = np.clip(distance / radius, 0.0, 1.0)
        return coverage * _profile(self.profile, t, radius, edge, self.hole, self.inner)

    def bbox(self):
        pts = self.outline()
        pad = self.softness
        return (pts[:, 0].min() - pad, pts[:, 1].min() - pad, pts[:, 0].max() + pad, pts[:, 1].max() + pad)


@dataclass(frozen=True, kw_only=True)
class _Blob(_Paint):
    """A star-shaped outline: radius r(theta) tabulated on _THETA (scene orientation) round a centre."""

    cx: float
    cy: float
    radii: np.ndarray

    def outline(self) -> np.ndarray:
        return np.column_stack([self.cx + self.radii * np.cos(_THETA), self.cy + self.radii * np.sin(_THETA)])

    def evaluate(self, xs: np.ndarray, ys: np.ndarray, mpp: float) -> np.ndarray:
        dx, dy = xs - self.cx, ys - self.cy
        theta = np.mod(np.arctan2(dy, dx), 2.0 * np.pi)
        r = np.interp(theta, _THETA_CLOSED, np.append(self.radii, self.radii[0]))
        return self.contrast * self._shade(np.hypot(dx, dy), r, mpp)


@dataclass(frozen=True, kw_only=True)
class _Stroke(_Paint):
    """A polyline with round caps; `widths` has one entry per segment (irregular calibre)."""

    points: np.ndarray
    widths: np.ndarray

    def outline(self) -> np.ndarray:
        ring = np.column_stack([np.cos(_THETA[::16]), np.sin(_THETA[::16])])
        pts = [p + ring * (w / 2) for p, w in zip(self.points[:-1], self.widths)]
        pts += [p + ring * (w / 2) for p, w in zip(self.points[1:], self.widths)]
        return np.concatenate(pts)

    def evaluate(self, xs: np.ndarray, ys: np.ndarray, mpp: float) -> np.ndarray:
        out = None
        for (px, py), (qx, qy), width in zip(self.points[:-1], self.points[1:], self.widths):
            vx, vy = qx - px, qy - py
            s = np.clip(((xs - px) * vx + (ys - py) * vy) / max(vx * vx + vy * vy, 1e-12), 0.0, 1.0)
            value = self._shade(np.hypot(xs - (px + s * vx), ys - (py + s * vy)), width / 2, mpp)
            out = value if out is None else np.maximum(out, value)
        return self.contrast * out


def _caliper_spans(points: np.ndarray) -> np.ndarray:
    """Caliper widths of a point set in 90 directions (0, 2, ..., 178 degrees)."""
    proj = points @ _CALIPER_DIRECTIONS
    return proj.max(axis=0) - proj.min(axis=0)


def _calipers(points: np.ndarray) -> tuple[float, float]:
    """(longest, narrowest) caliper widths of a point set."""
    spans = _caliper_spans(points)
    return float(spans.max()), float(spans.min())


def _particle(kind: str, primitives: Sequence, context: Sequence = (), width_mm: float | None = None) -> Particle:
    """Wrap primitives as a Particle, measuring its size (and calibre, unless given) from the drawn outline."""
    pts = np.concatenate([p.outline() for p in primitives])
    spans = _caliper_spans(pts)
    longest, narrowest = float(spans.max()), float(spans.min())
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    centre = (float((lo[0] + hi[0]) / 2), float((lo[1] + hi[1]) / 2))
    width = narrowest if width_mm is None else float(width_mm)
    return Particle(centre=centre, size_mm=longest, width_mm=width, kind=kind,
                    contrast=float(max(p.contrast for p in primitives)), angle_deg=2.0 * float(np.argmax(spans)),
                    primitives=tuple(primitives), context=tuple(context))


# ----------------------------------------------------------------------------------------------------------------
# Outline recipes
# ----------------------------------------------------------------------------------------------------------------
def _ellipse_radii(aspect: float, angle: float) -> np.ndarray:
    """Unit-area-ish ellipse radii (semi-axes 1 and 1/aspect) rotated by angle."""
    c, s = np.cos(_THETA - angle), np.sin(_THETA - angle)
    return 1.0 / np.sqrt(c * c + (s * aspect) ** 2)


def _wobbly_radii(rng: np.random.Generator, aspect: float, angle: float, roughness: float,
                  harmonics: int = 6) -> np.ndarray:
    """An ellipse with a random Fourier wobble (0 = smooth)."""
    radii = _ellipse_radii(aspect, angle)
    wobble = np.ones_like(_THETA)
    for k in range(2, harmonics + 1):
        wobble += roughness * rng.normal() / k * np.cos(k * _THETA + rng.uniform(0, 2 * np.pi))
    return radii * np.clip(wobble, 0.4, None)


def _polygon_radii(vertices: np.ndarray) -> np.ndarray:
    """r(theta) of a polygon that is star-shaped about the origin (vertices in angular order)."""
    ang = np.mod(np.arctan2(vertices[:, 1], vertices[:, 0]), 2 * np.pi)
    order = np.argsort(ang)
    vertices, ang = vertices[order], ang[order]
    idx = np.searchsorted(ang, _THETA, side="right") - 1  # edge from vertex idx to idx+1 (wrapping)
    p = vertices[idx % len(vertices)]
    q = vertices[(idx + 1) % len(vertices)]
    u = np.column_stack([np.cos(_THETA), np.sin(_THETA)])
    e = q - p
    cross = lambda a, b: a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]  # noqa: E731
    return cross(p, e) / cross(u, e)


def _random_polygon_radii(rng: np.random.Generator, n_vertices: int, jitter: float) -> np.ndarray:
    angles = np.sort(rng.uniform(0, 2 * np.pi) + 2 * np.pi * (np.arange(n_vertices)
                                                              + rng.uniform(-0.25, 0.25, n_vertices)) / n_vertices)
    radii = 1.0 + jitter * rng.uniform(-1, 1, n_vertices)
    return _polygon_radii(np.column_stack([radii * np.cos(angles), radii * np.sin(angles)]))


def _sized_blob(cx, cy, unit_radii, size_mm, **kw) -> _Blob:
    """Scale a unit outline so its longest dimension is exactly size_mm."""
    unit = _Blob(cx=0.0, cy=0.0, radii=unit_radii, contrast=1.0)
    longest, _ = _calipers(unit.outline())
    return _Blob(cx=cx, cy=cy, radii=unit_radii * (size_mm / longest), **kw)


def _direction(angle: float) -> np.ndarray:
    return np.array([math.cos(angle), math.sin(angle)])


def _wiggly_line(rng, start: np.ndarray, angle: float, length: float, n_segments: int, turn_sd: float):
    """Points of a polyline of total length `length` whose heading wanders by turn_sd per segment."""
    pts = [np.asarray(start, float)]
    heading = angle
    for _ in range(n_segments):
        heading += rng.normal(0, turn_sd)
        pts.append(pts[-1] + _direction(heading) * (length / n_segments))
    return np.array(pts)


def _centred_line(rng, cx, cy, angle, length, n_segments, turn_sd):
    pts = _wiggly_line(rng, (0.0, 0.0), angle, length, n_segments, turn_sd)
    return pts - (pts[0] + pts[-1]) / 2 + np.array([cx, cy])


# ----------------------------------------------------------------------------------------------------------------
# Shapes: each turns one site (position, local direction, run length along a path) into particles.
# ----------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Site:
    x: float
    y: float
    angle: float  # local direction (of the duct, vessel or line); only its orientation matters
    run: float | None = None  # length available along a path (linear / segmental patterns)


def _skin(rng, site, view):
    # a tight rosette of pore-sized, polygonal, lucent-centred specks
    n = int(rng.integers(3, 7))
    out, placed = [], []
    for _ in range(n):
        for _attempt in range(20):
            offset = rng.uniform(0, 1.5) * _direction(rng.uniform(0, 2 * np.pi))
            if all(np.hypot(*(offset - o)) > 0.9 for o in placed):
                break
        placed.append(offset)
        size = rng.uniform(0.6, 1.1)
        blob = _sized_blob(site.x + offset[0], site.y + offset[1],
                           _random_polygon_radii(rng, int(rng.integers(5, 8)), 0.15), size,
                           contrast=rng.uniform(0.3, 0.45), profile="ring", hole=rng.uniform(0.55, 0.7),
                           inner=0.12, softness=0.02)
        out.append(_particle("lucent-centred speck", [blob]))
    return out


def _vascular(rng, site, view):
    # two parallel, beaded walls of an artery with the faint soft-tissue tube between them
    length = site.run if site.run else rng.uniform(4.0, 8.0)
    half_calibre = rng.uniform(0.7, 1.2)
    centre = _centred_line(rng, site.x, site.y, site.angle + rng.normal(0, 0.05), length, 4, 0.05)
    tangents = np.gradient(centre, axis=0)
    normals = np.column_stack([-tangents[:, 1], tangents[:, 0]])
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    walls = []
    for side in (-1.0, 1.0):
        wall = centre + side * half_calibre * normals
        seg_lengths = np.linalg.norm(np.diff(wall, axis=0), axis=1)
        arc = np.concatenate([[0.0], np.cumsum(seg_lengths)])
        position = rng.uniform(0, 0.3)
        while position < arc[-1]:  # granular: short dashes with small gaps
            dash = rng.uniform(0.8, 2.0)
            stop = min(position + dash, arc[-1])
            s = np.linspace(position, stop, 3)
            pts = np.column_stack([np.interp(s, arc, wall[:, 0]), np.interp(s, arc, wall[:, 1])])
            if rng.uniform() > 0.08:
                walls.append(_Stroke(points=pts, widths=rng.uniform(0.18, 0.32, 2),
                                     contrast=rng.uniform(0.35, 0.55),
                                     softness=0.02))
            position = stop + rng.uniform(0.05, 0.35)
    if not walls:
        walls.append(_Stroke(points=centre[:2] + half_calibre * normals[:2], widths=np.array([0.25]),
                             contrast=0.4))
    tube = _Stroke(points=centre, widths=np.full(len(centre) - 1, 2 * half_calibre + 0.2), contrast=0.05,
                   softness=0.4)
    return [_particle("tram-track", walls, context=[tube])]


def _coarse_popcorn(rng, site, view):
    # a dense clump of overlapping lobes inside the faint oval of an involuting fibroadenoma
    size = rng.uniform(2.6, 4.5)
    n_lobes = int(rng.integers(3, 7))
    lobes = []
    for _ in range(n_lobes):
        r = rng.uniform(0.3, 0.55)
        offset = rng.uniform(0, 1.0 - r) * _direction(rng.uniform(0, 2 * np.pi))
        lobes.append((offset, r * _wobbly_radii(rng, rng.uniform(1.0, 1.5), rng.uniform(0, np.pi), 0.25)))
    unit_pts = np.concatenate([o + np.column_stack([r * np.cos(_THETA), r * np.sin(_THETA)]) for o, r in lobes])
    scale = size / _calipers(unit_pts)[0]
    centre = (unit_pts.max(axis=0) + unit_pts.min(axis=0)) / 2
    blobs = [_Blob(cx=site.x + (o[0] - centre[0]) * scale, cy=site.y + (o[1] - centre[1]) * scale,
                   radii=r * scale,
                   contrast=rng.uniform(0.4, 0.55), profile="dome", softness=0.03) for o, r in lobes]
    mass_radius = size / 2 + rng.uniform(1.5, 2.5)
    mass = _Blob(cx=site.x, cy=site.y,
                 radii=mass_radius * _wobbly_radii(rng, rng.uniform(1.1, 1.4), rng.uniform(0, np.pi),
                                                             0.04),
                 contrast=0.07, softness=0.35)
    return [_particle("popcorn clump", blobs, context=[mass])]


def _large_rod(rng, site, view):
    # thick smooth rods along the duct, pointing to the nipple; some hollow, some broken, a few branching
    length = float(np.clip(site.run * rng.uniform(0.75, 0.95), 3.2, 9.5)) if site.run else rng.uniform(3.5, 9.5)
    width = rng.uniform(0.6, 1.15)
    style = rng.uniform()
    hollow = rng.uniform() < 0.3
    profile = dict(profile="shell", hole=rng.uniform(0.4, 0.55)) if hollow else dict(profile="dome")
    contrast = rng.uniform(0.5, 0.65)
    line = _centred_line(rng, site.x, site.y, site.angle + rng.normal(0, 0.06), length, 3, 0.04)
    widths = width * rng.uniform(0.92, 1.0, 3)
    if style < 0.2:  # broken rod: a short gap in the middle
        gap = rng.uniform(0.3, 0.7) / length
        mid = np.array([line[0] + (line[-1] - line[0]) * f for f in (0.5 - gap / 2, 0.5 + gap / 2)])
        look = dict(contrast=contrast, softness=0.03, **profile)
        strokes = [_Stroke(points=np.array([line[0], mid[0]]), widths=widths[:1], **look),
                   _Stroke(points=np.array([mid[1], line[-1]]), widths=widths[1:2], **look)]
        kind = "broken rod"
    else:
        strokes = [_Stroke(points=line, widths=widths, contrast=contrast, softness=0.03, **profile)]
        kind = "hollow rod" if hollow else "rod"
        if style > 0.9:
            side = np.sign(rng.uniform(-1, 1)) * rng.uniform(0.35, 0.6)
            start = line[1]
            branch = np.array([start, start + _direction(site.angle + side) * rng.uniform(1.5, 3.0)])
            strokes.append(_Stroke(points=branch, widths=np.array([width * 0.8]), contrast=contrast, softness=0.03,
                                   **profile))
            kind = "branching rod"
    return [_particle(kind, strokes, width_mm=float(np.median(np.concatenate([s.widths for s in strokes]))))]


def _round_like(rng, site, size_range, contrast_range, kind_round, kind_oval):
    size = rng.uniform(*size_range)
    aspect = 1.0 + abs(rng.normal(0, 0.15))
    blob = _sized_blob(site.x, site.y, _wobbly_radii(rng, aspect, rng.uniform(0, np.pi), 0.02), size,
                       contrast=rng.uniform(*contrast_range), profile="dome", softness=0.02)
    return [_particle(kind_oval if aspect > 1.15 else kind_round, [blob])]


def _round(rng, site, view):
    return _round_like(rng, site, (0.55, 0.98), (0.45, 0.75), "round", "oval")


def _punctate(rng, site, view):
    return _round_like(rng, site, (0.2, 0.45), (0.45, 0.75), "dot", "oval dot")


def _rim(rng, site, view):
    # an oil cyst: a thin calcified shell round a lucent (fatty) centre
    diameter = rng.uniform(2.0, 6.0)
    thickness = rng.uniform(0.2, 0.45)
    unit = _wobbly_radii(rng, rng.uniform(1.0, 1.2), rng.uniform(0, np.pi), 0.02)
    # drawn as a bright wall round a nearly clear centre: the shell seen face-on adds little calcium
    shell = _sized_blob(site.x, site.y, unit, diameter, contrast=rng.uniform(0.5, 0.65), profile="ring",
                        hole=1.0 - 2 * thickness / diameter, inner=0.12, softness=0.02)
    fat = _Blob(cx=site.x, cy=site.y, radii=shell.radii - thickness, contrast=-0.05, softness=0.2)
    return [_particle("rim (eggshell)", [shell], context=[fat], width_mm=thickness)]


def _dystrophic(rng, site, view):
    # coarse irregular plaques > 1 mm; some lucent-centred, some curved sheets (fat necrosis after surgery)
    size = rng.uniform(1.5, 5.0)
    style = rng.uniform()
    contrast = rng.uniform(0.5, 0.65)
    if style < 0.4:
        blob = _sized_blob(site.x, site.y, _wobbly_radii(rng, rng.uniform(1.0, 1.6), rng.uniform(0, np.pi), 0.35),
                           size, contrast=contrast, profile="ring", hole=rng.uniform(0.45, 0.65), inner=0.12,
                           softness=0.03)
        return [_particle("lucent-centred plaque", [blob])]
    if style < 0.75:
        blob = _sized_blob(site.x, site.y, _wobbly_radii(rng, rng.uniform(1.2, 2.2), rng.uniform(0, np.pi), 0.45),
                           size, contrast=contrast, profile="dome", softness=0.03)
        return [_particle("plaque", [blob])]
    radius = size / 2
    start = rng.uniform(0, 2 * np.pi)
    arc = np.linspace(start, start + rng.uniform(1.8, 3.2), 9)
    pts = np.column_stack([site.x + radius * np.cos(arc), site.y + radius * np.sin(arc)])
    pts += rng.normal(0, 0.06, pts.shape)
    stroke = _Stroke(points=pts, widths=rng.uniform(0.4, 0.9, len(pts) - 1), contrast=contrast, softness=0.03)
    return [_particle("curvilinear plaque", [stroke], width_mm=float(np.median(stroke.widths)))]


def _milk_of_calcium(rng, site, view):
    # sediment in a microcyst: a faint round smudge seen from above (CC), a dense "teacup" crescent from the side
    diameter = rng.uniform(0.5, 1.3)
    aspect = 1.0 + abs(rng.normal(0, 0.08))
    tilt = rng.uniform(0, np.pi)
    fill = rng.uniform(0.2, 0.45)  # fraction of the cyst's height filled with sediment
    contrast_cc, contrast_lateral = rng.uniform(0.17, 0.28), rng.uniform(0.4, 0.55)
    if view == "cc":
        blob = _sized_blob(site.x, site.y, _ellipse_radii(aspect, tilt), diameter, contrast=contrast_cc,
                           softness=0.15)
        return [_particle("smudge", [blob])]
    r = diameter / 2
    top = math.asin(1.0 - 2.0 * fill)  # y points down, so the sediment fills y > r(1 - 2 fill)
    arc = np.linspace(top, np.pi - top, 24)
    pts = np.column_stack([r * np.cos(arc), r * np.sin(arc)])
    centroid = pts.mean(axis=0)
    blob = _Blob(cx=site.x + centroid[0], cy=site.y + centroid[1], radii=_polygon_radii(pts - centroid),
                 contrast=contrast_lateral, softness=0.02)
    return [_particle("crescent (teacup)", [blob])]


def _suture(rng, site, view):
    # a calcified thread: tubular line with a knot (a small loop and two cut ends)
    length = float(np.clip(site.run * 0.9, 4.0, 10.0)) if site.run else rng.uniform(4.0, 9.0)
    width = rng.uniform(0.35, 0.55)
    contrast = rng.uniform(0.5, 0.62)
    style = dict(profile="shell", hole=0.45, softness=0.02)
    line = _centred_line(rng, site.x, site.y, site.angle + rng.normal(0, 0.1), length, 6, 0.06)
    knot_at = line[int(rng.choice([0, 3, 6]))]
    loop_r = rng.uniform(0.45, 0.7)
    loop_phase = rng.uniform(0, 2 * np.pi)
    ring = np.linspace(loop_phase, loop_phase + 2 * np.pi, 13)
    loop_centre = knot_at + _direction(site.angle + np.pi / 2) * loop_r * 0.8
    loop = np.column_stack([loop_centre[0] + loop_r * np.cos(ring), loop_centre[1] + loop_r * np.sin(ring)])
    tails = [np.array([knot_at, knot_at + _direction(site.angle + a) * rng.uniform(0.7, 1.3)])
             for a in (rng.uniform(2.0, 2.6), -rng.uniform(2.0, 2.6))]
    strokes = [_Stroke(points=line, widths=np.full(len(line) - 1, width), contrast=contrast, **style),
               _Stroke(points=loop, widths=np.full(len(loop) - 1, width), contrast=contrast, **style)]
    strokes += [_Stroke(points=t, widths=np.array([width * 0.9]), contrast=contrast, **style) for t in tails]
    return [_particle("suture with knot", strokes, width_mm=width)]


def _amorphous(rng, site, view):
    # so small and hazy that no shape can be named; many sit near the noise floor at 1x
    size = rng.uniform(0.08, 0.22)
    blob = _sized_blob(site.x, site.y, _wobbly_radii(rng, rng.uniform(1.0, 1.4), rng.uniform(0, np.pi), 0.1), size,
                       contrast=rng.uniform(0.15, 0.35), softness=rng.uniform(0.05, 0.09))
    return [_particle("hazy speck", [blob])]


def _coarse_heterogeneous(rng, site, view):
    # irregular, conspicuous 0.5–1 mm particles that tend to touch and coalesce
    out = []
    centre = np.array([site.x, site.y])
    previous = None
    for _ in range(1 + int(rng.choice([0, 0, 1, 2]))):
        size = rng.uniform(0.5, 1.0)
        if previous is not None:
            centre = previous[0] + _direction(rng.uniform(0, 2 * np.pi)) * (previous[1] + size) / 2 * rng.uniform(
                0.7, 0.95)
        blob = _sized_blob(centre[0], centre[1], _wobbly_radii(rng, rng.uniform(1.0, 1.7), rng.uniform(0, np.pi),
                                                               0.3, 7), size,
                           contrast=rng.uniform(0.5, 0.75), softness=0.02)
        out.append(_particle("irregular", [blob]))
        previous = (centre.copy(), size)
    return out


def _fine_pleomorphic(rng, site, view):
    # discrete "crushed stone" particles of varying shape and size, all < 0.5 mm
    style = rng.choice(["angular", "angular", "elongated", "dot", "irregular"])
    size = rng.uniform(0.18, 0.48)
    if style == "angular":
        unit = _random_polygon_radii(rng, int(rng.integers(3, 6)), 0.35)
    elif style == "elongated":
        unit = _wobbly_radii(rng, rng.uniform(2.0, 3.2), rng.uniform(0, np.pi), 0.15)
    elif style == "dot":
        unit = _wobbly_radii(rng, rng.uniform(1.0, 1.2), rng.uniform(0, np.pi), 0.05)
        size = min(size, rng.uniform(0.15, 0.3))
    else:
        unit = _wobbly_radii(rng, rng.uniform(1.2, 2.0), rng.uniform(0, np.pi), 0.4, 7)
    faint = rng.uniform() < 0.3
    contrast = rng.uniform(0.1, 0.18) if faint else rng.uniform(0.45, 0.75)
    blob = _sized_blob(site.x, site.y, unit, size, contrast=contrast, softness=0.02)
    return [_particle(str(style), [blob])]


def _fine_linear_branching(rng, site, view):
    # thin (< 0.5 mm), irregular, discontinuous lines along the duct, occasionally branching ("casting")
    length = max(1.0, site.run * rng.uniform(0.6, 0.9)) if site.run else rng.uniform(1.5, 4.0)
    n = int(rng.integers(3, 6))
    line = _centred_line(rng, site.x, site.y, site.angle + rng.normal(0, 0.12), length, n, 0.2)
    contrast = rng.uniform(0.1, 0.18) if rng.uniform() < 0.2 else rng.uniform(0.45, 0.7)
    strokes = [_Stroke(points=line, widths=rng.uniform(0.12, 0.32, n), contrast=contrast, softness=0.02)]
    kind = "linear"
    if rng.uniform() < 0.4:
        at = line[int(rng.integers(1, n))]
        heading = site.angle + np.sign(rng.uniform(-1, 1)) * rng.uniform(0.45, 0.9)
        branch = _wiggly_line(rng, at, heading, rng.uniform(0.6, 1.6), 2, 0.15)
        strokes.append(_Stroke(points=branch, widths=rng.uniform(0.1, 0.25, 2), contrast=contrast, softness=0.02))
        kind = "branching line"
    calibre = float(max(s.widths.max() for s in strokes))
    return [_particle(kind, strokes, width_mm=calibre)]


@dataclass(frozen=True)
class _ShapeRecipe:
    make: Callable[[np.random.Generator, _Site, str], list[Particle]]
    abundance: float  # relative number of sites in scattered patterns (1 = many small particles)
    spacing: float  # minimum distance between site centres, mm
    step: tuple[float, float]  # distance between sites along a line or duct, mm
    long_line: bool = False  # a linear pattern runs the whole field (a vessel crosses the breast)


_RECIPES: dict[str, _ShapeRecipe] = {
    "skin": _ShapeRecipe(_skin, 0.3, 3.0, (3.0, 5.0)),
    "vascular": _ShapeRecipe(_vascular, 0.25, 6.0, (3.0, 6.0), long_line=True),
    "coarse-popcorn": _ShapeRecipe(_coarse_popcorn, 0.2, 2.5, (4.0, 6.0)),
    "large-rod": _ShapeRecipe(_large_rod, 0.45, 3.0, (4.5, 9.0)),
    "round": _ShapeRecipe(_round, 0.7, 1.3, (1.2, 2.5)),
    "punctate": _ShapeRecipe(_punctate, 1.0, 0.7, (0.6, 1.5)),
    "rim": _ShapeRecipe(_rim, 0.2, 4.5, (5.0, 8.0)),
    "dystrophic": _ShapeRecipe(_dystrophic, 0.3, 3.0, (3.0, 5.0)),
    "milk-of-calcium": _ShapeRecipe(_milk_of_calcium, 0.8, 1.3, (1.2, 2.0)),
    "suture": _ShapeRecipe(_suture, 0.15, 5.0, (6.0, 10.0)),
    "amorphous": _ShapeRecipe(_amorphous, 2.0, 0.35, (0.4, 1.0)),
    "coarse-heterogeneous": _ShapeRecipe(_coarse_heterogeneous, 0.6, 1.2, (1.0, 1.8)),
    "fine-pleomorphic": _ShapeRecipe(_fine_pleomorphic, 1.5, 0.5, (0.5, 1.2)),
    "fine-linear-branching": _ShapeRecipe(_fine_linear_branching, 0.6, 2.0, (1.2, 2.6)),
}
assert tuple(_RECIPES) == SHAPES


# ----------------------------------------------------------------------------------------------------------------
# Patterns: where the sites go. Each returns (sites, focus, region polygon).
# ----------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Layout:
    sites: list[_Site]
    focus: tuple[float, float]
    region: np.ndarray


def _nipple(field_mm: float) -> np.ndarray:
    return np.array([-0.6 * field_mm, field_mm / 2])


def _toward_nipple_angle(rng, x, y, field_mm):
    nx, ny = _nipple(field_mm)
    return math.atan2(y - ny, x - nx) + rng.normal(0, 0.1)


def _spaced(rng, candidates: Callable[[], np.ndarray], n: int, spacing: float, forced=()) -> np.ndarray:
    """Up to n points from a sampler, keeping `spacing` apart when possible (never fewer than n)."""
    points = [np.asarray(p, float) for p in forced]
    attempts = 0
    while len(points) < n:
        p = candidates()
        attempts += 1
        if attempts > 40 * n or all(np.hypot(*(p - q)) >= spacing for q in points):
            points.append(p)
    return np.array(points)


def _circle_polygon(cx, cy, rx, ry=None, angle=0.0, n=96) -> np.ndarray:
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    ry = rx if ry is None else ry
    x, y = rx * np.cos(t), ry * np.sin(t)
    c, s = math.cos(angle), math.sin(angle)
    return np.column_stack([cx + c * x - s * y, cy + s * x + c * y])


def _convex_hull(points: np.ndarray) -> np.ndarray:
    pts = sorted(map(tuple, np.round(points, 9)))
    cross = lambda o, a, b: (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])  # noqa: E731
    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return np.array(lower[:-1] + upper[:-1])


def _nearest_site(sites: Sequence[_Site], point) -> tuple[float, float]:
    """Where a magnification view of a scattered pattern is centred: the particle nearest the point."""
    best = min(sites, key=lambda s: (s.x - point[0]) ** 2 + (s.y - point[1]) ** 2)
    return (best.x, best.y)


def _diffuse(rng, frame_rng, recipe, field_mm):
    # stratified (jittered-grid) scatter so the whole field is covered, as in "throughout the breast"
    n = max(5, round(36 * recipe.abundance * (field_mm / DEFAULT_FIELD_MM) ** 2))
    k = math.ceil(math.sqrt(n))
    margin = 1.0
    cell = (field_mm - 2 * margin) / k
    cells = rng.permutation(k * k)[:n]
    sites = []
    for c in sorted(cells):
        x = margin + (c % k + rng.uniform(0.1, 0.9)) * cell
        y = margin + (c // k + rng.uniform(0.1, 0.9)) * cell
        sites.append(_Site(x, y, _toward_nipple_angle(rng, x, y, field_mm)))
    region = np.array([[margin, margin], [field_mm - margin, margin], [field_mm - margin, field_mm - margin],
                       [margin, field_mm - margin]])
    return _Layout(sites, _nearest_site(sites, (field_mm / 2, field_mm / 2)), region)


def _regional(rng, frame_rng, recipe, field_mm):
    # a large (> 20 mm) area, not shaped like a duct: an ellipse in a random orientation
    a = min(max(11.2, frame_rng.uniform(0.37, 0.42) * field_mm), field_mm / 2 - 0.5)  # 2 x 0.9 a > 20 mm
    wiggle = min(1.5, field_mm / 2 - 0.5 - a)
    centre = field_mm / 2 + frame_rng.uniform(-wiggle, wiggle, 2)
    b = a * frame_rng.uniform(0.55, 0.8)
    psi = frame_rng.uniform(0, np.pi)
    axis = _direction(psi)
    forced = [centre + axis * a * rng.uniform(0.9, 0.97), centre - axis * a * rng.uniform(0.9, 0.97)]

    def sample():
        r, t = math.sqrt(rng.uniform()), rng.uniform(0, 2 * np.pi)
        local = np.array([a * r * math.cos(t), b * r * math.sin(t)])
        return centre + np.array([[axis[0], -axis[1]], [axis[1], axis[0]]]) @ local

    n = max(5, round(30 * recipe.abundance))
    pts = _spaced(rng, sample, n, recipe.spacing, forced)
    sites = [_Site(x, y, _toward_nipple_angle(rng, x, y, field_mm)) for x, y in pts]
    return _Layout(sites, _nearest_site(sites, centre), _circle_polygon(centre[0], centre[1], a + 1.5, b + 1.5, psi))


def _grouped(rng, frame_rng, recipe, field_mm):
    # at least 5 particles within about 1 cm (one group)
    centre = field_mm / 2 + frame_rng.uniform(-3.0, 3.0, 2)
    radius = frame_rng.uniform(3.8, 4.6)

    def sample():
        return centre + radius * math.sqrt(rng.uniform()) * _direction(rng.uniform(0, 2 * np.pi))

    n = max(5, round(rng.uniform(12, 22) * recipe.abundance))
    pts = _spaced(rng, sample, n, recipe.spacing)
    sites = [_Site(x, y, _toward_nipple_angle(rng, x, y, field_mm)) for x, y in pts]
    return _Layout(sites, (float(centre[0]), float(centre[1])), _circle_polygon(*centre, radius + 1.5))


def _path_sites(rng, start, end, recipe, keep=1.0, jitter=0.1):
    """Sites stepping along a straight path, each oriented along it and told the run it may fill."""
    vec = np.asarray(end, float) - np.asarray(start, float)
    length = float(np.hypot(*vec))
    angle = math.atan2(vec[1], vec[0])
    normal = np.array([-vec[1], vec[0]]) / length
    sites, position = [], 0.0
    while length - position >= 0.6 * recipe.step[0]:
        step = min(rng.uniform(*recipe.step), length - position)
        middle = position + step / 2
        p = np.asarray(start) + vec * (middle / length) + normal * rng.normal(0, jitter)
        if rng.uniform() < keep:
            sites.append(_Site(float(p[0]), float(p[1]), angle + rng.normal(0, 0.04), run=step))
        position += step
    return sites


def _linear(rng, frame_rng, recipe, field_mm):
    # deposits arrayed along one line (in a duct, usually heading for the nipple)
    centre = field_mm / 2 + frame_rng.uniform(-2.5, 2.5, 2)
    angle = frame_rng.uniform(-0.6, 0.6)
    length = min(frame_rng.uniform(14.0, 20.0), field_mm - 6.0)
    if recipe.long_line:
        length = field_mm - 3.0
    axis = _direction(angle)
    start, end = centre - axis * length / 2, centre + axis * length / 2
    sites = _path_sites(rng, start, end, recipe)
    normal = np.array([-axis[1], axis[0]])
    region = np.array([start - axis - normal, end + axis - normal, end + axis + normal, start - axis + normal])
    return _Layout(sites, (float(centre[0]), float(centre[1])), region)


def _segmental(rng, frame_rng, recipe, field_mm):
    # a duct and its branches: a triangle with its apex towards the nipple (left edge), fanning out to the right
    apex = np.array([0.08 * field_mm, field_mm / 2 + frame_rng.uniform(-2.0, 2.0)])
    trunk = 0.26 * field_mm
    branches = []

    def grow(start, angle, length, depth):
        end = start + _direction(angle) * length
        branches.append((start, end))
        if depth < 3:
            spread = frame_rng.uniform(0.28, 0.42)
            for side in (-1, 1):
                grow(end, angle + side * spread + frame_rng.normal(0, 0.05), length * frame_rng.uniform(0.75, 0.85),
                     depth + 1)

    grow(apex, frame_rng.uniform(-0.15, 0.15), trunk, 0)
    sites = []
    lo, hi = 0.8, field_mm - 0.8
    for start, end in branches:
        for s in _path_sites(rng, start, end, recipe, keep=0.85, jitter=0.08):
            if lo <= s.x <= hi and lo <= s.y <= hi:
                sites.append(s)
    ends = np.clip(np.array([p for b in branches for p in b]), lo, hi)
    centroid = np.array([[s.x, s.y] for s in sites]).mean(axis=0) if sites else apex
    return _Layout(sites, (float(centroid[0]), float(centroid[1])), _convex_hull(ends))


_PATTERNS: dict[str, Callable] = {"diffuse": _diffuse, "regional": _regional, "grouped": _grouped,
                                  "linear": _linear, "segmental": _segmental}
assert tuple(_PATTERNS) == PATTERNS


# ----------------------------------------------------------------------------------------------------------------
# Scene, background and rendering
# ----------------------------------------------------------------------------------------------------------------
def _rng(seed: int, *tags: str) -> np.random.Generator:
    """A stream keyed by seed and names (CRC-32, stable across processes, unlike hash())."""
    return np.random.default_rng([seed, *(zlib.crc32(t.encode("utf-8")) for t in tags)])


@functools.lru_cache(maxsize=8)
def _tissue_cached(seed: int, field_mm: float) -> np.ndarray:
    tissue = _tissue(seed, field_mm)
    tissue.flags.writeable = False
    return tissue


@dataclass(frozen=True)
class _Scene:
    particles: tuple[Particle, ...]
    focus: tuple[float, float]
    region: np.ndarray


def _tissue(seed: int, field_mm: float) -> np.ndarray:
    """Fibroglandular background on the scene grid.

    Three layers: (1) a 1/f^3 power-law texture (the classic statistical model of breast parenchyma) squashed
    through a sigmoid into bright glandular clouds and dark fat; (2) fine fibrous strands whose orientation fans
    about the nipple direction; (3) thin septa round fat lobules (cell edges of a random point pattern), mostly
    visible in the fatty areas.
    """
    rng = _rng(seed, "tissue", f"{field_mm:.3f}")
    g = _TISSUE_GRID_MM
    n = int(round(field_mm / g)) + 2 * _TISSUE_PAD
    ky = np.fft.fftfreq(n, d=g)[:, None]
    kx = np.fft.rfftfreq(n, d=g)[None, :]
    k = np.hypot(1.5 * kx, ky)  # structures run longer along x, towards the nipple
    k[0, 0] = 1.0

    def filtered(spectrum):
        spectrum[0, 0] = 0.0
        out = np.fft.irfft2(np.fft.rfft2(rng.standard_normal((n, n))) * spectrum, s=(n, n))
        return out / out.std()

    clouds = filtered(np.maximum(k, 1.0 / 25.0) ** -1.5 * np.exp(-(k * 0.6) ** 2))
    gland = 1.0 / (1.0 + np.exp(-(2.0 * clouds + rng.uniform(-0.4, 0.4))))
    # strands: broad band-pass, frequencies near the y axis = wisps running roughly along x (fanning +-40 degrees)
    kr = np.hypot(kx, ky)
    off_axis = np.abs(np.arctan2(kx, np.abs(ky) + 1e-12))
    strands = filtered(np.maximum(kr, 0.15) ** -0.5 * np.exp(-(kr * 0.35) ** 2) * (kr > 0.15)
                       * np.exp(-(off_axis / 1.0) ** 2))
    # fat lobules 3-6 mm across, outlined by thin curved septa (cell edges of a random point pattern, with the
    # grid warped by smooth noise so the edges bend)
    n_lobules = max(8, int((field_mm / 4.0) ** 2))
    seeds = rng.uniform(-2.0, field_mm + 2.0, (n_lobules, 2))
    axis = (np.arange(n) - _TISSUE_PAD + 0.5) * g
    warp = 0.5 * np.stack([filtered(np.exp(-(k * 6.0) ** 2)), filtered(np.exp(-(k * 6.0) ** 2))], axis=-1)
    grid = (np.stack(np.meshgrid(axis, axis, indexing="xy"), axis=-1) + warp).reshape(-1, 2)
    nearest, _ = cKDTree(seeds).query(grid, k=2)
    septa = np.exp(-((nearest[:, 1] - nearest[:, 0]).reshape(n, n) / 0.2) ** 2)
    septa = ndimage.gaussian_filter(septa, 0.7)
    fat = 1.0 - gland
    return 0.2 + 0.36 * gland + 0.018 * strands * (0.3 + gland) + 0.06 * septa * fat


def _validated(value, valid: Sequence[str], what: str) -> str:
    if isinstance(value, str):
        canonical = value.strip().lower().replace("_", "-").replace(" ", "-")
        if canonical in valid:
            return canonical
    raise InvalidChoice(what, value, list(valid))


@functools.lru_cache(maxsize=16)  # a standard view and its magnification view share one scene
def _build_scene(shape: str, pattern: str, seed: int, field_mm: float, view: str) -> _Scene:
    recipe = _RECIPES[shape]
    layout = _PATTERNS[pattern](_rng(seed, "sites", pattern, shape), _rng(seed, "frame", pattern), recipe,
                                field_mm)
    particle_rng = _rng(seed, "particles", shape, pattern)
    particles = []
    for site in layout.sites:
        particles.extend(recipe.make(particle_rng, site, view))
    return _Scene(tuple(particles), layout.focus, layout.region)


def _pixel_window(bbox, x0, y0, mpp, npx):
    c0 = max(0, int(math.floor((bbox[0] - x0) / mpp - 1)))
    c1 = min(npx, int(math.ceil((bbox[2] - x0) / mpp + 2)))
    r0 = max(0, int(math.floor((bbox[1] - y0) / mpp - 1)))
    r1 = min(npx, int(math.ceil((bbox[3] - y0) / mpp + 2)))
    return r0, r1, c0, c1


def _draw(layers: tuple[np.ndarray, np.ndarray, np.ndarray], particle: Particle, x0, y0, mpp, npx):
    calcium, brighter, darker = layers
    r0, r1, c0, c1 = _pixel_window(particle.bbox(), x0, y0, mpp, npx)
    if r0 >= r1 or c0 >= c1:
        return False
    xs = x0 + (np.arange(c0, c1) + 0.5)[None, :] * mpp
    ys = y0 + (np.arange(r0, r1) + 0.5)[:, None] * mpp
    # overlapping lobes of one particle add up (denser where they overlap); context shapes merge as a union
    values = sum(p.evaluate(xs, ys, mpp) for p in particle.primitives)
    calcium[r0:r1, c0:c1] += values
    for p in particle.context:
        value = p.evaluate(xs, ys, mpp)
        if p.contrast > 0:
            np.maximum(brighter[r0:r1, c0:c1], value, out=brighter[r0:r1, c0:c1])
        else:
            np.minimum(darker[r0:r1, c0:c1], value, out=darker[r0:r1, c0:c1])
    return bool(np.any(values > 0.0))


def _checked(shape, pattern, seed, field_mm, view) -> tuple[str, str, int, float, str]:
    """Canonical, validated arguments (ValueError naming the bad value and the choices)."""
    shape = _validated(shape, SHAPES, "shape")
    pattern = TYPICAL_PATTERN[shape] if pattern is None else _validated(pattern, PATTERNS, "pattern")
    view = _validated(view, VIEWS, "view")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative whole number (got {seed!r})")
    field_mm = float(field_mm)
    if not (MIN_FIELD_MM <= field_mm <= MAX_FIELD_MM):
        raise ValueError(f"field_mm must be between {MIN_FIELD_MM:g} and {MAX_FIELD_MM:g} mm (got {field_mm!r}); "
                         f"a regional distribution needs more than 20 mm")
    return shape, pattern, int(seed), field_mm, view


def scene_particles(shape: str, pattern: str | None = None, seed: int = 0, field_mm: float = DEFAULT_FIELD_MM,
                    view: str = "cc") -> tuple[Particle, ...]:
    """Every particle of the scene `make_patch` would draw with these arguments, without rendering an image.

    Quick enough for counting or measuring many layouts; make_patch(...).particles at magnification 1 is the same
    tuple (a magnification view lists only the particles inside its smaller field).
    """
    return _build_scene(*_checked(shape, pattern, seed, field_mm, view)).particles


def make_patch(shape: str, pattern: str | None = None, seed: int = 0, magnification: float = 1.0,
               field_mm: float = DEFAULT_FIELD_MM, view: str = "cc") -> Patch:
    """Generate one synthetic patch.

    shape          morphology id (see SHAPES)
    pattern        distribution id (see PATTERNS); None = the shape's typical pattern
    seed           any non-negative integer; the same arguments always give the same image
    magnification  >= 1; 1.8 is a typical magnification view (same scene, finer pixels, less noise, centred
                   on the finding, field of view field_mm / magnification)
    field_mm       side of the square scene in mm (25-60)
    view           "cc" or "lateral"; only milk of calcium changes shape between the two (teacup on the lateral)
    """
    shape, pattern, seed, field_mm, view = _checked(shape, pattern, seed, field_mm, view)
    magnification = float(magnification)
    if not (math.isfinite(magnification) and magnification >= 1.0):
        raise ValueError(f"magnification must be a number >= 1 (got {magnification!r}); 1.8 is typical")

    scene = _build_scene(shape, pattern, seed, field_mm, view)
    mpp = PIXEL_MM / magnification
    npx = int(round(field_mm / PIXEL_MM))
    view_mm = npx * mpp
    x0 = float(np.clip(scene.focus[0] - view_mm / 2, 0.0, field_mm - view_mm))
    y0 = float(np.clip(scene.focus[1] - view_mm / 2, 0.0, field_mm - view_mm))

    layers = (np.zeros((npx, npx)), np.zeros((npx, npx)), np.zeros((npx, npx)))
    drawn = tuple(p for p in scene.particles if _draw(layers, p, x0, y0, mpp, npx))
    calcium_raw, brighter, darker = layers
    blur_mm = _BLUR_MM / magnification ** _BLUR_EXPONENT
    calcium = _CALCIUM_CEILING * (1.0 - np.exp(-calcium_raw / _CALCIUM_CEILING))
    signal = ndimage.gaussian_filter(calcium, blur_mm / mpp)
    context = ndimage.gaussian_filter(brighter + darker, blur_mm / mpp)

    centres = (np.arange(npx) + 0.5) * mpp
    rows = (y0 + centres) / _TISSUE_GRID_MM - 0.5 + _TISSUE_PAD
    cols = (x0 + centres) / _TISSUE_GRID_MM - 0.5 + _TISSUE_PAD
    grid = np.meshgrid(rows, cols, indexing="ij")
    background = ndimage.map_coordinates(_tissue_cached(seed, field_mm), grid, order=1, mode="nearest")

    noise_sd = _NOISE_SD / magnification ** _NOISE_EXPONENT
    noise_rng = _rng(seed, "noise", shape, pattern, view, f"{magnification:.4f}", f"{field_mm:.3f}")
    image = background + context + signal + noise_sd * noise_rng.standard_normal((npx, npx))
    np.clip(image, 0.0, 1.0, out=image)
    return Patch(image=image, mm_per_pixel=mpp, particles=drawn, shape=shape, pattern=pattern, seed=seed,
                 magnification=magnification, field_mm=field_mm, view=view, view_mm=view_mm, origin_mm=(x0, y0),
                 focus_mm=scene.focus, region_mm=scene.region, calcium=signal, blur_mm=blur_mm, noise_sd=noise_sd)
