// @ts-check
// The explorer on a lecture slide (calcflow.widgets.Explorer.for_slides; model.get("layout") === "slide"): a few menus
// (model.get("fields")), the category in the chosen system's words, and the case's path drawn alone and large. The
// paths are drawn in Python (calcflow.widgets.explorer_slide.slide_paths: every path the menus can reach, keyed
// "<system>:<step> <step> …"); the answer is the same table lookup as the full explorer's.
// Hooks: data-calcflow="explorer" and data-layout="slide" on the root, <select name="…"> per menu, and
// data-calcflow="slide-path" with data-path (the step ids) on the figure.

import { element, listenAll } from "../shared/dom.js";
import { nextViewNumber, viewIds } from "../shared/views.js";
import { lookup } from "./lookup.js";
import { clearForeignResult } from "./menus.js";
import { fieldLabel, resultOptions } from "./words.js";

/** @typedef {import("../shared/host.js").Model} Model */
/** @typedef {import("./lookup.js").Table} Table */
/** @typedef {import("./lookup.js").Choice} Choice */
/** @typedef {import("./lookup.js").Option} Option */

const DISCLAIMER = "For teaching, not for diagnosis.";
const OPTIONAL = ["result", "concordance"]; // "" in a menu, null in the choice: not given
// A closed menu that has focus takes the arrow keys for itself, not for the slide deck around it.
const MENU_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", " ", "Home", "End"]);

/**
 * @param {HTMLSelectElement} select
 * @param {Option[]} options
 */
function fill(select, options) {
  select.replaceChildren(...options.map((option) => element("option", { value: option.id }, option.label)));
}

/**
 * The category in the chosen system's words: "Suspicious · M4" (UK) or "Suspicious · BI-RADS 4" (US).
 * @param {Table} table
 * @param {string} system
 * @param {import("./lookup.js").Outcome} outcome
 */
function categoryLine(table, system, outcome) {
  const label = (table.categories[outcome.category || ""] || { label: outcome.category }).label;
  const code = system === "uk" ? outcome.rcr : `BI-RADS ${outcome.birads}`;
  return [element("strong", {}, label), ` · ${code}`];
}

/**
 * The slide's elements: a menu for each field, the answer line and the figure for the path.
 * @param {Table} table
 * @param {string[]} fields
 */
function buildSlide(table, fields) {
  const id = viewIds("cfx-slide", nextViewNumber("explorer"));
  /** @type {Record<string, HTMLSelectElement>} */
  const selects = {};
  /** @type {Record<string, HTMLLabelElement>} */
  const labels = {};
  const form = element("form", { class: "cfx-slide-controls", "aria-label": "Describe the calcification" });
  for (const field of fields) {
    selects[field] = element("select", { name: field, id: id(field) });
    if (field !== "result") fill(selects[field], table.choices[field]);
    labels[field] = element("label", { for: id(field) }, fieldLabel(field, ""));
    form.append(element("div", { class: "cf-field" }, labels[field], selects[field]));
  }
  const answer = element("p", { class: "cfx-slide-answer", role: "status", "aria-live": "polite" });
  const figure = element("figure", { class: "cfx-slide-path cf-path-chart cf-has-path",
    "data-calcflow": "slide-path" });
  const root = element("div", { class: "calcflow-explorer cf-widget cfx-slide", "data-calcflow": "explorer",
    "data-layout": "slide" },
  element("div", { class: "cfx-slide-side" }, element("p", { class: "cf-disclaimer" }, DISCLAIMER), form, answer),
  figure);
  return { fields, selects, labels, form, answer, figure, root };
}

/** @typedef {ReturnType<typeof buildSlide>} Slide */

/**
 * Show `choice`: the menus set to it, the category, and the path drawn for it (or why there is none).
 * @param {Slide} slide
 * @param {Table} table
 * @param {Record<string, string>} paths
 * @param {Choice} choice
 */
function showSlide(slide, table, paths, choice) {
  const { fields, selects, labels, answer, figure } = slide;
  const system = choice.system || "";
  if (selects.result && selects.result.dataset.system !== system) {
    fill(selects.result, resultOptions(table, system));
    selects.result.dataset.system = system;
    labels.result.textContent = fieldLabel("result", system);
  }
  for (const field of fields) selects[field].value = choice[field] || "";
  const outcome = lookup(table, choice);
  if (outcome.refused || !outcome.path) {
    answer.replaceChildren(element("strong", {}, "This combination cannot occur. "), outcome.refused || "");
    figure.replaceChildren();
    figure.dataset.path = "";
    return;
  }
  answer.replaceChildren(...categoryLine(table, system, outcome));
  const svg = paths[`${system}:${outcome.path.join(" ")}`];
  figure.dataset.path = outcome.path.join(" ");
  figure.innerHTML = svg || "";
  if (!svg) figure.append(element("p", { class: "cfx-note" }, "This path was not drawn for the slide."));
}

/**
 * The choice the menus show, the inputs without a menu kept from the model.
 * @param {Slide} slide
 * @param {Choice} current
 * @returns {Choice}
 */
function chosen(slide, current) {
  /** @type {Choice} */
  const choice = { ...current };
  for (const field of slide.fields) choice[field] = slide.selects[field].value;
  for (const field of OPTIONAL) choice[field] = choice[field] || null;
  return choice;
}

/**
 * anywidget's render, and the static host's, for the slide layout.
 * @param {{model: Model, el: HTMLElement}} props
 * @returns {() => void} the cleanup
 */
export function renderSlide({ model, el }) {
  /** @type {Table} */
  const table = model.get("table");
  const slide = buildSlide(table, model.get("fields"));
  const show = () => showSlide(slide, table, model.get("paths"), model.get("choice"));
  const unlisten = listenAll([
    [slide.form, "change", (event) => {
      const choice = chosen(slide, model.get("choice"));
      if (/** @type {HTMLSelectElement} */ (event.target).name === "system") clearForeignResult(table, choice);
      showSlide(slide, table, model.get("paths"), choice);
      model.set("choice", choice);
      model.save_changes();
    }],
    [slide.form, "keydown", (event) => {
      if (MENU_KEYS.has(/** @type {KeyboardEvent} */ (event).key)) event.stopPropagation();
    }],
  ]);
  model.on("change:choice", show);
  model.on("change:paths", show);
  el.replaceChildren(slide.root);
  show();
  slide.root.dataset.ready = "true";
  return () => {
    model.off("change:choice", show);
    model.off("change:paths", show);
    unlisten();
    slide.root.remove();
  };
}
