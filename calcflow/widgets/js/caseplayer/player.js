// @ts-check
// One case player on the page: its elements, laid out, and its presentation mode.

import { element } from "../shared/dom.js";
import { presentation } from "../shared/present.js";
import { nextViewNumber, viewIds } from "../shared/views.js";
import { chooseOption, drawStatus, goTo, presentNext } from "./flow.js";
import { allAnswers, setAnswers } from "./model.js";

/** @typedef {import("../shared/host.js").Model} Model */
/** @typedef {import("../shared/present.js").Presentation} Presentation */
/** @typedef {import("./table.js").Row} Row */
/** @typedef {import("./table.js").Table} Table */

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
 * @property {import("./table.js").Answers | null} kept  presenting: the learner's own answers, put aside
 */

const DISCLAIMER = "For teaching, not for diagnosis. Every image is synthetic.";

/** @type {Array<[string, string]>} */
const PRESENT_KEYS = [
  ["→", "commit the chosen answer; once the feedback shows, the next question"],
  ["←", "back to the previous question and its feedback"],
  ["1 2 3 …", "choose that option of the question (↑ ↓ reach options after the ninth)"],
];

/**
 * @param {Model} model
 * @returns {Player}
 */
export function createPlayer(model) {
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
    shownCase: null, question: 0, pending: null, kept: null,
  };
  player.present = presenter(player);
  root.append(...layout(player));
  return player;
}

/**
 * Presentation mode: → ← step through the questions, the number keys choose. A lecturer's demonstration starts from
 * no answers and is not kept: the learner's own answers are put aside (caseplayer.js stores nothing while
 * presenting) and come back when the presentation ends.
 * @param {Player} player
 * @returns {Presentation}
 */
function presenter(player) {
  return presentation({
    root: player.root,
    keys: PRESENT_KEYS,
    next: () => presentNext(player),
    back: () => goTo(player, player.question - 1, { focus: true }),
    choose: (number) => chooseOption(player, number),
    onEnter: () => {
      player.kept = allAnswers(player);
      setAnswers(player, {});
      drawStatus(player);
    },
    onLeave: () => {
      setAnswers(player, player.kept || {});
      player.kept = null;
    },
  });
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
      "Your answers are kept only in this browser (not those given while presenting), and nothing is sent anywhere. ",
      player.forget),
  ];
}
