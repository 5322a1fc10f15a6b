// calcflow/widgets/static: built from js/explorer.js by calcflow/widgets/js/build.mjs — do not edit; edit the sources and run `make widgets`

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
        for (const entry2 of entries) {
          if (!entry2.isIntersecting) continue;
          const near = (
            /** @type {HTMLElement} */
            entry2.target
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

// js/explorer/fit.js
var WIDE_PX = 1200;
var SIDE_BY_SIDE_PX = 960;
var EDGE_PX = 16;
var MAX_PX = 1760;
function rightEdge(page) {
  const contents = document.querySelector(".bd-sidebar-secondary");
  const box = contents ? contents.getBoundingClientRect() : null;
  return box && box.width > 0 && box.height > 0 && box.left > 0 ? Math.min(page, box.left) : page;
}
function fitToPage(root) {
  const update = () => {
    const host = root.parentElement;
    if (!host || !root.isConnected) return;
    const inBook = root.closest(".bd-article") !== null;
    const page = document.documentElement.clientWidth;
    const wideWindow = window.innerWidth >= WIDE_PX;
    const breakOut = inBook && wideWindow;
    const column = host.clientWidth;
    const width = breakOut ? Math.max(column, Math.min(MAX_PX, rightEdge(page) - host.getBoundingClientRect().left - EDGE_PX)) : column;
    root.classList.toggle("cfx-book", inBook);
    root.classList.toggle("cfx-wide", wideWindow && (inBook || width >= SIDE_BY_SIDE_PX));
    if (breakOut) root.style.setProperty("--cfx-page-width", `${Math.floor(width)}px`);
    else root.style.removeProperty("--cfx-page-width");
  };
  const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(update);
  let observed = (
    /** @type {Element | null} */
    null
  );
  const watch = () => {
    if (observer && root.parentElement && observed !== root.parentElement) {
      if (observed) observer.unobserve(observed);
      observed = root.parentElement;
      observer.observe(observed);
    }
    update();
  };
  window.addEventListener("resize", update);
  watch();
  const frame = requestAnimationFrame(watch);
  return () => {
    cancelAnimationFrame(frame);
    window.removeEventListener("resize", update);
    observer?.disconnect();
  };
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

// js/explorer/lookup.js
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
function lookup(table, choice) {
  const values = {};
  for (const field of table.fields) values[field] = choice[field] || "";
  const seen = findOutcome(table.category, table.axes, values);
  if ("refused" in seen) return seen;
  const taken = findOutcome(table.route, table.axes, { ...values, birads: seen.birads });
  if ("refused" in taken) return taken;
  const rules = unique([...seen.rules, ...taken.rules]);
  const items = [
    ...rules.map((id) => table.rules[id].sources),
    ...taken.path.map((id) => table.steps[id].sources)
  ];
  for (const field of table.described) items.push(optionOf(table, field, values[field])?.sources || []);
  return {
    category: seen.category,
    birads: seen.birads,
    rcr: seen.rcr,
    next_step: taken.next_step,
    path: taken.path,
    route: taken.route,
    rules,
    sources: unique(items.flat()),
    concordance: taken.concordance
  };
}
function optionOf(table, field, id) {
  return table.choices[field].find((option) => option.id === id);
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

// js/explorer/words.js
var FIELD_LABELS = {
  setting: "Why she had the mammogram",
  history: "Earlier breast cancer treatment",
  system: "Practice followed",
  size: "Size",
  shape: "Shape (morphology)",
  pattern: "Pattern (distribution)",
  change: "Compared with earlier mammograms",
  result: "Biopsy result",
  concordance: "Does the result explain the imaging?"
};
var RESULT_LABELS = { uk: "Biopsy result (B-code)", us: "Biopsy result (pathology report)" };
var CHART_HELP = "Click a step, or Tab to it and press Enter, to read what happens there and why.";
function stepLabel(table, stepId, system) {
  const step = table.steps[stepId];
  return step.labels && step.labels[system] || step.label;
}
function fieldLabel(field, system) {
  return field === "result" && RESULT_LABELS[system] || FIELD_LABELS[field] || field;
}
function resultOptions(table, system) {
  return table.choices.result.filter((option) => !option.id || option.system === system);
}
function sources(table, keys, lead = "Sources: ") {
  return sourcesLine(table.references, keys || [], { className: "cfx-sources", lead, short: true });
}

// js/explorer/answer.js
function refusalView(outcome) {
  return [
    element("p", { class: "cfx-refusal-title" }, "This combination cannot occur"),
    element("p", { class: "cfx-refusal" }, outcome.refused),
    element("p", { class: "cfx-note" }, "Change one of the choices above to see a path.")
  ];
}
function entry(attributes, term, ...description) {
  return element("div", attributes, element("dt", {}, term), element("dd", {}, ...description));
}
function answerView(table, choice, outcome) {
  const code = outcome.category || "";
  const category = table.categories[code] || { label: code, plain: "" };
  const judged = outcome.concordance ? optionOf(table, "concordance", outcome.concordance) : void 0;
  return [element(
    "dl",
    {},
    entry(
      { class: `cfx-category cfx-category-${code}` },
      "Category (the leaflet's word)",
      element("strong", {}, category.label),
      " \u2014 ",
      category.plain
    ),
    entry(
      {},
      "BI-RADS (US)",
      element("strong", {}, outcome.birads),
      " \u2014 ",
      table.birads[outcome.birads || ""] || ""
    ),
    entry(
      {},
      "RCR M-score (UK)",
      element("strong", {}, outcome.rcr),
      " \u2014 ",
      table.rcr[outcome.rcr || ""] || ""
    ),
    judged ? entry(
      { class: "cfx-concordance" },
      "Does the result explain the imaging?",
      element("strong", {}, judged.label),
      " \u2014 ",
      choice.concordance ? "as you chose" : "the model's judgement for this result and category"
    ) : null,
    entry({ class: "cfx-next" }, "Next step", outcome.next_step)
  )];
}
function transcriptItems(table, path, system) {
  return path.map((stepId) => element(
    "li",
    { "data-step": stepId },
    element("span", { class: "cfx-step-label" }, stepLabel(table, stepId, system)),
    " ",
    sources(table, table.steps[stepId].sources, "\u2014 ")
  ));
}
function ruleItems(table, ruleIds) {
  return ruleIds.map((ruleId) => {
    const rule = table.rules[ruleId];
    return element(
      "li",
      { "data-rule": ruleId },
      rule.statement,
      " ",
      rule.synthesis ? element("span", { class: "cf-synthesis" }, "This book's simplification") : null,
      rule.synthesis && rule.unconfirmed ? " " : null,
      rule.unconfirmed ? element("span", { class: "cf-unconfirmed" }, "Sources differ or are incomplete") : null,
      " ",
      sources(table, rule.sources)
    );
  });
}
function stepDetails(table, stepId, system, path) {
  const step = table.steps[stepId];
  const position = path.indexOf(stepId);
  return [
    element("h3", {}, stepLabel(table, stepId, system)),
    element("p", { class: "cfx-where" }, position >= 0 ? `Step ${position + 1} of ${path.length} on the current path.` : "Not on the current path."),
    element("p", {}, step.explanation),
    element("p", {}, sources(table, step.sources))
  ];
}

// js/explorer/flowchart.js
function prepareChart(svgText, table, system, token) {
  const chart = parseChart(svgText, system, `${system}-${token}`);
  keepReadable(chart.svg);
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
    const title = group.querySelector(":scope > title");
    if (title) title.textContent = label;
    for (const link of group.querySelectorAll("a")) link.removeAttributeNS("http://www.w3.org/1999/xlink", "title");
  }
  for (const group of chart.edges.values()) {
    group.querySelector(":scope > title")?.remove();
    group.setAttribute("aria-hidden", "true");
  }
  return chart;
}
function drawPath(chart, table, path) {
  highlightPath(chart, path);
  describePath(chart, path, (step) => stepLabel(table, step, chart.system));
}

// js/explorer/menus.js
var GROUPS = [
  { legend: "The woman", fields: ["setting", "history", "system"] },
  { legend: "What is seen", fields: ["size", "shape", "pattern", "change"] },
  { legend: "After biopsy", fields: ["result", "concordance"] }
];
var SYSTEM_WORDS = { uk: "UK", us: "US" };
var OPTIONAL = ["result", "concordance"];
function optionElements(options) {
  return options.map((option) => element("option", { value: option.id }, option.label));
}
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
function clearForeignResult(table, choice) {
  const result = choice.result ? optionOf(table, "result", choice.result) : void 0;
  const system = choice.system || "";
  if (!result || !result.system || result.system === system) return "";
  choice.result = null;
  let told = `The result "${result.label}" is ${SYSTEM_WORDS[result.system] || result.system} wording, so it was cleared (No result yet): choose one of the ${SYSTEM_WORDS[system] || system} results.`;
  if (choice.concordance) {
    const concordance = optionOf(table, "concordance", choice.concordance);
    choice.concordance = null;
    told += ` The concordance "${concordance ? concordance.label : ""}" was cleared with it.`;
  }
  return told;
}
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
    hints[field].replaceChildren(...option && option.description ? [option.description, " ", sources(table, option.sources) || ""] : []);
  }
}
function chosen(view) {
  const choice = {};
  for (const field of view.table.fields) choice[field] = view.selects[field].value;
  for (const field of OPTIONAL) choice[field] = choice[field] || null;
  return choice;
}

// js/explorer/show.js
function chartOf(view) {
  return (
    /** @type {Chart} */
    view.chart
  );
}
function showChart(view, system) {
  if (view.chart && view.chart.system === system) return;
  if (!view.charts[system]) {
    view.charts[system] = prepareChart(view.model.get("svgs")[system], view.table, system, view.token);
    view.charts[system].svg.setAttribute("aria-describedby", view.chartHelp.id);
  }
  view.chart = view.charts[system];
  view.chartBox.replaceChildren(view.chart.svg);
}
function showDetails(view, stepId) {
  const chart = chartOf(view);
  const open = stepId !== null && chart.nodes.has(stepId);
  view.selectedStep = open ? stepId : null;
  for (const [nodeId, group] of chart.nodes) group.classList.toggle("selected", nodeId === view.selectedStep);
  view.details.classList.toggle("cfx-open", open);
  view.closeButton.hidden = !open;
  view.detailsBody.replaceChildren(...stepId !== null && open ? stepDetails(view.table, stepId, chart.system, view.path) : [element("p", { class: "cfx-note" }, CHART_HELP)]);
}
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
    view.transcriptNote.textContent = `${view.path.length} steps, from the first mammogram to where this finding goes next.`;
    view.transcript.replaceChildren(...transcriptItems(view.table, view.path, choice.system || ""));
    view.rules.replaceChildren(...ruleItems(view.table, outcome.rules || []));
  }
  view.chartBox.classList.toggle("cf-has-path", view.path.length > 0);
  if (view.walk !== null) walkTo(view, view.walk);
  else {
    drawPath(chartOf(view), view.table, view.path);
    showDetails(view, view.selectedStep);
    scrollToPath(view.chartBox, chartOf(view), view.path);
  }
}
function walkTo(view, count) {
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
  const walk = view.walk = Math.max(0, Math.min(count, path.length));
  drawPath(chart, view.table, path.slice(0, walk));
  const stepId = path[walk - 1];
  showDetails(view, stepId || null);
  markMenu(view);
  view.strip.replaceChildren(pathStrip({
    steps: path.slice(0, walk),
    label: (step) => stepLabel(view.table, step, chart.system),
    route: (from, to) => routeLabel(chart, from, to),
    pending: path.length - walk,
    name: "The path so far"
  }));
  const menu = `${fieldLabel(view.currentMenu, chart.system)}: ${numberKeys(view.selects[view.currentMenu].options.length)} choose`;
  view.present.setStatus(!path.length ? `No path for this combination. ${menu}.` : walk === 0 ? `Press \u2192 to follow the path (${path.length} steps). ${menu}.` : `Step ${walk} of ${path.length}: ${stepLabel(view.table, stepId, chart.system)}. ${menu}.`);
}
function chooseOption(view, number) {
  const select = view.selects[view.currentMenu];
  const option = select.options[number - 1];
  if (!option || select.value === option.value) return;
  select.value = option.value;
  applyChange(view, view.currentMenu);
}
function markMenu(view) {
  for (const field of view.table.fields) {
    const current = field === view.currentMenu;
    view.selects[field].parentElement?.classList.toggle("cfx-current-menu", current);
    view.labels[field].dataset.keys = current ? numberKeys(view.selects[field].options.length) : "";
  }
}
function show(view, choice) {
  const key = JSON.stringify(view.table.fields.map((field) => choice[field] || ""));
  if (key === view.shown) return;
  view.shown = key;
  showOutcome(view, choice, lookup(view.table, choice));
}
function applyChange(view, field) {
  const choice = chosen(view);
  view.notice.textContent = field === "system" ? clearForeignResult(view.table, choice) : "";
  show(view, choice);
  view.model.set("choice", choice);
  view.model.save_changes();
}

// js/explorer/slide.js
var DISCLAIMER = "For teaching, not for diagnosis.";
var OPTIONAL2 = ["result", "concordance"];
var MENU_KEYS = /* @__PURE__ */ new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", " ", "Home", "End"]);
function fill(select, options) {
  select.replaceChildren(...options.map((option) => element("option", { value: option.id }, option.label)));
}
function categoryLine(table, system, outcome) {
  const label = (table.categories[outcome.category || ""] || { label: outcome.category }).label;
  const code = system === "uk" ? outcome.rcr : `BI-RADS ${outcome.birads}`;
  return [element("strong", {}, label), ` \xB7 ${code}`];
}
function buildSlide(table, fields) {
  const id = viewIds("cfx-slide", nextViewNumber("explorer"));
  const selects = {};
  const labels = {};
  const form = element("form", { class: "cfx-slide-controls", "aria-label": "Describe the calcification" });
  for (const field of fields) {
    selects[field] = element("select", { name: field, id: id(field) });
    if (field !== "result") fill(selects[field], table.choices[field]);
    labels[field] = element("label", { for: id(field) }, fieldLabel(field, ""));
    form.append(element("div", { class: "cf-field" }, labels[field], selects[field]));
  }
  const answer = element("p", { class: "cfx-slide-answer", role: "status", "aria-live": "polite" });
  const figure = element("figure", {
    class: "cfx-slide-path cf-path-chart cf-has-path",
    "data-calcflow": "slide-path"
  });
  const root = element(
    "div",
    {
      class: "calcflow-explorer cf-widget cfx-slide",
      "data-calcflow": "explorer",
      "data-layout": "slide"
    },
    element("div", { class: "cfx-slide-side" }, element("p", { class: "cf-disclaimer" }, DISCLAIMER), form, answer),
    figure
  );
  return { fields, selects, labels, form, answer, figure, root };
}
function showSlide(slide, table, paths, choice) {
  const { fields, selects, labels, answer, figure } = slide;
  const system = choice.system || "";
  if (selects.result && selects.result.dataset.system !== system) {
    fill(selects.result, resultOptions(table, system));
    selects.result.dataset.system = system;
    labels.result.textContent = fieldLabel("result", system);
  }
  for (const field of fields) selects[field].value = choice[field] || "";
  const outcome = lookup(table, choice);
  if (outcome.refused || !outcome.path) {
    answer.replaceChildren(element("strong", {}, "This combination cannot occur. "), outcome.refused || "");
    figure.replaceChildren();
    figure.dataset.path = "";
    return;
  }
  answer.replaceChildren(...categoryLine(table, system, outcome));
  const svg = paths[`${system}:${outcome.path.join(" ")}`];
  figure.dataset.path = outcome.path.join(" ");
  figure.innerHTML = svg || "";
  if (!svg) figure.append(element("p", { class: "cfx-note" }, "This path was not drawn for the slide."));
}
function chosen2(slide, current) {
  const choice = { ...current };
  for (const field of slide.fields) choice[field] = slide.selects[field].value;
  for (const field of OPTIONAL2) choice[field] = choice[field] || null;
  return choice;
}
function renderSlide({ model, el }) {
  const table = model.get("table");
  const slide = buildSlide(table, model.get("fields"));
  const show2 = () => showSlide(slide, table, model.get("paths"), model.get("choice"));
  const unlisten = listenAll([
    [slide.form, "change", (event) => {
      const choice = chosen2(slide, model.get("choice"));
      if (
        /** @type {HTMLSelectElement} */
        event.target.name === "system"
      ) clearForeignResult(table, choice);
      showSlide(slide, table, model.get("paths"), choice);
      model.set("choice", choice);
      model.save_changes();
    }],
    [slide.form, "keydown", (event) => {
      if (MENU_KEYS.has(
        /** @type {KeyboardEvent} */
        event.key
      )) event.stopPropagation();
    }]
  ]);
  model.on("change:choice", show2);
  model.on("change:paths", show2);
  el.replaceChildren(slide.root);
  show2();
  slide.root.dataset.ready = "true";
  return () => {
    model.off("change:choice", show2);
    model.off("change:paths", show2);
    unlisten();
    slide.root.remove();
  };
}

// js/explorer/view.js
var DISCLAIMER2 = "For teaching, not for diagnosis.";
var PRESENT_KEYS = [
  ["\u2192", "reveal the next step of the path, with its explanation"],
  ["\u2190", "take the last step back"],
  ["1 2 3 \u2026", "choose that option in the current menu (Tab moves to the next menu)"],
  ["\u2191 \u2193", "the previous or next option in the menu that has focus"]
];
function createView(model) {
  const table = model.get("table");
  const token = nextViewNumber("explorer");
  const id = viewIds("cfx", token);
  const { form: controls, selects, hints, labels } = buildControls(table, id);
  const closeButton = element(
    "button",
    { type: "button", class: "cfx-close", "aria-label": "Close the step details" },
    "\xD7"
  );
  const detailsBody = element("div", { class: "cfx-details-body" });
  const root = element("div", { class: "calcflow-explorer cf-widget", "data-calcflow": "explorer" });
  const view = {
    model,
    table,
    token,
    id,
    controls,
    selects,
    hints,
    labels,
    closeButton,
    detailsBody,
    root,
    notice: element("p", { class: "cfx-notice", role: "status", "aria-live": "polite" }),
    // Regions are <div role="region">, not <section>: reveal.js takes every <section> of a slide deck for a slide.
    summary: element("div", { class: "cfx-summary", role: "region", "aria-live": "polite", "aria-label": "Answer" }),
    chartBox: element("div", { class: "cfx-chart cf-path-chart" }),
    chartHelp: element("p", { class: "cfx-visually-hidden", id: id("chart-help") }, CHART_HELP),
    strip: element("div", { class: "cfx-strip", "data-calcflow": "path-strip" }),
    details: element("div", {
      class: "cfx-details",
      role: "region",
      "aria-live": "polite",
      "aria-label": "Step details"
    }, closeButton, detailsBody),
    transcript: element("ol", { class: "cfx-transcript", "data-calcflow": "transcript" }),
    transcriptNote: element("p", { class: "cfx-note" }),
    rules: element("ul", { class: "cfx-rules" }),
    present: (
      /** @type {Presentation} */
      /** @type {unknown} */
      null
    ),
    charts: {},
    chart: null,
    shown: null,
    path: [],
    selectedStep: null,
    walk: null,
    currentMenu: table.fields[0]
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
    onLeave: () => walkTo(view, null)
  });
  root.append(view.present.bar, element("p", { class: "cf-disclaimer" }, DISCLAIMER2), ...layout(view));
  Object.assign(root, { calcflowLookup: (choice) => lookup(table, choice) });
  return view;
}
function layout(view) {
  const { id } = view;
  return [
    element(
      "div",
      { class: "cfx-layout" },
      element("div", { class: "cfx-side" }, view.controls, view.notice, view.summary),
      element("div", { class: "cfx-chart-area" }, view.chartHelp, view.chartBox, view.strip, view.details)
    ),
    element(
      "div",
      { class: "cfx-below" },
      element(
        "div",
        { class: "cfx-path", role: "region", "aria-labelledby": id("path-heading") },
        element("h3", { id: id("path-heading") }, "The path, step by step"),
        view.transcriptNote,
        view.transcript
      ),
      element(
        "div",
        { class: "cfx-why", role: "region", "aria-labelledby": id("rules-heading") },
        element("h3", { id: id("rules-heading") }, "Why: the rules that applied"),
        view.rules
      )
    )
  ];
}

// js/explorer.js
function stepFrom(event) {
  const target = (
    /** @type {Element | null} */
    event.target
  );
  const group = target && target.closest ? target.closest("g.node[data-step]") : null;
  return group ? (
    /** @type {SVGGElement} */
    group.dataset.step || null
  ) : null;
}
function openStep(view, stepId) {
  showDetails(view, stepId);
  keepDetailsInView(view);
}
function keepDetailsInView(view) {
  if (view.present.active()) return;
  const panel = view.details.getBoundingClientRect();
  const below = panel.bottom - window.innerHeight;
  if (below > 0) window.scrollBy(0, Math.max(0, Math.min(below + 8, panel.top - 8)));
}
function closeStep(view) {
  const group = view.selectedStep ? chartOf(view).nodes.get(view.selectedStep) : void 0;
  showDetails(view, null);
  if (group) group.focus();
}
function listeners(view) {
  return [
    [view.controls, "change", (event) => applyChange(
      view,
      /** @type {HTMLSelectElement} */
      event.target.name
    )],
    [view.controls, "focusin", (event) => {
      const target = (
        /** @type {HTMLElement} */
        event.target
      );
      if (target.tagName !== "SELECT") return;
      view.currentMenu = /** @type {HTMLSelectElement} */
      target.name;
      markMenu(view);
      if (view.walk !== null) walkTo(view, view.walk);
    }],
    [view.closeButton, "click", () => closeStep(view)],
    // Esc closes the step details (presenting, present.js takes Esc first: it leaves the presentation).
    [view.root, "keydown", (event) => {
      if (
        /** @type {KeyboardEvent} */
        event.key !== "Escape" || !view.selectedStep || event.defaultPrevented
      ) return;
      event.preventDefault();
      closeStep(view);
    }],
    [view.chartBox, "click", (event) => {
      const stepId = stepFrom(event);
      if (stepId) openStep(view, stepId);
    }],
    [view.chartBox, "keydown", (event) => {
      const key = (
        /** @type {KeyboardEvent} */
        event.key
      );
      const stepId = key === "Enter" || key === " " ? stepFrom(event) : null;
      if (!stepId) return;
      event.preventDefault();
      openStep(view, stepId);
    }]
  ];
}
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
var widget = keepingKeys({ render });
var explorer_default = widget;
mountStatic("explorer", widget);
export {
  explorer_default as default
};
