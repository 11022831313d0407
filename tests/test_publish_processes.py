"""Real processes: a publisher killed right after X accepted a post, and two publishers started at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import responses
from responses import matchers

from conftest import School
from postplan.clock import now as pinned
from postplan.pipeline import load, publish
from postplan.publish.run import Options
from fake_x import TIMELINE
from publish_helpers import (FAKE_KEYS, TWEETS, approved, assert_no_credentials, created, everything_written,
                             ledger_lines, recorded_create)

AT = "2027-06-01T08:31"

# A publishing run whose process is SIGKILLed the moment X has accepted part KILL_AT of the post,
# before the publisher can write the outcome to the ledger.
KILLED_RUN = """
import sys
from pathlib import Path
import responses
sys.path.insert(0, {tests!r})
from publish_helpers import FAKE_KEYS, TWEETS, created, die_after_x_accepts, recorded_create
from postplan.clock import now
from postplan.pipeline import load, publish
from postplan.publish.run import Options

root, kill_at, ids = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3].split(",")
die_after_x_accepts(kill_at)
with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
    _, headers = recorded_create()
    for post_id in ids:
        mock.add(responses.POST, TWEETS, json=created(post_id), status=201, headers=headers)
    publish(load(root), now({at!r}), Options(environ=FAKE_KEYS))
print("not killed")
"""

# A run with no credentials (so: the outbox) that holds the lock while it waits for the test's signal.
HELD_RUN = """
import sys, time
from pathlib import Path
from postplan.clock import now
from postplan.publish.outbox import OutboxPublisher
from postplan.pipeline import load, publish

root, gate = Path(sys.argv[1]), Path(sys.argv[2])
real_send = OutboxPublisher.send

def send_when_told(self, message):
    (gate / "sending").touch()
    deadline = time.monotonic() + 60
    while not (gate / "go").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return real_send(self, message)

OutboxPublisher.send = send_when_told
report = publish(load(root), now({at!r}))
print(report.text())
"""


def clean_environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("POSTPLAN_")}


def python(script: str, *args: str) -> subprocess.CompletedProcess:
    code = script.format(tests=str(Path(__file__).parent), at=AT)
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=clean_environment(), timeout=120)


def run_again(school: School, expect: list[tuple[str, str]], x_cannot_be_read: bool = False):
    """Another scheduled run, in this process; only the requests in ``expect`` (text, reply id) may be made,
    and (``x_cannot_be_read``) three reads of the account's posts, each answered with a server error."""
    with responses.RequestsMock(assert_all_requests_are_fired=True) as mock:
        for _ in range(3 if x_cannot_be_read else 0):
            mock.add(responses.GET, TIMELINE, status=500, json={"title": "Internal Server Error", "status": 500})
        _, headers = recorded_create()
        for number, (text, reply_to) in enumerate(expect):
            match = {"text": text, "reply_settings": "mentionedUsers",
                     **({"reply": {"in_reply_to_tweet_id": reply_to}} if reply_to else {})}
            mock.add(responses.POST, TWEETS, json=created(f"20{number}"), status=201, headers=headers,
                     match=[matchers.json_params_matcher(match)])
        return publish(load(school.root), pinned(AT), Options(environ=FAKE_KEYS, sleep=lambda s: None))


def test_a_run_killed_after_x_accepted_the_post_is_never_sent_again_nor_forgotten(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    killed = python(KILLED_RUN, str(school.root), "0", "1456012973835788293")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert [e["state"] for e in ledger_lines(school.root)] == ["claimed"]

    # X settles by looking first (tests/test_publish_x_settle.py); when it cannot be read, nothing may be
    # sent blindly and the post stays unsure until a look succeeds or a person settles it.
    report = run_again(school, expect=[], x_cannot_be_read=True)
    assert report.exit_code == 1
    assert "unsure          sports-day  not settled" in report.text()
    assert ledger_lines(school.root)[-1]["state"] == "unsure"

    result = school.run("publish", "--resolve", "sports-day", "--as", "published",
                        "https://x.com/TregarrowCP/status/1456012973835788293", "--now", AT)
    assert result.exit_code == 0, result.output
    settled = run_again(school, expect=[])
    assert settled.exit_code == 0 and "Nothing to do" in settled.text()
    assert_no_credentials(killed.stdout, killed.stderr, report.text(), everything_written(school.root))


def test_a_thread_killed_part_way_carries_on_from_the_right_part(school: School) -> None:
    approved(school, "sports-day", "Sports Day is today!\n---\nBring a sun hat.\n---\nResults on Friday.")
    killed = python(KILLED_RUN, str(school.root), "1", "1001,1002")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    states = [(e["part"], e["state"]) for e in ledger_lines(school.root)]
    assert states == [(0, "claimed"), (0, "published"), (1, "claimed")]

    report = run_again(school, expect=[], x_cannot_be_read=True)
    assert "unsure          sports-day  part 2 of 3: not settled" in report.text()

    school.run("publish", "--resolve", "sports-day", "--as", "published",
               "https://x.com/TregarrowCP/status/1002", "--now", AT)
    resumed = run_again(school, expect=[("Results on Friday.", "1002")])  # only the third part, answering the second
    assert resumed.exit_code == 0, resumed.text()
    published = [e["part"] for e in ledger_lines(school.root) if e["state"] == "published"]
    assert published == [0, 1, 2]


def test_two_runs_at_once_cannot_both_send(school: School, tmp_path: Path) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    gate = tmp_path / "gate"
    gate.mkdir()
    code = HELD_RUN.format(at=AT)
    first = subprocess.Popen([sys.executable, "-c", code, str(school.root), str(gate)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=clean_environment())
    try:
        deadline = time.monotonic() + 60
        while not (gate / "sending").exists():
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first run never started sending"
            time.sleep(0.02)
        second = subprocess.run([sys.executable, "-m", "postplan", "publish", "--root", str(school.root),
                                 "--now", AT], capture_output=True, text=True, env=clean_environment(), timeout=120)
        assert second.returncode == 0, second.stderr
        assert "Another publish run is going on" in second.stdout and "outbox " not in second.stdout
    finally:
        (gate / "go").touch()
        out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert "outbox          sports-day" in out
    assert sorted(p.name for p in (school.root / "outbox").glob("*.json")) == ["sports-day.json"]
    assert [e["state"] for e in ledger_lines(school.root, outbox=True)] == ["claimed", "published"]
