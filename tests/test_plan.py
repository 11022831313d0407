"""postplan plan and postplan new: reminder posts from the calendar, never overwriting what people wrote."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import School

NOW = ("--now", "2026-09-01T08:00")
AUTHOR = ("--author", "Office (J. Pengelly)")
SPORTS_DAY_POSTS = [
    "content/posts/2027-04/sports-day-2027-event-announcement-42-days-before.md",
    "content/posts/2027-05/sports-day-2027-deadline-reminder-7-days-before.md",
    "content/posts/2027-05/sports-day-2027-deadline-reminder-1-day-before.md",
    "content/posts/2027-06/sports-day-2027-celebrating-highlights-1-day-after.md",
]


def _planned_posts(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in (root / "content" / "posts").rglob("*.md") if b"\nplanned:\n" in p.read_bytes()}


def _reminders(root: Path) -> int:
    from postplan.load import load_repository

    repository = load_repository(root).repository
    return sum(len(o.reminders) for o in [*repository.events, *repository.campaigns])


def _without_posts(school: School) -> School:
    shutil.rmtree(school.root / "content" / "posts")
    (school.root / "content" / "posts").mkdir()
    return school


@pytest.fixture
def planned(example: School) -> School:
    """The example school's calendar with none of its posts, then planned afresh."""
    _without_posts(example)
    result = example.run("plan", *NOW, *AUTHOR)
    assert result.exit_code == 0, result.output
    return example


def test_plan_writes_a_proposed_post_for_every_reminder_and_they_all_pass_validate(planned: School) -> None:
    posts = _planned_posts(planned.root)
    assert len(posts) == _reminders(planned.root) == 45
    text = posts["content/posts/2027-05/sports-day-2027-deadline-reminder-7-days-before.md"].decode()
    assert "\npublish_at: 2027-05-25 10:00\nstatus: proposed\nauthor: Office (J. Pengelly)\n" in text
    assert "\nevent: sports-day-2027\nplanned:\n  template: deadline-reminder\n  event_start: 2027-06-01\n" in text
    assert text.endswith("---\nComing up on Tuesday 1 June: Sports Day. Races, relays and field events for every "
                         "year group, in houses. We look forward to seeing you!\n")

    result = planned.run("validate", "--format", "json", *NOW)
    report = json.loads(result.output)
    assert result.exit_code == 0 and report["errors"] == 0, [f for f in report["findings"] if f["severity"] == "error"]
    # Warnings may stand (a reminder that falls in half term says so); errors may not.
    assert not [f for f in report["findings"] if f["path"] in posts and f["severity"] == "error"]


def test_the_example_school_is_fully_planned_and_its_planned_posts_are_what_plan_writes(
        example: School, planned: School) -> None:
    committed = _planned_posts(example.root)
    assert committed, "the example school shows at least one planned post"
    assert all(planned_text == _planned_posts(planned.root)[path] for path, planned_text in committed.items())

    result = example.run("plan", *NOW, *AUTHOR)

    assert result.exit_code == 0, result.output
    assert "wrote 0, 45 already planned, 0 too late, 0 out of date" in result.output


def test_a_post_written_by_hand_at_the_reminders_time_counts_as_that_reminder(planned: School) -> None:
    path = planned.root / SPORTS_DAY_POSTS[1]
    path.unlink()
    planned.write("content/posts/2027-05/sports-day-next-week.md", "---\npublish_at: 2027-05-25 10:00\n"
                  "author: Mr Osei\nevent: sports-day-2027\n---\nSports Day is a week today!\n")

    result = planned.run("plan", *NOW, *AUTHOR)

    assert "wrote 0, 45 already planned" in result.output
    assert not path.exists()


def test_planning_twice_writes_nothing_new(planned: School) -> None:
    before = _planned_posts(planned.root)
    result = planned.run("plan", *NOW, *AUTHOR)
    assert result.exit_code == 0, result.output
    assert "wrote 0, 45 already planned, 0 too late, 0 out of date" in result.output
    assert _planned_posts(planned.root) == before


def _move_sports_day(school: School, new_day: str) -> None:
    events = school.root / "calendar" / "events.yml"
    text = events.read_text(encoding="utf-8")
    assert "    start: 2027-06-01\n" in text
    events.write_text(text.replace("    start: 2027-06-01\n", f"    start: {new_day}\n"), encoding="utf-8")


def test_a_moved_event_is_reported_and_its_posts_are_left_alone(planned: School) -> None:
    before = _planned_posts(planned.root)
    _move_sports_day(planned, "2027-06-08")

    result = planned.run("plan", *NOW, *AUTHOR)

    assert result.exit_code == 1
    for path in SPORTS_DAY_POSTS:
        assert f"{path}:4: publish_at is" in result.output
    assert "now falls on Tuesday 27 April 2027 at 08:30" in result.output
    # The dated texts are reported; "Coming up tomorrow" still agrees with the moved event.
    assert f"{SPORTS_DAY_POSTS[0]}:12: the event moved from Tuesday 1 June 2027 to Tuesday 8 June 2027" in result.output
    assert f"{SPORTS_DAY_POSTS[1]}:12: the event moved" in result.output
    assert f"{SPORTS_DAY_POSTS[2]}:12:" not in result.output
    assert "wrote 0," in result.output
    assert _planned_posts(planned.root) == before


def test_a_post_put_right_after_the_move_is_no_longer_reported(planned: School) -> None:
    _move_sports_day(planned, "2027-06-08")
    path = planned.root / SPORTS_DAY_POSTS[2]
    text = path.read_text(encoding="utf-8")
    # the reminder says 17:00; planned on that day's next posting slot, 18:00
    path.write_text(text.replace("2027-05-31 18:00", "2027-06-07 18:00"), encoding="utf-8")

    result = planned.run("plan", *NOW, *AUTHOR)

    assert SPORTS_DAY_POSTS[2] not in result.output
    assert SPORTS_DAY_POSTS[1] in result.output


def test_a_post_whose_reminder_was_removed_is_reported_not_deleted(planned: School) -> None:
    events = planned.root / "calendar" / "events.yml"
    text = events.read_text(encoding="utf-8")
    removed = '      - template: celebrating-highlights\n        days_after: 1\n        at: "08:30"\n\n  - id: y6-residential-2027'
    assert removed in text
    events.write_text(text.replace(removed, "\n  - id: y6-residential-2027"), encoding="utf-8")

    result = planned.run("plan", *NOW, *AUTHOR)

    assert result.exit_code == 1
    assert f"{SPORTS_DAY_POSTS[3]}:8: this post was planned for a reminder of sports-day-2027 that the calendar " \
           "no longer lists" in result.output
    assert (planned.root / SPORTS_DAY_POSTS[3]).exists()


def test_reminders_whose_time_has_passed_are_not_written(example: School) -> None:
    _without_posts(example)
    result = example.run("plan", "--now", "2027-05-30T12:00", *AUTHOR)
    assert "skipped sports-day-2027-deadline-reminder-7-days-before: it would have gone out 2027-05-25 10:00" \
        in result.output
    written = _planned_posts(example.root)
    assert SPORTS_DAY_POSTS[2] in written and SPORTS_DAY_POSTS[1] not in written


def test_a_hand_written_post_with_a_planned_id_is_reported_not_overwritten(planned: School) -> None:
    path = planned.root / SPORTS_DAY_POSTS[1]
    mine = "---\npublish_at: 2027-05-25 10:00\nauthor: Mr Osei\n---\nSports Day is a week today!\n"
    path.write_text(mine, encoding="utf-8")
    result = planned.run("plan", *NOW, *AUTHOR)
    assert "was not written by postplan plan" in result.output
    assert path.read_text(encoding="utf-8") == mine


def test_plan_dry_run_writes_nothing(example: School) -> None:
    _without_posts(example)
    result = example.run("plan", "--dry-run", *NOW)
    assert "would write 45," in result.output
    assert _planned_posts(example.root) == {}


def test_a_calendar_problem_is_reported_by_plan_with_path_and_line(example: School) -> None:
    events = example.root / "calendar" / "events.yml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("template: payment-due", "template: payment-reminder", 1), encoding="utf-8")
    result = example.run("plan", *NOW, *AUTHOR)
    assert result.exit_code == 1
    assert "templates/posts/payment-reminder.md.j2:1: there is no template 'payment-reminder'" in result.output


# --- postplan new ---------------------------------------------------------------------------------


def test_new_writes_a_draft_from_the_template_and_prints_its_path(example: School) -> None:
    result = example.run("new", "deadline-reminder", "--event", "sports-day-2027", "--at", "2027-05-28 15:30",
                         *AUTHOR, *NOW)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "content/posts/2027-05/sports-day-2027-deadline-reminder.md"
    text = (example.root / result.output.strip()).read_text(encoding="utf-8")
    assert "\npublish_at: 2027-05-28 15:30\nstatus: draft\nauthor: Office (J. Pengelly)\nevent: sports-day-2027\n" in text
    assert "planned:" not in text
    assert text.endswith("---\nComing up on Tuesday: Sports Day. Races, relays and field events for every year "
                         "group, in houses. We look forward to seeing you!\n")
    check = example.run("validate", result.output.strip(), *NOW)
    assert check.exit_code == 0, check.output


def test_new_refuses_to_overwrite(example: School) -> None:
    args = ("new", "payment-due", "--event", "y6-residential-payment-2", *AUTHOR, *NOW)
    first = example.run(*args)
    assert first.exit_code == 0, first.output
    path = example.root / first.output.strip()
    path.write_text(path.read_text(encoding="utf-8") + "Edited by hand.\n", encoding="utf-8")
    edited = path.read_bytes()

    again = example.run(*args)

    assert again.exit_code == 2
    assert "already exists" in again.output
    assert path.read_bytes() == edited


def test_new_takes_the_time_from_the_events_reminder_and_the_author_from_git(example: School, monkeypatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(example.root / "no-global-config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    subprocess.run(["git", "init", "-q"], cwd=example.root, check=True)
    subprocess.run(["git", "config", "user.name", "Miss Nance"], cwd=example.root, check=True)

    result = example.run("new", "celebrating-highlights", "--event", "netball-tournament-2027", *NOW)

    assert result.exit_code == 0, result.output
    text = (example.root / result.output.strip()).read_text(encoding="utf-8")
    assert "publish_at: 2027-01-28 08:30" in text and "author: Miss Nance" in text
    assert "KS2 netball tournament - what a day!" in text


@pytest.mark.parametrize(("template", "event", "when"), [
    ("sharing-a-blog-post", "sports-day-2027", "publish_at: 2027-06-02 15:30"),  # after: the next afternoon
    ("event-announcement", "ks2-cross-country-2026", "publish_at: 2026-10-28 08:30"),  # a fortnight before
    ("deadline-reminder", "ks2-cross-country-2026", "publish_at: 2026-11-09 08:30"),  # two days before
    ("deadline-reminder", "sports-day-2027", None),  # the event's own reminder for it wins
])
def test_new_without_a_time_dates_the_post_where_the_template_belongs_beside_the_event(
        example: School, template: str, event: str, when: str | None) -> None:
    result = example.run("new", template, "--event", event, *AUTHOR, *NOW)
    assert result.exit_code == 0, result.output
    text = (example.root / result.output.strip()).read_text(encoding="utf-8")
    assert "publish_at: 2026-09-02 08:30" not in text, "not 'tomorrow': the event is in June"
    if when is not None:
        assert when in text


def test_new_for_an_event_whose_usual_time_has_passed_goes_out_tomorrow(example: School) -> None:
    result = example.run("new", "event-announcement", "--event", "sports-day-2027", *AUTHOR,
                         "--now", "2027-05-30T10:00")
    assert result.exit_code == 0, result.output
    assert "publish_at: 2027-05-31 08:30" in (example.root / result.output.strip()).read_text(encoding="utf-8")


def test_new_without_an_author_says_how_to_give_one(example: School, monkeypatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(example.root / "no-global-config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.chdir(example.root)
    result = example.run("new", "sharing-a-photo", "--event", "odd-socks-day-2026", *NOW)
    assert result.exit_code == 2
    assert "--author" in result.output and "git config" in result.output


@pytest.mark.parametrize(("args", "words"), [
    (("campaign-week", "--event", "ncw-2072"), "there is no event or campaign 'ncw-2072' in calendar/ (did you mean 'ncw-2027'?)"),
    (("deadline-reminders", "--event", "sports-day-2027"), "there is no template 'deadline-reminders'"),
    (("event-announcement",), "give one with --event ID"),
    (("event-announcement", "--event", "sports-day-2027", "--at", "2027-03-28 01:30"), "does not exist"),
    (("event-announcement", "--event", "sports-day-2027", "--id", "Sports Day!"), "--id"),
])
def test_new_explains_what_is_wrong(example: School, args: tuple[str, ...], words: str) -> None:
    result = example.run("new", *args, *AUTHOR, *NOW)
    assert result.exit_code == 2
    assert words in result.output
    assert "Traceback" not in result.output


def test_new_campaign_post_carries_the_campaign(example: School) -> None:
    result = example.run("new", "campaign-week", "--campaign", "sid-2027", "--at", "2027-02-09", *AUTHOR, *NOW)
    assert result.exit_code == 0, result.output
    text = (example.root / result.output.strip()).read_text(encoding="utf-8")
    assert "campaign: sid-2027" in text and "#SaferInternetDay" in text
    assert example.run("validate", result.output.strip(), *NOW).exit_code == 0
