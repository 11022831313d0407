"""One post to several accounts, through the real client libraries: each account exactly once, on its own.

X is tweepy against X's recorded answers (responses); the Facebook Page and Mastodon are fakes of their
HTTP APIs on 127.0.0.1 driven by requests and Mastodon.py. A platform that is down or rate limited
must never hold back, or repeat, the account that works.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import responses

from conftest import School
from fake_facebook import ENV as PAGE_ENV, FakeFacebook, facebook_account
from fake_mastodon import ENV as TOOT_ENV, FakeMastodon, mastodon_account
from platform_helpers import add_account
from postplan import platforms
from postplan.pipeline import check, load, publish
from postplan.publish import facebook
from postplan.publish.ledger import fold
from postplan.publish.run import Options
from postplan.publish.takedown import takedown
from postplan.publish.view import read_view
from postplan.site.pages import render_pages
from publish_helpers import FAKE_KEYS, TWEETS, approved, assert_no_credentials, created, everything_written, \
    ledger_lines, recorded_create

NOW = dt.datetime(2027, 6, 1, 8, 31, tzinfo=ZoneInfo("Europe/London"))
CLOCK = 1_812_000_000.0
TEXT = "Sports Day is today! Gates open at 1pm. See you on the field."
ENV = {**FAKE_KEYS, **PAGE_ENV, **TOOT_ENV}
EVERY = "accounts: [page, school, toot]\n"


@pytest.fixture
def fakes(httpserver, school: School, monkeypatch):
    """The Page (down until a test says) and Mastodon on one local server; X through responses."""
    platforms.mastodon_limits.cache_clear()
    page, toot = FakeFacebook(httpserver), FakeMastodon(httpserver)
    monkeypatch.setattr(facebook, "GRAPH", page.base)
    add_account(school, "toot", mastodon_account(toot.base))
    add_account(school, "page", facebook_account())  # settings order: page, toot, school
    with responses.RequestsMock(assert_all_requests_are_fired=True) as x:
        x.add_passthru(httpserver.url_for("/").rstrip("/"))
        yield page, toot, x
    httpserver.check_assertions()


def run(school: School):
    return publish(load(school.root), NOW, Options(environ=ENV, sleep=lambda s: None, clock=lambda: CLOCK))


def rate_limited(x: responses.RequestsMock) -> None:
    x.add(responses.POST, TWEETS, status=429, headers={"x-rate-limit-reset": str(int(CLOCK) + 3600)},
          json={"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429})


def states(school: School) -> dict[str, str]:
    """Account → the post's state there, as the ledger tells it (a takedown request is for every account)."""
    lines = ledger_lines(school.root)
    accounts = {entry["account"] for entry in lines if "account" in entry}
    return {account: fold([e for e in lines if e.get("account", account) == account])["sports-day"].state
            for account in accounts}


def test_a_platform_down_and_one_rate_limited_never_hold_back_or_repeat_the_one_that_works(school, fakes,
                                                                                          caplog) -> None:
    page, toot, x = fakes
    page.down = True
    rate_limited(x)
    approved(school, "sports-day", TEXT, extra=EVERY)

    first = run(school)
    assert [s["text_sent"] for s in toot.statuses] == [TEXT] and page.posts == []
    assert states(school) == {"page": "needs-person", "school": "not-sent", "toot": "published"}, first.text()
    assert "published       sports-day on toot" in first.text()
    assert "sports-day on school  X's rate limit was reached" in first.text()
    shown = school.run("status", "--now", "2027-06-01T08:40").output
    assert "Needs a person (1):" in shown and "sports-day on page" in shown, shown
    assert "Published (1):" in shown and "sports-day on toot" in shown, shown

    rate_limited(x)  # the next run: X still limited, the Page still down; Mastodon is not asked again
    second = run(school)
    assert len(toot.statuses) == 1 and page.posts == [], second.text()

    page.down = False  # both recover: each gets the post once
    body, headers = recorded_create()
    x.add(responses.POST, TWEETS, json=created("1456012973835788293", TEXT), status=201, headers=headers)
    third = run(school)
    assert third.exit_code == 0, third.text()
    assert len(toot.statuses) == 1 and [p["message"] for p in page.posts] == [TEXT]
    assert len([c for c in x.calls if c.request.method == "POST"]) == 3  # 429, 429, 201
    assert states(school) == {"page": "published", "school": "published", "toot": "published"}

    shown = school.run("status", "--now", "2027-06-01T08:40").output
    assert "Published (3):" in shown and "sports-day on page" in shown and "sports-day on toot" in shown, shown

    fourth = run(school)
    assert "Nothing to do" in fourth.text() and len(toot.statuses) == 1 and len(page.posts) == 1
    assert_no_credentials(first.text(), second.text(), third.text(), everything_written(school.root), caplog.text)


def test_a_dry_run_lists_each_accounts_send_and_the_x_charge_only_for_x(school, fakes) -> None:
    fakes[2].assert_all_requests_are_fired = False
    approved(school, "sports-day", TEXT, extra=EVERY)
    report = publish(load(school.root), NOW, Options(environ=ENV, dry_run=True))
    lines = [line for line in report.text().splitlines() if line.startswith("would send")]
    assert [line.split()[4] for line in lines] == ["page", "toot", "school"], report.text()
    assert report.text().count("estimated X charge") == 1


def test_an_old_ledger_without_accounts_reads_as_the_posts_single_account(school, fakes) -> None:
    fakes[2].assert_all_requests_are_fired = False
    approved(school, "sports-day", TEXT)  # the school's X account, as before accounts: existed
    school.write("ledger.jsonl", json.dumps({"post": "sports-day", "part": 0, "of": 1, "state": "published",
                                             "platform": "x", "id": "1", "url": "https://x.com/TregarrowCP/status/1",
                                             "at": "2027-06-01T08:31:00+01:00", "run": "old"}) + "\n")
    assert "Nothing to do" in run(school).text()
    approved(school, "sports-day", TEXT, extra="accounts: [school, toot]\n")  # later sent to Mastodon too
    report = run(school)
    assert [s["text_sent"] for s in fakes[1].statuses] == [TEXT], report.text()
    assert "sports-day on school" not in report.text()


def test_takedown_deletes_from_every_account_and_nothing_goes_out_again(school, fakes) -> None:
    page, toot, x = fakes
    x.assert_all_requests_are_fired = False
    approved(school, "sports-day", TEXT, extra="accounts: [page, toot]\n")
    assert run(school).exit_code == 0
    report = takedown(school.root, "sports-day", NOW + dt.timedelta(hours=1), environ=ENV, sleep=lambda s: None)
    assert report.exit_code == 0, report.text()
    assert page.posts == [] and toot.standing() == [], report.text()
    assert "deleted       on page" in report.text() and "deleted       on toot" in report.text()
    assert states(school) == {"page": "taken-down", "toot": "taken-down"}
    assert "Nothing to do" in run(school).text()


KILLED_RUN = """
import os, signal, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from postplan.clock import now
from postplan.publish import facebook, record
from postplan.pipeline import check, load, publish
from postplan.publish.run import Options

facebook.GRAPH = sys.argv[2]
real_published = record.published

def published_then_die(*args, **kwargs):
    real_published(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)  # after the first account's send is recorded, before the next

record.published = published_then_die
publish(load(Path(sys.argv[1])), now("2027-06-01T08:31"), Options(environ={env!r}))
print("not killed")
"""


def test_a_run_killed_between_accounts_resumes_only_the_others(school, fakes) -> None:
    page, toot, x = fakes
    x.assert_all_requests_are_fired = False
    approved(school, "sports-day", TEXT, extra="accounts: [page, toot]\n")
    code = KILLED_RUN.format(tests=str(Path(__file__).parent), env={**PAGE_ENV, **TOOT_ENV})
    environment = {k: v for k, v in os.environ.items() if not k.startswith("POSTPLAN_")}
    killed = subprocess.run([sys.executable, "-c", code, str(school.root), page.base], capture_output=True,
                            text=True, env=environment, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert [p["message"] for p in page.posts] == [TEXT] and toot.statuses == []

    report = run(school)
    assert [s["text_sent"] for s in toot.statuses] == [TEXT], report.text()
    assert len(page.posts) == 1, "the page is not sent to again"
    assert states(school) == {"page": "published", "toot": "published"}


def test_the_staff_site_shows_where_the_post_stands_on_each_account(school, fakes) -> None:
    page, toot, x = fakes
    x.assert_all_requests_are_fired = False
    page.down = True
    approved(school, "sports-day", TEXT, extra="accounts: [page, toot]\n")
    run(school)
    loaded = load(school.root)
    view = read_view(school.root)
    assert view.states == {"sports-day": "published"}  # it is public on Mastodon
    pages = render_pages(loaded.repository, check(loaded, NOW), NOW, True, published=view.published())
    june = pages["calendar/2027-06.md"]
    assert "@TregarrowSchool · @office" in june
    assert re.search(r'<span class="pp-account">page</span>: needs-person</li><li><span class="pp-account">toot'
                     r'</span>: published</li>', june), june
    public = render_pages(loaded.repository, check(loaded, NOW), NOW, False, published=view.published())
    assert "needs-person" not in "\n".join(public.values())


def test_resolving_a_post_unsure_on_two_accounts_asks_which_account_was_checked(school, fakes) -> None:
    fakes[2].assert_all_requests_are_fired = False
    approved(school, "sports-day", TEXT, extra="accounts: [page, toot]\n")
    claims = [{"post": "sports-day", "part": 0, "of": 1, "state": "claimed", "hash": "h", "account": account,
               "platform": platform, "at": "2027-06-01T08:31:00+01:00", "run": "killed"}
              for account, platform in (("page", "facebook"), ("toot", "mastodon"))]
    school.write("ledger.jsonl", "".join(json.dumps(claim) + "\n" for claim in claims))
    asked = school.run("publish", "--resolve", "sports-day", "--as", "not-sent", "--now", "2027-06-01T08:40")
    assert asked.exit_code == 2 and "unsettled on page, toot" in asked.output and "--account" in asked.output
    done = school.run("publish", "--resolve", "sports-day", "--account", "toot", "--as", "not-sent",
                      "--now", "2027-06-01T08:40")
    assert done.exit_code == 0, done.output
    assert ledger_lines(school.root)[-1] | {"at": ""} == {
        "post": "sports-day", "part": 0, "of": 1, "state": "not-sent", "kind": "resolved", "account": "toot",
        "error": "a person checked: it was not sent", "at": "", "run": "resolve"}
    assert states(school) == {"page": "needs-person", "toot": "not-sent"}
