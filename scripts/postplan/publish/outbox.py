"""Sending nowhere: the outbox (files in ``outbox/``) and the dry run's description of a message.

With no credentials set, ``postplan publish`` writes each message to ``outbox/`` instead of posting
it, with its own ledger (``outbox/ledger.jsonl``), so the whole path can be tried safely and the
repository's ledger never marks a post as sent when it was not.
"""

from __future__ import annotations

import json
from pathlib import Path

from postplan.publish.platform import Message, Sent


class OutboxPublisher:
    """Writes each message as a JSON file: what would have been posted, images and alt text included."""

    name = "outbox"

    def __init__(self, folder: Path):
        self.folder = folder

    def send(self, message: Message) -> Sent:
        self.folder.mkdir(parents=True, exist_ok=True)
        suffix = f".part-{message.part + 1}" if message.parts > 1 else ""
        path = self.folder / f"{message.post_id}{suffix}.json"
        data = {
            "post": message.post_id,
            "part": message.part + 1,
            "of": message.parts,
            "text": message.text,
            "media": [{"file": str(a.path), "alt": a.alt} for a in message.media],
            "poll": {"options": list(message.poll.options), "minutes": message.poll.minutes} if message.poll else None,
            "reply_to": message.reply_to,
        }
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return Sent(id=f"{message.post_id}{suffix}", url=f"{self.folder.name}/{path.name}")


def describe(message: Message, root: Path) -> list[str]:
    """The message as a person reads it in a dry run: the text, then images, poll and reply."""
    heading = f"part {message.part + 1} of {message.parts}" if message.parts > 1 else "text"
    lines = [f"    {heading}:"] + [f"      | {line}" for line in message.text.splitlines()]
    for attachment in message.media:
        shown = attachment.path.relative_to(root) if attachment.path.is_relative_to(root) else attachment.path
        lines.append(f"      image: {shown.as_posix()} (alt: {attachment.alt})")
    if message.poll:
        lines.append(f"      poll: {' / '.join(message.poll.options)} for {message.poll.minutes} minutes")
    if message.reply_to:
        lines.append(f"      in reply to: {message.reply_to}")
    return lines
