"""A pinned time in the past, with credentials set, never sends for real unless --allow-past-now says so.

``publish --now`` (or POSTPLAN_NOW) is for tests and previews; left in a scheduler's environment, it
would send weeks-old posts ("see you tomorrow") on the school's real account.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import responses
from click.testing import CliRunner

from conftest import School
from postplan.cli import cli
from publish_helpers import FAKE_KEYS, TWEETS, approved, ledger_lines, slot_at

TEXT = "Harvest Festival is this afternoon at 2pm."


def _school_clock() -> dt.datetime:
    """The real time on the school's clock, to the minute, as a person would write it."""
    return dt.datetime.now(ZoneInfo("Europe/London")).replace(second=0, microsecond=0, tzinfo=None)


def _past() -> tuple[str, str]:
    """A due time and a pinned "now" ten days behind the real clock."""
    moment = _school_clock() - dt.timedelta(days=10)
    return f"{moment - dt.timedelta(minutes=5):%Y-%m-%d %H:%M}", f"{moment:%Y-%m-%dT%H:%M}"


def _publish(school: School, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["publish", *args, "--root", str(school.root)],
                              env={**FAKE_KEYS, **(env or {})}, catch_exceptions=False)


def test_a_past_now_with_credentials_refuses_to_send_and_says_why(school: School) -> None:
    due, now = _past()
    approved(school, "harvest", TEXT, publish_at=due)
    for args, env in ((["--now", now], None), ([], {"POSTPLAN_NOW": now})):
        with responses.RequestsMock(assert_all_requests_are_fired=True):  # nothing registered: no request allowed
            result = _publish(school, *args, env=env)
        assert result.exit_code == 2, result.output
        assert "days behind this machine's clock, and credentials are set" in result.output
        assert "Nothing was sent" in result.output and "--allow-past-now" in result.output
    assert ledger_lines(school.root) == []


def test_a_dry_run_at_a_past_now_still_shows_what_would_go_out(school: School) -> None:
    due, now = _past()
    slot_at(school, due[-5:])
    approved(school, "harvest", TEXT, publish_at=due)
    with responses.RequestsMock(assert_all_requests_are_fired=True):
        result = _publish(school, "--dry-run", "--now", now)
    assert result.exit_code == 0, result.output
    assert "would send" in result.output and TEXT in result.output


def test_allow_past_now_sends_late_on_purpose(school: School) -> None:
    due, now = _past()
    slot_at(school, due[-5:])
    approved(school, "harvest", TEXT, publish_at=due)
    with responses.RequestsMock(assert_all_requests_are_fired=True) as x:
        x.add(responses.POST, TWEETS, status=201,
              json={"data": {"id": "1900000000000000001", "text": TEXT, "edit_history_tweet_ids": ["1"]}})
        result = _publish(school, "--now", now, "--allow-past-now")
    assert result.exit_code == 0, result.output
    assert [e["state"] for e in ledger_lines(school.root)] == ["claimed", "published"]


def test_a_now_close_to_the_real_clock_sends_as_usual(school: School) -> None:
    moment = _school_clock()
    slot_at(school, f"{moment - dt.timedelta(minutes=3):%H:%M}")
    approved(school, "harvest", TEXT, publish_at=f"{moment - dt.timedelta(minutes=3):%Y-%m-%d %H:%M}")
    with responses.RequestsMock(assert_all_requests_are_fired=True) as x:
        x.add(responses.POST, TWEETS, status=201,
              json={"data": {"id": "1900000000000000001", "text": TEXT, "edit_history_tweet_ids": ["1"]}})
        result = _publish(school, "--now", f"{moment:%Y-%m-%dT%H:%M}")
    assert result.exit_code == 0, result.output
