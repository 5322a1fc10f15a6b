// @ts-check
// Citations: every fact a widget shows carries its sources, as <cite> elements with the source key in data-key.

import { element } from "./dom.js";

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
 * One source as <cite>; with `short`, the authors and year shown and the whole citation on hover.
 * @param {References} references
 * @param {string} key
 * @param {{short?: boolean}} [options]
 * @returns {HTMLElement}
 */
export function cite(references, key, { short = false } = {}) {
  const full = references[key] || key;
  const shown = short ? shortCitation(full) : full;
  return element("cite", { "data-key": key, title: shown === full ? null : full }, shown);
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
