"""The case library: every expert answer is the model's answer, the library covers what the issue asks for,
malformed data is named clearly, and the images and the case player's table are deterministic."""
import io
import json
import re

import pytest
import yaml

import calcflow
from calcflow import DataError, InvalidChoice
from calcflow.cases import (CASES_FILE, CATEGORISATION, CONCORDANCE, IMAGE_PX, STEPS, case, case_figure, case_image,
                            cases, image_png, load_cases, player_table)
from calcflow.catalogue import REFERENCES, bibliography_keys, catalogue

CASES = cases()
IDS = [c.id for c in CASES]


def _assessed(c):
    d = c.descriptors
    return calcflow.assess(size=d.size, shape=d.shape, pattern=d.pattern, change=d.change, system=c.system,
                           result=c.result)


# --- every answer is the model's ---------------------------------------------------------------------------
def test_the_library_loads_with_unique_ids():
    assert len(CASES) >= 15
    assert len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("c", CASES, ids=IDS)
def test_expert_answers_equal_calcflow_assess(c):
    a = _assessed(c)
    path = [s.id for s in a.path]
    expert = c.expert
    assert (expert.category.answer, expert.category.birads, expert.category.rcr) == (a.category, a.birads, a.rcr)
    assert expert.next_test.answer == path[path.index(CATEGORISATION) + 1]
    if c.result is None:
        assert expert.after_result is None and CONCORDANCE not in path
    else:
        assert expert.after_result.answer == path[-1]
    for step in ("size", "shape", "pattern"):
        assert c.answer(step) == a.choice[step]


@pytest.mark.parametrize("c", CASES, ids=IDS)
def test_answers_relying_on_an_unconfirmed_rule_say_so(c):
    if any(r.unconfirmed for r in _assessed(c).rules):
        flagged = [s for s in STEPS if getattr(c.expert, s, None) is not None and getattr(c.expert, s).unconfirmed]
        assert flagged, f"{c.id}: the model applies an unconfirmed rule, but no answer is flagged unconfirmed"
    for step in STEPS:
        answer = getattr(c.expert, step)
        if answer is not None and answer.unconfirmed:
            assert "unconfirmed" in answer.explanation, f"{c.id} {step}: flagged, but the text does not say so"


@pytest.mark.parametrize("c", CASES, ids=IDS)
def test_explanations_are_two_to_four_sentences(c):
    for step in STEPS:
        answer = getattr(c.expert, step)
        if answer is not None:
            sentences = len(re.findall(r"[.!?](?:\s|$)", " ".join(answer.explanation.split())))
            assert 2 <= sentences <= 4, f"{c.id} {step}: {sentences} sentences"


def test_every_source_key_is_in_the_bibliography():
    used = {k for c in CASES for s in STEPS if getattr(c.expert, s) is not None for k in getattr(c.expert, s).sources}
    assert used <= bibliography_keys(), sorted(used - bibliography_keys())


def test_titles_give_nothing_away():
    cat = catalogue()
    words = {"benign", "indeterminate", "suspicious", "bi-rads", "malignant", "cancer"}
    for field in ("shape", "pattern"):
        for value in cat.ids(field):
            words.add(value.replace("-", " "))
            words.add(cat.descriptor(field, value).label.split(" (")[0].lower())
    for c in CASES:
        title = c.title.lower()
        hits = [w for w in words if re.search(rf"\b{re.escape(w)}\b", title)]
        assert not hits, f"{c.id}: title {c.title!r} gives away {hits}"


# --- coverage the issue asks for ---------------------------------------------------------------------------
def test_coverage_of_categories_systems_and_results():
    assessed = {c.id: _assessed(c) for c in CASES}
    assert {c.system for c in CASES} == {"uk", "us"}
    assert {a.category for a in assessed.values()} == {"benign", "indeterminate", "suspicious"}
    birads = {a.birads for a in assessed.values()}
    # benign, probably benign, indeterminate (low suspicion) and suspicious findings
    assert {"2", "3", "4A"} <= birads and birads & {"4B", "4C", "5"}
    assert {c.result for c in CASES if c.result} == set(calcflow.choices()["result"])
    rules = {r.id for c in CASES if c.result == "B2" for r in assessed[c.id].rules}
    assert {"result-b2-concordant", "result-b2-discordant"} <= rules


def test_a_us_bi_rads_3_case_is_followed_up():
    assert any(c.system == "us" and c.expert.category.birads == "3"
               and c.expert.next_test.answer == "short-interval-follow-up" for c in CASES)


def test_one_finding_is_shown_in_both_uk_and_us_framings():
    by_finding = {}
    for c in CASES:
        by_finding.setdefault(c.descriptors, set()).add(c.system)
    assert any(systems == {"uk", "us"} for systems in by_finding.values())


# --- malformed data ----------------------------------------------------------------------------------------
def _write(tmp_path, change, case_id="punctate-group-baseline-uk", extra=()):
    raw = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    chosen = next(c for c in raw["cases"] if c["id"] == case_id)
    change(chosen)
    path = tmp_path / "cases.yaml"
    path.write_text(yaml.safe_dump({"cases": [chosen, *extra]}, sort_keys=False, allow_unicode=True))
    return path


def _set(*keys, value):
    def change(raw):
        node = raw
        for k in keys[:-1]:
            node = node[k]
        node[keys[-1]] = value
    return change


@pytest.mark.parametrize("change,expected", [
    (lambda raw: raw["vignette"].pop("age"), ["'age'", "required"]),
    (lambda raw: raw.update(colour="white"), ["'colour'", "unknown field"]),
    (_set("vignette", "age", value="fifty"), ["'age'", "integer"]),
    (_set("expert", "category", "birads", value="7"), ["category", "'birads'"]),
    (_set("descriptors", "shape", value="blob"), ["'descriptors.shape'", "'blob'", "fine-pleomorphic"]),
    (_set("system", value="fr"), ["'system'", "'fr'", "uk, us"]),
    (_set("result", value="B9"), ["'result'", "'B9'", "B5c"]),
    (_set("expert", "category", "birads", value="4A"), ["'expert.category.birads'", "contradicts the model", "'3'"]),
    (_set("expert", "next_test", "answer", value="short-interval-follow-up"),
     ["'expert.next_test.answer'", "'stereotactic-biopsy'"]),
    (lambda raw: raw["expert"].pop("after_result"), ["'expert.after_result'"]),
    (_set("descriptors", "size", value="macro"), ["'descriptors'", "refuses", "punctate"]),
    (_set("vignette", "priors", value="Screen 3 years ago: the same."), ["'vignette.priors'", "no-prior"]),
])
def test_malformed_case_names_file_case_and_field(tmp_path, change, expected):
    path = _write(tmp_path, change)
    with pytest.raises(DataError) as exc:
        load_cases(path, references=None)
    message = str(exc.value)
    for word in ["cases.yaml", "'punctate-group-baseline-uk'", *expected]:
        assert word in message, (word, message)
    assert "at least 1 item" not in message, f"one problem, one complaint: {message}"


def test_unknown_source_key_is_named(tmp_path):
    path = _write(tmp_path, _set("expert", "shape", "sources", value=["noSuchPaper1999"]))
    with pytest.raises(DataError) as exc:
        load_cases(path, references=REFERENCES)
    for word in ["cases.yaml", "'punctate-group-baseline-uk'", "'expert.shape.sources'", "noSuchPaper1999",
                 "references.bib"]:
        assert word in str(exc.value), (word, str(exc.value))


def test_duplicate_id_is_named(tmp_path):
    raw = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    twin = next(c for c in raw["cases"] if c["id"] == "punctate-group-baseline-uk")
    path = _write(tmp_path, lambda raw: None, extra=[twin])
    with pytest.raises(DataError, match=r"cases.yaml: case 'punctate-group-baseline-uk': field 'id': duplicate id"):
        load_cases(path, references=None)


def test_missing_file_and_bad_yaml_are_data_errors(tmp_path):
    with pytest.raises(DataError, match="cases.yaml: file not found"):
        load_cases(tmp_path / "cases.yaml")
    bad = tmp_path / "cases.yaml"
    bad.write_text("cases: [\n")
    with pytest.raises(DataError, match="cases.yaml: not valid YAML"):
        load_cases(bad)
    bad.write_text("cases: []\n")
    with pytest.raises(DataError, match="cases.yaml: field 'cases': the file has no cases"):
        load_cases(bad)


def test_unknown_case_id_lists_the_ids():
    with pytest.raises(InvalidChoice) as exc:
        case("no-such-case")
    assert "no-such-case" in str(exc.value)
    assert all(i in str(exc.value) for i in IDS)
    assert case(IDS[0]) is CASES[0]


# --- images ------------------------------------------------------------------------------------------------
def test_case_image_is_the_case_finding():
    c = case("milk-of-calcium")
    patch = case_image(c)
    assert (patch.shape, patch.pattern, patch.view, patch.seed) == ("milk-of-calcium", "grouped", "lateral", 2)


@pytest.mark.parametrize("case_id", ["punctate-group-baseline-uk", "fine-linear-segmental"])
def test_case_png_is_small_grey_and_byte_identical(case_id):
    from PIL import Image

    first, second = image_png(case(case_id)), image_png(case(case_id))
    assert first == second
    image = Image.open(io.BytesIO(first))
    assert (image.mode, image.size) == ("L", (IMAGE_PX, IMAGE_PX))
    assert not image.text, "no text chunks (software, dates) in the PNG"
    assert len(first) < 40_000


def test_case_figure_has_a_title_and_a_scale_bar():
    fig = case_figure(case("skin-calcification"))
    ax = fig.axes[0]
    assert ax.get_title() == "Specks near the fold"
    assert any(t.get_text().endswith(" mm") for t in ax.texts)


# --- the case player's table -------------------------------------------------------------------------------
def test_player_table_is_json_and_deterministic():
    from calcflow.cases import _player_table

    table = player_table()
    text = json.dumps(table, sort_keys=True, ensure_ascii=False)
    assert json.dumps(_player_table.__wrapped__(), sort_keys=True, ensure_ascii=False) == text
    assert len(text.encode()) < 1_000_000, "the table is embedded in a page: keep it lean"


def test_player_table_answers_are_among_the_choices_and_on_the_flowchart():
    table = player_table()
    options = {step: {o["id"] for o in table["choices"][step]} for step in STEPS}
    assert len(table["cases"]) == len(CASES)
    for row in table["cases"]:
        assert row["asked"] == [s for s in STEPS if s != "after_result" or row["result"]]
        for step in row["asked"]:
            answer = row["expert"][step]
            assert answer["answer"] in options[step], (row["id"], step)
            assert answer["sources"] and set(answer["sources"]) <= set(table["references"])
        category = row["expert"]["category"]
        assert category["birads"] in {o["id"] for o in table["choices"]["birads"]}
        assert category["rcr"] in {o["id"] for o in table["choices"]["rcr"]}
        if row["result"]:
            assert row["path"][-1] == row["expert"]["after_result"]["answer"]
        assert row["path"][row["path"].index("categorisation") + 1] == row["expert"]["next_test"]["answer"]
        assert row["image"]["src"].startswith("data:image/png;base64,")
        for step_id in row["path"]:
            assert f'id="{step_id}"' in table["flowchart_svg"]
    assert table["choices"]["next_test"] == [
        {"id": "routine-screening", "label": "Return to routine screening"},
        {"id": "short-interval-follow-up", "label": "Short-interval follow-up (US BI-RADS 3)"},
        {"id": "stereotactic-biopsy", "label": "Stereotactic biopsy (vacuum-assisted or core)"}]
    assert {o["id"] for o in table["choices"]["after_result"]} == {
        "routine-screening", "repeat-biopsy", "vacuum-assisted-excision", "surgical-specimen-radiograph"}
