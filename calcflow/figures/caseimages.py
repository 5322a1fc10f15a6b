"""A case's synthetic image: the patch the generator draws for it, as a figure or as the small PNG the case player
embeds. Byte-identical on every run.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

from calcflow.figures.patches import patch_figure, window
from calcflow.figures.style import grey_png
from calcflow.model.cases import Case
from calcflow.synthetic import MAGNIFICATION_VIEW, Patch, make_patch

# The embedded images are small: 208 px, shown about 350 px wide, look as they did at 320 px — the faintest
# amorphous specks and the punctate specks of a 30 mm view included — and all 22 take about 260 KB of the case
# library's page instead of 620 KB. Grey levels: calcflow.figures.style.GREY_LEVELS.
IMAGE_PX = 208


def magnification(c: Case) -> float:
    """The case's magnification factor: as given, else the usual magnification view."""
    return c.image.magnification if c.image.magnification is not None else MAGNIFICATION_VIEW


def case_image(c: Case) -> Patch:
    """The case's synthetic mammogram patch (calcflow.synthetic.make_patch)."""
    return make_patch(c.descriptors.shape, c.descriptors.pattern, seed=c.image.seed,
                      magnification=magnification(c), view=c.image.view)


def window_mm(c: Case, patch: Patch) -> float:
    """Width of the square the case shows: the zoom window, or the whole view."""
    return min(c.image.zoom_mm or patch.view_mm, patch.view_mm)


def scale_bar_mm(window_mm: float) -> int:
    """A scale bar about a sixth of the window or less: 5 mm on a whole view, 2 mm on a zoomed one."""
    return 5 if window_mm >= 15 else 2


def case_figure(c: Case):
    """The case image as a matplotlib Figure with a scale bar, titled without giving the answer away."""
    patch = case_image(c)
    return patch_figure(patch, title=c.title, zoom_mm=c.image.zoom_mm, scale_bar_mm=scale_bar_mm(window_mm(c, patch)))


def _window_pixels(patch: Patch, zoom_mm: float | None) -> tuple[int, int, int, int]:
    """(row0, row1, col0, col1) of the square the figure shows (patches.window), in image pixels."""
    left, right, bottom, top = window(patch, zoom_mm)
    (c0, c1), (r0, r1) = patch.to_pixels([left, right], [top, bottom])
    n = patch.image.shape[0]
    edge = lambda v: int(min(max(round(v + 0.5), 0), n))  # noqa: E731 - pixel edges, not centres
    return edge(r0), edge(r1), edge(c0), edge(c1)


def png(patch: Patch, zoom_mm: float | None, px: int = IMAGE_PX) -> bytes:
    """The square the figure shows as a small 8-bit greyscale PNG of `px` pixels, quantised to GREY_LEVELS."""
    r0, r1, c0, c1 = _window_pixels(patch, zoom_mm)
    grey = np.clip(patch.image[r0:r1, c0:c1], 0.0, 1.0)
    small = np.asarray(Image.fromarray((grey * 255).round().astype(np.uint8), "L").resize((px, px), Image.LANCZOS))
    return grey_png(small)


def image_png(c: Case, px: int = IMAGE_PX) -> bytes:
    """The case image (its zoom window) as a small 8-bit greyscale PNG, byte-identical on every run."""
    return png(case_image(c), c.image.zoom_mm, px)
