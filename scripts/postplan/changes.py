"""Which of the school's files a pull request (or a working copy) changed, so only they can block it.

A new post must not be blocked by an old post that broke when the rules changed. So ``--changed-since
REF`` checks the files changed since the point where this branch left REF (what a pull request shows),
plus anything changed but not yet committed (what a pre-commit hook or a teacher at a terminal sees).
Deleted files are left out: there is nothing left to check.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable
from pathlib import Path

import yaml

from postplan.check import run_checks
from postplan.findings import Finding
from postplan.load import CALENDAR_DIR, POSTS_DIR, Loaded
from postplan.models import Post, Repository

SETTINGS_FILE = "mkdocs.yml"


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
    tracked = _git(root, "diff", "--name-only", "--no-renames", "--diff-filter=d", "--relative", base, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard")
    names = {line for line in (tracked + untracked).splitlines() if line}
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
    try:
        data = yaml.safe_load(text or "")
    except yaml.YAMLError:
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


def touched_posts(repository: Repository, ids: set[str]) -> set[str]:
    """Posts that hang on one of these events or campaigns: a calendar change can break them."""
    return {post.source.path for post in repository.posts if post.event in ids or post.campaign in ids}


def changed_last(repository: Repository, changed: set[str]) -> Repository:
    """The repository with the changed posts listed last.

    Rules that compare posts (a duplicate id, a duplicate text) report the later of the two, so a clash
    between a new post and an old one lands on the new post, where the pull request can fix it.
    """
    def order(post: Post) -> tuple[bool, str]:
        return post.source.path in changed, post.source.path

    return repository.model_copy(update={"posts": sorted(repository.posts, key=order)})


def widen(loaded: Loaded, root: Path, wanted: set[str], ref: str | None = None) -> set[str] | None:
    """What checking ``wanted`` really means: None (everything) when the settings changed, since they
    apply to every post; and, for a changed calendar file, the posts that hang on its events and
    campaigns (as they are now, and as they were at ``ref``'s merge base)."""
    if SETTINGS_FILE in wanted:
        return None
    ids: set[str] = set()
    for path in wanted:
        if path.startswith(CALENDAR_DIR + "/"):
            ids |= calendar_ids((root / path).read_text(encoding="utf-8", errors="replace"))
            if ref is not None:
                ids |= calendar_ids(old_text(root, ref, path))
    return wanted | touched_posts(loaded.repository, ids)


def check_only(loaded: Loaded, now: dt.datetime, root: Path, wanted: set[str] | None) -> list[Finding]:
    """Every finding on the wanted files (all files when None), cross-file clashes landing on them."""
    if wanted is None:
        return run_checks(loaded, now, root)
    ordered = Loaded(changed_last(loaded.repository, wanted), loaded.findings)
    return [finding for finding in run_checks(ordered, now, root, only=wanted) if finding.path in wanted]
