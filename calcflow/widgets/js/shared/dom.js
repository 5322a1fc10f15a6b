// @ts-check
// Building the DOM, shared by the widgets.

/** @typedef {Node | string | null | undefined} Child  null and undefined are skipped */
/** @typedef {Record<string, string | number | boolean | null | undefined>} Attributes */

/**
 * element("p", {class: "x", hidden: false}, "text", child, [more]): a new element. Attributes that are null,
 * undefined or false are left out; children may be nested one list deep.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes} [attributes]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}

/**
 * Add event listeners and get one function that removes them all (for a widget's cleanup).
 * @param {Array<[EventTarget, string, EventListener]>} listeners  [target, event type, handler]
 * @returns {() => void}
 */
export function listenAll(listeners) {
  for (const [target, type, handler] of listeners) target.addEventListener(type, handler);
  return () => {
    for (const [target, type, handler] of listeners) target.removeEventListener(type, handler);
  };
}
