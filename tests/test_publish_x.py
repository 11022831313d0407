"""Posting to X: the real tweepy client and the real OAuth 1.0a signing, against X's recorded answers.

The 201 answer to POST /2/tweets is the tweepy project's recording of real X traffic. Error answers
(429, 5xx, 403 duplicate, 401) and the v2 media answers are simulated in the shape X documents.
Every request must be made (assert_all_requests_are_fired), and no credential may appear anywhere.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from zoneinfo import ZoneInfo

import pytest
import requests
import responses
import urllib3
from responses import matchers

from conftest import School
from platform_helpers import add_account
from postplan.pipeline import load, publish
from postplan.publish.run import Options
from publish_helpers import (FAKE_KEYS, MEDIA_METADATA, MEDIA_UPLOAD, TWEETS, approved, assert_no_credentials,
                             created, everything_written, ledger_lines, recorded_create)

NOW = dt.datetime(2027, 6, 1, 8, 31, tzinfo=ZoneInfo("Europe/London"))
CLOCK = 1_812_000_000.0  # what the injected clock says (seconds since 1970)
TEXT = "Sports Day is today! Gates open at 1pm. See you on the field."


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def x(caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG)  # the most a school could log: still no credential may appear
    with responses.RequestsMock(assert_all_requests_are_fired=True) as mock:
        yield mock


def run(school: School, sleeps: list[float]):
    return publish(load(school.root), NOW, Options(environ=FAKE_KEYS, sleep=sleeps.append, clock=lambda: CLOCK))


def recorded(mock: responses.RequestsMock, match: dict, body: dict | None = None,
             replies: str | None = "mentionedUsers") -> None:
    """Serve X's recorded 201 for a create request whose JSON body must be exactly ``match`` and, unless
    ``replies`` is None, limit replies as the account's ``reply_settings`` say (by default: mentioned accounts)."""
    recorded_body, headers = recorded_create()
    match = {**match, "reply_settings": replies} if replies else match
    mock.add(responses.POST, TWEETS, json=body or recorded_body, status=201, headers=headers,
             match=[matchers.json_params_matcher(match)])


def error(mock: responses.RequestsMock, status: int, detail: str, title: str, headers: dict | None = None) -> None:
    mock.add(responses.POST, TWEETS, status=status, headers=headers or {},
             json={"title": title, "detail": detail, "type": "about:blank", "status": status})


def check_clean(school: School, report, caplog: pytest.LogCaptureFixture) -> None:
    assert_no_credentials(report.text(), everything_written(school.root), caplog.text)
    assert not (school.root / "outbox").exists(), "with credentials set, nothing goes to the outbox"


def test_a_due_post_is_published_once_with_its_link(school: School, x, sleeps, caplog) -> None:
    approved(school, "sports-day", TEXT)
    recorded(x, {"text": TEXT})
    report = run(school, sleeps)
    assert report.exit_code == 0
    assert "https://x.com/TregarrowCP/status/1456012973835788293" in report.text()
    assert x.calls[0].request.req_kwargs["timeout"] == 30  # tweepy sets none: a stalled X must not hang the run
    authorization = x.calls[0].request.headers["Authorization"]
    assert authorization.startswith("OAuth ") and "oauth_signature=" in authorization
    states = [(e["state"], e.get("id")) for e in ledger_lines(school.root)]
    assert states == [("claimed", None), ("published", "1456012973835788293")]
    again = run(school, sleeps)  # the next scheduled run: nothing new is requested
    assert again.exit_code == 0 and "Nothing to do" in again.text()
    check_clean(school, report, caplog)


def test_a_thread_is_a_chain_of_replies_to_the_schools_own_posts(school: School, x, sleeps, caplog) -> None:
    approved(school, "sports-day", f"{TEXT}\n---\nBring a water bottle and a sun hat.\n---\nResults on Friday!")
    recorded(x, {"text": TEXT}, created("1001"))
    recorded(x, {"text": "Bring a water bottle and a sun hat.", "reply": {"in_reply_to_tweet_id": "1001"}},
             created("1002"))
    recorded(x, {"text": "Results on Friday!", "reply": {"in_reply_to_tweet_id": "1002"}}, created("1003"))
    report = run(school, sleeps)
    assert report.exit_code == 0, report.text()
    published = [(e["part"], e["id"]) for e in ledger_lines(school.root) if e["state"] == "published"]
    assert published == [(0, "1001"), (1, "1002"), (2, "1003")]
    assert "status/1001 (a thread of 3 parts)" in report.text()
    check_clean(school, report, caplog)


def test_a_poll_goes_with_its_options_and_duration(school: School, x, sleeps, caplog) -> None:
    poll = "poll:\n  options: [Pasta bake, Jacket potato]\n  duration: 1 day\n"
    approved(school, "lunch-vote", "Which lunch should we have on Sports Day?", extra=poll)
    recorded(x, {"text": "Which lunch should we have on Sports Day?",
                 "poll": {"options": ["Pasta bake", "Jacket potato"], "duration_minutes": 1440}})
    report = run(school, sleeps)
    assert report.exit_code == 0, report.text()
    check_clean(school, report, caplog)


def test_an_image_is_uploaded_through_v2_media_with_its_alt_text(school: School, x, sleeps, caplog) -> None:
    picture = b"\x89PNG\r\n\x1a\n" + b"relay-photo-bytes" * 20
    school.write("content/media/2027/relay.png", picture)
    alt = "The relay batons lined up on the school field"
    media = f"media:\n  - file: media/2027/relay.png\n    alt: {alt}\n    consent: not-needed\n"
    approved(school, "relay", "What a relay race!", extra=media)
    x.add(responses.POST, MEDIA_UPLOAD, status=200, json={"data": {
        "id": "1880028106020515840", "media_key": "3_1880028106020515840", "size": len(picture),
        "expires_after_secs": 86400, "image": {"image_type": "image/png", "w": 800, "h": 600}}})
    x.add(responses.POST, MEDIA_METADATA, status=200,
          json={"data": {"id": "1880028106020515840", "associated_metadata": {"alt_text": {"text": alt}}}},
          match=[matchers.json_params_matcher({"id": "1880028106020515840",
                                               "metadata": {"alt_text": {"text": alt}}})])
    recorded(x, {"text": "What a relay race!", "media": {"media_ids": ["1880028106020515840"]}})
    report = run(school, sleeps)
    assert report.exit_code == 0, report.text()
    upload = x.calls[0].request
    assert upload.headers["Content-Type"].startswith("multipart/form-data")
    assert picture in upload.body and b'name="media_category"' in upload.body and b"tweet_image" in upload.body
    assert upload.headers["Authorization"].startswith("OAuth ")
    check_clean(school, report, caplog)


def test_a_short_rate_limit_is_waited_out(school: School, x, sleeps, caplog) -> None:
    approved(school, "sports-day", TEXT)
    error(x, 429, "Too Many Requests", "Too Many Requests", {"x-rate-limit-reset": str(int(CLOCK) + 20)})
    recorded(x, {"text": TEXT})
    report = run(school, sleeps)
    assert report.exit_code == 0, report.text()
    assert sleeps == [21.0]  # until the reset, and a second more
    assert [e["state"] for e in ledger_lines(school.root)] == ["claimed", "published"]
    check_clean(school, report, caplog)


def test_a_long_rate_limit_stops_the_run_and_the_post_is_tried_again_later(school: School, x, sleeps, caplog) -> None:
    approved(school, "sports-day", TEXT, publish_at="2027-06-01 08:29")  # both go out at the 08:30 slot, in this order
    approved(school, "lunch-menu", "Lunch today is pasta bake.", publish_at="2027-06-01 08:30")
    error(x, 429, "Too Many Requests", "Too Many Requests", {"x-rate-limit-reset": str(int(CLOCK) + 900)})
    report = run(school, sleeps)
    assert report.exit_code == 1 and sleeps == []
    assert "rate limit was reached until" in report.text()
    assert "lunch-menu  the run stopped" in report.text()  # not even tried
    assert [e["state"] for e in ledger_lines(school.root)] == ["claimed", "not-sent"]
    x.reset()
    recorded(x, {"text": TEXT})
    recorded(x, {"text": "Lunch today is pasta bake."})
    later = run(school, sleeps)
    assert later.exit_code == 0 and later.counts["published"] == 2, later.text()
    check_clean(school, report, caplog)


def test_server_errors_are_retried_three_times_then_a_person_is_asked(school: School, x, sleeps, caplog) -> None:
    approved(school, "sports-day", TEXT)
    for _ in range(3):
        error(x, 500, "Internal Server Error", "Internal Server Error")
    report = run(school, sleeps)
    assert report.exit_code == 1
    assert len(x.calls) == 3 and sleeps == [5, 30]
    assert "may have been posted" in report.text()
    assert [e["state"] for e in ledger_lines(school.root)] == ["claimed", "unsure"]
    # The next run is past the grace window: no look, no send (no request is registered), a person decides.
    late = NOW + dt.timedelta(hours=3)
    again = publish(load(school.root), late, Options(environ=FAKE_KEYS, sleep=sleeps.append, clock=lambda: CLOCK))
    assert again.exit_code == 1 and "needs a person" in again.text() and "--resolve sports-day" in again.text()
    check_clean(school, report, caplog)


def test_a_timeout_is_retried_and_a_duplicate_after_it_is_not_taken_as_a_refusal(school: School, x, sleeps,
                                                                                 caplog) -> None:
    approved(school, "sports-day", TEXT)
    x.add(responses.POST, TWEETS, body=requests.exceptions.ReadTimeout("read timed out"))
    error(x, 403, "You are not allowed to create a Tweet with duplicate content.", "Forbidden")
    report = run(school, sleeps)
    # The first try may have gone out (X then calls the second a duplicate): a person must check.
    assert report.exit_code == 1 and sleeps == [5]
    assert [e["state"] for e in ledger_lines(school.root)] == ["claimed", "unsure"]
    assert "probably went out" in report.text()
    check_clean(school, report, caplog)


def test_a_connection_that_times_out_is_retried_and_then_published(school: School, x, sleeps, caplog) -> None:
    approved(school, "sports-day", TEXT)
    x.add(responses.POST, TWEETS, body=requests.exceptions.ConnectTimeout("connect timed out"))
    recorded(x, {"text": TEXT})
    report = run(school, sleeps)
    assert report.exit_code == 0 and sleeps == [5], report.text()
    check_clean(school, report, caplog)


def refused_connection() -> requests.exceptions.ConnectionError:
    """What requests raises when nothing listens at X's address: urllib3's NewConnectionError inside."""
    reason = urllib3.exceptions.NewConnectionError(None, "Failed to establish a new connection: [Errno 111] "
                                                         "Connection refused")
    return requests.exceptions.ConnectionError(urllib3.exceptions.MaxRetryError(None, TWEETS, reason))


def test_a_refused_connection_is_certainly_not_sent_and_goes_out_next_run(school: School, x, sleeps,
                                                                          caplog) -> None:
    approved(school, "sports-day", TEXT)
    for _ in range(3):
        x.add(responses.POST, TWEETS, body=refused_connection())
    report = run(school, sleeps)
    assert "may have been posted" not in report.text() and "nothing was posted" in report.text()
    assert ledger_lines(school.root)[-1]["state"] != "unsure"
    recorded(x, {"text": TEXT})
    later = run(school, sleeps)  # not waiting for a person: the next run simply sends it
    assert later.counts["published"] == 1, later.text()
    check_clean(school, report, caplog)


def test_a_connection_dropped_after_it_was_made_may_have_posted(school: School, x, sleeps, caplog) -> None:
    approved(school, "sports-day", TEXT)
    for _ in range(3):
        x.add(responses.POST, TWEETS, body=requests.exceptions.ConnectionError("Connection reset by peer"))
    report = run(school, sleeps)
    assert "may have been posted" in report.text()
    assert ledger_lines(school.root)[-1]["state"] == "unsure"


def test_a_duplicate_is_recorded_as_failed_and_never_retried(school: School, x, sleeps, caplog) -> None:
    approved(school, "sports-day", TEXT)
    error(x, 403, "You are not allowed to create a Tweet with duplicate content.", "Forbidden")
    report = run(school, sleeps)
    assert report.exit_code == 1 and len(x.calls) == 1 and sleeps == []
    last = ledger_lines(school.root)[-1]
    assert (last["state"], last["kind"]) == ("failed", "duplicate")
    again = run(school, sleeps)
    assert again.exit_code == 0 and "Nothing to do" in again.text()
    check_clean(school, report, caplog)


def test_refused_credentials_stop_the_run_naming_the_variables_not_their_values(school: School, x, sleeps,
                                                                               caplog) -> None:
    approved(school, "sports-day", TEXT, publish_at="2027-06-01 08:29")  # both go out at the 08:30 slot, in this order
    approved(school, "lunch-menu", "Lunch today is pasta bake.", publish_at="2027-06-01 08:30")
    error(x, 401, "Unauthorized", "Unauthorized")
    report = run(school, sleeps)
    assert report.exit_code == 2 and len(x.calls) == 1
    for name in FAKE_KEYS:
        assert name in report.text()
    assert [e["state"] for e in ledger_lines(school.root)] == ["claimed", "not-sent"]
    check_clean(school, report, caplog)


def test_the_cli_without_credentials_never_reaches_x(school: School) -> None:
    approved(school, "sports-day", TEXT)
    with responses.RequestsMock(assert_all_requests_are_fired=True):  # nothing registered: no request allowed
        result = school.run("publish", "--now", "2027-06-01T08:31")
    assert result.exit_code == 0, result.output
    assert "No credentials are set" in result.output
    sent = json.loads((school.root / "outbox" / "sports-day.json").read_text())
    assert sent["text"] == TEXT
    assert ledger_lines(school.root) == []  # the repository's ledger is untouched
    assert [e["state"] for e in ledger_lines(school.root, outbox=True)] == ["claimed", "published"]


@pytest.mark.parametrize(("setting", "sent"), [("following", "following"), ("everyone", None)])
def test_an_account_s_reply_settings_go_with_every_post(school: School, x, sleeps, setting, sent) -> None:
    add_account(school, "office", f'platform: x, handle: "@TregarrowCP", reply_settings: {setting}', default=True)
    approved(school, "sports-day", TEXT)
    recorded(x, {"text": TEXT}, replies=sent)  # "everyone" sends none: X's own default
    environ = {name.replace("_SCHOOL_", "_OFFICE_"): value for name, value in FAKE_KEYS.items()}
    report = publish(load(school.root), NOW, Options(environ=environ, sleep=sleeps.append, clock=lambda: CLOCK))
    assert report.exit_code == 0, report.text()


def test_reply_settings_on_an_account_that_is_not_on_x_is_refused_by_name(school: School) -> None:
    add_account(school, "toot", 'platform: mastodon, handle: "@office", instance: "https://tregarrow.social", '
                'reply_settings: mentionedUsers')
    result = school.run("validate")
    assert result.exit_code == 2 and "reply_settings is a setting of X accounts only" in result.output
    add_account(school, "office", 'platform: x, handle: "@TregarrowCP", reply_settings: nobody')
    assert "'following'" in school.run("validate").output  # the values it may have are named
