"""The CODEOWNERS template makes leaders review every path that can change what is published or what
the site runs: posts, calendar, templates, settings, the ledger, the workflows and the code."""

from __future__ import annotations

import fnmatch

import pytest

from conftest import PROJECT

# A file in each place a pull request could change what goes out, what the site shows, or what runs.
MUST_BE_OWNED = [
    "content/posts/2026-10/harvest.md", "content/media/2026/relay.jpg", "calendar/events.yml",
    "calendar/.feed-state.json", "templates/posts/payment-due.md.j2", "templates/site/index.md", "mkdocs.yml",
    "ledger.jsonl", ".github/workflows/publish.yml", ".github/workflows/site.yml", ".github/CODEOWNERS",
    "scripts/postplan/publish/run.py", "pyproject.toml", ".pre-commit-hooks.yaml", ".ci/run",
    "a-file-added-later.py",
]


def _patterns() -> list[tuple[str, list[str]]]:
    rules = []
    for line in (PROJECT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def _owners(path: str) -> list[str]:
    """GitHub's rule: the last matching pattern wins; a leading / anchors, a trailing / is a folder."""
    found: list[str] = []
    for pattern, owners in _patterns():
        anchored = pattern.lstrip("/")
        if pattern == "*" or (anchored.endswith("/") and path.startswith(anchored)) or \
                fnmatch.fnmatch(path, anchored):
            found = owners
    return found


@pytest.mark.parametrize("path", MUST_BE_OWNED)
def test_every_path_that_changes_what_is_published_or_run_needs_a_leader(path: str) -> None:
    assert _owners(path), f"{path} has no code owner in .github/CODEOWNERS"


def test_every_line_names_an_owner() -> None:
    assert all(owners and all(o.startswith("@") for o in owners) for _, owners in _patterns())
