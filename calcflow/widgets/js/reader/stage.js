// @ts-check
// The image on its stage: pan and zoom (wheel, pinch, drag, + and -), the magnifier, brightness and contrast, and
// the mapping between a point on the screen and an image pixel. The stage (image and overlay) is moved with one CSS
// transform, so at zoom 1 the image's box is its laid-out box: a click at fraction (x/width, y/height) of it is image
// pixel (x, y), and the same holds, through getBoundingClientRect, at any zoom.

export const MAX_ZOOM = 8;
const LENS_ZOOM = 3;

/**
 * @typedef {object} Stage
 * @property {HTMLElement} viewport  clips the stage; focusable
 * @property {HTMLElement} stage     transformed
 * @property {HTMLImageElement} image
 * @property {HTMLElement} lens
 * @property {{zoom: number, x: number, y: number}} at  the transform
 * @property {{width: number, height: number}} size    the image in pixels
 */

/**
 * @param {Stage} s
 */
export function applyTransform(s) {
  s.stage.style.transform = `translate(${s.at.x}px, ${s.at.y}px) scale(${s.at.zoom})`;
}

/**
 * Keep the stage covering the viewport.
 * @param {Stage} s
 */
function clampPan(s) {
  const w = s.viewport.clientWidth;
  const h = s.viewport.clientHeight;
  s.at.x = Math.min(0, Math.max(w - w * s.at.zoom, s.at.x));
  s.at.y = Math.min(0, Math.max(h - h * s.at.zoom, s.at.y));
}

/**
 * Zoom by `factor` keeping the viewport point (px, py) still.
 * @param {Stage} s
 * @param {number} factor
 * @param {number} px  relative to the viewport's left edge
 * @param {number} py
 */
export function zoomAt(s, factor, px, py) {
  const zoom = Math.min(MAX_ZOOM, Math.max(1, s.at.zoom * factor));
  const lx = (px - s.at.x) / s.at.zoom;
  const ly = (py - s.at.y) / s.at.zoom;
  s.at = { zoom, x: px - lx * zoom, y: py - ly * zoom };
  clampPan(s);
  applyTransform(s);
}

/**
 * @param {Stage} s
 * @param {number} dx
 * @param {number} dy
 */
export function panBy(s, dx, dy) {
  s.at.x += dx;
  s.at.y += dy;
  clampPan(s);
  applyTransform(s);
}

/** @param {Stage} s */
export function resetView(s) {
  s.at = { zoom: 1, x: 0, y: 0 };
  applyTransform(s);
}

/**
 * The image pixel under a screen point.
 * @param {Stage} s
 * @param {number} clientX
 * @param {number} clientY
 * @returns {{x: number, y: number}}
 */
export function pixelAt(s, clientX, clientY) {
  const box = s.image.getBoundingClientRect();
  return { x: ((clientX - box.left) / box.width) * s.size.width, y: ((clientY - box.top) / box.height) * s.size.height };
}

/**
 * The viewport point (relative to its box) of an image pixel.
 * @param {Stage} s
 * @param {{x: number, y: number}} pixel
 * @returns {{x: number, y: number}}
 */
export function viewportPointOf(s, pixel) {
  const box = s.image.getBoundingClientRect();
  const frame = s.viewport.getBoundingClientRect();
  return {
    x: box.left - frame.left + (pixel.x / s.size.width) * box.width,
    y: box.top - frame.top + (pixel.y / s.size.height) * box.height,
  };
}

/**
 * Show the magnifier over an image pixel (null hides it).
 * @param {Stage} s
 * @param {{x: number, y: number} | null} pixel
 */
export function showLens(s, pixel) {
  if (!pixel || !s.image.src) {
    s.lens.hidden = true;
    return;
  }
  const box = s.image.getBoundingClientRect();
  const point = viewportPointOf(s, pixel);
  const radius = s.lens.offsetWidth / 2 || 70;
  const width = box.width * LENS_ZOOM;
  const height = box.height * LENS_ZOOM;
  s.lens.hidden = false;
  s.lens.style.left = `${point.x - radius}px`;
  s.lens.style.top = `${point.y - radius}px`;
  s.lens.style.backgroundImage = `url("${s.image.src}")`;
  s.lens.style.backgroundSize = `${width}px ${height}px`;
  const bx = (pixel.x / s.size.width) * width - radius;
  const by = (pixel.y / s.size.height) * height - radius;
  s.lens.style.backgroundPosition = `${-bx}px ${-by}px`;
}

/**
 * Brightness and contrast, on the image and in the magnifier.
 * @param {Stage} s
 * @param {number} brightness  1 = as drawn
 * @param {number} contrast
 */
export function setTone(s, brightness, contrast) {
  const filter = `brightness(${brightness}) contrast(${contrast})`;
  s.image.style.filter = filter;
  s.lens.style.filter = filter;
}

/**
 * The viewport keeps the image's proportions, no taller than most of the window.
 * @param {Stage} s
 * @param {{width: number, height: number}} size
 */
export function setSize(s, size) {
  s.size = size;
  s.viewport.style.aspectRatio = `${size.width} / ${size.height}`;
  s.viewport.style.maxWidth = `calc(78vh * ${(size.width / size.height).toFixed(4)})`;
  resetView(s);
}
