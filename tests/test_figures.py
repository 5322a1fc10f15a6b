"""`make figures` regenerates figures/ byte-identically, and every figure is registered."""
from matplotlib.figure import Figure

from calcflow.figures import registry as figures


def test_every_registered_figure_is_a_figure():
    made = figures.registry()
    assert len(made) >= 15
    for name, make in made.items():
        assert callable(make), name


def test_regenerating_gives_the_committed_bytes(tmp_path):
    written = figures.write_all(tmp_path)
    committed = sorted(p.name for p in figures.OUTPUT.glob("*.png"))
    assert sorted(p.name for p in written) == committed, "run `make figures` and commit figures/"
    for path in written:
        assert path.read_bytes() == (figures.OUTPUT / path.name).read_bytes(), f"{path.name} differs: run make figures"


def test_a_figure_function_returns_a_matplotlib_figure():
    name, make = sorted(figures.registry().items())[0]
    assert isinstance(make(), Figure), name
