"""The publishing workflow's schedule comes from the posting slots: written by `postplan workflows`,
checked here against the school's own settings, in summer and in winter time."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import yaml
from conftest import PROJECT, School

from postplan import workflows
from postplan.models import Settings
from postplan.publish.credentials import variable_names
from postplan.settings import load_settings

LONDON = ZoneInfo("Europe/London")


def fires(cron: str, moment: dt.datetime) -> bool:
    """Whether a five-field cron line (as GitHub reads it, in UTC) starts a run at this UTC minute."""
    minute, hour, _, _, days = cron.split()
    weekday = (moment.weekday() + 1) % 7
    day_ok = days == "*" or (days == "1-5" and 1 <= weekday <= 5) or str(weekday) in days.split(",")
    return int(minute) == moment.minute and str(moment.hour) in hour.split(",") and day_ok


def edit_settings(school: School, old: str, new: str) -> None:
    """Change one thing in the school's mkdocs.yml, which must hold ``old``."""
    path = school.root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def runs_at(settings: Settings, local: dt.datetime) -> bool:
    moment = local.replace(tzinfo=LONDON).astimezone(dt.timezone.utc)
    return any(fires(line, moment) for line in workflows.crons(settings))


def test_the_committed_publishing_workflow_matches_the_schools_settings() -> None:
    settings = load_settings(PROJECT)
    committed = (PROJECT / workflows.PUBLISH_WORKFLOW).read_text(encoding="utf-8")
    assert committed == workflows.publish_workflow(settings), (
        "the publishing workflow does not match mkdocs.yml: run `postplan workflows` and commit "
        ".github/workflows/publish.yml")


def test_every_slot_runs_in_summer_and_in_winter_and_again_an_hour_later() -> None:
    settings = load_settings(PROJECT)
    tuesdays = (dt.datetime(2027, 1, 12), dt.datetime(2027, 6, 15))  # GMT, then BST
    saturdays = (dt.datetime(2027, 1, 16), dt.datetime(2027, 6, 19))
    for days, slots in ((tuesdays, settings.posting_slots.every_time()), (saturdays, settings.posting_slots.other_days)):
        for day in days:
            for slot in slots:
                at = dt.datetime.combine(day.date(), slot)
                assert runs_at(settings, at), f"no run at {at:%H:%M on %A %-d %B}"
                assert runs_at(settings, at + workflows.CATCH_UP), f"no catch-up after {at:%H:%M on %A %-d %B}"
    # a Saturday has only the weekend's slots: no run at the school-day 08:30 slot
    assert not runs_at(settings, dt.datetime(2027, 6, 19, 8, 30))


def test_the_schedule_costs_a_few_hundred_runs_a_month_not_four_thousand() -> None:
    runs = workflows.runs_a_month(load_settings(PROJECT))
    assert 300 <= runs <= 400, runs


def test_every_accounts_credentials_reach_the_publisher() -> None:
    workflow = yaml.safe_load((PROJECT / workflows.PUBLISH_WORKFLOW).read_text(encoding="utf-8"))
    [publishing] = [step for step in workflow["jobs"]["publish"]["steps"] if step.get("run") == "postplan publish"]
    settings = load_settings(PROJECT)
    wanted = {name for key, account in settings.accounts.items() for name in variable_names(key, account.platform)}
    assert set(publishing["env"]) == wanted
    assert all(value == f"${{{{ secrets.{name} }}}}" for name, value in publishing["env"].items())


def test_a_changed_slot_makes_the_check_fail_until_the_workflow_is_written_again(school: School) -> None:
    assert school.run("workflows").exit_code == 0
    assert school.run("workflows", "--check").exit_code == 0
    edit_settings(school, '"12:30", "15:30"', '"12:45", "15:30"')

    stale = school.run("workflows", "--check")
    assert stale.exit_code == 1
    assert "run `postplan workflows`" in stale.output

    written = school.run("workflows")
    assert "written" in written.output
    assert '"45 11,12,13 * * 1-5"' in (school.root / workflows.PUBLISH_WORKFLOW).read_text(encoding="utf-8")
    assert school.run("workflows", "--check").exit_code == 0


def test_a_mastodon_account_gets_its_one_token(school: School) -> None:
    edit_settings(school, "    default_account: school\n",
                  "      toots:\n        platform: mastodon\n        handle: tregarrow\n"
                  "        instance: https://mastodon.example.org\n    default_account: school\n")
    assert school.run("workflows").exit_code == 0
    text = (school.root / workflows.PUBLISH_WORKFLOW).read_text(encoding="utf-8")
    assert "POSTPLAN_TOOTS_ACCESS_TOKEN: ${{ secrets.POSTPLAN_TOOTS_ACCESS_TOKEN }}" in text
    assert "POSTPLAN_TOOTS_API_KEY" not in text


def test_slots_written_without_quotes_are_read_as_times(school: School) -> None:
    edit_settings(school, 'school_days: ["08:30", "12:30", "15:30", "18:00"]', "school_days: [08:15, 12:30]")
    slots = load_settings(school.root).posting_slots
    assert slots.school_days == [dt.time(8, 15), dt.time(12, 30)]


def test_a_slot_that_is_no_time_is_a_settings_error_at_its_line(school: School) -> None:
    edit_settings(school, '"18:00"]\n      other', '"25:00"]\n      other')
    result = school.run("validate")
    assert result.exit_code == 2
    assert "mkdocs.yml:" in result.output and "posting_slots" in result.output


def test_a_grace_window_shorter_than_the_catch_up_is_pointed_out(school: School) -> None:
    edit_settings(school, "publish_grace_minutes: 120", "publish_grace_minutes: 30")
    result = school.run("workflows")
    assert result.exit_code == 0
    assert "publish_grace_minutes is 30, less than the 60 minutes after a slot when its catch-up runs" in result.output
