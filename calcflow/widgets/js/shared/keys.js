// @ts-check
// The keys a widget keeps for itself. In JupyterLab and Jupyter Notebook 7 a widget sits in a cell's output, and the
// notebook acts on the keys pressed in it: in command mode ↓ and ↑ select another cell, A and B insert cells, Enter
// edits the cell. A learner changing a menu or a radio button with the arrow keys, as the chapters tell keyboard users
// to, would move the notebook instead of the choice. So the element a widget renders into keeps from the page around
// it (the notebook, a slide deck, a page's shortcuts) the keys that the widget acts on; they still do what they do in
// the widget:
//   - every key pressed in a form control (arrows, Home, End, Page keys, Space, letters that find an option, typing),
//     and in an element that handles keys itself (role="application": the reader's image);
//   - Enter and Space on a button, a link, a <summary> or role="button" (a step of the explorer's flowchart);
//   - any other key the widget's own handler took (preventDefault).
// Keys with Ctrl, Alt or Meta, Tab, Escape and Shift+Enter (run the cell) go on as before, and so does every key
// pressed where nothing of the widget has focus. Presentation mode (present.js) catches its keys earlier, on the window.
//
// Two ways, because Jupyter's front ends read keys at either end of their way through the page. JupyterLab reads them
// on the document as they bubble up: the widget's element stops them before (stopPropagation). Notebook 7 reads them
// on the document on their way down (capture), before the widget sees them: there the control under the key carries
// data-lm-suppress-shortcuts — the attribute by which Lumino, the toolkit of both, leaves a key to an element — while
// the key is dispatched. Keys only the widget's handler takes (the third kind) cannot be told apart that early.
//
//   const widget = keepingKeys({ render });   // a widget's default export: both hosts use it (shared/host.js)

/** @typedef {import("./host.js").Widget} Widget */

const CONTROLS = "select, textarea, input:not([type=button], [type=submit], [type=reset], [type=image]), "
  + "[role=application]";
const PRESSABLE = "button, input, summary, a[href], [role=button]";
const PRESS_KEYS = new Set(["Enter", " "]);
const PASSED_ON = new Set(["Tab", "Escape"]);
const SUPPRESS = "data-lm-suppress-shortcuts";

/**
 * Whether the page around a widget gets the key whatever the widget does with it.
 * @param {KeyboardEvent} event
 */
function passedOn(event) {
  return event.ctrlKey || event.altKey || event.metaKey || PASSED_ON.has(event.key)
    || (event.key === "Enter" && event.shiftKey);
}

/**
 * Whether the element that has focus acts on `event` (a keydown) itself: a control, or Enter or Space on something
 * pressable. Known before any handler runs.
 * @param {KeyboardEvent} event
 * @returns {boolean}
 */
export function keptKey(event) {
  const target = /** @type {Element | null} */ (event.target);
  if (passedOn(event) || !target || typeof target.matches !== "function") return false;
  if (target.matches(CONTROLS) || (target instanceof HTMLElement && target.isContentEditable)) return true;
  return target.matches(PRESSABLE) && PRESS_KEYS.has(event.key);
}

/**
 * Keep the keys of everything inside `el` (see the module's text); returns the function that stops doing so.
 * @param {HTMLElement} el
 * @returns {() => void}
 */
export function keepKeys(el) {
  /** @param {Event} event  on the window, before anything else on the page */
  const mark = (event) => {
    const target = /** @type {Element} */ (event.target);
    if (!(target instanceof Element) || !el.contains(target) || target.hasAttribute(SUPPRESS)
      || !keptKey(/** @type {KeyboardEvent} */ (event))) return;
    target.setAttribute(SUPPRESS, "");
    setTimeout(() => target.removeAttribute(SUPPRESS)); // once this key has been dispatched
  };
  /** @param {Event} event  on its way up, after the widget's own handlers */
  const stop = (event) => {
    const key = /** @type {KeyboardEvent} */ (event);
    if (keptKey(key) || (key.defaultPrevented && !passedOn(key))) event.stopPropagation();
  };
  window.addEventListener("keydown", mark, true);
  el.addEventListener("keydown", stop);
  return () => {
    window.removeEventListener("keydown", mark, true);
    el.removeEventListener("keydown", stop);
  };
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
