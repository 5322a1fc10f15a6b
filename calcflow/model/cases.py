"""The case library: teaching cases with a vignette, a synthetic image and the expert's answer at each step.

Cases live in `calcflow/data/cases.yaml`. Loading validates them (pydantic, extra fields forbidden) and then
checks what a schema cannot see: unique ids, source keys that exist in `calcflow/data/references.bib`, descriptor values
that exist in the lexicon, and — the point of the library — that every expert answer is the one `calcflow.assess`
gives for the case. A case that contradicts the model does not load. Errors name the file, the case and the field.

Each case is set in one system's pathway (`system`: uk | us), reached from screening or a breast symptom (the
vignette's `setting`), in a breast with or without earlier cancer treatment (`history`); a biopsied case may carry a
result in its system's words (UK B-codes, US diagnoses) and the team's radiology–pathology judgement
(`concordance`; left out, the model judges). All of these go to `calcflow.assess`.

The learner is asked, in order: size, shape, pattern (what the expert sees), category, next test, and — for
biopsied cases with a result — where the result leads. The last two are places in the case's own system graph:
next test, where the step that decides the category leads (the screening read when the finding is dismissed
there, the assessment score after work-up); after the result, where the concordance step leads. `player_table()`
exports all of it, with each case's image as a small PNG, for the case player to walk in the browser; no rule is
re-implemented there.
"""
from __future__ import annotations

import base64
import io
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from calcflow.model.assessment import Assessment, assess
from calcflow.model.catalogue import REFERENCES, _validate_with, bibliography_keys, catalogue, read_yaml
from calcflow.errors import CalcflowError, DataError, ImpossibleCombination, InvalidChoice
from calcflow.model.rules import BIRADS_ORDER
from calcflow.model.schema import BiradsId, RcrId
from calcflow.synthetic import MAGNIFICATION_VIEW, Patch, make_patch

if TYPE_CHECKING:
    from calcflow.model.catalogue import Catalogue

CASES_FILE = Path(__file__).resolve().parents[1] / "data" / "cases.yaml"

DESCRIPTOR_STEPS = ("size", "shape", "pattern")
STEPS = (*DESCRIPTOR_STEPS, "category", "next_test", "after_result")

# The embedded images: small, 8-bit grey, 32 grey levels (no visible banding; about half the bytes of 256).
# 208 px: shown about 350 px wide they look as they did at 320 px — the faintest amorphous specks and the punctate
# specks of a 30 mm view included — and all 22 take about 260 KB of the case library's page instead of 620 KB (the
# film grain, not the calcifications, is what costs bytes). 16 grey levels would save as much again, but they band
# the smooth magnification views and lose the faintest specks.
IMAGE_PX = 208
GREY_LEVELS = 32


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
    magnification: float = Field(default=MAGNIFICATION_VIEW, ge=1.0)
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


# --- loading ---------------------------------------------------------------------------------------------
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


def _check_case(name: str, c: Case, known_keys: frozenset[str] | None) -> None:
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
    if known_keys is not None:
        for step in STEPS:
            given = getattr(c.expert, step)
            for key in given.sources if given is not None else ():
                if key not in known_keys:
                    fail(f"expert.{step}.sources", f"unknown source key {key!r} (not in calcflow/data/references.bib)")
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


def load_cases(path: Path = CASES_FILE, references: Path | None = REFERENCES) -> tuple[Case, ...]:
    """Read and validate a case file; every expert answer is checked against calcflow.assess."""
    path = Path(path)
    name = path.name
    raw = read_yaml(path)
    library = _validate_with(CaseLibrary, name, raw)
    if not library.cases:
        raise DataError(f"{name}: field 'cases': the file has no cases")
    seen: set[str] = set()
    for c in library.cases:
        if c.id in seen:
            raise DataError(f"{name}: case {c.id!r}: field 'id': duplicate id")
        seen.add(c.id)
    keys = bibliography_keys(references) if references is not None and Path(references).exists() else None
    for c in library.cases:
        _check_case(name, c, keys)
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


# --- images ----------------------------------------------------------------------------------------------
def case_image(c: Case) -> Patch:
    """The case's synthetic mammogram patch (calcflow.synthetic.make_patch)."""
    return make_patch(c.descriptors.shape, c.descriptors.pattern, seed=c.image.seed,
                      magnification=c.image.magnification, view=c.image.view)


def _window_mm(c: Case, patch: Patch) -> float:
    """Width of the square the case shows: the zoom window, or the whole view."""
    return min(c.image.zoom_mm or patch.view_mm, patch.view_mm)


def _scale_bar_mm(window_mm: float) -> int:
    """A scale bar about a sixth of the window or less: 5 mm on a whole view, 2 mm on a zoomed one."""
    return 5 if window_mm >= 15 else 2


def case_figure(c: Case):
    """The case image as a matplotlib Figure with a scale bar, titled without giving the answer away."""
    from calcflow.figures.patches import patch_figure

    patch = case_image(c)
    return patch_figure(patch, title=c.title, zoom_mm=c.image.zoom_mm, scale_bar_mm=_scale_bar_mm(_window_mm(c, patch)))


def _window_pixels(patch: Patch, zoom_mm: float | None) -> tuple[int, int, int, int]:
    """(row0, row1, col0, col1) of the square the figure shows (patches._window), in image pixels."""
    from calcflow.figures.patches import _window

    left, right, bottom, top = _window(patch, zoom_mm)
    (c0, c1), (r0, r1) = patch.to_pixels([left, right], [top, bottom])
    n = patch.image.shape[0]
    edge = lambda v: int(min(max(round(v + 0.5), 0), n))  # noqa: E731 - pixel edges, not centres
    return edge(r0), edge(r1), edge(c0), edge(c1)


def _png(patch: Patch, zoom_mm: float | None, px: int) -> bytes:
    import numpy as np
    from PIL import Image

    r0, r1, c0, c1 = _window_pixels(patch, zoom_mm)
    grey = np.clip(patch.image[r0:r1, c0:c1], 0.0, 1.0)
    small = np.asarray(Image.fromarray((grey * 255).round().astype(np.uint8), "L").resize((px, px), Image.LANCZOS))
    step = 256 // GREY_LEVELS
    quantised = (small // step * step + step // 2).astype(np.uint8)
    buffer = io.BytesIO()
    # Pillow writes no text chunks (no software stamp, no date) unless asked, so the bytes depend on pixels only.
    Image.fromarray(quantised, "L").save(buffer, format="PNG", compress_level=9)
    return buffer.getvalue()


def image_png(c: Case, px: int = IMAGE_PX) -> bytes:
    """The case image (its zoom window) as a small 8-bit greyscale PNG, byte-identical on every run."""
    return _png(case_image(c), c.image.zoom_mm, px)


# --- the case player's table ---------------------------------------------------------------------------
def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end < 0 else text[:end + 1]


def _usual_chain(step_id: str, cat) -> list:
    """From a step along its usual (not alternative) edges to an end step."""
    chain = [cat.step(step_id)]
    while chain[-1].kind != "end":
        chain.append(cat.step(next(e.to for e in chain[-1].next if not e.alternative)))
    return chain


def next_test_options(step_id: str, system: str, cat=None) -> list[dict]:
    """Where the category decision can lead in one system's graph: {id, label, plain} per place, in the data's
    order; `plain` is the step's first sentence of explanation, so that "routine recall" and "recall to
    assessment" read as what they are."""
    cat = cat or catalogue()
    own = {s.id for s in cat.steps_of(system)}
    return [{"id": e.to, "label": cat.step(e.to).label_in(system),
             "plain": _first_sentence(cat.step(e.to).explanation)}
            for e in cat.step(step_id).next if e.to in own]


def after_result_options(step_id: str, system: str, cat=None) -> list[dict]:
    """Where the concordance decision can lead in one system's graph: each edge followed along its usual route to
    an end step; the id is the edge's first step, the label the whole route."""
    cat = cat or catalogue()
    own = {s.id for s in cat.steps_of(system)}
    options = []
    for edge in cat.step(step_id).next:
        if edge.to in own:
            chain = _usual_chain(edge.to, cat)
            options.append({"id": edge.to, "label": " → ".join(s.label_in(system) for s in chain),
                            "end": chain[-1].id})
    return options


OPTION_MAKERS = {"next_test": next_test_options, "after_result": after_result_options}


def option_key(step: str, system: str, decided_at: str) -> str:
    """The key of one option set in the player table's choices: the question, the system and the step asked about."""
    return f"{step}:{system}:{decided_at}"


def _fixed_choices(cat) -> dict[str, list[dict]]:
    def labelled(field: str) -> list[dict]:
        return [{"id": v, "label": cat.descriptor(field, v).label} for v in cat.ids(field)]

    return {
        "size": labelled("size"), "shape": labelled("shape"), "pattern": labelled("pattern"),
        "category": [{"id": c.id, "label": c.label, "plain": c.plain} for c in cat.scales.category],
        "birads": [{"id": b, "label": cat.birads(b).label} for b in BIRADS_ORDER],
        "rcr": [{"id": r.id, "label": r.label} for r in cat.scales.rcr],
    }


def _answer(c: Case, step: str) -> dict | None:
    given = getattr(c.expert, step)
    if given is None:
        return None
    out = {"answer": c.answer(step)}
    if step == "category":
        out.update(birads=given.birads, rcr=given.rcr)
    out.update(explanation=" ".join(given.explanation.split()), sources=list(given.sources))
    if given.unconfirmed:
        out["unconfirmed"] = True
    return out


def _judgement(c: Case, a: Assessment, cat) -> dict | None:
    """The radiology–pathology judgement of a case's result, in words, and whose it is (None: none is taken)."""
    if a.concordance is None:
        return None
    word = cat.descriptor("concordance", a.concordance).label.lower()
    kind = cat.result(c.result).kind
    if c.concordance is not None:
        text = f"The team judges this result {word} with the imaging."
    elif kind == "nondiagnostic":
        text = "A sample without the calcifications cannot explain them: the result is discordant with the imaging."
    elif kind == "benign":
        text = (f"The result is judged {word} with the imaging: this book's default for a benign result is "
                "discordant after BI-RADS 4C or 5 and concordant below that.")
    else:
        text = f"The result is judged {word} with the imaging."
    return {"id": a.concordance, "label": cat.descriptor("concordance", a.concordance).label,
            "given": c.concordance is not None, "text": text}


def _case_row(c: Case, cat) -> dict:
    a = c.assessment()
    patch = case_image(c)
    png = base64.b64encode(_png(patch, c.image.zoom_mm, IMAGE_PX)).decode("ascii")
    width = round(_window_mm(c, patch), 1)
    view = "90° lateral" if c.image.view == "lateral" else "craniocaudal"
    zoom = f"magnification view ({c.image.magnification:g}×)" if c.image.magnification > 1 else "standard view"
    result = None if c.result is None else {"id": c.result, "label": cat.result(c.result).label,
                                            "concordance": _judgement(c, a, cat)}
    asked = [s for s in STEPS if c.answer(s) is not None]
    decided = {"next_test": decision_step(a, cat), "after_result": concordance_step(a, cat)}
    labelled = lambda field, value: {"id": value, "label": cat.descriptor(field, value).label}  # noqa: E731
    return {
        "id": c.id,
        "title": c.title,
        "vignette": c.vignette.model_dump(),
        "system": labelled("system", c.system),
        "setting": labelled("setting", c.vignette.setting),
        "history": labelled("history", c.history),
        "image": {"src": f"data:image/png;base64,{png}", "px": IMAGE_PX, "width_mm": width,
                  "scale_bar_mm": _scale_bar_mm(width),
                  "alt": f"Synthetic mammogram patch, {view} {zoom}, {width:g} mm wide; calcium shows white."},
        "result": result,
        "asked": asked,
        "choices": {s: option_key(s, c.system, decided[s]) if s in decided else s for s in asked},
        "expert": {s: _answer(c, s) for s in asked},
        "path": [s.id for s in a.path],
        "teaching_point": " ".join(c.teaching_point.split()),
    }


@cache
def _player_table() -> dict:
    from calcflow.figures import flowchart
    from calcflow.model.references import short_citations

    cat = catalogue()
    rows = [_case_row(c, cat) for c in cases()]
    choices = _fixed_choices(cat)
    for row in rows:
        for step, key in row["choices"].items():
            if key not in choices:
                _, system, decided_at = key.split(":")
                choices[key] = OPTION_MAKERS[step](decided_at, system, cat)
    systems = [s for s in cat.ids("system") if any(row["system"]["id"] == s for row in rows)]
    keys = sorted({k for row in rows for a in row["expert"].values() for k in a["sources"]})
    return {
        "steps": list(STEPS),
        "choices": choices,
        "step_labels": {s: {step.id: step.label_in(s) for step in cat.steps_of(s)} for s in systems},
        "references": short_citations(keys),
        "flowchart_svg": {s: flowchart.svg(system=s, title=f"The {flowchart.SYSTEM_NAMES[s]}") for s in systems},
        "cases": rows,
    }


def player_table() -> dict:
    """Everything the case player needs, JSON-serialisable and identical on every run.

    steps          the questions in order; a case's `asked` lists those it uses (after_result only with a result)
    choices        option sets by key, each a list of {id, label} (category options also carry the leaflet's plain
                   words, next-test options a plain sentence, after-result options the id of the end they reach):
                   "size", "shape", "pattern", "category" (and "birads", "rcr": the scales shown with the category);
                   "next_test:<system>:<step>" and "after_result:<system>:<step>", where the step is the one the
                   question asks about in that system's graph (the category decision, the concordance decision)
    step_labels    per system: pathway step id -> label in that system, for the expert's path
    references     source key -> short citation, for every key the answers cite
    flowchart_svg  per system used by a case: that system's flowchart once, nothing highlighted; node ids are step ids
    cases          per case: id, title, vignette, system, setting and history ({id, label}), image (PNG data URI,
                   px, width_mm, scale_bar_mm, alt), result ({id, label, concordance: {id, label, given, text} or
                   None} or None), asked, choices (per asked step, the key of its option set), expert (per step:
                   answer, explanation, sources; category adds birads and rcr), path (step ids from
                   calcflow.assess), teaching_point
    """
    return _player_table()
