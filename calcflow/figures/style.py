"""The figures' common style: the colour-blind-safe palette, a fresh figure, and a deterministic save."""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image

from calcflow.errors import InvalidChoice

OKABE_ITO = {"orange": "#E69F00", "sky-blue": "#56B4E9", "bluish-green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "reddish-purple": "#CC79A7", "black": "#000000"}
ANNOTATION_COLOUR = OKABE_ITO["orange"]
SAVE_FORMATS = (".png", ".svg")
DPI = 150
# Synthetic mammograms embedded in pages: 8-bit grey with 32 levels (no visible banding; about half the bytes of
# 256 — the film grain, not the calcifications, is what costs bytes). 16 levels would save as much again, but they
# band the smooth magnification views and lose the faintest specks.
GREY_LEVELS = 32


def new_figure(width_in: float, height_in: float):
    """A matplotlib Figure on the Agg canvas (no pyplot state), laid out with constrained layout."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_in, height_in), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def outlined(width: float = 2.5):
    """A black outline for light text or lines drawn over an image."""
    from matplotlib import patheffects

    return [patheffects.withStroke(linewidth=width, foreground="black")]


def save_figure(fig, path, dpi: int = DPI) -> Path:
    """Write a figure as PNG or SVG, byte-identical on every run (no version stamp, date or random ids)."""
    import matplotlib

    path = Path(path)
    if path.suffix.lower() not in SAVE_FORMATS:
        raise InvalidChoice("figure format", path.suffix or path.name, list(SAVE_FORMATS))
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".png":
        fig.savefig(path, dpi=dpi, metadata={"Software": None})
    else:
        with matplotlib.rc_context({"svg.hashsalt": "calcflow", "svg.fonttype": "path"}):
            fig.savefig(path, metadata={"Date": None, "Creator": None})
    return path


def grey_png(grey: np.ndarray, inside: np.ndarray | None = None) -> bytes:
    """An 8-bit grey image as PNG bytes, quantised to GREY_LEVELS (black where `inside` is False), byte-identical
    on every run: Pillow writes no text chunks (no software stamp, no date) unless asked."""
    step = 256 // GREY_LEVELS
    quantised = grey // step * step + step // 2
    if inside is not None:
        quantised = np.where(inside, quantised, 0)
    buffer = io.BytesIO()
    Image.fromarray(quantised.astype(np.uint8), "L").save(buffer, format="PNG", compress_level=9)
    return buffer.getvalue()
