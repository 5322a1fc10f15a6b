// @ts-check
// A chapter's learning checks as a quiz. One module for two hosts (see shared/host.js): anywidget in JupyterLab
// (traits: bank, answers), and a static page, where it renders each host of kind "quiz".
// The learner commits each answer with "Check answer"; committed answers go to the model (`answers`, which Python
// reads) and, when the browser allows it, to localStorage under the chapter's id. Nothing is sent anywhere.
// Hooks other checks rely on: data-calcflow="quiz" on the root (data-ready once interactive), one
// [data-question="<id>"] per question with a <fieldset>/<legend> of radio buttons or checkboxes (values are the
// option numbers from 0), data-calcflow="check" | "reveal" | "feedback" inside it, data-calcflow="score" and
// data-calcflow="reset" at the end.

import { sourcesList } from "./shared/cite.js";
import { element, listenAll } from "./shared/dom.js";
import { mountStatic } from "./shared/host.js";
import { readStored, writeStored } from "./shared/storage.js";
import { nextViewNumber, viewIds } from "./shared/views.js";

/** @typedef {import("./shared/host.js").Model} Model */
/** @typedef {import("./shared/host.js").RenderProps} RenderProps */

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

const STORAGE_PREFIX = "calcflow.quiz.";

// --- answers --------------------------------------------------------------------------------------------------------

/**
 * Option numbers in the order they are shown (the bank's numbers: those are what `answers` records).
 * @param {Question} question
 * @returns {number[]}
 */
function shownOrder(question) {
  return question.order || question.options.map((_, i) => i);
}

/** @param {Question} question */
function rightOptions(question) {
  return question.options.flatMap((option, index) => (option.correct ? [index] : [])).sort((a, b) => a - b);
}

/**
 * @param {Question} question
 * @param {number[]} indices
 */
function inShownOrder(question, indices) {
  return shownOrder(question).filter((i) => indices.includes(i));
}

/**
 * @param {number[]} a
 * @param {number[]} b
 */
function sameNumbers(a, b) {
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
function loadProgress(bank) {
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
function saveProgress(bank, answers) {
  /** @type {Record<string, Answer & {version: string}>} */
  const saved = {};
  for (const question of bank.questions) {
    if (answers[question.id]) saved[question.id] = { ...answers[question.id], version: question.version };
  }
  writeStored(STORAGE_PREFIX + bank.chapter, Object.keys(saved).length ? saved : null);
}

// --- feedback -------------------------------------------------------------------------------------------------------

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
function feedbackFor(bank, question, answer) {
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

// --- the quiz -------------------------------------------------------------------------------------------------------

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
function createQuiz(model) {
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

/** @param {QuestionView} view */
function clearMarks(view) {
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
function commit(quiz, view) {
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
function revealAnswer(quiz, view) {
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
function update(quiz, answers) {
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
function show(quiz, answers) {
  for (const view of quiz.views.values()) showQuestion(quiz, view, answers[view.question.id]);
  const total = quiz.bank.questions.length;
  const values = quiz.bank.questions.map((q) => answers[q.id]).filter(Boolean);
  const right = values.filter((a) => a.correct).length;
  quiz.score.textContent = `Score: ${right} of ${total} correct`
    + (values.length === total ? " — every question answered." : ` (${values.length} of ${total} answered).`);
}

/**
 * The quiz's listeners.
 * @param {Quiz} quiz
 * @returns {Array<[EventTarget, string, EventListener]>}
 */
function listeners(quiz) {
  /** @type {Array<[EventTarget, string, EventListener]>} */
  const list = [[quiz.reset, "click", () => {
    quiz.shown.clear();
    update(quiz, {});
  }]];
  for (const view of quiz.views.values()) {
    list.push(
      [view.form, "submit", (event) => {
        event.preventDefault();
        commit(quiz, view);
      }],
      [view.form, "change", () => clearMarks(view)],
      [view.reveal, "click", () => revealAnswer(quiz, view)]);
  }
  return list;
}

/**
 * anywidget's entry point, and the static host's.
 * @param {RenderProps} props
 * @returns {() => void} the cleanup
 */
function render({ model, el }) {
  const quiz = createQuiz(model);
  const unlisten = listenAll(listeners(quiz));
  const onModelChange = () => show(quiz, model.get("answers") || {});
  model.on("change:answers", onModelChange);
  el.replaceChildren(quiz.root);
  // Answers the model already has (set from Python) win; otherwise pick up where this browser left off.
  /** @type {Answers} */
  const initial = model.get("answers") || {};
  if (Object.keys(initial).length) {
    show(quiz, initial);
  } else {
    const restored = loadProgress(quiz.bank);
    if (Object.keys(restored).length) {
      model.set("answers", restored);
      model.save_changes();
    }
    show(quiz, restored);
  }
  quiz.root.dataset.ready = "true";
  return () => {
    model.off("change:answers", onModelChange);
    unlisten();
    quiz.root.remove();
  };
}

const widget = { render };
export default widget;
mountStatic("quiz", widget);
