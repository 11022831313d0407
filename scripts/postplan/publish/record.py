"""Record: write down what happened to a claimed message, or why a post was not sent at all.

Each function appends one entry. Errors are recorded through the scrubber, so a credential that
slipped into an error text never reaches the ledger.
"""

from __future__ import annotations

import datetime as dt

from postplan.publish.ledger import EDITED, MISSED, PUBLISHED, SAME_CONTENT, Ledger
from postplan.publish.platform import Message, SendError, Sent


def published(ledger: Ledger, message: Message, sent: Sent, platform: str, now: dt.datetime, run: str,
              by: str | None = None) -> None:
    entry = {"post": message.post_id, "part": message.part, "of": message.parts, "state": PUBLISHED,
             "platform": platform, "id": sent.id, "url": sent.url, "at": now.isoformat(), "run": run}
    if by:
        entry["resolved_by"] = by
    ledger.append(entry)


def not_published(ledger: Ledger, message: Message, error: SendError, state: str, now: dt.datetime, run: str,
                  scrub=str) -> None:
    """A failed, unsure or not-sent outcome, with the reason (and its kind, e.g. duplicate)."""
    ledger.append({"post": message.post_id, "part": message.part, "of": message.parts, "state": state,
                   "kind": error.kind, "error": scrub(error.reason), "at": now.isoformat(), "run": run})


def missed(ledger: Ledger, post_id: str, publish_at: dt.datetime, content: str, reason: str, now: dt.datetime,
           run: str) -> None:
    ledger.append({"post": post_id, "state": MISSED, "publish_at": publish_at.isoformat(), "hash": content,
                   "reason": reason, "at": now.isoformat(), "run": run})


def edited(ledger: Ledger, post_id: str, content: str, now: dt.datetime, run: str) -> None:
    ledger.append({"post": post_id, "state": EDITED, "hash": content, "at": now.isoformat(), "run": run})


def same_content(ledger: Ledger, post_id: str, content: str, reason: str, now: dt.datetime, run: str) -> None:
    ledger.append({"post": post_id, "state": SAME_CONTENT, "hash": content, "reason": reason,
                   "at": now.isoformat(), "run": run})
