// calcflow/widgets/static: built from js/reader.js by calcflow/widgets/js/build.mjs — do not edit; edit the sources and run `make widgets`

// js/shared/dom.js
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== void 0 && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== void 0));
  return node;
}
function listenAll(listeners2) {
  for (const [target, type, handler] of listeners2) target.addEventListener(type, handler);
  return () => {
    for (const [target, type, handler] of listeners2) target.removeEventListener(type, handler);
  };
}

// js/shared/host.js
function staticModel(state) {
  const listeners2 = /* @__PURE__ */ new Map();
  return {
    get: (name) => state[name],
    set(name, value) {
      if (state[name] === value) return;
      state[name] = value;
      for (const callback of [...listeners2.get(`change:${name}`) || []]) callback();
    },
    on(event, callback) {
      listeners2.set(event, [...listeners2.get(event) || [], callback]);
    },
    off(event, callback) {
      listeners2.set(event, callback ? (listeners2.get(event) || []).filter((c) => c !== callback) : []);
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

// js/shared/present.js
var LAYOUT_PX = 1200;
var ZOOM_MIN = 1.25;
var ZOOM_MAX = 2.2;
function presentation(options) {
  const mode = new PresentMode(options);
  return {
    bar: mode.bar,
    button: mode.button,
    active: () => mode.presenting,
    setStatus: (text) => mode.setStatus(text),
    destroy: () => mode.destroy()
  };
}
function presentBar(keys, helpId) {
  const button = element("button", {
    type: "button",
    class: "cf-present-button",
    "data-calcflow": "present",
    "aria-pressed": "false",
    title: "Full screen, large type, stepped with the keyboard"
  }, "Present");
  const helpButton = element("button", {
    type: "button",
    class: "cf-present-help-button",
    "aria-expanded": "false",
    "aria-controls": helpId,
    "aria-label": "Keys for the presentation",
    title: "Keys (?)",
    hidden: ""
  }, "?");
  const rows = [...keys, ["?", "show or hide this list"], ["Esc", "leave the presentation"]];
  const help = element(
    "div",
    {
      class: "cf-present-help",
      role: "region",
      id: helpId,
      "aria-label": "Keys",
      hidden: ""
    },
    element("p", { class: "cf-present-help-title" }, "Keys"),
    element("dl", {}, rows.map(([key, what]) => element(
      "div",
      {},
      element("dt", {}, element("kbd", {}, key)),
      element("dd", {}, what)
    )))
  );
  const status = element("p", { class: "cf-present-status" });
  const bar = element("div", { class: "cf-present-bar" }, button, helpButton, status, help);
  return { bar, button, helpButton, help, status };
}
function keyAction(key) {
  if (key === "Escape") return "escape";
  if (key === "ArrowRight" || key === "PageDown") return "next";
  if (key === "ArrowLeft" || key === "PageUp") return "back";
  if (key === "?") return "help";
  return /^[1-9]$/.test(key) ? Number(key) : null;
}
var PresentMode = class {
  /** @param {PresentOptions} options */
  constructor({ root, keys = [], next, back, choose, onEnter = () => {
  }, onLeave = () => {
  } }) {
    const { bar, button, helpButton, help, status } = presentBar(keys, `cf-present-${nextViewNumber("present")}-help`);
    this.bar = bar;
    this.button = button;
    this.helpButton = helpButton;
    this.help = help;
    this.status = status;
    this.root = root;
    this.actions = { next, back, choose, onEnter, onLeave };
    this.presenting = false;
    this.onKey = this.onKey.bind(this);
    this.onFocusIn = this.onFocusIn.bind(this);
    this.onFullscreenChange = this.onFullscreenChange.bind(this);
    this.fit = this.fit.bind(this);
    this.onButton = () => this.presenting ? this.leave() : this.enter();
    this.onHelpButton = () => this.showHelp(this.help.hidden);
    this.button.addEventListener("click", this.onButton);
    this.helpButton.addEventListener("click", this.onHelpButton);
    document.addEventListener("fullscreenchange", this.onFullscreenChange);
  }
  /** @param {boolean} open */
  showHelp(open) {
    this.help.hidden = !open;
    this.helpButton.setAttribute("aria-expanded", String(open));
  }
  /** @param {string} text */
  setStatus(text) {
    if (this.presenting) this.status.textContent = text;
  }
  // The zoom for large type, and the height the widget may use in its own (zoomed) pixels.
  fit() {
    const zoom = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, window.innerWidth / LAYOUT_PX));
    this.root.style.setProperty("--cf-present-zoom", zoom.toFixed(3));
    this.root.style.setProperty("--cf-present-height", `${Math.floor(window.innerHeight / zoom)}px`);
  }
  /** @param {KeyboardEvent} event */
  onKey(event) {
    if (!this.presenting || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const action = keyAction(event.key);
    if (action === null) return;
    if (action === "escape") {
      if (!this.help.hidden) this.showHelp(false);
      else this.leave();
    } else if (action === "next") this.actions.next();
    else if (action === "back") this.actions.back();
    else if (action === "help") this.showHelp(this.help.hidden);
    else this.actions.choose(action);
    event.preventDefault();
    event.stopPropagation();
  }
  // Keep Tab inside the presentation: focus that leaves the root comes back to its first (or, going backwards,
  // its last) control.
  /** @param {FocusEvent} event */
  onFocusIn(event) {
    const target = (
      /** @type {Node} */
      event.target
    );
    if (!this.presenting || this.root.contains(target)) return;
    const inside = [...this.root.querySelectorAll("button, select, input, [tabindex='0'], a[href]")].filter((node) => !/** @type {HTMLButtonElement} */
    node.disabled && node.getClientRects().length);
    const backwards = this.root.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING;
    const next = (
      /** @type {HTMLElement | undefined} */
      backwards ? inside[inside.length - 1] : inside[0]
    );
    if (next) next.focus();
  }
  // The browser left full screen (Esc, F11, another element): leave the presentation with it.
  onFullscreenChange() {
    if (this.presenting && document.fullscreenElement !== this.root && !this.root.classList.contains("cf-present-overlay")) this.leave();
  }
  async enter() {
    if (this.presenting) return;
    this.presenting = true;
    this.root.classList.add("cf-presenting");
    this.fit();
    this.button.textContent = "Leave presentation";
    this.button.setAttribute("aria-pressed", "true");
    this.helpButton.hidden = false;
    window.addEventListener("keydown", this.onKey, true);
    window.addEventListener("focusin", this.onFocusIn, true);
    window.addEventListener("resize", this.fit);
    this.actions.onEnter();
    try {
      if (!document.fullscreenEnabled || !this.root.requestFullscreen) throw new Error("no Fullscreen API here");
      await this.root.requestFullscreen({ navigationUI: "hide" });
    } catch {
      if (this.presenting) this.root.classList.add("cf-present-overlay");
    }
    if (this.presenting) this.fit();
  }
  leave() {
    if (!this.presenting) return;
    this.presenting = false;
    this.root.classList.remove("cf-presenting", "cf-present-overlay");
    this.root.style.removeProperty("--cf-present-zoom");
    this.root.style.removeProperty("--cf-present-height");
    window.removeEventListener("keydown", this.onKey, true);
    window.removeEventListener("focusin", this.onFocusIn, true);
    window.removeEventListener("resize", this.fit);
    if (document.fullscreenElement === this.root) document.exitFullscreen().catch(() => {
    });
    this.showHelp(false);
    this.helpButton.hidden = true;
    this.status.textContent = "";
    this.button.textContent = "Present";
    this.button.setAttribute("aria-pressed", "false");
    this.actions.onLeave();
    this.button.focus();
  }
  destroy() {
    this.leave();
    this.button.removeEventListener("click", this.onButton);
    this.helpButton.removeEventListener("click", this.onHelpButton);
    document.removeEventListener("fullscreenchange", this.onFullscreenChange);
  }
};

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
var BENIGN_SCORES = ["M1", "M2", "1", "2"];
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
function recordReading(reading, payload) {
  const progress = loadProgress(payload);
  progress.readings = [...progress.readings, reading].slice(-MAX_READINGS);
  saveProgress(progress);
  return progress;
}
function recalls(score) {
  return Boolean(score) && !BENIGN_SCORES.includes(score);
}
function readingRecord(item, marks, firstMark, falseMarks, score) {
  const words = (w) => ({ size: w.size || "", shape: w.shape || "", pattern: w.pattern || "" });
  return {
    case: item.id,
    time: Date.now(),
    recalled: recalls(score),
    normal: item.normal,
    falseMarks,
    findings: item.findings.map((f) => {
      const index = firstMark.get(f.id);
      const chosen = index === void 0 ? words({ size: "", shape: "", pattern: "" }) : words(marks[index]);
      return { id: f.id, hit: index !== void 0, chosen, truth: words(f) };
    })
  };
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

// js/reader/score.js
var DESCRIBED2 = (
  /** @type {const} */
  ["size", "shape", "pattern"]
);
function findingAt(item, mark, margin) {
  let best = null;
  let bestGap = Infinity;
  for (const finding of item.findings) {
    const circle = finding.where[mark.view];
    if (!circle) continue;
    const gap = Math.hypot(mark.x - circle.x, mark.y - circle.y) - circle.r - margin;
    if (gap <= 0 && gap < bestGap) {
      best = finding.id;
      bestGap = gap;
    }
  }
  return best;
}
function marginPx(item, payload) {
  return payload.tolerance.margin_mm / item.mm_per_px;
}
function scoreMarks(item, marks, margin) {
  const found = marks.map((mark) => findingAt(item, mark, margin));
  const firstMark = /* @__PURE__ */ new Map();
  found.forEach((id, index) => {
    if (id !== null && !firstMark.has(id)) firstMark.set(id, index);
  });
  const hits = item.findings.filter((f) => firstMark.has(f.id)).map((f) => f.id);
  const misses = item.findings.filter((f) => !firstMark.has(f.id)).map((f) => f.id);
  return { found, hits, misses, falseMarks: found.filter((id) => id === null).length, firstMark };
}
function compareDescription(mark, finding) {
  const verdicts = {};
  for (const field2 of DESCRIBED2) {
    const given = mark[field2];
    verdicts[field2] = !given ? "not described" : given === finding[field2] ? "right" : "wrong";
  }
  return verdicts;
}
function compareAnswer(item, payload, given) {
  const kind = payload.scores[item.system] === "birads" ? "birads" : "rcr";
  const truth = item.answer[kind];
  const verdict = (value, right) => !value ? "not given" : value === right ? "right" : "wrong";
  return { score: verdict(given.score, truth), next: verdict(given.next, item.answer.next), truth };
}

// js/reader/feedback.js
function labelOf(options, value) {
  const found = options.find((o) => o.id === value);
  return found ? found.label : value;
}
function findingWords(r, finding) {
  const menus = r.payload.menus;
  const where = finding.quadrant ? `, ${finding.quadrant}, ${finding.depth} third` : ", throughout the breast";
  return `${labelOf(menus.size, finding.size)}, ${labelOf(menus.shape, finding.shape).toLowerCase()}, ${labelOf(menus.pattern, finding.pattern).toLowerCase()}${where}`;
}
function markLines(r) {
  const score = (
    /** @type {Score} */
    r.score
  );
  return r.marks.map((mark, index) => {
    const id = score.found[index];
    const text = id === null ? "a false mark: no calcification there" : `a hit: finding ${id}${score.firstMark.get(id) === index ? "" : " (found already by an earlier mark)"}`;
    return element(
      "li",
      { class: id === null ? "cfr-false" : "cfr-hit" },
      `Mark ${index + 1} (${mark.view.toUpperCase()}): ${text}.`
    );
  });
}
function findingAnswer(r, item, finding) {
  const a = finding.answer;
  const score = item.system === "uk" ? a.rcr : `BI-RADS ${a.birads}`;
  return element(
    "details",
    { class: "cfr-why" },
    element("summary", {}, `The model: ${score} (${a.category}) \u2014 why`),
    element("ul", {}, a.why.map((rule) => element(
      "li",
      {},
      rule.statement,
      rule.sources.length ? ` (${rule.sources.join("; ")})` : ""
    )))
  );
}
function findingLines(r, item) {
  const score = (
    /** @type {Score} */
    r.score
  );
  return item.findings.map((finding) => {
    const first = score.firstMark.get(finding.id);
    if (first === void 0) {
      return element(
        "li",
        { class: "cfr-missed", "data-missed": finding.id },
        `Finding ${finding.id}, missed (dashed circle on the image): ${findingWords(r, finding)}.`,
        findingAnswer(r, item, finding)
      );
    }
    const verdicts = compareDescription(r.marks[first], finding);
    const parts = DESCRIBED2.map((name) => element(
      "li",
      { class: `cfr-${verdicts[name].replace(" ", "-")}` },
      `${name}: ${verdicts[name]}${verdicts[name] === "right" ? "" : ` \u2014 it is ${labelOf(
        r.payload.menus[name],
        finding[name]
      ).toLowerCase()}`}`
    ));
    return element("li", { class: "cfr-found" }, `Finding ${finding.id}, found by mark ${first + 1}: ${findingWords(r, finding)}.`, element("ul", {}, parts), findingAnswer(r, item, finding));
  });
}
function answerBlock(r, item) {
  const a = item.answer;
  const given = { score: r.scoreMenu.value, next: r.nextMenu.value };
  const verdict = compareAnswer(item, r.payload, given);
  const scoreLabel = labelOf(r.payload.menus.score[item.system], verdict.truth);
  return element(
    "div",
    { class: "cfr-model" },
    element("p", {}, `Your category: ${verdict.score}. Your next step: ${verdict.next}.`),
    element(
      "p",
      {},
      element("strong", {}, "The model's answer: "),
      `${a.category_label} \u2014 BI-RADS ${a.birads} (${a.birads_label}), ${a.rcr} (${a.rcr_label}); in this system: ${scoreLabel}.`
    ),
    element("p", {}, element("strong", {}, "Next step: "), a.next_step),
    element("p", {}, "The path from the screening mammogram:"),
    element(
      "ol",
      { class: "cfr-path", "aria-label": "The model's path, step by step" },
      a.path.map((step) => element("li", {}, step))
    ),
    item.note ? element("p", { class: "cfr-note" }, item.note, item.sources.length ? ` (${item.sources.join("; ")})` : "") : null
  );
}
function submitReading(r) {
  const item = r.item;
  if (!item) return;
  r.score = scoreMarks(item, r.marks, marginPx(item, r.payload));
  const { hits, misses, falseMarks } = r.score;
  r.result.dataset.calcflow = "reader-result";
  r.result.dataset.hits = String(hits.length);
  r.result.dataset.misses = String(misses.length);
  r.result.dataset.falseMarks = String(falseMarks);
  r.result.replaceChildren(
    element("h4", {}, "Result"),
    element("p", {}, `${hits.length} of ${item.findings.length} finding${item.findings.length === 1 ? "" : "s"} found, ${misses.length} missed, ${falseMarks} false mark${falseMarks === 1 ? "" : "s"}. ` + r.payload.tolerance.text),
    element("ul", { class: "cfr-mark-results" }, markLines(r)),
    item.findings.length ? element("ul", { class: "cfr-findings" }, findingLines(r, item)) : element("p", {}, "This breast has no calcification to find."),
    answerBlock(r, item)
  );
  r.result.hidden = false;
  r.model.set("result", { case: item.id, hits: hits.length, misses: misses.length, false_marks: falseMarks });
  r.model.save_changes();
}
function clearResult(r) {
  r.score = null;
  r.result.hidden = true;
  r.result.replaceChildren();
  delete r.result.dataset.calcflow;
}

// js/reader/view.js
var SVG = "http://www.w3.org/2000/svg";
function field(forId, text, control) {
  return element("div", { class: "cf-field" }, element("label", { for: forId }, text), control);
}
function chooserOf(payload, id) {
  const tierWords = { student: "student", advanced: "advanced" };
  return element(
    "select",
    { id: id("case"), "data-calcflow": "reader-case" },
    element("option", { value: "" }, "Choose a case\u2026"),
    payload.cases.map((c, i) => element(
      "option",
      { value: c.id },
      `Case ${i + 1}: ${tierWords[
        /** @type {"student" | "advanced"} */
        c.tier
      ] || c.tier}, ${c.system.toUpperCase()}`
    ))
  );
}
function stageOf(id) {
  const image = element("img", {
    "data-calcflow": "reader-image",
    alt: "The mammogram appears here when you choose a case.",
    draggable: "false",
    class: "cfr-image"
  });
  const overlay = document.createElementNS(SVG, "svg");
  overlay.setAttribute("class", "cfr-overlay");
  overlay.setAttribute("aria-hidden", "true");
  const stage = element("div", { class: "cfr-stage" }, image);
  stage.append(overlay);
  const lens = element("div", { class: "cfr-lens", hidden: true, "aria-hidden": "true" });
  const viewport = element("div", {
    class: "cfr-viewport",
    tabindex: "0",
    role: "application",
    id: id("viewport"),
    "aria-label": "Mammogram. Arrow keys move the cursor, Enter marks a finding, Delete removes the selected mark, + and - zoom, 0 resets the view."
  }, stage, lens);
  return { stage: { viewport, stage, image, lens, at: { zoom: 1, x: 0, y: 0 }, size: { width: 1, height: 1 } }, overlay };
}
function toolsOf(id) {
  const range = (name, label) => {
    const input = element("input", { type: "range", id: id(name), min: "0.5", max: "2", step: "0.05", value: "1" });
    return { input, box: field(id(name), label, input) };
  };
  const brightness = range("brightness", "Brightness");
  const contrast = range("contrast", "Contrast");
  const lensToggle = element("input", { type: "checkbox", id: id("lens") });
  const tools = element(
    "div",
    { class: "cfr-tools" },
    element("button", { type: "button", "data-zoom": "in", "aria-label": "Zoom in" }, "+"),
    element("button", { type: "button", "data-zoom": "out", "aria-label": "Zoom out" }, "\u2212"),
    element("button", { type: "button", "data-zoom": "reset" }, "Fit"),
    element("label", { class: "cfr-check" }, lensToggle, " Magnifier"),
    brightness.box,
    contrast.box
  );
  return { tools, lensToggle, brightness: brightness.input, contrast: contrast.input };
}
function createView(model) {
  const payload = (
    /** @type {Payload} */
    model.get("payload")
  );
  const id = viewIds("cfr", nextViewNumber("reader"));
  const chooser = chooserOf(payload, id);
  const { stage, overlay } = stageOf(id);
  const { tools, lensToggle, brightness, contrast } = toolsOf(id);
  const viewSwitch = element(
    "div",
    { class: "cfr-views", role: "group", "aria-label": "View" },
    ["cc", "mlo"].map((v) => element(
      "button",
      { type: "button", "data-view": v, "aria-pressed": "false" },
      v.toUpperCase()
    ))
  );
  const status = element("p", { class: "cfr-status", "aria-live": "polite" });
  const wait = element("p", { class: "cfr-wait", role: "status", hidden: true });
  const markList = element("ol", { class: "cfr-marks", "aria-label": "Your marks" });
  const scoreMenu = element("select", { id: id("score") });
  const nextMenu = element("select", { id: id("next") });
  const submit = element("button", { type: "button", class: "cfr-submit", "data-calcflow": "reader-submit" }, "Submit");
  const result = element("section", { class: "cfr-result", "aria-live": "polite", hidden: true });
  const work = element(
    "div",
    { class: "cfr-work", hidden: true },
    element("div", { class: "cfr-bar" }, viewSwitch, tools),
    wait,
    stage.viewport,
    status,
    element("h4", {}, "Your marks"),
    markList,
    element(
      "div",
      { class: "cfr-answer" },
      field(id("score"), "Category after work-up", scoreMenu),
      field(id("next"), "Next step", nextMenu)
    ),
    submit,
    result
  );
  const practice = element("button", {
    type: "button",
    class: "cfr-practice",
    "data-calcflow": "reader-practice",
    "aria-describedby": id("rule")
  }, "Practice: next case");
  const header = element(
    "div",
    { class: "cfr-header" },
    element("p", { class: "cf-disclaimer" }, "For teaching, not for diagnosis. The mammograms are drawn, not real.")
  );
  const root = element(
    "div",
    { class: "cf-widget cf-reader", "data-calcflow": "reader" },
    header,
    element("div", { class: "cfr-bar" }, field(id("case"), "Case", chooser), practice),
    element(
      "details",
      { class: "cfr-rule" },
      element("summary", {}, "How Practice chooses the next case"),
      element("p", { id: id("rule") }, `${NEXT_RULE} Your readings are kept in this browser only (not while presenting); see My progress.`)
    ),
    work
  );
  return {
    model,
    payload,
    id,
    item: null,
    view: "cc",
    marks: [],
    selected: -1,
    cursor: null,
    score: null,
    stage,
    overlay,
    root,
    chooser,
    viewSwitch,
    lensToggle,
    brightness,
    contrast,
    tools,
    status,
    wait,
    markList,
    scoreMenu,
    nextMenu,
    submit,
    result,
    work,
    practice,
    header,
    newCase: null
  };
}

// js/reader/marks.js
var SVG2 = "http://www.w3.org/2000/svg";
var FIELD_WORDS = { size: "Size", shape: "Shape", pattern: "Pattern" };
function svg(tag, attributes) {
  const node = document.createElementNS(SVG2, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}
function addMark(r, x, y) {
  if (!r.item) return;
  const { width, height } = r.stage.size;
  const mark = {
    view: r.view,
    x: Math.max(0, Math.min(width, x)),
    y: Math.max(0, Math.min(height, y)),
    size: "",
    shape: "",
    pattern: ""
  };
  r.marks.push(mark);
  r.selected = r.marks.length - 1;
  r.status.textContent = `Mark ${r.marks.length} added on the ${r.view.toUpperCase()} view. Describe it below.`;
}
function removeMark(r, index) {
  if (index < 0 || index >= r.marks.length) return;
  r.marks.splice(index, 1);
  r.selected = Math.min(index, r.marks.length - 1);
  r.status.textContent = `Mark ${index + 1} removed. ${r.marks.length} left.`;
}
function markNear(r, point, radius) {
  let best = -1;
  let bestDistance = radius;
  r.marks.forEach((mark, index) => {
    const distance = Math.hypot(mark.x - point.x, mark.y - point.y);
    if (mark.view === r.view && distance <= bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}
function truthShapes(r, unit) {
  if (!r.item || !r.score) return [];
  const margin = marginPx(r.item, r.payload);
  return r.item.findings.flatMap((finding) => {
    const c = finding.where[r.view];
    const state = r.score && r.score.hits.includes(finding.id) ? "found" : "missed";
    return c ? [
      svg("circle", { cx: c.x, cy: c.y, r: c.r + margin, class: "cfr-tolerance", "stroke-width": unit }),
      svg("circle", {
        cx: c.x,
        cy: c.y,
        r: c.r,
        class: `cfr-truth cfr-${state}`,
        "stroke-width": 2 * unit,
        "data-finding": finding.id
      })
    ] : [];
  });
}
function drawOverlay(r) {
  const { width, height } = r.stage.size;
  r.overlay.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const unit = width / Math.max(1, r.stage.viewport.clientWidth);
  const shapes = [...truthShapes(r, unit)];
  r.marks.forEach((mark, index) => {
    if (mark.view !== r.view) return;
    const verdict = r.score ? r.score.found[index] === null ? "cfr-false" : "cfr-hit" : "";
    const group = svg("g", { class: `cfr-mark ${verdict} ${index === r.selected ? "cfr-selected" : ""}` });
    group.append(
      svg("circle", { cx: mark.x, cy: mark.y, r: 9 * unit, "stroke-width": 2 * unit }),
      svg("text", { x: mark.x + 11 * unit, y: mark.y - 11 * unit, "font-size": 14 * unit })
    );
    group.lastChild.textContent = String(index + 1);
    shapes.push(group);
  });
  if (r.cursor) {
    const { x, y } = r.cursor;
    const arm = 14 * unit;
    shapes.push(svg("path", {
      d: `M${x - arm} ${y}H${x + arm}M${x} ${y - arm}V${y + arm}`,
      class: "cfr-cursor",
      "stroke-width": 2 * unit
    }));
  }
  r.overlay.replaceChildren(...shapes);
}
function markRow(r, mark, index) {
  const menus = DESCRIBED2.map((name) => {
    const menuId = r.id(`mark-${index}-${name}`);
    const menu = element(
      "select",
      { id: menuId, "data-mark": index, "data-field": name },
      element("option", { value: "" }, "Not described"),
      r.payload.menus[name].map((o) => element("option", { value: o.id }, o.label))
    );
    menu.value = mark[name];
    return field(menuId, FIELD_WORDS[name], menu);
  });
  const remove = element("button", { type: "button", "data-remove": index }, `Remove mark ${index + 1}`);
  return element(
    "li",
    { class: index === r.selected ? "cfr-selected" : null, "data-mark": index },
    element("span", { class: "cfr-mark-name" }, `Mark ${index + 1} (${mark.view.toUpperCase()})`),
    element("div", { class: "cfr-describe" }, menus),
    remove
  );
}
function drawList(r) {
  const rows = r.marks.map((mark, index) => markRow(r, mark, index));
  r.markList.replaceChildren(...rows.length ? rows : [element("li", { class: "cfr-empty" }, "No marks yet: click or tap the image, or use the arrow keys and Enter.")]);
}

// js/reader/stage.js
var MAX_ZOOM = 8;
var LENS_ZOOM = 3;
function applyTransform(s) {
  s.stage.style.transform = `translate(${s.at.x}px, ${s.at.y}px) scale(${s.at.zoom})`;
}
function clampPan(s) {
  const w = s.viewport.clientWidth;
  const h = s.viewport.clientHeight;
  s.at.x = Math.min(0, Math.max(w - w * s.at.zoom, s.at.x));
  s.at.y = Math.min(0, Math.max(h - h * s.at.zoom, s.at.y));
}
function zoomAt(s, factor, px, py) {
  const zoom = Math.min(MAX_ZOOM, Math.max(1, s.at.zoom * factor));
  const lx = (px - s.at.x) / s.at.zoom;
  const ly = (py - s.at.y) / s.at.zoom;
  s.at = { zoom, x: px - lx * zoom, y: py - ly * zoom };
  clampPan(s);
  applyTransform(s);
}
function panBy(s, dx, dy) {
  s.at.x += dx;
  s.at.y += dy;
  clampPan(s);
  applyTransform(s);
}
function resetView(s) {
  s.at = { zoom: 1, x: 0, y: 0 };
  applyTransform(s);
}
function pixelAt(s, clientX, clientY) {
  const box = s.image.getBoundingClientRect();
  return { x: (clientX - box.left) / box.width * s.size.width, y: (clientY - box.top) / box.height * s.size.height };
}
function viewportPointOf(s, pixel) {
  const box = s.image.getBoundingClientRect();
  const frame = s.viewport.getBoundingClientRect();
  return {
    x: box.left - frame.left + pixel.x / s.size.width * box.width,
    y: box.top - frame.top + pixel.y / s.size.height * box.height
  };
}
function showLens(s, pixel) {
  if (!pixel || !s.image.src) {
    s.lens.hidden = true;
    return;
  }
  const box = s.image.getBoundingClientRect();
  const point = viewportPointOf(s, pixel);
  const radius = s.lens.offsetWidth / 2 || 70;
  const width = box.width * LENS_ZOOM;
  const height = box.height * LENS_ZOOM;
  s.lens.hidden = false;
  s.lens.style.left = `${point.x - radius}px`;
  s.lens.style.top = `${point.y - radius}px`;
  s.lens.style.backgroundImage = `url("${s.image.src}")`;
  s.lens.style.backgroundSize = `${width}px ${height}px`;
  const bx = pixel.x / s.size.width * width - radius;
  const by = pixel.y / s.size.height * height - radius;
  s.lens.style.backgroundPosition = `${-bx}px ${-by}px`;
}
function setTone(s, brightness, contrast) {
  const filter = `brightness(${brightness}) contrast(${contrast})`;
  s.image.style.filter = filter;
  s.lens.style.filter = filter;
}
function setSize(s, size) {
  s.size = size;
  s.viewport.style.aspectRatio = `${size.width} / ${size.height}`;
  s.viewport.style.maxWidth = `calc(78vh * ${(size.width / size.height).toFixed(4)})`;
  resetView(s);
}

// js/reader/input.js
var DRAG_PX = 5;
var NEAR_SCREEN_PX = 12;
var STEP_FRACTION = 0.01;
function newGesture() {
  return { pointers: /* @__PURE__ */ new Map(), dragged: false, spread: 0, start: null };
}
function spreadOf(pointers) {
  const [a, b] = [...pointers.values()];
  return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
}
function pointerMove(r, g, event) {
  if (r.lensToggle.checked) showLens(r.stage, pixelAt(r.stage, event.clientX, event.clientY));
  const last = g.pointers.get(event.pointerId);
  if (!last) return;
  const dx = event.clientX - last.x;
  const dy = event.clientY - last.y;
  g.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  if (g.pointers.size === 2) {
    const spread = spreadOf(g.pointers);
    const frame = r.stage.viewport.getBoundingClientRect();
    const [a, b] = [...g.pointers.values()];
    if (g.spread) zoomAt(r.stage, spread / g.spread, (a.x + b.x) / 2 - frame.left, (a.y + b.y) / 2 - frame.top);
    g.spread = spread;
    g.dragged = true;
    return;
  }
  if (!g.dragged) g.dragged = isDrag(g, event);
  if (g.dragged) panBy(r.stage, dx, dy);
}
function isDrag(g, event) {
  return !!g.start && Math.hypot(event.clientX - g.start.x, event.clientY - g.start.y) >= DRAG_PX;
}
function pointerDown(r, g, event) {
  if (!r.stage.image.src || event.pointerType === "mouse" && event.button !== 0) return;
  g.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  g.start = { x: event.clientX, y: event.clientY };
  g.dragged = g.pointers.size > 1;
  g.spread = spreadOf(g.pointers);
  r.stage.viewport.setPointerCapture?.(event.pointerId);
}
function pointerUp(r, g, event) {
  if (!g.pointers.has(event.pointerId)) return false;
  g.pointers.delete(event.pointerId);
  const tapped = !g.dragged && g.pointers.size === 0;
  if (g.pointers.size === 0) g.dragged = false;
  if (!tapped) return false;
  const pixel = pixelAt(r.stage, event.clientX, event.clientY);
  const unit = r.stage.size.width / r.stage.image.getBoundingClientRect().width;
  const near = markNear(r, pixel, NEAR_SCREEN_PX * unit);
  if (near >= 0) r.selected = near;
  else addMark(r, pixel.x, pixel.y);
  return true;
}
function wheel(r, event) {
  if (!r.stage.image.src) return;
  event.preventDefault();
  const frame = r.stage.viewport.getBoundingClientRect();
  zoomAt(r.stage, Math.exp(-event.deltaY / 400), event.clientX - frame.left, event.clientY - frame.top);
}
function zoomKey(r, factor) {
  const point = r.cursor ? viewportPointOf(r.stage, r.cursor) : { x: r.stage.viewport.clientWidth / 2, y: r.stage.viewport.clientHeight / 2 };
  zoomAt(r.stage, factor, point.x, point.y);
}
function moveCursor(r, dx, dy, far) {
  const { width, height } = r.stage.size;
  const step = width * STEP_FRACTION * (far ? 5 : 1);
  const at = r.cursor || { x: width / 2, y: height / 2 };
  r.cursor = r.cursor ? {
    x: Math.max(0, Math.min(width, at.x + dx * step)),
    y: Math.max(0, Math.min(height, at.y + dy * step))
  } : at;
  if (r.lensToggle.checked) showLens(r.stage, r.cursor);
}
var ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
function imageKey(r, event) {
  const arrow = ARROWS[
    /** @type {keyof typeof ARROWS} */
    event.key
  ];
  if (arrow) {
    moveCursor(r, arrow[0], arrow[1], event.shiftKey);
    return true;
  }
  if (event.key === "Enter" || event.key === " ") {
    if (!r.cursor) moveCursor(r, 0, 0, false);
    const at = (
      /** @type {{x: number, y: number}} */
      r.cursor
    );
    addMark(r, at.x, at.y);
    return true;
  }
  if (event.key === "Delete" || event.key === "Backspace") {
    removeMark(r, r.selected);
    return true;
  }
  const zoom = { "+": 1.25, "=": 1.25, "-": 0.8, _: 0.8 }[event.key];
  if (zoom) zoomKey(r, zoom);
  else if (event.key === "0") resetView(r.stage);
  return zoom || event.key === "0" ? false : null;
}

// js/reader/show.js
function practiceCases(model) {
  const list = model.get("practice");
  return Array.isArray(list) ? list : [];
}
function caseById(r, caseId) {
  return r.payload.cases.find((c) => c.id === caseId) || practiceCases(r.model).find((c) => c.id === caseId) || null;
}
function waitFor(r, waiting) {
  r.wait.hidden = !waiting;
  r.wait.textContent = !waiting ? "" : r.item?.practice ? "Drawing the case\u2026 each view of a new practice case takes a few seconds to draw." : "Loading the image\u2026";
  if (waiting) r.root.dataset.drawing = "true";
  else delete r.root.dataset.drawing;
}
function imageKey2(r) {
  return r.item ? `${r.item.id}-${r.view}` : "";
}
function placeImage(r) {
  const key = imageKey2(r);
  if (!key) return;
  const base = r.model.get("image_base");
  const images = (
    /** @type {Record<string, string>} */
    r.model.get("images") || {}
  );
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
function redraw(r) {
  drawOverlay(r);
  drawList(r);
}
function showView(r, view) {
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
function fillMenu(menu, placeholder, options) {
  menu.replaceChildren(
    element("option", { value: "" }, placeholder),
    ...options.map((o) => element("option", { value: o.id }, o.label))
  );
}
function openCase(r, caseId) {
  r.item = caseById(r, caseId);
  r.chooser.value = r.item ? r.item.id : "";
  r.marks = [];
  r.selected = -1;
  clearResult(r);
  r.work.hidden = !r.item;
  waitFor(r, false);
  if (!r.item) return;
  const system = r.item.system;
  fillMenu(
    r.scoreMenu,
    system === "uk" ? "Choose an M-score\u2026" : "Choose a BI-RADS category\u2026",
    r.payload.menus.score[system]
  );
  fillMenu(r.nextMenu, "Choose the next step\u2026", r.payload.menus.next[system]);
  r.status.textContent = `${system === "uk" ? "UK practice (NHS screening)" : "US practice (BI-RADS)"}, ${r.item.side} breast. Find the calcifications on both views.`;
  r.stage.image.removeAttribute("src");
  delete r.stage.image.dataset.key;
  showView(r, "cc");
  resetView(r.stage);
}

// js/reader/practice.js
var FRESH_SEEDS = 1e5;
var TIER_WORDS = { student: "Student", advanced: "Advanced" };
function isLive(model) {
  return Array.isArray(model.get("practice"));
}
function freshSeed() {
  return String(Math.floor(Math.random() * FRESH_SEEDS));
}
function createPractice(r) {
  const limits = r.payload.practice_options || { max_seed: FRESH_SEEDS - 1, tiers: ["student"], systems: ["uk"] };
  const seed = element("input", {
    type: "number",
    id: r.id("practice-seed"),
    min: "0",
    max: String(limits.max_seed),
    step: "1",
    inputmode: "numeric",
    value: freshSeed(),
    "data-calcflow": "reader-practice-seed"
  });
  const tier = element("select", { id: r.id("practice-tier") }, limits.tiers.map((t) => element(
    "option",
    { value: t },
    TIER_WORDS[
      /** @type {"student" | "advanced"} */
      t
    ] || t
  )));
  const system = element(
    "select",
    { id: r.id("practice-system") },
    limits.systems.map((s) => element("option", { value: s }, s.toUpperCase()))
  );
  const button = element("button", {
    type: "button",
    class: "cfr-practice-new",
    "data-calcflow": "reader-practice-new",
    "aria-describedby": r.id("practice-help")
  }, "New practice case");
  const status = element("p", { class: "cfr-practice-status", "aria-live": "polite" });
  const box = element(
    "fieldset",
    { class: "cfr-endless" },
    element("legend", {}, "Endless practice"),
    element(
      "div",
      { class: "cfr-bar" },
      field(r.id("practice-seed"), "Seed", seed),
      field(r.id("practice-tier"), "Tier", tier),
      field(r.id("practice-system"), "System", system),
      button
    ),
    element("p", { id: r.id("practice-help"), class: "cfr-rule" }, "A new case drawn from the seed: the same seed, tier and system give the same case again. A fresh seed is filled in after each case. Practice readings are not kept in My progress."),
    status
  );
  return { box, seed, tier, system, button, status, waiting: false };
}
function listPractice(r) {
  const cases = practiceCases(r.model);
  let group = r.chooser.querySelector("optgroup[data-practice]");
  if (!cases.length) {
    group?.remove();
    return;
  }
  if (!group) {
    group = element("optgroup", { label: "Endless practice", "data-practice": "" });
    r.chooser.append(group);
  }
  group.replaceChildren(...cases.map((c) => element("option", { value: c.id }, c.practice?.label || c.id)));
  if (r.item) r.chooser.value = r.item.id;
}
function say(c, text, error = false) {
  c.status.textContent = text;
  c.status.classList.toggle("cfr-error", error);
}
function openPractice(r, c, item) {
  listPractice(r);
  openCase(r, item.id);
  c.seed.value = freshSeed();
  say(c, `${item.practice?.label || item.id}: type seed ${item.practice?.seed} again, with the same tier and system, to replay this case.`);
}
function requestPractice(r) {
  const c = r.newCase;
  if (!c || c.waiting) return;
  const max = Number(c.seed.max);
  const seed = Number(c.seed.value);
  if (c.seed.value.trim() === "" || !Number.isInteger(seed) || seed < 0 || seed > max) {
    say(c, `The seed is a whole number from 0 to ${max}.`, true);
    return;
  }
  const [tier, system] = [c.tier.value, c.system.value];
  const made = practiceCases(r.model).find((p) => p.practice?.seed === seed && p.tier === tier && p.system === system);
  if (made) {
    openPractice(r, c, made);
    return;
  }
  c.waiting = true;
  c.button.disabled = true;
  say(c, `Making practice case ${seed}\u2026`);
  r.model.set("practice_request", { seed, tier, system });
  r.model.save_changes();
}
function practiceAnswered(r) {
  const c = r.newCase;
  const request = r.model.get("practice_request");
  if (!c || !c.waiting || request && Object.keys(request).length) return;
  c.waiting = false;
  c.button.disabled = false;
  const error = r.model.get("practice_error");
  const cases = practiceCases(r.model);
  if (error || !cases.length) say(c, `No practice case: ${error || "the kernel made none"}.`, true);
  else openPractice(r, c, cases[cases.length - 1]);
}
function practiceListeners(r) {
  const c = r.newCase;
  if (!c) return [];
  return [
    [c.button, "click", () => requestPractice(r)],
    [c.seed, "keydown", (e) => {
      if (
        /** @type {KeyboardEvent} */
        e.key === "Enter"
      ) requestPractice(r);
    }]
  ];
}
function mountPractice(r) {
  if (!isLive(r.model)) return () => {
  };
  r.newCase = createPractice(r);
  r.chooser.closest(".cfr-bar")?.after(r.newCase.box);
  listPractice(r);
  const onList = () => listPractice(r);
  const onAnswer = () => practiceAnswered(r);
  r.model.on("change:practice", onList);
  r.model.on("change:practice_request", onAnswer);
  return () => {
    r.model.off("change:practice", onList);
    r.model.off("change:practice_request", onAnswer);
  };
}

// js/reader.js
function marksChanged(r) {
  clearResult(r);
  redraw(r);
}
function onListChange(r, event) {
  const menu = (
    /** @type {HTMLSelectElement} */
    event.target
  );
  const index = Number(menu.dataset.mark);
  const name = (
    /** @type {"size" | "shape" | "pattern" | undefined} */
    menu.dataset.field
  );
  if (!name || !r.marks[index]) return;
  r.marks[index][name] = menu.value;
  r.selected = index;
  clearResult(r);
  redraw(r);
  r.markList.querySelector(`#${CSS.escape(menu.id)}`)?.focus();
}
function onToolClick(r, event) {
  const button = (
    /** @type {HTMLElement} */
    event.target.closest("button")
  );
  if (!button) return;
  if (button.dataset.zoom === "reset") resetView(r.stage);
  else if (button.dataset.zoom) zoomKey(r, button.dataset.zoom === "in" ? 1.25 : 0.8);
}
function onImageKey(r, event) {
  const changed = imageKey(r, event);
  if (changed === null) return;
  event.preventDefault();
  if (changed) marksChanged(r);
}
function listeners(r, present) {
  const g = newGesture();
  const viewport = r.stage.viewport;
  const pointer = (handler) => (
    /** @type {EventListener} */
    ((event) => handler(
      r,
      g,
      /** @type {PointerEvent} */
      event
    ))
  );
  return [
    [r.chooser, "change", () => openCase(r, r.chooser.value)],
    [r.viewSwitch, "click", (e) => {
      const view = (
        /** @type {HTMLElement} */
        e.target.closest("button")?.dataset.view
      );
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
    [viewport, "wheel", (e) => wheel(
      r,
      /** @type {WheelEvent} */
      e
    )],
    [viewport, "keydown", (e) => onImageKey(
      r,
      /** @type {KeyboardEvent} */
      e
    )],
    [r.stage.image, "load", () => {
      r.stage.image.dataset.loaded = "true";
      redraw(r);
    }],
    [r.markList, "change", (e) => onListChange(r, e)],
    [r.markList, "click", (e) => {
      const index = (
        /** @type {HTMLElement} */
        e.target.closest("button")?.dataset.remove
      );
      if (index !== void 0) {
        removeMark(r, Number(index));
        marksChanged(r);
      }
    }],
    [r.submit, "click", () => {
      submitReading(r);
      record(r, present);
      redraw(r);
    }],
    [r.practice, "click", () => openCase(r, nextCase(loadProgress(r.payload), r.payload))]
  ];
}
function record(r, present) {
  if (!r.item || !r.score || present.active() || r.item.practice) return;
  recordReading(readingRecord(r.item, r.marks, r.score.firstMark, r.score.falseMarks, r.scoreMenu.value), r.payload);
  r.root.dataset.recorded = String(Number(r.root.dataset.recorded || 0) + 1);
}
function presenter(r) {
  const ids = r.payload.cases.map((c) => c.id);
  const step = (by) => {
    const at = r.item ? ids.indexOf(r.item.id) : -1;
    openCase(r, ids[Math.min(ids.length - 1, Math.max(0, at + by))]);
  };
  return presentation({
    root: r.root,
    keys: [["\u2192", "next case"], ["\u2190", "previous case"], ["1\u20139", "case 1 to 9"]],
    next: () => step(1),
    back: () => step(-1),
    choose: (n) => {
      if (ids[n - 1]) openCase(r, ids[n - 1]);
    }
  });
}
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
var widget = keepingKeys({ render });
var reader_default = widget;
mountStatic("reader", widget);
export {
  reader_default as default
};
