"""A Facebook Page: posts through the Graph API with ``requests``, with a Page access token.

Text goes to ``/{page-id}/feed``. Photos are uploaded unpublished (``/{page-id}/photos`` with
``published=false`` and their alt text as ``alt_text_custom``) and attached to one feed post with
``attached_media``, so the page shows one post with its photos. A Page post is one post: threads and
polls are refused by ``validate`` (the Graph API has no Page polls), never half-sent here.

The Graph API has no idempotency key. When a post's outcome is unknown (a lost answer, a run killed
mid-request), the page's recent posts are read and matched by their text before anything is sent
again; the token needs ``pages_read_engagement`` for that, besides ``pages_manage_posts``.
"""

from __future__ import annotations

import datetime as dt
import json
import mimetypes
import time
from collections.abc import Callable

import requests

from postplan.publish.credentials import Token, variable_names
from postplan.publish.retry import NoAnswer as _Unknown
from postplan.publish.retry import retried
from postplan.publish.platform import Attachment, Message, NotSent, Rejected, Sent, StopRun, Unsure

GRAPH = "https://graph.facebook.com"
VERSION = "v25.0"
RATE_LIMITS = {4, 17, 32, 613}  # Graph API error codes for "too many calls"
TOKEN_ERRORS = {190, 102, 10, 200}  # the token is invalid, expired, or lacks a permission
DUPLICATE = 506
GONE = 100  # a DELETE of a post that is not there: "Unsupported delete request" (or "does not exist")
RECENT = 10  # recent page posts read to settle an unknown outcome
CLOCK_SLACK = dt.timedelta(minutes=10)


class FacebookPublisher:
    """Sends messages to one Facebook Page. ``sleep`` is injectable so tests never wait."""

    name = "facebook"

    def __init__(self, account_id: str, page_id: str, token: Token, *, graph: str = GRAPH,
                 sleep: Callable[[float], None] = time.sleep, attempts: int = 3,
                 backoff: tuple[float, ...] = (5, 30), timeout: float = 30):
        self.account_id, self.page_id, self.token = account_id, page_id, token.value
        self.graph = f"{graph.rstrip('/')}/{VERSION}"  # a Page's edges are /{page-id}/…, a post is /{post-id}
        self.sleep, self.attempts, self.backoff, self.timeout = sleep, attempts, backoff, timeout
        self.session = requests.Session()

    def send(self, message: Message) -> Sent:
        started = dt.datetime.now(dt.timezone.utc)
        photos = [self._upload(attachment) for attachment in message.media]
        fields = {"message": message.text}
        for number, photo in enumerate(photos):
            fields[f"attached_media[{number}]"] = json.dumps({"media_fbid": photo})
        for attempt in range(1, self.attempts + 1):
            try:
                return self._sent(self._request("POST", f"/{self.page_id}/feed", data=fields)["id"])
            except _Unknown as unknown:
                problem = unknown.problem
            try:
                found = self._look(message, started)
            except NotSent:
                raise Unsure(f"{problem}, and the page could not be read to see if it went out", "server") from None
            if found:
                return found
            if attempt < self.attempts:
                self.sleep(self.backoff[min(attempt, len(self.backoff)) - 1])
        raise Unsure(f"{problem}, {self.attempts} tries; the next run reads the page to see if it went out",
                     "server")

    def settle(self, message: Message, claimed_at: dt.datetime, now: dt.datetime) -> Sent | None:
        """Read the page's recent posts: one with the same text is this one (recorded, not sent again);
        none is there, so it did not go out, and it is sent now."""
        return self._look(message, claimed_at) or self.send(message)

    def delete(self, post_id: str) -> None:
        """Delete one of the Page's posts (a takedown); one already gone (code 100) counts as deleted."""
        try:
            self._quietly(lambda: self._request("DELETE", f"/{post_id}"))
        except Rejected as refused:
            if f"code {GONE})" not in refused.reason:
                raise

    def _look(self, message: Message, since: dt.datetime) -> Sent | None:
        """This message among the page's recent posts: the same text, posted since it was first tried
        (a few minutes' slack for the clocks), so an older post with the same words is not taken for it."""
        recent = self._quietly(lambda: self._request("GET", f"/{self.page_id}/feed", params={
            "fields": "id,message,created_time", "limit": RECENT}))
        earliest = since - CLOCK_SLACK
        match = next((p for p in recent.get("data", []) if p.get("message") == message.text
                      and _created(p) >= earliest), None)
        return self._sent(match["id"]) if match else None

    def _upload(self, attachment: Attachment) -> str:
        """Upload one photo, unpublished, with its alt text; returns its id to attach to the post."""
        kind = mimetypes.guess_type(attachment.path.name)[0] or "application/octet-stream"
        try:
            data = attachment.path.read_bytes()
        except OSError as error:
            raise NotSent(f"{attachment.path.name} cannot be read: {error.strerror}", "media") from None
        form = {"published": "false", "alt_text_custom": attachment.alt}
        files = {"source": (attachment.path.name, data, kind)}
        photos = f"/{self.page_id}/photos"
        return str(self._quietly(lambda: self._request("POST", photos, data=form, files=files))["id"])

    # --- answers and retries ------------------------------------------------------------------

    def _quietly(self, action: Callable[[], dict]) -> dict:
        """A request that posts nothing visible: retried, then "not sent" if it keeps failing."""
        return retried(action, self.attempts, self.backoff, self.sleep)

    def _request(self, method: str, path: str, **kwargs) -> dict:
        # The token goes in a header, never in the URL, so no log of addresses can hold it.
        headers = {"Authorization": f"Bearer {self.token}"}
        try:
            response = self.session.request(method, self.graph + path, headers=headers, timeout=self.timeout,
                                            **kwargs)
        except requests.RequestException as error:
            raise _Unknown(f"Facebook could not be reached or did not answer ({type(error).__name__})") from None
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.ok and "error" not in body:
            return body
        raise self._refusal(response.status_code, body.get("error") or {})

    def _refusal(self, status: int, error: dict) -> Exception:
        code, said = error.get("code"), error.get("message") or f"HTTP {status}"
        if code in RATE_LIMITS:
            return StopRun(f"Facebook's rate limit was reached ({said}); nothing more is sent in this run",
                           "rate-limit")
        if code in TOKEN_ERRORS or status == 401:
            stop = StopRun(self._credentials_message(said), "credentials")
            stop.exit_code = 2
            return stop
        if status >= 500 or error.get("is_transient") or code in (1, 2):
            return _Unknown(f"Facebook had a problem ({status}: {said})")
        kind = "duplicate" if code == DUPLICATE else "refused"
        return Rejected(f"Facebook refused it ({status}, code {code}): {said}", kind)

    def _credentials_message(self, said: str) -> str:
        return (f"Facebook refused the Page token of account '{self.account_id}' ({said}). Check the environment "
                f"variable {variable_names(self.account_id, 'facebook')[0]}: it must hold a Page access token of "
                f"page {self.page_id} with pages_manage_posts and pages_read_engagement")

    def _sent(self, post_id: str) -> Sent:
        page, _, number = post_id.partition("_")
        return Sent(post_id, f"https://www.facebook.com/{page}/posts/{number or page}")


def _created(post: dict) -> dt.datetime:
    """When the Graph API says a post was made (like 2027-06-01T07:31:00+0000); long ago if it does not say."""
    try:
        return dt.datetime.strptime(post.get("created_time", ""), "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.timezone.utc)
