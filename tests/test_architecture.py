"""The shape of desktop_app: its layers (import-linter contracts in pyproject.toml), no import
circles between its modules, and no module over 700 lines."""

from __future__ import annotations

import ast
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> subprocess.CompletedProcess[str]:
    script = (
        "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filenames=('pyproject.toml',), no_cache=True, no_logo=True))"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"},
    )


def test_the_import_linter_contracts_hold():
    """Qt only in desktop_app.ui; domain, store, reports, importers and views import no ui;
    importers import no reports; domain imports nothing of the app (pyproject.toml
    [tool.importlinter])."""
    result = _lint_imports()
    out = result.stdout + result.stderr
    broken = re.findall(r"^(.+?) BROKEN", out, re.MULTILINE)
    details = out.split("Broken contracts", 1)[-1] if broken else out[-3000:]
    assert result.returncode == 0, f"contracts broken: {broken}\n{details}"
    assert re.search(r"Contracts: \d+ kept, 0 broken", out), out[-3000:]


# ------------------------------------------------------------------------- the import graph
PACKAGE = ROOT / "desktop_app"
MAX_LINES = 700


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _import_nodes(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import of a module: at module level, in functions and classes, and those under
    ``if TYPE_CHECKING:`` too (a circle of type hints is still two modules that each need the
    other; the issue counts main_window <-> window_extensions, which was one)."""
    return [node for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)]


def _imports(name: str, path: Path, modules: dict[str, Path]) -> dict[str, int]:
    """The modules of desktop_app that module ``name`` imports, each with a line doing it
    (relative imports resolved; ``from pkg import sub`` counts as an import of ``pkg.sub``)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: dict[str, int] = {}
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            bases = [alias.name for alias in node.names]
            names: list[str] = []
        else:
            if node.level:
                base_parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            bases = [base]
            names = [alias.name for alias in node.names]
        for base in bases:
            subs = [f"{base}.{n}" for n in names if f"{base}.{n}" in modules]
            for target in subs or [base]:
                while target and target not in modules:  # import a.b.c of a module a.b
                    target = target.rpartition(".")[0]
                if target and target != name:
                    targets.setdefault(target, node.lineno)
            if subs and len(subs) < len(names) and base in modules and base != name:
                targets.setdefault(base, node.lineno)  # names of the package itself too
    return targets


def import_graph() -> dict[str, dict[str, int]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def find_cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One circle per strongly connected group of modules (Tarjan), each as a path
    ``[a, b, …, a]``."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(v: str) -> None:  # recursion depth: the number of modules, ~150
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return [_circle(graph, set(group)) for group in groups]


def _circle(graph: dict[str, dict[str, int]], group: set[str]) -> list[str]:
    """A shortest circle through the first module of ``group`` (breadth first)."""
    start = min(group)
    previous: dict[str, str] = {}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v]):
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if w in group and w not in previous:
                previous[w] = v
                queue.append(w)
    return sorted(group)  # pragma: no cover - a strongly connected group always has one


def _shown(graph: dict[str, dict[str, int]], circle: list[str]) -> str:
    steps = [f"{a} (line {graph[a][b]}) -> {b}" for a, b in itertools.pairwise(circle)]
    return "\n  ".join(steps)


def test_the_graph_sees_relative_and_deferred_imports():
    graph = import_graph()
    assert "desktop_app.launch" in graph["desktop_app.cli.base"]  # from ..launch import ...
    assert "desktop_app.store" in graph["desktop_app.launch"]  # inside a function
    assert find_cycles({"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 3}, "d": {"a": 4}}) == [
        ["a", "b", "c", "a"]
    ]


def test_no_import_circles_in_desktop_app():
    graph = import_graph()
    circles = find_cycles(graph)
    assert not circles, "import circles in desktop_app:\n" + "\n".join(
        "  " + _shown(graph, c) for c in circles
    )


def test_no_module_in_desktop_app_over_700_lines():
    long = {
        str(path.relative_to(ROOT)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines: {long}"
