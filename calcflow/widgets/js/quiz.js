// @ts-check
// A chapter's learning checks as a quiz. One module for two hosts (see shared/host.js): anywidget in JupyterLab
// (traits: bank, answers), and a static page, where it renders each host of kind "quiz".
// The learner commits each answer with "Check answer"; committed answers go to the model (`answers`, which Python
// reads) and, when the browser allows it, to localStorage under the chapter's id. Nothing is sent anywhere.
// Hooks other checks rely on: data-calcflow="quiz" on the root (data-ready once interactive), one
// [data-question="<id>"] per question with a <fieldset>/<legend> of radio buttons or checkboxes (values are the
// option numbers from 0), data-calcflow="check" | "reveal" | "feedback" inside it, data-calcflow="score" and
// data-calcflow="reset" at the end.
//
// The parts, in quiz/: answers.js (the bank, the answers, progress kept in this browser), feedback.js, view.js (the
// elements, laid out) and show.js (answers committed, revealed and shown). This module wires them to the page.

import { listenAll } from "./shared/dom.js";
import { mountStatic } from "./shared/host.js";
import { keepingKeys } from "./shared/keys.js";
import { loadProgress } from "./quiz/answers.js";
import { clearMarks, commit, revealAnswer, show, update } from "./quiz/show.js";
import { createQuiz } from "./quiz/view.js";

/** @typedef {import("./shared/host.js").RenderProps} RenderProps */
/** @typedef {import("./quiz/answers.js").Answers} Answers */
/** @typedef {import("./quiz/view.js").Quiz} Quiz */

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

const widget = keepingKeys({ render });
export default widget;
mountStatic("quiz", widget);
