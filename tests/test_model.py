"""The model, exhaustively: every combination of every input is refused with a reason or reaches exactly one
category and a path that is a walk in its own system's graph; every rule id the code applies or refuses with is in
the rules data, and every rule there is used; the answers are the same in a fresh process; plus the textbook cases
the book teaches, each with its expected category and path written out here."""
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import calcflow
from calcflow.model import rules
from calcflow.model.assessment import categorise, route_for
from calcflow.model.catalogue import catalogue

REPO = Path(__file__).resolve().parents[1]

CHOICES = calcflow.choices()
RESULTS = {"uk": ["B1", "B2", "B3", "B4", "B5a", "B5b", "B5c"],
           "us": ["nondiagnostic", "benign", "high-risk", "dcis", "invasive"]}
CATEGORY_OF = {"M1": "benign", "M2": "benign", "M3": "indeterminate", "M4": "suspicious", "M5": "suspicious"}
TYPICALLY_BENIGN = ("skin", "vascular", "coarse-popcorn", "large-rod", "rim", "dystrophic", "milk-of-calcium",
                    "suture")
RECALL_STEPS = {"uk-recall-assessment", "us-birads-0", "magnification-views"}
# The rules that refuse a combination (rules.yaml: "refusals") and are never applied to an answer.
REFUSAL_RULES = {"size-fits-shape", "treated-breast-has-priors", "result-of-system", "result-needs-biopsy",
                 "concordance-judged", "concordance-after-5"}


def combos():
    """Every combination of the inputs, each system with its own results (None = not given)."""
    for size, shape, pattern, change, system, setting, history in itertools.product(
            *(CHOICES[f] for f in ("size", "shape", "pattern", "change", "system", "setting", "history"))):
        for result in [None] + RESULTS[system]:
            for concordance in (None, "concordant", "discordant"):
                yield dict(size=size, shape=shape, pattern=pattern, change=change, system=system, result=result,
                           setting=setting, history=history, concordance=concordance)


def ids(a):
    return [s.id for s in a.path]


def test_choices_lists_every_input():
    assert list(CHOICES) == ["size", "shape", "pattern", "change", "system", "result", "setting", "history",
                             "concordance"]
    assert CHOICES["shape"] == ["skin", "vascular", "coarse-popcorn", "large-rod", "round", "punctate", "rim",
                                "dystrophic", "milk-of-calcium", "suture", "amorphous", "coarse-heterogeneous",
                                "fine-pleomorphic", "fine-linear-branching"]
    assert CHOICES["pattern"] == ["diffuse", "regional", "grouped", "linear", "segmental"]
    assert CHOICES["size"] == ["micro", "macro"]
    assert CHOICES["change"] == ["no-prior", "stable", "new-or-increasing"]
    assert CHOICES["system"] == ["uk", "us"]
    assert CHOICES["setting"] == ["screening", "symptomatic"]
    assert CHOICES["history"] == ["none", "treated-breast"]
    assert CHOICES["concordance"] == ["concordant", "discordant"]
    assert CHOICES["result"] == RESULTS["uk"] + RESULTS["us"]
    assert calcflow.results_for("uk") == RESULTS["uk"] and calcflow.results_for("us") == RESULTS["us"]


def test_every_combination_is_refused_with_a_reason_or_one_walk_in_its_own_graph():
    cat = catalogue()
    rule_ids = {r.id for r in cat.rules.rules}
    answered = refused = 0
    for choice in combos():
        try:
            a = calcflow.assess(**choice)
        except calcflow.ImpossibleCombination as exc:
            refused += 1
            assert str(exc) and exc.rule in rule_ids
            continue
        answered += 1
        system, path = choice["system"], ids(a)
        steps = [cat.step(s) for s in path]
        own = {s.id for s in cat.pathway.steps if system in s.systems}
        edges = {(s.id, e.to) for s in cat.pathway.steps for e in s.next}
        assert steps[0].kind == "start" and all(s in own for s in path), (choice, path)
        assert all((x, y) in edges for x, y in zip(path, path[1:])), (choice, path)
        assert len(set(path)) == len(path)
        awaited = {"uk": "uk-pathology", "us": "us-pathology"}[system]
        assert steps[-1].kind == "end" or (choice["result"] is None and path[-1] == awaited), (choice, path)
        assert not [s for s in path if s.startswith("us-" if system == "uk" else "uk-")]
        assert a.category == CATEGORY_OF[a.rcr] and a.birads in {"2", "3", "4A", "4B", "4C", "5"}
        assert a.sources and a.rules and a.next_step
        if choice["shape"] in TYPICALLY_BENIGN and choice["setting"] == "screening":
            assert not RECALL_STEPS & set(path), (choice, path)
    n_uk = 2 * 14 * 5 * 3 * 2 * 2 * (1 + 7) * 3
    n_us = 2 * 14 * 5 * 3 * 2 * 2 * (1 + 5) * 3
    assert answered + refused == n_uk + n_us == 70560
    assert answered == 7940


def rule_ids_in_answers() -> tuple[set[str], set[str]]:
    """The rule ids answers apply and refusals name, over every combination, as rules.py writes them: taken from the
    two cached halves of assess (`categorise`, `route_for`) before anything looks them up in the data."""
    cat = catalogue()
    applied, refused = set(), set()
    for c in combos():
        try:
            seen = categorise(c["size"], c["shape"], c["pattern"], c["change"], c["history"], cat)
            taken = route_for(c["system"], c["setting"], c["history"], seen.birads, c["result"], c["concordance"], cat)
        except calcflow.ImpossibleCombination as exc:
            refused.add(exc.rule)
            continue
        applied.update(seen.rules + taken.rules)
    return applied, refused


def test_every_rule_id_in_the_code_is_in_the_data_and_every_rule_in_the_data_is_used():
    applied, refused = rule_ids_in_answers()
    in_data = {r.id for r in catalogue().rules.rules}
    assert not applied - in_data, f"rules.py applies rule ids that rules.yaml lacks: {sorted(applied - in_data)}"
    assert refused <= REFUSAL_RULES <= in_data, sorted(refused - REFUSAL_RULES)
    # result-of-system refuses as an InvalidChoice that names the valid results (test_result_from_the_other_system…)
    assert REFUSAL_RULES - refused == {"result-of-system"}
    assert not applied & REFUSAL_RULES
    assert in_data - applied - REFUSAL_RULES == set(), "rules in rules.yaml that no answer applies"


def test_a_misspelt_rule_id_in_the_code_would_be_caught(monkeypatch):
    spelt_right = rules.birads

    def misspelt(finding, cat):
        decision = spelt_right(finding, cat)
        return rules.Decision(decision.value, tuple(r.replace("round-macro-benign", "round-macro-benigh")
                                                    for r in decision.rules))

    monkeypatch.setattr(rules, "birads", misspelt)
    categorise.cache_clear()
    try:
        applied, _ = rule_ids_in_answers()
    finally:
        categorise.cache_clear()  # forget the misspelt answers before anything else asks
    assert "round-macro-benigh" in applied - {r.id for r in catalogue().rules.rules}


def answer(choice: dict) -> dict:
    try:
        return calcflow.assess(**choice).to_dict()
    except calcflow.ImpossibleCombination as exc:
        return {"refused": str(exc), "rule": exc.rule}


def test_the_answers_are_the_same_in_a_fresh_process():
    """A fresh interpreter shares no cache with this one; another hash seed catches any use of hash()."""
    sample = list(combos())[::97]
    program = ("import json, sys; sys.path.insert(0, 'tests'); from test_model import answer\n"
               "print(json.dumps([answer(choice) for choice in json.load(sys.stdin)]))\n")
    fresh = subprocess.run([sys.executable, "-c", program], input=json.dumps(sample), cwd=REPO, check=True,
                           capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "1"}).stdout
    assert json.loads(fresh) == [answer(choice) for choice in sample]


def test_sources_of_answer_cover_rules_and_steps():
    a = calcflow.assess("micro", "fine-pleomorphic", "grouped", result="B5a")
    for item in (*a.rules, *a.path):
        assert set(item.sources) <= set(a.sources)


# --- the screening read decides first -------------------------------------------------------------------------
def test_vascular_calcification_is_dismissed_at_the_us_screening_read():
    a = calcflow.assess("macro", "vascular", "linear", system="us")
    assert (a.category, a.birads, a.rcr) == ("benign", "2", "M2")
    assert ids(a) == ["us-screening-mammogram", "us-screening-read", "us-routine-screening"]
    assert "every year from 40 (ACR)" in a.next_step and "every 2 years from 40 to 74 (USPSTF" in a.next_step


def test_popcorn_calcification_is_dismissed_at_the_nhs_double_read():
    a = calcflow.assess("macro", "coarse-popcorn", "grouped")
    assert ids(a) == ["uk-screening-mammogram", "uk-double-reading", "uk-routine-recall"]
    assert "3 years" in a.next_step


def test_punctate_single_group_baseline_differs_uk_vs_us():
    us = calcflow.assess("micro", "punctate", "grouped", change="no-prior", system="us")
    uk = calcflow.assess("micro", "punctate", "grouped", change="no-prior", system="uk")
    assert (us.birads, us.rcr) == ("3", "M3") and (uk.birads, uk.rcr) == ("3", "M3")
    assert ids(us) == ["us-screening-mammogram", "us-screening-read", "us-birads-0", "magnification-views",
                       "us-diagnostic-category", "us-short-interval-follow-up"]
    assert "6 months" in us.next_step
    assert ids(uk) == ["uk-screening-mammogram", "uk-double-reading", "uk-recall-assessment", "magnification-views",
                       "uk-assessment-score", "stereotactic-biopsy", "specimen-radiograph", "marker-clip",
                       "uk-pathology"]


# --- the disputed rules, corrected ------------------------------------------------------------------------------
def test_macro_round_calcifications_in_a_group_are_benign():
    a = calcflow.assess("macro", "round", "grouped")
    assert (a.birads, a.rcr) == ("2", "M2") and [r.id for r in a.rules][0] == "round-macro-benign"


def test_new_punctate_calcification_in_a_regional_pattern_is_not_ignored():
    assert calcflow.assess("micro", "punctate", "regional", change="new-or-increasing").birads == "4A"
    assert calcflow.assess("micro", "punctate", "regional", change="no-prior").birads == "2"


@pytest.mark.parametrize("shape,pattern", [("amorphous", "linear"), ("amorphous", "segmental"),
                                           ("coarse-heterogeneous", "linear"), ("coarse-heterogeneous", "segmental")])
def test_amorphous_or_coarse_in_a_ductal_pattern_is_4b_as_the_series_support(shape, pattern):
    a = calcflow.assess("micro", shape, pattern)
    assert (a.birads, a.rcr) == ("4B", "M4")
    rule = next(r for r in a.rules if r.id == "amorphous-coarse-ductal")
    assert rule.synthesis and "berg2001" in rule.sources


def test_fine_linear_casting_is_5_and_says_the_numbers_sit_in_4c():
    a = calcflow.assess("micro", "fine-linear-branching", "segmental")
    assert (a.category, a.birads, a.rcr) == ("suspicious", "5", "M5")
    rule = next(r for r in a.rules if r.id == "linear-casting")
    assert rule.synthesis and "4C" in rule.statement and "95%" in rule.statement
    assert calcflow.assess("micro", "fine-pleomorphic", "segmental").birads == "4C"


def test_stability_does_not_clear_suspicious_morphology():
    a = calcflow.assess("micro", "fine-pleomorphic", "grouped", change="stable")
    assert a.birads == "4B" and "stability-does-not-clear-suspicious" in [r.id for r in a.rules]
    assert calcflow.assess("micro", "punctate", "grouped", change="stable").birads == "2"


def test_benign_result_after_4c_or_5_is_discordant_unless_the_learner_says_otherwise_after_4c():
    a = calcflow.assess("micro", "fine-linear-branching", "segmental", result="B2")
    assert ids(a)[-2:] == ["uk-mdt-concordance", "repeat-biopsy"] and a.concordance == "discordant"
    after_4c = calcflow.assess("micro", "fine-pleomorphic", "segmental", result="B2")
    assert after_4c.birads == "4C" and ids(after_4c)[-1] == "repeat-biopsy"
    told = calcflow.assess("micro", "fine-pleomorphic", "segmental", result="B2", concordance="concordant")
    assert ids(told)[-2:] == ["uk-mdt-concordance", "uk-routine-recall"] and told.concordance == "concordant"
    with pytest.raises(calcflow.ImpossibleCombination, match="cannot be concordant with BI-RADS 5"):
        calcflow.assess("micro", "fine-linear-branching", "segmental", result="B2", concordance="concordant")
    below = calcflow.assess("micro", "amorphous", "grouped", result="B2")
    assert ids(below)[-1] == "uk-routine-recall" and below.concordance == "concordant"
    assert next(r for r in a.rules if r.id == "concordance-default").synthesis


@pytest.mark.parametrize("rule", ["ductal-distribution", "linear-casting", "amorphous-regional",
                                  "amorphous-coarse-ductal", "rcr-from-birads", "m1-bilateral-powdery",
                                  "concordance-default"])
def test_the_books_own_synthesis_is_marked(rule):
    assert catalogue().rule(rule).synthesis


# --- after the result -------------------------------------------------------------------------------------------
BIOPSY_UK = ["uk-screening-mammogram", "uk-double-reading", "uk-recall-assessment", "magnification-views",
             "uk-assessment-score", "stereotactic-biopsy", "specimen-radiograph", "marker-clip", "uk-pathology"]
BIOPSY_US = ["us-screening-mammogram", "us-screening-read", "us-birads-0", "magnification-views",
             "us-diagnostic-category", "stereotactic-biopsy", "specimen-radiograph", "marker-clip", "us-pathology"]
SURGERY = ["treatment-planning", "localisation", "wide-local-excision", "surgical-specimen-radiograph"]


@pytest.mark.parametrize("result,after", [
    ("B1", ["uk-mdt-concordance", "repeat-biopsy"]),
    ("B2", ["uk-mdt-concordance", "uk-routine-recall"]),
    ("B3", ["uk-mdt-concordance", "uk-vae", "uk-b3-surveillance"]),
    ("B4", ["uk-mdt-concordance", "repeat-biopsy"]),
    ("B5a", ["uk-mdt-concordance"] + SURGERY),
    ("B5b", ["uk-mdt-concordance", "axillary-ultrasound"] + SURGERY),
    ("B5c", ["uk-mdt-concordance", "axillary-ultrasound"] + SURGERY),
])
def test_each_uk_result_leads_where_it_should(result, after):
    a = calcflow.assess("micro", "fine-pleomorphic", "grouped", result=result)
    assert ids(a) == BIOPSY_UK + after


@pytest.mark.parametrize("result,after", [
    ("nondiagnostic", ["us-rad-path-correlation", "repeat-biopsy"]),
    ("benign", ["us-rad-path-correlation", "us-routine-screening"]),
    ("high-risk", ["us-rad-path-correlation", "surgical-excision"]),
    ("dcis", ["us-rad-path-correlation"] + SURGERY),
    ("invasive", ["us-rad-path-correlation"] + SURGERY),
])
def test_each_us_result_leads_where_it_should(result, after):
    a = calcflow.assess("micro", "fine-pleomorphic", "grouped", system="us", result=result)
    assert ids(a) == BIOPSY_US + after


def test_us_cancer_goes_to_surgical_consultation():
    a = calcflow.assess("micro", "fine-pleomorphic", "grouped", system="us", result="dcis")
    assert next(s for s in a.path if s.id == "treatment-planning").label == "Surgical consultation"
    uk = calcflow.assess("micro", "fine-pleomorphic", "grouped", result="B5a")
    assert next(s for s in uk.path if s.id == "treatment-planning").label == "Treatment planned at the MDT"
    assert "sentinel lymph node biopsy" in uk.next_step


def test_b3_after_bi_rads_5_is_an_underestimate_until_proven_otherwise():
    a = calcflow.assess("micro", "fine-linear-branching", "segmental", result="B3")
    assert ids(a)[-2:] == ["uk-mdt-concordance", "surgical-excision"] and a.concordance == "discordant"
    us = calcflow.assess("micro", "fine-linear-branching", "segmental", system="us", result="high-risk")
    assert ids(us)[-1] == "surgical-excision"


@pytest.mark.parametrize("system,result,concordance_step", [("uk", "B5a", "uk-mdt-concordance"),
                                                            ("uk", "B5b", "uk-mdt-concordance"),
                                                            ("us", "dcis", "us-rad-path-correlation"),
                                                            ("us", "invasive", "us-rad-path-correlation")])
def test_cancer_in_a_treated_breast_leads_to_mastectomy(system, result, concordance_step):
    a = calcflow.assess("micro", "fine-pleomorphic", "grouped", change="new-or-increasing", system=system,
                        history="treated-breast", result=result)
    assert ids(a)[-3:] == [concordance_step, "treatment-planning", "mastectomy"]
    assert next(r for r in a.rules if r.id == "result-recurrence").unconfirmed


def test_discordant_b3_goes_to_surgical_excision():
    a = calcflow.assess("micro", "amorphous", "grouped", result="B3", concordance="discordant")
    assert ids(a)[-2:] == ["uk-mdt-concordance", "surgical-excision"]


# --- the symptomatic route and the treated breast ---------------------------------------------------------------
def test_symptomatic_uk_benign_is_discharged_from_the_breast_clinic():
    a = calcflow.assess("macro", "coarse-popcorn", "grouped", setting="symptomatic")
    assert ids(a) == ["uk-breast-clinic", "diagnostic-imaging", "uk-assessment-score", "uk-discharge"]


def test_symptomatic_us_suspicious_joins_the_work_up():
    a = calcflow.assess("micro", "fine-pleomorphic", "grouped", system="us", setting="symptomatic")
    assert ids(a) == ["us-symptom-visit", "diagnostic-imaging", "magnification-views", "us-diagnostic-category",
                      "stereotactic-biopsy", "specimen-radiograph", "marker-clip", "us-pathology"]


def test_treated_breast_benign_calcification_stays_on_annual_surveillance():
    a = calcflow.assess("macro", "dystrophic", "grouped", change="stable", history="treated-breast")
    assert ids(a) == ["surveillance-mammogram", "surveillance-read", "annual-surveillance"]
    assert "Annual surveillance" in a.next_step and "3 years" not in a.next_step


def test_new_suspicious_calcification_in_a_treated_breast_is_biopsied():
    a = calcflow.assess("micro", "fine-pleomorphic", "grouped", change="new-or-increasing", system="us",
                        history="treated-breast", result="benign")
    assert ids(a) == ["surveillance-mammogram", "surveillance-read", "magnification-views", "us-diagnostic-category",
                      "stereotactic-biopsy", "specimen-radiograph", "marker-clip", "us-pathology",
                      "us-rad-path-correlation", "annual-surveillance"]
    assert "treated-breast-surveillance" in [r.id for r in a.rules]


# --- refusals -----------------------------------------------------------------------------------------------------
def test_macro_fine_linear_is_refused_with_reason():
    with pytest.raises(calcflow.ImpossibleCombination) as exc:
        calcflow.assess("macro", "fine-linear-branching", "grouped")
    assert "fine-linear-branching" in str(exc.value) and "micro" in str(exc.value)


def test_result_for_a_finding_that_is_not_biopsied_is_refused():
    with pytest.raises(calcflow.ImpossibleCombination, match="not biopsied.*none"):
        calcflow.assess("micro", "round", "diffuse", result="B2")
    with pytest.raises(calcflow.ImpossibleCombination, match="follow-up"):
        calcflow.assess("micro", "punctate", "grouped", system="us", result="benign")


@pytest.mark.parametrize("system,result,valid", [("us", "B2", RESULTS["us"]), ("uk", "dcis", RESULTS["uk"])])
def test_result_from_the_other_system_names_the_valid_ones(system, result, valid):
    with pytest.raises(calcflow.InvalidChoice) as exc:
        calcflow.assess("micro", "fine-pleomorphic", "grouped", system=system, result=result)
    message = str(exc.value)
    assert repr(result) in message and system.upper() in message and all(v in message for v in valid)


def test_treated_breast_without_prior_films_is_refused():
    with pytest.raises(calcflow.ImpossibleCombination, match="no-prior.*treated-breast"):
        calcflow.assess("macro", "dystrophic", "grouped", history="treated-breast")


def test_concordance_needs_a_result_it_can_change():
    with pytest.raises(calcflow.ImpossibleCombination, match="without a biopsy result"):
        calcflow.assess("micro", "amorphous", "grouped", concordance="concordant")
    with pytest.raises(calcflow.ImpossibleCombination, match="leave it out"):
        calcflow.assess("micro", "amorphous", "grouped", result="B5a", concordance="concordant")
    with pytest.raises(calcflow.ImpossibleCombination, match="cannot be concordant"):
        calcflow.assess("micro", "amorphous", "grouped", result="B1", concordance="concordant")


@pytest.mark.parametrize("field,value", [("size", "tiny"), ("shape", "linear-ish"), ("pattern", "clustered"),
                                         ("change", "older"), ("system", "fr"), ("result", "B6"),
                                         ("setting", "clinic"), ("history", "mastectomy"), ("concordance", "maybe")])
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
