"""The consent audit: published posts whose photos show a pupil who no longer has consent.

Consent is checked when a post is validated, for the day it goes out. Parents can withdraw it later,
and it expires; the post is still on the platform and on the school website. The audit reads the
publisher's ledger (what went out, where, its link) and the consent register as it is today, and lists
each post to take down. It names no pupil: its output may be read in a CI log, and the office knows
from the register who it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from postplan.consent import WEBSITE, Register, channel_name
from postplan.models import Post
from postplan.publish.ledger import account_records


@dataclass(frozen=True)
class Takedown:
    """One published post to take down: where it is and which of its photos on which channels."""

    post: str
    url: str | None
    photos: tuple[tuple[str, str, int], ...]  # (file, channel, pupils without consent there)

    def describe(self) -> str:
        lines = [f"{self.post}: {self.url or 'published (no link recorded)'}"]
        for file, channel, count in self.photos:
            pupils = "a pupil no longer has" if count == 1 else f"{count} pupils no longer have"
            lines.append(f"  {file}: {pupils} consent for {channel_name(channel)}")
        lines.append(f"  take it down: postplan takedown {self.post}")
        return "\n".join(lines)


def audit(posts: list[Post], root: Path, register: Register, today: dt.date) -> list[Takedown]:
    """Every published post (by the ledger) with a photo of a pupil who has no consent today for the
    platform it went to or for the school website (where the site shows it)."""
    records = account_records(root)
    found = []
    for post in sorted(posts, key=lambda p: (p.publish_at, p.id)):
        published = [r for r in records.get(post.id, {}).values() if r.state == "published"]
        if not published:
            continue
        record = published[0]
        platforms = (r.parts.get(0, {}).get("platform") for r in published)  # each account's it went to
        where = tuple(dict.fromkeys(filter(None, (*platforms, WEBSITE))))
        photos = tuple((media.file, channel, len(refused)) for media in post.media if media.who
                       for channel in where
                       for refused in [register.without_consent(media.who, channel, today)] if refused)
        if photos:
            found.append(Takedown(post.id, record.url, photos))
    return found
