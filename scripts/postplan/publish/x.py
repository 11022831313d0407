"""X (Twitter): posts through tweepy's v2 client; images through X's v2 media endpoints.

tweepy 4.17 only has the v1.1 media upload that X deprecated, so images go to ``POST /2/media/upload``
(multipart: ``media`` and ``media_category``) and their alt text to ``POST /2/media/metadata``, signed
with the same OAuth 1.0a keys tweepy uses.

How each answer is treated: a rate limit that resets soon is waited out, a later one stops the run;
server errors and timeouts are tried again a few times, with waits; a duplicate is recorded and not
tried again; refused credentials stop the run. When a post may have gone out despite an error (a
server error or a timeout while creating it), the outcome is *unsure*.

An unsure part is settled by looking before anything is sent again: one page of the account's own posts
since the part was first tried (``GET /2/users/:id/tweets``), matched by the words as sent and the post it
answers. Found: recorded, not sent. Not there: sent now. The read itself failing: still unsure. On X's
pay-per-use pricing each post read is charged, so this happens only for an unsure part, and reads at
most ``RECENT`` posts.
"""

from __future__ import annotations

import datetime as dt
import html
import mimetypes
import re
import unicodedata
import time
from collections.abc import Callable
from typing import TypeVar

import requests
import tweepy
import urllib3
from requests.adapters import HTTPAdapter

from postplan import regularfile
from postplan.links import URL
from postplan.publish.credentials import Credentials, variable_names
from postplan.publish.platform import Attachment, Message, NotSent, Rejected, Sent, StopRun, Unsure

MEDIA_UPLOAD = "https://api.x.com/2/media/upload"
MEDIA_METADATA = "https://api.x.com/2/media/metadata"
IMAGE_TYPES = {"image/jpeg": "tweet_image", "image/png": "tweet_image", "image/webp": "tweet_image",
               "image/gif": "tweet_gif"}
DUPLICATE = "duplicate content"
MAX_IMAGE_BYTES = 16 * 1024 * 1024  # X takes images up to 5 MB and GIFs up to 15 MB
RECENT = 10  # the account's own posts read to settle an unsure part: one page, each post read is charged
CLOCK_SLACK = dt.timedelta(minutes=10)  # X's clock and the runner's may differ a little
TIMELINE_FIELDS = ["created_at", "referenced_tweets"]
T = TypeVar("T")


class _TimeoutAdapter(HTTPAdapter):
    """tweepy sets no timeout; without one a stalled connection would hold the publisher's lock forever."""

    def __init__(self, timeout: float):
        super().__init__()
        self.timeout = timeout

    def send(self, request, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


class XPublisher:
    """Sends messages to one X account. ``sleep`` and ``clock`` are injectable so tests never wait."""

    name = "x"

    def __init__(self, account_id: str, handle: str, credentials: Credentials, *,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.time,
                 attempts: int = 3, backoff: tuple[float, ...] = (5, 30), max_wait: float = 60,
                 timeout: float = 30, reply_settings: str = "mentionedUsers"):
        self.account_id, self.handle = account_id, handle.lstrip("@")
        self.reply_settings = None if reply_settings == "everyone" else reply_settings  # none: X's default
        self.sleep, self.clock = sleep, clock
        self.attempts, self.backoff, self.max_wait = attempts, backoff, max_wait
        self.client = tweepy.Client(consumer_key=credentials.api_key, consumer_secret=credentials.api_secret,
                                    access_token=credentials.access_token,
                                    access_token_secret=credentials.access_token_secret)
        self.client.session.mount("https://", _TimeoutAdapter(timeout))
        self.user_id = _user_of(credentials.access_token)
        self._auth = tweepy.OAuth1UserHandler(credentials.api_key, credentials.api_secret,
                                              credentials.access_token, credentials.access_token_secret).apply_auth()

    def send(self, message: Message) -> Sent:
        media_ids = [self._upload(attachment) for attachment in message.media]
        fields = {"text": message.text, "in_reply_to_tweet_id": message.reply_to, "media_ids": media_ids or None,
                  "reply_settings": self.reply_settings}
        if message.poll:
            fields.update(poll_options=list(message.poll.options), poll_duration_minutes=message.poll.minutes)
        response = self._attempt(lambda: self.client.create_tweet(**fields), creates_post=True)
        post_id = str(response.data["id"])
        return Sent(post_id, f"https://x.com/{self.handle}/status/{post_id}")

    def settle(self, message: Message, claimed_at: dt.datetime, now: dt.datetime) -> Sent | None:
        """Look among the account's own posts since the part was first tried: there (recorded, not sent
        again), or not there (sent now). X calling it a duplicate then means a person must look."""
        found = self._look(message, claimed_at - CLOCK_SLACK)
        if found:
            return found
        try:
            return self.send(message)
        except Rejected as refused:
            if refused.kind != "duplicate":
                raise
            raise Unsure(f"it was not among @{self.handle}'s posts since it was first tried, yet X calls it a "
                         f"duplicate: look at @{self.handle}'s posts", "duplicate") from None

    def delete(self, post_id: str) -> None:
        """Delete one of the account's posts (a takedown); one already gone counts as deleted."""
        self._attempt(lambda: _unless_gone(lambda: self.client.delete_tweet(post_id)), creates_post=False)

    def _look(self, message: Message, since: dt.datetime) -> Sent | None:
        """This part among one page of the account's posts made since ``since``: the same words as sent,
        answering the same post. A read X refuses or cannot answer is "not sent" (nothing was posted)."""
        user_id = self.user_id or self._own_id()
        try:
            read = self._attempt(lambda: self.client.get_users_tweets(
                user_id, start_time=since, max_results=RECENT, exclude=["retweets"], tweet_fields=TIMELINE_FIELDS,
                user_auth=True), creates_post=False)
        except Rejected as refused:
            raise NotSent(f"@{self.handle}'s posts could not be read: {refused.reason}", "read") from None
        wanted = _words(message.text)
        match = next((post for post in read.data or [] if _words(html.unescape(post.text)) == wanted
                      and _answers(post) == message.reply_to), None)
        return Sent(str(match.id), f"https://x.com/{self.handle}/status/{match.id}") if match else None

    def _own_id(self) -> str:
        """The account's user id asked of X (one more charged read), when its access token does not say it."""
        try:
            return str(self._attempt(lambda: self.client.get_me(user_auth=True), creates_post=False).data["id"])
        except Rejected as refused:
            raise NotSent(f"X would not say which account the keys are for: {refused.reason}", "read") from None

    # --- images -------------------------------------------------------------------------------

    def _upload(self, attachment: Attachment) -> str:
        """Upload one image and set its alt text; returns X's media id."""
        kind = mimetypes.guess_type(attachment.path.name)[0] or "application/octet-stream"
        if kind not in IMAGE_TYPES:
            raise Rejected(f"{attachment.path.name}: postplan sends only JPG, PNG, WEBP and GIF images to X",
                           "unsupported-media")
        try:  # an ordinary file of a picture's size, never a device or a pipe put in its place
            data = regularfile.read_bytes(attachment.path, attachment.path.parent, MAX_IMAGE_BYTES, "its folder")
        except regularfile.Refused as refused:
            raise NotSent(f"{attachment.path.name} cannot be read: {refused}", "media") from None

        def upload() -> str:
            files = {"media": (attachment.path.name, data, kind)}
            response = self._post(MEDIA_UPLOAD, files=files, data={"media_category": IMAGE_TYPES[kind]})
            return str(response.json()["data"]["id"])

        media_id = self._attempt(upload, creates_post=False)
        if attachment.alt:
            body = {"id": media_id, "metadata": {"alt_text": {"text": attachment.alt}}}
            self._attempt(lambda: self._post(MEDIA_METADATA, json=body), creates_post=False)
        return media_id

    def _post(self, url: str, **kwargs) -> requests.Response:
        response = self.client.session.post(url, auth=self._auth,
                                            headers={"User-Agent": self.client.user_agent}, **kwargs)
        _raise_for_status(response)
        return response

    # --- answers, retries and waits -----------------------------------------------------------

    def _attempt(self, action: Callable[[], T], creates_post: bool) -> T:
        """Run one request, waiting out short rate limits and retrying server errors and timeouts."""
        maybe_posted, attempt, rate_waits = False, 0, 0
        while True:
            attempt += 1
            try:
                return action()
            except tweepy.TooManyRequests as error:
                wait = self._rate_limit_wait(error)
                if wait is not None and rate_waits < 2:
                    self.sleep(wait)
                    attempt, rate_waits = attempt - 1, rate_waits + 1
                    continue
                raise StopRun(self._rate_limit_message(error), "rate-limit") from None
            except tweepy.Unauthorized:
                stop = StopRun(self._credentials_message(), "credentials")
                stop.exit_code = 2
                raise stop from None
            except tweepy.TwitterServerError as error:
                problem = f"X had a server error ({error.response.status_code})"
                maybe_posted = maybe_posted or creates_post
            except tweepy.HTTPException as error:
                raise self._refusal(error, maybe_posted) from None
            except requests.ConnectTimeout:
                problem = "X could not be reached (the connection timed out)"
            except requests.Timeout:
                problem = "X did not answer in time"
                maybe_posted = maybe_posted or creates_post
            except requests.ConnectionError as error:
                if _never_connected(error):  # refused, or no such host: not one byte of the post left
                    problem = "X could not be reached (the connection was refused)"
                else:
                    problem = "the connection to X failed"
                    maybe_posted = maybe_posted or creates_post
            if attempt >= self.attempts:
                if maybe_posted:
                    raise Unsure(f"{problem}, {attempt} tries; it may have been posted: the next run looks "
                                 f"among @{self.handle}'s posts before sending it again", "server") from None
                raise NotSent(f"{problem}, {attempt} tries; nothing was posted", "server") from None
            self.sleep(self.backoff[min(attempt, len(self.backoff)) - 1])

    def _rate_limit_wait(self, error: tweepy.TooManyRequests) -> float | None:
        """Seconds to wait for the limit to reset, if that is soon enough to wait for."""
        if error.reset_time is None:
            return None
        wait = max(0.0, error.reset_time - self.clock()) + 1
        return wait if wait <= self.max_wait else None

    def _rate_limit_message(self, error: tweepy.TooManyRequests) -> str:
        if error.reset_time is None:
            return "X's rate limit was reached; nothing more is sent in this run"
        reset = dt.datetime.fromtimestamp(error.reset_time, dt.timezone.utc)
        return f"X's rate limit was reached until {reset:%H:%M} UTC; nothing more is sent in this run"

    def _credentials_message(self) -> str:
        return (f"X refused the credentials of account '{self.account_id}' (401 Unauthorized). Check the "
                f"environment variables {', '.join(variable_names(self.account_id))}: they must hold the "
                "four OAuth 1.0a keys of an X app with read and write permission")

    def _refusal(self, error: tweepy.HTTPException, maybe_posted: bool) -> Exception:
        said = "; ".join(str(m) for m in error.api_messages) or f"{error.response.status_code} {error.response.reason}"
        if isinstance(error, tweepy.Forbidden) and DUPLICATE in said.lower():
            if maybe_posted:
                return Unsure("X says it is a duplicate after an earlier try went unanswered: that try "
                              f"probably went out. The next run looks for it among @{self.handle}'s posts",
                              "duplicate")
            return Rejected(f"X refused it as a duplicate of a post already on @{self.handle}", "duplicate")
        return Rejected(f"X refused it ({error.response.status_code}): {said}", "refused")


def _user_of(access_token: str) -> str | None:
    """The user id an OAuth 1.0a access token begins with (X issues them as "<user id>-<secret part>")."""
    head, dash, _ = access_token.partition("-")
    return head if dash and head.isdigit() else None


def _words(text: str) -> str:
    """A post's words as X keeps them comparable: links taken out (X shows every link, and the images, as
    t.co addresses), spaces as one, Unicode composed (X stores text in NFC)."""
    without_links = URL.sub(lambda link: " ", unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", " ", without_links).strip()


def _answers(post: tweepy.Tweet) -> str | None:
    """The id of the post this one replies to, if it is a reply."""
    return next((str(ref.id) for ref in post.referenced_tweets or [] if ref.type == "replied_to"), None)


def _unless_gone(action: Callable[[], object]) -> None:
    try:
        action()
    except tweepy.NotFound:
        pass  # deleted already (by hand, or by an earlier takedown that was cut short)


def _raise_for_status(response: requests.Response) -> None:
    """The same errors tweepy raises for its own requests, for the media requests made beside it."""
    status = response.status_code
    if 200 <= status < 300:
        return
    if status == 429:
        reset = response.headers.get("x-rate-limit-reset")
        raise tweepy.TooManyRequests(response, reset_time=int(reset) if reset else None)
    errors = {400: tweepy.BadRequest, 401: tweepy.Unauthorized, 403: tweepy.Forbidden, 404: tweepy.NotFound}
    if status >= 500:
        raise tweepy.TwitterServerError(response)
    raise errors.get(status, tweepy.HTTPException)(response)


def _never_connected(error: BaseException) -> bool:
    """Whether the connection was never made (refused, or the host not found), so nothing was sent."""
    seen: BaseException | None = error
    for _ in range(6):  # requests wraps urllib3's MaxRetryError, which holds the reason
        if seen is None:
            return False
        if isinstance(seen, urllib3.exceptions.NewConnectionError):
            return True
        seen = getattr(seen, "reason", None) or (seen.args[0] if seen.args and
                                                  isinstance(seen.args[0], BaseException) else None)
    return False
