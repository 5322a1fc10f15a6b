"""What the browser receives: the model's answers as two small tables, precomputed by the model's own functions.

The browser walks these tables and never re-implements a rule. An answer is the join of two lookups, as `assess`
is the join of `categorise` and `route_for`:

- `category`: one outcome per combination of what is seen (`size shape pattern change history`), either
  `{birads, rcr, category, rules}` or `{refused: reason}`;
- `route`: one outcome per combination of `system setting history birads result concordance`, either
  `{route, path, rules, next_step, concordance}` or `{refused: reason}`.

Each table has `fields` (its axes in order), `index` (one outcome number per combination in mixed-radix order,
the last field fastest) and `outcomes` (each distinct outcome once). `axes` gives each axis's values; `""` stands
for "not given" on the optional axes (result, concordance). An answer's sources are its rules', its steps' and the
chosen descriptors' (`answer_sources`), so the join equals `assess(...)` field for field (`lookup` shows how).
"""
from __future__ import annotations

import itertools
from functools import cache

from calcflow.model.assessment import (CATEGORY_FIELDS, DESCRIBED, FIELDS, OPTIONAL, answer_sources, categorise, route_for)
from calcflow.model.catalogue import Catalogue, catalogue
from calcflow.errors import CalcflowError
from calcflow.model.references import short_citations
from calcflow.model.rules import BIRADS_ORDER

ROUTE_AXES = ("system", "setting", "history", "birads", "result", "concordance")


def _axes(cat: Catalogue) -> dict[str, list[str]]:
    axes = {f: cat.ids(f) for f in FIELDS}
    for f in OPTIONAL:
        axes[f] = [""] + axes[f]
    axes["birads"] = list(BIRADS_ORDER)
    return axes


def _tabulate(fields: tuple[str, ...], axes: dict, outcome_of) -> dict:
    outcomes: list[dict] = []
    seen: dict[str, int] = {}
    index: list[int] = []
    for combo in itertools.product(*(axes[f] for f in fields)):
        outcome = outcome_of(dict(zip(fields, combo)))
        key = repr(sorted(outcome.items()))
        if key not in seen:
            seen[key] = len(outcomes)
            outcomes.append(outcome)
        index.append(seen[key])
    return {"fields": list(fields), "index": index, "outcomes": outcomes}


def category_outcome(c: dict, cat: Catalogue) -> dict:
    try:
        a = categorise(c["size"], c["shape"], c["pattern"], c["change"], c["history"], cat)
    except CalcflowError as exc:
        return {"refused": str(exc)}
    return {"birads": a.birads, "rcr": a.rcr, "category": a.category, "rules": list(a.rules)}


def route_outcome(c: dict, cat: Catalogue) -> dict:
    try:
        r = route_for(c["system"], c["setting"], c["history"], c["birads"], c["result"] or None,
                      c["concordance"] or None, cat)
    except CalcflowError as exc:
        return {"refused": str(exc)}
    return {"route": list(r.route), "path": list(r.path), "rules": list(r.rules), "next_step": r.next_step,
            "concordance": r.concordance}


@cache
def _table(cat: Catalogue) -> dict:
    axes = _axes(cat)

    def describe(field: str, value: str) -> dict:
        d = cat.descriptor(field, value)
        out = {"id": value, "label": d.label, "description": " ".join(getattr(d, "description", "").split()),
               "sources": list(d.sources)}
        if field == "result":
            out["system"] = d.system
        return out

    choices = {f: [describe(f, v) for v in cat.ids(f)] for f in FIELDS}
    choices["result"].insert(0, {"id": "", "label": "No result yet", "description": "", "sources": []})
    choices["concordance"].insert(0, {"id": "", "label": "The model's judgement", "description": "",
                                      "sources": []})
    used = sorted({k for s in cat.pathway.steps for k in s.sources}
                  | {k for r in cat.rules.rules for k in r.sources}
                  | {k for options in choices.values() for o in options for k in o["sources"]})
    return {
        "fields": list(FIELDS),
        "described": list(DESCRIBED),
        "choices": choices,
        "axes": axes,
        "category": _tabulate(CATEGORY_FIELDS, axes, lambda c: category_outcome(c, cat)),
        "route": _tabulate(ROUTE_AXES, axes, lambda c: route_outcome(c, cat)),
        "steps": {s.id: {"label": s.label, "labels": dict(s.labels), "systems": list(s.systems), "kind": s.kind,
                         "stage": s.stage, "explanation": " ".join(s.explanation.split()),
                         "sources": list(s.sources)}
                  for s in cat.pathway.steps},
        "rules": {r.id: {"statement": " ".join(r.statement.split()), "sources": list(r.sources),
                         "unconfirmed": r.unconfirmed, "synthesis": r.synthesis} for r in cat.rules.rules},
        "categories": {c.id: {"label": c.label, "plain": c.plain} for c in cat.scales.category},
        "birads": {b.id: b.label for b in cat.scales.birads},
        "rcr": {r.id: r.label for r in cat.scales.rcr},
        "references": short_citations(used),
    }


def explorer_table(cat: Catalogue | None = None) -> dict:
    """The tables the explorer and the case player walk in the browser."""
    return _table(cat or catalogue())


def _find(part: dict, axes: dict, values: dict) -> dict:
    position = 0
    for field in part["fields"]:
        ids = axes[field]
        position = position * len(ids) + ids.index(values[field])
    return part["outcomes"][part["index"][position]]


def lookup(table: dict, **choice) -> dict:
    """One answer from the exported tables — the same steps the browser takes (explorer.js `lookup`):
    the category outcome, then the route outcome for its BI-RADS category, joined; or the first refusal."""
    values = {f: choice.get(f) or "" for f in table["fields"]}
    seen = _find(table["category"], table["axes"], values)
    if "refused" in seen:
        return seen
    taken = _find(table["route"], table["axes"], {**values, "birads": seen["birads"]})
    if "refused" in taken:
        return taken
    rules = list(dict.fromkeys(seen["rules"] + taken["rules"]))
    items = [table["rules"][r]["sources"] for r in rules] + [table["steps"][s]["sources"] for s in taken["path"]]
    by_id = {f: {o["id"]: o for o in table["choices"][f]} for f in table["described"]}
    items += [by_id[f][values[f]]["sources"] for f in table["described"]]
    sources = list(dict.fromkeys(k for keys in items for k in keys))
    return {"category": seen["category"], "birads": seen["birads"], "rcr": seen["rcr"],
            "next_step": taken["next_step"], "path": taken["path"], "route": taken["route"], "rules": rules,
            "sources": sources, "concordance": taken["concordance"]}
