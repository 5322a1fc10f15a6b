
// --- calcflow/widgets/present.js: presentation mode, shared by the widgets (appended to each widget's module by
// calcflow.widgets.standalone.module_source; styles in present.css). For a lecture theatre: the widget full screen in
// large type, driven from the keyboard or a presenter's remote (which sends the arrow or page keys).
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

const PRESENT_VIEWS = Symbol.for("calcflow.present.views");
// Large type: the whole widget is zoomed so that its layout is about this many CSS pixels wide, within limits.
const PRESENT_LAYOUT_PX = 1200;
const PRESENT_ZOOM_MIN = 1.25;
const PRESENT_ZOOM_MAX = 2.2;

function presentation({ root, keys = [], next, back, choose, onEnter = () => {}, onLeave = () => {} }) {
  const token = (globalThis[PRESENT_VIEWS] = (globalThis[PRESENT_VIEWS] || 0) + 1);
  const helpId = `cf-present-${token}-help`;
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

  let presenting = false;

  function showHelp(open) {
    help.hidden = !open;
    helpButton.setAttribute("aria-expanded", String(open));
  }

  // The zoom for large type, and the height the widget may use in its own (zoomed) pixels.
  function fit() {
    const zoom = Math.min(PRESENT_ZOOM_MAX, Math.max(PRESENT_ZOOM_MIN, window.innerWidth / PRESENT_LAYOUT_PX));
    root.style.setProperty("--cf-present-zoom", zoom.toFixed(3));
    root.style.setProperty("--cf-present-height", `${Math.floor(window.innerHeight / zoom)}px`);
  }

  function onKey(event) {
    if (!presenting || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    if (key === "Escape") {
      if (!help.hidden) showHelp(false);
      else leave();
    } else if (key === "ArrowRight" || key === "PageDown") {
      next();
    } else if (key === "ArrowLeft" || key === "PageUp") {
      back();
    } else if (key === "?") {
      showHelp(help.hidden);
    } else if (/^[1-9]$/.test(key)) {
      choose(Number(key));
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  // Keep Tab inside the presentation: focus that leaves the root comes back to its first (or, going backwards,
  // its last) control.
  function onFocusIn(event) {
    if (!presenting || root.contains(event.target)) return;
    const inside = [...root.querySelectorAll("button, select, input, [tabindex='0'], a[href]")]
      .filter((node) => !node.disabled && node.getClientRects().length);
    const backwards = root.compareDocumentPosition(event.target) & Node.DOCUMENT_POSITION_PRECEDING;
    const target = backwards ? inside[inside.length - 1] : inside[0];
    if (target) target.focus();
  }

  function onFullscreenChange() {
    // The browser left full screen (Esc, F11, another element): leave the presentation with it.
    if (presenting && document.fullscreenElement !== root && !root.classList.contains("cf-present-overlay")) leave();
  }

  async function enter() {
    if (presenting) return;
    presenting = true;
    root.classList.add("cf-presenting");
    fit();
    button.textContent = "Leave presentation";
    button.setAttribute("aria-pressed", "true");
    helpButton.hidden = false;
    window.addEventListener("keydown", onKey, true);
    window.addEventListener("focusin", onFocusIn, true);
    window.addEventListener("resize", fit);
    onEnter();
    try {
      if (!document.fullscreenEnabled || !root.requestFullscreen) throw new Error("no Fullscreen API here");
      await root.requestFullscreen({ navigationUI: "hide" });
    } catch (refused) {
      if (presenting) root.classList.add("cf-present-overlay");
    }
    if (presenting) fit();
  }

  function leave() {
    if (!presenting) return;
    presenting = false;
    root.classList.remove("cf-presenting", "cf-present-overlay");
    root.style.removeProperty("--cf-present-zoom");
    root.style.removeProperty("--cf-present-height");
    window.removeEventListener("keydown", onKey, true);
    window.removeEventListener("focusin", onFocusIn, true);
    window.removeEventListener("resize", fit);
    if (document.fullscreenElement === root) document.exitFullscreen().catch(() => {});
    showHelp(false);
    helpButton.hidden = true;
    status.textContent = "";
    button.textContent = "Present";
    button.setAttribute("aria-pressed", "false");
    onLeave();
    button.focus();
  }

  const onButton = () => (presenting ? leave() : enter());
  const onHelpButton = () => showHelp(help.hidden);
  button.addEventListener("click", onButton);
  helpButton.addEventListener("click", onHelpButton);
  document.addEventListener("fullscreenchange", onFullscreenChange);

  return {
    bar,
    button,
    active: () => presenting,
    setStatus(text) {
      if (presenting) status.textContent = text;
    },
    destroy() {
      leave();
      button.removeEventListener("click", onButton);
      helpButton.removeEventListener("click", onHelpButton);
      document.removeEventListener("fullscreenchange", onFullscreenChange);
    },
  };
}
