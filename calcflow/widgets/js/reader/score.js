// @ts-check
// The reader's payload types and the comparison of a reading with the truth. Geometry and equality only: the truth
// and the model's answers come in the payload (calcflow.widgets.reader_payload); nothing clinical is decided here.

/** @typedef {{id: string, label: string}} Option */
/** @typedef {{x: number, y: number, r: number}} Circle  image pixels */
/**
 * @typedef {object} Finding
 * @property {string} id
 * @property {string} size
 * @property {string} shape
 * @property {string} pattern
 * @property {string | null} quadrant
 * @property {string | null} depth
 * @property {Record<string, Circle>} where  view → where the generator drew it
 * @property {FindingAnswer} answer
 */
/**
 * @typedef {object} FindingAnswer  the model's answer for one finding
 * @property {string} category
 * @property {string} birads
 * @property {string} rcr
 * @property {string} next_test
 * @property {Array<{id: string, statement: string, sources: string[]}>} why  the rules that decide its category
 */
/**
 * @typedef {object} CaseAnswer
 * @property {string} category
 * @property {string} category_label
 * @property {string} birads
 * @property {string} birads_label
 * @property {string} rcr
 * @property {string} rcr_label
 * @property {string} next        the route's last step id
 * @property {string} next_step   in words
 * @property {string[]} path      the steps' labels: the reasons
 */
/**
 * @typedef {object} ReadingCase
 * @property {string} id
 * @property {string} tier
 * @property {string} system
 * @property {string} side
 * @property {boolean} normal
 * @property {Record<string, {width: number, height: number}>} views
 * @property {number} mm_per_px
 * @property {Finding[]} findings
 * @property {CaseAnswer} answer
 * @property {string | null} note
 * @property {string[]} sources
 * @property {{seed: number, label: string}} [practice]  a practice case's seed and name (reader/practice.js)
 */
/**
 * @typedef {object} Payload
 * @property {ReadingCase[]} cases
 * @property {{size: Option[], shape: Option[], pattern: Option[], score: Record<string, Option[]>,
 *   next: Record<string, Option[]>}} menus
 * @property {Record<string, string>} scores  system → "rcr" | "birads"
 * @property {{margin_mm: number, text: string}} tolerance
 * @property {{max_seed: number, tiers: string[], systems: string[]}} [practice_options]  what endless practice offers
 */
/**
 * A mark: where (view and image pixels) and the learner's words for it ("" when not given).
 * @typedef {{view: string, x: number, y: number, size: string, shape: string, pattern: string}} Mark
 */
/**
 * @typedef {object} Score
 * @property {Array<string | null>} found   per mark: the finding it found, or null (a false mark)
 * @property {string[]} hits                the findings found, in the case's order
 * @property {string[]} misses              the findings not found
 * @property {number} falseMarks
 * @property {Map<string, number>} firstMark  finding id → the first mark that found it
 */

export const DESCRIBED = /** @type {const} */ (["size", "shape", "pattern"]);

/**
 * The finding a mark finds: the one whose circle (plus the margin) holds it, the nearest edge first; else null.
 * @param {ReadingCase} item
 * @param {Mark} mark
 * @param {number} margin  pixels
 * @returns {string | null}
 */
export function findingAt(item, mark, margin) {
  let best = null;
  let bestGap = Infinity;
  for (const finding of item.findings) {
    const circle = finding.where[mark.view];
    if (!circle) continue;
    const gap = Math.hypot(mark.x - circle.x, mark.y - circle.y) - circle.r - margin;
    if (gap <= 0 && gap < bestGap) {
      best = finding.id;
      bestGap = gap;
    }
  }
  return best;
}

/**
 * The margin in pixels of the case's views.
 * @param {ReadingCase} item
 * @param {Payload} payload
 * @returns {number}
 */
export function marginPx(item, payload) {
  return payload.tolerance.margin_mm / item.mm_per_px;
}

/**
 * Every mark a hit or a false mark, and the findings missed.
 * @param {ReadingCase} item
 * @param {Mark[]} marks
 * @param {number} margin  pixels
 * @returns {Score}
 */
export function scoreMarks(item, marks, margin) {
  const found = marks.map((mark) => findingAt(item, mark, margin));
  /** @type {Map<string, number>} */
  const firstMark = new Map();
  found.forEach((id, index) => {
    if (id !== null && !firstMark.has(id)) firstMark.set(id, index);
  });
  const hits = item.findings.filter((f) => firstMark.has(f.id)).map((f) => f.id);
  const misses = item.findings.filter((f) => !firstMark.has(f.id)).map((f) => f.id);
  return { found, hits, misses, falseMarks: found.filter((id) => id === null).length, firstMark };
}

/**
 * Each descriptor of a mark against the finding's truth: "right", "wrong" or "not described".
 * @param {Mark} mark
 * @param {Finding} finding
 * @returns {Record<string, "right" | "wrong" | "not described">}
 */
export function compareDescription(mark, finding) {
  /** @type {Record<string, "right" | "wrong" | "not described">} */
  const verdicts = {};
  for (const field of DESCRIBED) {
    const given = mark[field];
    verdicts[field] = !given ? "not described" : given === finding[field] ? "right" : "wrong";
  }
  return verdicts;
}

/**
 * The learner's score and next step against the model's ("" counts as not given).
 * @param {ReadingCase} item
 * @param {Payload} payload
 * @param {{score: string, next: string}} given
 * @returns {{score: "right" | "wrong" | "not given", next: "right" | "wrong" | "not given", truth: string}}
 */
export function compareAnswer(item, payload, given) {
  const kind = payload.scores[item.system] === "birads" ? "birads" : "rcr";
  const truth = item.answer[kind];
  /** @param {string} value @param {string} right */
  const verdict = (value, right) => (!value ? "not given" : value === right ? "right" : "wrong");
  return { score: verdict(given.score, truth), next: verdict(given.next, item.answer.next), truth };
}
