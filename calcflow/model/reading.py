"""Reading practice: the cases a learner reads on whole-breast synthetic mammograms, and their answer key.

A reading case is a specification, not an image: a seed, the breast's side, the system (uk | us) the learner
answers in, its tier (student: one clear finding or none, textbook shapes; advanced: subtle shapes, distractors,
up to three findings) and its findings, each described with the lexicon (size, shape, pattern, change) and placed
with words (quadrant and depth; a diffuse finding has neither). The images are drawn elsewhere
(calcflow.figures.reading, by calcflow.synthetic.views); nothing here draws.

Cases live in `calcflow/data/reading.yaml`, read by the one loader (calcflow.model.load: schema, unique ids, source
keys). This module adds what only the model can check: every descriptor value exists in the lexicon, every
finding is one `calcflow.assess` answers, a diffuse finding has no position and every other one has a quadrant and
a depth, finding ids differ within a case, a student case has at most one finding, a note has sources, and the
`normal` flag agrees with the model (normal: nothing to recall, i.e. no finding or only findings it dismisses as
benign, BI-RADS 1–2). Errors name the file, the case, the finding and the field.

The answer key (`answer_key`) is the model's: for each finding `calcflow.assess` in the case's system (screening,
no earlier treatment), and for the breast the most suspicious finding's category, as each breast is scored by its
most suspicious lesion.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from calcflow.errors import CalcflowError, DataError, InvalidChoice
from calcflow.model.assessment import Assessment, assess, route_for
from calcflow.model.cases import model_answers
from calcflow.model.catalogue import catalogue
from calcflow.model.load import DATA_DIR, REFERENCES, load_file
from calcflow.model.rules import BENIGN, BIRADS_ORDER
from calcflow.model.schema import BiradsId, Entry, RcrId, SystemId

READING_FILE = DATA_DIR / "reading.yaml"
TIERS = ("student", "advanced")
QUADRANTS = ("upper-outer", "upper-inner", "lower-outer", "lower-inner", "central")
DEPTHS = ("anterior", "middle", "posterior")  # thirds of the distance from the nipple to the chest wall
SETTING, HISTORY = "screening", "none"  # every reading case is a screening mammogram of an untreated breast
STUDENT_MAX_FINDINGS = 1
DESCRIPTOR_FIELDS = ("size", "shape", "pattern", "change")
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class ReadingFinding(Entry):
    """One finding: the lexicon's words for it, and where it lies (none for a diffuse finding)."""
    id: Slug
    size: str
    shape: str
    pattern: str
    change: str = "no-prior"
    quadrant: Literal[QUADRANTS] | None = None
    depth: Literal[DEPTHS] | None = None


class ReadingCase(Entry):
    id: Slug
    tier: Literal[TIERS]
    seed: int = Field(ge=0)
    system: SystemId
    side: Literal["left", "right"]
    normal: bool
    findings: tuple[ReadingFinding, ...] = Field(default=(), max_length=3)
    note: str | None = None  # a teaching point shown with the answer
    sources: tuple[str, ...] = ()  # the note's sources (BibTeX keys)

    def assessment(self, finding: ReadingFinding) -> Assessment:
        """What calcflow.assess says about one of the case's findings."""
        return assess(finding.size, finding.shape, finding.pattern, finding.change, self.system,
                      setting=SETTING, history=HISTORY)


class ReadingSet(Entry):
    cases: tuple[ReadingCase, ...]


# --- the answer key ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FindingAnswer:
    """The model's answer for one finding: the category (leaflet word, BI-RADS, M-score), the next test (a step
    id), what happens next in words, and the path's step ids."""
    id: str
    category: str
    birads: BiradsId
    rcr: RcrId
    next_test: str
    next_step: str
    path: tuple[str, ...]


@dataclass(frozen=True)
class CaseAnswer:
    """The breast's answer, from its most suspicious finding (BI-RADS 1, M1 when there is none), and each
    finding's own."""
    id: str
    category: str
    birads: BiradsId
    rcr: RcrId
    next_step: str
    path: tuple[str, ...]
    findings: tuple[FindingAnswer, ...]


def finding_answer(case: ReadingCase, finding: ReadingFinding) -> FindingAnswer:
    a = case.assessment(finding)
    return FindingAnswer(id=finding.id, category=a.category, birads=a.birads, rcr=a.rcr,
                         next_test=model_answers(a)["next_test.answer"], next_step=a.next_step,
                         path=tuple(s.id for s in a.path))


def answer_key(case: ReadingCase) -> CaseAnswer:
    """The model's answers for a case (see the module's docstring)."""
    cat = catalogue()
    findings = tuple(finding_answer(case, f) for f in case.findings)
    birads = max((f.birads for f in findings), key=BIRADS_ORDER.index, default="1")
    rcr = max((f.rcr for f in findings), default="M1")
    route = route_for(case.system, SETTING, HISTORY, birads, None, None, cat)
    return CaseAnswer(id=case.id, category=cat.leaflet_for_rcr(rcr).id, birads=birads, rcr=rcr,
                      next_step=route.next_step, path=route.path, findings=findings)


# --- loading -----------------------------------------------------------------------------------------------------
def check_case(name: str, c: ReadingCase) -> None:
    """What only the model can check (see the module's docstring); `name` (the file, or what made the case) starts
    each error. Raises DataError."""
    cat = catalogue()

    def fail(where: str, field: str, message: str):
        raise DataError(f"{name}: case {c.id!r}: {where}field {field!r}: {message}") from None

    if c.tier == "student" and len(c.findings) > STUDENT_MAX_FINDINGS:
        fail("", "findings", f"a student case has at most {STUDENT_MAX_FINDINGS} finding (got {len(c.findings)}); "
                             f"make it an advanced case")
    if (c.note is None) != (not c.sources):
        fail("", "sources", "a note needs its sources, and sources need a note")
    seen: set[str] = set()
    for f in c.findings:
        where = f"finding {f.id!r}: "
        if f.id in seen:
            fail(where, "id", "duplicate finding id in this case")
        seen.add(f.id)
        for field in DESCRIPTOR_FIELDS:
            value = getattr(f, field)
            if not cat.has(field, value):
                fail(where, field, str(InvalidChoice(field, value, cat.ids(field))))
        diffuse = f.pattern == "diffuse"
        for field in ("quadrant", "depth"):
            if diffuse and getattr(f, field) is not None:
                fail(where, field, "a diffuse finding lies throughout the breast: leave out quadrant and depth")
            if not diffuse and getattr(f, field) is None:
                choices = QUADRANTS if field == "quadrant" else DEPTHS
                fail(where, field, f"a {f.pattern} finding needs a {field}; choose one of: {', '.join(choices)}")
        try:
            c.assessment(f)
        except CalcflowError as exc:
            fail(where, "size" if getattr(exc, "rule", None) == "size-fits-shape" else "shape",
                 f"calcflow.assess refuses this finding: {exc}")
    answers = answer_key(c)
    if c.normal != (answers.birads in BENIGN):
        worst = max(answers.findings, key=lambda a: BIRADS_ORDER.index(a.birads)).id if answers.findings else None
        fail("", "normal", f"normal is {c.normal} but the model's most suspicious finding ({worst}) is BI-RADS "
                           f"{answers.birads} ({answers.category}); normal means every finding is BI-RADS 1–2")


def load_reading(path: Path = READING_FILE, references: Path = REFERENCES) -> tuple[ReadingCase, ...]:
    """Read and validate a reading-case file (calcflow.model.load, then the checks above)."""
    path = Path(path)
    data = load_file(path, ReadingSet, references)
    if not data.cases:
        raise DataError(f"{path.name}: field 'cases': the file has no cases")
    for c in data.cases:
        check_case(path.name, c)
    return data.cases


@cache
def reading_cases() -> tuple[ReadingCase, ...]:
    """The package's reading cases, loaded once."""
    return load_reading()


def reading_case(case_id: str) -> ReadingCase:
    """One reading case by id; an unknown id raises InvalidChoice listing the ids."""
    for c in reading_cases():
        if c.id == case_id:
            return c
    raise InvalidChoice("reading case", case_id, [c.id for c in reading_cases()])
