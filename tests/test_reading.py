"""Reading practice: the curated test set, its answer key, and the whole-breast views drawn for it.

The answer key is checked against `calcflow.assess` called here, and a few answers are written out. The views'
ground truth is checked against what the generator drew, a second way: particle outlines against each finding's
circle, and the calcium in the image (the view minus the same breast drawn without findings) against the circles.
Only one case is drawn in this process (both views); the sizes and placements of all cases are checked on their
particles, which need no image.
"""
from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import yaml
from PIL import Image

from calcflow import DataError, InvalidChoice, assess, choices
from calcflow.figures.reading import PNG_BUDGET_BYTES, case_views, view_png, view_spec
from calcflow.model.catalogue import catalogue
from calcflow.model.reading import READING_FILE, answer_key, load_reading, reading_case, reading_cases
from calcflow.synthetic.views import FindingSpec, ViewSpec, finding_particles, make_view

REPO = Path(__file__).resolve().parents[1]
BIRADS_RANK = ("1", "2", "3", "4A", "4B", "4C", "5")
DRAWN_CASE = "pleomorphic-with-distractors"  # three findings: a suspicious group, a vessel, skin calcification
CALCIUM_SEEN = 0.02  # image units: more than this above the finding-free view is calcium (or the soft tissue round it)


# ---------------------------------------------------------------------------------------------------------------
# the test set
# ---------------------------------------------------------------------------------------------------------------
def test_the_test_set_has_every_kind_of_case():
    cases = reading_cases()
    assert len(cases) >= 40
    assert {(c.tier, c.system) for c in cases} == {("student", "uk"), ("student", "us"), ("advanced", "uk"),
                                                   ("advanced", "us")}
    assert any(c.normal and not c.findings for c in cases), "a normal mammogram with nothing on it"
    assert any(c.normal and c.findings for c in cases), "a normal mammogram with benign calcification on it"
    shapes = {f.shape for c in cases for f in c.findings}
    groups = {catalogue().descriptor("shape", s).group for s in shapes}
    assert groups == {"typically-benign", "suspicious"}
    assert {"vascular", "skin"} <= {f.shape for c in cases if c.normal for f in c.findings}
    assert any(len(c.findings) == 3 for c in cases) and all(len(c.findings) <= 1 for c in cases
                                                            if c.tier == "student")


def test_the_test_set_is_balanced_between_benign_indeterminate_and_suspicious():
    counts = Counter(answer_key(c).category for c in reading_cases())
    assert set(counts) == {"benign", "indeterminate", "suspicious"}
    for category, n in counts.items():
        assert 0.25 <= n / sum(counts.values()) <= 0.42, (category, counts)


def test_every_descriptor_is_a_lexicon_value():
    valid = choices()
    for c in reading_cases():
        assert c.system in valid["system"]
        for f in c.findings:
            for field in ("size", "shape", "pattern", "change"):
                assert getattr(f, field) in valid[field], (c.id, f.id, field)


def test_every_answer_is_what_assess_gives():
    for c in reading_cases():
        key = answer_key(c)
        given = []
        for f, answer in zip(c.findings, key.findings, strict=True):
            a = assess(f.size, f.shape, f.pattern, f.change, c.system)
            assert (answer.id, answer.category, answer.birads, answer.rcr, answer.next_step) == \
                   (f.id, a.category, a.birads, a.rcr, a.next_step), (c.id, f.id)
            assert answer.path == tuple(s.id for s in a.path)
            assert answer.next_test in answer.path
            given.append(a)
        worst = max(given, key=lambda a: BIRADS_RANK.index(a.birads), default=None)
        assert key.birads == (worst.birads if worst else "1")
        if worst is not None:
            assert key.path == tuple(s.id for s in worst.path) and key.next_step == worst.next_step
        assert c.normal == (key.birads in ("1", "2"))


@pytest.mark.parametrize("case_id,birads,rcr,category,last_step", [
    ("normal-uk", "1", "M1", "benign", "uk-routine-recall"),
    ("normal-us", "1", "M1", "benign", "us-routine-screening"),
    ("diffuse-amorphous", "2", "M1", "benign", "uk-routine-recall"),       # bilateral powdery: M1
    ("punctate-group-stable", "2", "M2", "benign", "us-routine-screening"),
    ("punctate-group-first-screen-us", "3", "M3", "indeterminate", "us-short-interval-follow-up"),
    ("punctate-group-first-screen-uk", "3", "M3", "indeterminate", "uk-pathology"),  # the UK biopsies an M3
    ("amorphous-regional-uk", "4A", "M3", "indeterminate", "uk-pathology"),
    ("pleomorphic-beside-punctate", "4B", "M4", "suspicious", "uk-pathology"),
    ("casting-segmental", "5", "M5", "suspicious", "uk-pathology"),
])
def test_some_answers_written_out(case_id, birads, rcr, category, last_step):
    key = answer_key(reading_case(case_id))
    assert (key.birads, key.rcr, key.category, key.path[-1]) == (birads, rcr, category, last_step)


@pytest.fixture(scope="module")
def particles():
    """Every case's findings' particles in both views, by case id and view (no image is drawn)."""
    return {c.id: {v: finding_particles(view_spec(c, v)) for v in ("cc", "mlo")} for c in reading_cases()}


def test_declared_sizes_are_what_the_generator_draws(particles):
    """micro below 0.5 mm: the median particle's longest dimension, or its calibre for lines and rods."""
    for c in reading_cases():
        for f in c.findings:
            calibre = f.shape in ("fine-linear-branching", "large-rod")
            sizes = sorted(p.width_mm if calibre else p.size_mm for p in particles[c.id]["cc"][f.id])
            assert ("micro" if sizes[len(sizes) // 2] < 0.5 else "macro") == f.size, (c.id, f.id, sizes)


def test_every_finding_lies_on_its_side_of_the_nipple_in_both_views(particles):
    """CC: outer quadrants above the nipple line, inner below; MLO: upper above, lower below; the same distance
    behind the nipple in both."""
    for c in reading_cases():
        for f in c.findings:
            if f.quadrant is None:
                continue
            up, behind = {}, {}
            for v in ("cc", "mlo"):
                middle = np.mean([p.centre for p in particles[c.id][v][f.id]], axis=0)
                nipple = nipple_mm(view_spec(c, v))
                up[v], behind[v] = nipple[1] - middle[1], abs(nipple[0] - middle[0])
            if f.quadrant != "central":
                assert np.sign(up["cc"]) == (1 if "outer" in f.quadrant else -1), (c.id, f.id, up)
                assert np.sign(up["mlo"]) == (1 if "upper" in f.quadrant else -1), (c.id, f.id, up)
            assert abs(behind["cc"] - behind["mlo"]) < 6.0, (c.id, f.id, behind)


def nipple_mm(spec: ViewSpec) -> tuple[float, float]:
    """Where the nipple of a spec's view is, in view mm (from the view's frame: no image is drawn)."""
    from calcflow.synthetic.outline import breast_for, frame_for

    return frame_for(breast_for(spec.seed), spec.view, spec.side).nipple_mm


def test_vocabularies_agree_between_the_model_and_the_generator():
    from calcflow.model import reading
    from calcflow.synthetic import outline

    assert reading.QUADRANTS == outline.QUADRANTS and reading.DEPTHS == outline.DEPTHS


# ---------------------------------------------------------------------------------------------------------------
# one case drawn: ground truth against the image
# ---------------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def drawn():
    case = reading_case(DRAWN_CASE)
    views = case_views(case)
    empty = {v: make_view(ViewSpec(case.seed, v, case.side)) for v in views}
    return case, views, empty


def outline_pixels(particle, mm_per_px: float) -> np.ndarray:
    points = np.concatenate([p.outline() for p in particle.primitives + particle.context])
    return points / mm_per_px - 0.5


def test_every_particle_lies_inside_its_findings_circle(drawn):
    case, views, _ = drawn
    for view in views.values():
        assert [f.id for f in view.findings] == [f.id for f in case.findings]
        for truth in view.findings:
            assert truth.particles
            for particle in truth.particles:
                distance = np.hypot(*(outline_pixels(particle, view.mm_per_px) - truth.centre).T)
                assert distance.max() <= truth.radius, (view.view, truth.id)


def test_all_calcium_in_the_image_lies_inside_a_findings_circle(drawn):
    _, views, empty = drawn
    for name, view in views.items():
        calcium = view.image - empty[name].image
        rows, cols = np.nonzero(calcium > CALCIUM_SEEN)
        inside = np.zeros(rows.size, bool)
        for truth in view.findings:
            near = np.hypot(cols - truth.centre[0], rows - truth.centre[1]) <= truth.radius
            inside |= near
            assert near.sum() >= len(truth.particles), (name, truth.id)  # the finding is in the image
        assert inside.all(), f"{name}: {np.count_nonzero(~inside)} calcium pixels outside every finding"


def test_every_finding_lies_inside_the_breast(drawn):
    """Outside the breast the view is black: every finding's centre and every particle's centre is not."""
    _, views, empty = drawn
    for name, view in views.items():
        background = empty[name].image
        beyond_the_nipple = background[:, -1] if view.side == "left" else background[:, 0]
        assert (beyond_the_nipple == 0.0).all()
        for truth in view.findings:
            col, row = (int(round(v)) for v in truth.centre)
            assert background[row, col] > 0.05, (name, truth.id)
            for p in truth.particles:
                col, row = (int(round(float(v))) for v in view.to_pixels(*p.centre))
                assert background[row, col] > 0.05, (name, truth.id, p.centre)


def test_the_same_findings_appear_in_both_views(drawn):
    case, views, _ = drawn
    cc, mlo = views["cc"], views["mlo"]
    for a, b, spec in zip(cc.findings, mlo.findings, case.findings, strict=True):
        assert a.id == b.id == spec.id and a.shape == b.shape and a.pattern == b.pattern
        assert a.size == b.size == spec.size
        # the same particles, turned: their calipers (sampled every 2 degrees) agree to well within 1%
        assert sorted(p.size_mm for p in a.particles) == pytest.approx(sorted(p.size_mm for p in b.particles),
                                                                       rel=0.01)
        behind_cc = abs(cc.nipple[0] - a.centre[0]) * cc.mm_per_px
        behind_mlo = abs(mlo.nipple[0] - b.centre[0]) * mlo.mm_per_px
        assert behind_cc == pytest.approx(behind_mlo, abs=6.0), a.id


def test_the_views_are_greyscale_pngs_within_the_budget(drawn):
    _, views, _ = drawn
    pngs = {name: view_png(view) for name, view in views.items()}
    assert sum(map(len, pngs.values())) <= PNG_BUDGET_BYTES
    for name, data in pngs.items():
        decoded = Image.open(io.BytesIO(data))
        assert decoded.mode == "L" and decoded.size == views[name].image.shape[::-1]
        pixels = np.asarray(decoded).astype(float) / 255
        assert np.abs(pixels - views[name].image).max() <= 5 / 255  # 32 grey levels, rounded to the middle


# Drawn in a fresh interpreter (no cache, no module state shared with this one) with another PYTHONHASHSEED.
FINGERPRINT = f"""
import hashlib
from calcflow.figures.reading import view_png, view_spec
from calcflow.model.reading import reading_case
from calcflow.synthetic.views import make_view
view = make_view(view_spec(reading_case({DRAWN_CASE!r}), "mlo"))
print(hashlib.sha256(view_png(view)).hexdigest(), [(f.id, f.centre, f.radius, f.size) for f in view.findings])
"""


def test_two_processes_draw_the_same_bytes(drawn):
    run = subprocess.run([sys.executable, "-c", FINGERPRINT], cwd=REPO, capture_output=True, text=True,
                         env=dict(os.environ, PYTHONHASHSEED="4242"))
    assert run.returncode == 0, run.stderr
    mlo = drawn[1]["mlo"]
    here = f"{hashlib.sha256(view_png(mlo)).hexdigest()} {[(f.id, f.centre, f.radius, f.size) for f in mlo.findings]}"
    assert run.stdout.strip() == here


# ---------------------------------------------------------------------------------------------------------------
# the generator's arguments
# ---------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("spec,named", [
    (ViewSpec(1, view="lateral"), "'lateral'"),
    (ViewSpec(1, side="both"), "'both'"),
    (ViewSpec(1, findings=(FindingSpec("a", "blob", "grouped", "upper-outer", "middle"),)), "'blob'"),
    (ViewSpec(1, findings=(FindingSpec("a", "round", "grouped", "outer", "middle"),)), "'outer'"),
])
def test_unknown_values_are_named_with_the_choices(spec, named):
    with pytest.raises(InvalidChoice, match=named):
        finding_particles(spec)


def test_a_diffuse_finding_has_no_position_and_others_need_one():
    with pytest.raises(ValueError, match="diffuse"):
        finding_particles(ViewSpec(1, findings=(FindingSpec("a", "round", "diffuse", "upper-outer", "middle"),)))
    with pytest.raises(ValueError, match="quadrant"):
        finding_particles(ViewSpec(1, findings=(FindingSpec("a", "round", "grouped"),)))


# ---------------------------------------------------------------------------------------------------------------
# malformed data
# ---------------------------------------------------------------------------------------------------------------
def _broken(tmp_path, change, case_id="pleomorphic-beside-punctate", extra=()):
    raw = yaml.safe_load(READING_FILE.read_text(encoding="utf-8"))
    chosen = next(c for c in raw["cases"] if c["id"] == case_id)
    change(chosen)
    path = tmp_path / "reading.yaml"
    path.write_text(yaml.safe_dump({"cases": [chosen, *extra]}, sort_keys=False, allow_unicode=True))
    return path


def _finding(field, value):
    def change(raw):
        raw["findings"][0][field] = value
    return change


@pytest.mark.parametrize("change,expected", [
    (_finding("shape", "blob"), ["finding 'a'", "'shape'", "'blob'", "fine-pleomorphic"]),
    (_finding("change", "grown"), ["finding 'a'", "'change'", "'grown'", "new-or-increasing"]),
    (_finding("size", "macro"), ["finding 'a'", "'size'", "refuses", "fine-pleomorphic"]),
    (_finding("quadrant", "top"), ["'quadrant'", "upper-outer"]),
    (lambda raw: raw["findings"][0].pop("depth"), ["finding 'a'", "'depth'", "anterior, middle, posterior"]),
    (_finding("pattern", "diffuse"), ["finding 'a'", "'quadrant'", "diffuse"]),
    (lambda raw: raw["findings"][1].update(id="a"), ["finding 'a'", "'id'", "duplicate"]),
    (lambda raw: raw.update(normal=True), ["'normal'", "4B"]),
    (lambda raw: raw.update(tier="student"), ["'findings'", "student"]),
    (lambda raw: raw.update(tier="expert"), ["'tier'", "student"]),
    (lambda raw: raw.pop("seed"), ["'seed'", "required"]),
    (lambda raw: raw.update(colour="white"), ["'colour'", "unknown field"]),
    (lambda raw: raw.update(system="fr"), ["'system'", "'uk'"]),
    (lambda raw: raw.update(sources=["noSuchPaper1999"]), ["'sources'", "noSuchPaper1999"]),
    (lambda raw: raw.pop("sources"), ["'sources'", "note"]),
])
def test_malformed_reading_file_names_the_file_case_and_field(tmp_path, change, expected):
    with pytest.raises(DataError) as exc:
        load_reading(_broken(tmp_path, change))
    message = str(exc.value)
    for word in ["reading.yaml", "'pleomorphic-beside-punctate'", *expected]:
        assert word in message, (word, message)


def test_a_duplicate_case_id_is_named(tmp_path):
    twin = yaml.safe_load(READING_FILE.read_text(encoding="utf-8"))["cases"][-1] | {"id": "pleomorphic-beside-punctate"}
    with pytest.raises(DataError, match=r"reading.yaml: cases 'pleomorphic-beside-punctate': field 'id': duplicate"):
        load_reading(_broken(tmp_path, lambda raw: None, extra=[twin]))


def test_the_file_as_shipped_loads_from_a_copy(tmp_path):
    copy = tmp_path / "reading.yaml"
    shutil.copy(READING_FILE, copy)
    assert [c.id for c in load_reading(copy)] == [c.id for c in reading_cases()]
