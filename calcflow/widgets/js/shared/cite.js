// @ts-check
// Citations: every fact a widget shows carries its sources, as <cite> elements with the source key in data-key.
// A citation shortened to its authors and year is a disclosure: a button (aria-expanded, aria-controls) that shows
// and hides the whole reference below it, by click, tap, Enter or Space; Esc on the button hides it again. Nothing
// is left to a hover-only tooltip.

import { element } from "./dom.js";
import { nextViewNumber } from "./views.js";

/** @typedef {Record<string, string>} References  source key → its citation as the table gives it */

/**
 * "Comstock et al. (2009). ACR Appropriateness Criteria…" → "Comstock et al. (2009)": the authors and year.
 * @param {string} citation
 * @returns {string}
 */
export function shortCitation(citation) {
  const match = /^(.*?\(\w[^)]*\))/.exec(citation);
  return match ? match[1] : citation;
}

/**
 * Open or close a short citation's whole reference.
 * @param {HTMLButtonElement} button
 * @param {HTMLElement} reference
 * @param {boolean} open
 */
function disclose(button, reference, open) {
  button.setAttribute("aria-expanded", String(open));
  reference.hidden = !open;
}

/**
 * One source as <cite>; with `short`, the authors and year shown, as a button that opens the whole reference.
 * @param {References} references
 * @param {string} key
 * @param {{short?: boolean}} [options]
 * @returns {HTMLElement}
 */
export function cite(references, key, { short = false } = {}) {
  const full = references[key] || key;
  const shown = short ? shortCitation(full) : full;
  if (shown === full) return element("cite", { "data-key": key }, shown);
  const id = `cf-cite-${nextViewNumber("cite")}`;
  const reference = element("span", { class: "cf-cite-full", id, hidden: "" }, full);
  const button = element("button", {
    type: "button", class: "cf-cite-button", "aria-expanded": "false", "aria-controls": id,
  }, shown);
  button.addEventListener("click", () => disclose(button, reference, reference.hidden));
  button.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || reference.hidden) return;
    disclose(button, reference, false);
    event.stopPropagation(); // Esc closes the reference, not the panel around it
  });
  return element("cite", { "data-key": key, class: "cf-cite" }, button, reference);
}

/**
 * The sources in a row, separated by "; ".
 * @param {References} references
 * @param {string[]} keys
 * @param {{short?: boolean}} [options]
 * @returns {Array<Node | string>}
 */
export function citeAll(references, keys, options = {}) {
  return keys.flatMap((key, i) => (i ? ["; ", cite(references, key, options)] : [cite(references, key, options)]));
}

/**
 * "Sources: A; B" in a line of its own (`tag`, `className`); null when there are no sources.
 * @param {References} references
 * @param {string[]} keys
 * @param {{tag?: "span" | "p", className: string, lead?: string, short?: boolean}} options
 * @returns {HTMLElement | null}
 */
export function sourcesLine(references, keys, { tag = "span", className, lead = "Sources: ", short = false }) {
  return keys.length ? element(tag, { class: className }, lead, citeAll(references, keys, { short })) : null;
}

/**
 * The sources as a titled list, one per item.
 * @param {References} references
 * @param {string[]} keys
 * @param {string} prefix  the widget's class prefix: `${prefix}-sources`, `${prefix}-sources-title`
 * @returns {HTMLElement}
 */
export function sourcesList(references, keys, prefix) {
  return element("div", { class: `${prefix}-sources` },
    element("p", { class: `${prefix}-sources-title` }, keys.length === 1 ? "Source" : "Sources"),
    element("ul", {}, keys.map((key) => element("li", { "data-key": key }, cite(references, key)))));
}
