"""Every clinical decision the model makes, in one place.

Each function takes the finding (and the catalogue for the tables it needs) and returns its decision together
with the ids of the rules it applied; the rules' statements and sources live in `data/rules.yaml`, the routes
they choose in `data/pathway.yaml`. Two groups of decisions:

- the category, from what is seen (size, shape, pattern, change) and the breast's history: `birads`, `rcr`;
- the route, from the category and where the woman is (system, setting, history, result, concordance):
  `entry`, `after_category`, `benign_end`, `after_result`.

The browser never re-implements these: it receives the tables `export.py` builds from them.
"""
from __future__ import annotations

from dataclasses import dataclass

from calcflow.model.catalogue import Catalogue
from calcflow.errors import ImpossibleCombination, InvalidChoice

BIRADS_ORDER = ("1", "2", "3", "4A", "4B", "4C", "5")
BENIGN = ("1", "2")
ROUND_SHAPES = ("round", "punctate")
DUCTAL_PATTERNS = ("linear", "segmental")
# Results whose meaning depends on whether they explain the imaging (rules.yaml: concordance-judged).
JUDGED_KINDS = ("nondiagnostic", "benign", "uncertain")


@dataclass(frozen=True)
class Finding:
    """What is seen, and the breast it is seen in: all the category depends on."""
    size: str
    shape: str
    pattern: str
    change: str = "no-prior"
    history: str = "none"


@dataclass(frozen=True)
class Situation:
    """Where the woman is and what the biopsy showed: with the category, all the route depends on."""
    system: str = "uk"
    setting: str = "screening"
    history: str = "none"
    result: str | None = None
    concordance: str | None = None


@dataclass(frozen=True)
class Decision:
    value: str
    rules: tuple[str, ...]


# --- refusals -----------------------------------------------------------------------------------------------------
def check_size(f: Finding, cat: Catalogue) -> None:
    """Refuse a size class the descriptor cannot have (e.g. macro fine-linear calcifications)."""
    shape = cat.descriptor("shape", f.shape)
    if f.size not in shape.sizes:
        size = cat.descriptor("size", f.size)
        allowed = " or ".join(shape.sizes)
        raise ImpossibleCombination(
            f"{f.shape} calcifications ({shape.typical_size}) cannot be {size.label.lower()} "
            f"({f.size}); choose size {allowed}", rule="size-fits-shape")


def check_history(f: Finding) -> None:
    """Refuse 'no prior films' for a treated breast: it always has its post-treatment mammograms."""
    if f.history == "treated-breast" and f.change == "no-prior":
        raise ImpossibleCombination(
            "change 'no-prior' cannot go with history 'treated-breast': a treated breast has yearly "
            "post-treatment mammograms to compare with; choose change stable or new-or-increasing",
            rule="treated-breast-has-priors")


def check_result_system(f: Situation, cat: Catalogue) -> None:
    """Refuse a result in the other system's words (a B-code for US practice, a US diagnosis for the UK)."""
    if f.result is not None and cat.result(f.result).system != f.system:
        valid = cat.results_for(f.system)
        raise InvalidChoice(f"result for {f.system.upper()} practice", f.result, valid)


# --- the category ---------------------------------------------------------------------------------------------------
def birads(f: Finding, cat: Catalogue) -> Decision:
    """The BI-RADS category: morphology and distribution read together, worst feature wins."""
    shape = cat.descriptor("shape", f.shape)
    if shape.id in ROUND_SHAPES:
        return _round(f)
    if shape.group == "typically-benign":
        return Decision("2", ("benign-morphology",))
    stable = ("stability-does-not-clear-suspicious",) if f.change == "stable" else ()
    if f.pattern == "diffuse" and shape.id in ("amorphous", "coarse-heterogeneous"):
        return Decision("2", ("diffuse-dismissed",))
    if f.pattern == "regional" and shape.id == "amorphous":
        return Decision("4A", stable + ("amorphous-regional",))
    category, applied = shape.suggested_birads, stable + ("suspicious-morphology",)
    if f.pattern in DUCTAL_PATTERNS:
        if shape.id == "fine-linear-branching":
            return Decision("5", applied + ("linear-casting",))
        if shape.id == "fine-pleomorphic":
            return Decision("4C", applied + ("ductal-distribution",))
        return Decision(category, applied + ("amorphous-coarse-ductal",))
    return Decision(category, applied)


def _round(f: Finding) -> Decision:
    """Round and punctate calcifications: benign unless a small group is new, ductal, or has no priors."""
    if f.size == "macro":
        return Decision("2", ("round-macro-benign",))
    if f.pattern == "diffuse":
        return Decision("2", ("round-diffuse-benign",))
    if f.pattern in DUCTAL_PATTERNS or f.change == "new-or-increasing":
        return Decision("4A", ("round-group-new-or-ductal",))
    if f.pattern == "regional":
        return Decision("2", ("round-regional-benign",))
    if f.change == "stable":
        return Decision("2", ("round-group-stable",))
    return Decision("3", ("round-single-group-baseline",))


def rcr(f: Finding, birads_category: str, cat: Catalogue) -> Decision:
    """The UK M-score for the same finding."""
    if f.pattern == "diffuse" and f.size == "micro" and f.shape in ROUND_SHAPES + ("amorphous",):
        return Decision("M1", ("m1-bilateral-powdery",))
    return Decision(cat.rcr_for_birads(birads_category), ("rcr-from-birads",))


# --- the route ------------------------------------------------------------------------------------------------------
def entry(f: Situation, birads_category: str) -> Decision:
    """From the first picture to the category: where the path starts, and whether the finding is recalled."""
    start = "surveillance" if f.history == "treated-breast" and f.setting == "screening" else f.setting
    dismissed = birads_category in BENIGN
    applied: tuple[str, ...] = ("treated-breast-surveillance",) if f.history == "treated-breast" else ()
    if f.setting == "symptomatic":
        applied += ("symptomatic-work-up",)
    elif dismissed:
        applied += ("read-dismisses-benign",)
    elif start == "screening":
        applied += ("uk-recall-to-assessment",) if f.system == "uk" else ("us-birads-0-recall",)
    return Decision(f"{f.system}-{start}-{'dismissed' if dismissed else 'recall'}", applied)


def benign_end(f: Situation) -> Decision:
    """Where a benign answer leaves the woman: her usual schedule."""
    if f.history == "treated-breast":
        return Decision("annual-surveillance", ())
    if f.system == "us":
        return Decision("us-routine-screening", ())
    return Decision("uk-discharge" if f.setting == "symptomatic" else "uk-routine-recall", ())


def after_category(f: Situation, birads_category: str) -> Decision:
    """What the category leads to: the usual schedule, short-interval follow-up, or biopsy."""
    if birads_category in BENIGN:
        end = benign_end(f)
        return Decision(end.value, ("benign-routine",))
    if birads_category == "3" and f.system == "us":
        return Decision("us-follow-up", ("us-short-interval",))
    first = ("uk-m3-biopsy",) if f.system == "uk" else ("suspicious-biopsy",)
    return Decision(f"{f.system}-biopsy", first + ("stereotactic-route",))


def concordance(f: Situation, birads_category: str, kind: str) -> Decision:
    """The radiology–pathology judgement: the learner's, or the model's when none is given."""
    if kind not in JUDGED_KINDS:
        if f.concordance is not None:
            raise ImpossibleCombination(
                f"concordance {f.concordance!r} was given for result {f.result}, but concordance changes the next "
                f"step only for a benign, uncertain or nondiagnostic result; leave it out",
                rule="concordance-judged")
        return Decision("", ())
    if kind == "nondiagnostic":
        if f.concordance == "concordant":
            raise ImpossibleCombination(
                f"result {f.result} cannot be concordant: a sample without the calcifications does not explain "
                f"them; choose concordance discordant or leave it out", rule="concordance-judged")
        return Decision("discordant", ())
    if birads_category == "5" and f.concordance == "concordant":
        raise ImpossibleCombination(
            f"result {f.result} cannot be concordant with BI-RADS 5: a finding at least 95% likely to be cancer is "
            f"not explained by a {'benign' if kind == 'benign' else 'high-risk'} core; choose concordance "
            f"discordant or leave it out", rule="concordance-after-5")
    if f.concordance is not None:
        return Decision(f.concordance, ())
    return Decision("discordant" if birads_category in ("4C", "5") else "concordant", ("concordance-default",))


def check_biopsied(f: Situation, birads_category: str, category_route: str) -> None:
    """Refuse a result for a finding the category does not send to biopsy."""
    if f.result is not None and not category_route.endswith("-biopsy"):
        raise ImpossibleCombination(
            f"result {f.result} was given, but this finding is not biopsied (BI-RADS {birads_category}: "
            f"{'short-interval follow-up' if category_route == 'us-follow-up' else 'no further tests'}); "
            "valid results for it: none (leave the result out)", rule="result-needs-biopsy")


def after_result(f: Situation, kind: str, judged: str) -> Decision:
    """Where a pathology result leads, once its concordance with the imaging is judged."""
    uk = f.system == "uk"
    if kind == "nondiagnostic":
        return Decision("uk-b1" if uk else "us-nondiagnostic", ("result-nondiagnostic",))
    if kind == "benign":
        if judged == "discordant":
            return Decision("uk-b2-discordant" if uk else "us-benign-discordant", ("result-benign-discordant",))
        return Decision("uk-b2-concordant" if uk else "us-benign-concordant", ("result-benign-concordant",))
    if kind == "uncertain":
        if judged == "discordant":
            return Decision("uk-b3-discordant" if uk else "us-high-risk", ("result-uncertain-discordant",))
        return Decision("uk-b3", ("result-b3", "b3-surveillance")) if uk else \
            Decision("us-high-risk", ("result-high-risk",))
    if kind == "suspicious":
        return Decision("uk-b4", ("result-b4",))
    if f.history == "treated-breast":
        return Decision(f"{f.system}-recurrence", ("result-recurrence",))
    if kind == "in-situ":
        return Decision("uk-b5a" if uk else "us-dcis", ("result-in-situ",))
    if kind == "malignant":
        return Decision("uk-b5-invasive", ("result-b5c",))
    return Decision("uk-b5-invasive" if uk else "us-invasive", ("result-invasive",))
