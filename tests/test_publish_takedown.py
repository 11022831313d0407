"""Taking a post down: every part deleted from the account it went to, through the real client
libraries against the local fakes (Mastodon, Bluesky and Facebook on 127.0.0.1; X's recorded
answers), the takedown in the ledger before anything is deleted, safe to run twice, and gone from
the site at the next build."""

from __future__ import annotations

import datetime as dt
import logging
from zoneinfo import ZoneInfo

import pytest
import responses

import fake_bluesky
import fake_facebook
import fake_mastodon
from conftest import School
from fake_bluesky import FakeBluesky, bluesky_account
from fake_facebook import FakeFacebook, facebook_account
from fake_mastodon import FakeMastodon, mastodon_account
from platform_helpers import add_account
from postplan.pipeline import load, publish
from postplan.publish import bluesky, facebook
from postplan.publish.run import Options
from postplan.publish.takedown import TakedownError, takedown
from publish_helpers import FAKE_KEYS, TWEETS, approved, assert_no_credentials, created, ledger_lines, recorded_create

NOW = dt.datetime(2027, 6, 1, 8, 31, tzinfo=ZoneInfo("Europe/London"))
LATER = NOW + dt.timedelta(hours=2)
ENV = {**fake_mastodon.ENV, **fake_bluesky.ENV, **fake_facebook.ENV, **FAKE_KEYS}
SECRETS = [fake_mastodon.TOKEN, fake_bluesky.PASSWORD, fake_facebook.TOKEN, *FAKE_KEYS.values()]


@pytest.fixture
def accounts(httpserver, school: School, caplog: pytest.LogCaptureFixture, monkeypatch):
    """Mastodon (the default), Bluesky and a Facebook Page, all answered by one server on 127.0.0.1."""
    caplog.set_level(logging.DEBUG)
    toot, sky, page = FakeMastodon(httpserver), FakeBluesky(httpserver), FakeFacebook(httpserver)
    monkeypatch.setattr(bluesky, "SERVICE", sky.base)
    monkeypatch.setattr(facebook, "GRAPH", page.base)
    add_account(school, fake_mastodon.ACCOUNT, mastodon_account(toot.base), default=True)
    add_account(school, fake_bluesky.ACCOUNT, bluesky_account())
    add_account(school, fake_facebook.ACCOUNT, facebook_account())
    yield toot, sky, page
    httpserver.check_assertions()


def published_everywhere(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!\n---\nGates open at 1pm.")
    approved(school, "fair", "The summer fair is on Saturday.", extra="account: sky\n")
    approved(school, "choir", "The choir sang at the care home.", extra="account: page\n")
    report = publish(load(school.root), NOW, Options(environ=ENV, sleep=[].append))
    assert report.exit_code == 0 and report.counts["published"] == 3, report.text()


def take_down(school: School, post_id: str):
    return takedown(school.root, post_id, LATER, environ=ENV, sleep=[].append, reason="photo without consent")


def test_every_part_is_deleted_from_each_account_last_part_first_and_recorded(school, accounts, caplog) -> None:
    toot, sky, page = accounts
    published_everywhere(school)
    first, second = (status["id"] for status in toot.statuses)
    reports = [take_down(school, post_id) for post_id in ("sports-day", "fair", "choir")]
    assert all(report.exit_code == 0 for report in reports), [r.text() for r in reports]
    assert toot.deleted == [second, first] and toot.standing() == []
    assert sky.records == {} and sky.deleted[0][0] == "app.bsky.feed.post"
    assert page.posts == [] and len(page.deleted) == 1
    lines = ledger_lines(school.root)
    asked = [line for line in lines if line["state"] == "takedown"]
    assert [line["post"] for line in asked] == ["sports-day", "fair", "choir"]
    assert all(line["reason"] == "photo without consent" for line in asked)
    done = [(line["post"], line["part"], line["account"]) for line in lines if line["state"] == "taken-down"]
    assert done == [("sports-day", 1, "toot"), ("sports-day", 0, "toot"), ("fair", 0, "sky"), ("choir", 0, "page")]
    # the request is in the ledger before the first delete
    assert lines.index(asked[0]) < next(i for i, line in enumerate(lines) if line["state"] == "taken-down")
    assert "taken down from every account" in reports[0].text()
    assert_clean(school, caplog.text, *(r.text() for r in reports))


def test_a_second_takedown_deletes_nothing_and_a_later_run_never_sends_it_again(school, accounts) -> None:
    toot, sky, page = accounts
    published_everywhere(school)
    take_down(school, "sports-day")
    before, entries = list(toot.requests), len(ledger_lines(school.root))
    again = take_down(school, "sports-day")
    assert again.exit_code == 0 and toot.requests == before, again.text()
    assert len(ledger_lines(school.root)) == entries
    report = publish(load(school.root), LATER, Options(environ=ENV, sleep=[].append))
    assert "sports-day" not in report.text() and len(toot.statuses) == 2
    status = school.run("status", "--now", "2027-06-01 10:31").output
    assert "sports-day" in status.split("Taken down")[1], status


def test_a_post_already_deleted_by_hand_counts_as_taken_down(school, accounts) -> None:
    toot, sky, page = accounts
    published_everywhere(school)
    toot.deleted.extend(status["id"] for status in toot.statuses)  # someone deleted it on the server
    page.posts.clear()
    for post_id in ("sports-day", "choir"):
        report = take_down(school, post_id)
        assert report.exit_code == 0, report.text()
    assert {(line["post"], line["part"]) for line in ledger_lines(school.root) if line["state"] == "taken-down"} == {
        ("sports-day", 0), ("sports-day", 1), ("choir", 0)}


def test_without_credentials_nothing_is_deleted_but_the_post_is_marked_and_can_be_finished(school, accounts) -> None:
    toot, sky, page = accounts
    published_everywhere(school)
    report = takedown(school.root, "choir", LATER, environ={}, sleep=[].append)
    assert report.exit_code == 1 and "POSTPLAN_PAGE_PAGE_TOKEN" in report.text()
    assert len(page.posts) == 1 and "run postplan takedown choir again" in report.text()
    assert "choir" not in publish(load(school.root), LATER, Options(environ=ENV, sleep=[].append)).text()
    assert take_down(school, "choir").exit_code == 0 and page.posts == []


def test_an_unknown_post_is_a_clear_error(school, accounts) -> None:
    with pytest.raises(TakedownError, match="nothing about 'no-such-post'"):
        take_down(school, "no-such-post")
    result = school.run("takedown", "no-such-post")
    assert result.exit_code == 2 and "nothing about 'no-such-post'" in result.output


def test_an_x_post_is_deleted_with_tweepy(school: School, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    approved(school, "sports-day", "Sports Day is today!")
    body, headers = recorded_create()
    with responses.RequestsMock(assert_all_requests_are_fired=True) as x:
        x.add(responses.POST, TWEETS, json=created("1800000000000000001"), status=201, headers=headers)
        x.add(responses.DELETE, f"{TWEETS}/1800000000000000001", json={"data": {"deleted": True}})
        published = publish(load(school.root), NOW, Options(environ=FAKE_KEYS, sleep=[].append, clock=lambda: 0))
        assert published.exit_code == 0, published.text()
        report = takedown(school.root, "sports-day", LATER, environ=FAKE_KEYS, sleep=[].append)
        assert report.exit_code == 0, report.text()
        assert x.calls[-1].request.method == "DELETE"
        assert "oauth_signature=" in x.calls[-1].request.headers["Authorization"]  # signed as the account
    assert [line["state"] for line in ledger_lines(school.root)][-2:] == ["takedown", "taken-down"]
    assert_no_credentials(report.text(), caplog.text, (school.root / "ledger.jsonl").read_text())


def test_the_next_build_leaves_a_taken_down_post_out_of_both_sites(school, accounts) -> None:
    published_everywhere(school)
    now = "2027-06-01 10:31"
    assert school.run("build", "--now", now).exit_code == 0
    assert "summer fair" in site_text(school, "site")
    take_down(school, "fair")
    for staff, folder in ((False, "site"), (True, "site-staff")):
        result = school.run("build", "--now", now, *(["--staff"] if staff else []))
        assert result.exit_code == 0, result.output
        assert "summer fair" not in site_text(school, folder) and "care home" in site_text(school, folder)


def site_text(school: School, folder: str) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (school.root / folder).rglob("*.html"))


def assert_clean(school: School, *texts: str) -> None:
    written = (school.root / "ledger.jsonl").read_text(encoding="utf-8")
    for secret in SECRETS:
        assert all(secret not in text for text in (*texts, written))
