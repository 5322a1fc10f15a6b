// @ts-check
// The reader (reading practice): open a case, find the calcifications on its two views, mark and describe them, give
// the breast a category and a next step, submit, and see the feedback. One module for two hosts (shared/host.js):
// anywidget in JupyterLab (traits: payload, case, requested, images, result), and a static page, where the state
// carries image_base (the site's reading/ folder) instead of images.
// It compares marks with the findings' circles and chosen words with the truth; every answer comes in the payload
// (calcflow.widgets.reader_payload), none is worked out here.
// Hooks other checks rely on: data-calcflow="reader" on the root (data-ready once interactive),
// <select data-calcflow="reader-case"> (values: case ids), data-calcflow="reader-image" on the image (data-loaded
// once its image has loaded), data-calcflow="reader-submit", and data-calcflow="reader-result" with data-hits,
// data-misses and data-false-marks after Submit.
//
// The parts, in reader/: score.js (types and the comparison), view.js (the elements), stage.js (pan, zoom, magnifier,
// tone), marks.js (marks, overlay, descriptions), input.js (pointer and keyboard), show.js (cases, views, images) and
// feedback.js (the result); practice.js adds endless practice where a kernel is there (JupyterLab): a new case from a
// seed, made and drawn by the kernel (traits practice_request, practice, practice_error), with
// data-calcflow="reader-practice-seed" and "reader-practice-new"; a static page shows no such control.
//
// Progress (shared/progress.js): each submitted reading of a test-set case is recorded in this browser's localStorage —
// not while presenting (a lecturer's demonstration), and never for a practice case (not in the test set: the stored
// progress, checked against the test set, would no longer load) — and "Practice: next case" opens the case its
// spaced-repetition rule chooses (data-calcflow="reader-practice"); the root carries data-recorded, the readings
// recorded by this view.

import { listenAll } from "./shared/dom.js";
import { mountStatic } from "./shared/host.js";
import { keepingKeys } from "./shared/keys.js";
import { presentation } from "./shared/present.js";
import { loadProgress, nextCase, readingRecord, recordReading } from "./shared/progress.js";
import { clearResult, submitReading } from "./reader/feedback.js";
import { imageKey, newGesture, pointerDown, pointerMove, pointerUp, wheel, zoomKey } from "./reader/input.js";
import { removeMark } from "./reader/marks.js";
import { mountPractice, practiceListeners } from "./reader/practice.js";
import { openCase, placeImage, redraw, showView } from "./reader/show.js";
import { resetView, setTone, showLens } from "./reader/stage.js";
import { createView } from "./reader/view.js";

/** @typedef {import("./shared/host.js").RenderProps} RenderProps */
/** @typedef {import("./reader/view.js").Reader} Reader */

/**
 * The marks changed: a result shown no longer matches them.
 * @param {Reader} r
 */
function marksChanged(r) {
  clearResult(r);
  redraw(r);
}

/**
 * A change in the list of marks (a menu) or the case's answer.
 * @param {Reader} r
 * @param {Event} event
 */
function onListChange(r, event) {
  const menu = /** @type {HTMLSelectElement} */ (event.target);
  const index = Number(menu.dataset.mark);
  const name = /** @type {"size" | "shape" | "pattern" | undefined} */ (menu.dataset.field);
  if (!name || !r.marks[index]) return;
  r.marks[index][name] = menu.value;
  r.selected = index;
  clearResult(r);
  redraw(r);
  /** @type {HTMLElement | null} */ (r.markList.querySelector(`#${CSS.escape(menu.id)}`))?.focus();
}

/**
 * @param {Reader} r
 * @param {Event} event
 */
function onToolClick(r, event) {
  const button = /** @type {HTMLElement} */ (event.target).closest("button");
  if (!button) return;
  if (button.dataset.zoom === "reset") resetView(r.stage);
  else if (button.dataset.zoom) zoomKey(r, button.dataset.zoom === "in" ? 1.25 : 0.8);
}

/**
 * @param {Reader} r
 * @param {KeyboardEvent} event
 */
function onImageKey(r, event) {
  const changed = imageKey(r, event);
  if (changed === null) return;
  event.preventDefault();
  if (changed) marksChanged(r);
}

/**
 * @param {Reader} r
 * @param {import("./shared/present.js").Presentation} present
 * @returns {Array<[EventTarget, string, EventListener]>}
 */
function listeners(r, present) {
  const g = newGesture();
  const viewport = r.stage.viewport;
  const pointer = (/** @type {(r: Reader, g: any, e: PointerEvent) => any} */ handler) =>
    /** @type {EventListener} */ ((event) => handler(r, g, /** @type {PointerEvent} */ (event)));
  return [
    [r.chooser, "change", () => openCase(r, r.chooser.value)],
    [r.viewSwitch, "click", (e) => {
      const view = /** @type {HTMLElement} */ (e.target).closest("button")?.dataset.view;
      if (view) showView(r, view);
    }],
    [r.tools, "click", (e) => onToolClick(r, e)],
    [r.tools, "input", () => setTone(r.stage, Number(r.brightness.value), Number(r.contrast.value))],
    [r.lensToggle, "change", () => showLens(r.stage, r.lensToggle.checked ? r.cursor : null)],
    [viewport, "pointerdown", pointer(pointerDown)],
    [viewport, "pointermove", pointer(pointerMove)],
    [viewport, "pointerup", pointer((rr, gg, e) => pointerUp(rr, gg, e) && marksChanged(rr))],
    [viewport, "pointercancel", pointer((_, gg, e) => gg.pointers.delete(e.pointerId))],
    [viewport, "pointerleave", () => showLens(r.stage, null)],
    [viewport, "wheel", (e) => wheel(r, /** @type {WheelEvent} */ (e))],
    [viewport, "keydown", (e) => onImageKey(r, /** @type {KeyboardEvent} */ (e))],
    [r.stage.image, "load", () => { r.stage.image.dataset.loaded = "true"; redraw(r); }],
    [r.markList, "change", (e) => onListChange(r, e)],
    [r.markList, "click", (e) => {
      const index = /** @type {HTMLElement} */ (e.target).closest("button")?.dataset.remove;
      if (index !== undefined) { removeMark(r, Number(index)); marksChanged(r); }
    }],
    [r.submit, "click", () => { submitReading(r); record(r, present); redraw(r); }],
    [r.practice, "click", () => openCase(r, nextCase(loadProgress(r.payload), r.payload))],
  ];
}

/**
 * Record the reading just submitted, unless presenting or it is a practice case's.
 * @param {Reader} r
 * @param {import("./shared/present.js").Presentation} present
 */
function record(r, present) {
  if (!r.item || !r.score || present.active() || r.item.practice) return;
  recordReading(readingRecord(r.item, r.marks, r.score.firstMark, r.score.falseMarks, r.scoreMenu.value), r.payload);
  r.root.dataset.recorded = String(Number(r.root.dataset.recorded || 0) + 1);
}

/**
 * Presentation mode: → and ← step through the cases, a number opens that case.
 * @param {Reader} r
 */
function presenter(r) {
  const ids = r.payload.cases.map((c) => c.id);
  const step = (/** @type {number} */ by) => {
    const at = r.item ? ids.indexOf(r.item.id) : -1;
    openCase(r, ids[Math.min(ids.length - 1, Math.max(0, at + by))]);
  };
  return presentation({
    root: r.root,
    keys: [["→", "next case"], ["←", "previous case"], ["1–9", "case 1 to 9"]],
    next: () => step(1),
    back: () => step(-1),
    choose: (n) => { if (ids[n - 1]) openCase(r, ids[n - 1]); },
  });
}

/**
 * anywidget's entry point, and the static host's.
 * @param {RenderProps} props
 * @returns {() => void} the cleanup
 */
function render({ model, el }) {
  const r = createView(model);
  const present = presenter(r);
  r.header.append(present.bar);
  const unmountPractice = mountPractice(r);
  const unlisten = listenAll([...listeners(r, present), ...practiceListeners(r)]);
  const onImages = () => placeImage(r);
  model.on("change:images", onImages);
  el.replaceChildren(r.root);
  openCase(r, model.get("case") || "");
  r.root.dataset.ready = "true";
  return () => {
    model.off("change:images", onImages);
    unmountPractice();
    unlisten();
    present.destroy();
    r.root.remove();
  };
}

const widget = keepingKeys({ render });
export default widget;
mountStatic("reader", widget);
