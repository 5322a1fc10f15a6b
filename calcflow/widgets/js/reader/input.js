// @ts-check
// The reader's input on the image: a click or tap marks (or selects a mark), a drag pans, the wheel and a pinch zoom;
// on the keyboard the arrow keys move a cursor (Shift: further), Enter marks, Delete removes the selected mark,
// + and - zoom round the cursor, 0 fits the image again.

import { addMark, markNear, removeMark } from "./marks.js";
import { panBy, pixelAt, resetView, showLens, viewportPointOf, zoomAt } from "./stage.js";

/** @typedef {import("./view.js").Reader} Reader */

const DRAG_PX = 5; // a pointer that moves further than this pans instead of marking
const NEAR_SCREEN_PX = 12; // a click this close to a mark selects it
const STEP_FRACTION = 0.01; // an arrow key moves the cursor 1% of the image's width (Shift: 5%)

/**
 * @typedef {object} Gesture
 * @property {Map<number, {x: number, y: number}>} pointers
 * @property {boolean} dragged
 * @property {number} spread  the distance between two pointers, for a pinch
 * @property {{x: number, y: number} | null} start  where the first pointer went down
 */

/** @returns {Gesture} */
export function newGesture() {
  return { pointers: new Map(), dragged: false, spread: 0, start: null };
}

/**
 * @param {Map<number, {x: number, y: number}>} pointers
 */
function spreadOf(pointers) {
  const [a, b] = [...pointers.values()];
  return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
}

/**
 * @param {Reader} r
 * @param {Gesture} g
 * @param {PointerEvent} event
 */
export function pointerMove(r, g, event) {
  if (r.lensToggle.checked) showLens(r.stage, pixelAt(r.stage, event.clientX, event.clientY));
  const last = g.pointers.get(event.pointerId);
  if (!last) return;
  const dx = event.clientX - last.x;
  const dy = event.clientY - last.y;
  g.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  if (g.pointers.size === 2) {
    const spread = spreadOf(g.pointers);
    const frame = r.stage.viewport.getBoundingClientRect();
    const [a, b] = [...g.pointers.values()];
    if (g.spread) zoomAt(r.stage, spread / g.spread, (a.x + b.x) / 2 - frame.left, (a.y + b.y) / 2 - frame.top);
    g.spread = spread;
    g.dragged = true;
    return;
  }
  if (!g.dragged) g.dragged = isDrag(g, event);
  if (g.dragged) panBy(r.stage, dx, dy);
}

/**
 * Whether the pointer has moved far enough from where it went down to be a drag.
 * @param {Gesture} g
 * @param {PointerEvent} event
 */
function isDrag(g, event) {
  return !!g.start && Math.hypot(event.clientX - g.start.x, event.clientY - g.start.y) >= DRAG_PX;
}

/**
 * @param {Reader} r
 * @param {Gesture} g
 * @param {PointerEvent} event
 */
export function pointerDown(r, g, event) {
  if (!r.stage.image.src || (event.pointerType === "mouse" && event.button !== 0)) return;
  g.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  g.start = { x: event.clientX, y: event.clientY };
  g.dragged = g.pointers.size > 1;
  g.spread = spreadOf(g.pointers);
  r.stage.viewport.setPointerCapture?.(event.pointerId);
}

/**
 * A click or tap that did not drag marks, or selects the mark under it.
 * @param {Reader} r
 * @param {Gesture} g
 * @param {PointerEvent} event
 * @returns {boolean} whether the marks changed
 */
export function pointerUp(r, g, event) {
  if (!g.pointers.has(event.pointerId)) return false;
  g.pointers.delete(event.pointerId);
  const tapped = !g.dragged && g.pointers.size === 0;
  if (g.pointers.size === 0) g.dragged = false;
  if (!tapped) return false;
  const pixel = pixelAt(r.stage, event.clientX, event.clientY);
  const unit = r.stage.size.width / r.stage.image.getBoundingClientRect().width;
  const near = markNear(r, pixel, NEAR_SCREEN_PX * unit);
  if (near >= 0) r.selected = near;
  else addMark(r, pixel.x, pixel.y);
  return true;
}

/**
 * @param {Reader} r
 * @param {WheelEvent} event
 */
export function wheel(r, event) {
  if (!r.stage.image.src) return;
  event.preventDefault();
  const frame = r.stage.viewport.getBoundingClientRect();
  zoomAt(r.stage, Math.exp(-event.deltaY / 400), event.clientX - frame.left, event.clientY - frame.top);
}

/**
 * Zoom round the cursor (or the middle of the viewport).
 * @param {Reader} r
 * @param {number} factor
 */
export function zoomKey(r, factor) {
  const point = r.cursor ? viewportPointOf(r.stage, r.cursor)
    : { x: r.stage.viewport.clientWidth / 2, y: r.stage.viewport.clientHeight / 2 };
  zoomAt(r.stage, factor, point.x, point.y);
}

/**
 * Move the keyboard cursor (it starts in the middle of the image).
 * @param {Reader} r
 * @param {number} dx  steps
 * @param {number} dy
 * @param {boolean} far
 */
function moveCursor(r, dx, dy, far) {
  const { width, height } = r.stage.size;
  const step = width * STEP_FRACTION * (far ? 5 : 1);
  const at = r.cursor || { x: width / 2, y: height / 2 };
  r.cursor = r.cursor ? { x: Math.max(0, Math.min(width, at.x + dx * step)),
    y: Math.max(0, Math.min(height, at.y + dy * step)) } : at;
  if (r.lensToggle.checked) showLens(r.stage, r.cursor);
}

const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * A key on the image. Returns whether the marks or the cursor changed (null: the key is not the reader's).
 * @param {Reader} r
 * @param {KeyboardEvent} event
 * @returns {boolean | null}
 */
export function imageKey(r, event) {
  const arrow = ARROWS[/** @type {keyof typeof ARROWS} */ (event.key)];
  if (arrow) {
    moveCursor(r, arrow[0], arrow[1], event.shiftKey);
    return true;
  }
  if (event.key === "Enter" || event.key === " ") {
    if (!r.cursor) moveCursor(r, 0, 0, false);
    const at = /** @type {{x: number, y: number}} */ (r.cursor);
    addMark(r, at.x, at.y);
    return true;
  }
  if (event.key === "Delete" || event.key === "Backspace") {
    removeMark(r, r.selected);
    return true;
  }
  const zoom = { "+": 1.25, "=": 1.25, "-": 0.8, _: 0.8 }[event.key];
  if (zoom) zoomKey(r, zoom);
  else if (event.key === "0") resetView(r.stage);
  return zoom || event.key === "0" ? false : null;
}
