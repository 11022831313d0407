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
from postplan.publish.ledger import CLAIMED, FAILED, NOT_SENT, UNSURE, fold
from postplan.publish.platform import Message, NotSent, Sent

SETTLEABLE = (CLAIMED, UNSURE, FAILED)


class ResolveError(Exception):
    """The post has nothing to settle, or the answer is incomplete; the message says what to do."""


def resolve(root: Path, post_id: str, outcome: str, url: str | None, now: dt.datetime) -> str:
    """Record a person's answer for the post's unsettled message; returns what was recorded."""
    if outcome == "published" and not url:
        raise ResolveError("--as published needs the post's link, like https://x.com/TregarrowCP/status/123")
    ledger = open_ledger(root, writing=True)
    with ledger.lock() as held:
        if not held:
            raise ResolveError("a publish run is going on; try again when it has finished")
        record_ = fold(ledger.read().entries).get(post_id)
        if record_ is None:
            raise ResolveError(f"the ledger has nothing about '{post_id}'")
        open_parts = [(part, entry) for part, entry in sorted(record_.parts.items()) if entry["state"] in SETTLEABLE]
        if not open_parts:
            raise ResolveError(f"'{post_id}' has nothing to settle: it is {record_.state}")
        part, entry = open_parts[0]
        message = Message(post_id, part, record_.of, "")
        if outcome == "published":
            sent = Sent(platform_id(url), url)
            record.published(ledger, message, sent, entry.get("platform", "x"), now, "resolve", by="a person")
            return _saved(ledger, f"Recorded: {post_id} was published ({url}).")
        record.not_published(ledger, message, NotSent("a person checked: it was not sent", "resolved"),
                             NOT_SENT, now, "resolve")
        return _saved(ledger, f"Recorded: {post_id} was not sent; the next run sends it if it is still within "
                      "the grace window.")


def _saved(ledger, said: str) -> str:
    """What was recorded, unless the ledger branch did not take it (then the next run would not know)."""
    problems = getattr(ledger, "problems", [])
    if problems:
        raise ResolveError(" ".join(problems))
    return said
