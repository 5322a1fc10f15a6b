"""The launch links: a chapter opened on Binder, or on its own on Colab, runs.

Binder (repo2docker) builds from runtime.txt, apt.txt, requirements.txt and postBuild; Colab opens one notebook with
nothing of the book installed, so every notebook in the toc starts with the launch cell (tests/toc_notebooks.py),
which installs the book's package from the repository when it is missing and is silent where it is installed.
"""
from __future__ import annotations

import copy
import importlib.metadata
import importlib.util
import logging
import os
import re
import shutil
import sys
import types
from pathlib import Path

import nbformat
import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/ may or may not become a package
from toc_notebooks import (LAUNCH_CELL_ID, REPO_ROOT, add_launch_cells, launch_cell_source,  # noqa: E402
                           toc_notebooks, with_launch_cell)

NOTEBOOKS = toc_notebooks()
CONFIG = yaml.safe_load((REPO_ROOT / "_config.yml").read_text(encoding="utf8"))


# --- Binder -------------------------------------------------------------------------------------------------------

def _runtime() -> tuple[int, int]:
    text = (REPO_ROOT / "runtime.txt").read_text(encoding="utf8")
    match = re.fullmatch(r"python-(\d+)\.(\d+)\n?", text)
    assert match, f"runtime.txt must read python-X.Y (repo2docker's form), not {text!r}"
    return int(match.group(1)), int(match.group(2))


def test_binders_python_satisfies_the_project():
    import tomllib

    major, minor = _runtime()
    requires = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf8"))["project"]["requires-python"]
    # repo2docker installs the newest release of the series; any patch number past the first few stands for it.
    assert SpecifierSet(requires).contains(f"{major}.{minor}.20"), f"python-{major}.{minor} is outside {requires}"


def test_binders_python_runs_every_pinned_package():
    """requirements.txt's pins, as installed here (make venv), each declare the Pythons they run on."""
    major, minor = _runtime()
    python = f"{major}.{minor}.20"
    refused, missing = [], []
    for line in (REPO_ROOT / "requirements.txt").read_text(encoding="utf8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        requirement = Requirement(line)
        try:
            dist = importlib.metadata.distribution(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            missing.append(requirement.name)
            continue
        if not requirement.specifier.contains(dist.version):
            missing.append(f"{requirement} (installed: {dist.version})")
        elif (spec := dist.metadata.get("Requires-Python")) and not SpecifierSet(spec).contains(python):
            refused.append(f"{requirement}: Requires-Python {spec}")
    assert not missing, f"not installed at the pinned version (run `make venv`): {missing}"
    assert not refused, f"runtime.txt's python-{major}.{minor} cannot install: {refused}"


def test_binder_installs_graphviz_and_the_package():
    assert "graphviz" in (REPO_ROOT / "apt.txt").read_text(encoding="utf8").split()
    post_build = REPO_ROOT / "postBuild"
    assert os.access(post_build, os.X_OK), "repo2docker runs postBuild only when it is executable"
    assert re.search(r"^pip install .*-e \.$", post_build.read_text(encoding="utf8"), re.MULTILINE)
    assert CONFIG["launch_buttons"]["binderhub_url"] and CONFIG["launch_buttons"]["colab_url"]


# --- the launch cell ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("notebook", [path.as_posix() for path in NOTEBOOKS])
def test_every_toc_notebook_starts_with_the_launch_cell(notebook):
    cells = nbformat.read(REPO_ROOT / notebook, as_version=4).cells
    first = cells[0]
    assert first.cell_type == "code" and first.get("id") == LAUNCH_CELL_ID, (
        f"{notebook} does not start with the launch cell: run `python tests/toc_notebooks.py --launch-cell`")
    assert first.source == launch_cell_source(), f"{notebook}: the launch cell differs from launch_cell_source()"
    assert first.metadata.get("tags") == ["remove-cell"], "the web book and the slides leave the launch cell out"
    assert first.outputs == [], "where calcflow is installed the launch cell prints nothing"
    assert sum(cell.get("id") == LAUNCH_CELL_ID for cell in cells) == 1


def test_the_launch_cell_installs_from_the_books_repository():
    url, branch = CONFIG["repository"]["url"], CONFIG["repository"]["branch"]
    assert url == "https://github.com/calcification-pathways/calcification-pathways" and branch == "main"
    assert f'"calcification-pathways @ git+{url}@{branch}"' in launch_cell_source()


class _Kernel:
    """What the cell asks of IPython, recorded instead of done."""

    def __init__(self):
        self.magics: list[tuple[str, str]] = []
        self.shell: list[str] = []

    def run_line_magic(self, name, line):
        self.magics.append((name, line))

    def system(self, command):
        self.shell.append(command)


def _run_launch_cell(monkeypatch, capsys, *, installed: bool, dot: bool, colab: bool):
    """Run the cell's code as IPython would (its magics translated), in a world set up by the arguments."""
    from IPython.core.inputtransformer2 import TransformerManager

    real_find_spec = importlib.util.find_spec
    spec = real_find_spec("calcflow")
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: (spec if installed else None) if name == "calcflow" else real_find_spec(name))
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: "/usr/bin/dot" if dot and name == "dot" else None)
    if colab:
        monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    else:
        monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    kernel = _Kernel()
    code = TransformerManager().transform_cell(launch_cell_source())
    exec(compile(code, "<launch cell>", "exec"), {"get_ipython": lambda: kernel})
    return kernel, capsys.readouterr()


def test_the_launch_cell_does_nothing_where_calcflow_is_installed(monkeypatch, capsys):
    kernel, printed = _run_launch_cell(monkeypatch, capsys, installed=True, dot=False, colab=True)
    assert kernel.magics == [] and kernel.shell == []
    assert printed.out == "" and printed.err == ""


def test_on_colab_the_launch_cell_installs_calcflow_and_graphviz(monkeypatch, capsys):
    kernel, printed = _run_launch_cell(monkeypatch, capsys, installed=False, dot=False, colab=True)
    ((name, line),) = kernel.magics
    assert name == "pip" and line.startswith("install")
    assert "git+https://github.com/calcification-pathways/calcification-pathways@main" in line
    assert "calcification-pathways @" in line, "the distribution's name, never PyPI's unrelated calcflow"
    ((command,),) = [kernel.shell]
    assert "apt-get" in command and "install" in command and "graphviz" in command
    assert printed.out == ""


def test_the_launch_cell_leaves_an_existing_graphviz_alone(monkeypatch, capsys):
    kernel, _ = _run_launch_cell(monkeypatch, capsys, installed=False, dot=True, colab=True)
    assert len(kernel.magics) == 1 and kernel.shell == []


def test_off_colab_the_launch_cell_asks_for_graphviz_instead_of_using_apt(monkeypatch, capsys):
    kernel, printed = _run_launch_cell(monkeypatch, capsys, installed=False, dot=False, colab=False)
    assert len(kernel.magics) == 1 and kernel.shell == []
    assert "Graphviz" in printed.out and "graphviz.org/download" in printed.out


def test_the_book_leaves_the_launch_cell_out():
    """myst-nb (the book build) reads the notebook into tokens; the launch cell never reaches a page."""
    from markdown_it import MarkdownIt
    from myst_nb.core.nb_to_tokens import notebook_to_tokens

    notebook = nbformat.read(REPO_ROOT / NOTEBOOKS[0], as_version=4)
    tokens = notebook_to_tokens(notebook, MarkdownIt("commonmark"), {}, logging.getLogger("test"))
    indices = {token.meta["index"] for token in tokens if token.type in ("nb_cell_markdown_open", "nb_cell_code")}
    assert 0 not in indices and indices, "the launch cell (index 0) reaches the book"


# --- inserting it -------------------------------------------------------------------------------------------------

def _chapter() -> nbformat.NotebookNode:
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    return new_notebook(cells=[
        new_markdown_cell("# A chapter", id="title", metadata={"tags": ["slide-only", "remove-cell"]}),
        new_code_cell("1 + 1", id="sum", execution_count=1, metadata={"tags": ["hide-input"], "mystnb": {"x": 1}},
                      outputs=[new_output("execute_result", data={"text/plain": "2"}, execution_count=1)]),
    ])


def test_inserting_the_launch_cell_keeps_every_other_cell_and_is_idempotent(tmp_path):
    (tmp_path / "book").mkdir()
    for name in ("_config.yml", "pyproject.toml"):
        shutil.copy2(REPO_ROOT / name, tmp_path / name)
    path = tmp_path / "book" / "chapter.ipynb"
    nbformat.write(_chapter(), path)
    before = nbformat.read(path, as_version=4)

    assert add_launch_cells([Path("book/chapter.ipynb")], tmp_path) == [Path("book/chapter.ipynb")]
    after = nbformat.read(path, as_version=4)
    assert [cell.id for cell in after.cells] == [LAUNCH_CELL_ID, "title", "sum"]
    assert after.cells[1:] == before.cells, "the chapter's own cells are untouched (ids, metadata, outputs)"
    assert after.cells[0].execution_count == 0 and after.cells[0].outputs == []
    nbformat.validate(after)

    written = path.read_bytes()
    assert add_launch_cells([Path("book/chapter.ipynb")], tmp_path) == []
    assert path.read_bytes() == written, "a second run leaves the file as it is"


def test_an_outdated_or_misplaced_launch_cell_is_replaced_not_repeated():
    source = launch_cell_source()
    notebook = _chapter()
    assert with_launch_cell(notebook, "# an older launch cell")
    notebook.cells.append(copy.deepcopy(notebook.cells.pop(0)))  # a merge moved it to the end
    assert with_launch_cell(notebook, source)
    assert [cell.id for cell in notebook.cells] == [LAUNCH_CELL_ID, "title", "sum"]
    assert notebook.cells[0].source == source
    assert not with_launch_cell(notebook, source)
