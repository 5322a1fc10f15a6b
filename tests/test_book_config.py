"""Fast checks of the book's configuration and of the built HTML, without a browser.

The configuration checks go through Jupyter Book's own translation of _config.yml into the Sphinx configuration,
so they test what Sphinx is given, not only what the YAML says.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from calcflow.publish.offline import check_site

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/ may or may not become a package
from toc_notebooks import REPO_ROOT, toc_files, toc_notebooks  # noqa: E402

CONFIG_PATH = REPO_ROOT / "_config.yml"
# CALCFLOW_SITE_DIR: a book built elsewhere, as for the browser tests (tests/browser/conftest.py).
SITE_DIR = Path(os.environ.get("CALCFLOW_SITE_DIR") or REPO_ROOT / "_build" / "html").resolve()
READER_HIDDEN_TAGS = {"hide-input", "remove-input", "hide-cell", "remove-cell"}
REMOTE_URL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


def running_under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="module")
def book_yaml() -> dict:
    return yaml.safe_load(CONFIG_PATH.read_text(encoding="utf8"))


@pytest.fixture(scope="module")
def sphinx_config(book_yaml) -> dict:
    from jupyter_book.config import get_final_config, validate_yaml

    assert validate_yaml(book_yaml, raise_on_errors=False, print_func=lambda *_: None) is None, (
        "_config.yml does not match Jupyter Book's schema"
    )
    config, _ = get_final_config(
        user_yaml=CONFIG_PATH, cli_config={"latex_individualpages": False}, sourcedir=REPO_ROOT
    )
    return config


def test_bibliography_is_configured_at_top_level(book_yaml, sphinx_config):
    # Jupyter Book 1 loads sphinxcontrib-bibtex only when bibtex_bibfiles is a top-level key.
    assert book_yaml.get("bibtex_bibfiles") == ["calcflow/data/references.bib"]
    assert "bibtex_bibfiles" not in (book_yaml.get("sphinx", {}).get("config") or {})
    assert "sphinxcontrib.bibtex" in sphinx_config["extensions"]
    assert sphinx_config["bibtex_bibfiles"] == ["calcflow/data/references.bib"]


def test_every_notebook_is_executed_by_the_build(sphinx_config):
    assert sphinx_config["nb_execution_mode"] == "force"
    assert sphinx_config["external_toc_exclude_missing"] is True  # only_build_toc_files


def test_nothing_is_configured_to_load_from_a_remote_host(book_yaml, sphinx_config):
    assert "sphinx_thebe" not in sphinx_config["extensions"], "thebe loads from unpkg.com and needs Binder"
    assert book_yaml["launch_buttons"]["thebe"] is False
    assert sphinx_config["nb_ipywidgets_js"] == {}, "myst-nb's defaults load require.js and the widget manager from CDNs"
    assert not REMOTE_URL.match(sphinx_config["mathjax_path"]), "MathJax would be loaded from a CDN"
    assert sphinx_config["html_context"]["default_mode"] == "auto"
    for key in ("html_js_files", "html_css_files"):
        remote = [entry for entry in sphinx_config.get(key, []) if REMOTE_URL.match(str(entry))]
        assert not remote, f"{key} loads from a remote host: {remote}"


def test_pages_stay_light(book_yaml, sphinx_config):
    """Each extension below adds a style sheet or scripts to every page; the book uses none of them (no tabs, cards,
    grids, dropdown admonitions; no code shown, so no copy buttons)."""
    for unused in ("sphinx_design", "sphinx_togglebutton", "sphinx_copybutton"):
        assert unused not in sphinx_config["extensions"], f"{unused} adds weight to every page and is not used"
    assert "calcflow.publish.sphinx" in sphinx_config["extensions"]
    # The book's templates (no Font Awesome script) and static files (favicon, styles, search snippets).
    assert sphinx_config["templates_path"] == ["book/_templates"]
    assert sphinx_config["html_static_path"] == ["book/_static"]
    assert (REPO_ROOT / "book/_templates/layout.html").is_file() and (REPO_ROOT / "book/_templates/search.html").is_file()
    assert sphinx_config["html_css_files"] == ["calcflow-book.css"]
    assert (REPO_ROOT / "book/_static/calcflow-book.css").is_file()
    # `recursive_update`: html_theme_options below add to those Jupyter Book derives (launch buttons, repository).
    assert book_yaml["sphinx"]["recursive_update"] is True
    assert sphinx_config["html_theme_options"]["repository_url"] == book_yaml["repository"]["url"]


def test_one_search_box_and_a_favicon(book_yaml, sphinx_config):
    # pydata-sphinx-theme 0.17 adds its own search field above sphinx-book-theme's unless this is empty.
    assert sphinx_config["html_theme_options"]["navbar_persistent"] == []
    favicon = REPO_ROOT / book_yaml["html"]["favicon"]
    assert sphinx_config["html_favicon"] == "book/_static/favicon.svg"
    assert favicon.is_file() and favicon.stat().st_size < 2_000, "the favicon is a small file of our own"
    assert favicon.read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_code_is_left_out_of_the_pages_and_search_has_snippets(sphinx_config):
    assert sphinx_config["nb_remove_code_source"] is True, "readers see outputs only; the notebook is a download away"
    # The notebook sources are copied into the site (the download button's .ipynb).
    assert sphinx_config["html_copy_source"] is True
    # Sphinx's summaries fetch() each result's page (refused from file://); the book's searchtexts.js replaces them.
    assert sphinx_config["html_show_search_summary"] is False


def test_html_prefers_the_static_widget_view(sphinx_config):
    # A widget output carries a widget view (needs a kernel or a widget manager) and a self-contained text/html
    # view; the HTML book must pick the latter (lower number = preferred, as in myst-nb).
    from myst_nb.core.render import WIDGET_VIEW_MIMETYPE, base_render_priority

    priority = dict(base_render_priority()["html"])
    for builder, mime_type, rank in sphinx_config["nb_mime_priority_overrides"]:
        if builder in ("html", "*"):
            priority[mime_type] = rank
    assert priority["text/html"] is not None and priority["text/html"] < priority[WIDGET_VIEW_MIMETYPE]


def test_toc_lists_existing_files_and_at_least_one_notebook():
    files = toc_files()
    assert files[0].as_posix() == "book/intro.md"
    assert files[-1].as_posix() == "book/bibliography.md"
    assert toc_notebooks(), "_toc.yml lists no notebooks"


@pytest.mark.parametrize("notebook", [path.as_posix() for path in toc_notebooks()])
def test_notebook_hides_code_and_stores_outputs(notebook):
    nb = nbformat.read(REPO_ROOT / notebook, as_version=4)
    shown = []
    never_run = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        if not READER_HIDDEN_TAGS & set(cell.metadata.get("tags", [])):
            shown.append(index)
        if cell.get("execution_count") is None:
            never_run.append(index)
    assert not shown, f"code cells {shown} show their code to readers: tag them `hide-input`"
    # nbval does not compare cells whose stored execution_count is null: strict mode would silently be lax.
    assert not never_run, f"code cells {never_run} have no stored outputs: run `make notebooks`"


# --- the built site (skipped when it is not built, except under CI) ------------------------------------------------

@pytest.fixture(scope="module")
def built_site() -> Path:
    if not (SITE_DIR / "index.html").is_file():
        if running_under_ci():
            pytest.fail("the book is not built (_build/html/index.html missing) — required under CI", pytrace=False)
        pytest.skip("the book is not built: run `make book`")
    return SITE_DIR


def test_the_built_site_works_offline(built_site):
    """Every page and style sheet loads nothing from another host and links only to files that exist
    (calcflow.publish.offline, the one checker; the theme's HTML templates in _static are not pages)."""
    pages = [p for p in built_site.rglob("*.html")
             if not p.relative_to(built_site).parts[0] in ("_static", "_sources", "_images")]
    assert len(pages) >= 15, "fewer pages than the book has"
    problems = check_site(built_site, pages)
    assert not problems, "\n".join(problems)


def test_offline_search_index_is_built(built_site):
    assert (built_site / "searchindex.js").is_file(), "searchindex.js is missing: search would not work"


def test_every_toc_page_is_built(built_site):
    missing = [path.with_suffix(".html").as_posix() for path in toc_files()
               if not (built_site / path.with_suffix(".html")).is_file()]
    assert not missing, f"pages listed in _toc.yml but not built: {missing}"


# --- launch buttons: links out, nothing loaded from those hosts ----------------------------------------------------

LAUNCH_HOSTS = {"binderhub_url": "https://mybinder.org", "colab_url": "https://colab.research.google.com"}


def test_launch_buttons_are_links_to_this_repository(book_yaml, sphinx_config):
    launch = book_yaml["launch_buttons"]
    assert {key: launch[key] for key in LAUNCH_HOSTS} == LAUNCH_HOSTS
    assert launch["thebe"] is False and not launch["jupyterhub_url"], "thebe loads scripts; a hub needs a server"
    assert book_yaml["repository"]["url"].startswith("https://github.com/"), "Binder and Colab links need it"
    assert sphinx_config["html_theme_options"]["launch_buttons"] == launch


def test_notebook_pages_link_to_binder_and_colab_without_loading_from_them(built_site):
    for notebook in toc_notebooks():
        page = (built_site / notebook.with_suffix(".html")).read_text(encoding="utf8")
        for host in LAUNCH_HOSTS.values():
            assert re.search(rf'<a href="{re.escape(host)}/[^"]*{re.escape(notebook.name)}"', page), (
                f"{notebook.with_suffix('.html')}: no launch link to {host}")
            assert not re.search(rf'<(script|link|img|iframe)\b[^>]*(src|href)="{re.escape(host)}', page), (
                f"{notebook.with_suffix('.html')} loads something from {host}")


# --- a light site: what the built pages load ------------------------------------------------------------------------

def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("_static", "_sources", "_images")]


def test_no_page_loads_font_awesome_or_the_search_index_it_does_not_use(built_site):
    for page in _pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert "fontawesome.js" not in html, f"{page.name} loads Font Awesome's 1.5 MB script"
        search_scripts = ("searchindex.js" in html, "searchtools.js" in html)
        assert search_scripts == ((True, True) if page.name == "search.html" else (False, False)), (
            f"{page.name}: Sphinx's search scripts belong on the search page only")


def test_every_icon_on_the_pages_is_drawn_by_the_theme_stylesheet(built_site):
    """The icons are masks in the theme's style sheet (calcflow.publish.icons), no longer Font Awesome's glyphs:
    each fa-NAME class on a page has its mask, and no rule is left that would fetch the icon fonts."""
    css = (built_site / "_static/styles/pydata-sphinx-theme.css").read_text(encoding="utf-8")
    assert "@font-face" not in css or "Font Awesome" not in " ".join(re.findall(r"@font-face\{[^}]*\}", css))
    assert not re.search(r"\.fa-bars:+before\{content", css), "Font Awesome's character rules are still there"
    used = set()
    for page in _pages(built_site):
        for classes in re.findall(r'class="([^"]*\bfa[srb]?\b[^"]*|[^"]*\bfa-(?:solid|regular|brands)\b[^"]*)"',
                                  page.read_text(encoding="utf-8")):
            used |= {name for name in classes.split() if name.startswith("fa-")}
    used -= {"fa-solid", "fa-regular", "fa-brands", "fa-lg", "fa-fw"}
    assert used, "no icon found on the pages (has the theme changed its markup?)"
    missing = sorted(name for name in used if not re.search(rf"\.{re.escape(name)}[,{{]", css))
    assert not missing, f"icons on the pages without a mask in the theme's style sheet: {missing}"


def test_search_texts_hold_every_page(built_site):
    import json

    script = (built_site / "searchtexts.js").read_text(encoding="utf-8")
    texts = json.loads(script[script.index("=") + 1:].strip().rstrip(";"))
    built = {p.relative_to(built_site).with_suffix("").as_posix() for p in _pages(built_site)}
    built -= {"index", "genindex", "search"}  # the redirect and Sphinx's generated pages are not the book's text
    assert built <= set(texts), f"pages without their text for the search snippets: {sorted(built - set(texts))}"
    assert all(entry["text"] for entry in texts.values())
    assert 'learning_checks(\\"' not in script, "code cells are not page text (nb_remove_code_source)"
