// calcflow/widgets/static: built from js/caseplayer.js by calcflow/widgets/js/build.mjs — do not edit; edit the sources and run `make widgets`

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

// js/shared/dom.js
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== void 0 && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== void 0));
  return node;
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
function numberKeys(count) {
  const last = Math.min(9, count);
  return last <= 1 ? "key 1" : `keys 1\u2013${last}`;
}
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

// js/shared/chart.js
function parseChart(svgText, system, idSuffix) {
  const holder = document.createElement("div");
  holder.innerHTML = svgText;
  const svg = (
    /** @type {SVGSVGElement} */
    holder.querySelector("svg")
  );
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.dataset.system = system;
  const labelledBy = [];
  for (const child of svg.querySelectorAll(":scope > title, :scope > desc")) {
    child.id = `${child.id || child.tagName}-${idSuffix}`;
    labelledBy.push(child.id);
  }
  svg.setAttribute("aria-labelledby", labelledBy.join(" "));
  const desc = (
    /** @type {SVGDescElement | null} */
    svg.querySelector(":scope > desc")
  );
  return {
    system,
    svg,
    nodes: groups(svg, "g.node"),
    edges: groups(svg, "g.edge"),
    title: (
      /** @type {SVGTitleElement | null} */
      svg.querySelector(":scope > title")
    ),
    desc,
    plainDesc: desc ? desc.textContent || "" : ""
  };
}
function groups(svg, selector) {
  return new Map([...svg.querySelectorAll(selector)].map((group) => [
    group.id,
    /** @type {SVGGElement} */
    group
  ]));
}
function routesOf(path) {
  return path.slice(1).map((step, i) => `${path[i]}--${step}`);
}
function highlightPath(chart, path) {
  const steps = new Set(path);
  const routes = new Set(routesOf(path));
  for (const [id, group] of chart.nodes) group.classList.toggle("on-path", steps.has(id));
  for (const [id, group] of chart.edges) group.classList.toggle("on-path", routes.has(id));
}
function describePath(chart, path, label, lead = "Highlighted path: ") {
  if (!chart.desc) return;
  chart.desc.textContent = path.length ? `${lead}${path.map(label).join(" \u2192 ")}.` : `${chart.plainDesc} No path is highlighted.`;
}
var MIN_TEXT_PX = 12;
function keepReadable(svg, minPx = MIN_TEXT_PX) {
  const sizes = [...svg.querySelectorAll("text")].map((text) => parseFloat(text.getAttribute("font-size") || "")).filter((size) => size > 0);
  const box = svg.viewBox.baseVal;
  const width = box && box.width ? box.width : parseFloat(svg.getAttribute("width") || "");
  const scale = /scale\(\s*([\d.]+)/.exec(svg.querySelector("g.graph")?.getAttribute("transform") || "");
  if (!sizes.length || !(width > 0)) return;
  const smallest = Math.min(...sizes) * (scale ? parseFloat(scale[1]) || 1 : 1);
  svg.style.setProperty("--cf-chart-min-width", `${Math.ceil(width * minPx / smallest)}px`);
}
function scrollToPath(box, chart, path) {
  const steps = path.map((step) => chart.nodes.get(step)).filter((group) => group !== void 0);
  if (!steps.length || !box.clientWidth) return;
  if (box.scrollWidth <= box.clientWidth && box.scrollHeight <= box.clientHeight) return;
  const outer = box.getBoundingClientRect();
  const rects = steps.map((group) => (
    /** @type {SVGGElement} */
    group.getBoundingClientRect()
  ));
  const left = Math.min(...rects.map((r) => r.left)) - outer.left + box.scrollLeft;
  const right = Math.max(...rects.map((r) => r.right)) - outer.left + box.scrollLeft;
  const top = rects[0].top - outer.top + box.scrollTop;
  const across = right - left;
  box.scrollLeft = across <= box.clientWidth ? left - (box.clientWidth - across) / 2 : left - 16;
  box.scrollTop = top - 16;
}
function routeLabel(chart, from, to) {
  const group = chart.edges.get(`${from}--${to}`);
  return group ? [...group.querySelectorAll("text")].map((text) => (text.textContent || "").trim()).join(" ") : "";
}

// js/shared/pathstrip.js
function pathStrip({ steps, label, route, pending = 0, className = "", name }) {
  const items = steps.map((step, i) => {
    const words = i ? route(steps[i - 1], step) : "";
    return element(
      "li",
      { class: "cf-path-step", "data-step": step },
      // The first step's line is left empty, so that the boxes of a row line up.
      i ? element(
        "span",
        { class: "cf-path-route" },
        element("span", { "aria-hidden": "true" }, "\u2192 "),
        words || element("span", { class: "cf-path-visually-hidden" }, "then")
      ) : element("span", { class: "cf-path-route", "aria-hidden": "true" }, "\xA0"),
      element(
        "span",
        { class: "cf-path-box" },
        element("span", { class: "cf-path-number" }, `${i + 1}.`),
        " ",
        label(step)
      )
    );
  });
  const rest = pending > 0 ? element("li", { class: "cf-path-pending" }, steps.length ? `${pending} more step${pending === 1 ? "" : "s"}: press \u2192` : `${pending} step${pending === 1 ? "" : "s"}: press \u2192 to follow the path`) : null;
  return element("ol", { class: `cf-path-strip ${className}`.trim(), "aria-label": name }, items, rest);
}

// js/caseplayer/model.js
function currentRow(player) {
  return player.rows.get(player.model.get("case_id")) || player.table.cases[0];
}
function allAnswers(player) {
  return player.model.get("answers") || {};
}
function answersOf(player, caseId) {
  return allAnswers(player)[caseId] || {};
}
function setAnswers(player, answers) {
  player.model.set("answers", answers);
  player.model.save_changes();
}

// js/caseplayer/table.js
var STORAGE_KEY = "calcflow.caseplayer.answers";
function optionsFor(table, row, step) {
  return table.choices[row && row.choices && row.choices[step] || step] || [];
}
function optionLabel(table, row, step, id) {
  const option = optionsFor(table, row, step).find((o) => o.id === id);
  return option ? option.label : id;
}
function answeredCount(row, given) {
  let count = 0;
  while (count < row.asked.length && given && given[row.asked[count]] !== void 0) count += 1;
  return count;
}
function caseScore(row, given) {
  const answered = answeredCount(row, given);
  const right = row.asked.slice(0, answered).filter((step) => given?.[step] === row.expert[step].answer).length;
  return { right, answered, asked: row.asked.length };
}
function storedAnswers(table) {
  const saved = (
    /** @type {Record<string, unknown> | null} */
    readStored(STORAGE_KEY)
  );
  const answers = {};
  for (const row of table.cases) {
    const given = (
      /** @type {Record<string, string> | null} */
      saved && typeof saved === "object" ? saved[row.id] : null
    );
    if (!given || typeof given !== "object") continue;
    const kept = {};
    for (const step of row.asked) {
      if (optionsFor(table, row, step).some((option) => option.id === given[step])) kept[step] = given[step];
    }
    if (Object.keys(kept).length) answers[row.id] = kept;
  }
  return answers;
}

// js/shared/cite.js
function shortCitation(citation) {
  const match = /^(.*?\(\w[^)]*\))/.exec(citation);
  return match ? match[1] : citation;
}
function disclose(button, reference, open) {
  button.setAttribute("aria-expanded", String(open));
  reference.hidden = !open;
}
function cite(references, key, { short = false } = {}) {
  const full = references[key] || key;
  const shown = short ? shortCitation(full) : full;
  if (shown === full) return element("cite", { "data-key": key }, shown);
  const id = `cf-cite-${nextViewNumber("cite")}`;
  const reference = element("span", { class: "cf-cite-full", id, hidden: "" }, full);
  const button = element("button", {
    type: "button",
    class: "cf-cite-button",
    "aria-expanded": "false",
    "aria-controls": id
  }, shown);
  button.addEventListener("click", () => disclose(button, reference, reference.hidden));
  button.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || reference.hidden) return;
    disclose(button, reference, false);
    event.stopPropagation();
  });
  return element("cite", { "data-key": key, class: "cf-cite" }, button, reference);
}
function citeAll(references, keys, options = {}) {
  return keys.flatMap((key, i) => i ? ["; ", cite(references, key, options)] : [cite(references, key, options)]);
}
function sourcesLine(references, keys, { tag = "span", className, lead = "Sources: ", short = false }) {
  return keys.length ? element(tag, { class: className }, lead, citeAll(references, keys, { short })) : null;
}

// js/caseplayer/words.js
var QUESTIONS = {
  size: ["Size", "How big are the calcifications?"],
  shape: ["Shape", "What shape (morphology) are they?"],
  pattern: ["Pattern", "How are they distributed (the pattern)?"],
  category: ["Category", "Which category is this, in the words of the patient leaflet?"],
  next_test: ["Next test", "What happens next?"],
  after_result: ["After the result", "Where does the pathway go after this result?"]
};
function seenWhere(row) {
  if (row.vignette.setting === "symptomatic") {
    return row.system.id === "uk" ? "seen at a breast clinic with a breast symptom" : "seen for a breast symptom";
  }
  if (row.history && row.history.id === "treated-breast") {
    return "having her yearly mammogram after breast cancer treatment";
  }
  return "seen through breast screening";
}
function judgement(row) {
  const concordance = row.result && row.result.concordance;
  if (!concordance) return null;
  return element(
    "p",
    { class: "cfp-judgement", "data-calcflow": "concordance" },
    element("strong", {}, "Radiology\u2013pathology: "),
    concordance.text
  );
}
function feedbackFor(table, row, step, chosen) {
  const expert = row.expert[step];
  const label = (id) => optionLabel(table, row, step, id);
  const verdict = chosen === expert.answer ? element(
    "p",
    { class: "cfp-verdict cfp-right" },
    element("span", { "aria-hidden": "true" }, "\u2713 "),
    element("strong", {}, "Right."),
    ` The expert's answer is ${label(expert.answer)} too.`
  ) : element(
    "p",
    { class: "cfp-verdict cfp-wrong" },
    element("span", { "aria-hidden": "true" }, "\u2717 "),
    element("strong", {}, "Not right."),
    ` You chose ${label(chosen)}; the expert's answer is `,
    element("strong", {}, label(expert.answer)),
    "."
  );
  const scales = step === "category" ? element(
    "p",
    { class: "cfp-scales" },
    `BI-RADS (US) ${expert.birads}: ${optionLabel(table, row, "birads", expert.birads)}. RCR (UK) ${expert.rcr}: ${optionLabel(table, row, "rcr", expert.rcr)}.`
  ) : null;
  const judged = step === "after_result" ? judgement(row) : null;
  const unconfirmed = expert.unconfirmed ? element("p", {}, element("span", { class: "cf-unconfirmed" }, "Sources differ or are incomplete on this point.")) : null;
  return [
    verdict,
    scales,
    judged,
    element("p", { class: "cfp-explanation" }, expert.explanation),
    unconfirmed,
    sourcesLine(table.references, expert.sources, { tag: "p", className: "cfp-sources" })
  ].filter((part) => part !== null);
}

// js/caseplayer/draw.js
function drawCase(player, row) {
  const { table } = player;
  const v = row.vignette;
  const fact = (term, text) => element(
    "div",
    {},
    element("dt", {}, term),
    element("dd", {}, text)
  );
  player.caseHeading.textContent = `Case ${table.cases.indexOf(row) + 1} of ${table.cases.length}: ${row.title}`;
  player.vignette.replaceChildren(
    fact("Patient", `A woman aged ${v.age}, ${seenWhere(row)}.`),
    fact("History", v.history),
    fact("Earlier mammograms", v.priors === "none" ? "None to compare with." : v.priors),
    fact("Practice", `${row.system.label}: answer as a team there would.`)
  );
  const { image, scaleBar } = player;
  image.src = row.image.src;
  image.alt = row.image.alt;
  image.width = image.height = row.image.px;
  scaleBar.style.width = `${100 * row.image.scale_bar_mm / row.image.width_mm}%`;
  scaleBar.dataset.label = `${row.image.scale_bar_mm} mm`;
  player.caption.textContent = `Synthetic image, not a patient: a square ${row.image.width_mm} mm across. The bar is ${row.image.scale_bar_mm} mm. Calcium shows white.`;
  if (player.picker.value !== row.id) player.picker.value = row.id;
}
function optionRow(option, step, { committed, given, expert }) {
  const marks = committed ? [
    option.id === given ? element("span", { class: "cfp-mark" }, " \u2014 your answer") : null,
    option.id === expert ? element("span", { class: "cfp-mark cfp-mark-expert" }, " \u2014 the expert's answer") : null
  ] : [];
  return element(
    "label",
    { class: "cfp-option" + (committed && option.id === expert ? " cfp-expert" : "") },
    element("input", { type: "radio", name: step, value: option.id, disabled: committed ? "" : null }),
    element(
      "span",
      { class: "cfp-option-text" },
      option.label,
      option.plain ? element("span", { class: "cfp-plain" }, ` \u2014 ${option.plain}`) : null
    ),
    ...marks
  );
}
function resultBanner(row) {
  if (!row.result) return null;
  const stated = row.result.concordance && row.result.concordance.given;
  return element(
    "div",
    { class: "cfp-result" },
    element(
      "p",
      {},
      element("strong", {}, "The biopsy result is back: "),
      `${row.result.label}. `,
      "(The case follows the expert's route to the biopsy, whatever you chose before.)"
    ),
    stated ? judgement(row) : null
  );
}
function expertChart(player, row) {
  const labels = player.table.step_labels[row.system.id] || {};
  const label = (step) => labels[step] || step;
  const chart = parseChart(player.table.flowchart_svg[row.system.id], row.system.id, player.id("chart"));
  chart.svg.removeAttribute("style");
  chart.svg.setAttribute("role", "img");
  keepReadable(chart.svg);
  if (chart.title) chart.title.textContent = `The expert's path on the ${row.system.label} pathway`;
  describePath(chart, row.path, label, "Highlighted: ");
  highlightPath(chart, row.path);
  for (const [id, group] of chart.nodes) {
    const title = group.querySelector(":scope > title");
    if (title) title.textContent = label(id);
  }
  const box = element("div", {
    class: "cfp-chart cf-path-chart cf-has-path",
    role: "region",
    tabindex: "0",
    "aria-label": `The ${row.system.label} pathway chart, the expert's path highlighted`
  }, chart.svg);
  const strip = pathStrip({
    steps: row.path,
    label,
    route: (from, to) => routeLabel(chart, from, to),
    className: "cfp-path",
    name: `The expert's path, step by step (${row.system.label})`
  });
  return { box, strip, show: () => scrollToPath(box, chart, row.path) };
}
function reviewTable(player, row, given) {
  const label = (step, id) => optionLabel(player.table, row, step, id);
  return element(
    "table",
    { class: "cfp-review" },
    element("caption", {}, "Your answers beside the expert's"),
    element("thead", {}, element("tr", {}, ["Question", "Your answer", "The expert's answer", "Match"].map(
      (head) => element("th", { scope: "col" }, head)
    ))),
    element("tbody", {}, row.asked.map((step) => {
      const right = given[step] === row.expert[step].answer;
      return element(
        "tr",
        {},
        element("th", { scope: "row" }, QUESTIONS[step][0]),
        element("td", {}, label(step, given[step])),
        element("td", {}, label(step, row.expert[step].answer)),
        element("td", { class: right ? "cfp-right" : "cfp-wrong" }, right ? "\u2713 Right" : "\u2717 Not right")
      );
    }))
  );
}
function drawScore(player, row) {
  const { table } = player;
  const answers = allAnswers(player);
  const mine = caseScore(row, answers[row.id]);
  let right = 0;
  let answered = 0;
  let finished = 0;
  table.cases.forEach((other, i) => {
    const s = caseScore(other, answers[other.id]);
    right += s.right;
    answered += s.answered;
    finished += s.answered === s.asked ? 1 : 0;
    const option = player.picker.options[i];
    const label = `${i + 1}. ${other.title}`;
    option.textContent = s.answered === s.asked ? `${label} (done: ${s.right} of ${s.asked} right)` : label;
  });
  player.score.replaceChildren(
    element(
      "span",
      {},
      element("strong", {}, "This case: "),
      `${mine.right} right of ${mine.answered} answered`,
      ` (${mine.asked} questions).`
    ),
    " ",
    element(
      "span",
      {},
      element("strong", {}, "Running total: "),
      `${right} right of ${answered} answered; `,
      `${finished} of ${table.cases.length} cases finished.`
    )
  );
}

// js/caseplayer/flow.js
function drawQuestion(player, row, index, answered) {
  const { table, id } = player;
  const step = row.asked[index];
  const given = answersOf(player, row.id);
  const committed = index < answered;
  const [name, question] = QUESTIONS[step];
  const state = { committed, given: given[step], expert: row.expert[step].answer };
  const commit = element(
    "button",
    { type: "submit", class: "cfp-primary", "data-calcflow": "commit" },
    "Commit answer"
  );
  const onward = element(
    "button",
    { type: "button", class: "cfp-primary", "data-calcflow": "next-question" },
    index + 1 < row.asked.length ? "Next question \u2192" : "See the expert's path \u2192"
  );
  const back = element("button", { type: "button", class: "cfp-secondary" }, "\u2190 Previous question");
  commit.hidden = committed;
  onward.hidden = !committed;
  back.hidden = index === 0;
  back.addEventListener("click", () => goTo(player, player.question - 1, { focus: true }));
  onward.addEventListener("click", () => goTo(player, player.question + 1, { focus: true }));
  const form = element(
    "form",
    { class: "cfp-question", "aria-labelledby": id("legend") },
    step === "after_result" ? resultBanner(row) : null,
    element(
      "fieldset",
      {},
      element(
        "legend",
        { id: id("legend") },
        element("span", { class: "cfp-step" }, `Question ${index + 1} of ${row.asked.length}: ${name}. `),
        question
      ),
      element("div", { class: "cfp-options" }, optionsFor(table, row, step).map((o) => optionRow(o, step, state)))
    ),
    element("div", { class: "cfp-actions" }, back, commit, onward)
  );
  const pending = player.pending && player.pending.key === `${row.id} ${step}` ? player.pending.value : null;
  const checked = committed ? given[step] : pending;
  const input = checked ? form.querySelector(`input[value="${CSS.escape(checked)}"]`) : null;
  if (input) input.checked = true;
  form.addEventListener("change", (event) => {
    player.pending = { key: `${row.id} ${step}`, value: (
      /** @type {HTMLInputElement} */
      event.target.value
    ) };
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    commitAnswer(player);
  });
  player.stage.replaceChildren(form);
  player.feedback.replaceChildren(...committed ? feedbackFor(table, row, step, given[step]) : []);
  return { form, onward };
}
function drawEnding(player, row) {
  const given = answersOf(player, row.id);
  const mine = caseScore(row, given);
  const nextCase = element(
    "button",
    { type: "button", class: "cfp-primary", "data-calcflow": "next-case" },
    "Next case \u2192"
  );
  const again = element("button", { type: "button", class: "cfp-secondary" }, "Try this case again");
  const back = element("button", { type: "button", class: "cfp-secondary" }, "\u2190 Last question");
  nextCase.addEventListener("click", () => showCase(player, nextCaseId(player, row), { focus: true }));
  again.addEventListener("click", () => {
    const answers = { ...allAnswers(player) };
    delete answers[row.id];
    setAnswers(player, answers);
    goTo(player, 0, { focus: true });
  });
  back.addEventListener("click", () => goTo(player, player.question - 1, { focus: true }));
  const judged = judgement(row);
  const chart = expertChart(player, row);
  player.ending.replaceChildren(
    element(
      "div",
      { class: "cfp-end-head" },
      element("h3", { id: player.id("end-heading"), tabindex: "-1" }, `Case complete: ${row.title}`),
      element("p", { class: "cfp-case-score" }, `You matched the expert on ${mine.right} of ${mine.asked} questions.`),
      element("p", { class: "cfp-teaching" }, element("strong", {}, "Teaching point: "), row.teaching_point)
    ),
    element(
      "div",
      { class: "cfp-end-path" },
      element("h4", {}, `The expert's path (${row.system.label})`),
      ...judged ? [judged] : [],
      chart.strip,
      element("p", { class: "cfp-chart-note" }, "The same path on the whole pathway chart (scroll it to see more):"),
      chart.box
    ),
    element(
      "div",
      { class: "cfp-end-review" },
      reviewTable(player, row, given),
      element("div", { class: "cfp-actions" }, back, again, nextCase)
    )
  );
  chart.show();
}
function update(player, { focus = false } = {}) {
  const row = currentRow(player);
  const answered = answeredCount(row, answersOf(player, row.id));
  if (row.id !== player.shownCase) {
    player.shownCase = row.id;
    drawCase(player, row);
    player.question = answered;
  }
  player.question = Math.max(0, Math.min(player.question, answered));
  const finished = player.question === row.asked.length;
  player.root.classList.toggle("cfp-finished", finished);
  player.ending.hidden = !finished;
  if (finished) {
    player.stage.replaceChildren();
    player.feedback.replaceChildren();
    drawEnding(player, row);
    if (focus) player.ending.querySelector("h3")?.focus();
  } else {
    player.ending.replaceChildren();
    const { form, onward } = drawQuestion(player, row, player.question, answered);
    if (focus) (player.question < answered ? onward : form.querySelector("input"))?.focus();
  }
  drawScore(player, row);
  drawStatus(player);
}
function drawStatus(player) {
  const { table } = player;
  const row = currentRow(player);
  const where = `Case ${table.cases.indexOf(row) + 1} of ${table.cases.length}`;
  if (player.question === row.asked.length) {
    player.present.setStatus(`${where}: complete. \u2192 next case.`);
    return;
  }
  const step = row.asked[player.question];
  const keys = numberKeys(optionsFor(table, row, step).length);
  const open = player.question >= answeredCount(row, answersOf(player, row.id));
  player.present.setStatus(`${where}, question ${player.question + 1} of ${row.asked.length}: ${QUESTIONS[step][0]}. ` + (open ? `${keys[0].toUpperCase()}${keys.slice(1)} choose${keys === "key 1" ? "s" : ""}, \u2192 commits.` : "\u2192 next question."));
}
function goTo(player, index, options) {
  const row = currentRow(player);
  player.question = Math.max(0, Math.min(index, answeredCount(row, answersOf(player, row.id))));
  update(player, options);
}
function nextCaseId(player, row) {
  const { cases } = player.table;
  return cases[(cases.indexOf(row) + 1) % cases.length].id;
}
function showCase(player, caseId, { focus = false } = {}) {
  player.model.set("case_id", caseId);
  player.model.save_changes();
  if (focus) player.caseHeading.focus();
}
function commitAnswer(player) {
  const row = currentRow(player);
  const step = row.asked[player.question];
  const chosen = (
    /** @type {HTMLInputElement | null} */
    player.stage.querySelector(`input[name="${step}"]:checked`)
  );
  if (!chosen) {
    player.feedback.replaceChildren(element(
      "p",
      { class: "cfp-hint" },
      "Choose an answer first, then commit it." + (player.present.active() ? " The number keys choose." : "")
    ));
    return;
  }
  setAnswers(player, { ...allAnswers(player), [row.id]: { ...answersOf(player, row.id), [step]: chosen.value } });
  player.stage.querySelector('[data-calcflow="next-question"]')?.focus();
}
function presentNext(player) {
  const row = currentRow(player);
  const answered = answeredCount(row, answersOf(player, row.id));
  if (player.question === row.asked.length) showCase(player, nextCaseId(player, row), { focus: true });
  else if (player.question < answered) goTo(player, player.question + 1, { focus: true });
  else commitAnswer(player);
}
function chooseOption(player, number) {
  const input = (
    /** @type {HTMLInputElement | undefined} */
    player.stage.querySelectorAll("input[type=radio]:not(:disabled)")[number - 1]
  );
  if (!input) return;
  input.checked = true;
  input.dispatchEvent(new Event("change", { bubbles: true }));
  input.focus();
}

// js/caseplayer/player.js
var DISCLAIMER = "For teaching, not for diagnosis. Every image is synthetic.";
var PRESENT_KEYS = [
  ["\u2192", "commit the chosen answer; once the feedback shows, the next question"],
  ["\u2190", "back to the previous question and its feedback"],
  ["1 2 3 \u2026", "choose that option of the question (\u2191 \u2193 reach options after the ninth)"]
];
function createPlayer(model) {
  const table = model.get("table");
  const id = viewIds("cfp", nextViewNumber("caseplayer"));
  const root = element("div", { class: "calcflow-caseplayer cf-widget", "data-calcflow": "caseplayer" });
  const player = {
    model,
    table,
    id,
    root,
    rows: new Map(table.cases.map((row) => [row.id, row])),
    picker: element(
      "select",
      { name: "case", id: id("case") },
      table.cases.map((row, i) => element("option", { value: row.id }, `${i + 1}. ${row.title}`))
    ),
    score: element("p", { class: "cfp-score", "data-calcflow": "score" }),
    forget: element("button", { type: "button", class: "cfp-link-button" }, "Forget my answers"),
    present: (
      /** @type {Presentation} */
      /** @type {unknown} */
      null
    ),
    caseHeading: element("h3", { class: "cfp-title", id: id("title"), tabindex: "-1" }),
    vignette: element("dl", { class: "cfp-vignette" }),
    image: element("img", { class: "cfp-img", alt: "", decoding: "async" }),
    scaleBar: element("span", { class: "cfp-scale-bar", "aria-hidden": "true" }),
    caption: element("figcaption", { class: "cfp-caption" }),
    stage: element("div", { class: "cfp-stage" }),
    feedback: element("div", { class: "cfp-feedback", "data-calcflow": "feedback", "aria-live": "polite" }),
    // Regions are <div role="region">, not <section>: reveal.js treats every <section> in a slide deck as a slide.
    ending: element("div", { class: "cfp-end", role: "region", "aria-labelledby": id("end-heading"), hidden: "" }),
    shownCase: null,
    question: 0,
    pending: null,
    kept: null
  };
  player.present = presenter(player);
  root.append(...layout(player));
  return player;
}
function presenter(player) {
  return presentation({
    root: player.root,
    keys: PRESENT_KEYS,
    next: () => presentNext(player),
    back: () => goTo(player, player.question - 1, { focus: true }),
    choose: (number) => chooseOption(player, number),
    onEnter: () => {
      player.kept = allAnswers(player);
      setAnswers(player, {});
      drawStatus(player);
    },
    onLeave: () => {
      setAnswers(player, player.kept || {});
      player.kept = null;
    }
  });
}
function layout(player) {
  const { id } = player;
  return [
    player.present.bar,
    element("p", { class: "cf-disclaimer" }, DISCLAIMER),
    element(
      "div",
      { class: "cfp-head" },
      element("div", { class: "cfp-picker cf-field" }, element("label", { for: id("case") }, "Case"), player.picker),
      player.score
    ),
    element(
      "div",
      { class: "cfp-layout" },
      element(
        "div",
        { class: "cfp-case", role: "region", "aria-labelledby": player.caseHeading.id },
        player.caseHeading,
        player.vignette,
        element(
          "figure",
          { class: "cfp-figure" },
          element("div", { class: "cfp-image" }, player.image, player.scaleBar),
          player.caption
        )
      ),
      element("div", { class: "cfp-work" }, player.stage, player.feedback)
    ),
    player.ending,
    element(
      "p",
      { class: "cfp-privacy" },
      "Your answers are kept only in this browser (not those given while presenting), and nothing is sent anywhere. ",
      player.forget
    )
  ];
}

// js/caseplayer.js
function render({ model, el }) {
  const player = createPlayer(model);
  const onPick = () => showCase(player, player.picker.value);
  const onForget = () => {
    setAnswers(player, {});
    goTo(player, 0);
  };
  const onAnswers = () => {
    if (player.kept === null) writeStored(STORAGE_KEY, allAnswers(player));
    update(player);
  };
  const onCaseId = () => update(player);
  player.picker.addEventListener("change", onPick);
  player.forget.addEventListener("click", onForget);
  model.on("change:answers", onAnswers);
  model.on("change:case_id", onCaseId);
  if (!Object.keys(allAnswers(player)).length) {
    const saved = storedAnswers(player.table);
    if (Object.keys(saved).length) setAnswers(player, saved);
  }
  el.replaceChildren(player.root);
  update(player);
  player.root.dataset.ready = "true";
  return () => {
    player.present.destroy();
    model.off("change:answers", onAnswers);
    model.off("change:case_id", onCaseId);
    player.picker.removeEventListener("change", onPick);
    player.forget.removeEventListener("click", onForget);
    player.root.remove();
  };
}
var widget = keepingKeys({ render });
var caseplayer_default = widget;
mountStatic("caseplayer", widget);
export {
  caseplayer_default as default
};
