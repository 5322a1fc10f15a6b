"""The breast tissue behind the calcifications: a fibroglandular background defined once per (seed, field) on a
fixed scene grid, then resampled for each view (a standard view and its magnification view see the same tissue)."""
from __future__ import annotations

import functools

import numpy as np
from scipy import ndimage
from scipy.spatial import cKDTree

from calcflow.synthetic.seeding import keyed_rng

_TISSUE_GRID_MM = 0.1  # the background is defined on this grid in the scene and resampled for each view
_TISSUE_PAD = 4


def _tissue(seed: int, field_mm: float) -> np.ndarray:
    """Fibroglandular background on the scene grid.

    Three layers: (1) a 1/f^3 power-law texture (the classic statistical model of breast parenchyma) squashed
    through a sigmoid into bright glandular clouds and dark fat; (2) fine fibrous strands whose orientation fans
    about the nipple direction; (3) thin septa round fat lobules (cell edges of a random point pattern), mostly
    visible in the fatty areas.
    """
    rng = keyed_rng(seed, "tissue", f"{field_mm:.3f}")
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


@functools.lru_cache(maxsize=8)
def _tissue_cached(seed: int, field_mm: float) -> np.ndarray:
    tissue = _tissue(seed, field_mm)
    tissue.flags.writeable = False
    return tissue


def tissue_view(seed: int, field_mm: float, x0: float, y0: float, mpp: float, npx: int) -> np.ndarray:
    """The background of one view, npx x npx pixels of mpp mm whose top-left corner is (x0, y0) in scene mm
    (linear interpolation of the seed's tissue grid, which is cached)."""
    centres = (np.arange(npx) + 0.5) * mpp
    rows = (y0 + centres) / _TISSUE_GRID_MM - 0.5 + _TISSUE_PAD
    cols = (x0 + centres) / _TISSUE_GRID_MM - 0.5 + _TISSUE_PAD
    grid = np.meshgrid(rows, cols, indexing="ij")
    return ndimage.map_coordinates(_tissue_cached(seed, field_mm), grid, order=1, mode="nearest")
