"""Authored decks without a browser (calcflow.publish.authored): which cells reach the slides, the notes, the
citations and references; the slide-only cells of the chapters follow the rules and never reach the book; the
figures made for slides (a path flowchart, a vote case) and the full references."""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from calcflow.publish.authored import SLIDE_ONLY, author_deck, is_authored, is_shown

sys.path.insert(0, str(Path(__file__).resolve().parent))
from toc_notebooks import REPO_ROOT, toc_notebooks  # noqa: E402

AUTHORED = [path for path in toc_notebooks() if is_authored(nbformat.read(REPO_ROOT / path, as_version=4))]
MAX_POINTS, MAX_WORDS = 5, 40


def _slide(source, kind="slide"):
    return new_markdown_cell(source, metadata={"tags": [SLIDE_ONLY, "remove-cell"], "slideshow": {"slide_type": kind}})


@pytest.fixture()
def chapter():
    figure = new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})
    return new_notebook(cells=[
        new_markdown_cell("# The chapter\n\nPROSE-ONE opens the chapter."),
        _slide("# The chapter\n\n- one point {cite:p}`biradsAtlas2013`"),
        new_markdown_cell("PROSE-TWO explains the point {cite:p}`maxwell2009`."),
        new_code_cell("setup()", outputs=[new_output("stream", name="stdout", text="SETUP-OUTPUT\n")]),
        _slide("## A figure {cite:p}`maxwell2009,biradsAtlas2013`"),
        new_code_cell("figure()", outputs=[figure], metadata={"slideshow": {"slide_type": "-"}}),
        _slide("- a later point", kind="fragment"),
        new_markdown_cell("Only in the notebook", metadata={"tags": ["remove-cell"]}),
    ])


def _types(deck):
    return [cell.metadata["slideshow"]["slide_type"] for cell in deck.cells]


def test_a_notebook_is_authored_once_it_has_a_slide_only_cell(chapter):
    assert is_authored(chapter)
    assert not is_authored(new_notebook(cells=[new_markdown_cell("# T")]))


def test_slides_notes_and_skipped_cells(chapter):
    before = json.dumps(chapter, sort_keys=True)
    deck = author_deck(chapter)
    assert json.dumps(chapter, sort_keys=True) == before, "the notebook itself must not change"
    sources = [cell.source for cell in deck.cells]
    # The first slide, then the prose before it and after it as its notes; the setup code is left out.
    assert _types(deck)[:3] == ["slide", "notes", "notes"]
    assert "PROSE-ONE" in sources[1] and "PROSE-TWO" in sources[2]
    assert not any("SETUP" in json.dumps(cell) for cell in deck.cells)
    assert _types(deck)[3:6] == ["slide", "-", "fragment"], "the book's figure cell joins the slide before it"
    assert deck.cells[4].cell_type == "code" and deck.cells[4].outputs
    assert not any("Only in the notebook" in source for source in sources)
    assert deck.metadata["calcflow_deck"] == "authored"
    nbformat.validate(deck)


def test_citations_are_numbered_with_a_footer_and_a_references_slide(chapter):
    deck = author_deck(chapter)
    first, figure = deck.cells[0].source, deck.cells[3].source
    assert "- one point [1]" in first and "{cite" not in first
    assert re.search(r'<footer class="calcflow-cite-footer">1 D&#x27;Orsi et al\. 2013</footer>', first)
    assert figure.startswith("## A figure [2, 1]")
    assert "2 Maxwell et al. 2009 · 1 D&#x27;Orsi et al. 2013" in figure
    assert "(Maxwell et al. 2009)" in deck.cells[2].source, "notes keep author–year citations"
    references = deck.cells[-1]
    assert references.metadata["slideshow"] == {"slide_type": "slide", "data": {"calcflow": "references"}}
    items = re.findall(r'<li value="(\d)">([^<]*)</li>', references.source)
    assert [number for number, _ in items] == ["1", "2"]
    assert items[0][1].startswith("D&#x27;Orsi CJ, Sickles EA, Mendelson EB, et al. ACR BI-RADS Atlas")
    assert items[1][1].startswith("Maxwell AJ, Ridley NT, Rubin G, et al. The Royal College of Radiologists")


def test_full_references_follow_the_bibliography():
    from calcflow.model.references import full_reference

    assert full_reference("ralleigh2000") == (
        "Ralleigh G, Sanderson E, Berjawi GA, et al. What is the predictive value for malignancy of radiological "
        "classification for indeterminate microcalcification seen on mammography? Breast Cancer Res. "
        "2000;2(Suppl 2):A62.")


def test_the_authored_list_is_not_empty():
    assert Path("book/categorising.ipynb") in AUTHORED


@pytest.mark.parametrize("path", AUTHORED, ids=str)
def test_slide_cells_are_short_points_hidden_from_the_book(path):
    notebook = nbformat.read(REPO_ROOT / path, as_version=4)
    for cell in notebook.cells:
        tags = set(cell.metadata.get("tags", []))
        if SLIDE_ONLY in tags:
            assert "remove-cell" in tags, f"{path}: slide-only cell {cell.id} must carry remove-cell too"
        if not is_shown(cell) or cell.cell_type != "markdown":
            continue
        lines = [line for line in cell.source.splitlines() if line.strip()]
        points = [line for line in lines if re.match(r"^\s*([-*]|\d+\.)\s", line)]
        prose = [line for line in lines if not line.startswith("#") and line not in points]
        assert not prose, f"{path}: slide cell {cell.id} carries running prose: {prose}"
        assert len(points) <= MAX_POINTS, f"{path}: slide cell {cell.id} has {len(points)} points"
        words = len(re.sub(r"\{cite:\w+\}`[^`]*`", "", cell.source).split())
        assert words <= MAX_WORDS, f"{path}: slide cell {cell.id} has {words} words"


@pytest.mark.parametrize("path", AUTHORED, ids=str)
def test_myst_nb_leaves_the_slide_only_cells_out_of_the_book(path):
    """The book build (myst-nb) reads the notebook into tokens; a cell it drops never reaches a chapter page."""
    from markdown_it import MarkdownIt
    from myst_nb.core.nb_to_tokens import notebook_to_tokens

    notebook = nbformat.read(REPO_ROOT / path, as_version=4)
    tokens = notebook_to_tokens(notebook, MarkdownIt("commonmark"), {}, logging.getLogger("test"))
    in_book = {token.meta["index"] for token in tokens if token.type in ("nb_cell_markdown_open", "nb_cell_code")}
    slide_only = {index for index, cell in enumerate(notebook.cells) if SLIDE_ONLY in cell.metadata.get("tags", [])}
    assert slide_only and not slide_only & in_book, f"{path}: slide-only cells {sorted(slide_only & in_book)} reach the book"
    book = {index for index, cell in enumerate(notebook.cells) if index not in slide_only and cell.source.strip()
            and "remove-cell" not in cell.metadata.get("tags", [])}
    assert in_book == book, "every other cell reaches the book"


def test_a_path_flowchart_draws_only_the_path_large():
    import calcflow
    from calcflow.figures.flowchart import PathFlowchart

    uk = calcflow.assess("micro", "punctate", "grouped", change="no-prior", system="uk")
    svg = PathFlowchart.of(uk, title="UK", prefix="t-").svg()
    nodes = re.findall(r'<g id="t-([a-z0-9-]+)" class="node', svg)
    path = [step.id for step in uk.path]
    assert sorted(nodes) == sorted(path), "the path's steps and no others"
    edges = re.findall(r'<g id="t-([a-z0-9-]+--[a-z0-9-]+)" class="edge', svg)
    assert sorted(edges) == sorted(f"{a}--{b}" for a, b in zip(path, path[1:])), "arrows in the path's order"
    assert "Double reading" in svg and "Short-interval" not in svg
    sizes = {float(size) for size in re.findall(r'font-size="([\d.]+)"', svg)}
    width = float(re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+)', svg).group(1))
    # Shown 1776 px wide on a 1920 px slide (72 px margins), a label must be at least 24 px.
    assert min(sizes) * 1776 / width >= 24


@pytest.mark.parametrize("case_id", ["amorphous-group-new", "punctate-group-baseline-uk", "secretory-rods"])
def test_a_vote_case_numbers_the_options_and_reveals_the_models_answer(case_id):
    from calcflow.figures.vote import vote_case
    from calcflow.model.cases import case

    expected = case(case_id).expert.category  # the case file's own answer, checked against the model on load
    html = vote_case(case_id)._repr_html_()
    options = re.findall(r"<li>([^<]+)</li>", html)
    assert options == ["Benign", "Indeterminate", "Suspicious"]
    answer = re.search(r'<div class="fragment calcflow-vote-answer" data-answer="(\d)"><p><strong>(\d) · (\w+)', html)
    assert answer and answer.group(3).lower() == expected.answer
    assert options[int(answer.group(1)) - 1].lower() == expected.answer
    assert f"{expected.rcr} · BI-RADS {expected.birads}" in html
    assert re.search(r'<img class="calcflow-vote-image" src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="', html)
    notes = re.search(r'<aside class="notes"><p>(.*)</p></aside>', html).group(1)
    assert case(case_id).teaching_point.split(":")[0] in notes.replace("&#x27;", "'"), "the speaker view teaches it"


def test_a_vote_without_earlier_mammograms_says_so_in_words():
    from calcflow.figures.vote import vote_case
    from calcflow.model.cases import case

    assert case("punctate-group-baseline-uk").vignette.priors == "none"
    notes = re.search(r'<aside class="notes"><p>(.*)</p></aside>',
                      vote_case("punctate-group-baseline-uk")._repr_html_()).group(1)
    assert "No earlier mammograms to compare with." in notes
    assert not re.search(r"\bnone\b", notes), "the case file's value 'none' reached the speaker notes"


def test_a_footer_names_a_source_without_authors_by_the_start_of_its_title():
    from calcflow.publish.authored import footer_label

    assert footer_label("vabRct2014") == "<em>Randomised controlled trial of…</em> 2014", "no congress number"
    assert footer_label("magseed2022") == "<em>Wireless localisation of breast…</em> 2022"
    assert footer_label("biradsAtlas2013") == "D&#x27;Orsi et al. 2013"
    assert footer_label("rcrBsbr2019") == "RCR 2019" and footer_label("niceNG101") == "NICE 2018"
    assert "*" not in footer_label("vaeB3England2021"), "Markdown asterisks would show inside the HTML footer"


def _deck_slides(deck) -> list[tuple[str, str]]:
    """(title, visible markdown text) of each authored slide of a deck, footers included, references left out."""
    slides: list[list] = []
    for cell in deck.cells:
        kind = cell.metadata["slideshow"]["slide_type"]
        if kind == "notes" or (cell.metadata["slideshow"].get("data") or {}).get("calcflow") == "references":
            continue
        if kind in ("slide", "subslide") or not slides:
            slides.append([])
        if cell.cell_type == "markdown":
            slides[-1].append(cell.source)
    texts = [re.sub(r"<[^>]+>", " ", "\n".join(sources)) for sources in slides]
    return [(text.strip().splitlines()[0] if text.strip() else "", text) for text in texts]


@pytest.mark.parametrize("path", AUTHORED, ids=str)
def test_each_slide_with_its_citation_footer_stays_within_the_word_limit(path):
    """The words a slide shows once its citations are numbered and named in its footer (the browser test measures
    the built deck, widgets included; this finds the slide before a build)."""
    deck = author_deck(nbformat.read(REPO_ROOT / path, as_version=4))
    for title, text in _deck_slides(deck):
        words = [word for word in text.split() if re.search(r"\w", word) and not re.fullmatch(r"#+", word)]
        assert len(words) <= MAX_WORDS, f"{path}: slide {title!r} shows {len(words)} words with its footer"
