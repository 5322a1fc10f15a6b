"""What follows a needle-biopsy result: cancer found at excision, localisation results, and plain words.

Data: `calcflow/data/outcomes.yaml`, validated with pydantic (errors name the file, the entry and the field) and
cross-checked: unique ids, source keys that exist in `calcflow/data/references.bib`, and exactly one plain sentence for
every route of the pathway. The route an assessment took is read from `calcflow.rules`, never re-decided here.
"""
from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from calcflow.model.catalogue import (DATA_DIR, REFERENCES, Catalogue, _validate_with, bibliography_keys, catalogue,
                        read_yaml)
from calcflow.errors import DataError, InvalidChoice
from calcflow.model.schema import Entry, Sourced
from calcflow.figures.tables import Table

OUTCOMES = DATA_DIR / "outcomes.yaml"
UPGRADE_GROUPS = ("result", "b3-lesion")


class Upgrade(Sourced):
    id: str
    group: Literal["result", "b3-lesion"]
    result: Literal["B3", "B3a", "B3b", "B4"]
    lesion: str | None = None
    percent: float = Field(ge=0, le=100)
    events: int | None = Field(default=None, ge=0)
    total: int | None = Field(default=None, ge=1)
    n_note: str | None = None
    population: str
    study: str

    @model_validator(mode="after")
    def _counts_match_percent(self):
        if (self.events is None) != (self.total is None):
            raise ValueError("give both events and total, or neither")
        if self.total is not None:
            if self.events > self.total:
                raise ValueError(f"events ({self.events}) cannot exceed total ({self.total})")
            if abs(100 * self.events / self.total - self.percent) > 1:
                raise ValueError(f"percent {self.percent:g} does not match {self.events}/{self.total}")
        if self.group == "b3-lesion" and not self.lesion:
            raise ValueError("a b3-lesion entry needs the lesion it describes")
        return self

    @property
    def label(self) -> str:
        """'Lobular neoplasia' or 'B3 with atypia (B3b)': what the bar stands for, in words."""
        if self.lesion:
            return self.lesion
        return {"B3": "B3 (all)", "B3a": "B3 without atypia (B3a)", "B3b": "B3 with atypia (B3b)",
                "B4": "B4"}[self.result]

    @property
    def count(self) -> str:
        return f"{self.events}/{self.total}" if self.total else (self.n_note or "")


class Localisation(Sourced):
    id: str
    technique: str
    study: str
    patients: str
    finding: str


class PlainRoute(Sourced):
    route: str
    plain: str


class Outcomes(Entry):
    upgrade: tuple[Upgrade, ...] = Field(min_length=1)
    localisation: tuple[Localisation, ...] = Field(min_length=1)
    plain: tuple[PlainRoute, ...] = Field(min_length=1)


def _cross_check(data: Outcomes, name: str, cat: Catalogue, known_keys: frozenset[str] | None) -> None:
    for section in ("upgrade", "localisation"):
        seen: set[str] = set()
        for item in getattr(data, section):
            if item.id in seen:
                raise DataError(f"{name}: {section} {item.id!r}: field 'id': duplicate id")
            seen.add(item.id)
    routes = [r.id for r in cat.pathway.routes if r.next_step]     # the routes that end a path, or end it for now
    given = [p.route for p in data.plain]
    for route in given:
        if route not in routes:
            raise DataError(f"{name}: plain {route!r}: field 'route': unknown route; routes are: {', '.join(routes)}")
        if given.count(route) > 1:
            raise DataError(f"{name}: plain {route!r}: field 'route': duplicate route")
    missing = [r for r in routes if r not in given]
    if missing:
        raise DataError(f"{name}: plain: no plain sentence for route(s) {', '.join(missing)}")
    if known_keys is not None:
        for section in ("upgrade", "localisation", "plain"):
            for item in getattr(data, section):
                for key in item.sources:
                    if key not in known_keys:
                        where = getattr(item, "id", None) or getattr(item, "route")
                        raise DataError(f"{name}: {section} {where!r}: field 'sources': unknown source key "
                                        f"{key!r} (not in calcflow/data/references.bib)")


def load_outcomes(path: Path = OUTCOMES, references: Path | None = REFERENCES,
                  cat: Catalogue | None = None) -> Outcomes:
    """Read and validate outcomes.yaml. Source keys are checked when the bibliography exists."""
    raw = read_yaml(path)
    data = _validate_with(Outcomes, path.name, raw)
    keys = bibliography_keys(references) if references is not None and references.exists() else None
    _cross_check(data, path.name, cat or catalogue(), keys)
    return data


@cache
def outcomes() -> Outcomes:
    """The package's own outcome data, loaded once."""
    return load_outcomes()


def upgrade_rates(group: str | None = None, data: Outcomes | None = None) -> tuple[Upgrade, ...]:
    """Cancer found at excision after a B3 or B4 needle biopsy, for one group ('result', 'b3-lesion') or all."""
    if group is not None and group not in UPGRADE_GROUPS:
        raise InvalidChoice("upgrade group", group, list(UPGRADE_GROUPS))
    items = (data or outcomes()).upgrade
    return tuple(u for u in items if group is None or u.group == group)


def upgrade_table(group: str | None = None, data: Outcomes | None = None) -> Table:
    rows = tuple((u.label, f"{u.percent:g}%", u.count, u.population, u.study) for u in upgrade_rates(group, data))
    return Table(("Needle-biopsy result", "Cancer at excision", "Number", "Population", "Study"), rows,
                 tuple(tuple(u.sources) for u in upgrade_rates(group, data)))


def localisation_table(data: Outcomes | None = None) -> Table:
    items = (data or outcomes()).localisation
    rows = tuple((i.technique, i.study, i.patients, " ".join(i.finding.split())) for i in items)
    return Table(("Technique", "Study", "Patients", "What it found"), rows, tuple(tuple(i.sources) for i in items))


# --- plain words -------------------------------------------------------------------------------------------------
def route_of(assessment) -> str:
    """The route that decides what happens next: after the result if there is one, else after the category."""
    return assessment.route[2] if assessment.choice.get("result") is not None else assessment.route[1]


def plain_sentence(route: str, data: Outcomes | None = None) -> PlainRoute:
    by_route = {p.route: p for p in (data or outcomes()).plain}
    if route not in by_route:
        raise InvalidChoice("route", route, list(by_route))
    return by_route[route]


class PlainWords:
    """An "In plain words" box for one assessment: what the mammogram showed, then what happens next.

    Both sentences come from the data: the leaflet word's plain sentence (scales.yaml) and the plain sentence of
    the route the model took (outcomes.yaml). Shows as a MyST tip admonition in the book, HTML in JupyterLab.
    """

    def __init__(self, assessment, situation: str, cat: Catalogue | None = None, data: Outcomes | None = None):
        cat = cat or catalogue()
        self.situation = situation
        self.leaflet = next(c for c in cat.scales.category if c.id == assessment.category)
        self.route = route_of(assessment)
        self.next = plain_sentence(self.route, data)
        self.result = assessment.choice.get("result")
        self.system = "US" if assessment.choice["system"] == "us" else "UK"
        self.result_label = cat.result(self.result).label if self.result else None
        self.birads, self.rcr = assessment.birads, assessment.rcr

    @property
    def scores(self) -> str:
        score = f"BI-RADS {self.birads}" if self.system == "US" else self.rcr
        return f"{self.system}: {score}" + (f", biopsy result {self.result_label}" if self.result else "")

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.leaflet.sources + self.next.sources))

    def _parts(self) -> tuple[tuple[str, str], ...]:
        then = "What the result means" if self.result else "What happens next"
        return (("What the mammogram showed", f"{self.leaflet.label}. {self.leaflet.plain}"),
                (then, " ".join(self.next.plain.split())))

    def to_markdown(self) -> str:
        body = "\n\n".join(f"**{head}:** {text}" for head, text in self._parts())
        cite = "{cite:p}`" + ",".join(self.sources) + "`"
        return (f"````{{admonition}} In plain words\n:class: tip\n*{self.situation}* ({self.scores})\n\n"
                f"{body}\n\nSources: {cite}\n````")

    def to_html(self) -> str:
        body = "".join(f"<p><strong>{html.escape(h)}:</strong> {html.escape(t)}</p>" for h, t in self._parts())
        return (f'<div class="admonition tip"><p class="admonition-title">In plain words</p>'
                f"<p><em>{html.escape(self.situation)}</em> ({html.escape(self.scores)})</p>{body}"
                f"<p>Sources: {html.escape(', '.join(self.sources))}</p></div>")

    def to_text(self) -> str:
        return "\n".join([f"In plain words — {self.situation} ({self.scores})",
                          *(f"{h}: {t}" for h, t in self._parts())])

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": self.to_text(), "text/html": self.to_html(), "text/markdown": self.to_markdown()}


def plain_words(assessment, situation: str) -> PlainWords:
    return PlainWords(assessment, situation)
