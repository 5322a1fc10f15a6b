"""Tables for the chapters, drawn from the data so the book never restates a number by hand.

Each table shows as HTML in JupyterLab and as MyST Markdown in the built book, where the sources become
real citations ({cite:p}) that link to the bibliography. Text/plain is a plain-text fallback.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

from calcflow.model.assessment import assess, results_for
from calcflow.model.cases import cases
from calcflow.model.catalogue import Catalogue, catalogue
from calcflow.model.outcomes import Outcomes, outcomes, upgrade_rates


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    sources: tuple[tuple[str, ...], ...] = field(default=())   # one tuple of keys per row
    caption: str = ""

    def _row_sources(self, i: int) -> tuple[str, ...]:
        return self.sources[i] if self.sources else ()

    def to_markdown(self) -> str:
        head = list(self.columns) + (["Sources"] if self.sources else [])
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for i, row in enumerate(self.rows):
            cells = [c.replace("|", "\\|") for c in row]
            if self.sources:
                cells.append("{cite:p}`" + ",".join(self._row_sources(i)) + "`")
            lines.append("| " + " | ".join(cells) + " |")
        caption = f"\n\n{self.caption}" if self.caption else ""
        return "\n".join(lines) + caption

    def to_html(self) -> str:
        head = list(self.columns) + (["Sources"] if self.sources else [])
        out = ['<table class="calcflow-table">']
        if self.caption:
            out.append(f"<caption>{html.escape(self.caption)}</caption>")
        out.append("<thead><tr>" + "".join(f'<th scope="col">{html.escape(h)}</th>' for h in head) + "</tr></thead><tbody>")
        for i, row in enumerate(self.rows):
            cells = [html.escape(c) for c in row]
            if self.sources:
                cells.append(html.escape(", ".join(self._row_sources(i))))
            out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        return "\n".join(out + ["</tbody></table>"])

    def to_text(self) -> str:
        return "\n".join(" | ".join(row) for row in (self.columns, *self.rows))

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": self.to_text(), "text/html": self.to_html(), "text/markdown": self.to_markdown()}


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def descriptor_table(kind: str, cat: Catalogue | None = None) -> Table:
    """The lexicon for one field: 'shape', 'pattern' or 'size'."""
    cat = cat or catalogue()
    items = getattr(cat.lexicon, kind)
    if kind == "shape":
        columns = ("Shape", "What it looks like", "Typical size", "Usual cause")
        rows = tuple((f"{s.label} ({s.group.replace('-', ' ')})", _flat(s.description), s.typical_size, s.usual_cause)
                     for s in items)
    elif kind == "size":
        columns = ("Size class", "What it means", "Cut-offs in the sources")
        rows = tuple((s.label, _flat(s.description), s.cutoff) for s in items)
    else:
        columns = (kind.capitalize(), "What it means")
        rows = tuple((d.label, _flat(d.description)) for d in items)
    return Table(columns, rows, tuple(tuple(i.sources) for i in items))


def scale_table(cat: Catalogue | None = None) -> Table:
    """BI-RADS categories 2–5 beside the UK M-score each reads as, with the leaflet's word."""
    cat = cat or catalogue()
    rows, sources = [], []
    for m in cat.scales.birads_to_rcr:
        b = cat.birads(m.birads)
        word = next(c.label for c in cat.scales.category if m.birads in c.birads)
        rows.append((f"BI-RADS {b.id}: {b.label}", b.likelihood or "", b.management, f"{m.rcr}: {cat.rcr(m.rcr).label}", word))
        sources.append(tuple(dict.fromkeys(b.sources + m.sources)))
    columns = ("US (ACR BI-RADS)", "Likelihood of cancer", "US management", "UK (RCR) reads as", "Leaflet word")
    return Table(columns, tuple(rows), tuple(sources))


def result_table(system: str = "uk", cat: Catalogue | None = None) -> Table:
    """One system's biopsy results and where each leads, taken from the model (after a suspicious finding)."""
    cat = cat or catalogue()
    rows, sources = [], []
    for code in results_for(system, cat):
        r = cat.result(code)
        a = assess("micro", "fine-pleomorphic", "grouped", system=system, result=code, cat=cat)
        after = cat.route(a.route[2]).steps[1:] + tuple(s for route in a.route[3:] for s in cat.route(route).steps)
        leads_to = " → ".join(cat.step(s).label_in(system) for s in after)
        rows.append((r.label, _flat(r.description), leads_to))
        rule = next(x for x in reversed(a.rules) if x.id.startswith("result-"))
        sources.append(tuple(dict.fromkeys(r.sources + rule.sources)))
    return Table(("Result", "What it means", "Where it usually leads"), tuple(rows), tuple(sources))


def ppv_table(kind: str = "shape", cat: Catalogue | None = None) -> Table:
    """Published likelihoods of malignancy for one kind of descriptor, one row per study."""
    cat = cat or catalogue()
    label = {"shape": lambda d: cat.descriptor("shape", d).label, "pattern": lambda d: cat.descriptor("pattern", d).label,
             "birads": lambda d: f"BI-RADS {d}", "rcr": lambda d: d}[kind]
    items = [p for p in cat.evidence.ppv if p.kind == kind]
    rows = tuple((label(p.descriptor), f"{p.ppv:g}%" + (f" ({p.ci[0]:g}–{p.ci[1]:g})" if p.ci else ""),
                  str(p.n) if p.n else (p.n_note or ""), p.population, p.study) for p in items)
    return Table(("Descriptor", "Malignant at biopsy (95% CI)", "Number", "Population", "Study"), rows,
                 tuple(tuple(p.sources) for p in items))


def case_table() -> Table:
    """The case library without spoilers: number (as in the case player's menu), title, how the woman came, practice.

    Not the case ids: they name the finding ("fine-linear-segmental") and would give the answers away."""
    cat = catalogue()
    came = {("screening", "none"): "Screening", ("symptomatic", "none"): "Breast symptom",
            ("screening", "treated-breast"): "Yearly mammogram after treatment",
            ("symptomatic", "treated-breast"): "Breast symptom after treatment"}
    rows = tuple((str(n), c.title, came[(c.vignette.setting, c.history)], cat.descriptor("system", c.system).label)
                 for n, c in enumerate(cases(), 1))
    return Table(("Case", "Title", "How she came", "Practice"), rows)


def upgrade_table(group: str | None = None, data: Outcomes | None = None) -> Table:
    """Cancer found at excision after a B3 or B4 needle biopsy (outcomes.yaml), one row per study."""
    rows = tuple((u.label, f"{u.percent:g}%", u.count, u.population, u.study) for u in upgrade_rates(group, data))
    return Table(("Needle-biopsy result", "Cancer at excision", "Number", "Population", "Study"), rows,
                 tuple(tuple(u.sources) for u in upgrade_rates(group, data)))


def localisation_table(data: Outcomes | None = None) -> Table:
    """How localisation techniques compared (outcomes.yaml), one row per study."""
    items = (data or outcomes()).localisation
    rows = tuple((i.technique, i.study, i.patients, " ".join(i.finding.split())) for i in items)
    return Table(("Technique", "Study", "Patients", "What it found"), rows, tuple(tuple(i.sources) for i in items))
