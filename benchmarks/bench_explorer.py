"""The pathway explorer in the built book, measured in Chromium over a local HTTP server with the network blocked.

Prints three figures; never fails on time (it fails only if the page cannot be measured):
  - choice → path highlighted: from the <select>'s change event to the explorer's DOM update, and to the next frame,
    median over every single-menu change in CHANGES (goal ≤ 16 ms, one frame at 60 Hz);
  - navigation → explorer interactive: from navigation start until the explorer's root has data-ready, median over
    LOADS fresh browser contexts (goal ≤ 1 s);
  - the explorer page's weight: bytes transferred for the HTML and every resource it loads, with an empty cache.
Run from anywhere (the book must be built: make book): python benchmarks/bench_explorer.py [built site directory]
"""

from __future__ import annotations

import functools
import http.server
import re
import statistics
import sys
import threading
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SITE_DIR = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else REPO_ROOT / "_build" / "html"
PAGE = "book/explore-the-pathway.html"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOADS = 10
GOAL_CHOICE_MS = 16
GOAL_INTERACTIVE_MS = 1000
ROOT = '[data-calcflow="explorer"]'

# One menu changed at a time, as a student does: every shape, every pattern, both systems, every result.
CHANGES = ([("shape", v) for v in ("skin", "vascular", "round", "punctate", "amorphous", "coarse-heterogeneous",
                                   "fine-linear-branching", "fine-pleomorphic")]
           + [("pattern", v) for v in ("diffuse", "regional", "linear", "segmental", "grouped")]
           + [("system", "us"), ("change", "stable"), ("change", "new-or-increasing"), ("system", "uk")]
           + [("result", v) for v in ("B1", "B2", "B3", "B4", "B5a", "B5b", "B5c", "")]
           + [("size", "macro"), ("size", "micro")])

# Records when the explorer's root first carries data-ready, relative to navigation start.
READY_PROBE = """
new MutationObserver((records, observer) => {
  if (document.querySelector('[data-calcflow="explorer"][data-ready]')) {
    window.__explorerReadyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"]});
"""

# Times each change: t0 when the change event starts (capture phase, before the explorer's own listener), the DOM
# update when the mutation records of that handler are delivered, the frame at the next requestAnimationFrame.
CHANGE_PROBE = """(root) => {
  const explorer = document.querySelector(root);
  window.__timings = [];
  let started = null;
  document.addEventListener("change", () => { started = performance.now(); }, true);
  new MutationObserver(() => {
    if (started === null) return;
    const t0 = started;
    started = null;
    const updated = performance.now();
    requestAnimationFrame(() => window.__timings.push({dom: updated - t0, frame: performance.now() - t0}));
  }).observe(explorer, {subtree: true, childList: true, attributes: true, characterData: true});
}"""


def serve(directory: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def offline_context(browser, origin: str, blocked: list[str]):
    context = browser.new_context(service_workers="block", viewport={"width": 1366, "height": 900})

    def route(route):
        if route.request.url.startswith((origin, "data:", "blob:", "about:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    return context


def median_ms(values) -> str:
    return f"{statistics.median(values):.1f} ms"


def measure(browser, origin: str) -> int:
    url = origin + PAGE
    blocked: list[str] = []

    # navigation → interactive, and the page weight (first load, empty cache)
    ready_ms, weights = [], []
    for _ in range(LOADS):
        context = offline_context(browser, origin, blocked)
        page = context.new_page()
        page.add_init_script(READY_PROBE)
        responses = []
        page.on("requestfinished", lambda request: responses.append(request))
        page.goto(url, wait_until="load")
        page.wait_for_function("() => window.__explorerReadyAt !== undefined")
        ready_ms.append(page.evaluate("() => window.__explorerReadyAt"))
        page.wait_for_load_state("networkidle")
        if not weights:
            for request in responses:
                sizes = request.sizes()
                weights.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))
            html = (SITE_DIR / PAGE).read_text(encoding="utf-8")
            html_bytes = len(html.encode())
            explorer = re.search(r'<div id="calcflow-explorer-\d+".*?</script></div>', html, re.S)
            explorer_bytes = len(explorer.group(0).encode()) if explorer else 0
        context.close()

    # choice → path highlighted
    context = offline_context(browser, origin, blocked)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_selector(f'{ROOT}[data-ready="true"]')
    page.evaluate(CHANGE_PROBE, ROOT)
    for done, (field, value) in enumerate(CHANGES, start=1):
        page.select_option(f'{ROOT} select[name="{field}"]', value)
        page.wait_for_function("(n) => window.__timings.length >= n", arg=done)
    timings = page.evaluate("window.__timings")
    context.close()

    dom = [t["dom"] for t in timings]
    frame = [t["frame"] for t in timings]
    print(f"explorer: choice → path highlighted, median {median_ms(dom)} over {len(dom)} choices "
          f"(goal ≤ {GOAL_CHOICE_MS} ms; slowest {max(dom):.1f} ms); to the next frame, median {median_ms(frame)}",
          flush=True)
    print(f"explorer: navigation → explorer interactive, median {median_ms(ready_ms)} over {LOADS} loads "
          f"(goal ≤ {GOAL_INTERACTIVE_MS / 1000:.0f} s; first load {ready_ms[0]:.0f} ms)", flush=True)
    total = sum(size for _, size in weights)
    print(f"explorer: page weight {total / 1024:.0f} KiB transferred in {len(weights)} requests, empty cache "
          f"(HTML {html_bytes / 1024:.0f} KiB, of which the explorer {explorer_bytes / 1024:.0f} KiB)", flush=True)
    for url_, size in sorted(weights, key=lambda item: -item[1])[:5]:
        print(f"    {size / 1024:7.1f} KiB  {url_.removeprefix(origin)}", flush=True)
    if blocked:
        print(f"explorer: {len(set(blocked))} request(s) tried to leave the machine (blocked): "
              + ", ".join(sorted(set(blocked))), flush=True)
    return 0


def main() -> int:
    if not (SITE_DIR / PAGE).is_file():
        print(f"{SITE_DIR / PAGE} is missing: build the book first (make book)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    server, origin = serve(SITE_DIR)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                return measure(browser, origin)
            finally:
                browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
