// @ts-check
// After Submit: each mark a hit or a false mark, each missed finding, each description against the truth, and the
// model's answer (category, BI-RADS and M-score, next step) with its reasons — all as the payload states them.

import { element } from "../shared/dom.js";
import { compareAnswer, compareDescription, DESCRIBED, marginPx, scoreMarks } from "./score.js";

/** @typedef {import("./view.js").Reader} Reader */
/** @typedef {import("./score.js").Finding} Finding */
/** @typedef {import("./score.js").ReadingCase} ReadingCase */
/** @typedef {import("./score.js").Score} Score */

/**
 * The label of an option of a menu.
 * @param {Array<{id: string, label: string}>} options
 * @param {string} value
 */
function labelOf(options, value) {
  const found = options.find((o) => o.id === value);
  return found ? found.label : value;
}

/**
 * @param {Reader} r
 * @param {Finding} finding
 */
function findingWords(r, finding) {
  const menus = r.payload.menus;
  const where = finding.quadrant ? `, ${finding.quadrant}, ${finding.depth} third` : ", throughout the breast";
  return `${labelOf(menus.size, finding.size)}, ${labelOf(menus.shape, finding.shape).toLowerCase()}, `
    + `${labelOf(menus.pattern, finding.pattern).toLowerCase()}${where}`;
}

/**
 * One line per mark.
 * @param {Reader} r
 */
function markLines(r) {
  const score = /** @type {Score} */ (r.score);
  return r.marks.map((mark, index) => {
    const id = score.found[index];
    const text = id === null ? "a false mark: no calcification there"
      : `a hit: finding ${id}${score.firstMark.get(id) === index ? "" : " (found already by an earlier mark)"}`;
    return element("li", { class: id === null ? "cfr-false" : "cfr-hit" },
      `Mark ${index + 1} (${mark.view.toUpperCase()}): ${text}.`);
  });
}

/**
 * What the model says of one finding, and the rules that decide it.
 * @param {Reader} r
 * @param {ReadingCase} item
 * @param {Finding} finding
 */
function findingAnswer(r, item, finding) {
  const a = finding.answer;
  const score = item.system === "uk" ? a.rcr : `BI-RADS ${a.birads}`;
  return element("details", { class: "cfr-why" },
    element("summary", {}, `The model: ${score} (${a.category}) — why`),
    element("ul", {}, a.why.map((rule) => element("li", {}, rule.statement,
      rule.sources.length ? ` (${rule.sources.join("; ")})` : ""))));
}

/**
 * One block per finding: found or missed, and the description compared.
 * @param {Reader} r
 * @param {ReadingCase} item
 */
function findingLines(r, item) {
  const score = /** @type {Score} */ (r.score);
  return item.findings.map((finding) => {
    const first = score.firstMark.get(finding.id);
    if (first === undefined) {
      return element("li", { class: "cfr-missed", "data-missed": finding.id },
        `Finding ${finding.id}, missed (dashed circle on the image): ${findingWords(r, finding)}.`,
        findingAnswer(r, item, finding));
    }
    const verdicts = compareDescription(r.marks[first], finding);
    const parts = DESCRIBED.map((name) => element("li", { class: `cfr-${verdicts[name].replace(" ", "-")}` },
      `${name}: ${verdicts[name]}${verdicts[name] === "right" ? "" : ` — it is ${labelOf(r.payload.menus[name],
        finding[name]).toLowerCase()}`}`));
    return element("li", { class: "cfr-found" }, `Finding ${finding.id}, found by mark ${first + 1}: `
      + `${findingWords(r, finding)}.`, element("ul", {}, parts), findingAnswer(r, item, finding));
  });
}

/**
 * The model's answer and why.
 * @param {Reader} r
 * @param {ReadingCase} item
 */
function answerBlock(r, item) {
  const a = item.answer;
  const given = { score: r.scoreMenu.value, next: r.nextMenu.value };
  const verdict = compareAnswer(item, r.payload, given);
  const scoreLabel = labelOf(r.payload.menus.score[item.system], verdict.truth);
  return element("div", { class: "cfr-model" },
    element("p", {}, `Your category: ${verdict.score}. Your next step: ${verdict.next}.`),
    element("p", {}, element("strong", {}, "The model's answer: "),
      `${a.category_label} — BI-RADS ${a.birads} (${a.birads_label}), ${a.rcr} (${a.rcr_label}); `
      + `in this system: ${scoreLabel}.`),
    element("p", {}, element("strong", {}, "Next step: "), a.next_step),
    element("p", {}, "The path from the screening mammogram:"),
    element("ol", { class: "cfr-path", "aria-label": "The model's path, step by step" },
      a.path.map((step) => element("li", {}, step))),
    item.note ? element("p", { class: "cfr-note" }, item.note, item.sources.length
      ? ` (${item.sources.join("; ")})` : "") : null);
}

/**
 * Score the reading, show the result and tell the model.
 * @param {Reader} r
 */
export function submitReading(r) {
  const item = r.item;
  if (!item) return;
  r.score = scoreMarks(item, r.marks, marginPx(item, r.payload));
  const { hits, misses, falseMarks } = r.score;
  r.result.dataset.calcflow = "reader-result";
  r.result.dataset.hits = String(hits.length);
  r.result.dataset.misses = String(misses.length);
  r.result.dataset.falseMarks = String(falseMarks);
  r.result.replaceChildren(
    element("h4", {}, "Result"),
    element("p", {}, `${hits.length} of ${item.findings.length} finding${item.findings.length === 1 ? "" : "s"} `
      + `found, ${misses.length} missed, ${falseMarks} false mark${falseMarks === 1 ? "" : "s"}. `
      + r.payload.tolerance.text),
    element("ul", { class: "cfr-mark-results" }, markLines(r)),
    item.findings.length ? element("ul", { class: "cfr-findings" }, findingLines(r, item))
      : element("p", {}, "This breast has no calcification to find."),
    answerBlock(r, item));
  r.result.hidden = false;
  r.model.set("result", { case: item.id, hits: hits.length, misses: misses.length, false_marks: falseMarks });
  r.model.save_changes();
}

/**
 * Forget a result (a new case, or the marks changed).
 * @param {Reader} r
 */
export function clearResult(r) {
  r.score = null;
  r.result.hidden = true;
  r.result.replaceChildren();
  delete r.result.dataset.calcflow;
}
