/* A snippet under each search result, on the search page only (book/_templates/layout.html adds this script).
 *
 * Sphinx's own summaries fetch() each result's page, which Chromium refuses from file://, so they are off
 * (html_show_search_summary: false). The book's pages' texts are in searchtexts.js instead (written by
 * calcflow.publish.search_texts when the book is built; a <script src>, so it loads from disk as from a server):
 * for each result Sphinx lists, this adds <p class="context"> with about 240 characters of the section the result
 * links to, around the first word searched for, the words marked as Sphinx marks them (span.highlighted).
 */
(() => {
  "use strict";
  const WIDTH = 240;
  const BEFORE = 80;

  const texts = () => window.calcflowSearchTexts || {};

  const searchWords = () => {
    const query = new URLSearchParams(window.location.search).get("q") || "";
    return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1);
  };

  /** Where the first of `words` occurs in `text` (also as a word's start of at least 4 letters: "categorise"
   * finds "categorising", as Sphinx's stemming does), or -1. */
  const firstMatch = (text, words) => {
    const lower = text.toLowerCase();
    let best = -1;
    for (const word of words) {
      for (let length = word.length; length >= Math.min(4, word.length); length -= 1) {
        const at = lower.indexOf(word.slice(0, length));
        if (at >= 0) {
          if (best < 0 || at < best) best = at;
          break;
        }
      }
    }
    return best;
  };

  const highlight = (paragraph, text, words) => {
    const stems = words.map((word) => word.slice(0, Math.max(4, Math.min(word.length, word.length - 2))));
    const pattern = stems.length
      ? new RegExp(`(${stems.map((stem) => stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "giu")
      : null;
    const pieces = pattern ? text.split(pattern) : [text];
    pieces.forEach((piece, index) => {
      if (index % 2) {
        const mark = document.createElement("span");
        mark.className = "highlighted";
        mark.textContent = piece;
        paragraph.append(mark);
      } else if (piece) {
        paragraph.append(piece);
      }
    });
  };

  const snippetFor = (link, words) => {
    const url = new URL(link.href, window.location.href);
    const root = new URL(document.documentElement.dataset.content_root || "./", window.location.href);
    if (!url.href.startsWith(root.href.replace(/[?#].*$/, ""))) return null;
    const docname = decodeURIComponent(url.pathname.slice(root.pathname.length)).replace(/\.html$/, "");
    const page = texts()[docname];
    if (!page) return null;
    const [start, end] = page.sections[decodeURIComponent(url.hash.slice(1))] || [0, page.text.length];
    const section = page.text.slice(start, end);
    const at = firstMatch(section, words);
    const from = Math.max(0, at - BEFORE);
    let text = section.slice(from, from + WIDTH).trim();
    if (!text) return null;
    if (from > 0) text = `…${text}`;
    if (from + WIDTH < section.length) text = `${text}…`;
    const paragraph = document.createElement("p");
    paragraph.className = "context";
    highlight(paragraph, text, words);
    return paragraph;
  };

  const addSnippets = (results) => {
    const words = searchWords();
    for (const item of results.querySelectorAll("ul.search > li")) {
      if (item.querySelector("p.context")) continue;
      const link = item.querySelector("a[href]");
      const snippet = link && snippetFor(link, words);
      if (snippet) item.append(snippet);
    }
  };

  const start = () => {
    const results = document.getElementById("search-results");
    if (!results) return;
    addSnippets(results);
    new MutationObserver(() => addSnippets(results)).observe(results, { childList: true, subtree: true });
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
