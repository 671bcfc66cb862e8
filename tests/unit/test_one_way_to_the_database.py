"""bot/study holds no sessions and writes no SQL: the use cases reach the database only
through bot/storage's named queries, run by the TransactionRunner (DESIGN: Storage)."""

from __future__ import annotations

import ast
from pathlib import Path

STUDY = Path(__file__).resolve().parents[2] / "bot" / "study"
#: What a use case may take from SQLAlchemy: the unit of work's handle, the errors that
#: tell an outage from a refused deck, the engine the runtime opens, and URL parsing.
ALLOWED = {
    "sqlalchemy": {"Connection"},
    "sqlalchemy.exc": {"DisconnectionError", "InterfaceError", "OperationalError",
                       "TimeoutError"},
    "sqlalchemy.ext.asyncio": {"AsyncEngine"},
    "sqlalchemy.engine": {"make_url"},
}


def _sqlalchemy_imports(path: Path) -> list[tuple[str, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            found += [(node.module or "", alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, "*") for alias in node.names
                      if alias.name.startswith("sqlalchemy")]
    return found


def test_use_cases_take_nothing_from_sqlalchemy_but_the_connection_they_are_given() -> None:
    files = sorted(STUDY.rglob("*.py"))
    assert len(files) > 10  # the package is where this test thinks it is
    refused = [
        f"{path.relative_to(STUDY.parent.parent)}: from {module} import {name}"
        for path in files
        for module, name in _sqlalchemy_imports(path)
        if name not in ALLOWED.get(module, set())
    ]
    assert refused == []
