"""The pathway explorer: describe the woman and the finding, see the path on the flowchart, the category and the next
step — in UK or US practice, before or after a biopsy.

Live in JupyterLab (an anywidget; Python can read and set `explorer.choice` and read `explorer.assessment`), and
just as interactive in the static book: its `text/html` representation carries the data it walks, and the book's
build adds the same ES module to the page (see `calcflow.widgets.standalone`). The browser only looks answers up in
the tables exported by `calcflow.widgets.payloads.explorer_table` (two lookups joined, as
`calcflow.widgets.payloads.lookup`); every rule stays in Python. The front end: js/explorer.js, css/explorer.css.
"""
from __future__ import annotations

import anywidget
import traitlets

from calcflow.figures import flowchart
from calcflow.model import rules
from calcflow.model.assessment import FIELDS, OPTIONAL, Assessment, assess, validate_choice
from calcflow.model.catalogue import catalogue
from calcflow.errors import CalcflowError
from calcflow.widgets.explorer_slide import SLIDE_FIELDS, slide_paths
from calcflow.widgets.payloads import explorer_table
from calcflow.widgets.standalone import StandaloneRepr, bundle, host_html, style_sheet


DEFAULT_CHOICE = {"size": "micro", "shape": "fine-pleomorphic", "pattern": "grouped", "change": "no-prior",
                  "system": "uk", "result": None, "setting": "screening", "history": "none", "concordance": None}

def _normalised(choice: dict, current: dict) -> dict:
    """A complete, valid choice. Keys not given keep their current value, except that a change of system clears a
    result in the other system's words (and the concordance judged on it), as the result menu does; "" or None
    mean "not given" for the result and the concordance. Raises InvalidChoice naming a bad value (a result of the
    other system included) and ValueError for an unknown key."""
    unknown = sorted(set(choice) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown choice key {unknown[0]!r}; the keys are: {', '.join(FIELDS)}")
    merged = {**current, **choice}
    for field in OPTIONAL:
        merged[field] = merged.get(field) or None
    complete = {field: merged[field] for field in FIELDS}
    cat = catalogue()
    validate_choice(complete, cat)
    kept = complete["result"] if "result" not in choice else None
    if kept and cat.result(kept).system != complete["system"]:
        complete["result"] = None
        if "concordance" not in choice:
            complete["concordance"] = None
    rules.check_result_system(rules.Situation(system=complete["system"], result=complete["result"]), cat)
    return complete


def charts() -> dict[str, str]:
    """Each system's flowchart with nothing highlighted: the explorer shows the chosen system's and marks the path."""
    return {system: flowchart.svg(system=system, title=f"The calcification pathway: {flowchart.SYSTEM_NAMES[system]}")
            for system in catalogue().ids("system")}


class Explorer(StandaloneRepr, anywidget.AnyWidget):
    """The pathway explorer.

    >>> explorer = Explorer(shape="punctate", system="us", setting="symptomatic")
    >>> explorer.choice = {"system": "uk", "result": "B2"}   # keys not given keep their value
    >>> explorer.assessment      # calcflow.assess(**explorer.choice), or None if impossible (see `refusal`)
    >>> Explorer.for_slides(shape="punctate")   # a lecture slide: a few menus beside the path drawn large

    Changing the system clears a result in the other system's words (B-codes are UK, the diagnoses US).

    For teaching, not for diagnosis.
    """

    # The built bundle (js/explorer.js with the shared modules) and style sheet: see js/build.mjs.
    _esm = bundle("explorer")
    _css = style_sheet("explorer")

    table = traitlets.Dict(help="calcflow.export.explorer_table(): the category and route tables").tag(sync=True)
    svgs = traitlets.Dict(help="each system's flowchart, nothing highlighted: {system: calcflow.flowchart.svg()}").tag(
        sync=True)
    choice = traitlets.Dict(help="every input of calcflow.assess: size, shape, pattern, change, system, result, "
                                 "setting, history, concordance (None: no result yet / the model's judgement)").tag(
        sync=True)
    layout = traitlets.Unicode("page", help='"page" (the book, JupyterLab) or "slide" (see for_slides)').tag(sync=True)
    fields = traitlets.List(help="slide layout: the menus shown (the other inputs keep their value)").tag(sync=True)
    paths = traitlets.Dict(help="slide layout: each reachable path drawn alone, {\"<system>:<steps>\": SVG}").tag(
        sync=True)

    def __init__(self, size: str = DEFAULT_CHOICE["size"], shape: str = DEFAULT_CHOICE["shape"],
                 pattern: str = DEFAULT_CHOICE["pattern"], change: str = DEFAULT_CHOICE["change"],
                 system: str = DEFAULT_CHOICE["system"], result: str | None = None, *,
                 setting: str = DEFAULT_CHOICE["setting"], history: str = DEFAULT_CHOICE["history"],
                 concordance: str | None = None, **kwargs):
        choice = _normalised(dict(size=size, shape=shape, pattern=pattern, change=change, system=system,
                                  result=result, setting=setting, history=history, concordance=concordance),
                             DEFAULT_CHOICE)
        super().__init__(table=explorer_table(), svgs=charts(), choice=choice, **kwargs)

    @classmethod
    def for_slides(cls, fields=SLIDE_FIELDS, **choice) -> "Explorer":
        """The explorer on a lecture slide: only the menus `fields` (by default practice, size, shape, pattern and
        biopsy result), the category, and the path of the case alone, drawn large enough to read from the back of
        the hall. The other inputs keep the values given (or the defaults)."""
        explorer = cls(**choice)
        explorer.set_trait("layout", "slide")
        explorer.fields = list(fields)
        explorer.paths = slide_paths(explorer.table, explorer.choice, fields)
        return explorer

    @traitlets.validate("choice")
    def _check_choice(self, proposal) -> dict:
        current = self._trait_values.get("choice") or DEFAULT_CHOICE
        return _normalised(dict(proposal["value"]), current)

    @traitlets.observe("choice")
    def _redraw_slide_paths(self, change) -> None:
        """On a slide, a change of an input without a menu (from Python) changes the paths the menus reach."""
        fixed = [field for field in FIELDS if field not in self.fields]
        old = change["old"] or {}
        if self.layout == "slide" and any(old.get(field) != change["new"][field] for field in fixed):
            self.paths = slide_paths(self.table, change["new"], self.fields)

    @property
    def assessment(self) -> Assessment | None:
        """`calcflow.assess(**choice)`, or None when the combination cannot occur (see `refusal`)."""
        try:
            return assess(**self.choice)
        except CalcflowError:
            return None

    @property
    def refusal(self) -> str | None:
        """Why the current combination cannot occur, in the model's words; None when it can."""
        try:
            assess(**self.choice)
        except CalcflowError as error:
            return str(error)
        return None

    def __repr__(self) -> str:
        slide = f", layout='slide', fields={self.fields!r}" if self.layout == "slide" else ""
        return f"Explorer({', '.join(f'{k}={v!r}' for k, v in self.choice.items())}{slide})"

    def static_html(self) -> str:
        state = {"table": self.table, "svgs": self.svgs, "choice": self.choice}
        if self.layout == "slide":  # the full charts are not shown on a slide
            state = {"table": self.table, "choice": self.choice, "layout": "slide", "fields": self.fields,
                     "paths": self.paths}
        return host_html(kind="explorer", state=state,
                         fallback="The pathway explorer is interactive.")
