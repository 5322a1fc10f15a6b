// @ts-check
// Opening a case and a view, and fetching the view's image only then: on a static page from the site's reading/
// folder (the state's image_base), in JupyterLab from the kernel (the model's `requested` and `images` traits). A case
// is one of the test set's or, live, one of the practice cases the kernel made (`practice`, reader/practice.js), whose
// views the kernel draws when asked — a few seconds each, said meanwhile above the image.

import { element } from "../shared/dom.js";
import { clearResult } from "./feedback.js";
import { drawList, drawOverlay } from "./marks.js";
import { resetView, setSize, showLens } from "./stage.js";

/** @typedef {import("./view.js").Reader} Reader */
/** @typedef {import("./score.js").ReadingCase} ReadingCase */
/** @typedef {import("../shared/host.js").Model} Model */

/**
 * The practice cases the kernel has made, oldest first (none on a static page).
 * @param {Model} model
 * @returns {ReadingCase[]}
 */
export function practiceCases(model) {
  const list = model.get("practice");
  return Array.isArray(list) ? list : [];
}

/**
 * A case of the test set or a practice case, by id.
 * @param {Reader} r
 * @param {string} caseId
 * @returns {ReadingCase | null}
 */
export function caseById(r, caseId) {
  return r.payload.cases.find((c) => c.id === caseId) || practiceCases(r.model).find((c) => c.id === caseId) || null;
}

/**
 * Say above the image that its view is on its way (false: that it is here).
 * @param {Reader} r
 * @param {boolean} waiting
 */
export function waitFor(r, waiting) {
  r.wait.hidden = !waiting;
  r.wait.textContent = !waiting ? "" : r.item?.practice
    ? "Drawing the case… each view of a new practice case takes a few seconds to draw."
    : "Loading the image…";
  if (waiting) r.root.dataset.drawing = "true";
  else delete r.root.dataset.drawing;
}

/**
 * The image's name: <case>-<view>.png in the site's reading/ folder, "<case>-<view>" for the kernel.
 * @param {Reader} r
 */
function imageKey(r) {
  return r.item ? `${r.item.id}-${r.view}` : "";
}

/**
 * Put the open view's image on the stage, if it has arrived.
 * @param {Reader} r
 */
export function placeImage(r) {
  const key = imageKey(r);
  if (!key) return;
  const base = r.model.get("image_base");
  const images = /** @type {Record<string, string>} */ (r.model.get("images") || {});
  const source = typeof base === "string" && base ? `${base}${key}.png` : images[key];
  const image = r.stage.image;
  if (!source) {
    waitFor(r, true);
    r.model.set("requested", key);
    r.model.save_changes();
    return;
  }
  if (image.dataset.key === key) return;
  waitFor(r, false);
  image.dataset.key = key;
  image.dataset.loaded = "false";
  image.src = source;
}

/**
 * Redraw what depends on the marks and the view.
 * @param {Reader} r
 */
export function redraw(r) {
  drawOverlay(r);
  drawList(r);
}

/**
 * Show one view (cc | mlo) of the open case.
 * @param {Reader} r
 * @param {string} view
 */
export function showView(r, view) {
  if (!r.item) return;
  r.view = view;
  r.cursor = null;
  for (const button of r.viewSwitch.querySelectorAll("button")) {
    button.setAttribute("aria-pressed", String(button.dataset.view === view));
  }
  const side = r.item.side === "left" ? "left" : "right";
  r.stage.image.alt = `${view.toUpperCase()} view of the ${side} breast, drawn for practice.`;
  setSize(r.stage, r.item.views[view]);
  showLens(r.stage, null);
  placeImage(r);
  redraw(r);
}

/**
 * Fill a menu with a placeholder and options.
 * @param {HTMLSelectElement} menu
 * @param {string} placeholder
 * @param {Array<{id: string, label: string}>} options
 */
function fillMenu(menu, placeholder, options) {
  menu.replaceChildren(element("option", { value: "" }, placeholder),
    ...options.map((o) => element("option", { value: o.id }, o.label)));
}

/**
 * Open a case ("" closes it): no marks, no result, the CC view.
 * @param {Reader} r
 * @param {string} caseId
 */
export function openCase(r, caseId) {
  r.item = caseById(r, caseId);
  r.chooser.value = r.item ? r.item.id : "";
  r.marks = [];
  r.selected = -1;
  clearResult(r);
  r.work.hidden = !r.item;
  waitFor(r, false);
  if (!r.item) return;
  const system = r.item.system;
  fillMenu(r.scoreMenu, system === "uk" ? "Choose an M-score…" : "Choose a BI-RADS category…",
    r.payload.menus.score[system]);
  fillMenu(r.nextMenu, "Choose the next step…", r.payload.menus.next[system]);
  r.status.textContent = `${system === "uk" ? "UK practice (NHS screening)" : "US practice (BI-RADS)"}, `
    + `${r.item.side} breast. Find the calcifications on both views.`;
  r.stage.image.removeAttribute("src");
  delete r.stage.image.dataset.key;
  showView(r, "cc");
  resetView(r.stage);
}
