"""Settle a part whose outcome is unknown (a run died mid-request, or the platform did not answer), by
asking the platform rather than a person, where the platform makes that safe.

A publisher that can do this has ``settle(message, claimed_at, now)``: Bluesky looks the record up by
its key (and sends it under that key if it is not there); Mastodon sends it again with the same
idempotency key while the server still knows the key; X and Facebook read the account's own recent
posts and match the part as sent (and send it if it is not there). It returns where the part is, or
None when it cannot tell: then the post waits for a person (``publish --resolve``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from postplan.publish import record
from postplan.publish.content import messages
from postplan.publish.due import RESUME, Decision
from postplan.publish.ledger import CLAIMED, PUBLISHED, Ledger, fold
from postplan.publish.platform import Publisher, Rejected, SendError, StopRun, Unsure
from postplan.publish.send import Outcome, not_published, send_post


def can_settle(publisher: Publisher) -> bool:
    return callable(getattr(publisher, "settle", None))


def settle_post(decision: Decision, publisher: Publisher, ledger: Ledger, root: Path, account: str,
                now: dt.datetime, run: str, scrub=str) -> Outcome | None:
    """Settle the post's pending part and send the parts after it; None when a person must look."""
    post = decision.post
    entries = ledger.read().entries
    found = fold(entries).get(post.id)
    pending = found.pending() if found else None
    if found is None or pending is None or found.hash != decision.hash:
        return None  # edited since it was claimed: what went out is not what the file says now
    part, _ = pending
    message = messages(post, root)[part]
    if part > 0:
        before = found.parts.get(part - 1, {})
        if before.get("state") != PUBLISHED:
            return None
        message = dataclasses.replace(message, reply_to=before["id"])
    try:
        sent = publisher.settle(message, _first_claim(entries, post.id, part), now)
    except (Rejected, Unsure) as error:
        return not_published(ledger, message, error, now, run, scrub)
    except SendError as error:  # the earlier attempt is still not known to have failed: stay unsure
        outcome = not_published(ledger, message, Unsure(f"not settled: {error.reason}", error.kind), now, run, scrub)
        return dataclasses.replace(outcome, stop=error if isinstance(error, StopRun) else None)
    if sent is None:
        return None
    record.published(ledger, message, sent, publisher.name, now, run, by="looking")
    if part + 1 < len(post.parts):
        rest = Decision(post, RESUME, "", decision.hash, part + 1, sent.id)
        outcome = send_post(rest, publisher, ledger, root, account, now, run, scrub)
        if part > 0 or outcome.state != "published":
            return outcome
    detail = f"a thread of {len(post.parts)} parts" if len(post.parts) > 1 else ""
    return Outcome("published", (detail + "; " if detail else "") + "an earlier attempt was settled", sent.url)


def _first_claim(entries: list[dict], post_id: str, part: int) -> dt.datetime:
    """When this part was first claimed: the earliest moment it can have gone out."""
    times = [entry["at"] for entry in entries
             if entry["post"] == post_id and entry.get("part") == part and entry["state"] == CLAIMED]
    return min((dt.datetime.fromisoformat(at) for at in times), default=dt.datetime.min.replace(tzinfo=dt.timezone.utc))
