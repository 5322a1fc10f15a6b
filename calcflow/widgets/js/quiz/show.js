// @ts-check
// A quiz's answers: committed or revealed (to the model and this browser), and shown, each option marked.

import { element } from "../shared/dom.js";
import { rightOptions, sameNumbers, saveProgress } from "./answers.js";
import { feedbackFor } from "./feedback.js";

/** @typedef {import("./answers.js").Answer} Answer */
/** @typedef {import("./answers.js").Answers} Answers */
/** @typedef {import("./view.js").QuestionView} QuestionView */
/** @typedef {import("./view.js").Quiz} Quiz */

/** @param {QuestionView} view */
export function clearMarks(view) {
  for (const option of view.options) {
    option.row.classList.remove("cfq-right", "cfq-wrong", "cfq-key");
    option.mark.textContent = "";
  }
}

/**
 * Check the chosen options of a question: the answer goes to the model and this browser.
 * @param {Quiz} quiz
 * @param {QuestionView} view
 */
export function commit(quiz, view) {
  const { question } = view;
  const chosen = view.options.flatMap((o, i) => (o.input.checked ? [i] : []));
  if (!chosen.length) {
    quiz.shown.delete(question.id);
    view.feedback.replaceChildren(element("p", { class: "cfq-verdict" },
      question.type === "multiple" ? "Choose at least one option, then press “Check answer”."
        : "Choose an answer, then press “Check answer”."));
    return;
  }
  /** @type {Answers} */
  const answers = quiz.model.get("answers") || {};
  const before = answers[question.id];
  update(quiz, {
    ...answers,
    [question.id]: {
      chosen,
      correct: sameNumbers(chosen, rightOptions(question)),
      tries: before ? before.tries + 1 : 1,
      revealed: Boolean(before && before.revealed),
    },
  });
}

/**
 * Show the answer of a question that was answered wrongly.
 * @param {Quiz} quiz
 * @param {QuestionView} view
 */
export function revealAnswer(quiz, view) {
  /** @type {Answers} */
  const answers = quiz.model.get("answers") || {};
  const answer = answers[view.question.id];
  if (!answer) return;
  update(quiz, { ...answers, [view.question.id]: { ...answer, revealed: true } });
  view.check.focus(); // the button hides itself: keep the keyboard's place in the question
}

/**
 * @param {Quiz} quiz
 * @param {Answers} answers
 */
export function update(quiz, answers) {
  quiz.model.set("answers", answers);
  quiz.model.save_changes();
  show(quiz, answers); // the static model also notifies; show() skips what is already on display
  saveProgress(quiz.bank, answers);
}

/**
 * The options marked right or not, with the key when the answer is revealed.
 * @param {QuestionView} view
 * @param {Answer} answer
 */
function markOptions(view, answer) {
  view.options.forEach((option, i) => {
    option.input.checked = answer.chosen.includes(i);
  });
  const right = rightOptions(view.question);
  for (const i of answer.chosen) {
    const isRight = right.includes(i);
    view.options[i].row.classList.add(isRight ? "cfq-right" : "cfq-wrong");
    view.options[i].mark.textContent = isRight ? "✓ right" : "✗ not right";
  }
  if (!answer.revealed || answer.correct) return;
  for (const i of right) {
    if (answer.chosen.includes(i)) continue;
    view.options[i].row.classList.add("cfq-key");
    view.options[i].mark.textContent = "✓ the right answer";
  }
}

/**
 * @param {Quiz} quiz
 * @param {QuestionView} view
 * @param {Answer | undefined} answer
 */
function showQuestion(quiz, view, answer) {
  const key = JSON.stringify(answer || null);
  if (quiz.shown.get(view.question.id) === key) return;
  quiz.shown.set(view.question.id, key);
  clearMarks(view);
  if (answer) markOptions(view, answer);
  else for (const option of view.options) option.input.checked = false;
  view.reveal.hidden = !answer || answer.correct || answer.revealed;
  view.form.dataset.state = !answer ? "open" : answer.correct ? "right" : "wrong";
  view.feedback.replaceChildren(...feedbackFor(quiz.bank, view.question, answer));
}

/**
 * @param {Quiz} quiz
 * @param {Answers} answers
 */
export function show(quiz, answers) {
  for (const view of quiz.views.values()) showQuestion(quiz, view, answers[view.question.id]);
  const total = quiz.bank.questions.length;
  const values = quiz.bank.questions.map((q) => answers[q.id]).filter(Boolean);
  const right = values.filter((a) => a.correct).length;
  quiz.score.textContent = `Score: ${right} of ${total} correct`
    + (values.length === total ? " — every question answered." : ` (${values.length} of ${total} answered).`);
}
