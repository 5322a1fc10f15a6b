"""`make figures` (python -m calcflow.figures): regenerate every figure in figures/, byte-identically.

Each module listed in MODULES exposes FIGURES: a dict of name → function returning a matplotlib Figure.
Files are written with fixed metadata (`save`), so a second run gives the same bytes.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from calcflow.figures.style import save_figure as save  # fixed metadata: same bytes on every run

MODULES = ("calcflow.figures.chapters", "calcflow.figures.evidence", "calcflow.figures.workup", "calcflow.figures.results")
OUTPUT = Path(__file__).resolve().parents[2] / "figures"


def registry() -> dict:
    """Every registered figure: name → function returning a matplotlib Figure."""
    found = {}
    for name in MODULES:
        found.update(importlib.import_module(name).FIGURES)
    return found


def write_all(output: Path = OUTPUT) -> list[Path]:
    """Render every registered figure to `output`/<name>.png; returns the paths written."""
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in sorted(registry().items()):
        written.append(save(make(), output / f"{name}.png"))
    return written


def main(argv: list[str] | None = None) -> int:
    for path in write_all():
        print(f"figures/{path.name}")
    # the reading-practice views (~5 s each): the built book copies figures/reading/ (calcflow.publish.sphinx)
    from calcflow.figures.reading import write_case_images
    from calcflow.model.reading import reading_cases

    for path in write_case_images(reading_cases(), OUTPUT / "reading"):
        print(f"figures/reading/{path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
