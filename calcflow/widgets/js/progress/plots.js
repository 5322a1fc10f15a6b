// @ts-check
// Simple SVG plots built with DOM APIs (createElementNS, setAttribute, textContent): a bar per ratio and a line of the
// running accuracy. Nothing is ever parsed as markup.

import { ratioText } from "./metrics.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 520;

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {string} [text]
 * @returns {SVGElement}
 */
function svgElement(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * @param {number} height
 * @param {string} title
 */
function frame(height, title) {
  const svg = svgElement("svg", { viewBox: `0 0 ${WIDTH} ${height}`, role: "img", class: "cfp-plot" });
  svg.append(svgElement("title", {}, title));
  return svg;
}

/**
 * A horizontal bar (0–100%) per ratio.
 * @param {import("./metrics.js").Ratio[]} ratios
 */
export function barPlot(ratios) {
  const row = 30;
  const left = 170;
  const svg = frame(ratios.length * row + 24, "Your figures as bars from 0 to 100%");
  ratios.forEach((ratio, i) => {
    const y = i * row + 6;
    const share = ratio.den ? ratio.num / ratio.den : 0;
    svg.append(svgElement("text", { x: left - 8, y: y + 15, "text-anchor": "end" }, ratio.label),
      svgElement("rect", { x: left, y, width: WIDTH - left - 90, height: 20, class: "cfp-track" }),
      svgElement("rect", { x: left, y, width: share * (WIDTH - left - 90), height: 20, class: "cfp-bar",
        "data-metric": ratio.id }),
      svgElement("text", { x: WIDTH - 84, y: y + 15 }, ratio.den ? `${Math.round(100 * share)}%` : "—"));
    svg.lastElementChild?.append(svgElement("title", {}, ratioText(ratio)));
  });
  return svg;
}

/**
 * Lines of running percentages against the reading number.
 * @param {Array<{label: string, values: number[], cls: string}>} lines
 */
export function linePlot(lines) {
  const height = 200;
  const pad = { left: 40, right: 12, top: 10, bottom: 30 };
  const svg = frame(height, "Running accuracy after each reading, in percent");
  const count = Math.max(1, ...lines.map((l) => l.values.length));
  const x = (/** @type {number} */ i) => pad.left + (count > 1 ? (i / (count - 1)) : 0.5) * (WIDTH - pad.left - pad.right);
  const y = (/** @type {number} */ v) => pad.top + (1 - v / 100) * (height - pad.top - pad.bottom);
  for (const v of [0, 50, 100]) {
    svg.append(svgElement("line", { x1: pad.left, x2: WIDTH - pad.right, y1: y(v), y2: y(v), class: "cfp-grid" }),
      svgElement("text", { x: pad.left - 6, y: y(v) + 4, "text-anchor": "end" }, `${v}%`));
  }
  svg.append(svgElement("text", { x: WIDTH / 2, y: height - 6, "text-anchor": "middle" }, "reading number"));
  for (const line of lines) {
    if (!line.values.length) continue;
    const points = line.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    svg.append(svgElement("polyline", { points, class: `cfp-line ${line.cls}`, fill: "none" }));
  }
  return svg;
}
