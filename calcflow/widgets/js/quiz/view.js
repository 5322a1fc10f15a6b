// @ts-check
// One quiz on the page: a block for each question, the score and "Start again".

import { element } from "../shared/dom.js";
import { nextViewNumber, viewIds } from "../shared/views.js";
import { shownOrder } from "./answers.js";

/** @typedef {import("../shared/host.js").Model} Model */
/** @typedef {import("./answers.js").Question} Question */
/** @typedef {import("./answers.js").Bank} Bank */

/**
 * One question's controls.
 * @typedef {object} QuestionView
 * @property {Question} question
 * @property {Array<{input: HTMLInputElement, mark: HTMLElement, row: HTMLElement}>} options  in the bank's order
 * @property {HTMLButtonElement} check
 * @property {HTMLButtonElement} reveal
 * @property {HTMLElement} feedback
 * @property {HTMLFormElement} form
 * @property {HTMLElement} block
 */
/**
 * One quiz on the page.
 * @typedef {object} Quiz
 * @property {Model} model
 * @property {Bank} bank
 * @property {(name: string) => string} id
 * @property {Map<string, QuestionView>} views   question id → its controls
 * @property {Map<string, string>} shown         question id → the answer on display, as JSON, to skip repeated work
 * @property {HTMLElement} score
 * @property {HTMLButtonElement} reset
 * @property {HTMLElement} root
 */

/**
 * A question's block: its options in a fieldset, "Check answer", "Show answer" and the feedback.
 * @param {Quiz} quiz
 * @param {Question} question
 * @param {number} q  its place in the bank, from 0
 * @returns {QuestionView}
 */
function questionView(quiz, question, q) {
  const { id } = quiz;
  const total = quiz.bank.questions.length;
  const inputType = question.type === "multiple" ? "checkbox" : "radio";
  const hint = element("p", { class: "cfq-hint", id: id(`${q}-hint`) },
    question.type === "multiple" ? "More than one option may be right: tick each one that is." : "Choose one answer.");
  const options = question.options.map((option, i) => {
    const input = element("input", { type: inputType, name: id(`${q}`), id: id(`${q}-${i}`), value: String(i) });
    const mark = element("span", { class: "cfq-mark" });
    const row = element("div", { class: "cfq-option", "data-option": String(i) },
      input, element("label", { for: input.id }, option.text), mark);
    return { input, mark, row };
  });
  const fieldset = element("fieldset", { "aria-describedby": hint.id },
    element("legend", {},
      element("span", { class: "cfq-number" }, `Question ${q + 1} of ${total}`),
      element("span", { class: "cfq-prompt" }, question.prompt)),
    hint,
    element("div", { class: "cfq-options" }, shownOrder(question).map((i) => options[i].row)));
  const check = element("button", { type: "submit", class: "cfq-button cfq-check", "data-calcflow": "check" },
    "Check answer");
  const reveal = element("button", { type: "button", class: "cfq-button cfq-reveal", "data-calcflow": "reveal",
    hidden: "" }, "Show answer");
  const feedback = element("div", { class: "cfq-feedback", "data-calcflow": "feedback", "aria-live": "polite",
    id: id(`${q}-feedback`) });
  const form = element("form", { class: "cfq-form" },
    fieldset, element("div", { class: "cfq-actions" }, check, reveal), feedback);
  const block = element("div", { class: "cfq-question", "data-question": question.id }, form);
  return { question, options, check, reveal, feedback, form, block };
}

/**
 * @param {Model} model
 * @returns {Quiz}
 */
export function createQuiz(model) {
  /** @type {Bank} */
  const bank = model.get("bank");
  /** @type {Quiz} */
  const quiz = {
    model, bank,
    id: viewIds("cfq", nextViewNumber("quiz")),
    views: new Map(),
    shown: new Map(),
    score: element("p", { class: "cfq-score", "data-calcflow": "score", "aria-live": "polite" }),
    reset: element("button", { type: "button", class: "cfq-button cfq-reset", "data-calcflow": "reset" },
      "Start again"),
    root: element("div", { class: "cf-widget calcflow-quiz", "data-calcflow": "quiz", "data-chapter": bank.chapter }),
  };
  bank.questions.forEach((question, q) => quiz.views.set(question.id, questionView(quiz, question, q)));
  const total = bank.questions.length;
  quiz.root.append(
    element("p", { class: "cfq-intro" },
      `${total} question${total === 1 ? "" : "s"}. Choose an answer, then press “Check answer”. `
      + "Your answers stay in this browser; nothing is sent anywhere."),
    ...[...quiz.views.values()].map((view) => view.block),
    element("div", { class: "cfq-footer" }, quiz.score, quiz.reset));
  return quiz;
}
