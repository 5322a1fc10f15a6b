"""Every clinical decision the model makes, in one place.

Each function takes the finding (and the catalogue for the numbers and tables it needs) and returns
its decision together with the ids of the rules it applied; the rules' statements and sources live in
`data/rules.yaml`. The browser never re-implements these: it receives the table `export.py` builds.
"""
from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Catalogue
from .errors import ImpossibleCombination

BIRADS_ORDER = ("1", "2", "3", "4A", "4B", "4C", "5")
ROUND_SHAPES = ("round", "punctate")
DUCTAL_PATTERNS = ("linear", "segmental")
SCATTERED_PATTERNS = ("diffuse", "regional")


@dataclass(frozen=True)
class Finding:
    size: str
    shape: str
    pattern: str
    change: str = "no-prior"
    system: str = "uk"
    result: str | None = None


@dataclass(frozen=True)
class Decision:
    value: str
    rules: tuple[str, ...]


def _at_least(category: str, floor: str) -> str:
    return max(category, floor, key=BIRADS_ORDER.index)


def check_size(f: Finding, cat: Catalogue) -> None:
    """Refuse a size class the descriptor cannot have (e.g. macro fine-linear calcifications)."""
    shape = cat.descriptor("shape", f.shape)
    if f.size not in shape.sizes:
        size = cat.descriptor("size", f.size)
        allowed = " or ".join(shape.sizes)
        raise ImpossibleCombination(
            f"{f.shape} calcifications ({shape.typical_size}) cannot be {size.label.lower()} "
            f"({f.size}); choose size {allowed}", rule="size-fits-shape")


def birads(f: Finding, cat: Catalogue) -> Decision:
    """The BI-RADS category: morphology and distribution read together, worst feature wins."""
    shape = cat.descriptor("shape", f.shape)
    if shape.id in ROUND_SHAPES:
        if f.pattern in SCATTERED_PATTERNS:
            return Decision("2", ("round-diffuse-benign",))
        if f.pattern in DUCTAL_PATTERNS or f.change == "new-or-increasing":
            return Decision("4A", ("round-group-new-or-ductal",))
        if f.change == "stable":
            return Decision("2", ("round-group-stable",))
        return Decision("3", ("round-single-group-baseline",))
    if shape.group == "typically-benign":
        return Decision("2", ("benign-morphology",))
    # suspicious morphology
    if f.pattern == "diffuse" and shape.id in ("amorphous", "coarse-heterogeneous"):
        return Decision("2", ("diffuse-dismissed",))
    if f.pattern == "regional" and shape.id == "amorphous":
        return Decision("4A", ("amorphous-regional",))
    category, applied = shape.suggested_birads, ("suspicious-morphology",)
    if f.pattern in DUCTAL_PATTERNS:
        if shape.id == "fine-linear-branching":
            return Decision("5", applied + ("linear-casting",))
        category, applied = _at_least(category, "4C"), applied + ("ductal-distribution",)
    return Decision(category, applied)


def rcr(f: Finding, birads_category: str, cat: Catalogue) -> Decision:
    """The UK M-score for the same finding."""
    if f.pattern == "diffuse" and f.size == "micro" and f.shape in ROUND_SHAPES + ("amorphous",):
        return Decision("M1", ("m1-bilateral-powdery",))
    return Decision(cat.rcr_for_birads(birads_category), ("rcr-from-birads",))


def route(f: Finding, birads_category: str) -> Decision:
    """What happens after categorisation: routine screening, follow-up, or biopsy."""
    if birads_category in ("1", "2"):
        return Decision("routine", ("benign-routine",))
    if birads_category == "3":
        if f.system == "us":
            return Decision("follow-up", ("us-short-interval",))
        return Decision("biopsy-uk", ("uk-m3-biopsy", "stereotactic-route"))
    rules = ("suspicious-biopsy", "stereotactic-route")
    return Decision("biopsy-uk" if f.system == "uk" else "biopsy-us", rules)


def after_result(f: Finding, birads_category: str, route_taken: str) -> Decision:
    """Where a pathology result leads, after radiology–pathology concordance at the MDT."""
    if not route_taken.startswith("biopsy"):
        raise ImpossibleCombination(
            f"result {f.result} was given, but this finding is not biopsied (BI-RADS {birads_category}: "
            f"{'routine screening' if route_taken == 'routine' else 'short-interval follow-up'}); "
            "leave the result out", rule="result-needs-biopsy")
    code = f.result
    if code == "B1":
        return Decision("repeat-after-b1", ("result-b1",))
    if code == "B2":
        if birads_category in ("4C", "5"):
            return Decision("repeat-after-discordant-b2", ("result-b2-discordant",))
        return Decision("routine-after-b2", ("result-b2-concordant",))
    if code == "B3":
        return Decision("vae-after-b3", ("result-b3",))
    if code == "B4":
        return Decision("repeat-after-b4", ("result-b4",))
    return Decision("surgery-after-b5", ("result-b5",))
