"""The USB copy (calcflow.publish.dist) and what it and the printed book read of a built site
(calcflow.publish.sitemap), on a small book and slide set made here: no build, no browser.
The real build, unzipped and opened in Chromium, is tests/browser/test_publish.py."""
from __future__ import annotations

import posixpath
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from calcflow.publish.dist import make_zip
from calcflow.publish.sitemap import SiteError, book_pages, decks

REPO = Path(__file__).resolve().parents[1]
NAV = """<nav class="bd-links bd-docs-nav" aria-label="Main">
  <ul><li><a class="reference internal" href="#">Fixture book</a></li></ul>
  <ul><li><a class="reference internal" href="one.html">1. One</a>
        <ul><li><a class="reference internal" href="one.html#part">1.1. A part</a></li></ul></li>
      <li><a class="reference internal" href="sub/two.html">2. Two</a></li></ul>
</nav>"""


def _write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


@pytest.fixture()
def built(tmp_path) -> dict[str, Path]:
    """A book as Jupyter Book lays it out (index.html forwarding to book/intro.html), decks with their index, PDFs."""
    site, slides, pdf = tmp_path / "html", tmp_path / "slides", tmp_path / "pdf"
    _write(site / "index.html", '<meta http-equiv="Refresh" content="0; url=book/intro.html" />')
    _write(site / "book" / "intro.html", f'<html><body>{NAV}<a href="glossary.html">not in the nav</a>'
                                         '<img src="../_images/fig.png" alt="a figure"></body></html>')
    _write(site / "book" / "one.html", f"<html><body>{NAV}<h1 id='part'>One</h1></body></html>")
    _write(site / "book" / "sub" / "two.html", "<html><body><h1>Two</h1></body></html>")
    _write(site / "book" / "glossary.html", "<html><body>Glossary</body></html>")
    _write(site / "_images" / "fig.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    _write(site / "_static" / "style.css", "body { color: #111; }")
    _write(site / ".buildinfo", "# Sphinx build info")
    _write(slides / "index.html", '<ol><li class="deck"><a class="deck-link" href="one.html">One</a></li>'
                                  '<li class="deck"><a class="deck-link" href="two.html">Two</a></li></ol>')
    _write(slides / "one.html", "<html>deck one</html>")
    _write(slides / "two.html", "<html>deck two</html>")
    _write(slides / "reveal.js" / "dist" / "reveal.js", "/* reveal */")
    for name in ("intro", "one", "two", "calcification-pathways"):
        _write(pdf / f"{name}.pdf", b"%PDF-1.4\n% " + name.encode() + b"\n%%EOF\n")
    return {"site": site, "slides": slides, "pdf": pdf, "out": tmp_path / "dist"}


def test_the_book_is_read_in_its_navigations_order(built):
    pages = book_pages(built["site"])
    assert [(p.path, p.title, p.name) for p in pages] == [
        ("book/intro.html", "Fixture book", "intro"), ("book/one.html", "1. One", "one"),
        ("book/sub/two.html", "2. Two", "two")]
    assert [(d.path, d.title) for d in decks(built["slides"])] == [("one.html", "One"), ("two.html", "Two")]


def _zip_files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_the_zip_holds_every_page_deck_and_handout_under_an_index(built):
    target = make_zip(built["site"], built["slides"], built["out"], built["pdf"], version="9.9.9")
    assert target == built["out"] / "calcification-pathways-9.9.9.zip"
    names = set(zipfile.ZipFile(target).namelist())
    expected = ({"index.html"} | {f"book/{f}" for f in _zip_files(built["site"]) - {".buildinfo"}}
                | {f"slides/{f}" for f in _zip_files(built["slides"])} | {f"handouts/{f}" for f in _zip_files(built["pdf"])})
    assert names == expected
    assert "book/.buildinfo" not in names


def _index_links(archive: zipfile.ZipFile) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', archive.read("index.html").decode("utf-8"))


def test_the_index_links_resolve_inside_the_zip(built):
    archive = zipfile.ZipFile(make_zip(built["site"], built["slides"], built["out"], built["pdf"], version="1.0"))
    names = set(archive.namelist())
    links = _index_links(archive)
    for link in links:
        assert not re.match(r"^[a-z]+:|^/", link), f"{link}: the index must link relatively (file:// on a stick)"
        assert posixpath.normpath(link) in names, f"the index links {link}, which is not in the zip"
    # The book's root page first, every page and deck, the slides' own index, the whole book and each page as PDF.
    assert links[0] == "book/book/intro.html"
    assert {"book/book/one.html", "book/book/sub/two.html", "slides/index.html", "slides/one.html",
            "slides/two.html", "handouts/calcification-pathways.pdf", "handouts/one.pdf"} <= set(links)
    assert "book/book/glossary.html" not in links, "only the pages the book's navigation lists"


def test_without_handouts_the_index_has_no_handouts_section(built):
    archive = zipfile.ZipFile(make_zip(built["site"], built["slides"], built["out"], version="1.0"))
    assert not [n for n in archive.namelist() if n.startswith("handouts/")]
    assert "handouts" not in archive.read("index.html").decode("utf-8")


def test_the_zip_is_the_same_bytes_each_time(built, tmp_path):
    first = make_zip(built["site"], built["slides"], tmp_path / "a", built["pdf"], version="1.0").read_bytes()
    second = make_zip(built["site"], built["slides"], tmp_path / "b", built["pdf"], version="1.0").read_bytes()
    assert first == second


def test_the_zip_is_named_with_the_projects_version(built):
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert make_zip(built["site"], built["slides"], built["out"]).name == f"calcification-pathways-{version}.zip"


def _cli(module: str, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *map(str, args)], capture_output=True, text=True,
                          timeout=60, cwd=REPO)


def test_missing_builds_and_handouts_are_named_without_a_traceback(built, tmp_path):
    base = ["--site", built["site"], "--out", built["out"]]
    cases = [
        (["--slides", tmp_path / "nowhere"], [str(tmp_path / "nowhere" / "index.html"), "make slides"]),
        (["--slides", built["slides"], "--pdf", tmp_path / "no-pdf"], ["make pdf", "calcification-pathways.pdf"]),
        (["--slides", built["slides"], "--version", "1.0/../x"], ["'1.0/../x'", "letters, digits"]),
    ]
    for extra, words in cases:
        result = _cli("calcflow.publish.dist", *base, *extra)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.startswith("error: ") and all(w in result.stderr for w in words), result.stderr
    assert not (built["out"] / "calcification-pathways-1.0.zip").exists()
    result = _cli("calcflow.publish.dist", "--site", tmp_path / "no-site", "--slides", built["slides"])
    assert result.returncode == 1 and "make book" in result.stderr and "Traceback" not in result.stderr


def test_the_pdf_command_names_an_unknown_page_and_the_valid_ones(built):
    result = _cli("calcflow.publish.pdf", "--site", built["site"], "--out", built["out"], "one", "tow")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == "error: unknown page 'tow'; choose from: intro, one, two"


def test_a_site_without_the_books_navigation_is_refused(built):
    (built["site"] / "book" / "intro.html").write_text("<html><body>no navigation</body></html>", encoding="utf-8")
    with pytest.raises(SiteError, match="no book navigation"):
        book_pages(built["site"])
