"""A widget's representation for the static book: its state in a host element, never its code.

A widget's output carries `text/html` (what the HTML build shows, see nb_mime_priority_overrides in _config.yml) next
to the live widget view (what JupyterLab shows while the kernel runs). A stored notebook keeps the text/html only
(tests/toc_notebooks.py drops the view, whose model lives only as long as the kernel), so a reopened notebook shows
it until the cell is run again. That HTML is `host_html`: a
`<div class="calcflow-static" data-calcflow-static="<kind>">` holding the state as JSON, a line for viewers that show
the output without running any code, a <noscript> note and an empty mount point. Where each part is seen:

    the book's web page       the widget (its code replaces the line); with JavaScript off, the note only (the page's
                              style sheet hides the line and shows the note)
    JupyterLab, Notebook 7    before the cell is run: the line, "… Run this cell to use the explorer here."; the
                              note is written hidden="hidden" (not an empty `hidden`, which the sanitiser drops)
                              because JupyterLab's sanitiser (an untrusted notebook) drops the <noscript> tag and
                              keeps what is inside it; after the run, the live widget
    another viewer (GitHub)   the line

The code is added when a page is built, not when a notebook runs: calcflow.publish.widget_code puts the widget's
bundle (`bundle(kind)`, built from js/ by js/build.mjs) inline into every page that holds a host of its kind — the
book's pages through the Sphinx extension calcflow.publish.sphinx, and the slide decks. So editing a widget's
JavaScript or CSS changes no stored output and needs no re-executed notebook. JupyterLab runs the same bundle as
the live widget's `_esm`, with `style_sheet(kind)` as its `_css`.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

HERE = Path(__file__).parent
STATIC = HERE / "static"
KINDS = ("explorer", "caseplayer", "quiz", "reader", "progress")
# What the host's line says after naming the widget: seen in JupyterLab and Notebook 7 before the cell is run (and in
# viewers that show notebooks without running them), never on the book's web pages.
RUN_TO_USE = {
    "explorer": "Run this cell to use the explorer here.",
    "caseplayer": "Run this cell to use the case player here.",
    "quiz": "Run this cell to answer them here.",
    "reader": "Run this cell to use the reader here.",
    "progress": "Run this cell to see it here.",
}


def bundle(kind: str) -> Path:
    """The widget's built ES module (static/<kind>.js): anywidget's `_esm`, and what a static page inlines."""
    return STATIC / f"{kind}.js"


def style_sheet(kind: str) -> Path:
    """The widget's built style sheet (static/<kind>.css, shared rules included): anywidget's `_css`."""
    return STATIC / f"{kind}.css"


def _script_safe(text: str) -> str:
    """JSON that cannot end the <script> element it sits in, and still parses as the same JSON."""
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--")


def host_html(*, kind: str, state: dict, fallback: str, noscript: str = "") -> str:
    """A deterministic HTML fragment: the widget's host, holding `state` as JSON, and no code.

    `kind` names the widget (`data-calcflow-static="explorer"`: the page's code finds its hosts by it); `fallback`
    names the widget for a viewer that shows the output without running it ("The pathway explorer is interactive."),
    followed by how to run it there (RUN_TO_USE); the widget replaces that line, and its style sheet hides it.
    `noscript` is HTML for a browser with JavaScript off (default: a sentence saying so), kept from every other viewer
    (see the module's text).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown widget kind {kind!r}; the kinds are: {', '.join(KINDS)}")
    data = _script_safe(json.dumps(state, ensure_ascii=False, separators=(",", ":")))
    noscript = noscript or f"<p>{html.escape(fallback)} It needs JavaScript, which is switched off in this browser.</p>"
    return (
        f'<div class="calcflow-static" data-calcflow-static="{kind}">'
        f'<script type="application/json">{data}</script>'
        f'<p data-calcflow-fallback="">{html.escape(fallback)} {RUN_TO_USE[kind]}</p>'
        f'<noscript><div data-calcflow-noscript hidden="hidden">{noscript}</div></noscript>'
        "<div data-calcflow-mount></div>"
        "</div>"
    )


class StandaloneRepr:
    """Mixin for an anywidget, listed before `anywidget.AnyWidget`: its representations gain `static_html()` as
    text/html — what the static book shows (nb_mime_priority_overrides), with no kernel — and its own deterministic
    repr as text/plain. JupyterLab still shows the live widget view."""

    def static_html(self) -> str:
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, metadata = bundle
        data["text/plain"] = repr(self)
        data["text/html"] = self.static_html()
        return data, metadata
