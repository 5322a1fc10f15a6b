"""Figures for the results chapter: how often a B3 or B4 needle-biopsy result proved to be cancer at excision.

Data from `calcflow/data/outcomes.yaml` (every bar sourced). Figures are built on `matplotlib.figure.Figure` with
the Agg canvas (no pyplot state), coloured with the Okabe–Ito palette, and never rely on colour alone: each bar
names its study and prints its value.
"""
from __future__ import annotations

from calcflow.model.outcomes import Outcomes, upgrade_rates
from calcflow.figures.style import OKABE_ITO, new_figure

# One Okabe–Ito colour (and a hatch, so colour is never the only cue) per study.
STUDY_STYLE = {"Lee 2003": (OKABE_ITO["blue"], ""), "Saladin 2016": (OKABE_ITO["orange"], "//"),
               "England 2018–19": (OKABE_ITO["bluish-green"], "..")}
FALLBACK_STYLE = (OKABE_ITO["reddish-purple"], "xx")
PANEL_TITLES = {"result": "By needle-biopsy result", "b3-lesion": "By kind of B3 lesion"}


def upgrade_bars(data: Outcomes | None = None):
    """Horizontal bars: % cancer at excision after B4, B3 (all, with/without atypia) and each kind of B3 lesion."""
    groups = [(g, upgrade_rates(g, data)) for g in PANEL_TITLES]
    heights = [len(items) for _, items in groups]
    fig = new_figure(7.0, 0.56 * sum(heights) + 1.6)
    axes = fig.subplots(len(groups), 1, sharex=True, gridspec_kw={"height_ratios": heights})
    studies_shown: dict[str, tuple[str, str]] = {}
    for ax, (group, items) in zip(axes, groups):
        rows = list(reversed(items))   # first entry on top
        for y, u in enumerate(rows):
            colour, hatch = STUDY_STYLE.get(u.study, FALLBACK_STYLE)
            studies_shown[u.study] = (colour, hatch)
            ax.barh(y, u.percent, height=0.7, color=colour, hatch=hatch, edgecolor="black", linewidth=0.6)
            ax.text(u.percent + 1.2, y, f"{u.percent:g}%",
                    va="center", ha="left", fontsize=11)
        ax.set_yticks(range(len(rows)), [f"{u.label}\n{u.study}" for u in rows], fontsize=10.5)
        ax.set_title(PANEL_TITLES[group], fontsize=12, loc="left", fontweight="bold")
        ax.tick_params(axis="x", labelsize=10.5)
        ax.set_xlim(0, 100)
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    axes[-1].set_xlabel("Cancer (DCIS or invasive) at excision (%)", fontsize=11)
    from matplotlib.patches import Patch

    order = [s for s in STUDY_STYLE if s in studies_shown] + [s for s in studies_shown if s not in STUDY_STYLE]
    handles = [Patch(facecolor=studies_shown[s][0], hatch=studies_shown[s][1], edgecolor="black", label=s)
               for s in order]
    axes[0].legend(handles=handles, loc="lower right", fontsize=10, frameon=False)
    return fig


FIGURES = {"results-upgrade-at-excision": upgrade_bars}
