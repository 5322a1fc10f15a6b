"""The imaging chain: a scene of calcification particles (shapes.py, placed by patterns.py) drawn over breast tissue
(tissue.py) and seen through a simulated detector: soft saturation of dense calcium, Gaussian blur and quantum noise.
`make_patch` renders a view as a `Patch`; `scene_particles` gives the scene's particles without rendering.

A magnification view (`magnification=1.8`) re-renders the same scene (same particles in mm) at a finer pixel scale,
with less noise and a sharper blur, centred on the finding, over a field `field_mm / magnification` wide. Faint
particles (each has a `contrast`) that sink into the noise at 1x stand out at 1.8x, as in clinical practice.

Same arguments -> byte-identical arrays: every random stream is `numpy.random.default_rng` keyed by the seed and by
CRC-32 checksums of the descriptor names (seeding.keyed_rng, never Python's per-process `hash()`).
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from scipy import ndimage

from calcflow.errors import InvalidChoice
from calcflow.synthetic.constants import (DEFAULT_FIELD_MM, MAX_FIELD_MM, MIN_FIELD_MM, PATTERNS, PIXEL_MM, SHAPES,
                                          TYPICAL_PATTERN, VIEWS)
from calcflow.synthetic.geometry import Particle
from calcflow.synthetic.patterns import PATTERN_LAYOUTS
from calcflow.synthetic.seeding import keyed_rng
from calcflow.synthetic.shapes import RECIPES
from calcflow.synthetic.tissue import tissue_view

# Image formation. Blur and noise fall with magnification (micro focal spot, higher dose), which is the point of
# a magnification view; the exponents are tuned so faint specks cross the visibility threshold at ~1.8x.
_BLUR_MM = 0.075  # Gaussian sigma of the imaging chain at 1x
_BLUR_EXPONENT = 0.6
_NOISE_SD = 0.018  # quantum noise (image units) at 1x
_NOISE_EXPONENT = 0.75
_CALCIUM_CEILING = 0.7  # dense calcium saturates softly instead of clipping


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


@dataclass(frozen=True)
class _Scene:
    """The particles of one scene, where its magnification view centres, and the outline of its pattern."""

    particles: tuple[Particle, ...]
    focus: tuple[float, float]
    region: np.ndarray


def _validated(value, valid: Sequence[str], what: str) -> str:
    if isinstance(value, str):
        canonical = value.strip().lower().replace("_", "-").replace(" ", "-")
        if canonical in valid:
            return canonical
    raise InvalidChoice(what, value, list(valid))


@functools.lru_cache(maxsize=16)  # a standard view and its magnification view share one scene
def _build_scene(shape: str, pattern: str, seed: int, field_mm: float, view: str) -> _Scene:
    recipe = RECIPES[shape]
    layout = PATTERN_LAYOUTS[pattern](keyed_rng(seed, "sites", pattern, shape), keyed_rng(seed, "frame", pattern),
                                      recipe, field_mm)
    particle_rng = keyed_rng(seed, "particles", shape, pattern)
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

    background = tissue_view(seed, field_mm, x0, y0, mpp, npx)

    noise_sd = _NOISE_SD / magnification ** _NOISE_EXPONENT
    noise_rng = keyed_rng(seed, "noise", shape, pattern, view, f"{magnification:.4f}", f"{field_mm:.3f}")
    image = background + context + signal + noise_sd * noise_rng.standard_normal((npx, npx))
    np.clip(image, 0.0, 1.0, out=image)
    return Patch(image=image, mm_per_pixel=mpp, particles=drawn, shape=shape, pattern=pattern, seed=seed,
                 magnification=magnification, field_mm=field_mm, view=view, view_mm=view_mm, origin_mm=(x0, y0),
                 focus_mm=scene.focus, region_mm=scene.region, calcium=signal, blur_mm=blur_mm, noise_sd=noise_sd)
