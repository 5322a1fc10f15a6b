"""Each system's graph, and paths through it.

The two systems share one list of steps (pathway.yaml); a system's graph is its own steps and the edges between
them. A path is the concatenation of the routes the rules chose, and is always a walk in the system's graph from
one of its start steps (the data loader checks each route; tests check every path).
"""
from __future__ import annotations

from functools import cache

from calcflow.model.catalogue import Catalogue, catalogue


@cache
def _edges(system: str, cat: Catalogue) -> frozenset[tuple[str, str]]:
    own = {s.id for s in cat.steps_of(system)}
    return frozenset((s.id, e.to) for s in cat.steps_of(system) for e in s.next if e.to in own)


def edges(system: str, cat: Catalogue | None = None) -> frozenset[tuple[str, str]]:
    """Every (from, to) edge of one system's graph."""
    return _edges(system, cat or catalogue())


def starts(system: str, cat: Catalogue | None = None) -> tuple[str, ...]:
    """Where a path in one system's graph can begin (screening, breast clinic, surveillance after treatment)."""
    return tuple(s.id for s in (cat or catalogue()).steps_of(system) if s.kind == "start")


def path_for(routes: list[str] | tuple[str, ...], cat: Catalogue | None = None) -> tuple[str, ...]:
    """The full path: the steps of each route taken, in order."""
    cat = cat or catalogue()
    return tuple(step for r in routes for step in cat.route(r).steps)


def linked(a: str, b: str, cat: Catalogue | None = None) -> bool:
    cat = cat or catalogue()
    return any(e.to == b for e in cat.step(a).next)
