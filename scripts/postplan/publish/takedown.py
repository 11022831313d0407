"""Take a post down: delete every part of it from every account it went to, and say so in the ledger.

A post that should not have gone out (a photo without consent, a wrong date) is taken down with
``postplan takedown POST``. The request is written to the ledger first and, like a claim, counts only
once it is stored where every run sees it: from then on no run sends the post again and the next site
build leaves it out, even if a platform cannot be reached now. Then each part still up is deleted
through its account's publisher (the last part of a thread first, so no reply is left hanging) and
recorded. Running it again deletes only what is still up.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from postplan.escape import terminal
from postplan.publish.credentials import (CredentialsError, Scrubber, keep_out_of_logs, read_credentials,
                                          variable_names)
from postplan.publish.durable import NotDurable, open_ledger
from postplan.publish.exits import EXIT_ATTENTION, EXIT_OK
from postplan.publish.ledger import CLAIMED, PUBLISHED, TAKEDOWN, TAKEN_DOWN, UNSURE, LedgerError, by_account, fold
from postplan.publish.platform import SendError, StopRun
from postplan.publish.publishers import make_publisher


class TakedownError(Exception):
    """Nothing was deleted (unknown post, the ledger could not take the request); the message says why."""


@dataclass(frozen=True)
class UpPart:
    """One part of the post that is on an account now."""

    post: str
    account: str
    platform: str
    part: int
    of: int
    id: str
    url: str


@dataclass
class TakedownReport:
    lines: list[str] = field(default_factory=list)
    exit_code: int = EXIT_OK

    def text(self) -> str:
        return terminal("\n".join(self.lines))


def takedown(root: Path, post_id: str, now: dt.datetime, environ: Mapping[str, str] | None = None,
             sleep: Callable[[float], None] | None = None, reason: str = "") -> TakedownReport:
    """Delete ``post_id`` from every account it went to and record it; safe to run again."""
    from postplan.settings import load_settings

    settings = load_settings(Path(root))
    ledger = open_ledger(Path(root), settings, writing=True)
    with ledger.lock() as held:
        if not held:
            raise TakedownError("a publish run is going on; try again when it has finished")
        try:
            entries = ledger.read().entries
        except LedgerError as error:
            raise TakedownError(str(error)) from None
        record = fold(entries).get(post_id)
        if record is None:
            raise TakedownError(f"the ledger has nothing about '{post_id}': it was never sent, so there is "
                                "nothing to take down (to stop it going out, set its status back to draft)")
        run = uuid.uuid4().hex[:12]
        if not record.taken_down:
            _ask(ledger, post_id, reason, now, run)
        report = TakedownReport()
        _delete_all(ledger, still_up(entries, post_id, settings.default_account), settings, environ, sleep, now,
                    run, report)
        _unknown_parts(entries, post_id, settings.default_account, report)
    for problem in getattr(ledger, "problems", []):
        report.lines.append(problem)
        report.exit_code = EXIT_ATTENTION
    report.lines.append(f"{post_id} is taken down from every account it went to; the next site build leaves it out."
                        if report.exit_code == EXIT_OK else
                        f"{post_id} is marked taken down (never sent again, left out of the next site build), but "
                        f"not everything was deleted: once fixed, run postplan takedown {post_id} again.")
    return report


def _ask(ledger, post_id: str, reason: str, now: dt.datetime, run: str) -> None:
    """The takedown request, stored for every run to see before anything is deleted."""
    entry = {"post": post_id, "state": TAKEDOWN, "at": now.isoformat(), "run": run}
    if reason:
        entry["reason"] = reason
    try:
        ledger.append(entry)
    except NotDurable as error:
        raise TakedownError(f"the takedown could not be recorded, so nothing was deleted: {error.reason}") from None


def _by_account(entries: list[dict], post_id: str, default_account: str) -> Iterator[tuple[str, int, dict]]:
    """The post's part entries, each with the account it is about (publish/ledger.py ``by_account``)."""
    for account, found in by_account(entries).get(post_id, {}).items():
        for entry in (e for e in found if "part" in e):
            yield account or default_account, int(entry["part"]), entry


def still_up(entries: list[dict], post_id: str, default_account: str) -> list[UpPart]:
    """The post's parts published and not yet deleted, on each account it went to, last part first."""
    up: dict[tuple[str, int], UpPart] = {}
    for account, part, entry in _by_account(entries, post_id, default_account):
        if entry["state"] == PUBLISHED and entry.get("id") is not None:
            up[(account, part)] = UpPart(post_id, account, entry.get("platform", "x"), part,
                                         int(entry.get("of", 1)), str(entry["id"]), entry.get("url") or "")
        elif entry["state"] == TAKEN_DOWN:
            up.pop((account, part), None)
    return [up[key] for key in sorted(up, key=lambda key: (key[0], -key[1]))]


def _delete_all(ledger, parts: list[UpPart], settings, environ, sleep, now: dt.datetime, run: str,
                report: TakedownReport) -> None:
    """Delete each part through its account's publisher, recording each one deleted."""
    publishers: dict[str, object] = {}
    stopped: dict[str, str] = {}
    scrub = Scrubber()
    for part in parts:
        where = f"part {part.part + 1} of {part.of} on {part.account}" if part.of > 1 else f"on {part.account}"
        if part.account not in publishers and part.account not in stopped:
            publisher, why_not = _publisher(part.account, settings, environ, sleep, scrub)
            publishers[part.account] = publisher
            if publisher is None:
                stopped[part.account] = why_not
        if part.account in stopped:
            report.lines.append(f"not deleted   {where} ({part.url}): {stopped[part.account]}")
            report.exit_code = EXIT_ATTENTION
            continue
        try:
            publishers[part.account].delete(part.id)
        except SendError as error:
            report.lines.append(f"not deleted   {where} ({part.url}): {scrub(error.reason)}")
            report.exit_code = EXIT_ATTENTION
            if isinstance(error, StopRun):
                stopped[part.account] = scrub(error.reason)
            continue
        ledger.append({"post": part.post, "part": part.part, "of": part.of, "state": TAKEN_DOWN,
                       "platform": part.platform, "account": part.account, "id": part.id, "at": now.isoformat(),
                       "run": run})
        report.lines.append(f"deleted       {where} ({part.url})")


def _publisher(account_id: str, settings, environ, sleep, scrub: Scrubber):
    """The account's publisher, or None and why (an account gone from the settings, no credentials)."""
    account = settings.accounts.get(account_id)
    if account is None:
        return None, f"the account '{account_id}' is no longer in the settings; delete it there by hand"
    try:
        credentials = read_credentials(account_id, environ, account.platform)
    except CredentialsError as error:
        return None, str(error)
    if credentials is None:
        names = ", ".join(variable_names(account_id, account.platform))
        return None, f"no credentials for account '{account_id}': set {names}"
    scrub.add(*credentials.values())
    keep_out_of_logs(*credentials.values())
    return make_publisher(account_id, account, credentials, {"sleep": sleep} if sleep else {}), ""


def _unknown_parts(entries: list[dict], post_id: str, default_account: str, report: TakedownReport) -> None:
    """Parts that may have gone out without the ledger knowing where: a person must look for them."""
    last = {(account, part): entry for account, part, entry in _by_account(entries, post_id, default_account)}
    for (account, part), entry in sorted(last.items()):
        if entry["state"] in (CLAIMED, UNSURE):
            report.lines.append(f"look by hand  part {part + 1}: it may have gone out to {account} on "
                                f"{entry.get('platform', 'x')} but the ledger has no link for it; delete it on "
                                "the account if it is there")
            report.exit_code = EXIT_ATTENTION
