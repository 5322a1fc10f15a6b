"""Lecture slides from the chapters: one reveal.js deck per notebook, opened from a USB stick with no network.

    python -m calcflow.publish.slides --out _build/slides --reveal node_modules/reveal.js book/01-….ipynb …

`mark_slides` decides the slide breaks on a copy of a notebook (the notebook itself is never changed), after
splitting each markdown cell into its blocks (paragraphs, lists, boxes) so that a long cell cannot run off a slide:
  - markdown that starts with a `#` or `##` heading begins a new slide;
  - markdown that starts with a deeper heading begins a sub-slide (reveal.js stacks it under its slide);
  - other markdown appears as a fragment (one key press each) while the slide has room, else on a sub-slide;
  - a figure, table, flowchart or widget (any output richer than text) gets a sub-slide of its own, unless the slide
    so far holds only a heading — then it shares that slide;
  - cells without anything to show (code without outputs, `remove-cell`) are skipped.
Code inputs are never shown: the readers are students, not programmers. MyST markup that plain Markdown does not
know (`{cite:p}` roles, admonition and dropdown fences) is rewritten into text and HTML boxes (`calcflow.publish.myst`).

`export_deck` writes a deck with nbconvert's SlidesExporter through `templates/slides.html.j2`, which loads reveal.js
from the folder beside the deck and nothing from any other host; widget outputs show through their text/html
representation, with each widget's code inline (`calcflow.publish.widget_code`; no kernel, no widget manager).
`build_decks` exports every notebook, copies the reveal.js files the decks use, writes an index page, and fails if
any deck or copied style sheet would not work offline (`calcflow.publish.offline`: a load from another host, or a
file that is not there).
"""
from __future__ import annotations

import argparse
import copy
import html
import math
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from calcflow.errors import CalcflowError
from calcflow.publish.authored import author_deck, is_authored
from calcflow.publish.myst import TARGET_OR_COMMENT, embed_images, markdown_blocks, myst_to_markdown
from calcflow.publish.offline import check_site
from calcflow.publish.widget_code import with_widget_code

REPO_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = Path(__file__).parent / "templates" / "slides.html.j2"
REVEAL_DIR_NAME = "reveal.js"  # the folder beside the decks, and SlidesExporter.reveal_url_prefix
REVEAL_THEME = "white"  # its fonts are embedded in the CSS; several other themes import Google Fonts
# What the decks load from the npm package (pinned in package.json / package-lock.json), plus its licence.
REVEAL_FILES = ("dist/reveal.js", "dist/reveal.css", f"dist/theme/{REVEAL_THEME}.css", "dist/plugin/notes.js",
                "LICENSE")

# Output types in order of preference: the self-contained text/html of a widget before the widget view (which
# needs a kernel or a widget manager from a CDN); HTML tables before their MyST Markdown twin.
DISPLAY_PRIORITY = ["text/html", "image/svg+xml", "image/png", "image/jpeg", "text/markdown", "text/latex",
                    "application/javascript", "text/plain"]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
RICH_OUTPUTS = frozenset(DISPLAY_PRIORITY[:4]) | {"application/javascript", WIDGET_VIEW}

# How much fits on one slide at lecture size: lines of about LINE_CHARACTERS characters.
SLIDE_LINES = 14
LINE_CHARACTERS = 72
HEADING_LINES = 2

SLIDE_HEADING = re.compile(r"^ {0,3}#{1,2}(\s|$)")
SUBSLIDE_HEADING = re.compile(r"^ {0,3}#{3,6}(\s|$)")


class SlidesError(CalcflowError):
    """A deck that cannot be built, or one that would need the network."""


@dataclass
class Deck:
    path: Path
    title: str
    slides: int  # top-level slides (authored decks: sub-slides too, each a page of the handout); not fragments
    authored: bool = False  # written for the deck (calcflow.publish.authored), not cut from the chapter


# --- slide breaks -------------------------------------------------------------------------------------------------

def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip() and not TARGET_OR_COMMENT.match(line):
            return line
    return ""


def _text_lines(text: str) -> float:
    """Screen lines that `text` takes at lecture size (wrapped at LINE_CHARACTERS; a blank line counts half)."""
    return sum(math.ceil(len(line) / LINE_CHARACTERS) if line.strip() else 0.5 for line in text.splitlines())


def _output_size(outputs) -> float:
    """A rich output fills a slide; text outputs take their lines."""
    lines = 0.0
    for output in outputs:
        data = output.get("data", {})
        if RICH_OUTPUTS & set(data):
            return SLIDE_LINES
        text = output.get("text") or data.get("text/plain") or "".join(output.get("traceback", []))
        lines += _text_lines(text if isinstance(text, str) else "".join(text))
    return lines


def _shown_outputs(cell) -> list:
    return [] if "remove-output" in _tags(cell) else list(cell.get("outputs", []))


def mark_slides(notebook, chapters=frozenset(), notebook_dir: Path | None = None):
    """A copy of `notebook` with reveal.js slide types in `metadata.slideshow.slide_type`, as described above.

    On the copy, a markdown cell is first split into its blocks (paragraphs, lists, boxes; a heading, or a line
    ending in ":", stays with the block after it), so a long cell is spread over fragments and sub-slides instead of
    running off the slide. Also on the copy: markdown rewritten from MyST to plain Markdown/HTML (links to the
    `chapters` — notebook names without suffix — lead to their decks), images of the markdown (files relative to
    `notebook_dir`) embedded, `remove-output` outputs and widget views dropped, saved widget state removed, and the
    first heading stored as `metadata.title` (the deck's title).
    """
    deck = copy.deepcopy(notebook)
    deck.metadata.pop("widgets", None)
    deck.metadata.setdefault("title", deck_title(notebook))
    cells = []
    for cell in deck.cells:
        if cell.cell_type == "code":
            cell.outputs = [_without_widget_view(output) for output in _shown_outputs(cell)]
            cells.append(cell)
        elif cell.cell_type == "markdown":
            for number, block in enumerate(markdown_blocks(cell.source)):
                part = copy.deepcopy(cell)
                part.source = myst_to_markdown(block, chapters)
                if notebook_dir is not None:
                    part.source = embed_images(part.source, Path(notebook_dir))
                if number and "id" in part:
                    part.id = f"{cell.id}-{number}"[:64]
                cells.append(part)
        else:
            cells.append(cell)
    used = 0.0  # lines used on the current (sub-)slide
    for cell in cells:
        slide_type, used = _slide_type(cell, used)
        cell.metadata["slideshow"] = {"slide_type": slide_type}
    deck.cells = cells
    return deck


def _slide_type(cell, used: float) -> tuple[str, float]:
    """The slide type for `cell`, and the lines used on its slide once it is placed."""
    if "remove-cell" in _tags(cell) or cell.cell_type == "raw":
        return "skip", used
    if cell.cell_type == "markdown":
        if not cell.source.strip():
            return "skip", used
        size = _text_lines(cell.source)
        first = _first_line(cell.source)
        if SLIDE_HEADING.match(first):
            return "slide", size
        if SUBSLIDE_HEADING.match(first) or used + size > SLIDE_LINES:
            return "subslide", size
        return "fragment", used + size
    if not cell.outputs:
        return "skip", used
    size = _output_size(cell.outputs)
    if size >= SLIDE_LINES:  # a figure, table or widget
        return ("-", used + size) if used <= HEADING_LINES else ("subslide", size)
    return ("-", used + size) if used + size <= SLIDE_LINES else ("subslide", size)


def _without_widget_view(output):
    if WIDGET_VIEW in output.get("data", {}):
        output = copy.deepcopy(output)
        del output["data"][WIDGET_VIEW]
    return output


def deck_title(notebook) -> str:
    """The text of the notebook's first heading (the chapter title), without Markdown emphasis."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                match = re.match(r"^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
                if match:
                    return re.sub(r"[*_`]", "", myst_to_markdown(match.group(1)))
    return "Slides"


# --- export -------------------------------------------------------------------------------------------------------

def slides_exporter():
    """nbconvert's SlidesExporter configured for offline decks with hidden code."""
    from nbconvert import SlidesExporter
    from traitlets.config import Config

    config = Config()
    config.NbConvertBase.display_data_priority = DISPLAY_PRIORITY
    # Through the config, not attributes: the exporter builds its Jinja environment (template paths) when created.
    config.SlidesExporter.extra_template_paths = [str(TEMPLATE.parent)]
    config.SlidesExporter.template_file = TEMPLATE.name
    config.SlidesExporter.reveal_url_prefix = REVEAL_DIR_NAME
    config.SlidesExporter.reveal_theme = REVEAL_THEME
    config.SlidesExporter.reveal_transition = "fade"
    config.SlidesExporter.reveal_width, config.SlidesExporter.reveal_height = "1280", "720"
    # The template empties the blocks that use these; pointing them at nothing keeps a future template change
    # from quietly reaching a CDN (the written HTML is checked as well).
    for url in ("require_js_url", "jquery_url", "mathjax_url", "mermaid_js_url", "mermaid_layout_elk_js_url",
                "font_awesome_url", "widget_renderer_url", "jupyter_widgets_base_url"):
        config.SlidesExporter[url] = ""
    for exclude in ("exclude_input", "exclude_input_prompt", "exclude_output_prompt", "exclude_anchor_links"):
        config.SlidesExporter[exclude] = True
    exporter = SlidesExporter(config=config)
    return exporter


def export_deck(notebook_path: Path, out_dir: Path, exporter=None, chapters=frozenset()) -> "Deck":
    """Write `out_dir/<notebook stem>.html` from the notebook's stored outputs (nothing is executed)."""
    notebook_path = Path(notebook_path)
    notebook = nbformat.read(notebook_path, as_version=4)
    if is_authored(notebook):  # slides written for the deck, the prose as speaker notes (calcflow.publish.authored)
        try:
            deck = author_deck(notebook, chapters, notebook_path.parent)
        except ValueError as error:
            raise SlidesError(f"{notebook_path}: {error}") from error
        deck.metadata.setdefault("title", deck_title(notebook))
    else:
        deck = mark_slides(notebook, chapters, notebook_path.parent)
    exporter = exporter or slides_exporter()
    resources = {"metadata": {"name": notebook_path.stem, "path": str(notebook_path.parent)}}
    try:
        body, _ = exporter.from_notebook_node(deck, resources=resources)
    except ValueError as error:  # e.g. "All cells are hidden, cannot create slideshow"
        raise SlidesError(f"{notebook_path}: {error}") from error
    target = Path(out_dir) / f"{notebook_path.stem}.html"
    target.write_text(with_widget_code(body), encoding="utf-8")  # a stored widget output holds only its state
    slide_types = [cell.metadata["slideshow"]["slide_type"] for cell in deck.cells]
    slides = slide_types.count("slide") + (slide_types.count("subslide") if is_authored(notebook) else 0)
    return Deck(target, deck.metadata["title"], max(slides, 1), is_authored(notebook))


# --- the whole set ------------------------------------------------------------------------------------------------

def copy_reveal(reveal_dir: Path, out_dir: Path) -> None:
    """Copy the reveal.js files the decks use from the npm package into out_dir/reveal.js/."""
    reveal_dir = Path(reveal_dir)
    missing = [name for name in REVEAL_FILES if not (reveal_dir / name).is_file()]
    if missing:
        raise SlidesError(f"{reveal_dir} lacks {', '.join(missing)}: install reveal.js with "
                          "`npm ci --no-audit --no-fund` (or run `make slides`)")
    for name in REVEAL_FILES:
        target = out_dir / REVEAL_DIR_NAME / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(reveal_dir / name, target)


def build_decks(notebooks: list[Path], out_dir: Path, reveal_dir: Path, handouts: bool = False) -> list[Deck]:
    """A deck per notebook in out_dir, with reveal.js beside them and an index page; checked to work offline.

    With `handouts`, the local Chromium also prints each authored deck to out_dir/pdf/ and draws a thumbnail of
    every deck's first slide for the index (calcflow.publish.handouts)."""
    out_dir = Path(out_dir)
    if not notebooks:
        raise SlidesError("no notebooks given: nothing to make slides from")
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_reveal(reveal_dir, out_dir)
    exporter = slides_exporter()
    chapters = frozenset(Path(path).stem for path in notebooks)
    decks = [export_deck(path, out_dir, exporter, chapters) for path in notebooks]
    made = {}
    if handouts:
        from calcflow.publish.handouts import handouts as make_handouts

        made = make_handouts(decks, out_dir)
    write_index(decks, out_dir, made)
    problems = check_site(out_dir)
    if problems:
        raise SlidesError("the slides would not work offline:\n  " + "\n  ".join(problems))
    return decks


MINUTES_PER_SLIDE = 1  # about a minute a slide, for the time a deck takes to present


def _index_item(deck: Deck, out_dir: Path, files: dict) -> str:
    """One deck on the index: thumbnail, title (the link), slide count and minutes, and its PDF handout."""
    name = html.escape(deck.path.name)
    thumb = files.get("thumbnail")
    image = (f'<img src="{html.escape(thumb.relative_to(out_dir).as_posix())}" width="480" height="270" '
             f'alt="First slide of {html.escape(deck.title)}">' if thumb else "")
    pdf = files.get("pdf")
    handout = (f' · <span class="handout">PDF handout: <a download href="{html.escape(pdf.relative_to(out_dir).as_posix())}">'
               f"{html.escape(pdf.name)}</a></span>" if pdf else "")
    minutes = deck.slides * MINUTES_PER_SLIDE
    return (f'    <li class="deck">{image}<div><a class="deck-link" href="{name}">{html.escape(deck.title)}</a>'
            f'<p><span class="slides">{deck.slides} slides</span> · '
            f'<span class="minutes">about {minutes} minute{"s" if minutes != 1 else ""}</span>{handout}</p></div></li>')


def write_index(decks: list[Deck], out_dir: Path, made: dict | None = None) -> Path:
    out_dir = Path(out_dir)
    items = "\n".join(_index_item(deck, out_dir, (made or {}).get(deck.path.name, {})) for deck in decks)
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Calcification Pathways — slides</title>
<style>
body {{ font-family: system-ui, sans-serif; font-size: 1.4rem; line-height: 1.5; max-width: 64rem; margin: 2rem auto;
        padding: 0 1rem; color: #111; }}
li.deck {{ display: flex; gap: 1.2rem; align-items: center; margin: 0 0 1.2rem; }}
li.deck img {{ width: 240px; height: auto; border: 1px solid #767676; flex: none; }}
li.deck p {{ margin: 0.2rem 0; }}
a {{ color: #0b5394; }}
</style>
</head>
<body>
<h1>Calcification Pathways — slides</h1>
<p>One deck per chapter. Open one, press <kbd>F</kbd> for full screen, and move with the arrow keys
(<kbd>Esc</kbd> shows every slide, <kbd>S</kbd> opens the speaker view). No network is needed.</p>
<p>Each deck shows its slide count and about how long it takes (a minute a slide). A deck written for lecturing
has a PDF handout, one slide a page.</p>
<ol>
{items}
</ol>
<p><strong>For teaching, not for diagnosis.</strong></p>
</body>
</html>
"""
    target = out_dir / "index.html"
    target.write_text(page, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m calcflow.publish.slides", description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", type=Path, help="the chapter notebooks, in reading order")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "_build" / "slides", help="where the decks go")
    parser.add_argument("--no-handouts", action="store_true",
                        help="skip the PDF handouts and thumbnails (they need Chromium at /usr/bin/chromium)")
    parser.add_argument("--reveal", type=Path, default=REPO_ROOT / "node_modules" / "reveal.js",
                        help="the installed npm package reveal.js (npm ci)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        decks = build_decks(args.notebooks, args.out, args.reveal, handouts=not args.no_handouts)
    except (SlidesError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for deck in decks:
        print(f"  {deck.path}  {deck.slides:3d} slides  {deck.path.stat().st_size / 1024:7.0f} KiB  {deck.title}")
    print(f"{len(decks)} deck(s) in {args.out}/ (open {args.out}/index.html) "
          f"in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
