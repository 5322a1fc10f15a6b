"""Sphinx extension for the book's widgets (enabled in _config.yml: sphinx: config: extensions).

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

Imports stay light (no calcflow model, widgets, scipy or pydantic): Sphinx imports this module for every build.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from calcflow.publish.widget_code import hosted, widget_code

WIDGET_STATE_SCRIPT = "ipywidgets_state"  # myst-nb's key for the state in a page's JavaScript files
READING_IMAGES = Path("figures") / "reading"  # relative to the book's root
READING_SITE_FOLDER = "reading"  # relative to the built site's root


def drop_widget_state(app, doctree) -> None:
    metadata = getattr(app.env, "nb_metadata", {}).get(app.env.docname, {})
    metadata.get("js_files", {}).pop(WIDGET_STATE_SCRIPT, None)


def add_widget_code(app, pagename, templatename, context, doctree) -> None:
    """A page that hosts widgets gets their code at the end of its <head> (the theme writes `metatags` there)."""
    kinds = hosted(context.get("body") or "")
    if kinds:
        context["metatags"] = (context.get("metatags") or "") + widget_code(kinds)


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
    app.connect("html-page-context", add_widget_code)
    app.connect("build-finished", copy_reading_images)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
