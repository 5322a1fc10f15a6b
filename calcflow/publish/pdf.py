"""Printed handouts of the book: each page of the built book as a PDF, and the whole book as one, printed by the
local Chromium (Playwright) from the files on disk, with every request that is not for a local file blocked.

    python -m calcflow.publish.pdf --site _build/html --out _build/pdf            every page, then the whole book
    python -m calcflow.publish.pdf --site _build/html --out _build/pdf categorising results     only these pages

A page is printed once it is ready: lazy images loaded, fonts loaded, every widget mounted from its static state
(it says data-ready="true"; a widget that starts only near the window is scrolled to first). For paper, a print style sheet hides the navigation, the sidebars, the header buttons,
the previous/next links and the code of the code cells; dropdowns are opened; links to other pages of the book lose
their address (a file on the machine that printed them), links to the web keep theirs; and the sources the page
cites, whose full text each citation carries, are listed at its end, so a chapter's PDF keeps its references.
Figures, captions, tables and widgets print as the book shows them. The whole book is the pages' PDFs in reading
order, one bookmark a page (pypdf).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from calcflow.publish.handouts import CHROMIUM, CHROMIUM_ARGS
from calcflow.publish.sitemap import Page, SiteError, book_pages, choose
from calcflow.publish.widget_code import BRING_WIDGETS_NEAR, WIDGETS_READY

REPO_ROOT = Path(__file__).resolve().parents[2]
BOOK_PDF = "calcification-pathways.pdf"  # the whole book
TIMEOUT_MS = 60_000
VIEWPORT = {"width": 1200, "height": 1600}
LOCAL = ("file:", "data:", "blob:", "about:")
SCALE = 0.85  # the book's type is set for screens; a little smaller reads well on A4
MARGIN = {"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}
HEADER = ('<div style="font: 8px sans-serif; color: #555; width: 100%; margin: 0 14mm;">'
          '<span class="title"></span></div>')
FOOTER = ('<div style="font: 8px sans-serif; color: #555; width: 100%; margin: 0 14mm; display: flex; '
          'justify-content: space-between;"><span>For teaching, not for diagnosis.</span>'
          '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')

PRINT_CSS = """
@media print {
  .bd-header, .bd-header-announcement, .bd-sidebar-primary, .bd-sidebar-secondary, .header-article,
  .bd-header-article, .prev-next-area, .prev-next-footer, .bd-footer, .bd-footer-article, .bd-footer-content,
  .skip-link, #pst-skip-link, #pst-back-to-top, .search-button, .search-button-field, .bd-search,
  .theme-switch-button, .sidebar-toggle, .headerlink, .toggle-button,
  details.above-input { display: none !important; }
  .bd-main .bd-content { margin-left: 0 !important; }
  .bd-page-width, .bd-article-container { max-width: none !important; }
  .calcflow-print-references ol { padding-left: 3em; }
  .pst-scrollable-table-container, .table-wrapper, .cell_output { overflow: visible !important; }
  table { font-size: 0.85em; width: 100% !important; }
  th, td { padding: 0.25em 0.4em !important; }
  figure, div.figure, .cell_output img, .cell_output svg, table, .admonition, .calcflow-print-references li {
    break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }
  figcaption, .caption { break-before: avoid; }
  a { color: inherit !important; }
  .calcflow-print-references { break-before: auto; margin-top: 2rem; font-size: 0.9em; }
}
"""

# Run in the page: load lazy images, wait for them and the fonts; the addresses of the images that did not load.
_LOAD_IMAGES = """async () => {
  for (const img of document.querySelectorAll('img[loading="lazy"]')) img.loading = 'eager';
  await document.fonts.ready;
  await Promise.all([...document.images].map(img => img.complete ? null : new Promise(done => {
    img.addEventListener('load', done, {once: true});
    img.addEventListener('error', done, {once: true});
  })));
  // An <img> with no address yet (a widget fills it in when asked, e.g. the reader's views) is not a figure.
  return [...document.images].filter(img => img.getAttribute('src') && !(img.complete && img.naturalWidth > 0))
    .map(img => img.getAttribute('src'));
}"""
_WIDGETS_NOT_READY = """() => [...document.querySelectorAll('[data-calcflow-static]')]
  .filter(host => !host.querySelector('[data-ready="true"]')).map(host => host.dataset.calcflowStatic)"""
# For paper: light theme, dropdowns open, page-to-page links without their file address, the cited sources listed.
_FOR_PAPER = """() => {
  document.documentElement.dataset.theme = 'light';
  document.documentElement.dataset.mode = 'light';
  for (const details of document.querySelectorAll('details:not(.above-input)')) details.open = true;
  const cited = new Map();
  for (const a of document.querySelectorAll('article a.reference.internal[href*="bibliography.html#"][title]')) {
    const key = a.getAttribute('href');
    if (!cited.has(key)) cited.set(key, {label: a.textContent.trim(), text: a.title});
  }
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (!href.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(href)) a.removeAttribute('href');
    else if (/^file:/i.test(href)) a.removeAttribute('href');
  }
  if (cited.size) {
    const section = document.createElement('section');
    section.className = 'calcflow-print-references';
    const heading = document.createElement('h2');
    heading.textContent = 'References';
    const list = document.createElement('ol');
    const number = label => Number.parseInt(label, 10);
    for (const source of [...cited.values()].sort((a, b) => number(a.label) - number(b.label))) {
      const item = document.createElement('li');
      if (Number.isFinite(number(source.label))) item.value = number(source.label);
      item.textContent = source.text;
      list.append(item);
    }
    section.append(heading, list);
    (document.querySelector('article.bd-article') || document.body).append(section);
  }
  return cited.size;
}"""


class PdfError(SiteError):
    """A page that cannot be printed as it is: it needs the network, an image is missing, a widget does not mount."""


def _open(browser, page_file: Path):
    """A page opened from disk in a fresh context; the requests that were blocked are in page.blocked."""
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.blocked = []

    def route(route):
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            page.blocked.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    page.goto(page_file.resolve().as_uri(), wait_until="load")
    return context, page


def print_page(browser, site: Path, page: Page, target: Path) -> Path:
    """One page of the book as a PDF (A4, header with its title, footer with page numbers), ready as described
    in the module's docstring; a page that is not ready in TIMEOUT_MS, or needs the network, is an error."""
    from playwright.sync_api import Error as PlaywrightError

    context = None
    try:
        context, tab = _open(browser, Path(site) / page.path)
        broken = tab.evaluate(_LOAD_IMAGES)
        if broken:
            raise PdfError(f"{page.path}: images that do not load: {', '.join(broken)}")
        tab.evaluate(BRING_WIDGETS_NEAR)
        try:
            tab.wait_for_function(WIDGETS_READY, timeout=TIMEOUT_MS)
        except PlaywrightError as error:
            raise PdfError(f"{page.path}: widgets not ready after {TIMEOUT_MS // 1000} s: "
                           f"{', '.join(tab.evaluate(_WIDGETS_NOT_READY))}") from error
        if tab.blocked:
            raise PdfError(f"{page.path} asks for files outside the machine (blocked): {', '.join(tab.blocked)}")
        tab.add_style_tag(content=PRINT_CSS)
        tab.evaluate(_FOR_PAPER)
        target.parent.mkdir(parents=True, exist_ok=True)
        tab.pdf(path=str(target), format="A4", margin=MARGIN, print_background=True, display_header_footer=True,
                header_template=HEADER, footer_template=FOOTER, outline=True, tagged=True, scale=SCALE)
    except PlaywrightError as error:
        raise PdfError(f"{page.path} could not be printed: {str(error).splitlines()[0]}") from error
    finally:
        if context is not None:
            context.close()
    return target


def merge(parts: list[tuple[Path, str]], target: Path, title: str) -> Path:
    """The PDFs one after another, one bookmark (its title) each, as `target`."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for path, bookmark in parts:
        writer.append(str(path), outline_item=bookmark)
    writer.add_metadata({"/Title": title})
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as out:
        writer.write(out)
    writer.close()
    return target


def print_pages(browser, site: Path, pages: list[Page], out: Path, report=print) -> dict[str, Path]:
    """Each page as out/<name>.pdf, printed in `browser` (a Playwright Chromium); {page name: PDF}."""
    made: dict[str, Path] = {}
    for page in pages:
        started = time.perf_counter()
        made[page.name] = print_page(browser, site, page, Path(out) / f"{page.name}.pdf")
        report(f"  {made[page.name]}  {time.perf_counter() - started:5.1f} s  {page.title}")
    return made


def print_book(site: Path, out: Path, names: list[str] | None = None, report=print) -> dict[str, Path]:
    """PDFs of the pages named (every page of the book if None) in out/<name>.pdf, and with every page the whole
    book in out/BOOK_PDF; {page name, or "book": PDF}."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    site, out = Path(site), Path(out)
    pages = book_pages(site)
    chosen = choose(pages, names) if names else pages
    if not Path(CHROMIUM).exists():
        raise PdfError(f"{CHROMIUM} is missing: run `make system-deps` (apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        except PlaywrightError as error:
            raise PdfError(f"{CHROMIUM} did not start: {str(error).splitlines()[0]}") from error
        try:
            made = print_pages(browser, site, chosen, out, report)
        finally:
            browser.close()
    if not names:
        made["book"] = merge([(made[page.name], page.title) for page in pages], out / BOOK_PDF,
                             title=pages[0].title)
        report(f"  {made['book']}  the whole book, {len(pages)} pages of the site")
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m calcflow.publish.pdf", description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", metavar="PAGE",
                        help="names of the pages to print, e.g. categorising (default: every page and the whole book)")
    parser.add_argument("--site", type=Path, default=REPO_ROOT / "_build" / "html", help="the built book (make book)")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "_build" / "pdf", help="where the PDFs go")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        made = print_book(args.site, args.out, args.pages or None)
    except (SiteError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{len(made)} PDF(s) in {args.out}/ in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
