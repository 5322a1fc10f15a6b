"""Draw one system's pathway (UK or US) as a Graphviz flowchart (SVG), optionally with one path highlighted.

Node ids in the SVG equal the step ids (with an optional prefix when several charts share a page);
each node and edge carries classes the explorer's CSS and tests use (`step`, `kind-…`, `stage-…`,
`on-path`). The path is shown by line weight and fill, not by colour alone. Palette: Okabe–Ito.
"""
from __future__ import annotations

import html
import re
from functools import cache

from calcflow.model.catalogue import Catalogue, catalogue

# Okabe–Ito colour-blind-safe palette
BLUE, ORANGE, SKY, GREY, BLACK = "#0072B2", "#E69F00", "#56B4E9", "#8C8C8C", "#000000"
STAGE_LABELS = {"screening": "Screening", "assessment": "Assessment", "biopsy": "Biopsy",
                "result": "Result", "outcome": "Outcome", "treatment": "Treatment"}
SYSTEM_NAMES = {"uk": "UK (NHS) pathway", "us": "US pathway"}


def _wrap_label(text: str, width: int = 22) -> str:
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "\n".join(lines)


def dot_source(path: tuple[str, ...] = (), prefix: str = "", cat: Catalogue | None = None,
               system: str = "uk") -> str:
    """The Graphviz source of one system's pathway; steps in `path` are drawn as the highlighted route."""
    import graphviz

    cat = cat or catalogue()
    steps = cat.steps_of(system)
    own = {s.id for s in steps}
    on = set(path)
    pairs = set(zip(path, path[1:]))
    g = graphviz.Digraph("pathway", graph_attr={
        "rankdir": "TB", "nodesep": "0.25", "ranksep": "0.32", "fontname": "DejaVu Sans",
        "bgcolor": "transparent", "pad": "0.1"})
    g.attr("node", shape="box", style="rounded,filled", fontname="DejaVu Sans", fontsize="11",
           margin="0.12,0.06", color=BLACK, fillcolor="#FFFFFF", fontcolor=BLACK)
    g.attr("edge", fontname="DejaVu Sans", fontsize="9", color=GREY, fontcolor="#444444", arrowsize="0.7")
    for step in steps:
        highlighted = step.id in on
        style = "rounded,filled" + (",bold" if highlighted else "")
        if step.kind == "decision":
            style = "filled,diagonals" + (",bold" if highlighted else "")
        g.node(step.id, _wrap_label(step.label_in(system)), id=f"{prefix}{step.id}", style=style,
               tooltip=" ".join(step.explanation.split()),
               **{"class": f"step kind-{step.kind} stage-{step.stage}" + (" on-path" if highlighted else ""),
                  "penwidth": "3" if highlighted else ("1" if not path else "0.8"),
                  "fillcolor": ORANGE if highlighted else ("#FFFFFF" if not path else "#F2F2F2"),
                  "fontcolor": BLACK if highlighted or not path else "#555555"})
        for edge in (e for e in step.next if e.to in own):
            on_edge = (step.id, edge.to) in pairs
            g.edge(step.id, edge.to, label=edge.label or "", id=f"{prefix}{step.id}--{edge.to}",
                   **{"class": "route" + (" on-path" if on_edge else "") + (" alternative" if edge.alternative else ""),
                      "style": "dashed" if edge.alternative else "solid",
                      "penwidth": "3.2" if on_edge else "1",
                      "color": BLUE if on_edge else GREY})
    return g.source


_XML_JUNK = re.compile(r"<\?xml[^>]*>\s*|<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*", re.S)


@cache
def _render(source: str) -> str:
    import graphviz

    raw = graphviz.Source(source).pipe(format="svg", engine="dot").decode("utf-8")
    # Graphviz writes every "-" as "&#45;"; browsers decode it anyway, plain text keeps ids greppable.
    return _XML_JUNK.sub("", raw).replace("&#45;", "-")


def svg(path: tuple[str, ...] = (), *, title: str = "The calcification pathway", description: str = "",
        prefix: str = "", cat: Catalogue | None = None, system: str = "uk") -> str:
    """Inline SVG of one system's pathway with an accessible name (<title>) and description (<desc>)."""
    cat = cat or catalogue()
    if not cat.has("system", system):
        from calcflow.errors import InvalidChoice
        raise InvalidChoice("system", system, cat.ids("system"))
    body = _render(dot_source(tuple(path), prefix, cat, system))
    labels = [cat.step(s).label_in(system) for s in path]
    desc = description or ("Highlighted path: " + " → ".join(labels) + "." if labels else
                           f"Flowchart of the {SYSTEM_NAMES[system]}: every step from the first mammogram "
                           "(screening, breast clinic or surveillance after treatment) to the outcome.")
    head = (f'<title id="{prefix}flowchart-title">{html.escape(title)}</title>'
            f'<desc id="{prefix}flowchart-desc">{html.escape(desc)}</desc>')
    body = re.sub(r"<svg ", f'<svg role="img" aria-labelledby="{prefix}flowchart-title {prefix}flowchart-desc" '
                  f'class="calcflow-flowchart" style="max-width:100%;height:auto" ', body, count=1)
    # Graphviz puts its own <title> on the graph group; ours goes first so it names the image.
    return re.sub(r"(<svg[^>]*>)", r"\1" + head.replace("\\", "\\\\"), body, count=1)


class Flowchart:
    """A flowchart for a notebook: shows inline as HTML (so links, titles and focus stay live)."""

    def __init__(self, path=(), *, title: str = "The calcification pathway", caption: str = "",
                 prefix: str = "", system: str = "uk"):
        self.path, self.title, self.caption, self.prefix = tuple(path), title, caption, prefix
        self.system = system

    @classmethod
    def of(cls, assessment, *, title: str, caption: str = "", prefix: str = "", until: str | None = None,
           ) -> "Flowchart":
        """The chart of an assessment's own system with its path highlighted (up to step `until`, if given).

        The caption, unless given, is generated from the path itself, so it cannot disagree with the model."""
        steps = list(assessment.path)
        if until is not None:
            ids = [s.id for s in steps]
            if until not in ids:
                from calcflow.errors import InvalidChoice
                raise InvalidChoice("step on this path", until, ids)
            steps = steps[:ids.index(until) + 1]
        system = assessment.system
        caption = caption or (f"{SYSTEM_NAMES[system]}. Highlighted (bold outline, orange fill, blue arrows): "
                              + " → ".join(s.label for s in steps) + ".")
        return cls([s.id for s in steps], title=title, caption=caption, prefix=prefix, system=system)

    def _repr_html_(self) -> str:
        figure = svg(self.path, title=self.title, prefix=self.prefix, system=self.system)
        cap = (f'<figcaption style="color:#333">{html.escape(self.caption)}</figcaption>'
               if self.caption else "")
        return f'<figure class="calcflow-figure">{figure}{cap}</figure>'

    def __repr__(self) -> str:
        return f"Flowchart({self.title!r}, {self.system.upper()}, {len(self.path)} steps highlighted)"


# --- one case's path alone, large, for a slide --------------------------------------------------------------------

PATH_FONT_PT = 20  # with at most PATH_PER_ROW boxes a row, the chart is about 1000 pt wide: shown 1800 px wide
PATH_PER_ROW = 4   # on a 1920×1080 slide, a label is then drawn about 30 px high (tests check ≥ 24 px)


def path_dot_source(steps: tuple[str, ...], prefix: str = "", cat: Catalogue | None = None, system: str = "uk",
                    per_row: int = PATH_PER_ROW) -> str:
    """The Graphviz source of the steps of one path only, in rows of `per_row` boxes read left to right."""
    import graphviz

    cat = cat or catalogue()
    g = graphviz.Digraph("path", graph_attr={
        "rankdir": "TB", "nodesep": "0.45", "ranksep": "0.55", "fontname": "DejaVu Sans", "bgcolor": "transparent",
        "pad": "0.05", "newrank": "true"})
    g.attr("node", shape="box", style="rounded,filled,bold", fontname="DejaVu Sans", fontsize=str(PATH_FONT_PT),
           margin="0.18,0.1", color=BLACK, fillcolor=ORANGE, fontcolor=BLACK, penwidth="2.5", width="2.6")
    g.attr("edge", color=BLUE, penwidth="3", arrowsize="1.1")
    rows = [steps[i:i + per_row] for i in range(0, len(steps), per_row)]
    for number, row in enumerate(rows):
        with g.subgraph(name=f"row{number}", graph_attr={"rank": "same"}) as sub:
            for step_id in row:
                sub.node(step_id, _wrap_label(cat.step(step_id).label_in(system), 16), id=f"{prefix}{step_id}",
                         **{"class": f"step on-path kind-{cat.step(step_id).kind}"})
    for a, b in zip(steps, steps[1:]):
        same_row = steps.index(a) // per_row == steps.index(b) // per_row
        g.edge(a, b, id=f"{prefix}{a}--{b}", **{"class": "route on-path", **({} if same_row else {"constraint": "false"})})
    for upper, lower in zip(rows, rows[1:]):  # keeps the rows in order and their first boxes in one column
        g.edge(upper[0], lower[0], style="invis")
    return g.source


class PathFlowchart:
    """One case's path alone, its steps large enough to read from the back of a lecture theatre (a slide figure).

    `PathFlowchart.of(assessment, title=…)`; shows inline as SVG in a figure the width of its container."""

    def __init__(self, steps, *, title: str, system: str = "uk", prefix: str = "", per_row: int = PATH_PER_ROW):
        self.steps, self.title, self.system, self.prefix = tuple(steps), title, system, prefix
        self.per_row = per_row

    @classmethod
    def of(cls, assessment, *, title: str, prefix: str = "") -> "PathFlowchart":
        return cls([s.id for s in assessment.path], title=title, system=assessment.system, prefix=prefix)

    def svg(self) -> str:
        cat = catalogue()
        body = _render(path_dot_source(self.steps, self.prefix, cat, self.system, self.per_row))
        desc = f"{SYSTEM_NAMES[self.system]}: " + " → ".join(cat.step(s).label_in(self.system) for s in self.steps)
        head = (f'<title id="{self.prefix}path-title">{html.escape(self.title)}</title>'
                f'<desc id="{self.prefix}path-desc">{html.escape(desc)}.</desc>')
        body = re.sub(r'<svg width="[^"]*" height="[^"]*"', "<svg", body, count=1)
        body = re.sub(r"<svg\s", f'<svg role="img" aria-labelledby="{self.prefix}path-title {self.prefix}path-desc" '
                      'class="calcflow-path-flowchart" ', body, count=1)
        return re.sub(r"(<svg[^>]*>)", r"\1" + head.replace("\\", "\\\\"), body, count=1)

    def _repr_html_(self) -> str:
        return f'<figure class="calcflow-figure calcflow-path">{self.svg()}</figure>'

    def __repr__(self) -> str:
        return f"PathFlowchart({self.title!r}, {self.system.upper()}, {len(self.steps)} steps)"
