// @ts-check
// What a case player's model holds: the case on show (case_id) and the learner's answers.

/** @typedef {import("./table.js").Answers} Answers */
/** @typedef {import("./player.js").Player} Player */

/** @param {Player} player */
export function currentRow(player) {
  return player.rows.get(player.model.get("case_id")) || player.table.cases[0];
}

/**
 * @param {Player} player
 * @returns {Answers}
 */
export function allAnswers(player) {
  return player.model.get("answers") || {};
}

/**
 * @param {Player} player
 * @param {string} caseId
 * @returns {Record<string, string>}
 */
export function answersOf(player, caseId) {
  return allAnswers(player)[caseId] || {};
}

/**
 * @param {Player} player
 * @param {Answers} answers
 */
export function setAnswers(player, answers) {
  player.model.set("answers", answers);
  player.model.save_changes();
}
