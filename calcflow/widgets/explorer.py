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

    def __init__(self, size: str = DEFAULT_CHOICE["size"], shape: str = DEFAULT_CHOICE["shape"],
                 pattern: str = DEFAULT_CHOICE["pattern"], change: str = DEFAULT_CHOICE["change"],
                 system: str = DEFAULT_CHOICE["system"], result: str | None = None, *,
                 setting: str = DEFAULT_CHOICE["setting"], history: str = DEFAULT_CHOICE["history"],
                 concordance: str | None = None, **kwargs):
        choice = _normalised(dict(size=size, shape=shape, pattern=pattern, change=change, system=system,
                                  result=result, setting=setting, history=history, concordance=concordance),
                             DEFAULT_CHOICE)
        super().__init__(table=explorer_table(), svgs=charts(), choice=choice, **kwargs)

    @traitlets.validate("choice")
    def _check_choice(self, proposal) -> dict:
        current = self._trait_values.get("choice") or DEFAULT_CHOICE
        return _normalised(dict(proposal["value"]), current)

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
        return f"Explorer({', '.join(f'{k}={v!r}' for k, v in self.choice.items())})"

    def static_html(self) -> str:
        return host_html(kind="explorer", state={"table": self.table, "svgs": self.svgs, "choice": self.choice},
                         fallback="The pathway explorer is interactive.")
