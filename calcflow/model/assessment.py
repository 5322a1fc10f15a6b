"""`assess()`: from a described calcification to its category, next step and path, with sources.

Two halves, each cached, because the browser receives them as two small tables (export.py):
`categorise` (what is seen → BI-RADS, M-score, leaflet word) and `route_for` (the category and where the woman is →
the routes, the path, the next step). `assess` validates the inputs and joins the two.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from calcflow.model import rules
from calcflow.model.catalogue import Catalogue, catalogue
from calcflow.errors import CalcflowError, ImpossibleCombination, InvalidChoice
from calcflow.model.pathway import path_for

FIELDS = ("size", "shape", "pattern", "change", "system", "result", "setting", "history", "concordance")
OPTIONAL = ("result", "concordance")             # None = not given
CATEGORY_FIELDS = ("size", "shape", "pattern", "change", "history")
ROUTE_FIELDS = ("system", "setting", "history", "result", "concordance")
DESCRIBED = ("size", "shape", "pattern", "change", "setting", "history")    # their sources join the answer's


@dataclass(frozen=True)
class PathStep:
    id: str
    label: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class AppliedRule:
    id: str
    statement: str
    sources: tuple[str, ...]
    unconfirmed: bool = False
    synthesis: bool = False


@dataclass(frozen=True)
class CategoryAnswer:
    birads: str
    rcr: str
    category: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class RouteAnswer:
    route: tuple[str, ...]
    path: tuple[str, ...]
    rules: tuple[str, ...]
    next_step: str
    concordance: str | None


@dataclass(frozen=True)
class Assessment:
    """The model's answer for one finding. `category` is the patient leaflet's word; `route` the route ids taken."""
    choice: dict
    category: str
    birads: str
    rcr: str
    next_step: str
    path: tuple[PathStep, ...]
    rules: tuple[AppliedRule, ...]
    sources: tuple[str, ...] = field(default=())
    route: tuple[str, ...] = field(default=())
    concordance: str | None = None

    @property
    def system(self) -> str:
        return self.choice["system"]

    @property
    def deciding_route(self) -> str:
        """The route that says what happens next: the result's route when a result is given, else the category's."""
        return self.route[2] if self.choice.get("result") is not None else self.route[1]

    def _repr_mimebundle_(self, include=None, exclude=None):
        from calcflow.model import report

        return {"text/plain": report.text(self), "text/html": report.html_report(self),
                "text/markdown": report.markdown(self)}

    def to_dict(self) -> dict:
        return {
            "system": self.choice["system"],
            "setting": self.choice["setting"],
            "history": self.choice["history"],
            "category": self.category,
            "birads": self.birads,
            "rcr": self.rcr,
            "next_step": self.next_step,
            "concordance": self.concordance,
            "path": [{"id": s.id, "label": s.label, "sources": list(s.sources)} for s in self.path],
            "route": list(self.route),
            "sources": list(self.sources),
            "rules": [{"id": r.id, "statement": r.statement, "sources": list(r.sources),
                       "unconfirmed": r.unconfirmed, "synthesis": r.synthesis} for r in self.rules],
            "choice": dict(self.choice),
        }


def choices(cat: Catalogue | None = None) -> dict[str, list[str]]:
    """The valid values of every input of `assess` (`result`: both systems'; see `results_for`)."""
    cat = cat or catalogue()
    return {f: cat.ids(f) for f in FIELDS}


def results_for(system: str, cat: Catalogue | None = None) -> list[str]:
    """The biopsy results one system reports (UK B-codes, US diagnoses)."""
    cat = cat or catalogue()
    if not cat.has("system", system):
        raise InvalidChoice("system", system, cat.ids("system"))
    return cat.results_for(system)


def validate_choice(values: dict, cat: Catalogue) -> None:
    """Raise InvalidChoice for the first value that is not a valid id of its field (None = not given)."""
    for name, value in values.items():
        if name in OPTIONAL and value is None:
            continue
        if not isinstance(value, str) or not cat.has(name, value):
            raise InvalidChoice(name, value, cat.ids(name))


def _remembering_refusals(decide):
    """Cache a decision's answers and its refusals alike: the exhaustive tests and the export ask again and again."""
    @cache
    def outcome(*args):
        try:
            return decide(*args), None
        except CalcflowError as exc:
            return None, exc

    def wrapper(*args):
        answer, refusal = outcome(*args)
        if refusal is not None:
            raise refusal.with_traceback(None)
        return answer

    wrapper.cache_clear = outcome.cache_clear
    wrapper.__doc__, wrapper.__name__ = decide.__doc__, decide.__name__
    return wrapper


@_remembering_refusals
def categorise(size: str, shape: str, pattern: str, change: str, history: str, cat: Catalogue) -> CategoryAnswer:
    """What is seen → BI-RADS, M-score and the leaflet's word. Raises ImpossibleCombination."""
    finding = rules.Finding(size, shape, pattern, change, history)
    rules.check_size(finding, cat)
    rules.check_history(finding)
    category = rules.birads(finding, cat)
    score = rules.rcr(finding, category.value, cat)
    leaflet = cat.leaflet_for_rcr(score.value)
    return CategoryAnswer(category.value, score.value, leaflet.id,
                          category.rules + score.rules + ("leaflet-category",))


@_remembering_refusals
def route_for(system: str, setting: str, history: str, birads: str, result: str | None, concordance: str | None,
              cat: Catalogue) -> RouteAnswer:
    """The category and where the woman is → the routes taken, the path, the next step. Raises ImpossibleCombination
    or InvalidChoice (a result in the other system's words)."""
    s = rules.Situation(system, setting, history, result, concordance)
    rules.check_result_system(s, cat)
    if concordance is not None and result is None:
        raise ImpossibleCombination(
            f"concordance {concordance!r} was given without a biopsy result; give a result or leave it out",
            rule="concordance-judged")
    decisions = [rules.entry(s, birads), rules.after_category(s, birads)]
    rules.check_biopsied(s, birads, decisions[-1].value)
    routes = [d.value for d in decisions]
    judged = None
    if result is not None:
        kind = cat.result(result).kind
        verdict = rules.concordance(s, birads, kind)
        outcome = rules.after_result(s, kind, verdict.value)
        decisions += [verdict, outcome]
        routes.append(outcome.value)
        if outcome.value.endswith("-concordant"):
            decisions.append(rules.benign_end(s))
            routes.append(decisions[-1].value)
        judged = verdict.value or None
    # The next step: what the result leads to, or else what the category leads to.
    told = [cat.route(r).next_step for r in routes[2 if result is not None else 1:]]
    next_step = " ".join(" ".join(t for t in told if t).split())
    applied = tuple(dict.fromkeys(i for d in decisions for i in d.rules))
    routes = tuple(routes)
    return RouteAnswer(routes, path_for(routes, cat), applied, next_step, judged)


@cache
def _path(steps: tuple[str, ...], system: str, cat: Catalogue) -> tuple[PathStep, ...]:
    return tuple(PathStep(s.id, s.label_in(system), s.sources) for s in map(cat.step, steps))


@cache
def _applied(rule_ids: tuple[str, ...], cat: Catalogue) -> tuple[AppliedRule, ...]:
    return tuple(AppliedRule(r.id, r.statement, r.sources, r.unconfirmed, r.synthesis)
                 for r in map(cat.rule, dict.fromkeys(rule_ids)))


def answer_sources(rule_ids, steps, described: dict, cat: Catalogue) -> tuple[str, ...]:
    """Every source behind an answer: the rules applied, the steps walked, the descriptors chosen."""
    items = [*(cat.rule(r) for r in rule_ids), *(cat.step(s) for s in steps),
             *(cat.descriptor(f, described[f]) for f in DESCRIBED)]
    return tuple(dict.fromkeys(k for item in items for k in item.sources))


def assess(size: str, shape: str, pattern: str, change: str = "no-prior", system: str = "uk",
           result: str | None = None, *, setting: str = "screening", history: str = "none",
           concordance: str | None = None, cat: Catalogue | None = None) -> Assessment:
    """Assess one finding. Raises InvalidChoice or ImpossibleCombination (both ValueError) for values that do not
    exist or cannot occur together; their messages are meant for the user."""
    cat = cat or catalogue()
    values = dict(size=size, shape=shape, pattern=pattern, change=change, system=system, result=result,
                  setting=setting, history=history, concordance=concordance)
    validate_choice(values, cat)
    seen = categorise(size, shape, pattern, change, history, cat)
    taken = route_for(system, setting, history, seen.birads, result, concordance, cat)
    rule_ids = tuple(dict.fromkeys(seen.rules + taken.rules))
    return Assessment(choice=values, category=seen.category, birads=seen.birads, rcr=seen.rcr,
                      next_step=taken.next_step, path=_path(taken.path, system, cat),
                      rules=_applied(rule_ids, cat), sources=answer_sources(rule_ids, taken.path, values, cat),
                      route=taken.route, concordance=taken.concordance)
