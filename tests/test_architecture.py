"""The package's shape: no import cycle, small modules, and each layer importing only below it.

The import graph is read from the source (every ``import`` in every module, those inside
functions included, those under ``if TYPE_CHECKING:`` left out): a function-level import is
a dependency all the same, only a later one. The layers are data here and in
docs/architecture.md; `KNOWN` lists today's violations in modules other helpers own, and a
test fails when one of them is gone, so the list cannot outlive them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "fazhi_report"
MAX_LINES = 520

# Lowest first. A module may import modules of its own layer or below; parsers and renderers
# share a layer but never import each other. The longest prefix names a module's layer.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "_cues", "numbering", "_surrogates", "_positional", "_version"),
    ("layout", "model", "official", "punctuation", "traversal"),
    ("decoding", "_ooxml", "io", "urls"),
    ("registry", "convert", "schema"),
    ("parsers", "renderers"),
    ("house", "roundtrip", "validation", "edit", "draft"),
    ("analysis",),
    ("api",),
    ("batch", "rows", "tables", "dask"),
    ("cli", "__main__", "analysis.commands"),
)
SEPARATE = ("parsers", "renderers")  # side by side: neither imports the other

# Violations in modules other helpers are fixing (owner in the comment). The lead empties
# this after merging their branches.
KNOWN: frozenset[tuple[str, str]] = frozenset()

# Import edges that close a cycle today, in modules others own; left out of the cycle check
# until the lead empties this after the merge (a test fails once one no longer occurs).
KNOWN_CYCLE_EDGES: frozenset[tuple[str, str]] = frozenset()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(name: str) -> str | None:
    """The package module ``name`` loads: itself, or the package it is a name in."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str, path: Path) -> set[str]:
    """The package modules ``module`` imports anywhere but under ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text("utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                # `from fazhi_report import batch` imports a module, not a name
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    resolved = {_resolve(name) for name in found if name.split(".")[0] == "fazhi_report"}
    return {name for name in resolved if name is not None and name != module}


GRAPH = {module: _imports(module, path) for module, path in MODULES.items()}


def _short(module: str) -> str:
    return module.removeprefix("fazhi_report").lstrip(".")


def _layer(module: str) -> tuple[int, str] | None:
    """The layer index of ``module`` and the prefix that placed it; None for the package."""
    name = _short(module)
    if not name:
        return (len(LAYERS) - 1, "")  # the package itself: the facade, at the top
    best: tuple[int, str] | None = None
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and (
                best is None or len(prefix) > len(best[1])
            ):
                best = (index, prefix)
    return best


def _violations() -> set[tuple[str, str]]:
    found = set()
    for module, targets in GRAPH.items():
        here = _layer(module)
        if here is None or not here[1]:
            continue  # unplaced (a test says so) or the facade over every layer
        for target in targets:
            there = _layer(target)
            if there is None:
                continue
            upward = there[0] > here[0]
            across = there[0] == here[0] and {here[1].split(".")[0], there[1].split(".")[0]} == set(
                SEPARATE
            )
            if upward or across:
                found.add((_short(module), _short(target)))
    return found


def _cycle() -> list[str] | None:
    """One import cycle, as the modules along it, or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    stack: list[str] = []

    def walk(module: str) -> list[str] | None:
        state[module] = 1
        stack.append(module)
        for target in sorted(GRAPH.get(module, ())):
            if (_short(module), _short(target)) in KNOWN_CYCLE_EDGES:
                continue
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := walk(target)) is not None:
                return cycle
        stack.pop()
        state[module] = 2
        return None

    for module in sorted(GRAPH):
        if module not in state and (cycle := walk(module)) is not None:
            return cycle
    return None


def test_the_graph_is_read_from_the_source() -> None:
    # the test sees function-level imports and skips TYPE_CHECKING ones
    assert "fazhi_report.analysis.check" in GRAPH["fazhi_report.api"]
    assert "fazhi_report.roundtrip" in GRAPH["fazhi_report.api"]
    assert "fazhi_report.analysis.compare" in GRAPH["fazhi_report.api"]
    assert [m for m in MODULES if _layer(m) is None] == []


def test_known_cycle_edges_still_occur() -> None:
    edges = {(_short(m), _short(t)) for m, targets in GRAPH.items() for t in targets}
    gone = KNOWN_CYCLE_EDGES - edges
    assert gone == set(), f"fixed: take {sorted(gone)} out of KNOWN_CYCLE_EDGES"


def test_no_import_cycle() -> None:
    assert _cycle() is None, " -> ".join(_cycle() or [])


def test_no_module_is_too_long() -> None:
    known_long: set[str] = set()  # modules allowed over the limit while they are split
    long = {
        _short(m)
        for m, path in MODULES.items()
        if len(path.read_text("utf-8").splitlines()) > MAX_LINES
    }
    assert long - known_long == set()
    assert known_long - long == set(), "no longer too long: take them out of known_long"


def test_each_layer_imports_only_below_it() -> None:
    assert _violations() - KNOWN == set()


def test_known_violations_still_occur() -> None:
    gone = KNOWN - _violations()
    assert gone == set(), f"fixed: take {sorted(gone)} out of KNOWN"


@pytest.mark.parametrize(
    "module", ["model", "model.guards", "model.nodes", "layout", "errors", "_cues", "numbering"]
)
def test_the_bottom_imports_nothing_above_the_model(module: str) -> None:
    below = {"errors", "_cues", "numbering", "_surrogates", "_positional", "layout", "model"}
    assert {_short(t).split(".")[0] for t in GRAPH[f"fazhi_report.{module}"]} <= below
