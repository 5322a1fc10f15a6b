// calcflow/widgets/static: built from js/quiz.js by calcflow/widgets/js/build.mjs — do not edit; edit the sources and run `make widgets`

// js/shared/dom.js
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== void 0 && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== void 0));
  return node;
}
function listenAll(listeners2) {
  for (const [target, type, handler] of listeners2) target.addEventListener(type, handler);
  return () => {
    for (const [target, type, handler] of listeners2) target.removeEventListener(type, handler);
  };
}

// js/shared/host.js
function staticModel(state) {
  const listeners2 = /* @__PURE__ */ new Map();
  return {
    get: (name) => state[name],
    set(name, value) {
      if (state[name] === value) return;
      state[name] = value;
      for (const callback of [...listeners2.get(`change:${name}`) || []]) callback();
    },
    on(event, callback) {
      listeners2.set(event, [...listeners2.get(event) || [], callback]);
    },
    off(event, callback) {
      listeners2.set(event, callback ? (listeners2.get(event) || []).filter((c) => c !== callback) : []);
    },
    save_changes() {
    }
  };
}
function mountStatic(kind, widget2) {
  if (typeof document === "undefined") return;
  const mountAll = () => {
    let observer = null;
    for (const host of document.querySelectorAll(`[data-calcflow-static="${kind}"]`)) {
      const element2 = (
        /** @type {HTMLElement} */
        host
      );
      const source = stateSource(element2);
      if (!source || typeof IntersectionObserver === "undefined") {
        whenStateIsIn(element2, source, () => mountHost(element2, widget2));
        continue;
      }
      observer ?? (observer = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const near = (
            /** @type {HTMLElement} */
            entry.target
          );
          observer?.unobserve(near);
          whenStateIsIn(near, stateSource(near), () => mountHost(near, widget2));
        }
      }, { rootMargin: "100% 0px" }));
      observer.observe(element2);
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll, { once: true });
  else mountAll();
}
function stateSource(host) {
  const data = (
    /** @type {HTMLElement | null} */
    host.querySelector(':scope > script[type="application/json"]')
  );
  return data && !(data.textContent || "").trim() ? data.dataset.calcflowSrc || null : null;
}
var loading = /* @__PURE__ */ new Map();
function whenStateIsIn(host, source, then) {
  if (!source) {
    then();
    return;
  }
  if (!loading.has(source)) {
    loading.set(source, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = source;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`calcflow: the widget state ${source} could not be loaded`));
      document.head.append(script);
    }));
  }
  loading.get(source).then(then, (error) => console.error(error));
}
function mountHost(host, widget2) {
  const data = host.querySelector(':scope > script[type="application/json"]');
  const el = (
    /** @type {HTMLElement | null} */
    host.querySelector(":scope > [data-calcflow-mount]")
  );
  if (!data || !el || host.dataset.calcflowMounted) return;
  host.dataset.calcflowMounted = "true";
  host.querySelector(":scope > [data-calcflow-fallback]")?.remove();
  try {
    widget2.render({ model: staticModel(JSON.parse(data.textContent || "{}")), el });
  } catch (error) {
    console.error(error);
  }
}

// js/shared/keys.js
var CONTROLS = "select, textarea, input:not([type=button], [type=submit], [type=reset], [type=image]), [role=application]";
var PRESSABLE = "button, input, summary, a[href], [role=button]";
var PRESS_KEYS = /* @__PURE__ */ new Set(["Enter", " "]);
var PASSED_ON = /* @__PURE__ */ new Set(["Tab", "Escape"]);
var SUPPRESS = "data-lm-suppress-shortcuts";
function passedOn(event) {
  return event.ctrlKey || event.altKey || event.metaKey || PASSED_ON.has(event.key) || event.key === "Enter" && event.shiftKey;
}
function keptKey(event) {
  const target = (
    /** @type {Element | null} */
    event.target
  );
  if (passedOn(event) || !target || typeof target.matches !== "function") return false;
  if (target.matches(CONTROLS) || target instanceof HTMLElement && target.isContentEditable) return true;
  return target.matches(PRESSABLE) && PRESS_KEYS.has(event.key);
}
function keepKeys(el) {
  const mark = (event) => {
    const target = (
      /** @type {Element} */
      event.target
    );
    if (!(target instanceof Element) || !el.contains(target) || target.hasAttribute(SUPPRESS) || !keptKey(
      /** @type {KeyboardEvent} */
      event
    )) return;
    target.setAttribute(SUPPRESS, "");
    setTimeout(() => target.removeAttribute(SUPPRESS));
  };
  const stop = (event) => {
    const key = (
      /** @type {KeyboardEvent} */
      event
    );
    if (keptKey(key) || key.defaultPrevented && !passedOn(key)) event.stopPropagation();
  };
  window.addEventListener("keydown", mark, true);
  el.addEventListener("keydown", stop);
  return () => {
    window.removeEventListener("keydown", mark, true);
    el.removeEventListener("keydown", stop);
  };
}
function keepingKeys(widget2) {
  return {
    render(props) {
      const release = keepKeys(props.el);
      const cleanup = widget2.render(props);
      return () => {
        release();
        cleanup();
      };
    }
  };
}

// js/shared/storage.js
function browserStorage() {
  try {
    return globalThis.localStorage || null;
  } catch {
    return null;
  }
}
function readStored(key) {
  try {
    return JSON.parse(browserStorage()?.getItem(key) ?? "null");
  } catch {
    return null;
  }
}
function writeStored(key, value) {
  try {
    if (value === null) browserStorage()?.removeItem(key);
    else browserStorage()?.setItem(key, JSON.stringify(value));
  } catch {
  }
}

// js/quiz/answers.js
var STORAGE_PREFIX = "calcflow.quiz.";
function shownOrder(question) {
  return question.order || question.options.map((_, i) => i);
}
function rightOptions(question) {
  return question.options.flatMap((option, index) => option.correct ? [index] : []).sort((a, b) => a - b);
}
function inShownOrder(question, indices) {
  return shownOrder(question).filter((i) => indices.includes(i));
}
function sameNumbers(a, b) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
function restoredAnswer(question, entry) {
  if (!entry || entry.version !== question.version || !Array.isArray(entry.chosen)) return null;
  const chosen = [...new Set(
    /** @type {number[]} */
    entry.chosen
  )].sort((a, b) => a - b);
  const valid = chosen.length > 0 && chosen.every((i) => Number.isInteger(i) && i >= 0 && i < question.options.length);
  if (!valid || question.type === "single" && chosen.length !== 1) return null;
  return {
    chosen,
    correct: sameNumbers(chosen, rightOptions(question)),
    tries: Math.max(1, Number(entry.tries) || 1),
    revealed: Boolean(entry.revealed)
  };
}
function loadProgress(bank) {
  const saved = (
    /** @type {Record<string, unknown> | null} */
    readStored(STORAGE_PREFIX + bank.chapter)
  );
  const answers = {};
  for (const question of bank.questions) {
    const answer = saved && typeof saved === "object" ? restoredAnswer(question, saved[question.id]) : null;
    if (answer) answers[question.id] = answer;
  }
  return answers;
}
function saveProgress(bank, answers) {
  const saved = {};
  for (const question of bank.questions) {
    if (answers[question.id]) saved[question.id] = { ...answers[question.id], version: question.version };
  }
  writeStored(STORAGE_PREFIX + bank.chapter, Object.keys(saved).length ? saved : null);
}

// js/shared/views.js
var COUNTERS = /* @__PURE__ */ Symbol.for("calcflow.views");
function nextViewNumber(name) {
  const page = (
    /** @type {Record<symbol, Record<string, number>>} */
    /** @type {unknown} */
    globalThis
  );
  const counters = page[COUNTERS] || (page[COUNTERS] = {});
  counters[name] = (counters[name] || 0) + 1;
  return counters[name];
}
function viewIds(prefix, number) {
  return (name) => `${prefix}-${number}-${name}`;
}

// js/shared/cite.js
function shortCitation(citation) {
  const match = /^(.*?\(\w[^)]*\))/.exec(citation);
  return match ? match[1] : citation;
}
function disclose(button, reference, open) {
  button.setAttribute("aria-expanded", String(open));
  reference.hidden = !open;
}
function cite(references, key, { short = false } = {}) {
  const full = references[key] || key;
  const shown = short ? shortCitation(full) : full;
  if (shown === full) return element("cite", { "data-key": key }, shown);
  const id = `cf-cite-${nextViewNumber("cite")}`;
  const reference = element("span", { class: "cf-cite-full", id, hidden: "" }, full);
  const button = element("button", {
    type: "button",
    class: "cf-cite-button",
    "aria-expanded": "false",
    "aria-controls": id
  }, shown);
  button.addEventListener("click", () => disclose(button, reference, reference.hidden));
  button.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || reference.hidden) return;
    disclose(button, reference, false);
    event.stopPropagation();
  });
  return element("cite", { "data-key": key, class: "cf-cite" }, button, reference);
}
function sourcesList(references, keys, prefix) {
  return element(
    "div",
    { class: `${prefix}-sources` },
    element("p", { class: `${prefix}-sources-title` }, keys.length === 1 ? "Source" : "Sources"),
    element("ul", {}, keys.map((key) => element("li", { "data-key": key }, cite(references, key))))
  );
}

// js/quiz/feedback.js
function explanationBlock(bank, question) {
  return element(
    "div",
    { class: "cfq-explanation" },
    element("p", {}, element("strong", {}, "Why: "), question.explanation),
    sourcesList(bank.references, question.sources, "cfq")
  );
}
function optionFeedback(question, indices, lead) {
  return element(
    "ul",
    { class: "cfq-option-feedback", "aria-label": lead },
    inShownOrder(question, indices).map((i) => element(
      "li",
      {},
      element("span", { class: "cfq-option-text" }, question.options[i].text),
      " \u2014 ",
      question.options[i].feedback
    ))
  );
}
function verdictFor(question, answer) {
  if (answer.correct) {
    return element(
      "p",
      { class: "cfq-verdict cfq-verdict-right" },
      element("span", { class: "cfq-symbol", "aria-hidden": "true" }, "\u2713"),
      " ",
      element("strong", {}, "Right."),
      answer.tries > 1 ? ` You got there on try ${answer.tries}.` : ""
    );
  }
  let detail = answer.revealed ? " The answer is shown below; you can still choose it and check." : " Have another look and try again, or show the answer.";
  if (question.type === "multiple") {
    const right = rightOptions(question);
    const found = answer.chosen.filter((i) => right.includes(i)).length;
    const wrong = answer.chosen.length - found;
    detail = ` You chose ${found} of the ${right.length} right options` + (wrong ? ` and ${wrong} that ${wrong === 1 ? "is" : "are"} not right.` : ", but not all of them.") + detail;
  }
  return element(
    "p",
    { class: "cfq-verdict cfq-verdict-wrong" },
    element("span", { class: "cfq-symbol", "aria-hidden": "true" }, "\u2717"),
    " ",
    element("strong", {}, "Not right."),
    detail
  );
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
    parts.push(element(
      "div",
      { class: "cfq-answer" },
      element("p", {}, element("strong", {}, right.length === 1 ? "The answer:" : "The right options:")),
      optionFeedback(question, right, "The answer")
    ));
    parts.push(explanationBlock(bank, question));
  }
  return parts;
}

// js/quiz/show.js
function clearMarks(view) {
  for (const option of view.options) {
    option.row.classList.remove("cfq-right", "cfq-wrong", "cfq-key");
    option.mark.textContent = "";
  }
}
function commit(quiz, view) {
  const { question } = view;
  const chosen = view.options.flatMap((o, i) => o.input.checked ? [i] : []);
  if (!chosen.length) {
    quiz.shown.delete(question.id);
    view.feedback.replaceChildren(element(
      "p",
      { class: "cfq-verdict" },
      question.type === "multiple" ? "Choose at least one option, then press \u201CCheck answer\u201D." : "Choose an answer, then press \u201CCheck answer\u201D."
    ));
    return;
  }
  const answers = quiz.model.get("answers") || {};
  const before = answers[question.id];
  update(quiz, {
    ...answers,
    [question.id]: {
      chosen,
      correct: sameNumbers(chosen, rightOptions(question)),
      tries: before ? before.tries + 1 : 1,
      revealed: Boolean(before && before.revealed)
    }
  });
}
function revealAnswer(quiz, view) {
  const answers = quiz.model.get("answers") || {};
  const answer = answers[view.question.id];
  if (!answer) return;
  update(quiz, { ...answers, [view.question.id]: { ...answer, revealed: true } });
  view.check.focus();
}
function update(quiz, answers) {
  quiz.model.set("answers", answers);
  quiz.model.save_changes();
  show(quiz, answers);
  saveProgress(quiz.bank, answers);
}
function markOptions(view, answer) {
  view.options.forEach((option, i) => {
    option.input.checked = answer.chosen.includes(i);
  });
  const right = rightOptions(view.question);
  for (const i of answer.chosen) {
    const isRight = right.includes(i);
    view.options[i].row.classList.add(isRight ? "cfq-right" : "cfq-wrong");
    view.options[i].mark.textContent = isRight ? "\u2713 right" : "\u2717 not right";
  }
  if (!answer.revealed || answer.correct) return;
  for (const i of right) {
    if (answer.chosen.includes(i)) continue;
    view.options[i].row.classList.add("cfq-key");
    view.options[i].mark.textContent = "\u2713 the right answer";
  }
}
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
function show(quiz, answers) {
  for (const view of quiz.views.values()) showQuestion(quiz, view, answers[view.question.id]);
  const total = quiz.bank.questions.length;
  const values = quiz.bank.questions.map((q) => answers[q.id]).filter(Boolean);
  const right = values.filter((a) => a.correct).length;
  quiz.score.textContent = `Score: ${right} of ${total} correct` + (values.length === total ? " \u2014 every question answered." : ` (${values.length} of ${total} answered).`);
}

// js/quiz/view.js
function questionView(quiz, question, q) {
  const { id } = quiz;
  const total = quiz.bank.questions.length;
  const inputType = question.type === "multiple" ? "checkbox" : "radio";
  const hint = element(
    "p",
    { class: "cfq-hint", id: id(`${q}-hint`) },
    question.type === "multiple" ? "More than one option may be right: tick each one that is." : "Choose one answer."
  );
  const options = question.options.map((option, i) => {
    const input = element("input", { type: inputType, name: id(`${q}`), id: id(`${q}-${i}`), value: String(i) });
    const mark = element("span", { class: "cfq-mark" });
    const row = element(
      "div",
      { class: "cfq-option", "data-option": String(i) },
      input,
      element("label", { for: input.id }, option.text),
      mark
    );
    return { input, mark, row };
  });
  const fieldset = element(
    "fieldset",
    { "aria-describedby": hint.id },
    element(
      "legend",
      {},
      element("span", { class: "cfq-number" }, `Question ${q + 1} of ${total}`),
      element("span", { class: "cfq-prompt" }, question.prompt)
    ),
    hint,
    element("div", { class: "cfq-options" }, shownOrder(question).map((i) => options[i].row))
  );
  const check = element(
    "button",
    { type: "submit", class: "cfq-button cfq-check", "data-calcflow": "check" },
    "Check answer"
  );
  const reveal = element("button", {
    type: "button",
    class: "cfq-button cfq-reveal",
    "data-calcflow": "reveal",
    hidden: ""
  }, "Show answer");
  const feedback = element("div", {
    class: "cfq-feedback",
    "data-calcflow": "feedback",
    "aria-live": "polite",
    id: id(`${q}-feedback`)
  });
  const form = element(
    "form",
    { class: "cfq-form" },
    fieldset,
    element("div", { class: "cfq-actions" }, check, reveal),
    feedback
  );
  const block = element("div", { class: "cfq-question", "data-question": question.id }, form);
  return { question, options, check, reveal, feedback, form, block };
}
function createQuiz(model) {
  const bank = model.get("bank");
  const quiz = {
    model,
    bank,
    id: viewIds("cfq", nextViewNumber("quiz")),
    views: /* @__PURE__ */ new Map(),
    shown: /* @__PURE__ */ new Map(),
    score: element("p", { class: "cfq-score", "data-calcflow": "score", "aria-live": "polite" }),
    reset: element(
      "button",
      { type: "button", class: "cfq-button cfq-reset", "data-calcflow": "reset" },
      "Start again"
    ),
    root: element("div", { class: "cf-widget calcflow-quiz", "data-calcflow": "quiz", "data-chapter": bank.chapter })
  };
  bank.questions.forEach((question, q) => quiz.views.set(question.id, questionView(quiz, question, q)));
  const total = bank.questions.length;
  quiz.root.append(
    element(
      "p",
      { class: "cfq-intro" },
      `${total} question${total === 1 ? "" : "s"}. Choose an answer, then press \u201CCheck answer\u201D. Your answers stay in this browser; nothing is sent anywhere.`
    ),
    ...[...quiz.views.values()].map((view) => view.block),
    element("div", { class: "cfq-footer" }, quiz.score, quiz.reset)
  );
  return quiz;
}

// js/quiz.js
function listeners(quiz) {
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
      [view.reveal, "click", () => revealAnswer(quiz, view)]
    );
  }
  return list;
}
function render({ model, el }) {
  const quiz = createQuiz(model);
  const unlisten = listenAll(listeners(quiz));
  const onModelChange = () => show(quiz, model.get("answers") || {});
  model.on("change:answers", onModelChange);
  el.replaceChildren(quiz.root);
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
var widget = keepingKeys({ render });
var quiz_default = widget;
mountStatic("quiz", widget);
export {
  quiz_default as default
};
