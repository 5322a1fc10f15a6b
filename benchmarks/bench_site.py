"""How light and fast every page of the built book is, served the way a static host serves it (gzip).

Prints one line per HTML page of the built site (never fails on a figure; it fails only if it cannot measure):
  - gzip KB: bytes transferred on a first load with an empty cache (response bodies as sent, gzip where a static host
    compresses; images other than the page's first aside, as in the goal), over calcflow.publish.static_server in
    Chromium with every request that leaves the site blocked; goal ≤ 500 KB;
  - raw KB: the same resources uncompressed;
  - Lighthouse (pinned in package.json, run by `npm ci`) mobile performance and accessibility scores and its First
    Contentful Paint, on Debian's Chromium (CHROME_PATH), with Lighthouse's default simulated mobile throttling;
    goals ≥ 95 and 100. Lighthouse is skipped (with a note) when node_modules/.bin/lighthouse is missing.
    CPU is Lighthouse's benchmark index of the machine during the run: Lighthouse simulates a mid-range phone by
    slowing what it measured fourfold, so on a slow or busy machine (an index well under 1000) the scores come out
    lower than a reader's phone would see; --runs 3 or 5 shows the median run.

Run from anywhere (the book must be built: make book):
    python benchmarks/bench_site.py [built site directory] [--pages book/a.html,book/b.html] [--no-lighthouse]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
from pagebench import CHROMIUM, CHROMIUM_ARGS, offline_context, serve  # noqa: E402

LIGHTHOUSE = REPO_ROOT / "node_modules" / ".bin" / "lighthouse"
GOAL_KB = 500
GOAL_PERFORMANCE = 95
GOAL_ACCESSIBILITY = 100
# Lighthouse's default mobile emulation (Moto G Power, 412 × 823): the weights are measured at the same size.
MOBILE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True,
          "has_touch": True}


def built_pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html")
                  if path.relative_to(site).parts[0] not in ("_static", "_sources", "_images"))


def page_weight(browser, origin: str, page_path: str) -> dict:
    """{'gzip': bytes sent, 'raw': bytes uncompressed, 'images_aside': images not counted, 'blocked': [urls]}."""
    blocked: list[str] = []
    context = offline_context(browser, origin, blocked, **MOBILE)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(origin + page_path, wait_until="load")
    page.wait_for_load_state("networkidle")
    sent = raw = aside = 0
    images = 0
    for request in finished:
        response = request.response()
        if response is None or not response.ok and response.status != 304:
            continue
        body_sent = request.sizes()["responseBodySize"]
        if request.resource_type == "image":
            images += 1
            if images > 1:
                aside += body_sent
                continue
        sent += body_sent
        try:
            raw += len(response.body())
        except Exception:  # a redirect or a body Chromium no longer holds
            raw += body_sent
    context.close()
    return {"gzip": sent, "raw": raw, "images_aside": aside, "blocked": blocked}


def lighthouse(url: str, runs: int = 1) -> dict | None:
    """Lighthouse's mobile scores and metrics for `url`: the run with the median performance score of `runs`."""
    results = [result for _ in range(runs) if (result := lighthouse_once(url)) is not None]
    if not results:
        return None
    results.sort(key=lambda result: result["performance"])
    return results[(len(results) - 1) // 2]


def lighthouse_once(url: str) -> dict | None:
    """Lighthouse's mobile performance and accessibility scores (0–100) and FCP (ms) for `url`, or None."""
    if not LIGHTHOUSE.exists():
        return None
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                   "--only-categories=performance,accessibility",
                   "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)]
        env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", CHROMIUM))
        completed = subprocess.run(command, env=env, capture_output=True, text=True, cwd=REPO_ROOT, timeout=300)
        if completed.returncode != 0 or not report.is_file():
            print(f"    lighthouse failed on {url}: {completed.stderr.strip()[-400:]}", flush=True)
            return None
        result = json.loads(report.read_text(encoding="utf-8"))
    categories, audits = result["categories"], result["audits"]
    failing = [audit_id for ref in categories["accessibility"]["auditRefs"]
               if (audit_id := ref["id"]) and audits[audit_id].get("score") == 0 and ref["weight"] > 0]
    return {"performance": round(100 * (categories["performance"]["score"] or 0)),
            "accessibility": round(100 * (categories["accessibility"]["score"] or 0)),
            "fcp_ms": audits["first-contentful-paint"]["numericValue"],
            "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
            "tbt_ms": audits["total-blocking-time"]["numericValue"],
            "cls": audits["cumulative-layout-shift"]["numericValue"],
            "failing_accessibility": failing,
            # Lighthouse's measure of this machine's speed (a recent desktop scores 1000 or more): below it, the
            # simulated mobile CPU is slower than Lighthouse intends, and TBT, FCP and the score suffer.
            "benchmark_index": result["environment"]["benchmarkIndex"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(REPO_ROOT / "_build" / "html"))
    parser.add_argument("--pages", help="comma-separated pages (default: every page)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=1,
                        help="Lighthouse runs per page; the median by performance is shown (default 1)")
    args = parser.parse_args()
    site = Path(args.site).resolve()
    if not (site / "index.html").is_file():
        print(f"{site / 'index.html'} is missing: build the book first (make book)", file=sys.stderr)
        return 1
    pages = args.pages.split(",") if args.pages else built_pages(site)
    if not args.no_lighthouse and not LIGHTHOUSE.exists():
        print("node_modules/.bin/lighthouse is missing (npm ci): Lighthouse scores are skipped", flush=True)

    from playwright.sync_api import sync_playwright

    server, origin = serve(site)
    over = []
    print(f"{'page':42} {'gzip KB':>8} {'raw KB':>8} {'perf':>5} {'a11y':>5} {'FCP s':>6} {'LCP s':>6} {'TBT ms':>7}"
          f" {'CLS':>5} {'CPU':>5}", flush=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                for page_path in pages:
                    weight = page_weight(browser, origin, page_path)
                    scores = None if args.no_lighthouse else lighthouse(origin + page_path, args.runs)
                    line = f"{page_path:42} {weight['gzip'] / 1000:8.1f} {weight['raw'] / 1000:8.1f}"
                    if scores:
                        line += (f" {scores['performance']:5d} {scores['accessibility']:5d}"
                                 f" {scores['fcp_ms'] / 1000:6.2f} {scores['lcp_ms'] / 1000:6.2f}"
                                 f" {scores['tbt_ms']:7.0f} {scores['cls']:5.2f} {scores['benchmark_index']:5.0f}")
                        if scores["failing_accessibility"]:
                            line += f"  a11y fails: {', '.join(scores['failing_accessibility'])}"
                    if weight["images_aside"]:
                        line += f"  (+{weight['images_aside'] / 1000:.0f} KB of later images)"
                    if weight["blocked"]:
                        line += f"  BLOCKED {len(weight['blocked'])} request(s) leaving the site"
                    print(line, flush=True)
                    if weight["gzip"] > GOAL_KB * 1000 or (scores and (
                            scores["performance"] < GOAL_PERFORMANCE
                            or scores["accessibility"] < GOAL_ACCESSIBILITY)):
                        over.append(page_path)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    print(f"goals: ≤ {GOAL_KB} KB gzip, performance ≥ {GOAL_PERFORMANCE}, accessibility ≥ {GOAL_ACCESSIBILITY}"
          + (f"; pages short of a goal: {', '.join(over)}" if over else "; every page meets them"), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
