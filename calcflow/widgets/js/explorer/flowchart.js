// @ts-check
// The explorer's flowcharts: one system's chart made operable (steps become named buttons) and drawn no smaller than
// its text stays readable (shared/chart.js keepReadable), and the path drawn on it.

import { describePath, highlightPath, keepReadable, parseChart } from "../shared/chart.js";
import { stepLabel } from "./words.js";

/** @typedef {import("../shared/chart.js").Chart} Chart */
/** @typedef {import("./lookup.js").Table} Table */

/**
 * One system's chart, parsed from its SVG text and made operable: steps become named buttons.
 * @param {string} svgText
 * @param {Table} table
 * @param {string} system
 * @param {number} token  the view's number
 * @returns {Chart}
 */
export function prepareChart(svgText, table, system, token) {
  const chart = parseChart(svgText, system, `${system}-${token}`);
  keepReadable(chart.svg);
  // The steps inside are buttons: an SVG with role="img" would hide them from assistive technology.
  chart.svg.setAttribute("role", "group");
  for (const [id, group] of chart.nodes) {
    if (!table.steps[id]) {
      chart.nodes.delete(id);
      continue;
    }
    const label = stepLabel(table, id, system);
    group.dataset.step = id;
    group.setAttribute("tabindex", "0");
    group.setAttribute("role", "button");
    group.setAttribute("aria-label", label);
    // Hovering shows the step's name, not its id; the explanation is for the details panel, not a tooltip.
    const title = group.querySelector(":scope > title");
    if (title) title.textContent = label;
    for (const link of group.querySelectorAll("a")) link.removeAttributeNS("http://www.w3.org/1999/xlink", "title");
  }
  for (const group of chart.edges.values()) {
    group.querySelector(":scope > title")?.remove(); // "from->to" is no help on hover
    group.setAttribute("aria-hidden", "true");
  }
  return chart;
}

/**
 * Highlight `path` (step ids) on a chart, and say so in its description.
 * @param {Chart} chart
 * @param {Table} table
 * @param {string[]} path
 */
export function drawPath(chart, table, path) {
  highlightPath(chart, path);
  describePath(chart, path, (step) => stepLabel(table, step, chart.system));
}
