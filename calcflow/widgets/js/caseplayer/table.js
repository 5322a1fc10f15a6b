// @ts-check
// The case player's table (calcflow.widgets.payloads.player_table): the options of each question, the steps answered
// and the score of a case, and the answers this browser kept that still fit the table.

import { readStored } from "../shared/storage.js";

/** @typedef {{id: string, label: string, plain?: string}} Option */
/** @typedef {{answer: string, explanation: string, sources: string[], unconfirmed?: boolean, birads?: string,
 *   rcr?: string}} Expert */
/**
 * One case of the library (calcflow.widgets.payloads.player_table: cases).
 * @typedef {object} Row
 * @property {string} id
 * @property {string} title
 * @property {{age: number, setting: string, history: string, priors: string}} vignette
 * @property {{id: string, label: string}} system
 * @property {{id: string, label: string} | null} history
 * @property {{src: string, alt: string, px: number, width_mm: number, scale_bar_mm: number}} image
 * @property {{id: string, label: string, concordance: {text: string, given?: boolean} | null} | null} result
 * @property {string[]} asked                  the questions of the case, in order
 * @property {Record<string, string>} choices  question → the key of its option set
 * @property {Record<string, Expert>} expert
 * @property {string[]} path                   the expert's path: step ids
 * @property {string} teaching_point
 */
/**
 * @typedef {object} Table
 * @property {Row[]} cases
 * @property {Record<string, Option[]>} choices
 * @property {Record<string, Record<string, string>>} step_labels  system → step id → label
 * @property {Record<string, string>} references
 * @property {Record<string, string>} flowchart_svg                system → its flowchart
 */
/** @typedef {Record<string, Record<string, string>>} Answers  case id → question → option id */

// Progress in this browser only: {case id: {step: option id}}. Nothing is sent anywhere.
export const STORAGE_KEY = "calcflow.caseplayer.answers";

/**
 * The options of one question of one case (the case names its option set; the scales fall back to the step).
 * @param {Table} table
 * @param {Row | null} row
 * @param {string} step
 * @returns {Option[]}
 */
export function optionsFor(table, row, step) {
  return table.choices[(row && row.choices && row.choices[step]) || step] || [];
}

/**
 * @param {Table} table
 * @param {Row} row
 * @param {string} step
 * @param {string | undefined} id
 */
export function optionLabel(table, row, step, id) {
  const option = optionsFor(table, row, step).find((o) => o.id === id);
  return option ? option.label : id;
}

/**
 * The steps answered so far, in order: the learner commits one question at a time.
 * @param {Row} row
 * @param {Record<string, string> | undefined} given
 */
export function answeredCount(row, given) {
  let count = 0;
  while (count < row.asked.length && given && given[row.asked[count]] !== undefined) count += 1;
  return count;
}

/**
 * @param {Row} row
 * @param {Record<string, string> | undefined} given
 */
export function caseScore(row, given) {
  const answered = answeredCount(row, given);
  const right = row.asked.slice(0, answered).filter((step) => given?.[step] === row.expert[step].answer).length;
  return { right, answered, asked: row.asked.length };
}

/**
 * Stored answers that still fit the table: known cases, steps they ask, options that exist.
 * @param {Table} table
 * @returns {Answers}
 */
export function storedAnswers(table) {
  const saved = /** @type {Record<string, unknown> | null} */ (readStored(STORAGE_KEY));
  /** @type {Answers} */
  const answers = {};
  for (const row of table.cases) {
    const given = /** @type {Record<string, string> | null} */ (saved && typeof saved === "object" ? saved[row.id] : null);
    if (!given || typeof given !== "object") continue;
    /** @type {Record<string, string>} */
    const kept = {};
    for (const step of row.asked) {
      if (optionsFor(table, row, step).some((option) => option.id === given[step])) kept[step] = given[step];
    }
    if (Object.keys(kept).length) answers[row.id] = kept;
  }
  return answers;
}
