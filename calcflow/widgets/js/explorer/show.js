// @ts-check
// What an explorer shows: the chart of the chosen system, a step's details, the answer for a choice; presenting, the
// path revealed step by step; a change of menu, shown and sent to the model.

import { routeLabel, scrollToPath } from "../shared/chart.js";
import { element } from "../shared/dom.js";
import { pathStrip } from "../shared/pathstrip.js";
import { numberKeys } from "../shared/present.js";
import { answerView, refusalView, ruleItems, stepDetails, transcriptItems } from "./answer.js";
import { drawPath, prepareChart } from "./flowchart.js";
import { lookup } from "./lookup.js";
import { chosen, clearForeignResult, showChoice } from "./menus.js";
import { CHART_HELP, fieldLabel, stepLabel } from "./words.js";

/** @typedef {import("../shared/chart.js").Chart} Chart */
/** @typedef {import("./lookup.js").Choice} Choice */
/** @typedef {import("./lookup.js").Outcome} Outcome */
/** @typedef {import("./view.js").View} View */

/**
 * The chart on show is always defined once the view has shown a choice.
 * @param {View} view
 * @returns {Chart}
 */
export function chartOf(view) {
  return /** @type {Chart} */ (view.chart);
}

/**
 * @param {View} view
 * @param {string} system
 */
function showChart(view, system) {
  if (view.chart && view.chart.system === system) return;
  if (!view.charts[system]) {
    view.charts[system] = prepareChart(view.model.get("svgs")[system], view.table, system, view.token);
    view.charts[system].svg.setAttribute("aria-describedby", view.chartHelp.id);
  }
  view.chart = view.charts[system];
  view.chartBox.replaceChildren(view.chart.svg);
}

/**
 * Open a step's details (null: close them).
 * @param {View} view
 * @param {string | null} stepId
 */
export function showDetails(view, stepId) {
  const chart = chartOf(view);
  const open = stepId !== null && chart.nodes.has(stepId);
  view.selectedStep = open ? stepId : null;
  for (const [nodeId, group] of chart.nodes) group.classList.toggle("selected", nodeId === view.selectedStep);
  view.details.classList.toggle("cfx-open", open);
  view.closeButton.hidden = !open;
  view.detailsBody.replaceChildren(...(stepId !== null && open
    ? stepDetails(view.table, stepId, chart.system, view.path)
    : [element("p", { class: "cfx-note" }, CHART_HELP)]));
}

/**
 * @param {View} view
 * @param {Choice} choice
 * @param {Outcome} outcome
 */
function showOutcome(view, choice, outcome) {
  showChoice(view, choice);
  showChart(view, choice.system || "");
  view.path = outcome.path || [];
  view.root.classList.toggle("cfx-refused", Boolean(outcome.refused));
  if (outcome.refused) {
    view.summary.replaceChildren(...refusalView(outcome));
    view.transcript.replaceChildren();
    view.transcript.hidden = true;
    view.transcriptNote.textContent = "No path: this combination cannot occur.";
    view.rules.replaceChildren();
  } else {
    view.summary.replaceChildren(...answerView(view.table, choice, outcome));
    view.transcript.hidden = false;
    view.transcriptNote.textContent = `${view.path.length} steps, from the first mammogram to where this finding `
      + "goes next.";
    view.transcript.replaceChildren(...transcriptItems(view.table, view.path, choice.system || ""));
    view.rules.replaceChildren(...ruleItems(view.table, outcome.rules || []));
  }
  view.chartBox.classList.toggle("cf-has-path", view.path.length > 0);
  if (view.walk !== null) walkTo(view, view.walk); // presenting: the same number of steps of the new path
  else {
    drawPath(chartOf(view), view.table, view.path);
    showDetails(view, view.selectedStep); // its place on the path may have changed, or this chart lacks the step
    scrollToPath(view.chartBox, chartOf(view), view.path); // the chart is larger than its box: bring the path in
  }
}

/**
 * Presenting: reveal the first `count` steps of the path; null shows the whole path again (not presenting).
 * @param {View} view
 * @param {number | null} count
 */
export function walkTo(view, count) {
  const chart = chartOf(view);
  if (count === null) {
    view.walk = null;
    view.strip.replaceChildren();
    drawPath(chart, view.table, view.path);
    showDetails(view, null);
    scrollToPath(view.chartBox, chart, view.path);
    return;
  }
  const path = view.path;
  const walk = (view.walk = Math.max(0, Math.min(count, path.length)));
  drawPath(chart, view.table, path.slice(0, walk));
  const stepId = path[walk - 1];
  showDetails(view, stepId || null);
  markMenu(view);
  view.strip.replaceChildren(pathStrip({
    steps: path.slice(0, walk),
    label: (step) => stepLabel(view.table, step, chart.system),
    route: (from, to) => routeLabel(chart, from, to),
    pending: path.length - walk,
    name: "The path so far",
  }));
  const menu = `${fieldLabel(view.currentMenu, chart.system)}: ${numberKeys(view.selects[view.currentMenu].options.length)} choose`;
  view.present.setStatus(!path.length ? `No path for this combination. ${menu}.`
    : walk === 0 ? `Press → to follow the path (${path.length} steps). ${menu}.`
      : `Step ${walk} of ${path.length}: ${stepLabel(view.table, stepId, chart.system)}. ${menu}.`);
}

/**
 * Presenting: the number keys choose the nth option of the current menu.
 * @param {View} view
 * @param {number} number
 */
export function chooseOption(view, number) {
  const select = view.selects[view.currentMenu];
  const option = select.options[number - 1];
  if (!option || select.value === option.value) return;
  select.value = option.value;
  applyChange(view, view.currentMenu);
}

/**
 * Presenting: the menu the number keys choose in is marked, its label saying which keys (explorer.css).
 * @param {View} view
 */
export function markMenu(view) {
  for (const field of view.table.fields) {
    const current = field === view.currentMenu;
    view.selects[field].parentElement?.classList.toggle("cfx-current-menu", current);
    view.labels[field].dataset.keys = current ? numberKeys(view.selects[field].options.length) : "";
  }
}

/**
 * Show the answer for `choice`, unless it is already on show.
 * @param {View} view
 * @param {Choice} choice
 */
export function show(view, choice) {
  const key = JSON.stringify(view.table.fields.map((field) => choice[field] || ""));
  if (key === view.shown) return;
  view.shown = key;
  showOutcome(view, choice, lookup(view.table, choice));
}

/**
 * A menu changed: a change of system clears a result in the other system's words (and says so); then the answer.
 * @param {View} view
 * @param {string} field
 */
export function applyChange(view, field) {
  const choice = chosen(view);
  view.notice.textContent = field === "system" ? clearForeignResult(view.table, choice) : "";
  show(view, choice);
  view.model.set("choice", choice);
  view.model.save_changes();
}
