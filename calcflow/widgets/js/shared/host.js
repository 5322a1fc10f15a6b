// @ts-check
// The two hosts of a widget's module, and the static one.
//   JupyterLab: anywidget imports the module and calls its default export's render({model, el}) with the kernel's
//     model.
//   A static page (the built book, a slide deck): the page holds each widget's state as JSON in a host element,
//     <div data-calcflow-static="<kind>"><script type="application/json">…</script>…<div data-calcflow-mount>,
//     written by calcflow.widgets.standalone; the build adds the module inline (calcflow.publish.widget_code), and
//     mountStatic() renders every host of its kind on the page with a stand-in model over that JSON.
// In both, a widget's module exports keepingKeys({ render }) (shared/keys.js): the element it renders into keeps
// the keys its controls act on from the notebook or the page around it.

/**
 * What anywidget's model offers a view; the static host's stand-in offers the same.
 * @typedef {object} Model
 * @property {(name: string) => any} get
 * @property {(name: string, value: any) => void} set
 * @property {(event: string, callback: () => void) => void} on
 * @property {(event: string, callback?: () => void) => void} off
 * @property {() => void} save_changes
 */
/** @typedef {{model: Model, el: HTMLElement}} RenderProps */
/** @typedef {{render: (props: RenderProps) => () => void}} Widget  a module's default export */

/**
 * A stand-in for the model over a plain object: `set` notifies "change:<name>" listeners the way a Backbone model
 * does, the view that made the change included.
 * @param {Record<string, unknown>} state
 * @returns {Model}
 */
export function staticModel(state) {
  /** @type {Map<string, Array<() => void>>} */
  const listeners = new Map();
  return {
    get: (name) => state[name],
    set(name, value) {
      if (state[name] === value) return;
      state[name] = value;
      for (const callback of [...(listeners.get(`change:${name}`) || [])]) callback();
    },
    on(event, callback) {
      listeners.set(event, [...(listeners.get(event) || []), callback]);
    },
    off(event, callback) {
      listeners.set(event, callback ? (listeners.get(event) || []).filter((c) => c !== callback) : []);
    },
    save_changes() {},
  };
}

/**
 * Render `widget` in every static host of its kind on this page (none in JupyterLab, where anywidget renders it).
 *
 * A host whose state the build moved out of the page (a large table: its JSON script is empty and names, in
 * data-calcflow-src, the script file that fills it; calcflow.publish.pages.externalise_widget_data) starts when it
 * comes within a screen's height of the window: the file is loaded then, and the widget rendered once it is in.
 * A phone then shows a chapter without first fetching and drawing an explorer twenty screens further down. Every
 * other host starts as soon as the page is parsed.
 * @param {string} kind  the host's data-calcflow-static value
 * @param {Widget} widget
 */
export function mountStatic(kind, widget) {
  if (typeof document === "undefined") return;
  const mountAll = () => {
    /** @type {IntersectionObserver | null} */
    let observer = null;
    for (const host of document.querySelectorAll(`[data-calcflow-static="${kind}"]`)) {
      const element = /** @type {HTMLElement} */ (host);
      const source = stateSource(element);
      if (!source || typeof IntersectionObserver === "undefined") {
        whenStateIsIn(element, source, () => mountHost(element, widget));
        continue;
      }
      observer ??= new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const near = /** @type {HTMLElement} */ (entry.target);
          observer?.unobserve(near);
          whenStateIsIn(near, stateSource(near), () => mountHost(near, widget));
        }
      }, { rootMargin: "100% 0px" });
      observer.observe(element);
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll, { once: true });
  else mountAll();
}

/**
 * The address of the script file that fills the host's empty state, if the build moved its state out of the page.
 * @param {HTMLElement} host
 * @returns {string | null}
 */
function stateSource(host) {
  const data = /** @type {HTMLElement | null} */ (host.querySelector(':scope > script[type="application/json"]'));
  return data && !(data.textContent || "").trim() ? data.dataset.calcflowSrc || null : null;
}

/** @type {Map<string, Promise<void>>} script files asked for, by address: one load however many hosts share it */
const loading = new Map();

/**
 * Call `then` once the host's state is in the page: at once, or when the script file `source` has run. A file
 * that cannot be loaded is reported on the console, and the host keeps its line saying what it would show.
 * @param {HTMLElement} host
 * @param {string | null} source
 * @param {() => void} then
 */
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
  /** @type {Promise<void>} */ (loading.get(source)).then(then, (error) => console.error(error));
}

/**
 * @param {HTMLElement} host
 * @param {Widget} widget
 */
function mountHost(host, widget) {
  const data = host.querySelector(':scope > script[type="application/json"]');
  const el = /** @type {HTMLElement | null} */ (host.querySelector(":scope > [data-calcflow-mount]"));
  if (!data || !el || host.dataset.calcflowMounted) return;
  host.dataset.calcflowMounted = "true";
  // The line that says where the widget runs, for viewers that show the page without its code.
  host.querySelector(":scope > [data-calcflow-fallback]")?.remove();
  try {
    widget.render({ model: staticModel(JSON.parse(data.textContent || "{}")), el });
  } catch (error) {
    console.error(error); // the other widgets of the page still mount
  }
}
