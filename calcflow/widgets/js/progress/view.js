// @ts-check
// The My progress page's parts: the figures with their definitions, the plots, the confusion tables, the next case
// and the tools (Export, Import, Reset). Everything from storage or a file is shown with textContent only.

import { element } from "../shared/dom.js";
import { NEXT_RULE, nextCase } from "../shared/progress.js";
import { confusion, ratios, ratioText, running } from "./metrics.js";
import { barPlot, linePlot } from "./plots.js";

/** @typedef {import("../shared/progress.js").Progress} Progress */
/** @typedef {import("../shared/progress.js").ProgressPayload} ProgressPayload */
/** @typedef {ProgressPayload & {menus: Record<string, Array<{id: string, label: string}>>}} Payload */

/**
 * @param {Payload} payload
 * @param {string} name
 * @param {string} value
 */
function label(payload, name, value) {
  if (!value) return "not described";
  return payload.menus[name].find((o) => o.id === value)?.label || value;
}

/**
 * Chosen (columns) against true (rows) for one descriptor.
 * @param {Progress} progress
 * @param {Payload} payload
 * @param {"shape" | "pattern"} name
 */
function confusionTable(progress, payload, name) {
  const table = confusion(progress, name);
  if (!table.size) return element("p", { "data-confusion": name }, `No ${name} described on a found finding yet.`);
  const chosen = [...new Set([...table.values()].flatMap((row) => [...row.keys()]))].sort();
  return element("table", { class: "cfp-confusion", "data-confusion": name },
    element("caption", {}, `${name[0].toUpperCase()}${name.slice(1)}: true (rows) against your choice (columns), `
      + "found calcifications only"),
    element("thead", {}, element("tr", {}, element("th", { scope: "col" }, "True"),
      chosen.map((c) => element("th", { scope: "col" }, label(payload, name, c))))),
    element("tbody", {}, [...table].map(([truth, row]) => element("tr", {},
      element("th", { scope: "row" }, label(payload, name, truth)),
      chosen.map((c) => element("td", { class: c === truth ? "cfp-right" : "" }, String(row.get(c) || 0)))))));
}

/**
 * A plot in a box that scrolls sideways where the widget is narrower than the plot: its type (12 px in the plot's
 * own units) is never drawn smaller (progress.css). Focusable, so that the keyboard can scroll it too.
 * @param {SVGElement} plot
 * @param {string} name
 */
function plotBox(plot, name) {
  return element("div", { class: "cfp-plot-box", role: "region", "aria-label": name, tabindex: "0" }, plot);
}

/**
 * Everything that depends on the stored progress.
 * @param {Progress} progress
 * @param {Payload} payload
 */
export function summary(progress, payload) {
  const rs = ratios(progress);
  const { decisions, found } = running(progress);
  const next = nextCase(progress, payload);
  const number = payload.cases.findIndex((c) => c.id === next) + 1;
  return [
    element("p", { class: "cfp-read", "data-metric": "read" }, `Cases read: ${progress.readings.length}.`),
    element("dl", { class: "cfp-metrics" }, rs.map((r) => element("div", {},
      element("dt", {}, r.label), element("dd", { "data-metric": r.id }, ratioText(r)),
      element("dd", { class: "cfp-definition" }, r.definition)))),
    plotBox(barPlot(rs), "Bar plot of your figures"),
    element("p", { class: "cfp-legend" }, "Line plot: the share of your recall decisions that were right so far "
      + "(solid) and of the calcifications you found so far (dashed), after each reading."),
    plotBox(linePlot([{ label: "recall decisions", values: decisions, cls: "cfp-decisions" },
      { label: "found", values: found, cls: "cfp-found" }]), "Line plot of your running accuracy"),
    confusionTable(progress, payload, "shape"),
    confusionTable(progress, payload, "pattern"),
    element("p", { class: "cfp-next", "data-next": next }, number ? `Practice next: case ${number}. ` : "", NEXT_RULE),
  ];
}

/**
 * The tools: Export, Import, Reset (with its confirmation) and the message line.
 * @param {(name: string) => string} id
 */
export function tools(id) {
  const exportButton = element("button", { type: "button", "data-calcflow": "progress-export" }, "Export (JSON file)");
  const importInput = element("input", { type: "file", id: id("import"), accept: ".json,application/json",
    "data-calcflow": "progress-import" });
  const resetButton = element("button", { type: "button", "data-calcflow": "progress-reset" }, "Reset…");
  const confirmButton = element("button", { type: "button", "data-calcflow": "progress-reset-confirm" },
    "Yes, delete my progress");
  const cancelButton = element("button", { type: "button" }, "Cancel");
  const confirm = element("div", { class: "cfp-confirm", role: "group", hidden: true },
    element("p", {}, "Delete every reading kept in this browser? Export first to keep a copy."),
    confirmButton, cancelButton);
  const message = element("p", { class: "cfp-message", role: "status", "data-calcflow": "progress-message" });
  const box = element("div", { class: "cfp-tools" }, exportButton,
    element("label", { for: id("import") }, "Import a progress file (replaces what is kept here): "), importInput,
    resetButton, confirm, message);
  return { box, exportButton, importInput, resetButton, confirmButton, cancelButton, confirm, message };
}
