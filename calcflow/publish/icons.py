"""The theme's style sheet with its icons drawn without Font Awesome's 1.5 MB script or its 156 KB font.

pydata-sphinx-theme draws its icons with Font Awesome 6: buttons hold `<i class="fa-solid fa-bars">`, which
scripts/fontawesome.js (every icon of Font Awesome, 1.5 MB) replaces by an SVG; and its style sheet puts icons in
`::before`/`::after` as characters of the Font Awesome font (`content: var(--pst-icon-admonition-tip)`) — the
admonition titles, external and download links. The book's template (book/_templates/layout.html) leaves the script
out, and `theme_stylesheet` writes the theme's style sheet without Font Awesome's character rules and fonts, followed
by what replaces both (`icons_css`): each icon the theme uses, taken from that same script (the theme's own copy: the
icons follow the theme's version), as an SVG mask painted in the current text colour.

- `<i class="fa-solid fa-NAME">`: a rule `.fa-NAME{--cf-icon:url(data:…)}` for each name in ELEMENT_ICONS, and one
  rule that paints `--cf-icon` in the element's `::before` instead of the font's character.
- The theme's CSS icons: for each rule of the theme's style sheet that sets `content: var(--pst-icon-…)`, the same
  selector with `content: ""` and that icon as a mask. Which icon each variable names is read from the style sheet.
Nothing is fetched: the masks are data: URLs inside the style sheet, so the icons work from file:// too, and the
Font Awesome font is never downloaded (no character of it is left to draw).

Light on purpose (regular expressions over files of the installed themes, read, never imported): the Sphinx
extension imports it.
"""
from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

# Every `fa-*` icon the theme's templates can put on the book's pages (sphinx-book-theme's header buttons, launch
# and download menus, theme switcher, search, sidebar toggles, prev/next, back to top; pydata-sphinx-theme's
# script adds fa-xmark). tests/test_book_config.py checks that each icon used in the built pages is here.
ELEMENT_ICONS = (
    "angle-left", "angle-right", "arrow-up", "bars", "chevron-down", "chevron-right", "circle-half-stroke", "code",
    "download", "expand", "file", "file-lines", "file-pdf", "house", "lightbulb", "list", "magnifying-glass", "moon",
    "outdent", "pencil", "play", "rocket", "sun", "xmark",
)
# Old names the theme still writes (sphinx-book-theme's "fas fa-pencil-alt"), as Font Awesome 6 aliases them.
ELEMENT_ALIASES = {"home": "house", "pencil-alt": "pencil", "search": "magnifying-glass", "times": "xmark"}
# Where the themes style Font Awesome's <svg> (which has no fa-solid class) or hide what is not an <svg>, the same for
# the <i> that now stays: the search field's magnifier in the flow and in the text colour (larger in the search
# dialog), the sidebar's search button never without its icon, the article header's icons at most 1.3rem.
SVG_RULES_FOR_ICONS = (
    ".bd-search .fa-solid.fa-magnifying-glass{position:static;color:inherit}"
    "#pst-search-dialog[open] form.bd-search i{font-size:var(--pst-font-size-icon)}"
    ".search-button-field>i.fa-solid{display:inline-block}"
    ".bd-header-article .btn i::before{max-width:1.3rem;max-height:1.3rem}"
)
ICON_CLASSES = (".fa", ".fas", ".far", ".fab", ".fa-solid", ".fa-regular", ".fa-brands", ".fa-classic")

_THEME = "theme/pydata_sphinx_theme/static"
_SOLID_PACK_END = 'd("fas",p)'  # where fontawesome.js registers its solid icons, defined just before as `var p={…}`
_ICON = re.compile(r'(?:"(?P<quoted>[^"]+)"|(?P<bare>[A-Za-z0-9_$]+)):\[(?P<w>\d+),(?P<h>\d+),\[(?P<aliases>[^\]]*)\],'
                   r'"(?P<unicode>[0-9a-f]+)","(?P<path>[^"]+)"\]')
_RULE = re.compile(r"(?P<selector>[^{}]+)\{(?P<body>[^{}]*)\}")
_FONT_AWESOME_CLASS_RULE = re.compile(r"^\.fa-[a-z0-9-]+:{1,2}(before|after)(,\s*\.fa-[a-z0-9-]+:{1,2}(before|after))*$")
_FONT_AWESOME_CHARACTERS = re.compile(r"(?:\.fa-[a-z0-9-]+:(?:before|after),?)+\{content:[^}]*\}")
_FONT_FACE = re.compile(r"@font-face\{[^}]*\}")
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")
_VARIABLE = re.compile(r'(?P<name>--pst-icon-[a-z-]+|--pst-breadcrumb-divider):(?P<value>"[^"]*"|var\(--[a-z-]+\))')


@dataclass(frozen=True)
class Icon:
    name: str
    width: int
    height: int
    codepoint: int
    path: str

    def data_url(self) -> str:
        svg = (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {self.width} {self.height}'>"
               f"<path d='{self.path}'/></svg>")
        return 'url("data:image/svg+xml,' + quote(svg, safe=" /=:,.-'") + '")'

    def em_width(self) -> str:
        return f"{self.width / self.height:.4g}em"


def _package_dir(name: str) -> Path:
    """Where an installed package's files are, without importing it (its files are read, its code is not run)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        raise ModuleNotFoundError(f"{name} is not installed (the book's theme)")
    return Path(spec.origin).resolve().parent


def theme_static_dir() -> Path:
    """pydata-sphinx-theme's static folder (for the book's build, Sphinx's own theme folders are used instead)."""
    return _package_dir("pydata_sphinx_theme") / _THEME


def book_theme_static_dir() -> Path:
    return _package_dir("sphinx_book_theme") / "theme" / "sphinx_book_theme" / "static"


def solid_icons(fontawesome_js: str) -> dict[str, Icon]:
    """Font Awesome's solid icons in the theme's fontawesome.js, by name and by each alias name."""
    end = fontawesome_js.find(_SOLID_PACK_END)
    start = fontawesome_js.rfind("var p={", 0, end)
    if end < 0 or start < 0:
        raise ValueError("fontawesome.js: the solid icon pack was not found (has the theme's Font Awesome changed?)")
    icons: dict[str, Icon] = {}
    for match in _ICON.finditer(fontawesome_js, start, end):
        icon = Icon(match["quoted"] or match["bare"], int(match["w"]), int(match["h"]), int(match["unicode"], 16),
                    match["path"])
        icons.setdefault(icon.name, icon)
        for alias in re.findall(r'"([^"]+)"', match["aliases"]):
            icons.setdefault(alias, icon)
    return icons


def _codepoint(value: str) -> int | None:
    """The character of a CSS string such as "\\f0f3" or "" (None if it is not a single character)."""
    text = value.strip('"')
    if text.startswith("\\"):
        return int(text[1:], 16)
    return ord(text) if len(text) == 1 else None


def icons_css(static_dir: Path | None = None, book_theme_dir: Path | None = None) -> str:
    """The style sheet: the element icons and the themes' CSS icons, from the themes installed in this environment
    (`static_dir`: pydata-sphinx-theme's static folder; `book_theme_dir`: sphinx-book-theme's)."""
    static_dir = static_dir or theme_static_dir()
    icons = solid_icons((static_dir / "scripts" / "fontawesome.js").read_text(encoding="utf-8"))
    by_codepoint = {icon.codepoint: icon for icon in icons.values()}
    theme_css = (static_dir / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    book_theme_css = (book_theme_dir or book_theme_static_dir()).joinpath(
        "styles", "sphinx-book-theme.css").read_text(encoding="utf-8")

    missing = [name for name in ELEMENT_ICONS if name not in icons]
    if missing:
        raise ValueError(f"fontawesome.js has no solid icon named {missing}")
    lines = [
        "/* Written by calcflow.publish.icons when the book is built: the theme's Font Awesome icons as SVG masks in",
        "   the text colour, without Font Awesome's script or font. Icons: Font Awesome Free, CC BY 4.0. */",
        # No element is drawn in Font Awesome's font any more, so the browser never downloads it (156 KB).
        ",".join(ICON_CLASSES) + "{font-family:inherit}",
        ",".join(f"{cls}::before" for cls in ICON_CLASSES)
        + '{content:"";display:inline-block;width:var(--cf-icon-width,1em);height:1em;vertical-align:-.125em;'
          "background-color:currentColor;-webkit-mask:var(--cf-icon) center/contain no-repeat;"
          "mask:var(--cf-icon) center/contain no-repeat}",
    ]
    for name in ELEMENT_ICONS:
        icon = icons[name]
        selectors = [f".fa-{name}"] + [f".fa-{old}" for old, new in ELEMENT_ALIASES.items() if new == name]
        lines.append(f"{','.join(selectors)}{{--cf-icon:{icon.data_url()};--cf-icon-width:{icon.em_width()}}}")

    # The themes' rules written for Font Awesome's <svg>s (its script replaced each <i> by one), for the <i>s.
    lines.append(SVG_RULES_FOR_ICONS)

    # The themes' CSS icons: `content: var(--pst-icon-NAME)` (a variable holding a character of the font, or naming
    # another such variable) or the character itself (sphinx-book-theme), in rules that set the font.
    variables: dict[str, str] = {}
    for match in _VARIABLE.finditer(theme_css):
        variables.setdefault(match["name"], match["value"])
    masks = []
    for name, value in sorted(variables.items()):
        if value.startswith("var("):
            masks.append(f"--cf{name[1:]}:var(--cf{value[4:-1][1:]})")
        elif (codepoint := _codepoint(value)) is not None and codepoint in by_codepoint:
            masks.append(f"--cf{name[1:]}:{by_codepoint[codepoint].data_url()}")
    lines.append(":root{" + ";".join(masks) + "}")
    for match in _RULE.finditer(theme_css + "\n" + book_theme_css):
        selector, body = match["selector"].strip(), match["body"]
        if _FONT_AWESOME_CLASS_RULE.match(selector):
            continue  # .fa-NAME:before{content:…}: the element icons above
        if (content := re.search(r"content:var\((--pst-icon-[a-z-]+|--pst-breadcrumb-divider)\)", body)):
            if content[1] not in variables:
                continue
            mask = f"var(--cf{content[1][1:]})"
        elif (content := re.search(r'content:("(?:\\f[0-9a-f]{3}|[\ue000-\uf8ff])")', body)):
            icon = by_codepoint.get(_codepoint(content[1]))
            if icon is None:
                continue
            mask = icon.data_url()
        else:
            continue
        rule = f'content:"";--cf-mask:{mask}'
        if "font:var(--fa-font" in body or "Font Awesome" in body:  # the rule that places the icon: paint it
            size = "" if "width:" in body else "width:1em;height:1em;"
            rule += (f";font-family:inherit;display:inline-block;{size}vertical-align:-.125em;"
                     "background-color:currentColor;-webkit-mask:var(--cf-mask) center/contain no-repeat;"
                     "mask:var(--cf-mask) center/contain no-repeat")
        lines.append(f"{selector}{{{rule}}}")
    return "\n".join(lines) + "\n"


def theme_stylesheet(static_dir: Path | None = None, book_theme_dir: Path | None = None) -> str:
    """pydata-sphinx-theme.css without Font Awesome's character rules and fonts (1,883 rules `.fa-NAME:before`,
    87 KB of the 397 KB), followed by `icons_css`: one style sheet, in place of the theme's (same name, same place:
    the theme's templates link it), a fifth smaller and no longer able to make the browser fetch the icon fonts."""
    static_dir = static_dir or theme_static_dir()
    css = (static_dir / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    trimmed = _FONT_AWESOME_CHARACTERS.sub("", css)
    trimmed = _FONT_FACE.sub(lambda m: "" if "Font Awesome" in m[0] else m[0], trimmed)
    trimmed = _SOURCE_MAP.sub("", trimmed)  # the theme's map describes the file before trimming
    if len(trimmed) > 0.9 * len(css):
        raise ValueError("pydata-sphinx-theme.css: Font Awesome's rules were not found (has the theme changed?)")
    return trimmed.rstrip() + "\n" + icons_css(static_dir, book_theme_dir)


def write_theme_stylesheet(static_folder: Path, theme_dirs: list[str | Path] | None = None) -> Path:
    """`theme_stylesheet` as static_folder/styles/pydata-sphinx-theme.css (a folder added to html_static_path, which
    Sphinx copies after the theme's own files: this one replaces the theme's). `theme_dirs`: the folders of the
    themes in use (Sphinx's theme.get_theme_dirs()); by default the installed packages'."""
    static_dir = book_theme_dir = None
    for folder in map(Path, theme_dirs or ()):
        if (folder / "static" / "scripts" / "fontawesome.js").is_file():
            static_dir = static_dir or folder / "static"
        if (folder / "static" / "styles" / "sphinx-book-theme.css").is_file():
            book_theme_dir = book_theme_dir or folder / "static"
    target = static_folder / "styles" / "pydata-sphinx-theme.css"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(theme_stylesheet(static_dir, book_theme_dir), encoding="utf-8")
    return target
