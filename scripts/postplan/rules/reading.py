"""What a reader sees of a post: every text in it, normalised once, with the line each one starts on.

Not a rule (it has no ``ID``). The text rules read a post through ``reader_texts`` rather than
``post.parts``, so that a name, a phone number or a place is found wherever a reader meets it (the post
and its thread, poll options, alt text, media file names) and however it is disguised: look-alike
letters from other scripts, fullwidth forms, accents and invisible characters are undone by ``plain``
before any rule sees the text. ``plain`` never adds or removes a line break, so a line counted in the
plain text is the line in the file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath

from postplan.models import Post

# Characters that show nothing (or nothing a reader notices) but split a word for a machine: zero-width
# spaces and joiners, the soft hyphen, word joiners, bidirectional controls, the byte-order mark.
INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
    "\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\u3164"
    "\ufeff\uffa0"
)

# Letters of other scripts that look like Latin ones: a name typed with one of them slips past a check.
_LOOK_ALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "һ": "h", "ӏ": "l", "А": "A", "В": "B", "Е": "E", "Ё": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ї": "I", "Ј": "J", "Ԛ": "Q",
    "Ԝ": "W", "Һ": "H", "Ӏ": "I",
    # Greek
    "α": "a", "ο": "o", "ρ": "p", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "υ": "u", "Α": "A", "Β": "B",
    "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T",
    "Υ": "Y", "Χ": "X",
}


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """The text as a reader sees it: compatibility forms folded (NFKC: fullwidth "Ｍａｙａ" is "Maya"),
    accents and other combining marks dropped, invisible characters removed, look-alike letters of
    other scripts read as the Latin letters they imitate. Line breaks are kept exactly."""
    if text.isascii():
        return text
    folded = unicodedata.normalize("NFKC", text)
    return _NOT_ASCII.sub(lambda match: _plain_character(match.group()), folded)  # ASCII stays as it is


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _plain_character(char: str) -> str:
    """What one character (not ASCII) reads as: "" for an invisible one or a combining mark."""
    if char in INVISIBLE:
        return ""
    if char in _LOOK_ALIKES:
        return _LOOK_ALIKES[char]
    if not char.isalpha():
        return "" if unicodedata.combining(char) else char
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if base.isascii() and base else char


@dataclass(frozen=True)
class Text:
    """One text a reader sees, where it is, and what it is (the post, a poll option, alt text…)."""

    kind: str  # "text" (the post or a part of its thread), "poll option", "alt text", "file name"
    value: str  # the plain text (see ``plain``): what rules read
    raw: str  # as written
    line: int  # the file line the text starts on
    field: str | None = None  # its front-matter field ("media.0.alt"); None for the post's text

    def line_at(self, index: int) -> int:
        """The file line of a character of ``value``."""
        return self.line + self.value.count("\n", 0, index)


_FILE_WORDS = re.compile(r"[-_.]+")


def file_name_words(file: str) -> str:
    """A media file's name as words ("maya-jones_sports-day.jpg" → "maya jones sports day")."""
    return _FILE_WORDS.sub(" ", PurePosixPath(file).stem).strip()


def reader_texts(post: Post) -> tuple[Text, ...]:
    """Every text a reader of the post sees: each part of its text, then its poll options, then each
    image's alt text and file name (a file name is public once the image is posted or on the site).

    Made once per post: the engine runs every rule on one post before the next, so the last post's
    texts are kept for the rules that follow (a post is frozen, so they cannot change).
    """
    global _last
    if _last is not None and _last[0] is post:
        return _last[1]
    texts = _texts(post)
    _last = (post, texts)
    return texts


_last: tuple[Post, tuple[Text, ...]] | None = None


def _texts(post: Post) -> tuple[Text, ...]:
    texts = [Text("text", plain(part.text), part.text, part.line) for part in post.parts]
    line_of = post.source.line_of
    if post.poll is not None:
        for index, option in enumerate(post.poll.options):
            field = f"poll.options.{index}"
            texts.append(Text("poll option", plain(option), option, line_of(field), field))
    for index, media in enumerate(post.media):
        if media.alt:
            field = f"media.{index}.alt"
            texts.append(Text("alt text", plain(media.alt), media.alt, line_of(field), field))
        field = f"media.{index}.file"
        words = file_name_words(media.file)
        texts.append(Text("file name", plain(words), media.file, line_of(field), field))
    return tuple(texts)


def where(text: Text) -> str:
    """How a finding names the place it found something: "" for the post's text, else " (in alt text)"."""
    return "" if text.kind == "text" else f" (in the {text.kind})"
