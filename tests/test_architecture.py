"""The architecture stays visible: layers, module size, no import cycle.

Read from the source with ``ast`` (nothing is imported): the model imports no
Sphinx, docutils or matplotlib; no module of ``sphinx_hdnd`` is much over 400
lines; the modules' top-level imports (``TYPE_CHECKING`` blocks aside) form no
cycle; a directive module imports no other directive module.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "sphinx_hdnd"
MAX_LINES = 420
#: what the model must not know of (docs/kien-truc.md: data flows one way)
NOT_IN_MODEL = ("sphinx", "docutils", "matplotlib", "weasyprint", "docx")


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def top_level_imports(name: str, path: Path) -> set[str]:
    """Absolute names of what ``name`` imports at import time."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, node.module] if node.module else base)
            found.add(target)
            found.update(f"{target}.{a.name}" for a in node.names)
    return found


def test_the_model_imports_no_output_library():
    for name, path in modules().items():
        if name.startswith("sphinx_hdnd.model"):
            used = {i.split(".")[0] for i in top_level_imports(name, path)}
            assert not used & set(NOT_IN_MODEL), (name, used & set(NOT_IN_MODEL))


def test_no_module_is_much_over_400_lines():
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_no_import_cycle():
    mods = modules()
    graph = {name: {i for i in top_level_imports(name, path)
                    if i in mods and i != name and not name.startswith(i + ".")}
             for name, path in mods.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
    assert cycles == []


def test_a_directive_module_imports_no_other_directive_module():
    prefix = "sphinx_hdnd.sphinxext.directives."
    mods = modules()
    for name, path in mods.items():
        if name.startswith(prefix) and not name.endswith(".base"):
            others = {i for i in top_level_imports(name, path) if i in mods
                      and i.startswith(prefix) and i != name and not i.endswith(".base")}
            assert others == set(), (name, others)
