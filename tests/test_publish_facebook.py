"""Posting to a Facebook Page: requests against a Graph API on 127.0.0.1.

Every request the fake receives is listed and compared whole; no Page token may appear in any
output, log, the ledger or an outbox.
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

from conftest import School
from fake_facebook import ACCOUNT, ENV, PAGE, TOKEN, FakeFacebook, facebook_account
from platform_helpers import add_account
from postplan.publish import facebook
from postplan.pipeline import load, publish
from postplan.publish.run import Options
from publish_helpers import approved, everything_written, ledger_lines

NOW = dt.datetime(2027, 6, 1, 8, 31, tzinfo=ZoneInfo("Europe/London"))
TEXT = "Sports Day is today! Gates open at 1pm. See you on the field."
PHOTO, POST, READ = ("POST", "photos"), ("POST", "feed"), ("GET", "feed")


@pytest.fixture
def page(httpserver, school: School, caplog: pytest.LogCaptureFixture, monkeypatch) -> FakeFacebook:
    caplog.set_level(logging.DEBUG)  # the most a school could log: still no token may appear
    fake = FakeFacebook(httpserver)
    monkeypatch.setattr(facebook, "GRAPH", fake.base)
    add_account(school, ACCOUNT, facebook_account(), default=True)
    yield fake
    httpserver.check_assertions()


def run(school: School, sleeps: list | None = None):
    return publish(load(school.root), NOW, Options(environ=ENV, sleep=(sleeps if sleeps is not None else []).append))


def no_token_anywhere(school: School, *texts: str) -> None:
    for text in (*texts, everything_written(school.root)):
        assert TOKEN not in text


def test_photos_go_up_unpublished_with_alt_text_and_are_attached_to_one_post(school, page, caplog) -> None:
    for name in ("relay.jpg", "egg.jpg"):
        school.write(f"content/media/{name}", b"\xff\xd8\xff\xe0 a small jpeg " + name.encode())
    approved(school, "sports-day", TEXT, extra="media:\n  - file: media/relay.jpg\n    alt: The relay batons on the school field\n"
             "  - file: media/egg.jpg\n    alt: The egg and spoon race\n")
    report = run(school)
    assert report.exit_code == 0, report.text()
    assert page.requests == [PHOTO, PHOTO, POST]
    assert [(p["published"], p["alt_text_custom"]) for p in page.photos] == [
        ("false", "The relay batons on the school field"), ("false", "The egg and spoon race")]
    post = page.posts[0]
    assert post["message"] == TEXT and post["attached"] == [p["id"] for p in page.photos]
    number = post["id"].split("_")[1]
    assert f"https://www.facebook.com/{PAGE}/posts/{number}" in report.text()
    assert [(e["state"], e.get("id")) for e in ledger_lines(school.root)] == [("claimed", None),
                                                                            ("published", post["id"])]
    assert "Nothing to do" in run(school).text() and len(page.posts) == 1
    no_token_anywhere(school, report.text(), caplog.text)


def test_a_post_made_but_answered_with_an_error_is_found_on_the_page_not_sent_again(school, page) -> None:
    page.fail_posts = 1
    approved(school, "sports-day", TEXT)
    report = run(school)
    assert report.exit_code == 0, report.text()
    assert page.requests == [POST, READ] and len(page.posts) == 1
    assert ledger_lines(school.root)[-1]["id"] == page.posts[0]["id"]


def test_an_older_post_with_the_same_words_is_not_taken_for_the_one_killed_mid_send(school, page) -> None:
    page.posts.append({"id": f"{PAGE}_870000000000001", "message": TEXT, "created_time": "2026-06-02T07:30:00+0000",
                       "attached": []})  # last year's Sports Day post, word for word
    approved(school, "sports-day", TEXT)
    school.write("ledger.jsonl", '{"at": "2027-06-01T08:31:00+01:00", "hash": "%s", "of": 1, "part": 0, '
                 '"platform": "facebook", "post": "sports-day", "run": "killed", "state": "claimed", '
                 '"account": "page"}\n' % content_hash_of(school))
    report = run(school)
    assert report.exit_code == 0, report.text()
    assert page.requests == [READ, POST] and len(page.posts) == 2  # not there: sent now, once
    assert ledger_lines(school.root)[-1]["id"] == page.posts[0]["id"] != f"{PAGE}_870000000000001"


def content_hash_of(school: School) -> str:
    from postplan.load import load_repository
    from postplan.publish.content import content_hash

    post = load_repository(school.root).repository.posts[0]
    return content_hash(post, school.root)


def test_a_refused_token_stops_the_run_and_names_the_variable(school, page, caplog) -> None:
    approved(school, "sports-day", TEXT)
    report = publish(load(school.root), NOW, Options(environ={"POSTPLAN_PAGE_PAGE_TOKEN": "fakeWRONGpage11"},
                                               sleep=lambda s: None))
    assert report.exit_code == 2 and "POSTPLAN_PAGE_PAGE_TOKEN" in report.text()
    assert "fakeWRONGpage11" not in report.text() + everything_written(school.root) + caplog.text
    assert page.posts == []


KILLED_RUN = """
import os, signal, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from fake_facebook import ENV
from postplan.clock import now
from postplan.publish import facebook
from postplan.pipeline import load, publish
from postplan.publish.run import Options

facebook.GRAPH = sys.argv[2]
real_send = facebook.FacebookPublisher.send

def send_then_die(self, message):
    real_send(self, message)
    os.kill(os.getpid(), signal.SIGKILL)

facebook.FacebookPublisher.send = send_then_die
publish(load(Path(sys.argv[1])), now("2027-06-01T08:31"), Options(environ=ENV))
print("not killed")
"""


def test_a_run_killed_after_the_page_posted_is_settled_by_reading_the_page(school, page, caplog) -> None:
    approved(school, "sports-day", TEXT)
    code = KILLED_RUN.format(tests=str(Path(__file__).parent))
    environment = {k: v for k, v in os.environ.items() if not k.startswith("POSTPLAN_")}
    killed = subprocess.run([sys.executable, "-c", code, str(school.root), page.base], capture_output=True,
                            text=True, env=environment, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(page.posts) == 1 and ledger_lines(school.root)[-1]["state"] == "claimed"
    page.requests.clear()
    report = run(school)
    assert report.exit_code == 0, report.text()
    assert page.requests == [READ] and len(page.posts) == 1
    assert ledger_lines(school.root)[-1] == {**ledger_lines(school.root)[-1], "state": "published",
                                             "id": page.posts[0]["id"], "resolved_by": "looking"}
    no_token_anywhere(school, killed.stdout, killed.stderr, report.text(), caplog.text)
