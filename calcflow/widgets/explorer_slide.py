"""The explorer laid out for a lecture slide (`Explorer.for_slides`): a few menus beside the case's path drawn large.

On a 1920×1080 slide the whole pathway chart is too small to read from the back of the hall, so the slide layout
shows the path alone (`calcflow.figures.flowchart.PathFlowchart`, three boxes a row). The browser cannot draw a
chart, so every path the slide's menus can reach is drawn here, in Python, once: `slide_paths` walks every
combination of the menus shown (the others keep the explorer's choice) through the exported tables — the same
lookup the browser makes — and returns each distinct path's SVG under its key, "<system>:<step> <step> …".
"""
from __future__ import annotations

import itertools

from calcflow.figures.flowchart import SYSTEM_NAMES, PathFlowchart
from calcflow.widgets.payloads import lookup

# The menus a lecturer changes in front of the class: the practice, what is seen, and the biopsy result.
SLIDE_FIELDS = ("system", "size", "shape", "pattern", "result")
PER_ROW = 3  # the path beside the menus: three boxes a row keeps each label about 30 px high at 1920×1080


def path_key(system: str, path) -> str:
    """The key of a path in `slide_paths` (js/explorer/slide.js builds the same)."""
    return f"{system}:{' '.join(path)}"


def slide_paths(table: dict, choice: dict, fields=SLIDE_FIELDS) -> dict[str, str]:
    """Every path reachable by changing `fields` from `choice`, as {path_key: SVG of the path alone}."""
    unknown = sorted(set(fields) - set(table["fields"]))
    if unknown:
        raise ValueError(f"unknown explorer field {unknown[0]!r}; the fields are: {', '.join(table['fields'])}")
    options = [[option["id"] or None for option in table["choices"][field]] for field in fields]
    paths: dict[str, tuple[str, list[str]]] = {}
    for values in itertools.product(*options):
        combination = {**choice, **dict(zip(fields, values))}
        outcome = lookup(table, **combination)
        if "path" in outcome:
            paths.setdefault(path_key(combination["system"], outcome["path"]), (combination["system"], outcome["path"]))
    return {key: PathFlowchart(path, title=f"The path: {SYSTEM_NAMES[system]}", system=system,
                               prefix=f"cfx-slide-{number}-", per_row=PER_ROW).svg()
            for number, (key, (system, path)) in enumerate(sorted(paths.items()))}
