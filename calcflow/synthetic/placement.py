"""Where the findings of a reading case go, and the particles each one has in each view.

A finding is laid out by the patch generator's own code: its pattern's layout (patterns.py) puts sites in a square
scene, and its shape's recipe (shapes.py; viewshapes.py for two shapes, below) draws the particles at each site.
Here the layout is moved into the breast (outline.py):

- a finding with a position (quadrant and depth) gets a centre in the breast: a depth in its third of the
  nipple–chest-wall distance, and a coronal offset in its quadrant (close to the axis for `central`, close to the
  skin for skin calcification), chosen so that the whole finding fits inside both views' outlines and clear of the
  findings placed before it. In each view the layout keeps its size and is turned so that the scene's nipple
  direction points at the nipple (ducts, segments and vessels run towards it), then centred on the finding's
  projection;
- a diffuse finding has no position: its layout (drawn in a 60 mm scene, so its density suits a whole breast) is
  stretched over the breast, and each site is given a random superior offset inside the breast, so that the CC
  view shows (t, u) and the MLO view (t, v) of the same sites.

The particles are drawn fresh at the moved sites from one random stream per finding, so a finding has the same
particles (count, sizes, shapes) in both views. They are the patch generator's recipes (shapes.py) except for fine
pleomorphic and punctate, whose differences those recipes lose at the views' 0.1 mm per pixel: viewshapes.py
draws those two. Only milk of calcium changes, as it does in the clinic: a smudge on the CC view, a teacup on
the MLO (drawn as the patch generator's lateral view).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from calcflow.synthetic.constants import DEFAULT_FIELD_MM
from calcflow.synthetic.geometry import Particle, Site
from calcflow.synthetic.outline import Breast, Frame
from calcflow.synthetic.patterns import PATTERN_LAYOUTS
from calcflow.synthetic.seeding import keyed_rng
from calcflow.synthetic.shapes import RECIPES
from calcflow.synthetic.viewshapes import VIEW_SHAPES

DEPTH_THIRDS = {"anterior": (0.12, 0.3), "middle": (0.4, 0.6), "posterior": (0.68, 0.84)}  # fraction behind nipple
QUADRANT_SIGNS = {"upper-outer": (1, 1), "upper-inner": (-1, 1), "lower-outer": (1, -1), "lower-inner": (-1, -1)}
DIFFUSE_FIELD_MM = 60.0
FIELD_MM = {"vascular": 40.0}  # the scene a shape's layout is drawn in (else DEFAULT_FIELD_MM); vessels run long
PARTICLE_REACH_MM = 7.0  # no particle reaches further than this from its site (rods, vessels, sutures, halos)
_CLEARANCE_MM = 12.0  # between the sites of two findings, so their particles stay apart
_ATTEMPTS = 400


@dataclass(frozen=True)
class Placement:
    """A finding's place: its centre in breast coordinates (t, u, v), mm; None for a diffuse finding."""

    centre: tuple[float, float, float] | None


def layout_field(shape: str, pattern: str) -> float:
    """The side of the square scene a finding's layout is drawn in."""
    return DIFFUSE_FIELD_MM if pattern == "diffuse" else FIELD_MM.get(shape, DEFAULT_FIELD_MM)


def scene_sites(seed: int, finding_id: str, shape: str, pattern: str) -> list[Site]:
    """The sites of a finding's layout, in its scene (the patch generator's layout for the shape and pattern)."""
    layout = PATTERN_LAYOUTS[pattern](keyed_rng(seed, "reading", "sites", finding_id, pattern, shape),
                                      keyed_rng(seed, "reading", "frame", finding_id, pattern), RECIPES[shape],
                                      layout_field(shape, pattern))
    return layout.sites


def anchor(sites: list[Site]) -> np.ndarray:
    """The middle of the sites' bounding box: the point placed at the finding's centre."""
    xy = np.array([[s.x, s.y] for s in sites])
    return (xy.min(axis=0) + xy.max(axis=0)) / 2


def _xy(sites: list[Site]) -> np.ndarray:
    return np.array([[s.x, s.y] for s in sites]).reshape(-1, 2)


def _fits(moved: list[np.ndarray], frames: tuple[Frame, ...], taken: list[list[np.ndarray]]) -> bool:
    """Every site far enough inside each view's outline for its particles, and clear of the findings before."""
    for xy, frame, earlier in zip(moved, frames, zip(*taken) if taken else [()] * len(frames)):
        if not frame.inside(xy[:, 0], xy[:, 1], PARTICLE_REACH_MM).all():
            return False
        for other in earlier:
            if np.hypot(*(xy[:, None, :] - other[None, :, :]).transpose(2, 0, 1)).min() < _CLEARANCE_MM:
                return False
    return True


def place(seed: int, finding_id: str, shape: str, quadrant: str | None, depth: str | None, sites: list[Site],
          breast: Breast, frames: tuple[Frame, ...], taken: list[list[np.ndarray]]) -> Placement:
    """Choose a finding's centre in its quadrant and depth third, so that in every frame all its sites lie at least
    PARTICLE_REACH_MM inside the outline and _CLEARANCE_MM from the sites of the findings in `taken` (per finding,
    the site positions in each frame). ValueError if nothing fits."""
    if quadrant is None:
        return Placement(None)
    xy = _xy(sites)
    spread = float(np.hypot(*(xy - anchor(sites)).T).max())
    rng = keyed_rng(seed, "reading", "place", finding_id)
    lo, hi = DEPTH_THIRDS[depth]
    for _ in range(_ATTEMPTS):
        t = breast.depth_mm * rng.uniform(lo, hi)
        rho = float(breast.rho(t))
        if quadrant == "central":
            r, angle = rng.uniform(0.0, 0.08) * rho, rng.uniform(0, 2 * np.pi)
            u, v = r * math.cos(angle), r * math.sin(angle)
        else:
            # skin calcification lies as close to the skin as the finding allows; others anywhere in the quadrant
            fraction = rng.uniform(0.9, 1.0) if shape == "skin" else rng.uniform(0.3, 0.9)
            r = fraction * max(rho - min(spread, 0.5 * rho) - PARTICLE_REACH_MM, 0.0)
            angle = rng.uniform(math.radians(25), math.radians(65))
            lateral, superior = QUADRANT_SIGNS[quadrant]
            u, v = lateral * r * math.cos(angle), superior * r * math.sin(angle)
        where = Placement((t, u, v))
        moved = [_xy(view_sites(sites, where, frame, seed, finding_id, shape)) for frame in frames]
        if _fits(moved, frames, taken):
            taken.append(moved)
            return where
    raise ValueError(f"finding {finding_id!r} ({shape}, {quadrant}, {depth}) does not fit in the breast clear of "
                     f"the other findings; move it to another quadrant or depth")


def view_sites(sites: list[Site], placement: Placement, frame: Frame, seed: int, finding_id: str,
               shape: str) -> list[Site]:
    """The finding's sites in one view (view mm), by the rule in the module's docstring."""
    nx, ny = frame.nipple_mm
    if placement.centre is None:
        return _diffuse_sites(sites, frame, seed, finding_id, shape)
    cx, cy = frame.project(*placement.centre)
    heading = math.atan2(float(cy) - ny, float(cx) - nx)  # the scene's +x: away from the nipple
    c, s = math.cos(heading), math.sin(heading)
    middle = anchor(sites)
    moved = []
    for site in sites:
        dx, dy = site.x - middle[0], site.y - middle[1]
        moved.append(Site(float(cx + c * dx - s * dy), float(cy + s * dx + c * dy), site.angle + heading, site.run))
    return moved


def _diffuse_sites(sites: list[Site], frame: Frame, seed: int, finding_id: str, shape: str) -> list[Site]:
    breast = frame.breast
    field = layout_field(shape, "diffuse")
    rng = keyed_rng(seed, "reading", "superior", finding_id)  # one draw per site, whichever sites are kept
    nx, ny = frame.nipple_mm
    moved = []
    for site in sites:
        share = rng.uniform(-1.0, 1.0)
        t = breast.depth_mm * (1.0 - site.x / field)  # the scene's nipple side (x = 0) towards the nipple
        u = breast.half_width_mm * (2.0 * site.y / field - 1.0)
        room = 0.92 * float(breast.rho(t))
        if t < 4.0 or abs(u) > room:
            continue
        v = share * math.sqrt(room * room - u * u)
        x, y = frame.project(t, u, v)
        moved.append(Site(float(x), float(y), math.atan2(float(y) - ny, float(x) - nx), site.run))
    return moved


def particles_at(sites: list[Site], seed: int, finding_id: str, shape: str, pattern: str,
                 view: str) -> tuple[Particle, ...]:
    """The finding's particles at its sites in one view, from the finding's own random stream (the same in both
    views). Fine pleomorphic and punctate are drawn by viewshapes.py (so that they stay apart at 0.1 mm per pixel),
    the other shapes by the patch generator's recipes. Milk of calcium is drawn as the patch generator's lateral
    view on the MLO."""
    rng = keyed_rng(seed, "reading", "particles", finding_id, shape, pattern)
    recipe_view = "cc" if view == "cc" else "lateral"
    if shape in VIEW_SHAPES:
        return tuple(VIEW_SHAPES[shape](rng, sites, recipe_view))
    out: list[Particle] = []
    for site in sites:
        out.extend(RECIPES[shape].make(rng, site, recipe_view))
    return tuple(out)
