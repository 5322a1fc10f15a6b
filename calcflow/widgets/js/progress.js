// @ts-check
// My progress: the learner's readings kept in this browser (shared/progress.js) — cases read, recall rate,
// sensitivity, specificity, PPV of recalls, localisation, the running accuracy and the confusion tables of shape and
// pattern — with Export (a JSON file), Import (validated first; refused with a reason, the stored progress untouched)
// and Reset (confirmed). One module for two hosts (shared/host.js); the state is the payload only
// (calcflow.widgets.reader_payload.progress_payload). Nothing leaves the browser.
// Hooks: data-calcflow="progress" on the root (data-ready once interactive, data-read: the readings stored),
// data-metric on each figure, data-confusion on the tables, data-next on the next case, data-calcflow="progress-export",
// "progress-import" (a file input), "progress-reset", "progress-reset-confirm" and "progress-message" (data-status:
// imported | refused | reset | exported).

import { element, listenAll } from "./shared/dom.js";
import { mountStatic } from "./shared/host.js";
import { keepingKeys } from "./shared/keys.js";
import { loadProgress, MAX_FILE_BYTES, parseProgress, resetProgress, saveProgress, STORAGE_KEY } from "./shared/progress.js";
import { nextViewNumber, viewIds } from "./shared/views.js";
import { summary, tools } from "./progress/view.js";

/** @typedef {import("./shared/host.js").RenderProps} RenderProps */
/** @typedef {import("./progress/view.js").Payload} Payload */

/**
 * @param {HTMLElement} message
 * @param {string} status
 * @param {string} text
 */
function say(message, status, text) {
  message.dataset.status = status;
  message.textContent = text;
}

/**
 * Download the stored progress as a JSON file.
 * @param {Payload} payload
 */
function exportFile(payload) {
  const blob = new Blob([JSON.stringify(loadProgress(payload), null, 1)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = element("a", { href: url, download: "calcflow-progress.json", hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Validate the chosen file, then store it, or refuse it and leave the stored progress as it was.
 * @param {HTMLInputElement} input
 * @param {Payload} payload
 * @param {HTMLElement} message
 * @returns {Promise<boolean>} whether it was stored
 */
async function importFile(input, payload, message) {
  const file = input.files?.[0];
  input.value = "";
  if (!file) return false;
  if (file.size > MAX_FILE_BYTES) {
    say(message, "refused", `Not imported: the file is too large (at most ${MAX_FILE_BYTES / 1024} KB). `
      + "Your progress is unchanged.");
    return false;
  }
  const checked = parseProgress(await file.text(), payload);
  if (!checked.ok) {
    say(message, "refused", `Not imported: ${checked.reason} Your progress is unchanged.`);
    return false;
  }
  saveProgress(checked.progress);
  say(message, "imported", `Imported ${checked.progress.readings.length} readings.`);
  return true;
}

/**
 * anywidget's entry point, and the static host's.
 * @param {RenderProps} props
 * @returns {() => void} the cleanup
 */
function render({ model, el }) {
  const payload = /** @type {Payload} */ (model.get("payload"));
  const t = tools(viewIds("cfp", nextViewNumber("progress")));
  const body = element("div", { class: "cfp-summary", "aria-live": "polite" });
  const root = element("div", { class: "cf-widget cf-progress", "data-calcflow": "progress" },
    element("p", { class: "cf-disclaimer" }, "For teaching, not for diagnosis. Your readings are kept in this "
      + "browser only; nothing is sent anywhere. Readings made while presenting are not counted."), t.box, body);
  const show = () => {
    const progress = loadProgress(payload);
    root.dataset.read = String(progress.readings.length);
    body.replaceChildren(...summary(progress, payload));
  };
  const unlisten = listenAll([
    [t.exportButton, "click", () => { exportFile(payload); say(t.message, "exported", "Exported."); }],
    [t.importInput, "change", () => { importFile(t.importInput, payload, t.message).then(show); }],
    [t.resetButton, "click", () => { t.confirm.hidden = false; t.confirmButton.focus(); }],
    [t.cancelButton, "click", () => { t.confirm.hidden = true; t.resetButton.focus(); }],
    [t.confirmButton, "click", () => {
      resetProgress();
      t.confirm.hidden = true;
      say(t.message, "reset", "Your progress was deleted.");
      show();
    }],
    [window, "storage", (e) => { if (/** @type {StorageEvent} */ (e).key === STORAGE_KEY) show(); }],
  ]);
  el.replaceChildren(root);
  show();
  root.dataset.ready = "true";
  return () => {
    unlisten();
    root.remove();
  };
}

const widget = keepingKeys({ render });
export default widget;
mountStatic("progress", widget);
