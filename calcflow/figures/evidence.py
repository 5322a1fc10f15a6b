"""Published likelihood of malignancy, drawn: its spread between studies, and natural-frequency icon arrays.

Every number comes from the data: one row per study and descriptor in `calcflow/data/evidence.yaml`, and the
BI-RADS likelihood bands from `calcflow/data/scales.yaml`. Figures are built on `matplotlib.figure.Figure` with
the Agg canvas (no pyplot state), use the Okabe–Ito palette, and give every study design its own marker shape as
well as its own colour, so nothing depends on colour alone. Nothing here is random.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from calcflow.model.catalogue import Catalogue, catalogue
from calcflow.errors import DataError, InvalidChoice
from calcflow.figures.style import OKABE_ITO, new_figure

ATLAS_SOURCE = "biradsAtlas2013"
# How each study was designed, by its source key: the atlas's literature summary, a pooled meta-analysis, or
# (any other source) one series.
DESIGN_BY_SOURCE = {ATLAS_SOURCE: "atlas", "rominger2012": "pooled"}


@dataclass(frozen=True)
class Design:
    label: str
    marker: str
    colour: str
    size: float


DESIGNS = {
    "atlas": Design("BI-RADS atlas value", "D", OKABE_ITO["black"], 7.5),
    "pooled": Design("Pooled meta-analysis (95% CI)", "s", OKABE_ITO["blue"], 6.5),
    "series": Design("Single series", "o", OKABE_ITO["orange"], 6.5),
}
DESIGN_ORDER = tuple(DESIGNS)
BAND_IDS = ("3", "4A", "4B", "4C", "5")
BAND_SHADES = ("#F4F4F4", "#E4E4E4")      # alternate light greys: the bands sit behind the points
CANCER_COLOUR, CLEAR_COLOUR, CLEAR_EDGE = OKABE_ITO["vermillion"], "#E6E6E6", "#7A7A7A"
KINDS = ("shape", "pattern", "birads", "rcr")


def design_of(row) -> str:
    """The study design of one evidence row: atlas, pooled or series."""
    return next((DESIGN_BY_SOURCE[k] for k in row.sources if k in DESIGN_BY_SOURCE), "series")


# --- the BI-RADS bands, read from scales.yaml ---------------------------------------------------------------
@dataclass(frozen=True)
class Band:
    birads: str
    low: float
    high: float


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")


def category_bands(cat: Catalogue | None = None) -> tuple[Band, ...]:
    """The likelihood-of-malignancy band of BI-RADS 3, 4A, 4B, 4C and 5, parsed from the scale's own wording
    ("> 2% to ≤ 10%" -> 2–10; "≥ 95%" -> 95–100)."""
    cat = cat or catalogue()
    bands = []
    for birads_id in BAND_IDS:
        text = cat.birads(birads_id).likelihood or ""
        numbers = [float(x) for x in _PERCENT.findall(text)]
        if len(numbers) == 1 and "≥" in text:
            numbers.append(100.0)
        if len(numbers) != 2 or numbers[0] >= numbers[1]:
            raise DataError(f"scales.yaml: birads {birads_id!r}: field 'likelihood': cannot read a band "
                            f"from {text!r} (expected e.g. '> 2% to ≤ 10%')")
        bands.append(Band(birads_id, *numbers))
    return tuple(bands)


# --- the spread between studies -----------------------------------------------------------------------------
def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise InvalidChoice("evidence kind", kind, list(KINDS))


def evidence_rows(kind: str, descriptor: str, cat: Catalogue | None = None) -> tuple:
    """Every published row for one descriptor, ordered atlas, pooled, single series (by PPV), high prevalence."""
    _check_kind(kind)
    cat = cat or catalogue()
    rows = [p for p in cat.evidence.ppv if p.kind == kind and p.descriptor == descriptor]
    if not rows:
        known = list(dict.fromkeys(p.descriptor for p in cat.evidence.ppv if p.kind == kind))
        raise InvalidChoice(f"{kind} with published evidence", descriptor, known)
    return tuple(sorted(rows, key=lambda p: (DESIGN_ORDER.index(design_of(p)), p.ppv)))


def descriptors_with_evidence(kind: str, cat: Catalogue | None = None) -> tuple[str, ...]:
    """The descriptors of one kind that have evidence rows, in the lexicon's (or the scale's) order."""
    _check_kind(kind)
    cat = cat or catalogue()
    present = {p.descriptor for p in cat.evidence.ppv if p.kind == kind}
    if kind in ("shape", "pattern"):
        order = cat.ids(kind)
    elif kind == "birads":
        order = [b.id for b in cat.scales.birads] + ["4"]
    else:
        order = [r.id for r in cat.scales.rcr]
    ordered = [d for d in order if d in present]
    return tuple(ordered + sorted(present - set(ordered)))


def panel_label(kind: str, descriptor: str, cat: Catalogue | None = None) -> str:
    cat = cat or catalogue()
    if kind in ("shape", "pattern"):
        return cat.descriptor(kind, descriptor).label
    return f"BI-RADS {descriptor}" if kind == "birads" else f"{descriptor} (UK 5-point scale)"


def _row_label(row) -> str:
    return row.study + (f" (n={row.n:,})" if row.n else "")


def ppv_spread(kind: str = "shape", descriptors=None, cat: Catalogue | None = None):
    """One panel per descriptor, one point per published row: what each study found (malignant at biopsy, %).

    `descriptors`: ids of `kind`, or (kind, id) pairs to mix scales in one figure; default every descriptor of
    `kind` with evidence. Points carry gid "ppv-point"; each panel's label is "<kind>:<descriptor>". The
    BI-RADS likelihood bands (3, 4A, 4B, 4C, 5) are shaded behind the points.
    """
    from matplotlib.lines import Line2D

    cat = cat or catalogue()
    panels = [d if isinstance(d, tuple) else (kind, d)
              for d in (descriptors if descriptors is not None else descriptors_with_evidence(kind, cat))]
    rows = [evidence_rows(k, d, cat) for k, d in panels]
    bands = category_bands(cat)
    heights = [len(r) + 0.9 for r in rows]
    fig = new_figure(6.8, 1.3 + 0.28 * sum(heights))
    header, *axes = fig.subplots(len(panels) + 1, 1, sharex=True,
                                 gridspec_kw={"height_ratios": [0.8] + heights})
    _band_header(header, bands)
    seen = []
    for ax, (k, d), found in zip(axes, panels, rows):
        ax.set_label(f"{k}:{d}")
        for j, band in enumerate(bands):
            ax.axvspan(band.low, band.high, color=BAND_SHADES[j % 2], zorder=0, linewidth=0)
        for y, row in enumerate(found):
            design = design_of(row)
            style = DESIGNS[design]
            if design not in seen:
                seen.append(design)
            if row.ci:
                ax.errorbar([row.ppv], [y], xerr=[[row.ppv - row.ci[0]], [row.ci[1] - row.ppv]], fmt="none",
                            ecolor=style.colour, elinewidth=1.4, capsize=3, zorder=2)
            ax.plot([row.ppv], [y], linestyle="none", marker=style.marker, markersize=style.size,
                    markerfacecolor=style.colour, markeredgecolor="black", markeredgewidth=0.6, zorder=3,
                    gid="ppv-point", clip_on=False)
            end = row.ci[1] if row.ci else row.ppv
            right = end <= 88
            ax.annotate(f"{row.ppv:g}%", (end if right else row.ppv, y), xytext=(7 if right else -8, 0),
                        textcoords="offset points", ha="left" if right else "right", va="center", fontsize=8,
                        color="#222222", zorder=4)
        ax.set_yticks(range(len(found)), [_row_label(r) for r in found], fontsize=8.5)
        ax.set_ylim(len(found) - 0.4, -0.6)
        ax.tick_params(axis="y", length=0)
        ax.set_title(panel_label(k, d, cat), loc="left", fontsize=10, fontweight="bold", pad=3)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
    axes[-1].set_xlim(0, 100)
    axes[-1].set_xticks(range(0, 101, 10))
    axes[-1].set_xlabel("Malignant at biopsy or surgery (%)", fontsize=9)
    handles = [Line2D([], [], linestyle="none", marker=DESIGNS[d].marker, markersize=DESIGNS[d].size,
                      markerfacecolor=DESIGNS[d].colour, markeredgecolor="black", markeredgewidth=0.6,
                      label=DESIGNS[d].label) for d in DESIGN_ORDER if d in seen]
    fig.legend(handles=handles, loc="outside lower center", ncol=min(len(handles), 2), fontsize=8, frameon=False)
    return fig


def _band_header(ax, bands) -> None:
    """A strip above the panels naming the shaded BI-RADS bands."""
    ax.set_label("bands")
    for j, band in enumerate(bands):
        ax.axvspan(band.low, band.high, color=BAND_SHADES[j % 2], linewidth=0)
        ax.text((band.low + band.high) / 2, 0.5, band.birads, ha="center", va="center", fontsize=8,
                fontweight="bold", color="#333333")
    ranges = " · ".join(f"{b.birads}: {b.low:g}–{b.high:g}%" for b in bands)
    ax.set_title(f"BI-RADS likelihood bands, shaded behind every panel\n{ranges}", loc="left", fontsize=8.5,
                 pad=2, color="#333333")
    ax.set_yticks([])
    ax.set_ylim(0, 1)
    ax.tick_params(axis="x", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


# --- natural frequencies: "of 100 women with this finding, about N have cancer" ------------------------------
@dataclass(frozen=True)
class IconItem:
    """One icon array: a finding, a stated percentage and where it comes from."""
    label: str
    percent: float
    study: str
    sources: tuple[str, ...]
    bound: str = "about"          # "about" (a measured value) or "at most" (a category's ceiling)


def icon_count(percent: float) -> int:
    """How many of 100 icons to highlight: the percentage rounded half up (20.5 -> 21; 13.5 -> 14)."""
    if not 0 <= percent <= 100:
        raise ValueError(f"a likelihood must be between 0 and 100%, got {percent!r}")
    return int(math.floor(percent + 0.5))


def _person_marker():
    """A small person (head and shoulders), drawn as one matplotlib Path so it can be a scatter marker."""
    import numpy as np
    from matplotlib.path import Path

    head = Path.circle((0.0, 0.58), 0.36)
    t = np.linspace(0.0, np.pi, 24)
    shoulders = np.column_stack([0.5 * np.cos(t), 0.0 + 0.2 * np.sin(t)])
    body = np.vstack([[[0.5, -0.95]], shoulders, [[-0.5, -0.95]], [[0.5, -0.95]]])
    codes = [Path.MOVETO] + [Path.LINETO] * (len(body) - 2) + [Path.CLOSEPOLY]
    return Path.make_compound_path(head, Path(body, codes))


def _draw_icons(ax, n_highlighted: int) -> None:
    import numpy as np

    index = np.arange(100)
    x, y = index % 10, index // 10          # filled row by row from the top left, so the count can be read
    marker = _person_marker()
    on = index < n_highlighted
    ax.scatter(x[on], y[on], marker=marker, s=150, facecolor=CANCER_COLOUR, edgecolor="black", linewidth=0.5,
               gid="icons-cancer", zorder=3)
    ax.scatter(x[~on], y[~on], marker=marker, s=150, facecolor=CLEAR_COLOUR, edgecolor=CLEAR_EDGE, linewidth=0.5,
               gid="icons-no-cancer", zorder=3)
    ax.set_xlim(-0.7, 9.7)
    ax.set_ylim(9.7, -0.8)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)


def _icon_legend(fig) -> None:
    from matplotlib.lines import Line2D

    marker = _person_marker()
    handles = [Line2D([], [], linestyle="none", marker=marker, markersize=11, markerfacecolor=CANCER_COLOUR,
                      markeredgecolor="black", markeredgewidth=0.5, label="cancer found"),
               Line2D([], [], linestyle="none", marker=marker, markersize=11, markerfacecolor=CLEAR_COLOUR,
                      markeredgecolor=CLEAR_EDGE, markeredgewidth=0.5, label="no cancer")]
    fig.legend(handles=handles, loc="outside lower center", ncol=2, fontsize=8.5, frameon=False)


def _icon_panel(ax, item: IconItem) -> None:
    n = icon_count(item.percent)
    _draw_icons(ax, n)
    ax.set_title(f"{item.label}\n{item.bound} {n} in 100", fontsize=10, pad=4)
    stated = ("≤" if item.bound == "at most" else "") + f"{item.percent:g}%"
    ax.set_xlabel(f"{item.study}: {stated}", fontsize=8.5, color="#333333", labelpad=2)


def icon_array(percent: float, label: str = "", study: str = "", sources: tuple[str, ...] = (),
               bound: str = "about"):
    """One 10 × 10 icon array: of 100 women with this finding, `round(percent)` have cancer (filled, vermillion)."""
    fig = new_figure(2.9, 3.7)
    ax = fig.add_subplot()
    ax.set_label("icon-array")
    _icon_panel(ax, IconItem(label, percent, study, tuple(sources), bound))
    _icon_legend(fig)
    return fig


def icon_arrays(items, columns: int | None = None):
    """Several icon arrays side by side (one row by default), with one shared legend."""
    items = list(items)
    columns = columns or len(items)
    rows = -(-len(items) // columns)
    fig = new_figure(2.35 * columns, 3.2 * rows + 0.4)
    axes = fig.subplots(rows, columns, squeeze=False)
    for ax, item in zip(axes.flat, items):
        ax.set_label("icon-array")
        _icon_panel(ax, item)
    for ax in axes.flat[len(items):]:
        ax.set_axis_off()
    _icon_legend(fig)
    return fig


def evidence_row(kind: str, descriptor: str, source: str, cat: Catalogue | None = None):
    """The one evidence row for a descriptor from one source (InvalidChoice lists the sources that exist)."""
    rows = [p for p in evidence_rows(kind, descriptor, cat) if source in p.sources]
    if len(rows) != 1:
        known = [k for p in evidence_rows(kind, descriptor, cat) for k in p.sources]
        raise InvalidChoice(f"source for {kind} {descriptor!r}", source, list(dict.fromkeys(known)))
    return rows[0]


def item_from_row(row, label: str) -> IconItem:
    return IconItem(label, row.ppv, row.study, tuple(row.sources))


# Short titles for the icon panels (the lexicon's labels are too long for a 2-inch panel).
ICON_LABELS = {"coarse-heterogeneous": "Coarse heterogeneous", "amorphous": "Amorphous",
               "fine-pleomorphic": "Fine pleomorphic", "fine-linear-branching": "Fine linear (branching)"}


def descriptor_icon_items(cat: Catalogue | None = None) -> list[IconItem]:
    """The BI-RADS atlas value for each suspicious morphology, and the pooled value for punctate."""
    cat = cat or catalogue()
    items = [item_from_row(evidence_row("shape", "punctate", "rominger2012", cat), "Round / punctate")]
    for shape, label in ICON_LABELS.items():
        items.append(item_from_row(evidence_row("shape", shape, ATLAS_SOURCE, cat), label))
    return items


def category_three_items(cat: Catalogue | None = None) -> list[IconItem]:
    """A US "3" by definition beside what UK and Dutch "3"s turned out to be at biopsy."""
    cat = cat or catalogue()
    ceiling = next(b for b in category_bands(cat) if b.birads == "3").high
    us = IconItem("US BI-RADS 3 (definition)", ceiling, "BI-RADS atlas", tuple(cat.birads("3").sources[:1]),
                  bound="at most")
    return [us,
            item_from_row(evidence_row("rcr", "M3", "stGeorgesAudit2011", cat), "UK M3, all lesion types"),
            item_from_row(evidence_row("rcr", "M3", "ralleigh2000", cat), "UK M3 calcifications"),
            item_from_row(evidence_row("birads", "3", "menezes2017", cat), "Dutch BI-RADS 3, biopsied")]


SUSPICIOUS_SHAPES = ("punctate", "amorphous", "coarse-heterogeneous", "fine-pleomorphic", "fine-linear-branching")
CATEGORY_PANELS = (("rcr", "M2"), ("birads", "3"), ("rcr", "M3"), ("birads", "4A"), ("birads", "4"), ("rcr", "M4"),
                   ("birads", "5"), ("rcr", "M5"))


def shape_icon_arrays():
    """Of 100 women with each shape, how many have cancer: round/punctate and the four suspicious shapes."""
    return icon_arrays(descriptor_icon_items(), columns=3)


def category_three_icon_arrays():
    """Of 100 women with a "3": the US ceiling beside the UK and Dutch values found at biopsy."""
    return icon_arrays(category_three_items(), columns=2)


FIGURES = {
    "ppv-spread-shape": lambda: ppv_spread("shape", SUSPICIOUS_SHAPES),
    "ppv-spread-pattern": lambda: ppv_spread("pattern"),
    "ppv-spread-category": lambda: ppv_spread("birads", CATEGORY_PANELS),
    "icon-arrays-shape": shape_icon_arrays,
    "icon-arrays-category-3": category_three_icon_arrays,
}
