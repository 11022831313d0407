"""The pre-commit hook (.pre-commit-hooks.yaml) on a sample school repository, as a school would run it.

pre-commit builds the hook's own environment by installing this repository (a real `pip install`,
from the package index), so this test takes about half a minute.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, School, post_text
from test_changed_since import git

HOOKS = PROJECT / ".pre-commit-hooks.yaml"


def test_the_hook_is_declared_as_schools_expect() -> None:
    [hook] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "postplan-validate"
    assert hook["entry"] == "postplan validate"
    assert (hook["language"], hook["pass_filenames"]) == ("python", True)
    assert hook["files"] == r"^(content/posts/.*\.md|content/media/.*|calendar/.*\.ya?ml|mkdocs\.yml|templates/posts/.*\.md\.j2)$"


@pytest.mark.slow
def test_the_hook_checks_the_staged_posts_and_blocks_a_bad_one(example: School, tmp_path: Path) -> None:
    if not (PROJECT / ".git").exists():
        pytest.fail("pre-commit installs the hook from a git repository: run the tests in a clone of postplan")
    git(example.root, "init", "-q")
    git(example.root, "add", "-A")
    git(example.root, "commit", "-q", "-m", "The school as it is")
    example.post("2026-10/bake-sale", publish_at="2026-10-02 08:30")
    example.post("2026-10/cake-sale", publish_at="2026-10-09 08:30", status="aproved")
    example.write("README.md", "Our posting calendar\n")
    git(example.root, "add", "-A")

    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "POSTPLAN_NOW": "2026-09-01T08:00"}
    done = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(PROJECT), "postplan-validate",
                           "--color", "never"], cwd=example.root, capture_output=True, text=True, env=env)
    output = done.stdout + done.stderr

    assert done.returncode == 1, output
    assert "postplan validate" in output and "Failed" in output
    assert ("content/posts/2026-10/cake-sale.md:3: error: status: 'aproved' is not one of the choices") in output
    assert "bake-sale" not in output
    assert "2 files checked: 1 error" in output  # the two staged posts; README.md is not handed to the hook
    assert "Traceback" not in output and "Warning" not in output


def test_the_local_system_hook_from_the_staff_guide_runs_the_installed_postplan(example: School, tmp_path: Path) -> None:
    """The `.pre-commit-config.yaml` shown in writing-posts.md: no install, the postplan on PATH."""
    guide = (PROJECT / "templates/site/guides/writing-posts.md").read_text(encoding="utf-8")
    config = guide.split("```yaml\nrepos:")[1].split("```")[0]
    example.write(".pre-commit-config.yaml", "repos:" + config)
    git(example.root, "init", "-q")
    git(example.root, "add", "-A")
    git(example.root, "commit", "-q", "-m", "The school as it is")
    example.post("2026-10/cake-sale", publish_at="2026-10-09 08:30", status="aproved")
    git(example.root, "add", "-A")

    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "POSTPLAN_NOW": "2026-09-01T08:00",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--color", "never"],
                          cwd=example.root, capture_output=True, text=True, env=env)

    assert done.returncode == 1, done.stdout + done.stderr
    assert "content/posts/2026-10/cake-sale.md:3: error: status: 'aproved'" in done.stdout
    assert "1 file checked: 1 error" in done.stdout
