"""The work-up after recall, as data: how often a core needle and a vacuum-assisted device underestimate disease,
and how the two compare. The numbers live in `calcflow/data/workup.yaml`, every entry with sources.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from calcflow.model.load import DATA_DIR, REFERENCES, load_file
from calcflow.model.schema import Entry, Sourced

WORKUP_FILE = DATA_DIR / "workup.yaml"


# --- schema -------------------------------------------------------------------------------------------------
class DeviceRate(Entry):
    device: Literal["core", "vacuum", "any"]
    rate: float = Field(ge=0, le=100)
    gauge: str | None = None
    ci: tuple[float, float] | None = None


class Underestimation(Sourced):
    id: str
    study: str
    upgrade: str
    guidance: Literal["stereotactic", "ultrasound", "mixed", "not stated"]
    population: str
    rates: tuple[DeviceRate, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_rate_per_device(self):
        devices = [r.device for r in self.rates]
        if len(set(devices)) != len(devices):
            raise ValueError(f"each device may appear once in 'rates', found {devices}")
        return self


class Comparison(Sourced):
    measure: str
    core: str
    vacuum: str


class Workup(Entry):
    underestimation: tuple[Underestimation, ...]
    comparison: tuple[Comparison, ...]


def load_workup(path: Path = WORKUP_FILE, references: Path = REFERENCES) -> Workup:
    """Read and validate workup.yaml (calcflow.model.load: schema, unique ids, source keys)."""
    return load_file(path, Workup, references)


@cache
def workup() -> Workup:
    """The package's own work-up data, loaded once."""
    return load_workup()
