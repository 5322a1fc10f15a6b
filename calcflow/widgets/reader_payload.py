"""What the reader (reading practice) receives: the test set as JSON-able data, and each case's images.

`reader_payload()` is every case of `calcflow.model.reading` with what the browser needs to read it and to give
feedback, and nothing it would have to decide itself:

- per case: id, tier, system, side, the two views' sizes in pixels (`views: {cc: {width, height}, mlo: …}`) and
  `mm_per_px`; its findings' truth (the lexicon's size, shape, pattern and change, the position words, and where
  the generator drew them in each view: centre `x`, `y` and radius `r` in pixels, `calcflow.synthetic.views`); the
  model's answers (`calcflow.model.reading.answer_key`: the breast's category, BI-RADS, M-score, next step and the
  path's step labels, and each finding's own with `why`: the rules that decide its category, as calcflow.assess
  states them, with short citations), and the case's teaching note with its citations;
- `menus`: the lexicon's labels for size, shape and pattern, each system's scores (UK: the RCR M-score; US:
  BI-RADS) and the next steps a reading case can lead to (the id of the route's last step, a short label);
- `tolerance`: a mark finds a finding when it lies within the finding's radius plus `margin_mm` (converted to
  pixels with the case's `mm_per_px`), and the sentence that says so to the learner.

The browser only compares marks with circles and chosen words with the truth (js/reader/score.js).

Images: each view is a PNG at `figures/reading/<case>-<view>.png`, written by `make figures`
(calcflow.figures.reading.write_case_images) and committed, because drawing takes ~5 s per view; the book's Sphinx
extension copies that folder into the built site as `reading/`, and the static reader loads `<image_base><case>-
<view>.png` only when a case is opened. In JupyterLab the live reader asks the kernel instead (`image_uri`): the
committed file when there is one, else the view drawn now.

Endless practice (live only): `practice_payload(case)` is a practice case (calcflow.model.practice) as the reader
receives it — `case_payload` with `practice: {seed, label}`, the label the case chooser shows ("Practice — seed 4821,
student, UK") — and `practice_image_uri` draws its views (no PNG is committed for them), the last few kept
(PRACTICE_CACHE). The payload's `practice_options` give the front end the largest seed and the tiers and systems.
"""
from __future__ import annotations

import base64
import re
from functools import cache, lru_cache

from calcflow.figures.reading import committed_png, view_png, view_spec
from calcflow.model.catalogue import catalogue
from calcflow.model.practice import MAX_SEED
from calcflow.model.reading import TIERS, ReadingCase, answer_key, reading_case, reading_cases
from calcflow.model.references import short_citations
from calcflow.synthetic.outline import MM_PER_PX, READING_VIEWS
from calcflow.synthetic.views import make_view, view_size, view_truths

MARGIN_MM = 5.0  # how far beyond a finding's drawn circle a mark still finds it
SCORES = {"uk": ("rcr", ("M1", "M2", "M3", "M4", "M5")), "us": ("birads", ("1", "2", "3", "4A", "4B", "4C", "5"))}
DESCRIBED = ("size", "shape", "pattern")
SHARED_RULES = frozenset({"rcr-from-birads", "leaflet-category"})  # in every answer: not a reason for this one
PRACTICE_CACHE = 8  # practice views kept drawn (a PNG is ~200 KB; drawing one takes ~5 s)


def _short(text: str) -> str:
    """The first clause of a next step ("Routine recall: the next …" → "Routine recall")."""
    return re.split(r"[:(;,]", text, maxsplit=1)[0].strip()


def _why(case: ReadingCase, finding) -> list[dict]:
    """The rules that decide a finding's category, as `calcflow.assess` states them, with short citations: those it
    applies before the ones every answer shares (how BI-RADS maps to the M-score and to the leaflet's word); the
    rules of the route that follows are shown as the path."""
    applied = case.assessment(finding).rules
    end = next((i for i, r in enumerate(applied) if r.id in SHARED_RULES), len(applied))
    rules = applied[:end]
    return [{"id": r.id, "statement": r.statement, "sources": list(short_citations(r.sources).values())}
            for r in rules]


def _finding(case: ReadingCase, index: int, truths: dict, answer) -> dict:
    f = case.findings[index]
    where = {view: {"x": round(t.centre[0], 1), "y": round(t.centre[1], 1), "r": round(t.radius, 1)}
             for view, t in ((v, truths[v][index]) for v in READING_VIEWS)}
    return {"id": f.id, "size": f.size, "shape": f.shape, "pattern": f.pattern, "change": f.change,
            "quadrant": f.quadrant, "depth": f.depth, "where": where,
            "answer": {"category": answer.category, "birads": answer.birads, "rcr": answer.rcr,
                       "next_test": answer.next_test, "why": _why(case, f)}}


def case_payload(case: ReadingCase) -> dict:
    """One case as the reader receives it (see the module's docstring)."""
    cat = catalogue()
    specs = {view: view_spec(case, view) for view in READING_VIEWS}
    truths = {view: view_truths(spec) for view, spec in specs.items()}
    key = answer_key(case)
    sizes = {view: dict(zip(("width", "height"), view_size(spec))) for view, spec in specs.items()}
    return {
        "id": case.id, "tier": case.tier, "system": case.system, "side": case.side, "normal": case.normal,
        "views": sizes, "mm_per_px": MM_PER_PX,
        "findings": [_finding(case, i, truths, a) for i, a in enumerate(key.findings)],
        "answer": {"category": key.category, "category_label": cat.leaflet_for_rcr(key.rcr).label,
                   "birads": key.birads, "birads_label": cat.birads(key.birads).label, "rcr": key.rcr,
                   "rcr_label": cat.rcr(key.rcr).label, "next": key.path[-1], "next_step": key.next_step,
                   "path": [cat.step(s).label_in(case.system) for s in key.path]},
        "note": case.note, "sources": list(short_citations(case.sources).values()),
    }


def _menus() -> dict:
    cat = catalogue()
    labels = {field: [{"id": v, "label": cat.descriptor(field, v).label} for v in cat.ids(field)]
              for field in DESCRIBED}
    scores = {system: [{"id": v, "label": f"{'BI-RADS ' if kind == 'birads' else ''}{v}: "
                                          f"{(cat.birads(v) if kind == 'birads' else cat.rcr(v)).label}"}
                       for v in values] for system, (kind, values) in SCORES.items()}
    steps: dict[str, dict[str, str]] = {system: {} for system in SCORES}
    for case in reading_cases():
        key = answer_key(case)
        steps[case.system].setdefault(key.path[-1], _short(key.next_step))
    return {**labels, "score": scores,
            "next": {s: [{"id": k, "label": v} for k, v in sorted(found.items())] for s, found in steps.items()}}


@cache
def reader_payload() -> dict:
    """The whole test set for the reader (see the module's docstring)."""
    return {
        "cases": [case_payload(c) for c in reading_cases()],
        "menus": _menus(),
        "scores": {system: kind for system, (kind, _) in SCORES.items()},
        "tolerance": {"margin_mm": MARGIN_MM,
                      "text": f"A mark counts as finding a calcification when it lies within the finding's drawn "
                              f"circle plus {MARGIN_MM:g} mm."},
        "practice_options": {"max_seed": MAX_SEED, "tiers": list(TIERS), "systems": list(SCORES)},
    }


def progress_payload() -> dict:
    """What the My progress page needs to check and show stored readings: each case's id, tier, system, `normal`
    and its findings' true words, and the menus (size, shape, pattern: ids and labels) — the reader payload's own,
    without the geometry, the answers and the notes."""
    full = reader_payload()
    return {
        "cases": [{"id": c["id"], "tier": c["tier"], "system": c["system"], "normal": c["normal"],
                   "findings": [{k: f[k] for k in ("id", "size", "shape", "pattern")} for f in c["findings"]]}
                  for c in full["cases"]],
        "menus": {name: full["menus"][name] for name in DESCRIBED},
    }


def _data_uri(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def image_uri(case_id: str, view: str) -> str:
    """One view of a curated case as a data: URI, for the live reader (see the module's docstring)."""
    case = reading_case(case_id)
    data = committed_png(case.id, view)
    if data is None:
        data = view_png(make_view(view_spec(case, view)))
    return _data_uri(data)


# --- endless practice -------------------------------------------------------------------------------------------------
def practice_label(case: ReadingCase) -> str:
    """What the case chooser calls a practice case: its seed, tier and system."""
    return f"Practice — seed {case.seed}, {case.tier}, {case.system.upper()}"


def practice_payload(case: ReadingCase) -> dict:
    """A practice case as the reader receives it (see the module's docstring)."""
    return {**case_payload(case), "practice": {"seed": case.seed, "label": practice_label(case)}}


@lru_cache(maxsize=PRACTICE_CACHE)
def _drawn_png(case: ReadingCase, view: str) -> bytes:
    return view_png(make_view(view_spec(case, view)))


def practice_image_uri(case: ReadingCase, view: str) -> str:
    """One view of a practice case, drawn now (or kept from a recent drawing), as a data: URI."""
    return _data_uri(_drawn_png(case, view))
