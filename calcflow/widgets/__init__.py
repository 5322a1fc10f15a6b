"""Interactive widgets for the book: live in JupyterLab (anywidget), and self-contained in the static HTML.

Each widget is a small Python class with one ES module and one CSS file beside it. The same module runs in both
hosts: the kernel's widget model in JupyterLab, and a stand-in model over embedded JSON on a static page
(see `standalone`).
"""
from calcflow.widgets.caseplayer import CasePlayer
from calcflow.widgets.explorer import Explorer
from calcflow.widgets.progress import Progress
from calcflow.widgets.quiz import Quiz, learning_checks
from calcflow.widgets.reader import Reader

__all__ = ["CasePlayer", "Explorer", "Progress", "Quiz", "Reader", "learning_checks"]
