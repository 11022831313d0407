"""Shared pieces of the publisher's tests: approved posts, fake credentials, and X's recorded answers."""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
from pathlib import Path

import yaml

from conftest import ANCHORS, School

# The tweepy project's recorded X API v2 traffic (real responses), kept under tests/anchors/.
CASSETTES = ANCHORS / "tweepy"
TWEETS = "https://api.twitter.com/2/tweets"
MEDIA_UPLOAD = "https://api.x.com/2/media/upload"
MEDIA_METADATA = "https://api.x.com/2/media/metadata"

# Distinctive fake keys: every test searches all output, the ledger and the outbox for them.
FAKE_KEYS = {
    "POSTPLAN_SCHOOL_API_KEY": "fakeKEY9q7ZxApiKey",
    "POSTPLAN_SCHOOL_API_SECRET": "fakeSECRET4w2YvApiSecret",
    "POSTPLAN_SCHOOL_ACCESS_TOKEN": "123456-fakeTOKEN8m3Kaccess",
    "POSTPLAN_SCHOOL_ACCESS_TOKEN_SECRET": "fakeTOKENSECRET5n1Jsecret",
}


def recorded_create() -> tuple[dict, dict[str, str]]:
    """X's recorded answer to POST /2/tweets (201): the JSON body (gzip decoded) and its headers."""
    cassette = yaml.safe_load((CASSETTES / "test_client_create_and_delete_tweet.yaml").read_text())
    interaction = next(i for i in cassette["interactions"] if i["request"]["method"] == "POST")
    response = interaction["response"]
    assert response["status"]["code"] == 201
    body = json.loads(gzip.decompress(response["body"]["string"]))
    skip = {"content-encoding", "content-length", "set-cookie", "content-type"}
    headers = {name: values[0] for name, values in response["headers"].items() if name not in skip}
    return body, headers


def created(post_id: str | None = None, text: str | None = None) -> dict:
    """The recorded create answer, with another id and text where a test needs several posts."""
    body, _ = recorded_create()
    data = dict(body["data"])
    if post_id:
        data["id"] = post_id
    if text:
        data["text"] = text
    return {"data": data}


def approved(school: School, name: str, body: str, publish_at: str = "2027-06-01 08:30", extra: str = "") -> Path:
    """An approved post file (``extra`` is more front matter, e.g. media or a poll, as YAML lines)."""
    text = (f"---\npublish_at: {publish_at}\nstatus: approved\nauthor: Office (J. Pengelly)\n"
            f"approved_by: Mrs Hart\n{extra}---\n{body}\n")
    return school.write(f"content/posts/{name}.md", text)


def slot_at(school: School, time: str) -> None:
    """Give the school one posting slot, at this time every day, so a post written for it is due then."""
    settings = (school.root / "mkdocs.yml").read_text(encoding="utf-8")
    settings, changed = re.subn(r"(?m)^    posting_slots:\n(      .*\n)+",
                                f'    posting_slots:\n      school_days: ["{time}"]\n      other_days: ["{time}"]\n',
                                settings)
    assert changed == 1, "the example settings have no posting_slots: to change"
    (school.root / "mkdocs.yml").write_text(settings, encoding="utf-8")


def ledger_lines(root: Path, outbox: bool = False) -> list[dict]:
    path = root / "outbox" / "ledger.jsonl" if outbox else root / "ledger.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def everything_written(root: Path) -> str:
    """The ledger and every outbox file, as one text to search for leaked credentials."""
    texts = []
    for path in [root / "ledger.jsonl", *sorted((root / "outbox").glob("*"))]:
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(texts)


def assert_no_credentials(*texts: str) -> None:
    for text in texts:
        for name, value in FAKE_KEYS.items():
            assert value not in text, f"the value of {name} leaked"


def die_after_x_accepts(part: int) -> None:
    """In a child process: SIGKILL it the moment X has accepted ``part`` of a post, before the publisher
    can write the outcome to the ledger (as a runner dies)."""
    from postplan.publish import x  # only the child process that is to die needs it

    real_send = x.XPublisher.send

    def send_then_die(self, message):
        sent = real_send(self, message)
        if message.part == part:
            os.kill(os.getpid(), signal.SIGKILL)
        return sent

    x.XPublisher.send = send_then_die
