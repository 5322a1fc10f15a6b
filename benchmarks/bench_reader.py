"""The reader (reading practice) and My progress in the built book, measured in Chromium over a local HTTP server with
the network blocked.

Prints these figures; never fails on time (it fails only if the pages cannot be measured):
  - navigation → reader interactive, and navigation → My progress interactive: from navigation start until the
    widget's root has data-ready, median over LOADS fresh browser contexts (goal ≤ 1 s);
  - the reading-practice page's weight before any case is opened: bytes transferred for the HTML and every resource
    it loads, with an empty cache (and whether any case image, reading/*.png, was asked for: none should be), and what
    the reader embeds: its cases, its menus and scores, the module and styles;
  - each case's image: the bytes of its two views (CC and MLO) together, read from the site's reading/ folder, the
    largest and the median case (goal ≤ calcflow.figures.reading.PNG_BUDGET_BYTES, 400 KiB);
  - case opened → image shown: from the case menu's change event to the CC view's image loaded, decoded and the next
    frame, median over CASES cases;
  - a mark → drawn: from a click on the image (pointerdown and pointerup dispatched at a point, the events the reader
    listens to) to the mark's circle in the overlay, and to the next frame, median over CASES × MARKS_PER_CASE marks
    (goal ≤ 16 ms, one frame at 60 Hz);
  - submit → feedback: from a click on Submit to data-calcflow="reader-result" in the page, and to the next frame,
    median over CASES cases, each with its marks (goal ≤ 50 ms).
Run from anywhere (the book must be built: make book): python benchmarks/bench_reader.py [built site directory]
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pagebench import bring_widgets_near, host_state, median_ms, offline_context, print_heaviest, ready_and_weight, run, site_dir  # noqa: E402

from calcflow.figures.reading import PNG_BUDGET_BYTES  # noqa: E402

SITE_DIR = site_dir()
PAGE = "book/reading-practice.html"
PROGRESS_PAGE = "book/my-progress.html"
LOADS = 10
CASES = 8
MARKS_PER_CASE = 4
GOAL_INTERACTIVE_MS = 1000
GOAL_MARK_MS = 16
GOAL_SUBMIT_MS = 50
ROOT = '[data-calcflow="reader"]'
PROGRESS_ROOT = '[data-calcflow="progress"]'

# Where the marks go, as fractions of the image's box: far enough apart (more than the 12 screen pixels within which a
# click selects a mark instead) that each click adds a mark.
MARK_POINTS = [(0.2 + 0.2 * (i % 4), 0.25 + 0.25 * (i // 4)) for i in range(12)]

# Opens a case as the case menu does (its change event) and times the CC view's image: loaded (its load event),
# decoded (img.decode()) and shown (the next frame).
OPEN_PROBE = """async ([root, caseId]) => {
  const reader = document.querySelector(root);
  const chooser = reader.querySelector('select[data-calcflow="reader-case"]');
  const image = reader.querySelector('[data-calcflow="reader-image"]');
  const loaded = new Promise((resolve, reject) => {
    image.addEventListener("load", () => resolve(performance.now()), {once: true});
    image.addEventListener("error", () => reject(new Error("the image of " + caseId + " did not load")), {once: true});
  });
  const t0 = performance.now();
  chooser.value = caseId;
  chooser.dispatchEvent(new Event("change", {bubbles: true}));
  const loadedAt = await loaded;
  await image.decode();
  const decodedAt = performance.now();
  const shownAt = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  return {loaded: loadedAt - t0, decoded: decodedAt - t0, shown: shownAt - t0, src: image.getAttribute("src")};
}"""

# A click on the image at each point (fractions of the image's box): pointerdown and pointerup dispatched on the image
# (the reader listens on its viewport), the mark's circle counted in the overlay right after, and the next frame.
MARK_PROBE = """async ([root, points]) => {
  const reader = document.querySelector(root);
  const image = reader.querySelector('[data-calcflow="reader-image"]');
  const overlay = reader.querySelector("svg.cfr-overlay");
  const timings = [];
  for (const [fx, fy] of points) {
    const box = image.getBoundingClientRect();
    const at = {bubbles: true, cancelable: true, composed: true, pointerId: 1, pointerType: "mouse",
                isPrimary: true, button: 0, clientX: box.left + box.width * fx, clientY: box.top + box.height * fy};
    const before = overlay.querySelectorAll("g.cfr-mark").length;
    const t0 = performance.now();
    image.dispatchEvent(new PointerEvent("pointerdown", {...at, buttons: 1}));
    image.dispatchEvent(new PointerEvent("pointerup", {...at, buttons: 0}));
    const drawn = overlay.querySelectorAll("g.cfr-mark").length === before + 1;
    const dom = performance.now() - t0;
    const frame = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - t0)));
    timings.push({dom, frame, drawn});
  }
  return timings;
}"""

# A click on Submit (the reader scores on click), the result looked for right after, and the next frame.
SUBMIT_PROBE = """async (root) => {
  const reader = document.querySelector(root);
  const t0 = performance.now();
  reader.querySelector('[data-calcflow="reader-submit"]').click();
  const result = reader.querySelector('[data-calcflow="reader-result"]');
  const dom = performance.now() - t0;
  const frame = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - t0)));
  return {dom, frame, shown: result !== null, falseMarks: result && Number(result.dataset.falseMarks)};
}"""


def reader_state(html: str):
    """The reader's fragment of the page (its static host) and the state it carries, or (None, None)."""
    return host_state(html, "reader", SITE_DIR / PAGE)


def embedded_parts(state: dict, html: str) -> dict[str, int]:
    """What the reader's HTML carries, in bytes: its cases and the rest of its payload (its host's state), and the
    module and style sheet the book's extension adds once to the page's head."""
    size = lambda value: len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())  # noqa: E731
    payload = state["payload"]
    module = re.search(r'<script type="module" data-calcflow-code="reader">(.*?)</script>', html, re.S)
    style = re.search(r'<style data-calcflow-code="reader">(.*?)</style>', html, re.S)
    return {
        f"{len(payload['cases'])} cases (findings, answers)": size(payload["cases"]),
        "menus, scores, tolerance": size({k: v for k, v in payload.items() if k != "cases"}),
        "module": len(module.group(1).encode()) if module else 0,
        "styles": len(style.group(1).encode()) if style else 0,
    }


def image_bytes(case_ids: list[str]) -> dict[str, int]:
    """Each case's two views (CC and MLO) together, in bytes, from the site's reading/ folder."""
    folder = SITE_DIR / "reading"
    return {case_id: sum((folder / f"{case_id}-{view}.png").stat().st_size for view in ("cc", "mlo"))
            for case_id in case_ids}


def cc_bytes(case_ids: list[str]) -> list[int]:
    """Each case's CC view (the view a case opens on), in bytes."""
    return [(SITE_DIR / "reading" / f"{case_id}-cc.png").stat().st_size for case_id in case_ids]


def cases_to_open(case_ids: list[str]) -> list[str]:
    """CASES cases spread over the payload's order (student cases first, advanced ones last)."""
    step = max(1, len(case_ids) // CASES)
    return case_ids[::step][:CASES]


def practise(browser, origin: str, blocked: list[str], cases: list[str]):
    """Open each case, mark it, submit: (requests before the first case was opened, opens, marks, submits, errors)."""
    context = offline_context(browser, origin, blocked)
    page = context.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(origin + PAGE, wait_until="load")
    bring_widgets_near(page)
    page.wait_for_selector(f'{ROOT}[data-ready="true"]')
    page.wait_for_load_state("networkidle")
    before_open = list(requested)
    opens, marks, submits = [], [], []
    for case_id in cases:
        opens.append(page.evaluate(OPEN_PROBE, [ROOT, case_id]))
        marks.extend(page.evaluate(MARK_PROBE, [ROOT, MARK_POINTS[:MARKS_PER_CASE]]))
        submits.append(page.evaluate(SUBMIT_PROBE, ROOT))
    context.close()
    return before_open, opens, marks, submits, errors


def measure(browser, origin: str) -> int:
    if not (SITE_DIR / PROGRESS_PAGE).is_file():
        print(f"{SITE_DIR / PROGRESS_PAGE} is missing: build the book first (make book)", file=sys.stderr)
        return 1
    url = origin + PAGE
    blocked: list[str] = []
    html = (SITE_DIR / PAGE).read_text(encoding="utf-8")
    fragment, state = reader_state(html)
    if state is None:
        print(f"{PAGE} carries no reader (data-calcflow-static=\"reader\" with its state)", file=sys.stderr)
        return 1
    case_ids = [case["id"] for case in state["payload"]["cases"]]
    code = "".join(re.findall(r'<(?:script type="module"|style) data-calcflow-code="reader">.*?</(?:script|style)>',
                              html, re.S))

    # navigation → interactive, and the page weight (first load, empty cache, no case opened)
    ready_ms, weights = ready_and_weight(browser, origin, url, ROOT, LOADS, blocked)
    progress_ms, progress_weights = ready_and_weight(browser, origin, origin + PROGRESS_PAGE, PROGRESS_ROOT, LOADS,
                                                     blocked)
    # opening, marking, submitting
    cases = cases_to_open(case_ids)
    before_open, opens, marks, submits, errors = practise(browser, origin, blocked, cases)
    if not all(m["drawn"] for m in marks) or not all(s["shown"] for s in submits):
        print("reader: a mark was not drawn or a result not shown: the reader cannot be measured", file=sys.stderr)
        return 1
    if errors:
        print("reader: errors in the page: " + "; ".join(errors), file=sys.stderr)
        return 1

    print(f"reader: navigation → reader interactive, median {median_ms(ready_ms)} over {LOADS} loads "
          f"(goal ≤ {GOAL_INTERACTIVE_MS / 1000:.0f} s; first load {ready_ms[0]:.0f} ms)", flush=True)
    print(f"reader: navigation → My progress interactive, median {median_ms(progress_ms)} over {LOADS} loads "
          f"(goal ≤ {GOAL_INTERACTIVE_MS / 1000:.0f} s; first load {progress_ms[0]:.0f} ms; "
          f"page {sum(size for _, size in progress_weights) / 1024:.0f} KiB in {len(progress_weights)} requests)",
          flush=True)

    total = sum(size for _, size in weights)
    reader_bytes = len(fragment.encode()) + len(code.encode())
    print(f"reader: page weight before any case is opened {total / 1024:.0f} KiB transferred in {len(weights)} "
          f"requests, empty cache (HTML {len(html.encode()) / 1024:.0f} KiB, of which the reader "
          f"{reader_bytes / 1024:.0f} KiB)", flush=True)
    print("reader: embedded " + ", ".join(f"{name} {size / 1024:.0f} KiB"
                                          for name, size in embedded_parts(state, html).items()), flush=True)
    print_heaviest(weights, origin)
    early = sorted({u.removeprefix(origin) for u in [*before_open, *(u for u, _ in weights)] if "/reading/" in u})
    if early:
        print(f"reader: WARNING {len(early)} case image(s) requested before any case was opened "
              "(goal: none): " + ", ".join(early), flush=True)
    else:
        print("reader: no case image (reading/*.png) requested before a case is opened (goal: none)", flush=True)

    sizes = image_bytes(case_ids)
    largest = max(sizes, key=sizes.get)
    over = [case_id for case_id, size in sizes.items() if size > PNG_BUDGET_BYTES]
    print(f"reader: each case's image (CC + MLO), median {statistics.median(sizes.values()) / 1024:.0f} KiB over "
          f"{len(sizes)} cases, largest {sizes[largest] / 1024:.0f} KiB ({largest}) "
          f"(goal ≤ {PNG_BUDGET_BYTES / 1024:.0f} KiB each; {len(over)} over"
          + (": " + ", ".join(over) if over else "") + ")", flush=True)

    print(f"reader: case opened → image shown (loaded, decoded, next frame), median "
          f"{median_ms([o['shown'] for o in opens])} over {len(opens)} cases (slowest "
          f"{max(o['shown'] for o in opens):.1f} ms); loaded, median {median_ms([o['loaded'] for o in opens])}; "
          f"the CC views weigh {statistics.median(cc_bytes(cases)) / 1024:.0f} KiB (median)", flush=True)
    dom = [m["dom"] for m in marks]
    print(f"reader: a mark → drawn, median {median_ms(dom)} over {len(dom)} marks ({MARKS_PER_CASE} on each of "
          f"{len(cases)} cases) (goal ≤ {GOAL_MARK_MS} ms; slowest {max(dom):.1f} ms); to the next frame, median "
          f"{median_ms([m['frame'] for m in marks])}", flush=True)
    dom = [s["dom"] for s in submits]
    print(f"reader: submit → feedback, median {median_ms(dom)} over {len(dom)} cases, {MARKS_PER_CASE} marks each "
          f"(goal ≤ {GOAL_SUBMIT_MS} ms; slowest {max(dom):.1f} ms); to the next frame, median "
          f"{median_ms([s['frame'] for s in submits])}", flush=True)
    if blocked:
        print(f"reader: {len(set(blocked))} request(s) tried to leave the machine (blocked): "
              + ", ".join(sorted(set(blocked))), flush=True)
    return 0


def main() -> int:
    return run(SITE_DIR, PAGE, measure)


if __name__ == "__main__":
    sys.exit(main())
