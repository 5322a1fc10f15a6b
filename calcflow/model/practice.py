"""Endless practice: a new reading case made from a seed, so a case can be replayed by typing its seed again.

`practice_case(seed, tier, system)` returns a `ReadingCase` (calcflow.model.reading) like the curated ones, chosen by
a random stream keyed by the seed and the tier (not the system: the same seed and tier give the same breast and
findings in the UK and the US, answered in each system's words). Nothing here draws: the seed is also the case's
image seed, and calcflow.figures.reading draws it as it draws a curated case.

What a case holds mirrors the curated set (calcflow/data/reading.yaml), tier by tier, in STUDENT_WEIGHTS and
ADVANCED_WEIGHTS:

- student: one finding or none, textbook shapes: a normal breast with nothing on it, a typically benign finding
  (popcorn, rods, rim, vessels, milk of calcium, scattered round, dystrophic, suture), a punctate group (first screen
  or new: probably benign or low suspicion) or a suspicious one (fine pleomorphic, casting, amorphous, coarse
  heterogeneous);
- advanced: up to three findings: a main finding — none, a subtle benign one (diffuse powdery, a stable punctate
  group), an indeterminate one (punctate or amorphous in a group, region, line or segment) or a suspicious one — and
  up to two distractors beside it (DISTRACTOR_COUNTS: vessels, skin, scattered round, rods, popcorn; a punctate
  group beside a suspicious finding).

Every finding's words are the lexicon's, with the size the generator draws for its shape (micro for MICRO_SHAPES,
else macro, as in reading.yaml). So that the generator can lay the findings out clear of each other in both views
(it refuses a layout that does not fit): two findings never share a shape, at most one is diffuse, placed findings
get different quadrants and depth thirds, the second in the quadrant opposite the first (apart on the CC, which
shows outer/inner, and on the MLO, which shows upper/lower), skin and vessels are never central, and a vessel — the
longest layout — lies in the posterior third, comes first and has at most one other placed finding beside it.
`normal` is the model's (answer_key: BI-RADS 1–2 is normal), the case has no note, and it passes the same checks as a
curated case (check_case) before it is returned.

For teaching, not for diagnosis.
"""
from __future__ import annotations

import numbers
import random
from typing import NamedTuple

from calcflow.errors import CalcflowError, InvalidChoice
from calcflow.model.assessment import choices
from calcflow.model.reading import (DEPTHS, QUADRANTS, TIERS, ReadingCase, ReadingFinding, answer_key,
                                    check_case)
from calcflow.model.rules import BENIGN

MAX_SEED = 999_999_999  # nine digits: easy to read out and type again
MICRO_SHAPES = ("punctate", "amorphous", "fine-pleomorphic", "fine-linear-branching")
FINDING_IDS = ("a", "b", "c")
DEPTHS_OF = {"vascular": ("posterior",)}  # the depth thirds a shape may take (else any)
FIRST = "vascular"  # laid out before the others (the generator places findings in order, each clear of those before)
OFF_CENTRE = ("skin", "vascular")  # never in the central quadrant
OPPOSITE = {"upper-outer": "lower-inner", "lower-inner": "upper-outer", "upper-inner": "lower-outer",
            "lower-outer": "upper-inner"}  # apart in both views: the CC shows outer/inner, the MLO upper/lower
CHECKED_AS = "practice"  # how check_case names the source of a practice case in an error


class Kind(NamedTuple):
    """A finding to draw: the lexicon's shape, pattern and change (the size follows from the shape)."""
    shape: str
    pattern: str
    change: str = "no-prior"


# --- student: one finding or none, textbook shapes --------------------------------------------------------------------
STUDENT_KINDS: dict[str, tuple[Kind, ...]] = {
    "no-finding": (),
    "benign": (Kind("coarse-popcorn", "grouped"), Kind("large-rod", "diffuse"), Kind("rim", "regional"),
               Kind("vascular", "linear"), Kind("milk-of-calcium", "grouped"), Kind("round", "diffuse"),
               Kind("dystrophic", "regional"), Kind("suture", "linear")),
    "indeterminate": (Kind("punctate", "grouped"), Kind("punctate", "grouped", "new-or-increasing")),
    "suspicious": (Kind("fine-pleomorphic", "grouped"), Kind("fine-linear-branching", "segmental"),
                   Kind("fine-linear-branching", "linear"), Kind("amorphous", "grouped"),
                   Kind("coarse-heterogeneous", "grouped")),
}
STUDENT_WEIGHTS = {"no-finding": 0.15, "benign": 0.35, "indeterminate": 0.2, "suspicious": 0.3}

# --- advanced: a main finding (or none), subtle shapes, and distractors beside it -------------------------------------
ADVANCED_KINDS: dict[str, tuple[Kind, ...]] = {
    "no-finding": (),
    "subtle-benign": (Kind("amorphous", "diffuse"), Kind("punctate", "grouped", "stable"),
                      Kind("milk-of-calcium", "grouped"), Kind("punctate", "regional")),
    "indeterminate": (Kind("punctate", "grouped"), Kind("punctate", "grouped", "new-or-increasing"),
                      Kind("amorphous", "regional"), Kind("amorphous", "regional", "stable"),
                      Kind("punctate", "segmental"), Kind("punctate", "linear")),
    "suspicious": (Kind("fine-pleomorphic", "grouped"), Kind("fine-pleomorphic", "grouped", "stable"),
                   Kind("fine-pleomorphic", "segmental"), Kind("amorphous", "grouped"),
                   Kind("amorphous", "segmental"), Kind("amorphous", "linear"),
                   Kind("fine-linear-branching", "linear"), Kind("fine-linear-branching", "segmental"),
                   Kind("coarse-heterogeneous", "grouped")),
}
ADVANCED_WEIGHTS = {"no-finding": 0.15, "subtle-benign": 0.15, "indeterminate": 0.3, "suspicious": 0.4}
DISTRACTORS = (Kind("vascular", "linear"), Kind("skin", "grouped"), Kind("round", "diffuse"),
               Kind("large-rod", "diffuse"), Kind("coarse-popcorn", "grouped"))
BESIDE_SUSPICIOUS = (Kind("punctate", "grouped"),)  # a less suspicious group beside a suspicious one
DISTRACTOR_COUNTS = {0: 0.35, 1: 0.4, 2: 0.25}
ADVANCED_MAX_FINDINGS = 3


def _checked_input(seed: object, tier: object, system: object) -> None:
    if tier not in TIERS:
        raise InvalidChoice("practice tier", tier, list(TIERS))
    systems = choices()["system"]
    if system not in systems:
        raise InvalidChoice("system", system, systems)
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or not 0 <= seed <= MAX_SEED:
        raise CalcflowError(f"practice seed must be a whole number from 0 to {MAX_SEED} (got {seed!r})")


def _weighted(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _student_kinds(rng: random.Random) -> list[Kind]:
    kinds = STUDENT_KINDS[_weighted(rng, STUDENT_WEIGHTS)]
    return [rng.choice(kinds)] if kinds else []


def _advanced_kinds(rng: random.Random) -> list[Kind]:
    group = _weighted(rng, ADVANCED_WEIGHTS)
    chosen = [rng.choice(ADVANCED_KINDS[group])] if ADVANCED_KINDS[group] else []
    pool = list(DISTRACTORS) + (list(BESIDE_SUSPICIOUS) if group == "suspicious" else [])
    for _ in range(min(_weighted(rng, DISTRACTOR_COUNTS), ADVANCED_MAX_FINDINGS - len(chosen))):
        chosen.append(rng.choice([k for k in pool if _fits_beside(k, chosen)]))
    return chosen


def _fits_beside(kind: Kind, chosen: list[Kind]) -> bool:
    """Whether a finding may join a case: a shape of its own, at most one diffuse finding, and a vessel with at most
    one other placed finding beside it (its long course leaves no room for a third)."""
    together = [*chosen, kind]
    placed = [k for k in together if k.pattern != "diffuse"]
    return (kind.shape not in {c.shape for c in chosen}
            and sum(k.pattern == "diffuse" for k in together) <= 1
            and not (any(k.shape == FIRST for k in placed) and len(placed) > 2))


def _places(rng: random.Random, kinds: list[Kind]) -> list[dict[str, str]]:
    """Each finding's quadrant and depth ({} when diffuse) by the rules in the module's docstring,
    the findings with fewer allowed depths (DEPTHS_OF) given theirs first."""
    quadrants, depths = list(QUADRANTS), list(DEPTHS)
    places: list[dict[str, str]] = [{} for _ in kinds]
    placed_first = ""
    for i in sorted(range(len(kinds)), key=lambda i: len(DEPTHS_OF.get(kinds[i].shape, DEPTHS))):
        kind = kinds[i]
        if kind.pattern == "diffuse":
            continue
        allowed = [q for q in quadrants if not (kind.shape in OFF_CENTRE and q == "central")]
        facing = [q for q in allowed if q == OPPOSITE.get(placed_first, "")]
        quadrant = rng.choice(facing or allowed)
        placed_first = placed_first or quadrant
        depth = rng.choice([d for d in depths if d in DEPTHS_OF.get(kind.shape, DEPTHS)])
        quadrants.remove(quadrant)
        depths.remove(depth)
        places[i] = {"quadrant": quadrant, "depth": depth}
    return places


def _findings(rng: random.Random, kinds: list[Kind]) -> tuple[ReadingFinding, ...]:
    """The findings: the lexicon's words, the size the generator draws for the shape, and their places."""
    return tuple(ReadingFinding(id=finding_id, size="micro" if kind.shape in MICRO_SHAPES else "macro",
                                shape=kind.shape, pattern=kind.pattern, change=kind.change, **where)
                 for finding_id, kind, where in zip(FINDING_IDS, kinds, _places(rng, kinds)))


def practice_id(seed: int, tier: str, system: str) -> str:
    """A practice case's id: practice-<tier>-<system>-<seed>."""
    return f"practice-{tier}-{system}-{seed}"


def practice_case(seed: int, tier: str = "student", system: str = "uk") -> ReadingCase:
    """The practice case of a seed, tier (student | advanced) and system (uk | us); the same arguments give the same
    case in every process (see the module's docstring). Bad arguments raise a CalcflowError (InvalidChoice for the
    tier and the system) naming the value and what is allowed."""
    _checked_input(seed, tier, system)
    seed = int(seed)
    rng = random.Random(f"calcflow-practice/{tier}/{seed}")
    side = rng.choice(("left", "right"))
    kinds = _student_kinds(rng) if tier == "student" else _advanced_kinds(rng)
    kinds.sort(key=lambda k: k.shape != FIRST)
    draft = ReadingCase(id=practice_id(seed, tier, system), tier=tier, seed=seed, system=system, side=side,
                        normal=True, findings=_findings(rng, kinds))
    case = draft.model_copy(update={"normal": answer_key(draft).birads in BENIGN})
    check_case(CHECKED_AS, case)
    return case
