"""The book's Sphinx extension (enabled in _config.yml: sphinx: config: extensions): its widgets, light pages,
pages that read on a phone, and search snippets.

- Widget code at build time: a stored widget output holds only the widget's state in a host element
  (calcflow.widgets.standalone). Each page that holds one gets its widgets' built style sheets and ES modules inline
  in its <head> (calcflow.publish.widget_code), read when the page is written: editing a widget's JavaScript changes
  the next build, with no re-executed notebook.
- No saved widget state: myst-nb executes each notebook when the book is built, nbclient then records every
  widget's state in the notebook metadata, and myst-nb copies that state into the page as a
  <script type="application/vnd.jupyter.widget-state+json">. The book loads no widget manager (nb_ipywidgets_js is
  empty), so that copy is dead weight — for the explorer, its whole table a second time. It is dropped.
- Reading-practice images: the reader's case views are committed in figures/reading/ (`make figures`; drawing them
  takes seconds each, too slow for every build) and copied into the site as reading/<case>-<view>.png, which the
  static reader loads when a case is opened (calcflow.widgets.reader_payload).
- Light pages: the theme's style sheet without Font Awesome and with the theme's icons as masks
  (calcflow.publish.icons; the book's template leaves out Font Awesome's 1.5 MB script), the theme's style sheets
  without the rules no page uses (calcflow.publish.css_purge, after the build), and the case player's images as
  files of the site (WIDGET_IMAGES), fetched one case at a time, instead of base64 inside the page; large widget
  states (the explorer's table) in script files of the site (WIDGET_DATA), loaded by the widget when the reader
  comes near it.
- Pages readable on a phone (calcflow.publish.pages): tables marked to reflow, flowcharts in keyboard-reachable
  scrollers at a size where their text is 12 px; book/_static/calcflow-book.css styles both. Images load when
  the reader scrolls near them, with their size given (no jump when they arrive); citations as list items.
- No script holds up a page's first paint: the script files get `defer`, documentation_options.js goes inline
  (`defer_scripts`; the search page's own search scripts are deferred by book/_templates/search.html).
- Search snippets: searchtexts.js, every page's text (calcflow.publish.search_texts), written after the pages, for
  the search page's calcflow-search.js.

Imports stay light (no calcflow model, widgets, scipy or pydantic): Sphinx imports this module for every build.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

from calcflow.publish.css_purge import purge_site
from calcflow.publish.icons import write_theme_stylesheet
from calcflow.publish.pages import (accessible_citations, externalise_widget_data, externalise_widget_images,
                                    lazy_images, png_size, reflowing_tables, scrollable_flowcharts)
from calcflow.publish.search_texts import write_search_texts
from calcflow.publish.widget_code import hosted, widget_code

WIDGET_STATE_SCRIPT = "ipywidgets_state"  # myst-nb's key for the state in a page's JavaScript files
READING_IMAGES = Path("figures") / "reading"  # relative to the book's root
READING_SITE_FOLDER = "reading"  # relative to the built site's root
DOCUMENTATION_OPTIONS = "_static/documentation_options.js"
REMOTE = re.compile(r"^\s*([a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
GENERATED_STATIC = "calcflow-static"  # in the doctree folder: static files written by this extension
WIDGET_IMAGES = "_images/widgets"  # relative to the built site's root: images taken out of widgets' JSON
WIDGET_DATA = "_static/widget-data"  # relative to the built site's root: large widget states, as scripts


def drop_widget_state(app, doctree) -> None:
    metadata = getattr(app.env, "nb_metadata", {}).get(app.env.docname, {})
    metadata.get("js_files", {}).pop(WIDGET_STATE_SCRIPT, None)


def add_widget_code(app, pagename, templatename, context, doctree) -> None:
    """A page that hosts widgets gets their code at the end of its <head> (the theme writes `metatags` there)."""
    kinds = hosted(context.get("body") or "")
    if kinds:
        context["metatags"] = (context.get("metatags") or "") + widget_code(kinds)


def write_static_files(app) -> None:
    """The theme's style sheet with its icons as masks (calcflow.publish.icons), in a folder added to
    html_static_path: Sphinx copies it over the theme's own _static/styles/pydata-sphinx-theme.css."""
    if app.builder.format != "html":
        return
    folder = Path(app.doctreedir) / GENERATED_STATIC
    theme = getattr(app.builder, "theme", None)
    write_theme_stylesheet(folder, theme.get_theme_dirs() if theme else None)
    if str(folder) not in app.config.html_static_path:
        app.config.html_static_path = [*app.config.html_static_path, str(folder)]


def lighten_page(app, pagename, templatename, context, doctree) -> None:
    """The page's body: widget images as files, tables that reflow, flowcharts that scroll (calcflow.publish.pages)."""
    body = context.get("body")
    if not body:
        return
    if "data-calcflow-static" in body:
        body = externalise_widget_images(body, Path(app.outdir) / WIDGET_IMAGES,
                                         context["pathto"](WIDGET_IMAGES, 1) + "/")
        # The widgets' modules load these when their hosts come near the window (shared/host.js).
        body, _ = externalise_widget_data(body, Path(app.outdir) / WIDGET_DATA,
                                          context["pathto"](WIDGET_DATA, 1) + "/")
    body = accessible_citations(scrollable_flowcharts(reflowing_tables(body)))
    context["body"] = lazy_images(body, _image_sizes(app))


def _image_sizes(app):
    """A function from an image's address in a page to its (width, height), for the PNGs Sphinx copies to _images."""
    sources = {Path(name).name: source for source, name in getattr(app.builder, "images", {}).items()}

    def size_of(src: str):
        name = src.rsplit("/", 1)[-1]
        source = sources.get(name) if "_images/" in src else None
        if source is None:
            return None
        try:
            with open(Path(app.srcdir) / source, "rb") as image:
                return png_size(image.read(32))
        except OSError:
            return None

    return size_of


def defer_scripts(app, pagename, templatename, context, doctree) -> None:
    """The page's script files run after it is parsed (`defer`), so none holds up its first paint; Sphinx's small
    documentation_options.js, which inline scripts of the page use straight away, is written inline instead."""
    scripts = context.get("script_files")
    if not scripts:
        return
    changed = []
    for script in scripts:
        name = os.fspath(script.filename or "")
        asset = type(script)  # Sphinx's _JavaScript: a file, or an inline body, with attributes
        if name == DOCUMENTATION_OPTIONS:
            options = Path(app.outdir) / DOCUMENTATION_OPTIONS
            if options.is_file():
                script = asset(None, priority=script.priority, body=options.read_text(encoding="utf-8").strip())
        elif (name and not REMOTE.match(name) and script.attributes.get("type") != "module"
              and not {"async", "defer"} & set(script.attributes)):
            script = asset(script.filename, priority=script.priority, **script.attributes, defer="defer")
        changed.append(script)
    scripts[:] = changed  # the builder restores its own list after the page


def write_search_page_texts(app, exception) -> None:
    """searchtexts.js: the text of every page built, for the search page's snippets."""
    if exception is not None or app.builder.format != "html":
        return
    pages = {docname: app.builder.get_target_uri(docname) for docname in sorted(app.env.found_docs)}
    write_search_texts(Path(app.outdir), pages)


def purge_theme_styles(app, exception) -> None:
    """The theme's style sheets without the rules no page of the site can use (calcflow.publish.css_purge), once
    every page is written: pydata-sphinx-theme's 336 KB (all of Bootstrap) shrinks by half, and it holds up every
    page's first paint."""
    if exception is None and app.builder.format == "html":
        purge_site(Path(app.outdir))


def write_index_redirect(app, exception) -> None:
    """index.html: the site's entry page sends the reader on to the book's first page. sphinx-external-toc writes
    a bare <meta http-equiv="Refresh"> there when the root page is not `index`; this one (written first, so it is
    kept) is a whole page: language, title, the favicon (else the browser asks for /favicon.ico, a 404), a link.
    The script forwards at once, keeping a #fragment, and leaves no entry in the history (Back does not bounce off
    it); the Refresh is the way on where scripts are off. Measured by Lighthouse (mobile), the forward by script
    scores 97 where the Refresh alone scored 89: a Refresh waits for the page to finish loading first.
    Rewritten on every build (a new root page, a renamed title)."""
    index = Path(app.outdir) / "index.html"
    if exception is not None or app.builder.format != "html" or "index" in app.env.found_docs:
        return  # the book has a page of that name

    uri = app.builder.get_target_uri(app.config.root_doc)
    target, script_target = html.escape(uri), json.dumps(uri).replace("</", "<\\/")
    favicon = app.config.html_favicon
    icon = f'<link rel="icon" href="_static/{html.escape(Path(favicon).name)}"/>' if favicon else ""
    title = html.escape(app.config.html_title or app.config.project)
    index.write_text(
        f'<!DOCTYPE html>\n<html lang="{html.escape(app.config.language or "en")}">\n<head>\n<meta charset="utf-8"/>\n'
        f'<script>location.replace({script_target} + location.hash);</script>\n'
        f'<noscript><meta http-equiv="Refresh" content="0; url={target}"/></noscript>\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"/>\n<title>{title}</title>\n{icon}\n'
        f'</head>\n<body>\n<p><a href="{target}">{title}</a></p>\n</body>\n</html>\n', encoding="utf-8")


def copy_reading_images(app, exception) -> None:
    """figures/reading/*.png into the built site's reading/ folder (HTML builds that succeeded)."""
    source = Path(app.srcdir) / READING_IMAGES
    if exception is not None or app.builder.format != "html" or not source.is_dir():
        return
    target = Path(app.outdir) / READING_SITE_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for image in sorted(source.glob("*.png")):
        shutil.copyfile(image, target / image.name)


def setup(app):
    app.setup_extension("myst_nb")
    app.connect("doctree-read", drop_widget_state)
    app.connect("builder-inited", write_static_files)
    app.connect("html-page-context", lighten_page)
    app.connect("html-page-context", add_widget_code)
    app.connect("html-page-context", defer_scripts, priority=900)  # after the themes and extensions add theirs
    app.connect("build-finished", copy_reading_images)
    app.connect("build-finished", write_search_page_texts)
    app.connect("build-finished", write_index_redirect, priority=400)  # before sphinx-external-toc's bare one
    app.connect("build-finished", purge_theme_styles, priority=900)  # last: every page and script is written
    return {"parallel_read_safe": True, "parallel_write_safe": True}
