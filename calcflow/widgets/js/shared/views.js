// @ts-check
// The view counter: a number for each new view of a widget, counted page-wide. Not module-wide: on a static page each
// widget's module is its own instance, and ids built from the number must stay unique when several widgets, or
// several views of one, share a page.

const COUNTERS = Symbol.for("calcflow.views");

/**
 * The next number for a view of `name` on this page: 1, 2, 3…
 * @param {string} name
 * @returns {number}
 */
export function nextViewNumber(name) {
  const page = /** @type {Record<symbol, Record<string, number>>} */ (/** @type {unknown} */ (globalThis));
  const counters = (page[COUNTERS] ||= {});
  counters[name] = (counters[name] || 0) + 1;
  return counters[name];
}

/**
 * A function that makes ids unique to one view: viewIds("cfx", 3)("chart") is "cfx-3-chart".
 * @param {string} prefix
 * @param {number} number
 * @returns {(name: string) => string}
 */
export function viewIds(prefix, number) {
  return (name) => `${prefix}-${number}-${name}`;
}
