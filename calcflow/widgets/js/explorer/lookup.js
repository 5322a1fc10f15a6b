// @ts-check
// The pathway explorer's tables (calcflow.widgets.payloads.explorer_table) and the answer: two table lookups, joined
// (calcflow.widgets.payloads.lookup, line for line).

/**
 * An option of a menu (calcflow.widgets.payloads: the choices of a field).
 * @typedef {object} Option
 * @property {string} id           "" for "No result yet" and "The model's judgement"
 * @property {string} label
 * @property {string} [description]
 * @property {string[]} [sources]
 * @property {string} [system]     a biopsy result's system
 */
/**
 * A sub-table: an outcome for every combination of `fields`, in mixed-radix order (the last field fastest).
 * @typedef {{fields: string[], index: number[], outcomes: Array<Record<string, any>>}} Part
 */
/**
 * The exported tables (calcflow.widgets.payloads.explorer_table).
 * @typedef {object} Table
 * @property {string[]} fields      the inputs, in the order of calcflow.assess
 * @property {string[]} described   inputs whose chosen option's sources belong to the answer
 * @property {Record<string, string[]>} axes
 * @property {Part} category
 * @property {Part} route
 * @property {Record<string, Option[]>} choices
 * @property {Record<string, {label: string, labels?: Record<string, string>, explanation: string, sources: string[]}>} steps
 * @property {Record<string, {statement: string, sources: string[], synthesis?: boolean, unconfirmed?: boolean}>} rules
 * @property {Record<string, {label: string, plain: string}>} categories
 * @property {Record<string, string>} birads
 * @property {Record<string, string>} rcr
 * @property {Record<string, string>} references
 */
/** @typedef {Record<string, string | null>} Choice  field → option id; null: not given */
/**
 * An answer (calcflow.widgets.payloads.lookup), or a refusal when the combination cannot occur.
 * @typedef {object} Outcome
 * @property {string} [refused]
 * @property {string} [category]
 * @property {string} [birads]
 * @property {string} [rcr]
 * @property {string} [next_step]
 * @property {string[]} [path]
 * @property {string} [route]
 * @property {string[]} [rules]
 * @property {string[]} [sources]
 * @property {string | null} [concordance]
 */

/**
 * One outcome of a sub-table: mixed-radix position over its fields, the last field fastest.
 * @param {Part} part
 * @param {Record<string, string[]>} axes
 * @param {Record<string, string>} values
 * @returns {Record<string, any>}
 */
function findOutcome(part, axes, values) {
  let position = 0;
  for (const field of part.fields) {
    const ids = axes[field];
    const index = ids.indexOf(values[field]);
    if (index < 0) return { refused: `unknown ${field} '${values[field]}'; choose one of: ${ids.join(", ")}` };
    position = position * ids.length + index;
  }
  return part.outcomes[part.index[position]];
}

/**
 * @template T
 * @param {T[]} items
 * @returns {T[]}
 */
function unique(items) {
  return [...new Set(items)];
}

/**
 * The category (what is seen), then the route for its BI-RADS category (where the woman is); the first refusal wins.
 * @param {Table} table
 * @param {Choice} choice
 * @returns {Outcome}
 */
export function lookup(table, choice) {
  /** @type {Record<string, string>} */
  const values = {};
  for (const field of table.fields) values[field] = choice[field] || "";
  const seen = findOutcome(table.category, table.axes, values);
  if ("refused" in seen) return seen;
  const taken = findOutcome(table.route, table.axes, { ...values, birads: seen.birads });
  if ("refused" in taken) return taken;
  /** @type {string[]} */
  const rules = unique([...seen.rules, ...taken.rules]);
  /** @type {string[][]} */
  const items = [...rules.map((id) => table.rules[id].sources),
    ...taken.path.map((/** @type {string} */ id) => table.steps[id].sources)];
  for (const field of table.described) items.push(optionOf(table, field, values[field])?.sources || []);
  return {
    category: seen.category, birads: seen.birads, rcr: seen.rcr, next_step: taken.next_step, path: taken.path,
    route: taken.route, rules, sources: unique(items.flat()), concordance: taken.concordance,
  };
}

/**
 * @param {Table} table
 * @param {string} field
 * @param {string | null} id
 * @returns {Option | undefined}
 */
export function optionOf(table, field, id) {
  return table.choices[field].find((option) => option.id === id);
}
