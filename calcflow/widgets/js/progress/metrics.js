// @ts-check
// The My progress page's figures, from the stored readings (shared/progress.js): each a count or a ratio with its
// definition in plain words, the running accuracy for the line plot, and the confusion tables of shape and pattern.

/** @typedef {import("../shared/progress.js").Progress} Progress */
/** @typedef {import("../shared/progress.js").Reading} Reading */
/** @typedef {{id: string, label: string, definition: string, num: number, den: number}} Ratio */

/**
 * The ratios shown, with their definitions.
 * @param {Progress} progress
 * @returns {Ratio[]}
 */
export function ratios(progress) {
  const rs = progress.readings;
  const recalled = rs.filter((r) => r.recalled);
  const abnormal = rs.filter((r) => !r.normal);
  const normal = rs.filter((r) => r.normal);
  const findings = rs.flatMap((r) => r.findings);
  return [
    { id: "recall-rate", label: "Recall rate", num: recalled.length, den: rs.length,
      definition: "Of the cases you read, the share you recalled (you chose a category beyond benign: UK M3–M5, "
        + "US BI-RADS 3 or higher)." },
    { id: "sensitivity", label: "Sensitivity", num: abnormal.filter((r) => r.recalled).length, den: abnormal.length,
      definition: "Of the cases with a finding to recall (the model says UK M3 or higher, US BI-RADS 3 or higher), "
        + "the share you recalled." },
    { id: "specificity", label: "Specificity", num: normal.filter((r) => !r.recalled).length, den: normal.length,
      definition: "Of the normal and benign cases (nothing to recall), the share you did not recall." },
    { id: "ppv", label: "PPV of your recalls", num: recalled.filter((r) => !r.normal).length, den: recalled.length,
      definition: "Of the cases you recalled, the share that had a finding to recall (positive predictive value)." },
    { id: "localisation", label: "Localisation", num: findings.filter((f) => f.hit).length, den: findings.length,
      definition: "Of the calcifications in the cases you read, the share you marked in the right place." },
  ];
}

/**
 * "3 of 4 (75%)", or "no readings yet" when there is nothing to divide.
 * @param {Ratio} ratio
 */
export function ratioText(ratio) {
  return ratio.den ? `${ratio.num} of ${ratio.den} (${Math.round((100 * ratio.num) / ratio.den)}%)` : "no readings yet";
}

/**
 * After each reading: the share of recall decisions so far that were right, and of findings so far found (percent).
 * @param {Progress} progress
 * @returns {{decisions: number[], found: number[]}}
 */
export function running(progress) {
  let right = 0;
  let hits = 0;
  let all = 0;
  const decisions = [];
  const found = [];
  for (const [i, r] of progress.readings.entries()) {
    right += Number(r.recalled !== r.normal);
    hits += r.findings.filter((f) => f.hit).length;
    all += r.findings.length;
    decisions.push((100 * right) / (i + 1));
    found.push(all ? (100 * hits) / all : 100);
  }
  return { decisions, found };
}

/**
 * Chosen against true for one descriptor, over the findings found: true id → chosen id ("" not described) → count.
 * @param {Progress} progress
 * @param {"shape" | "pattern"} name
 * @returns {Map<string, Map<string, number>>}
 */
export function confusion(progress, name) {
  /** @type {Map<string, Map<string, number>>} */
  const table = new Map();
  for (const f of progress.readings.flatMap((r) => r.findings).filter((x) => x.hit)) {
    const row = table.get(f.truth[name]) || new Map();
    row.set(f.chosen[name], (row.get(f.chosen[name]) || 0) + 1);
    table.set(f.truth[name], row);
  }
  return table;
}
