"""The generator's packages import nothing, so a rule never loads half an initialised package.

Importing one extraction rule of ``units`` used to run ``bot/decks/generator/
__init__.py`` first, which pulled in the whole generator and its command line;
every rule then loaded while that package was half-way through its own
initialisation, and a rule importing a name from it would break on import order.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.support_bot import REPO

GENERATOR = REPO / "bot" / "decks" / "generator"
RULES = sorted(p.stem for p in (GENERATOR / "units").glob("*.py") if p.stem != "__init__")
#: What loading one rule must not drag in: the note-to-deck pipeline, the merger, the CLI.
NOT_NEEDED = ("bot.decks.generator.generate", "bot.decks.generator.merge",
              "bot.decks.generator.writer", "bot.cli")


@pytest.mark.parametrize("package", [GENERATOR, GENERATOR / "units"], ids=["generator", "units"])
def test_the_packages_run_no_import(package: Path) -> None:
    tree = ast.parse((package / "__init__.py").read_text(encoding="utf-8"))
    assert [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)] == []


@pytest.mark.parametrize("rule", RULES)
def test_a_rule_loads_alone_with_only_what_it_uses(rule: str) -> None:
    probe = (f"import sys, bot.decks.generator.units.{rule}; "
             "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('bot.'))))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    loaded = done.stdout.split()
    assert not [m for m in loaded if m.startswith(NOT_NEEDED)], loaded


def test_rules_name_the_rule_module_they_use() -> None:
    """``from bot.decks.generator.units import prose`` goes through the package; say the module."""
    through_package = []
    for path in sorted((GENERATOR / "units").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in (
                "bot.decks.generator", "bot.decks.generator.units"
            ):
                through_package.append(f"{path.name}: from {node.module} import ...")
    assert through_package == []
