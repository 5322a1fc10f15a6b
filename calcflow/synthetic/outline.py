"""Whole-breast geometry for the reading views: one breast's size, the outline of its cranio-caudal (CC) and
medio-lateral oblique (MLO) view, and the projection rule that puts one place in the breast into both views.

The breast has its own coordinates, in mm: `t`, the distance behind the nipple along the nipple–chest-wall axis
(0 at the nipple, `depth_mm` at the chest wall); `u`, lateral (+, towards the outer side) or medial (−); `v`,
superior (+) or inferior (−). Its coronal cross-section at `t` is a disc of radius
`rho(t) = half_width_mm * sqrt(1 - ((depth_mm - t) / depth_mm) ** 2)`, so the CC view is a half-ellipse from the
chest wall.

The projection rule (a teaching simplification of the real obliquity): a place (t, u, v) appears in both views at
the same distance behind the nipple; the CC view shows its lateral offset `u` (lateral side at the top of the
image, as CC views are hung), the MLO view its superior offset `v` (upper side at the top). So the CC view tells
outer from inner and the MLO view upper from lower. Views are hung as usual: a left breast has its chest wall at
the image's left edge and the nipple pointing right; a right breast is the mirror image.

View coordinates are mm from the image's top-left corner, x to the right, y downwards; pixel (col, row) has its
centre at ((col + 0.5) * MM_PER_PX, (row + 0.5) * MM_PER_PX).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from calcflow.synthetic.seeding import keyed_rng

MM_PER_PX = 0.1  # the reading views' pixel: a 140 x 90 mm breast is about 1400 x 900 pixels
READING_VIEWS = ("cc", "mlo")
SIDES = ("left", "right")
QUADRANTS = ("upper-outer", "upper-inner", "lower-outer", "lower-inner", "central")
DEPTHS = ("anterior", "middle", "posterior")  # thirds of the distance from the nipple to the chest wall

_MARGIN_MM = 8.0  # black border round the breast (above and below on the CC, below on the MLO)
_NIPPLE_MARGIN_MM = 10.0  # between the nipple and the image's edge
_NIPPLE_RADIUS_MM = 3.5
_MLO_ABOVE = 1.3  # the MLO's upper half-height at the chest wall, in CC half-widths (the axillary tail)
_MLO_BELOW = 1.05
_MLO_TOP_CUT = 0.9  # the image's top edge cuts the MLO outline here (the breast runs on into the axilla)


@dataclass(frozen=True)
class Breast:
    """One breast, the same in both views. `density` (0-1) scales the fibroglandular tissue; `pectoral` is the
    muscle's width (fraction of depth_mm) and height (fraction of the MLO image) at the upper chest-wall corner."""

    depth_mm: float
    half_width_mm: float
    density: float
    pectoral: tuple[float, float]

    def rho(self, t):
        """Radius of the coronal cross-section `t` mm behind the nipple (0 outside 0..depth_mm)."""
        s = np.clip((self.depth_mm - np.asarray(t, float)) / self.depth_mm, 0.0, 1.0)
        return self.half_width_mm * np.sqrt(1.0 - s * s) * (np.asarray(t) >= 0)


def breast_for(seed: int) -> Breast:
    """The breast of a case: its size, density and pectoral muscle, from the case's seed."""
    rng = keyed_rng(seed, "reading", "breast")
    return Breast(depth_mm=float(rng.uniform(80.0, 98.0)), half_width_mm=float(rng.uniform(58.0, 70.0)),
                  density=float(rng.uniform(0.45, 1.0)),
                  pectoral=(float(rng.uniform(0.3, 0.42)), float(rng.uniform(0.5, 0.62))))


@dataclass(frozen=True)
class Frame:
    """One view of one breast: the image's size, where the nipple is, the outline and the projection rule."""

    view: str
    side: str
    breast: Breast
    rows: int
    cols: int
    nipple_y_mm: float
    above_mm: float  # the outline's half-height above the nipple line at the chest wall
    below_mm: float

    @property
    def width_mm(self) -> float:
        return self.cols * MM_PER_PX

    @property
    def height_mm(self) -> float:
        return self.rows * MM_PER_PX

    def x_of(self, chest_distance_mm):
        """View x of a point `chest_distance_mm` in front of the chest wall."""
        d = np.asarray(chest_distance_mm, float)
        return d if self.side == "left" else self.width_mm - d

    def chest_distance(self, x_mm):
        """Distance in front of the chest wall of view x (the inverse of x_of)."""
        return self.x_of(x_mm)

    @property
    def nipple_mm(self) -> tuple[float, float]:
        return float(self.x_of(self.breast.depth_mm)), self.nipple_y_mm

    def project(self, t, u, v) -> tuple[np.ndarray, np.ndarray]:
        """The projection rule: breast (t, u, v) -> view (x, y) mm. CC shows u (lateral up), MLO shows v."""
        offset = u if self.view == "cc" else v
        return self.x_of(self.breast.depth_mm - np.asarray(t, float)), self.nipple_y_mm - np.asarray(offset, float)

    def inside(self, x_mm, y_mm, margin_mm: float = 0.0) -> np.ndarray:
        """Whether view points lie inside the outline (the nipple aside), at least `margin_mm` from its edge
        (approximately: the half-ellipse is shrunk by the margin) and from the chest wall."""
        a = self.breast.depth_mm - margin_mm
        d = self.chest_distance(x_mm)
        s = np.clip(d / a, 0.0, 1.0)
        span = np.sqrt(1.0 - s * s)
        up = self.nipple_y_mm - np.asarray(y_mm, float)
        return ((d >= margin_mm) & (d <= a) & (up <= (self.above_mm - margin_mm) * span)
                & (-up <= (self.below_mm - margin_mm) * span))

    def pixel_centres(self) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) mm of every pixel centre, as broadcastable row and column vectors."""
        xs = (np.arange(self.cols) + 0.5) * MM_PER_PX
        ys = (np.arange(self.rows) + 0.5) * MM_PER_PX
        return xs[None, :], ys[:, None]

    def mask(self) -> np.ndarray:
        """The breast in this view: inside the outline, or in the nipple (rows x cols booleans)."""
        xs, ys = self.pixel_centres()
        nx, ny = self.x_of(self.breast.depth_mm - 1.0), self.nipple_y_mm  # half sunk into the outline's tip
        return self.inside(xs, ys) | (np.hypot(xs - nx, ys - ny) <= _NIPPLE_RADIUS_MM)

    def pectoral_mask(self) -> np.ndarray:
        """The pectoral muscle (MLO only; zeros on the CC): a triangle at the upper chest-wall corner whose front
        edge bows slightly forwards."""
        if self.view != "mlo":
            return np.zeros((self.rows, self.cols))
        xs, ys = self.pixel_centres()
        width = self.breast.pectoral[0] * self.breast.depth_mm
        height = self.breast.pectoral[1] * self.height_mm
        edge = width * np.clip(1.0 - ys / height, 0.0, 1.0) ** 0.8
        return (self.chest_distance(xs) <= edge).astype(float)


def frame_for(breast: Breast, view: str, side: str) -> Frame:
    """The frame of one view: the CC a half-ellipse with a margin all round; the MLO taller (upper outline reaching
    into the axilla, cut by the top edge) and with the pectoral muscle."""
    b = breast.half_width_mm
    if view == "cc":
        above = below = b
        nipple_y = _MARGIN_MM + b
        height = 2 * (b + _MARGIN_MM)
    else:
        above, below = _MLO_ABOVE * b, _MLO_BELOW * b
        nipple_y = _MLO_TOP_CUT * above
        height = nipple_y + below + _MARGIN_MM
    width = breast.depth_mm + _NIPPLE_MARGIN_MM
    return Frame(view=view, side=side, breast=breast, rows=int(math.ceil(height / MM_PER_PX)),
                 cols=int(math.ceil(width / MM_PER_PX)), nipple_y_mm=nipple_y, above_mm=above, below_mm=below)
