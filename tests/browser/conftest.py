"""Browser fixtures: the built book (_build/html) in Debian's Chromium, driven by Playwright, with no network.

The site is opened in two modes, the way readers open it: served over HTTP (a local server on 127.0.0.1 that gzips
text as a static host does: calcflow.publish.static_server) and straight from disk (file://). Every request that leaves the site is aborted and recorded, so a page that would reach a CDN
fails its test instead of quietly working on a connected machine.

Fixtures for any browser test:
    site_dir   Path of the built site; skips the suite when it is not built, fails instead under CI.
    site       base URL of the site, once per mode: "http://127.0.0.1:PORT/" and "file:///…/_build/html/".
    site_http  the HTTP base URL only (for features that need a server).
    page       a fresh Playwright page (new browser context) with two lists filled as it runs:
               page.external_requests (URLs that were aborted) and page.console_errors (console errors and
               uncaught exceptions).
    file_page  the same for pages opened from disk only (the slide decks); needs neither the book nor a server.
    open_page  a function: open_page(page, site, "book/01-from-mammogram-to-category.html") navigates there and
               waits for the load event (a fixture, so no test needs to import this conftest).
    visit      visit(site, "book/….html") opens a page once per session and mode in a fresh page and returns a
               PageVisit with what it saw (errors, external requests, images, links, the bytes sent, requests the
               server answered with an error, the search boxes, code cells and layout); cached for later tests.
    phone_visit  phone_visit("book/….html"): the same, over HTTP, at a phone's size (390 × 844, touch).
    axe_serious  axe_serious(page) lists the serious and critical axe-core violations on the page as it is now,
               one line each (empty: none); axe.min.js ships inside axe-playwright-python, nothing is fetched.
A test function with a `page_path` argument is run once for every HTML page of the built site.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hosts import WIDGETS_READY, bring_widgets_near

from calcflow.publish.static_server import GzipHandler

REPO_ROOT = Path(__file__).resolve().parents[2]
# CALCFLOW_SITE_DIR: test a book built elsewhere (`jupyter-book build --path-output DIR .` puts it in DIR/_build/html),
# so that several people can build and test on one machine without sharing _build.
SITE_DIR = Path(os.environ.get("CALCFLOW_SITE_DIR") or REPO_ROOT / "_build" / "html").resolve()
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Chromium's own background connections (updates, sync, safe browsing) would be refused and clutter the logs.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NAVIGATION_TIMEOUT_MS = 15_000
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def running_under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def built_pages(site_dir: Path = SITE_DIR) -> list[str]:
    """Every HTML page of the built site, relative to it, in a stable order (assets under _static excluded)."""
    if not site_dir.is_dir():
        return []
    return sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if not path.relative_to(site_dir).parts[0] in ("_static", "_sources", "_images")
    )


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE_DIR / "index.html").is_file():
        message = f"the book is not built ({SITE_DIR / 'index.html'} is missing): run `make book`"
        if running_under_ci():
            pytest.fail(f"{message} — under CI the browser suite must not be skipped", pytrace=False)
        pytest.skip(message)
    return SITE_DIR


class _RecordingHandler(GzipHandler):
    """The static host's handler (gzip), recording every request it answers with an error (a 404, for one)."""

    errors: list[tuple[int, str]]  # set on a subclass, one list per server

    def send_error(self, code, message=None, explain=None):
        self.errors.append((int(code), self.path))
        super().send_error(code, message, explain)


@pytest.fixture(scope="session")
def site_server(site_dir: Path):
    """A static file server for the built site on 127.0.0.1, on a free port, for the whole session. It gzips what a
    static host gzips (HTML, CSS, JavaScript, SVG), so the bytes a page transfers are what a reader downloads, and
    keeps the requests it answered with an error in `server.errors` [(status, path)]."""
    errors: list[tuple[int, str]] = []
    handler = functools.partial(type("Handler", (_RecordingHandler,), {"errors": errors}), directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.errors = errors
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def http_server(site_server) -> str:
    return f"http://127.0.0.1:{site_server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_http(http_server: str) -> str:
    return http_server


@pytest.fixture(scope="session", params=["http", "file"])
def site(request, site_dir: Path, http_server: str) -> str:
    """The base URL of the site, ending in "/", once served over HTTP and once opened from disk."""
    if request.param == "http":
        return http_server
    return site_dir.as_uri() + "/"


@pytest.fixture(scope="session")
def site_file(site_dir: Path) -> str:
    """The built site opened from disk only: for the widgets' behaviour, the same bytes over either scheme. Opening
    every page both ways (test_site.py: loads, mounts its widgets, no error, nothing fetched) covers the scheme."""
    return site_dir.as_uri() + "/"


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (a new context per test keeps tests apart).

    It does not need the built book (the slide decks are tested without it); the site's tests get `site_dir`
    through `site`, `page` and `visit`.
    """
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (apt-get install chromium)", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def _is_allowed(url: str, http_origin: str) -> bool:
    return url.startswith(LOCAL_SCHEMES) or url.startswith(http_origin)


def new_offline_page(browser, http_server: str, **context_options):
    """A page in a fresh context that aborts and records every request leaving the site, and records errors.
    `context_options` go to browser.new_context (a viewport, for one).

    Returns (context, page); the caller closes the context.
    """
    context = browser.new_context(service_workers="block", **context_options)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    context.set_default_timeout(NAVIGATION_TIMEOUT_MS)
    page = context.new_page()
    page.external_requests = []
    page.console_errors = []

    def route(route):
        url = route.request.url
        if _is_allowed(url, http_server):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def on_request(request):
        # Seen for every request, including kinds that routing does not intercept.
        if not _is_allowed(request.url, http_server) and request.url not in page.external_requests:
            page.external_requests.append(request.url)

    def on_console(message):
        if message.type == "error":
            location = message.location or {}
            where = f" ({location.get('url', '')}:{location.get('lineNumber', '')})" if location.get("url") else ""
            page.console_errors.append(f"console error: {message.text}{where}")

    def on_page_error(error):
        page.console_errors.append(f"uncaught exception: {error}")

    context.route("**/*", route)
    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    return context, page


@pytest.fixture()
def page(browser, http_server: str):
    context, page = new_offline_page(browser, http_server)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture()
def file_page(browser):
    """Like `page`, for files opened from disk only (file://): needs no built book and no server; every request
    that is not to a local file is aborted and recorded in page.external_requests."""
    context, page = new_offline_page(browser, "file://")
    try:
        yield page
    finally:
        context.close()


def navigate(page, site: str, path: str = "index.html"):
    """Go to `path` (relative to the site root, may carry ?query and #fragment) and wait for the load event."""
    response = page.goto(site + path.lstrip("/"), wait_until="load")
    if response is not None and site.startswith("http"):
        assert response.ok, f"{site + path} answered HTTP {response.status}"
    return page


@pytest.fixture(scope="session")
def open_page():
    return navigate


@pytest.fixture(scope="session")
def axe_serious():
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def serious(page) -> list[str]:
        return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
                for v in axe.run(page).response["violations"] if v["impact"] in ("serious", "critical")]

    return serious


def pytest_generate_tests(metafunc):
    if "page_path" in metafunc.fixturenames:
        pages = built_pages()
        # Without a build there is nothing to list; one placeholder keeps the test, and site_dir then skips it
        # (or fails it under CI) with a clear message instead of an "empty parameter set".
        metafunc.parametrize("page_path", pages or ["<the book is not built>"])


# Collected in the page after load: images with their alt text, link targets as written, and ids; the search boxes
# a reader can see; what is left of code cells; and the layout (see _LAYOUT).
_COLLECT_DOM = """() => ({
    images: [...document.querySelectorAll("img")].map(img => ({
        src: img.getAttribute("src") || "", alt: img.getAttribute("alt")})),
    links: [...document.querySelectorAll("a[href]")].map(a => a.getAttribute("href")),
    widgets: [...document.querySelectorAll("[data-calcflow-static]")].map(host => ({
        kind: host.dataset.calcflowStatic, ready: !!host.querySelector("[data-ready='true']")})),
    searchBoxes: [...document.querySelectorAll(
            ".search-button-field, .search-button, form.bd-search, input[type=search]")]
        .filter(el => !el.closest(".bd-search-container") && !el.parentElement.closest("form.bd-search"))
        .filter(el => el.checkVisibility({visibilityProperty: true, opacityProperty: true}))
        .map(el => el.className || el.tagName),
    codeCells: [...document.querySelectorAll(
            ".cell_input, details.above-input, div.highlight-ipython3, .bd-article summary")]
        .filter(el => el.matches(".cell_input, details.above-input, div.highlight-ipython3")
                      || /code cell/i.test(el.textContent))
        .map(el => el.className || el.tagName),
    layout: (%s)(),
})"""

# The layout as a reader sees it, at the page's current size:
#   overflow    how far the page itself is wider than the window (it must not scroll sideways);
#   clipped     elements cut off by an ancestor that hides its overflow (not reachable by scrolling);
#   tables      for each table: fits (inside the window) or scrolls (in a scroller whose content overflows);
#   chartText   the smallest text of the static flowcharts (outside widgets), in CSS pixels on screen.
_LAYOUT = """() => {
    const describe = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
        + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\\s+/).join(".") : "");
    const shown = el => el.getClientRects().length > 0 && el.checkVisibility();
    const clipped = [];
    for (const el of document.querySelectorAll(
            ".bd-article table, .bd-article figure, .bd-article svg, .bd-article img, .bd-article pre, "
            + ".bd-article .cell_output > *, .bd-article .admonition")) {
        if (!shown(el)) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        for (let up = el.parentElement; up && up !== document.documentElement; up = up.parentElement) {
            const style = getComputedStyle(up);
            if (style.overflowX === "visible") continue;
            const outer = up.getBoundingClientRect();
            if (box.right <= outer.right + 1 && box.left >= outer.left - 1) continue;
            if (["auto", "scroll"].includes(style.overflowX) && up.scrollWidth > up.clientWidth) break;
            clipped.push(describe(el) + " in " + describe(up) + " (overflow-x: " + style.overflowX + ")");
            break;
        }
    }
    const tables = [...document.querySelectorAll(".bd-article table")].filter(shown).map(table => {
        const box = table.getBoundingClientRect();
        let scroller = null;
        for (let up = table.parentElement; up && !scroller; up = up.parentElement) {
            const style = getComputedStyle(up);
            if (["auto", "scroll"].includes(style.overflowX) && up.scrollWidth > up.clientWidth) scroller = up;
        }
        return {head: table.innerText.trim().slice(0, 40).replace(/\\s+/g, " "),
                fits: box.left >= -1 && box.right <= document.documentElement.clientWidth + 1,
                scrolls: !!scroller};
    });
    let chartText = null;
    for (const svg of document.querySelectorAll("svg.calcflow-flowchart")) {
        if (svg.closest("[data-calcflow-static]") || !shown(svg)) continue;
        for (const text of svg.querySelectorAll("text")) {
            if (!text.textContent.trim()) continue;
            const px = parseFloat(getComputedStyle(text).fontSize) * Math.abs(text.getScreenCTM().a);
            if (chartText === null || px < chartText) chartText = px;
        }
    }
    return {overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            clipped, tables, chartText};
}"""
_COLLECT_DOM = _COLLECT_DOM % _LAYOUT
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}


@dataclass
class PageVisit:
    url: str
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    widgets: list[dict] = field(default_factory=list)
    search_boxes: list[str] = field(default_factory=list)
    code_cells: list[str] = field(default_factory=list)
    layout: dict = field(default_factory=dict)
    # Over HTTP only: the bytes the server sent (as sent, gzipped where a static host gzips), each response's
    # [url, resource type, bytes], and the requests it answered with an error.
    transferred: list[tuple[str, str, int]] = field(default_factory=list)
    server_errors: list[tuple[int, str]] = field(default_factory=list)


WIDGETS_READY_TIMEOUT_MS = 15_000


def _visit(browser, http_server: str, server, site: str, path: str, **context_options) -> PageVisit:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    context, page = new_offline_page(browser, http_server, **context_options)
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    errors_before = len(server.errors)
    try:
        navigate(page, site, path)
        # Let scripts started by the load event (deferred work, module imports) report their errors.
        page.wait_for_load_state("networkidle")
        first_load = list(finished)  # what the page costs before the reader scrolls
        # Then as a reader scrolls through it: the widgets further down load their state and start.
        bring_widgets_near(page)
        try:
            page.wait_for_function(WIDGETS_READY, timeout=WIDGETS_READY_TIMEOUT_MS)
        except PlaywrightTimeoutError:
            pass  # the widgets that did not start are listed in dom["widgets"]; a test says so
        dom = page.evaluate(_COLLECT_DOM)
        transferred = []
        if site.startswith("http"):
            for request in first_load:
                if request.url.startswith(http_server):
                    transferred.append((request.url, request.resource_type, request.sizes()["responseBodySize"]))
        return PageVisit(
            url=page.url,
            console_errors=list(page.console_errors),
            external_requests=list(page.external_requests),
            images=dom["images"],
            links=dom["links"],
            widgets=dom["widgets"],
            search_boxes=dom["searchBoxes"],
            code_cells=dom["codeCells"],
            layout=dom["layout"],
            transferred=transferred,
            server_errors=list(server.errors[errors_before:]) if site.startswith("http") else [],
        )
    finally:
        context.close()


@pytest.fixture(scope="session")
def visit(browser, http_server: str, site_server):
    """visit(site, path) -> PageVisit: each page is opened once per mode, in its own context, and remembered."""
    seen: dict[tuple[str, str], PageVisit] = {}

    def visit_once(site: str, path: str) -> PageVisit:
        key = (site, path)
        if key not in seen:
            seen[key] = _visit(browser, http_server, site_server, site, path)
        return seen[key]

    return visit_once


@pytest.fixture(scope="session")
def phone_visit(browser, http_server: str, site_server):
    """phone_visit(path) -> PageVisit: the page over HTTP at a phone's size (390 × 844 CSS pixels, touch), once."""
    seen: dict[str, PageVisit] = {}

    def visit_once(path: str) -> PageVisit:
        if path not in seen:
            seen[path] = _visit(browser, http_server, site_server, http_server, path, **PHONE)
        return seen[path]

    return visit_once
