"""`assess()`: from a described calcification to its category, next step and path, with sources."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from . import rules
from .catalogue import Catalogue, catalogue
from .errors import InvalidChoice
from .pathway import path_for

FIELDS = ("size", "shape", "pattern", "change", "system", "result")


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


@dataclass(frozen=True)
class Assessment:
    """The model's answer for one finding. `category` is the patient leaflet's word."""
    choice: dict
    category: str
    birads: str
    rcr: str
    next_step: str
    path: tuple[PathStep, ...]
    rules: tuple[AppliedRule, ...]
    sources: tuple[str, ...] = field(default=())

    def _repr_mimebundle_(self, include=None, exclude=None):
        from . import report

        return {"text/plain": report.text(self), "text/html": report.html_report(self),
                "text/markdown": report.markdown(self)}

    def to_dict(self) -> dict:
        return {
            "category": self.category,
            "birads": self.birads,
            "rcr": self.rcr,
            "next_step": self.next_step,
            "path": [{"id": s.id, "label": s.label, "sources": list(s.sources)} for s in self.path],
            "sources": list(self.sources),
            "rules": [{"id": r.id, "statement": r.statement, "sources": list(r.sources),
                       "unconfirmed": r.unconfirmed} for r in self.rules],
            "choice": dict(self.choice),
        }


@cache
def _path(routes: tuple[str, ...], cat: Catalogue) -> tuple[PathStep, ...]:
    return tuple(PathStep(s.id, s.label, s.sources) for s in map(cat.step, path_for(list(routes), cat)))


@cache
def _applied(rule_ids: tuple[str, ...], cat: Catalogue) -> tuple[AppliedRule, ...]:
    return tuple(AppliedRule(r.id, r.statement, r.sources, r.unconfirmed)
                 for r in map(cat.rule, dict.fromkeys(rule_ids)))


@cache
def _sources(applied: tuple[AppliedRule, ...], path: tuple[PathStep, ...], described: tuple[str, ...],
             cat: Catalogue) -> tuple[str, ...]:
    """Every source behind an answer: the rules applied, the steps walked, the descriptors chosen."""
    descriptors = [cat.descriptor(f, v) for f, v in zip(("size", "shape", "pattern", "change"), described)]
    return tuple(dict.fromkeys(k for item in (*applied, *path, *descriptors) for k in item.sources))


def choices(cat: Catalogue | None = None) -> dict[str, list[str]]:
    """The valid values of every input of `assess`."""
    cat = cat or catalogue()
    return {f: cat.ids(f) for f in FIELDS}


def validate_choice(values: dict, cat: Catalogue) -> None:
    """Raise InvalidChoice for the first value that is not a valid id of its field (result None = no result)."""
    for name, value in values.items():
        if name == "result" and value is None:
            continue
        if not isinstance(value, str) or not cat.has(name, value):
            raise InvalidChoice(name, value, cat.ids(name))


def assess(size: str, shape: str, pattern: str, change: str = "no-prior", system: str = "uk",
           result: str | None = None, *, cat: Catalogue | None = None) -> Assessment:
    """Assess one finding. Raises InvalidChoice or ImpossibleCombination (both ValueError) for
    values that do not exist or cannot occur together; their messages are meant for the user."""
    cat = cat or catalogue()
    values = dict(size=size, shape=shape, pattern=pattern, change=change, system=system, result=result)
    validate_choice(values, cat)
    finding = rules.Finding(**values)
    rules.check_size(finding, cat)

    category = rules.birads(finding, cat)
    score = rules.rcr(finding, category.value, cat)
    leaflet = cat.leaflet_for_rcr(score.value)
    route = rules.route(finding, category.value)
    decisions = [category, score, rules.Decision(leaflet.id, ("leaflet-category",)), route]
    routes, last_route = [route.value], route.value
    if result is not None:
        outcome = rules.after_result(finding, category.value, route.value)
        decisions.append(outcome)
        routes.append(outcome.value)
        last_route = outcome.value

    path = _path(tuple(routes), cat)
    applied = _applied(tuple(i for d in decisions for i in d.rules), cat)
    described = tuple(values[name] for name in ("size", "shape", "pattern", "change"))
    keys = _sources(applied, path, described, cat)
    return Assessment(choice=values, category=leaflet.id, birads=category.value, rcr=score.value,
                      next_step=" ".join(cat.next_step_text(last_route).split()), path=path,
                      rules=applied, sources=keys)
