"""The case player in the built book, measured in Chromium over a local HTTP server with the network blocked.

Prints three figures; never fails on time (it fails only if the page cannot be measured):
  - navigation → case player interactive: from navigation start until the player's root has data-ready, median over
    LOADS fresh browser contexts (goal ≤ 1 s);
  - commit → feedback shown: from the question's submit event to the player's DOM update, and to the next frame,
    median over every commit of the first cases, at least MIN_COMMITS (goal ≤ 16 ms, one frame at 60 Hz);
  - the case library's page weight: bytes transferred for the HTML and every resource it loads, with an empty cache,
    and the HTML's share taken by the player, by its images (one per case) and by its two flowcharts (UK, US)
    (goal: HTML under 450 kB; 32 cases weigh more: printed, never asserted).
Run from anywhere (the book must be built: make book): python benchmarks/bench_caseplayer.py [built site directory]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pagebench import bring_widgets_near, host_state, median_ms, offline_context, print_heaviest, ready_and_weight, run, site_dir  # noqa: E402

SITE_DIR = site_dir()
PAGE = "book/case-library.html"
LOADS = 10
MIN_COMMITS = 20
GOAL_COMMIT_MS = 16
GOAL_INTERACTIVE_MS = 1000
GOAL_HTML_BYTES = 450_000
ROOT = '[data-calcflow="caseplayer"]'

# t0 when the question's form is submitted (capture phase, before the player's own listener); the DOM update when the
# mutation records of that handler are delivered; the frame at the next requestAnimationFrame.
COMMIT_PROBE = """(root) => {
  const player = document.querySelector(root);
  window.__timings = [];
  let started = null;
  document.addEventListener("submit", () => { started = performance.now(); }, true);
  new MutationObserver(() => {
    if (started === null) return;
    const t0 = started;
    started = null;
    const updated = performance.now();
    requestAnimationFrame(() => window.__timings.push({dom: updated - t0, frame: performance.now() - t0}));
  }).observe(player, {subtree: true, childList: true, attributes: true, characterData: true});
}"""


def commits_to_make() -> list[tuple[str, str, str]]:
    """(case id, step, answer) for every question of the first cases, at least MIN_COMMITS of them: the expert's
    answer at every other step, a wrong one at the rest, so that both kinds of feedback are drawn."""
    from calcflow.widgets.payloads import player_table

    table = player_table()
    plan = []
    for row in table["cases"]:
        for i, step in enumerate(row["asked"]):
            right = row["expert"][step]["answer"]
            options = table["choices"][row["choices"][step]]  # each case names its option set per question
            wrong = next(o["id"] for o in options if o["id"] != right)
            plan.append((row["id"], step, right if i % 2 == 0 else wrong))
        if len(plan) >= MIN_COMMITS:
            return plan
    return plan


def measure(browser, origin: str) -> int:
    url = origin + PAGE
    blocked: list[str] = []

    # navigation → interactive, and the page weight (first load, empty cache)
    ready_ms, weights = ready_and_weight(browser, origin, url, ROOT, LOADS, blocked)

    # commit → feedback shown
    context = offline_context(browser, origin, blocked)
    page = context.new_page()
    page.goto(url, wait_until="load")
    bring_widgets_near(page)
    page.wait_for_selector(f'{ROOT}[data-ready="true"]')
    page.evaluate(COMMIT_PROBE, ROOT)
    plan = commits_to_make()
    for done, (case_id, step, answer) in enumerate(plan, start=1):
        if page.input_value(f'{ROOT} select[name="case"]') != case_id:
            page.select_option(f'{ROOT} select[name="case"]', case_id)
        page.check(f'{ROOT} input[type=radio][name="{step}"][value="{answer}"]')
        page.click(f'{ROOT} [data-calcflow="commit"]')
        page.wait_for_function("(n) => window.__timings.length >= n", arg=done)
        page.click(f'{ROOT} [data-calcflow="next-question"]')
    timings = page.evaluate("window.__timings")
    context.close()

    html = (SITE_DIR / PAGE).read_text(encoding="utf-8")
    html_bytes = len(html.encode())
    player, state = host_state(html, "caseplayer", SITE_DIR / PAGE)
    player_bytes = len(player.encode()) if player else 0
    state_bytes = len(json.dumps(state, ensure_ascii=False).encode()) if state else 0
    images = re.findall(r"data:image/png;base64,[A-Za-z0-9+/=]+", html)
    image_bytes = sum(len(image) for image in images)
    charts = state["table"]["flowchart_svg"] if state else {}
    chart_bytes = sum(len(chart.encode()) for chart in charts.values())

    dom = [t["dom"] for t in timings]
    frame = [t["frame"] for t in timings]
    print(f"case player: navigation → interactive, median {median_ms(ready_ms)} over {LOADS} loads "
          f"(goal ≤ {GOAL_INTERACTIVE_MS / 1000:.0f} s; first load {ready_ms[0]:.0f} ms)", flush=True)
    print(f"case player: commit → feedback shown, median {median_ms(dom)} over {len(dom)} commits "
          f"(goal ≤ {GOAL_COMMIT_MS} ms; slowest {max(dom):.1f} ms); to the next frame, median {median_ms(frame)}",
          flush=True)
    total = sum(size for _, size in weights)
    print(f"case player: page weight {total / 1024:.0f} KiB transferred in {len(weights)} requests, empty cache; "
          f"HTML {html_bytes / 1000:.0f} kB (goal < {GOAL_HTML_BYTES / 1000:.0f} kB), of which the player "
          f"{player_bytes / 1000:.0f} kB and {len(images)} images in the page {image_bytes / 1000:.0f} kB; its state "
          f"(a file of the site, loaded when the player comes near the window) {state_bytes / 1000:.0f} kB, of "
          f"which its flowcharts {chart_bytes / 1000:.0f} kB", flush=True)
    print_heaviest(weights, origin)
    if blocked:
        print(f"case player: {len(set(blocked))} request(s) tried to leave the machine (blocked): "
              + ", ".join(sorted(set(blocked))), flush=True)
    return 0


def main() -> int:
    return run(SITE_DIR, PAGE, measure)


if __name__ == "__main__":
    sys.exit(main())
