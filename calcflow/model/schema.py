"""The shape of every data file, as pydantic models. Unknown fields are errors (extra="forbid")."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Id = str
BiradsId = Literal["0", "1", "2", "3", "4A", "4B", "4C", "5", "6"]
RcrId = Literal["M1", "M2", "M3", "M4", "M5"]
SizeId = Literal["micro", "macro"]
SystemId = Literal["uk", "us"]
ResultKind = Literal["nondiagnostic", "benign", "uncertain", "suspicious", "in-situ", "invasive", "malignant"]


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
    setting: tuple[Descriptor, ...]
    history: tuple[Descriptor, ...]
    concordance: tuple[Descriptor, ...]


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
    """A biopsy result in one system's words (UK B-codes, US diagnoses); `kind` is what the rules read."""
    id: Id
    system: SystemId
    kind: ResultKind
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
    stage: Literal["screening", "assessment", "biopsy", "result", "outcome", "treatment"]
    systems: tuple[SystemId, ...] = Field(default=("uk", "us"), min_length=1)
    labels: dict[SystemId, str] = Field(default_factory=dict)   # a system's own name for a shared step
    explanation: str
    next: tuple[Edge, ...] = ()

    def label_in(self, system: str) -> str:
        return self.labels.get(system, self.label)


class Route(Entry):
    """A piece of a path. A route with `next_step` ends a path (or ends it until a result is given)."""
    id: Id
    systems: tuple[SystemId, ...] = Field(min_length=1)
    steps: tuple[Id, ...] = Field(min_length=1)
    next_step: str | None = None


class Pathway(Entry):
    steps: tuple[Step, ...]
    routes: tuple[Route, ...]


# --- rules.yaml ---------------------------------------------------------------------------------
class Rule(Sourced):
    """`synthesis: true`: the book's own reading of its sources (not any one source's rule), said wherever shown."""
    id: Id
    statement: str
    synthesis: bool = False


class Rules(Entry):
    rules: tuple[Rule, ...]


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
