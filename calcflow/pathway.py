"""The path through the pathway graph: the common trunk, and whether two steps are linked."""
from __future__ import annotations

from functools import cache

from .catalogue import Catalogue, catalogue


@cache
def _trunk(cat: Catalogue) -> tuple[str, ...]:
    """Steps from the start to the first decision, following the usual (non-alternative) edges."""
    step = next(s for s in cat.pathway.steps if s.kind == "start")
    trunk = [step.id]
    while step.kind != "decision":
        usual = [e for e in step.next if not e.alternative]
        step = cat.step(usual[0].to)
        trunk.append(step.id)
    return tuple(trunk)


def trunk(cat: Catalogue | None = None) -> tuple[str, ...]:
    return _trunk(cat or catalogue())


def path_for(routes: list[str], cat: Catalogue | None = None) -> tuple[str, ...]:
    """The full path: the trunk, then the steps of each route taken, in order."""
    cat = cat or catalogue()
    steps = list(trunk(cat))
    for r in routes:
        steps.extend(cat.route_steps(r))
    return tuple(steps)


def linked(a: str, b: str, cat: Catalogue | None = None) -> bool:
    cat = cat or catalogue()
    return any(e.to == b for e in cat.step(a).next)
