"""Decks authored for lecturing, in the chapter's own notebook, with Jupyter's slideshow cell metadata.

A notebook is *authored* once it has a cell tagged `slide-only` (with `remove-cell` too, so the book drops it). Its
deck is then made of, in notebook order:
  - the slide-only cells (markdown: a title and at most five short points; code: a figure, a path flowchart or a
    vote case made only for the slides), each with `metadata.slideshow.slide_type` slide, subslide or fragment
    (slide when left out);
  - the book's own cells that the author marked with a slide type (slide, subslide, fragment, or "-" to join the
    slide before), e.g. a figure or widget cell reused as a figure slide, so no figure is drawn twice;
  - every other markdown cell — the chapter's prose — as speaker notes of the slide it follows (reveal.js
    `<aside class="notes">`, shown by S); prose before the first slide goes to the first slide's notes;
  - other code cells are left out.
Citations in slide cells ({cite:p}`key`) become numbered markers "[1]" and a short footer on their slide ("1 D'Orsi
et al. 2013"); numbers run through the deck, and last slides list the full references
(`calcflow.model.references.full_reference`), REFERENCES_PER_SLIDE to a slide.
"""
from __future__ import annotations

import copy
import html
import re

from calcflow.model.references import full_reference
from calcflow.publish.myst import CITE_ROLE, author_year, embed_images, myst_to_markdown

SLIDE_ONLY = "slide-only"
SHOWN_TYPES = ("slide", "subslide", "fragment", "-")
STARTS = ("slide", "subslide")
REFERENCES_PER_SLIDE = 4
FOOTER_TITLE_WORDS = 4
# Issuing bodies as a footer names them (the references slide spells them out).
FOOTER_BODIES = {
    "The Royal College of Radiologists": "RCR", "American College of Radiology": "ACR",
    "American Society of Breast Surgeons": "ASBrS", "Public Health England": "PHE",
    "National Institute for Health and Care Excellence": "NICE", "US Preventive Services Task Force": "USPSTF",
    "European Commission Initiative on Breast Cancer": "ECIBC", "U.S. Food and Drug Administration": "US FDA",
    "Department of Health and Social Care": "DHSC",
}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _slide_type(cell) -> str | None:
    return (cell.get("metadata", {}).get("slideshow") or {}).get("slide_type")


def is_slide_only(cell) -> bool:
    return SLIDE_ONLY in _tags(cell)


def is_authored(notebook) -> bool:
    """Whether the notebook carries slides written for its deck (any cell tagged slide-only)."""
    return any(is_slide_only(cell) for cell in notebook.cells)


def is_shown(cell) -> bool:
    """A cell that appears on a slide of an authored deck (the rest are notes or left out)."""
    return is_slide_only(cell) or _slide_type(cell) in SHOWN_TYPES


def author_deck(notebook, chapters=frozenset(), notebook_dir=None):
    """A copy of an authored notebook laid out as its deck (see the module's docstring); the notebook is unchanged."""
    deck = copy.deepcopy(notebook)
    deck.metadata.pop("widgets", None)
    deck.metadata["calcflow_deck"] = "authored"
    cells, early_notes = [], []
    for cell in deck.cells:
        slide_type = _slide_type(cell) or "slide"
        if is_shown(cell):
            cell.metadata["slideshow"] = {**(cell.metadata.get("slideshow") or {}), "slide_type": slide_type}
            if cell.cell_type == "code":
                cell.outputs = [] if "remove-output" in _tags(cell) else [_without_view(o) for o in cell.outputs]
            cells.append(cell)
        elif cell.cell_type == "markdown" and "remove-cell" not in _tags(cell) and cell.source.strip():
            cell.source = myst_to_markdown(cell.source, chapters)
            cell.metadata["slideshow"] = {"slide_type": "notes"}
            (cells if cells else early_notes).append(cell)
    if not cells:
        raise ValueError("the notebook has no slide cells")
    cells[1:1] = early_notes
    cells += _number_citations(cells)
    for cell in cells:
        if cell.cell_type == "markdown" and cell.metadata["slideshow"]["slide_type"] != "notes":
            cell.source = myst_to_markdown(cell.source, chapters)
        if cell.cell_type == "markdown" and notebook_dir is not None:
            cell.source = embed_images(cell.source, notebook_dir)
    deck.cells = cells
    return deck


def _without_view(output):
    if WIDGET_VIEW in output.get("data", {}):
        output = copy.deepcopy(output)
        del output["data"][WIDGET_VIEW]
    return output


def _slides(cells) -> list[list]:
    """The shown cells grouped by (sub-)slide."""
    groups: list[list] = []
    for cell in cells:
        kind = cell.metadata["slideshow"]["slide_type"]
        if kind == "notes":
            continue
        if kind in STARTS or not groups:
            groups.append([])
        groups[-1].append(cell)
    return groups


def _number_citations(cells) -> list:
    """Replace the cite roles of slide cells by numbers, add each slide's footer; the reference slides (cells)."""
    numbers: dict[str, int] = {}
    for group in _slides(cells):
        cited: list[str] = []

        def marker(match) -> str:
            keys = [key.strip() for key in match.group("keys").split(",") if key.strip()]
            for key in keys:
                numbers.setdefault(key, len(numbers) + 1)
                cited.append(key) if key not in cited else None
            return "[" + ", ".join(str(numbers[key]) for key in keys) + "]"

        for cell in group:
            if cell.cell_type == "markdown":
                cell.source = CITE_ROLE.sub(marker, cell.source)
        if cited:
            first = next((cell for cell in group if cell.cell_type == "markdown"), None)
            footer = " · ".join(f"{numbers[key]} {footer_label(key)}" for key in cited)
            footer = f'\n\n<footer class="calcflow-cite-footer">{footer}</footer>\n'
            if first is None:
                raise ValueError("a slide that cites needs a markdown cell for its footer")
            first.source += footer
    return reference_slides(numbers)


def footer_label(key: str) -> str:
    """A source as a slide's footer names it, in HTML: "D'Orsi et al. 2013"; a source without authors by the
    first FOOTER_TITLE_WORDS words of its title, in italics ("<em>Randomised controlled trial of…</em> 2014"); an
    issuing body by its usual initials ("RCR 2019"). The references slide gives each in full."""
    who, year = author_year(key)
    if who.startswith("*") and who.endswith("*"):
        words = re.sub(r"^[A-Z]{1,3}\.\d+\.\s+", "", who.strip("*")).split()  # a congress abstract's number
        title = " ".join(words[:FOOTER_TITLE_WORDS]) + ("…" if len(words) > FOOTER_TITLE_WORDS else "")
        return f"<em>{html.escape(title)}</em> {html.escape(year)}".strip()
    return html.escape(f"{FOOTER_BODIES.get(who, who)} {year}".strip())


def reference_slides(numbers: dict[str, int]) -> list:
    """Markdown cells listing the references in full, in their numbers' order, REFERENCES_PER_SLIDE to a slide."""
    from nbformat.v4 import new_markdown_cell

    keys = sorted(numbers, key=numbers.get)
    chunks = [keys[i:i + REFERENCES_PER_SLIDE] for i in range(0, len(keys), REFERENCES_PER_SLIDE)]
    slides = []
    for index, chunk in enumerate(chunks):
        items = "".join(f'<li value="{numbers[key]}">{html.escape(full_reference(key))}</li>' for key in chunk)
        title = "References" + (f" ({index + 1}/{len(chunks)})" if len(chunks) > 1 else "")
        slides.append(new_markdown_cell(f'## {title}\n\n<ol class="calcflow-references">{items}</ol>', metadata={
            "slideshow": {"slide_type": "slide", "data": {"calcflow": "references"}}}))
    return slides
