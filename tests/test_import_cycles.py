"""No import cycle between the modules of one app (issue 12).

A cycle only works in some import orders (the one that happened to run first), so it is checked
on the source: the graph of top-level ``import``s between an app's modules has no cycle. Imports
under ``if TYPE_CHECKING:`` are left out (they never run).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = sorted(
    {p.parent for p in ROOT.glob("cms/*/apps.py")} | {ROOT / "search"},
)


def _module(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _imports(path: Path, package: str) -> set[str]:
    """Absolute names this module imports at import time (relative imports resolved)."""
    names = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names.add(base)
            names |= {f"{base}.{alias.name}" for alias in node.names}
    return names


def _graph(app: Path) -> dict[str, set[str]]:
    files = [p for p in app.rglob("*.py") if "migrations" not in p.parts]
    modules = {_module(p): p for p in files}
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        graph[name] = {m for m in _imports(path, package) if m in modules and m != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_within_an_app():
    cycles = {_module(app): _cycle(_graph(app)) for app in APPS}
    assert {app: cycle for app, cycle in cycles.items() if cycle} == {}


def test_the_check_sees_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
