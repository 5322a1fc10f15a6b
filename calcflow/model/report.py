"""How an Assessment reads: plain text (CLI), HTML (JupyterLab) and MyST Markdown with citations (the book)."""
from __future__ import annotations

import html
import textwrap

from calcflow.model.catalogue import catalogue

DISCLAIMER = "For teaching, not for diagnosis."


def _facts(a) -> dict:
    cat = catalogue()
    c = a.choice
    leaflet = next(x for x in cat.scales.category if x.id == a.category)
    finding = (f"{c['size']}, {c['shape']}, {c['pattern']}; {cat.descriptor('change', c['change']).label.lower()}; "
               f"{cat.descriptor('system', c['system']).label}; {cat.descriptor('setting', c['setting']).label.lower()}"
               + (f"; {cat.descriptor('history', c['history']).label.lower()}" if c["history"] != "none" else "")
               + (f"; biopsy result {cat.result(c['result']).label}" if c["result"] else "")
               + (f" ({a.concordance})" if c["result"] and a.concordance else ""))
    return {"finding": finding, "leaflet": leaflet.label, "plain": leaflet.plain,
            "birads": f"BI-RADS {a.birads} ({cat.birads(a.birads).label.lower()})",
            "rcr": f"RCR {a.rcr} ({cat.rcr(a.rcr).label.lower()})"}


def _statement(rule) -> str:
    """A rule as a reader sees it, with its standing said once: the book's synthesis, or uncertain."""
    flags = ([" (This book's simplification.)"] if rule.synthesis else []) + \
        ([" (Sources differ or are incomplete on this point.)"] if rule.unconfirmed else [])
    return " ".join(rule.statement.split()) + "".join(flags)


def text(a) -> str:
    f = _facts(a)
    wrap = lambda s: textwrap.fill(s, width=100, initial_indent="  ", subsequent_indent="    ")  # noqa: E731
    lines = [f"Finding: {f['finding']}", f"Category: {f['leaflet']} — {f['birads']}, {f['rcr']}", "Next step:",
             wrap(a.next_step), "Path:"]
    lines += [wrap(f"{i}. {s.label} [{', '.join(s.sources)}]") for i, s in enumerate(a.path, 1)]
    lines.append("Why:")
    lines += [wrap(f"- {_statement(r)} [{', '.join(r.sources)}]") for r in a.rules]
    lines += ["Sources (calcflow/data/references.bib): " + ", ".join(a.sources), DISCLAIMER]
    return "\n".join(lines)


def markdown(a) -> str:
    f = _facts(a)
    cite = lambda keys: "{cite:p}`" + ",".join(keys) + "`"  # noqa: E731
    steps = " → ".join(s.label for s in a.path)
    why = "\n".join(f"- {_statement(r)} {cite(r.sources)}" for r in a.rules)
    return (f"**Finding:** {f['finding']}\n\n"
            f"**Category:** {f['leaflet']} — {f['birads']}, {f['rcr']}. *{f['plain']}*\n\n"
            f"**Next step:** {a.next_step}\n\n**Path:** {steps}\n\n**Why:**\n\n{why}")


def html_report(a) -> str:
    f = _facts(a)
    e = html.escape
    why = "".join(f"<li>{e(_statement(r))} <small>[{e(', '.join(r.sources))}]</small></li>" for r in a.rules)
    steps = " → ".join(e(s.label) for s in a.path)
    return (f'<div class="calcflow-assessment"><p><strong>Finding:</strong> {e(f["finding"])}</p>'
            f"<p><strong>Category:</strong> {e(f['leaflet'])} — {e(f['birads'])}, {e(f['rcr'])}. "
            f"<em>{e(f['plain'])}</em></p><p><strong>Next step:</strong> {e(a.next_step)}</p>"
            f"<p><strong>Path:</strong> {steps}</p><p><strong>Why:</strong></p><ul>{why}</ul></div>")
