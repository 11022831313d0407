"""Which of the school's files a pull request (or a working copy) changed, as git tells it.

A new post must not be blocked by an old post that broke when the rules changed. So ``--changed-since
REF`` checks the files changed since the point where this branch left REF (what a pull request shows),
plus anything changed but not yet committed (what a pre-commit hook or a teacher at a terminal sees).
Deleted files are left out: there is nothing left to check.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

import yaml

from postplan.load import CALENDAR_DIR, POSTS_DIR
from postplan.settings import SETTINGS_FILE


class ChangesError(Exception):
    """git could not say what changed: not a git repository, or the ref does not exist."""


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise ChangesError("git is not installed, so --changed-since cannot tell what changed") from None
    if done.returncode != 0:
        raise ChangesError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "git failed")
    return done.stdout


def merge_base(root: Path, ref: str) -> str:
    """The commit where this branch left ``ref``: a clear error when the ref or the repository is missing."""
    try:
        _git(root, "rev-parse", "--is-inside-work-tree")
    except ChangesError:
        raise ChangesError(f"{root} is not inside a git repository, so --changed-since cannot be used") from None
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except ChangesError:
        raise ChangesError(
            f"--changed-since {ref}: there is no such branch, tag or commit here "
            "(in a GitHub workflow, fetch it first: actions/checkout with fetch-depth: 0)"
        ) from None
    return _git(root, "merge-base", ref, "HEAD").strip()


def changed_files(root: Path, ref: str) -> set[str]:
    """Files under ``root`` added or modified since the merge base with ``ref``, committed or not.

    Paths are relative to ``root`` (which may be a folder inside the git repository), with forward slashes.
    """
    base = merge_base(root, ref)
    # Diffing the merge base against the working tree covers commits, staged and unstaged edits at once.
    # -z: names exactly as they are, NUL-separated (without it git quotes any name that is not plain
    # ASCII, and a quoted name would match no file, so a post named "évents.md" would go unchecked)
    tracked = _git(root, "diff", "-z", "--name-only", "--no-renames", "--diff-filter=d", "--relative", base, "--")
    untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard")
    names = {name for name in (tracked + untracked).split("\0") if name}
    return {name for name in names if (root / name).is_file()}


def checked(paths: Iterable[str]) -> set[str]:
    """The paths postplan checks: posts, calendar files and the settings file; anything else is ignored."""
    return {
        path for path in paths
        if (path.startswith(POSTS_DIR + "/") and path.endswith(".md"))
        or (path.startswith(CALENDAR_DIR + "/") and path.count("/") == 1 and path.endswith((".yml", ".yaml")))
        or path == SETTINGS_FILE
    }


def calendar_ids(text: str | None) -> set[str]:
    """The ids of the events and campaigns in a calendar file's text (nothing if it cannot be read)."""
    try:  # BaseLoader: every value a string (a date like 2026-13-05 is not built), no Python objects
        data = yaml.load(text or "", Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds nothing
    except (yaml.YAMLError, ValueError, RecursionError):
        return set()
    if not isinstance(data, dict):
        return set()
    return {
        str(entry["id"])
        for section in ("events", "campaigns")
        for entry in (data.get(section) or [])
        if isinstance(entry, dict) and "id" in entry
    }


def old_text(root: Path, ref: str, path: str) -> str | None:
    """A file's text at the merge base, or None when it did not exist there."""
    try:
        return _git(root, "show", f"{merge_base(root, ref)}:./{path}")
    except ChangesError:
        return None
