"""The shape of every data file, as pydantic models. Unknown fields are errors (extra="forbid")."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Id = str
BiradsId = Literal["0", "1", "2", "3", "4A", "4B", "4C", "5", "6"]
RcrId = Literal["M1", "M2", "M3", "M4", "M5"]
SizeId = Literal["micro", "macro"]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(Entry):
    sources: tuple[str, ...] = Field(min_length=1)
    unconfirmed: bool = False


# --- lexicon.yaml -------------------------------------------------------------------------------
class Descriptor(Sourced):
    id: Id
    label: str
    description: str


class SizeClass(Descriptor):
    cutoff: str


class Shape(Descriptor):
    group: Literal["typically-benign", "suspicious"]
    typical_size: str
    usual_cause: str
    sizes: tuple[SizeId, ...] = Field(min_length=1)
    suggested_birads: BiradsId | None = None


class Lexicon(Entry):
    size: tuple[SizeClass, ...]
    shape: tuple[Shape, ...]
    pattern: tuple[Descriptor, ...]
    change: tuple[Descriptor, ...]
    system: tuple[Descriptor, ...]


# --- scales.yaml --------------------------------------------------------------------------------
class BiradsCategory(Sourced):
    id: BiradsId
    label: str
    likelihood: str | None
    management: str


class RcrScore(Sourced):
    id: RcrId
    label: str
    management: str


class LeafletCategory(Sourced):
    id: Literal["benign", "indeterminate", "suspicious"]
    label: str
    plain: str
    birads: tuple[BiradsId, ...]
    rcr: tuple[RcrId, ...]


class BiradsToRcr(Sourced):
    birads: BiradsId
    rcr: RcrId


class PathologyResult(Sourced):
    id: Id
    label: str
    description: str


class Scales(Entry):
    birads: tuple[BiradsCategory, ...]
    rcr: tuple[RcrScore, ...]
    category: tuple[LeafletCategory, ...]
    birads_to_rcr: tuple[BiradsToRcr, ...]
    result: tuple[PathologyResult, ...]


# --- pathway.yaml -------------------------------------------------------------------------------
class Edge(Entry):
    to: Id
    label: str | None = None
    alternative: bool = False


class Step(Sourced):
    id: Id
    label: str
    kind: Literal["start", "step", "decision", "end"]
    stage: Literal["screening", "assessment", "biopsy", "result", "outcome"]
    explanation: str
    next: tuple[Edge, ...] = ()


class Route(Entry):
    id: Id
    steps: tuple[Id, ...] = Field(min_length=1)


class Pathway(Entry):
    steps: tuple[Step, ...]
    routes: tuple[Route, ...]


# --- rules.yaml ---------------------------------------------------------------------------------
class Rule(Sourced):
    id: Id
    statement: str


class NextStep(Entry):
    id: Id
    text: str


class Rules(Entry):
    rules: tuple[Rule, ...]
    next_steps: tuple[NextStep, ...]


# --- evidence.yaml ------------------------------------------------------------------------------
class Ppv(Sourced):
    descriptor: str
    kind: Literal["shape", "pattern", "birads", "rcr"]
    ppv: float = Field(ge=0, le=100)
    ci: tuple[float, float] | None = None
    n: int | None = Field(default=None, ge=1)
    n_note: str | None = None
    population: str
    study: str


class Evidence(Entry):
    ppv: tuple[Ppv, ...]


FILES: dict[str, type[Entry]] = {
    "lexicon.yaml": Lexicon,
    "scales.yaml": Scales,
    "pathway.yaml": Pathway,
    "rules.yaml": Rules,
    "evidence.yaml": Evidence,
}
