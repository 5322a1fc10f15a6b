"""What a lecturer takes away from the decks, made in the local Chromium with no network: a PDF handout of a deck
(reveal.js's print view, `?print-pdf`, one slide a page, fragments shown) and a thumbnail of its first slide for the
index page.

    handouts(decks, out_dir)  → out_dir/pdf/<deck>.pdf for authored decks, out_dir/thumbs/<deck>.png for every deck

Chromium is Debian's (/usr/bin/chromium, `make system-deps`), driven by Playwright; any request that is not for a
local file is aborted, so a deck that needs the network cannot quietly print.
"""
from __future__ import annotations

from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
CANVAS = {"width": 1920, "height": 1080}
THUMBNAIL_PX = (480, 270)
PDF_DIR, THUMBS_DIR = "pdf", "thumbs"
TIMEOUT_MS = 60_000
_READY = "() => window.Reveal !== undefined && Reveal.isReady()"


def _local_only(route) -> None:
    if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
        route.continue_()
    else:
        route.abort("blockedbyclient")


def _open(browser, deck: Path, query: str = "", scale: float = 1):
    page = browser.new_page(viewport=CANVAS, device_scale_factor=scale)
    page.set_default_timeout(TIMEOUT_MS)
    page.route("**/*", _local_only)
    page.goto(Path(deck).resolve().as_uri() + query, wait_until="load")
    page.wait_for_function(_READY)
    page.wait_for_load_state("networkidle")
    return page


def thumbnail(browser, deck: Path, target: Path) -> Path:
    """A small PNG of the deck's first slide, laid out as projected at 1920×1080 and drawn at THUMBNAIL_PX."""
    page = _open(browser, deck, scale=THUMBNAIL_PX[0] / CANVAS["width"])
    try:
        page.evaluate("() => { Reveal.configure({ transition: 'none', controls: false, progress: false }); "
                      "Reveal.slide(0, 0); }")
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target))
    finally:
        page.close()
    return target


def print_pdf(browser, deck: Path, target: Path) -> Path:
    """The deck's print view as a PDF, one page a slide at the slide's own size."""
    page = _open(browser, deck, "?print-pdf")
    try:
        page.wait_for_function("() => document.querySelectorAll('.pdf-page').length > 0")
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(target), print_background=True, prefer_css_page_size=True)
    finally:
        page.close()
    return target


def handouts(decks, out_dir: Path) -> dict[str, dict[str, Path]]:
    """Thumbnails of every deck and PDFs of the authored ones; {deck file name: {"thumbnail": …, "pdf": …}}."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing: run `make system-deps` (apt-get install chromium)")
    made: dict[str, dict[str, Path]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for deck in decks:
                stem = deck.path.stem
                files = {"thumbnail": thumbnail(browser, deck.path, Path(out_dir) / THUMBS_DIR / f"{stem}.png")}
                if deck.authored:
                    files["pdf"] = print_pdf(browser, deck.path, Path(out_dir) / PDF_DIR / f"{stem}.pdf")
                made[deck.path.name] = files
        finally:
            browser.close()
    return made
