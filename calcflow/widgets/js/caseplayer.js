// @ts-check
// The case player's front end. One module for two hosts (see shared/host.js): anywidget in JupyterLab (traits:
// table, case_id, answers), and a static page, where it renders each host of kind "caseplayer".
// It walks the table exported by calcflow.widgets.payloads.player_table() and compares the learner's choice with the
// expert's answer there; it decides nothing else.
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
// Presentation mode (shared/present.js): → commits the chosen answer, or moves on to the next question once its
// feedback is shown (at the end of a case: the next case); ← goes back to the previous question and its feedback;
// 1–9 choose the Nth option of the open question.

import { describePath, highlightPath, parseChart } from "./shared/chart.js";
import { sourcesLine } from "./shared/cite.js";
import { element } from "./shared/dom.js";
import { mountStatic } from "./shared/host.js";
import { presentation } from "./shared/present.js";
import { readStored, writeStored } from "./shared/storage.js";
import { nextViewNumber, viewIds } from "./shared/views.js";

/** @typedef {import("./shared/host.js").Model} Model */
/** @typedef {import("./shared/host.js").RenderProps} RenderProps */
/** @typedef {import("./shared/present.js").Presentation} Presentation */

/** @typedef {{id: string, label: string, plain?: string}} Option */
/** @typedef {{answer: string, explanation: string, sources: string[], unconfirmed?: boolean, birads?: string,
 *   rcr?: string}} Expert */
/**
 * One case of the library (calcflow.widgets.payloads.player_table: cases).
 * @typedef {object} Row
 * @property {string} id
 * @property {string} title
 * @property {{age: number, setting: string, history: string, priors: string}} vignette
 * @property {{id: string, label: string}} system
 * @property {{id: string, label: string} | null} history
 * @property {{src: string, alt: string, px: number, width_mm: number, scale_bar_mm: number}} image
 * @property {{id: string, label: string, concordance: {text: string, given?: boolean} | null} | null} result
 * @property {string[]} asked                  the questions of the case, in order
 * @property {Record<string, string>} choices  question → the key of its option set
 * @property {Record<string, Expert>} expert
 * @property {string[]} path                   the expert's path: step ids
 * @property {string} teaching_point
 */
/**
 * @typedef {object} Table
 * @property {Row[]} cases
 * @property {Record<string, Option[]>} choices
 * @property {Record<string, Record<string, string>>} step_labels  system → step id → label
 * @property {Record<string, string>} references
 * @property {Record<string, string>} flowchart_svg                system → its flowchart
 */
/** @typedef {Record<string, Record<string, string>>} Answers  case id → question → option id */

/** @type {Record<string, [string, string]>} */
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
/** @type {Array<[string, string]>} */
const PRESENT_KEYS = [
  ["→", "commit the chosen answer; once the feedback shows, the next question"],
  ["←", "back to the previous question and its feedback"],
  ["1–9", "choose that option of the question (↑ ↓ reach options after the ninth)"],
];

// --- the table ----------------------------------------------------------------------------------------------------

/**
 * The options of one question of one case (the case names its option set; the scales fall back to the step).
 * @param {Table} table
 * @param {Row | null} row
 * @param {string} step
 * @returns {Option[]}
 */
function optionsFor(table, row, step) {
  return table.choices[(row && row.choices && row.choices[step]) || step] || [];
}

/**
 * @param {Table} table
 * @param {Row} row
 * @param {string} step
 * @param {string | undefined} id
 */
function optionLabel(table, row, step, id) {
  const option = optionsFor(table, row, step).find((o) => o.id === id);
  return option ? option.label : id;
}

/**
 * The steps answered so far, in order: the learner commits one question at a time.
 * @param {Row} row
 * @param {Record<string, string> | undefined} given
 */
function answeredCount(row, given) {
  let count = 0;
  while (count < row.asked.length && given && given[row.asked[count]] !== undefined) count += 1;
  return count;
}

/**
 * @param {Row} row
 * @param {Record<string, string> | undefined} given
 */
function caseScore(row, given) {
  const answered = answeredCount(row, given);
  const right = row.asked.slice(0, answered).filter((step) => given?.[step] === row.expert[step].answer).length;
  return { right, answered, asked: row.asked.length };
}

/**
 * Stored answers that still fit the table: known cases, steps they ask, options that exist.
 * @param {Table} table
 * @returns {Answers}
 */
function storedAnswers(table) {
  const saved = /** @type {Record<string, unknown> | null} */ (readStored(STORAGE_KEY));
  /** @type {Answers} */
  const answers = {};
  for (const row of table.cases) {
    const given = /** @type {Record<string, string> | null} */ (saved && typeof saved === "object" ? saved[row.id] : null);
    if (!given || typeof given !== "object") continue;
    /** @type {Record<string, string>} */
    const kept = {};
    for (const step of row.asked) {
      if (optionsFor(table, row, step).some((option) => option.id === given[step])) kept[step] = given[step];
    }
    if (Object.keys(kept).length) answers[row.id] = kept;
  }
  return answers;
}

// --- words --------------------------------------------------------------------------------------------------------

/**
 * Where the woman was seen, in the vignette's words.
 * @param {Row} row
 */
function seenWhere(row) {
  if (row.vignette.setting === "symptomatic") {
    return row.system.id === "uk" ? "seen at a breast clinic with a breast symptom" : "seen for a breast symptom";
  }
  if (row.history && row.history.id === "treated-breast") {
    return "having her yearly mammogram after breast cancer treatment";
  }
  return "seen through breast screening";
}

/**
 * The concordance judgement of the case's result, in words (null when the result takes none).
 * @param {Row} row
 */
function judgement(row) {
  const concordance = row.result && row.result.concordance;
  if (!concordance) return null;
  return element("p", { class: "cfp-judgement", "data-calcflow": "concordance" },
    element("strong", {}, "Radiology–pathology: "), concordance.text);
}

/**
 * The feedback on a committed answer: right or not, in words, then the expert's explanation and sources.
 * @param {Table} table
 * @param {Row} row
 * @param {string} step
 * @param {string} chosen
 */
function feedbackFor(table, row, step, chosen) {
  const expert = row.expert[step];
  const label = (/** @type {string | undefined} */ id) => optionLabel(table, row, step, id);
  const verdict = chosen === expert.answer
    ? element("p", { class: "cfp-verdict cfp-right" }, element("span", { "aria-hidden": "true" }, "✓ "),
      element("strong", {}, "Right."), ` The expert's answer is ${label(expert.answer)} too.`)
    : element("p", { class: "cfp-verdict cfp-wrong" }, element("span", { "aria-hidden": "true" }, "✗ "),
      element("strong", {}, "Not right."), ` You chose ${label(chosen)}; the expert's answer is `,
      element("strong", {}, label(expert.answer)), ".");
  const scales = step === "category"
    ? element("p", { class: "cfp-scales" },
      `BI-RADS (US) ${expert.birads}: ${optionLabel(table, row, "birads", expert.birads)}. `
      + `RCR (UK) ${expert.rcr}: ${optionLabel(table, row, "rcr", expert.rcr)}.`)
    : null;
  // The radiology–pathology judgement: after the learner commits, unless the case states it with the result.
  const judged = step === "after_result" ? judgement(row) : null;
  const unconfirmed = expert.unconfirmed
    ? element("p", {}, element("span", { class: "cf-unconfirmed" }, "Sources differ or are incomplete on this point."))
    : null;
  return [verdict, scales, judged, element("p", { class: "cfp-explanation" }, expert.explanation), unconfirmed,
    sourcesLine(table.references, expert.sources, { tag: "p", className: "cfp-sources" })]
    .filter((part) => part !== null);
}

// --- the player ---------------------------------------------------------------------------------------------------

/**
 * One case player on the page: its elements, and where the learner is.
 * @typedef {object} Player
 * @property {Model} model
 * @property {Table} table
 * @property {Map<string, Row>} rows
 * @property {(name: string) => string} id
 * @property {HTMLSelectElement} picker
 * @property {HTMLElement} score
 * @property {HTMLButtonElement} forget
 * @property {HTMLElement} root
 * @property {Presentation} present
 * @property {HTMLElement} caseHeading
 * @property {HTMLElement} vignette
 * @property {HTMLImageElement} image
 * @property {HTMLElement} scaleBar
 * @property {HTMLElement} caption
 * @property {HTMLElement} stage      the open question
 * @property {HTMLElement} feedback
 * @property {HTMLElement} ending     the end of the case
 * @property {string | null} shownCase
 * @property {number} question        the question shown: an index into the case's asked steps; asked.length: the end
 * @property {{key: string, value: string} | null} pending  an option chosen but not committed, kept across redraws
 */

/**
 * @param {Model} model
 * @returns {Player}
 */
function createPlayer(model) {
  /** @type {Table} */
  const table = model.get("table");
  const id = viewIds("cfp", nextViewNumber("caseplayer"));
  const root = element("div", { class: "calcflow-caseplayer cf-widget", "data-calcflow": "caseplayer" });
  /** @type {Player} */
  const player = {
    model, table, id, root,
    rows: new Map(table.cases.map((row) => [row.id, row])),
    picker: element("select", { name: "case", id: id("case") },
      table.cases.map((row, i) => element("option", { value: row.id }, `${i + 1}. ${row.title}`))),
    score: element("p", { class: "cfp-score", "data-calcflow": "score" }),
    forget: element("button", { type: "button", class: "cfp-link-button" }, "Forget my answers"),
    present: /** @type {Presentation} */ (/** @type {unknown} */ (null)),
    caseHeading: element("h3", { class: "cfp-title", id: id("title"), tabindex: "-1" }),
    vignette: element("dl", { class: "cfp-vignette" }),
    image: element("img", { class: "cfp-img", alt: "", decoding: "async" }),
    scaleBar: element("span", { class: "cfp-scale-bar", "aria-hidden": "true" }),
    caption: element("figcaption", { class: "cfp-caption" }),
    stage: element("div", { class: "cfp-stage" }),
    feedback: element("div", { class: "cfp-feedback", "data-calcflow": "feedback", "aria-live": "polite" }),
    // Regions are <div role="region">, not <section>: reveal.js treats every <section> in a slide deck as a slide.
    ending: element("div", { class: "cfp-end", role: "region", "aria-labelledby": id("end-heading"), hidden: "" }),
    shownCase: null, question: 0, pending: null,
  };
  player.present = presentation({
    root,
    keys: PRESENT_KEYS,
    next: () => presentNext(player),
    back: () => goTo(player, player.question - 1, { focus: true }),
    choose: (number) => chooseOption(player, number),
    onEnter: () => drawStatus(player),
  });
  root.append(...layout(player));
  return player;
}

/**
 * The header (case picker, score), the case beside the question, the end of the case, the privacy line.
 * @param {Player} player
 */
function layout(player) {
  const { id } = player;
  return [
    player.present.bar,
    element("p", { class: "cf-disclaimer" }, DISCLAIMER),
    element("div", { class: "cfp-head" },
      element("div", { class: "cfp-picker cf-field" }, element("label", { for: id("case") }, "Case"), player.picker),
      player.score),
    element("div", { class: "cfp-layout" },
      element("div", { class: "cfp-case", role: "region", "aria-labelledby": player.caseHeading.id },
        player.caseHeading, player.vignette,
        element("figure", { class: "cfp-figure" },
          element("div", { class: "cfp-image" }, player.image, player.scaleBar), player.caption)),
      element("div", { class: "cfp-work" }, player.stage, player.feedback)),
    player.ending,
    element("p", { class: "cfp-privacy" },
      "Your answers are kept only in this browser, and nothing is sent anywhere. ", player.forget),
  ];
}

/** @param {Player} player */
function currentRow(player) {
  return player.rows.get(player.model.get("case_id")) || player.table.cases[0];
}

/**
 * @param {Player} player
 * @returns {Answers}
 */
function allAnswers(player) {
  return player.model.get("answers") || {};
}

/**
 * @param {Player} player
 * @param {string} caseId
 * @returns {Record<string, string>}
 */
function answersOf(player, caseId) {
  return allAnswers(player)[caseId] || {};
}

/**
 * @param {Player} player
 * @param {Answers} answers
 */
function setAnswers(player, answers) {
  player.model.set("answers", answers);
  player.model.save_changes();
}

// --- drawing --------------------------------------------------------------------------------------------------------

/**
 * The case: its title, vignette and synthetic image.
 * @param {Player} player
 * @param {Row} row
 */
function drawCase(player, row) {
  const { table } = player;
  const v = row.vignette;
  const fact = (/** @type {string} */ term, /** @type {string} */ text) => element("div", {},
    element("dt", {}, term), element("dd", {}, text));
  player.caseHeading.textContent = `Case ${table.cases.indexOf(row) + 1} of ${table.cases.length}: ${row.title}`;
  player.vignette.replaceChildren(
    fact("Patient", `A woman aged ${v.age}, ${seenWhere(row)}.`),
    fact("History", v.history),
    fact("Earlier mammograms", v.priors === "none" ? "None to compare with." : v.priors),
    fact("Practice", `${row.system.label}: answer as a team there would.`));
  const { image, scaleBar } = player;
  image.src = row.image.src;
  image.alt = row.image.alt;
  image.width = image.height = row.image.px;
  scaleBar.style.width = `${(100 * row.image.scale_bar_mm) / row.image.width_mm}%`;
  scaleBar.dataset.label = `${row.image.scale_bar_mm} mm`;
  player.caption.textContent = `Synthetic image, not a patient: a square ${row.image.width_mm} mm across. `
    + `The bar is ${row.image.scale_bar_mm} mm. Calcium shows white.`;
  if (player.picker.value !== row.id) player.picker.value = row.id;
}

/**
 * One option of a question, marked once the answer is committed.
 * @param {Option} option
 * @param {string} step
 * @param {{committed: boolean, given: string | undefined, expert: string}} state
 */
function optionRow(option, step, { committed, given, expert }) {
  const marks = committed ? [
    option.id === given ? element("span", { class: "cfp-mark" }, " — your answer") : null,
    option.id === expert ? element("span", { class: "cfp-mark cfp-mark-expert" }, " — the expert's answer") : null,
  ] : [];
  return element("label", { class: "cfp-option" + (committed && option.id === expert ? " cfp-expert" : "") },
    element("input", { type: "radio", name: step, value: option.id, disabled: committed ? "" : null }),
    element("span", { class: "cfp-option-text" }, option.label,
      option.plain ? element("span", { class: "cfp-plain" }, ` — ${option.plain}`) : null),
    ...marks);
}

/**
 * Before the question about what follows the result: the result itself.
 * @param {Row} row
 */
function resultBanner(row) {
  if (!row.result) return null;
  const stated = row.result.concordance && row.result.concordance.given;
  return element("div", { class: "cfp-result" },
    element("p", {}, element("strong", {}, "The biopsy result is back: "), `${row.result.label}. `,
      "(The case follows the expert's route to the biopsy, whatever you chose before.)"),
    stated ? judgement(row) : null);
}

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
 * The case's own system's flowchart (UK or US), the expert's path marked on it.
 * @param {Player} player
 * @param {Row} row
 */
function expertChart(player, row) {
  const labels = player.table.step_labels[row.system.id] || {};
  const label = (/** @type {string} */ step) => labels[step] || step;
  const chart = parseChart(player.table.flowchart_svg[row.system.id], row.system.id, player.id("chart"));
  chart.svg.removeAttribute("style");
  chart.svg.setAttribute("role", "img");
  if (chart.title) chart.title.textContent = `The expert's path on the ${row.system.label} pathway`;
  describePath(chart, row.path, label, "Highlighted: ");
  highlightPath(chart, row.path);
  for (const [id, group] of chart.nodes) {
    const title = group.querySelector(":scope > title");
    if (title) title.textContent = label(id);
  }
  return element("div", { class: "cfp-chart cf-path-chart cf-has-path" }, chart.svg);
}

/**
 * The learner's answers beside the expert's.
 * @param {Player} player
 * @param {Row} row
 * @param {Record<string, string>} given
 */
function reviewTable(player, row, given) {
  const label = (/** @type {string} */ step, /** @type {string | undefined} */ id) =>
    optionLabel(player.table, row, step, id);
  return element("table", { class: "cfp-review" },
    element("caption", {}, "Your answers beside the expert's"),
    element("thead", {}, element("tr", {}, ["Question", "Your answer", "The expert's answer", "Match"].map(
      (head) => element("th", { scope: "col" }, head)))),
    element("tbody", {}, row.asked.map((step) => {
      const right = given[step] === row.expert[step].answer;
      return element("tr", {},
        element("th", { scope: "row" }, QUESTIONS[step][0]),
        element("td", {}, label(step, given[step])),
        element("td", {}, label(step, row.expert[step].answer)),
        element("td", { class: right ? "cfp-right" : "cfp-wrong" }, right ? "✓ Right" : "✗ Not right"));
    })));
}

/**
 * The end of a case: the score, the teaching point, the expert's path, the review, and where to go next.
 * @param {Player} player
 * @param {Row} row
 */
function drawEnding(player, row) {
  const given = answersOf(player, row.id);
  const mine = caseScore(row, given);
  const labels = player.table.step_labels[row.system.id] || {};
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
  player.ending.replaceChildren(
    element("h3", { id: player.id("end-heading"), tabindex: "-1" }, `Case complete: ${row.title}`),
    element("p", { class: "cfp-case-score" }, `You matched the expert on ${mine.right} of ${mine.asked} questions.`),
    element("p", { class: "cfp-teaching" }, element("strong", {}, "Teaching point: "), row.teaching_point),
    element("h4", {}, `The expert's path (${row.system.label})`),
    ...(judged ? [judged] : []),
    element("div", { class: "cfp-end-layout" }, expertChart(player, row),
      element("ol", { class: "cfp-path" }, row.path.map((step) => element("li", {}, labels[step] || step)))),
    reviewTable(player, row, given),
    element("div", { class: "cfp-actions" }, back, again, nextCase));
}

/**
 * This case's score, the running total, and each finished case marked in the picker.
 * @param {Player} player
 * @param {Row} row
 */
function drawScore(player, row) {
  const { table } = player;
  const answers = allAnswers(player);
  const mine = caseScore(row, answers[row.id]);
  let right = 0;
  let answered = 0;
  let finished = 0;
  table.cases.forEach((other, i) => {
    const s = caseScore(other, answers[other.id]);
    right += s.right;
    answered += s.answered;
    finished += s.answered === s.asked ? 1 : 0;
    const option = player.picker.options[i];
    const label = `${i + 1}. ${other.title}`;
    option.textContent = s.answered === s.asked ? `${label} (done: ${s.right} of ${s.asked} right)` : label;
  });
  player.score.replaceChildren(
    element("span", {}, element("strong", {}, "This case: "), `${mine.right} right of ${mine.answered} answered`,
      ` (${mine.asked} questions).`), " ",
    element("span", {}, element("strong", {}, "Running total: "), `${right} right of ${answered} answered; `,
      `${finished} of ${table.cases.length} cases finished.`));
}

/**
 * Everything shown follows from the model (case_id, answers) and the question shown.
 * @param {Player} player
 * @param {{focus?: boolean}} [options]
 */
function update(player, { focus = false } = {}) {
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
function drawStatus(player) {
  const { table } = player;
  const row = currentRow(player);
  const where = `Case ${table.cases.indexOf(row) + 1} of ${table.cases.length}`;
  if (player.question === row.asked.length) {
    player.present.setStatus(`${where}: complete. → next case.`);
    return;
  }
  const step = row.asked[player.question];
  const keys = Math.min(9, optionsFor(table, row, step).length);
  const open = player.question >= answeredCount(row, answersOf(player, row.id));
  player.present.setStatus(`${where}, question ${player.question + 1} of ${row.asked.length}: ${QUESTIONS[step][0]}. `
    + (open ? `Keys 1–${keys} choose, → commits.` : "→ next question."));
}

// --- moving around and answering ------------------------------------------------------------------------------------

/**
 * @param {Player} player
 * @param {number} index
 * @param {{focus?: boolean}} [options]
 */
function goTo(player, index, options) {
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
function showCase(player, caseId, { focus = false } = {}) {
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
function presentNext(player) {
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
function chooseOption(player, number) {
  const input = /** @type {HTMLInputElement | undefined} */ (
    player.stage.querySelectorAll("input[type=radio]:not(:disabled)")[number - 1]);
  if (!input) return;
  input.checked = true;
  input.dispatchEvent(new Event("change", { bubbles: true }));
  input.focus();
}

/**
 * anywidget's entry point, and the static host's.
 * @param {RenderProps} props
 * @returns {() => void} the cleanup
 */
function render({ model, el }) {
  const player = createPlayer(model);
  const onPick = () => showCase(player, player.picker.value);
  const onForget = () => {
    setAnswers(player, {});
    goTo(player, 0);
  };
  const onAnswers = () => {
    writeStored(STORAGE_KEY, allAnswers(player));
    update(player);
  };
  const onCaseId = () => update(player);
  player.picker.addEventListener("change", onPick);
  player.forget.addEventListener("click", onForget);
  model.on("change:answers", onAnswers);
  model.on("change:case_id", onCaseId);
  if (!Object.keys(allAnswers(player)).length) {
    const saved = storedAnswers(player.table);
    if (Object.keys(saved).length) setAnswers(player, saved);
  }
  el.replaceChildren(player.root);
  update(player);
  player.root.dataset.ready = "true";
  return () => {
    player.present.destroy();
    model.off("change:answers", onAnswers);
    model.off("change:case_id", onCaseId);
    player.picker.removeEventListener("change", onPick);
    player.forget.removeEventListener("click", onForget);
    player.root.remove();
  };
}

const widget = { render };
export default widget;
mountStatic("caseplayer", widget);
