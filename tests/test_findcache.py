"""The findings cache: a warm `validate` says exactly what a cold one says, and a stale cache never hides
a finding (a changed setting, calendar entry, roster, consent register, template, postplan version)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import School
from postplan import cachefiles, findcache

NOW = "2026-09-01T08:00"
CACHE = findcache.CACHE_DIR + "/" + findcache.CACHE_FILE


def findings(school: School, *args: str) -> tuple[int, list[tuple[str, str, int, str]]]:
    result = school.run("validate", "--format", "json", "--now", NOW, *args)
    report = json.loads(result.output)
    return result.exit_code, [(f["rule"], f["path"], f["line"], f["message"]) for f in report["findings"]]


def rules_on(school: School, path: str, *args: str) -> set[str]:
    return {rule for rule, where, _, _ in findings(school, *args)[1] if where == path}


def test_a_warm_run_says_exactly_what_a_cold_run_says(example: School) -> None:
    example.post("zz-news", account="nobody", body="Ring 01872 555123 to book.")
    cold = findings(example, "--no-cache")
    assert not (example.root / CACHE).exists()  # --no-cache neither reads nor writes it
    first, warm = findings(example), findings(example)
    assert cold == first == warm
    assert cold[0] == 1 and (example.root / CACHE).stat().st_size > 0


def test_a_warm_run_does_not_read_unchanged_posts(example: School, monkeypatch: pytest.MonkeyPatch) -> None:
    findings(example)
    from postplan import check

    read: list[str] = []
    real = check.load_post
    monkeypatch.setattr(check, "load_post", lambda path, *rest: read.append(Path(path).name) or real(path, *rest))
    post = sorted((example.root / "content" / "posts").rglob("*.md"))[3]
    post.write_text(post.read_text(encoding="utf-8") + "\nCall 01872 555123.\n", encoding="utf-8")
    assert "phone-number" in rules_on(example, post.relative_to(example.root).as_posix())
    assert read == [post.name]


def test_a_changed_setting_checks_every_post_again(school: School) -> None:
    school.post("news", account="pe")
    assert "unknown-account" not in rules_on(school, "content/posts/news.md")
    settings = school.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("      pe:\n", "      sport:\n"), encoding="utf-8")
    assert "unknown-account" in rules_on(school, "content/posts/news.md")


def test_a_changed_calendar_entry_checks_its_posts_again(school: School) -> None:
    event = "events:\n  - id: sports-day-2027\n    title: Sports Day\n    start: 2027-06-01 13:30\n"
    school.write("calendar/events.yml", event)
    school.post("news", event="sports-day-2027")
    before = rules_on(school, "content/posts/news.md")
    school.write("calendar/events.yml", event.replace("sports-day-2027", "sports-day-2028"))
    after = rules_on(school, "content/posts/news.md")
    assert after - before, (before, after)


def test_a_post_edited_back_and_forth_deleted_and_renamed(school: School) -> None:
    clean = school.post("news").read_text(encoding="utf-8")
    path = school.root / "content/posts/news.md"
    assert "phone-number" not in rules_on(school, "content/posts/news.md")
    path.write_text(clean.replace("there!", "there! Call 01872 555123."), encoding="utf-8")
    assert "phone-number" in rules_on(school, "content/posts/news.md")
    path.write_text(clean, encoding="utf-8")
    assert "phone-number" not in rules_on(school, "content/posts/news.md")
    path.write_text(clean.replace("there!", "there! Call 01872 555123."), encoding="utf-8")
    path.rename(school.root / "content/posts/renamed.md")
    assert findings(school)[1] == findings(school, "--no-cache")[1]
    assert "phone-number" in rules_on(school, "content/posts/renamed.md")
    (school.root / "content/posts/renamed.md").unlink()
    assert findings(school)[1] == findings(school, "--no-cache")[1] == []


def test_time_passing_and_the_ledger_check_a_post_again(school: School) -> None:
    school.post("news", publish_at="2026-09-01 09:00", status="approved", approved_by="Miss Nance")
    assert "past-unpublished" not in rules_on(school, "content/posts/news.md")
    later = school.run("validate", "--format", "json", "--now", "2026-09-02T08:00")
    assert "past-unpublished" in later.output
    school.mark_published("news")
    again = school.run("validate", "--format", "json", "--now", "2026-09-02T08:00")
    assert "past-unpublished" not in again.output


@pytest.mark.parametrize("garbage", [b"", b"not a cache", b"\x80\x05\x95", b"cos\nsystem\n(S'echo hi'\ntR."])
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(school: School, garbage: bytes) -> None:
    school.post("news", body="Call 01872 555123.")
    expected = findings(school, "--no-cache")
    school.write(CACHE, garbage)
    assert findings(school) == expected
    assert findings(school) == expected
    assert (school.root / CACHE).read_bytes() != garbage


@pytest.mark.parametrize("damage", [
    lambda entry: (entry[0].hex(), *entry[1:]),  # the hash as text
    lambda entry: (entry[0], ("clean",), *entry[2:]),  # findings that are not findings
    lambda entry: (*entry[:4], ("tomorrow",), *entry[5:]),  # a moment that is not a number
    lambda entry: (*entry[:7], (1, 2, 3, 4)),  # a signature one short
    lambda entry: entry[:7],  # an entry one field short
    lambda entry: list(entry),  # not a tuple at all
])
def test_an_entry_of_the_wrong_shape_throws_the_cache_away(school: School, damage) -> None:
    """A cache is a file anyone on the machine can edit: an entry whose fields are not what postplan
    wrote is never used and never stops the check: the findings come out as a check without a cache
    gives them."""
    school.post("news", body="Call 01872 555123.")
    school.post("other", body="A calm day.")
    expected = findings(school, "--no-cache")
    assert findings(school) == expected
    file = school.root / CACHE
    head, entries = cachefiles.load_runs(file, b"", findcache._ALLOWED)
    path = next(iter(entries))
    entries[path] = damage(entries[path])
    assert cachefiles.write_runs(file, b"", head, entries)
    assert findcache._read_entries(file, head[1])[1] == {}
    assert findings(school) == expected


def test_the_key_changes_with_roster_register_templates_and_postplan_code(school: School, tmp_path, monkeypatch
                                                                          ) -> None:
    import datetime as dt

    now = dt.datetime(2026, 9, 1, 8, 0)
    roster, register = tmp_path / "roster.txt", tmp_path / "consent.csv"
    roster.write_text("Jago Pascoe\n", encoding="utf-8")
    register.write_text("pupil,photos\n", encoding="utf-8")
    monkeypatch.setenv("R", str(roster))
    monkeypatch.setenv("C", str(register))
    keys = [findcache.cache_key(school.root, "R", "C", now)]
    roster.write_text("Jago Pascoe\nTamsin Hocking\n", encoding="utf-8")
    keys.append(findcache.cache_key(school.root, "R", "C", now))
    register.write_text("pupil,photos\nTamsin Hocking,no\n", encoding="utf-8")
    keys.append(findcache.cache_key(school.root, "R", "C", now))
    school.write("templates/posts/reminder.md.j2", "Hello {{ title }}")
    keys.append(findcache.cache_key(school.root, "R", "C", now))
    code = tmp_path / "postplan"  # another version of postplan: one word list changed
    shutil.copytree(cachefiles._CODE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cachefiles, "_CODE", code)
    keys.append(findcache.cache_key(school.root, "R", "C", now))
    assert keys[-1] == keys[-2]  # the same code: the same key
    (code / "rules" / "data" / "surnames.txt").write_text("Pascoe\n", encoding="utf-8")
    keys[-1] = findcache.cache_key(school.root, "R", "C", now)
    keys.append(findcache.cache_key(school.root, "R", "C", now.replace(year=2027)))
    assert len(set(keys)) == len(keys)
    assert keys[-1] == findcache.cache_key(school.root, "R", "C", now.replace(year=2027))


def test_the_cache_holds_no_pupil_names(school: School, tmp_path, monkeypatch) -> None:
    roster = tmp_path / "roster.txt"
    roster.write_text("Zebedee Quillerton\n", encoding="utf-8")
    monkeypatch.setenv("POSTPLAN_ROSTER", str(roster))
    school.post("news")
    findings(school)
    assert b"Quillerton" not in (school.root / CACHE).read_bytes()
    assert os.path.getsize(school.root / CACHE) > 0


def test_checking_named_posts_reads_no_other_post_when_warm(example: School, monkeypatch: pytest.MonkeyPatch) -> None:
    findings(example)
    from postplan import check

    posts = sorted((example.root / "content" / "posts").rglob("*.md"))
    copied = example.write("content/posts/zz-copy.md", posts[7].read_text(encoding="utf-8"))
    named = copied.relative_to(example.root).as_posix()
    cold = findings(example, named, "--no-cache")
    read: list[str] = []
    real = check.load_post
    monkeypatch.setattr(check, "load_post", lambda path, *rest: read.append(Path(path).name) or real(path, *rest))
    assert findings(example, named) == cold
    assert read == ["zz-copy.md"]
    assert "duplicate-text" in {rule for rule, where, _, _ in cold[1] if where == named}  # the clash lands here
    assert {where for _, where, _, _ in cold[1]} == {named}


def test_posts_read_for_their_facts_alone_are_checked_when_everything_is(school: School) -> None:
    school.post("one", body="Call 01872 555123.")
    school.post("two")
    assert findings(school, "content/posts/two.md")[1] == []  # one.md is read for its facts only
    assert findings(school) == findings(school, "--no-cache")
    assert "phone-number" in rules_on(school, "content/posts/one.md")


def _posts_only(read: list[str], path) -> None:
    path = Path(path)
    if path.parent.name == "posts":  # the key reads postplan's own code and the settings as well
        read.append(path.name)


def test_an_unchanged_file_is_not_read_again_but_any_change_to_it_is_seen(
        school: School, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cachefiles, "RACY_NS", 0)  # the files were written before the run: trust their times
    school.post("one", body="Sports Day is on Tuesday. We hope to see you there!")
    school.post("two", body="Call 01872 555123 to book.")
    findings(school)
    hashed: list[str] = []
    real = findcache.read_bytes
    monkeypatch.setattr(findcache, "read_bytes", lambda path, *rest: _posts_only(hashed, path) or real(path, *rest))
    assert rules_on(school, "content/posts/two.md") == {"phone-number"}
    assert hashed == []  # neither post was read: their files are as they were
    one = school.root / "content/posts/one.md"
    before = one.stat()
    one.write_text(one.read_text(encoding="utf-8").replace("Tuesday", "bastard"), encoding="utf-8")  # same size
    os.utime(one, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same modification time
    assert "offensive-language" in rules_on(school, "content/posts/one.md")  # its change time gave it away
    assert hashed == ["one.md"]


def test_a_file_written_in_the_moment_of_a_check_is_hashed_again_next_time(
        school: School, monkeypatch: pytest.MonkeyPatch) -> None:
    school.post("one")
    findings(school)  # the file is younger than RACY_NS: its times prove nothing yet
    hashed: list[str] = []
    real = findcache.read_bytes
    monkeypatch.setattr(findcache, "read_bytes", lambda path, *rest: _posts_only(hashed, path) or real(path, *rest))
    findings(school)
    assert hashed == ["one.md"]


def test_the_comparing_rules_run_again_only_when_a_post_changed(example: School,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from postplan import check

    findings(example)
    compared: list[int] = []
    real = check.compare_posts
    monkeypatch.setattr(check, "compare_posts",
                        lambda context, facts, *rest: compared.append(len(facts)) or real(context, facts, *rest))
    assert findings(example) == findings(example, "--no-cache")
    assert len(compared) == 1  # once: for the --no-cache run alone; the warm run reused its findings
    posts = sorted((example.root / "content" / "posts").rglob("*.md"))
    example.write("content/posts/zz-copy.md", posts[7].read_text(encoding="utf-8"))
    assert "duplicate-text" in rules_on(example, "content/posts/zz-copy.md")
    assert len(compared) == 2


@pytest.mark.parametrize("damage", ["delete", "garbage", "another run's"])
def test_lost_or_mismatched_facts_are_read_again_from_the_posts(example: School, damage: str) -> None:
    facts = example.root / findcache.CACHE_DIR / findcache.FACTS_FILE
    findings(example)
    if damage == "another run's":
        kept = facts.read_bytes()
        example.post("zz-extra", body="Our choir sang beautifully today.")
        findings(example)
        facts.write_bytes(kept)  # facts written with an older set of entries
    elif damage == "garbage":
        facts.write_bytes(b"\x80\x05not facts")
    else:
        facts.unlink()
    posts = sorted((example.root / "content" / "posts").rglob("*.md"))
    example.write("content/posts/zz-copy.md", posts[7].read_text(encoding="utf-8"))
    assert findings(example) == findings(example, "--no-cache")
    assert "duplicate-text" in rules_on(example, "content/posts/zz-copy.md")


def test_a_cache_committed_to_the_repository_is_never_trusted(school: School) -> None:
    import subprocess

    school.post("news", body="Call 01872 555123 to book.")
    findings(school)
    file = school.root / CACHE
    head, entries = cachefiles.load_runs(file, b"", findcache._ALLOWED)
    entries["content/posts/news.md"] = (entries["content/posts/news.md"][0], (), *entries["content/posts/news.md"][2:])
    cachefiles.write_runs(file, b"", head, entries)  # a cache that says the post is clean
    assert "phone-number" not in rules_on(school, "content/posts/news.md")  # what a forged cache could do
    cachefiles.write_runs(file, b"", head, entries)
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=school.root, check=True)
    subprocess.run([*git, "add", "-f", "."], cwd=school.root, check=True)  # as a pull request could
    result = school.run("validate", "--now", NOW)
    assert "phone-number" in result.output and "is committed to the repository" in result.stderr
    assert cachefiles.load_runs(file, b"", findcache._ALLOWED)[1] == entries  # nor is it written over


def test_a_cold_check_of_named_files_fills_the_cache_and_a_warm_one_leaves_it(school: School) -> None:
    school.post("one")
    school.post("two", body="Our choir sang beautifully at the harvest festival.")
    cache = school.root / CACHE
    findings(school, "content/posts/two.md")  # cold: every post was read, so it is worth keeping
    assert cache.exists()
    kept = cache.read_bytes()
    school.write("content/posts/two.md", (school.root / "content/posts/two.md").read_text(encoding="utf-8")
                 + "\nCall 01872 555123.\n")
    assert "phone-number" in {rule for rule, _, _, _ in findings(school, "content/posts/two.md")[1]}
    assert cache.read_bytes() == kept  # warm: only the named post was read; the next whole run keeps it
    assert findings(school) == findings(school, "--no-cache")


def test_a_post_edited_between_loading_and_checking_is_checked_as_it_now_is(school: School) -> None:
    import datetime as dt

    from postplan import pipeline

    post = school.post("news", body="Our choir sang beautifully today.")
    loaded = pipeline.load(school.root)  # as build and publish load every post first
    post.write_text(post.read_text(encoding="utf-8").replace("today.", "today. Call 01872 555123."),
                    encoding="utf-8")
    now = dt.datetime(2026, 9, 1, 8, 0, tzinfo=loaded.repository.settings.zone)
    checked = pipeline.check(loaded, now, cached=True)
    assert "phone-number" in {finding.rule for finding in checked}  # the loaded copy was not what is there now
    assert findings(school) == findings(school, "--no-cache")


def test_posts_loaded_whole_give_their_own_facts_to_the_comparison(school: School,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Build and publish load every post first: when a change means the posts must be compared again,
    the unchanged posts' facts come from those posts, not from the stored copy, and clashes are found."""
    import datetime as dt
    import time

    from postplan import pipeline

    school.post("first", body="Sports Day is on Friday: bring a hat.", status="proposed")
    second = school.post("second", body="Our choir sang beautifully today.", status="proposed")
    findings(school)  # the cache now holds both posts and their facts
    time.sleep(2.1)  # the files' times are settled, so the cache trusts them unchanged
    second.write_text(second.read_text(encoding="utf-8").replace("Our choir sang beautifully today.",
                                                                 "Sports Day is on Friday: bring a hat."),
                      encoding="utf-8")
    loaded = pipeline.load(school.root)
    monkeypatch.setattr(findcache, "_read_facts", lambda *args: pytest.fail("the stored facts were read"))
    now = dt.datetime(2026, 9, 1, 8, 0, tzinfo=loaded.repository.settings.zone)
    checked = pipeline.check(loaded, now, cached=True)
    assert "duplicate-text" in {finding.rule for finding in checked}
    monkeypatch.undo()
    assert findings(school) == findings(school, "--no-cache")


def test_a_warm_run_says_what_a_cold_one_says_as_a_post_passes_its_time_and_its_slot(school: School) -> None:
    from publish_helpers import approved, slot_at

    slot_at(school, "15:30")  # written for 10:05, it goes out at 15:30: after its two hours' grace
    approved(school, "news", "Our choir sang beautifully today.", publish_at="2027-06-01 10:05")
    seen = []
    for moment in ("2027-06-01T09:00", "2027-06-01T10:20", "2027-06-01T12:10", "2027-06-01T15:31",
                   "2027-06-02T09:00"):
        warm = school.run("validate", "--format", "json", "--now", moment)
        cold = school.run("validate", "--format", "json", "--now", moment, "--no-cache")
        assert warm.output == cold.output, moment
        seen.append({finding["rule"] for finding in json.loads(warm.output)["findings"]})
    assert "between-slots" in seen[0] and "between-slots" not in seen[-1]  # the slot passed: no warning
    assert "past-unpublished" in seen[-1]


def test_checking_posts_alone_skips_the_calendar_rules_and_never_keeps_their_absence(school: School) -> None:
    event = "  - id: sports-day-2027\n    title: Sports Day\n    start: 2027-06-01 13:30\n"
    school.write("calendar/events.yml", "events:\n" + event + event)  # the same id twice
    school.post("aa-first")  # read for its facts, so the first check of zz-last alone fills the cache
    school.post("zz-last")  # the last post: checked alone, the comparing rules see the posts in one order
    clash = ("duplicate-calendar-id", "calendar/events.yml")
    assert findings(school, "content/posts/zz-last.md")[1] == []
    assert clash in [(rule, path) for rule, path, _, _ in findings(school)[1]]
    assert findings(school, "content/posts/zz-last.md")[1] == []
    named = findings(school, str(school.root / "calendar/events.yml"), "content/posts/zz-last.md")[1]
    assert [(rule, path) for rule, path, _, _ in named] == [clash]


def test_a_rule_that_says_it_reads_only_the_calendar_never_looks_at_the_posts() -> None:
    import inspect

    from postplan.rules import every_rule

    only = [rule for rule in every_rule().values() if rule.calendar_only]
    assert {rule.id for rule in only} >= {"duplicate-calendar-id", "reminder-template", "pupil-full-name"}
    for rule in every_rule().values():
        if rule.check_repository is None:
            assert not rule.calendar_only, rule.id
            continue
        source = inspect.getsource(rule.check_repository)
        reads_posts = "context.posts" in source or "repository.posts" in source
        assert not (rule.calendar_only and reads_posts), rule.id
        assert rule.calendar_only or reads_posts, f"{rule.id}: say CALENDAR_ONLY = True, or read the posts"


def test_a_post_checked_again_only_because_time_moved_on_leaves_the_facts_file_as_it_was(school: School) -> None:
    from publish_helpers import approved

    approved(school, "news", "Our choir sang beautifully today.", publish_at="2027-06-01 10:05")
    approved(school, "fair", "The summer fair is on Saturday.", publish_at="2027-06-20 10:05")
    facts = school.root / findcache.CACHE_DIR / findcache.FACTS_FILE
    school.run("validate", "--now", "2027-06-01T09:00")
    before = facts.stat().st_ino, facts.read_bytes()
    later = school.run("validate", "--format", "json", "--now", "2027-06-02T09:00")  # news is past its time
    assert "past-unpublished" in {finding["rule"] for finding in json.loads(later.output)["findings"]}
    assert (facts.stat().st_ino, facts.read_bytes()) == before  # read again, but its facts are the stored ones
    assert later.output == school.run("validate", "--format", "json", "--now", "2027-06-02T09:00", "--no-cache").output
    approved(school, "fair", "The summer fair is on Saturday 21 June.", publish_at="2027-06-20 10:05")
    school.run("validate", "--now", "2027-06-02T09:00")
    assert facts.read_bytes() != before[1]  # a changed post's facts are written
