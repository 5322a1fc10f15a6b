"""What the browser receives: the explorer's two tables and the case player's table, precomputed by the model.

The explorer's answers come as two small tables, precomputed by the model's own functions.

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

import base64
import itertools
from functools import cache

from calcflow.model.assessment import (CATEGORY_FIELDS, DESCRIBED, FIELDS, OPTIONAL, answer_sources, categorise, route_for)
from calcflow.figures import caseimages, flowchart
from calcflow.model.assessment import Assessment
from calcflow.model.cases import STEPS, Case, cases, concordance_step, decision_step
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
    """One answer from the exported tables — the same steps the browser takes (js/explorer/lookup.js):
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


# --- the case player's table ---------------------------------------------------------------------------
def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end < 0 else text[:end + 1]


def _usual_chain(step_id: str, cat) -> list:
    """From a step along its usual (not alternative) edges to an end step."""
    chain = [cat.step(step_id)]
    while chain[-1].kind != "end":
        chain.append(cat.step(next(e.to for e in chain[-1].next if not e.alternative)))
    return chain


def next_test_options(step_id: str, system: str, cat=None) -> list[dict]:
    """Where the category decision can lead in one system's graph: {id, label, plain} per place, in the data's
    order; `plain` is the step's first sentence of explanation, so that "routine recall" and "recall to
    assessment" read as what they are."""
    cat = cat or catalogue()
    own = {s.id for s in cat.steps_of(system)}
    return [{"id": e.to, "label": cat.step(e.to).label_in(system),
             "plain": _first_sentence(cat.step(e.to).explanation)}
            for e in cat.step(step_id).next if e.to in own]


def after_result_options(step_id: str, system: str, cat=None) -> list[dict]:
    """Where the concordance decision can lead in one system's graph: each edge followed along its usual route to
    an end step; the id is the edge's first step, the label the whole route."""
    cat = cat or catalogue()
    own = {s.id for s in cat.steps_of(system)}
    options = []
    for edge in cat.step(step_id).next:
        if edge.to in own:
            chain = _usual_chain(edge.to, cat)
            options.append({"id": edge.to, "label": " → ".join(s.label_in(system) for s in chain),
                            "end": chain[-1].id})
    return options


OPTION_MAKERS = {"next_test": next_test_options, "after_result": after_result_options}


def option_key(step: str, system: str, decided_at: str) -> str:
    """The key of one option set in the player table's choices: the question, the system and the step asked about."""
    return f"{step}:{system}:{decided_at}"


def _fixed_choices(cat) -> dict[str, list[dict]]:
    def labelled(field: str) -> list[dict]:
        return [{"id": v, "label": cat.descriptor(field, v).label} for v in cat.ids(field)]

    return {
        "size": labelled("size"), "shape": labelled("shape"), "pattern": labelled("pattern"),
        "category": [{"id": c.id, "label": c.label, "plain": c.plain} for c in cat.scales.category],
        "birads": [{"id": b, "label": cat.birads(b).label} for b in BIRADS_ORDER],
        "rcr": [{"id": r.id, "label": r.label} for r in cat.scales.rcr],
    }


def _answer(c: Case, step: str) -> dict | None:
    given = getattr(c.expert, step)
    if given is None:
        return None
    out = {"answer": c.answer(step)}
    if step == "category":
        out.update(birads=given.birads, rcr=given.rcr)
    out.update(explanation=" ".join(given.explanation.split()), sources=list(given.sources))
    if given.unconfirmed:
        out["unconfirmed"] = True
    return out


def _judgement(c: Case, a: Assessment, cat) -> dict | None:
    """The radiology–pathology judgement of a case's result, in words, and whose it is (None: none is taken)."""
    if a.concordance is None:
        return None
    word = cat.descriptor("concordance", a.concordance).label.lower()
    kind = cat.result(c.result).kind
    if c.concordance is not None:
        text = f"The team judges this result {word} with the imaging."
    elif kind == "nondiagnostic":
        text = "A sample without the calcifications cannot explain them: the result is discordant with the imaging."
    elif kind == "benign":
        text = (f"The result is judged {word} with the imaging: this book's default for a benign result is "
                "discordant after BI-RADS 4C or 5 and concordant below that.")
    else:
        text = f"The result is judged {word} with the imaging."
    return {"id": a.concordance, "label": cat.descriptor("concordance", a.concordance).label,
            "given": c.concordance is not None, "text": text}


def _case_row(c: Case, cat) -> dict:
    a = c.assessment()
    patch = caseimages.case_image(c)
    png = base64.b64encode(caseimages.png(patch, c.image.zoom_mm)).decode("ascii")
    width = round(caseimages.window_mm(c, patch), 1)
    view = "90° lateral" if c.image.view == "lateral" else "craniocaudal"
    factor = caseimages.magnification(c)
    zoom = f"magnification view ({factor:g}×)" if factor > 1 else "standard view"
    result = None if c.result is None else {"id": c.result, "label": cat.result(c.result).label,
                                            "concordance": _judgement(c, a, cat)}
    asked = [s for s in STEPS if c.answer(s) is not None]
    decided = {"next_test": decision_step(a, cat), "after_result": concordance_step(a, cat)}
    labelled = lambda field, value: {"id": value, "label": cat.descriptor(field, value).label}  # noqa: E731
    return {
        "id": c.id,
        "title": c.title,
        "vignette": c.vignette.model_dump(),
        "system": labelled("system", c.system),
        "setting": labelled("setting", c.vignette.setting),
        "history": labelled("history", c.history),
        "image": {"src": f"data:image/png;base64,{png}", "px": caseimages.IMAGE_PX, "width_mm": width,
                  "scale_bar_mm": caseimages.scale_bar_mm(width),
                  "alt": f"Synthetic mammogram patch, {view} {zoom}, {width:g} mm wide; calcium shows white."},
        "result": result,
        "asked": asked,
        "choices": {s: option_key(s, c.system, decided[s]) if s in decided else s for s in asked},
        "expert": {s: _answer(c, s) for s in asked},
        "path": [s.id for s in a.path],
        "teaching_point": " ".join(c.teaching_point.split()),
    }


@cache
def _player_table() -> dict:
    cat = catalogue()
    rows = [_case_row(c, cat) for c in cases()]
    choices = _fixed_choices(cat)
    for row in rows:
        for step, key in row["choices"].items():
            if key not in choices:
                _, system, decided_at = key.split(":")
                choices[key] = OPTION_MAKERS[step](decided_at, system, cat)
    systems = [s for s in cat.ids("system") if any(row["system"]["id"] == s for row in rows)]
    keys = sorted({k for row in rows for a in row["expert"].values() for k in a["sources"]})
    return {
        "steps": list(STEPS),
        "choices": choices,
        "step_labels": {s: {step.id: step.label_in(s) for step in cat.steps_of(s)} for s in systems},
        "references": short_citations(keys),
        "flowchart_svg": {s: flowchart.svg(system=s, title=f"The {flowchart.SYSTEM_NAMES[s]}") for s in systems},
        "cases": rows,
    }


def player_table() -> dict:
    """Everything the case player needs, JSON-serialisable and identical on every run.

    steps          the questions in order; a case's `asked` lists those it uses (after_result only with a result)
    choices        option sets by key, each a list of {id, label} (category options also carry the leaflet's plain
                   words, next-test options a plain sentence, after-result options the id of the end they reach):
                   "size", "shape", "pattern", "category" (and "birads", "rcr": the scales shown with the category);
                   "next_test:<system>:<step>" and "after_result:<system>:<step>", where the step is the one the
                   question asks about in that system's graph (the category decision, the concordance decision)
    step_labels    per system: pathway step id -> label in that system, for the expert's path
    references     source key -> short citation, for every key the answers cite
    flowchart_svg  per system used by a case: that system's flowchart once, nothing highlighted; node ids are step ids
    cases          per case: id, title, vignette, system, setting and history ({id, label}), image (PNG data URI,
                   px, width_mm, scale_bar_mm, alt), result ({id, label, concordance: {id, label, given, text} or
                   None} or None), asked, choices (per asked step, the key of its option set), expert (per step:
                   answer, explanation, sources; category adds birads and rcr), path (step ids from
                   calcflow.assess), teaching_point
    """
    return _player_table()
