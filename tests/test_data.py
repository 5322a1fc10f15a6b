"""The data files: every source resolves, and malformed data gives an error naming file, entry and field."""
import shutil
from pathlib import Path

import pytest
import yaml

from calcflow import DataError
from calcflow.catalogue import DATA_DIR, REFERENCES, bibliography_keys, catalogue, load


def test_every_source_key_resolves_in_references_bib():
    keys = bibliography_keys()
    used = catalogue().all_sources()
    assert used, "no sources found"
    assert used <= keys, f"unknown keys: {sorted(used - keys)}"


def test_every_entry_is_sourced():
    for name, model in catalogue().files().items():
        for section, items in model:
            for item in items:
                if hasattr(item, "sources"):
                    assert item.sources, (name, section, item)


def test_rules_used_in_code_are_all_in_data():
    import re
    code = "\n".join(p.read_text() for p in Path(DATA_DIR).parent.glob("*.py"))
    used = set(re.findall(r'"([a-z0-9-]+)"', code))
    rule_ids = {r.id for r in catalogue().rules.rules}
    decision_ids = set(re.findall(r'Decision\("[^"]+", \(([^)]*)\)', code))
    named = {x.strip().strip('"') for group in decision_ids for x in group.split(",") if x.strip()}
    assert named <= rule_ids, named - rule_ids
    assert {"size-fits-shape", "result-needs-biopsy"} <= used


def _copy_data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _edit(path: Path, change):
    raw = yaml.safe_load(path.read_text())
    change(raw)
    path.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True))


def _shape(raw, shape_id):
    return next(s for s in raw["shape"] if s["id"] == shape_id)


@pytest.mark.parametrize("change,expected", [
    (lambda raw: _shape(raw, "amorphous").pop("sources"),
     ["lexicon.yaml", "shape", "'amorphous'", "'sources'", "required"]),
    (lambda raw: _shape(raw, "rim").update(colour="white"),
     ["lexicon.yaml", "'rim'", "'colour'", "unknown field"]),
    (lambda raw: _shape(raw, "punctate").update(sizes="tiny"),
     ["lexicon.yaml", "'punctate'", "'sizes'"]),
    (lambda raw: _shape(raw, "suture").update(group="sometimes"),
     ["lexicon.yaml", "'suture'", "'group'"]),
    (lambda raw: _shape(raw, "skin").update(sources=["noSuchPaper1999"]),
     ["lexicon.yaml", "'skin'", "'sources'", "noSuchPaper1999", "references.bib"]),
])
def test_malformed_lexicon_is_named(tmp_path, change, expected):
    data = _copy_data(tmp_path)
    _edit(data / "lexicon.yaml", change)
    with pytest.raises(DataError) as exc:
        load(data, REFERENCES)
    for word in expected:
        assert word in str(exc.value), (word, str(exc.value))


def test_edge_to_unknown_step_is_named(tmp_path):
    data = _copy_data(tmp_path)
    _edit(data / "pathway.yaml", lambda raw: raw["steps"][0]["next"].append({"to": "nowhere"}))
    with pytest.raises(DataError, match=r"pathway.yaml: steps 'screening-mammogram': field 'next'.*'nowhere'"):
        load(data, REFERENCES)


def test_wrong_type_in_evidence_is_named(tmp_path):
    data = _copy_data(tmp_path)
    _edit(data / "evidence.yaml", lambda raw: raw["ppv"][0].update(ppv="seventy"))
    with pytest.raises(DataError, match=r"evidence.yaml: ppv entry 'fine-linear-branching': field 'ppv'"):
        load(data, REFERENCES)


def test_duplicate_id_is_named(tmp_path):
    data = _copy_data(tmp_path)
    _edit(data / "lexicon.yaml", lambda raw: raw["pattern"].append(dict(raw["pattern"][0])))
    with pytest.raises(DataError, match=r"lexicon.yaml: pattern 'diffuse': field 'id': duplicate id"):
        load(data, REFERENCES)


def test_invalid_yaml_and_missing_file_are_named(tmp_path):
    data = _copy_data(tmp_path)
    (data / "rules.yaml").write_text("rules: [unclosed\n")
    with pytest.raises(DataError, match="rules.yaml: not valid YAML"):
        load(data, REFERENCES)
    (data / "rules.yaml").unlink()
    with pytest.raises(DataError, match="rules.yaml: file not found"):
        load(data, REFERENCES)


def test_unconfirmed_facts_are_flagged():
    rules = {r.id: r for r in catalogue().rules.rules}
    assert rules["uk-m3-biopsy"].unconfirmed
