"""`make figures` (python -m calcflow.figures): regenerate every figure in figures/, byte-identically.

Each module listed in MODULES exposes FIGURES: a dict of name → function returning a matplotlib Figure.
Files are written with fixed metadata (`save`), so a second run gives the same bytes.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from .patches import save_figure as save  # fixed metadata: same bytes on every run

MODULES = ("calcflow.patches", "calcflow.evidence_plots", "calcflow.workup_plots", "calcflow.result_plots",
           "calcflow.patch_figures")
OUTPUT = Path(__file__).resolve().parents[1] / "figures"


def registry() -> dict:
    found = {}
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:      # a module not written yet contributes nothing
                continue
            raise
        found.update(getattr(module, "FIGURES", {}))
    return found


def main(argv: list[str] | None = None) -> int:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    OUTPUT.mkdir(exist_ok=True)
    for name, make in sorted(registry().items()):
        fig = make()
        save(fig, OUTPUT / f"{name}.png")
        plt.close(fig)
        print(f"figures/{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
