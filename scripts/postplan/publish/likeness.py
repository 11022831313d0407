"""Likeness: know a published post again after it was renamed *and* lightly edited.

The content hash knows a renamed post, and the ledger knows an edited one; a post renamed and edited
by one character is neither, and used to go out a second time. So the first claim of every post also
records its likeness: a short sketch of its text (a MinHash of its four-character pieces, so a small
edit changes little of it), a digest of its pictures, and its event. A post the ledger has never seen
that is like one that went out under a name no file has any more is reported for a person, not sent.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from postplan import regularfile
from postplan.models import Post

SKETCH_SIZE = 48
PIECE = 4
ALIKE = 0.6  # a one-character edit of a short post keeps about 0.8 of its pieces; different posts share few
CONTENT_DIR = "content"
MAX_MEDIA_BYTES = 512 * 1024 * 1024


def likeness(post: Post, root: Path) -> dict[str, object]:
    """What the ledger keeps of a post to recognise it later: text sketch, pictures, event."""
    return {"text": sketch(" ".join(part.text for part in post.parts)), "media": _media(post, root),
            "event": post.event or ""}


def sketch(text: str) -> list[str]:
    """A MinHash of the text's pieces of four characters (letters and digits, lower case, spaces as one)."""
    flat = " ".join(re.findall(r"\w+", text.lower()))
    pieces = {flat[i:i + PIECE] for i in range(max(1, len(flat) - PIECE + 1))}
    return [min(hashlib.blake2b(piece.encode(), digest_size=4, salt=seed.to_bytes(8, "big")).hexdigest()
                for piece in pieces) for seed in range(SKETCH_SIZE)]


def alike(one: dict, other: dict) -> bool:
    """The same pictures, the same event, and most of the text in common."""
    if one.get("media") != other.get("media") or one.get("event") != other.get("event"):
        return False
    first, second = one.get("text") or [], other.get("text") or []
    if len(first) != SKETCH_SIZE or len(second) != SKETCH_SIZE:
        return False
    return sum(a == b for a, b in zip(first, second)) / SKETCH_SIZE >= ALIKE


def renamed_from(post: Post, root: Path, sent: dict[str, dict]) -> str | None:
    """The id of a post that went out and is like this one (``sent``: id → its likeness), if any."""
    if not sent:
        return None
    mine = likeness(post, root)
    return next((post_id for post_id, theirs in sorted(sent.items()) if alike(mine, theirs)), None)


def _media(post: Post, root: Path) -> str:
    digest = hashlib.sha256()
    for media in post.media:
        try:
            digest.update(regularfile.sha256(root / CONTENT_DIR / media.file, root / CONTENT_DIR,
                                             MAX_MEDIA_BYTES, "content/").encode())
        except regularfile.Refused:
            digest.update(("missing:" + media.file).encode())
    return digest.hexdigest()[:16] if post.media else ""
