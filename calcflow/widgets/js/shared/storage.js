// @ts-check
// Progress kept in this browser's localStorage, never sent anywhere. Storage can be switched off or refused (private
// windows, sandboxed frames, a full quota): then nothing is kept and the widget works on.

/** @returns {Storage | null} the browser's localStorage, or null where it is unavailable */
export function browserStorage() {
  try {
    return globalThis.localStorage || null;
  } catch {
    return null; // storage switched off, or a sandboxed frame
  }
}

/**
 * The JSON value stored under `key`; null when there is none, it cannot be read or it is not JSON.
 * @param {string} key
 * @returns {unknown}
 */
export function readStored(key) {
  try {
    return JSON.parse(browserStorage()?.getItem(key) ?? "null");
  } catch {
    return null;
  }
}

/**
 * Store `value` as JSON under `key` (null: remove the key); silently nothing where storage is refused.
 * @param {string} key
 * @param {unknown} value
 */
export function writeStored(key, value) {
  try {
    if (value === null) browserStorage()?.removeItem(key);
    else browserStorage()?.setItem(key, JSON.stringify(value));
  } catch {
    // quota or privacy settings: progress is simply not kept
  }
}
