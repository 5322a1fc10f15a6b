"""Sphinx extension for the book's widgets (enabled in _config.yml: sphinx: config: extensions).

- Widget code at build time: a stored widget output holds only the widget's state in a host element
  (calcflow.widgets.standalone). Each page that holds one gets its widgets' built style sheets and ES modules inline
  in its <head> (calcflow.publish.widget_code), read when the page is written: editing a widget's JavaScript changes
  the next build, with no re-executed notebook.
- No saved widget state: myst-nb executes each notebook when the book is built, nbclient then records every
  widget's state in the notebook metadata, and myst-nb copies that state into the page as a
  <script type="application/vnd.jupyter.widget-state+json">. The book loads no widget manager (nb_ipywidgets_js is
  empty), so that copy is dead weight — for the explorer, its whole table a second time. It is dropped.

Imports stay light (no calcflow model, widgets, scipy or pydantic): Sphinx imports this module for every build.
"""
from __future__ import annotations

from calcflow.publish.widget_code import hosted, widget_code

WIDGET_STATE_SCRIPT = "ipywidgets_state"  # myst-nb's key for the state in a page's JavaScript files


def drop_widget_state(app, doctree) -> None:
    metadata = getattr(app.env, "nb_metadata", {}).get(app.env.docname, {})
    metadata.get("js_files", {}).pop(WIDGET_STATE_SCRIPT, None)


def add_widget_code(app, pagename, templatename, context, doctree) -> None:
    """A page that hosts widgets gets their code at the end of its <head> (the theme writes `metatags` there)."""
    kinds = hosted(context.get("body") or "")
    if kinds:
        context["metatags"] = (context.get("metatags") or "") + widget_code(kinds)


def setup(app):
    app.setup_extension("myst_nb")
    app.connect("doctree-read", drop_widget_state)
    app.connect("html-page-context", add_widget_code)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
