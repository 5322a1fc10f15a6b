// @ts-check
// The keys a widget keeps for itself. In JupyterLab and Jupyter Notebook 7 a widget sits in a cell's output, and the
// notebook reads the keys that reach the document: in command mode ↓ and ↑ select another cell, A and B insert cells,
// Enter edits the cell. A learner changing a menu or a radio button with the arrow keys, as the chapters tell keyboard
// users to, would move the notebook instead of the choice. So each widget's host element stops, on their way up, the
// keys that its own controls act on, and the keys a widget's own handler took (preventDefault): they still do what
// they do in the widget, and the notebook — or a slide deck, or a page's shortcuts — around it does not see them.
// Keys with Ctrl, Alt or Meta, Tab, Escape and Shift+Enter (run the cell) go on up as before, and so does every key
// pressed where no control has focus. Presentation mode (present.js) catches its keys earlier, on the window.
//
//   const widget = keepingKeys({ render });   // a widget's default export: both hosts get it (shared/host.js)

/** @typedef {import("./host.js").Widget} Widget */

// A form control takes every key for itself (arrows, Home, End, Page keys, Space, letters to find an option, typing).
const CONTROLS = "select, textarea, input:not([type=button], [type=submit], [type=reset], [type=image])";
// A button, a link or a <summary> takes Enter and Space (to press it).
const PRESSABLE = "button, input, summary, a[href]";
const PRESS_KEYS = new Set(["Enter", " "]);
const PASSED_ON = new Set(["Tab", "Escape"]);

/**
 * Whether the widget keeps `event` (a keydown inside it) from the page around it.
 * @param {KeyboardEvent} event
 * @returns {boolean}
 */
export function keptKey(event) {
  if (event.ctrlKey || event.altKey || event.metaKey || PASSED_ON.has(event.key)) return false;
  if (event.key === "Enter" && event.shiftKey) return false;
  if (event.defaultPrevented) return true;
  const target = /** @type {Element | null} */ (event.target);
  if (!target || typeof target.matches !== "function") return false;
  if (target.matches(CONTROLS) || (target instanceof HTMLElement && target.isContentEditable)) return true;
  return target.matches(PRESSABLE) && PRESS_KEYS.has(event.key);
}

/**
 * Keep the keys of everything inside `el` (see keptKey); returns the function that stops doing so.
 * @param {HTMLElement} el
 * @returns {() => void}
 */
export function keepKeys(el) {
  /** @param {Event} event */
  const onKey = (event) => {
    if (keptKey(/** @type {KeyboardEvent} */ (event))) event.stopPropagation();
  };
  el.addEventListener("keydown", onKey);
  return () => el.removeEventListener("keydown", onKey);
}

/**
 * The widget, rendering as before into an element that keeps its keys (anywidget's host and the static one alike).
 * @param {Widget} widget
 * @returns {Widget}
 */
export function keepingKeys(widget) {
  return {
    render(props) {
      const release = keepKeys(props.el);
      const cleanup = widget.render(props);
      return () => {
        release();
        cleanup();
      };
    },
  };
}
