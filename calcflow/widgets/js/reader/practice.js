// @ts-check
// Endless practice, live in JupyterLab only: a seed, a tier and a system make a new case (calcflow.model.practice),
// so that typing the same seed again replays the same case. The kernel makes it and draws its views; a static page
// has no kernel, so it shows no practice control. The live widget's model has the `practice` trait (a list of the
// cases made); a static page's state has none — that is how the view knows where it runs.
//
// Asking: the front end sets `practice_request` to {seed, tier, system}; the kernel appends the case to `practice`
// (each with practice: {seed, label}) or says why not in `practice_error`, then clears the request — the sign that it
// has answered. A case already made is opened again without asking. Practice cases are not part of the test set:
// their readings are not recorded in My progress (shared/progress.js refuses unknown case ids, so a stored practice
// reading would make the stored progress invalid).
// Hooks: data-calcflow="reader-practice-seed" (the seed field) and "reader-practice-new" (the button).

import { element } from "../shared/dom.js";
import { openCase, practiceCases } from "./show.js";
import { field } from "./view.js";

/** @typedef {import("./view.js").Reader} Reader */
/** @typedef {import("./score.js").ReadingCase} ReadingCase */
/** @typedef {import("../shared/host.js").Model} Model */

const FRESH_SEEDS = 100000; // a fresh seed has at most five digits: easy to note and type again
const TIER_WORDS = { student: "Student", advanced: "Advanced" };

/**
 * @typedef {object} PracticeControl
 * @property {HTMLElement} box
 * @property {HTMLInputElement} seed
 * @property {HTMLSelectElement} tier
 * @property {HTMLSelectElement} system
 * @property {HTMLButtonElement} button
 * @property {HTMLElement} status
 * @property {boolean} waiting  a case has been asked for and the kernel has not answered yet
 */

/**
 * Whether a kernel is there to make practice cases (see the module's comment).
 * @param {Model} model
 */
export function isLive(model) {
  return Array.isArray(model.get("practice"));
}

/** @returns {string} a new random seed */
function freshSeed() {
  return String(Math.floor(Math.random() * FRESH_SEEDS));
}

/**
 * The practice control (seed, tier, system, New practice case), for a live reader.
 * @param {Reader} r
 * @returns {PracticeControl}
 */
export function createPractice(r) {
  const limits = r.payload.practice_options || { max_seed: FRESH_SEEDS - 1, tiers: ["student"], systems: ["uk"] };
  const seed = element("input", { type: "number", id: r.id("practice-seed"), min: "0", max: String(limits.max_seed),
    step: "1", inputmode: "numeric", value: freshSeed(), "data-calcflow": "reader-practice-seed" });
  const tier = element("select", { id: r.id("practice-tier") }, limits.tiers.map((t) => element("option",
    { value: t }, TIER_WORDS[/** @type {"student" | "advanced"} */ (t)] || t)));
  const system = element("select", { id: r.id("practice-system") },
    limits.systems.map((s) => element("option", { value: s }, s.toUpperCase())));
  const button = element("button", { type: "button", class: "cfr-practice-new", "data-calcflow": "reader-practice-new",
    "aria-describedby": r.id("practice-help") }, "New practice case");
  const status = element("p", { class: "cfr-practice-status", "aria-live": "polite" });
  const box = element("fieldset", { class: "cfr-endless" }, element("legend", {}, "Endless practice"),
    element("div", { class: "cfr-bar" }, field(r.id("practice-seed"), "Seed", seed),
      field(r.id("practice-tier"), "Tier", tier), field(r.id("practice-system"), "System", system), button),
    element("p", { id: r.id("practice-help"), class: "cfr-rule" }, "A new case drawn from the seed: the same "
      + "seed, tier and system give the same case again. A fresh seed is filled in after each case. Practice "
      + "readings are not kept in My progress."), status);
  return { box, seed, tier, system, button, status, waiting: false };
}

/**
 * Show the practice cases in the case chooser, after the test set.
 * @param {Reader} r
 */
export function listPractice(r) {
  const cases = practiceCases(r.model);
  let group = r.chooser.querySelector("optgroup[data-practice]");
  if (!cases.length) {
    group?.remove();
    return;
  }
  if (!group) {
    group = element("optgroup", { label: "Endless practice", "data-practice": "" });
    r.chooser.append(group);
  }
  group.replaceChildren(...cases.map((c) => element("option", { value: c.id }, c.practice?.label || c.id)));
  if (r.item) r.chooser.value = r.item.id;
}

/**
 * @param {PracticeControl} c
 * @param {string} text
 * @param {boolean} [error]
 */
function say(c, text, error = false) {
  c.status.textContent = text;
  c.status.classList.toggle("cfr-error", error);
}

/**
 * Open a practice case and offer a fresh seed for the next one.
 * @param {Reader} r
 * @param {PracticeControl} c
 * @param {ReadingCase} item
 */
function openPractice(r, c, item) {
  listPractice(r);
  openCase(r, item.id);
  c.seed.value = freshSeed();
  say(c, `${item.practice?.label || item.id}: type seed ${item.practice?.seed} again, with the same tier and `
    + "system, to replay this case.");
}

/**
 * "New practice case": open the case of the seed, tier and system chosen, asking the kernel to make it if needed.
 * @param {Reader} r
 */
export function requestPractice(r) {
  const c = r.newCase;
  if (!c || c.waiting) return;
  const max = Number(c.seed.max);
  const seed = Number(c.seed.value);
  if (c.seed.value.trim() === "" || !Number.isInteger(seed) || seed < 0 || seed > max) {
    say(c, `The seed is a whole number from 0 to ${max}.`, true);
    return;
  }
  const [tier, system] = [c.tier.value, c.system.value];
  const made = practiceCases(r.model).find((p) => p.practice?.seed === seed && p.tier === tier && p.system === system);
  if (made) {
    openPractice(r, c, made);
    return;
  }
  c.waiting = true;
  c.button.disabled = true;
  say(c, `Making practice case ${seed}…`);
  r.model.set("practice_request", { seed, tier, system });
  r.model.save_changes();
}

/**
 * The kernel has answered (it clears the request): open the new case, or say why there is none.
 * @param {Reader} r
 */
export function practiceAnswered(r) {
  const c = r.newCase;
  const request = r.model.get("practice_request");
  if (!c || !c.waiting || (request && Object.keys(request).length)) return;
  c.waiting = false;
  c.button.disabled = false;
  const error = r.model.get("practice_error");
  const cases = practiceCases(r.model);
  if (error || !cases.length) say(c, `No practice case: ${error || "the kernel made none"}.`, true);
  else openPractice(r, c, cases[cases.length - 1]);
}

/**
 * The control's listeners (none without a control), for listenAll.
 * @param {Reader} r
 * @returns {Array<[EventTarget, string, EventListener]>}
 */
export function practiceListeners(r) {
  const c = r.newCase;
  if (!c) return [];
  return [
    [c.button, "click", () => requestPractice(r)],
    [c.seed, "keydown", (e) => {
      if (/** @type {KeyboardEvent} */ (e).key === "Enter") requestPractice(r);
    }],
  ];
}

/**
 * Add the control to a live reader, and follow the kernel's answers; returns the cleanup.
 * @param {Reader} r
 * @returns {() => void}
 */
export function mountPractice(r) {
  if (!isLive(r.model)) return () => {};
  r.newCase = createPractice(r);
  r.chooser.closest(".cfr-bar")?.after(r.newCase.box);
  listPractice(r);
  const onList = () => listPractice(r);
  const onAnswer = () => practiceAnswered(r);
  r.model.on("change:practice", onList);
  r.model.on("change:practice_request", onAnswer);
  return () => {
    r.model.off("change:practice", onList);
    r.model.off("change:practice_request", onAnswer);
  };
}
