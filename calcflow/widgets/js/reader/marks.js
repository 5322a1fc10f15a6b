// @ts-check
// Marks: adding and removing them, the overlay that draws them (with the keyboard cursor and, after Submit, the
// findings' circles), and the list where each mark is described (size, shape, pattern).

import { element } from "../shared/dom.js";
import { DESCRIBED, marginPx } from "./score.js";
import { field } from "./view.js";

/** @typedef {import("./view.js").Reader} Reader */
/** @typedef {import("./score.js").Mark} Mark */

const SVG = "http://www.w3.org/2000/svg";
const FIELD_WORDS = { size: "Size", shape: "Shape", pattern: "Pattern" };

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @returns {SVGElement}
 */
function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/**
 * @param {Reader} r
 * @param {number} x
 * @param {number} y
 */
export function addMark(r, x, y) {
  if (!r.item) return;
  const { width, height } = r.stage.size;
  const mark = { view: r.view, x: Math.max(0, Math.min(width, x)), y: Math.max(0, Math.min(height, y)),
    size: "", shape: "", pattern: "" };
  r.marks.push(mark);
  r.selected = r.marks.length - 1;
  r.status.textContent = `Mark ${r.marks.length} added on the ${r.view.toUpperCase()} view. Describe it below.`;
}

/**
 * @param {Reader} r
 * @param {number} index
 */
export function removeMark(r, index) {
  if (index < 0 || index >= r.marks.length) return;
  r.marks.splice(index, 1);
  r.selected = Math.min(index, r.marks.length - 1);
  r.status.textContent = `Mark ${index + 1} removed. ${r.marks.length} left.`;
}

/**
 * The mark of the shown view within `radius` image pixels of a point, nearest first; -1 for none.
 * @param {Reader} r
 * @param {{x: number, y: number}} point
 * @param {number} radius
 */
export function markNear(r, point, radius) {
  let best = -1;
  let bestDistance = radius;
  r.marks.forEach((mark, index) => {
    const distance = Math.hypot(mark.x - point.x, mark.y - point.y);
    if (mark.view === r.view && distance <= bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

/**
 * The findings' circles (after Submit): found ones solid, missed ones dashed, the tolerance as a faint ring.
 * @param {Reader} r
 * @param {number} unit  image pixels per screen pixel at zoom 1
 */
function truthShapes(r, unit) {
  if (!r.item || !r.score) return [];
  const margin = marginPx(r.item, r.payload);
  return r.item.findings.flatMap((finding) => {
    const c = finding.where[r.view];
    const state = r.score && r.score.hits.includes(finding.id) ? "found" : "missed";
    return c ? [svg("circle", { cx: c.x, cy: c.y, r: c.r + margin, class: "cfr-tolerance", "stroke-width": unit }),
      svg("circle", { cx: c.x, cy: c.y, r: c.r, class: `cfr-truth cfr-${state}`, "stroke-width": 2 * unit,
        "data-finding": finding.id })] : [];
  });
}

/**
 * Redraw the overlay: marks of the shown view, the cursor, and the truth after Submit.
 * @param {Reader} r
 */
export function drawOverlay(r) {
  const { width, height } = r.stage.size;
  r.overlay.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const unit = width / Math.max(1, r.stage.viewport.clientWidth);
  const shapes = [...truthShapes(r, unit)];
  r.marks.forEach((mark, index) => {
    if (mark.view !== r.view) return;
    const verdict = r.score ? (r.score.found[index] === null ? "cfr-false" : "cfr-hit") : "";
    const group = svg("g", { class: `cfr-mark ${verdict} ${index === r.selected ? "cfr-selected" : ""}` });
    group.append(svg("circle", { cx: mark.x, cy: mark.y, r: 9 * unit, "stroke-width": 2 * unit }),
      svg("text", { x: mark.x + 11 * unit, y: mark.y - 11 * unit, "font-size": 14 * unit }));
    /** @type {Element} */ (group.lastChild).textContent = String(index + 1);
    shapes.push(group);
  });
  if (r.cursor) {
    const { x, y } = r.cursor;
    const arm = 14 * unit;
    shapes.push(svg("path", { d: `M${x - arm} ${y}H${x + arm}M${x} ${y - arm}V${y + arm}`, class: "cfr-cursor",
      "stroke-width": 2 * unit }));
  }
  r.overlay.replaceChildren(...shapes);
}

/**
 * One mark's row: where it is, its three menus, Remove.
 * @param {Reader} r
 * @param {Mark} mark
 * @param {number} index
 */
function markRow(r, mark, index) {
  const menus = DESCRIBED.map((name) => {
    const menuId = r.id(`mark-${index}-${name}`);
    const menu = element("select", { id: menuId, "data-mark": index, "data-field": name },
      element("option", { value: "" }, "Not described"),
      r.payload.menus[name].map((o) => element("option", { value: o.id }, o.label)));
    menu.value = mark[name];
    return field(menuId, FIELD_WORDS[name], menu);
  });
  const remove = element("button", { type: "button", "data-remove": index }, `Remove mark ${index + 1}`);
  return element("li", { class: index === r.selected ? "cfr-selected" : null, "data-mark": index },
    element("span", { class: "cfr-mark-name" }, `Mark ${index + 1} (${mark.view.toUpperCase()})`),
    element("div", { class: "cfr-describe" }, menus), remove);
}

/**
 * Redraw the list of marks.
 * @param {Reader} r
 */
export function drawList(r) {
  const rows = r.marks.map((mark, index) => markRow(r, mark, index));
  r.markList.replaceChildren(...(rows.length ? rows
    : [element("li", { class: "cfr-empty" }, "No marks yet: click or tap the image, or use the arrow keys and Enter.")]));
}
