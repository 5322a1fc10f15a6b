// @ts-check
// The case player's flow: the question shown or the end of the case, redrawn from the model, and moving around and
// answering (the buttons, and → ← and the number keys when presenting).

import { element } from "../shared/dom.js";
import { numberKeys } from "../shared/present.js";
import { drawCase, drawScore, expertChart, optionRow, resultBanner, reviewTable } from "./draw.js";
import { allAnswers, answersOf, currentRow, setAnswers } from "./model.js";
import { answeredCount, caseScore, optionsFor } from "./table.js";
import { feedbackFor, judgement, QUESTIONS } from "./words.js";

/** @typedef {import("./table.js").Row} Row */
/** @typedef {import("./player.js").Player} Player */

/**
 * Question `index` of the case, with its feedback once committed.
 * @param {Player} player
 * @param {Row} row
 * @param {number} index
 * @param {number} answered
 */
function drawQuestion(player, row, index, answered) {
  const { table, id } = player;
  const step = row.asked[index];
  const given = answersOf(player, row.id);
  const committed = index < answered;
  const [name, question] = QUESTIONS[step];
  const state = { committed, given: given[step], expert: row.expert[step].answer };
  const commit = element("button", { type: "submit", class: "cfp-primary", "data-calcflow": "commit" },
    "Commit answer");
  const onward = element("button", { type: "button", class: "cfp-primary", "data-calcflow": "next-question" },
    index + 1 < row.asked.length ? "Next question →" : "See the expert's path →");
  const back = element("button", { type: "button", class: "cfp-secondary" }, "← Previous question");
  commit.hidden = committed;
  onward.hidden = !committed;
  back.hidden = index === 0;
  back.addEventListener("click", () => goTo(player, player.question - 1, { focus: true }));
  onward.addEventListener("click", () => goTo(player, player.question + 1, { focus: true }));
  const form = element("form", { class: "cfp-question", "aria-labelledby": id("legend") },
    step === "after_result" ? resultBanner(row) : null,
    element("fieldset", {},
      element("legend", { id: id("legend") },
        element("span", { class: "cfp-step" }, `Question ${index + 1} of ${row.asked.length}: ${name}. `), question),
      element("div", { class: "cfp-options" }, optionsFor(table, row, step).map((o) => optionRow(o, step, state)))),
    element("div", { class: "cfp-actions" }, back, commit, onward));
  const pending = player.pending && player.pending.key === `${row.id} ${step}` ? player.pending.value : null;
  const checked = committed ? given[step] : pending;
  const input = checked ? form.querySelector(`input[value="${CSS.escape(checked)}"]`) : null;
  if (input) /** @type {HTMLInputElement} */ (input).checked = true;
  form.addEventListener("change", (event) => {
    player.pending = { key: `${row.id} ${step}`, value: /** @type {HTMLInputElement} */ (event.target).value };
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    commitAnswer(player);
  });
  player.stage.replaceChildren(form);
  player.feedback.replaceChildren(...(committed ? feedbackFor(table, row, step, given[step]) : []));
  return { form, onward };
}

/**
 * The end of a case: the score, the teaching point, the expert's path, the review, and where to go next.
 * @param {Player} player
 * @param {Row} row
 */
function drawEnding(player, row) {
  const given = answersOf(player, row.id);
  const mine = caseScore(row, given);
  const nextCase = element("button", { type: "button", class: "cfp-primary", "data-calcflow": "next-case" },
    "Next case →");
  const again = element("button", { type: "button", class: "cfp-secondary" }, "Try this case again");
  const back = element("button", { type: "button", class: "cfp-secondary" }, "← Last question");
  nextCase.addEventListener("click", () => showCase(player, nextCaseId(player, row), { focus: true }));
  again.addEventListener("click", () => {
    const answers = { ...allAnswers(player) };
    delete answers[row.id];
    setAnswers(player, answers);
    goTo(player, 0, { focus: true });
  });
  back.addEventListener("click", () => goTo(player, player.question - 1, { focus: true }));
  const judged = judgement(row);
  const chart = expertChart(player, row);
  // Three parts, for presenting to lay out side by side (caseplayer.css): the outcome, the path, the review.
  player.ending.replaceChildren(
    element("div", { class: "cfp-end-head" },
      element("h3", { id: player.id("end-heading"), tabindex: "-1" }, `Case complete: ${row.title}`),
      element("p", { class: "cfp-case-score" }, `You matched the expert on ${mine.right} of ${mine.asked} questions.`),
      element("p", { class: "cfp-teaching" }, element("strong", {}, "Teaching point: "), row.teaching_point)),
    element("div", { class: "cfp-end-path" },
      element("h4", {}, `The expert's path (${row.system.label})`),
      ...(judged ? [judged] : []),
      chart.strip,
      element("p", { class: "cfp-chart-note" }, "The same path on the whole pathway chart (scroll it to see more):"),
      chart.box),
    element("div", { class: "cfp-end-review" },
      reviewTable(player, row, given),
      element("div", { class: "cfp-actions" }, back, again, nextCase)));
  chart.show();
}

/**
 * Everything shown follows from the model (case_id, answers) and the question shown.
 * @param {Player} player
 * @param {{focus?: boolean}} [options]
 */
export function update(player, { focus = false } = {}) {
  const row = currentRow(player);
  const answered = answeredCount(row, answersOf(player, row.id));
  if (row.id !== player.shownCase) {
    player.shownCase = row.id;
    drawCase(player, row);
    player.question = answered; // a case half done opens at its first open question
  }
  player.question = Math.max(0, Math.min(player.question, answered));
  const finished = player.question === row.asked.length;
  player.root.classList.toggle("cfp-finished", finished);
  player.ending.hidden = !finished;
  if (finished) {
    player.stage.replaceChildren();
    player.feedback.replaceChildren();
    drawEnding(player, row);
    if (focus) player.ending.querySelector("h3")?.focus();
  } else {
    player.ending.replaceChildren();
    const { form, onward } = drawQuestion(player, row, player.question, answered);
    if (focus) (player.question < answered ? onward : form.querySelector("input"))?.focus();
  }
  drawScore(player, row);
  drawStatus(player);
}

/**
 * Presenting: where the presenter is, and what → does next.
 * @param {Player} player
 */
export function drawStatus(player) {
  const { table } = player;
  const row = currentRow(player);
  const where = `Case ${table.cases.indexOf(row) + 1} of ${table.cases.length}`;
  if (player.question === row.asked.length) {
    player.present.setStatus(`${where}: complete. → next case.`);
    return;
  }
  const step = row.asked[player.question];
  const keys = numberKeys(optionsFor(table, row, step).length);
  const open = player.question >= answeredCount(row, answersOf(player, row.id));
  player.present.setStatus(`${where}, question ${player.question + 1} of ${row.asked.length}: ${QUESTIONS[step][0]}. `
    + (open ? `${keys[0].toUpperCase()}${keys.slice(1)} choose${keys === "key 1" ? "s" : ""}, → commits.`
      : "→ next question."));
}

/**
 * @param {Player} player
 * @param {number} index
 * @param {{focus?: boolean}} [options]
 */
export function goTo(player, index, options) {
  const row = currentRow(player);
  player.question = Math.max(0, Math.min(index, answeredCount(row, answersOf(player, row.id))));
  update(player, options);
}

/**
 * @param {Player} player
 * @param {Row} row
 */
function nextCaseId(player, row) {
  const { cases } = player.table;
  return cases[(cases.indexOf(row) + 1) % cases.length].id;
}

/**
 * @param {Player} player
 * @param {string} caseId
 * @param {{focus?: boolean}} [options]
 */
export function showCase(player, caseId, { focus = false } = {}) {
  player.model.set("case_id", caseId);
  player.model.save_changes(); // the change listener redraws
  if (focus) player.caseHeading.focus();
}

/** @param {Player} player */
function commitAnswer(player) {
  const row = currentRow(player);
  const step = row.asked[player.question];
  const chosen = /** @type {HTMLInputElement | null} */ (player.stage.querySelector(`input[name="${step}"]:checked`));
  if (!chosen) {
    player.feedback.replaceChildren(element("p", { class: "cfp-hint" },
      "Choose an answer first, then commit it." + (player.present.active() ? " The number keys choose." : "")));
    return;
  }
  setAnswers(player, { ...allAnswers(player), [row.id]: { ...answersOf(player, row.id), [step]: chosen.value } });
  // the change listener has stored the answers and redrawn
  /** @type {HTMLElement | null} */ (player.stage.querySelector('[data-calcflow="next-question"]'))?.focus();
}

/** @param {Player} player */
export function presentNext(player) {
  const row = currentRow(player);
  const answered = answeredCount(row, answersOf(player, row.id));
  if (player.question === row.asked.length) showCase(player, nextCaseId(player, row), { focus: true });
  else if (player.question < answered) goTo(player, player.question + 1, { focus: true });
  else commitAnswer(player);
}

/**
 * Presenting: the number keys choose the nth option of the open question.
 * @param {Player} player
 * @param {number} number
 */
export function chooseOption(player, number) {
  const input = /** @type {HTMLInputElement | undefined} */ (
    player.stage.querySelectorAll("input[type=radio]:not(:disabled)")[number - 1]);
  if (!input) return;
  input.checked = true;
  input.dispatchEvent(new Event("change", { bubbles: true }));
  input.focus();
}
