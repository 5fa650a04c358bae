"""The import rules, read from the source with `ast`: data flows one way, and light stays light.

- `feeds` (models, parsing, sources) imports neither the board, the widgets, the
  sample nights nor Textual/Rich: it is the contract, usable without a screen.
- `widgets` import neither the board nor the feed format: they take their own
  view types (`widgets.views`).
- `board` may import both; nothing imports `board` but `board` (and tests).
- The modules the board-less commands run (`check`, `snapshot`, …) reach no Textual
  at import time, nor does `widgets.views`: the plain-text snapshot shares its rows.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bench.terminal import ROOT

PACKAGES = ("board", "widgets", "feeds", "sample_feeds")

FORBIDDEN = {
    "feeds": ("board", "widgets", "sample_feeds", "textual", "rich"),
    "widgets": ("board", "feeds", "sample_feeds", "httpx"),
    "sample_feeds": ("board", "widgets", "textual", "rich"),
}
"""What each package must never import (anywhere in it, even inside a function)."""

LIGHT = (
    "board.cli",
    "board.cliutil",
    "board.tools",
    "board.plain",
    "board.present",
    "board.present_parties",
    "board.state",
    "board.status",
    "board.look",
    "board.keys",
    "board.polling",
    "board.terminal",
    "board.exits",
    "board.environment",
    "board.plainwatch",
    "board.demo",
    "widgets.views",
    "board.finder",
    "board.area_view",
    "board.alerts",
    "board.desk",
    "board.moments",
    "board.summary",
    "board.ticker_age",
    "board.deskcli",
    "board.findable",
    "widgets.desk_views",
)
"""Modules whose import-time closure must not reach Textual or Rich."""


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }


def imports(path: Path, *, top_level_only: bool) -> set[str]:
    """Modules imported by `path` (all of them, or only those run when it is imported)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_packages_import_only_downstream(package: str) -> None:
    broken = {
        module: sorted(name for name in imports(path, top_level_only=False) if top(name) in bad)
        for module, path in sources().items()
        if top(module) == package
        for bad in [FORBIDDEN[package]]
    }
    assert not {module: names for module, names in broken.items() if names}


def test_nothing_outside_the_board_imports_it() -> None:
    users = [
        module
        for module, path in sources().items()
        if top(module) != "board"
        and any(top(n) == "board" for n in imports(path, top_level_only=False))
    ]
    assert users == []


def test_light_modules_reach_no_textual_when_imported() -> None:
    modules = sources()
    for start in LIGHT:
        seen: set[str] = set()
        todo = [".".join(start.split(".")[:i]) for i in range(1, start.count(".") + 2)]
        while todo:
            module = todo.pop()
            if module in seen:
                continue
            seen.add(module)
            assert top(module) not in ("textual", "rich"), f"{start} imports {module}"
            path = modules.get(module)
            if path is None:
                continue
            for name in imports(path, top_level_only=True):
                # "from a.b import c": a.b, and a.b.c if that is a module; each package's __init__
                parents = [".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 2)]
                todo += [n for n in parents if n in modules or top(n) in ("textual", "rich")]


def test_the_rules_see_real_imports() -> None:
    """The parser finds what it must (so the rules above cannot pass by finding nothing)."""
    assert "textual.widget" in imports(ROOT / "widgets" / "ticker.py", top_level_only=True)
    assert "widgets.views" in imports(ROOT / "board" / "present.py", top_level_only=True)
    assert "board.present" in imports(ROOT / "board" / "plain.py", top_level_only=True)
