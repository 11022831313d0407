"""What a platform is to the publisher: something that sends one message and says where it went.

A post becomes one message per thread part. Keeping platforms behind this small interface lets
Mastodon or Bluesky be added beside X without touching how posts are found, claimed and recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class Attachment:
    """An image to upload with a message, and the alt text read aloud to people who cannot see it."""

    path: Path
    alt: str


@dataclass(frozen=True)
class PollChoice:
    options: tuple[str, ...]
    minutes: int


@dataclass(frozen=True)
class Message:
    """One platform post: a whole post, or one part of a thread (``part`` counts from 0)."""

    post_id: str
    part: int
    parts: int
    text: str
    media: tuple[Attachment, ...] = ()
    poll: PollChoice | None = None
    reply_to: str | None = None  # the platform id of the post this one answers (the previous thread part)


@dataclass(frozen=True)
class Sent:
    """Where a message went: its id on the platform and a link a person can open."""

    id: str
    url: str


class Publisher(Protocol):
    """A platform (or the outbox): sends one message, or raises one of the errors below."""

    name: str

    def send(self, message: Message) -> Sent: ...


# --- why a message did not go -------------------------------------------------------------------


@dataclass
class SendError(Exception):
    """A message that was not (or may not have been) sent; ``reason`` is safe to show and record."""

    reason: str
    kind: str = "error"

    def __str__(self) -> str:
        return self.reason


class NotSent(SendError):
    """Certainly nothing was posted (refused before it reached the platform): a later run may try again."""


class StopRun(NotSent):
    """Nothing was posted and nothing else should be tried in this run (bad credentials, long rate limit)."""

    exit_code: int = 1


class Rejected(SendError):
    """The platform refused the message (duplicate, invalid): final, a later run does not retry it."""


class Unsure(SendError):
    """The message may or may not have been posted (timeouts, server errors): a person must check."""

