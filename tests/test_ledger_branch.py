"""The GitHub deployment's ledger: a branch pushed before each send, against a local stand-in for GitHub.

A bare repository plays GitHub, with a hook that refuses direct pushes to the protected ``main`` (as
branch protection does). Each "runner" is a fresh clone, thrown away after its run, as on Actions; the
school's account is a folder every clone shares (tests/fake_platform.py). Nothing leaves this machine.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import School
from fake_platform import BRANCH, FolderPlatform, remote_ledger, sent
from postplan.clock import now as pinned
from postplan.publish import ledger_states
from postplan.publish.ledgerbranch import LedgerBranch
from postplan.pipeline import load, publish
from postplan.publish.run import Options
from publish_helpers import approved

AT = "2027-06-01T08:31"
TESTS = Path(__file__).parent
IDENTITY = ["-c", "user.name=Office", "-c", "user.email=office@tregarrow.example.org"]

PROTECT_MAIN = """#!/bin/sh
# Branch protection on main: changes arrive by pull request, never by a direct push.
while read old new ref; do
  if [ "$ref" = "refs/heads/main" ]; then
    echo "main is protected: changes must be made through a pull request" >&2
    exit 1
  fi
done
"""
PROTECT_EVERYTHING = PROTECT_MAIN.replace('"$ref" = "refs/heads/main"', "-n \"$ref\"")

# A run on a runner of its own, as a separate process: ``kill`` dies right after the platform accepted
# the post (before the outcome is written); ``together`` waits at its first push until every run is there.
RUN = """
import os, signal, sys, time
from pathlib import Path
sys.path.insert(0, {tests!r})
from fake_platform import FolderPlatform
from postplan.clock import now
from postplan.publish import durable
from postplan.pipeline import load, publish
from postplan.publish.run import Options

root, platform, remote, mode, gate = (Path(a) for a in sys.argv[1:6])
runs = int(sys.argv[6]) if len(sys.argv) > 6 else 1

class Platform(FolderPlatform):
    def send(self, message):
        sent = super().send(message)
        if str(mode) == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        return sent

real_push = durable.BranchLedger._push

def push_together(self, entry, line):
    gate.mkdir(exist_ok=True)
    (gate / str(os.getpid())).touch()
    deadline = time.monotonic() + 60
    while len(list(gate.iterdir())) < runs and time.monotonic() < deadline:
        time.sleep(0.02)
    return real_push(self, entry, line)

if str(mode) == "together":
    durable.BranchLedger._push = push_together
report = publish(load(root), now({at!r}), Options(environ={{}}, publisher_for=lambda account: Platform(platform, remote)))
print(report.text())
sys.exit(report.exit_code)
"""


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *IDENTITY, *args], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def environment() -> dict[str, str]:
    skip = ("POSTPLAN_", "CI", "GITHUB_ACTIONS")
    return {k: v for k, v in os.environ.items() if not k.startswith(skip)}


@pytest.fixture
def github(tmp_path: Path) -> Path:
    """The school's repository "on GitHub": an approved post due at 08:30 on main, and main protected."""
    seed = School(tmp_path / "seed")
    approved(seed, "sports-day", "Sports Day is today!")
    git(seed.root, "init", "--quiet", "-b", "main")
    git(seed.root, "add", ".")
    git(seed.root, "commit", "--quiet", "-m", "The school's posts")
    remote = tmp_path / "github.git"
    git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(remote))
    git(seed.root, "push", "--quiet", str(remote), "main")
    hook = remote / "hooks" / "pre-receive"
    hook.write_text(PROTECT_MAIN, encoding="utf-8")
    hook.chmod(0o755)
    return remote


def runner(github: Path, name: str) -> School:
    """A fresh clone of the remote, as each scheduled run on GitHub Actions starts with."""
    root = github.parent / name
    git(github.parent, "clone", "--quiet", str(github), str(root))
    school = School.__new__(School)
    school.root = root
    return school


def run_here(school: School, github: Path, at: str = AT):
    platform = FolderPlatform(github.parent / "account", github)
    return publish(load(school.root), pinned(at), Options(environ={}, publisher_for=lambda account: platform))


def run_elsewhere(school: School, github: Path, mode: str = "", runs: int = 1) -> subprocess.Popen:
    code = RUN.format(tests=str(TESTS), at=AT)
    args = [str(school.root), str(github.parent / "account"), str(github), mode or "plain",
            str(github.parent / "gate"), str(runs)]
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=environment())


def main_of(github: Path) -> str:
    return git(github, "rev-parse", "main")


def test_the_claim_is_pushed_to_the_ledger_branch_before_the_post_is_sent_and_main_is_untouched(github: Path) -> None:
    before = main_of(github)
    school = runner(github, "runner-1")
    report = run_here(school, github)
    assert report.exit_code == 0, report.text()
    assert "published       sports-day  https://x.com/TregarrowCP/status/1001" in report.text()
    [message] = sent(github.parent / "account")
    assert message["remote_had"] == ["claimed"]  # the claim was on "GitHub" when the platform was called
    assert [e["state"] for e in remote_ledger(github)] == ["claimed", "published"]
    assert main_of(github) == before
    assert git(school.root, "status", "--porcelain") == ""  # the school's branch and files are not touched


def test_a_fresh_clone_reads_the_ledger_branch_and_sends_nothing_again(github: Path) -> None:
    run_here(runner(github, "runner-1"), github)
    fresh = runner(github, "runner-2")
    assert ledger_states(fresh.root) == {"sports-day": "published"}  # what build and validate read
    status = fresh.run("status", "--now", "2027-06-01T08:50")
    assert "Published (1):" in status.output and "sports-day  https://x.com/TregarrowCP/status/1001" in status.output
    later = fresh.run("validate", "--format", "json", "--now", "2027-06-02T09:00").output
    assert "past-unpublished" not in later  # validate's past-post check reads the branch too
    again = run_here(fresh, github, at="2027-06-01T08:41")
    assert "Nothing to do" in again.text()
    assert len(sent(github.parent / "account")) == 1


def test_a_run_killed_after_the_platform_accepted_is_never_sent_again_from_a_fresh_clone(github: Path) -> None:
    killed = run_elsewhere(runner(github, "runner-1"), github, "kill")
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert len(sent(github.parent / "account")) == 1
    assert [e["state"] for e in remote_ledger(github)] == ["claimed"]  # the runner's disk is gone; the claim is not

    fresh = runner(github, "runner-2")
    report = run_here(fresh, github, at="2027-06-01T08:41")
    assert report.exit_code == 1
    assert "needs a person  sports-day  it was claimed at" in report.text()
    assert len(sent(github.parent / "account")) == 1

    settled = fresh.run("publish", "--resolve", "sports-day", "--as", "published",
                        "https://x.com/TregarrowCP/status/1001", "--now", "2027-06-01T08:45")
    assert settled.exit_code == 0, settled.output
    later = run_here(runner(github, "runner-3"), github, at="2027-06-01T08:51")
    assert later.exit_code == 0 and "Nothing to do" in later.text()
    assert len(sent(github.parent / "account")) == 1


def test_two_runs_at_once_on_different_runners_send_the_post_once(github: Path) -> None:
    first, second = runner(github, "runner-1"), runner(github, "runner-2")
    runs = [run_elsewhere(first, github, "together", runs=2), run_elsewhere(second, github, "together", runs=2)]
    outputs = []
    for process in runs:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, out + err
        outputs.append(out)
    assert len(sent(github.parent / "account")) == 1
    assert sum("published       sports-day" in out for out in outputs) == 1
    assert sum("another publish run claimed sports-day first" in out for out in outputs) == 1
    assert [e["state"] for e in remote_ledger(github)] == ["claimed", "published"]


def test_a_push_overtaken_by_another_runs_push_keeps_both_runs_lines(github: Path, monkeypatch) -> None:
    """Another run (another post) pushes just before this run's claim: the claim is refused, fetched
    again, joined with the other run's lines and pushed; the post goes once and nothing is lost."""
    other = runner(github, "runner-2")
    approved(other, "other-news", "Our library is open late on Thursday.", publish_at="2027-05-20 08:30")
    school = runner(github, "runner-1")
    real_push = LedgerBranch.push
    overtaken = []

    def push_after_the_other_run(self, data, parent, message):
        if not overtaken:
            overtaken.append(True)
            other_line = b'{"at": "2027-06-01T08:31:00+01:00", "of": 1, "part": 0, "post": "other-news", ' \
                         b'"run": "other", "state": "published", "id": "999", "url": "https://x.com/a/status/999"}\n'
            assert real_push(LedgerBranch(other.root, "origin", BRANCH), other_line, parent, "other run") is not None
        return real_push(self, data, parent, message)

    monkeypatch.setattr(LedgerBranch, "push", push_after_the_other_run)
    report = run_here(school, github)
    assert report.exit_code == 0, report.text()
    posts = [(e["post"], e["state"]) for e in remote_ledger(github)]
    assert posts == [("other-news", "published"), ("sports-day", "claimed"), ("sports-day", "published")]
    assert len(sent(github.parent / "account")) == 1


def test_when_the_ledger_branch_refuses_the_claim_nothing_is_sent(github: Path) -> None:
    (github / "hooks" / "pre-receive").write_text(PROTECT_EVERYTHING, encoding="utf-8")
    report = run_here(runner(github, "runner-1"), github)
    assert report.exit_code == 2
    assert "not sent        sports-day  not sent, because its claim could not be saved first" in report.text()
    assert "could not be pushed to the branch 'postplan-ledger'" in report.text()
    assert sent(github.parent / "account") == []
    assert remote_ledger(github) == []


def test_a_ledger_kept_on_main_before_the_branch_still_counts_and_moves_to_the_branch(github: Path) -> None:
    seed = School.__new__(School)
    seed.root = github.parent / "seed"
    seed.mark_published("sports-day")
    merge_to_main(github, "content/posts/sun-hats.md", approved(seed, "sun-hats", "Remember sun hats!",
                                                                 publish_at="2027-06-01 08:30").read_text())
    report = run_here(runner(github, "runner-1"), github)
    assert "sports-day" not in report.text() and "published       sun-hats" in report.text()
    assert [m["post"] for m in sent(github.parent / "account")] == ["sun-hats"]
    assert {e["post"] for e in remote_ledger(github)} == {"sports-day", "sun-hats"}


def test_without_a_remote_the_ledger_stays_in_the_repository_file(school: School, tmp_path: Path) -> None:
    approved(school, "sports-day", "Sports Day is today!")
    git(school.root, "init", "--quiet", "-b", "main")
    platform = FolderPlatform(tmp_path / "account", tmp_path / "no-remote.git")
    report = publish(load(school.root), pinned(AT), Options(environ={}, publisher_for=lambda account: platform))
    assert report.exit_code == 0, report.text()
    assert ledger_states(school.root) == {"sports-day": "published"}
    assert (school.root / "ledger.jsonl").exists()


def branch_file(github: Path, name: str) -> str | None:
    done = subprocess.run(["git", "--git-dir", str(github), "show", f"{BRANCH}:{name}"], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def merge_to_main(github: Path, relative: str, text: str) -> None:
    """A change that reaches main the way a school's does: by a merged pull request (the hook is not asked)."""
    seed = github.parent / "seed"
    (seed / relative).parent.mkdir(parents=True, exist_ok=True)
    (seed / relative).write_text(text, encoding="utf-8")
    git(seed, "add", ".")
    git(seed, "commit", "--quiet", "-m", f"Change {relative}")
    hook = github / "hooks" / "pre-receive"
    hook.rename(github / "hooks" / "held")
    git(seed, "push", "--quiet", str(github), "main")
    (github / "hooks" / "held").rename(hook)


def test_the_feeds_state_is_kept_on_the_ledger_branch_when_main_is_protected(github: Path) -> None:
    merge_to_main(github, "calendar/events.yml", "events:\n  - id: sports-day-2027\n    title: Sports Day\n"
                  "    start: 2027-06-01 13:00\n    end: 2027-06-01 15:00\n")
    before = main_of(github)
    site = runner(github, "site-1")
    recorded = site.run("record-feeds", "--on-ledger-branch", "--now", "2027-05-01T05:00")
    assert recorded.exit_code == 0, recorded.output
    assert "Kept it on the ledger branch 'postplan-ledger'." in recorded.output
    kept = branch_file(github, "feed-state.json")
    assert kept is not None and "sports-day-2027" in kept
    assert main_of(github) == before

    run_here(runner(github, "runner-1"), github)  # the publisher's pushes keep the feeds' state beside the ledger
    assert branch_file(github, "feed-state.json") == kept and branch_file(github, "ledger.jsonl")

    again = runner(github, "site-2")
    result = again.run("record-feeds", "--on-ledger-branch", "--now", "2027-05-02T05:00")
    assert result.exit_code == 0, result.output
    assert (again.root / "calendar" / ".feed-state.json").read_text(encoding="utf-8") == kept
    assert "Kept it" not in result.output  # nothing changed, so nothing is pushed


def test_an_outcome_the_branch_refuses_is_kept_here_and_a_run_elsewhere_asks_a_person(github: Path) -> None:
    hook = github / "hooks" / "pre-receive"

    class RefusingAfterSend(FolderPlatform):
        def send(self, message):
            sent_message = super().send(message)
            hook.write_text(PROTECT_EVERYTHING, encoding="utf-8")  # the remote goes away after X accepted
            return sent_message

    school = runner(github, "runner-1")
    platform = RefusingAfterSend(github.parent / "account", github)
    report = publish(load(school.root), pinned(AT), Options(environ={}, publisher_for=lambda account: platform))
    assert report.exit_code == 1
    assert "The ledger did not take what happened to sports-day" in report.text()
    assert [e["state"] for e in remote_ledger(github)] == ["claimed"]

    elsewhere = run_here(runner(github, "runner-2"), github, at="2027-06-01T08:41")
    assert "needs a person  sports-day" in elsewhere.text()  # never sent again blindly
    hook.write_text(PROTECT_MAIN, encoding="utf-8")
    again = run_here(school, github, at="2027-06-01T08:51")  # the machine that kept the outcome pushes it
    assert again.exit_code == 0 and "Nothing to do" in again.text()
    assert [e["state"] for e in remote_ledger(github)] == ["claimed", "published"]
    assert len(sent(github.parent / "account")) == 1


def test_a_takedown_is_pushed_to_the_ledger_branch_before_anything_is_deleted(github: Path) -> None:
    from postplan.publish.takedown import TakedownError, takedown

    run_here(runner(github, "runner-1"), github)
    (github / "hooks" / "pre-receive").write_text(PROTECT_EVERYTHING, encoding="utf-8")
    refused = runner(github, "runner-2")
    with pytest.raises(TakedownError, match="could not be recorded, so nothing was deleted"):
        takedown(refused.root, "sports-day", pinned("2027-06-01T09:00"), environ={})
    assert [e["state"] for e in remote_ledger(github)] == ["claimed", "published"]
    (github / "hooks" / "pre-receive").write_text(PROTECT_MAIN, encoding="utf-8")
    report = takedown(runner(github, "runner-3").root, "sports-day", pinned("2027-06-01T09:00"), environ={})
    assert report.exit_code == 1 and "POSTPLAN_SCHOOL_API_KEY" in report.text()  # no keys here: not deleted yet
    assert [e["state"] for e in remote_ledger(github)][-1] == "takedown"
    assert ledger_states(runner(github, "runner-4").root) == {"sports-day": "taken-down"}  # every clone knows
