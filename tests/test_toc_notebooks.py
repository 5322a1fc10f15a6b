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
from toc_notebooks import WIDGET_VIEW, execute_in_place, without_widget_views  # noqa: E402

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
