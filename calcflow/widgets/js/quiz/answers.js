// @ts-check
// A quiz's bank and answers (calcflow.widgets.quiz.bank_state): the options in the order shown, the right ones, and
// the progress kept in this browser under the chapter's id.

import { readStored, writeStored } from "../shared/storage.js";

/**
 * A question of the bank (calcflow.widgets.quiz.bank_state).
 * @typedef {object} Question
 * @property {string} id
 * @property {string} prompt
 * @property {"single" | "multiple"} type
 * @property {Array<{text: string, correct: boolean, feedback: string}>} options
 * @property {string} explanation
 * @property {string[]} sources
 * @property {string} version     a fingerprint: progress saved for another version is dropped
 * @property {number[]} [order]   the option numbers in the order they are shown
 */
/** @typedef {{chapter: string, title: string, questions: Question[], references: Record<string, string>}} Bank */
/** @typedef {{chosen: number[], correct: boolean, tries: number, revealed: boolean}} Answer */
/** @typedef {Record<string, Answer>} Answers  question id → the committed answer */

const STORAGE_PREFIX = "calcflow.quiz.";

/**
 * Option numbers in the order they are shown (the bank's numbers: those are what `answers` records).
 * @param {Question} question
 * @returns {number[]}
 */
export function shownOrder(question) {
  return question.order || question.options.map((_, i) => i);
}

/** @param {Question} question */
export function rightOptions(question) {
  return question.options.flatMap((option, index) => (option.correct ? [index] : [])).sort((a, b) => a - b);
}

/**
 * @param {Question} question
 * @param {number[]} indices
 */
export function inShownOrder(question, indices) {
  return shownOrder(question).filter((i) => indices.includes(i));
}

/**
 * @param {number[]} a
 * @param {number[]} b
 */
export function sameNumbers(a, b) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * A stored answer, if it still fits its question (a question that changed since starts afresh).
 * @param {Question} question
 * @param {any} entry
 * @returns {Answer | null}
 */
function restoredAnswer(question, entry) {
  if (!entry || entry.version !== question.version || !Array.isArray(entry.chosen)) return null;
  /** @type {number[]} */
  const chosen = [...new Set(/** @type {number[]} */ (entry.chosen))].sort((a, b) => a - b);
  const valid = chosen.length > 0 && chosen.every((i) => Number.isInteger(i) && i >= 0 && i < question.options.length);
  if (!valid || (question.type === "single" && chosen.length !== 1)) return null;
  return {
    chosen,
    correct: sameNumbers(chosen, rightOptions(question)),
    tries: Math.max(1, Number(entry.tries) || 1),
    revealed: Boolean(entry.revealed),
  };
}

/**
 * The answers this browser kept for the bank's chapter.
 * @param {Bank} bank
 * @returns {Answers}
 */
export function loadProgress(bank) {
  const saved = /** @type {Record<string, unknown> | null} */ (readStored(STORAGE_PREFIX + bank.chapter));
  /** @type {Answers} */
  const answers = {};
  for (const question of bank.questions) {
    const answer = saved && typeof saved === "object" ? restoredAnswer(question, saved[question.id]) : null;
    if (answer) answers[question.id] = answer;
  }
  return answers;
}

/**
 * @param {Bank} bank
 * @param {Answers} answers
 */
export function saveProgress(bank, answers) {
  /** @type {Record<string, Answer & {version: string}>} */
  const saved = {};
  for (const question of bank.questions) {
    if (answers[question.id]) saved[question.id] = { ...answers[question.id], version: question.version };
  }
  writeStored(STORAGE_PREFIX + bank.chapter, Object.keys(saved).length ? saved : null);
}
