"""Hostile input the command line and the template renderers must still handle (issue cases 3 and 6).

Each is a test of what a person would notice: a changed file with any name is checked (``changes.py``
reads ``git diff -z``), and a hostile template is an error at its line without hanging anything.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import School
from test_changed_since import git, repo  # noqa: F401 - the git-repository fixture

NOW = "2026-09-01T08:00"
FULL_NAME = "Congratulations to Maya Jones for her wonderful poem."


@pytest.mark.parametrize("name", ["2026-10/zz-ünïcode", "2026-10/with space", "2026-10/new\nline"],
                         ids=["non-ASCII", "space", "newline"])
def test_a_changed_post_with_any_file_name_is_checked(repo: School, name: str) -> None:  # noqa: F811
    repo.post(name, FULL_NAME, publish_at="2026-10-06 08:30")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "Propose a post")
    result = repo.run("validate", "--changed-since", "main", "--format", "json", "--now", NOW)
    report = json.loads(result.output)
    assert result.exit_code == 1 and report["files"] >= 1
    # the file is checked: a name that cannot be an id is itself an error, so the post cannot go unseen
    assert [f["rule"] for f in report["findings"] if f["path"] == f"content/posts/{name}.md"], report



def test_a_changed_calendar_file_with_a_non_ascii_name_is_checked(repo: School) -> None:  # noqa: F811
    repo.write("calendar/évents.yml", "events:\n  - id: fair\n    title: Fair\n    start: 2026-13-05\n")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "Propose an event")
    result = repo.run("validate", "--changed-since", "main", "--format", "json", "--now", NOW)
    found = [(f["path"], f["line"]) for f in json.loads(result.output)["findings"]]
    assert result.exit_code == 1 and ("calendar/évents.yml", 4) in found


HOSTILE_TEMPLATES = {
    "an include": "{% include '/etc/passwd' %}",
    "nested loops": "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
    "a huge repeat": "{{ 'x' * 100 * 100 * 100 * 100 }}",
    # 200 MB each, not the 2 GB and 4.4 GB: enough to pass any output limit, and safe for CI
    "a huge format": "{{ '%200000000d' % 1 }}",
    "a huge centre": "{{ 'x'.center(200000000) }}",
}


@pytest.mark.parametrize("case", list(HOSTILE_TEMPLATES), ids=list(HOSTILE_TEMPLATES))
def test_a_hostile_template_is_an_error_at_its_line_and_nothing_hangs(school: School, case: str) -> None:
    school.write("templates/posts/hostile.md.j2", "{# unused by any reminder #}\n" + HOSTILE_TEMPLATES[case] + "\n")
    school.post("fine", publish_at="2026-10-06 08:30")
    result = _within(school, 60, "validate", "--format", "json")
    found = [(f["path"], f["line"], f["rule"]) for f in json.loads(result.stdout)["findings"]]
    assert result.returncode == 1 and ("templates/posts/hostile.md.j2", 2, "reminder-template") in found
    built = _within(school, 120, "build")  # the propose page renders every template too
    assert built.returncode in (0, 1) and "Traceback" not in built.stderr


def _within(school: School, seconds: int, *args: str) -> subprocess.CompletedProcess:
    """The command in a child process, so a template that never ends fails the test instead of hanging it."""
    try:
        return subprocess.run([sys.executable, "-m", "postplan", *args, "--now", NOW, "--root", str(school.root)],
                              capture_output=True, text=True, timeout=seconds)
    except subprocess.TimeoutExpired:
        pytest.fail(f"postplan {args[0]} did not finish within {seconds} s")
