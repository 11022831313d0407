"""The parsed-posts cache: publish, build and status never work from a post as it was before an edit, a
forged or broken cache is never trusted, and an unchanged post is not parsed again."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import zoneinfo
import subprocess
from pathlib import Path

import pytest

from conftest import School
from postplan import cachefiles, load, postcache
from publish_helpers import approved

NOW = "2027-06-01T08:40"
CACHE = f"{cachefiles.CACHE_DIR}/{postcache.POSTS_FILE}"


@pytest.fixture
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written before a run count as settled (in use, only after two seconds)."""
    monkeypatch.setattr(cachefiles, "RACY_NS", 0)


def dry_run(school: School) -> str:
    result = school.run("publish", "--dry-run", "--now", NOW)
    assert "Traceback" not in result.output
    return result.output


def test_an_edit_that_keeps_the_size_and_the_modification_time_is_still_seen(school: School,
                                                                            settled_at_once: None) -> None:
    post = approved(school, "sports-day", "Sports Day is today at 1pm!")
    assert "| Sports Day is today at 1pm!" in dry_run(school)
    assert (school.root / CACHE).exists()
    before = post.stat()
    post.write_text(post.read_text(encoding="utf-8").replace("1pm", "2pm"), encoding="utf-8")
    os.utime(post, ns=(before.st_atime_ns, before.st_mtime_ns))  # only its change time is new
    assert "| Sports Day is today at 2pm!" in dry_run(school)


def test_an_unchanged_post_is_not_parsed_again(school: School, settled_at_once: None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    approved(school, "sun-hats", "Remember sun hats for Sports Day.")
    dry_run(school)
    read: list[str] = []
    real = load.read_post
    monkeypatch.setattr(load, "read_post", lambda path, root: read.append(Path(path).name) or real(path, root))
    assert "would send      sun-hats" in dry_run(school)
    assert read == []
    approved(school, "sun-hats", "Remember sun hats and water for Sports Day.")
    assert "| Remember sun hats and water" in dry_run(school)
    assert read == ["sun-hats.md"]


def test_a_post_written_in_the_moment_it_is_read_is_read_again(school: School,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    dry_run(school)  # the file is younger than two seconds: its times prove nothing yet
    read: list[str] = []
    real = load.read_post
    monkeypatch.setattr(load, "read_post", lambda path, root: read.append(Path(path).name) or real(path, root))
    dry_run(school)
    assert read == ["sports-day.md"]


def _forge(school: School) -> None:
    """Rewrite the cache so that it says the post's text is something nobody approved."""
    file = school.root / CACHE
    head, posts = cachefiles.load_runs(file, b"", frozenset())
    signature, digest, post = posts["content/posts/sports-day.md"]
    forged = post.model_copy(update={"parts": [part.model_copy(update={"text": "Unreviewed words."})
                                               for part in post.parts]})
    posts["content/posts/sports-day.md"] = signature, digest, forged
    assert cachefiles.write_runs(file, b"", head, posts)


def test_a_cache_committed_to_the_repository_is_never_trusted(school: School, settled_at_once: None) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    dry_run(school)
    _forge(school)
    assert "Unreviewed words." in dry_run(school)  # what a forged cache could do, were it trusted
    _forge(school)
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=school.root, check=True)
    subprocess.run([*git, "add", "-f", "."], cwd=school.root, check=True)  # as a pull request could
    output = dry_run(school)
    assert "Unreviewed words." not in output and "| Sports Day is today!" in output


@pytest.mark.parametrize("garbage", [b"", b"not a cache", b"\x80\x05\x95", b"cos\nsystem\n(S'echo hi'\ntR.",
                                     pickle.dumps((postcache.FORMAT, b"key", {"content/posts/x.md": (1, 2)}))])
def test_a_broken_or_foreign_cache_is_ignored_and_rebuilt(school: School, settled_at_once: None,
                                                         garbage: bytes) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    school.write(CACHE, garbage)
    assert "| Sports Day is today!" in dry_run(school)
    assert (school.root / CACHE).read_bytes() != garbage
    assert "| Sports Day is today!" in dry_run(school)


def test_a_changed_setting_parses_every_post_again(school: School, settled_at_once: None) -> None:
    approved(school, "sports-day", "Sports Day is today!", publish_at="2027-06-01 08:30")
    assert "due Tue 1 Jun 08:30" in dry_run(school)
    settings = school.root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert "timezone: Europe/London" in text
    settings.write_text(text.replace("timezone: Europe/London", "timezone: Europe/Paris"), encoding="utf-8")
    assert "due Tue 1 Jun 08:30" in dry_run(school)  # the same wall-clock time, in the new zone
    loaded = load.load_repository(school.root, cached=True)
    assert str(loaded.repository.posts[0].publish_at.tzinfo) == "Europe/Paris"


def test_a_cache_folder_that_is_a_link_is_never_used(school: School, settled_at_once: None, tmp_path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (school.root / ".cache").symlink_to(elsewhere)  # as a pull request could commit it
    approved(school, "sports-day", "Sports Day is today!")
    assert "| Sports Day is today!" in dry_run(school)
    assert school.run("validate", "--now", NOW).exit_code == 0
    assert list(elsewhere.rglob("*")) == []  # nothing was written through the link


def test_validate_without_the_cache_neither_reads_nor_writes_the_posts_cache(school: School,
                                                                           settled_at_once: None) -> None:
    school.write("calendar/events.yml", "events:\n  - id: fair\n    title: Christmas fair\n    start: 2027-12-04\n")
    approved(school, "sports-day", "Sports Day is today!")
    events = str(school.root / "calendar/events.yml")  # a calendar file: every post is loaded to check it
    assert school.run("validate", events, "--no-cache", "--now", NOW).exit_code == 0
    assert not (school.root / CACHE).exists()
    assert school.run("validate", events, "--now", NOW).exit_code == 0
    assert (school.root / CACHE).exists()


def test_a_post_that_gains_an_error_after_a_clean_cached_check_is_blocked(school: School,
                                                                         settled_at_once: None) -> None:
    post = approved(school, "sports-day", "Sports Day is today at 1pm, see you there!")
    assert "would send      sports-day" in dry_run(school)  # checked clean, and cached as clean
    before = post.stat()
    post.write_text(post.read_text(encoding="utf-8").replace("see you there!", "ring 01872 555123"),
                    encoding="utf-8")
    os.utime(post, ns=(before.st_atime_ns, before.st_mtime_ns))
    result = school.run("publish", "--now", NOW)
    assert "blocked         sports-day" in result.output, result.output
    assert not list((school.root / "outbox").glob("*.json"))
    assert "phone-number" in school.run("validate", "--now", NOW).output


def test_a_mapping_written_in_runs_reads_back_whole_and_never_cut_short(tmp_path: Path) -> None:
    """The posts cache is written a run of posts at a time (the pickler's memory of one run is let go
    before the next): it reads back as it was written, and a file cut short anywhere is not read."""
    file = tmp_path / "runs.pickle"
    zone = zoneinfo.ZoneInfo("Europe/London")
    moment = dt.datetime(2027, 3, 1, 8, 30, tzinfo=zone)  # the same kinds of object in the head and the runs
    items = {f"content/posts/{n}.md": (n, f"text {n}".encode(), moment + dt.timedelta(minutes=n))
             for n in range(cachefiles.RUN * 2 + 7)}
    assert cachefiles.write_runs(file, b"stamp", ("head", moment), items)
    assert cachefiles.load_runs(file, b"stamp", frozenset()) == (("head", moment), items)
    assert cachefiles.load_runs(file, b"other", frozenset()) is None
    whole = file.read_bytes()
    for cut in (len(whole) - 1, len(whole) - 5, len(whole) // 2, 40, 6):
        file.write_bytes(whole[:cut])
        assert cachefiles.load_runs(file, b"stamp", frozenset()) is None, cut
    assert cachefiles.write_runs(file, b"", "empty", {})
    assert cachefiles.load_runs(file, b"", frozenset()) == ("empty", {})
