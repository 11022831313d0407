"""Publishing runs as a school meets them, through the command line, with the outbox as the platform."""

from __future__ import annotations

import json

from conftest import School
from postplan.publish import POST_STATES, ledger_states
from publish_helpers import approved, ledger_lines

OUTBOX = True


def outbox_files(school: School) -> list[str]:
    return sorted(p.name for p in (school.root / "outbox").glob("*.json"))


def test_a_dry_run_shows_the_whole_post_and_records_nothing(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!\n---\nBring a sun hat.")
    result = school.run("publish", "--dry-run", "--now", "2027-06-01T08:40")
    assert result.exit_code == 0
    assert "would send      sports-day  to school, due Tue 1 Jun 08:30" in result.output
    assert "| Sports Day is today!" in result.output and "| Bring a sun hat." in result.output
    assert not (school.root / "outbox").exists() and not (school.root / "ledger.jsonl").exists()


def test_the_outbox_never_resends_what_the_repositorys_ledger_says_went_out(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!", publish_at="2027-06-01 08:30")
    approved(school, "sun-hats", "Remember sun hats for Sports Day.", publish_at="2027-06-01 08:30")
    school.mark_published("sports-day")
    result = school.run("publish", "--now", "2027-06-01T08:40")
    assert result.exit_code == 0, result.output
    assert outbox_files(school) == ["sun-hats.json"]
    assert "sports-day" not in result.output


def test_after_a_long_outage_late_posts_are_recorded_as_missed_and_only_recent_ones_go(school: School) -> None:
    approved(school, "see-you-tomorrow", "See you tomorrow for the trip!", publish_at="2027-05-28 15:00")
    approved(school, "trip-reminder", "Trip letters are due back today.", publish_at="2027-05-31 08:30")
    approved(school, "sports-day", "Sports Day is today!", publish_at="2027-06-01 07:45")
    result = school.run("publish", "--now", "2027-06-01T09:00")
    assert result.exit_code == 3, result.output  # a missed post has its own exit code: someone is told
    assert "missed          see-you-tomorrow  due Fri 28 May 15:00: 3 days late" in result.output
    assert "missed          trip-reminder  due Mon 31 May 08:30: 24 hours late" in result.output
    assert outbox_files(school) == ["sports-day.json"]
    states = {e["post"]: e["state"] for e in ledger_lines(school.root, OUTBOX)}
    assert states == {"see-you-tomorrow": "missed", "trip-reminder": "missed", "sports-day": "published"}
    again = school.run("publish", "--now", "2027-06-01T09:10")
    assert "Nothing to do" in again.output and len(ledger_lines(school.root, OUTBOX)) == 4


def test_a_reminder_for_an_event_that_has_happened_is_never_sent(school: School) -> None:
    school.write("calendar/events.yml", "events:\n  - id: sports-day-2027\n    title: Sports Day\n"
                 "    start: 2027-06-01 13:00\n    end: 2027-06-01 15:00\n")
    approved(school, "sports-day-reminder", "Sports Day starts at 1pm!", publish_at="2027-06-01 15:10",
             extra="event: sports-day-2027\n")
    result = school.run("publish", "--now", "2027-06-01T15:35")  # the 15:30 slot
    assert result.exit_code == 3  # missed: not sent, and the run says so with its code
    assert "its event 'sports-day-2027' ended at 15:00" in result.output
    assert outbox_files(school) == []


def test_a_post_with_errors_is_not_sent_and_the_run_asks_for_attention(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!", extra="media:\n  - file: media/missing.jpg\n"
             "    alt: The field\n    consent: not-needed\n")
    result = school.run("publish", "--now", "2027-06-01T08:40")
    assert result.exit_code == 1
    assert "blocked         sports-day  1 error (postplan validate content/posts/sports-day.md)" in result.output
    assert outbox_files(school) == [] and ledger_lines(school.root, OUTBOX) == []


def test_a_due_post_repeating_a_later_posts_text_is_blocked(school: School) -> None:
    """The run checks one by one only the posts that could go out now, but compares every post."""
    approved(school, "sports-day", "Sports Day is today!", publish_at="2027-06-01 08:30")
    approved(school, "sports-day-again", "Sports Day is today!", publish_at="2027-06-08 08:30")
    approved(school, "later-broken", "Fine text.", publish_at="2027-06-09 08:30",
             extra="media:\n  - file: media/missing.jpg\n    alt: The field\n    consent: not-needed\n")
    result = school.run("publish", "--now", "2027-06-01T08:40")
    assert result.exit_code == 1, result.output
    assert "blocked         sports-day  1 error" in result.output  # the same text (duplicate-text)
    assert "later-broken" not in result.output and outbox_files(school) == []


def test_drafts_are_never_sent_and_their_time_coming_is_mentioned(school: School) -> None:
    school.post("sports-day", publish_at="2027-06-01 08:30", status="proposed")
    result = school.run("publish", "--now", "2027-06-01T08:40")
    assert result.exit_code == 0 and "not approved    sports-day" in result.output
    assert outbox_files(school) == []


def test_editing_a_published_post_does_not_send_it_again(school: School) -> None:
    path = approved(school, "sports-day", "Sports Day is today!")
    school.run("publish", "--now", "2027-06-01T08:40")
    path.write_text(path.read_text().replace("today!", "today! Gates open at 1pm."))
    result = school.run("publish", "--now", "2027-06-01T08:50")
    assert result.exit_code == 1 and "edited          sports-day" in result.output
    assert json.loads((school.root / "outbox" / "sports-day.json").read_text())["text"] == "Sports Day is today!"
    quiet = school.run("publish", "--now", "2027-06-01T09:00")  # reported once, then left alone
    assert quiet.exit_code == 0 and "Nothing to do" in quiet.output


def test_renaming_a_published_post_does_not_send_it_again(school: School) -> None:
    path = approved(school, "sports-day", "Sports Day is today!")
    school.run("publish", "--now", "2027-06-01T08:40")
    path.rename(path.with_name("sports-day-2027.md"))
    result = school.run("publish", "--now", "2027-06-01T08:50")
    assert "same content    sports-day-2027  the same content went out as 'sports-day'" in result.output
    assert outbox_files(school) == ["sports-day.json"]


def test_a_missed_post_that_is_moved_to_a_new_time_goes_out_then(school: School) -> None:
    path = approved(school, "choir", "Choir practice is back this week: new singers welcome!", publish_at="2027-05-20 09:00")
    school.run("publish", "--now", "2027-06-01T08:40")
    path.write_text(path.read_text().replace("2027-05-20 09:00", "2027-06-03 08:30"))
    result = school.run("publish", "--now", "2027-06-03T08:35")
    assert "outbox          choir" in result.output and outbox_files(school) == ["choir.json"]


def test_a_torn_last_ledger_line_is_reported_ignored_and_cut_off(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    ledger = school.root / "outbox" / "ledger.jsonl"
    ledger.parent.mkdir()
    ledger.write_text('{"post": "sports-day", "part": 0, "of": 1, "sta')  # a run killed mid-write
    result = school.run("publish", "--now", "2027-06-01T08:40")
    assert result.exit_code == 0, result.output
    assert "ledger.jsonl:1: the last line is incomplete" in result.output
    assert [e["state"] for e in ledger_lines(school.root, OUTBOX)] == ["claimed", "published"]


def test_a_broken_line_inside_the_ledger_stops_publishing_with_its_line(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    school.write("ledger.jsonl", '{"post": "a", "state": "missed"}\n<<<<<<< HEAD\n{"post": "b", "state": "missed"}\n')
    env_keys = {f"POSTPLAN_SCHOOL_{k}": "x" * 8 for k in ("API_KEY", "API_SECRET", "ACCESS_TOKEN", "ACCESS_TOKEN_SECRET")}
    from click.testing import CliRunner
    from postplan.cli import cli

    result = CliRunner().invoke(cli, ["publish", "--root", str(school.root), "--now", "2027-06-01T08:40"], env=env_keys)
    assert result.exit_code == 2
    assert "ledger.jsonl:2: this line is not a ledger entry" in result.output


def test_settling_a_post_by_hand_and_the_states_the_status_board_reads(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    approved(school, "old-news", "Old news.", publish_at="2027-05-01 08:30")
    school.write("ledger.jsonl", json.dumps({"post": "sports-day", "part": 0, "of": 1, "state": "claimed",
                                             "at": "2027-06-01T08:31:00+01:00"}) + "\n")
    result = school.run("publish", "--resolve", "sports-day", "--as", "published",
                        "https://x.com/TregarrowCP/status/1456012973835788293", "--now", "2027-06-01T08:45")
    assert result.exit_code == 0 and "Recorded: sports-day was published" in result.output
    assert ledger_states(school.root) == {"sports-day": "published"}
    status = school.run("status", "--now", "2027-06-01T08:50")
    assert "Published (1):" in status.output and "status/1456012973835788293" in status.output
    assert set(ledger_states(school.root).values()) <= set(POST_STATES)
    again = school.run("publish", "--resolve", "sports-day", "--as", "not-sent", "--now", "2027-06-01T08:50")
    assert again.exit_code == 2 and "nothing to settle: it is published" in again.output


def test_partial_credentials_are_a_setup_problem_named_clearly(school: School) -> None:
    from click.testing import CliRunner
    from postplan.cli import cli

    result = CliRunner().invoke(cli, ["publish", "--root", str(school.root)],
                                env={"POSTPLAN_SCHOOL_API_KEY": "k" * 10})
    assert result.exit_code == 2
    assert "POSTPLAN_SCHOOL_API_SECRET, POSTPLAN_SCHOOL_ACCESS_TOKEN" in result.output
    assert "k" * 10 not in result.output


def test_a_dry_run_and_an_outbox_run_do_not_load_tweepy(school: School) -> None:
    from test_startup import loaded_by

    approved(school, "sports-day", "Sports Day is today!")
    assert "tweepy" not in loaded_by("publish", "--dry-run", "--root", str(school.root), "--now", "2027-06-01T08:40")
    assert "tweepy" not in loaded_by("publish", "--root", str(school.root), "--now", "2027-06-01T08:40")


def test_the_publishing_workflow_runs_one_at_a_time_with_every_accounts_secrets() -> None:
    import yaml

    from conftest import EXAMPLE, PROJECT
    from postplan.publish.credentials import variable_names
    from postplan.settings import load_settings

    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / "publish.yml").read_text())
    assert all("*/" not in run["cron"] for run in workflow[True]["schedule"])  # at the slots (YAML 1.1: `on:` is True)
    assert workflow["concurrency"] == {"group": "postplan-publish", "cancel-in-progress": False}
    steps = workflow["jobs"]["publish"]["steps"]
    publish_step = next(s for s in steps if s.get("run") == "postplan publish")
    for account in load_settings(EXAMPLE).accounts:
        for name in variable_names(account):
            assert publish_step["env"][name] == "${{ secrets.%s }}" % name
    # postplan pushes the ledger branch itself, before each send; the workflow commits nothing.
    assert not any("git commit" in s.get("run", "") or "git push" in s.get("run", "") for s in steps)
    rebuild = steps[-1]
    assert rebuild["if"] == "always()" and "gh workflow run site.yml" in rebuild["run"]


def test_an_unexpected_error_while_sending_is_recorded_as_unsure_and_the_run_goes_on(school: School) -> None:
    from postplan.clock import now
    from postplan.publish.outbox import OutboxPublisher
    from postplan.pipeline import load, publish
    from postplan.publish.run import Options

    class Surprising(OutboxPublisher):
        def send(self, message):
            if message.post_id == "a-first":
                raise KeyError("data")  # say, X answered 201 with an unexpected body
            return super().send(message)

    approved(school, "a-first", "First post.", publish_at="2027-06-01 08:30")
    approved(school, "b-second", "Second post.", publish_at="2027-06-01 08:30")
    report = publish(load(school.root), now("2027-06-01T08:40"),
                     Options(publisher_for=lambda account: Surprising(school.root / "outbox")))
    assert report.exit_code == 1
    assert "needs a person  a-first  an unexpected error while sending (KeyError: 'data')" in report.text()
    assert "outbox          b-second" in report.text()
    assert ledger_states(school.root) == {"a-first": "needs-person", "b-second": "published"}


def test_status_lists_what_is_due_next_and_what_was_missed(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!", publish_at="2027-06-01 08:30")
    approved(school, "old-news", "Old news.", publish_at="2027-05-01 08:30")
    school.post("draft-idea", publish_at="2027-06-05 08:30")
    school.run("publish", "--now", "2027-05-31T09:00")
    result = school.run("status", "--now", "2027-05-31T09:00")
    assert result.exit_code == 0
    assert "Due next (1 approved; 1 more not yet approved):" in result.output
    assert "Tue 1 Jun 2027 08:30  sports-day  (school)" in result.output
    assert "wrote 0 messages to outbox/" in result.output  # old-news was missed in the outbox's ledger
