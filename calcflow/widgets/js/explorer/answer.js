// @ts-check
// The explorer's answer panel (or the refusal), the path step by step, the rules that applied, and a step's details.

import { element } from "../shared/dom.js";
import { optionOf } from "./lookup.js";
import { sources, stepLabel } from "./words.js";

/** @typedef {import("./lookup.js").Table} Table */
/** @typedef {import("./lookup.js").Choice} Choice */
/** @typedef {import("./lookup.js").Outcome} Outcome */

/** @param {Outcome} outcome */
export function refusalView(outcome) {
  return [
    element("p", { class: "cfx-refusal-title" }, "This combination cannot occur"),
    element("p", { class: "cfx-refusal" }, outcome.refused),
    element("p", { class: "cfx-note" }, "Change one of the choices above to see a path."),
  ];
}

/**
 * @param {import("../shared/dom.js").Attributes} attributes
 * @param {string} term
 * @param {...import("../shared/dom.js").Child} description
 */
function entry(attributes, term, ...description) {
  return element("div", attributes, element("dt", {}, term), element("dd", {}, ...description));
}

/**
 * @param {Table} table
 * @param {Choice} choice
 * @param {Outcome} outcome
 */
export function answerView(table, choice, outcome) {
  const code = outcome.category || "";
  const category = table.categories[code] || { label: code, plain: "" };
  const judged = outcome.concordance ? optionOf(table, "concordance", outcome.concordance) : undefined;
  return [element("dl", {},
    entry({ class: `cfx-category cfx-category-${code}` }, "Category (the leaflet's word)",
      element("strong", {}, category.label), " — ", category.plain),
    entry({}, "BI-RADS (US)",
      element("strong", {}, outcome.birads), " — ", table.birads[outcome.birads || ""] || ""),
    entry({}, "RCR M-score (UK)",
      element("strong", {}, outcome.rcr), " — ", table.rcr[outcome.rcr || ""] || ""),
    judged ? entry({ class: "cfx-concordance" }, "Does the result explain the imaging?",
      element("strong", {}, judged.label), " — ",
      choice.concordance ? "as you chose" : "the model's judgement for this result and category") : null,
    entry({ class: "cfx-next" }, "Next step", outcome.next_step))];
}

/**
 * @param {Table} table
 * @param {string[]} path
 * @param {string} system
 */
export function transcriptItems(table, path, system) {
  return path.map((stepId) => element("li", { "data-step": stepId },
    element("span", { class: "cfx-step-label" }, stepLabel(table, stepId, system)), " ",
    sources(table, table.steps[stepId].sources, "— ")));
}

/**
 * @param {Table} table
 * @param {string[]} ruleIds
 */
export function ruleItems(table, ruleIds) {
  return ruleIds.map((ruleId) => {
    const rule = table.rules[ruleId];
    return element("li", { "data-rule": ruleId },
      rule.statement, " ",
      rule.synthesis ? element("span", { class: "cf-synthesis" }, "This book's simplification") : null,
      rule.synthesis && rule.unconfirmed ? " " : null,
      rule.unconfirmed ? element("span", { class: "cf-unconfirmed" }, "Sources differ or are incomplete") : null,
      " ", sources(table, rule.sources));
  });
}

/**
 * @param {Table} table
 * @param {string} stepId
 * @param {string} system
 * @param {string[]} path
 */
export function stepDetails(table, stepId, system, path) {
  const step = table.steps[stepId];
  const position = path.indexOf(stepId);
  return [
    element("h3", {}, stepLabel(table, stepId, system)),
    element("p", { class: "cfx-where" }, position >= 0
      ? `Step ${position + 1} of ${path.length} on the current path.`
      : "Not on the current path."),
    element("p", {}, step.explanation),
    element("p", {}, sources(table, step.sources)),
  ];
}
