"""The pathway explorer in the built book, measured in Chromium over a local HTTP server with the network blocked.

Prints three figures; never fails on time (it fails only if the page cannot be measured):
  - choice → path highlighted: from the <select>'s change event to the explorer's DOM update, and to the next frame,
    median over every single-menu change in CHANGES (goal ≤ 16 ms, one frame at 60 Hz), and the same for the
    changes of system alone (each swaps the flowchart: the first time, the other system's SVG is parsed);
  - navigation → explorer interactive: from navigation start until the explorer's root has data-ready, median over
    LOADS fresh browser contexts (goal ≤ 1 s);
  - the explorer page's weight: bytes transferred for the HTML and every resource it loads, with an empty cache, and
    what the explorer embeds: the category and route tables, the two systems' charts, the module and styles.
Run from anywhere (the book must be built: make book): python benchmarks/bench_explorer.py [built site directory]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pagebench import bring_widgets_near, host_state, median_ms, offline_context, print_heaviest, ready_and_weight, run, site_dir  # noqa: E402

SITE_DIR = site_dir()
PAGE = "book/explore-the-pathway.html"
LOADS = 10
GOAL_CHOICE_MS = 16
GOAL_INTERACTIVE_MS = 1000
ROOT = '[data-calcflow="explorer"]'

# One menu changed at a time, as a student does: every shape and pattern, the woman's setting and history, both
# systems (a change of system also swaps the chart and clears a result of the other system), every result of each
# system with a concordance given and taken back. Each change alters the answer or a menu's description, so each
# one updates the page.
CHANGES = ([("shape", v) for v in ("skin", "vascular", "round", "punctate", "amorphous", "coarse-heterogeneous",
                                   "fine-linear-branching", "fine-pleomorphic")]
           + [("pattern", v) for v in ("diffuse", "regional", "linear", "segmental", "grouped")]
           + [("setting", "symptomatic"), ("change", "stable"), ("history", "treated-breast"),
              ("change", "new-or-increasing"), ("history", "none"), ("setting", "screening"), ("change", "no-prior")]
           + [("result", v) for v in ("B1", "B2", "B3", "B4", "B5a", "B5b", "B5c")]
           + [("concordance", "discordant"), ("result", "B2"), ("concordance", "")]
           + [("system", "us")]
           + [("result", v) for v in ("nondiagnostic", "benign", "high-risk", "dcis", "invasive")]
           + [("system", "uk")]
           + [("size", "macro"), ("size", "micro")])

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


def measure(browser, origin: str) -> int:
    url = origin + PAGE
    blocked: list[str] = []

    # navigation → interactive, and the page weight (first load, empty cache)
    ready_ms, weights = ready_and_weight(browser, origin, url, ROOT, LOADS, blocked)
    html = (SITE_DIR / PAGE).read_text(encoding="utf-8")
    html_bytes = len(html.encode())
    fragment, state = host_state(html, "explorer", SITE_DIR / PAGE)
    code = "".join(re.findall(r'<(?:script type="module"|style) data-calcflow-code="explorer">.*?</(?:script|style)>',
                              html, re.S))
    explorer_bytes = len(fragment.encode()) + len(code.encode()) if fragment else 0
    parts = embedded_parts(state, html) if state else {}

    # choice → path highlighted
    context = offline_context(browser, origin, blocked)
    page = context.new_page()
    page.goto(url, wait_until="load")
    bring_widgets_near(page)
    page.wait_for_selector(f'{ROOT}[data-ready="true"]')
    page.evaluate(CHANGE_PROBE, ROOT)
    for done, (field, value) in enumerate(CHANGES, start=1):
        page.select_option(f'{ROOT} select[name="{field}"]', value)
        page.wait_for_function("(n) => window.__timings.length >= n", arg=done)
    timings = page.evaluate("window.__timings")
    context.close()

    dom = [t["dom"] for t in timings]
    frame = [t["frame"] for t in timings]
    swaps = [t["dom"] for t, (field, _) in zip(timings, CHANGES) if field == "system"]
    print(f"explorer: choice → path highlighted, median {median_ms(dom)} over {len(dom)} choices "
          f"(goal ≤ {GOAL_CHOICE_MS} ms; slowest {max(dom):.1f} ms); to the next frame, median {median_ms(frame)}",
          flush=True)
    print(f"explorer: change of system (the other chart drawn, a foreign result cleared): "
          + ", ".join(f"{ms:.1f} ms" for ms in swaps), flush=True)
    print(f"explorer: navigation → explorer interactive, median {median_ms(ready_ms)} over {LOADS} loads "
          f"(goal ≤ {GOAL_INTERACTIVE_MS / 1000:.0f} s; first load {ready_ms[0]:.0f} ms)", flush=True)
    total = sum(size for _, size in weights)
    print(f"explorer: page weight {total / 1024:.0f} KiB transferred in {len(weights)} requests, empty cache "
          f"(HTML {html_bytes / 1024:.0f} KiB, of which the explorer {explorer_bytes / 1024:.0f} KiB)", flush=True)
    if parts:
        print("explorer: embedded " + ", ".join(f"{name} {size / 1024:.0f} KiB" for name, size in parts.items()),
              flush=True)
    print_heaviest(weights, origin)
    if blocked:
        print(f"explorer: {len(set(blocked))} request(s) tried to leave the machine (blocked): "
              + ", ".join(sorted(set(blocked))), flush=True)
    return 0


def embedded_parts(state: dict, html: str) -> dict[str, int]:
    """What the explorer carries, in bytes: each table and the charts (its host's state, in the page or in a script
    file of the site), and the module and style sheet the book's extension adds once to the page's head."""
    size = lambda value: len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())  # noqa: E731
    table = state["table"]
    module = re.search(r'<script type="module" data-calcflow-code="explorer">(.*?)</script>', html, re.S)
    style = re.search(r'<style data-calcflow-code="explorer">(.*?)</style>', html, re.S)
    return {
        "category table": size(table["category"]),
        "route table": size(table["route"]),
        "steps, rules, choices, references": size({k: v for k, v in table.items() if k not in ("category", "route")}),
        "charts (" + ", ".join(state["svgs"]) + ")": size(state["svgs"]),
        "module": len(module.group(1).encode()) if module else 0,
        "styles": len(style.group(1).encode()) if style else 0,
    }


def main() -> int:
    return run(SITE_DIR, PAGE, measure)


if __name__ == "__main__":
    sys.exit(main())
