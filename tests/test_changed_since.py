"""`postplan validate --changed-since REF`: only what a pull request changed can block it.

Each test builds a real git repository from the example school: `main` holds the school as it is (with
an old post that no longer passes), and a branch proposes changes, as staff do.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import School, post_text

NOW = "2026-09-01T08:00"
OLD_BAD = "content/posts/2026-11/old-post-approved-by-a-former-head.md"


def git(root: Path, *args: str) -> str:
    identity = ["-c", "user.name=Office", "-c", "user.email=office@tregarrow.example.org",
                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"]
    done = subprocess.run(["git", *identity, *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(example: School) -> School:
    """The example school committed on main, plus an old post that broke when the head changed; a
    branch `proposal` is checked out."""
    example.write(OLD_BAD, post_text(publish_at="2026-11-20 08:30", status="approved",
                                     approved_by="Mr Penrose", approved_at="2026-11-01 09:00"))
    git(example.root, "init", "-q")
    git(example.root, "add", "-A")
    git(example.root, "commit", "-q", "-m", "The school as it is")
    git(example.root, "checkout", "-q", "-b", "proposal")
    return example


def check(school: School, *args: str) -> tuple[int, dict]:
    result = school.run("validate", "--changed-since", "main", "--format", "json", "--now", NOW, *args)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.output)


def errors(report: dict) -> list[tuple[str, str]]:
    return [(f["path"], f["rule"]) for f in report["findings"] if f["severity"] == "error"]


def test_the_old_bad_post_blocks_the_whole_repository_check(repo: School) -> None:
    result = repo.run("validate", "--format", "json", "--now", NOW)
    assert result.exit_code == 1
    assert (OLD_BAD, "approval") in errors(json.loads(result.output))


def test_a_good_new_post_is_not_blocked_by_an_old_bad_one(repo: School) -> None:
    repo.post("2026-10/bake-sale", publish_at="2026-10-02 08:30")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "Propose the bake sale post")

    code, report = check(repo)

    assert code == 0
    assert report["files"] == 1
    assert report["findings"] == []


def test_a_broken_new_post_is_reported_and_nothing_else(repo: School) -> None:
    repo.post("2026-10/bake-sale", publish_at="2026-10-02 08:30", status="approved", approved_by="Mrs Hrat")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "Propose the bake sale post")

    code, report = check(repo)

    assert code == 1
    assert errors(report) == [("content/posts/2026-10/bake-sale.md", "approval")]


def test_changing_one_existing_post_checks_exactly_that_post(repo: School) -> None:
    changed = repo.root / "content/posts/2026-09/harvest-festival-announcement.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("status: approved", "status: aproved"),
                       encoding="utf-8")
    git(repo.root, "commit", "-q", "-am", "Edit the harvest post")

    code, report = check(repo)

    assert code == 1
    assert report["files"] == 1
    assert errors(report) == [("content/posts/2026-09/harvest-festival-announcement.md", "schema")]


def test_uncommitted_and_untracked_changes_count_deleted_files_do_not(repo: School) -> None:
    repo.post("2026-10/bake-sale", publish_at="2026-10-02 08:30", status="proposd")  # never added to git
    (repo.root / "content/posts/2026-09/school-council-elected.md").unlink()

    code, report = check(repo)

    assert code == 1
    assert report["files"] == 1
    assert errors(report) == [("content/posts/2026-10/bake-sale.md", "schema")]


def test_a_clash_with_an_old_post_is_reported_on_the_new_post(repo: School) -> None:
    # The new file sorts before the old one it clashes with, so a plain run would report the old one.
    old = "content/posts/2026-10/harvest-festival-thank-you.md"
    repo.post("2026-09/harvest-festival-thank-you", publish_at="2026-09-30 08:30")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "Propose a post with a reused name")

    code, report = check(repo)

    assert code == 1
    [duplicate] = [f for f in report["findings"] if f["rule"] == "duplicate-id"]
    assert duplicate["path"] == "content/posts/2026-09/harvest-festival-thank-you.md"
    assert old in duplicate["message"]


def test_removing_an_event_reports_the_old_posts_that_hang_on_it(repo: School) -> None:
    events = repo.root / "calendar/events.yml"
    text = events.read_text(encoding="utf-8")
    start = text.index("  - id: harvest-festival-2026")
    end = text.index("  - id: parents-evening-2026-10-13")
    events.write_text(text[:start] + text[end:], encoding="utf-8")
    git(repo.root, "commit", "-q", "-am", "Harvest festival is cancelled")

    code, report = check(repo)

    assert code == 1
    assert sorted(e for e in errors(report) if e[1] == "unknown-reference") == [
        ("content/posts/2026-09/harvest-festival-announcement.md", "unknown-reference"),
        ("content/posts/2026-10/harvest-donations-reminder.md", "unknown-reference"),
        ("content/posts/2026-10/harvest-festival-thank-you.md", "unknown-reference"),
    ]
    assert (OLD_BAD, "approval") not in errors(report)


def test_changing_the_settings_checks_everything(repo: School) -> None:
    settings = repo.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("- Ms Rowe", "- Ms Rowe\n      - Mr Penrose"),
                        encoding="utf-8")
    git(repo.root, "commit", "-q", "-am", "Mr Penrose approves posts again")

    code, report = check(repo)

    assert code == 0
    assert report["files"] > 80


def test_files_outside_posts_calendar_and_settings_are_ignored(repo: School) -> None:
    repo.write("README.md", "Our posting calendar\n")
    repo.write(".github/workflows/check.yml", "name: check\n")

    code, report = check(repo)

    assert (code, report["files"], report["findings"]) == (0, 0, [])


def test_github_format_on_a_pull_request_annotates_only_the_changed_post(repo: School) -> None:
    repo.post("2026-10/bake-sale", publish_at="2026-10-02 08:30", status="approved", approved_by="Mrs Hrat")
    result = repo.run("validate", "--changed-since", "main", "--format", "github", "--now", NOW)
    annotations = [line for line in result.output.splitlines() if line.startswith("::")]
    assert result.exit_code == 1
    assert len(annotations) == 1
    assert re.match(r"::error file=content/posts/2026-10/bake-sale\.md,line=\d+,title=postplan approval::", annotations[0])


def test_a_ref_that_does_not_exist_is_a_clear_usage_error(repo: School) -> None:
    result = repo.run("validate", "--changed-since", "origin/mian")
    assert result.exit_code == 2
    assert "--changed-since origin/mian: there is no such branch, tag or commit" in result.output
    assert "Traceback" not in result.output


def test_outside_a_git_repository_is_a_clear_usage_error(example: School) -> None:
    result = example.run("validate", "--changed-since", "main")
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.output


def test_files_and_changed_since_together_are_refused(repo: School) -> None:
    result = repo.run("validate", "content/posts/2026-09/school-council-elected.md", "--changed-since", "main")
    assert result.exit_code == 2
    assert "not both" in result.output


def test_named_files_also_get_clashes_reported_on_them(repo: School) -> None:
    """What the pre-commit hook does: the staged files are named on the command line."""
    new = repo.post("2026-09/harvest-festival-thank-you", publish_at="2026-09-30 08:30")
    result = repo.run("validate", str(new), "--format", "json", "--now", NOW)
    report = json.loads(result.output)
    assert result.exit_code == 1
    assert errors(report) == [("content/posts/2026-09/harvest-festival-thank-you.md", "duplicate-id")]


def test_a_pull_request_that_only_replaces_a_photo_checks_the_posts_that_use_it(repo: School) -> None:
    from PIL import Image

    photo = repo.root / "content" / "media" / "2027" / "sports-day-relay.jpg"
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (50.0, 10.0, 0.0), 3: "W", 4: (5.0, 3.0, 0.0)}  # GPS: where the photo was taken
    Image.new("RGB", (64, 48), "red").save(photo, "JPEG", exif=exif)
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "A better relay photo")

    code, report = check(repo)

    assert report["files"] >= 1, report
    assert ("content/posts/2027-06/sports-day-highlights.md", "media-location") in errors(report), report
    assert code == 1


def test_a_changed_post_template_checks_the_posts_written_from_it(repo: School) -> None:
    template = repo.root / "templates" / "posts" / "celebrating-highlights.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "Reword the highlights template")

    _, report = check(repo)

    assert report["files"] > 0, "a template change is not '0 files checked'"
