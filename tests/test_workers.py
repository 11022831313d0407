"""Checking in worker processes finds exactly what checking in one process finds.

`postplan validate` on a whole repository reads and checks the posts in forked workers (Linux, from
2,000 posts); the other commands load every post first. Both must report the same findings, broken
files included, and the rules that compare posts must still see every post.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from postplan import workers
from postplan.bench import generate_school
from postplan.check import can_be_due
from postplan.pipeline import check
from postplan.clock import now as pinned
from postplan.load import load_repository


def test_slices_are_joined_in_order_from_two_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform != "linux":
        pytest.skip("postplan forks workers on Linux only; elsewhere everything runs in one process")
    import multiprocessing

    monkeypatch.setattr(workers, "PARALLEL_FROM", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # two workers, even on a one-core machine
    assert workers.workers_for(40) == 2
    both_started = multiprocessing.get_context("fork").Barrier(2, timeout=30)

    results = workers.share(_pid_and_square, (list(range(40)), both_started), 40)

    assert [square for _, square in results] == [n * n for n in range(40)]
    processes = {pid for pid, _ in results}
    assert len(processes) == 2 and os.getpid() not in processes, processes


_waited = False  # in a worker: whether it has met the other worker at the barrier yet


def _pid_and_square(shared, start: int, stop: int) -> list[tuple[int, int]]:
    """Squares, with the process that worked them out; each worker's first slice waits for the other.

    Waiting makes the test prove that two processes each took work: with one worker the barrier breaks.
    """
    global _waited
    numbers, both_started = shared
    if not _waited:
        both_started.wait()
        _waited = True
    return [(os.getpid(), n * n) for n in numbers[start:stop]]


def broken_school(root: Path) -> Path:
    """A synthetic school with clashes, a reply, a policy breach and files that cannot be read."""
    generate_school(root, posts=240)
    extra = root / "content" / "posts" / "extra"
    extra.mkdir()
    posts = sorted((root / "content" / "posts").rglob("*.md"))
    files = {
        "copy.md": posts[0].read_text(encoding="utf-8"),  # the same text as another post
        posts[1].name: posts[1].read_text(encoding="utf-8"),  # the same id (file name) as another post
        "reply.md": "---\npublish_at: 2024-09-03 09:00\nstatus: draft\nauthor: Office\n"
                    "reply_to: https://x.com/SomeParent/status/1790000000000000001\n---\nThanks!\n",
        "full-name.md": "---\npublish_at: 2024-09-03 09:05\nstatus: draft\nauthor: Office\n---\n"
                        "Well done to Maya Jones for her poem.\n",
        "bad-yaml.md": "---\npublish_at: [2024-09-03\n---\nText.\n",
        "bad-status.md": "---\npublish_at: 2024-09-03 09:10\nstatus: aproved\nauthor: Office\n---\nText.\n",
        "empty.md": "",
    }
    for name, text in files.items():
        (extra / name).write_text(text, encoding="utf-8")
    return root


def test_checking_in_workers_finds_what_checking_here_finds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = broken_school(tmp_path / "school")
    loaded = load_repository(root)
    now = pinned("2024-09-01T08:00", loaded.repository.settings.zone)
    here = check(loaded, now)

    monkeypatch.setattr(workers, "PARALLEL_FROM", 1)  # fork workers even for a small school
    in_workers = check(load_repository(root, posts=False), now)

    assert in_workers == here
    rules = {finding.rule for finding in here}
    assert {"duplicate-text", "duplicate-id", "reply-not-own", "pupil-full-name", "yaml", "schema", "file"} <= rules


def test_checking_some_posts_still_compares_them_with_every_post(tmp_path: Path) -> None:
    root = broken_school(tmp_path / "school")
    loaded = load_repository(root)
    now = pinned("2024-09-01T08:00", loaded.repository.settings.zone)
    wanted = {"content/posts/extra/copy.md", "content/posts/extra/full-name.md"}
    some = [f for f in check(loaded, now, can_be_due(wanted)) if f.path in wanted]
    everything = [f for f in check(loaded, now) if f.path in wanted]
    assert some == everything and {f.rule for f in some} >= {"duplicate-text", "pupil-full-name"}
