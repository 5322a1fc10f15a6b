"""The one golden test of the figures: `make figures` regenerates exactly the committed PNGs in figures/.

Those files are what a person reviews (they are images in the pull request), so equal bytes mean each figure is the
reviewed one, and — because the committed bytes were written by another process, on another day — that the figures
are the same in every process, not merely twice in this one. The figure modules' own tests check what each figure
shows; none of them saves a figure twice.
"""
import os
import subprocess
import sys
from pathlib import Path

from matplotlib.figure import Figure

from calcflow.figures import registry
from calcflow.figures.results import upgrade_bars
from calcflow.figures.style import save_figure

REPO = Path(__file__).resolve().parents[1]


def test_make_figures_regenerates_the_committed_figures(tmp_path, monkeypatch):
    kinds = {}

    def save_noting_the_kind(fig, path):
        kinds[Path(path).stem] = type(fig)
        return save_figure(fig, path)

    monkeypatch.setattr(registry, "save", save_noting_the_kind)
    written = registry.write_all(tmp_path)
    committed = sorted(path.name for path in registry.OUTPUT.glob("*.png"))
    assert len(committed) >= 17
    assert sorted(path.name for path in written) == committed, "run `make figures`, look at figures/, commit it"
    not_figures = {name: kind.__name__ for name, kind in kinds.items() if not issubclass(kind, Figure)}
    assert not not_figures, f"registered functions must return a matplotlib Figure: {not_figures}"
    differ = [path.name for path in written if path.read_bytes() != (registry.OUTPUT / path.name).read_bytes()]
    assert not differ, f"{differ} differ from figures/: run `make figures`, look at the change, commit it"


def test_an_svg_is_the_same_in_another_process(tmp_path):
    """SVG is the other format `save` writes (ids salted, no date): no committed copy, so a second process."""
    program = ("import sys; from calcflow.figures.results import upgrade_bars\n"
               "from calcflow.figures.style import save_figure; save_figure(upgrade_bars(), sys.argv[1])\n")
    subprocess.run([sys.executable, "-c", program, str(tmp_path / "other.svg")], cwd=REPO, check=True,
                   env={**os.environ, "PYTHONHASHSEED": "1"})
    here = save_figure(upgrade_bars(), tmp_path / "here.svg")
    assert here.read_bytes() == (tmp_path / "other.svg").read_bytes()
