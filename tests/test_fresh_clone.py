"""The test suite stands alone: a fresh clone, with nothing beside it, collects every test.

Anyone who clones postplan must be able to run `make test`. A test that reads a file outside the
repository (a folder beside the checkout, say) fails here on a clone in an empty folder, where the
checkout it came from is out of reach.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT

pytestmark = pytest.mark.slow


def _clone(into: Path) -> Path:
    """The project's committed HEAD, cloned into an otherwise empty folder."""
    if subprocess.run(["git", "-C", str(PROJECT), "rev-parse", "--git-dir"], capture_output=True).returncode:
        pytest.fail("this test clones the project: run the tests in a git clone of postplan")
    into.mkdir()
    clone = into / "postplan"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(PROJECT), str(clone)], check=True,
                   capture_output=True)
    assert [p.name for p in into.iterdir()] == ["postplan"]
    return clone


def _in_clone(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run this virtual environment's Python inside the clone, importing the clone's own postplan."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(("POSTPLAN_", "PYTEST_"))}
    env["PYTHONPATH"] = str(clone / "scripts")
    return subprocess.run([sys.executable, *args], cwd=clone, env=env, capture_output=True, text=True)


def test_a_fresh_clone_with_nothing_beside_it_collects_every_test(tmp_path: Path) -> None:
    clone = _clone(tmp_path / "empty")

    imported = _in_clone(clone, "-c", "import postplan; print(postplan.__file__)")
    assert Path(imported.stdout.strip()).is_relative_to(clone / "scripts"), imported.stdout + imported.stderr

    collected = _in_clone(clone, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider")
    output = collected.stdout + collected.stderr
    assert collected.returncode == 0, output  # a module that fails to import is an error, exit 2
    summary = collected.stdout.strip().splitlines()[-1]
    assert "collected" in summary and "error" not in summary, output
    modules = sorted(p.relative_to(clone).as_posix() for p in (clone / "tests").rglob("test_*.py"))
    missing = [module for module in modules if f"{module}::" not in collected.stdout]
    assert not missing, f"no tests collected from {missing}:\n{output}"
