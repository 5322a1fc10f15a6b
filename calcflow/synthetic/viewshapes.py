"""How the whole-breast reading views draw three shapes whose differences the patch recipes (shapes.py) lose at the
views' 0.1 mm per pixel: fine pleomorphic, punctate and amorphous.

The patch recipes are drawn for 0.05 mm pixels and magnification views. In a reading view a particle under 0.5 mm
covers only 2–5 pixels, so the patch recipes' fine pleomorphic particles (0.18–0.48 mm, a third of them faint)
and their punctate dots (0.2–0.45 mm, as dense) both become small round dots of similar brightness. Here each
shape is drawn so that what the lexicon names survives that scale, within the lexicon's limits:

- fine pleomorphic ("discrete particles of varying shapes and sizes", "crushed stone", usually < 0.5 mm): a mix
  of tiny specks (0.15–0.22 mm, 2 pixels), angular fragments (3–5 corners, 0.25–0.42 mm), elongated angular
  splinters (0.38–0.49 mm long, 2–4 times as long as wide: about 5 pixels with the blur, far too short to read as
  the fine linear form the lexicon excludes) and irregular particles of two or three coalescing lobes (0.32–0.49
  mm); each particle faint, medium or dense (specks and splinters at least medium, or they would not show), so
  brightness varies from one to the next. Every particle stays under 0.5 mm;
- punctate ("round deposits smaller than 0.5 mm"): round domes of one diameter per finding, 0.3–0.42 mm (3–4
  pixels), each within a few per cent of it in size and density, so a group looks uniform;
- amorphous ("so small or hazy that no shape can be given"): the patch recipe's specks with softer edges, so that
  they stay hazy through the views' sharper imaging chain (views.py).

Each function takes the finding's random stream, its sites (view mm) and the view, and returns the particles, as
placement.particles_at calls it: one stream per finding, so a finding has the same particles in both views, turned
with the layout (each particle's orientation is taken from its site's direction).
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from calcflow.synthetic.geometry import (THETA, Blob, Particle, Site, calipers, direction, measured_particle,
                                         polygon_radii, sized_blob, wobbly_radii)

BELOW_MM = 0.49  # the largest particle either shape draws: the lexicon's < 0.5 mm
PUNCTATE_DIAMETER_MM = (0.3, 0.42)  # one per finding: 3–4 pixels at 0.1 mm per pixel
PUNCTATE_SPREAD = 0.04  # relative standard deviation of size and of density about the finding's own
# fine pleomorphic: the styles, how often each is drawn, and the densities a particle is drawn at
PLEOMORPHIC_STYLES = {"speck": 0.3, "angular": 0.2, "splinter": 0.3, "irregular": 0.2}
AMORPHOUS_SOFTNESS_MM = (0.2, 0.3)  # how far a hazy speck's edge fades out
DENSITIES = {"faint": ((0.15, 0.3), 0.3), "medium": ((0.4, 0.6), 0.4), "dense": ((0.75, 0.95), 0.3)}


def _turned_polygon(rng, n_vertices: int, jitter: float, aspect: float, angle: float) -> np.ndarray:
    """r(theta) of a random polygon (n corners at jittered angles and radii) stretched `aspect` times along
    `angle`: an angular fragment or, stretched, a splinter."""
    spacing = 2 * np.pi / n_vertices
    angles = rng.uniform(0, 2 * np.pi) + spacing * (np.arange(n_vertices) + rng.uniform(-0.2, 0.2, n_vertices))
    radii = 1.0 + jitter * rng.uniform(-1, 1, n_vertices)
    local = np.column_stack([aspect * radii * np.cos(angles), radii * np.sin(angles)])
    c, s = np.cos(angle), np.sin(angle)
    return polygon_radii(local @ np.array([[c, s], [-s, c]]))


def _density(rng, floor: str | None = None) -> float:
    """A particle's peak contrast: faint, medium or dense (never below `floor`'s band, when given)."""
    names = list(DENSITIES)
    if floor is not None:
        names = names[names.index(floor):]
    weights = np.array([DENSITIES[n][1] for n in names])
    band = DENSITIES[names[int(rng.choice(len(names), p=weights / weights.sum()))]][0]
    return float(rng.uniform(*band))


def _lobes(rng, site: Site, size: float, contrast: float, angle: float) -> list[Blob]:
    """Two or three rough lobes that touch and overlap (their calcium adds up where they do), each a little denser
    or fainter than the next, scaled together so that the particle's longest dimension is `size`."""
    unit = [(np.zeros(2), 1.0)]
    heading = angle
    for _ in range(int(rng.integers(1, 3))):
        r = rng.uniform(0.45, 0.8)
        base, base_r = unit[-1]
        heading += rng.uniform(-1.4, 1.4)
        unit.append((base + direction(heading) * (base_r + r) * rng.uniform(0.55, 0.75), r))
    shapes = [wobbly_radii(rng, rng.uniform(1.0, 1.5), angle + rng.uniform(0, np.pi), 0.35, 5) for _ in unit]
    outline = np.concatenate([centre + r * radii[:, None] * np.column_stack([np.cos(THETA), np.sin(THETA)])
                              for (centre, r), radii in zip(unit, shapes)])
    longest, _ = calipers(outline)
    scale = size / longest
    middle = (outline.min(axis=0) + outline.max(axis=0)) / 2
    return [Blob(cx=site.x + (centre[0] - middle[0]) * scale, cy=site.y + (centre[1] - middle[1]) * scale,
                 radii=r * radii * scale, contrast=contrast * rng.uniform(0.7, 1.0), softness=0.02)
            for (centre, r), radii in zip(unit, shapes)]


def fine_pleomorphic(rng, sites: list[Site], view: str) -> list[Particle]:
    """Crushed stone at 0.1 mm per pixel: varying sizes, shapes and densities, every particle < 0.5 mm."""
    styles = list(PLEOMORPHIC_STYLES)
    weights = np.array(list(PLEOMORPHIC_STYLES.values()))
    out = []
    for site in sites:
        style = styles[int(rng.choice(len(styles), p=weights / weights.sum()))]
        angle = site.angle + rng.uniform(0, np.pi)
        if style == "speck":  # small enough to be a speck, dense enough to be seen
            size = rng.uniform(0.15, 0.22)
            blob = sized_blob(site.x, site.y, wobbly_radii(rng, rng.uniform(1.0, 1.3), angle, 0.15), size,
                              contrast=_density(rng, "medium"), softness=0.02)
            out.append(measured_particle("speck", [blob]))
            continue
        if style == "irregular":
            out.append(measured_particle("irregular", _lobes(rng, site, rng.uniform(0.32, BELOW_MM), _density(rng),
                                                             angle)))
            continue
        if style == "angular":
            unit = _turned_polygon(rng, int(rng.integers(3, 6)), 0.3, rng.uniform(1.1, 1.6), angle)
            size, contrast = rng.uniform(0.25, 0.42), _density(rng)
        else:  # a splinter: long and angular, but far too short to be a line; dense enough for its shape to show
            unit = _turned_polygon(rng, int(rng.integers(4, 6)), 0.2, rng.uniform(2.2, 3.0), angle)
            size, contrast = rng.uniform(0.38, BELOW_MM), _density(rng, "medium")
        blob = sized_blob(site.x, site.y, unit, size, contrast=contrast, softness=0.02)
        out.append(measured_particle(style, [blob]))
    return out


def punctate(rng, sites: list[Site], view: str) -> list[Particle]:
    """Round dots of one size and density per finding (3–4 pixels), each within a few per cent of it."""
    diameter = rng.uniform(*PUNCTATE_DIAMETER_MM)
    density = rng.uniform(0.6, 0.72)
    out = []
    for site in sites:
        size = min(diameter * (1.0 + PUNCTATE_SPREAD * float(np.clip(rng.normal(), -2.5, 2.5))), BELOW_MM)
        contrast = density * (1.0 + PUNCTATE_SPREAD * float(np.clip(rng.normal(), -2.5, 2.5)))
        unit = wobbly_radii(rng, 1.0 + abs(rng.normal(0, 0.04)), site.angle + rng.uniform(0, np.pi), 0.02)
        blob = sized_blob(site.x, site.y, unit, size, contrast=contrast, profile="dome", softness=0.02)
        out.append(measured_particle("dot", [blob]))
    return out


def amorphous(rng, sites: list[Site], view: str) -> list[Particle]:
    """The patch recipe's hazy specks (0.08–0.22 mm), with edges soft enough to stay hazy in the views' sharper
    imaging chain (each fades out over 0.2–0.3 mm instead of 0.05–0.09 mm) and a little fainter, so that they
    stand out from the tissue no more than they did through the patch generator's blur."""
    out = []
    for site in sites:
        size = rng.uniform(0.08, 0.22)
        unit = wobbly_radii(rng, rng.uniform(1.0, 1.4), site.angle + rng.uniform(0, np.pi), 0.1)
        blob = sized_blob(site.x, site.y, unit, size, contrast=rng.uniform(0.1, 0.22),
                          softness=rng.uniform(*AMORPHOUS_SOFTNESS_MM))
        out.append(measured_particle("hazy speck", [blob]))
    return out


# the shapes the reading views draw their own way, keyed by shape id: (rng, sites, view) -> particles
VIEW_SHAPES: dict[str, Callable[[np.random.Generator, list[Site], str], list[Particle]]] = {
    "amorphous": amorphous, "fine-pleomorphic": fine_pleomorphic, "punctate": punctate}
