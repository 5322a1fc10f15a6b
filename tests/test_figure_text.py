"""Alt text and captions that state numbers from the data say only numbers the data holds: a figure's words cannot
quietly disagree with the figure when a study is added or removed."""
import re
import sys
from pathlib import Path

import pytest

from calcflow.model.workup import workup
from calcflow.model.catalogue import catalogue

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/ may or may not become a package
from test_chapter_claims import figure_words  # noqa: E402  a figure's alt text, caption and titles, one reader for both

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def numbers(text: str) -> set[float]:
    return {float(n) for n in NUMBER.findall(text)}


@pytest.mark.parametrize("kind", ["shape", "pattern"])
def test_the_ppv_figures_words_quote_only_the_evidence_data(kind):
    rows = [p for p in catalogue().evidence.ppv if p.kind == kind]
    held = {p.ppv for p in rows} | {x for p in rows if p.ci for x in p.ci}
    axis = {0.0, 100.0, 95.0, 4.0, 3.0, 5.0}       # the axis, and the band names (BI-RADS 3, 4A, 5)
    said = numbers(figure_words("categorising", f'ppv_spread("{kind}"'))
    assert said - held - axis == set()


def test_the_underestimation_figures_words_quote_only_the_workup_data():
    studies = workup().underestimation
    held = {r.rate for s in studies for r in s.rates} | {x for s in studies for r in s.rates if r.ci for x in r.ci}
    axis = {0.0, 60.0, 14.0, 7.0, 11.0, 95.0, 2004.0}  # axis, needle gauges, the CI level, a study's name
    said = numbers(figure_words("further-tests", "underestimation_plot("))
    assert said - held - axis == set()
