"""Sphinx extension: keep saved widget state out of the built pages.

myst-nb executes each notebook when the book is built, nbclient then records every widget's state in the notebook
metadata, and myst-nb copies that state into the page as a <script type="application/vnd.jupyter.widget-state+json">.
Our widgets show themselves through their own self-contained text/html (calcflow.widgets.standalone), and the book
loads no widget manager (nb_ipywidgets_js is empty), so that copy is dead weight — for the explorer, its whole
table a second time. Enabled in _config.yml (sphinx: config: extensions).
"""
from __future__ import annotations

WIDGET_STATE_SCRIPT = "ipywidgets_state"  # myst-nb's key for the state in a page's JavaScript files


def _drop_widget_state(app, doctree) -> None:
    metadata = getattr(app.env, "nb_metadata", {}).get(app.env.docname, {})
    metadata.get("js_files", {}).pop(WIDGET_STATE_SCRIPT, None)


def setup(app):
    app.setup_extension("myst_nb")
    app.connect("doctree-read", _drop_widget_state)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
