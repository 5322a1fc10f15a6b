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
    for (const host of document.querySelectorAll(`[data-calcflow-static="${kind}"]`)) {
      mountHost(
        /** @type {HTMLElement} */
        host,
        widget2
      );
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll, { once: true });
  else mountAll();
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

// js/reader/score.js
var DESCRIBED = (
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
  for (const field2 of DESCRIBED) {
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
        `Finding ${finding.id}, missed (dashed circle on the image): ${findingWords(r, finding)}.`
      );
    }
    const verdicts = compareDescription(r.marks[first], finding);
    const parts = DESCRIBED.map((name) => element(
      "li",
      { class: `cfr-${verdicts[name].replace(" ", "-")}` },
      `${name}: ${verdicts[name]}${verdicts[name] === "right" ? "" : ` \u2014 it is ${labelOf(
        r.payload.menus[name],
        finding[name]
      ).toLowerCase()}`}`
    ));
    return element("li", { class: "cfr-found" }, `Finding ${finding.id}, found by mark ${first + 1}: ${findingWords(r, finding)}.`, element("ul", {}, parts));
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
    element("p", {}, "Why: the path from the screening mammogram \u2014"),
    element("ol", { class: "cfr-path" }, a.path.map((step) => element("li", {}, step))),
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
  const image = element("img", { "data-calcflow": "reader-image", alt: "", draggable: "false", class: "cfr-image" });
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
  const markList = element("ol", { class: "cfr-marks", "aria-label": "Your marks" });
  const scoreMenu = element("select", { id: id("score") });
  const nextMenu = element("select", { id: id("next") });
  const submit = element("button", { type: "button", class: "cfr-submit", "data-calcflow": "reader-submit" }, "Submit");
  const result = element("section", { class: "cfr-result", "aria-live": "polite", hidden: true });
  const work = element(
    "div",
    { class: "cfr-work", hidden: true },
    element("div", { class: "cfr-bar" }, viewSwitch, tools),
    stage.viewport,
    status,
    element("h4", {}, "Your marks"),
    markList,
    element(
      "div",
      { class: "cfr-answer" },
      field(id("score"), "Category", scoreMenu),
      field(id("next"), "Next step", nextMenu)
    ),
    submit,
    result
  );
  const root = element(
    "div",
    { class: "cf-widget cf-reader", "data-calcflow": "reader" },
    element("p", { class: "cf-disclaimer" }, "For teaching, not for diagnosis. The mammograms are drawn, not real."),
    field(id("case"), "Case", chooser),
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
    markList,
    scoreMenu,
    nextMenu,
    submit,
    result,
    work
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
  const menus = DESCRIBED.map((name) => {
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
    r.model.set("requested", key);
    r.model.save_changes();
    return;
  }
  if (image.dataset.key === key) return;
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
  r.item = r.payload.cases.find((c) => c.id === caseId) || null;
  r.chooser.value = r.item ? r.item.id : "";
  r.marks = [];
  r.selected = -1;
  clearResult(r);
  r.work.hidden = !r.item;
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
function listeners(r) {
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
      redraw(r);
    }]
  ];
}
function render({ model, el }) {
  const r = createView(model);
  const unlisten = listenAll(listeners(r));
  const onImages = () => placeImage(r);
  model.on("change:images", onImages);
  el.replaceChildren(r.root);
  openCase(r, model.get("case") || "");
  r.root.dataset.ready = "true";
  return () => {
    model.off("change:images", onImages);
    unlisten();
    r.root.remove();
  };
}
var widget = { render };
var reader_default = widget;
mountStatic("reader", widget);
export {
  reader_default as default
};
