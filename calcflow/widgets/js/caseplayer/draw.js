// @ts-check
// The case player's pieces, drawn from the table and the model (none moves the learner on): the case, an option of a
// question, the biopsy result, the expert's path on its flowchart, the review of the answers, and the score.

import { describePath, highlightPath, keepReadable, parseChart, routeLabel, scrollToPath } from "../shared/chart.js";
import { element } from "../shared/dom.js";
import { pathStrip } from "../shared/pathstrip.js";
import { allAnswers } from "./model.js";
import { caseScore, optionLabel } from "./table.js";
import { judgement, QUESTIONS, seenWhere } from "./words.js";

/** @typedef {import("./table.js").Option} Option */
/** @typedef {import("./table.js").Row} Row */
/** @typedef {import("./player.js").Player} Player */

/**
 * The case: its title, vignette and synthetic image.
 * @param {Player} player
 * @param {Row} row
 */
export function drawCase(player, row) {
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
export function optionRow(option, step, { committed, given, expert }) {
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
export function resultBanner(row) {
  if (!row.result) return null;
  const stated = row.result.concordance && row.result.concordance.given;
  return element("div", { class: "cfp-result" },
    element("p", {}, element("strong", {}, "The biopsy result is back: "), `${row.result.label}. `,
      "(The case follows the expert's route to the biopsy, whatever you chose before.)"),
    stated ? judgement(row) : null);
}

/**
 * The case's own system's flowchart (UK or US), the expert's path marked on it, in a box that scrolls (the chart is
 * drawn no smaller than its text stays readable); and the path alone, laid across (shared/pathstrip.js).
 * `show()` brings the path into the box's view once the box is on the page.
 * @param {Player} player
 * @param {Row} row
 */
export function expertChart(player, row) {
  const labels = player.table.step_labels[row.system.id] || {};
  const label = (/** @type {string} */ step) => labels[step] || step;
  const chart = parseChart(player.table.flowchart_svg[row.system.id], row.system.id, player.id("chart"));
  chart.svg.removeAttribute("style");
  chart.svg.setAttribute("role", "img");
  keepReadable(chart.svg);
  if (chart.title) chart.title.textContent = `The expert's path on the ${row.system.label} pathway`;
  describePath(chart, row.path, label, "Highlighted: ");
  highlightPath(chart, row.path);
  for (const [id, group] of chart.nodes) {
    const title = group.querySelector(":scope > title");
    if (title) title.textContent = label(id);
  }
  // Focusable, so that the keyboard can scroll it as well.
  const box = element("div", { class: "cfp-chart cf-path-chart cf-has-path", role: "region", tabindex: "0",
    "aria-label": `The ${row.system.label} pathway chart, the expert's path highlighted` }, chart.svg);
  const strip = pathStrip({
    steps: row.path, label, route: (from, to) => routeLabel(chart, from, to),
    className: "cfp-path", name: `The expert's path, step by step (${row.system.label})`,
  });
  return { box, strip, show: () => scrollToPath(box, chart, row.path) };
}

/**
 * The learner's answers beside the expert's.
 * @param {Player} player
 * @param {Row} row
 * @param {Record<string, string>} given
 */
export function reviewTable(player, row, given) {
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
 * This case's score, the running total, and each finished case marked in the picker.
 * @param {Player} player
 * @param {Row} row
 */
export function drawScore(player, row) {
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
