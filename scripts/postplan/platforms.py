"""What each platform accepts, in one table: length, pictures, alt text, polls and threads.

The settings accept only a platform postplan can really post to (``POSTING``), and the checks read their
limits from here, so ``validate``, ``publish --dry-run`` and the real run cannot disagree about a
platform. Numbers are the platforms' documented defaults; a Mastodon instance may set its own length
(read from the instance by ``publish.mastodon.instance_limits``, or ``max_length`` in the account).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from postplan.links import link_spans

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
    poll: PollLimits | None = None  # None: no polls
    max_bytes: int | None = None  # the text's UTF-8 bytes at most, besides ``max_length`` (None: no such limit)


@dataclass(frozen=True)
class PollLimits:
    """What a poll may be: options (fewest, most), characters an option, and minutes it is open (least, most)."""

    options: tuple[int, int]
    option_length: int
    minutes: tuple[int, int]


LIMITS = {
    # X: 2-4 options of 25 characters, open 5 minutes to 7 days (X API v2, POST /2/tweets poll object)
    "x": Limits("X", 280, 4, 5 * MB, 15 * MB, 512 * MB, False, 1000, True, True, 23,
                PollLimits((2, 4), 25, (5, 7 * 24 * 60))),
    # Mastodon's defaults (an instance says its own): 4 options of 50 characters, 5 minutes to a month
    "mastodon": Limits("Mastodon", 500, 4, 16 * MB, 16 * MB, 99 * MB, True, 1500, True, True, 23,
                       PollLimits((2, 4), 50, (5, 2629746 // 60))),
    # Bluesky's images are resized to fit its blob limit when sent, so a large photo is not an error.
    # Bluesky's post record: text of at most 300 graphemes *and* 3,000 bytes of UTF-8 (its lexicon's
    # maxGraphemes and maxLength), which 300 long emoji sequences can pass.
    "bluesky": Limits("Bluesky", 300, 4, 50 * MB, 1_000_000, 100 * MB, False, 2000, False, True, max_bytes=3000),
    "facebook": Limits("Facebook", 63206, 10, 10 * MB, 10 * MB, 1024 * MB, False, 1000, False, False),
}

# Platforms postplan can post to today. A platform is added here only with a working publisher, so a
# setting that looks supported always is.
POSTING = ("x", "mastodon", "bluesky", "facebook")
# The settings each platform needs besides its handle, and what to write.
NEEDS = {"mastodon": ("instance", "instance: https://mastodon.social (the server the account is on)"),
         "facebook": ("page_id", 'page_id: "123456789012345" (the Page ID, in About → Page transparency)')}
# Platforms whose length limit is the same for every account: ``max_length`` may lower it, never raise it
# (X Premium accounts may post longer posts; a Mastodon server sets its own limit).
FIXED_LENGTH = ("bluesky", "facebook")
INSTANCE_TIMEOUT = 5  # seconds: validate must not hang on a server that does not answer


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


# Who may reply to an X post (X API v2 ``reply_settings``); "everyone" sends none, X's own default.
REPLY_SETTINGS = ("mentionedUsers", "following", "everyone")
DEFAULT_REPLY_SETTINGS = "mentionedUsers"  # only accounts the post mentions: the school does not run a forum


def missing_setting(platform: str, account: dict) -> str | None:
    """What an account on ``platform`` still needs in the settings, or a setting it cannot have (None when
    it has everything)."""
    if platform != "x" and account.get("reply_settings") is not None:
        return (f"reply_settings is a setting of X accounts only; an account on {LIMITS[platform].name} "
                "cannot have it (Bluesky's replies are closed by a thread gate; Mastodon has no such setting)")
    if platform in NEEDS and not account.get(NEEDS[platform][0]):
        return f"an account on {LIMITS[platform].name} needs {NEEDS[platform][1]}"
    for other, (setting, _) in NEEDS.items():
        if other != platform and account.get(setting) is not None:
            return (f"{setting} is a setting of {LIMITS[other].name} accounts only; an account on "
                    f"{LIMITS[platform].name} cannot have it")
    ceiling = LIMITS[platform].max_length
    if platform in FIXED_LENGTH and (account.get("max_length") or 0) > ceiling:
        return (f"max_length can only lower the limit on {LIMITS[platform].name}, whose posts take at most "
                f"{ceiling} characters; remove it, or set it to {ceiling} or less")
    if platform == "bluesky" and "." not in account.get("handle", ""):
        return "a Bluesky handle is a domain name, like @tregarrow.bsky.social"
    return None


def checked(setting: str, value: object) -> str | None:
    """An account's ``instance`` (https://, or http:// on this computer only) or ``page_id`` (digits)."""
    if value is None:
        return None
    text = str(value).strip().rstrip("/")
    if setting == "page_id" and not re.fullmatch(r"\d{5,20}", text):
        raise ValueError(f"'{value}' is not a Page ID; it is a long number, like 123456789012345")
    if setting == "instance" and not re.fullmatch(
            r"https://[A-Za-z0-9.-]+(:\d+)?|http://(localhost|127\.0\.0\.1)(:\d+)?", text):
        raise ValueError(f"'{value}' is not a server address; write it like https://mastodon.social")
    return text


@lru_cache(maxsize=None)
def mastodon_limits(instance: str) -> tuple[Limits, str]:
    """A Mastodon server's own limits, read once a run from its instance information (API v2), and a note:
    empty when read, or why Mastodon's defaults are used instead (the server could not be reached)."""
    from mastodon import Mastodon, MastodonError

    try:
        info = Mastodon(api_base_url=instance, request_timeout=INSTANCE_TIMEOUT, mastodon_version="4.0.0",
                        ratelimit_method="throw").instance_v2()
        config = info["configuration"]
        statuses, media = config["statuses"], config["media_attachments"]
        found = dataclasses.replace(
            LIMITS["mastodon"], max_length=int(statuses["max_characters"]),
            images=int(statuses["max_media_attachments"]), link_length=int(statuses["characters_reserved_per_url"]),
            image_bytes=int(media["image_size_limit"]), gif_bytes=int(media["image_size_limit"]),
            video_bytes=int(media["video_size_limit"]),
            alt_length=int(media.get("description_limit") or LIMITS["mastodon"].alt_length),
            poll=_mastodon_polls(config.get("polls")))
        return found, ""
    except (MastodonError, KeyError, TypeError, ValueError) as error:
        return LIMITS["mastodon"], f"{instance} could not be asked for its limits ({_short(error)}), so " \
                                   f"Mastodon's defaults are used"


def _mastodon_polls(polls: dict | None) -> PollLimits:
    """The server's poll limits (``configuration.polls``, expirations in seconds), or Mastodon's defaults."""
    if not polls:
        return LIMITS["mastodon"].poll
    return PollLimits((2, int(polls["max_options"])), int(polls["max_characters_per_option"]),
                      (-(-int(polls["min_expiration"]) // 60), int(polls["max_expiration"]) // 60))


def account_limits(account) -> tuple[Limits, str]:
    """The limits for one account (its server's own, on Mastodon; ``max_length`` wins), and a note as above."""
    found, note = (mastodon_limits(account.instance) if account.platform == "mastodon" and account.instance
                   else (limits(account.platform), ""))
    if account.max_length:
        found = dataclasses.replace(found, max_length=account.max_length)
    return found, note


def _short(error: Exception) -> str:
    text = str(error.args[0] if error.args else error)
    return text if len(text) <= 80 else text[:77] + "..."


def measure(text: str, account) -> tuple[int, int]:
    """The length of a text as the account's platform counts it, and that platform's limit."""
    from postplan.textlength import mastodon_length, plain_length, weighted_length

    found, _ = account_limits(account)
    if account.platform == "x":
        length = weighted_length(text)
    elif account.platform == "mastodon":
        length = mastodon_length(text, found.link_length or 23)
    else:
        length = plain_length(text)
    return length, found.max_length


def limit_of(account) -> int:
    return account_limits(account)[0].max_length


def x_charge(texts: list[str], prices) -> tuple[Decimal, str]:
    """What X charges for these posts (a thread's parts are a post each), and the same in words."""
    with_link = sum(1 for text in texts if link_spans(text))
    plain = len(texts) - with_link
    charge = prices.post_with_link * with_link + prices.post * plain
    words = [f"{count} post{'s' * (count != 1)}{kind}" for count, kind in
             ((plain, ""), (with_link, " with a link")) if count]
    return charge, " and ".join(words)


def dollars(amount: Decimal) -> str:
    """$0.215, $1.40: cents always, a tenth of a cent where X's prices have one."""
    shown = f"{amount:.3f}"
    return "$" + (shown[:-1] if shown.endswith("0") else shown)
