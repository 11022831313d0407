"""Mastodon: posts through Mastodon.py to the account's own server (``instance`` in the settings).

Every status is sent with an idempotency key made from the post's id, the part and its text
(Mastodon's ``Idempotency-Key`` header): the server answers a repeat of the same key with the status
it already made, so a retry (in this run, or the next run after a run was killed mid-request) can
never make a second status. Servers keep a key for about an hour (``KEY_KEPT``): an attempt older
than that is left to a person.

Images are uploaded with their alt text as the media description; a poll goes with the first part;
a thread is a chain of replies. Every status is public. Mastodon has no setting that stops replies,
so "the account does not reply to replies" stays a rule for the people running it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import time
from collections.abc import Callable
from typing import TypeVar

from mastodon import (Mastodon, MastodonAPIError, MastodonError, MastodonNetworkError, MastodonNotFoundError,
                      MastodonRatelimitError, MastodonServerError, MastodonUnauthorizedError)

from postplan.publish.credentials import Token, variable_names
from postplan.publish.platform import Attachment, Message, NotSent, Rejected, Sent, StopRun, Unsure

KEY_KEPT = dt.timedelta(minutes=50)  # Mastodon keeps an idempotency key for an hour; leave a margin
MIN_VERSION = "4.0.0"  # the instance API v2 (limits) and media API v2 are there from Mastodon 4.0
T = TypeVar("T")


def idempotency_key(message: Message) -> str:
    """The same key for every attempt at one part of one post with the same text, and no other."""
    digest = hashlib.sha256(f"{message.post_id}\n{message.part}\n{message.text}".encode("utf-8")).hexdigest()
    return f"postplan-{message.post_id[:60]}-{message.part}-{digest[:24]}"


class MastodonPublisher:
    """Sends messages to one Mastodon account. ``sleep`` is injectable so tests never wait."""

    name = "mastodon"

    def __init__(self, account_id: str, instance: str, token: Token, *,
                 sleep: Callable[[float], None] = time.sleep, attempts: int = 3,
                 backoff: tuple[float, ...] = (5, 30), timeout: float = 30):
        self.account_id, self.instance = account_id, instance
        self.sleep, self.attempts, self.backoff = sleep, attempts, backoff
        self.client = Mastodon(access_token=token.value, api_base_url=instance, request_timeout=timeout,
                               ratelimit_method="throw", mastodon_version=MIN_VERSION, version_check_mode="created",
                               user_agent="postplan")

    def send(self, message: Message) -> Sent:
        media_ids = [self._upload(attachment) for attachment in message.media]
        poll = None
        if message.poll:
            poll = self.client.make_poll(list(message.poll.options), expires_in=message.poll.minutes * 60)
        key = idempotency_key(message)
        status = self._attempt(lambda: self.client.status_post(
            message.text, in_reply_to_id=message.reply_to, media_ids=media_ids or None, poll=poll,
            visibility="public", idempotency_key=key), creates_post=True)
        return Sent(str(status["id"]), str(status.get("url") or status.get("uri") or ""))

    def settle(self, message: Message, claimed_at: dt.datetime, now: dt.datetime) -> Sent | None:
        """Finish an attempt whose outcome is unknown: sent again with the same key, the server returns the
        status it made then (or makes it now). Past the key's lifetime that is not safe: None."""
        if now - claimed_at > KEY_KEPT:
            return None
        return self.send(message)

    def delete(self, post_id: str) -> None:
        """Delete one of the account's statuses (a takedown); one already gone counts as deleted."""
        def delete() -> None:
            try:
                self.client.status_delete(post_id)
            except MastodonNotFoundError:
                pass  # deleted already
        self._attempt(delete, creates_post=False)

    # --- images -------------------------------------------------------------------------------

    def _upload(self, attachment: Attachment) -> str:
        """Upload one image with its alt text; returns the media id once the server has processed it."""
        kind = mimetypes.guess_type(attachment.path.name)[0]
        try:
            data = attachment.path.read_bytes()
        except OSError as error:
            raise NotSent(f"{attachment.path.name} cannot be read: {error.strerror}", "media") from None
        media = self._attempt(lambda: self.client.media_post(data, mime_type=kind, description=attachment.alt or None,
                                                             file_name=attachment.path.name), creates_post=False)
        for _ in range(10):  # large images are processed after the upload answers (202, no url yet)
            if media.get("url"):
                break
            self.sleep(1)
            media = self._attempt(lambda: self.client.media(media["id"]), creates_post=False)
        return str(media["id"])

    # --- answers and retries ------------------------------------------------------------------

    def _attempt(self, action: Callable[[], T], creates_post: bool) -> T:
        """Run one request, retrying server errors and lost connections (the key makes that safe)."""
        for attempt in range(1, self.attempts + 1):
            try:
                return _forbidden_apart(action)
            except MastodonRatelimitError:
                raise StopRun(f"{self.instance} rate limit was reached; nothing more is sent in this run",
                              "rate-limit") from None
            except (MastodonUnauthorizedError, _Forbidden):
                stop = StopRun(self._credentials_message(), "credentials")
                stop.exit_code = 2
                raise stop from None
            except MastodonServerError as error:
                problem = f"{self.instance} had a server error ({_status(error)})"
            except MastodonNetworkError:
                problem = f"{self.instance} could not be reached or did not answer"
            except MastodonNotFoundError:
                raise Rejected(f"{self.instance} says the post it answers is not there (404)", "refused") from None
            except MastodonAPIError as error:
                raise Rejected(f"{self.instance} refused it ({_status(error)}): {_said(error)}", "refused") from None
            except MastodonError as error:
                raise NotSent(f"postplan could not send it to {self.instance}: {error}", "refused") from None
            if attempt < self.attempts:
                self.sleep(self.backoff[min(attempt, len(self.backoff)) - 1])
        if creates_post:
            raise Unsure(f"{problem}, {self.attempts} tries; it may have been posted. The next run asks again "
                         "with the same key, which cannot post it twice", "server")
        raise NotSent(f"{problem}, {self.attempts} tries; nothing was posted", "server")

    def _credentials_message(self) -> str:
        return (f"{self.instance} refused the access token of account '{self.account_id}'. Check the "
                f"environment variable {variable_names(self.account_id, 'mastodon')[0]}: it must hold the access "
                "token of an application with the write:statuses and write:media scopes")


class _Forbidden(Exception):
    """403: the token is valid but may not do this (the application lacks a scope)."""


def _forbidden_apart(action: Callable[[], T]) -> T:
    try:
        return action()
    except MastodonAPIError as error:
        if _status(error) == "403":
            raise _Forbidden() from None
        raise


def _status(error: MastodonError) -> str:
    return str(error.args[1]) if len(error.args) > 1 else "?"


def _said(error: MastodonError) -> str:
    """The server's own words (Mastodon.py passes: message, status, reason, the server's error)."""
    said = [str(arg) for arg in error.args[2:4] if arg]
    return said[-1] if said else "no reason given"
