"""The theme's controls still work, labelled and with their icons, now that Font Awesome's script is gone (its icons
are masks in the theme's style sheet: calcflow.publish.icons) and the theme's unused CSS rules are left out
(calcflow.publish.css_purge). One chapter page, over HTTP and from file://, at a desktop's and a phone's size.
"""
from __future__ import annotations

import pytest

PAGE = "book/categorising.html"
PHONE = {"width": 390, "height": 844}

# Each visible control of the page's header: its accessible name, and whether it shows an icon (a painted mask).
_CONTROLS = """() => [...document.querySelectorAll(
        ".article-header-buttons .btn, .article-header-buttons button, .sidebar-toggle, .search-button-field")]
    .filter(el => el.checkVisibility())
    .map(el => {
        const icons = [...el.querySelectorAll("i, span.fa-solid")].filter(i => i.checkVisibility()).map(i => {
            const style = getComputedStyle(i, "::before");
            const box = i.getBoundingClientRect();
            return {mask: style.webkitMaskImage || style.maskImage, width: box.width, height: box.height};
        });
        return {name: (el.getAttribute("aria-label") || el.getAttribute("title") || el.textContent).trim(),
                icons};
    })"""


@pytest.fixture()
def chapter(page, site, site_dir, open_page):
    open_page(page, site, PAGE)
    page.wait_for_load_state("networkidle")
    return page


def _check_controls(page) -> None:
    controls = page.evaluate(_CONTROLS)
    assert len(controls) >= 4, controls
    for control in controls:
        assert control["name"], f"a control without a name: {control}"
        assert control["icons"], f"{control['name']!r} shows no icon"
        for icon in control["icons"]:
            assert icon["mask"].startswith("url(") and icon["width"] > 8 and icon["height"] > 8, (
                f"{control['name']!r}: its icon is not drawn: {icon}")


def test_every_header_control_is_named_and_shows_its_icon(chapter):
    _check_controls(chapter)
    chapter.set_viewport_size(PHONE)
    _check_controls(chapter)
    assert not chapter.console_errors, "\n".join(chapter.console_errors)


def test_the_launch_and_download_menus_open(chapter):
    for menu, expected in ((".dropdown-launch-buttons", ("Binder", "Colab")),
                           (".dropdown-download-buttons", (".ipynb", ".pdf"))):
        chapter.locator(f"{menu} > button").click()
        items = chapter.locator(f"{menu} .dropdown-menu")
        items.wait_for(state="visible")
        text = items.inner_text()
        assert all(word in text for word in expected), f"{menu}: {text!r}"
        icons = chapter.evaluate(f"""() => [...document.querySelectorAll("{menu} .dropdown-menu .btn__icon-container")]
            .map(el => el.getBoundingClientRect().width)""")
        assert icons and min(icons) > 8, f"{menu}: its items' icons are not drawn: {icons}"
        chapter.keyboard.press("Escape")
        chapter.mouse.move(5, 700)  # the theme also opens these menus while the pointer is over them
        items.wait_for(state="hidden")


def test_the_theme_switch_cycles_light_dark_and_auto(chapter):
    modes = []
    for _ in range(3):
        chapter.locator(".article-header-buttons .theme-switch-button").click()
        modes.append(chapter.evaluate("() => document.documentElement.dataset.mode"))
    assert sorted(modes) == ["auto", "dark", "light"], modes


def test_search_opens_from_the_header_and_the_sidebar_opens_on_a_phone(chapter):
    chapter.locator(".bd-sidebar-primary .search-button-field").click()
    field = chapter.locator("#pst-search-dialog input[name=q]")
    field.wait_for(state="visible")
    assert chapter.evaluate("() => document.activeElement.name") == "q"
    chapter.keyboard.press("Escape")
    field.wait_for(state="hidden")

    chapter.set_viewport_size(PHONE)
    chapter.locator(".article-header-buttons .search-button").click()
    field.wait_for(state="visible")
    chapter.keyboard.press("Escape")
    field.wait_for(state="hidden")
    chapter.locator(".bd-header-article .primary-toggle").click()
    chapter.locator("#pst-primary-sidebar-modal nav.bd-docs-nav, #pst-primary-sidebar nav.bd-docs-nav").first.wait_for(
        state="visible")
    assert not chapter.console_errors, "\n".join(chapter.console_errors)


def test_no_icon_font_is_fetched(chapter):
    """Nothing is drawn in Font Awesome's font any more, so the browser never downloads it (156 KB)."""
    fonts = chapter.evaluate("""() => performance.getEntriesByType("resource").map(e => e.name)
        .filter(name => /webfonts|\\.woff2?|\\.ttf/.test(name))""")
    assert not fonts, fonts
