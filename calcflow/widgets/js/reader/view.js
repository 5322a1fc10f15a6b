// @ts-check
// The reader's elements, laid out: the case chooser and the view (CC/MLO), the image on its stage with the overlay,
// the tools (zoom, magnifier, brightness, contrast), the list of marks, the case's answer, Submit and the result. The
// endless-practice control (reader/practice.js) is added by the entry module when a kernel is there.

import { element } from "../shared/dom.js";
import { NEXT_RULE } from "../shared/progress.js";
import { nextViewNumber, viewIds } from "../shared/views.js";

/** @typedef {import("../shared/host.js").Model} Model */
/** @typedef {import("./score.js").Payload} Payload */
/** @typedef {import("./score.js").ReadingCase} ReadingCase */
/** @typedef {import("./score.js").Mark} Mark */
/** @typedef {import("./score.js").Score} Score */
/** @typedef {import("./stage.js").Stage} Stage */
/** @typedef {import("./practice.js").PracticeControl} PracticeControl */

/**
 * @typedef {object} Reader
 * @property {Model} model
 * @property {Payload} payload
 * @property {(name: string) => string} id
 * @property {ReadingCase | null} item   the open case
 * @property {string} view               cc | mlo
 * @property {Mark[]} marks
 * @property {number} selected           the selected mark, -1 for none
 * @property {{x: number, y: number} | null} cursor  the keyboard cursor (image pixels of the view shown)
 * @property {Score | null} score        after Submit
 * @property {Stage} stage
 * @property {SVGSVGElement} overlay
 * @property {HTMLElement} root
 * @property {HTMLSelectElement} chooser
 * @property {HTMLElement} viewSwitch
 * @property {HTMLInputElement} lensToggle
 * @property {HTMLInputElement} brightness
 * @property {HTMLInputElement} contrast
 * @property {HTMLElement} tools
 * @property {HTMLElement} status
 * @property {HTMLElement} wait          says that the view's image is on its way (drawn, for a practice case)
 * @property {HTMLOListElement} markList
 * @property {HTMLSelectElement} scoreMenu
 * @property {HTMLSelectElement} nextMenu
 * @property {HTMLButtonElement} submit
 * @property {HTMLElement} result
 * @property {HTMLElement} work   everything shown once a case is open
 * @property {HTMLButtonElement} practice  opens the next case by the spaced-repetition rule
 * @property {HTMLElement} header  the disclaimer and the presentation bar
 * @property {PracticeControl | null} newCase  endless practice (live only)
 */

const SVG = "http://www.w3.org/2000/svg";

/**
 * A labelled control in a .cf-field.
 * @param {string} forId
 * @param {string} text
 * @param {HTMLElement} control
 */
export function field(forId, text, control) {
  return element("div", { class: "cf-field" }, element("label", { for: forId }, text), control);
}

/**
 * @param {Payload} payload
 * @param {(name: string) => string} id
 */
function chooserOf(payload, id) {
  const tierWords = { student: "student", advanced: "advanced" };
  return element("select", { id: id("case"), "data-calcflow": "reader-case" },
    element("option", { value: "" }, "Choose a case…"),
    payload.cases.map((c, i) => element("option", { value: c.id },
      `Case ${i + 1}: ${tierWords[/** @type {"student" | "advanced"} */ (c.tier)] || c.tier}, ${c.system.toUpperCase()}`)));
}

/**
 * @param {(name: string) => string} id
 */
function stageOf(id) {
  const image = element("img", { "data-calcflow": "reader-image", alt: "The mammogram appears here when you choose a case.",
    draggable: "false", class: "cfr-image" });
  const overlay = document.createElementNS(SVG, "svg");
  overlay.setAttribute("class", "cfr-overlay");
  overlay.setAttribute("aria-hidden", "true");
  const stage = element("div", { class: "cfr-stage" }, image);
  stage.append(overlay);
  const lens = element("div", { class: "cfr-lens", hidden: true, "aria-hidden": "true" });
  const viewport = element("div", {
    class: "cfr-viewport", tabindex: "0", role: "application", id: id("viewport"),
    "aria-label": "Mammogram. Arrow keys move the cursor, Enter marks a finding, Delete removes the selected mark, "
      + "+ and - zoom, 0 resets the view.",
  }, stage, lens);
  return { stage: { viewport, stage, image, lens, at: { zoom: 1, x: 0, y: 0 }, size: { width: 1, height: 1 } }, overlay };
}

/**
 * @param {(name: string) => string} id
 */
function toolsOf(id) {
  const range = (/** @type {string} */ name, /** @type {string} */ label) => {
    const input = element("input", { type: "range", id: id(name), min: "0.5", max: "2", step: "0.05", value: "1" });
    return { input, box: field(id(name), label, input) };
  };
  const brightness = range("brightness", "Brightness");
  const contrast = range("contrast", "Contrast");
  const lensToggle = element("input", { type: "checkbox", id: id("lens") });
  const tools = element("div", { class: "cfr-tools" },
    element("button", { type: "button", "data-zoom": "in", "aria-label": "Zoom in" }, "+"),
    element("button", { type: "button", "data-zoom": "out", "aria-label": "Zoom out" }, "−"),
    element("button", { type: "button", "data-zoom": "reset" }, "Fit"),
    element("label", { class: "cfr-check" }, lensToggle, " Magnifier"),
    brightness.box, contrast.box);
  return { tools, lensToggle, brightness: brightness.input, contrast: contrast.input };
}

/**
 * @param {Model} model
 * @returns {Reader}
 */
export function createView(model) {
  const payload = /** @type {Payload} */ (model.get("payload"));
  const id = viewIds("cfr", nextViewNumber("reader"));
  const chooser = chooserOf(payload, id);
  const { stage, overlay } = stageOf(id);
  const { tools, lensToggle, brightness, contrast } = toolsOf(id);
  const viewSwitch = element("div", { class: "cfr-views", role: "group", "aria-label": "View" },
    ["cc", "mlo"].map((v) => element("button", { type: "button", "data-view": v, "aria-pressed": "false" },
      v.toUpperCase())));
  const status = element("p", { class: "cfr-status", "aria-live": "polite" });
  const wait = element("p", { class: "cfr-wait", role: "status", hidden: true });
  const markList = element("ol", { class: "cfr-marks", "aria-label": "Your marks" });
  const scoreMenu = element("select", { id: id("score") });
  const nextMenu = element("select", { id: id("next") });
  const submit = element("button", { type: "button", class: "cfr-submit", "data-calcflow": "reader-submit" }, "Submit");
  const result = element("section", { class: "cfr-result", "aria-live": "polite", hidden: true });
  const work = element("div", { class: "cfr-work", hidden: true },
    element("div", { class: "cfr-bar" }, viewSwitch, tools), wait, stage.viewport, status,
    element("h4", {}, "Your marks"), markList,
    element("div", { class: "cfr-answer" }, field(id("score"), "Category after work-up", scoreMenu),
      field(id("next"), "Next step", nextMenu)), submit, result);
  const practice = element("button", { type: "button", class: "cfr-practice", "data-calcflow": "reader-practice",
    "aria-describedby": id("rule") }, "Practice: next case");
  const header = element("div", { class: "cfr-header" },
    element("p", { class: "cf-disclaimer" }, "For teaching, not for diagnosis. The mammograms are drawn, not real."));
  const root = element("div", { class: "cf-widget cf-reader", "data-calcflow": "reader" }, header,
    element("div", { class: "cfr-bar" }, field(id("case"), "Case", chooser), practice),
    element("details", { class: "cfr-rule" }, element("summary", {}, "How Practice chooses the next case"),
      element("p", { id: id("rule") }, `${NEXT_RULE} Your readings are kept in this browser only `
        + "(not while presenting); see My progress.")), work);
  return { model, payload, id, item: null, view: "cc", marks: [], selected: -1, cursor: null, score: null, stage,
    overlay, root, chooser, viewSwitch, lensToggle, brightness, contrast, tools, status, wait, markList, scoreMenu,
    nextMenu, submit, result, work, practice, header, newCase: null };
}
