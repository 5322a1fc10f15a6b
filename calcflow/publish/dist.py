"""The USB copy: one zip holding the built book, the slide decks and (when printed) the PDF handouts, with an index
page at its top that links them, all opened from disk (file://) with no network.

    python -m calcflow.publish.dist --site _build/html --slides _build/slides [--pdf _build/pdf] --out _build/dist

writes out/calcification-pathways-<version>.zip (the version is pyproject.toml's):

    index.html   start here: the book's pages, the decks and the handouts, each a link
    book/        the built book (_build/html) as it is
    slides/      the decks (_build/slides), reveal.js and their own PDF handouts beside them
    handouts/    the printed book (calcflow.publish.pdf): a PDF a page, and the whole book

The zip is the same bytes for the same files (entries in order, one fixed date), and it is checked before it is
kept: every link and load of the index page leads to a file in the zip.
"""
from __future__ import annotations

import argparse
import html
import os
import re
import sys
import time
import tomllib
import zipfile
from pathlib import Path, PurePosixPath

from calcflow.publish.offline import page_references
from calcflow.publish.pdf import BOOK_PDF
from calcflow.publish.sitemap import Page, SiteError, book_pages, decks, root_page

REPO_ROOT = Path(__file__).resolve().parents[2]
DISTRIBUTION = "calcification-pathways"
BOOK_DIR, SLIDES_DIR, HANDOUTS_DIR = "book", "slides", "handouts"
DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: the same bytes whenever the zip is made
STORED = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".pdf", ".zip", ".gz"}  # compressed already
VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+_-]*")


class DistError(SiteError):
    """A zip that would not work from a USB stick, or something to put in it that is not there."""


def project_version(root: Path = REPO_ROOT) -> str:
    """The version in root/pyproject.toml; where there is none (an installed calcflow), the installed one's."""
    pyproject = Path(root) / "pyproject.toml"
    if pyproject.is_file():
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    from importlib.metadata import version

    return version(DISTRIBUTION)


def _files(folder: Path) -> list[tuple[str, Path]]:
    """Every file under `folder` as (path relative to it, file), in order; hidden files (.buildinfo) left out."""
    found = []
    for path in Path(folder).rglob("*"):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            found.append((relative.as_posix(), path))
    return sorted(found)


def _link(href: str, text: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(text)}</a>'


def index_page(version: str, book: list[Page], root: str, slide_decks: list[Page],
               handouts: list[tuple[str, str]]) -> str:
    """The zip's top page; `handouts` are (path in the zip, title)."""
    pages = "\n".join(f"      <li>{_link(f'{BOOK_DIR}/{page.path}', page.title)}</li>" for page in book)
    deck_items = "\n".join(f"      <li>{_link(f'{SLIDES_DIR}/{deck.path}', deck.title)}</li>" for deck in slide_decks)
    printed = ""
    if handouts:
        items = "\n".join(f"      <li>{_link(path, title)}</li>" for path, title in handouts)
        printed = f"""
  <section aria-labelledby="handouts">
    <h2 id="handouts">Printed handouts (PDF)</h2>
    <p>Each page of the book as a PDF to print or hand out, and the whole book in one file.</p>
    <ul>
{items}
    </ul>
  </section>
"""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Calcification Pathways {html.escape(version)}</title>
<style>
body {{ font-family: system-ui, sans-serif; font-size: 1.15rem; line-height: 1.5; max-width: 52rem; margin: 2rem auto;
        padding: 0 1rem; color: #111; }}
a {{ color: #0b5394; }}
.start {{ font-size: 1.3rem; font-weight: 700; }}
section {{ margin-top: 2rem; }}
ul {{ list-style: none; padding-left: 1rem; }}
</style>
</head>
<body>
<main>
  <h1>Calcification Pathways</h1>
  <p>A teaching book for medical students on breast calcifications, version {html.escape(version)}.
  <strong>For teaching, not for diagnosis.</strong></p>
  <p>Everything here works from this folder, a USB stick included, with no network: open this page in a web browser.
  Keep the folders beside it where they are.</p>
  <section aria-labelledby="book">
    <h2 id="book">The book</h2>
    <p class="start">{_link(f"{BOOK_DIR}/{root}", "Open the book")}</p>
    <ul>
{pages}
    </ul>
  </section>
  <section aria-labelledby="slides">
    <h2 id="slides">Lecture slides</h2>
    <p class="start">{_link(f"{SLIDES_DIR}/index.html", "All slide decks")}</p>
    <p>A deck per chapter. Press <kbd>F</kbd> for full screen and move with the arrow keys; <kbd>S</kbd> opens
    the speaker notes.</p>
    <ul>
{deck_items}
    </ul>
  </section>
{printed}</main>
</body>
</html>
"""


def _unresolved(page: str, names: set[str]) -> list[str]:
    """The links and loads of the page (at the zip's top) that lead to no file in the zip."""
    references = page_references(page)
    missing = []
    for url in [*references.links, *(url for _, url in references.loads)]:
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.IGNORECASE) or url.startswith("#"):
            missing += [url] if url.lower().startswith("file:") else []
            continue
        path = url.split("#")[0].split("?")[0]
        target = path + "index.html" if path.endswith("/") or not path else path
        if target not in names:
            missing.append(url)
    return missing


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=DATE)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_STORED if PurePosixPath(name).suffix.lower() in STORED else zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def make_zip(site: Path, slides: Path, out: Path, pdf: Path | None = None, version: str | None = None) -> Path:
    """Write out/calcification-pathways-<version>.zip (see the module's docstring) and return its path."""
    version = version or project_version()
    if not VERSION.fullmatch(version):
        raise DistError(f"version {version!r} cannot be part of a file name: use letters, digits and . + _ -")
    site, slides, out = Path(site), Path(slides), Path(out)
    book, root, slide_decks = book_pages(site), root_page(site), decks(slides)
    entries = [(f"{BOOK_DIR}/{name}", path) for name, path in _files(site)]
    entries += [(f"{SLIDES_DIR}/{name}", path) for name, path in _files(slides)]
    handouts = []
    if pdf is not None:
        printed = {page.name: Path(pdf) / f"{page.name}.pdf" for page in book}
        missing = [str(path) for path in [Path(pdf) / BOOK_PDF, *printed.values()] if not path.is_file()]
        if missing:
            raise DistError(f"PDF handouts missing (run `make pdf`): {', '.join(missing)}")
        handouts = [(f"{HANDOUTS_DIR}/{BOOK_PDF}", "The whole book, in one PDF")]
        handouts += [(f"{HANDOUTS_DIR}/{page.name}.pdf", page.title) for page in book]
        entries += [(name, Path(pdf) / PurePosixPath(name).name) for name, _ in handouts]
    page = index_page(version, book, root, slide_decks, handouts)
    unresolved = _unresolved(page, {name for name, _ in entries})
    if unresolved:
        raise DistError(f"the index page links files that are not in the zip: {', '.join(unresolved)}")

    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{DISTRIBUTION}-{version}.zip"
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compresslevel=6) as archive:
        _add(archive, "index.html", page.encode("utf-8"))
        for name, path in entries:
            _add(archive, name, path.read_bytes())
    os.replace(partial, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m calcflow.publish.dist", description=__doc__.split("\n\n")[0])
    build = REPO_ROOT / "_build"
    parser.add_argument("--site", type=Path, default=build / "html", help="the built book (make book)")
    parser.add_argument("--slides", type=Path, default=build / "slides", help="the built decks (make slides)")
    parser.add_argument("--pdf", type=Path, help="the printed book to add as handouts (make pdf; default: none)")
    parser.add_argument("--out", type=Path, default=build / "dist", help="where the zip goes")
    parser.add_argument("--version", help="the version in the zip's name (default: pyproject.toml's)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        target = make_zip(args.site, args.slides, args.out, args.pdf, args.version)
    except (SiteError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    with zipfile.ZipFile(target) as archive:
        count = len(archive.namelist())
    print(f"{target}: {count} files, {target.stat().st_size / 2**20:.1f} MiB, in {time.perf_counter() - started:.1f} s "
          "(unzip it and open index.html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
