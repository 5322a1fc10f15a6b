"""The house rules of calcflow's layout, read from the source with `ast` (nothing is imported):

- each layer imports only the layers below it: errors < model < synthetic < figures < widgets < publish
  (the package's `__init__`/`__main__` are the public API and the CLI, above all of them);
- no import cycle between modules;
- no private (underscore) name imported from another module;
- no module (Python, or the widgets' JavaScript and CSS sources) over 400 lines.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "calcflow"
LAYERS = ("errors", "model", "synthetic", "figures", "widgets", "publish")   # lowest first
TOP = ("calcflow", "calcflow.__main__")
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> list[tuple[str, tuple[str, ...], int]]:
    """(module imported, names imported from it, line) for every calcflow import in a file, lazy ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                raise AssertionError(f"{path}: line {node.lineno}: relative import; write calcflow.… in full")
            if node.module and node.module.split(".")[0] == "calcflow":
                found.append((node.module, tuple(a.name for a in node.names), node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, (), node.lineno) for a in node.names if a.name.split(".")[0] == "calcflow"]
    return found


def layer_of(module: str) -> int | None:
    """The layer's rank (0 = lowest); None for the package's top (public API, CLI)."""
    if module in TOP:
        return None
    return LAYERS.index(module.split(".")[1])


def test_the_tree_has_the_layers_and_nothing_beside_them():
    modules = _modules()
    for name in modules:
        assert name in TOP or name.split(".")[1] in LAYERS, f"{name} sits outside the layers {LAYERS}"
    for layer in LAYERS[1:]:
        assert (PACKAGE / layer / "__init__.py").exists(), f"calcflow/{layer} is not a package"


def _target(module: str, name: str, modules: dict[str, Path]) -> str:
    """`from package import module` imports a module; anything else imports from the module itself."""
    return f"{module}.{name}" if f"{module}.{name}" in modules else module


def test_no_layer_imports_a_layer_above_it():
    modules = _modules()
    wrong = []
    for name, path in modules.items():
        mine = layer_of(name)
        if mine is None:
            continue
        for module, names, line in _imports(path):
            for target in {_target(module, n, modules) for n in names} or {module}:
                theirs = layer_of(target) if target != "calcflow" else None
                if theirs is None or theirs > mine:
                    wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}")
    assert not wrong, "upward imports:\n" + "\n".join(wrong)


def test_no_import_cycle():
    modules = _modules()
    graph = {name: set() for name in modules}
    for name, path in modules.items():
        for module, names, _ in _imports(path):
            for target in {_target(module, n, modules) for n in names} or {module}:
                if target in modules and target != name:
                    graph[name].add(target)
    # a module importing its own package's __init__ is how Python loads it, not a cycle of ours
    for name in graph:
        graph[name] -= {p for p in graph[name] if name.startswith(p + ".")}
    visiting, done, cycles = set(), set(), []

    def visit(node, trail):
        if node in done:
            return
        if node in visiting:
            cycles.append(" -> ".join(trail[trail.index(node):] + [node]))
            return
        visiting.add(node)
        for nxt in sorted(graph[node]):
            visit(nxt, trail + [node])
        visiting.discard(node)
        done.add(node)

    for name in sorted(graph):
        visit(name, [])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_no_private_name_is_imported_from_another_module():
    wrong = [f"{path.relative_to(PACKAGE.parent)}:{line} imports {n} from {module}"
             for path in [*PACKAGE.rglob("*.py"), *(PACKAGE.parent / "tests").rglob("*.py"),
                          *(PACKAGE.parent / "benchmarks").rglob("*.py")]
             for module, names, line in _imports(path) for n in names if n.startswith("_")]
    assert not wrong, "\n".join(wrong)


SOURCES = sorted([*PACKAGE.rglob("*.py"), *(PACKAGE / "widgets" / "js").rglob("*.js"),
                  *(PACKAGE / "widgets" / "css").rglob("*.css")])   # not widgets/static: the built bundles


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_400_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name}: {lines} lines; split it by job"


def test_the_checks_see_a_violation(tmp_path):
    """The import reader finds lazy imports and private names, so the rules above can fail."""
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from calcflow.widgets.payloads import _table\n    import calcflow.publish\n")
    assert _imports(probe) == [("calcflow.widgets.payloads", ("_table",), 2), ("calcflow.publish", (), 3)]
    assert layer_of("calcflow.publish.sphinx") > layer_of("calcflow.model.rules")
