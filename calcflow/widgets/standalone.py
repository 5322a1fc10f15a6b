"""A widget's ES module as a self-contained `text/html` output: the static book's route to interactivity.

The HTML holds the widget's state as JSON, its CSS, and its ES module inlined verbatim (read from the file beside
the widget, never a copy), followed by a small bootstrap that calls the module's `render({model, el})` with a
stand-in model backed by that JSON. Nothing is fetched, so it works from a web server and from file://.

Code several widgets use (the DOM helper, presentation mode, the flowchart's path styles) lives once, in the files
named by `SHARED`; `module_source` and `style_source` append them to a widget's own module and style sheet, so each
widget is still one ES module with no imports, in JupyterLab (its `_esm`/`_css`) and on the static page alike.
"""
from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).parent
# Appended in this order: .js files to the module (after the widget's own code; their function declarations are
# hoisted), .css files to the style sheet (after the widget's own rules).
SHARED = (HERE / "dom.js", HERE / "present.js", HERE / "widget.css", HERE / "flowchart.css", HERE / "present.css")

# The stand-in for an anywidget model: get/set/on/off/save_changes over a plain object. `set` notifies
# "change:<name>" listeners the way a Backbone model does, including the view that made the change.
_BOOTSTRAP = """
// Static host (added by calcflow.widgets.standalone): no kernel, so a plain object stands in for the model.
{
  const host = document.getElementById(%(host_id)s);
  const state = JSON.parse(host.querySelector('script[type="application/json"]').textContent);
  const listeners = new Map();
  const model = {
    get: (name) => state[name],
    set(name, value) {
      if (state[name] === value) return;
      state[name] = value;
      for (const callback of [...(listeners.get("change:" + name) || [])]) callback();
    },
    on(event, callback) { listeners.set(event, [...(listeners.get(event) || []), callback]); },
    off(event, callback) {
      listeners.set(event, callback ? (listeners.get(event) || []).filter((c) => c !== callback) : []);
    },
    save_changes() {},
  };
  render({ model, el: host.querySelector("[data-calcflow-mount]") });
}
"""


def _script_safe(text: str) -> str:
    """Text that cannot end the <script> element it sits in."""
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def _inlinable(path: Path) -> str:
    source = Path(path).read_text(encoding="utf-8")
    if "</script" in source.lower() or "<!--" in source:
        raise ValueError(f"{path}: cannot be inlined in a <script> element (contains '</script' or '<!--')")
    return source


def read_module(path: Path) -> str:
    """The widget's ES module, checked to be inlinable: one file, nothing imported, a top-level `render`."""
    source = _inlinable(path)
    if "function render(" not in source:
        raise ValueError(f"{path}: the static bootstrap calls a top-level `function render({{model, el}})`")
    return source


def module_source(esm: Path, shared: Sequence[Path] = ()) -> str:
    """The widget's module followed by the shared .js files in `shared`: what anywidget's `_esm` gets, and what the
    static page inlines."""
    return "\n".join([read_module(esm), *(_inlinable(p) for p in shared if Path(p).suffix == ".js")])


def style_source(css: Path, shared: Sequence[Path] = ()) -> str:
    """The widget's style sheet followed by the shared .css files in `shared`."""
    sheets = [css, *(p for p in shared if Path(p).suffix == ".css")]
    return "\n".join(Path(p).read_text(encoding="utf-8") for p in sheets)


def standalone_html(*, esm: Path, css: Path, state: dict, host_id: str, kind: str, fallback: str = "",
                    shared: Sequence[Path] = ()) -> str:
    """A deterministic HTML fragment that runs the widget `esm` on `state` with no kernel and no network.

    `host_id` must be unique on the page (the bootstrap finds its element by id); `kind` names the widget for CSS
    and tests (`data-calcflow-static="explorer"`); `fallback` is shown only when JavaScript is off; `shared` names
    the shared files the widget uses (usually `SHARED`), appended to its module and style sheet.
    """
    data = _script_safe(json.dumps(state, ensure_ascii=False, separators=(",", ":")))
    module = module_source(esm, shared) + _BOOTSTRAP % {"host_id": json.dumps(host_id)}
    noscript = f"<noscript><p>{html.escape(fallback)}</p></noscript>" if fallback else ""
    return (
        f'<div id="{html.escape(host_id)}" class="calcflow-static" data-calcflow-static="{html.escape(kind)}">'
        f"<style>{style_source(css, shared)}</style>"
        f'<script type="application/json">{data}</script>'
        f"{noscript}<div data-calcflow-mount></div>"
        # async: run as soon as parsed, instead of after every deferred script of the page (the theme's are large)
        f'<script type="module" async>{module}</script>'
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
