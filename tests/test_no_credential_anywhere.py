"""No credential anywhere: every credential of all four platforms set to a distinctive value, every command
a school runs, and then every output, log and file the school's repository holds searched for each value.

The accounts post to their local fakes (X through tweepy's recorded answers; Mastodon, Bluesky and a
Facebook Page on 127.0.0.1), succeed, then fail, and each failing server quotes back what it was sent
(the Authorization header, the password): a careless server must not make postplan careless.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
import responses
from werkzeug import Request, Response

import fake_bluesky
import fake_facebook
import fake_mastodon
from conftest import School
from fake_bluesky import FakeBluesky, bluesky_account
from fake_facebook import FakeFacebook, facebook_account
from fake_mastodon import FakeMastodon, mastodon_account
from fake_x import FakeX
from platform_helpers import add_account
from postplan.pipeline import load, publish
from postplan.publish import bluesky, facebook
from postplan.publish.credentials import variable_names
from postplan.publish.run import Options
from postplan.publish.takedown import takedown
from publish_helpers import FAKE_KEYS, approved

NOW = dt.datetime(2027, 6, 1, 8, 31, tzinfo=ZoneInfo("Europe/London"))
AT = "2027-06-01T08:31"
# In the order their posts go out (by post id): a refused Bluesky login stops the run, so it comes last.
ACCOUNTS = {"school": "x", fake_facebook.ACCOUNT: "facebook", fake_mastodon.ACCOUNT: "mastodon",
            fake_bluesky.ACCOUNT: "bluesky"}
VALUES = {**FAKE_KEYS, **fake_mastodon.ENV, **fake_bluesky.ENV, **fake_facebook.ENV}


def every_variable() -> list[str]:
    return [name for account, platform in ACCOUNTS.items() for name in variable_names(account, platform)]


def echoing(request: Request) -> Response:
    """A server error page that repeats the request's Authorization header back."""
    said = f"Invalid request: {request.headers.get('Authorization')}"
    return Response(json.dumps({"error": {"message": said, "type": "OAuthException", "code": 100}, "detail": said}),
                    status=400, content_type="application/json")


@pytest.fixture
def everywhere(httpserver, school: School, tmp_path: Path, caplog, monkeypatch):
    """Four accounts on their fakes, every credential in the environment (for the commands too)."""
    caplog.set_level(logging.DEBUG)  # the most a school could log
    assert sorted(VALUES) == sorted(every_variable()), "a credential the code reads has no test value"
    for name, value in VALUES.items():
        monkeypatch.setenv(name, value)
    fakes = FakeMastodon(httpserver), FakeBluesky(httpserver), FakeFacebook(httpserver)
    monkeypatch.setattr(bluesky, "SERVICE", fakes[1].base)
    monkeypatch.setattr(facebook, "GRAPH", fakes[2].base)
    add_account(school, fake_mastodon.ACCOUNT, mastodon_account(fakes[0].base))
    add_account(school, fake_bluesky.ACCOUNT, bluesky_account())
    add_account(school, fake_facebook.ACCOUNT, facebook_account())
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add_passthru(fakes[0].base)
        yield FakeX(tmp_path / "x-account").install(mock), fakes


def posts_for_every_account(school: School, kind: str) -> None:
    for number, account in enumerate(ACCOUNTS, start=1):
        extra = "" if account == "school" else f"account: {account}\n"
        approved(school, f"{kind}{number}-{account}", f"Sports Day news for {account} ({kind}).", extra=extra)


def found_anywhere(root: Path, texts: list[str]) -> list[str]:
    """Which credentials (by variable name) appear, as they are or URL-encoded, in the texts or any file."""
    files = [path for path in root.rglob("*") if path.is_file()]
    haystacks = [*texts, *(path.read_bytes().decode("utf-8", "replace") for path in files)]
    return sorted({name for name, value in VALUES.items() for form in (value, quote(value, safe=""))
                   for text in haystacks if form in text})


def test_no_credential_value_reaches_any_output_log_ledger_outbox_cache_or_site(school, everywhere, httpserver,
                                                                                  caplog, capfd) -> None:
    x_account, (toot, sky, page) = everywhere
    said = [school.run("validate").output]
    posts_for_every_account(school, "ok")
    said.append(school.run("publish", "--dry-run", "--now", AT).output)
    first = publish(load(school.root), NOW, Options(sleep=[].append))
    assert first.counts["published"] == 4, first.text()
    said.append(first.text())

    posts_for_every_account(school, "echo")  # each server now quotes back what it was sent
    x_account.echo_next_post = True
    httpserver.expect_oneshot_request("/api/v1/statuses", method="POST").respond_with_handler(echoing)
    httpserver.expect_oneshot_request(f"/{fake_facebook.VERSION}/{fake_facebook.PAGE}/feed",
                                      method="POST").respond_with_handler(echoing)
    httpserver.expect_oneshot_request("/xrpc/com.atproto.server.createSession", method="POST").respond_with_json(
        {"error": "AuthenticationRequired", "message": f"Invalid identifier or password {fake_bluesky.PASSWORD}"},
        status=401)
    second = publish(load(school.root), NOW, Options(sleep=[].append))
    assert second.counts == {"failed": 3, "not sent": 1}, second.text()  # each server quoted its request back
    said.append(second.text())

    said.append(school.run("status", "--now", AT).output)
    for post_id in ("ok1-school", "ok2-page", "ok3-toot"):
        report = takedown(school.root, post_id, NOW + dt.timedelta(hours=1), sleep=[].append, reason="a test")
        said.append(report.text())
    said.append(school.run("takedown", "ok4-sky", "--now", "2027-06-01T09:40").output)
    said.append(school.run("record-feeds", "--now", AT).output)
    said.append(school.run("build", "--now", AT).output)
    said.append(school.run("build", "--staff", "--now", AT).output)
    assert (school.root / "site" / "index.html").exists()
    captured = capfd.readouterr()
    leaks = found_anywhere(school.root, [*said, caplog.text, captured.out, captured.err])
    assert leaks == [], f"these credentials leaked: {leaks}"
    assert x_account.posts == [] and toot.standing() == [] and page.posts == [] and sky.posts() == []
