"""Settle a message the publisher could not be sure about, after a person has looked at the account.

``postplan publish --resolve POST_ID --as published URL`` records that it did go out (a thread then
carries on with its next part); ``--as not-sent`` records that it did not, so the next run may send
it again while it is still within the grace window. A failed post can be released the same way.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from postplan.publish import record
from postplan.publish.content import platform_id
from postplan.publish.durable import open_ledger
from postplan.publish.accounts import AccountLedger
from postplan.publish.ledger import CLAIMED, FAILED, NOT_SENT, UNSURE, PostRecord, by_account, fold
from postplan.publish.platform import Message, NotSent, Sent

SETTLEABLE = (CLAIMED, UNSURE, FAILED)


class ResolveError(Exception):
    """The post has nothing to settle, or the answer is incomplete; the message says what to do."""


def resolve(root: Path, post_id: str, outcome: str, url: str | None, now: dt.datetime,
            account: str | None = None) -> str:
    """Record a person's answer for the post's unsettled message (on ``account``, for a post sent to
    several); returns what was recorded."""
    if outcome == "published" and not url:
        raise ResolveError("--as published needs the post's link, like https://x.com/TregarrowCP/status/123")
    ledger = open_ledger(root, writing=True)
    with ledger.lock() as held:
        if not held:
            raise ResolveError("a publish run is going on; try again when it has finished")
        account, record_ = _on_account(by_account(ledger.read().entries).get(post_id, {}), post_id, account)
        open_parts = [(part, entry) for part, entry in sorted(record_.parts.items()) if entry["state"] in SETTLEABLE]
        if not open_parts:
            raise ResolveError(f"'{post_id}' has nothing to settle: it is {record_.state}")
        part, entry = open_parts[0]
        ledger = AccountLedger(ledger, account) if account else ledger
        message = Message(post_id, part, record_.of, "")
        if outcome == "published":
            sent = Sent(platform_id(url), url)
            record.published(ledger, message, sent, entry.get("platform", "x"), now, "resolve", by="a person")
            return _saved(ledger, f"Recorded: {post_id} was published ({url}).")
        record.not_published(ledger, message, NotSent("a person checked: it was not sent", "resolved"),
                             NOT_SENT, now, "resolve")
        return _saved(ledger, f"Recorded: {post_id} was not sent; the next run sends it if it is still within "
                      "the grace window.")


def _on_account(accounts: dict[str, list[dict]], post_id: str, account: str | None) -> tuple[str, PostRecord]:
    """The account to settle and its record: the one named, or the only one with something to settle."""
    if not accounts:
        raise ResolveError(f"the ledger has nothing about '{post_id}'")
    records = {name: fold(found)[post_id] for name, found in accounts.items()}
    if account is not None:
        if account not in records:
            raise ResolveError(f"'{post_id}' was not sent to '{account}'; it went to: {', '.join(records)}")
        return account, records[account]
    unsettled = [name for name, found in records.items()
                 if any(entry["state"] in SETTLEABLE for entry in found.parts.values())]
    if len(unsettled) > 1:
        raise ResolveError(f"'{post_id}' is unsettled on {', '.join(unsettled)}: check one of them, then add "
                           "--account with its name")
    name = (unsettled or list(records))[0]
    return name, records[name]


def _saved(ledger, said: str) -> str:
    """What was recorded, unless the ledger branch did not take it (then the next run would not know)."""
    problems = getattr(ledger, "problems", [])
    if problems:
        raise ResolveError(" ".join(problems))
    return said
