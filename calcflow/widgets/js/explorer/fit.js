// @ts-check
// The explorer's width and layout (explorer.css draws them): the menus beside the chart ("cfx-wide" on the root) in a
// window WIDE_PX wide or more, stacked above it in a narrower one.
//   In the book (a page of the pydata theme: inside .bd-article) the text column is too narrow for both: in a wide
//   window the explorer breaks out of the column to the right, up to the window's edge or the page's table of
//   contents (--cfx-page-width); in a narrower one it stays in the column.
//   Elsewhere (JupyterLab, a page of its own) it keeps its container's width, and needs SIDE_BY_SIDE_PX of it as
//   well to lay the menus beside the chart.
// Presenting, present.css and explorer.css lay it out for the screen instead.

export const WIDE_PX = 1200;
const SIDE_BY_SIDE_PX = 960;
const EDGE_PX = 16; // kept free at the window's right edge
const MAX_PX = 1760;

/**
 * How far right the explorer may reach: the window's edge, or the left of the page's table of contents where the
 * theme shows one beside the text (pydata: .bd-sidebar-secondary).
 * @param {number} page  the window's width, without its scroll bar
 */
function rightEdge(page) {
  const contents = document.querySelector(".bd-sidebar-secondary");
  const box = contents ? contents.getBoundingClientRect() : null;
  return box && box.width > 0 && box.height > 0 && box.left > 0 ? Math.min(page, box.left) : page;
}

/**
 * Fit the explorer's root to the page now, and whenever the window or its container changes size.
 * @param {HTMLElement} root
 * @returns {() => void} stop
 */
export function fitToPage(root) {
  const update = () => {
    const host = root.parentElement;
    if (!host || !root.isConnected) return;
    const inBook = root.closest(".bd-article") !== null;
    const page = document.documentElement.clientWidth;
    const wideWindow = window.innerWidth >= WIDE_PX;
    const breakOut = inBook && wideWindow;
    const column = host.clientWidth;
    const width = breakOut ? Math.max(column, Math.min(MAX_PX, rightEdge(page) - host.getBoundingClientRect().left
      - EDGE_PX)) : column;
    root.classList.toggle("cfx-book", inBook);
    root.classList.toggle("cfx-wide", wideWindow && (inBook || width >= SIDE_BY_SIDE_PX));
    if (breakOut) root.style.setProperty("--cfx-page-width", `${Math.floor(width)}px`);
    else root.style.removeProperty("--cfx-page-width");
  };
  const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(update);
  let observed = /** @type {Element | null} */ (null);
  const watch = () => {
    if (observer && root.parentElement && observed !== root.parentElement) {
      if (observed) observer.unobserve(observed);
      observed = root.parentElement;
      observer.observe(observed);
    }
    update();
  };
  window.addEventListener("resize", update);
  watch();
  // The host may attach the root to the page after render (JupyterLab): look again once it has.
  const frame = requestAnimationFrame(watch);
  return () => {
    cancelAnimationFrame(frame);
    window.removeEventListener("resize", update);
    observer?.disconnect();
  };
}
