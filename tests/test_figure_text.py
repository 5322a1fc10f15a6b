"""Alt text and captions that state numbers from the data say only numbers the data holds: a figure's words cannot
quietly disagree with the figure when a study is added or removed."""
import json
import re
from pathlib import Path

import pytest

from calcflow.model.catalogue import catalogue
from calcflow.figures.workup import workup

BOOK = Path(__file__).resolve().parents[1] / "book"
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def figure_text(notebook: str, call: str) -> str:
    """The alt text and caption of the figure cell whose code contains `call`."""
    cells = json.loads((BOOK / notebook).read_text(encoding="utf-8"))["cells"]
    cell = next(c for c in cells if c["cell_type"] == "code" and call in "".join(c["source"]))
    meta = cell["metadata"]["mystnb"]
    return meta["image"]["alt"] + " " + re.sub(r"\{cite:p\}`[^`]*`", "", meta["figure"]["caption"])


def numbers(text: str) -> set[float]:
    return {float(n) for n in NUMBER.findall(text)}


@pytest.mark.parametrize("kind", ["shape", "pattern"])
def test_the_ppv_figures_words_quote_only_the_evidence_data(kind):
    rows = [p for p in catalogue().evidence.ppv if p.kind == kind]
    held = {p.ppv for p in rows} | {x for p in rows if p.ci for x in p.ci}
    axis = {0.0, 100.0, 95.0, 4.0, 3.0, 5.0}       # the axis, and the band names (BI-RADS 3, 4A, 5)
    said = numbers(figure_text("categorising.ipynb", f'ppv_spread("{kind}"'))
    assert said - held - axis == set()


def test_the_underestimation_figures_words_quote_only_the_workup_data():
    studies = workup().underestimation
    held = {r.rate for s in studies for r in s.rates} | {x for s in studies for r in s.rates if r.ci for x in r.ci}
    axis = {0.0, 60.0, 14.0, 7.0, 11.0, 95.0, 2004.0}  # axis, needle gauges, the CI level, a study's name
    said = numbers(figure_text("further-tests.ipynb", "underestimation_plot("))
    assert said - held - axis == set()
