// @ts-check
// A path laid across the width: numbered step boxes in reading order, each with the words of the route that led to
// it ("→ M3–M5"), in type the widget's style sets (css/shared/flowchart.css: .cf-path-strip). Where a whole chart
// would need its labels too small to read — a lecture theatre, the end of a case — this shows the path alone, large.
//
//   pathStrip({steps, label, route, pending, className, name})
//     steps    the step ids shown, in order
//     label    a step's name in words
//     route    the words on the route between two steps ("" for none)
//     pending  steps still to come (presenting: not revealed yet), said in a last, dashed box
// Each step is an <li data-step="…">; the list is named by `name` (aria-label).

import { element } from "./dom.js";

/**
 * @param {{steps: string[], label: (step: string) => string, route: (from: string, to: string) => string,
 *   pending?: number, className?: string, name: string}} options
 * @returns {HTMLOListElement}
 */
export function pathStrip({ steps, label, route, pending = 0, className = "", name }) {
  const items = steps.map((step, i) => {
    const words = i ? route(steps[i - 1], step) : "";
    return element("li", { class: "cf-path-step", "data-step": step },
      // The first step's line is left empty, so that the boxes of a row line up.
      i ? element("span", { class: "cf-path-route" }, element("span", { "aria-hidden": "true" }, "→ "),
        words || element("span", { class: "cf-path-visually-hidden" }, "then"))
        : element("span", { class: "cf-path-route", "aria-hidden": "true" }, "\u00a0"),
      element("span", { class: "cf-path-box" },
        element("span", { class: "cf-path-number" }, `${i + 1}.`), " ", label(step)));
  });
  const rest = pending > 0
    ? element("li", { class: "cf-path-pending" }, steps.length
      ? `${pending} more step${pending === 1 ? "" : "s"}: press →`
      : `${pending} step${pending === 1 ? "" : "s"}: press → to follow the path`)
    : null;
  return element("ol", { class: `cf-path-strip ${className}`.trim(), "aria-label": name }, items, rest);
}
