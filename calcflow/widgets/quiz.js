// A chapter's learning checks as a quiz: one ES module for two hosts.
//   JupyterLab: anywidget calls render({model, el}) with the kernel's model (traits: bank, answers).
//   Static book: calcflow/widgets/standalone.py inlines this file and calls render() with a stand-in model.
// The learner commits each answer with "Check answer"; committed answers go to the model (`answers`, which Python
// reads) and, when the browser allows it, to localStorage under the chapter's id. Nothing is sent anywhere.
// Hooks other checks rely on: data-calcflow="quiz" on the root (data-ready once interactive), one
// [data-question="<id>"] per question with a <fieldset>/<legend> of radio buttons or checkboxes (values are the
// option numbers from 0), data-calcflow="check" | "reveal" | "feedback" inside it, data-calcflow="score" and
// data-calcflow="reset" at the end.

// Page-wide (not module-wide: each static quiz is its own module instance) so that ids stay unique when several
// quizzes, or several views of one, share a page.
const VIEW_COUNTER = Symbol.for("calcflow.quiz.views");
const STORAGE_PREFIX = "calcflow.quiz.";

// element(): calcflow/widgets/dom.js, appended to this module by Python.

// Option numbers in the order they are shown (the bank's numbers: those are what `answers` records).
function shownOrder(question) {
  return question.order || question.options.map((_, i) => i);
}

function rightOptions(question) {
  return question.options.flatMap((option, index) => (option.correct ? [index] : [])).sort((a, b) => a - b);
}

function inShownOrder(question, indices) {
  return shownOrder(question).filter((i) => indices.includes(i));
}

function sameNumbers(a, b) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

// --- progress kept in this browser (never sent anywhere) ------------------------------------------------------
// Storage can be switched off or refused (private windows, sandboxed frames): the quiz then simply forgets.
function storage() {
  try {
    return globalThis.localStorage || null;
  } catch {
    return null;
  }
}

function loadProgress(bank) {
  const store = storage();
  if (!store) return {};
  let saved;
  try {
    saved = JSON.parse(store.getItem(STORAGE_PREFIX + bank.chapter) || "{}");
  } catch {
    return {};
  }
  const answers = {};
  for (const question of bank.questions) {
    const entry = saved && saved[question.id];
    // A question that changed since the answer was saved starts afresh.
    if (!entry || entry.version !== question.version || !Array.isArray(entry.chosen)) continue;
    const chosen = [...new Set(entry.chosen)].sort((a, b) => a - b);
    const valid = chosen.length > 0 && chosen.every((i) => Number.isInteger(i) && i >= 0 && i < question.options.length);
    if (!valid || (question.type === "single" && chosen.length !== 1)) continue;
    answers[question.id] = {
      chosen,
      correct: sameNumbers(chosen, rightOptions(question)),
      tries: Math.max(1, Number(entry.tries) || 1),
      revealed: Boolean(entry.revealed),
    };
  }
  return answers;
}

function saveProgress(bank, answers) {
  const store = storage();
  if (!store) return;
  const saved = {};
  for (const question of bank.questions) {
    if (answers[question.id]) saved[question.id] = { ...answers[question.id], version: question.version };
  }
  try {
    if (Object.keys(saved).length) store.setItem(STORAGE_PREFIX + bank.chapter, JSON.stringify(saved));
    else store.removeItem(STORAGE_PREFIX + bank.chapter);
  } catch {
    // full or refused: progress is not kept, the quiz works on
  }
}

// --- feedback -------------------------------------------------------------------------------------------------
function sourcesList(bank, keys) {
  return element("div", { class: "cfq-sources" },
    element("p", { class: "cfq-sources-title" }, keys.length === 1 ? "Source" : "Sources"),
    element("ul", {}, keys.map((key) => element("li", { "data-key": key },
      element("cite", {}, bank.references[key] || key)))));
}

function explanationBlock(bank, question) {
  return element("div", { class: "cfq-explanation" },
    element("p", {}, element("strong", {}, "Why: "), question.explanation),
    sourcesList(bank, question.sources));
}

function optionFeedback(question, indices, lead) {
  return element("ul", { class: "cfq-option-feedback", "aria-label": lead },
    inShownOrder(question, indices).map((i) => element("li", {},
      element("span", { class: "cfq-option-text" }, question.options[i].text), " — ", question.options[i].feedback)));
}

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
    detail = ` You chose ${found} of the ${right.length} right options` +
      (wrong ? ` and ${wrong} that ${wrong === 1 ? "is" : "are"} not right.` : ", but not all of them.") + detail;
  }
  return element("p", { class: "cfq-verdict cfq-verdict-wrong" },
    element("span", { class: "cfq-symbol", "aria-hidden": "true" }, "✗"), " ",
    element("strong", {}, "Not right."), detail);
}

function feedbackFor(bank, question, answer) {
  if (!answer) return [];
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

// --- the widget -----------------------------------------------------------------------------------------------
function render({ model, el }) {
  const bank = model.get("bank");
  const token = (globalThis[VIEW_COUNTER] = (globalThis[VIEW_COUNTER] || 0) + 1);
  const id = (name) => `cfq-${token}-${name}`;
  const total = bank.questions.length;

  const views = new Map(); // question id -> its controls
  const shown = new Map(); // question id -> the answer on display, as JSON, to skip repeated work
  const listeners = [];
  const listen = (target, type, handler) => {
    target.addEventListener(type, handler);
    listeners.push([target, type, handler]);
  };

  const questionBlocks = bank.questions.map((question, q) => {
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
    views.set(question.id, { question, options, check, reveal, feedback, form });

    listen(form, "submit", (event) => {
      event.preventDefault();
      commit(question);
    });
    listen(form, "change", () => clearMarks(question.id));
    listen(reveal, "click", () => {
      const answers = model.get("answers") || {};
      if (!answers[question.id]) return;
      update({ ...answers, [question.id]: { ...answers[question.id], revealed: true } });
      check.focus(); // the button hides itself: keep the keyboard's place in the question
    });
    return element("div", { class: "cfq-question", "data-question": question.id }, form);
  });

  const score = element("p", { class: "cfq-score", "data-calcflow": "score", "aria-live": "polite" });
  const reset = element("button", { type: "button", class: "cfq-button cfq-reset", "data-calcflow": "reset" },
    "Start again");
  const root = element("div", { class: "cf-widget calcflow-quiz", "data-calcflow": "quiz", "data-chapter": bank.chapter },
    element("p", { class: "cfq-intro" },
      `${total} question${total === 1 ? "" : "s"}. Choose an answer, then press “Check answer”. ` +
      "Your answers stay in this browser; nothing is sent anywhere."),
    questionBlocks,
    element("div", { class: "cfq-footer" }, score, reset));

  function chosenIn(view) {
    return view.options.flatMap((o, i) => (o.input.checked ? [i] : []));
  }

  function clearMarks(questionId) {
    for (const option of views.get(questionId).options) {
      option.row.classList.remove("cfq-right", "cfq-wrong", "cfq-key");
      option.mark.textContent = "";
    }
  }

  function commit(question) {
    const view = views.get(question.id);
    const chosen = chosenIn(view);
    if (!chosen.length) {
      shown.delete(question.id);
      view.feedback.replaceChildren(element("p", { class: "cfq-verdict" },
        question.type === "multiple" ? "Choose at least one option, then press “Check answer”."
          : "Choose an answer, then press “Check answer”."));
      return;
    }
    const answers = model.get("answers") || {};
    const before = answers[question.id];
    update({
      ...answers,
      [question.id]: {
        chosen,
        correct: sameNumbers(chosen, rightOptions(question)),
        tries: before ? before.tries + 1 : 1,
        revealed: Boolean(before && before.revealed),
      },
    });
  }

  function update(answers) {
    model.set("answers", answers);
    model.save_changes();
    show(answers); // the static model also notifies; show() skips what is already on display
    saveProgress(bank, answers);
  }

  function showQuestion(view, answer) {
    const key = JSON.stringify(answer || null);
    if (shown.get(view.question.id) === key) return;
    shown.set(view.question.id, key);
    clearMarks(view.question.id);
    if (answer) {
      view.options.forEach((option, i) => {
        option.input.checked = answer.chosen.includes(i);
      });
      const right = rightOptions(view.question);
      for (const i of answer.chosen) {
        const isRight = right.includes(i);
        view.options[i].row.classList.add(isRight ? "cfq-right" : "cfq-wrong");
        view.options[i].mark.textContent = isRight ? "✓ right" : "✗ not right";
      }
      if (answer.revealed && !answer.correct) {
        for (const i of right) {
          if (answer.chosen.includes(i)) continue;
          view.options[i].row.classList.add("cfq-key");
          view.options[i].mark.textContent = "✓ the right answer";
        }
      }
    } else {
      for (const option of view.options) option.input.checked = false;
    }
    view.reveal.hidden = !answer || answer.correct || answer.revealed;
    view.form.dataset.state = !answer ? "open" : answer.correct ? "right" : "wrong";
    view.feedback.replaceChildren(...feedbackFor(bank, view.question, answer));
  }

  function show(answers) {
    for (const view of views.values()) showQuestion(view, answers[view.question.id]);
    const values = bank.questions.map((q) => answers[q.id]).filter(Boolean);
    const right = values.filter((a) => a.correct).length;
    score.textContent = `Score: ${right} of ${total} correct` +
      (values.length === total ? " — every question answered." : ` (${values.length} of ${total} answered).`);
  }

  function onModelChange() {
    show(model.get("answers") || {});
  }

  listen(reset, "click", () => {
    shown.clear();
    update({});
  });
  model.on("change:answers", onModelChange);

  el.replaceChildren(root);
  // Answers the model already has (set from Python) win; otherwise pick up where this browser left off.
  const initial = model.get("answers") || {};
  if (Object.keys(initial).length) {
    show(initial);
  } else {
    const restored = loadProgress(bank);
    if (Object.keys(restored).length) {
      model.set("answers", restored);
      model.save_changes();
    }
    show(restored);
  }
  root.dataset.ready = "true";

  return () => {
    model.off("change:answers", onModelChange);
    for (const [target, type, handler] of listeners) target.removeEventListener(type, handler);
    root.remove();
  };
}

export default { render };
