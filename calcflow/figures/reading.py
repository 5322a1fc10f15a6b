"""A reading case's two views: the model's case (calcflow.model.reading) drawn by the whole-breast generator
(calcflow.synthetic.views), and each view as a small PNG, byte-identical on every run.

A case's findings are drawn with its own seed and side; each finding keeps its id, so the ground truth of a view
(`View.findings`) lines up with the case's findings and the answer key (`calcflow.model.reading.answer_key`).
"""
from __future__ import annotations

from pathlib import Path

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


# --- the committed images: figures/reading/<case>-<view>.png (make figures) ---------------------------------------
IMAGES = Path(__file__).resolve().parents[2] / "figures" / "reading"


def image_name(case_id: str, view: str) -> str:
    """A view's file name: in figures/reading/, and in the built book's reading/ folder."""
    return f"{case_id}-{view}.png"


def committed_png(case_id: str, view: str, folder: Path = IMAGES) -> bytes | None:
    """The committed PNG of a case's view, or None when there is none (an installed package has no figures/)."""
    path = folder / image_name(case_id, view)
    return path.read_bytes() if path.is_file() else None


def write_case_images(cases, folder: Path = IMAGES) -> list[Path]:
    """Draw both views of each case into `folder` (the same bytes on every run); returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for case in cases:
        for view, data in case_pngs(case).items():
            path = folder / image_name(case.id, view)
            path.write_bytes(data)
            written.append(path)
    return written
