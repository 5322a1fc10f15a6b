"""Chapter building blocks: tables drawn from the data, question banks, the flowchart SVG, the report."""
import re
from pathlib import Path

import pytest
import yaml

import calcflow
from calcflow import DataError, InvalidChoice
from calcflow.figures import flowchart, tables
from calcflow.model.catalogue import catalogue
from calcflow.model.load import DATA_DIR, bibliography_keys
from calcflow.model.questions import QUESTIONS_DIR, banks, load_bank
from calcflow.widgets import learning_checks

KEYS = bibliography_keys()


def _cited(markdown: str) -> set[str]:
    return {k for group in re.findall(r"\{cite:[pt]\}`([^`]*)`", markdown) for k in group.split(",")}


# The lexicon's labels in its order, written out here (the shape table adds each shape's group).
DESCRIPTOR_ROWS = {
    "size": ["Microcalcifications", "Macrocalcifications"],
    "shape": ["Skin (dermal) (typically benign)", "Vascular (typically benign)",
              "Coarse or popcorn-like (typically benign)", "Large rod-like (typically benign)",
              "Round (typically benign)", "Punctate (typically benign)", "Rim (formerly eggshell) (typically benign)",
              "Dystrophic (typically benign)", "Milk of calcium (typically benign)", "Suture (typically benign)",
              "Amorphous (formerly indistinct) (suspicious)", "Coarse heterogeneous (suspicious)",
              "Fine pleomorphic (suspicious)", "Fine linear or fine-linear branching (suspicious)"],
    "pattern": ["Diffuse (scattered)", "Regional", "Grouped (formerly clustered)", "Linear", "Segmental"],
}


@pytest.mark.parametrize("kind", ["size", "shape", "pattern"])
def test_descriptor_table_lists_every_descriptor_with_real_citations(kind):
    t = tables.descriptor_table(kind)
    assert [row[0] for row in t.rows] == DESCRIPTOR_ROWS[kind]
    md = t.to_markdown()
    assert _cited(md) and _cited(md) <= KEYS
    assert md.count("\n|") == len(DESCRIPTOR_ROWS[kind]) + 1          # header rule + one line per descriptor


def test_scale_table_pairs_birads_with_rcr_and_leaflet_word():
    rows = {r[0].split(":")[0]: r for r in tables.scale_table().rows}
    assert rows["BI-RADS 3"][3].startswith("M3") and rows["BI-RADS 3"][4] == "Indeterminate"
    assert rows["BI-RADS 5"][3].startswith("M5") and rows["BI-RADS 5"][4] == "Suspicious"


@pytest.mark.parametrize("system,expected", [
    ("uk", [("B1", "Repeat biopsy or diagnostic excision"),
            ("B2", "Routine recall (every 3 years)"),
            ("B3", "Vacuum-assisted excision → Surveillance after a B3 lesion"),
            ("B4", "Repeat biopsy or diagnostic excision"),
            ("B5a", "Treatment planned at the MDT → Localisation with a wire or seed → Wide local excision → "
                    "Specimen x-ray and final histology"),
            ("B5b", "Axillary ultrasound (± needle biopsy of a node) → Treatment planned at the MDT → Localisation "
                    "with a wire or seed → Wide local excision → Specimen x-ray and final histology"),
            ("B5c", "Axillary ultrasound (± needle biopsy of a node) → Treatment planned at the MDT → Localisation "
                    "with a wire or seed → Wide local excision → Specimen x-ray and final histology")]),
    ("us", [("Nondiagnostic", "Repeat biopsy or diagnostic excision"),
            ("Benign", "Routine screening"),
            ("High-risk lesion", "Diagnostic surgical excision"),
            ("DCIS", "Surgical consultation → Localisation with a wire or seed → Lumpectomy → "
                     "Specimen x-ray and final histology"),
            ("Invasive carcinoma", "Surgical consultation → Localisation with a wire or seed → Lumpectomy → "
                                   "Specimen x-ray and final histology")]),
])
def test_result_table_follows_the_model(system, expected):
    rows = tables.result_table(system).rows
    assert [(r[0].split(":")[0], r[2]) for r in rows] == expected


def test_ppv_table_shows_every_evidence_row_of_a_kind():
    rows = tables.ppv_table("shape").rows
    assert rows[1] == ("Fine pleomorphic", "29%", "literature summary", "BI-RADS atlas table (literature summary)",
                       "BI-RADS atlas 2013")
    assert ("Fine pleomorphic", "50% (43–58)") == rows[5][:2] and rows[5][4] == "Rominger 2012"   # with its 95% CI
    # every shape row of evidence.yaml, read here as plain YAML rather than through the loader
    raw = yaml.safe_load((DATA_DIR / "evidence.yaml").read_text(encoding="utf-8"))["ppv"]
    in_file = [(p["study"], f"{p['ppv']:g}%") for p in raw if p["kind"] == "shape"]
    assert len(in_file) == 29
    assert [(row[4], row[1].split(" (")[0]) for row in rows] == in_file


def test_html_escapes_text():
    t = tables.Table(("A",), (("<b>x</b>",),))
    assert "&lt;b&gt;" in t.to_html()


# --- question banks ----------------------------------------------------------------------------------
def test_every_bank_loads_and_cites_known_sources():
    loaded = banks()
    assert loaded, "no question banks"
    for chapter, bank in loaded.items():
        assert 3 <= len(bank.questions) <= 6, chapter
        for q in bank.questions:
            assert set(q.sources) <= KEYS
            assert all(o.feedback for o in q.options)


def test_learning_checks_fold_answers_and_cite():
    """The checks are an interactive quiz (tests/test_quiz_widget.py); its static copy folds the answers."""
    checks = learning_checks("01-from-mammogram-to-category")
    count = len(checks.bank["questions"])
    data, _ = checks._repr_mimebundle_()
    assert "text/markdown" not in data, "the book prefers text/markdown: it would hide the interactive quiz"
    (fallback,) = re.findall(r"<noscript>(.*?)</noscript>", data["text/html"], re.S)
    assert fallback.count("<details><summary>Answer</summary>") == count
    cited = {key for question in checks.bank["questions"] for key in question["sources"]}
    assert cited <= KEYS and set(checks.bank["references"]) == cited
    assert data["text/plain"].startswith(f"{count} learning checks")


def test_unknown_chapter_lists_valid_ones():
    with pytest.raises(InvalidChoice, match="unknown chapter 'nope'.*01-from-mammogram-to-category"):
        learning_checks("nope")


def _write_bank(tmp_path, mutate):
    raw = yaml.safe_load((QUESTIONS_DIR / "01-from-mammogram-to-category.yaml").read_text())
    mutate(raw)
    path = tmp_path / "01-from-mammogram-to-category.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True))
    return path


@pytest.mark.parametrize("mutate,words", [
    (lambda r: r["questions"][0].pop("explanation"), ["questions entry 'overview-worst-feature'", "'explanation'"]),
    (lambda r: r["questions"][0]["options"][1].update(correct=True), ["overview-worst-feature", "exactly one"]),
    (lambda r: r["questions"][1].update(sources=["nobody2000"]), ["overview-first-extra-test", "nobody2000"]),
    (lambda r: r["questions"][2].update(type="essay"), ["overview-uk-us-3", "'type'"]),
    (lambda r: r["questions"].append(dict(r["questions"][0])), ["overview-worst-feature", "duplicate id"]),
])
def test_malformed_bank_names_file_question_and_field(tmp_path, mutate, words):
    with pytest.raises(DataError) as exc:
        load_bank(_write_bank(tmp_path, mutate))
    assert "01-from-mammogram-to-category.yaml" in str(exc.value)
    for w in words:
        assert w in str(exc.value), str(exc.value)


# --- flowchart and report ---------------------------------------------------------------------------------
def test_flowchart_has_a_node_per_step_and_marks_the_path():
    a = calcflow.assess("micro", "fine-linear-branching", "segmental", result="B5b")
    path = [s.id for s in a.path]
    svg = flowchart.svg(tuple(path), prefix="t-", system="uk")
    nodes = re.findall(r'<g id="t-([^"]+)" class="node step[^"]*"', svg)
    assert sorted(nodes) == sorted(s.id for s in catalogue().pathway.steps if "uk" in s.systems)
    on = re.findall(r'<g id="t-([^"]+)" class="node step[^"]*on-path', svg)
    assert sorted(on) == sorted(path)
    edges_on = re.findall(r'<g id="t-([^"]+)" class="edge route on-path', svg)
    assert sorted(edges_on) == sorted(f"{a}--{b}" for a, b in zip(path, path[1:]))
    assert 'role="img"' in svg and "<title id=\"t-flowchart-title\">" in svg and "<desc" in svg


def test_assessment_displays_with_citations():
    bundle = calcflow.assess("micro", "amorphous", "grouped")._repr_mimebundle_()
    assert "BI-RADS 4B" in bundle["text/plain"] and "BI-RADS 4B" in bundle["text/html"]
    assert _cited(bundle["text/markdown"]) <= KEYS
