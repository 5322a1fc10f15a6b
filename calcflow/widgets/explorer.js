// The pathway explorer's front end: one ES module for two hosts.
//   JupyterLab: anywidget calls render({model, el}) with the kernel's model (traits: table, svg, choice).
//   Static book: calcflow/widgets/standalone.py inlines this file and calls render() with a stand-in model.
// It only displays what the exported table says (calcflow.export.explorer_table); it decides nothing itself.
// Hooks other checks rely on: data-calcflow="explorer" on the root, <select name="size|shape|pattern|change|
// system|result"> with the ids of `calcflow choices` as values, class "on-path" on the flowchart's path,
// data-calcflow="transcript" on the transcript, and data-calcflow="present" on the Present button.
// Python appends the shared code this module calls — element() (dom.js) and presentation() (present.js) — when it
// loads the module (calcflow.widgets.standalone.module_source).
//
// Presentation mode, for a lecturer: the path is revealed one step at a time. → shows the next step on the path
// (highlighted on the chart, its explanation in the details panel), ← takes it back; 1–9 choose the Nth option of
// the current menu — the menu that has focus, or the last one that had it (Tab moves on to the next menu).

const FIELD_LABELS = {
  size: "Size",
  shape: "Shape (morphology)",
  pattern: "Pattern (distribution)",
  change: "Compared with earlier mammograms",
  system: "Practice",
  result: "Biopsy result (B-code)",
};

const DISCLAIMER = "For teaching, not for diagnosis.";

// Page-wide (not module-wide: each static explorer is its own module instance) so that ids stay unique
// when several explorers, or several views of one, share a page.
const VIEW_COUNTER = Symbol.for("calcflow.explorer.views");

// The table's position arithmetic (mixed radix over the choices, last field fastest) — as calcflow.export.lookup.
function lookup(table, choice) {
  let position = 0;
  for (const field of table.fields) {
    const ids = table.choices[field].map((option) => option.id);
    const value = field === "result" ? choice.result || "" : choice[field];
    const index = ids.indexOf(value);
    if (index < 0) return { refused: `unknown ${field} "${value}"` };
    position = position * ids.length + index;
  }
  return table.outcomes[table.index[position]];
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

// Graphviz names each node and edge in a <title> child: the step id, or "from->to".
function graphName(group) {
  const title = group.querySelector(":scope > title");
  return title ? title.textContent.trim() : "";
}

function prepareChart(svg, table, token) {
  // The steps inside are buttons: an SVG with role="img" would hide them from assistive technology.
  svg.setAttribute("role", "group");
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  // Title and description ids made unique for this view; aria-labelledby follows them.
  const labelledBy = [];
  for (const child of svg.querySelectorAll(":scope > title, :scope > desc")) {
    child.id = `${child.id || child.tagName}-${token}`;
    labelledBy.push(child.id);
  }
  svg.setAttribute("aria-labelledby", labelledBy.join(" "));
  const nodes = new Map();
  for (const group of svg.querySelectorAll("g.node")) {
    const id = graphName(group);
    const step = table.steps[id];
    if (!step) continue;
    group.dataset.step = id;
    group.setAttribute("tabindex", "0");
    group.setAttribute("role", "button");
    group.setAttribute("aria-label", step.label);
    // Hovering shows the step's name, not its id; the explanation is for the details panel, not a tooltip.
    group.querySelector(":scope > title").textContent = step.label;
    for (const link of group.querySelectorAll("a")) link.removeAttributeNS("http://www.w3.org/1999/xlink", "title");
    nodes.set(id, group);
  }
  const edges = new Map();
  for (const group of svg.querySelectorAll("g.edge")) {
    edges.set(graphName(group), group);
    group.querySelector(":scope > title").remove(); // "from->to" is no help on hover
    group.setAttribute("aria-hidden", "true");
  }
  return { nodes, edges };
}

function render({ model, el }) {
  const table = model.get("table");
  const token = (globalThis[VIEW_COUNTER] = (globalThis[VIEW_COUNTER] || 0) + 1);
  const id = (name) => `cfx-${token}-${name}`;

  // --- controls ------------------------------------------------------------------------------------------------
  const selects = {};
  const hints = {};
  const controls = element("form", { class: "cfx-controls", "aria-label": "Describe the calcification" });
  for (const field of table.fields) {
    const options = table.choices[field].map((option) => element("option", { value: option.id }, option.label));
    selects[field] = element("select", { name: field, id: id(field) }, options);
    hints[field] = element("span", { class: "cfx-hint", id: id(`${field}-hint`) });
    selects[field].setAttribute("aria-describedby", hints[field].id);
    controls.append(element("div", { class: "cfx-control cf-field" },
      element("label", { for: id(field) }, FIELD_LABELS[field] || field), selects[field], hints[field]));
  }
  controls.addEventListener("submit", (event) => event.preventDefault());

  // --- answer, chart, details ----------------------------------------------------------------------------------
  // Regions are <div role="region">, not <section>: reveal.js takes every <section> of a slide deck for a slide.
  const summary = element("div", {
    class: "cfx-summary", role: "region", "aria-live": "polite", "aria-label": "Answer",
  });
  const chartBox = element("div", { class: "cfx-chart cf-path-chart" });
  chartBox.innerHTML = model.get("svg");
  const svg = chartBox.querySelector("svg");
  const { nodes, edges } = prepareChart(svg, table, token);
  const help = "Click a step, or Tab to it and press Enter, to read what happens there and why.";
  const chartHelp = element("p", { class: "cfx-visually-hidden", id: id("chart-help") }, help);
  svg.setAttribute("aria-describedby", chartHelp.id);
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
      element("div", { class: "cfx-side" }, controls, summary),
      element("div", { class: "cfx-chart-area" }, chartHelp, chartBox, details)),
    element("div", { class: "cfx-below" },
      element("div", { class: "cfx-path", role: "region", "aria-labelledby": id("path-heading") },
        element("h3", { id: id("path-heading") }, "The path, step by step"), transcriptNote, transcript),
      element("div", { class: "cfx-why", role: "region", "aria-labelledby": id("rules-heading") },
        element("h3", { id: id("rules-heading") }, "Why: the rules that applied"), rules)));

  let shown = null; // the choice currently displayed, as a string, to skip repeated work
  let currentPath = [];
  let selectedStep = null;
  let walk = null; // presenting: how many steps of the path are revealed; null: the whole path is shown
  let currentMenu = table.fields[0]; // presenting: the menu the number keys choose in

  function showDetails(stepId) {
    selectedStep = stepId;
    for (const [nodeId, group] of nodes) group.classList.toggle("selected", nodeId === stepId);
    const step = table.steps[stepId];
    details.classList.toggle("cfx-open", Boolean(step));
    closeButton.hidden = !step;
    if (!step) {
      detailsBody.replaceChildren(element("p", { class: "cfx-note" }, help));
      return;
    }
    const position = currentPath.indexOf(stepId);
    detailsBody.replaceChildren(
      element("h3", {}, step.label),
      element("p", { class: "cfx-where" }, position >= 0
        ? `Step ${position + 1} of ${currentPath.length} on the current path.`
        : "Not on the current path."),
      element("p", {}, step.explanation),
      element("p", {}, sourcesLine(table, step.sources)));
  }

  function showOutcome(choice, outcome) {
    for (const field of table.fields) {
      const value = field === "result" ? choice.result || "" : choice[field];
      if (selects[field].value !== value) selects[field].value = value;
      const option = table.choices[field].find((o) => o.id === value);
      hints[field].replaceChildren(...(option && option.description
        ? [option.description, " ", sourcesLine(table, option.sources) || ""] : []));
    }
    const path = outcome.path || [];
    currentPath = path;
    root.classList.toggle("cfx-refused", Boolean(outcome.refused));

    if (outcome.refused) {
      summary.replaceChildren(
        element("p", { class: "cfx-refusal-title" }, "This combination cannot occur"),
        element("p", { class: "cfx-refusal" }, outcome.refused),
        element("p", { class: "cfx-note" }, "Change one of the choices above to see a path."));
      transcript.replaceChildren();
      transcript.hidden = true;
      transcriptNote.textContent = "No path: this combination cannot occur.";
      rules.replaceChildren();
    } else {
      const category = table.categories[outcome.category] || { label: outcome.category, plain: "" };
      summary.replaceChildren(element("dl", {},
        element("div", { class: `cfx-category cfx-category-${outcome.category}` },
          element("dt", {}, "Category (the leaflet's word)"),
          element("dd", {}, element("strong", {}, category.label), " — ", category.plain)),
        element("div", {},
          element("dt", {}, "BI-RADS (US)"),
          element("dd", {}, element("strong", {}, outcome.birads), " — ", table.birads[outcome.birads] || "")),
        element("div", {},
          element("dt", {}, "RCR M-score (UK)"),
          element("dd", {}, element("strong", {}, outcome.rcr), " — ", table.rcr[outcome.rcr] || "")),
        element("div", { class: "cfx-next" },
          element("dt", {}, "Next step"),
          element("dd", {}, outcome.next_step))));
      transcript.hidden = false;
      transcriptNote.textContent = `${path.length} steps, from the screening mammogram to where this finding goes next.`;
      transcript.replaceChildren(...path.map((stepId) => {
        const step = table.steps[stepId];
        return element("li", { "data-step": stepId },
          element("span", { class: "cfx-step-label" }, step.label), " ", sourcesLine(table, step.sources, "— "));
      }));
      rules.replaceChildren(...outcome.rules.map((ruleId) => {
        const rule = table.rules[ruleId];
        return element("li", { "data-rule": ruleId },
          rule.statement, " ",
          rule.unconfirmed ? element("span", { class: "cf-unconfirmed" },
            "Unconfirmed: the exact guideline wording was not found.") : null,
          " ", sourcesLine(table, rule.sources));
      }));
    }
    if (walk !== null) walkTo(walk); // presenting: the same number of steps of the new path
    else {
      drawPath(path);
      if (selectedStep) showDetails(selectedStep); // its place on the path may have changed
    }
  }

  function drawPath(path) {
    const onPath = new Set(path);
    const pairs = new Set(path.slice(1).map((step, i) => `${path[i]}->${step}`));
    for (const [stepId, group] of nodes) group.classList.toggle("on-path", onPath.has(stepId));
    for (const [name, group] of edges) group.classList.toggle("on-path", pairs.has(name));
    chartBox.classList.toggle("cf-has-path", path.length > 0);
    const desc = svg.querySelector(":scope > desc");
    if (desc) {
      desc.textContent = path.length
        ? "Highlighted path: " + path.map((s) => table.steps[s].label).join(" → ") + "."
        : "Flowchart of every step from the screening mammogram to the outcome. No path is highlighted.";
    }
  }

  // Presenting: reveal the first `count` steps of the path; null shows the whole path again (not presenting).
  function walkTo(count) {
    if (count === null) {
      walk = null;
      drawPath(currentPath);
      showDetails(null);
      return;
    }
    walk = Math.max(0, Math.min(count, currentPath.length));
    drawPath(currentPath.slice(0, walk));
    const stepId = currentPath[walk - 1];
    showDetails(stepId || null);
    if (stepId) nodes.get(stepId).scrollIntoView({ block: "nearest", inline: "nearest" });
    const keys = Math.min(9, selects[currentMenu].options.length);
    const menu = `${FIELD_LABELS[currentMenu] || currentMenu}: keys 1–${keys} choose`;
    present.setStatus(!currentPath.length ? `No path for this combination. ${menu}.`
      : walk === 0 ? `Press → to follow the path (${currentPath.length} steps). ${menu}.`
        : `Step ${walk} of ${currentPath.length}: ${table.steps[stepId].label}. ${menu}.`);
  }

  // Presenting: the number keys choose the nth option of the current menu.
  function chooseOption(number) {
    const select = selects[currentMenu];
    const option = select.options[number - 1];
    if (!option) return;
    select.value = option.value;
    onControlChange();
  }

  function markMenu() {
    for (const field of table.fields) {
      selects[field].parentElement.classList.toggle("cfx-current-menu", field === currentMenu);
    }
  }

  function onControlFocus(event) {
    if (event.target.tagName !== "SELECT") return;
    currentMenu = event.target.name;
    markMenu();
    if (walk !== null) walkTo(walk);
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
    choice.result = choice.result || null;
    return choice;
  }

  function onControlChange() {
    const choice = chosen();
    show(choice);
    model.set("choice", choice);
    model.save_changes();
  }

  function onModelChange() {
    show(model.get("choice"));
  }

  function stepFrom(event) {
    const group = event.target.closest && event.target.closest("g.node[data-step]");
    return group ? group.dataset.step : null;
  }

  function onChartClick(event) {
    const stepId = stepFrom(event);
    if (!stepId) return;
    showDetails(stepId);
    keepClear(stepId);
  }

  function onChartKey(event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    const stepId = stepFrom(event);
    if (!stepId) return;
    event.preventDefault(); // Space would scroll the page
    showDetails(stepId);
    keepClear(stepId);
  }

  function onClose() {
    const group = nodes.get(selectedStep);
    showDetails(null);
    if (group) group.focus();
  }

  // The details panel may float over the bottom of the chart (see explorer.css): keep the step in use clear of it.
  function keepClear(stepId) {
    const group = nodes.get(stepId);
    if (!group || getComputedStyle(details).position !== "sticky") return;
    const overlap = group.getBoundingClientRect().bottom - details.getBoundingClientRect().top;
    if (overlap > 0) window.scrollBy(0, overlap + 12);
  }

  function onChartFocus(event) {
    keepClear(stepFrom(event));
  }

  const listeners = [
    [controls, "change", onControlChange],
    [controls, "focusin", onControlFocus],
    [closeButton, "click", onClose],
    [svg, "focusin", onChartFocus],
    [svg, "click", onChartClick],
    [svg, "keydown", onChartKey],
  ];
  for (const [target, type, handler] of listeners) target.addEventListener(type, handler);
  model.on("change:choice", onModelChange);

  el.replaceChildren(root);
  showDetails(null);
  show(model.get("choice"));
  root.dataset.ready = "true";

  return () => {
    present.destroy();
    model.off("change:choice", onModelChange);
    for (const [target, type, handler] of listeners) target.removeEventListener(type, handler);
    root.remove();
  };
}

export default { render };
