// calcflow/widgets/static: built from js/progress.js by calcflow/widgets/js/build.mjs — do not edit; edit the sources and run `make widgets`

// js/shared/dom.js
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== void 0 && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== void 0));
  return node;
}
function listenAll(listeners) {
  for (const [target, type, handler] of listeners) target.addEventListener(type, handler);
  return () => {
    for (const [target, type, handler] of listeners) target.removeEventListener(type, handler);
  };
}

// js/shared/host.js
function staticModel(state) {
  const listeners = /* @__PURE__ */ new Map();
  return {
    get: (name) => state[name],
    set(name, value) {
      if (state[name] === value) return;
      state[name] = value;
      for (const callback of [...listeners.get(`change:${name}`) || []]) callback();
    },
    on(event, callback) {
      listeners.set(event, [...listeners.get(event) || [], callback]);
    },
    off(event, callback) {
      listeners.set(event, callback ? (listeners.get(event) || []).filter((c) => c !== callback) : []);
    },
    save_changes() {
    }
  };
}
function mountStatic(kind, widget2) {
  if (typeof document === "undefined") return;
  const mountAll = () => {
    let observer = null;
    for (const host of document.querySelectorAll(`[data-calcflow-static="${kind}"]`)) {
      const element2 = (
        /** @type {HTMLElement} */
        host
      );
      const source = stateSource(element2);
      if (!source || typeof IntersectionObserver === "undefined") {
        whenStateIsIn(element2, source, () => mountHost(element2, widget2));
        continue;
      }
      observer ?? (observer = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const near = (
            /** @type {HTMLElement} */
            entry.target
          );
          observer?.unobserve(near);
          whenStateIsIn(near, stateSource(near), () => mountHost(near, widget2));
        }
      }, { rootMargin: "100% 0px" }));
      observer.observe(element2);
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll, { once: true });
  else mountAll();
}
function stateSource(host) {
  const data = (
    /** @type {HTMLElement | null} */
    host.querySelector(':scope > script[type="application/json"]')
  );
  return data && !(data.textContent || "").trim() ? data.dataset.calcflowSrc || null : null;
}
var loading = /* @__PURE__ */ new Map();
function whenStateIsIn(host, source, then) {
  if (!source) {
    then();
    return;
  }
  if (!loading.has(source)) {
    loading.set(source, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = source;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`calcflow: the widget state ${source} could not be loaded`));
      document.head.append(script);
    }));
  }
  loading.get(source).then(then, (error) => console.error(error));
}
function mountHost(host, widget2) {
  const data = host.querySelector(':scope > script[type="application/json"]');
  const el = (
    /** @type {HTMLElement | null} */
    host.querySelector(":scope > [data-calcflow-mount]")
  );
  if (!data || !el || host.dataset.calcflowMounted) return;
  host.dataset.calcflowMounted = "true";
  host.querySelector(":scope > [data-calcflow-fallback]")?.remove();
  try {
    widget2.render({ model: staticModel(JSON.parse(data.textContent || "{}")), el });
  } catch (error) {
    console.error(error);
  }
}

// js/shared/keys.js
var CONTROLS = "select, textarea, input:not([type=button], [type=submit], [type=reset], [type=image]), [role=application]";
var PRESSABLE = "button, input, summary, a[href], [role=button]";
var PRESS_KEYS = /* @__PURE__ */ new Set(["Enter", " "]);
var PASSED_ON = /* @__PURE__ */ new Set(["Tab", "Escape"]);
var SUPPRESS = "data-lm-suppress-shortcuts";
function passedOn(event) {
  return event.ctrlKey || event.altKey || event.metaKey || PASSED_ON.has(event.key) || event.key === "Enter" && event.shiftKey;
}
function keptKey(event) {
  const target = (
    /** @type {Element | null} */
    event.target
  );
  if (passedOn(event) || !target || typeof target.matches !== "function") return false;
  if (target.matches(CONTROLS) || target instanceof HTMLElement && target.isContentEditable) return true;
  return target.matches(PRESSABLE) && PRESS_KEYS.has(event.key);
}
function keepKeys(el) {
  const mark = (event) => {
    const target = (
      /** @type {Element} */
      event.target
    );
    if (!(target instanceof Element) || !el.contains(target) || target.hasAttribute(SUPPRESS) || !keptKey(
      /** @type {KeyboardEvent} */
      event
    )) return;
    target.setAttribute(SUPPRESS, "");
    setTimeout(() => target.removeAttribute(SUPPRESS));
  };
  const stop = (event) => {
    const key = (
      /** @type {KeyboardEvent} */
      event
    );
    if (keptKey(key) || key.defaultPrevented && !passedOn(key)) event.stopPropagation();
  };
  window.addEventListener("keydown", mark, true);
  el.addEventListener("keydown", stop);
  return () => {
    window.removeEventListener("keydown", mark, true);
    el.removeEventListener("keydown", stop);
  };
}
function keepingKeys(widget2) {
  return {
    render(props) {
      const release = keepKeys(props.el);
      const cleanup = widget2.render(props);
      return () => {
        release();
        cleanup();
      };
    }
  };
}

// js/shared/storage.js
function browserStorage() {
  try {
    return globalThis.localStorage || null;
  } catch {
    return null;
  }
}
function readStored(key) {
  try {
    return JSON.parse(browserStorage()?.getItem(key) ?? "null");
  } catch {
    return null;
  }
}
function writeStored(key, value) {
  try {
    if (value === null) browserStorage()?.removeItem(key);
    else browserStorage()?.setItem(key, JSON.stringify(value));
  } catch {
  }
}

// js/shared/progress.js
var STORAGE_KEY = "calcflow-progress-v1";
var FORMAT = "calcflow-progress";
var VERSION = 1;
var MAX_READINGS = 2e3;
var MAX_FILE_BYTES = 512 * 1024;
var MAX_FALSE_MARKS = 1e3;
var RECENT = 20;
var DESCRIBED = (
  /** @type {const} */
  ["size", "shape", "pattern"]
);
var NEXT_RULE = `Practice chooses the next case like this: first every case you have not read yet, in the book's order; then the case whose calcifications have the shapes and patterns you got wrong most often in your last ${RECENT} readings (a missed calcification counts as wrong for its shape and its pattern; a normal case you recalled counts as wrong); among equals, the case you read longest ago.`;
function emptyProgress() {
  return { format: FORMAT, version: VERSION, readings: [] };
}
function loadProgress(payload) {
  const checked = validateProgress(readStored(STORAGE_KEY), payload);
  return checked.ok ? checked.progress : emptyProgress();
}
function saveProgress(progress) {
  writeStored(STORAGE_KEY, progress);
}
function resetProgress() {
  writeStored(STORAGE_KEY, null);
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function exactKeys(value, keys, where) {
  const extra = Object.keys(value).filter((k) => !keys.includes(k));
  const missing = keys.filter((k) => !(k in value));
  if (extra.length) return `${where} has a field this book does not know`;
  if (missing.length) return `${where} lacks the field "${missing[0]}"`;
  return null;
}
function findingProblem(f, known, menus, where) {
  if (!isObject(f)) return `${where} is not a finding record`;
  const keys = exactKeys(f, ["id", "hit", "chosen", "truth"], where);
  if (keys) return keys;
  const truth = known.findings.find((t) => t.id === f.id);
  if (!truth) return `${where} names a finding that case ${known.id} does not have`;
  if (typeof f.hit !== "boolean") return `${where}: "hit" is not true or false`;
  for (
    const part of
    /** @type {const} */
    ["chosen", "truth"]
  ) {
    const words = f[part];
    if (!isObject(words)) return `${where}: "${part}" is not a set of words`;
    const problem = exactKeys(words, [...DESCRIBED], `${where} (${part})`);
    if (problem) return problem;
    for (const name of DESCRIBED) {
      const value = words[name];
      const allowed = menus[name].some((o) => o.id === value) || part === "chosen" && value === "";
      if (typeof value !== "string" || !allowed) return `${where}: ${part} ${name} is not one of the book's words`;
      if (part === "truth" && value !== truth[name]) return `${where}: the true ${name} is not this book's`;
    }
  }
  return null;
}
function readingProblem(r, payload, index) {
  const where = `Reading ${index + 1}`;
  if (!isObject(r)) return `${where} is not a reading`;
  const keys = exactKeys(r, ["case", "time", "recalled", "normal", "findings", "falseMarks"], where);
  if (keys) return keys;
  const known = payload.cases.find((c) => c.id === r.case);
  if (typeof r.case !== "string" || !known) return `${where} names a case this book does not have`;
  const latest = Date.now() + 24 * 3600 * 1e3;
  if (typeof r.time !== "number" || !Number.isFinite(r.time) || r.time < 0 || r.time > latest) {
    return `${where}: its time is not a date`;
  }
  if (typeof r.recalled !== "boolean" || r.normal !== known.normal) return `${where}: recalled or normal is wrong`;
  if (typeof r.falseMarks !== "number" || !Number.isInteger(r.falseMarks) || r.falseMarks < 0 || r.falseMarks > MAX_FALSE_MARKS) return `${where}: the number of false marks is not a count`;
  if (!Array.isArray(r.findings) || r.findings.length !== known.findings.length) {
    return `${where}: its findings are not case ${known.id}'s`;
  }
  for (const [i, f] of r.findings.entries()) {
    const problem = findingProblem(f, known, payload.menus, `${where}, finding ${i + 1}`);
    if (problem) return problem;
  }
  return null;
}
function validateProgress(json, payload) {
  if (!isObject(json)) return { ok: false, reason: "The file is not a progress file: it holds no JSON object." };
  if (json.format !== FORMAT) return { ok: false, reason: "The file is not a progress file of this book." };
  if (json.version !== VERSION) return { ok: false, reason: `The file's version is not ${VERSION}.` };
  const keys = exactKeys(json, ["format", "version", "readings"], "The file");
  if (keys) return { ok: false, reason: `${keys}.` };
  if (!Array.isArray(json.readings)) return { ok: false, reason: "The file's readings are not a list." };
  if (json.readings.length > MAX_READINGS) {
    return { ok: false, reason: `The file holds ${json.readings.length} readings; at most ${MAX_READINGS} are kept.` };
  }
  for (const [index, r] of json.readings.entries()) {
    const problem = readingProblem(r, payload, index);
    if (problem) return { ok: false, reason: `${problem}.` };
  }
  return { ok: true, progress: (
    /** @type {Progress} */
    /** @type {unknown} */
    json
  ) };
}
function parseProgress(text, payload) {
  if (text.length > MAX_FILE_BYTES) {
    return { ok: false, reason: `The file is too large: a progress file is at most ${MAX_FILE_BYTES / 1024} KB.` };
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: "The file is not JSON." };
  }
  return validateProgress(json, payload);
}
function descriptorErrors(readings) {
  const counts = /* @__PURE__ */ new Map();
  for (const r of readings.slice(-RECENT)) {
    for (const f of r.findings) {
      for (
        const name of
        /** @type {const} */
        ["shape", "pattern"]
      ) {
        const key = `${name}:${f.truth[name]}`;
        const [wrong, all] = counts.get(key) || [0, 0];
        counts.set(key, [wrong + (f.hit && f.chosen[name] === f.truth[name] ? 0 : 1), all + 1]);
      }
    }
  }
  return new Map([...counts].map(([key, [wrong, all]]) => [key, wrong / all]));
}
function nextCase(progress, payload) {
  const last = new Map(progress.readings.map((r) => [r.case, r]));
  const unread = payload.cases.find((c) => !last.has(c.id));
  if (unread) return unread.id;
  const errors = descriptorErrors(progress.readings);
  const weakness = (c) => c.findings.length ? Math.max(...c.findings.flatMap((f) => [errors.get(`shape:${f.shape}`) || 0, errors.get(`pattern:${f.pattern}`) || 0])) : Number(Boolean(last.get(c.id)?.recalled));
  const ranked = payload.cases.map((c) => ({ id: c.id, weakness: weakness(c), time: last.get(c.id)?.time || 0 })).sort((a, b) => b.weakness - a.weakness || a.time - b.time);
  return ranked.length ? ranked[0].id : "";
}

// js/shared/views.js
var COUNTERS = /* @__PURE__ */ Symbol.for("calcflow.views");
function nextViewNumber(name) {
  const page = (
    /** @type {Record<symbol, Record<string, number>>} */
    /** @type {unknown} */
    globalThis
  );
  const counters = page[COUNTERS] || (page[COUNTERS] = {});
  counters[name] = (counters[name] || 0) + 1;
  return counters[name];
}
function viewIds(prefix, number) {
  return (name) => `${prefix}-${number}-${name}`;
}

// js/progress/metrics.js
function ratios(progress) {
  const rs = progress.readings;
  const recalled = rs.filter((r) => r.recalled);
  const abnormal = rs.filter((r) => !r.normal);
  const normal = rs.filter((r) => r.normal);
  const findings = rs.flatMap((r) => r.findings);
  return [
    {
      id: "recall-rate",
      label: "Recall rate",
      num: recalled.length,
      den: rs.length,
      definition: "Of the cases you read, the share you recalled (you chose a category beyond benign: UK M3\u2013M5, US BI-RADS 3 or higher)."
    },
    {
      id: "sensitivity",
      label: "Sensitivity",
      num: abnormal.filter((r) => r.recalled).length,
      den: abnormal.length,
      definition: "Of the cases with a finding to recall (the model says UK M3 or higher, US BI-RADS 3 or higher), the share you recalled."
    },
    {
      id: "specificity",
      label: "Specificity",
      num: normal.filter((r) => !r.recalled).length,
      den: normal.length,
      definition: "Of the normal and benign cases (nothing to recall), the share you did not recall."
    },
    {
      id: "ppv",
      label: "PPV of your recalls",
      num: recalled.filter((r) => !r.normal).length,
      den: recalled.length,
      definition: "Of the cases you recalled, the share that had a finding to recall (positive predictive value)."
    },
    {
      id: "localisation",
      label: "Localisation",
      num: findings.filter((f) => f.hit).length,
      den: findings.length,
      definition: "Of the calcifications in the cases you read, the share you marked in the right place."
    }
  ];
}
function ratioText(ratio) {
  return ratio.den ? `${ratio.num} of ${ratio.den} (${Math.round(100 * ratio.num / ratio.den)}%)` : "no readings yet";
}
function running(progress) {
  let right = 0;
  let hits = 0;
  let all = 0;
  const decisions = [];
  const found = [];
  for (const [i, r] of progress.readings.entries()) {
    right += Number(r.recalled !== r.normal);
    hits += r.findings.filter((f) => f.hit).length;
    all += r.findings.length;
    decisions.push(100 * right / (i + 1));
    found.push(all ? 100 * hits / all : 100);
  }
  return { decisions, found };
}
function confusion(progress, name) {
  const table = /* @__PURE__ */ new Map();
  for (const f of progress.readings.flatMap((r) => r.findings).filter((x) => x.hit)) {
    const row = table.get(f.truth[name]) || /* @__PURE__ */ new Map();
    row.set(f.chosen[name], (row.get(f.chosen[name]) || 0) + 1);
    table.set(f.truth[name], row);
  }
  return table;
}

// js/progress/plots.js
var SVG = "http://www.w3.org/2000/svg";
var WIDTH = 520;
function svgElement(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== void 0) node.textContent = text;
  return node;
}
function frame(height, title) {
  const svg = svgElement("svg", { viewBox: `0 0 ${WIDTH} ${height}`, role: "img", class: "cfp-plot" });
  svg.append(svgElement("title", {}, title));
  return svg;
}
function barPlot(ratios2) {
  const row = 30;
  const left = 170;
  const svg = frame(ratios2.length * row + 24, "Your figures as bars from 0 to 100%");
  ratios2.forEach((ratio, i) => {
    const y = i * row + 6;
    const share = ratio.den ? ratio.num / ratio.den : 0;
    svg.append(
      svgElement("text", { x: left - 8, y: y + 15, "text-anchor": "end" }, ratio.label),
      svgElement("rect", { x: left, y, width: WIDTH - left - 90, height: 20, class: "cfp-track" }),
      svgElement("rect", {
        x: left,
        y,
        width: share * (WIDTH - left - 90),
        height: 20,
        class: "cfp-bar",
        "data-metric": ratio.id
      }),
      svgElement("text", { x: WIDTH - 84, y: y + 15 }, ratio.den ? `${Math.round(100 * share)}%` : "\u2014")
    );
    svg.lastElementChild?.append(svgElement("title", {}, ratioText(ratio)));
  });
  return svg;
}
function linePlot(lines) {
  const height = 200;
  const pad = { left: 40, right: 12, top: 10, bottom: 30 };
  const svg = frame(height, "Running accuracy after each reading, in percent");
  const count = Math.max(1, ...lines.map((l) => l.values.length));
  const x = (i) => pad.left + (count > 1 ? i / (count - 1) : 0.5) * (WIDTH - pad.left - pad.right);
  const y = (v) => pad.top + (1 - v / 100) * (height - pad.top - pad.bottom);
  for (const v of [0, 50, 100]) {
    svg.append(
      svgElement("line", { x1: pad.left, x2: WIDTH - pad.right, y1: y(v), y2: y(v), class: "cfp-grid" }),
      svgElement("text", { x: pad.left - 6, y: y(v) + 4, "text-anchor": "end" }, `${v}%`)
    );
  }
  svg.append(svgElement("text", { x: WIDTH / 2, y: height - 6, "text-anchor": "middle" }, "reading number"));
  for (const line of lines) {
    if (!line.values.length) continue;
    const points = line.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    svg.append(svgElement("polyline", { points, class: `cfp-line ${line.cls}`, fill: "none" }));
  }
  return svg;
}

// js/progress/view.js
function label(payload, name, value) {
  if (!value) return "not described";
  return payload.menus[name].find((o) => o.id === value)?.label || value;
}
function confusionTable(progress, payload, name) {
  const table = confusion(progress, name);
  if (!table.size) return element("p", { "data-confusion": name }, `No ${name} described on a found finding yet.`);
  const chosen = [...new Set([...table.values()].flatMap((row) => [...row.keys()]))].sort();
  return element(
    "table",
    { class: "cfp-confusion", "data-confusion": name },
    element("caption", {}, `${name[0].toUpperCase()}${name.slice(1)}: true (rows) against your choice (columns), found calcifications only`),
    element("thead", {}, element(
      "tr",
      {},
      element("th", { scope: "col" }, "True"),
      chosen.map((c) => element("th", { scope: "col" }, label(payload, name, c)))
    )),
    element("tbody", {}, [...table].map(([truth, row]) => element(
      "tr",
      {},
      element("th", { scope: "row" }, label(payload, name, truth)),
      chosen.map((c) => element("td", { class: c === truth ? "cfp-right" : "" }, String(row.get(c) || 0)))
    )))
  );
}
function plotBox(plot, name) {
  return element("div", { class: "cfp-plot-box", role: "region", "aria-label": name, tabindex: "0" }, plot);
}
function summary(progress, payload) {
  const rs = ratios(progress);
  const { decisions, found } = running(progress);
  const next = nextCase(progress, payload);
  const number = payload.cases.findIndex((c) => c.id === next) + 1;
  return [
    element("p", { class: "cfp-read", "data-metric": "read" }, `Cases read: ${progress.readings.length}.`),
    element("dl", { class: "cfp-metrics" }, rs.map((r) => element(
      "div",
      {},
      element("dt", {}, r.label),
      element("dd", { "data-metric": r.id }, ratioText(r)),
      element("dd", { class: "cfp-definition" }, r.definition)
    ))),
    plotBox(barPlot(rs), "Bar plot of your figures"),
    element("p", { class: "cfp-legend" }, "Line plot: the share of your recall decisions that were right so far (solid) and of the calcifications you found so far (dashed), after each reading."),
    plotBox(linePlot([
      { label: "recall decisions", values: decisions, cls: "cfp-decisions" },
      { label: "found", values: found, cls: "cfp-found" }
    ]), "Line plot of your running accuracy"),
    confusionTable(progress, payload, "shape"),
    confusionTable(progress, payload, "pattern"),
    element("p", { class: "cfp-next", "data-next": next }, number ? `Practice next: case ${number}. ` : "", NEXT_RULE)
  ];
}
function tools(id) {
  const exportButton = element("button", { type: "button", "data-calcflow": "progress-export" }, "Export (JSON file)");
  const importInput = element("input", {
    type: "file",
    id: id("import"),
    accept: ".json,application/json",
    "data-calcflow": "progress-import"
  });
  const resetButton = element("button", { type: "button", "data-calcflow": "progress-reset" }, "Reset\u2026");
  const confirmButton = element(
    "button",
    { type: "button", "data-calcflow": "progress-reset-confirm" },
    "Yes, delete my progress"
  );
  const cancelButton = element("button", { type: "button" }, "Cancel");
  const confirm = element(
    "div",
    { class: "cfp-confirm", role: "group", hidden: true },
    element("p", {}, "Delete every reading kept in this browser? Export first to keep a copy."),
    confirmButton,
    cancelButton
  );
  const message = element("p", { class: "cfp-message", role: "status", "data-calcflow": "progress-message" });
  const box = element(
    "div",
    { class: "cfp-tools" },
    exportButton,
    element("label", { for: id("import") }, "Import a progress file (replaces what is kept here): "),
    importInput,
    resetButton,
    confirm,
    message
  );
  return { box, exportButton, importInput, resetButton, confirmButton, cancelButton, confirm, message };
}

// js/progress.js
function say(message, status, text) {
  message.dataset.status = status;
  message.textContent = text;
}
function exportFile(payload) {
  const blob = new Blob([JSON.stringify(loadProgress(payload), null, 1)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = element("a", { href: url, download: "calcflow-progress.json", hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1e3);
}
async function importFile(input, payload, message) {
  const file = input.files?.[0];
  input.value = "";
  if (!file) return false;
  if (file.size > MAX_FILE_BYTES) {
    say(message, "refused", `Not imported: the file is too large (at most ${MAX_FILE_BYTES / 1024} KB). Your progress is unchanged.`);
    return false;
  }
  const checked = parseProgress(await file.text(), payload);
  if (!checked.ok) {
    say(message, "refused", `Not imported: ${checked.reason} Your progress is unchanged.`);
    return false;
  }
  saveProgress(checked.progress);
  say(message, "imported", `Imported ${checked.progress.readings.length} readings.`);
  return true;
}
function render({ model, el }) {
  const payload = (
    /** @type {Payload} */
    model.get("payload")
  );
  const t = tools(viewIds("cfp", nextViewNumber("progress")));
  const body = element("div", { class: "cfp-summary", "aria-live": "polite" });
  const root = element(
    "div",
    { class: "cf-widget cf-progress", "data-calcflow": "progress" },
    element("p", { class: "cf-disclaimer" }, "For teaching, not for diagnosis. Your readings are kept in this browser only; nothing is sent anywhere. Readings made while presenting are not counted."),
    t.box,
    body
  );
  const show = () => {
    const progress = loadProgress(payload);
    root.dataset.read = String(progress.readings.length);
    body.replaceChildren(...summary(progress, payload));
  };
  const unlisten = listenAll([
    [t.exportButton, "click", () => {
      exportFile(payload);
      say(t.message, "exported", "Exported.");
    }],
    [t.importInput, "change", () => {
      importFile(t.importInput, payload, t.message).then(show);
    }],
    [t.resetButton, "click", () => {
      t.confirm.hidden = false;
      t.confirmButton.focus();
    }],
    [t.cancelButton, "click", () => {
      t.confirm.hidden = true;
      t.resetButton.focus();
    }],
    [t.confirmButton, "click", () => {
      resetProgress();
      t.confirm.hidden = true;
      say(t.message, "reset", "Your progress was deleted.");
      show();
    }],
    [window, "storage", (e) => {
      if (
        /** @type {StorageEvent} */
        e.key === STORAGE_KEY
      ) show();
    }]
  ]);
  el.replaceChildren(root);
  show();
  root.dataset.ready = "true";
  return () => {
    unlisten();
    root.remove();
  };
}
var widget = keepingKeys({ render });
var progress_default = widget;
mountStatic("progress", widget);
export {
  progress_default as default
};
