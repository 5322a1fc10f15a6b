// @ts-check
// The explorer's menus: built in their groups, set to show a choice, read back as one; a change of system clears a
// result in the other system's words.

import { element } from "../shared/dom.js";
import { optionOf } from "./lookup.js";
import { FIELD_LABELS, fieldLabel, resultOptions, sources } from "./words.js";

/** @typedef {import("./lookup.js").Option} Option */
/** @typedef {import("./lookup.js").Table} Table */
/** @typedef {import("./lookup.js").Choice} Choice */
/** @typedef {import("./view.js").View} View */

// The menus, in three groups a student recognises. A field the table has and no group names goes last.
const GROUPS = [
  { legend: "The woman", fields: ["setting", "history", "system"] },
  { legend: "What is seen", fields: ["size", "shape", "pattern", "change"] },
  { legend: "After biopsy", fields: ["result", "concordance"] },
];

/** @type {Record<string, string>} */
const SYSTEM_WORDS = { uk: "UK", us: "US" };
const OPTIONAL = ["result", "concordance"]; // "" in a menu, null in the choice: not given

/** @param {Option[]} options */
function optionElements(options) {
  return options.map((option) => element("option", { value: option.id }, option.label));
}

/**
 * The menus in their groups (<fieldset> with a <legend>), each with its label and a hint (the option's description).
 * @param {Table} table
 * @param {(name: string) => string} id
 */
export function buildControls(table, id) {
  /** @type {Record<string, HTMLSelectElement>} */
  const selects = {};
  /** @type {Record<string, HTMLElement>} */
  const hints = {};
  /** @type {Record<string, HTMLLabelElement>} */
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

/**
 * What a change of system does to a result in the other system's words: clear it (and the concordance judged on
 * it), and say so. Returns the sentence for the live region, or "" when nothing was cleared.
 * @param {Table} table
 * @param {Choice} choice  changed in place
 */
export function clearForeignResult(table, choice) {
  const result = choice.result ? optionOf(table, "result", choice.result) : undefined;
  const system = choice.system || "";
  if (!result || !result.system || result.system === system) return "";
  choice.result = null;
  let told = `The result "${result.label}" is ${SYSTEM_WORDS[result.system] || result.system} wording, so it was `
    + `cleared (No result yet): choose one of the ${SYSTEM_WORDS[system] || system} results.`;
  if (choice.concordance) {
    const concordance = optionOf(table, "concordance", choice.concordance);
    choice.concordance = null;
    told += ` The concordance "${concordance ? concordance.label : ""}" was cleared with it.`;
  }
  return told;
}

/**
 * The menus show `choice`: the result menu offers the chosen system's results; each menu's hint describes its value.
 * @param {View} view
 * @param {Choice} choice
 */
export function showChoice(view, choice) {
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
    hints[field].replaceChildren(...(option && option.description
      ? [option.description, " ", sources(table, option.sources) || ""] : []));
  }
}

/**
 * The choice the menus show.
 * @param {View} view
 * @returns {Choice}
 */
export function chosen(view) {
  /** @type {Choice} */
  const choice = {};
  for (const field of view.table.fields) choice[field] = view.selects[field].value;
  for (const field of OPTIONAL) choice[field] = choice[field] || null;
  return choice;
}
