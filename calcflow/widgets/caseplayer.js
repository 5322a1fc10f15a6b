// The case player's front end: one ES module for two hosts.
//   JupyterLab: anywidget calls render({model, el}) with the kernel's model (traits: table, case_id, answers).
//   Static book: calcflow/widgets/standalone.py inlines this file and calls render() with a stand-in model.
// It walks the table exported by calcflow.cases.player_table() and compares the learner's choice with the expert's
// answer there; it decides nothing else. Python appends the shared code it calls: element() (dom.js) and
// presentation() (present.js); the flowchart's path styles come from flowchart.css.
//
// A case: the vignette and the synthetic image, then one question at a time — size, shape, pattern, category, next
// test and, when the case has a biopsy result, where the result leads. The learner commits an answer before any
// feedback; the feedback says in words whether it matches the expert's, with the expert's explanation and sources.
// The end of the case shows the expert's path on its own system's flowchart (UK or US), the teaching point and the
// score. Each case names the option set of each question (row.choices): the next test and what follows the result
// are places in that case's system graph, so their options differ from case to case.
//
// Hooks other checks rely on: data-calcflow="caseplayer" on the root (data-ready="true" once interactive);
// <select name="case">; each question's options are <input type="radio" name="<step>" value="<option id>">;
// data-calcflow="commit" (the commit button), "feedback" (aria-live), "score", "next-case", "present"; at the end of
// a case the flowchart's nodes and edges on the expert's path carry the class "on-path".
//
// Presentation mode (present.js): → commits the chosen answer, or moves on to the next question once its feedback is
// shown (at the end of a case: the next case); ← goes back to the previous question and its feedback; 1–9 choose the
// Nth option of the open question.

const QUESTIONS = {
  size: ["Size", "How big are the calcifications?"],
  shape: ["Shape", "What shape (morphology) are they?"],
  pattern: ["Pattern", "How are they distributed (the pattern)?"],
  category: ["Category", "Which category is this, in the words of the patient leaflet?"],
  next_test: ["Next test", "What happens next?"],
  after_result: ["After the result", "Where does the pathway go after this result?"],
};
const DISCLAIMER = "For teaching, not for diagnosis. Every image is synthetic.";
// Progress in this browser only: {case id: {step: option id}}. Nothing is sent anywhere.
const STORAGE_KEY = "calcflow.caseplayer.answers";
const PLAYER_VIEWS = Symbol.for("calcflow.caseplayer.views");

function storage() {
  try {
    return globalThis.localStorage || null;
  } catch (blocked) {
    return null; // storage switched off, or a sandboxed frame
  }
}

// Stored answers that still fit the table: known cases, steps they ask, options that exist.
function storedAnswers(table) {
  let saved = null;
  try {
    saved = JSON.parse(storage()?.getItem(STORAGE_KEY) || "null");
  } catch (unreadable) {
    return {};
  }
  const answers = {};
  for (const row of table.cases) {
    const given = saved && typeof saved === "object" ? saved[row.id] : null;
    if (!given || typeof given !== "object") continue;
    const kept = {};
    for (const step of row.asked) {
      if (optionsFor(table, row, step).some((option) => option.id === given[step])) kept[step] = given[step];
    }
    if (Object.keys(kept).length) answers[row.id] = kept;
  }
  return answers;
}

function store(answers) {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(answers));
  } catch (full) {
    // quota or privacy settings: progress is simply not kept
  }
}

// The options of one question of one case (the case names its option set; the scales fall back to the step).
function optionsFor(table, row, step) {
  return table.choices[(row && row.choices && row.choices[step]) || step] || [];
}

function optionLabel(table, row, step, id) {
  const option = optionsFor(table, row, step).find((o) => o.id === id);
  return option ? option.label : id;
}

// The steps answered so far, in order: the learner commits one question at a time.
function answeredCount(row, given) {
  let count = 0;
  while (count < row.asked.length && given && given[row.asked[count]] !== undefined) count += 1;
  return count;
}

function caseScore(row, given) {
  const answered = answeredCount(row, given);
  const right = row.asked.slice(0, answered).filter((step) => given[step] === row.expert[step].answer).length;
  return { right, answered, asked: row.asked.length };
}

function render({ model, el }) {
  const table = model.get("table");
  const rows = new Map(table.cases.map((row) => [row.id, row]));
  const token = (globalThis[PLAYER_VIEWS] = (globalThis[PLAYER_VIEWS] || 0) + 1);
  const id = (name) => `cfp-${token}-${name}`;

  // --- header: case picker, score, presentation -----------------------------------------------------------------
  const picker = element("select", { name: "case", id: id("case") },
    table.cases.map((row, i) => element("option", { value: row.id }, `${i + 1}. ${row.title}`)));
  const score = element("p", { class: "cfp-score", "data-calcflow": "score" });
  const forget = element("button", { type: "button", class: "cfp-link-button" }, "Forget my answers");
  const root = element("div", { class: "calcflow-caseplayer cf-widget", "data-calcflow": "caseplayer" });
  const present = presentation({
    root,
    keys: [
      ["→", "commit the chosen answer; once the feedback shows, the next question"],
      ["←", "back to the previous question and its feedback"],
      ["1–9", "choose that option of the question (↑ ↓ reach options after the ninth)"],
    ],
    next: presentNext,
    back: () => goTo(view - 1, { focus: true }),
    choose: chooseOption,
    onEnter: () => drawStatus(),
  });

  // --- the case: vignette and image -----------------------------------------------------------------------------
  const caseHeading = element("h3", { class: "cfp-title", id: id("title"), tabindex: "-1" });
  const vignette = element("dl", { class: "cfp-vignette" });
  const image = element("img", { class: "cfp-img", alt: "", decoding: "async" });
  const scaleBar = element("span", { class: "cfp-scale-bar", "aria-hidden": "true" });
  const caption = element("figcaption", { class: "cfp-caption" });
  const figure = element("figure", { class: "cfp-figure" },
    element("div", { class: "cfp-image" }, image, scaleBar), caption);

  // --- the question, the feedback, the end of the case ----------------------------------------------------------
  const stage = element("div", { class: "cfp-stage" });
  const feedback = element("div", { class: "cfp-feedback", "data-calcflow": "feedback", "aria-live": "polite" });
  // Regions are <div role="region">, not <section>: reveal.js treats every <section> in a slide deck as a slide.
  const ending = element("div", {
    class: "cfp-end", role: "region", "aria-labelledby": id("end-heading"), hidden: "",
  });

  root.append(
    present.bar,
    element("p", { class: "cf-disclaimer" }, DISCLAIMER),
    element("div", { class: "cfp-head" },
      element("div", { class: "cfp-picker cf-field" }, element("label", { for: id("case") }, "Case"), picker),
      score),
    element("div", { class: "cfp-layout" },
      element("div", { class: "cfp-case", role: "region", "aria-labelledby": caseHeading.id },
        caseHeading, vignette, figure),
      element("div", { class: "cfp-work" }, stage, feedback)),
    ending,
    element("p", { class: "cfp-privacy" },
      "Your answers are kept only in this browser, and nothing is sent anywhere. ", forget));

  let shownCase = null;
  let view = 0; // the question shown: an index into the case's asked steps; asked.length is the end of the case
  let pending = null; // the option chosen but not yet committed, kept when the question is drawn again

  const currentRow = () => rows.get(model.get("case_id")) || table.cases[0];
  const answersOf = (caseId) => (model.get("answers") || {})[caseId] || {};

  function setAnswers(answers) {
    model.set("answers", answers);
    model.save_changes();
  }

  // --- drawing --------------------------------------------------------------------------------------------------
  function drawCase(row) {
    const number = table.cases.indexOf(row) + 1;
    const v = row.vignette;
    caseHeading.textContent = `Case ${number} of ${table.cases.length}: ${row.title}`;
    const fact = (term, text) => element("div", {}, element("dt", {}, term), element("dd", {}, text));
    const treated = row.history && row.history.id === "treated-breast";
    let seen = "seen through breast screening";
    if (v.setting === "symptomatic") {
      seen = row.system.id === "uk" ? "seen at a breast clinic with a breast symptom" : "seen for a breast symptom";
    } else if (treated) {
      seen = "having her yearly mammogram after breast cancer treatment";
    }
    vignette.replaceChildren(
      fact("Patient", `A woman aged ${v.age}, ${seen}.`),
      fact("History", v.history),
      fact("Earlier mammograms", v.priors === "none" ? "None to compare with." : v.priors),
      fact("Practice", `${row.system.label}: answer as a team there would.`));
    image.src = row.image.src;
    image.alt = row.image.alt;
    image.width = image.height = row.image.px;
    scaleBar.style.width = `${(100 * row.image.scale_bar_mm) / row.image.width_mm}%`;
    scaleBar.dataset.label = `${row.image.scale_bar_mm} mm`;
    caption.textContent = `Synthetic image, not a patient: a square ${row.image.width_mm} mm across. `
      + `The bar is ${row.image.scale_bar_mm} mm. Calcium shows white.`;
    if (picker.value !== row.id) picker.value = row.id;
  }

  function sources(keys) {
    const items = [];
    keys.forEach((key, i) => items.push(...(i ? ["; "] : []), element("cite", {}, table.references[key] || key)));
    return element("p", { class: "cfp-sources" }, "Sources: ", items);
  }

  function feedbackFor(row, step, chosen) {
    const expert = row.expert[step];
    const right = chosen === expert.answer;
    const verdict = right
      ? element("p", { class: "cfp-verdict cfp-right" }, element("span", { "aria-hidden": "true" }, "✓ "),
        element("strong", {}, "Right."), ` The expert's answer is ${optionLabel(table, row, step, expert.answer)} too.`)
      : element("p", { class: "cfp-verdict cfp-wrong" }, element("span", { "aria-hidden": "true" }, "✗ "),
        element("strong", {}, "Not right."), ` You chose ${optionLabel(table, row, step, chosen)}; the expert's answer is `,
        element("strong", {}, optionLabel(table, row, step, expert.answer)), ".");
    const scales = step === "category"
      ? element("p", { class: "cfp-scales" },
        `BI-RADS (US) ${expert.birads}: ${optionLabel(table, row, "birads", expert.birads)}. `
        + `RCR (UK) ${expert.rcr}: ${optionLabel(table, row, "rcr", expert.rcr)}.`)
      : null;
    // The radiology–pathology judgement: after the learner commits, unless the case states it with the result.
    const judged = step === "after_result" ? judgement(row) : null;
    const unconfirmed = expert.unconfirmed
      ? element("p", {}, element("span", { class: "cf-unconfirmed" },
        "Sources differ or are incomplete on this point."))
      : null;
    return [verdict, scales, judged, element("p", { class: "cfp-explanation" }, expert.explanation), unconfirmed,
      sources(expert.sources)].filter(Boolean);
  }

  // The concordance judgement of the case's result, in words (null when the result takes none).
  function judgement(row) {
    const concordance = row.result && row.result.concordance;
    if (!concordance) return null;
    return element("p", { class: "cfp-judgement", "data-calcflow": "concordance" },
      element("strong", {}, "Radiology–pathology: "), concordance.text);
  }

  function drawQuestion(row, index, answered) {
    const step = row.asked[index];
    const given = answersOf(row.id);
    const committed = index < answered;
    const [name, question] = QUESTIONS[step];
    const expert = row.expert[step].answer;
    const options = optionsFor(table, row, step).map((option) => {
      const marks = committed ? [
        option.id === given[step] ? element("span", { class: "cfp-mark" }, " — your answer") : null,
        option.id === expert ? element("span", { class: "cfp-mark cfp-mark-expert" }, " — the expert's answer") : null,
      ] : [];
      return element("label", {
        class: "cfp-option" + (committed && option.id === expert ? " cfp-expert" : ""),
      },
      element("input", { type: "radio", name: step, value: option.id, disabled: committed ? "" : null }),
      element("span", { class: "cfp-option-text" }, option.label,
        option.plain ? element("span", { class: "cfp-plain" }, ` — ${option.plain}`) : null),
      ...marks);
    });
    const stated = row.result && row.result.concordance && row.result.concordance.given;
    const result = step === "after_result"
      ? element("div", { class: "cfp-result" },
        element("p", {}, element("strong", {}, "The biopsy result is back: "), `${row.result.label}. `,
          "(The case follows the expert's route to the biopsy, whatever you chose before.)"),
        stated ? judgement(row) : null)
      : null;
    const commit = element("button", { type: "submit", class: "cfp-primary", "data-calcflow": "commit" },
      "Commit answer");
    const onward = element("button", { type: "button", class: "cfp-primary", "data-calcflow": "next-question" },
      index + 1 < row.asked.length ? "Next question →" : "See the expert's path →");
    const back = element("button", { type: "button", class: "cfp-secondary" }, "← Previous question");
    commit.hidden = committed;
    onward.hidden = !committed;
    back.hidden = index === 0;
    back.addEventListener("click", () => goTo(view - 1, { focus: true }));
    onward.addEventListener("click", () => goTo(view + 1, { focus: true }));
    const form = element("form", { class: "cfp-question", "aria-labelledby": id("legend") },
      result,
      element("fieldset", {},
        element("legend", { id: id("legend") },
          element("span", { class: "cfp-step" }, `Question ${index + 1} of ${row.asked.length}: ${name}. `),
          question),
        element("div", { class: "cfp-options" }, options)),
      element("div", { class: "cfp-actions" }, back, commit, onward));
    const checked = committed ? given[step] : pending && pending.key === `${row.id} ${step}` && pending.value;
    if (checked) form.querySelector(`input[value="${CSS.escape(checked)}"]`).checked = true;
    form.addEventListener("change", (event) => {
      pending = { key: `${row.id} ${step}`, value: event.target.value };
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      commitAnswer();
    });
    stage.replaceChildren(form);
    feedback.replaceChildren(...(committed ? feedbackFor(row, step, given[step]) : []));
    return { form, onward, back };
  }

  // The case's own system's flowchart (UK or US), the expert's path marked on it.
  function prepareChart(box, row) {
    const labels = stepLabels(row);
    box.innerHTML = table.flowchart_svg[row.system.id];
    const svg = box.querySelector("svg");
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.removeAttribute("style");
    svg.setAttribute("role", "img");
    const labelled = [...svg.querySelectorAll(":scope > title, :scope > desc")].map((child) => {
      child.id = id(child.tagName);
      return child.id;
    });
    svg.setAttribute("aria-labelledby", labelled.join(" "));
    svg.querySelector(":scope > title").textContent = `The expert's path on the ${row.system.label} pathway`;
    svg.querySelector(":scope > desc").textContent = "Highlighted: "
      + row.path.map((step) => labels[step] || step).join(" → ") + ".";
    const onPath = new Set(row.path);
    const routes = new Set(row.path.slice(1).map((step, i) => `${row.path[i]}--${step}`));
    for (const group of svg.querySelectorAll("g.node")) {
      group.classList.toggle("on-path", onPath.has(group.id));
      const title = group.querySelector(":scope > title");
      if (title) title.textContent = labels[group.id] || group.id;
    }
    for (const group of svg.querySelectorAll("g.edge")) group.classList.toggle("on-path", routes.has(group.id));
  }

  function stepLabels(row) {
    return table.step_labels[row.system.id] || {};
  }

  function drawEnding(row) {
    const given = answersOf(row.id);
    const mine = caseScore(row, given);
    const chart = element("div", { class: "cfp-chart cf-path-chart cf-has-path" });
    prepareChart(chart, row);
    const review = element("table", { class: "cfp-review" },
      element("caption", {}, "Your answers beside the expert's"),
      element("thead", {}, element("tr", {}, ["Question", "Your answer", "The expert's answer", "Match"].map(
        (head) => element("th", { scope: "col" }, head)))),
      element("tbody", {}, row.asked.map((step) => {
        const right = given[step] === row.expert[step].answer;
        return element("tr", {},
          element("th", { scope: "row" }, QUESTIONS[step][0]),
          element("td", {}, optionLabel(table, row, step, given[step])),
          element("td", {}, optionLabel(table, row, step, row.expert[step].answer)),
          element("td", { class: right ? "cfp-right" : "cfp-wrong" }, right ? "✓ Right" : "✗ Not right"));
      })));
    const nextCase = element("button", { type: "button", class: "cfp-primary", "data-calcflow": "next-case" },
      "Next case →");
    const again = element("button", { type: "button", class: "cfp-secondary" }, "Try this case again");
    const back = element("button", { type: "button", class: "cfp-secondary" }, "← Last question");
    nextCase.addEventListener("click", () => showCase(nextCaseId(row), { focus: true }));
    again.addEventListener("click", () => {
      const answers = { ...(model.get("answers") || {}) };
      delete answers[row.id];
      setAnswers(answers);
      goTo(0, { focus: true });
    });
    back.addEventListener("click", () => goTo(view - 1, { focus: true }));
    ending.replaceChildren(
      element("h3", { id: id("end-heading"), tabindex: "-1" }, `Case complete: ${row.title}`),
      element("p", { class: "cfp-case-score" },
        `You matched the expert on ${mine.right} of ${mine.asked} questions.`),
      element("p", { class: "cfp-teaching" }, element("strong", {}, "Teaching point: "), row.teaching_point),
      element("h4", {}, `The expert's path (${row.system.label})`),
      element("div", { class: "cfp-end-layout" }, chart,
        element("ol", { class: "cfp-path" }, row.path.map((step) => element("li", {}, stepLabels(row)[step] || step)))),
      review,
      element("div", { class: "cfp-actions" }, back, again, nextCase));
    const judged = judgement(row);
    if (judged) ending.querySelector(".cfp-end-layout").before(judged);
  }

  function drawScore(row) {
    const answers = model.get("answers") || {};
    const mine = caseScore(row, answers[row.id]);
    let right = 0;
    let answered = 0;
    let finished = 0;
    for (const other of table.cases) {
      const s = caseScore(other, answers[other.id]);
      right += s.right;
      answered += s.answered;
      finished += s.answered === s.asked ? 1 : 0;
      const option = picker.querySelector(`option[value="${CSS.escape(other.id)}"]`);
      const label = `${table.cases.indexOf(other) + 1}. ${other.title}`;
      option.textContent = s.answered === s.asked ? `${label} (done: ${s.right} of ${s.asked} right)` : label;
    }
    score.replaceChildren(
      element("span", {}, element("strong", {}, "This case: "), `${mine.right} right of ${mine.answered} answered`,
        ` (${mine.asked} questions).`), " ",
      element("span", {}, element("strong", {}, "Running total: "), `${right} right of ${answered} answered; `,
        `${finished} of ${table.cases.length} cases finished.`));
  }

  // Everything shown follows from the model (case_id, answers) and `view`.
  function update({ focus = false } = {}) {
    const row = currentRow();
    const answered = answeredCount(row, answersOf(row.id));
    if (row.id !== shownCase) {
      shownCase = row.id;
      drawCase(row);
      view = answered; // a case half done opens at its first open question
    }
    view = Math.max(0, Math.min(view, answered));
    const finished = view === row.asked.length;
    root.classList.toggle("cfp-finished", finished);
    ending.hidden = !finished;
    if (finished) {
      stage.replaceChildren();
      feedback.replaceChildren();
      drawEnding(row);
      if (focus) ending.querySelector("h3").focus();
    } else {
      ending.replaceChildren();
      const { form, onward } = drawQuestion(row, view, answered);
      if (focus) (view < answered ? onward : form.querySelector("input")).focus();
    }
    drawScore(row);
    drawStatus();
  }

  // Presenting: where the presenter is, and what → does next.
  function drawStatus() {
    const row = currentRow();
    const where = `Case ${table.cases.indexOf(row) + 1} of ${table.cases.length}`;
    if (view === row.asked.length) {
      present.setStatus(`${where}: complete. → next case.`);
      return;
    }
    const step = row.asked[view];
    const keys = Math.min(9, optionsFor(table, row, step).length);
    present.setStatus(`${where}, question ${view + 1} of ${row.asked.length}: ${QUESTIONS[step][0]}. `
      + (view < answeredCount(row, answersOf(row.id)) ? "→ next question." : `Keys 1–${keys} choose, → commits.`));
  }

  function goTo(index, options) {
    const row = currentRow();
    view = Math.max(0, Math.min(index, answeredCount(row, answersOf(row.id))));
    update(options);
  }

  function nextCaseId(row) {
    return table.cases[(table.cases.indexOf(row) + 1) % table.cases.length].id;
  }

  function showCase(caseId, { focus = false } = {}) {
    model.set("case_id", caseId);
    model.save_changes(); // the change listener redraws
    if (focus) caseHeading.focus();
  }

  // --- actions --------------------------------------------------------------------------------------------------
  function commitAnswer() {
    const row = currentRow();
    const step = row.asked[view];
    const chosen = stage.querySelector(`input[name="${step}"]:checked`);
    if (!chosen) {
      feedback.replaceChildren(element("p", { class: "cfp-hint" },
        "Choose an answer first, then commit it." + (present.active() ? " The number keys choose." : "")));
      return;
    }
    const answers = { ...(model.get("answers") || {}) };
    answers[row.id] = { ...answersOf(row.id), [step]: chosen.value };
    setAnswers(answers); // the change listener stores the answers and redraws
    stage.querySelector('[data-calcflow="next-question"]').focus();
  }

  function presentNext() {
    const row = currentRow();
    const answered = answeredCount(row, answersOf(row.id));
    if (view === row.asked.length) showCase(nextCaseId(row), { focus: true });
    else if (view < answered) goTo(view + 1, { focus: true });
    else commitAnswer();
  }

  function chooseOption(number) {
    const input = stage.querySelectorAll("input[type=radio]:not(:disabled)")[number - 1];
    if (!input) return;
    input.checked = true;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    input.focus();
  }

  function onPick() {
    showCase(picker.value);
  }

  function onForget() {
    setAnswers({});
    goTo(0);
  }

  function onAnswers() {
    store(model.get("answers") || {});
    update();
  }

  function onCaseId() {
    update();
  }

  // --- start ----------------------------------------------------------------------------------------------------
  picker.addEventListener("change", onPick);
  forget.addEventListener("click", onForget);
  model.on("change:answers", onAnswers);
  model.on("change:case_id", onCaseId);
  if (!Object.keys(model.get("answers") || {}).length) {
    const saved = storedAnswers(table);
    if (Object.keys(saved).length) setAnswers(saved);
  }
  el.replaceChildren(root);
  update();
  root.dataset.ready = "true";

  return () => {
    present.destroy();
    model.off("change:answers", onAnswers);
    model.off("change:case_id", onCaseId);
    picker.removeEventListener("change", onPick);
    forget.removeEventListener("click", onForget);
    root.remove();
  };
}

export default { render };
