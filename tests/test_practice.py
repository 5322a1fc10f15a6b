"""Endless practice (calcflow.model.practice): a reading case made from a seed.

The expectations come from outside the module: the answers from `calcflow.assess` called here, the valid words from
`calcflow.choices()`, the spread from what the curated set (calcflow/data/reading.yaml) teaches per tier, and the
sizes and layouts from the generator's own particles (no image is drawn here).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from calcflow import CalcflowError, InvalidChoice, assess, choices
from calcflow.figures.reading import view_spec
from calcflow.model.practice import MAX_SEED, practice_case
from calcflow.model.reading import check_case
from calcflow.synthetic.views import finding_particles, size_class

REPO = Path(__file__).resolve().parents[1]
SEEDS = range(200)
TIERS = ("student", "advanced")
SYSTEMS = ("uk", "us")
BIRADS_RANK = ("1", "2", "3", "4A", "4B", "4C", "5")
CATEGORY = {"1": "benign", "2": "benign", "3": "indeterminate", "4A": "indeterminate", "4B": "suspicious",
            "4C": "suspicious", "5": "suspicious"}  # as the curated set's answers fall (test_reading.py)
DISTRACTOR_SHAPES = {"vascular", "skin", "round", "large-rod"}


@pytest.fixture(scope="module")
def cases():
    """Every tier and system's case for SEEDS, by (tier, system)."""
    return {(t, s): [practice_case(seed, t, s) for seed in SEEDS] for t in TIERS for s in SYSTEMS}


def worst_birads(case) -> str:
    """The breast's BI-RADS from calcflow.assess, finding by finding (1 when there is none)."""
    found = [assess(f.size, f.shape, f.pattern, f.change, case.system).birads for f in case.findings]
    return max(found, key=BIRADS_RANK.index, default="1")


# --- the same seed, the same case -------------------------------------------------------------------------------------
@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize("system", SYSTEMS)
@pytest.mark.parametrize("seed", [0, 1, 4821, MAX_SEED])
def test_the_same_seed_gives_the_same_case(seed, tier, system):
    case = practice_case(seed, tier, system)
    assert practice_case(seed, tier, system) == case
    assert (case.id, case.seed, case.tier, case.system) == (f"practice-{tier}-{system}-{seed}", seed, tier, system)
    assert case.note is None and case.sources == ()


def test_the_same_seed_gives_the_same_case_in_another_process():
    """A seed typed again tomorrow (a new kernel, another hash seed) replays the case."""
    here = {seed: practice_case(seed, "advanced", "us").model_dump() for seed in (3, 4821, 77777)}
    code = ("import json; from calcflow.model.practice import practice_case; "
            "print(json.dumps({s: practice_case(s, 'advanced', 'us').model_dump() for s in (3, 4821, 77777)}))")
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, cwd=REPO)
    assert json.loads(out.stdout) == json.loads(json.dumps(here))


def test_uk_and_us_share_the_breast_and_findings_of_a_seed(cases):
    for tier in TIERS:
        for uk, us in zip(cases[(tier, "uk")], cases[(tier, "us")], strict=True):
            assert (uk.side, uk.findings) == (us.side, us.findings)


def test_different_seeds_give_varied_cases(cases):
    for tier in TIERS:
        made = cases[(tier, "uk")]
        kinds = {tuple((f.shape, f.pattern, f.change) for f in c.findings) for c in made}
        assert len(kinds) >= 15, (tier, len(kinds))
        assert {c.side for c in made} == {"left", "right"}
        assert len({(f.quadrant, f.depth) for c in made for f in c.findings}) >= 10


# --- every case is one a curated case could be ------------------------------------------------------------------------
def test_every_case_passes_the_curated_checks_and_answers_as_assess(cases):
    valid = choices()
    for made in cases.values():
        for case in made:
            check_case("test", case)  # raises DataError when a curated case would be refused
            for f in case.findings:
                assert all(getattr(f, field) in valid[field] for field in ("size", "shape", "pattern", "change"))
            assert case.normal == (worst_birads(case) in ("1", "2")), case.id


def test_the_tiers_keep_to_their_sizes(cases):
    for system in SYSTEMS:
        student, advanced = cases[("student", system)], cases[("advanced", system)]
        assert max(len(c.findings) for c in student) == 1
        assert Counter(len(c.findings) for c in advanced).keys() == {0, 1, 2, 3}
        assert any(not c.findings for c in student), "a normal breast with nothing on it"


@pytest.mark.parametrize("tier", TIERS)
def test_both_tiers_mix_normal_benign_indeterminate_and_suspicious(cases, tier):
    made = cases[(tier, "uk")]
    normal = sum(c.normal for c in made) / len(made)
    assert 0.3 <= normal <= 0.65, normal
    counts = Counter(CATEGORY[worst_birads(c)] for c in made)
    assert set(counts) == {"benign", "indeterminate", "suspicious"}
    for category, n in counts.items():
        assert 0.15 <= n / len(made) <= 0.6, (tier, counts)


def test_advanced_cases_have_subtle_shapes_and_distractors(cases):
    made = cases[("advanced", "uk")]
    shapes = Counter(f.shape for c in made for f in c.findings)
    assert {"amorphous", "fine-pleomorphic", "punctate"} <= set(shapes)
    assert DISTRACTOR_SHAPES <= set(shapes)
    assert any(c.normal and len(c.findings) >= 2 for c in made), "a normal breast with several distractors"
    assert any(not c.normal and {f.shape for f in c.findings} & DISTRACTOR_SHAPES for c in made)


def test_student_cases_are_textbook_shapes(cases):
    shapes = {f.shape for c in cases[("student", "uk")] for f in c.findings}
    assert shapes <= {"coarse-popcorn", "large-rod", "rim", "vascular", "milk-of-calcium", "round", "dystrophic",
                      "suture", "punctate", "fine-pleomorphic", "fine-linear-branching", "amorphous",
                      "coarse-heterogeneous"}
    assert "skin" not in shapes


def test_places_keep_findings_apart(cases):
    for made in cases.values():
        for case in made:
            placed = [f for f in case.findings if f.pattern != "diffuse"]
            assert all(f.quadrant and f.depth for f in placed)
            assert all(f.quadrant is None and f.depth is None for f in case.findings if f.pattern == "diffuse")
            assert len({f.quadrant for f in placed}) == len(placed), case.id
            assert len({f.shape for f in case.findings}) == len(case.findings), case.id
            assert sum(f.pattern == "diffuse" for f in case.findings) <= 1, case.id
            assert not any(f.shape == "skin" and f.quadrant == "central" for f in case.findings), case.id


def test_the_generator_lays_out_and_sizes_every_finding(cases):
    """The generator places every finding (it refuses findings that do not fit clear of each other) and draws the
    size the case declares; the crowded cases first: two or more placed findings. No image is drawn."""
    crowded = [c for c in cases[("advanced", "uk")] if sum(f.pattern != "diffuse" for f in c.findings) >= 2]
    assert len(crowded) >= 40
    for case in crowded + cases[("student", "uk")][:40]:
        particles = finding_particles(view_spec(case, "cc"))
        for f in case.findings:
            assert size_class(f.shape, particles[f.id]) == f.size, (case.id, f.id)


# --- bad input --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [-1, MAX_SEED + 1, 1.5, "12", True, None])
def test_a_bad_seed_is_named_with_the_valid_range(seed):
    with pytest.raises(CalcflowError, match=rf"seed.*0 to {MAX_SEED}.*{seed!r}"):
        practice_case(seed)


def test_an_unknown_tier_or_system_names_the_choices():
    with pytest.raises(InvalidChoice, match=r"'expert'.*student, advanced"):
        practice_case(1, "expert")
    with pytest.raises(InvalidChoice, match=r"'fr'.*uk, us"):
        practice_case(1, "student", "fr")
