"""One publishing run: take the lock, find due posts, send them, say what happened.

The pipeline checks everything before this runs (a post with errors never goes out) and hands over
the findings. The order within the run matters and is decided here once: the lock is taken before the ledger is read (so two runs cannot both
decide to send the same post); each message is claimed before it is sent and recorded after.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from postplan.escape import terminal
from postplan.findings import Finding
from postplan.load import Loaded
from postplan.models import Post, Repository, Settings
from postplan.platforms import dollars, x_charge
from postplan.publish import past_now, record
from postplan.publish.accounts import AccountLedger, Owners, accounts_in_use, by_account, on_account
from postplan.publish.credentials import (Credentials, CredentialsError, Scrubber, Token, keep_out_of_logs,
                                          read_credentials, variable_names)
from postplan.publish.due import (BLOCKED, EDITED, LOOKS_SENT, MISS, NEEDS_PERSON, NOT_APPROVED, RESUME,
                                  SAME_CONTENT, SEND, Decision, due_posts, next_up, when)
from postplan.publish.durable import open_ledger
from postplan.publish.exits import EXIT_ATTENTION, EXIT_MISSED, EXIT_OK, in_ci, missing_secrets
from postplan.publish.ledger import OUTBOX_DIR, Ledger, LedgerError
from postplan.publish.outbox import OutboxPublisher, describe
from postplan.publish.content import messages
from postplan.publish.platform import Publisher
from postplan.publish.publishers import SETTLES, make_publisher
from postplan.publish.send import send_post
from postplan.publish.settle import can_settle, settle_post

# Outcomes that mean a person should look: the scheduler alerts on exit code 1.
ATTENTION = {"failed", "needs a person", "blocked", "not sent", "unsure", "edited", "unreadable", "looks sent"}


@dataclass
class Report:
    """What a run did: one line per post acted on, notes, a summary and the exit code."""

    lines: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    exit_code: int = EXIT_OK
    x_charge: Decimal = Decimal(0)  # a dry run's estimate of what X would charge for what it would send
    on: str = ""  # the account the lines being added are about, for a post that goes to several

    def add(self, label: str, post_id: str, detail: str = "", more: list[str] | None = None) -> None:
        self.counts[label] += 1
        where = f" on {self.on}" if self.on else ""
        self.lines.append(f"{label:<15} {post_id}{where}" + (f"  {detail}" if detail else ""))
        self.lines.extend(more or [])
        if label in ATTENTION:
            self.exit_code = max(self.exit_code, EXIT_ATTENTION)
        if label == "missed":
            self.exit_code = max(self.exit_code, EXIT_MISSED)

    def summary(self) -> str:
        if not self.counts:
            return "Nothing to do: no post is due."
        charge = f" Estimated X charge: {dollars(self.x_charge)}." if self.x_charge else ""
        return "Summary: " + ", ".join(f"{count} {label}" for label, count in self.counts.items()) + "." + charge

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


def publish(loaded: Loaded, findings: list[Finding], now: dt.datetime, options: Options = Options()) -> Report:
    """Publish what is due at ``now``, given the check's findings; never raises for a post's problem, only
    reports it."""
    root = Path(loaded.repository.root)
    settings = loaded.repository.settings
    credentials = _credentials(settings, options)
    if credentials and options.pinned_now and not (options.dry_run or options.allow_past_now):
        refused = past_now.refusal(now)
        if refused:
            raise UsageError(refused)
    live = bool(credentials) or options.publisher_for is not None
    report = Report()
    report.notes.append(_mode_note(settings, options.dry_run, live, credentials))
    _report_unreadable(loaded, report)
    ledger = open_ledger(root, settings, outbox=not live, writing=not options.dry_run)
    if options.dry_run:
        _decide_and_act(loaded, findings, ledger, now, report, None, live)
        if not report.counts and (coming := next_up(loaded.repository, now)) is not None:
            report.notes.append(f"Next to go out: {coming.id}, {when(loaded.repository, coming)}.")
        return report
    with ledger.lock() as held:
        if not held:
            report.notes.append(f"Another publish run is going on ({ledger.lock_path.name} is locked): "
                                "this run leaves it to finish and sends nothing.")
            return report
        scrub = Scrubber([v for c in credentials.values() for v in c.values()])
        if credentials:
            keep_out_of_logs(*(v for c in credentials.values() for v in c.values()))
        publishers = _Publishers(root, settings, credentials, options, live)
        _decide_and_act(loaded, findings, ledger, now, report, _Sender(publishers, scrub, now), live)
    _report_ledger_problems(ledger, report)
    return report


def _decide_and_act(loaded: Loaded, findings: list[Finding], ledger: Ledger, now: dt.datetime, report: Report,
                    sender: _Sender | None, live: bool) -> None:
    root = Path(loaded.repository.root)
    try:
        reading = ledger.read()
        # The outbox keeps its own ledger, but what really went out (the repository's ledger) still counts.
        history = [] if live else open_ledger(root, loaded.repository.settings).read().entries
    except LedgerError as error:
        raise UsageError(str(error)) from None
    report.notes.extend(reading.warnings)
    run = uuid.uuid4().hex[:12]
    decisions = _decisions(loaded.repository, findings, history + reading.entries, now)
    if sender is not None:
        _require_credentials(decisions, sender)
    several = {post.id for post in loaded.repository.posts if len(post.accounts) > 1}
    owners = Owners(loaded.repository)
    for decision in decisions:
        report.on = decision.post.account if decision.post.id in several else ""
        stopped = sender.stopped_for(decision.post.account) if sender is not None else None
        if sender is None:
            _preview(decision, report, loaded.repository)
        elif stopped is not None and decision.action in (SEND, RESUME):
            report.add("not sent", decision.post.id, f"the run stopped: {stopped}")
        else:
            _act(decision, AccountLedger(ledger, decision.post.account, owners), root, now, run, report, sender)


def _decisions(repository: Repository, findings: list[Finding], entries: list[dict],
               now: dt.datetime) -> list[Decision]:
    """What to do about each due post on each of its accounts, each account read from its own entries."""
    records = by_account(repository, entries)
    decisions = [decision for account in accounts_in_use(repository)
                 for decision in due_posts(on_account(repository, account), findings, records.get(account, {}), now)]
    return sorted(decisions, key=lambda d: (d.post.publish_at, d.post.id))  # stable: accounts in settings order



def _require_credentials(decisions: list[Decision], sender: _Sender) -> None:
    """In CI, posts about to go out with no credentials for their account are an error, not an outbox."""
    publishers = sender.publishers
    if publishers.options.publisher_for is not None or not in_ci(publishers.options.environ):
        return
    due = [d.post.account for d in decisions if d.action in (SEND, RESUME)]
    problem = missing_secrets(due, publishers.credentials)
    if problem:
        raise UsageError(problem)


def _report_ledger_problems(ledger, report: Report) -> None:
    """Entries the ledger branch did not take (kept on this machine only): a person should know."""
    for problem in getattr(ledger, "problems", []):
        report.notes.append(problem)
        report.exit_code = max(report.exit_code, EXIT_ATTENTION)


def _act(decision: Decision, ledger: Ledger, root: Path, now: dt.datetime, run: str, report: Report,
         sender: _Sender) -> None:
    post = decision.post
    if decision.action in (SEND, RESUME):
        sender.send(decision, ledger, root, run, report)
    elif decision.action == NEEDS_PERSON and sender.settle(decision, ledger, root, run, report):
        pass  # the platform itself said where the unsure part is (publish/settle.py)
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
        report.add("needs a person", post.id, decision.reason + _resolve_hint(post.id, report.on))
    elif decision.action == NOT_APPROVED:
        report.add("not approved", post.id, decision.reason)
    elif decision.action == LOOKS_SENT:
        report.add("looks sent", post.id, decision.reason)


def _resolve_hint(post_id: str, account: str = "") -> str:
    which = f" --account {account}" if account else ""
    return (f". Check the account, then run: postplan publish --resolve {post_id}{which} --as published URL"
            " (or --as not-sent)")


def _preview(decision: Decision, report: Report, repository: Repository) -> None:
    """A dry run's line: what would be sent (in full) or recorded; nothing is written."""
    post, root, settings = decision.post, Path(repository.root), repository.settings
    account = settings.accounts.get(post.account)
    if decision.action == NEEDS_PERSON and account is not None and account.platform in SETTLES:
        report.add("would settle", post.id, f"{decision.reason}: the run asks {account.platform} where it is first")
        return
    if decision.action in (SEND, RESUME):
        sending = messages(post, root)[decision.start_part:]
        shown = [line for m in sending for line in describe(m, root)]
        if account is not None and account.platform == "x":
            charge, words = x_charge([m.text for m in sending], settings.x_prices)
            report.x_charge += charge
            shown.append(f"    estimated X charge: {dollars(charge)} ({words})")
        report.add("would send", post.id, f"to {post.account}, due {when(repository, post)}", shown)
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
        self.stopped: dict[str, str] = {}  # account → why this run sends nothing more to it ("" key: to any)

    def stopped_for(self, account: str) -> str | None:
        """Why nothing more goes to this account in this run: its own stop, or one that stops every account."""
        return self.stopped.get("", self.stopped.get(account))

    def send(self, decision: Decision, ledger: Ledger, root: Path, run: str, report: Report) -> None:
        post = decision.post
        publisher, why_not = self.publishers.get(post.account)
        if publisher is None:
            report.add("not sent", post.id, why_not)
            return
        outcome = send_post(decision, publisher, ledger, root, post.account, self.now, run, self.scrub)
        self._report(post, publisher, outcome, report)

    def settle(self, decision: Decision, ledger: Ledger, root: Path, run: str, report: Report) -> bool:
        """Ask the platform about a part whose outcome is unknown, where it can tell; False: a person must."""
        post = decision.post
        grace = dt.timedelta(minutes=self.publishers.settings.publish_grace_minutes)
        publisher, _ = self.publishers.get(post.account)
        if publisher is None or self.stopped_for(post.account) is not None or not can_settle(publisher) or \
                self.now - post.publish_at > grace:
            return False
        outcome = settle_post(decision, publisher, ledger, root, post.account, self.now, run, self.scrub)
        if outcome is None:
            return False
        self._report(post, publisher, outcome, report)
        return True

    def _report(self, post: Post, publisher: Publisher, outcome, report: Report) -> None:
        post_id = post.id
        if outcome.state == "published":
            label = "outbox" if publisher.name == "outbox" else "published"
            report.add(label, post_id, (outcome.url or "") + (f" ({outcome.detail})" if outcome.detail else ""))
        else:
            settles = can_settle(publisher)  # an unsure part is then settled by the next run, by asking
            label = {"unsure": "unsure" if settles else "needs a person", "not-sent": "not sent"}.get(
                outcome.state, outcome.state)
            hint = _resolve_hint(post_id, report.on) if outcome.state == "unsure" and not settles else ""
            report.add(label, post_id, outcome.detail + hint)
        if outcome.stop is not None:  # the ledger failing stops every account; a platform's stop, its own
            self.stopped["" if outcome.stop.kind == "ledger" else post.account] = self.scrub(outcome.stop.reason)
            report.exit_code = max(report.exit_code, outcome.stop.exit_code)


class _Publishers:
    """The publisher for each account, made when first needed (tweepy is imported only when posting)."""

    def __init__(self, root: Path, settings: Settings, credentials: dict[str, Credentials | Token],
                 options: Options, live: bool):
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
            names = ", ".join(variable_names(account_id, account.platform))
            return None, f"no credentials for account '{account_id}': set {names}"
        extra = {k: v for k, v in (("sleep", self.options.sleep), ("clock", self.options.clock)) if v is not None}
        return make_publisher(account_id, account, self.credentials[account_id], extra), ""


def _credentials(settings: Settings, options: Options) -> dict[str, Credentials | Token]:
    found = {}
    for account_id, account in settings.accounts.items():
        try:
            keys = read_credentials(account_id, options.environ, account.platform)
        except CredentialsError as error:
            raise UsageError(str(error)) from None
        if keys is not None:
            found[account_id] = keys
    return found


def _mode_note(settings: Settings, dry_run: bool, live: bool, credentials: dict[str, Credentials | Token]) -> str:
    if dry_run:
        return "Dry run: this shows what would be sent; nothing is sent and nothing is recorded."
    if not live:
        first = variable_names(settings.default_account, settings.accounts[settings.default_account].platform)[0]
        return (f"No credentials are set (like {first}), so nothing is posted: messages are written to "
                f"{OUTBOX_DIR}/ instead, with their own ledger ({OUTBOX_DIR}/ledger.jsonl).")
    accounts = ", ".join(f"{settings.accounts[a].handle} ({a})" for a in credentials) or "test publishers"
    return f"Publishing to {accounts}."


def _report_unreadable(loaded: Loaded, report: Report) -> None:
    """Post files that could not be loaded: one may be an approved post that should be going out."""
    loaded_paths = {post.source.path for post in loaded.repository.posts}
    broken = sorted({p.path for p in loaded.problems if p.path.startswith("content/posts/")} - loaded_paths)
    for path in broken:
        report.add("unreadable", path, "cannot be read, so it cannot be published (postplan validate shows why)")
