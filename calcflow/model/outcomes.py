"""What follows a needle-biopsy result: cancer found at excision, localisation results, and plain words.

Data: `calcflow/data/outcomes.yaml`, validated with pydantic (errors name the file, the entry and the field) and
cross-checked: unique ids, source keys that exist in `calcflow/data/references.bib`, and exactly one plain sentence for
every route of the pathway. The route an assessment took is the one it carries (`Assessment.deciding_route`), never re-decided here.
"""
from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from calcflow.model.catalogue import Catalogue, catalogue
from calcflow.model.load import DATA_DIR, REFERENCES, load_file
from calcflow.errors import DataError, InvalidChoice
from calcflow.model.schema import Entry, Sourced

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


def _cross_check(data: Outcomes, name: str, cat: Catalogue) -> None:
    """Exactly one plain sentence for each route that ends a path (or ends it for now)."""
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


def load_outcomes(path: Path = OUTCOMES, references: Path = REFERENCES, cat: Catalogue | None = None) -> Outcomes:
    """Read and validate outcomes.yaml (calcflow.model.load), then check its plain sentences against the routes."""
    data = load_file(path, Outcomes, references)
    _cross_check(data, Path(path).name, cat or catalogue())
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


# --- plain words -------------------------------------------------------------------------------------------------
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
        self.route = assessment.deciding_route
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
