"""Claim: write down that a message is about to be sent, before it is sent.

The claim is on disk before the request leaves. If the run dies before the outcome is written, the
next run finds a claim with no outcome and asks a person, instead of sending the message again.
"""

from __future__ import annotations

import datetime as dt

from postplan.publish.ledger import CLAIMED, Ledger
from postplan.publish.platform import Message


def claim(ledger: Ledger, message: Message, content: str, account: str, platform: str, now: dt.datetime,
          run: str, likeness: dict | None = None) -> None:
    entry = {
        "post": message.post_id, "part": message.part, "of": message.parts, "state": CLAIMED,
        "hash": content, "account": account, "platform": platform, "at": now.isoformat(), "run": run,
    }
    if likeness is not None:  # the first part's claim: how to know the post again if it is renamed
        entry["likeness"] = likeness
    ledger.append(entry)
