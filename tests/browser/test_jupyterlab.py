"""A chapter in a real JupyterLab and in Jupyter Notebook 7, the way a learner opens it: as good as the web book.

The module starts `jupyter lab` from this Python environment on 127.0.0.1 (a free port, a token, no browser), with a
temporary root holding two copies of explore-the-pathway.ipynb, executed (while the server starts) and stored by
tests/toc_notebooks.py's execute_in_place, as the book's notebooks are: lab/ signed as trusted, as a notebook that
JupyterLab saved itself is; nb7/ untrusted, as a notebook fresh from the repository is. The same server serves
Notebook 7 (the `notebook` package's extension). Chromium (Playwright) opens them with every request that leaves the
server aborted and recorded.

JupyterLab: before the cells run, the chapter's MyST is rendered (jupyterlab-myst) and each widget cell shows its
stored text/html — "… Run this cell to use the explorer here." — not "model not found", nor a note that JavaScript
is off. After Run All, a menu of the explorer is changed with the mouse and another with the arrow key, and the kernel
reads both choices (a new cell prints them); the arrow key leaves the notebook on its cell, and so does ↓ on a radio
button of the learning checks. The explorer's answer box shows each label above its value (or level beside it), in
the notebook and in presentation mode. Notebook 7: the untrusted copy shows the same stored views, the explorer runs,
and the arrow key changes a menu there too. Neither page asks for anything beyond 127.0.0.1, and the widgets' code
throws nothing (JupyterLab's own console errors are not this book's to test).

Without JupyterLab (or when it cannot start here) the tests skip, saying why; under CI (env CI set) they fail instead.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ may or may not become a package
from toc_notebooks import REPO_ROOT, execute_in_place  # noqa: E402

CHAPTER = "explore-the-pathway.ipynb"
START_TIMEOUT_S = 120  # a loaded machine (2 cores) takes long to import JupyterLab
TIMEOUT_MS = 90_000
EXPLORER = '.jp-OutputArea-output .calcflow-explorer[data-ready="true"]:not(.cfx-slide)'
LOCAL_SCHEMES = ("data:", "blob:", "about:")
# What the chapter's widget cells show until they are run (calcflow.widgets.standalone.RUN_TO_USE), and nothing else.
STORED_VIEWS = {"The pathway explorer is interactive. Run this cell to use the explorer here.",
                "These learning checks are interactive. Run this cell to answer them here."}


def running_under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def cannot_run(message: str):
    if running_under_ci():
        pytest.fail(f"{message} — under CI the JupyterLab tests must not be skipped", pytrace=False)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _stored_chapter(root: Path, data_dir: Path) -> None:
    """The chapter executed and stored by execute_in_place, twice: lab/ trusted, nb7/ not."""
    import nbformat
    from nbformat.sign import NotebookNotary

    executed = root / "executed" / CHAPTER
    executed.parent.mkdir()
    shutil.copy(REPO_ROOT / "book" / CHAPTER, executed)
    execute_in_place([executed.relative_to(root)], root=root)
    for folder, trusted in (("lab", True), ("nb7", False)):
        notebook = nbformat.read(executed, as_version=4)
        if trusted:
            NotebookNotary(data_dir=str(data_dir)).sign(notebook)
        else:  # trust goes by content: the untrusted copy must differ from the signed one
            notebook.metadata["calcflow_test"] = "an untrusted copy"
        (root / folder).mkdir()
        nbformat.write(notebook, root / folder / CHAPTER)


def _quiet_settings(config_dir: Path) -> None:
    """No question about Jupyter news (its toast would sit over the page), and no check for updates."""
    settings = config_dir / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8")


@pytest.fixture(scope="module")
def jupyter(tmp_path_factory):
    """The server: its base URL and token, and the root with the chapter's copies."""
    jupyter_bin = Path(sys.executable).with_name("jupyter")
    try:
        import jupyterlab  # noqa: F401
        import notebook  # noqa: F401
    except ImportError as error:
        cannot_run(f"JupyterLab or Notebook 7 is not installed in this environment ({error}): run `make venv`")
    if not jupyter_bin.exists():
        cannot_run(f"{jupyter_bin} is missing: run `make venv`")
    home = tmp_path_factory.mktemp("jupyter-home")
    root = tmp_path_factory.mktemp("jupyter-root")
    config_dir, data_dir = home / "config", home / "data"
    data_dir.mkdir()
    _quiet_settings(config_dir)
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(config_dir), "JUPYTER_DATA_DIR": str(data_dir),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "IPYTHONDIR": str(home / "ipython"),
           "PYDEVD_DISABLE_FILE_VALIDATION": "1",
           # The kernel imports this checkout's calcflow, whatever is installed.
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))}
    command = [str(jupyter_bin), "lab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True",
               "--JupyterNotebookApp.expose_app_in_browser=True", "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--LabApp.extension_manager=readonly"]
    log = (home / "server.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=root)
    base = f"http://127.0.0.1:{port}"
    try:
        _stored_chapter(root, data_dir)
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if server.poll() is not None:
                cannot_run(f"jupyter lab exited with {server.returncode} before it served: "
                           f"{(home / 'server.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    cannot_run(f"jupyter lab did not answer on {base} within {START_TIMEOUT_S} s")
                time.sleep(0.25)
        yield {"base": base, "token": token, "root": root}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture()
def jupyter_page(browser, jupyter):
    """A page in a fresh context that aborts and records every request leaving the server, WebSockets included."""
    base = jupyter["base"]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.external_requests = []
    page.widget_errors = []

    server = (f"{base}/", f"ws://{base.removeprefix('http://')}/")

    def allowed(url: str) -> bool:
        return url.startswith(LOCAL_SCHEMES) or url.startswith(server)

    def route(route_):
        if allowed(route_.request.url):
            route_.continue_()
        else:
            route_.abort("blockedbyclient")

    def record(url: str):
        if not allowed(url) and url not in page.external_requests:
            page.external_requests.append(url)

    context.route("**/*", route)
    page.on("request", lambda request: record(request.url))
    page.on("websocket", lambda socket_: record(socket_.url))
    # Uncaught exceptions thrown by the widgets' own code: anywidget imports a widget's module from a blob: URL.
    page.on("pageerror", lambda error: page.widget_errors.append(f"{error}\n{error.stack}")
            if "blob:" in (error.stack or "") else None)
    try:
        yield page
    finally:
        context.close()


# --- driving the front end (JupyterLab and Notebook 7 both expose their app as window.jupyterapp here) -----------

_KERNEL_READY = """() => {
    const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const session = panel && panel.sessionContext && panel.sessionContext.session;
    return Boolean(session && session.kernel && session.kernel.connectionStatus === "connected"
        && panel.content && panel.content.widgets.length);
}"""
_ACTIVE_CELL = "() => window.jupyterapp.shell.currentWidget.content.activeCellIndex"
_TRUSTED = """() => [...window.jupyterapp.shell.currentWidget.content.model.cells]
    .filter((cell) => cell.type === "code").map((cell) => cell.trusted)"""
_LAST_OUTPUT = """() => {
    const cells = window.jupyterapp.shell.currentWidget.content.widgets;
    const outputs = cells[cells.length - 1].model.outputs.toJSON();
    return outputs.map((o) => o.text || "").join("");
}"""
_RUN_NEW_CELL = """async (code) => {
    const app = window.jupyterapp;
    const notebook = app.shell.currentWidget.content;
    notebook.activeCellIndex = notebook.widgets.length - 1;
    await app.commands.execute("notebook:insert-cell-below");
    notebook.activeCell.model.sharedModel.setSource(code);
    await app.commands.execute("notebook:run-cell");
}"""


def open_notebook(page, jupyter, url_path: str) -> None:
    """Open the notebook and wait for its kernel; it opens unmodified (execute_in_place stores the kernel's name as
    the front end writes it)."""
    page.goto(f"{jupyter['base']}/{url_path}?token={jupyter['token']}", wait_until="load")
    page.wait_for_function(_KERNEL_READY)
    page.wait_for_timeout(500)  # the front end writes the kernel's name into the notebook once it has started
    assert not page.evaluate("() => window.jupyterapp.shell.currentWidget.context.model.dirty"), (
        "the notebook opens modified")


def run_all(page):
    """Run every cell; returns the live explorer's root."""
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    root = page.locator(EXPLORER).first
    root.wait_for()
    return root


def run_the_explorer_cell(page):
    """Run the cell that makes the chapter's explorer (the first cell naming `explorer = Explorer(`); its root."""
    page.evaluate("""async () => {
        const app = window.jupyterapp, notebook = app.shell.currentWidget.content;
        notebook.activeCellIndex = notebook.widgets.findIndex(
            (cell) => cell.model.sharedModel.getSource().includes("explorer = Explorer("));
        await app.commands.execute("notebook:run-cell");
    }""")
    root = page.locator(EXPLORER).first
    root.wait_for()
    return root


def kernel_prints(page, code: str) -> str:
    """Run `code` in a new cell at the end of the notebook; what it printed."""
    page.evaluate(_RUN_NEW_CELL, code)
    page.wait_for_function(f"() => ({_LAST_OUTPUT})().length > 0")
    return page.evaluate(_LAST_OUTPUT).strip()


def press_arrow_in(page, select) -> tuple[str, str]:
    """Focus the menu and press ↓; the menu's value before and after. The notebook must stay on its cell."""
    select.scroll_into_view_if_needed()
    select.focus()
    before, cell = select.input_value(), page.evaluate(_ACTIVE_CELL)
    page.keyboard.press("ArrowDown")
    page.wait_for_function("([el, before]) => el.value !== before", arg=[select.element_handle(), before],
                           timeout=5_000)
    after = select.input_value()
    assert page.evaluate(_ACTIVE_CELL) == cell, "↓ in a menu moved the notebook to another cell"
    assert page.evaluate("(el) => document.activeElement === el", select.element_handle()), "the menu lost focus"
    return before, after


_ANSWER_BOXES = """(root) => {
    const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    return {summary: box(root.querySelector(".cfx-summary")),
            entries: [...root.querySelectorAll(".cfx-summary dl > div")].map((entry) => ({
                label: entry.querySelector("dt").textContent,
                dt: box(entry.querySelector("dt")), dd: box(entry.querySelector("dd"))}))};
}"""


def answer_box_problems(root) -> list[str]:
    """Each label (dt) above its value (dd) or beside it, no two boxes overlapping, all inside the answer box."""
    boxes = root.evaluate(_ANSWER_BOXES)
    problems = []
    placed = []
    slack = 0.5
    left, top, right, bottom = boxes["summary"]
    for entry in boxes["entries"]:
        dt, dd = entry["dt"], entry["dd"]
        above = dt[3] <= dd[1] + slack
        beside = dt[2] <= dd[0] + slack and abs(dt[1] - dd[1]) <= 4
        if not (above or beside):
            problems.append(f"{entry['label']!r}: label {dt} neither above nor level beside its value {dd}")
        for name, b in (("label", dt), ("value", dd)):
            if b[0] < left - slack or b[2] > right + slack or b[1] < top - slack or b[3] > bottom + slack:
                problems.append(f"{entry['label']!r}: its {name} {b} leaves the answer box {boxes['summary']}")
            for other_name, other in placed:
                overlap_x = min(b[2], other[2]) - max(b[0], other[0])
                overlap_y = min(b[3], other[3]) - max(b[1], other[1])
                if overlap_x > slack and overlap_y > slack:
                    problems.append(f"{entry['label']!r}: its {name} overlaps {other_name}")
        placed += [(f"{entry['label']!r}'s label", dt), (f"{entry['label']!r}'s value", dd)]
    for upper, lower in zip(boxes["entries"], boxes["entries"][1:]):
        if max(upper["dt"][3], upper["dd"][3]) > min(lower["dt"][1], lower["dd"][1]) + slack:
            problems.append(f"{upper['label']!r} and {lower['label']!r} are not one below the other")
    if len(boxes["entries"]) < 4:
        problems.append(f"the answer box has {len(boxes['entries'])} entries")
    return problems


# The notebook draws a cell when it comes into view: each widget cell is scrolled to, and read once drawn.
_STORED_VIEWS = """async () => {
    const notebook = window.jupyterapp.shell.currentWidget.content;
    const hosts = (cell) => cell.model.outputs.toJSON().some((output) =>
        String((output.data || {})["text/html"] || "").includes("calcflow-static"));
    const views = [];
    for (const [index, cell] of notebook.widgets.entries()) {
        if (cell.model.type !== "code" || cell.outputHidden || !hosts(cell)) continue;
        await notebook.scrollToItem(index, "start");
        const shown = () => (cell.node.querySelector(".jp-OutputArea-output") || {innerText: ""}).innerText.trim();
        for (let wait = 0; wait < 200 && !shown(); wait++) await new Promise((resolve) => setTimeout(resolve, 50));
        views.push(shown() || "(not drawn)");
    }
    return views;
}"""
_SCROLL_TO_CELL = """async (needle) => {
    const notebook = window.jupyterapp.shell.currentWidget.content;
    const index = notebook.widgets.findIndex((cell) => cell.model.sharedModel.getSource().includes(needle));
    await notebook.scrollToItem(index, "start");
}"""


# Each cell's tags, and whether JupyterLab shows it folded away (its code, its outputs) as the notebook's metadata says.
_FOLDED = """() => window.jupyterapp.shell.currentWidget.content.widgets.map((cell) => ({
    tags: cell.model.getMetadata("tags") || [], type: cell.model.type,
    input: cell.inputHidden, output: cell.model.type === "code" ? cell.outputHidden : false}))"""


def folding_problems(page) -> list[str]:
    """What the web book leaves out is folded in JupyterLab: a slide-only cell whole, a hide-input cell's code (not a
    cell whose code is the lesson); every other cell is open."""
    problems = []
    for index, cell in enumerate(page.evaluate(_FOLDED)):
        tags = set(cell["tags"])
        if "slide-only" in tags:
            expected = (True, cell["type"] == "code")
        elif "hide-input" in tags and "show-code-in-jupyterlab" not in tags:
            expected = (True, False)
        else:
            expected = (False, False)
        if (cell["input"], cell["output"]) != expected:
            problems.append(f"cell {index} {sorted(tags)}: source/outputs folded {cell['input'], cell['output']}, "
                            f"expected {expected}")
    return problems


def stored_views(page) -> list[str]:
    """What each widget cell shows before it is run: the visible text of each output holding a widget's host."""
    return page.evaluate(_STORED_VIEWS)


def assert_stored_views(page) -> None:
    """Each widget cell shows its line, saying what to do: no error, no word of JavaScript being off."""
    views = stored_views(page)
    # The explorer, the learning checks; the four slide-only explorers are folded away (folding_problems).
    assert len(views) == 2, f"the chapter shows two widget cells, {len(views)} show their stored view: {views}"
    assert set(views) == STORED_VIEWS, f"before the run, the widget cells show: {sorted(set(views))}"


# --- the tests ---------------------------------------------------------------------------------------------------

def test_a_chapter_in_jupyterlab(jupyter, jupyter_page):
    page = jupyter_page
    open_notebook(page, jupyter, f"lab/tree/lab/{CHAPTER}")

    # Before the run: MyST rendered, and each widget cell's stored HTML, saying what to do.
    page.locator(".jp-MarkdownCell aside.myst-admonition").first.wait_for()
    markdown = page.evaluate("() => [...document.querySelectorAll('.jp-MarkdownCell .myst, "
                             ".jp-MarkdownCell .jp-RenderedMarkdown')].map((shown) => shown.textContent).join(' ')")
    for raw in ("```{admonition}", "{cite:p}`", "{term}`"):
        assert raw not in markdown, f"MyST shown as raw text in JupyterLab: {raw}"
    assert set(page.evaluate(_TRUSTED)) == {True}
    assert not folding_problems(page), folding_problems(page)
    assert_stored_views(page)  # a trusted notebook: JupyterLab would show a stored widget view ("model not found")

    root = run_all(page)
    assert "Error displaying widget" not in page.locator(".jp-Notebook").inner_text()

    # By mouse: the shape menu, amorphous chosen from its list.
    shape = root.locator('select[name="shape"]')
    shape.scroll_into_view_if_needed()
    shape.click()
    page.keyboard.press("Escape")  # close the open list; the choice is made below as a click in it would
    shape.select_option("amorphous")
    # By keyboard: the pattern menu, one step down with the arrow key (grouped → linear).
    before, pattern = press_arrow_in(page, root.locator('select[name="pattern"]'))
    assert (before, pattern) == ("grouped", "linear")
    seen = kernel_prints(page, 'print(explorer.choice["shape"], explorer.choice["pattern"])')
    assert seen == "amorphous linear", "the kernel did not get the choices made in the page"

    # A radio button of the learning checks: clicked, then ↓ moves the choice to the next option, not the notebook.
    page.evaluate(_SCROLL_TO_CELL, "learning_checks(")
    quiz = page.locator('.jp-OutputArea-output .calcflow-quiz[data-ready="true"]').first
    first, second = quiz.locator('input[type="radio"]').nth(0), quiz.locator('input[type="radio"]').nth(1)
    first.scroll_into_view_if_needed()
    first.click()
    cell = page.evaluate(_ACTIVE_CELL)
    page.keyboard.press("ArrowDown")
    assert second.is_checked() and second.evaluate("(el) => document.activeElement === el"), (
        "↓ on a radio button did not move to the next option")
    assert page.evaluate(_ACTIVE_CELL) == cell, "↓ on a radio button moved the notebook to another cell"

    # The answer box: labels above their values, in the notebook and in presentation mode.
    root.scroll_into_view_if_needed()
    assert not answer_box_problems(root), answer_box_problems(root)
    root.locator('[data-calcflow="present"]').click()
    page.wait_for_function("(el) => el.classList.contains('cf-presenting')", arg=root.element_handle())
    page.wait_for_timeout(300)  # the zoom settles
    assert not answer_box_problems(root), f"in presentation mode: {answer_box_problems(root)}"
    page.keyboard.press("Escape")
    page.wait_for_function("(el) => !el.classList.contains('cf-presenting')", arg=root.element_handle())

    assert not page.external_requests, f"JupyterLab's page asked beyond 127.0.0.1: {page.external_requests}"
    assert not page.widget_errors, "\n".join(page.widget_errors)


def test_a_chapter_in_notebook_7(jupyter, jupyter_page):
    page = jupyter_page
    open_notebook(page, jupyter, f"notebooks/nb7/{CHAPTER}")
    assert set(page.evaluate(_TRUSTED)) == {False}
    assert_stored_views(page)  # an untrusted notebook: the sanitised HTML, <noscript> dropped and its content kept
    root = run_the_explorer_cell(page)  # Run All is JupyterLab's test; here the widget matters, and time
    assert press_arrow_in(page, root.locator('select[name="pattern"]')) == ("grouped", "linear")
    assert kernel_prints(page, 'print(explorer.choice["pattern"])') == "linear"
    assert not page.external_requests, f"Notebook 7's page asked beyond 127.0.0.1: {page.external_requests}"
    assert not page.widget_errors, "\n".join(page.widget_errors)
