"""The model, exhaustively: every combination is refused with a reason or reaches exactly one
category and a complete path; plus the textbook cases the book teaches."""
import itertools
import re

import pytest

import calcflow
from calcflow.catalogue import catalogue
from calcflow.pathway import linked

CHOICES = calcflow.choices()
COMBOS = list(itertools.product(CHOICES["size"], CHOICES["shape"], CHOICES["pattern"], CHOICES["change"],
                                CHOICES["system"], [None] + CHOICES["result"]))
CATEGORY_OF = {"M1": "benign", "M2": "benign", "M3": "indeterminate", "M4": "suspicious", "M5": "suspicious"}


def test_choices_lists_every_input():
    assert set(CHOICES) == {"size", "shape", "pattern", "change", "system", "result"}
    assert CHOICES["shape"] == ["skin", "vascular", "coarse-popcorn", "large-rod", "round", "punctate", "rim",
                                "dystrophic", "milk-of-calcium", "suture", "amorphous", "coarse-heterogeneous",
                                "fine-pleomorphic", "fine-linear-branching"]
    assert CHOICES["pattern"] == ["diffuse", "regional", "grouped", "linear", "segmental"]
    assert CHOICES["size"] == ["micro", "macro"]
    assert CHOICES["change"] == ["no-prior", "stable", "new-or-increasing"]
    assert CHOICES["system"] == ["uk", "us"]
    assert CHOICES["result"] == ["B1", "B2", "B3", "B4", "B5a", "B5b", "B5c"]


def test_every_combination_is_refused_with_a_reason_or_complete():
    cat = catalogue()
    steps = {s.id: s for s in cat.pathway.steps}
    answered = refused = 0
    for combo in COMBOS:
        try:
            a = calcflow.assess(*combo)
        except calcflow.ImpossibleCombination as exc:
            refused += 1
            assert str(exc) and exc.rule in {r.id for r in cat.rules.rules}
            continue
        answered += 1
        ids = [s.id for s in a.path]
        assert ids[0] == "screening-mammogram"
        last = steps[ids[-1]]
        # a complete path ends at an end step, or at the pathology result still awaited
        assert last.kind == "end" or (combo[-1] is None and last.id == "pathology-result"), combo
        assert all(linked(x, y) for x, y in zip(ids, ids[1:])), (combo, ids)
        assert len(set(ids)) == len(ids)
        assert a.category in {"benign", "indeterminate", "suspicious"}
        assert a.category == CATEGORY_OF[a.rcr]
        assert a.birads in {"2", "3", "4A", "4B", "4C", "5"}
        assert a.sources and a.rules and a.next_step
        if combo[-1] is not None:
            assert "mdt-concordance" in ids
    assert answered + refused == len(COMBOS) == 2 * 14 * 5 * 3 * 2 * 8
    assert answered > 1500 and refused > 0


@pytest.mark.parametrize("combo", COMBOS[::97])
def test_same_input_same_answer(combo):
    try:
        first = calcflow.assess(*combo).to_dict()
    except calcflow.ImpossibleCombination as exc:
        with pytest.raises(calcflow.ImpossibleCombination, match=re.escape(str(exc))):
            calcflow.assess(*combo)
        return
    assert calcflow.assess(*combo).to_dict() == first


def test_sources_of_answer_cover_rules_and_steps():
    a = calcflow.assess("micro", "fine-pleomorphic", "grouped", result="B5a")
    for item in (*a.rules, *a.path):
        assert set(item.sources) <= set(a.sources)


# --- textbook cases (fact sheet §9) ---------------------------------------------------------------
def _path(a):
    return [s.id for s in a.path]


def test_amorphous_diffuse_bilateral_reads_benign():
    a = calcflow.assess("micro", "amorphous", "diffuse")
    assert (a.category, a.birads, a.rcr) == ("benign", "2", "M1")
    assert _path(a)[-1] == "routine-screening"
    assert "diffuse-dismissed" in [r.id for r in a.rules]


def test_amorphous_grouped_is_suspicious_and_biopsied():
    a = calcflow.assess("micro", "amorphous", "grouped")
    assert (a.category, a.birads, a.rcr) == ("suspicious", "4B", "M4")
    assert "stereotactic-biopsy" in _path(a)


def test_punctate_single_group_baseline_differs_uk_vs_us():
    us = calcflow.assess("micro", "punctate", "grouped", change="no-prior", system="us")
    uk = calcflow.assess("micro", "punctate", "grouped", change="no-prior", system="uk")
    assert (us.birads, us.rcr) == ("3", "M3") and (uk.birads, uk.rcr) == ("3", "M3")
    assert _path(us)[-1] == "short-interval-follow-up" and "6 months" in us.next_step
    assert "stereotactic-biopsy" in _path(uk) and "biopsy" in uk.next_step.lower()
    assert [r for r in uk.rules if r.id == "uk-m3-biopsy"][0].unconfirmed  # wording not retrieved


@pytest.mark.parametrize("system", ["uk", "us"])
def test_new_or_increasing_group_is_biopsied(system):
    a = calcflow.assess("micro", "punctate", "grouped", change="new-or-increasing", system=system)
    assert a.birads == "4A" and "stereotactic-biopsy" in _path(a)


def test_stable_punctate_group_is_benign():
    a = calcflow.assess("micro", "punctate", "grouped", change="stable", system="us")
    assert (a.category, a.birads) == ("benign", "2") and _path(a)[-1] == "routine-screening"


@pytest.mark.parametrize("shape,size", [("coarse-popcorn", "macro"), ("large-rod", "macro"),
                                        ("vascular", "micro"), ("skin", "micro"), ("milk-of-calcium", "micro"),
                                        ("rim", "macro"), ("dystrophic", "macro"), ("suture", "macro")])
def test_typically_benign_morphology_is_benign_even_when_linear(shape, size):
    a = calcflow.assess(size, shape, "linear")
    assert (a.category, a.birads, a.rcr) == ("benign", "2", "M2")


@pytest.mark.parametrize("shape,expected", [("amorphous", "4B"), ("coarse-heterogeneous", "4B"),
                                            ("fine-pleomorphic", "4B"), ("fine-linear-branching", "4C")])
def test_suspicious_morphology_grouped_takes_atlas_category(shape, expected):
    assert calcflow.assess("micro", shape, "grouped").birads == expected


def test_worst_feature_wins_in_ductal_distribution():
    assert calcflow.assess("micro", "fine-pleomorphic", "segmental").birads == "4C"
    assert calcflow.assess("micro", "amorphous", "linear").birads == "4C"
    a = calcflow.assess("micro", "fine-linear-branching", "segmental")
    assert (a.category, a.birads, a.rcr) == ("suspicious", "5", "M5")


def test_amorphous_regional_is_low_suspicion():
    a = calcflow.assess("micro", "amorphous", "regional")
    assert (a.category, a.birads, a.rcr) == ("indeterminate", "4A", "M3")


@pytest.mark.parametrize("result,last", [("B1", "repeat-biopsy"), ("B2", "routine-screening"),
                                         ("B3", "vacuum-assisted-excision"), ("B4", "repeat-biopsy"),
                                         ("B5a", "surgical-specimen-radiograph"),
                                         ("B5b", "surgical-specimen-radiograph"),
                                         ("B5c", "surgical-specimen-radiograph")])
def test_each_result_leads_where_it_should(result, last):
    a = calcflow.assess("micro", "fine-pleomorphic", "grouped", result=result)
    path = _path(a)
    assert path[-1] == last and path.index("pathology-result") < path.index("mdt-concordance")
    if result.startswith("B5"):
        assert "wire-localised-surgery" in path and "marker-clip" in path


def test_benign_result_after_highly_suspicious_finding_is_discordant():
    a = calcflow.assess("micro", "fine-linear-branching", "segmental", result="B2")
    assert _path(a)[-1] == "repeat-biopsy" and "Discordant" in a.next_step
    concordant = calcflow.assess("micro", "amorphous", "grouped", result="B2")
    assert _path(concordant)[-1] == "routine-screening"


# --- refusals -------------------------------------------------------------------------------------
def test_macro_fine_linear_is_refused_with_reason():
    with pytest.raises(calcflow.ImpossibleCombination) as exc:
        calcflow.assess("macro", "fine-linear-branching", "grouped")
    assert "fine-linear-branching" in str(exc.value) and "micro" in str(exc.value)


def test_result_for_a_finding_that_is_not_biopsied_is_refused():
    with pytest.raises(calcflow.ImpossibleCombination, match="not biopsied"):
        calcflow.assess("micro", "round", "diffuse", result="B2")
    with pytest.raises(calcflow.ImpossibleCombination, match="follow-up"):
        calcflow.assess("micro", "punctate", "grouped", system="us", result="B2")


@pytest.mark.parametrize("field,value", [("size", "tiny"), ("shape", "linear-ish"), ("pattern", "clustered"),
                                         ("change", "older"), ("system", "fr"), ("result", "B6")])
def test_unknown_value_names_it_and_lists_choices(field, value):
    kwargs = dict(size="micro", shape="amorphous", pattern="grouped")
    kwargs[field] = value
    with pytest.raises(calcflow.InvalidChoice) as exc:
        calcflow.assess(**kwargs)
    message = str(exc.value)
    assert repr(value) in message and field in message
    assert all(v in message for v in CHOICES[field])


def test_m1_is_for_diffuse_powdery_microcalcification_only():
    assert calcflow.assess("micro", "round", "diffuse").rcr == "M1"
    assert calcflow.assess("macro", "round", "diffuse").rcr == "M2"
    assert calcflow.assess("macro", "coarse-heterogeneous", "diffuse").rcr == "M2"
