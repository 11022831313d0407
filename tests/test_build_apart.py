"""`postplan build` checks and draws the pages in a process of its own, then hands them to MkDocs.

A trust's posts (300 MB as models at 50,000) are loaded, checked and drawn in a forked process, which
writes each page to a folder as it is drawn; the process running MkDocs never holds the posts. What
comes out must be exactly what one process makes, its errors must reach the person running the build
as the same clear messages, and a process that dies must say so rather than leave a half-built site.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import School
from postplan import pipeline, workers
from postplan.clock import now as pinned
from postplan.fields import share_field_sets
from postplan.site.build import BuildProblem
from postplan.site.pages import Pages

NOW = "2026-11-23T15:31"
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="a stage runs apart only on Linux; elsewhere in-process")


def _site(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


@pytest.mark.parametrize("staff", [False, True])
def test_a_build_apart_makes_exactly_the_site_one_process_makes(example: School, staff: bool) -> None:
    loaded = pipeline.load(example.root)
    now = pinned(NOW, loaded.repository.settings.zone)
    together = pipeline.build(loaded, now, staff=staff)
    one = _site(together.site_dir)
    assert one
    apart = pipeline.build(pipeline.load(example.root, posts=False), now, staff=staff, apart=True)
    assert (apart.pages, apart.posts_shown, apart.errors) == (together.pages, together.posts_shown, together.errors)
    assert [feed.filename for feed in apart.feeds] == [feed.filename for feed in together.feeds]
    assert _site(apart.site_dir) == one


@linux_only
def test_the_posts_are_read_in_the_process_apart_not_in_the_one_running_mkdocs(example: School) -> None:
    loaded = pipeline.load(example.root, posts=False)
    assert loaded.repository.posts == []
    built = pipeline.build(loaded, pinned(NOW, loaded.repository.settings.zone), staff=True, apart=True)
    assert built.posts_shown > 0 and loaded.repository.posts == []


def test_a_problem_found_apart_stops_the_build_with_its_own_message(example: School) -> None:
    (example.root / "ledger.jsonl").write_text('{"post": "x", "state": "published"\n', encoding="utf-8")
    loaded = pipeline.load(example.root, posts=False)
    with pytest.raises(BuildProblem) as raised:
        pipeline.build(loaded, pinned(NOW, loaded.repository.settings.zone), apart=True)
    with pytest.raises(BuildProblem) as together:
        pipeline.build(pipeline.load(example.root), pinned(NOW, loaded.repository.settings.zone))
    assert str(raised.value) == str(together.value) and "ledger" in str(raised.value)


def _answer(number: int) -> dict[str, int]:
    return {"pid": os.getpid(), "twice": number * 2}


def _fail(message: str) -> None:
    raise ValueError(message)


def _die() -> None:
    os._exit(9)  # no answer, no exception


def _killed() -> None:
    import signal

    os.kill(os.getpid(), signal.SIGKILL)  # as the system's out-of-memory killer ends a process


class _Unpicklable(Exception):
    def __init__(self, lock) -> None:
        super().__init__("a lock cannot be pickled")
        self.lock = lock


def _fail_unpicklably() -> None:
    import threading

    raise _Unpicklable(threading.Lock())


@linux_only
def test_work_apart_runs_in_another_process_and_hands_back_its_answer() -> None:
    answer = workers.apart(_answer, 21)
    assert answer["twice"] == 42 and answer["pid"] != os.getpid()


@linux_only
def test_work_apart_raises_its_error_here_or_says_the_process_stopped() -> None:
    with pytest.raises(ValueError, match="the calendar is unreadable"):
        workers.apart(_fail, "the calendar is unreadable")
    with pytest.raises(workers.Stopped, match="ended with exit code 9 before it finished"):
        workers.apart(_die)
    with pytest.raises(workers.Stopped, match=r"stopped by signal 9 \(out of memory\?\)"):
        workers.apart(_killed)
    with pytest.raises(workers.Stopped, match="_Unpicklable: a lock cannot be pickled"):
        workers.apart(_fail_unpicklably)


def test_pages_written_to_a_folder_read_back_and_stay_inside_it(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    pages = Pages({"calendar/2026-11.md": "November ✨"}, folder)
    pages["campaigns/../../../escape.md"] = "a campaign id chosen to climb out"
    pages["calendar/2026-11.md"] = "November, drawn again"
    assert pages["calendar/2026-11.md"] == "November, drawn again"
    assert pages.encoded("campaigns/../../../escape.md") == "a campaign id chosen to climb out".encode()
    assert list(pages) == ["calendar/2026-11.md", "campaigns/../../../escape.md"]
    assert not list(tmp_path.glob("*.md")) and all(path.parent == folder for path in tmp_path.rglob("*.html"))


def test_posts_share_their_sets_of_given_fields_and_a_copy_keeps_its_own(example: School) -> None:
    posts = pipeline.load(example.root, cached=False).repository.posts
    alike = [post for post in posts if post.model_fields_set == posts[0].model_fields_set]
    assert len(alike) > 1 and all(post.model_fields_set is alike[0].model_fields_set for post in alike)
    assert posts[0].source.model_fields_set is posts[1].source.model_fields_set
    before = set(alike[1].model_fields_set)
    copy = alike[0].model_copy(update={"campaign": "a-campaign"})
    assert "campaign" in copy.model_fields_set and alike[1].model_fields_set == before
    share_field_sets(copy)  # sharing again never merges sets of different fields
    assert alike[1].model_fields_set == before
