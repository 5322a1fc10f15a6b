// @ts-check
// Presentation mode, shared by the widgets (styles in css/shared/present.css). For a lecture theatre: the widget full
// screen in large type, driven from the keyboard or a presenter's remote (which sends the arrow or page keys).
//
//   const present = presentation({ root, keys, next, back, choose, onEnter, onLeave });
//   header.append(present.bar);              // the Present button (data-calcflow="present"), "?" and a status line
//   present.setStatus("Step 2 of 9");         // shown in the bar while presenting
//   return () => present.destroy();          // in the widget's cleanup
//
// Present asks the browser to show `root` full screen (Fullscreen API). Where that is refused (an iframe without
// permission, some embedded or headless browsers) the root becomes a fixed overlay over the whole window instead.
// Either way the root carries the class "cf-presenting", and Esc or the button leaves. While presenting:
//   → or Page Down  next(), ← or Page Up  back(), 1–9  choose(n), ?  the list of keys, Esc  leave.
// The keys are caught before the page sees them, so a slide deck (reveal.js) around the widget does not move.

import { element } from "./dom.js";
import { nextViewNumber } from "./views.js";

// Large type: the whole widget is zoomed so that its layout is about this many CSS pixels wide, within limits.
const LAYOUT_PX = 1200;
const ZOOM_MIN = 1.25;
const ZOOM_MAX = 2.2;

/**
 * @typedef {object} PresentOptions
 * @property {HTMLElement} root           the widget's root: what goes full screen
 * @property {Array<[string, string]>} [keys]  the widget's keys and what they do, for the "?" list
 * @property {() => void} next
 * @property {() => void} back
 * @property {(n: number) => void} choose  the number key n (1–9) was pressed
 * @property {() => void} [onEnter]
 * @property {() => void} [onLeave]
 */

/**
 * @typedef {object} Presentation
 * @property {HTMLElement} bar
 * @property {HTMLButtonElement} button
 * @property {() => boolean} active
 * @property {(text: string) => void} setStatus
 * @property {() => void} destroy
 */

/**
 * The number keys that choose among `count` options, in words for a hint: "key 1", "keys 1–4"; at most nine.
 * @param {number} count
 * @returns {string}
 */
export function numberKeys(count) {
  const last = Math.min(9, count);
  return last <= 1 ? "key 1" : `keys 1–${last}`;
}

/**
 * Presentation mode for a widget.
 * @param {PresentOptions} options
 * @returns {Presentation}
 */
export function presentation(options) {
  const mode = new PresentMode(options);
  return {
    bar: mode.bar,
    button: mode.button,
    active: () => mode.presenting,
    setStatus: (text) => mode.setStatus(text),
    destroy: () => mode.destroy(),
  };
}

/**
 * The bar: the Present button, the "?" button, a status line and the list of keys.
 * @param {Array<[string, string]>} keys
 * @param {string} helpId
 */
function presentBar(keys, helpId) {
  const button = element("button", {
    type: "button", class: "cf-present-button", "data-calcflow": "present", "aria-pressed": "false",
    title: "Full screen, large type, stepped with the keyboard",
  }, "Present");
  const helpButton = element("button", {
    type: "button", class: "cf-present-help-button", "aria-expanded": "false", "aria-controls": helpId,
    "aria-label": "Keys for the presentation", title: "Keys (?)", hidden: "",
  }, "?");
  const rows = [...keys, ["?", "show or hide this list"], ["Esc", "leave the presentation"]];
  // A <div role="region">, not a <section>: reveal.js shows every <section> of a slide deck as a slide.
  const help = element("div", { class: "cf-present-help", role: "region", id: helpId, "aria-label": "Keys",
    hidden: "" },
    element("p", { class: "cf-present-help-title" }, "Keys"),
    element("dl", {}, rows.map(([key, what]) => element("div", {}, element("dt", {}, element("kbd", {}, key)),
      element("dd", {}, what)))));
  const status = element("p", { class: "cf-present-status" });
  const bar = element("div", { class: "cf-present-bar" }, button, helpButton, status, help);
  return { bar, button, helpButton, help, status };
}

/**
 * What the key does while presenting, or null for a key the presentation leaves alone.
 * @param {string} key
 * @returns {"escape" | "next" | "back" | "help" | number | null}
 */
function keyAction(key) {
  if (key === "Escape") return "escape";
  if (key === "ArrowRight" || key === "PageDown") return "next";
  if (key === "ArrowLeft" || key === "PageUp") return "back";
  if (key === "?") return "help";
  return /^[1-9]$/.test(key) ? Number(key) : null;
}

class PresentMode {
  /** @param {PresentOptions} options */
  constructor({ root, keys = [], next, back, choose, onEnter = () => {}, onLeave = () => {} }) {
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
    this.onButton = () => (this.presenting ? this.leave() : this.enter());
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
    const target = /** @type {Node} */ (event.target);
    if (!this.presenting || this.root.contains(target)) return;
    const inside = [...this.root.querySelectorAll("button, select, input, [tabindex='0'], a[href]")]
      .filter((node) => !(/** @type {HTMLButtonElement} */ (node).disabled) && node.getClientRects().length);
    const backwards = this.root.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING;
    const next = /** @type {HTMLElement | undefined} */ (backwards ? inside[inside.length - 1] : inside[0]);
    if (next) next.focus();
  }

  // The browser left full screen (Esc, F11, another element): leave the presentation with it.
  onFullscreenChange() {
    if (this.presenting && document.fullscreenElement !== this.root
      && !this.root.classList.contains("cf-present-overlay")) this.leave();
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
    if (document.fullscreenElement === this.root) document.exitFullscreen().catch(() => {});
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
}
