"""Figures built from synthetic patches for the chapters on what calcifications are, how they are found and how
they are described.

Every label that states a fact (a descriptor's name, its usual cause or typical size, a category) is read from the
lexicon or from `assess()`, so a figure cannot quietly disagree with the data; sizes printed on a figure are measured
from the particles actually drawn. Drawing goes through `calcflow.patches`, on Agg-backed Figures (never pyplot's
global state). Annotation colours are Okabe–Ito. Each function returns a matplotlib Figure; `FIGURES` registers them
for `make figures`.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

from calcflow.figures.patches import GRID_ZOOM_MM, add_scale_bar, descriptor_grid, descriptor_label, patch_figure, view_pair
from calcflow.figures.style import ANNOTATION_COLOUR, OKABE_ITO, new_figure

from calcflow.synthetic import MAGNIFICATION_VIEW, PIXEL_MM, TYPICAL_PATTERN, Patch, make_patch

SCREENING_FIELD_MM = 60.0  # the widest scene synthetic.make_patch draws: enough to make a group look small
SCREENING_ZOOM_MM = 12.0
# The typically benign shapes shown with their usual cause, in the order a student meets them in the chapter.
BENIGN_CAUSE_SHAPES = ("round", "milk-of-calcium", "coarse-popcorn", "rim", "dystrophic", "large-rod", "vascular",
                       "skin", "suture")
# Shapes the size figure places on the size axis; for line-like ones the lexicon sizes the calibre, not the length.
SIZED_SHAPES = ("amorphous", "punctate", "fine-pleomorphic", "fine-linear-branching", "skin", "round",
                "coarse-heterogeneous", "milk-of-calcium", "large-rod", "dystrophic", "coarse-popcorn", "rim")
SIZED_BY_CALIBRE = ("fine-linear-branching", "large-rod")
SIZE_MEASURE = {"fine-linear-branching": " (calibre)", "large-rod": " (calibre)", "rim": " (sphere)"}
MAGNIFIED_ZOOM_MM = 8.0  # window for the morphology of suspicious microcalcifications on a magnification view
SHAPE_GROUPS = {"typically-benign": 3, "suspicious": 2}  # lexicon group -> columns that stay legible in the book
# Panel text sizes chosen for a figure about 8 inches wide shown in the book's ~650 px column.
PANEL_TITLE_PT = 11
PANEL_LABEL_PT = 9.5


@dataclass(frozen=True)
class Cutoff:
    """A published size threshold between micro- and macrocalcification."""
    source: str
    key: str          # BibTeX key in calcflow/data/references.bib
    micro_below_mm: float | None
    macro_above_mm: float | None


# The sources disagree (clinical facts §1.5): the figure draws each one's line rather than choosing between them.
SIZE_CUTOFFS = (
    Cutoff("Chapman & Nakielny", "chapmanNakielny", 0.5, None),
    Cutoff("BI-RADS atlas (coarse or popcorn-like)", "biradsAtlas2013", None, 2.0),
    Cutoff("Human Phenotype Ontology", "hpoMicrocalc", 1.0, None),
)


def _lexicon(field: str, value: str):
    from calcflow.model.catalogue import catalogue

    return catalogue().descriptor(field, value)


def _wrap(text: str, width: int = 32) -> str:
    return textwrap.fill(" ".join(text.split()), width)


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return text.split(". ")[0].rstrip(".") + "."


def _short(field: str, value: str) -> str:
    """'Grouped (formerly clustered)' -> 'grouped'."""
    return descriptor_label(field, value).split(" (")[0].lower()


def _measured_range(patch: Patch, calibre: bool = False) -> str:
    values = [p.width_mm if calibre else p.size_mm for p in patch.particles]
    return f"{min(values):.1f}–{max(values):.1f} mm" if max(values) >= 1 else \
        f"{min(values):.2f}–{max(values):.2f} mm"


def _zoom_to(ax, patch: Patch, centre: tuple[float, float], side_mm: float, bar_mm: float) -> None:
    """Show a side_mm square of the patch round centre (clamped inside the view), with a scale bar."""
    left, right, bottom, top = patch.extent
    half = side_mm / 2
    cx = min(max(centre[0], left + half), right - half)
    cy = min(max(centre[1], top + half), bottom - half)
    window = (cx - half, cx + half, cy + half, cy - half)
    ax.set_xlim(window[0], window[1])
    ax.set_ylim(window[2], window[3])
    add_scale_bar(ax, window, bar_mm)


def _nearest_particle(patch: Patch, point: tuple[float, float]) -> tuple[float, float]:
    """The centre of the drawn particle nearest a point (so a zoom on a scattered pattern shows something)."""
    return min((p.centre for p in patch.particles),
               key=lambda c: (c[0] - point[0]) ** 2 + (c[1] - point[1]) ** 2)


def _outline_box(ax, window_mm: tuple[float, float, float]) -> None:
    from matplotlib.patches import Rectangle

    x0, y0, side = window_mm
    ax.add_patch(Rectangle((x0, y0), side, side, fill=False, edgecolor=ANNOTATION_COLOUR, linewidth=1.8,
                           linestyle="--", zorder=4))


# ---------------------------------------------------------------------------------------------------------------
# What calcifications are
# ---------------------------------------------------------------------------------------------------------------
def _panel_grid(count: int, columns: int, label_lines: int, panel_in: float = 2.75):
    """A grid of square image panels sized for the book's column (about 650 px): the axes to draw on, in order.

    The figure is tall enough for each panel's title and `label_lines` lines of label beneath it, so a row's labels
    never run into the next row's titles; unused cells are switched off.
    """
    rows = -(-count // columns)
    fig = new_figure(panel_in * columns, (panel_in + 0.5 + 0.2 * label_lines) * rows)
    axes = fig.subplots(rows, columns, squeeze=False).flat
    for ax in axes[count:]:
        ax.set_axis_off()
    return fig, list(axes[:count])


def _label(ax, text: str, fontsize: float = PANEL_LABEL_PT) -> None:
    ax.set_xlabel(text, fontsize=fontsize, color="#333333")
    ax.title.set_fontsize(PANEL_TITLE_PT)


def benign_causes(shapes: tuple[str, ...] = BENIGN_CAUSE_SHAPES, seed: int = 0, columns: int = 3):
    """Typically benign calcifications, each in its usual pattern, labelled with its usual cause (lexicon)."""
    fig, axes = _panel_grid(len(shapes), columns, label_lines=3)
    for ax, shape in zip(axes, shapes):
        patch = make_patch(shape, seed=seed)
        zoom = GRID_ZOOM_MM.get(shape)
        patch_figure(patch, ax=ax, title=descriptor_label("shape", shape), zoom_mm=zoom, scale_bar_mm=2 if zoom else 5)
        _label(ax, _wrap(_lexicon("shape", shape).usual_cause, 30))
    return fig


def rods_and_casts(seed: int = 0):
    """Benign large rod-like calcifications beside suspicious fine linear branching ones, at the same scale.

    Both are linear and both follow ducts towards the nipple (off the left edge); the difference is calibre,
    smoothness and continuity, which is why a radiologist looks at the particles as well as the pattern.
    """
    fig = new_figure(8.6, 4.9)
    for ax, shape in zip(fig.subplots(1, 2), ("large-rod", "fine-linear-branching")):
        entry = _lexicon("shape", shape)
        patch = make_patch(shape, seed=seed)
        group = "typically benign" if entry.group == "typically-benign" else "suspicious"
        patch_figure(patch, ax=ax, title=f"{entry.label}\n({group}, {_short('pattern', patch.pattern)})")
        calibre = _measured_range(patch, calibre=True)
        _label(ax, _wrap(f"Calibre drawn: {calibre}. Usual cause: {entry.usual_cause}", 46))
    return fig


# ---------------------------------------------------------------------------------------------------------------
# How they are found
# ---------------------------------------------------------------------------------------------------------------
def screening_view(shape: str = "fine-pleomorphic", pattern: str = "grouped", seed: int = 0,
                   zoom_mm: float = SCREENING_ZOOM_MM):
    """A group of calcifications as a reader meets it: a wide screening field, then the same pixels enlarged."""
    patch = make_patch(shape, pattern, seed=seed, field_mm=SCREENING_FIELD_MM)
    fig = new_figure(8.8, 4.9)
    whole, enlarged = fig.subplots(1, 2)
    patch_figure(patch, ax=whole, title=f"Screening view: {SCREENING_FIELD_MM:g} mm of breast",
                 scale_bar_mm=10)
    patch_figure(patch, ax=enlarged, title=f"The boxed area enlarged ({zoom_mm:g} mm)", zoom_mm=zoom_mm,
                 scale_bar_mm=2)
    (left, right), (_, top) = enlarged.get_xlim(), enlarged.get_ylim()  # y runs downwards: top is the smaller
    _outline_box(whole, (left, top, right - left))
    _label(whole, "Small white spots among the glandular tissue")
    _label(enlarged, f"{descriptor_label('shape', shape)} calcifications, {_short('pattern', pattern)}")
    return fig


# ---------------------------------------------------------------------------------------------------------------
# Describing calcifications
# ---------------------------------------------------------------------------------------------------------------
def micro_and_macro(seed: int = 0, window_mm: float = 12.0):
    """A microcalcification group and a macrocalcification at the same scale, with the sizes measured."""
    fig = new_figure(8.6, 4.9)
    for ax, (size, shape) in zip(fig.subplots(1, 2), (("micro", "punctate"), ("macro", "coarse-popcorn"))):
        patch = make_patch(shape, seed=seed)
        patch_figure(patch, ax=ax, title=f"{_lexicon('size', size).label}\n"
                                         f"({descriptor_label('shape', shape).lower()})",
                     zoom_mm=window_mm, scale_bar_mm=2)
        _label(ax, f"Each particle measures {_measured_range(patch)}")
    return fig


def size_cutoffs(seed: int = 0):
    """Where the particles of each shape fall on a size axis, against each source's micro/macro cut-off.

    Sizes are measured from the drawn synthetic particles (longest dimension; calibre for line-like shapes).
    The band between the lowest and highest cut-off is where the sources disagree.
    """
    import numpy as np

    fig = new_figure(8.8, 5.6)
    ax = fig.add_subplot()
    colours = {"typically-benign": OKABE_ITO["blue"], "suspicious": OKABE_ITO["vermillion"]}
    markers = {"typically-benign": "o", "suspicious": "D"}
    lows = [c.micro_below_mm for c in SIZE_CUTOFFS if c.micro_below_mm]
    highs = [c.macro_above_mm for c in SIZE_CUTOFFS if c.macro_above_mm]
    ax.axvspan(min(lows), max(highs), color=OKABE_ITO["yellow"], alpha=0.25, zorder=0, linewidth=0)
    shapes = sorted(SIZED_SHAPES, key=lambda s: _median_size(make_patch(s, seed=seed), s in SIZED_BY_CALIBRE))
    jitter = np.random.default_rng(seed)
    for row, shape in enumerate(shapes):
        entry = _lexicon("shape", shape)
        patch = make_patch(shape, seed=seed)
        calibre = shape in SIZED_BY_CALIBRE
        sizes = [p.width_mm if calibre else p.size_mm for p in patch.particles]
        ax.scatter(sizes, row + jitter.uniform(-0.18, 0.18, len(sizes)), s=16, color=colours[entry.group],
                   marker=markers[entry.group], alpha=0.8, linewidths=0, zorder=3)
    labels = [descriptor_label("shape", s).split(" (")[0] + SIZE_MEASURE.get(s, "") for s in shapes]
    ax.set_yticks(range(len(shapes)), labels, fontsize=10)
    ax.set_ylim(-0.7, len(shapes) - 0.3)
    ax.set_xscale("log")
    ax.set_xlim(0.05, 25)
    ax.set_xticks([0.1, 0.2, 0.5, 1, 2, 5, 10, 20], ["0.1", "0.2", "0.5", "1", "2", "5", "10", "20"])
    ax.set_xlabel("Size of each particle (mm, logarithmic scale)", fontsize=10.5)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch as LegendPatch

    handles = [Line2D([], [], color=colours[g], marker=markers[g], linestyle="", label=name)
               for g, name in (("typically-benign", "Typically benign shape"), ("suspicious", "Suspicious shape"))]
    handles.append(LegendPatch(color=OKABE_ITO["yellow"], alpha=0.4, label="Sources disagree"))
    styles = ("-", "--", ":")
    for step, value in enumerate(sorted({*lows, *highs})):
        style = styles[step % len(styles)]
        ax.axvline(value, color="black", linewidth=1.2, linestyle=style, zorder=2)
        who = "; ".join(c.source for c in SIZE_CUTOFFS if value in (c.micro_below_mm, c.macro_above_mm))
        side = "micro below" if value in lows else "macro above"
        handles.append(Line2D([], [], color="black", linewidth=1.2, linestyle=style,
                              label=f"{side} {value:g} mm\n({who})"))
    # the lower right of the plot is empty (no shape has small rows with large particles): the legend goes there
    ax.legend(handles=handles, loc="lower right", fontsize=8.5, frameon=True, framealpha=0.95)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6, zorder=1)
    return fig


def _median_size(patch: Patch, calibre: bool) -> float:
    values = sorted(p.width_mm if calibre else p.size_mm for p in patch.particles)
    return values[len(values) // 2]


def shape_group(group: str = "typically-benign", seed: int = 0, columns: int | None = None,
                exclude: tuple[str, ...] = ()):
    """Every shape of one lexicon group (less `exclude`), each in its typical pattern, labelled with its typical size.

    Typically benign shapes are standard views (microcalcification shapes enlarged to a 12 mm window, as in
    `descriptor_grid`). Suspicious shapes are magnification views (1.8×), because that is where their morphology is
    judged: each is shown over an 8 mm window round the finding, except fine linear branching, whose branching needs
    the whole view.
    """
    from calcflow.model.catalogue import catalogue

    if group not in SHAPE_GROUPS:
        from calcflow.errors import InvalidChoice

        raise InvalidChoice("shape group", group, list(SHAPE_GROUPS))
    shapes = [s.id for s in catalogue().lexicon.shape if s.group == group and s.id not in exclude]
    label_lines = 5 if group == "typically-benign" else 3
    fig, axes = _panel_grid(len(shapes), columns or SHAPE_GROUPS[group], label_lines=label_lines)
    for ax, shape in zip(axes, shapes):
        entry = _lexicon("shape", shape)
        if group == "suspicious":
            patch = make_patch(shape, seed=seed, magnification=MAGNIFICATION_VIEW)
            whole = TYPICAL_PATTERN[shape] == "segmental"
            patch_figure(patch, ax=ax, title=entry.label.split(" (")[0], scale_bar_mm=None if not whole else 2)
            if not whole:
                _zoom_to(ax, patch, patch.focus_mm, MAGNIFIED_ZOOM_MM, 1)
        else:
            patch = make_patch(shape, seed=seed)
            zoom = GRID_ZOOM_MM.get(shape)
            patch_figure(patch, ax=ax, title=entry.label.split(" (")[0], zoom_mm=zoom,
                         scale_bar_mm=2 if zoom else 5)
        lines = [_wrap(f"Size: {entry.typical_size}", 30), f"Shown {_short('pattern', patch.pattern)}"]
        if entry.suggested_birads:
            lines.append(f"Suggested BI-RADS {entry.suggested_birads}")
        _label(ax, "\n".join(lines))
    return fig


def milk_of_calcium_views(seed: int = 0):
    """Milk of calcium on the CC and 90° lateral magnification views (calcflow.patches.view_pair)."""
    return view_pair("milk-of-calcium", seed=seed)


def distributions(seed: int = 0):
    """Every distribution with the same punctate particles, the pattern outlined (calcflow.patches), in 3 columns."""
    columns = 3
    fig = descriptor_grid("pattern", seed=seed, columns=columns)
    rows = len(fig.axes) // columns
    fig.set_size_inches(2.75 * columns, (2.75 + 0.7) * rows)  # room for the larger book-size labels
    for ax in _image_axes(fig):
        _label(ax, ax.get_xlabel())
    return fig


def _image_axes(fig) -> list:
    return [ax for ax in fig.axes if ax.images]


def _mark_particles(ax, patch: Patch, radius_mm: float = 0.5) -> None:
    """Thin Okabe–Ito rings round every particle, so a faint distribution can be seen at a glance."""
    from matplotlib.patches import Circle

    for particle in patch.particles:
        ax.add_patch(Circle(particle.centre, radius_mm + particle.size_mm / 2, fill=False,
                            edgecolor=OKABE_ITO["sky-blue"], linewidth=0.8, zorder=4))


def read_together(shape: str = "amorphous", patterns: tuple[str, ...] = ("diffuse", "grouped"), seed: int = 0,
                  zoom_mm: float = 8.0):
    """One morphology in different distributions, with the model's category for each (calcflow.assess).

    Top row: the standard view (30 mm), each particle ringed and the distribution outlined, because the pattern is
    judged over the whole field. Bottom row: the same scene on a 1.8x magnification view, enlarged round one of the
    particles, where the morphology is judged. Titles come from assess(), so the figure shows what the model
    decides: the same particles, different categories.
    """
    from calcflow.model.assessment import assess

    size = _lexicon("shape", shape).sizes[0]
    fig = new_figure(4.3 * len(patterns), 9.9)
    axes = fig.subplots(2, len(patterns), squeeze=False)
    for column, pattern in enumerate(patterns):
        standard = make_patch(shape, pattern, seed=seed)
        magnified = make_patch(shape, pattern, seed=seed, magnification=MAGNIFICATION_VIEW)
        us = assess(size, shape, pattern, system="us")
        uk = assess(size, shape, pattern, system="uk")
        top, bottom = axes[0, column], axes[1, column]
        patch_figure(standard, ax=top, show_region=True,
                     title=f"{descriptor_label('pattern', pattern)}\n"
                           f"US BI-RADS {us.birads} · UK {uk.rcr} · {uk.category}")
        _mark_particles(top, standard)
        _label(top, f"Standard view, {len(standard.particles)} particles ringed")
        centre = _nearest_particle(magnified, magnified.focus_mm)
        patch_figure(magnified, ax=bottom, title=f"Magnification view ({MAGNIFICATION_VIEW:g}×), enlarged",
                     scale_bar_mm=None)
        _zoom_to(bottom, magnified, centre, zoom_mm, 1)
        _label(bottom, _wrap(_first_sentence(_lexicon("shape", shape).description), 44))
        (left, right), (_, top_y) = bottom.get_xlim(), bottom.get_ylim()
        _outline_box(top, (left, top_y, right - left))
    return fig


FIGURES = {
    "what-calcifications-are-benign-causes": benign_causes,
    "what-calcifications-are-rods-and-casts": rods_and_casts,
    "how-they-are-found-screening-view": screening_view,
    "describing-micro-and-macro": micro_and_macro,
    "describing-size-cutoffs": size_cutoffs,
    "describing-shapes-benign": lambda: shape_group("typically-benign", exclude=("milk-of-calcium",)),
    "describing-shapes-suspicious": lambda: shape_group("suspicious"),
    "describing-milk-of-calcium-views": milk_of_calcium_views,
    "describing-distributions": distributions,
    "describing-read-together": read_together,
}

# Pixel scale of each view, for captions: standard views and magnification views.
STANDARD_MM_PER_PIXEL = PIXEL_MM
MAGNIFIED_MM_PER_PIXEL = PIXEL_MM / MAGNIFICATION_VIEW
