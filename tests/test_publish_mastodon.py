"""Posting to Mastodon: the real Mastodon.py client against a Mastodon server on 127.0.0.1.

Every request the fake server receives is listed and compared whole, so nothing is sent that the
test does not expect; no access token may appear in any output, log, the ledger or an outbox.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import School
from fake_mastodon import ACCOUNT, ENV, TOKEN, FakeMastodon, mastodon_account
from platform_helpers import add_account
from postplan import platforms
from postplan.pipeline import load, publish
from postplan.publish.run import Options
from publish_helpers import approved, everything_written, ledger_lines

NOW = dt.datetime(2027, 6, 1, 8, 31, tzinfo=ZoneInfo("Europe/London"))
TEXT = "Sports Day is today! Gates open at 1pm. See you on the field."
INSTANCE = ("GET", "/api/v2/instance/")
MEDIA = ("POST", "/api/v2/media")
STATUS = ("POST", "/api/v1/statuses")


@pytest.fixture
def mastodon(httpserver, school: School, caplog: pytest.LogCaptureFixture) -> FakeMastodon:
    caplog.set_level(logging.DEBUG)  # the most a school could log: still no token may appear
    platforms.mastodon_limits.cache_clear()  # each test is a new run (one process runs them all)
    fake = FakeMastodon(httpserver)
    add_account(school, ACCOUNT, mastodon_account(fake.base), default=True)
    yield fake
    httpserver.check_assertions()  # no request the fake was not set up for


def run(school: School, sleeps: list | None = None):
    return publish(load(school.root), NOW, Options(environ=ENV, sleep=(sleeps if sleeps is not None else []).append))


def no_token_anywhere(school: School, *texts: str) -> None:
    for text in (*texts, everything_written(school.root)):
        assert TOKEN not in text


def test_a_post_with_a_photo_goes_out_once_with_its_alt_text_and_a_key(school, mastodon, caplog) -> None:
    school.write("content/media/relay.jpg", b"\xff\xd8\xff\xe0 a small jpeg")
    approved(school, "sports-day", TEXT, extra="media:\n  - file: media/relay.jpg\n    alt: The relay batons on the school field\n")
    report = run(school)
    assert report.exit_code == 0, report.text()
    assert mastodon.requests == [INSTANCE, MEDIA, STATUS]
    assert mastodon.media[0]["description"] == "The relay batons on the school field"
    status = mastodon.statuses[0]
    assert status["text_sent"] == TEXT and status["visibility"] == "public" and status["key"].startswith("postplan-")
    assert [m["id"] for m in status["media_attachments"]] == [mastodon.media[0]["id"]]
    assert f"published       sports-day  {status['url']}" in report.text()
    assert [(e["state"], e.get("id")) for e in ledger_lines(school.root)] == [("claimed", None),
                                                                            ("published", status["id"])]
    again = run(school)
    assert "Nothing to do" in again.text() and len(mastodon.statuses) == 1
    no_token_anywhere(school, report.text(), caplog.text)
    assert not (school.root / "outbox").exists()


def test_a_thread_is_a_chain_of_replies_and_a_poll_goes_with_the_first_part(school, mastodon) -> None:
    approved(school, "lunch", "Which lunch for the last day of term?\n---\nVoting closes tomorrow.",
             extra="poll:\n  options: [Pizza, Pasta]\n  duration: 1 day\n")
    report = run(school)
    assert report.exit_code == 0, report.text()
    assert mastodon.requests == [INSTANCE, STATUS, STATUS]
    first, second = mastodon.statuses
    assert first["poll"] == {"options": ["Pizza", "Pasta"], "expires_in": 86400, "multiple": False,
                             "hide_totals": False}
    assert first["in_reply_to_id"] is None and second["in_reply_to_id"] == first["id"]
    assert first["key"] != second["key"]


def test_a_server_error_after_the_status_was_made_is_retried_with_the_same_key(school, mastodon) -> None:
    mastodon.fail_statuses = 1  # the server makes the status, then answers 503
    approved(school, "sports-day", TEXT)
    sleeps: list[float] = []
    report = run(school, sleeps)
    assert report.exit_code == 0, report.text()
    assert mastodon.requests == [INSTANCE, STATUS, STATUS] and sleeps == [5]
    assert len(mastodon.statuses) == 1, "the repeated key must not make a second status"
    assert ledger_lines(school.root)[-1]["id"] == mastodon.statuses[0]["id"]


def test_a_refused_token_stops_the_run_and_names_the_variable_not_its_value(school, mastodon, caplog) -> None:
    approved(school, "sports-day", TEXT)
    report = publish(load(school.root), NOW, Options(environ={"POSTPLAN_TOOT_ACCESS_TOKEN": "fakeWRONGtoken55"},
                                               sleep=lambda s: None))
    assert report.exit_code == 2
    assert "POSTPLAN_TOOT_ACCESS_TOKEN" in report.text() and "fakeWRONGtoken55" not in report.text()
    assert "fakeWRONGtoken55" not in everything_written(school.root) + caplog.text
    assert mastodon.statuses == []


def test_a_token_without_the_media_scope_stops_the_run_as_a_setup_problem(school, mastodon) -> None:
    mastodon.forbidden.add("/api/v2/media")
    school.write("content/media/relay.jpg", b"\xff\xd8\xff\xe0 a small jpeg")
    approved(school, "sports-day", TEXT, extra="media:\n  - file: media/relay.jpg\n    alt: The relay batons on the school field\n")
    report = run(school)
    assert report.exit_code == 2 and "write:statuses and write:media" in report.text()
    assert mastodon.requests == [INSTANCE, MEDIA] and mastodon.statuses == []
    assert ledger_lines(school.root)[-1]["state"] == "not-sent"


def test_validate_counts_as_the_server_does_with_its_own_limit(school: School, httpserver) -> None:
    platforms.mastodon_limits.cache_clear()
    fake = FakeMastodon(httpserver, max_characters=100)
    add_account(school, ACCOUNT, mastodon_account(fake.base), default=True)
    link = "https://www.tregarrow.cornwall.sch.uk/news/2027/06/sports-day-results-and-photographs-of-every-race"
    school.post("fits", f"Results are up: {link} Well done everyone who ran, jumped and threw today!")
    school.post("too-long", "Well done everyone! " * 6)
    result = school.run("validate", "--format", "json", "--now", "2027-05-01T08:00")
    found = [f for f in json.loads(result.output)["findings"] if f["rule"] == "weighted-length"]
    assert [f["path"] for f in found] == ["content/posts/too-long.md"]  # the link counts 23, as on Mastodon
    assert "the limit is 100" in found[0]["message"] and f"account '{ACCOUNT}'" in found[0]["message"]
    assert fake.requests == [INSTANCE]  # asked once, however many posts


def test_validate_without_the_server_uses_mastodons_500_and_says_so(school: School) -> None:
    add_account(school, ACCOUNT, mastodon_account("http://127.0.0.1:9"), default=True)  # nothing listens there
    school.post("too-long", "Well done everyone! " * 30)
    school.post("fits", "Well done everyone! " * 20)
    result = school.run("validate", "--now", "2027-05-01T08:00")
    assert result.exit_code == 1
    assert "too-long.md" in result.output and "fits.md" not in result.output
    assert "the limit is 500 (http://127.0.0.1:9 could not be asked for its limits" in result.output
    assert "Mastodon's defaults are used" in result.output


KILLED_RUN = """
import os, signal, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from fake_mastodon import ENV
from postplan.clock import now
from postplan.publish import mastodon
from postplan import platforms
from postplan.pipeline import load, publish
from postplan.publish.run import Options

real_send = mastodon.MastodonPublisher.send

def send_then_die(self, message):
    sent = real_send(self, message)
    if message.part == int(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)
    return sent

mastodon.MastodonPublisher.send = send_then_die
publish(load(Path(sys.argv[1])), now("2027-06-01T08:31"), Options(environ=ENV))
print("not killed")
"""


def killed_run(school: School, part: int) -> subprocess.CompletedProcess:
    code = KILLED_RUN.format(tests=str(Path(__file__).parent))
    environment = {k: v for k, v in os.environ.items() if not k.startswith("POSTPLAN_")}
    return subprocess.run([sys.executable, "-c", code, str(school.root), str(part)], capture_output=True, text=True,
                          env=environment, timeout=120)


@pytest.mark.parametrize("kill_at", [0, 1])
def test_a_run_killed_after_mastodon_made_the_status_never_posts_it_twice(school, mastodon, caplog,
                                                                          kill_at: int) -> None:
    approved(school, "sports-day", f"{TEXT}\n---\nBring a sun hat.\n---\nResults on Friday.")
    killed = killed_run(school, kill_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(mastodon.statuses) == kill_at + 1
    assert ledger_lines(school.root)[-1]["state"] == "claimed"
    dry = school.run("publish", "--dry-run", "--now", "2027-06-01T08:31")
    assert "would settle    sports-day" in dry.output and "the run asks mastodon where it is first" in dry.output

    report = run(school)  # the next scheduled run settles the claimed part by asking with the same key
    assert report.exit_code == 0, report.text()
    texts = [status["text_sent"] for status in mastodon.statuses]
    assert texts == [TEXT, "Bring a sun hat.", "Results on Friday."], "each part exactly once"
    assert [s["in_reply_to_id"] for s in mastodon.statuses[1:]] == [s["id"] for s in mastodon.statuses[:2]]
    published = [(e["part"], e["id"]) for e in ledger_lines(school.root) if e["state"] == "published"]
    assert published == [(n, s["id"]) for n, s in enumerate(mastodon.statuses)]
    assert "Nothing to do" in run(school).text()
    no_token_anywhere(school, killed.stdout, killed.stderr, report.text(), caplog.text)
