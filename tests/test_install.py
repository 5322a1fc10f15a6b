"""calcflow as someone who installs it gets it: the wheel built from this tree, installed into a fresh virtual
environment outside the repository, run from a folder that is not the repository.

No network: the wheel is built with the venv's pinned setuptools (--no-build-isolation), installed with --no-deps
--no-index, and the fresh environment sees the third-party packages already installed in this venv through a .pth
file, placed after its own site-packages (so `calcflow` itself can only come from the wheel). Whether the wheel
declares what it needs is checked on the wheel's own metadata: each requirement is met by an installed distribution,
and every third-party module the installed code imports belongs to a declared requirement.
"""
from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
PACKAGE = "calcflow"  # the import package
DISTRIBUTION = "calcification-pathways"  # pyproject.toml [project] name; "calcflow" on PyPI is another project
BOOK_EXTRA = "book"  # [project.optional-dependencies] book: what calcflow.publish needs
BOOK_ONLY = f"{PACKAGE}/publish/"  # files that may import the book extra's packages
# Files in the package tree that are not package data, by suffix, and why.
NOT_SHIPPED = {".mjs": "Node.js build scripts (widgets/js/build.mjs writes widgets/static/), never read at run time"}

# Run inside the fresh environment; each prints what the tests check, as JSON. METADATA imports nothing of calcflow.
METADATA = r"""
import importlib.metadata as md
import json, sys
from packaging.requirements import Requirement

dist = md.distribution(sys.argv[1])
requires = dist.requires or []
names = {Requirement(line).name for line in requires}
print(json.dumps({
    "name": dist.metadata["Name"],
    "dist_location": str(dist.locate_file("")),
    "requires": requires,
    "versions": {name: next((d.version for d in md.distributions(name=name)), None) for name in names},
    "packages_distributions": md.packages_distributions(),
}))
"""
IMPORTS = r"""
import importlib.resources
import json

import calcflow
import calcflow.widgets
from pybtex.database import parse_file

explorer = calcflow.widgets.Explorer()
bib = importlib.resources.files("calcflow") / "data" / "references.bib"
print(json.dumps({
    "calcflow_file": calcflow.__file__,
    "widgets_file": calcflow.widgets.__file__,
    "explorer_html": explorer.static_html(),
    "explorer_esm": str(explorer._esm),  # anywidget reads the bundle file; a missing file leaves its path here
    "explorer_css": str(explorer._css),
    "bib_file": str(bib),
    "bib_keys": sorted(parse_file(str(bib), bib_format="bibtex").entries),
}))
"""


def _run(cmd, **kwargs) -> subprocess.CompletedProcess:
    out = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=120, **kwargs)
    assert out.returncode == 0, f"{' '.join(map(str, cmd))} exited {out.returncode}\n{out.stdout}\n{out.stderr}"
    return out


def _files(root: Path) -> set[str]:
    """Every file under root/calcflow, as a path relative to root; caches and hidden files left out."""
    return {p.relative_to(root).as_posix() for p in (root / PACKAGE).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in {".pyc", *NOT_SHIPPED}
            and not any(part.startswith(".") for part in p.relative_to(root).parts)}


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("install")
    assert not tmp.resolve().is_relative_to(REPO), "the fresh environment must live outside the repository"

    # A snapshot of what the wheel is built from: the build writes build/ and *.egg-info next to its sources, and
    # other work in the tree should neither see those nor change the sources half-way through.
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, src / name)
    shutil.copytree(REPO / PACKAGE, src / PACKAGE, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))

    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "PYTHONSAFEPATH"}}
    env["PYTHONNOUSERSITE"] = "1"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    _run([*pip, "wheel", "--no-deps", "--no-index", "--no-build-isolation", "--check-build-dependencies", "-q",
          src, "-w", tmp / "dist"], env=env, cwd=tmp)
    (wheel,) = (tmp / "dist").glob(f"{DISTRIBUTION.replace('-', '_')}-*.whl")

    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], env=env, cwd=tmp)
    python = venv / "bin" / "python"
    _run([*pip, "--python", python, "install", "--no-deps", "--no-index", "-q", wheel], env=env, cwd=tmp)
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     env=env, cwd=tmp).stdout.strip())
    assert site.is_relative_to(venv)
    # This venv's third-party packages, after the fresh site-packages (a .pth line is appended to sys.path; the .pth
    # files in that folder, such as the editable calcflow's finder, are not run).
    deps = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (site / "zz_calcflow_test_dependencies.pth").write_text("".join(f"{d}\n" for d in deps))

    workdir = tmp / "elsewhere"
    workdir.mkdir()
    return {"venv": venv, "python": python, "site": site, "src": src, "env": env, "cwd": workdir}


def _probe(installed, script: str, *args: str) -> dict:
    return json.loads(_run([installed["python"], "-c", script, *args], env=installed["env"],
                           cwd=installed["cwd"]).stdout)


@pytest.fixture(scope="module")
def metadata(installed):
    return _probe(installed, METADATA, DISTRIBUTION)


@pytest.fixture(scope="module")
def imported(installed):
    return _probe(installed, IMPORTS)


def _in_fresh_environment(installed, key: str, path: str) -> None:
    path = Path(path).resolve()
    assert path.is_relative_to(installed["venv"].resolve()), f"{key}: {path} is not in the fresh environment"
    assert not path.is_relative_to(REPO), f"{key}: {path} comes from the repository"


def test_calcflow_is_imported_from_the_wheel(installed, imported):
    for key in ("calcflow_file", "widgets_file", "bib_file"):
        _in_fresh_environment(installed, key, imported[key])


def test_metadata_is_the_wheels(installed, metadata):
    _in_fresh_environment(installed, f"{DISTRIBUTION}'s dist-info", metadata["dist_location"])


def test_the_distribution_is_named_apart_from_the_import_package(installed, metadata):
    """`pip install calcflow` would fetch an unrelated project from PyPI: the wheel is calcification-pathways and
    installs the import package calcflow (and the `calcflow` command)."""
    assert metadata["name"] == "calcification-pathways"
    assert "calcification-pathways" in {canonicalize_name(d) for d in metadata["packages_distributions"][PACKAGE]}
    assert (installed["venv"] / "bin" / "calcflow").is_file()


def test_wheel_ships_every_module_and_data_file(installed):
    """Every file of the package tree (modules of every subpackage, YAML, the bibliography, widget JS/CSS, the slide
    template) is installed: a file left out of [tool.setuptools.package-data] fails here."""
    missing = _files(installed["src"]) - _files(installed["site"])
    assert not missing, ("not in the installed package (add them to [tool.setuptools.package-data] in "
                         f"pyproject.toml, or move them out of calcflow/): {sorted(missing)}")
    for subpackage in ("model", "synthetic", "figures", "widgets", "publish"):
        assert (installed["site"] / PACKAGE / subpackage / "__init__.py").is_file(), subpackage


def test_console_script_assesses_with_json(installed, imported):
    out = _run([installed["venv"] / "bin" / "calcflow", "assess", "--size", "micro", "--shape", "punctate",
                "--pattern", "grouped", "--system", "us", "--json"], env=installed["env"], cwd=installed["cwd"])
    data = json.loads(out.stdout)
    assert (data["category"], data["birads"], data["rcr"], data["system"]) == ("indeterminate", "3", "M3", "us")
    assert data["path"][0]["id"] == "us-screening-mammogram"
    # Every source the answer cites is in the bibliography shipped inside the installed package.
    assert data["sources"] and set(data["sources"]) <= set(imported["bib_keys"])

    choices = _run([installed["venv"] / "bin" / "calcflow", "choices"], env=installed["env"], cwd=installed["cwd"])
    assert "result (UK):" in choices.stdout and "B5a" in choices.stdout


def test_widgets_import_and_render_from_the_wheel(imported):
    html = imported["explorer_html"]
    assert html.startswith('<div class="calcflow-static" data-calcflow-static="explorer">')
    assert '"table":' in html and len(html) > 10_000  # the state: every combination's category, the flowcharts
    # The live widget's module and style sheet, read from the installed package's files.
    esm, css = imported["explorer_esm"], imported["explorer_css"]
    assert len(esm) > 1_000 and "render" in esm, f"the widget's module is not its bundle: {esm[:200]}"
    assert len(css) > 1_000 and "{" in css, f"the widget's style sheet is not its built CSS: {css[:200]}"


def _declared(requires: list[str], extra: str = "") -> dict[str, Requirement]:
    """The requirements that apply with `extra` (and the unconditional ones), by canonical name."""
    reqs = (Requirement(line) for line in requires)
    return {canonicalize_name(r.name): r for r in reqs if r.marker is None or r.marker.evaluate({"extra": extra})}


def test_declared_requirements_are_installed(metadata):
    runtime, book = _declared(metadata["requires"]), _declared(metadata["requires"], BOOK_EXTRA)
    assert runtime, "the wheel declares no runtime dependencies"
    assert book.keys() > runtime.keys(), f"no [{BOOK_EXTRA}] extra"
    versions = {canonicalize_name(k): v for k, v in metadata["versions"].items()}
    unmet = [f"{r} (installed: {versions[name]})" for name, r in book.items()
             if versions[name] is None or not r.specifier.contains(versions[name], prereleases=True)]
    assert not unmet, f"declared but not met by the installed packages: {unmet}"


def _imports(path: Path) -> set[str]:
    """Top-level names of the absolute imports in a module, lazy ones in functions included; `if TYPE_CHECKING:`
    blocks left out (they never run)."""
    found = set()

    def visit(node):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return found


def test_every_imported_package_is_declared(installed, metadata):
    """The installed code's third-party imports each belong to a declared requirement: a runtime dependency, or the
    book extra for calcflow.publish. A package that is only there as someone else's dependency fails here."""
    site = installed["site"]
    owners = {module: {canonicalize_name(d) for d in dists}
              for module, dists in metadata["packages_distributions"].items()}
    runtime = set(_declared(metadata["requires"]))
    book = set(_declared(metadata["requires"], BOOK_EXTRA))
    undeclared = []
    modules = sorted((site / PACKAGE).rglob("*.py"))
    assert len(modules) > 20
    for path in modules:
        rel = path.relative_to(site).as_posix()
        allowed = book if rel.startswith(BOOK_ONLY) else runtime
        for module in sorted(_imports(path) - set(sys.stdlib_module_names) - {PACKAGE}):
            if not owners.get(module, set()) & allowed:
                undeclared.append(f"{rel}: {module} (from {sorted(owners.get(module, [])) or 'no installed package'})")
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def test_requirements_txt_pins_what_the_wheel_declares(metadata):
    """`make venv` installs requirements.txt: its exact pins must satisfy pyproject.toml's ranges (book extra too)."""
    pins = {}
    for line in (REPO / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            req = Requirement(line)
            pins[canonicalize_name(req.name)] = next(iter(req.specifier)).version
    for name, req in _declared(metadata["requires"], BOOK_EXTRA).items():
        assert name in pins, f"{req.name} is declared in pyproject.toml but not pinned in requirements.txt"
        assert req.specifier.contains(pins[name], prereleases=True), f"requirements.txt pins {name}=={pins[name]}, " \
                                                                     f"outside pyproject.toml's {req}"
