"""The work-up after recall, drawn: how often a core needle and a vacuum-assisted device underestimate disease.

The numbers come from `calcflow.model.workup`. Figures use the Okabe–Ito palette, and each device has its own marker
shape as well as its own colour. Nothing here is random.
"""
from __future__ import annotations

from calcflow.figures.style import OKABE_ITO, new_figure
from calcflow.figures.tables import Table
from calcflow.model.workup import Underestimation, Workup, workup

# --- the figure ---------------------------------------------------------------------------------------------
DEVICE_STYLE = {   # label, marker, colour
    "core": ("Automated core needle (usually 14G)", "o", OKABE_ITO["orange"]),
    "vacuum": ("Vacuum-assisted (usually 7–11G)", "^", OKABE_ITO["blue"]),
    "any": ("Pooled over devices (95% CI)", "D", OKABE_ITO["black"]),
}
DEVICE_ORDER = tuple(DEVICE_STYLE)


def _row_label(entry: Underestimation) -> str:
    guidance = "" if entry.guidance in ("not stated", "mixed") else f", {entry.guidance}"
    return f"{entry.study}{guidance}\n{entry.upgrade}"


def underestimation_plot(data: Workup | None = None):
    """One row per study and kind of upgrade; each device's rate a point (gid "rate-<device>"), the core and
    vacuum-assisted rates of the same study joined by a grey line."""
    from matplotlib.lines import Line2D

    data = data or workup()
    entries = data.underestimation
    fig = new_figure(7.0, 1.4 + 0.55 * len(entries))
    ax = fig.add_subplot()
    ax.set_label("underestimation")
    for y, entry in enumerate(entries):
        rates = {r.device: r for r in entry.rates}
        if "core" in rates and "vacuum" in rates:
            ax.plot([rates["core"].rate, rates["vacuum"].rate], [y, y], color="#9A9A9A", linewidth=1.6, zorder=1)
        for device in DEVICE_ORDER:
            if device not in rates:
                continue
            r = rates[device]
            _, marker, colour = DEVICE_STYLE[device]
            if r.ci:
                ax.errorbar([r.rate], [y], xerr=[[r.rate - r.ci[0]], [r.ci[1] - r.rate]], fmt="none",
                            ecolor=colour, elinewidth=1.4, capsize=3, zorder=2)
            ax.plot([r.rate], [y], linestyle="none", marker=marker, markersize=8, markerfacecolor=colour,
                    markeredgecolor="black", markeredgewidth=0.6, zorder=3, gid=f"rate-{device}")
            label = f"{r.rate:g}%" + (f" ({r.gauge})" if r.gauge else "")
            above = device == "vacuum"
            ax.annotate(label, (r.rate, y), xytext=(0, 7 if above else -8), textcoords="offset points",
                        ha="center", va="bottom" if above else "top", fontsize=8, color="#222222")
    ax.set_yticks(range(len(entries)), [_row_label(e) for e in entries], fontsize=8.5)
    ax.set_ylim(len(entries) - 0.4, -0.6)
    ax.set_xlim(0, 60)
    ax.set_xlabel("Underestimated at needle biopsy (%)", fontsize=9)
    ax.grid(axis="x", color="#E2E2E2", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    handles = [Line2D([], [], linestyle="none", marker=m, markersize=8, markerfacecolor=c, markeredgecolor="black",
                      markeredgewidth=0.6, label=label) for label, m, c in DEVICE_STYLE.values()]
    fig.legend(handles=handles, loc="outside lower center", ncol=2, fontsize=8.5, frameon=False)
    return fig


# --- tables -------------------------------------------------------------------------------------------------
def comparison_table(data: Workup | None = None):
    """Core needle versus vacuum-assisted biopsy, one measure per row, each with its sources."""
    data = data or workup()
    rows = tuple((c.measure, c.core, c.vacuum) for c in data.comparison)
    return Table(("Measure", "Automated core needle", "Vacuum-assisted biopsy"), rows,
                 tuple(tuple(c.sources) for c in data.comparison))


def underestimation_table(data: Workup | None = None):
    """The numbers behind the underestimation figure, one row per study and kind of upgrade."""
    data = data or workup()

    def rate(entry, device):
        r = next((r for r in entry.rates if r.device == device), None)
        if r is None:
            return "—"
        return f"{r.rate:g}%" + (f" ({r.ci[0]:g}–{r.ci[1]:g})" if r.ci else "") + (f", {r.gauge}" if r.gauge else "")

    rows = tuple((e.study, e.upgrade, e.guidance, rate(e, "core"), rate(e, "vacuum"), rate(e, "any"))
                 for e in data.underestimation)
    return Table(("Study", "What was underestimated", "Guidance", "Core needle", "Vacuum-assisted",
                  "Pooled (95% CI)"), rows, tuple(tuple(e.sources) for e in data.underestimation))


FIGURES = {
    "underestimation-by-device": underestimation_plot,
}
