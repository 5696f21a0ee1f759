"""No import cycles in parent_partners: each module can be read knowing only what it imports.

The graph counts every import, at module level or inside a function (a deferred import only
hides a cycle), but not those under ``if TYPE_CHECKING:``, which never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import parent_partners

PACKAGE = Path(parent_partners.__file__).resolve().parent
ROOT = PACKAGE.parent


def _modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


MODULES = _modules()


def _known(name: str) -> str | None:
    """The module ``name`` is, or the nearest package holding it (for ``import pkg.attr``)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports_in(node: ast.AST, module: str, is_package: bool) -> Iterator[str | None]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
            continue
        if isinstance(child, ast.Import):
            yield from (_known(alias.name) for alias in child.names)
        elif isinstance(child, ast.ImportFrom):
            base = child.module or ""
            if child.level:
                package = module if is_package else module.rpartition(".")[0]
                for _ in range(child.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            for alias in child.names:
                # ``from pkg import sub`` imports the submodule; ``from mod import x``, the module.
                full = f"{base}.{alias.name}"
                yield full if full in MODULES else _known(base)
        yield from _imports_in(child, module, is_package)


def import_graph(modules: dict[str, tuple[Path, bool]] = MODULES) -> dict[str, set[str]]:
    """Each module of the package and the package modules it imports."""
    graph = {}
    for name, (path, is_package) in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = {m for m in _imports_in(tree, name, is_package) if m and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def test_parent_partners_has_no_import_cycles() -> None:
    """Every group of modules that import each other, directly or round a loop, is named."""
    assert cycles(import_graph()) == []


def test_a_deferred_import_still_counts() -> None:
    """A cycle closed by an import inside a function is found, as are the package's own."""
    graph = import_graph()
    assert "parent_partners.operations.access_trail" in graph["parent_partners.operations.tokens"]
    graph["parent_partners.identity"].add("parent_partners.operations.tokens")
    assert [
        "parent_partners.identity",
        "parent_partners.operations.access_trail",
        "parent_partners.operations.tokens",
    ] in cycles(graph)


def test_a_function_level_import_is_in_the_graph() -> None:
    """``identity`` looks the bearer up inside a function; the graph still sees the edge."""
    assert "parent_partners.operations.bearer" in import_graph()["parent_partners.identity"]
