"""The data files: every source resolves, and malformed data gives an error naming file, entry and field."""
import shutil
from pathlib import Path

import pytest
import yaml

from calcflow import DataError
from calcflow.model.catalogue import catalogue, load
from calcflow.model.load import DATA_DIR, REFERENCES, bibliography_keys


def _sources_in(node) -> set[str]:
    """Every key under a `sources:` anywhere in raw YAML (read here, not through the loader)."""
    if isinstance(node, dict):
        own = set(node.get("sources") or ()) if isinstance(node.get("sources"), list) else set()
        return own.union(*(_sources_in(v) for k, v in node.items() if k != "sources"))
    if isinstance(node, list):
        return set().union(*(_sources_in(v) for v in node)) if node else set()
    return set()


def test_every_source_key_in_every_data_file_resolves_in_references_bib():
    from pybtex.database import parse_file

    keys = set(parse_file(str(REFERENCES), bib_format="bibtex").entries)   # a second path to the keys
    files = sorted(DATA_DIR.glob("*.yaml")) + sorted((DATA_DIR / "questions").glob("*.yaml"))
    assert len(files) >= 8 + 10, [f.name for f in files]    # at least 8 data files and 10 chapter question banks
    for path in files:
        used = _sources_in(yaml.safe_load(path.read_text(encoding="utf-8")))
        assert used, f"{path.name}: no sources found"
        assert used <= keys, f"{path.name}: unknown keys {sorted(used - keys)}"
    assert bibliography_keys() == frozenset(keys)


def test_a_missing_bibliography_is_an_error_not_a_silent_skip(tmp_path):
    for name in ("lexicon.yaml", "scales.yaml", "pathway.yaml", "rules.yaml", "evidence.yaml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    with pytest.raises(DataError, match=r"references\.bib: bibliography not found"):
        load(tmp_path, tmp_path / "references.bib")


def test_every_entry_is_sourced():
    for name, model in catalogue().files().items():
        for section, items in model:
            for item in items:
                if hasattr(item, "sources"):
                    assert item.sources, (name, section, item)


# Rule ids: every id rules.py applies or refuses with is in rules.yaml, and every rule there is used — checked over
# every combination of the inputs in tests/test_model.py.


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
    with pytest.raises(DataError, match=r"pathway.yaml: steps 'uk-screening-mammogram': field 'next'.*'nowhere'"):
        load(data, REFERENCES)


def _route(raw, route_id):
    return next(r for r in raw["routes"] if r["id"] == route_id)


def test_route_that_skips_an_edge_is_named(tmp_path):
    data = _copy_data(tmp_path)
    _edit(data / "pathway.yaml", lambda raw: _route(raw, "uk-screening-recall")["steps"].remove("magnification-views"))
    with pytest.raises(DataError, match=r"routes 'uk-screening-recall': field 'steps': no edge from "
                                        r"'uk-recall-assessment' to 'uk-assessment-score'"):
        load(data, REFERENCES)


def test_route_through_the_other_systems_step_is_named(tmp_path):
    data = _copy_data(tmp_path)
    _edit(data / "pathway.yaml", lambda raw: _route(raw, "us-nondiagnostic")["steps"]
          .__setitem__(0, "uk-mdt-concordance"))
    with pytest.raises(DataError, match=r"routes 'us-nondiagnostic': field 'steps': step 'uk-mdt-concordance' is "
                                        r"not part of the us pathway"):
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


def test_unconfirmed_and_synthesis_are_distinct_flags():
    rules = {r.id: r for r in catalogue().rules.rules}
    assert rules["result-b5c"].unconfirmed and not rules["result-b5c"].synthesis
    assert rules["linear-casting"].synthesis and not rules["linear-casting"].unconfirmed
