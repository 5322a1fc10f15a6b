"""What the browser benchmarks share (not a benchmark itself: benchmarks/run.py runs only bench_*.py).

The built site served on 127.0.0.1 as a static host serves it, gzipped (calcflow.publish.static_server); Debian's
Chromium with every request that leaves the site blocked and recorded; and the two measurements every widget page
gets: navigation → the widget ready, and the page's weight.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from calcflow.publish.static_server import serve
from calcflow.publish.widget_code import BRING_WIDGETS_NEAR

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Records when the first element matching the selector carries data-ready, relative to navigation start.
_READY_PROBE = """
new MutationObserver((records, observer) => {
  if (document.querySelector(%(selector)s)) {
    window.__readyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"]});
"""


def site_dir() -> Path:
    """The built site: the script's first argument, or _build/html."""
    return Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else REPO_ROOT / "_build" / "html"


def offline_context(browser, origin: str, blocked: list[str], **options):
    """A browser context that serves only `origin` (and data:, blob:, about:), recording what it blocks in `blocked`;
    `options` go to browser.new_context (by default a 1366 × 900 window)."""
    options = options or {"viewport": {"width": 1366, "height": 900}}
    context = browser.new_context(service_workers="block", **options)

    def route(route):
        if route.request.url.startswith((origin, "data:", "blob:", "about:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    return context


def bring_widgets_near(page) -> None:
    page.evaluate(BRING_WIDGETS_NEAR)


def host_state(html: str, kind: str, page_file: Path) -> tuple[str | None, dict | None]:
    """The static host of widget `kind` in a built page (its HTML) and the state it carries: the JSON in the page,
    or, where the build moved a large state into a script file of the site (data-calcflow-src), the state that file
    puts back. (None, None) when the page has no such host."""
    import json
    import re

    fragment = re.search(rf'<div class="calcflow-static" data-calcflow-static="{kind}">.*?'
                         r"<div data-calcflow-mount></div></div>", html, re.S)
    if not fragment:
        return None, None
    script = re.search(r'<script type="application/json"([^>]*)>(.*?)</script>', fragment.group(0), re.S)
    if not script:
        return fragment.group(0), None
    source = re.search(r'data-calcflow-src="([^"]+)"', script.group(1))
    if script.group(2).strip() or not source:
        return fragment.group(0), json.loads(script.group(2).replace("<\\/", "</"))
    data = (page_file.parent / source.group(1)).read_text(encoding="utf-8")
    text = json.loads(data[data.index("textContent = ") + len("textContent = "):data.rindex("; });")])
    return fragment.group(0), json.loads(text)


def median_ms(values) -> str:
    return f"{statistics.median(values):.1f} ms"


def ready_and_weight(browser, origin: str, url: str, root: str, loads: int, blocked: list[str]):
    """(ms from navigation start until `root` has data-ready, for each of `loads` fresh contexts, the reader going
    to the widget as soon as the page has loaded; (url, bytes) of every response of the first load, with an empty
    cache, the widget's state included)."""
    import json

    ready_ms, weights = [], []
    for _ in range(loads):
        context = offline_context(browser, origin, blocked)
        page = context.new_page()
        page.add_init_script(_READY_PROBE % {"selector": json.dumps(f"{root}[data-ready]")})
        responses = []
        page.on("requestfinished", lambda request: responses.append(request))
        page.goto(url, wait_until="load")
        bring_widgets_near(page)
        page.wait_for_function("() => window.__readyAt !== undefined")
        ready_ms.append(page.evaluate("() => window.__readyAt"))
        if not weights:  # the first load: wait for every resource, to weigh them
            page.wait_for_load_state("networkidle")
            for request in responses:
                sizes = request.sizes()
                weights.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))
        context.close()
    return ready_ms, weights


def print_heaviest(weights, origin: str, count: int = 5) -> None:
    for url, size in sorted(weights, key=lambda item: -item[1])[:count]:
        print(f"    {size / 1024:7.1f} KiB  {url.removeprefix(origin)}", flush=True)


def run(site: Path, page: str, measure) -> int:
    """Serve `site`, start Chromium and return measure(browser, origin); 1 if the page is not built."""
    if not (site / page).is_file():
        print(f"{site / page} is missing: build the book first (make book)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    server, origin = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                return measure(browser, origin)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
