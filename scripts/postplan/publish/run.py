"""One publishing run: load and check, take the lock, find due posts, send them, say what happened.

The order matters and is decided here once: everything is checked before anything is sent (a post
with errors never goes out); the lock is taken before the ledger is read (so two runs cannot both
decide to send the same post); each message is claimed before it is sent and recorded after.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from postplan.check import run_checks
from postplan.escape import terminal
from postplan.load import Loaded, load_repository
from postplan.models import Settings
from postplan.publish import past_now, record
from postplan.publish.credentials import (Credentials, CredentialsError, Scrubber, quiet_signing_logs,
                                          read_credentials, variable_names)
from postplan.publish.due import (BLOCKED, EDITED, LOOKS_SENT, MISS, NEEDS_PERSON, NOT_APPROVED, RESUME,
                                  SAME_CONTENT, SEND, Decision, deciding, due_posts)
from postplan.publish.ledger import OUTBOX_DIR, Ledger, LedgerError, fold, ledger_path
from postplan.publish.outbox import OutboxPublisher, describe
from postplan.publish.content import messages
from postplan.publish.platform import Publisher
from postplan.publish.send import send_post

EXIT_OK, EXIT_ATTENTION, EXIT_USAGE = 0, 1, 2
# Outcomes that mean a person should look: the scheduler alerts on exit code 1.
ATTENTION = {"failed", "needs a person", "blocked", "not sent", "unsure", "edited", "unreadable", "looks sent"}


@dataclass
class Report:
    """What a run did: one line per post acted on, notes, a summary and the exit code."""

    lines: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    exit_code: int = EXIT_OK

    def add(self, label: str, post_id: str, detail: str = "", more: list[str] | None = None) -> None:
        self.counts[label] += 1
        self.lines.append(f"{label:<15} {post_id}" + (f"  {detail}" if detail else ""))
        self.lines.extend(more or [])
        if label in ATTENTION:
            self.exit_code = max(self.exit_code, EXIT_ATTENTION)

    def summary(self) -> str:
        if not self.counts:
            return "Nothing to do: no post is due."
        return "Summary: " + ", ".join(f"{count} {label}" for label, count in self.counts.items()) + "."

    def text(self) -> str:
        return terminal("\n".join([*self.notes, *self.lines, self.summary()]))  # a post's text may hold escapes


@dataclass(frozen=True)
class Options:
    """How a run sends: tests inject ``sleep`` and ``clock`` (no real waits) and may replace the publishers."""

    dry_run: bool = False
    environ: Mapping[str, str] | None = None
    sleep: Callable[[float], None] | None = None
    clock: Callable[[], float] | None = None
    publisher_for: Callable[[str], Publisher] | None = None  # account id → publisher (tests)
    pinned_now: bool = False  # ``now`` came from --now or POSTPLAN_NOW, not the clock
    allow_past_now: bool = False  # --allow-past-now: a pinned time in the past may still send for real


class UsageError(Exception):
    """A problem with how postplan is set up to run (credentials, the ledger): exit code 2."""


def publish(root: Path, now: dt.datetime, options: Options = Options(), loaded: Loaded | None = None) -> Report:
    """Publish what is due at ``now``; never raises for a post's problem, only reports it."""
    loaded = loaded or load_repository(root)
    settings = loaded.repository.settings
    # Each post is checked on its own only if it could go out now; the comparisons see every post.
    findings = run_checks(loaded, now, root, only=deciding(loaded.repository, now))
    credentials = _credentials(settings, options)
    if credentials and options.pinned_now and not (options.dry_run or options.allow_past_now):
        refused = past_now.refusal(now)
        if refused:
            raise UsageError(refused)
    live = bool(credentials) or options.publisher_for is not None
    report = Report()
    report.notes.append(_mode_note(settings, options.dry_run, live, credentials))
    _report_unreadable(loaded, report)
    ledger = Ledger(ledger_path(root, outbox=not live))
    if options.dry_run:
        _decide_and_act(loaded, findings, ledger, root, now, report, None, live)
        return report
    with ledger.lock() as held:
        if not held:
            report.notes.append(f"Another publish run is going on ({ledger.lock_path.name} is locked): "
                                "this run leaves it to finish and sends nothing.")
            return report
        scrub = Scrubber([v for c in credentials.values() for v in c.values()])
        if credentials:
            quiet_signing_logs()
        publishers = _Publishers(root, settings, credentials, options, live)
        _decide_and_act(loaded, findings, ledger, root, now, report, _Sender(publishers, scrub, now), live)
    return report


def _decide_and_act(loaded: Loaded, findings, ledger: Ledger, root: Path, now: dt.datetime, report: Report,
                    sender: _Sender | None, live: bool) -> None:
    try:
        reading = ledger.read()
        # The outbox keeps its own ledger, but what really went out (the repository's ledger) still counts.
        history = [] if live else Ledger(ledger_path(root)).read().entries
    except LedgerError as error:
        raise UsageError(str(error)) from None
    report.notes.extend(reading.warnings)
    run = uuid.uuid4().hex[:12]
    for decision in due_posts(loaded.repository, findings, fold(history + reading.entries), now, root):
        if sender is None:
            _preview(decision, root, report)
        elif sender.stopped is not None and decision.action in (SEND, RESUME):
            report.add("not sent", decision.post.id, f"the run stopped: {sender.stopped}")
        else:
            _act(decision, ledger, root, now, run, report, sender)


def _act(decision: Decision, ledger: Ledger, root: Path, now: dt.datetime, run: str, report: Report,
         sender: _Sender) -> None:
    post = decision.post
    if decision.action in (SEND, RESUME):
        sender.send(decision, ledger, root, run, report)
    elif decision.action == MISS:
        record.missed(ledger, post.id, post.publish_at, decision.hash, decision.reason, now, run)
        report.add("missed", post.id, f"due {post.publish_at:%a %-d %b %H:%M}: {decision.reason}; not sent")
    elif decision.action == EDITED:
        record.edited(ledger, post.id, decision.hash, now, run)
        report.add("edited", post.id, decision.reason + " (write a new post to correct it)")
    elif decision.action == SAME_CONTENT:
        record.same_content(ledger, post.id, decision.hash, decision.reason, now, run)
        report.add("same content", post.id, decision.reason + "; not sent again (a renamed file?)")
    else:
        _report_unsent(decision, report)


def _report_unsent(decision: Decision, report: Report) -> None:
    """Posts nothing is recorded for: they may still go out on a later run once someone acts."""
    post = decision.post
    if decision.action == BLOCKED:
        report.add("blocked", post.id, decision.reason)
    elif decision.action == NEEDS_PERSON:
        report.add("needs a person", post.id, decision.reason + _resolve_hint(post.id))
    elif decision.action == NOT_APPROVED:
        report.add("not approved", post.id, decision.reason)
    elif decision.action == LOOKS_SENT:
        report.add("looks sent", post.id, decision.reason)


def _resolve_hint(post_id: str) -> str:
    return (f". Check the account, then run: postplan publish --resolve {post_id} --as published URL"
            " (or --as not-sent)")


def _preview(decision: Decision, root: Path, report: Report) -> None:
    """A dry run's line: what would be sent (in full) or recorded; nothing is written."""
    post = decision.post
    if decision.action in (SEND, RESUME):
        shown = [line for m in messages(post, root)[decision.start_part:] for line in describe(m, root)]
        report.add("would send", post.id, f"to {post.account}, due {post.publish_at:%a %-d %b %H:%M}", shown)
    elif decision.action == MISS:
        report.add("would miss", post.id, decision.reason)
    elif decision.action in (EDITED, SAME_CONTENT):
        report.add(decision.action.replace("-", " "), post.id, decision.reason)
    else:
        _report_unsent(decision, report)


class _Sender:
    """Sends decided posts, each through its account's publisher; remembers when the run must stop."""

    def __init__(self, publishers: _Publishers, scrub: Scrubber, now: dt.datetime):
        self.publishers, self.scrub, self.now = publishers, scrub, now
        self.stopped: str | None = None

    def send(self, decision: Decision, ledger: Ledger, root: Path, run: str, report: Report) -> None:
        post = decision.post
        publisher, why_not = self.publishers.get(post.account)
        if publisher is None:
            report.add("not sent", post.id, why_not)
            return
        outcome = send_post(decision, publisher, ledger, root, post.account, self.now, run, self.scrub)
        if outcome.state == "published":
            label = "outbox" if publisher.name == "outbox" else "published"
            report.add(label, post.id, (outcome.url or "") + (f" ({outcome.detail})" if outcome.detail else ""))
        else:
            label = {"unsure": "needs a person", "not-sent": "not sent"}.get(outcome.state, outcome.state)
            hint = _resolve_hint(post.id) if outcome.state == "unsure" else ""
            report.add(label, post.id, outcome.detail + hint)
        if outcome.stop is not None:
            self.stopped = self.scrub(outcome.stop.reason)
            report.exit_code = max(report.exit_code, outcome.stop.exit_code)


class _Publishers:
    """The publisher for each account, made when first needed (tweepy is imported only when posting)."""

    def __init__(self, root: Path, settings: Settings, credentials: dict[str, Credentials], options: Options,
                 live: bool):
        self.root, self.settings, self.credentials, self.options, self.live = root, settings, credentials, options, live
        self.made: dict[str, Publisher] = {}

    def get(self, account_id: str) -> tuple[Publisher | None, str]:
        if account_id not in self.made:
            publisher, why_not = self._make(account_id)
            if publisher is None:
                return None, why_not
            self.made[account_id] = publisher
        return self.made[account_id], ""

    def _make(self, account_id: str) -> tuple[Publisher | None, str]:
        if self.options.publisher_for is not None:
            return self.options.publisher_for(account_id), ""
        if not self.live:
            return OutboxPublisher(self.root / OUTBOX_DIR), ""
        account = self.settings.accounts[account_id]
        if account_id not in self.credentials:
            return None, f"no credentials for account '{account_id}': set {', '.join(variable_names(account_id))}"
        if account.platform != "x":
            return None, f"account '{account_id}' is on {account.platform}; postplan can only post to X so far"
        from postplan.publish.x import XPublisher

        extra = {k: v for k, v in (("sleep", self.options.sleep), ("clock", self.options.clock)) if v is not None}
        return XPublisher(account_id, account.handle, self.credentials[account_id], **extra), ""


def _credentials(settings: Settings, options: Options) -> dict[str, Credentials]:
    found = {}
    for account_id in settings.accounts:
        try:
            keys = read_credentials(account_id, options.environ)
        except CredentialsError as error:
            raise UsageError(str(error)) from None
        if keys is not None:
            found[account_id] = keys
    return found


def _mode_note(settings: Settings, dry_run: bool, live: bool, credentials: dict[str, Credentials]) -> str:
    if dry_run:
        return "Dry run: this shows what would be sent; nothing is sent and nothing is recorded."
    if not live:
        first = variable_names(settings.default_account)[0]
        return (f"No credentials are set (like {first}), so nothing is posted: messages are written to "
                f"{OUTBOX_DIR}/ instead, with their own ledger ({OUTBOX_DIR}/ledger.jsonl).")
    accounts = ", ".join(f"{settings.accounts[a].handle} ({a})" for a in credentials) or "test publishers"
    return f"Publishing to {accounts}."


def _report_unreadable(loaded: Loaded, report: Report) -> None:
    """Post files that could not be loaded: one may be an approved post that should be going out."""
    loaded_paths = {post.source.path for post in loaded.repository.posts}
    broken = sorted({f.path for f in loaded.findings if f.blocks and f.path.startswith("content/posts/")}
                    - loaded_paths)
    for path in broken:
        report.add("unreadable", path, "cannot be read, so it cannot be published (postplan validate shows why)")
