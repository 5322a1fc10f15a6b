"""The 14 calcification shapes (BI-RADS morphology). Each shape turns one Site (position, local direction, run along
a path) into the particles drawn there, with geometry that follows the lexicon; RECIPES pairs each shape with how
densely and how far apart the distribution patterns should place its sites.

Every shape is a function (rng, site, view) -> list of Particles; only milk of calcium looks at the view.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from calcflow.synthetic.constants import SHAPES
from calcflow.synthetic.geometry import (THETA, Blob, Particle, Site, Stroke, calipers, centred_line, direction,
                                         ellipse_radii, measured_particle, polygon_radii, random_polygon_radii,
                                         sized_blob, wiggly_line, wobbly_radii)


def _skin(rng, site, view):
    # a tight rosette of pore-sized, polygonal, lucent-centred specks
    n = int(rng.integers(3, 7))
    out, placed = [], []
    for _ in range(n):
        for _attempt in range(20):
            offset = rng.uniform(0, 1.5) * direction(rng.uniform(0, 2 * np.pi))
            if all(np.hypot(*(offset - o)) > 0.9 for o in placed):
                break
        placed.append(offset)
        size = rng.uniform(0.6, 1.1)
        blob = sized_blob(site.x + offset[0], site.y + offset[1],
                          random_polygon_radii(rng, int(rng.integers(5, 8)), 0.15), size,
                          contrast=rng.uniform(0.3, 0.45), profile="ring", hole=rng.uniform(0.55, 0.7),
                          inner=0.12, softness=0.02)
        out.append(measured_particle("lucent-centred speck", [blob]))
    return out


def _vascular(rng, site, view):
    # two parallel, beaded walls of an artery with the faint soft-tissue tube between them
    length = site.run if site.run else rng.uniform(4.0, 8.0)
    half_calibre = rng.uniform(0.7, 1.2)
    centre = centred_line(rng, site.x, site.y, site.angle + rng.normal(0, 0.05), length, 4, 0.05)
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
                walls.append(Stroke(points=pts, widths=rng.uniform(0.18, 0.32, 2),
                                    contrast=rng.uniform(0.35, 0.55),
                                    softness=0.02))
            position = stop + rng.uniform(0.05, 0.35)
    if not walls:
        walls.append(Stroke(points=centre[:2] + half_calibre * normals[:2], widths=np.array([0.25]),
                            contrast=0.4))
    tube = Stroke(points=centre, widths=np.full(len(centre) - 1, 2 * half_calibre + 0.2), contrast=0.05,
                  softness=0.4)
    return [measured_particle("tram-track", walls, context=[tube])]


def _coarse_popcorn(rng, site, view):
    # a dense clump of overlapping lobes inside the faint oval of an involuting fibroadenoma
    size = rng.uniform(2.6, 4.5)
    n_lobes = int(rng.integers(3, 7))
    lobes = []
    for _ in range(n_lobes):
        r = rng.uniform(0.3, 0.55)
        offset = rng.uniform(0, 1.0 - r) * direction(rng.uniform(0, 2 * np.pi))
        lobes.append((offset, r * wobbly_radii(rng, rng.uniform(1.0, 1.5), rng.uniform(0, np.pi), 0.25)))
    unit_pts = np.concatenate([o + np.column_stack([r * np.cos(THETA), r * np.sin(THETA)]) for o, r in lobes])
    scale = size / calipers(unit_pts)[0]
    centre = (unit_pts.max(axis=0) + unit_pts.min(axis=0)) / 2
    blobs = [Blob(cx=site.x + (o[0] - centre[0]) * scale, cy=site.y + (o[1] - centre[1]) * scale,
                  radii=r * scale,
                  contrast=rng.uniform(0.4, 0.55), profile="dome", softness=0.03) for o, r in lobes]
    mass_radius = size / 2 + rng.uniform(1.5, 2.5)
    mass = Blob(cx=site.x, cy=site.y,
                radii=mass_radius * wobbly_radii(rng, rng.uniform(1.1, 1.4), rng.uniform(0, np.pi), 0.04),
                contrast=0.07, softness=0.35)
    return [measured_particle("popcorn clump", blobs, context=[mass])]


def _large_rod(rng, site, view):
    # thick smooth rods along the duct, pointing to the nipple; some hollow, some broken, a few branching
    length = float(np.clip(site.run * rng.uniform(0.75, 0.95), 3.2, 9.5)) if site.run else rng.uniform(3.5, 9.5)
    width = rng.uniform(0.6, 1.15)
    style = rng.uniform()
    hollow = rng.uniform() < 0.3
    profile = dict(profile="shell", hole=rng.uniform(0.4, 0.55)) if hollow else dict(profile="dome")
    contrast = rng.uniform(0.5, 0.65)
    line = centred_line(rng, site.x, site.y, site.angle + rng.normal(0, 0.06), length, 3, 0.04)
    widths = width * rng.uniform(0.92, 1.0, 3)
    if style < 0.2:  # broken rod: a short gap in the middle
        gap = rng.uniform(0.3, 0.7) / length
        mid = np.array([line[0] + (line[-1] - line[0]) * f for f in (0.5 - gap / 2, 0.5 + gap / 2)])
        look = dict(contrast=contrast, softness=0.03, **profile)
        strokes = [Stroke(points=np.array([line[0], mid[0]]), widths=widths[:1], **look),
                   Stroke(points=np.array([mid[1], line[-1]]), widths=widths[1:2], **look)]
        kind = "broken rod"
    else:
        strokes = [Stroke(points=line, widths=widths, contrast=contrast, softness=0.03, **profile)]
        kind = "hollow rod" if hollow else "rod"
        if style > 0.9:
            side = np.sign(rng.uniform(-1, 1)) * rng.uniform(0.35, 0.6)
            start = line[1]
            branch = np.array([start, start + direction(site.angle + side) * rng.uniform(1.5, 3.0)])
            strokes.append(Stroke(points=branch, widths=np.array([width * 0.8]), contrast=contrast, softness=0.03,
                                  **profile))
            kind = "branching rod"
    return [measured_particle(kind, strokes, width_mm=float(np.median(np.concatenate([s.widths for s in strokes]))))]


def _round_like(rng, site, size_range, contrast_range, kind_round, kind_oval):
    size = rng.uniform(*size_range)
    aspect = 1.0 + abs(rng.normal(0, 0.15))
    blob = sized_blob(site.x, site.y, wobbly_radii(rng, aspect, rng.uniform(0, np.pi), 0.02), size,
                      contrast=rng.uniform(*contrast_range), profile="dome", softness=0.02)
    return [measured_particle(kind_oval if aspect > 1.15 else kind_round, [blob])]


def _round(rng, site, view):
    return _round_like(rng, site, (0.55, 0.98), (0.45, 0.75), "round", "oval")


def _punctate(rng, site, view):
    return _round_like(rng, site, (0.2, 0.45), (0.45, 0.75), "dot", "oval dot")


def _rim(rng, site, view):
    # an oil cyst: a thin calcified shell round a lucent (fatty) centre
    diameter = rng.uniform(2.0, 6.0)
    thickness = rng.uniform(0.2, 0.45)
    unit = wobbly_radii(rng, rng.uniform(1.0, 1.2), rng.uniform(0, np.pi), 0.02)
    # drawn as a bright wall round a nearly clear centre: the shell seen face-on adds little calcium
    shell = sized_blob(site.x, site.y, unit, diameter, contrast=rng.uniform(0.5, 0.65), profile="ring",
                       hole=1.0 - 2 * thickness / diameter, inner=0.12, softness=0.02)
    fat = Blob(cx=site.x, cy=site.y, radii=shell.radii - thickness, contrast=-0.05, softness=0.2)
    return [measured_particle("rim (eggshell)", [shell], context=[fat], width_mm=thickness)]


def _dystrophic(rng, site, view):
    # coarse irregular plaques > 1 mm; some lucent-centred, some curved sheets (fat necrosis after surgery)
    size = rng.uniform(1.5, 5.0)
    style = rng.uniform()
    contrast = rng.uniform(0.5, 0.65)
    if style < 0.4:
        blob = sized_blob(site.x, site.y, wobbly_radii(rng, rng.uniform(1.0, 1.6), rng.uniform(0, np.pi), 0.35),
                          size, contrast=contrast, profile="ring", hole=rng.uniform(0.45, 0.65), inner=0.12,
                          softness=0.03)
        return [measured_particle("lucent-centred plaque", [blob])]
    if style < 0.75:
        blob = sized_blob(site.x, site.y, wobbly_radii(rng, rng.uniform(1.2, 2.2), rng.uniform(0, np.pi), 0.45),
                          size, contrast=contrast, profile="dome", softness=0.03)
        return [measured_particle("plaque", [blob])]
    radius = size / 2
    start = rng.uniform(0, 2 * np.pi)
    arc = np.linspace(start, start + rng.uniform(1.8, 3.2), 9)
    pts = np.column_stack([site.x + radius * np.cos(arc), site.y + radius * np.sin(arc)])
    pts += rng.normal(0, 0.06, pts.shape)
    stroke = Stroke(points=pts, widths=rng.uniform(0.4, 0.9, len(pts) - 1), contrast=contrast, softness=0.03)
    return [measured_particle("curvilinear plaque", [stroke], width_mm=float(np.median(stroke.widths)))]


def _milk_of_calcium(rng, site, view):
    # sediment in a microcyst: a faint round smudge seen from above (CC), a dense "teacup" crescent from the side
    diameter = rng.uniform(0.5, 1.3)
    aspect = 1.0 + abs(rng.normal(0, 0.08))
    tilt = rng.uniform(0, np.pi)
    fill = rng.uniform(0.2, 0.45)  # fraction of the cyst's height filled with sediment
    contrast_cc, contrast_lateral = rng.uniform(0.17, 0.28), rng.uniform(0.4, 0.55)
    if view == "cc":
        blob = sized_blob(site.x, site.y, ellipse_radii(aspect, tilt), diameter, contrast=contrast_cc,
                          softness=0.15)
        return [measured_particle("smudge", [blob])]
    r = diameter / 2
    top = math.asin(1.0 - 2.0 * fill)  # y points down, so the sediment fills y > r(1 - 2 fill)
    arc = np.linspace(top, np.pi - top, 24)
    pts = np.column_stack([r * np.cos(arc), r * np.sin(arc)])
    centroid = pts.mean(axis=0)
    blob = Blob(cx=site.x + centroid[0], cy=site.y + centroid[1], radii=polygon_radii(pts - centroid),
                contrast=contrast_lateral, softness=0.02)
    return [measured_particle("crescent (teacup)", [blob])]


def _suture(rng, site, view):
    # a calcified thread: tubular line with a knot (a small loop and two cut ends)
    length = float(np.clip(site.run * 0.9, 4.0, 10.0)) if site.run else rng.uniform(4.0, 9.0)
    width = rng.uniform(0.35, 0.55)
    contrast = rng.uniform(0.5, 0.62)
    style = dict(profile="shell", hole=0.45, softness=0.02)
    line = centred_line(rng, site.x, site.y, site.angle + rng.normal(0, 0.1), length, 6, 0.06)
    knot_at = line[int(rng.choice([0, 3, 6]))]
    loop_r = rng.uniform(0.45, 0.7)
    loop_phase = rng.uniform(0, 2 * np.pi)
    ring = np.linspace(loop_phase, loop_phase + 2 * np.pi, 13)
    loop_centre = knot_at + direction(site.angle + np.pi / 2) * loop_r * 0.8
    loop = np.column_stack([loop_centre[0] + loop_r * np.cos(ring), loop_centre[1] + loop_r * np.sin(ring)])
    tails = [np.array([knot_at, knot_at + direction(site.angle + a) * rng.uniform(0.7, 1.3)])
             for a in (rng.uniform(2.0, 2.6), -rng.uniform(2.0, 2.6))]
    strokes = [Stroke(points=line, widths=np.full(len(line) - 1, width), contrast=contrast, **style),
               Stroke(points=loop, widths=np.full(len(loop) - 1, width), contrast=contrast, **style)]
    strokes += [Stroke(points=t, widths=np.array([width * 0.9]), contrast=contrast, **style) for t in tails]
    return [measured_particle("suture with knot", strokes, width_mm=width)]


def _amorphous(rng, site, view):
    # so small and hazy that no shape can be named; many sit near the noise floor at 1x
    size = rng.uniform(0.08, 0.22)
    blob = sized_blob(site.x, site.y, wobbly_radii(rng, rng.uniform(1.0, 1.4), rng.uniform(0, np.pi), 0.1), size,
                      contrast=rng.uniform(0.15, 0.35), softness=rng.uniform(0.05, 0.09))
    return [measured_particle("hazy speck", [blob])]


def _coarse_heterogeneous(rng, site, view):
    # irregular, conspicuous 0.5–1 mm particles that tend to touch and coalesce
    out = []
    centre = np.array([site.x, site.y])
    previous = None
    for _ in range(1 + int(rng.choice([0, 0, 1, 2]))):
        size = rng.uniform(0.5, 1.0)
        if previous is not None:
            centre = previous[0] + direction(rng.uniform(0, 2 * np.pi)) * (previous[1] + size) / 2 * rng.uniform(
                0.7, 0.95)
        blob = sized_blob(centre[0], centre[1], wobbly_radii(rng, rng.uniform(1.0, 1.7), rng.uniform(0, np.pi),
                                                             0.3, 7), size,
                          contrast=rng.uniform(0.5, 0.75), softness=0.02)
        out.append(measured_particle("irregular", [blob]))
        previous = (centre.copy(), size)
    return out


def _fine_pleomorphic(rng, site, view):
    # discrete "crushed stone" particles of varying shape and size, all < 0.5 mm
    style = rng.choice(["angular", "angular", "elongated", "dot", "irregular"])
    size = rng.uniform(0.18, 0.48)
    if style == "angular":
        unit = random_polygon_radii(rng, int(rng.integers(3, 6)), 0.35)
    elif style == "elongated":
        unit = wobbly_radii(rng, rng.uniform(2.0, 3.2), rng.uniform(0, np.pi), 0.15)
    elif style == "dot":
        unit = wobbly_radii(rng, rng.uniform(1.0, 1.2), rng.uniform(0, np.pi), 0.05)
        size = min(size, rng.uniform(0.15, 0.3))
    else:
        unit = wobbly_radii(rng, rng.uniform(1.2, 2.0), rng.uniform(0, np.pi), 0.4, 7)
    faint = rng.uniform() < 0.3
    contrast = rng.uniform(0.1, 0.18) if faint else rng.uniform(0.45, 0.75)
    blob = sized_blob(site.x, site.y, unit, size, contrast=contrast, softness=0.02)
    return [measured_particle(str(style), [blob])]


def _fine_linear_branching(rng, site, view):
    # thin (< 0.5 mm), irregular, discontinuous lines along the duct, occasionally branching ("casting")
    length = max(1.0, site.run * rng.uniform(0.6, 0.9)) if site.run else rng.uniform(1.5, 4.0)
    n = int(rng.integers(3, 6))
    line = centred_line(rng, site.x, site.y, site.angle + rng.normal(0, 0.12), length, n, 0.2)
    contrast = rng.uniform(0.1, 0.18) if rng.uniform() < 0.2 else rng.uniform(0.45, 0.7)
    strokes = [Stroke(points=line, widths=rng.uniform(0.12, 0.32, n), contrast=contrast, softness=0.02)]
    kind = "linear"
    if rng.uniform() < 0.4:
        at = line[int(rng.integers(1, n))]
        heading = site.angle + np.sign(rng.uniform(-1, 1)) * rng.uniform(0.45, 0.9)
        branch = wiggly_line(rng, at, heading, rng.uniform(0.6, 1.6), 2, 0.15)
        strokes.append(Stroke(points=branch, widths=rng.uniform(0.1, 0.25, 2), contrast=contrast, softness=0.02))
        kind = "branching line"
    calibre = float(max(s.widths.max() for s in strokes))
    return [measured_particle(kind, strokes, width_mm=calibre)]


# ----------------------------------------------------------------------------------------------------------------
# Recipes: each shape and how the patterns should place it
# ----------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ShapeRecipe:
    """A shape's drawing function and the site density and spacing the distribution patterns use for it."""

    make: Callable[[np.random.Generator, Site, str], list[Particle]]
    abundance: float  # relative number of sites in scattered patterns (1 = many small particles)
    spacing: float  # minimum distance between site centres, mm
    step: tuple[float, float]  # distance between sites along a line or duct, mm
    long_line: bool = False  # a linear pattern runs the whole field (a vessel crosses the breast)


RECIPES: dict[str, ShapeRecipe] = {  # keyed by shape id, in SHAPES order
    "skin": ShapeRecipe(_skin, 0.3, 3.0, (3.0, 5.0)),
    "vascular": ShapeRecipe(_vascular, 0.25, 6.0, (3.0, 6.0), long_line=True),
    "coarse-popcorn": ShapeRecipe(_coarse_popcorn, 0.2, 2.5, (4.0, 6.0)),
    "large-rod": ShapeRecipe(_large_rod, 0.45, 3.0, (4.5, 9.0)),
    "round": ShapeRecipe(_round, 0.7, 1.3, (1.2, 2.5)),
    "punctate": ShapeRecipe(_punctate, 1.0, 0.7, (0.6, 1.5)),
    "rim": ShapeRecipe(_rim, 0.2, 4.5, (5.0, 8.0)),
    "dystrophic": ShapeRecipe(_dystrophic, 0.3, 3.0, (3.0, 5.0)),
    "milk-of-calcium": ShapeRecipe(_milk_of_calcium, 0.8, 1.3, (1.2, 2.0)),
    "suture": ShapeRecipe(_suture, 0.15, 5.0, (6.0, 10.0)),
    "amorphous": ShapeRecipe(_amorphous, 2.0, 0.35, (0.4, 1.0)),
    "coarse-heterogeneous": ShapeRecipe(_coarse_heterogeneous, 0.6, 1.2, (1.0, 1.8)),
    "fine-pleomorphic": ShapeRecipe(_fine_pleomorphic, 1.5, 0.5, (0.5, 1.2)),
    "fine-linear-branching": ShapeRecipe(_fine_linear_branching, 0.6, 2.0, (1.2, 2.6)),
}
assert tuple(RECIPES) == SHAPES
