"""The notebooks of the book, in the order of _toc.yml.

    python tests/toc_notebooks.py               print the .ipynb paths listed in _toc.yml, one per line
    python tests/toc_notebooks.py --execute     re-execute each of them in place, storing the outputs
    python tests/toc_notebooks.py --launch-cell give each of them the launch cell first (see below); idempotent
    python tests/toc_notebooks.py --collapse    fold away, in JupyterLab, what the web book leaves out (see below)

Used by the Makefile (nbval runs over exactly these notebooks) and importable by tests
(`from toc_notebooks import toc_notebooks`). A file named in the toc that does not exist is an error,
so a missing chapter cannot drop silently out of the test run.

The launch cell: a chapter opened on its own (the Colab button, or one notebook downloaded) has no calcflow. Every
notebook in the toc starts with the same code cell (launch_cell_source), tagged `remove-cell` so the web book and
the slides leave it out, which installs the book's package from the repository named in _config.yml when it is
missing and does nothing, printing nothing, where it is installed (so nbval compares it with no stored output).
`--launch-cell` inserts it, or brings an older one up to date, and leaves every other cell as it is.

Collapsed cells: the web book hides the code of `hide-input` cells and leaves `slide-only` cells (the lecture deck's
points and figures) out. JupyterLab and Notebook 7 read neither tag; they fold a cell's source or outputs away when
its metadata says `jupyter.source_hidden` / `jupyter.outputs_hidden` (a click on the bar beside it unfolds it).
`--collapse` sets exactly those on exactly those cells (collapsed_metadata), so a student in JupyterLab reads the
chapter as the web book shows it; `--execute` does the same. A hide-input cell whose code is the lesson in JupyterLab
(driving a widget from Python) is also tagged `show-code-in-jupyterlab`, and stays unfolded.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE_SUFFIXES = (".ipynb", ".md")
EXECUTION_TIMEOUT_S = 120  # the same as execute.timeout in _config.yml
LAUNCH_CELL_ID = "calcflow-launch"
LAUNCH_CELL_TAGS = ["remove-cell"]
LAUNCH_CELL = """\
# Opened on its own (Google Colab, or a Jupyter without the book): run this cell first. It installs the book's
# Python package, calcflow, from the book's repository; where calcflow is installed already (the book's own
# environment, Binder) it does nothing.
import importlib.util
import shutil
import sys

if importlib.util.find_spec("calcflow") is None:
    %pip install --quiet "{distribution} @ git+{url}@{branch}"
    # The flowcharts need Graphviz's `dot` program, a system package that pip cannot install. On Colab only, where
    # the notebook may use apt-get, Graphviz is installed with it when `dot` is missing; elsewhere, install it yourself.
    if shutil.which("dot") is None:
        if "google.colab" in sys.modules:
            !apt-get -qq update && apt-get -qq install --yes graphviz > /dev/null
        else:
            print("The flowcharts need Graphviz: install it (https://graphviz.org/download/), then restart the kernel.")"""

# Tag -> what JupyterLab folds away: the code of a cell the book shows without it; all of a slide-only cell.
COLLAPSED_BY_TAG = {"hide-input": {"source_hidden": True},
                    "slide-only": {"source_hidden": True, "outputs_hidden": True}}
SHOW_CODE_TAG = "show-code-in-jupyterlab"

# A widget's live view: a reference to a model that lives only as long as the kernel that made it.
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class TocError(Exception):
    """_toc.yml names something that is not in the repository."""


def _walk_entries(node):
    """Yield every `file:` and `glob:` entry of a jb-book toc, depth first, in reading order."""
    if isinstance(node, dict):
        for key in ("file", "glob"):
            if key in node:
                yield key, node[key]
        for key in ("parts", "chapters", "sections"):
            for child in node.get(key) or []:
                yield from _walk_entries(child)
    elif isinstance(node, list):
        for child in node:
            yield from _walk_entries(child)


def _resolve(entry: str, root: Path) -> Path:
    candidate = root / entry
    if candidate.suffix in SOURCE_SUFFIXES and candidate.is_file():
        return candidate
    for suffix in SOURCE_SUFFIXES:
        with_suffix = root / f"{entry}{suffix}"
        if with_suffix.is_file():
            return with_suffix
    raise TocError(f"_toc.yml lists {entry!r}, but neither {entry}.ipynb nor {entry}.md exists under {root}")


def toc_files(root: Path = REPO_ROOT) -> list[Path]:
    """Every source file of the book (root page first), in toc order, relative to `root`."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf8"))
    files = [_resolve(toc["root"], root)]
    for kind, entry in _walk_entries(toc):
        if kind == "file":
            files.append(_resolve(entry, root))
        else:
            files.extend(sorted(p for p in root.glob(entry) if p.suffix in SOURCE_SUFFIXES))
    return [path.relative_to(root) for path in dict.fromkeys(files)]


def toc_notebooks(root: Path = REPO_ROOT) -> list[Path]:
    """The .ipynb files listed in _toc.yml, in toc order, relative to `root`."""
    return [path for path in toc_files(root) if path.suffix == ".ipynb"]


def launch_cell_source(root: Path = REPO_ROOT) -> str:
    """The launch cell's code: installs the distribution that pyproject.toml names (the package calcflow) from
    `repository.url` at `repository.branch` in root/_config.yml."""
    distribution = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf8"))["project"]["name"]
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf8"))
    repository = config.get("repository") or {}
    url, branch = repository.get("url"), repository.get("branch") or "main"
    if not url:
        raise TocError(f"{root / '_config.yml'} has no repository.url: the launch cell installs from there")
    return LAUNCH_CELL.format(distribution=distribution, url=url.rstrip("/"), branch=branch)


def with_launch_cell(notebook, source: str) -> bool:
    """Make the launch cell the notebook's first cell, in place; True if the notebook changed.

    A cell with LAUNCH_CELL_ID anywhere else is taken out (an older launch cell, moved by a merge); an up-to-date
    one keeps its execution count. Every other cell, with its id, metadata and outputs, is left as it was."""
    from nbformat.v4 import new_code_cell

    first = notebook.cells[0] if notebook.cells else None
    current = (first is not None and first.cell_type == "code" and first.get("id") == LAUNCH_CELL_ID
               and first.source == source and first.metadata == {"tags": LAUNCH_CELL_TAGS} and not first.outputs
               and sum(cell.get("id") == LAUNCH_CELL_ID for cell in notebook.cells) == 1)
    if current:
        return False
    # Executed before the chapter's first cell (count 1): 0 keeps the stored counts of the other cells as they are.
    cell = new_code_cell(source, id=LAUNCH_CELL_ID, metadata={"tags": list(LAUNCH_CELL_TAGS)}, execution_count=0)
    notebook.cells = [cell] + [other for other in notebook.cells if other.get("id") != LAUNCH_CELL_ID]
    return True


def add_launch_cells(notebooks: list[Path], root: Path = REPO_ROOT) -> list[Path]:
    """Give each notebook the launch cell first (with_launch_cell); the notebooks that changed."""
    import nbformat

    source, changed = launch_cell_source(root), []
    for relative in notebooks:
        path = root / relative
        notebook = nbformat.read(path, as_version=4)
        if notebook.nbformat_minor < 5:
            raise TocError(f"{relative} is nbformat 4.{notebook.nbformat_minor}: cell ids need 4.5 "
                           "(open and save it in JupyterLab)")
        if with_launch_cell(notebook, source):
            nbformat.write(notebook, path)
            changed.append(relative)
    return changed


def collapsed_metadata(notebook) -> bool:
    """Set `jupyter.source_hidden` / `outputs_hidden` on each cell as COLLAPSED_BY_TAG says for its tags, and take
    them off every other cell (in place); True if a cell changed. A cell's other metadata is left as it is."""
    changed = False
    for cell in notebook.cells:
        wanted: dict = {}
        for tag in cell.metadata.get("tags", []):
            wanted.update(COLLAPSED_BY_TAG.get(tag, {}))
        if cell.cell_type == "markdown":
            wanted.pop("outputs_hidden", None)
        if SHOW_CODE_TAG in cell.metadata.get("tags", []):
            wanted.pop("source_hidden", None)
        jupyter = dict(cell.metadata.get("jupyter", {}))
        for key in ("source_hidden", "outputs_hidden"):
            jupyter.pop(key, None)
        jupyter.update(wanted)
        if jupyter != cell.metadata.get("jupyter", {}):
            changed = True
            if jupyter:
                cell.metadata["jupyter"] = jupyter
            else:
                cell.metadata.pop("jupyter", None)
    return changed


def collapse_cells(notebooks: list[Path], root: Path = REPO_ROOT) -> list[Path]:
    """collapsed_metadata on each notebook, written back when it changed; the notebooks that changed."""
    import nbformat

    changed = []
    for relative in notebooks:
        path = root / relative
        notebook = nbformat.read(path, as_version=4)
        if collapsed_metadata(notebook):
            nbformat.write(notebook, path)
            changed.append(relative)
    return changed


def without_widget_views(notebook) -> None:
    """Drop the widget-view representation from every output of `notebook` (in place), keeping the others.

    A stored widget view names a model of the kernel that ran the notebook. Reopened without that kernel, JupyterLab
    and Notebook 7 show "Error displaying widget: model not found" for a trusted notebook, where the widget's
    text/html (calcflow.widgets.standalone: "… Run this cell to use the explorer here.") is what they can show; the
    book and the slides use the text/html anyway. nbval never compares this representation (its model ids differ on
    every run), so the stored outputs still match a fresh run.
    """
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)


def _kernelspec(name: str) -> dict:
    """The notebook metadata naming kernel `name` as JupyterLab writes it when it starts that kernel: a notebook that
    says something else ("Python 3" for "Python 3 (ipykernel)") opens in JupyterLab already modified."""
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(name)
    return {"display_name": spec.display_name, "language": spec.language, "name": name}


def execute_in_place(notebooks: list[Path], root: Path = REPO_ROOT) -> None:
    """Run each notebook top to bottom in the current Python environment and store its outputs.

    Like `jupyter execute --inplace`, but without per-cell timing metadata (timestamps would change the file on
    every run), without saved widget state and without widget views (without_widget_views): a widget's stored
    output is its text/html representation, which the HTML book shows and JupyterLab shows until the cell is run.
    The kernelspec metadata is the kernel's own (_kernelspec), so JupyterLab opens the notebook unmodified.
    """
    import nbformat
    from nbclient import NotebookClient

    kernelspec = _kernelspec("python3")

    for relative in notebooks:
        path = root / relative
        print(f"executing {relative}", flush=True)
        notebook = nbformat.read(path, as_version=4)
        notebook.metadata.pop("widgets", None)   # state saved by an earlier run elsewhere (e.g. nbconvert)
        NotebookClient(
            notebook,
            timeout=EXECUTION_TIMEOUT_S,
            kernel_name="python3",
            record_timing=False,
            store_widget_state=False,
            resources={"metadata": {"path": str(path.parent)}},
        ).execute()
        without_widget_views(notebook)
        collapsed_metadata(notebook)
        notebook.metadata["kernelspec"] = kernelspec
        nbformat.write(notebook, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--execute", action="store_true", help="re-execute the notebooks in place")
    action.add_argument("--launch-cell", action="store_true",
                        help="make the launch cell (install calcflow where it is missing) each notebook's first cell")
    action.add_argument("--collapse", action="store_true",
                        help="fold away in JupyterLab the code of hide-input cells and all of slide-only cells")
    args = parser.parse_args(argv)
    try:
        notebooks = toc_notebooks()
    except TocError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if not notebooks:
        print("error: _toc.yml lists no notebooks", file=sys.stderr)
        return 1
    if args.execute:
        execute_in_place(notebooks)
    elif args.launch_cell:
        try:
            changed = add_launch_cells(notebooks)
        except TocError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        for path in changed:
            print(f"launch cell added or updated: {path.as_posix()}")
        print(f"{len(changed)} of {len(notebooks)} notebooks changed")
    elif args.collapse:
        changed = collapse_cells(notebooks)
        for path in changed:
            print(f"cells collapsed: {path.as_posix()}")
        print(f"{len(changed)} of {len(notebooks)} notebooks changed")
    else:
        print("\n".join(path.as_posix() for path in notebooks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
