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
 * @param {string} kind  the host's data-calcflow-static value
 * @param {Widget} widget
 */
export function mountStatic(kind, widget) {
  if (typeof document === "undefined") return;
  const mountAll = () => {
    for (const host of document.querySelectorAll(`[data-calcflow-static="${kind}"]`)) {
      mountHost(/** @type {HTMLElement} */ (host), widget);
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll, { once: true });
  else mountAll();
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
