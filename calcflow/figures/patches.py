"""Draw synthetic mammogram patches (from `calcflow.synthetic`) as matplotlib figures, and save them reproducibly.

Figures are built on `matplotlib.figure.Figure` objects with the Agg canvas, never on pyplot's global state, so
they are safe to build in tests, scripts and notebooks alike. matplotlib is imported only when a function runs.
Images are greyscale (white = calcium); any annotation colour comes from the Okabe–Ito palette.
"""
from __future__ import annotations

from pathlib import Path

from calcflow.errors import InvalidChoice
from calcflow.figures.style import ANNOTATION_COLOUR, OKABE_ITO, new_figure, outlined
from calcflow.synthetic import MAGNIFICATION_VIEW, PATTERNS, SHAPES, TYPICAL_PATTERN, VIEWS, Patch, make_patch

# Okabe & Ito (2008), safe for the common colour-vision deficiencies.
NEUTRAL_SHAPE = "punctate"  # the plain particle used to show distributions
# Microcalcification shapes are shown enlarged in the shape grid (same pixels, a 12 mm window), as a reader would
# zoom in; the others are shown over the whole field.
GRID_ZOOM_MM = {"skin": 12.0, "punctate": 12.0, "milk-of-calcium": 12.0, "amorphous": 12.0,
                "coarse-heterogeneous": 12.0, "fine-pleomorphic": 12.0}
GRID_KINDS = ("shape", "pattern")


def descriptor_label(field: str, value: str) -> str:
    """The lexicon's plain label for a shape or pattern id (one source of truth: calcflow/data/lexicon.yaml)."""
    from calcflow.model.catalogue import catalogue

    return catalogue().descriptor(field, value).label


def window(patch: Patch, zoom_mm: float | None) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) in scene mm: the whole view, or a zoom_mm square round the finding."""
    left, right, bottom, top = patch.extent
    if not zoom_mm or zoom_mm >= patch.view_mm:
        return left, right, bottom, top
    half = zoom_mm / 2
    cx = min(max(patch.focus_mm[0], left + half), right - half)
    cy = min(max(patch.focus_mm[1], top + half), bottom - half)
    return cx - half, cx + half, cy + half, cy - half


def add_scale_bar(ax, window: tuple[float, float, float, float], length_mm: float = 5.0) -> None:
    """A white bar with a dark outline and a "<n> mm" label in the lower-right corner of a window in scene mm."""
    left, right, bottom, top = window
    side = right - left
    inset = 0.06 * side
    x_end, y = right - inset, bottom - inset
    ax.plot([x_end - length_mm, x_end], [y, y], color="white", linewidth=3, solid_capstyle="butt",
            path_effects=outlined(5.5), zorder=5)
    ax.text(x_end - length_mm / 2, y - 0.025 * side, f"{length_mm:g} mm", color="white", ha="center",
            va="bottom", fontsize=9, fontweight="bold", path_effects=outlined(2.5), zorder=5)


def patch_figure(patch: Patch, ax=None, scale_bar_mm: float | None = 5, title: str | None = None,
                 show_region: bool = False, zoom_mm: float | None = None):
    """Draw one patch (greyscale, 0 = black, 1 = white) with a scale bar; returns the Figure.

    title None gives "<shape> · <pattern>" in plain words; "" gives no title. show_region outlines the
    distribution (grouped circle, regional ellipse, segmental triangle, …) in Okabe–Ito orange. zoom_mm shows
    only a square of that side round the finding (same pixels, enlarged).
    """
    if ax is None:
        fig = new_figure(4.2, 4.4)
        ax = fig.add_subplot()
    fig = ax.figure
    ax.imshow(patch.image, cmap="gray", vmin=0.0, vmax=1.0, extent=patch.extent, interpolation="antialiased")
    ax.set_xticks([])
    ax.set_yticks([])
    if show_region:
        from matplotlib.patches import Polygon

        ax.add_patch(Polygon(patch.region_mm, closed=True, fill=False, edgecolor=ANNOTATION_COLOUR, linewidth=1.5,
                             linestyle="--", zorder=4))
    shown = window(patch, zoom_mm)
    ax.set_xlim(shown[0], shown[1])
    ax.set_ylim(shown[2], shown[3])
    if scale_bar_mm:
        add_scale_bar(ax, shown, scale_bar_mm)
    if title is None:
        title = f"{descriptor_label('shape', patch.shape)} · {descriptor_label('pattern', patch.pattern)}"
    if title:
        ax.set_title(title, fontsize=10)
    return fig


def descriptor_grid(kind: str = "shape", seed: int = 0, columns: int = 5):
    """Small multiples of every shape (each in its typical pattern) or every pattern (with punctate particles).

    Shape panels of microcalcifications are enlarged to a 12 mm window (see GRID_ZOOM_MM; each panel carries its
    own scale bar); pattern panels show the whole field with the distribution outlined in Okabe–Ito orange.
    """
    if kind not in GRID_KINDS:
        raise InvalidChoice("grid kind", kind, list(GRID_KINDS))
    if kind == "shape":
        panels = [(s, TYPICAL_PATTERN[s]) for s in SHAPES]
    else:
        panels = [(NEUTRAL_SHAPE, p) for p in PATTERNS]
    rows = -(-len(panels) // columns)
    fig = new_figure(2.7 * columns, 3.0 * rows)
    axes = fig.subplots(rows, columns, squeeze=False)
    for ax, (shape, pattern) in zip(axes.flat, panels):
        patch = make_patch(shape, pattern, seed=seed)
        if kind == "shape":
            zoom = GRID_ZOOM_MM.get(shape)
            patch_figure(patch, ax=ax, title=descriptor_label("shape", shape), zoom_mm=zoom,
                         scale_bar_mm=2 if zoom else 5)
            caption = f"{_short_label('pattern', pattern)} distribution"
        else:
            patch_figure(patch, ax=ax, title=descriptor_label("pattern", pattern), show_region=True)
            caption = f"{_short_label('shape', shape)} particles"
        ax.set_xlabel(caption, fontsize=8, color="#444444")
    for ax in axes.flat[len(panels):]:
        ax.set_axis_off()
    return fig


def _short_label(field: str, value: str) -> str:
    """'Grouped (formerly clustered)' -> 'grouped'."""
    return descriptor_label(field, value).split(" (")[0].lower()


def magnification_pair(shape: str, pattern: str | None = None, seed: int = 0,
                       magnification: float = MAGNIFICATION_VIEW, view: str = "cc"):
    """The same finding as a standard view and as a magnification view, side by side.

    The standard view carries an Okabe–Ito box showing the area the magnification view covers.
    """
    from matplotlib.patches import Rectangle

    plain = make_patch(shape, pattern, seed=seed, view=view)
    magnified = make_patch(shape, pattern, seed=seed, magnification=magnification, view=view)
    fig = new_figure(8.4, 4.6)
    left_ax, right_ax = fig.subplots(1, 2)
    patch_figure(plain, ax=left_ax, title="Standard view (1×)")
    x0, y0 = magnified.origin_mm
    left_ax.add_patch(Rectangle((x0, y0), magnified.view_mm, magnified.view_mm, fill=False,
                                edgecolor=ANNOTATION_COLOUR, linewidth=1.5, linestyle="--", zorder=4))
    patch_figure(magnified, ax=right_ax, title=f"Magnification view ({magnification:g}×)")
    fig.suptitle(f"{descriptor_label('shape', plain.shape)} · {descriptor_label('pattern', plain.pattern)}",
                 fontsize=11)
    return fig


def view_pair(shape: str = "milk-of-calcium", pattern: str | None = None, seed: int = 0, zoom_mm: float = 12.0):
    """The same finding on the CC and the 90° lateral view: milk of calcium changes shape (smudge -> teacup)."""
    fig = new_figure(8.4, 4.6)
    for ax, view, name in zip(fig.subplots(1, 2), VIEWS, ("Craniocaudal (CC) view", "90° lateral view")):
        patch = make_patch(shape, pattern, seed=seed, view=view, magnification=MAGNIFICATION_VIEW)
        patch_figure(patch, ax=ax, title=name, zoom_mm=zoom_mm, scale_bar_mm=2)
    fig.suptitle(f"{descriptor_label('shape', patch.shape)} · {descriptor_label('pattern', patch.pattern)}",
                 fontsize=11)
    return fig
