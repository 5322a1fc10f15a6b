// @ts-check
// The pathway explorer's front end. One module for two hosts (see shared/host.js): anywidget in JupyterLab (traits:
// table, svgs, choice), and a static page, where it renders each host of kind "explorer" with a stand-in model.
// It only displays what the exported tables say (calcflow.widgets.payloads.explorer_table); it decides nothing
// itself: an answer is two table lookups joined, exactly as calcflow.widgets.payloads.lookup does.
// Hooks other checks rely on: data-calcflow="explorer" on the root (and data-ready once interactive), one
// <select name="…"> per input of calcflow.assess (size shape pattern change system result setting history
// concordance) with the ids of `calcflow choices` as values ("" for "No result yet" and "The model's judgement"),
// class "on-path" on the flowchart's path, data-calcflow="transcript" on the transcript, data-calcflow="present" on
// the Present button, data-calcflow="path-strip" on the path laid out large while presenting, class "cfx-wide" on
// the root while the menus are beside the chart, and root.calcflowLookup(choice): this module's lookup over the
// table the page carries.
//
// Layout (explorer/fit.js, explorer.css): the menus beside the chart in a window 1200 px wide or more (in the book
// the explorer then breaks out of the text column), stacked below that. The chart is never drawn so small that its
// text is under 12 px: its box scrolls instead. A step's details open under the chart, never over it; Esc or ×
// closes them.
//
// On a lecture slide (layout "slide", Explorer.for_slides) it shows a few menus and the path drawn alone, large:
// explorer/slide.js.
//
// Presentation mode, for a lecturer: the path is revealed one step at a time, laid across the screen in large type
// (shared/pathstrip.js) beside the menus and the answer. → shows the next step on the path (its explanation in the
// details panel), ← takes it back; 1–9 choose the Nth option of the current menu — the menu that has focus, or the
// last one that had it (Tab moves on to the next menu); the menu's label says which keys.
//
// The parts, in explorer/: lookup.js (the tables and the answer), words.js (labels and sources), flowchart.js (the
// chart made operable), menus.js, answer.js (the answer panel, the path and its rules), view.js (the elements, laid
// out), fit.js (the width and the layout) and show.js (what a view shows, and the changes that redraw it). This
// module wires them to the page.

import { listenAll } from "./shared/dom.js";
import { mountStatic } from "./shared/host.js";
import { fitToPage } from "./explorer/fit.js";
import { keepingKeys } from "./shared/keys.js";
import { applyChange, chartOf, markMenu, show, showDetails, walkTo } from "./explorer/show.js";
import { renderSlide } from "./explorer/slide.js";
import { createView } from "./explorer/view.js";

/** @typedef {import("./shared/host.js").RenderProps} RenderProps */
/** @typedef {import("./explorer/view.js").View} View */

/**
 * The step whose group the event happened in, if any.
 * @param {Event} event
 * @returns {string | null}
 */
function stepFrom(event) {
  const target = /** @type {Element | null} */ (event.target);
  const group = target && target.closest ? target.closest("g.node[data-step]") : null;
  return group ? /** @type {SVGGElement} */ (group).dataset.step || null : null;
}

/**
 * @param {View} view
 * @param {string} stepId
 */
function openStep(view, stepId) {
  showDetails(view, stepId);
  keepDetailsInView(view);
}

/**
 * The details panel sits under the chart's box, never over the chart (explorer.css). Stacked on a short window its
 * top may be below the window's bottom: scroll the page just enough to show it, never its top above the window.
 * @param {View} view
 */
function keepDetailsInView(view) {
  if (view.present.active()) return;
  const panel = view.details.getBoundingClientRect();
  const below = panel.bottom - window.innerHeight;
  if (below > 0) window.scrollBy(0, Math.max(0, Math.min(below + 8, panel.top - 8)));
}

/**
 * Close the step details, focus back on the step that was open (Esc, or the × button).
 * @param {View} view
 */
function closeStep(view) {
  const group = view.selectedStep ? chartOf(view).nodes.get(view.selectedStep) : undefined;
  showDetails(view, null);
  if (group) group.focus();
}

/**
 * The view's listeners. The chart's sit on its box, so they serve whichever system's chart is shown.
 * @param {View} view
 * @returns {Array<[EventTarget, string, EventListener]>}
 */
function listeners(view) {
  return [
    [view.controls, "change", (event) => applyChange(view, /** @type {HTMLSelectElement} */ (event.target).name)],
    [view.controls, "focusin", (event) => {
      const target = /** @type {HTMLElement} */ (event.target);
      if (target.tagName !== "SELECT") return;
      view.currentMenu = /** @type {HTMLSelectElement} */ (target).name;
      markMenu(view);
      if (view.walk !== null) walkTo(view, view.walk);
    }],
    [view.closeButton, "click", () => closeStep(view)],
    // Esc closes the step details (presenting, present.js takes Esc first: it leaves the presentation).
    [view.root, "keydown", (event) => {
      if (/** @type {KeyboardEvent} */ (event).key !== "Escape" || !view.selectedStep || event.defaultPrevented) return;
      event.preventDefault();
      closeStep(view);
    }],
    [view.chartBox, "click", (event) => {
      const stepId = stepFrom(event);
      if (stepId) openStep(view, stepId);
    }],
    [view.chartBox, "keydown", (event) => {
      const key = /** @type {KeyboardEvent} */ (event).key;
      const stepId = key === "Enter" || key === " " ? stepFrom(event) : null;
      if (!stepId) return;
      event.preventDefault(); // Space would scroll the page
      openStep(view, stepId);
    }],
  ];
}

/**
 * anywidget's entry point, and the static host's.
 * @param {RenderProps} props
 * @returns {() => void} the cleanup
 */
function render({ model, el }) {
  if (model.get("layout") === "slide") return renderSlide({ model, el });
  const view = createView(model);
  const unlisten = listenAll(listeners(view));
  const onModelChange = () => show(view, model.get("choice"));
  model.on("change:choice", onModelChange);
  el.replaceChildren(view.root);
  const unfit = fitToPage(view.root);
  show(view, model.get("choice"));
  view.root.dataset.ready = "true";
  return () => {
    unfit();
    view.present.destroy();
    model.off("change:choice", onModelChange);
    unlisten();
    Reflect.deleteProperty(view.root, "calcflowLookup");
    view.root.remove();
  };
}

const widget = keepingKeys({ render });
export default widget;
mountStatic("explorer", widget);
