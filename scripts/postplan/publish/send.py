"""Send: one post's messages through a publisher, each claimed before and recorded after.

A thread's parts go one by one, each answering the part before. Every part is recorded as it goes
out, so a run that stops mid-thread is carried on by the next run from the right part, or (when a
part's outcome is unknown) reported to a person.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from postplan.publish import record
from postplan.publish.claim import claim
from postplan.publish.content import messages
from postplan.publish.due import Decision
from postplan.publish.durable import NotDurable
from postplan.publish.exits import EXIT_USAGE
from postplan.publish.likeness import likeness
from postplan.publish.ledger import FAILED, NOT_SENT, UNSURE, Ledger
from postplan.publish.platform import Message, Publisher, Rejected, SendError, Sent, StopRun, Unsure


@dataclass(frozen=True)
class Outcome:
    """What happened to one post in this run: published (with its link) or why not."""

    state: str  # published | failed | unsure | not-sent
    detail: str
    url: str | None = None
    stop: StopRun | None = None  # set when the whole run must stop after this post


def _public(message: Message, root: Path) -> Message:
    """The message with clean copies of its pictures: no metadata, at most the settings' size, upright."""
    if not message.media:
        return message
    from postplan.photos import public_file
    from postplan.settings import load_settings

    side = load_settings(root).photo_max_side
    media = tuple(dataclasses.replace(a, path=public_file(a.path, root, side)) for a in message.media)
    return dataclasses.replace(message, media=media)


def send_post(decision: Decision, publisher: Publisher, ledger: Ledger, root: Path, account: str,
              now: dt.datetime, run: str, scrub=str) -> Outcome:
    """Send every part still to go, stopping at the first part that does not go."""
    reply_to = decision.reply_to
    first: Sent | None = None
    for message in messages(decision.post, root)[decision.start_part:]:
        if reply_to is not None:
            message = dataclasses.replace(message, reply_to=reply_to)
        looks = likeness(decision.post, root) if message.part == 0 else None
        try:
            claim(ledger, message, decision.hash, account, publisher.name, now, run, looks)
        except NotDurable as error:
            return _unclaimed(error)
        try:
            sent = publisher.send(_public(message, root))
        except SendError as error:
            return not_published(ledger, message, error, now, run, scrub)
        except Exception as error:  # noqa: BLE001 - after a claim, any surprise means "it may have gone"
            surprise = Unsure(f"an unexpected error while sending ({type(error).__name__}: {error})", "unexpected")
            return not_published(ledger, message, surprise, now, run, scrub)
        record.published(ledger, message, sent, publisher.name, now, run)
        first = first or sent
        reply_to = sent.id
    parts = len(decision.post.parts)
    detail = f"a thread of {parts} parts" if parts > 1 else ""
    return Outcome("published", detail, first.url if first else None)


def _unclaimed(error: NotDurable) -> Outcome:
    """The claim is not where the next run would see it, so the message is not sent (and nothing after it)."""
    if error.taken:
        return Outcome("claimed elsewhere", error.reason)
    stop = StopRun(f"the ledger could not be saved before sending: {error.reason}", "ledger")
    stop.exit_code = EXIT_USAGE
    return Outcome(NOT_SENT, f"not sent, because its claim could not be saved first: {error.reason}", stop=stop)


def not_published(ledger: Ledger, message: Message, error: SendError, now: dt.datetime, run: str, scrub) -> Outcome:
    state = UNSURE if isinstance(error, Unsure) else FAILED if isinstance(error, Rejected) else NOT_SENT
    record.not_published(ledger, message, error, state, now, run, scrub)
    where = f"part {message.part + 1} of {message.parts}: " if message.parts > 1 else ""
    stop = error if isinstance(error, StopRun) else None
    return Outcome(state, where + scrub(error.reason), stop=stop)
