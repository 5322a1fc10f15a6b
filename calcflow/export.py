"""What the browser receives: every combination's answer, precomputed by `assess`.

The browser walks this table and never re-implements a rule. Layout, to keep pages light:
`fields` in order, `choices[field]` (the result axis starts with "" for "no result yet"), and
`index`: one outcome number per combination in mixed-radix order of the choices (the last field
varies fastest). `outcomes[n]` is either an answer or {"refused": reason}. An answer's `sources` are
those of its rules and steps; the chosen descriptors' own sources travel with `choices`, and
together they are exactly `assess(...).sources`.
"""
from __future__ import annotations

import itertools
from functools import cache

from .assessment import FIELDS, assess
from .catalogue import Catalogue, catalogue
from .errors import CalcflowError
from .references import short_citations


def combinations(cat: Catalogue | None = None):
    """Every combination of inputs, in the export's order (result None first)."""
    cat = cat or catalogue()
    axes = [cat.ids(f) for f in FIELDS[:-1]] + [[None] + cat.ids("result")]
    return itertools.product(*axes)


def outcome_of(combo: tuple, cat: Catalogue) -> dict:
    """The browser's view of one combination: an answer, or the reason it is refused."""
    try:
        a = assess(*combo, cat=cat)
    except CalcflowError as exc:
        return {"refused": str(exc)}
    keys = dict.fromkeys(k for item in (*a.rules, *a.path) for k in item.sources)
    return {"category": a.category, "birads": a.birads, "rcr": a.rcr, "next_step": a.next_step,
            "path": [s.id for s in a.path], "rules": [r.id for r in a.rules], "sources": list(keys)}


@cache
def _table(cat: Catalogue) -> dict:
    outcomes: list[dict] = []
    seen: dict[str, int] = {}
    index: list[int] = []
    for combo in combinations(cat):
        outcome = outcome_of(combo, cat)
        key = repr(sorted(outcome.items()))
        if key not in seen:
            seen[key] = len(outcomes)
            outcomes.append(outcome)
        index.append(seen[key])

    def describe(field: str, value: str) -> dict:
        d = cat.descriptor(field, value)
        return {"id": value, "label": d.label, "description": " ".join(getattr(d, "description", "").split()),
                "sources": list(d.sources)}

    choices = {f: [describe(f, v) for v in cat.ids(f)] for f in FIELDS}
    choices["result"].insert(0, {"id": "", "label": "No result yet", "description": "", "sources": []})
    used = sorted({k for o in outcomes for k in o.get("sources", ())}
                  | {k for s in cat.pathway.steps for k in s.sources}
                  | {k for r in cat.rules.rules for k in r.sources}
                  | {k for options in choices.values() for o in options for k in o["sources"]})
    return {
        "fields": list(FIELDS),
        "choices": choices,
        "steps": {s.id: {"label": s.label, "kind": s.kind, "stage": s.stage,
                         "explanation": " ".join(s.explanation.split()), "sources": list(s.sources)}
                  for s in cat.pathway.steps},
        "rules": {r.id: {"statement": " ".join(r.statement.split()), "sources": list(r.sources),
                         "unconfirmed": r.unconfirmed} for r in cat.rules.rules},
        "categories": {c.id: {"label": c.label, "plain": c.plain} for c in cat.scales.category},
        "birads": {b.id: b.label for b in cat.scales.birads},
        "rcr": {r.id: r.label for r in cat.scales.rcr},
        "references": short_citations(used),
        "outcomes": outcomes,
        "index": index,
    }


def explorer_table(cat: Catalogue | None = None) -> dict:
    """The precomputed table the explorer and the case player walk in the browser."""
    return _table(cat or catalogue())


def lookup(table: dict, **choice) -> dict:
    """Find one combination in an exported table — the same arithmetic the browser does."""
    position = 0
    for field in table["fields"]:
        ids = [c["id"] for c in table["choices"][field]]
        value = choice.get(field) or ("" if field == "result" else None)
        position = position * len(ids) + ids.index(value)
    return table["outcomes"][table["index"][position]]
