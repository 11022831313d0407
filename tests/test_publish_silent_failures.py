"""No silent failures: what a scheduled run in CI says (and exits with) when it cannot do its job."""

from __future__ import annotations

import pytest
import responses

from conftest import School
from publish_helpers import FAKE_KEYS, approved, assert_no_credentials

AT = "2027-06-01T08:40"
SCHOOL_SECRETS = ("POSTPLAN_SCHOOL_API_KEY, POSTPLAN_SCHOOL_API_SECRET, POSTPLAN_SCHOOL_ACCESS_TOKEN, "
                  "POSTPLAN_SCHOOL_ACCESS_TOKEN_SECRET")


@pytest.fixture
def in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    for name in FAKE_KEYS:
        monkeypatch.delenv(name, raising=False)


def test_in_ci_a_due_post_without_credentials_is_an_error_naming_the_secrets(school: School, in_ci) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    result = school.run("publish", "--now", AT)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"postplan: posts are due for school but there are no credentials for it in this CI run, so nothing can "
        f"be posted: set the repository secrets {SCHOOL_SECRETS}"]
    assert not list((school.root / "outbox").glob("*.json"))  # nothing written to a throw-away outbox


def test_in_ci_only_the_accounts_without_credentials_are_named_and_no_value_is_shown(
        school: School, in_ci, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in FAKE_KEYS.items():
        monkeypatch.setenv(name, value)
    approved(school, "pe-news", "Cross-country results are in!", extra="account: pe\n")
    with responses.RequestsMock(assert_all_requests_are_fired=True):  # any request at all would fail the test
        result = school.run("publish", "--now", AT)
    assert result.exit_code == 2
    assert "posts are due for pe" in result.output and "POSTPLAN_PE_ACCESS_TOKEN_SECRET" in result.output
    assert "POSTPLAN_SCHOOL_API_KEY" not in result.output
    assert_no_credentials(result.output)


def test_in_ci_nothing_due_is_still_a_quiet_success(school: School, in_ci) -> None:
    approved(school, "sports-day", "Sports Day is today!", publish_at="2027-06-02 08:30")
    result = school.run("publish", "--now", AT)
    assert result.exit_code == 0 and "Nothing to do" in result.output


def test_in_ci_a_dry_run_previews_without_credentials(school: School, in_ci) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    result = school.run("publish", "--dry-run", "--now", AT)
    assert result.exit_code == 0 and "would send      sports-day" in result.output


def test_outside_ci_no_credentials_still_means_the_outbox(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    result = school.run("publish", "--now", AT)
    assert result.exit_code == 0 and "outbox          sports-day" in result.output


def test_a_missed_post_has_its_own_exit_code_once(school: School) -> None:
    approved(school, "see-you-tomorrow", "See you tomorrow!", publish_at="2027-05-31 08:30")
    first = school.run("publish", "--now", AT)
    assert first.exit_code == 3 and "missed          see-you-tomorrow" in first.output
    again = school.run("publish", "--now", "2027-06-01T08:50")
    assert again.exit_code == 0  # recorded once; the next run has nothing new to say


def test_status_shows_what_is_due_now_the_last_run_and_how_late_it_was(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!", publish_at="2027-06-01 08:30")
    approved(school, "sun-hats", "Remember sun hats!", publish_at="2027-06-01 08:30")
    approved(school, "results", "Results on Friday.", publish_at="2027-06-04 15:00")
    school.write("ledger.jsonl",
                 '{"at": "2027-06-01T08:30:00+01:00", "of": 1, "part": 0, "post": "sports-day", "run": "r1", '
                 '"state": "claimed", "hash": "h1", "account": "school", "platform": "x"}\n'
                 '{"at": "2027-06-01T09:17:00+01:00", "of": 1, "part": 0, "post": "sports-day", "run": "r1", '
                 '"state": "published", "platform": "x", "id": "5", "url": "https://x.com/TregarrowCP/status/5"}\n')
    status = school.run("status", "--now", "2027-06-01T09:20")
    assert status.exit_code == 0, status.output
    assert "Last run: Tue 1 Jun 2027 09:17 (3 minutes ago): 1 published." in status.output
    assert "Its posts went out up to 47 minutes after their time (the schedule ran late" in status.output
    assert "Due now (1: the next run sends it):" in status.output
    assert "Tue 1 Jun 2027 08:30  sun-hats  (school, 50 minutes ago)" in status.output
    assert "results" in status.output.split("Due next")[1]


def test_status_says_when_no_run_has_recorded_anything(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!", publish_at="2027-06-04 08:30")
    status = school.run("status", "--now", "2027-06-01T09:20")
    assert "Last run: none recorded yet" in status.output
