"""The case library: teaching cases with a vignette, a synthetic image and the expert's answer at each step.

Cases live in `calcflow/data/cases.yaml`, read by the one loader (`calcflow.model.load`: schema, unique ids, source
keys); this module then checks what only the model can see: descriptor values that exist in the lexicon, and — the
point of the library — that every expert answer is the one `calcflow.assess` gives for the case. A case that contradicts the model does not load. Errors name the file, the case and the field.

Each case is set in one system's pathway (`system`: uk | us), reached from screening or a breast symptom (the
vignette's `setting`), in a breast with or without earlier cancer treatment (`history`); a biopsied case may carry a
result in its system's words (UK B-codes, US diagnoses) and the team's radiology–pathology judgement
(`concordance`; left out, the model judges). All of these go to `calcflow.assess`.

The learner is asked, in order: size, shape, pattern (what the expert sees), category, next test, and — for
biopsied cases with a result — where the result leads. The last two are places in the case's own system graph:
next test, where the step that decides the category leads (the screening read when the finding is dismissed
there, the assessment score after work-up); after the result, where the concordance step leads. The image is drawn by
`calcflow.figures.caseimages`; `calcflow.widgets.payloads.player_table()` exports everything for the case player to
walk in the browser, where no rule is re-implemented.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from calcflow.model.assessment import Assessment, assess
from calcflow.model.catalogue import catalogue
from calcflow.model.load import DATA_DIR, REFERENCES, load_file
from calcflow.errors import CalcflowError, DataError, ImpossibleCombination, InvalidChoice
from calcflow.model.schema import BiradsId, RcrId

if TYPE_CHECKING:
    from calcflow.model.catalogue import Catalogue

CASES_FILE = DATA_DIR / "cases.yaml"

DESCRIPTOR_STEPS = ("size", "shape", "pattern")
STEPS = (*DESCRIPTOR_STEPS, "category", "next_test", "after_result")



# --- schema ------------------------------------------------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Vignette(_Strict):
    age: int = Field(ge=18, le=100)
    setting: Literal["screening", "symptomatic"]
    history: str = Field(min_length=1)
    priors: str = Field(min_length=1)       # "none", or a short phrase about earlier mammograms


class Descriptors(_Strict):
    """What the expert sees after the magnification views (values checked against the lexicon)."""
    size: str
    shape: str
    pattern: str
    change: str


class CaseImage(_Strict):
    """How to draw the case with calcflow.synthetic.make_patch; shape and pattern are the case's descriptors."""
    seed: int = Field(ge=0)
    view: Literal["cc", "lateral"] = "cc"
    magnification: float | None = Field(default=None, ge=1.0)   # None: the usual magnification view
    zoom_mm: float | None = Field(default=None, gt=0)   # show only a square this wide round the finding


class Answer(_Strict):
    """The expert's answer to one step: why, and the sources. `unconfirmed` flags a ⚠ fact it relies on."""
    explanation: str = Field(min_length=1)
    sources: tuple[str, ...] = Field(min_length=1)
    unconfirmed: bool = False


class CategoryAnswer(Answer):
    answer: Literal["benign", "indeterminate", "suspicious"]
    birads: BiradsId
    rcr: RcrId


class StepAnswer(Answer):
    answer: str                              # a pathway step id


class Expert(_Strict):
    """One answer per step. Size, shape and pattern answers are the case's descriptors; these explain them."""
    size: Answer
    shape: Answer
    pattern: Answer
    category: CategoryAnswer
    next_test: StepAnswer
    after_result: StepAnswer | None = None


class Case(_Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=1, max_length=70)
    vignette: Vignette
    descriptors: Descriptors
    system: str
    history: str = "none"                    # none | treated-breast (lexicon.yaml), the breast's own history
    image: CaseImage
    result: str | None = None                # in the system's words: a UK B-code, or a US diagnosis
    concordance: str | None = None           # the team's judgement of the result; None: the model's default
    expert: Expert
    teaching_point: str = Field(min_length=1)

    def answer(self, step: str) -> str | None:
        """The expert's answer id for one step (None when the step is not asked for this case)."""
        if step in DESCRIPTOR_STEPS:
            return getattr(self.descriptors, step)
        given = getattr(self.expert, step)
        return given.answer if given is not None else None

    def assessment(self) -> Assessment:
        """What calcflow.assess says about this case."""
        d = self.descriptors
        return assess(d.size, d.shape, d.pattern, d.change, self.system, self.result, setting=self.vignette.setting,
                      history=self.history, concordance=self.concordance)


class CaseLibrary(_Strict):
    # not Field(min_length=1): pydantic would add that complaint to every error inside a one-case file
    cases: tuple[Case, ...]


# --- the model's answers ---------------------------------------------------------------------------------------------
def decision_step(a: Assessment, cat: "Catalogue | None" = None) -> str:
    """The step where the category is decided: the last step of the entry route (the screening or surveillance read
    when the finding is dismissed there, the assessment score after work-up). The next-test question asks where
    it leads."""
    cat = cat or catalogue()
    return cat.route(a.route[0]).steps[-1]


def concordance_step(a: Assessment, cat: "Catalogue | None" = None) -> str | None:
    """The step where the result is judged against the imaging (the first step of the result route), or None."""
    cat = cat or catalogue()
    return cat.route(a.route[2]).steps[0] if len(a.route) > 2 else None


def model_answers(a: Assessment, cat: "Catalogue | None" = None) -> dict[str, str]:
    """The answers the model gives for an assessment, keyed like the case's expert fields.

    next_test: the first step after the category decision (the first step of what the category leads to).
    after_result: the step the concordance decision leads to; its usual route ends the path."""
    cat = cat or catalogue()
    answers = {"category.answer": a.category, "category.birads": a.birads, "category.rcr": a.rcr,
               "next_test.answer": cat.route(a.route[1]).steps[0]}
    judged = concordance_step(a, cat)
    if judged is not None:
        path = [s.id for s in a.path]
        answers["after_result.answer"] = path[path.index(judged) + 1]
    return answers


# A refusal of assess, by the rule it names, is the fault of this field of the case.
_REFUSED_FIELD = {"size-fits-shape": "descriptors", "treated-breast-has-priors": "history",
                  "concordance-judged": "concordance", "result-needs-biopsy": "result"}


def _check_case(name: str, c: Case) -> None:
    """What only the model can check: lexicon values, a result in the case's system, and the expert's answers."""
    cat = catalogue()

    def fail(field: str, message: str):
        raise DataError(f"{name}: case {c.id!r}: field {field!r}: {message}") from None

    for field in ("size", "shape", "pattern", "change"):
        value = getattr(c.descriptors, field)
        if not cat.has(field, value):
            fail(f"descriptors.{field}", str(InvalidChoice(field, value, cat.ids(field))))
    for field in ("system", "history", "concordance"):
        value = getattr(c, field)
        if value is not None and not cat.has(field, value):
            fail(field, str(InvalidChoice(field, value, cat.ids(field))))
    if c.result is not None and c.result not in cat.results_for(c.system):
        fail("result", str(InvalidChoice(f"result for {c.system.upper()} practice", c.result,
                                         cat.results_for(c.system))))
    if (c.vignette.priors == "none") != (c.descriptors.change == "no-prior"):
        fail("vignette.priors", f"priors {c.vignette.priors!r} contradicts change {c.descriptors.change!r} "
                                "(priors 'none' goes with change 'no-prior', and only with it)")
    if (c.result is None) != (c.expert.after_result is None):
        fail("expert.after_result", "give an after_result answer exactly when the case has a result")
    try:
        a = c.assessment()
    except ImpossibleCombination as exc:
        fail(_REFUSED_FIELD.get(exc.rule, "descriptors"), f"calcflow.assess refuses this case: {exc}")
    except CalcflowError as exc:
        fail("descriptors", f"calcflow.assess refuses this case: {exc}")
    for field, expected in model_answers(a, cat).items():
        step, part = field.split(".")
        given = getattr(getattr(c.expert, step), part)
        if given != expected:
            fail(f"expert.{field}", f"{given!r} contradicts the model: calcflow.assess gives {expected!r}")


def load_cases(path: Path = CASES_FILE, references: Path = REFERENCES) -> tuple[Case, ...]:
    """Read and validate a case file (calcflow.model.load); every expert answer is checked against calcflow.assess."""
    path = Path(path)
    library = load_file(path, CaseLibrary, references)
    if not library.cases:
        raise DataError(f"{path.name}: field 'cases': the file has no cases")
    for c in library.cases:
        _check_case(path.name, c)
    return library.cases


@cache
def cases() -> tuple[Case, ...]:
    """The package's case library, loaded once."""
    return load_cases()


def case(case_id: str) -> Case:
    """One case by id; an unknown id raises InvalidChoice listing the ids."""
    for c in cases():
        if c.id == case_id:
            return c
    raise InvalidChoice("case", case_id, [c.id for c in cases()])
