// The pathway explorer's front end: one ES module for two hosts.
//   JupyterLab: anywidget calls render({model, el}) with the kernel's model (traits: table, svgs, choice).
//   Static book: calcflow/widgets/standalone.py inlines this file and calls render() with a stand-in model.
// It only displays what the exported tables say (calcflow.export.explorer_table); it decides nothing itself: an
// answer is two table lookups joined, exactly as calcflow.export.lookup does.
// Hooks other checks rely on: data-calcflow="explorer" on the root (and data-ready once interactive), one
// <select name="…"> per input of calcflow.assess (size shape pattern change system result setting history
// concordance) with the ids of `calcflow choices` as values ("" for "No result yet" and "The model's judgement"),
// class "on-path" on the flowchart's path, data-calcflow="transcript" on the transcript, data-calcflow="present" on
// the Present button, and root.calcflowLookup(choice): this module's lookup over the table the page carries.
// Python appends the shared code this module calls — element() (dom.js) and presentation() (present.js) — when it
// loads the module (calcflow.widgets.standalone.module_source).
//
// Presentation mode, for a lecturer: the path is revealed one step at a time. → shows the next step on the path
// (highlighted on the chart, its explanation in the details panel), ← takes it back; 1–9 choose the Nth option of
// the current menu — the menu that has focus, or the last one that had it (Tab moves on to the next menu).

// The menus, in three groups a student recognises. A field the table has and no group names goes last.
const GROUPS = [
  { legend: "The woman", fields: ["setting", "history", "system"] },
  { legend: "What is seen", fields: ["size", "shape", "pattern", "change"] },
  { legend: "After biopsy", fields: ["result", "concordance"] },
];

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
const RESULT_LABELS = { uk: "Biopsy result (B-code)", us: "Biopsy result (pathology report)" };
const SYSTEM_WORDS = { uk: "UK", us: "US" };
const OPTIONAL = ["result", "concordance"]; // "" in a menu, null in the choice: not given

const DISCLAIMER = "For teaching, not for diagnosis.";
const CHART_HELP = "Click a step, or Tab to it and press Enter, to read what happens there and why.";

// Page-wide (not module-wide: each static explorer is its own module instance) so that ids stay unique
// when several explorers, or several views of one, share a page.
const VIEW_COUNTER = Symbol.for("calcflow.explorer.views");

// --- the answer: two lookups, joined (calcflow.export.lookup, line for line) --------------------------------------

// One outcome of a sub-table: mixed-radix position over its fields, the last field fastest.
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

function unique(items) {
  return [...new Set(items)];
}

// The category (what is seen), then the route for its BI-RADS category (where the woman is); the first refusal wins.
function lookup(table, choice) {
  const values = {};
  for (const field of table.fields) values[field] = choice[field] || "";
  const seen = findOutcome(table.category, table.axes, values);
  if ("refused" in seen) return seen;
  const taken = findOutcome(table.route, table.axes, { ...values, birads: seen.birads });
  if ("refused" in taken) return taken;
  const rules = unique([...seen.rules, ...taken.rules]);
  const items = [...rules.map((id) => table.rules[id].sources), ...taken.path.map((id) => table.steps[id].sources)];
  for (const field of table.described) {
    items.push(table.choices[field].find((option) => option.id === values[field]).sources);
  }
  return {
    category: seen.category, birads: seen.birads, rcr: seen.rcr, next_step: taken.next_step, path: taken.path,
    route: taken.route, rules, sources: unique(items.flat()), concordance: taken.concordance,
  };
}

// --- words --------------------------------------------------------------------------------------------------------

// A step's name in one system's words (a shared step may be called differently in the UK and the US).
function stepLabel(table, stepId, system) {
  const step = table.steps[stepId];
  return (step.labels && step.labels[system]) || step.label;
}

function fieldLabel(field, system) {
  return (field === "result" && RESULT_LABELS[system]) || FIELD_LABELS[field] || field;
}

function optionOf(table, field, id) {
  return table.choices[field].find((option) => option.id === id);
}

// The result menu: "No result yet" and the chosen system's results only.
function resultOptions(table, system) {
  return table.choices.result.filter((option) => !option.id || option.system === system);
}

// "Comstock et al. (2009). ACR Appropriateness Criteria…" → "Comstock et al. (2009)"
function shortName(table, key) {
  const full = table.references[key] || key;
  const match = /^(.*?\(\w[^)]*\))/.exec(full);
  return match ? match[1] : full;
}

function citations(table, keys) {
  const items = [];
  keys.forEach((key, i) => {
    if (i) items.push("; ");
    items.push(element("cite", { title: table.references[key] || key, "data-key": key }, shortName(table, key)));
  });
  return items;
}

function sourcesLine(table, keys, lead = "Sources: ") {
  return keys.length ? element("span", { class: "cfx-sources" }, lead, citations(table, keys)) : null;
}

// --- the flowchart ------------------------------------------------------------------------------------------------

// Graphviz names each node and edge in a <title> child: the step id, or "from->to".
function graphName(group) {
  const title = group.querySelector(":scope > title");
  return title ? title.textContent.trim() : "";
}

// One system's chart, parsed from its SVG text and made operable: steps become named buttons.
function prepareChart(svgText, table, system, token) {
  const holder = document.createElement("div");
  holder.innerHTML = svgText;
  const svg = holder.querySelector("svg");
  // The steps inside are buttons: an SVG with role="img" would hide them from assistive technology.
  svg.setAttribute("role", "group");
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.dataset.system = system;
  // Title and description ids made unique for this view and system; aria-labelledby follows them.
  const labelledBy = [];
  for (const child of svg.querySelectorAll(":scope > title, :scope > desc")) {
    child.id = `${child.id || child.tagName}-${system}-${token}`;
    labelledBy.push(child.id);
  }
  svg.setAttribute("aria-labelledby", labelledBy.join(" "));
  const desc = svg.querySelector(":scope > desc");
  const nodes = new Map();
  for (const group of svg.querySelectorAll("g.node")) {
    const id = graphName(group);
    if (!table.steps[id]) continue;
    const label = stepLabel(table, id, system);
    group.dataset.step = id;
    group.setAttribute("tabindex", "0");
    group.setAttribute("role", "button");
    group.setAttribute("aria-label", label);
    // Hovering shows the step's name, not its id; the explanation is for the details panel, not a tooltip.
    group.querySelector(":scope > title").textContent = label;
    for (const link of group.querySelectorAll("a")) link.removeAttributeNS("http://www.w3.org/1999/xlink", "title");
    nodes.set(id, group);
  }
  const edges = new Map();
  for (const group of svg.querySelectorAll("g.edge")) {
    edges.set(graphName(group), group);
    group.querySelector(":scope > title").remove(); // "from->to" is no help on hover
    group.setAttribute("aria-hidden", "true");
  }
  return { system, svg, nodes, edges, desc, plainDesc: desc ? desc.textContent : "" };
}

// Highlight `path` (step ids) on a chart: its steps and the routes between consecutive steps.
function drawPath(chart, table, path) {
  const onPath = new Set(path);
  const pairs = new Set(path.slice(1).map((step, i) => `${path[i]}->${step}`));
  for (const [stepId, group] of chart.nodes) group.classList.toggle("on-path", onPath.has(stepId));
  for (const [name, group] of chart.edges) group.classList.toggle("on-path", pairs.has(name));
  if (chart.desc) {
    chart.desc.textContent = path.length
      ? "Highlighted path: " + path.map((s) => stepLabel(table, s, chart.system)).join(" → ") + "."
      : `${chart.plainDesc} No path is highlighted.`;
  }
}

// --- the controls -------------------------------------------------------------------------------------------------

function optionElements(options) {
  return options.map((option) => element("option", { value: option.id }, option.label));
}

// The menus in their groups (<fieldset> with a <legend>), each with its label and a hint (the option's description).
function buildControls(table, id) {
  const selects = {};
  const hints = {};
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

// What a change of system does to a result in the other system's words: clear it (and the concordance judged on
// it), and say so. Returns the sentence for the live region, or "" when nothing was cleared.
function clearForeignResult(table, choice) {
  const result = choice.result && optionOf(table, "result", choice.result);
  if (!result || result.system === choice.system) return "";
  choice.result = null;
  let told = `The result "${result.label}" is ${SYSTEM_WORDS[result.system] || result.system} wording, so it was `
    + `cleared (No result yet): choose one of the ${SYSTEM_WORDS[choice.system] || choice.system} results.`;
  if (choice.concordance) {
    const concordance = optionOf(table, "concordance", choice.concordance);
    choice.concordance = null;
    told += ` The concordance "${concordance ? concordance.label : ""}" was cleared with it.`;
  }
  return told;
}

// --- the answer panel ---------------------------------------------------------------------------------------------

function refusalView(outcome) {
  return [
    element("p", { class: "cfx-refusal-title" }, "This combination cannot occur"),
    element("p", { class: "cfx-refusal" }, outcome.refused),
    element("p", { class: "cfx-note" }, "Change one of the choices above to see a path."),
  ];
}

function entry(attributes, term, ...description) {
  return element("div", attributes, element("dt", {}, term), element("dd", {}, ...description));
}

function answerView(table, choice, outcome) {
  const category = table.categories[outcome.category] || { label: outcome.category, plain: "" };
  const judged = outcome.concordance && optionOf(table, "concordance", outcome.concordance);
  return [element("dl", {},
    entry({ class: `cfx-category cfx-category-${outcome.category}` }, "Category (the leaflet's word)",
      element("strong", {}, category.label), " — ", category.plain),
    entry({}, "BI-RADS (US)",
      element("strong", {}, outcome.birads), " — ", table.birads[outcome.birads] || ""),
    entry({}, "RCR M-score (UK)",
      element("strong", {}, outcome.rcr), " — ", table.rcr[outcome.rcr] || ""),
    judged ? entry({ class: "cfx-concordance" }, "Does the result explain the imaging?",
      element("strong", {}, judged.label), " — ",
      choice.concordance ? "as you chose" : "the model's judgement for this result and category") : null,
    entry({ class: "cfx-next" }, "Next step", outcome.next_step))];
}

function transcriptItems(table, path, system) {
  return path.map((stepId) => element("li", { "data-step": stepId },
    element("span", { class: "cfx-step-label" }, stepLabel(table, stepId, system)), " ",
    sourcesLine(table, table.steps[stepId].sources, "— ")));
}

function ruleItems(table, ruleIds) {
  return ruleIds.map((ruleId) => {
    const rule = table.rules[ruleId];
    return element("li", { "data-rule": ruleId },
      rule.statement, " ",
      rule.synthesis ? element("span", { class: "cf-synthesis" }, "This book's simplification") : null,
      rule.synthesis && rule.unconfirmed ? " " : null,
      rule.unconfirmed ? element("span", { class: "cf-unconfirmed" }, "Sources differ or are incomplete") : null,
      " ", sourcesLine(table, rule.sources));
  });
}

function stepDetails(table, stepId, system, path) {
  const step = table.steps[stepId];
  const position = path.indexOf(stepId);
  return [
    element("h3", {}, stepLabel(table, stepId, system)),
    element("p", { class: "cfx-where" }, position >= 0
      ? `Step ${position + 1} of ${path.length} on the current path.`
      : "Not on the current path."),
    element("p", {}, step.explanation),
    element("p", {}, sourcesLine(table, step.sources)),
  ];
}

// --- the widget ---------------------------------------------------------------------------------------------------

function render({ model, el }) {
  const table = model.get("table");
  const token = (globalThis[VIEW_COUNTER] = (globalThis[VIEW_COUNTER] || 0) + 1);
  const id = (name) => `cfx-${token}-${name}`;

  const { form: controls, selects, hints, labels } = buildControls(table, id);
  controls.addEventListener("submit", (event) => event.preventDefault());
  // What the menus did on their own (a result cleared by a change of system): said once, politely.
  const notice = element("p", { class: "cfx-notice", role: "status", "aria-live": "polite" });

  // Regions are <div role="region">, not <section>: reveal.js takes every <section> of a slide deck for a slide.
  const summary = element("div", {
    class: "cfx-summary", role: "region", "aria-live": "polite", "aria-label": "Answer",
  });
  const chartBox = element("div", { class: "cfx-chart cf-path-chart" });
  const chartHelp = element("p", { class: "cfx-visually-hidden", id: id("chart-help") }, CHART_HELP);
  const detailsBody = element("div", { class: "cfx-details-body" });
  const closeButton = element("button", { type: "button", class: "cfx-close", "aria-label": "Close the step details" },
    "×");
  const details = element("div", { class: "cfx-details", role: "region", "aria-live": "polite",
    "aria-label": "Step details" },
    closeButton, detailsBody);
  const transcript = element("ol", { class: "cfx-transcript", "data-calcflow": "transcript" });
  const transcriptNote = element("p", { class: "cfx-note" });
  const rules = element("ul", { class: "cfx-rules" });

  const root = element("div", { class: "calcflow-explorer cf-widget", "data-calcflow": "explorer" });
  const present = presentation({
    root,
    keys: [
      ["→", "reveal the next step of the path, with its explanation"],
      ["←", "take the last step back"],
      ["1–9", "choose that option in the current menu (Tab moves to the next menu)"],
      ["↑ ↓", "the previous or next option in the menu that has focus"],
    ],
    next: () => walkTo(walk + 1),
    back: () => walkTo(walk - 1),
    choose: chooseOption,
    onEnter: () => {
      markMenu();
      walkTo(0);
    },
    onLeave: () => walkTo(null),
  });
  root.append(
    present.bar,
    element("p", { class: "cf-disclaimer" }, DISCLAIMER),
    element("div", { class: "cfx-layout" },
      element("div", { class: "cfx-side" }, controls, notice, summary),
      element("div", { class: "cfx-chart-area" }, chartHelp, chartBox, details)),
    element("div", { class: "cfx-below" },
      element("div", { class: "cfx-path", role: "region", "aria-labelledby": id("path-heading") },
        element("h3", { id: id("path-heading") }, "The path, step by step"), transcriptNote, transcript),
      element("div", { class: "cfx-why", role: "region", "aria-labelledby": id("rules-heading") },
        element("h3", { id: id("rules-heading") }, "Why: the rules that applied"), rules)));
  // For checks of the page against the model: the answer this page gives for any choice.
  root.calcflowLookup = (choice) => lookup(table, choice);

  const charts = {}; // system → its prepared chart, made when first shown
  let chart = null; // the chart on show
  let shown = null; // the choice currently displayed, as a string, to skip repeated work
  let currentPath = [];
  let selectedStep = null;
  let walk = null; // presenting: how many steps of the path are revealed; null: the whole path is shown
  let currentMenu = table.fields[0]; // presenting: the menu the number keys choose in

  function showChart(system) {
    if (chart && chart.system === system) return;
    if (!charts[system]) {
      charts[system] = prepareChart(model.get("svgs")[system], table, system, token);
      charts[system].svg.setAttribute("aria-describedby", chartHelp.id);
    }
    chart = charts[system];
    chartBox.replaceChildren(chart.svg);
  }

  function showDetails(stepId) {
    const step = stepId && chart.nodes.has(stepId) ? table.steps[stepId] : null;
    selectedStep = step ? stepId : null;
    for (const [nodeId, group] of chart.nodes) group.classList.toggle("selected", nodeId === selectedStep);
    details.classList.toggle("cfx-open", Boolean(step));
    closeButton.hidden = !step;
    detailsBody.replaceChildren(...(step ? stepDetails(table, stepId, chart.system, currentPath)
      : [element("p", { class: "cfx-note" }, CHART_HELP)]));
  }

  // The menus show `choice`: the result menu offers the chosen system's results; each menu's hint describes its value.
  function showChoice(choice) {
    if (selects.result.dataset.system !== choice.system) {
      selects.result.replaceChildren(...optionElements(resultOptions(table, choice.system)));
      selects.result.dataset.system = choice.system;
      labels.result.textContent = fieldLabel("result", choice.system);
    }
    for (const field of table.fields) {
      const value = choice[field] || "";
      if (selects[field].value !== value) selects[field].value = value;
      const option = optionOf(table, field, value);
      hints[field].replaceChildren(...(option && option.description
        ? [option.description, " ", sourcesLine(table, option.sources) || ""] : []));
    }
  }

  function showOutcome(choice, outcome) {
    showChoice(choice);
    showChart(choice.system);
    currentPath = outcome.path || [];
    root.classList.toggle("cfx-refused", Boolean(outcome.refused));
    if (outcome.refused) {
      summary.replaceChildren(...refusalView(outcome));
      transcript.replaceChildren();
      transcript.hidden = true;
      transcriptNote.textContent = "No path: this combination cannot occur.";
      rules.replaceChildren();
    } else {
      summary.replaceChildren(...answerView(table, choice, outcome));
      transcript.hidden = false;
      transcriptNote.textContent = `${currentPath.length} steps, from the first mammogram to where this finding `
        + "goes next.";
      transcript.replaceChildren(...transcriptItems(table, currentPath, choice.system));
      rules.replaceChildren(...ruleItems(table, outcome.rules));
    }
    chartBox.classList.toggle("cf-has-path", currentPath.length > 0);
    if (walk !== null) walkTo(walk); // presenting: the same number of steps of the new path
    else {
      drawPath(chart, table, currentPath);
      showDetails(selectedStep); // its place on the path may have changed, or its system's chart has no such step
    }
  }

  // Presenting: reveal the first `count` steps of the path; null shows the whole path again (not presenting).
  function walkTo(count) {
    if (count === null) {
      walk = null;
      drawPath(chart, table, currentPath);
      showDetails(null);
      return;
    }
    walk = Math.max(0, Math.min(count, currentPath.length));
    drawPath(chart, table, currentPath.slice(0, walk));
    const stepId = currentPath[walk - 1];
    showDetails(stepId || null);
    if (stepId) chart.nodes.get(stepId).scrollIntoView({ block: "nearest", inline: "nearest" });
    const keys = Math.min(9, selects[currentMenu].options.length);
    const menu = `${fieldLabel(currentMenu, chart.system)}: keys 1–${keys} choose`;
    present.setStatus(!currentPath.length ? `No path for this combination. ${menu}.`
      : walk === 0 ? `Press → to follow the path (${currentPath.length} steps). ${menu}.`
        : `Step ${walk} of ${currentPath.length}: ${stepLabel(table, stepId, chart.system)}. ${menu}.`);
  }

  // Presenting: the number keys choose the nth option of the current menu.
  function chooseOption(number) {
    const select = selects[currentMenu];
    const option = select.options[number - 1];
    if (!option || select.value === option.value) return;
    select.value = option.value;
    applyChange(currentMenu);
  }

  function markMenu() {
    for (const field of table.fields) {
      selects[field].parentElement.classList.toggle("cfx-current-menu", field === currentMenu);
    }
  }

  function show(choice) {
    const key = JSON.stringify(table.fields.map((field) => choice[field] || ""));
    if (key === shown) return;
    shown = key;
    showOutcome(choice, lookup(table, choice));
  }

  function chosen() {
    const choice = {};
    for (const field of table.fields) choice[field] = selects[field].value;
    for (const field of OPTIONAL) choice[field] = choice[field] || null;
    return choice;
  }

  // A menu changed: a change of system clears a result in the other system's words (and says so); then the answer.
  function applyChange(field) {
    const choice = chosen();
    notice.textContent = field === "system" ? clearForeignResult(table, choice) : "";
    show(choice);
    model.set("choice", choice);
    model.save_changes();
  }

  function onControlChange(event) {
    applyChange(event.target.name);
  }

  function onControlFocus(event) {
    if (event.target.tagName !== "SELECT") return;
    currentMenu = event.target.name;
    markMenu();
    if (walk !== null) walkTo(walk);
  }

  function onModelChange() {
    show(model.get("choice"));
  }

  function stepFrom(event) {
    const group = event.target.closest && event.target.closest("g.node[data-step]");
    return group ? group.dataset.step : null;
  }

  function openStep(stepId) {
    showDetails(stepId);
    keepClear(stepId);
  }

  function onChartClick(event) {
    const stepId = stepFrom(event);
    if (stepId) openStep(stepId);
  }

  function onChartKey(event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    const stepId = stepFrom(event);
    if (!stepId) return;
    event.preventDefault(); // Space would scroll the page
    openStep(stepId);
  }

  function onClose() {
    const group = chart.nodes.get(selectedStep);
    showDetails(null);
    if (group) group.focus();
  }

  // The details panel may float over the bottom of the chart (see explorer.css): keep the step in use clear of it.
  function keepClear(stepId) {
    const group = chart.nodes.get(stepId);
    if (!group || getComputedStyle(details).position !== "sticky") return;
    const overlap = group.getBoundingClientRect().bottom - details.getBoundingClientRect().top;
    if (overlap > 0) window.scrollBy(0, overlap + 12);
  }

  function onChartFocus(event) {
    keepClear(stepFrom(event));
  }

  // The chart's listeners sit on its box, so they serve whichever system's chart is shown.
  const listeners = [
    [controls, "change", onControlChange],
    [controls, "focusin", onControlFocus],
    [closeButton, "click", onClose],
    [chartBox, "focusin", onChartFocus],
    [chartBox, "click", onChartClick],
    [chartBox, "keydown", onChartKey],
  ];
  for (const [target, type, handler] of listeners) target.addEventListener(type, handler);
  model.on("change:choice", onModelChange);

  el.replaceChildren(root);
  show(model.get("choice"));
  root.dataset.ready = "true";

  return () => {
    present.destroy();
    model.off("change:choice", onModelChange);
    for (const [target, type, handler] of listeners) target.removeEventListener(type, handler);
    delete root.calcflowLookup;
    root.remove();
  };
}

export default { render };
