// @ts-check
// The case player's words: the questions, where the woman was seen, the concordance judgement, and the feedback on a
// committed answer.

import { sourcesLine } from "../shared/cite.js";
import { element } from "../shared/dom.js";
import { optionLabel } from "./table.js";

/** @typedef {import("./table.js").Row} Row */
/** @typedef {import("./table.js").Table} Table */

/** @type {Record<string, [string, string]>} */
export const QUESTIONS = {
  size: ["Size", "How big are the calcifications?"],
  shape: ["Shape", "What shape (morphology) are they?"],
  pattern: ["Pattern", "How are they distributed (the pattern)?"],
  category: ["Category", "Which category is this, in the words of the patient leaflet?"],
  next_test: ["Next test", "What happens next?"],
  after_result: ["After the result", "Where does the pathway go after this result?"],
};

/**
 * Where the woman was seen, in the vignette's words.
 * @param {Row} row
 */
export function seenWhere(row) {
  if (row.vignette.setting === "symptomatic") {
    return row.system.id === "uk" ? "seen at a breast clinic with a breast symptom" : "seen for a breast symptom";
  }
  if (row.history && row.history.id === "treated-breast") {
    return "having her yearly mammogram after breast cancer treatment";
  }
  return "seen through breast screening";
}

/**
 * The concordance judgement of the case's result, in words (null when the result takes none).
 * @param {Row} row
 */
export function judgement(row) {
  const concordance = row.result && row.result.concordance;
  if (!concordance) return null;
  return element("p", { class: "cfp-judgement", "data-calcflow": "concordance" },
    element("strong", {}, "Radiology–pathology: "), concordance.text);
}

/**
 * The feedback on a committed answer: right or not, in words, then the expert's explanation and sources.
 * @param {Table} table
 * @param {Row} row
 * @param {string} step
 * @param {string} chosen
 */
export function feedbackFor(table, row, step, chosen) {
  const expert = row.expert[step];
  const label = (/** @type {string | undefined} */ id) => optionLabel(table, row, step, id);
  const verdict = chosen === expert.answer
    ? element("p", { class: "cfp-verdict cfp-right" }, element("span", { "aria-hidden": "true" }, "✓ "),
      element("strong", {}, "Right."), ` The expert's answer is ${label(expert.answer)} too.`)
    : element("p", { class: "cfp-verdict cfp-wrong" }, element("span", { "aria-hidden": "true" }, "✗ "),
      element("strong", {}, "Not right."), ` You chose ${label(chosen)}; the expert's answer is `,
      element("strong", {}, label(expert.answer)), ".");
  const scales = step === "category"
    ? element("p", { class: "cfp-scales" },
      `BI-RADS (US) ${expert.birads}: ${optionLabel(table, row, "birads", expert.birads)}. `
      + `RCR (UK) ${expert.rcr}: ${optionLabel(table, row, "rcr", expert.rcr)}.`)
    : null;
  // The radiology–pathology judgement: after the learner commits, unless the case states it with the result.
  const judged = step === "after_result" ? judgement(row) : null;
  const unconfirmed = expert.unconfirmed
    ? element("p", {}, element("span", { class: "cf-unconfirmed" }, "Sources differ or are incomplete on this point."))
    : null;
  return [verdict, scales, judged, element("p", { class: "cfp-explanation" }, expert.explanation), unconfirmed,
    sourcesLine(table.references, expert.sources, { tag: "p", className: "cfp-sources" })]
    .filter((part) => part !== null);
}
