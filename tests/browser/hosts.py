"""Bringing a page's widgets to life the way a reader does, by scrolling to them.

In the built book a widget whose state is a file of the site (the explorer's and the case player's tables) starts
only when it comes near the window (calcflow/widgets/js/shared/host.js). bring_widgets_near(page) scrolls to each
widget host in turn, letting the page see it, then back to where the page was; the widgets then load and start.
Widgets whose state is in the page (harness pages, the quizzes) start at once either way.
"""
from __future__ import annotations

from calcflow.publish.widget_code import BRING_WIDGETS_NEAR, WIDGETS_READY  # noqa: F401 - WIDGETS_READY re-exported


def bring_widgets_near(page) -> None:
    """Scroll each widget host into view in turn, then back."""
    page.evaluate(BRING_WIDGETS_NEAR)


def wait_until_ready(page, root: str) -> None:
    """Bring the page's widgets near, then wait until the widget root `root` says it is interactive."""
    bring_widgets_near(page)
    page.wait_for_selector(f'{root}[data-ready="true"]')
