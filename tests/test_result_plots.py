"""Outcome data (calcflow/data/outcomes.yaml), the plain-words boxes and the results-chapter figure."""
from pathlib import Path

import pytest
import yaml

import calcflow
from calcflow import DataError, InvalidChoice
from calcflow.model.catalogue import catalogue
from calcflow.model.load import REFERENCES, bibliography_keys
from calcflow.figures.registry import MODULES, registry
from calcflow.figures.tables import localisation_table, upgrade_table
from calcflow.model.outcomes import OUTCOMES, load_outcomes, outcomes, plain_words, upgrade_rates
from calcflow.figures.results import FIGURES, upgrade_bars


# --- data --------------------------------------------------------------------------------------------------------
def test_outcomes_load_and_every_source_resolves():
    data = outcomes()
    keys = bibliography_keys()
    used = {k for section in (data.upgrade, data.localisation, data.plain) for item in section for k in item.sources}
    assert used and used <= keys, sorted(used - keys)


def test_every_route_that_ends_a_path_has_exactly_one_plain_sentence():
    routes = {r.id for r in catalogue().pathway.routes if r.next_step}
    assert len(routes) == 23
    assert sorted(p.route for p in outcomes().plain) == sorted(routes)


def test_upgrade_rates_match_the_cited_series():
    by_id = {u.id: u for u in upgrade_rates()}
    assert by_id["lee2003-b4"].percent == 85 and by_id["lee2003-b4"].count == "33/39"
    assert by_id["england2019-b3-atypia"].percent > by_id["england2019-b3-no-atypia"].percent
    lesions = {u.lesion for u in upgrade_rates("b3-lesion")}
    assert {"Lobular neoplasia", "Atypical ductal hyperplasia", "Papillary lesion"} <= lesions
    assert all(u.group == "result" for u in upgrade_rates("result"))


def test_unknown_upgrade_group_lists_the_choices():
    with pytest.raises(InvalidChoice, match="unknown upgrade group 'B9'; choose one of: result, b3-lesion"):
        upgrade_rates("B9")


def _write(tmp_path: Path, change) -> Path:
    raw = yaml.safe_load(OUTCOMES.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "outcomes.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _entry(raw, section, entry_id):
    return next(e for e in raw[section] if e.get("id") == entry_id)


@pytest.mark.parametrize("change,expected", [
    (lambda raw: _entry(raw, "upgrade", "lee2003-b4").pop("sources"),
     ["outcomes.yaml", "upgrade", "'lee2003-b4'", "'sources'", "required"]),
    (lambda raw: _entry(raw, "upgrade", "lee2003-b4").update(percent=150),
     ["outcomes.yaml", "'lee2003-b4'", "'percent'"]),
    (lambda raw: _entry(raw, "upgrade", "lee2003-b4").update(events=20),
     ["outcomes.yaml", "'lee2003-b4'", "does not match 20/39"]),
    (lambda raw: _entry(raw, "upgrade", "lee2003-b4").update(result="B7"),
     ["outcomes.yaml", "'lee2003-b4'", "'result'"]),
    (lambda raw: _entry(raw, "upgrade", "saladin2016-fea").pop("lesion"),
     ["outcomes.yaml", "'saladin2016-fea'", "needs the lesion"]),
    (lambda raw: _entry(raw, "localisation", "ibranet").update(colour="blue"),
     ["outcomes.yaml", "'ibranet'", "'colour'", "unknown field"]),
    (lambda raw: _entry(raw, "localisation", "ibranet").update(sources=["noSuchPaper1999"]),
     ["outcomes.yaml", "localisation 'ibranet'", "noSuchPaper1999", "references.bib"]),
    (lambda raw: raw["upgrade"].append(dict(raw["upgrade"][0])),
     ["outcomes.yaml", "upgrade 'lee2003-b4'", "duplicate id"]),
    (lambda raw: raw["plain"].pop(0),
     ["outcomes.yaml", "no plain sentence for route(s) uk-routine-recall"]),
    (lambda raw: raw["plain"][0].update(route="nowhere"),
     ["outcomes.yaml", "plain 'nowhere'", "unknown route"]),
])
def test_malformed_outcomes_are_named(tmp_path, change, expected):
    path = _write(tmp_path, change)
    with pytest.raises(DataError) as exc:
        load_outcomes(path, REFERENCES)
    for word in expected:
        assert word in str(exc.value), (word, str(exc.value))


def test_invalid_yaml_and_missing_file_are_named(tmp_path):
    bad = tmp_path / "outcomes.yaml"
    bad.write_text("upgrade: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match="outcomes.yaml: not valid YAML"):
        load_outcomes(bad, REFERENCES)
    with pytest.raises(DataError, match="missing.yaml: file not found"):
        load_outcomes(tmp_path / "missing.yaml", REFERENCES)


# --- tables and plain words -----------------------------------------------------------------------------------
def test_tables_cite_every_row():
    for table in (upgrade_table(), upgrade_table("b3-lesion"), localisation_table()):
        markdown = table.to_markdown()
        assert markdown.count("{cite:p}`") == len(table.rows)
    assert len(upgrade_table("result").rows) == len(upgrade_rates("result"))


@pytest.mark.parametrize("kwargs,route", [
    (dict(size="macro", shape="coarse-popcorn", pattern="grouped"), "uk-routine-recall"),
    (dict(size="macro", shape="coarse-popcorn", pattern="grouped", setting="symptomatic"), "uk-discharge"),
    (dict(size="macro", shape="rim", pattern="grouped", change="stable", history="treated-breast"),
     "annual-surveillance"),
    (dict(size="micro", shape="punctate", pattern="grouped", system="us"), "us-follow-up"),
    (dict(size="micro", shape="punctate", pattern="grouped"), "uk-biopsy"),
    (dict(size="micro", shape="amorphous", pattern="grouped", result="B2"), "uk-b2-concordant"),
    (dict(size="micro", shape="fine-linear-branching", pattern="segmental", result="B2"), "uk-b2-discordant"),
    (dict(size="micro", shape="fine-pleomorphic", pattern="grouped", result="B3"), "uk-b3"),
    (dict(size="micro", shape="fine-pleomorphic", pattern="grouped", result="B5a"), "uk-b5a"),
    (dict(size="micro", shape="fine-pleomorphic", pattern="grouped", system="us", result="high-risk"), "us-high-risk"),
])
def test_route_of_follows_the_model(kwargs, route):
    a = calcflow.assess(**kwargs)
    assert a.deciding_route == route


def test_plain_words_box_uses_the_leaflet_and_route_sentences():
    a = calcflow.assess("micro", "punctate", "grouped", system="us")
    box = plain_words(a, "A single group of punctate calcifications")
    bundle = box._repr_mimebundle_()
    markdown = bundle["text/markdown"]
    assert markdown.startswith("````{admonition} In plain words\n:class: tip\n")
    assert "Probably harmless, but cancer cannot be ruled out" in markdown      # leaflet (scales.yaml)
    assert "in about 6 months" in markdown                                       # route (outcomes.yaml)
    assert "US: BI-RADS 3" in markdown and "{cite:p}`" in markdown
    assert "In plain words" in bundle["text/html"] and "<script" not in bundle["text/html"]
    uk = plain_words(calcflow.assess("micro", "punctate", "grouped"), "Same finding, UK")
    assert "UK: M3" in uk.to_text() and "needle" in uk.to_text()


def test_plain_words_after_a_result_says_what_it_means():
    a = calcflow.assess("micro", "fine-pleomorphic", "grouped", result="B3")
    text = plain_words(a, "B3 on vacuum biopsy").to_text()
    assert "What the result means" in text and "biopsy result B3: uncertain malignant potential" in text
    assert "not cancer" in text


# --- the figure --------------------------------------------------------------------------------------------------
def test_module_is_registered_for_make_figures():
    assert "calcflow.figures.results" in MODULES
    assert registry()["results-upgrade-at-excision"] is upgrade_bars


def test_upgrade_figure_shows_every_bar_with_its_study():
    fig = FIGURES["results-upgrade-at-excision"]()
    axes = fig.get_axes()
    assert len(axes) == 2
    bars = sum(len(ax.patches) for ax in axes)
    assert bars == len(upgrade_rates())
    labels = [t.get_text() for ax in axes for t in ax.get_yticklabels()]
    assert "B4\nLee 2003" in labels and "Papillary lesion\nSaladin 2016" in labels
    widths = sorted(round(p.get_width(), 2) for ax in axes for p in ax.patches)
    assert widths == sorted(round(u.percent, 2) for u in upgrade_rates())
    values = {t.get_text() for ax in axes for t in ax.texts}
    assert {"85%", "3.1%"} <= values

