// @ts-check
// One explorer on the page: its elements, laid out, and its presentation mode.

import { element } from "../shared/dom.js";
import { presentation } from "../shared/present.js";
import { nextViewNumber, viewIds } from "../shared/views.js";
import { lookup } from "./lookup.js";
import { buildControls } from "./menus.js";
import { chooseOption, markMenu, walkTo } from "./show.js";
import { CHART_HELP } from "./words.js";

/** @typedef {import("../shared/host.js").Model} Model */
/** @typedef {import("../shared/chart.js").Chart} Chart */
/** @typedef {import("../shared/present.js").Presentation} Presentation */
/** @typedef {import("./lookup.js").Table} Table */
/** @typedef {import("./lookup.js").Choice} Choice */

/**
 * One explorer on the page: its elements, and what it shows.
 * @typedef {object} View
 * @property {Model} model
 * @property {Table} table
 * @property {number} token                         the view's number on the page
 * @property {(name: string) => string} id          ids unique to this view
 * @property {HTMLFormElement} controls
 * @property {Record<string, HTMLSelectElement>} selects
 * @property {Record<string, HTMLElement>} hints
 * @property {Record<string, HTMLLabelElement>} labels
 * @property {HTMLElement} notice                   what the menus did on their own, said once, politely
 * @property {HTMLElement} summary
 * @property {HTMLElement} chartBox
 * @property {HTMLElement} chartHelp
 * @property {HTMLElement} strip                    presenting: the path revealed so far, laid across, large
 * @property {HTMLElement} details
 * @property {HTMLElement} detailsBody
 * @property {HTMLButtonElement} closeButton
 * @property {HTMLElement} transcript
 * @property {HTMLElement} transcriptNote
 * @property {HTMLElement} rules
 * @property {HTMLElement} root
 * @property {Presentation} present
 * @property {Record<string, Chart>} charts         system → its prepared chart, made when first shown
 * @property {Chart | null} chart                   the chart on show
 * @property {string | null} shown                  the choice displayed, as a string, to skip repeated work
 * @property {string[]} path                        the path displayed
 * @property {string | null} selectedStep
 * @property {number | null} walk                   presenting: how many steps are revealed; null: the whole path
 * @property {string} currentMenu                   presenting: the menu the number keys choose in
 */

const DISCLAIMER = "For teaching, not for diagnosis.";

/** @type {Array<[string, string]>} */
const PRESENT_KEYS = [
  ["→", "reveal the next step of the path, with its explanation"],
  ["←", "take the last step back"],
  ["1 2 3 …", "choose that option in the current menu (Tab moves to the next menu)"],
  ["↑ ↓", "the previous or next option in the menu that has focus"],
];

/**
 * The explorer's elements, laid out, for one view.
 * @param {Model} model
 * @returns {View}
 */
export function createView(model) {
  /** @type {Table} */
  const table = model.get("table");
  const token = nextViewNumber("explorer");
  const id = viewIds("cfx", token);
  const { form: controls, selects, hints, labels } = buildControls(table, id);
  const closeButton = element("button", { type: "button", class: "cfx-close", "aria-label": "Close the step details" },
    "×");
  const detailsBody = element("div", { class: "cfx-details-body" });
  const root = element("div", { class: "calcflow-explorer cf-widget", "data-calcflow": "explorer" });
  /** @type {View} */
  const view = {
    model, table, token, id, controls, selects, hints, labels, closeButton, detailsBody, root,
    notice: element("p", { class: "cfx-notice", role: "status", "aria-live": "polite" }),
    // Regions are <div role="region">, not <section>: reveal.js takes every <section> of a slide deck for a slide.
    summary: element("div", { class: "cfx-summary", role: "region", "aria-live": "polite", "aria-label": "Answer" }),
    chartBox: element("div", { class: "cfx-chart cf-path-chart" }),
    chartHelp: element("p", { class: "cfx-visually-hidden", id: id("chart-help") }, CHART_HELP),
    strip: element("div", { class: "cfx-strip", "data-calcflow": "path-strip" }),
    details: element("div", { class: "cfx-details", role: "region", "aria-live": "polite",
      "aria-label": "Step details" }, closeButton, detailsBody),
    transcript: element("ol", { class: "cfx-transcript", "data-calcflow": "transcript" }),
    transcriptNote: element("p", { class: "cfx-note" }),
    rules: element("ul", { class: "cfx-rules" }),
    present: /** @type {Presentation} */ (/** @type {unknown} */ (null)),
    charts: {}, chart: null, shown: null, path: [], selectedStep: null, walk: null, currentMenu: table.fields[0],
  };
  view.present = presentation({
    root,
    keys: PRESENT_KEYS,
    next: () => walkTo(view, (view.walk ?? 0) + 1),
    back: () => walkTo(view, (view.walk ?? 0) - 1),
    choose: (number) => chooseOption(view, number),
    onEnter: () => {
      markMenu(view);
      walkTo(view, 0);
    },
    onLeave: () => walkTo(view, null),
  });
  root.append(view.present.bar, element("p", { class: "cf-disclaimer" }, DISCLAIMER), ...layout(view));
  // For checks of the page against the model: the answer this page gives for any choice.
  Object.assign(root, { calcflowLookup: (/** @type {Choice} */ choice) => lookup(table, choice) });
  return view;
}

/**
 * The menus and the answer, the chart (in its own scrolling box) and a step's details under it; the path and its
 * rules below. Beside each other or stacked: explorer.css, by the width fit.js finds.
 * @param {View} view
 */
function layout(view) {
  const { id } = view;
  return [
    element("div", { class: "cfx-layout" },
      element("div", { class: "cfx-side" }, view.controls, view.notice, view.summary),
      element("div", { class: "cfx-chart-area" }, view.chartHelp, view.chartBox, view.strip, view.details)),
    element("div", { class: "cfx-below" },
      element("div", { class: "cfx-path", role: "region", "aria-labelledby": id("path-heading") },
        element("h3", { id: id("path-heading") }, "The path, step by step"), view.transcriptNote, view.transcript),
      element("div", { class: "cfx-why", role: "region", "aria-labelledby": id("rules-heading") },
        element("h3", { id: id("rules-heading") }, "Why: the rules that applied"), view.rules)),
  ];
}
