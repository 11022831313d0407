"""Bluesky: posts through the atproto SDK, logged in with the account's app password.

Each part of a post is written under a record key made from the post's id and the part, so a retry
cannot make a second record: before writing again after an unknown outcome, the record is looked up
by its key, and one already there (with the same text) is recorded as published, not sent again.
The first part is written together with a thread gate with no allow rules (nobody can reply), in one
atomic write of the repository (``applyWrites``), so the post never stands open even for a moment.

Links, mentions and hashtags become facets (byte offsets in the UTF-8 text, as the protocol counts
them); images are made to fit the blob limit with Pillow (which also drops their EXIF, GPS included)
and carry their alt text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import time
from collections.abc import Callable
from typing import TypeVar

from atproto import Client
from atproto_client import exceptions as atp
from atproto_client.request import Request
from PIL import Image, ImageOps

from postplan.publish.credentials import Token, variable_names
from postplan.publish.retry import NoAnswer as _Unknown
from postplan.publish.retry import retried
from postplan.publish.platform import Attachment, Message, NotSent, Rejected, Sent, StopRun, Unsure

SERVICE = "https://bsky.social"
POST, GATE = "app.bsky.feed.post", "app.bsky.feed.threadgate"
BLOB_LIMIT = 1_000_000  # bytes: Bluesky's image blob limit
TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
TID_BASE = 1_672_531_200_000_000  # 2023-01-01 in microseconds: record keys look like TIDs of the past
TID_SPAN = 2 ** 46  # about two years of microseconds
T = TypeVar("T")


def record_key(post_id: str, part: int) -> str:
    """A record key in TID form (13 characters, sortable base32), the same every time for one part."""
    digest = int.from_bytes(hashlib.sha256(f"postplan:{post_id}:{part}".encode("utf-8")).digest()[:16], "big")
    value = ((TID_BASE + digest % TID_SPAN) << 10) | (digest >> 64) % 1024
    return "".join(TID_ALPHABET[(value >> shift) & 31] for shift in range(60, -1, -5))


_LINK = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")
_MENTION = re.compile(r"(?<![\w@])@([a-zA-Z0-9][a-zA-Z0-9-]*(?:\.[a-zA-Z0-9-]+)+)")
_TAG = re.compile(r"(?<![\w#&])#([^\s#.,;:!?()\[\]]*[^\d\s#.,;:!?()\[\]][^\s#.,;:!?()\[\]]*)")


def facets(text: str, did_of: Callable[[str], str | None]) -> list[dict]:
    """Links, mentions (of handles that resolve) and hashtags, at their UTF-8 byte offsets."""
    found = []

    def add(match: re.Match, feature: dict) -> None:
        start = len(text[:match.start()].encode("utf-8"))
        end = start + len(match.group(0).encode("utf-8"))
        found.append({"index": {"byteStart": start, "byteEnd": end}, "features": [feature]})

    for match in _LINK.finditer(text):
        add(match, {"$type": "app.bsky.richtext.facet#link", "uri": match.group(0)})
    for match in _MENTION.finditer(text):
        did = did_of(match.group(1))
        if did:
            add(match, {"$type": "app.bsky.richtext.facet#mention", "did": did})
    links = [(f["index"]["byteStart"], f["index"]["byteEnd"]) for f in found]
    for match in _TAG.finditer(text):
        start = len(text[:match.start()].encode("utf-8"))
        if not any(a <= start < b for a, b in links):  # a "#" inside a link is part of the link
            add(match, {"$type": "app.bsky.richtext.facet#tag", "tag": match.group(1)})
    return sorted(found, key=lambda f: f["index"]["byteStart"])


def fit_image(data: bytes, limit: int = BLOB_LIMIT) -> tuple[bytes, str, tuple[int, int]]:
    """The image as a JPEG (or PNG, when small enough) within ``limit`` bytes, its type and its size."""
    image = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
    if image.format == "PNG" and len(data) <= limit and not image.info.get("exif"):
        return data, "image/png", image.size
    image = image.convert("RGB")
    for width in (image.width, 2000, 1600, 1200, 1000, 800):
        shrunk = image if width >= image.width else image.resize((width, round(image.height * width / image.width)))
        for quality in (90, 80, 70, 60):
            out = io.BytesIO()
            shrunk.save(out, "JPEG", quality=quality, optimize=True)
            if out.tell() <= limit:
                return out.getvalue(), "image/jpeg", shrunk.size
    raise Rejected(f"the image cannot be made smaller than Bluesky's {limit:,} bytes", "media")


class BlueskyPublisher:
    """Sends messages to one Bluesky account. ``service`` is the account's server (tests: a local one)."""

    name = "bluesky"

    def __init__(self, account_id: str, handle: str, token: Token, *, service: str = SERVICE,
                 sleep: Callable[[float], None] = time.sleep, attempts: int = 3, backoff: tuple[float, ...] = (5, 30),
                 timeout: float = 30):
        self.account_id, self.handle, self.password = account_id, handle.lstrip("@"), token.value
        self.sleep, self.attempts, self.backoff = sleep, attempts, backoff
        self.client = Client(base_url=service, request=Request(timeout=timeout))
        self.did: str | None = None  # the account's DID, learnt when the session is made
        self.client.on_session_change(lambda _event, session: setattr(self, "did", session.did))

    def send(self, message: Message) -> Sent:
        self._login()
        rkey = record_key(message.post_id, message.part)
        record = {"$type": POST, "text": message.text, "createdAt": _now(), "langs": ["en"],
                  "facets": facets(message.text, self._did_of) or None}
        if message.media:
            record["embed"] = {"$type": "app.bsky.embed.images", "images": [self._upload(a) for a in message.media]}
        if message.reply_to:
            record["reply"] = self._reply_refs(message.reply_to)
        writes = [_create(POST, rkey, {k: v for k, v in record.items() if v is not None})]
        if not message.reply_to:  # the thread's first post: nobody may reply (no allow rules)
            writes.append(_create(GATE, rkey, {"$type": GATE, "post": self._uri(rkey), "allow": [],
                                               "createdAt": record["createdAt"]}))
        return self._write(message, rkey, writes)

    def settle(self, message: Message, claimed_at: dt.datetime, now: dt.datetime) -> Sent | None:
        """Look the part up by its record key: there already (recorded, not sent), or sent now."""
        self._login()
        found = self._attempt(lambda: self._existing(message, record_key(message.post_id, message.part)))
        return found or self.send(message)

    # --- writing and looking ------------------------------------------------------------------

    def delete(self, post_id: str) -> None:
        """Delete one post (its at:// address) and its reply gate (a takedown). Deleting a record that is
        not there succeeds, so a takedown cut short can simply be run again."""
        self._login()
        rkey = post_id.rsplit("/", 1)[-1]
        for collection in (POST, GATE):
            self._attempt(lambda c=collection: self._call(lambda: self.client.com.atproto.repo.delete_record(
                {"repo": self.did, "collection": c, "rkey": rkey})))

    def _write(self, message: Message, rkey: str, writes: list[dict]) -> Sent:
        """One atomic write; after an unknown outcome the record is looked up by its key before another try."""
        for attempt in range(1, self.attempts + 1):
            try:
                self._call(lambda: self.client.com.atproto.repo.apply_writes({"repo": self.did, "writes": writes}))
                return self._sent(rkey)
            except _Unknown as unknown:
                problem = unknown.problem
            try:
                found = self._attempt(lambda: self._existing(message, rkey))
            except NotSent:
                raise Unsure(f"{problem}, and the post could not be looked up by its key", "server") from None
            if found:
                return found
            if attempt < self.attempts:
                self.sleep(self.backoff[min(attempt, len(self.backoff)) - 1])
        raise Unsure(f"{problem}, {self.attempts} tries; the next run looks the post up by its key", "server")

    def _existing(self, message: Message, rkey: str) -> Sent | None:
        """The part's record if it is on the account already; an error if its key holds another text."""
        try:
            found = self._call(lambda: self.client.com.atproto.repo.get_record(
                {"repo": self.did, "collection": POST, "rkey": rkey}))
        except Rejected:
            return None  # RecordNotFound (400): it is not there
        if _value(found.value).get("text") != message.text:
            raise Rejected(f"the record key {rkey} already holds another post on @{self.handle}", "duplicate")
        return self._sent(rkey)

    def _reply_refs(self, parent_uri: str) -> dict:
        """The parent (the previous part) and the thread's root, each by URI and content id."""
        repo, _, rkey = parent_uri.removeprefix("at://").split("/")
        parent = self._attempt(lambda: self._call(lambda: self.client.com.atproto.repo.get_record(
            {"repo": repo, "collection": POST, "rkey": rkey})))
        value = _value(parent.value)
        ref = {"uri": parent.uri, "cid": parent.cid}
        return {"root": (value.get("reply") or {}).get("root") or ref, "parent": ref}

    def _upload(self, attachment: Attachment) -> dict:
        try:
            data, kind, (width, height) = fit_image(attachment.path.read_bytes())
        except OSError as error:
            raise NotSent(f"{attachment.path.name} cannot be read: {error.strerror}", "media") from None
        except (ValueError, Image.UnidentifiedImageError):
            raise Rejected(f"{attachment.path.name} is not an image Bluesky takes", "unsupported-media") from None
        blob = self._attempt(lambda: self._call(lambda: self.client.com.atproto.repo.upload_blob(
            data, headers={"Content-Type": kind})).blob)
        return {"alt": attachment.alt, "image": blob.model_dump(by_alias=True, exclude_none=True),
                "aspectRatio": {"width": width, "height": height}}

    def _did_of(self, handle: str) -> str | None:
        try:
            return self._call(lambda: self.client.resolve_handle(handle)).did
        except (Rejected, _Unknown):
            return None  # not a Bluesky handle: the text stays as it is, without a mention

    # --- answers, retries and the session -----------------------------------------------------

    def _login(self) -> None:
        if self.did is None:
            self._attempt(lambda: self._call(lambda: self.client.login(
                self.handle, self.password, fetch_bsky_profile=False), logging_in=True))

    def _attempt(self, action: Callable[[], T]) -> T:
        """A request that changes nothing on the account: retried, then "not sent" if it keeps failing."""
        return retried(action, self.attempts, self.backoff, self.sleep)

    def _call(self, action: Callable[[], T], logging_in: bool = False) -> T:
        try:
            return action()
        except atp.RateLimitExceededError:
            raise StopRun("Bluesky's rate limit was reached; nothing more is sent in this run", "rate-limit") from None
        except atp.UnauthorizedError:
            stop = StopRun(self._credentials_message() if logging_in else "Bluesky refused the session", "credentials")
            stop.exit_code = 2
            raise stop from None
        except atp.BadRequestError as error:
            raise Rejected(f"Bluesky refused it: {_said(error)}", "refused") from None
        except (atp.NetworkError, atp.RequestException) as error:
            raise _Unknown(f"Bluesky did not answer as expected ({_said(error)})") from None

    def _credentials_message(self) -> str:
        return (f"Bluesky refused the app password of account '{self.account_id}' (@{self.handle}). Check the "
                f"environment variable {variable_names(self.account_id, 'bluesky')[0]}: it must hold an app "
                "password made under Settings → Privacy and security → App passwords")

    def _uri(self, rkey: str) -> str:
        return f"at://{self.did}/{POST}/{rkey}"

    def _sent(self, rkey: str) -> Sent:
        return Sent(self._uri(rkey), f"https://bsky.app/profile/{self.handle}/post/{rkey}")


def _value(record) -> dict:
    """A record's value as plain JSON data, whether the SDK gave a model or a dict."""
    return record if isinstance(record, dict) else record.model_dump(by_alias=True, exclude_none=True)


def _create(collection: str, rkey: str, value: dict) -> dict:
    return {"$type": "com.atproto.repo.applyWrites#create", "collection": collection, "rkey": rkey, "value": value}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _said(error: atp.AtProtocolError) -> str:
    response = error.args[0] if error.args else None
    content = getattr(response, "content", None)
    message = getattr(content, "message", None) or getattr(content, "error", None)
    status = getattr(response, "status_code", None)
    return f"{status}: {message}" if message else str(status or type(error).__name__)
