"""What goes out for a post: its messages (one per thread part) and a fingerprint of its content.

The fingerprint (a hash of every part's text, each image's bytes and the poll) lets the ledger know
a post even after its file is renamed, and notice when a published post's text was edited afterwards.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from postplan import regularfile
from postplan.models import Post
from postplan.publish.platform import Attachment, Message, PollChoice

CONTENT_DIR = "content"
MAX_MEDIA_BYTES = 512 * 1024 * 1024  # X's limit for a video; pictures are far smaller


def media_path(root: Path, file: str) -> Path:
    """An attachment's file: media paths in posts are written relative to ``content/``."""
    return root / CONTENT_DIR / file.replace("\\", "/")


def content_hash(post: Post, root: Path, image_sha256=regularfile.sha256) -> str:
    """A fingerprint of what would be posted: every part's text, each image's bytes, and the poll.
    ``image_sha256`` may remember images between runs (``fingerprints.Fingerprints.sha256``)."""
    images = []
    for media in post.media:
        try:  # never /dev/zero, a pipe or a file outside content/, whatever the post says
            images.append(image_sha256(media_path(root, media.file), root / CONTENT_DIR, MAX_MEDIA_BYTES))
        except regularfile.Refused:
            images.append("missing:" + media.file)
    poll = {"options": post.poll.options, "minutes": post.poll.duration} if post.poll else None
    content = {"parts": [part.text for part in post.parts], "media": images, "poll": poll}
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return "sha256:" + digest.hexdigest()


def messages(post: Post, root: Path) -> list[Message]:
    """The messages for a post, in order. Images and the poll go with the first part, as people read it."""
    count = len(post.parts)
    result = []
    for index, part in enumerate(post.parts):
        first = index == 0
        media = tuple(Attachment(media_path(root, m.file), m.alt) for m in post.media) if first else ()
        poll = PollChoice(tuple(post.poll.options), post.poll.duration) if first and post.poll else None
        reply_to = platform_id(post.reply_to) if first and post.reply_to else None
        result.append(Message(post.id, index, count, part.text, media, poll, reply_to))
    return result


def platform_id(reference: str) -> str:
    """A post's id on the platform, from the id itself or a link to it (https://x.com/school/status/123).
    A Bluesky link (https://bsky.app/profile/HANDLE/post/KEY) becomes the record's AT URI."""
    bluesky = re.search(r"bsky\.app/profile/([^/\s]+)/post/([A-Za-z0-9._:~-]+)", reference)
    if bluesky:
        return f"at://{bluesky[1]}/app.bsky.feed.post/{bluesky[2]}"
    if reference.startswith("at://"):
        return reference
    match = re.search(r"(\d+)\D*$", reference)
    return match[1] if match else reference
