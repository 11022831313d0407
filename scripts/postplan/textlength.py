"""Post length as platforms count it: X's twitter-text v3 weighted length; Mastodon and Bluesky count characters.

twitter-text-parser is the reference but takes ~1 ms per post, so the common cases are computed here
directly and only the hard parts (URL extraction, emoji matching) are handed to the library, when present.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from postplan import lazyre
from postplan.links import LINK_HINT, TLD_START, url_extractor  # noqa: F401 - TLD_START: checked by its tests here

X_LIMIT = 280

# twitter-text v3.json: code points in these ranges weigh 1, everything else 2 (weights 100/200, scale 100).
LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
URL_WEIGHT = 23
EMOJI_WEIGHT = 2

_LIGHT_CLASS = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in LIGHT_RANGES)
_WIDE = lazyre.compile(f"[^{_LIGHT_CLASS}]")
# Where an emoji match could be anchored: any wide character, or one of the only two light code points the
# library's emoji regex matches on its own. Every multi-code-point emoji has a wide code point first or second,
# so a match always starts at an anchor or just before one (both facts are checked in tests/test_textlength.py).
_EMOJI_ANCHOR = lazyre.compile(f"[^{_LIGHT_CLASS}]|[\u00a9\u00ae]")
# A URL match needs a domain "<chars>." immediately followed by a TLD, and every TLD starts with a letter-like
# word character, never a digit or "_" (checked in the tests), so "3.30pm" or "end. Next" cannot hold a URL.
_URL_HINT = LINK_HINT  # links.py's: a "." and then TLD_START, the first character of a top-level domain
_ZWJ = "\u200d"

# Every emoji of more than one code point contains one of these joiners or modifiers (checked in the tests).
# Without them, and without © or ®, each emoji is a single wide code point, which weighs 2 whether or not
# it is read as an emoji: so the library's emoji list is not needed at all.
_SEQUENCE = re.compile("[\u00a9\u00ae\u200d\u20e3\ufe0e\ufe0f\U0001F1E6-\U0001F1FF"
                       "\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F]")


def weighted_length(text: str, config: str = "v3") -> int:
    """Weighted length exactly as twitter-text's parse_tweet(text).weightedLength (config "v3" or "v2")."""
    if config == "v2":
        return _library_length(text, "v2")
    if config != "v3":
        raise ValueError(f"unknown twitter-text config {config!r}; expected 'v2' or 'v3'")
    t = _normalise(text)
    anchors = [m.start() for m in _EMOJI_ANCHOR.finditer(t)]
    has_url = _URL_HINT.search(t) is not None
    if not anchors and not has_url:
        return len(t)  # every code point is light and nothing is an entity: weight 1 each
    spans = _emoji_spans(t, anchors) if anchors and _SEQUENCE.search(t) else {}
    if has_url:
        spans.update(_url_spans(t))  # a URL wins over an emoji starting at the same index, as in the library
    return _sum_weights(t, spans)


def at_most(text: str) -> int:
    """An upper bound of ``weighted_length(text)``, found without the URL extractor or the emoji regex.

    Each character at its own weight, © and ® at an emoji's 2, and 23 more for every place a link could
    be (a link holds a "." followed by its top-level domain, and no two links share one). An emoji of
    several code points weighs 2, never more than its code points do; a link's own characters count
    here as well as its 23. So a text within a limit by this count is within it exactly.
    """
    t = _normalise(text)
    return (len(t) + len(_WIDE.findall(t)) + t.count("\u00a9") + t.count("\u00ae")
            + URL_WEIGHT * len(_URL_HINT.findall(t)))


def _normalise(text: str) -> str:
    """NFC, then CRLF/CR -> LF, as parse_tweet does before counting."""
    t = unicodedata.normalize("NFC", text)
    if "\r" in t:
        t = t.replace("\r\n", "\n").replace("\r", "\n")
    return t


def _sum_weights(t: str, spans: dict[int, tuple[int, int]]) -> int:
    """Mirror of parse_tweet's counting loop: entities (start -> (length, weight)) consume their characters,
    entities starting inside an already consumed span are ignored, other characters weigh 1 or 2."""
    total = 0
    pos = 0
    for start in sorted(spans):
        if start < pos:
            continue
        total += _plain_weight(t, pos, start)
        length, weight = spans[start]
        total += weight
        pos = start + length
    return total + _plain_weight(t, pos, len(t))


def _plain_weight(t: str, start: int, end: int) -> int:
    if start >= end:
        return 0
    return (end - start) + len(_WIDE.findall(t, start, end))


def _url_spans(t: str) -> dict[int, tuple[int, int]]:
    extract_urls_with_indices = url_extractor()
    # Keyed by start index with later entities overwriting earlier ones, and sized by len(url), as the library does.
    return {e["indices"][0]: (len(e["url"]), URL_WEIGHT) for e in extract_urls_with_indices(t)}


def _emoji_spans(t: str, anchors: list[int]) -> dict[int, tuple[int, int]]:
    """Same matches as the library's emoji.finditer(t), but only trying positions where a match can start."""
    table = _emoji_table()
    candidates = sorted(set(anchors).union(a - 1 for a in anchors if a))
    spans: dict[int, tuple[int, int]] = {}
    end = 0
    for pos in candidates:
        if pos < end:
            continue
        length = _emoji_length(t, pos, table)
        if length:
            spans[pos] = (length, EMOJI_WEIGHT)
            end = pos + length
    return spans


class _EmojiTable(NamedTuple):
    sequences: frozenset[str]  # every emoji of two or more code points
    lengths: tuple[int, ...]  # their lengths in code points, longest first
    single: frozenset[str]  # every emoji of one code point


def _emoji_length(t: str, pos: int, table: _EmojiTable) -> int:
    """The length of the library's emoji regex match at ``pos``, or 0.

    That regex is one alternation: every sequence, longest first, then a class of the single code points.
    Two different sequences of one length cannot both start at ``pos``, so the first alternative that
    matches is the longest sequence found there, and a single code point only when none is.
    """
    room = len(t) - pos
    for length in table.lengths:
        if length <= room and t[pos:pos + length] in table.sequences:
            return length
    return 1 if t[pos] in table.single else 0


@lru_cache(maxsize=1)
def _emoji_table() -> _EmojiTable:
    """The library's emoji list, read from its own emoji-test.txt as its regex module reads it.

    Importing that module compiles one alternation of some 3,000 sequences: a fifth of a second, on the
    path of the pre-commit hook whenever a post has an emoji of several code points. Sets answer the same
    question at once. tests/test_textlength.py checks the table against the compiled regex.
    """
    import importlib.util

    spec = importlib.util.find_spec("twitter_text")  # the package is not imported: that would compile the regex
    data = Path(next(iter(spec.submodule_search_locations)), "regexp", "emoji-test.txt")
    sequences: set[str] = set()
    single: set[str] = set()
    group = ""
    for line in data.read_text(encoding="utf-8").splitlines()[32:]:  # the library skips the same 32 lines
        if line == "# Status Counts":
            break
        if line.startswith("# group:"):
            group = line.split(":")[-1].strip()
        elif group != "Component" and _CODE_POINTS.match(line):
            emoji = "".join(chr(int(code, 16)) for code in line.split(";")[0].split())
            (sequences if len(emoji) > 1 else single).add(emoji)
    lengths = tuple(sorted({len(s) for s in sequences}, reverse=True))
    return _EmojiTable(frozenset(sequences), lengths, frozenset(single))


_CODE_POINTS = re.compile("[0-9A-F]{3,}")


def _library_length(text: str, config: str = "v3") -> int:
    """Reference value straight from twitter-text-parser."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from twitter_text import parse_tweet
        from twitter_text.config import config as configs

    # The library's version2 config lacks the emoji switch parse_tweet reads; v2 has no emoji discount.
    options = {"v3": configs["version3"], "v2": {**configs["version2"], "emoji_parsing_enabled": False}}[config]
    return parse_tweet(text, options=options).weightedLength


def plain_length(text: str) -> int:
    """Grapheme-ish length for platforms that count what a reader sees: NFC code points, with combining marks,
    variation selectors, skin tones, tags, ZWJ sequences, flag pairs and CRLF each folded into one character."""
    t = _normalise(text)
    if t.isascii():
        return len(t)
    count = 0
    joined = False  # previous code point was a ZWJ, so this one continues the sequence
    open_flag = False  # previous code point was an unpaired regional indicator
    for ch in t:
        cp = ord(ch)
        if count and (joined or ch == _ZWJ or _is_extender(ch, cp)):
            joined = ch == _ZWJ
            continue
        joined = False
        if 0x1F1E6 <= cp <= 0x1F1FF:
            open_flag = not open_flag
            if not open_flag:
                continue
        else:
            open_flag = False
        count += 1
    return count


def _is_extender(ch: str, cp: int) -> bool:
    return (
        0xFE00 <= cp <= 0xFE0F
        or 0x1F3FB <= cp <= 0x1F3FF
        or 0xE0020 <= cp <= 0xE007F
        or 0xE0100 <= cp <= 0xE01EF
        or unicodedata.category(ch) in ("Mn", "Me", "Mc")
    )


MASTODON_URL_LENGTH = 23
# A mention of an account on another server (@office@school.social) counts only its "@office" on Mastodon.
_REMOTE_MENTION = re.compile(r"(?<![\w@])(@\w+)@[\w.-]*\w")


def mastodon_length(text: str, url_length: int = MASTODON_URL_LENGTH) -> int:
    """Length as Mastodon counts it: graphemes, every http(s) link as ``url_length`` characters (the
    instance's ``characters_reserved_per_url``), a mention of another server's account as its @name."""
    t = _normalise(text)
    if "://" in t:
        for entity in sorted(url_extractor()(t, False), key=lambda e: e["indices"][0], reverse=True):
            start, end = entity["indices"]
            t = t[:start] + "x" * url_length + t[end:]
    if "@" in t:
        t = _REMOTE_MENTION.sub(r"\1", t)
    return plain_length(t)
