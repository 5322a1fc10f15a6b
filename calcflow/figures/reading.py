"""A reading case's two views: the model's case (calcflow.model.reading) drawn by the whole-breast generator
(calcflow.synthetic.views), and each view as a small PNG, byte-identical on every run.

A case's findings are drawn with its own seed and side; each finding keeps its id, so the ground truth of a view
(`View.findings`) lines up with the case's findings and the answer key (`calcflow.model.reading.answer_key`).
"""
from __future__ import annotations

import numpy as np

from calcflow.figures.style import grey_png
from calcflow.model.reading import ReadingCase
from calcflow.synthetic.outline import READING_VIEWS
from calcflow.synthetic.views import FindingSpec, View, ViewSpec, make_view

PNG_BUDGET_BYTES = 400 * 1024  # both views of one case, as the reader page embeds them


def view_spec(case: ReadingCase, view: str) -> ViewSpec:
    """What the generator needs to draw one view of a case."""
    findings = tuple(FindingSpec(f.id, f.shape, f.pattern, f.quadrant, f.depth) for f in case.findings)
    return ViewSpec(seed=case.seed, view=view, side=case.side, findings=findings)


def case_views(case: ReadingCase) -> dict[str, View]:
    """The case's CC and MLO views, keyed by view."""
    return {view: make_view(view_spec(case, view)) for view in READING_VIEWS}


def view_png(view: View) -> bytes:
    """A view at full resolution (one pixel per 0.1 mm) as an 8-bit greyscale PNG quantised to style.GREY_LEVELS (as
    the case player's images: no visible banding, and the film grain costs far fewer bytes)."""
    grey = (np.clip(view.image, 0.0, 1.0) * 255).round().astype(np.uint8)
    return grey_png(grey, inside=view.frame.mask())


def case_pngs(case: ReadingCase) -> dict[str, bytes]:
    """Both views of a case as PNG bytes, keyed by view."""
    return {view: view_png(drawn) for view, drawn in case_views(case).items()}
