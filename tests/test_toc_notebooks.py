"""How tests/toc_notebooks.py stores a notebook's outputs (execute_in_place, `make notebooks`).

A widget's stored output carries its text/html and no widget view: the view names a model of the kernel that ran the
notebook, and a reopened notebook would show "Error displaying widget: model not found" for it in JupyterLab and
Notebook 7 where the text/html says how to run the widget. No browser; one kernel.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/ may or may not become a package
from toc_notebooks import (REPO_ROOT, WIDGET_VIEW, collapsed_metadata, execute_in_place, toc_notebooks,  # noqa: E402
                           without_widget_views)

pytest.importorskip("nbclient")


def _notebook(*sources: str):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def test_a_stored_widget_output_carries_its_html_and_no_widget_view(tmp_path):
    path = tmp_path / "book" / "widget.ipynb"
    path.parent.mkdir()
    nbformat.write(_notebook("from calcflow.widgets import Explorer\nExplorer(shape='punctate')", "print('done')"),
                   path)
    execute_in_place([Path("book/widget.ipynb")], root=tmp_path)
    stored = nbformat.read(path, as_version=4)
    (widget,), (printed,) = (cell.outputs for cell in stored.cells)
    assert widget.output_type == "execute_result"
    assert WIDGET_VIEW not in widget.data, "a stored widget output names a model of a kernel that is gone"
    assert set(widget.data) == {"text/html", "text/plain"}
    assert 'data-calcflow-static="explorer"' in widget.data["text/html"]
    assert "Run this cell to use the explorer here." in widget.data["text/html"]
    assert printed.output_type == "stream" and printed.text == "done\n"
    assert "widgets" not in stored.metadata, "no saved widget state either"
    assert all("jupyter" not in cell.metadata for cell in stored.cells), "untagged cells are not collapsed"
    # The kernel named as JupyterLab names it when it starts it: the notebook does not open modified.
    from jupyter_client.kernelspec import KernelSpecManager
    spec = KernelSpecManager().get_kernel_spec("python3")
    assert stored.metadata.kernelspec == {"display_name": spec.display_name, "language": "python", "name": "python3"}


def test_without_widget_views_keeps_every_other_representation():
    notebook = _notebook("a", "b")
    notebook.cells[0].outputs = [nbformat.v4.new_output(
        "execute_result", data={WIDGET_VIEW: {"model_id": "x"}, "text/html": "<p>h</p>", "text/plain": "p"},
        execution_count=1)]
    notebook.cells[1].outputs = [nbformat.v4.new_output("display_data", data={WIDGET_VIEW: {"model_id": "y"}}),
                                 nbformat.v4.new_output("stream", name="stdout", text="s")]
    without_widget_views(notebook)
    assert notebook.cells[0].outputs[0].data == {"text/html": "<p>h</p>", "text/plain": "p"}
    assert notebook.cells[1].outputs[0].data == {}
    assert notebook.cells[1].outputs[1].text == "s"
    nbformat.validate(notebook)


def _tagged(cell_type: str, source: str, *tags: str, **metadata):
    make = nbformat.v4.new_code_cell if cell_type == "code" else nbformat.v4.new_markdown_cell
    return make(source, metadata={"tags": list(tags), **metadata} if tags else dict(metadata))


def test_collapsed_metadata_folds_what_the_web_book_leaves_out_and_nothing_else():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        _tagged("code", "draw()", "hide-input"),
        _tagged("markdown", "## Slide\n- a point", "slide-only", "remove-cell", slideshow={"slide_type": "slide"}),
        _tagged("code", "vote()", "slide-only", "remove-cell"),
        _tagged("code", "import calcflow", "remove-cell"),
        _tagged("markdown", "Prose."),
        _tagged("code", "explorer.choice = {}", "hide-input", "show-code-in-jupyterlab"),
        # collapsed by hand once, then untagged: unfolded again, the cell's other jupyter metadata kept
        _tagged("code", "x = 1", jupyter={"source_hidden": True, "other": 1}),
    ]
    assert collapsed_metadata(notebook) is True
    assert [cell.metadata.get("jupyter") for cell in notebook.cells] == [
        {"source_hidden": True},
        {"source_hidden": True},                          # a markdown cell has no outputs to fold
        {"source_hidden": True, "outputs_hidden": True},
        None, None, None,
        {"other": 1}]
    assert notebook.cells[1].metadata["slideshow"] == {"slide_type": "slide"}
    nbformat.validate(notebook)
    assert collapsed_metadata(notebook) is False, "a second run changes nothing"


@pytest.mark.parametrize("path", toc_notebooks(), ids=lambda path: path.stem)
def test_every_chapter_opens_in_jupyterlab_folded_as_the_web_book_shows_it(path):
    """Run `python tests/toc_notebooks.py --collapse` (or `make notebooks`) when this fails."""
    notebook = nbformat.read(REPO_ROOT / path, as_version=4)
    tagged = 0
    for index, cell in enumerate(notebook.cells):
        tags = set(cell.metadata.get("tags", []))
        folded = cell.metadata.get("jupyter", {})
        if "slide-only" in tags:
            tagged += 1
            assert folded.get("source_hidden") is True, f"{path.name} cell {index}: a slide-only cell shows in full"
            if cell.cell_type == "code":
                assert folded.get("outputs_hidden") is True, f"{path.name} cell {index}: a slide's output shows"
        elif "hide-input" in tags and "show-code-in-jupyterlab" not in tags:
            tagged += 1
            assert folded == {"source_hidden": True}, f"{path.name} cell {index}: hide-input cell shows its code"
        else:
            assert not folded.get("source_hidden") and not folded.get("outputs_hidden"), (
                f"{path.name} cell {index} is folded away but the web book shows it")
    assert tagged, f"{path.name}: no hide-input or slide-only cell (is this still a chapter?)"
