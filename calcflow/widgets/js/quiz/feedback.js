// @ts-check
// The feedback on a committed answer: the verdict, each chosen option's feedback, the answer when revealed, and why.

import { sourcesList } from "../shared/cite.js";
import { element } from "../shared/dom.js";
import { inShownOrder, rightOptions } from "./answers.js";

/** @typedef {import("./answers.js").Question} Question */
/** @typedef {import("./answers.js").Bank} Bank */
/** @typedef {import("./answers.js").Answer} Answer */

/**
 * @param {Bank} bank
 * @param {Question} question
 */
function explanationBlock(bank, question) {
  return element("div", { class: "cfq-explanation" },
    element("p", {}, element("strong", {}, "Why: "), question.explanation),
    sourcesList(bank.references, question.sources, "cfq"));
}

/**
 * @param {Question} question
 * @param {number[]} indices
 * @param {string} lead
 */
function optionFeedback(question, indices, lead) {
  return element("ul", { class: "cfq-option-feedback", "aria-label": lead },
    inShownOrder(question, indices).map((i) => element("li", {},
      element("span", { class: "cfq-option-text" }, question.options[i].text), " — ", question.options[i].feedback)));
}

/**
 * @param {Question} question
 * @param {Answer} answer
 */
function verdictFor(question, answer) {
  if (answer.correct) {
    return element("p", { class: "cfq-verdict cfq-verdict-right" },
      element("span", { class: "cfq-symbol", "aria-hidden": "true" }, "✓"), " ",
      element("strong", {}, "Right."), answer.tries > 1 ? ` You got there on try ${answer.tries}.` : "");
  }
  let detail = answer.revealed ? " The answer is shown below; you can still choose it and check."
    : " Have another look and try again, or show the answer.";
  if (question.type === "multiple") {
    const right = rightOptions(question);
    const found = answer.chosen.filter((i) => right.includes(i)).length;
    const wrong = answer.chosen.length - found;
    detail = ` You chose ${found} of the ${right.length} right options`
      + (wrong ? ` and ${wrong} that ${wrong === 1 ? "is" : "are"} not right.` : ", but not all of them.") + detail;
  }
  return element("p", { class: "cfq-verdict cfq-verdict-wrong" },
    element("span", { class: "cfq-symbol", "aria-hidden": "true" }, "✗"), " ",
    element("strong", {}, "Not right."), detail);
}

/**
 * @param {Bank} bank
 * @param {Question} question
 * @param {Answer | undefined} answer
 */
export function feedbackFor(bank, question, answer) {
  if (!answer) return [];
  /** @type {HTMLElement[]} */
  const parts = [verdictFor(question, answer)];
  const chosen = answer.chosen;
  if (question.type === "single") {
    parts.push(element("p", { class: "cfq-chosen-feedback" }, question.options[chosen[0]].feedback));
  } else {
    parts.push(optionFeedback(question, chosen, "Your choices"));
  }
  if (answer.correct) {
    parts.push(explanationBlock(bank, question));
  } else if (answer.revealed) {
    const right = rightOptions(question);
    parts.push(element("div", { class: "cfq-answer" },
      element("p", {}, element("strong", {}, right.length === 1 ? "The answer:" : "The right options:")),
      optionFeedback(question, right, "The answer")));
    parts.push(explanationBlock(bank, question));
  }
  return parts;
}
