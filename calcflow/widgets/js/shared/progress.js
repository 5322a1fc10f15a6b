// @ts-check
// A learner's reading progress, kept in this browser's localStorage (shared/storage.js) and never sent anywhere: what
// the reader records after each submitted reading, what the My progress page shows, exports and imports.
//
// Stored under STORAGE_KEY: {format: "calcflow-progress", version: 1, readings: Reading[]}, oldest first, at most
// MAX_READINGS (the oldest are dropped). A reading (see the typedef below) is small: the case id, the time, whether
// the learner recalled the woman, whether the case is normal, each finding hit or missed with the words the learner
// chose and the true ones, and the number of false marks.
//
// Recall: the learner recalls when the category they chose is beyond benign (UK M3–M5, US BI-RADS 3 or higher); no
// category chosen counts as no recall. A case should be recalled when it is not normal (the model: BI-RADS 3 or
// higher). A lecturer's demonstration (presentation mode) records nothing: the reader does not call recordReading then.
//
// Import: validateProgress(json, payload) accepts a file only when all of it is well formed — the format and version,
// no unknown keys, at most MAX_READINGS readings, every case and finding id known to the payload, every word one of the
// menus' ids ("" for none) and equal to the payload's truth where it is the truth, every number finite and in range —
// and otherwise returns a reason in words; the stored progress is then left as it was. Nothing read from a file or
// from storage is ever inserted as HTML: the page shows it with textContent only.
//
// Practice: NEXT_RULE (nextCase) chooses the next case by spaced repetition — see its text.

import { readStored, writeStored } from "./storage.js";

export const STORAGE_KEY = "calcflow-progress-v1";
export const FORMAT = "calcflow-progress";
export const VERSION = 1;
export const MAX_READINGS = 2000;
export const MAX_FILE_BYTES = 512 * 1024;
export const MAX_FALSE_MARKS = 1000;
export const RECENT = 20; // the readings the spaced-repetition rule looks at
const BENIGN_SCORES = ["M1", "M2", "1", "2"];
export const DESCRIBED = /** @type {const} */ (["size", "shape", "pattern"]);
export const NEXT_RULE = "Practice chooses the next case like this: first every case you have not read yet, in the "
  + `book's order; then the case whose calcifications have the shapes and patterns you got wrong most often in your last ${RECENT} `
  + "readings (a missed calcification counts as wrong for its shape and its pattern; a normal case you recalled counts "
  + "as wrong); among equals, the case you read longest ago.";

/** @typedef {{size: string, shape: string, pattern: string}} Words */
/** @typedef {{id: string, hit: boolean, chosen: Words, truth: Words}} FindingRecord */
/**
 * @typedef {object} Reading
 * @property {string} case
 * @property {number} time      milliseconds since 1970
 * @property {boolean} recalled
 * @property {boolean} normal
 * @property {FindingRecord[]} findings
 * @property {number} falseMarks
 */
/** @typedef {{format: string, version: number, readings: Reading[]}} Progress */
/** @typedef {{id: string, size: string, shape: string, pattern: string}} TrueFinding */
/** @typedef {{id: string, normal: boolean, findings: TrueFinding[]}} KnownCase */
/** @typedef {{id: string}} Option */
/** @typedef {{cases: KnownCase[], menus: {size: Option[], shape: Option[], pattern: Option[]}}} ProgressPayload */
/** @typedef {{ok: true, progress: Progress} | {ok: false, reason: string}} Checked */

/** @returns {Progress} */
export function emptyProgress() {
  return { format: FORMAT, version: VERSION, readings: [] };
}

/**
 * The stored progress (valid against the payload), or empty progress when there is none or it is not valid.
 * @param {ProgressPayload} payload
 * @returns {Progress}
 */
export function loadProgress(payload) {
  const checked = validateProgress(readStored(STORAGE_KEY), payload);
  return checked.ok ? checked.progress : emptyProgress();
}

/** @param {Progress} progress */
export function saveProgress(progress) {
  writeStored(STORAGE_KEY, progress);
}

/** Forget every reading. */
export function resetProgress() {
  writeStored(STORAGE_KEY, null);
}

/**
 * Add one reading to the stored progress (the oldest dropped beyond MAX_READINGS); returns the progress stored.
 * @param {Reading} reading
 * @param {ProgressPayload} payload
 * @returns {Progress}
 */
export function recordReading(reading, payload) {
  const progress = loadProgress(payload);
  progress.readings = [...progress.readings, reading].slice(-MAX_READINGS);
  saveProgress(progress);
  return progress;
}

/**
 * Whether a chosen category recalls the woman (see the module's comment).
 * @param {string} score  an M-score or a BI-RADS category, "" for none
 */
export function recalls(score) {
  return Boolean(score) && !BENIGN_SCORES.includes(score);
}

/**
 * A reading's record from what the reader knows after Submit.
 * @param {{id: string, normal: boolean, findings: TrueFinding[]}} item  the case
 * @param {Array<Words>} marks               the learner's marks, in order
 * @param {Map<string, number>} firstMark    finding id → the first mark that found it
 * @param {number} falseMarks
 * @param {string} score                     the category chosen ("" for none)
 * @returns {Reading}
 */
export function readingRecord(item, marks, firstMark, falseMarks, score) {
  const words = (/** @type {Words} */ w) => ({ size: w.size || "", shape: w.shape || "", pattern: w.pattern || "" });
  return {
    case: item.id, time: Date.now(), recalled: recalls(score), normal: item.normal, falseMarks,
    findings: item.findings.map((f) => {
      const index = firstMark.get(f.id);
      const chosen = index === undefined ? words({ size: "", shape: "", pattern: "" }) : words(marks[index]);
      return { id: f.id, hit: index !== undefined, chosen, truth: words(f) };
    }),
  };
}

// --- validation ------------------------------------------------------------------------------------------------

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The keys of `value` are exactly `keys`, or a reason.
 * @param {Record<string, unknown>} value
 * @param {string[]} keys
 * @param {string} where
 * @returns {string | null}
 */
function exactKeys(value, keys, where) {
  const extra = Object.keys(value).filter((k) => !keys.includes(k));
  const missing = keys.filter((k) => !(k in value));
  if (extra.length) return `${where} has a field this book does not know`;
  if (missing.length) return `${where} lacks the field "${missing[0]}"`;
  return null;
}

/**
 * One finding's record against the case's truth and the menus, or a reason.
 * @param {unknown} f
 * @param {KnownCase} known
 * @param {ProgressPayload["menus"]} menus
 * @param {string} where
 * @returns {string | null}
 */
function findingProblem(f, known, menus, where) {
  if (!isObject(f)) return `${where} is not a finding record`;
  const keys = exactKeys(f, ["id", "hit", "chosen", "truth"], where);
  if (keys) return keys;
  const truth = known.findings.find((t) => t.id === f.id);
  if (!truth) return `${where} names a finding that case ${known.id} does not have`;
  if (typeof f.hit !== "boolean") return `${where}: "hit" is not true or false`;
  for (const part of /** @type {const} */ (["chosen", "truth"])) {
    const words = f[part];
    if (!isObject(words)) return `${where}: "${part}" is not a set of words`;
    const problem = exactKeys(words, [...DESCRIBED], `${where} (${part})`);
    if (problem) return problem;
    for (const name of DESCRIBED) {
      const value = words[name];
      const allowed = menus[name].some((o) => o.id === value) || (part === "chosen" && value === "");
      if (typeof value !== "string" || !allowed) return `${where}: ${part} ${name} is not one of the book's words`;
      if (part === "truth" && value !== truth[name]) return `${where}: the true ${name} is not this book's`;
    }
  }
  return null;
}

/**
 * One reading against the payload, or a reason.
 * @param {unknown} r
 * @param {ProgressPayload} payload
 * @param {number} index
 * @returns {string | null}
 */
function readingProblem(r, payload, index) {
  const where = `Reading ${index + 1}`;
  if (!isObject(r)) return `${where} is not a reading`;
  const keys = exactKeys(r, ["case", "time", "recalled", "normal", "findings", "falseMarks"], where);
  if (keys) return keys;
  const known = payload.cases.find((c) => c.id === r.case);
  if (typeof r.case !== "string" || !known) return `${where} names a case this book does not have`;
  const latest = Date.now() + 24 * 3600 * 1000;
  if (typeof r.time !== "number" || !Number.isFinite(r.time) || r.time < 0 || r.time > latest) {
    return `${where}: its time is not a date`;
  }
  if (typeof r.recalled !== "boolean" || r.normal !== known.normal) return `${where}: recalled or normal is wrong`;
  if (typeof r.falseMarks !== "number" || !Number.isInteger(r.falseMarks) || r.falseMarks < 0
    || r.falseMarks > MAX_FALSE_MARKS) return `${where}: the number of false marks is not a count`;
  if (!Array.isArray(r.findings) || r.findings.length !== known.findings.length) {
    return `${where}: its findings are not case ${known.id}'s`;
  }
  for (const [i, f] of r.findings.entries()) {
    const problem = findingProblem(f, known, payload.menus, `${where}, finding ${i + 1}`);
    if (problem) return problem;
  }
  return null;
}

/**
 * Whether `json` (parsed) is progress this book can store (see the module's comment), with a reason when not.
 * @param {unknown} json
 * @param {ProgressPayload} payload
 * @returns {Checked}
 */
export function validateProgress(json, payload) {
  if (!isObject(json)) return { ok: false, reason: "The file is not a progress file: it holds no JSON object." };
  if (json.format !== FORMAT) return { ok: false, reason: "The file is not a progress file of this book." };
  if (json.version !== VERSION) return { ok: false, reason: `The file's version is not ${VERSION}.` };
  const keys = exactKeys(json, ["format", "version", "readings"], "The file");
  if (keys) return { ok: false, reason: `${keys}.` };
  if (!Array.isArray(json.readings)) return { ok: false, reason: "The file's readings are not a list." };
  if (json.readings.length > MAX_READINGS) {
    return { ok: false, reason: `The file holds ${json.readings.length} readings; at most ${MAX_READINGS} are kept.` };
  }
  for (const [index, r] of json.readings.entries()) {
    const problem = readingProblem(r, payload, index);
    if (problem) return { ok: false, reason: `${problem}.` };
  }
  return { ok: true, progress: /** @type {Progress} */ (/** @type {unknown} */ (json)) };
}

/**
 * Parse and validate a file's text (its size checked first).
 * @param {string} text
 * @param {ProgressPayload} payload
 * @returns {Checked}
 */
export function parseProgress(text, payload) {
  if (text.length > MAX_FILE_BYTES) {
    return { ok: false, reason: `The file is too large: a progress file is at most ${MAX_FILE_BYTES / 1024} KB.` };
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: "The file is not JSON." };
  }
  return validateProgress(json, payload);
}

// --- practice: the next case -----------------------------------------------------------------------------------

/**
 * Error rate per descriptor ("shape:punctate", "pattern:grouped") over the last RECENT readings.
 * @param {Reading[]} readings
 * @returns {Map<string, number>}
 */
export function descriptorErrors(readings) {
  /** @type {Map<string, [number, number]>} */
  const counts = new Map();
  for (const r of readings.slice(-RECENT)) {
    for (const f of r.findings) {
      for (const name of /** @type {const} */ (["shape", "pattern"])) {
        const key = `${name}:${f.truth[name]}`;
        const [wrong, all] = counts.get(key) || [0, 0];
        counts.set(key, [wrong + (f.hit && f.chosen[name] === f.truth[name] ? 0 : 1), all + 1]);
      }
    }
  }
  return new Map([...counts].map(([key, [wrong, all]]) => [key, wrong / all]));
}

/**
 * The next case to practise (NEXT_RULE), or "" when the payload has none.
 * @param {Progress} progress
 * @param {ProgressPayload} payload
 * @returns {string}
 */
export function nextCase(progress, payload) {
  /** @type {Map<string, Reading>} */
  const last = new Map(progress.readings.map((r) => [r.case, r]));
  const unread = payload.cases.find((c) => !last.has(c.id));
  if (unread) return unread.id;
  const errors = descriptorErrors(progress.readings);
  /** @param {KnownCase} c */
  const weakness = (c) => (c.findings.length
    ? Math.max(...c.findings.flatMap((f) => [errors.get(`shape:${f.shape}`) || 0, errors.get(`pattern:${f.pattern}`) || 0]))
    : Number(Boolean(last.get(c.id)?.recalled)));
  const ranked = payload.cases.map((c) => ({ id: c.id, weakness: weakness(c), time: last.get(c.id)?.time || 0 }))
    .sort((a, b) => b.weakness - a.weakness || a.time - b.time);
  return ranked.length ? ranked[0].id : "";
}
