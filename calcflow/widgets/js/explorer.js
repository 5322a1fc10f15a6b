// @ts-check
// The pathway explorer's front end. One module for two hosts (see shared/host.js): anywidget in JupyterLab (traits:
// table, svgs, choice), and a static page, where it renders each host of kind "explorer" with a stand-in model.
// It only displays what the exported tables say (calcflow.widgets.payloads.explorer_table); it decides nothing
// itself: an answer is two table lookups joined, exactly as calcflow.widgets.payloads.lookup does.
// Hooks other checks rely on: data-calcflow="explorer" on the root (and data-ready once interactive), one
// <select name="…"> per input of calcflow.assess (size shape pattern change system result setting history
// concordance) with the ids of `calcflow choices` as values ("" for "No result yet" and "The model's judgement"),
// class "on-path" on the flowchart's path, data-calcflow="transcript" on the transcript, data-calcflow="present" on
// the Present button, and root.calcflowLookup(choice): this module's lookup over the table the page carries.
//
// Presentation mode, for a lecturer: the path is revealed one step at a time. → shows the next step on the path
// (highlighted on the chart, its explanation in the details panel), ← takes it back; 1–9 choose the Nth option of
// the current menu — the menu that has focus, or the last one that had it (Tab moves on to the next menu).

import { describePath, highlightPath, parseChart } from "./shared/chart.js";
import { sourcesLine } from "./shared/cite.js";
import { element, listenAll } from "./shared/dom.js";
import { mountStatic } from "./shared/host.js";
import { presentation } from "./shared/present.js";
import { nextViewNumber, viewIds } from "./shared/views.js";

/** @typedef {import("./shared/host.js").Model} Model */
/** @typedef {import("./shared/host.js").RenderProps} RenderProps */
/** @typedef {import("./shared/chart.js").Chart} Chart */
/** @typedef {import("./shared/present.js").Presentation} Presentation */

/**
 * An option of a menu (calcflow.widgets.payloads: the choices of a field).
 * @typedef {object} Option
 * @property {string} id           "" for "No result yet" and "The model's judgement"
 * @property {string} label
 * @property {string} [description]
 * @property {string[]} [sources]
 * @property {string} [system]     a biopsy result's system
 */
/**
 * A sub-table: an outcome for every combination of `fields`, in mixed-radix order (the last field fastest).
 * @typedef {{fields: string[], index: number[], outcomes: Array<Record<string, any>>}} Part
 */
/**
 * The exported tables (calcflow.widgets.payloads.explorer_table).
 * @typedef {object} Table
 * @property {string[]} fields      the inputs, in the order of calcflow.assess
 * @property {string[]} described   inputs whose chosen option's sources belong to the answer
 * @property {Record<string, string[]>} axes
 * @property {Part} category
 * @property {Part} route
 * @property {Record<string, Option[]>} choices
 * @property {Record<string, {label: string, labels?: Record<string, string>, explanation: string, sources: string[]}>} steps
 * @property {Record<string, {statement: string, sources: string[], synthesis?: boolean, unconfirmed?: boolean}>} rules
 * @property {Record<string, {label: string, plain: string}>} categories
 * @property {Record<string, string>} birads
 * @property {Record<string, string>} rcr
 * @property {Record<string, string>} references
 */
/** @typedef {Record<string, string | null>} Choice  field → option id; null: not given */
/**
 * An answer (calcflow.widgets.payloads.lookup), or a refusal when the combination cannot occur.
 * @typedef {object} Outcome
 * @property {string} [refused]
 * @property {string} [category]
 * @property {string} [birads]
 * @property {string} [rcr]
 * @property {string} [next_step]
 * @property {string[]} [path]
 * @property {string} [route]
 * @property {string[]} [rules]
 * @property {string[]} [sources]
 * @property {string | null} [concordance]
 */

// The menus, in three groups a student recognises. A field the table has and no group names goes last.
const GROUPS = [
  { legend: "The woman", fields: ["setting", "history", "system"] },
  { legend: "What is seen", fields: ["size", "shape", "pattern", "change"] },
  { legend: "After biopsy", fields: ["result", "concordance"] },
];

/** @type {Record<string, string>} */
const FIELD_LABELS = {
  setting: "Why she had the mammogram",
  history: "Earlier breast cancer treatment",
  system: "Practice followed",
  size: "Size",
  shape: "Shape (morphology)",
  pattern: "Pattern (distribution)",
  change: "Compared with earlier mammograms",
  result: "Biopsy result",
  concordance: "Does the result explain the imaging?",
};
// The result menu speaks the chosen system's language.
/** @type {Record<string, string>} */
const RESULT_LABELS = { uk: "Biopsy result (B-code)", us: "Biopsy result (pathology report)" };
/** @type {Record<string, string>} */
const SYSTEM_WORDS = { uk: "UK", us: "US" };
const OPTIONAL = ["result", "concordance"]; // "" in a menu, null in the choice: not given

const DISCLAIMER = "For teaching, not for diagnosis.";
const CHART_HELP = "Click a step, or Tab to it and press Enter, to read what happens there and why.";
/** @type {Array<[string, string]>} */
const PRESENT_KEYS = [
  ["→", "reveal the next step of the path, with its explanation"],
  ["←", "take the last step back"],
  ["1–9", "choose that option in the current menu (Tab moves to the next menu)"],
  ["↑ ↓", "the previous or next option in the menu that has focus"],
];

// --- the answer: two lookups, joined (calcflow.widgets.payloads.lookup, line for line) ---------------------------

/**
 * One outcome of a sub-table: mixed-radix position over its fields, the last field fastest.
 * @param {Part} part
 * @param {Record<string, string[]>} axes
 * @param {Record<string, string>} values
 * @returns {Record<string, any>}
 */
function findOutcome(part, axes, values) {
  let position = 0;
  for (const field of part.fields) {
    const ids = axes[field];
    const index = ids.indexOf(values[field]);
    if (index < 0) return { refused: `unknown ${field} '${values[field]}'; choose one of: ${ids.join(", ")}` };
    position = position * ids.length + index;
  }
  return part.outcomes[part.index[position]];
}

/**
 * @template T
 * @param {T[]} items
 * @returns {T[]}
 */
function unique(items) {
  return [...new Set(items)];
}

/**
 * The category (what is seen), then the route for its BI-RADS category (where the woman is); the first refusal wins.
 * @param {Table} table
 * @param {Choice} choice
 * @returns {Outcome}
 */
function lookup(table, choice) {
  /** @type {Record<string, string>} */
  const values = {};
  for (const field of table.fields) values[field] = choice[field] || "";
  const seen = findOutcome(table.category, table.axes, values);
  if ("refused" in seen) return seen;
  const taken = findOutcome(table.route, table.axes, { ...values, birads: seen.birads });
  if ("refused" in taken) return taken;
  /** @type {string[]} */
  const rules = unique([...seen.rules, ...taken.rules]);
  /** @type {string[][]} */
  const items = [...rules.map((id) => table.rules[id].sources),
    ...taken.path.map((/** @type {string} */ id) => table.steps[id].sources)];
  for (const field of table.described) items.push(optionOf(table, field, values[field])?.sources || []);
  return {
    category: seen.category, birads: seen.birads, rcr: seen.rcr, next_step: taken.next_step, path: taken.path,
    route: taken.route, rules, sources: unique(items.flat()), concordance: taken.concordance,
  };
}

// --- words --------------------------------------------------------------------------------------------------------

/**
 * A step's name in one system's words (a shared step may be called differently in the UK and the US).
 * @param {Table} table
 * @param {string} stepId
 * @param {string} system
 */
function stepLabel(table, stepId, system) {
  const step = table.steps[stepId];
  return (step.labels && step.labels[system]) || step.label;
}

/**
 * @param {string} field
 * @param {string} system
 */
function fieldLabel(field, system) {
  return (field === "result" && RESULT_LABELS[system]) || FIELD_LABELS[field] || field;
}

/**
 * @param {Table} table
 * @param {string} field
 * @param {string | null} id
 * @returns {Option | undefined}
 */
function optionOf(table, field, id) {
  return table.choices[field].find((option) => option.id === id);
}

/**
 * The result menu: "No result yet" and the chosen system's results only.
 * @param {Table} table
 * @param {string} system
 */
function resultOptions(table, system) {
  return table.choices.result.filter((option) => !option.id || option.system === system);
}

/**
 * "Sources: Comstock et al. (2009); …", the whole citation on hover; null when there are none.
 * @param {Table} table
 * @param {string[] | undefined} keys
 * @param {string} [lead]
 */
function sources(table, keys, lead = "Sources: ") {
  return sourcesLine(table.references, keys || [], { className: "cfx-sources", lead, short: true });
}

// --- the flowchart ------------------------------------------------------------------------------------------------

/**
 * One system's chart, parsed from its SVG text and made operable: steps become named buttons.
 * @param {string} svgText
 * @param {Table} table
 * @param {string} system
 * @param {number} token  the view's number
 * @returns {Chart}
 */
function prepareChart(svgText, table, system, token) {
  const chart = parseChart(svgText, system, `${system}-${token}`);
  // The steps inside are buttons: an SVG with role="img" would hide them from assistive technology.
  chart.svg.setAttribute("role", "group");
  for (const [id, group] of chart.nodes) {
    if (!table.steps[id]) {
      chart.nodes.delete(id);
      continue;
    }
    const label = stepLabel(table, id, system);
    group.dataset.step = id;
    group.setAttribute("tabindex", "0");
    group.setAttribute("role", "button");
    group.setAttribute("aria-label", label);
    // Hovering shows the step's name, not its id; the explanation is for the details panel, not a tooltip.
    const title = group.querySelector(":scope > title");
    if (title) title.textContent = label;
    for (const link of group.querySelectorAll("a")) link.removeAttributeNS("http://www.w3.org/1999/xlink", "title");
  }
  for (const group of chart.edges.values()) {
    group.querySelector(":scope > title")?.remove(); // "from->to" is no help on hover
    group.setAttribute("aria-hidden", "true");
  }
  return chart;
}

/**
 * Highlight `path` (step ids) on a chart, and say so in its description.
 * @param {Chart} chart
 * @param {Table} table
 * @param {string[]} path
 */
function drawPath(chart, table, path) {
  highlightPath(chart, path);
  describePath(chart, path, (step) => stepLabel(table, step, chart.system));
}

// --- the controls -------------------------------------------------------------------------------------------------

/** @param {Option[]} options */
function optionElements(options) {
  return options.map((option) => element("option", { value: option.id }, option.label));
}

/**
 * The menus in their groups (<fieldset> with a <legend>), each with its label and a hint (the option's description).
 * @param {Table} table
 * @param {(name: string) => string} id
 */
function buildControls(table, id) {
  /** @type {Record<string, HTMLSelectElement>} */
  const selects = {};
  /** @type {Record<string, HTMLElement>} */
  const hints = {};
  /** @type {Record<string, HTMLLabelElement>} */
  const labels = {};
  const grouped = GROUPS.map((group) => ({ ...group, fields: group.fields.filter((f) => table.fields.includes(f)) }));
  const named = new Set(grouped.flatMap((group) => group.fields));
  const rest = table.fields.filter((field) => !named.has(field));
  if (rest.length) grouped.push({ legend: "More", fields: rest });
  const form = element("form", { class: "cfx-controls", "aria-label": "Describe the woman and the calcification" });
  for (const group of grouped.filter((g) => g.fields.length)) {
    const fieldset = element("fieldset", { class: "cfx-group" }, element("legend", {}, group.legend));
    for (const field of group.fields) {
      const options = field === "result" ? [] : optionElements(table.choices[field]);
      selects[field] = element("select", { name: field, id: id(field) }, options);
      hints[field] = element("span", { class: "cfx-hint", id: id(`${field}-hint`) });
      labels[field] = element("label", { for: id(field) }, FIELD_LABELS[field] || field);
      selects[field].setAttribute("aria-describedby", hints[field].id);
      fieldset.append(element("div", { class: "cfx-control cf-field" }, labels[field], selects[field], hints[field]));
    }
    form.append(fieldset);
  }
  return { form, selects, hints, labels };
}

/**
 * What a change of system does to a result in the other system's words: clear it (and the concordance judged on
 * it), and say so. Returns the sentence for the live region, or "" when nothing was cleared.
 * @param {Table} table
 * @param {Choice} choice  changed in place
 */
function clearForeignResult(table, choice) {
  const result = choice.result ? optionOf(table, "result", choice.result) : undefined;
  const system = choice.system || "";
  if (!result || !result.system || result.system === system) return "";
  choice.result = null;
  let told = `The result "${result.label}" is ${SYSTEM_WORDS[result.system] || result.system} wording, so it was `
    + `cleared (No result yet): choose one of the ${SYSTEM_WORDS[system] || system} results.`;
  if (choice.concordance) {
    const concordance = optionOf(table, "concordance", choice.concordance);
    choice.concordance = null;
    told += ` The concordance "${concordance ? concordance.label : ""}" was cleared with it.`;
  }
  return told;
}

// --- the answer panel ---------------------------------------------------------------------------------------------

/** @param {Outcome} outcome */
function refusalView(outcome) {
  return [
    element("p", { class: "cfx-refusal-title" }, "This combination cannot occur"),
    element("p", { class: "cfx-refusal" }, outcome.refused),
    element("p", { class: "cfx-note" }, "Change one of the choices above to see a path."),
  ];
}

/**
 * @param {import("./shared/dom.js").Attributes} attributes
 * @param {string} term
 * @param {...import("./shared/dom.js").Child} description
 */
function entry(attributes, term, ...description) {
  return element("div", attributes, element("dt", {}, term), element("dd", {}, ...description));
}

/**
 * @param {Table} table
 * @param {Choice} choice
 * @param {Outcome} outcome
 */
function answerView(table, choice, outcome) {
  const code = outcome.category || "";
  const category = table.categories[code] || { label: code, plain: "" };
  const judged = outcome.concordance ? optionOf(table, "concordance", outcome.concordance) : undefined;
  return [element("dl", {},
    entry({ class: `cfx-category cfx-category-${code}` }, "Category (the leaflet's word)",
      element("strong", {}, category.label), " — ", category.plain),
    entry({}, "BI-RADS (US)",
      element("strong", {}, outcome.birads), " — ", table.birads[outcome.birads || ""] || ""),
    entry({}, "RCR M-score (UK)",
      element("strong", {}, outcome.rcr), " — ", table.rcr[outcome.rcr || ""] || ""),
    judged ? entry({ class: "cfx-concordance" }, "Does the result explain the imaging?",
      element("strong", {}, judged.label), " — ",
      choice.concordance ? "as you chose" : "the model's judgement for this result and category") : null,
    entry({ class: "cfx-next" }, "Next step", outcome.next_step))];
}

/**
 * @param {Table} table
 * @param {string[]} path
 * @param {string} system
 */
function transcriptItems(table, path, system) {
  return path.map((stepId) => element("li", { "data-step": stepId },
    element("span", { class: "cfx-step-label" }, stepLabel(table, stepId, system)), " ",
    sources(table, table.steps[stepId].sources, "— ")));
}

/**
 * @param {Table} table
 * @param {string[]} ruleIds
 */
function ruleItems(table, ruleIds) {
  return ruleIds.map((ruleId) => {
    const rule = table.rules[ruleId];
    return element("li", { "data-rule": ruleId },
      rule.statement, " ",
      rule.synthesis ? element("span", { class: "cf-synthesis" }, "This book's simplification") : null,
      rule.synthesis && rule.unconfirmed ? " " : null,
      rule.unconfirmed ? element("span", { class: "cf-unconfirmed" }, "Sources differ or are incomplete") : null,
      " ", sources(table, rule.sources));
  });
}

/**
 * @param {Table} table
 * @param {string} stepId
 * @param {string} system
 * @param {string[]} path
 */
function stepDetails(table, stepId, system, path) {
  const step = table.steps[stepId];
  const position = path.indexOf(stepId);
  return [
    element("h3", {}, stepLabel(table, stepId, system)),
    element("p", { class: "cfx-where" }, position >= 0
      ? `Step ${position + 1} of ${path.length} on the current path.`
      : "Not on the current path."),
    element("p", {}, step.explanation),
    element("p", {}, sources(table, step.sources)),
  ];
}

// --- the view -----------------------------------------------------------------------------------------------------

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

/**
 * The explorer's elements, laid out, for one view.
 * @param {Model} model
 * @returns {View}
 */
function createView(model) {
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
 * The menus and the answer beside the chart, the path and its rules below.
 * @param {View} view
 */
function layout(view) {
  const { id } = view;
  return [
    element("div", { class: "cfx-layout" },
      element("div", { class: "cfx-side" }, view.controls, view.notice, view.summary),
      element("div", { class: "cfx-chart-area" }, view.chartHelp, view.chartBox, view.details)),
    element("div", { class: "cfx-below" },
      element("div", { class: "cfx-path", role: "region", "aria-labelledby": id("path-heading") },
        element("h3", { id: id("path-heading") }, "The path, step by step"), view.transcriptNote, view.transcript),
      element("div", { class: "cfx-why", role: "region", "aria-labelledby": id("rules-heading") },
        element("h3", { id: id("rules-heading") }, "Why: the rules that applied"), view.rules)),
  ];
}

/**
 * The chart on show is always defined once the view has shown a choice.
 * @param {View} view
 * @returns {Chart}
 */
function chartOf(view) {
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
function showDetails(view, stepId) {
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
 * The menus show `choice`: the result menu offers the chosen system's results; each menu's hint describes its value.
 * @param {View} view
 * @param {Choice} choice
 */
function showChoice(view, choice) {
  const { table, selects, hints, labels } = view;
  const system = choice.system || "";
  if (selects.result.dataset.system !== system) {
    selects.result.replaceChildren(...optionElements(resultOptions(table, system)));
    selects.result.dataset.system = system;
    labels.result.textContent = fieldLabel("result", system);
  }
  for (const field of table.fields) {
    const value = choice[field] || "";
    if (selects[field].value !== value) selects[field].value = value;
    const option = optionOf(table, field, value);
    hints[field].replaceChildren(...(option && option.description
      ? [option.description, " ", sources(table, option.sources) || ""] : []));
  }
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
  }
}

/**
 * Presenting: reveal the first `count` steps of the path; null shows the whole path again (not presenting).
 * @param {View} view
 * @param {number | null} count
 */
function walkTo(view, count) {
  const chart = chartOf(view);
  if (count === null) {
    view.walk = null;
    drawPath(chart, view.table, view.path);
    showDetails(view, null);
    return;
  }
  const path = view.path;
  const walk = (view.walk = Math.max(0, Math.min(count, path.length)));
  drawPath(chart, view.table, path.slice(0, walk));
  const stepId = path[walk - 1];
  showDetails(view, stepId || null);
  if (stepId) chart.nodes.get(stepId)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  const keys = Math.min(9, view.selects[view.currentMenu].options.length);
  const menu = `${fieldLabel(view.currentMenu, chart.system)}: keys 1–${keys} choose`;
  view.present.setStatus(!path.length ? `No path for this combination. ${menu}.`
    : walk === 0 ? `Press → to follow the path (${path.length} steps). ${menu}.`
      : `Step ${walk} of ${path.length}: ${stepLabel(view.table, stepId, chart.system)}. ${menu}.`);
}

/**
 * Presenting: the number keys choose the nth option of the current menu.
 * @param {View} view
 * @param {number} number
 */
function chooseOption(view, number) {
  const select = view.selects[view.currentMenu];
  const option = select.options[number - 1];
  if (!option || select.value === option.value) return;
  select.value = option.value;
  applyChange(view, view.currentMenu);
}

/** @param {View} view */
function markMenu(view) {
  for (const field of view.table.fields) {
    view.selects[field].parentElement?.classList.toggle("cfx-current-menu", field === view.currentMenu);
  }
}

/**
 * Show the answer for `choice`, unless it is already on show.
 * @param {View} view
 * @param {Choice} choice
 */
function show(view, choice) {
  const key = JSON.stringify(view.table.fields.map((field) => choice[field] || ""));
  if (key === view.shown) return;
  view.shown = key;
  showOutcome(view, choice, lookup(view.table, choice));
}

/**
 * The choice the menus show.
 * @param {View} view
 * @returns {Choice}
 */
function chosen(view) {
  /** @type {Choice} */
  const choice = {};
  for (const field of view.table.fields) choice[field] = view.selects[field].value;
  for (const field of OPTIONAL) choice[field] = choice[field] || null;
  return choice;
}

/**
 * A menu changed: a change of system clears a result in the other system's words (and says so); then the answer.
 * @param {View} view
 * @param {string} field
 */
function applyChange(view, field) {
  const choice = chosen(view);
  view.notice.textContent = field === "system" ? clearForeignResult(view.table, choice) : "";
  show(view, choice);
  view.model.set("choice", choice);
  view.model.save_changes();
}

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
  keepClear(view, stepId);
}

/**
 * The details panel may float over the bottom of the chart (see explorer.css): keep the step in use clear of it.
 * @param {View} view
 * @param {string | null} stepId
 */
function keepClear(view, stepId) {
  const group = stepId ? chartOf(view).nodes.get(stepId) : undefined;
  if (!group || getComputedStyle(view.details).position !== "sticky") return;
  const overlap = group.getBoundingClientRect().bottom - view.details.getBoundingClientRect().top;
  if (overlap > 0) window.scrollBy(0, overlap + 12);
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
    [view.closeButton, "click", () => {
      const group = view.selectedStep ? chartOf(view).nodes.get(view.selectedStep) : undefined;
      showDetails(view, null);
      if (group) group.focus();
    }],
    [view.chartBox, "focusin", (event) => keepClear(view, stepFrom(event))],
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
  const view = createView(model);
  const unlisten = listenAll(listeners(view));
  const onModelChange = () => show(view, model.get("choice"));
  model.on("change:choice", onModelChange);
  el.replaceChildren(view.root);
  show(view, model.get("choice"));
  view.root.dataset.ready = "true";
  return () => {
    view.present.destroy();
    model.off("change:choice", onModelChange);
    unlisten();
    Reflect.deleteProperty(view.root, "calcflowLookup");
    view.root.remove();
  };
}

const widget = { render };
export default widget;
mountStatic("explorer", widget);
