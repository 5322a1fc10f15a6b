// @ts-check
// The explorer's words: the menus' labels, each step's name in a system's words, the sources line, the chart's help.

import { sourcesLine } from "../shared/cite.js";

/** @typedef {import("./lookup.js").Table} Table */

/** @type {Record<string, string>} */
export const FIELD_LABELS = {
  setting: "Why she had the mammogram",
  history: "Earlier breast cancer treatment",
  system: "Practice followed",
  size: "Size",
  shape: "Shape (morphology)",
  pattern: "Pattern (distribution)",
  change: "Compared with earlier mammograms",
  result: "Biopsy result",
  concordance: "Does the result explain the imaging?",
};
// The result menu speaks the chosen system's language.
/** @type {Record<string, string>} */
const RESULT_LABELS = { uk: "Biopsy result (B-code)", us: "Biopsy result (pathology report)" };

export const CHART_HELP = "Click a step, or Tab to it and press Enter, to read what happens there and why.";

/**
 * A step's name in one system's words (a shared step may be called differently in the UK and the US).
 * @param {Table} table
 * @param {string} stepId
 * @param {string} system
 */
export function stepLabel(table, stepId, system) {
  const step = table.steps[stepId];
  return (step.labels && step.labels[system]) || step.label;
}

/**
 * @param {string} field
 * @param {string} system
 */
export function fieldLabel(field, system) {
  return (field === "result" && RESULT_LABELS[system]) || FIELD_LABELS[field] || field;
}

/**
 * The result menu: "No result yet" and the chosen system's results only.
 * @param {Table} table
 * @param {string} system
 */
export function resultOptions(table, system) {
  return table.choices.result.filter((option) => !option.id || option.system === system);
}

/**
 * "Sources: Comstock et al. (2009); …", each a button that opens the whole reference; null when there are none.
 * @param {Table} table
 * @param {string[] | undefined} keys
 * @param {string} [lead]
 */
export function sources(table, keys, lead = "Sources: ") {
  return sourcesLine(table.references, keys || [], { className: "cfx-sources", lead, short: true });
}
