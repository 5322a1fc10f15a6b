// @ts-check
// The pathway flowchart in a widget: Graphviz's SVG text (calcflow.figures.flowchart.svg) parsed into a chart whose
// steps and routes can be found by id, and a path highlighted on it. Graphviz gives each step's group the step id
// and each route's group "from--to"; the styles of a highlighted path are in css/shared/flowchart.css.

/**
 * @typedef {object} Chart
 * @property {string} system       the chart's system ("uk" or "us")
 * @property {SVGSVGElement} svg
 * @property {Map<string, SVGGElement>} nodes  step id → its group
 * @property {Map<string, SVGGElement>} edges  "from--to" → its group
 * @property {SVGTitleElement | null} title
 * @property {SVGDescElement | null} desc
 * @property {string} plainDesc     the description as drawn, before any path was described in it
 */

/**
 * Parse one system's flowchart. Its size follows the page (width and height removed), and its <title> and <desc>
 * get ids ending in `idSuffix` (unique on the page) that its aria-labelledby names.
 * @param {string} svgText
 * @param {string} system
 * @param {string} idSuffix
 * @returns {Chart}
 */
export function parseChart(svgText, system, idSuffix) {
  const holder = document.createElement("div");
  holder.innerHTML = svgText;
  const svg = /** @type {SVGSVGElement} */ (holder.querySelector("svg"));
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.dataset.system = system;
  const labelledBy = [];
  for (const child of svg.querySelectorAll(":scope > title, :scope > desc")) {
    child.id = `${child.id || child.tagName}-${idSuffix}`;
    labelledBy.push(child.id);
  }
  svg.setAttribute("aria-labelledby", labelledBy.join(" "));
  const desc = /** @type {SVGDescElement | null} */ (svg.querySelector(":scope > desc"));
  return {
    system,
    svg,
    nodes: groups(svg, "g.node"),
    edges: groups(svg, "g.edge"),
    title: /** @type {SVGTitleElement | null} */ (svg.querySelector(":scope > title")),
    desc,
    plainDesc: desc ? desc.textContent || "" : "",
  };
}

/**
 * @param {SVGSVGElement} svg
 * @param {string} selector
 * @returns {Map<string, SVGGElement>}
 */
function groups(svg, selector) {
  return new Map([...svg.querySelectorAll(selector)].map((group) => [group.id, /** @type {SVGGElement} */ (group)]));
}

/**
 * The routes a path takes, as edge ids: ["a", "b", "c"] → ["a--b", "b--c"].
 * @param {string[]} path
 * @returns {string[]}
 */
export function routesOf(path) {
  return path.slice(1).map((step, i) => `${path[i]}--${step}`);
}

/**
 * Highlight `path` (step ids) on the chart: its steps and the routes between consecutive steps carry "on-path".
 * @param {Chart} chart
 * @param {string[]} path
 */
export function highlightPath(chart, path) {
  const steps = new Set(path);
  const routes = new Set(routesOf(path));
  for (const [id, group] of chart.nodes) group.classList.toggle("on-path", steps.has(id));
  for (const [id, group] of chart.edges) group.classList.toggle("on-path", routes.has(id));
}

/**
 * "Highlighted path: A → B → C." in the chart's <desc>, or its plain description when there is no path.
 * @param {Chart} chart
 * @param {string[]} path
 * @param {(step: string) => string} label  a step's name in words
 * @param {string} [lead]
 */
export function describePath(chart, path, label, lead = "Highlighted path: ") {
  if (!chart.desc) return;
  chart.desc.textContent = path.length
    ? `${lead}${path.map(label).join(" → ")}.`
    : `${chart.plainDesc} No path is highlighted.`;
}

// --- readable at any size ---------------------------------------------------------------------------------------

/** The smallest type a chart is ever drawn in, in CSS pixels (phones included): narrower boxes scroll instead. */
export const MIN_TEXT_PX = 12;

/**
 * Keep the chart's smallest text at `minPx` or more: the width the chart must be drawn at for that goes into
 * --cf-chart-min-width on the <svg>, which css/shared/flowchart.css uses as its minimum width (the chart's box
 * scrolls when it is narrower). Graphviz gives every text its font-size in the chart's own units.
 * @param {SVGSVGElement} svg
 * @param {number} [minPx]
 */
export function keepReadable(svg, minPx = MIN_TEXT_PX) {
  const sizes = [...svg.querySelectorAll("text")].map((text) => parseFloat(text.getAttribute("font-size") || ""))
    .filter((size) => size > 0);
  const box = svg.viewBox.baseVal;
  const width = box && box.width ? box.width : parseFloat(svg.getAttribute("width") || "");
  const scale = /scale\(\s*([\d.]+)/.exec(svg.querySelector("g.graph")?.getAttribute("transform") || "");
  if (!sizes.length || !(width > 0)) return;
  const smallest = Math.min(...sizes) * (scale ? parseFloat(scale[1]) || 1 : 1);
  svg.style.setProperty("--cf-chart-min-width", `${Math.ceil((width * minPx) / smallest)}px`);
}

/**
 * Scroll a chart's box (its scrolling container) to the start of `path`: the path's first step near the top, and
 * the path centred across when it fits the box's width, else its left edge in view. Nothing when the box is not
 * laid out or does not scroll.
 * @param {HTMLElement} box
 * @param {Chart} chart
 * @param {string[]} path
 */
export function scrollToPath(box, chart, path) {
  const steps = path.map((step) => chart.nodes.get(step)).filter((group) => group !== undefined);
  if (!steps.length || !box.clientWidth) return;
  if (box.scrollWidth <= box.clientWidth && box.scrollHeight <= box.clientHeight) return;
  const outer = box.getBoundingClientRect();
  const rects = steps.map((group) => /** @type {SVGGElement} */ (group).getBoundingClientRect());
  const left = Math.min(...rects.map((r) => r.left)) - outer.left + box.scrollLeft;
  const right = Math.max(...rects.map((r) => r.right)) - outer.left + box.scrollLeft;
  const top = rects[0].top - outer.top + box.scrollTop;
  const across = right - left;
  box.scrollLeft = across <= box.clientWidth ? left - (box.clientWidth - across) / 2 : left - 16;
  box.scrollTop = top - 16;
}

/**
 * The words on the route from one step to the next ("M3–M5"), "" for a route without any.
 * @param {Chart} chart
 * @param {string} from
 * @param {string} to
 */
export function routeLabel(chart, from, to) {
  const group = chart.edges.get(`${from}--${to}`);
  return group ? [...group.querySelectorAll("text")].map((text) => (text.textContent || "").trim()).join(" ") : "";
}
