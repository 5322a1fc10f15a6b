"""The 5 distribution patterns (BI-RADS distribution): where the sites go. Each pattern is a function
(rng, frame_rng, recipe, field_mm) -> Layout: `frame_rng` places the pattern's frame (centre, size, duct tree),
`rng` the sites inside it, and `recipe` is the shape's ShapeRecipe (shapes.py), of which only abundance, spacing,
step and long_line are read. The nipple lies off the left edge of the field; ducts and lines head towards it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from calcflow.synthetic.constants import DEFAULT_FIELD_MM, PATTERNS
from calcflow.synthetic.geometry import Site, direction


@dataclass(frozen=True)
class Layout:
    """What a pattern returns: the sites, where a magnification view centres (focus, scene mm) and a polygon
    (N x 2, scene mm) round the distribution."""

    sites: list[Site]
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


def _nearest_site(sites: Sequence[Site], point) -> tuple[float, float]:
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
        sites.append(Site(x, y, _toward_nipple_angle(rng, x, y, field_mm)))
    region = np.array([[margin, margin], [field_mm - margin, margin], [field_mm - margin, field_mm - margin],
                       [margin, field_mm - margin]])
    return Layout(sites, _nearest_site(sites, (field_mm / 2, field_mm / 2)), region)


def _regional(rng, frame_rng, recipe, field_mm):
    # a large (> 20 mm) area, not shaped like a duct: an ellipse in a random orientation
    a = min(max(11.2, frame_rng.uniform(0.37, 0.42) * field_mm), field_mm / 2 - 0.5)  # 2 x 0.9 a > 20 mm
    wiggle = min(1.5, field_mm / 2 - 0.5 - a)
    centre = field_mm / 2 + frame_rng.uniform(-wiggle, wiggle, 2)
    b = a * frame_rng.uniform(0.55, 0.8)
    psi = frame_rng.uniform(0, np.pi)
    axis = direction(psi)
    forced = [centre + axis * a * rng.uniform(0.9, 0.97), centre - axis * a * rng.uniform(0.9, 0.97)]

    def sample():
        r, t = math.sqrt(rng.uniform()), rng.uniform(0, 2 * np.pi)
        local = np.array([a * r * math.cos(t), b * r * math.sin(t)])
        return centre + np.array([[axis[0], -axis[1]], [axis[1], axis[0]]]) @ local

    n = max(5, round(30 * recipe.abundance))
    pts = _spaced(rng, sample, n, recipe.spacing, forced)
    sites = [Site(x, y, _toward_nipple_angle(rng, x, y, field_mm)) for x, y in pts]
    return Layout(sites, _nearest_site(sites, centre), _circle_polygon(centre[0], centre[1], a + 1.5, b + 1.5, psi))


def _grouped(rng, frame_rng, recipe, field_mm):
    # at least 5 particles within about 1 cm (one group)
    centre = field_mm / 2 + frame_rng.uniform(-3.0, 3.0, 2)
    radius = frame_rng.uniform(3.8, 4.6)

    def sample():
        return centre + radius * math.sqrt(rng.uniform()) * direction(rng.uniform(0, 2 * np.pi))

    n = max(5, round(rng.uniform(12, 22) * recipe.abundance))
    pts = _spaced(rng, sample, n, recipe.spacing)
    sites = [Site(x, y, _toward_nipple_angle(rng, x, y, field_mm)) for x, y in pts]
    return Layout(sites, (float(centre[0]), float(centre[1])), _circle_polygon(*centre, radius + 1.5))


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
            sites.append(Site(float(p[0]), float(p[1]), angle + rng.normal(0, 0.04), run=step))
        position += step
    return sites


def _linear(rng, frame_rng, recipe, field_mm):
    # deposits arrayed along one line (in a duct, usually heading for the nipple)
    centre = field_mm / 2 + frame_rng.uniform(-2.5, 2.5, 2)
    angle = frame_rng.uniform(-0.6, 0.6)
    length = min(frame_rng.uniform(14.0, 20.0), field_mm - 6.0)
    if recipe.long_line:
        length = field_mm - 3.0
    axis = direction(angle)
    start, end = centre - axis * length / 2, centre + axis * length / 2
    sites = _path_sites(rng, start, end, recipe)
    normal = np.array([-axis[1], axis[0]])
    region = np.array([start - axis - normal, end + axis - normal, end + axis + normal, start - axis + normal])
    return Layout(sites, (float(centre[0]), float(centre[1])), region)


def _segmental(rng, frame_rng, recipe, field_mm):
    # a duct and its branches: a triangle with its apex towards the nipple (left edge), fanning out to the right
    apex = np.array([0.08 * field_mm, field_mm / 2 + frame_rng.uniform(-2.0, 2.0)])
    trunk = 0.26 * field_mm
    branches = []

    def grow(start, angle, length, depth):
        end = start + direction(angle) * length
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
    return Layout(sites, (float(centroid[0]), float(centroid[1])), _convex_hull(ends))


# the layout function of each pattern, keyed by pattern id, in PATTERNS order
PATTERN_LAYOUTS: dict[str, Callable[..., Layout]] = {"diffuse": _diffuse, "regional": _regional,
                                                     "grouped": _grouped, "linear": _linear,
                                                     "segmental": _segmental}
assert tuple(PATTERN_LAYOUTS) == PATTERNS
