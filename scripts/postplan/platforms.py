"""What each platform accepts, in one table: length, pictures, alt text, polls and threads.

The settings accept only a platform postplan can really post to (``POSTING``), and the checks read their
limits from here, so ``validate``, ``publish --dry-run`` and the real run cannot disagree about a
platform. Numbers are the platforms' documented defaults; a Mastodon instance may set its own length
(read from the instance by ``publish.mastodon.instance_limits``, or ``max_length`` in the account).
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """One platform's limits, as its documentation states them."""

    name: str  # as the school knows it: "X", "Mastodon"
    max_length: int  # characters (X: weighted; Mastodon: links count ``link_length``; Bluesky: graphemes)
    images: int  # pictures in one post
    image_bytes: int
    gif_bytes: int
    video_bytes: int
    heic: bool  # takes iPhone HEIC photos as they are
    alt_length: int  # characters of alt text per picture
    polls: bool
    threads: bool  # a thread is a chain of the school's own replies
    link_length: int | None = None  # every link counts this many characters (None: as written)


LIMITS = {
    "x": Limits("X", 280, 4, 5 * MB, 15 * MB, 512 * MB, False, 1000, True, True, 23),
    "mastodon": Limits("Mastodon", 500, 4, 16 * MB, 16 * MB, 99 * MB, True, 1500, True, True, 23),
    # Bluesky's images are resized to fit its blob limit when sent, so a large photo is not an error.
    "bluesky": Limits("Bluesky", 300, 4, 50 * MB, 1_000_000, 100 * MB, False, 2000, False, True),
    "facebook": Limits("Facebook", 63206, 10, 10 * MB, 10 * MB, 1024 * MB, False, 1000, False, False),
}

# Platforms postplan can post to today. A platform is added here only with a working publisher, so a
# setting that looks supported always is.
POSTING = ("x",)


def limits(platform: str) -> Limits:
    """The limits of a platform the settings accepted (X's for anything else, which cannot happen)."""
    return LIMITS.get(platform, LIMITS["x"])


def refusal(platform: object) -> str | None:
    """Why the settings cannot accept ``platform`` (None when postplan can post to it)."""
    if platform in POSTING:
        return None
    working = ", ".join(POSTING)
    if platform in LIMITS:
        return f"postplan cannot post to {LIMITS[platform].name} yet; the platforms it can post to are: {working}"
    return f"'{platform}' is not a platform postplan can post to; use one of: {working}"
