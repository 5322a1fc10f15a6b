"""The slides without a browser: slide breaks (calcflow.publish.slides), the MyST rewrite (calcflow.publish.myst),
the export, and the one offline checker every built page goes through (calcflow.publish.offline)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

from calcflow.publish import myst, offline, slides
from calcflow.publish.myst import myst_to_markdown
from calcflow.publish.slides import SlidesError, mark_slides

REPO_ROOT = Path(__file__).resolve().parents[1]
LONG_PARAGRAPH = " ".join(["A sentence that a lecturer would rather not read off a crowded slide."] * 20)


def _html_output(html: str, **more):
    return new_output("display_data", data={"text/html": html, "text/plain": "<figure>", **more})


def _slide_types(notebook, **kwargs) -> list[str]:
    return [cell.metadata["slideshow"]["slide_type"] for cell in mark_slides(notebook, **kwargs).cells]


@pytest.fixture()
def chapter():
    return new_notebook(cells=[
        new_markdown_cell("# The chapter\n\nWhat it is about, in one short paragraph."),
        new_markdown_cell("A second short paragraph."),
        new_code_cell("figure()", outputs=[new_output("display_data", data={"image/png": "iVBORw0KGgo=",
                                                                             "text/plain": "<Figure>"})]),
        new_markdown_cell("## A section"),
        new_code_cell("flowchart()", outputs=[_html_output("<svg></svg>")]),
        new_markdown_cell("### A detail\n\nOne line about it."),
        new_code_cell("print('ok')", outputs=[new_output("stream", name="stdout", text="ok\n")]),
        new_markdown_cell(LONG_PARAGRAPH),
        new_code_cell("print('more')", outputs=[new_output("stream", name="stdout", text="more\n")]),
        new_code_cell("setup()"),
        new_markdown_cell("Only in the notebook", metadata={"tags": ["remove-cell"]}),
        new_raw_cell("raw"),
    ])


def test_slide_types_follow_headings_room_and_outputs(chapter):
    assert _slide_types(chapter) == [
        "slide",      # "# …" starts a slide
        "fragment",   # a short paragraph that fits: one key press
        "subslide",   # a figure after text: a sub-slide of its own
        "slide",      # "## …" starts a slide
        "-",          # a figure after a lone heading shares its slide
        "subslide",   # "### …" starts a sub-slide
        "-",          # a short text output joins the slide it follows
        "subslide",   # a paragraph that does not fit on the current slide
        "subslide",   # nor does anything after it
        "skip",       # code without outputs
        "skip",       # remove-cell
        "skip",       # raw cells are not shown
    ]


def test_the_notebook_itself_is_not_changed(chapter):
    before = json.dumps(chapter, sort_keys=True)
    deck = mark_slides(chapter)
    assert json.dumps(chapter, sort_keys=True) == before
    assert deck is not chapter and deck.metadata["title"] == "The chapter"


def test_a_long_markdown_cell_is_spread_over_fragments_and_subslides():
    paragraph = "A paragraph of about three lines on a slide at lecture size. " * 3
    cell = new_markdown_cell("\n\n".join(["## Heading", paragraph, "Three things:", "- one\n- two\n- three",
                                          paragraph, paragraph, paragraph, "### Deeper", paragraph]))
    deck = mark_slides(new_notebook(cells=[cell]))
    sources = [part.source for part in deck.cells]
    types = [part.metadata["slideshow"]["slide_type"] for part in deck.cells]
    assert sources[0].startswith("## Heading\n\nA paragraph")  # a heading keeps its first block
    assert sources[1].startswith("Three things:\n\n- one")  # a line ending in ":" keeps what it introduces
    assert types[0] == "slide" and types[1] == "fragment" and "subslide" in types[2:-1]
    assert sources[-1].startswith("### Deeper") and types[-1] == "subslide"
    assert len({part.id for part in deck.cells}) == len(deck.cells), "cell ids must stay unique"
    nbformat.validate(deck)


def test_blocks_keep_fences_and_list_continuations_whole():
    source = "```{admonition} Box\n:class: tip\nFirst.\n\nSecond.\n```\n\n- item\n\n  continued\n\n(target)=\n% note"
    assert myst.markdown_blocks(source) == ["```{admonition} Box\n:class: tip\nFirst.\n\nSecond.\n```",
                                             "- item\n\n  continued"]


def test_rich_outputs_prefer_the_self_contained_html_to_the_widget_view():
    view = {"model_id": "abc", "version_major": 2, "version_minor": 0}
    output = _html_output('<div data-calcflow-static="explorer">static</div>',
                          **{"application/vnd.jupyter.widget-view+json": view})
    notebook = new_notebook(cells=[new_markdown_cell("# T"), new_code_cell("Explorer()", outputs=[output])],
                            metadata={"widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}}}})
    deck = mark_slides(notebook)
    assert "widgets" not in deck.metadata
    assert list(deck.cells[1].outputs[0]["data"]) == ["text/html", "text/plain"]


def test_myst_roles_become_text(monkeypatch):
    citations = {"smith2020": "Smith et al. (2020). A title", "anonymous": "A report without authors (1989)"}
    monkeypatch.setattr("calcflow.model.references.short_citation", lambda key: citations.get(key, key))
    text = ("Seen {cite:p}`smith2020,unknownKey` and by {cite:t}`smith2020`; a {term}`recall <Recall>` "
            "and {term}`DCIS`; see {ref}`the figure <fig-x>` {cite:p}`anonymous`.")
    assert myst_to_markdown(text) == ("Seen (Smith et al. 2020; unknownKey) and by Smith et al. (2020); a recall "
                                      "and DCIS; see the figure (*A report without authors* 1989).")


def test_myst_boxes_become_html():
    box = myst_to_markdown("````{admonition} In plain words\n:class: tip\nA calm *sentence*.\n````")
    assert box.startswith('<div class="calcflow-slide-box tip">\n<p class="calcflow-slide-box-title">In plain words')
    assert "A calm *sentence*." in box and box.rstrip().endswith("</div>")
    answer = myst_to_markdown("```{admonition} Answer\n:class: dropdown\nB2, benign.\n```")
    assert answer.startswith('<details class="calcflow-slide-box">\n<summary>Answer</summary>')
    assert myst_to_markdown(":::{note}\nMind this.\n:::").startswith('<div class="calcflow-slide-box note">')
    assert myst_to_markdown("```{margin}\nAn aside.\n```") == "An aside."  # other directives keep their content


def test_links_to_chapters_lead_to_their_decks():
    text = "Try the [explorer](explore-the-pathway), the [glossary](glossary.md), [a site](https://example.org)."
    assert myst_to_markdown(text, chapters={"explore-the-pathway"}) == (
        "Try the [explorer](explore-the-pathway.html), the glossary, [a site](https://example.org).")


@pytest.fixture()
def reveal_dir(tmp_path) -> Path:
    """A stand-in for node_modules/reveal.js with the files the decks use."""
    root = tmp_path / "reveal.js"
    for name in slides.REVEAL_FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("/* reveal.js stand-in */\n", encoding="utf-8")
    return root


def _write(notebook, path: Path) -> Path:
    nbformat.write(notebook, path)
    return path


def test_a_deck_hides_code_and_loads_only_local_files(tmp_path, reveal_dir, chapter):
    chapter.cells[6].source = "print('ok')  # SECRET-CODE-MARKER"
    decks = slides.build_decks([_write(chapter, tmp_path / "ch.ipynb")], tmp_path / "out", reveal_dir)
    html = decks[0].path.read_text(encoding="utf-8")
    assert decks[0].path.name == "ch.html" and decks[0].title == "The chapter" and decks[0].slides == 2
    assert "SECRET-CODE-MARKER" not in html, "code inputs must be hidden"
    assert offline.remote_loads(html) == []
    assert re.search(r'<script src="reveal\.js/dist/reveal\.js"></script>', html)
    assert 'href="reveal.js/dist/theme/white.css"' in html
    for name in slides.REVEAL_FILES:
        assert (tmp_path / "out" / "reveal.js" / name).is_file()
    assert 'href="ch.html"' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_the_build_fails_on_a_remote_script(tmp_path, reveal_dir):
    notebook = new_notebook(cells=[
        new_markdown_cell("# T"),
        new_code_cell("x", outputs=[_html_output('<script src="https://cdn.example.org/lib.js"></script>')]),
    ])
    with pytest.raises(SlidesError, match=r"t\.html loads from another host: <script src>: https://cdn"):
        slides.build_decks([_write(notebook, tmp_path / "t.ipynb")], tmp_path / "out", reveal_dir)


def test_the_build_fails_without_reveal(tmp_path, chapter):
    with pytest.raises(SlidesError, match="npm ci"):
        slides.build_decks([_write(chapter, tmp_path / "ch.ipynb")], tmp_path / "out", tmp_path / "missing")


@pytest.mark.parametrize(("html", "expected"), [
    ('<script src="https://cdn.example.org/a.js"></script>', ["<script src>: https://cdn.example.org/a.js"]),
    ('<link rel="stylesheet" href="//fonts.example.org/f.css">', ["<link href>: //fonts.example.org/f.css"]),
    ('<img srcset="local.png 1x, http://example.org/b.png 2x">', ["<img srcset>: http://example.org/b.png"]),
    ("<style>@import url(https://fonts.example.org/css);</style>", ["<style>: https://fonts.example.org/css"]),
    ('<style>.a { background: url("http://example.org/i.png") }</style>', ["<style>: http://example.org/i.png"]),
    ('<script type="module">import x from "https://esm.example.org/x.js";</script>',
     ["<script> import: https://esm.example.org/x.js"]),
    ('<a href="https://example.org/">a link is not a load</a>', []),
    ('<svg xmlns="http://www.w3.org/2000/svg"></svg><script src="reveal.js/dist/reveal.js"></script>', []),
    ('<link rel="canonical" href="https://example.org/page">', []),
])
def test_remote_loads_are_found(html, expected):
    assert offline.remote_loads(html) == expected


@pytest.mark.parametrize(("href", "expected"), [
    ("https://example.org/", None),
    ("mailto:someone@example.org", None),
    ("data:image/png;base64,iVBORw0KGgo=", None),
    ("intro.html#who-this-book-is-for", None),
    ("#who-this-book-is-for", None),
    ("./", None),  # a folder means its index.html
    ("intro.html#no-such-section", "no element with id 'no-such-section' in book/intro.html"),
    ("missing.html", "book/missing.html does not exist"),
    ("/book/intro.html", "root-absolute"),
    ("../../outside.html", "points outside the site"),
])
def test_a_link_resolves_to_a_file_of_the_site_or_says_why_not(tmp_path, href, expected):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "intro.html").write_text('<h2 id="who-this-book-is-for">Who</h2>', encoding="utf-8")
    (tmp_path / "book" / "index.html").write_text("<p>Contents</p>", encoding="utf-8")
    problem = offline.link_problem(tmp_path, "book/intro.html", href)
    assert problem is None if expected is None else expected in problem, problem


def test_the_site_check_names_every_page_and_sheet_that_would_fail_offline(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "ok.js").write_text("", encoding="utf-8")
    (tmp_path / "_static" / "theme.css").write_text(
        '@import url("https://fonts.example.org/f.css"); .a { background: url(missing.png) } '
        ".b { background: url(data:image/png;base64,AAAA) }", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="_static/theme.css"><script src="_static/ok.js"></script>'
        '<script src="_static/gone.js"></script><img src="https://example.org/i.png" alt="i">'
        '<a href="https://example.org/">out</a> <a href="other.html#top">on</a> <a href="other.html#nowhere">off</a>',
        encoding="utf-8")
    (tmp_path / "other.html").write_text('<h1 id="top">Other</h1><a href="index.html">back</a>', encoding="utf-8")
    assert offline.check_site(tmp_path) == [
        "index.html needs a missing file: <script src>: _static/gone.js: _static/gone.js does not exist",
        "index.html loads from another host: <img src>: https://example.org/i.png",
        "index.html has a broken link: other.html#nowhere: no element with id 'nowhere' in other.html",
        "_static/theme.css loads from another host: https://fonts.example.org/f.css",
        "_static/theme.css needs a missing file: missing.png: _static/missing.png does not exist",
    ]


def test_reveal_is_pinned_exactly_and_locked():
    package = json.loads((REPO_ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((REPO_ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pinned = package["dependencies"]["reveal.js"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), f"pin reveal.js to one version, not {pinned!r}"
    assert lock["packages"]["node_modules/reveal.js"]["version"] == pinned
    assert lock["packages"]["node_modules/reveal.js"]["integrity"].startswith("sha512-")
