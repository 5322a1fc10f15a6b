"""Browser fixtures: the built book (_build/html) in Debian's Chromium, driven by Playwright, with no network.

The site is opened in two modes, the way readers open it: served over HTTP (a local server on 127.0.0.1) and straight
from disk (file://). Every request that leaves the site is aborted and recorded, so a page that would reach a CDN
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
               PageVisit with what it saw (errors, external requests, images, links); cached for later tests.
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature is http.server's
        pass


@pytest.fixture(scope="session")
def http_server(site_dir: Path):
    """A static file server for the built site on 127.0.0.1, on a free port, for the whole session."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


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


def new_offline_page(browser, http_server: str):
    """A page in a fresh context that aborts and records every request leaving the site, and records errors.

    Returns (context, page); the caller closes the context.
    """
    context = browser.new_context(service_workers="block")
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


# Collected in the page after load: images with their alt text, link targets as written, and ids.
_COLLECT_DOM = """() => ({
    images: [...document.querySelectorAll("img")].map(img => ({
        src: img.getAttribute("src") || "", alt: img.getAttribute("alt")})),
    links: [...document.querySelectorAll("a[href]")].map(a => a.getAttribute("href")),
    widgets: [...document.querySelectorAll("[data-calcflow-static]")].map(host => ({
        kind: host.dataset.calcflowStatic, ready: !!host.querySelector("[data-ready='true']")})),
})"""


@dataclass
class PageVisit:
    url: str
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    widgets: list[dict] = field(default_factory=list)


@pytest.fixture(scope="session")
def visit(browser, http_server: str):
    """visit(site, path) -> PageVisit: each page is opened once per mode, in its own context, and remembered."""
    seen: dict[tuple[str, str], PageVisit] = {}

    def visit_once(site: str, path: str) -> PageVisit:
        key = (site, path)
        if key not in seen:
            context, page = new_offline_page(browser, http_server)
            try:
                navigate(page, site, path)
                # Let scripts started by the load event (deferred work, module imports) report their errors.
                page.wait_for_load_state("networkidle")
                dom = page.evaluate(_COLLECT_DOM)
                seen[key] = PageVisit(
                    url=page.url,
                    console_errors=list(page.console_errors),
                    external_requests=list(page.external_requests),
                    images=dom["images"],
                    links=dom["links"],
                    widgets=dom["widgets"],
                )
            finally:
                context.close()
        return seen[key]

    return visit_once
