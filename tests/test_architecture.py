"""The shape of the code: the import contract in pyproject.toml holds, and it does catch a backwards import.

The contract (import-linter) says the stages run one way, load → check → plan → site / feeds / publish,
with the pipeline module running them; these tests make a backwards import a red test with a message.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
PACKAGE = PROJECT / "scripts" / "postplan"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50


def lint_imports(project: Path, package_parent: Path) -> subprocess.CompletedProcess:
    """``lint-imports`` on the contract in ``project``'s pyproject.toml, finding the package in ``package_parent``."""
    environment = {**os.environ, "PYTHONPATH": str(package_parent)}
    command = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
               "sys.exit(lint_imports_command())", "--no-cache"]
    return subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=300)


def test_the_code_keeps_the_import_contract() -> None:
    done = lint_imports(PROJECT, PROJECT / "scripts")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(("module", "backwards"), [
    ("check.py", "from postplan.publish import ledger"),  # the check reading the publisher's ledger
    ("rules/term_overlap.py", "from postplan import plan"),  # a rule reaching into the plan stage
    ("site/pages.py", "from postplan.publish import due"),  # one output stage importing another
    ("rules/text_speak.py", "from postplan.rules import postal_address"),  # a rule importing a rule
])
def test_a_backwards_import_breaks_the_contract(tmp_path: Path, module: str, backwards: str) -> None:
    """A copy of the package with one bad import added: the contract must fail, naming the import.

    The copy lives in tmp_path, so the real tree is never changed."""
    copy = tmp_path / "scripts" / "postplan"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{backwards}  # a backwards import\n",
                      encoding="utf-8")

    done = lint_imports(tmp_path, tmp_path / "scripts")

    assert done.returncode == 1, done.stdout + done.stderr
    assert "BROKEN" in done.stdout
    importer = "postplan." + module.removesuffix(".py").replace("/", ".")
    assert importer in done.stdout, done.stdout


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _sources(), ids=lambda path: path.relative_to(PACKAGE).as_posix())
def test_modules_and_functions_stay_small(path: Path) -> None:
    """No module over 400 lines and no function over 50 (STYLE.md: functions that fit on a screen)."""
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= MAX_MODULE_LINES, f"{path.name} has {text.count(chr(10))} lines"
    long = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines, line {node.lineno})"
            for node in ast.walk(ast.parse(text))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"{path.name}: functions over {MAX_FUNCTION_LINES} lines: {', '.join(long)}"


def _shared_rule_modules() -> set[str]:
    """The modules of rules/ the independence contract lets every rule import (its ignore_imports)."""
    import tomllib

    contracts = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    independent = next(c for c in contracts["contracts"] if c["id"] == "rules-independent")
    return {line.split("->")[1].strip().removeprefix("postplan.rules.")
            for line in independent["ignore_imports"] if line.startswith("postplan.rules.* ->")}


def test_every_module_in_rules_is_a_registered_rule_or_one_the_contract_names_as_shared() -> None:
    """Otherwise a rule could hide in the shared list and be imported by another rule."""
    from postplan.rules import RULES

    rule_modules = {rule_id.replace("-", "_") for rule_id in RULES}
    shared = _shared_rule_modules()
    for path in sorted((PACKAGE / "rules").glob("*.py")):
        name = path.stem
        if name == "__init__":
            continue
        assert (name in rule_modules) != (name in shared), (
            f"rules/{name}.py must be either a registered rule or a shared module listed in the contract")
