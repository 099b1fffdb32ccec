"""The house's layers: every import points down, and no app hides an import in a function.

config -> learning -> practice -> knowledge_graph -> learners -> core. A module may import from its
own app and from the layers below it, at module level only (an import of another app
inside a function is how an upward arrow is usually smuggled in). The pure cores import
nothing from Django at all.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["core", "learners", "knowledge_graph", "practice", "learning", "config"]
RANK = {name: i for i, name in enumerate(LAYERS)}
PURE = [
    "knowledge_graph/graph.py",
    "knowledge_graph/graph_index.py",
    "knowledge_graph/picture.py",
    "practice/kl_engine.py",
    "practice/parser.py",
    "practice/grader.py",
    "learning/review.py",
    "learning/placement.py",
]


def modules() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (ROOT / layer).rglob("*.py"))


def imports(tree: ast.AST) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for every import of ``tree``."""
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = nested or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                found.extend((a.name, child.lineno, nested) for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                found.append((child.module, child.lineno, nested))
            visit(child, inner)

    visit(tree, False)
    return found


def problems(path: Path) -> list[str]:
    source = path.relative_to(ROOT)
    layer = source.parts[0]
    out = []
    for module, line, nested in imports(ast.parse(path.read_text(encoding="utf-8"))):
        target = module.split(".")[0]
        if target not in RANK or target == layer:
            continue
        where = f"{source}:{line} imports {module}"
        if RANK[target] > RANK[layer]:
            out.append(f"{where}, a layer above {layer}")
        elif nested:
            out.append(f"{where} inside a function")
    return out


def test_the_layers_are_the_top_level_packages():
    found = {p.parts[0] for p in (q.relative_to(ROOT) for q in modules())}
    assert found == set(LAYERS)
    assert not (ROOT / "tutor").exists(), "the old mixed package is gone"


def test_every_import_points_down_and_none_hides_in_a_function():
    found = [p for path in modules() for p in problems(path)]
    assert found == []


def test_the_checker_sees_an_upward_and_a_hidden_import(tmp_path, monkeypatch):
    app = tmp_path / "knowledge_graph"
    app.mkdir()
    (app / "bad.py").write_text(
        "from practice.models import Attempt\n\ndef f():\n    from core import caching\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    found = problems(app / "bad.py")
    assert len(found) == 2
    assert "a layer above" in found[0] and "inside a function" in found[1]


@pytest.mark.parametrize("name", PURE)
def test_the_pure_cores_import_nothing_from_django(name):
    tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
    assert not [m for m, _, _ in imports(tree) if m.split(".")[0] == "django"]
