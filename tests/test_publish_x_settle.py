"""X settles an unsure part by looking: the account's own posts since it was first tried, read through
tweepy, matched by the words as sent and the post it answers; only a still-unknown case waits for a person.

The account is tests/fake_x.py: X's recorded answers, its posts kept in a folder, so that a run killed
with SIGKILL after X accepted a post and the run after it see the same account.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import responses

from conftest import School
from fake_x import ME, POSTED, TIMELINE_READ, WHO, FakeX
from postplan.pipeline import load, publish
from postplan.publish.content import content_hash
from postplan.load import load_repository
from postplan.publish.run import Options
from publish_helpers import FAKE_KEYS, approved, assert_no_credentials, everything_written, ledger_lines

NOW = dt.datetime(2027, 6, 1, 8, 31, tzinfo=ZoneInfo("Europe/London"))
CLOCK = 1_812_000_000.0
TEXT = "Sports Day is today! Gates open at 1pm & results go up at https://tregarrow.sch.uk/sports-day"


@pytest.fixture
def account(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield FakeX(tmp_path / "x-account").install(mock)


def run(school: School, sleeps: list | None = None, environ: dict | None = None, dry_run: bool = False):
    sleeps = [] if sleeps is None else sleeps
    return publish(load(school.root), NOW, Options(environ=environ or FAKE_KEYS, sleep=sleeps.append,
                                                   clock=lambda: CLOCK, dry_run=dry_run))


def claimed_earlier(school: School, at: str = "2027-06-01T08:31:00+01:00") -> None:
    """The ledger of a run that claimed the post and died before it wrote what happened."""
    post = load_repository(school.root).repository.posts[0]
    school.write("ledger.jsonl", '{"account": "school", "at": "%s", "hash": "%s", "of": 1, "part": 0, '
                 '"platform": "x", "post": "sports-day", "run": "killed", "state": "claimed"}\n'
                 % (at, content_hash(post, school.root)))


KILLED_RUN = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
import responses
from fake_x import FakeX
from publish_helpers import FAKE_KEYS, die_after_x_accepts
from postplan.clock import now
from postplan.pipeline import load, publish
from postplan.publish.run import Options

die_after_x_accepts(int(sys.argv[3]))
with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
    FakeX(Path(sys.argv[2])).install(mock)
    publish(load(Path(sys.argv[1])), now("2027-06-01T08:31"), Options(environ=FAKE_KEYS, sleep=lambda s: None))
print("not killed")
"""


@pytest.mark.parametrize("kill_at", [0, 1])
def test_a_run_killed_after_x_accepted_is_settled_by_looking_and_posted_once(school, account, tmp_path, caplog,
                                                                             kill_at: int) -> None:
    approved(school, "sports-day", f"{TEXT}\n---\nBring a water bottle.\n---\nSee you there!")
    code = KILLED_RUN.format(tests=str(Path(__file__).parent))
    environment = {k: v for k, v in os.environ.items() if not k.startswith("POSTPLAN_")}
    killed = subprocess.run([sys.executable, "-c", code, str(school.root), str(tmp_path / "x-account"), str(kill_at)],
                            capture_output=True, text=True, env=environment, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(account.posts) == kill_at + 1 and ledger_lines(school.root)[-1]["state"] == "claimed"
    report = run(school)
    assert report.exit_code == 0, report.text()
    assert account.calls == [TIMELINE_READ] + [POSTED] * (2 - kill_at)  # one read, then only the parts not sent
    posts = account.posts
    assert [p["text"].split(" https")[0] for p in posts] == [
        "Sports Day is today! Gates open at 1pm &amp; results go up at", "Bring a water bottle.", "See you there!"]
    assert [p.get("referenced_tweets", [{}])[0].get("id") for p in posts] == [None, posts[0]["id"], posts[1]["id"]]
    settled = [e for e in ledger_lines(school.root) if e.get("resolved_by")]
    assert [(e["part"], e["state"], e["id"], e["resolved_by"]) for e in settled] == [
        (kill_at, "published", posts[kill_at]["id"], "looking")]
    assert "Nothing to do" in run(school).text() and len(account.posts) == 3
    assert_no_credentials(killed.stdout, killed.stderr, report.text(), everything_written(school.root), caplog.text)


def test_a_part_not_on_the_account_is_sent_once_after_looking(school, account) -> None:
    approved(school, "sports-day", TEXT)
    claimed_earlier(school)
    report = run(school)
    assert report.exit_code == 0, report.text()
    assert account.calls == [TIMELINE_READ, POSTED] and len(account.posts) == 1
    last = ledger_lines(school.root)[-1]
    assert (last["state"], last["id"]) == ("published", account.posts[0]["id"])


def test_an_older_post_with_the_same_words_is_not_taken_for_this_one(school, account) -> None:
    account.add(TEXT, "2026-06-02T07:30:00.000Z")  # last year's Sports Day post, word for word
    approved(school, "sports-day", TEXT)
    claimed_earlier(school)
    report = run(school)
    assert report.exit_code == 0, report.text()
    assert account.calls == [TIMELINE_READ, POSTED] and len(account.posts) == 2
    assert ledger_lines(school.root)[-1]["id"] == account.posts[1]["id"]


def test_a_reply_to_another_post_with_the_same_words_is_not_taken_for_the_first_part(school, account) -> None:
    account.add(TEXT, "2027-06-01T07:31:10.000Z", reply_to="1700000000000000001")
    approved(school, "sports-day", TEXT)
    claimed_earlier(school)
    run(school)
    assert account.calls == [TIMELINE_READ, POSTED] and len(account.posts) == 2


@pytest.mark.parametrize(("failures", "sleeps_wanted", "exit_code"), [
    ([500, 500, 500], [5, 30], 1),  # X's server errors, tried three times
    ([429], [], 1),  # a rate limit that resets in hours: the run stops
])
def test_a_timeline_read_that_fails_leaves_the_part_unsure_and_posts_nothing(school, account, failures,
                                                                            sleeps_wanted, exit_code) -> None:
    approved(school, "sports-day", TEXT)
    claimed_earlier(school)
    account.timeline_failures = list(failures)
    sleeps: list[float] = []
    report = run(school, sleeps)
    assert report.exit_code == exit_code and sleeps == sleeps_wanted, report.text()
    assert POSTED not in account.calls and account.posts == []
    last = ledger_lines(school.root)[-1]
    assert last["state"] == "unsure" and last["error"].startswith("not settled")
    assert "unsure" in report.text()
    account.add(TEXT, "2027-06-01T07:31:02.000Z")  # it had gone out after all
    later = run(school)
    assert later.exit_code == 0, later.text()
    assert len(account.posts) == 1 and ledger_lines(school.root)[-1]["resolved_by"] == "looking"


def test_x_calling_it_a_duplicate_after_the_look_found_nothing_waits_for_a_person(school, account) -> None:
    approved(school, "sports-day", TEXT)
    claimed_earlier(school)
    account.post_failures = [403]
    report = run(school)
    assert report.exit_code == 1 and "duplicate" in report.text()
    assert ledger_lines(school.root)[-1]["state"] == "unsure"


def test_keys_whose_token_does_not_name_the_account_ask_x_who_it_is(school, account) -> None:
    approved(school, "sports-day", TEXT)
    claimed_earlier(school)
    account.add(TEXT, "2027-06-01T07:31:02.000Z")
    environ = {**FAKE_KEYS, "POSTPLAN_SCHOOL_ACCESS_TOKEN": "fakeTOKENwithoutAnId"}
    report = run(school, environ=environ)
    assert report.exit_code == 0, report.text()
    assert account.calls == [WHO, TIMELINE_READ] and ME


def test_past_the_grace_window_an_unsure_part_waits_for_a_person_and_nothing_is_read(school, account) -> None:
    approved(school, "sports-day", TEXT, publish_at="2027-06-01 05:00")
    claimed_earlier(school, "2027-06-01T05:00:00+01:00")
    report = run(school)
    assert account.calls == [] and "needs a person" in report.text() and "--resolve sports-day" in report.text()


def test_the_dry_run_says_x_is_asked_first(school, account) -> None:
    approved(school, "sports-day", TEXT)
    claimed_earlier(school)
    report = run(school, dry_run=True)
    assert "would settle" in report.text() and "asks x where it is first" in report.text()
    assert account.calls == []
