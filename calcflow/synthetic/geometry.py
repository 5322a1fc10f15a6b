"""Geometry of the scene: the Particle and Site types, the paint primitives particles are drawn with (Blob, Stroke),
outline recipes (radii tables r(theta) on THETA), polylines, and caliper measurement of drawn outlines.

Coordinates are millimetres in the scene: x to the right, y downwards (image rows), origin at the top-left corner of
the full field. Each primitive evaluates its own brightness on a pixel grid (render.py adds them into an image).
Nothing here keeps a random stream: helpers that need randomness take a numpy Generator.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

THETA = np.linspace(0.0, 2.0 * np.pi, 256, endpoint=False)  # the angles every radii table r(theta) is tabulated on
_THETA_CLOSED = np.append(THETA, 2.0 * np.pi)
_CALIPER_DIRECTIONS = np.stack([np.cos(np.linspace(0, np.pi, 90, endpoint=False)),
                                np.sin(np.linspace(0, np.pi, 90, endpoint=False))])


# ----------------------------------------------------------------------------------------------------------------
# Data types
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
class Blob(_Paint):
    """A filled star-shaped outline: radius r(theta) tabulated on THETA (scene orientation) round a centre."""

    cx: float
    cy: float
    radii: np.ndarray

    def outline(self) -> np.ndarray:
        return np.column_stack([self.cx + self.radii * np.cos(THETA), self.cy + self.radii * np.sin(THETA)])

    def evaluate(self, xs: np.ndarray, ys: np.ndarray, mpp: float) -> np.ndarray:
        dx, dy = xs - self.cx, ys - self.cy
        theta = np.mod(np.arctan2(dy, dx), 2.0 * np.pi)
        r = np.interp(theta, _THETA_CLOSED, np.append(self.radii, self.radii[0]))
        return self.contrast * self._shade(np.hypot(dx, dy), r, mpp)


@dataclass(frozen=True, kw_only=True)
class Stroke(_Paint):
    """A polyline with round caps; `widths` has one entry per segment (irregular calibre)."""

    points: np.ndarray
    widths: np.ndarray

    def outline(self) -> np.ndarray:
        ring = np.column_stack([np.cos(THETA[::16]), np.sin(THETA[::16])])
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


def calipers(points: np.ndarray) -> tuple[float, float]:
    """(longest, narrowest) caliper widths of a point set."""
    spans = _caliper_spans(points)
    return float(spans.max()), float(spans.min())


def measured_particle(kind: str, primitives: Sequence, context: Sequence = (),
                      width_mm: float | None = None) -> Particle:
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
# Outline recipes (radii tables) and lines
# ----------------------------------------------------------------------------------------------------------------
def ellipse_radii(aspect: float, angle: float) -> np.ndarray:
    """Unit-area-ish ellipse radii (semi-axes 1 and 1/aspect) rotated by angle."""
    c, s = np.cos(THETA - angle), np.sin(THETA - angle)
    return 1.0 / np.sqrt(c * c + (s * aspect) ** 2)


def wobbly_radii(rng: np.random.Generator, aspect: float, angle: float, roughness: float,
                 harmonics: int = 6) -> np.ndarray:
    """An ellipse with a random Fourier wobble (0 = smooth)."""
    radii = ellipse_radii(aspect, angle)
    wobble = np.ones_like(THETA)
    for k in range(2, harmonics + 1):
        wobble += roughness * rng.normal() / k * np.cos(k * THETA + rng.uniform(0, 2 * np.pi))
    return radii * np.clip(wobble, 0.4, None)


def polygon_radii(vertices: np.ndarray) -> np.ndarray:
    """r(theta) of a polygon that is star-shaped about the origin (vertices in angular order)."""
    ang = np.mod(np.arctan2(vertices[:, 1], vertices[:, 0]), 2 * np.pi)
    order = np.argsort(ang)
    vertices, ang = vertices[order], ang[order]
    idx = np.searchsorted(ang, THETA, side="right") - 1  # edge from vertex idx to idx+1 (wrapping)
    p = vertices[idx % len(vertices)]
    q = vertices[(idx + 1) % len(vertices)]
    u = np.column_stack([np.cos(THETA), np.sin(THETA)])
    e = q - p
    cross = lambda a, b: a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0]  # noqa: E731
    return cross(p, e) / cross(u, e)


def random_polygon_radii(rng: np.random.Generator, n_vertices: int, jitter: float) -> np.ndarray:
    """r(theta) of a random polygon: n_vertices at jittered angles, radii 1 +- jitter."""
    angles = np.sort(rng.uniform(0, 2 * np.pi) + 2 * np.pi * (np.arange(n_vertices)
                                                              + rng.uniform(-0.25, 0.25, n_vertices)) / n_vertices)
    radii = 1.0 + jitter * rng.uniform(-1, 1, n_vertices)
    return polygon_radii(np.column_stack([radii * np.cos(angles), radii * np.sin(angles)]))


def sized_blob(cx, cy, unit_radii, size_mm, **kw) -> Blob:
    """Scale a unit outline so its longest dimension is exactly size_mm."""
    unit = Blob(cx=0.0, cy=0.0, radii=unit_radii, contrast=1.0)
    longest, _ = calipers(unit.outline())
    return Blob(cx=cx, cy=cy, radii=unit_radii * (size_mm / longest), **kw)


def direction(angle: float) -> np.ndarray:
    """Unit vector at `angle` radians from +x towards +y (image down)."""
    return np.array([math.cos(angle), math.sin(angle)])


def wiggly_line(rng, start: np.ndarray, angle: float, length: float, n_segments: int, turn_sd: float):
    """Points of a polyline of total length `length` whose heading wanders by turn_sd per segment."""
    pts = [np.asarray(start, float)]
    heading = angle
    for _ in range(n_segments):
        heading += rng.normal(0, turn_sd)
        pts.append(pts[-1] + direction(heading) * (length / n_segments))
    return np.array(pts)


def centred_line(rng, cx, cy, angle, length, n_segments, turn_sd):
    """A wiggly_line moved so the midpoint of its two ends lies at (cx, cy)."""
    pts = wiggly_line(rng, (0.0, 0.0), angle, length, n_segments, turn_sd)
    return pts - (pts[0] + pts[-1]) / 2 + np.array([cx, cy])


# ----------------------------------------------------------------------------------------------------------------
# Sites: where a pattern (patterns.py) puts a shape (shapes.py)
# ----------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Site:
    """Where a pattern puts a shape: a point in the scene, the local direction and the run along a path."""

    x: float
    y: float
    angle: float  # local direction (of the duct, vessel or line); only its orientation matters
    run: float | None = None  # length available along a path (linear / segmental patterns)
