"""The widgets' code on a static page: which widgets a page hosts, and the inline style and module that run them.

A stored widget output carries only the widget's state (calcflow.widgets.standalone). When a page is built — a page
of the book (the Sphinx extension calcflow.publish.sphinx) or a slide deck — `with_widget_code` adds, once per kind
of widget the page hosts, the widget's built style sheet and ES module (calcflow/widgets/static/, built from
calcflow/widgets/js/ and css/) inline: a `<style>` and a `<script type="module">`. Inline, because Chromium refuses
`<script type="module" src=…>` from file://; each module renders every host of its kind on the page. Nothing is
fetched, so the page works from a web server and from file://, and a widget's code is read when the page is built:
editing it needs no re-executed notebook.

Light on purpose (reads files, imports nothing of calcflow's model or widgets): the Sphinx extension imports it.
"""
from __future__ import annotations

import re
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "widgets" / "static"
HOST = re.compile(r'\bdata-calcflow-static="([a-z][a-z-]*)"')


def hosted(page: str) -> list[str]:
    """The kinds of widget whose hosts the HTML `page` holds, in order of first appearance."""
    return list(dict.fromkeys(HOST.findall(page)))


def _read(path: Path, closing: str) -> str:
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: a page hosts a widget without a built bundle (make widgets)")
    text = path.read_text(encoding="utf-8")
    if closing in text.lower() or "<!--" in text:
        raise ValueError(f"{path}: cannot be inlined (contains '{closing}' or '<!--')")
    return text


def widget_code(kinds: list[str]) -> str:
    """The inline style sheet and module of each widget kind in `kinds`."""
    parts = []
    for kind in kinds:
        css = _read(STATIC / f"{kind}.css", "</style")
        js = _read(STATIC / f"{kind}.js", "</script")
        parts.append(f'<style data-calcflow-code="{kind}">\n{css}</style>\n'
                     f'<script type="module" data-calcflow-code="{kind}">\n{js}</script>\n')
    return "".join(parts)


def with_widget_code(page: str) -> str:
    """The HTML page with its widgets' code added at the end of its <head>: each kind it hosts once (unchanged if it
    hosts no widget, or has their code already)."""
    kinds = [kind for kind in hosted(page) if f'data-calcflow-code="{kind}"' not in page]
    if not kinds:
        return page
    head_end = page.lower().find("</head>")
    if head_end < 0:
        raise ValueError("the page has no </head> to put its widgets' code before")
    return page[:head_end] + widget_code(kinds) + page[head_end:]


# Scripts to run in a built page (Playwright's page.evaluate), for what drives a page as a reader would: the PDF
# printer, the browser tests and the benchmarks.
# BRING_WIDGETS_NEAR: scroll to each widget host in turn, letting the page see it, then back to where the page was.
# A widget whose state is a script file of the site starts only when it comes near the window
# (calcflow/widgets/js/shared/host.js); the others have started already.
BRING_WIDGETS_NEAR = """async () => {
  const start = window.scrollY;
  for (const host of document.querySelectorAll("[data-calcflow-static]")) {
    host.scrollIntoView({block: "center"});
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }
  window.scrollTo(0, start);
}"""
# WIDGETS_READY: true once every widget host of the page holds a widget that says it is interactive.
WIDGETS_READY = """() => [...document.querySelectorAll("[data-calcflow-static]")]
  .every((host) => host.querySelector('[data-ready="true"]'))"""
