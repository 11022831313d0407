"""Posting to Bluesky: the real atproto client against a Bluesky server (PDS) on 127.0.0.1.

Every XRPC method the fake server is asked for is listed and compared whole; no app password may
appear in any output, log, the ledger or an outbox.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from conftest import School
from fake_bluesky import ACCOUNT, DID, ENV, HANDLE, KNOWN, PASSWORD, FakeBluesky, bluesky_account
from platform_helpers import add_account
from postplan.load import load_repository
from postplan.publish import bluesky
from postplan.publish.content import content_hash, platform_id
from postplan.pipeline import load, publish
from postplan.publish.run import Options
from publish_helpers import approved, everything_written, ledger_lines

NOW = dt.datetime(2027, 6, 1, 8, 31, tzinfo=ZoneInfo("Europe/London"))
SESSION, RESOLVE, BLOB, WRITE, GET = ("com.atproto.server.createSession", "com.atproto.identity.resolveHandle",
                                      "com.atproto.repo.uploadBlob", "com.atproto.repo.applyWrites",
                                      "com.atproto.repo.getRecord")
GATE = "app.bsky.feed.threadgate"


@pytest.fixture
def sky(httpserver, school: School, caplog: pytest.LogCaptureFixture, monkeypatch) -> FakeBluesky:
    caplog.set_level(logging.DEBUG)  # the most a school could log: still no password may appear
    fake = FakeBluesky(httpserver)
    monkeypatch.setattr(bluesky, "SERVICE", fake.base)  # the account's server, as Bluesky's own would be
    add_account(school, ACCOUNT, bluesky_account(), default=True)
    yield fake
    httpserver.check_assertions()


def run(school: School, sleeps: list | None = None):
    return publish(load(school.root), NOW, Options(environ=ENV, sleep=(sleeps if sleeps is not None else []).append))


def no_password_anywhere(school: School, *texts: str) -> None:
    for text in (*texts, everything_written(school.root)):
        assert PASSWORD not in text


def big_photo(path: Path) -> None:
    """A 2400×1600 photo of noise: far over Bluesky's 1,000,000-byte blob limit as it is."""
    image = Image.frombytes("RGB", (2400, 1600), os.urandom(2400 * 1600 * 3))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=95)
    assert path.stat().st_size > 3_000_000


def span(text: str, facet: dict) -> str:
    index = facet["index"]
    return text.encode("utf-8")[index["byteStart"]:index["byteEnd"]].decode("utf-8")


def test_a_post_goes_out_once_with_facets_a_fitted_photo_and_nobody_able_to_reply(school, sky, caplog) -> None:
    text = ("Café open for Sports Day 🏃 — menu at https://www.tregarrow.example.org/menu thanks @bbc.co.uk "
            "#SportsDay")
    big_photo(school.root / "content/media/relay.jpg")
    approved(school, "sports-day", text, extra="media:\n  - file: media/relay.jpg\n    alt: The relay batons on the school field\n"
             "allow:\n  - rule: mention-not-approved\n    reason: The BBC filmed the races\n")
    report = run(school)
    assert report.exit_code == 0, report.text()
    assert sky.calls == [SESSION, RESOLVE, BLOB, WRITE]
    rkey = bluesky.record_key("sports-day", 0)
    assert re.fullmatch(r"[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}", rkey)  # TID syntax
    post = sky.records[("app.bsky.feed.post", rkey)]["value"]
    assert post["text"] == text
    assert [span(text, f) for f in post["facets"]] == [
        "https://www.tregarrow.example.org/menu", "@bbc.co.uk", "#SportsDay"]
    features = [f["features"][0] for f in post["facets"]]
    assert features[0]["uri"] == "https://www.tregarrow.example.org/menu"
    assert features[1]["did"] == KNOWN["bbc.co.uk"] and features[2]["tag"] == "SportsDay"
    image = post["embed"]["images"][0]
    assert image["alt"] == "The relay batons on the school field"
    assert sky.blobs[0]["size"] <= 1_000_000 and image["image"]["ref"] == sky.blobs[0]["ref"]
    assert Image.open(io.BytesIO(sky.blobs[0]["bytes"])).format == "JPEG"
    gate = sky.records[(GATE, rkey)]["value"]
    assert gate["allow"] == [] and gate["post"] == f"at://{DID}/app.bsky.feed.post/{rkey}"
    assert f"https://bsky.app/profile/{HANDLE}/post/{rkey}" in report.text()
    assert [e["state"] for e in ledger_lines(school.root)] == ["claimed", "published"]
    assert "Nothing to do" in run(school).text() and len(sky.posts()) == 1
    no_password_anywhere(school, report.text(), caplog.text)


def test_a_thread_replies_to_its_root_and_parent_and_is_gated_once(school, sky) -> None:
    approved(school, "sports-day", "Sports Day is today!\n---\nBring a sun hat.\n---\nResults on Friday.")
    report = run(school)
    assert report.exit_code == 0, report.text()
    assert sky.calls == [SESSION, WRITE, GET, WRITE, GET, WRITE]
    keys = [bluesky.record_key("sports-day", n) for n in range(3)]
    root = sky.records[("app.bsky.feed.post", keys[0])]
    for number in (1, 2):
        reply = sky.records[("app.bsky.feed.post", keys[number])]["value"]["reply"]
        parent = sky.records[("app.bsky.feed.post", keys[number - 1])]
        refs = {which: (reply[which]["uri"], reply[which]["cid"]) for which in ("root", "parent")}
        assert refs == {"root": (root["uri"], root["cid"]), "parent": (parent["uri"], parent["cid"])}
    assert [k for (collection, k) in sky.records if collection == GATE] == [keys[0]]


def test_a_write_that_went_through_unanswered_is_found_by_its_key_not_sent_again(school, sky) -> None:
    sky.fail_writes = 1  # the server writes the record, then answers 502
    approved(school, "sports-day", "Sports Day is today!")
    report = run(school)
    assert report.exit_code == 0, report.text()
    assert sky.calls == [SESSION, WRITE, GET] and len(sky.posts()) == 1
    assert ledger_lines(school.root)[-1]["state"] == "published"


def test_a_refused_app_password_stops_the_run_and_names_the_variable(school, sky, caplog) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    report = publish(load(school.root), NOW, Options(environ={"POSTPLAN_SKY_APP_PASSWORD": "fake-wrong-pass-77"},
                                               sleep=lambda s: None))
    assert report.exit_code == 2 and "POSTPLAN_SKY_APP_PASSWORD" in report.text()
    assert "fake-wrong-pass-77" not in report.text() + everything_written(school.root) + caplog.text
    assert sky.calls == [SESSION] and sky.posts() == []


KILLED_RUN = """
import os, signal, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from fake_bluesky import ENV
from postplan.clock import now
from postplan.load import load_repository
from postplan.publish import bluesky
from postplan.publish.content import content_hash, platform_id
from postplan.pipeline import load, publish
from postplan.publish.run import Options

bluesky.SERVICE = sys.argv[3]
real_send = bluesky.BlueskyPublisher.send

def send_then_die(self, message):
    sent = real_send(self, message)
    if message.part == int(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)
    return sent

bluesky.BlueskyPublisher.send = send_then_die
publish(load(Path(sys.argv[1])), now("2027-06-01T08:31"), Options(environ=ENV))
print("not killed")
"""


@pytest.mark.parametrize("kill_at", [0, 1])
def test_a_run_killed_after_the_record_was_written_never_posts_it_twice(school, sky, caplog, kill_at: int) -> None:
    approved(school, "sports-day", "Sports Day is today!\n---\nBring a sun hat.\n---\nResults on Friday.")
    code = KILLED_RUN.format(tests=str(Path(__file__).parent))
    environment = {k: v for k, v in os.environ.items() if not k.startswith("POSTPLAN_")}
    killed = subprocess.run([sys.executable, "-c", code, str(school.root), str(kill_at), sky.base],
                            capture_output=True, text=True, env=environment, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(sky.posts()) == kill_at + 1 and ledger_lines(school.root)[-1]["state"] == "claimed"

    sky.calls.clear()
    report = run(school)  # the next run looks the claimed part up by its key: there, so recorded, not sent
    assert report.exit_code == 0, report.text()
    assert sky.calls[:2] == [SESSION, GET] and sky.calls.count(WRITE) == 2 - kill_at
    assert [p["text"] for p in sky.posts()] == ["Sports Day is today!", "Bring a sun hat.", "Results on Friday."]
    published = [e["part"] for e in ledger_lines(school.root) if e["state"] == "published"]
    assert published == [0, 1, 2]
    assert "Nothing to do" in run(school).text()
    no_password_anywhere(school, killed.stdout, killed.stderr, report.text(), caplog.text)


def test_a_thread_whose_first_part_a_person_recorded_by_its_link_carries_on_answering_it(school, sky) -> None:
    approved(school, "sports-day", "Sports Day is today!\n---\nBring a sun hat.")
    rkey = bluesky.record_key("sports-day", 0)
    first = {"$type": "app.bsky.feed.post", "text": "Sports Day is today!", "createdAt": "2027-06-01T07:30:00.000Z"}
    sky.records[("app.bsky.feed.post", rkey)] = {"uri": f"at://{DID}/app.bsky.feed.post/{rkey}", "cid": "bafyreib",
                                                 "value": first}
    link = f"https://bsky.app/profile/{HANDLE}/post/{rkey}"
    school.write("ledger.jsonl", json.dumps({
        "post": "sports-day", "part": 0, "of": 2, "state": "published", "platform": "bluesky",
        "id": platform_id(link), "url": link, "at": "2027-06-01T08:30:00+01:00", "run": "resolve",
        "resolved_by": "a person", "hash": content_hash(load_repository(school.root).repository.posts[0],
                                                        school.root)}) + "\n")
    report = run(school)
    assert report.exit_code == 0, report.text()
    assert sky.calls == [SESSION, GET, WRITE]
    reply = sky.records[("app.bsky.feed.post", bluesky.record_key("sports-day", 1))]["value"]["reply"]
    assert reply["parent"]["uri"] == reply["root"]["uri"] == f"at://{DID}/app.bsky.feed.post/{rkey}"
