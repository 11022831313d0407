"""What a reader sees of a post: every text in it, normalised once, with the line each one starts on.

Not a rule (it has no ``ID``). The text rules read a post through ``reader_texts`` rather than
``post.parts``, so that a name, a phone number or a place is found wherever a reader meets it (the post
and its thread, poll options, alt text, media file names) and however it is disguised: look-alike
letters from other scripts, fullwidth forms, accents and invisible characters are undone by ``plain``
before any rule sees the text. ``plain`` never adds or removes a line break, so a line counted in the
plain text is the line in the file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath

from postplan import lazyre
from postplan.models import Event, Post, Repository

# Characters that show nothing (or nothing a reader notices) but split a word for a machine: zero-width
# spaces and joiners, the soft hyphen, word joiners, bidirectional controls, the byte-order mark.
INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
    "\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\u3164"
    "\ufeff\uffa0"
)
ZERO_WIDTH_JOINER = "\u200d"


def emoji_mark(char: str) -> bool:
    """A variation selector or tag character: part of an emoji ("❤️", the Welsh flag), invisible on a letter."""
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0000 <= code <= 0xE01EF

# Look-alikes that Unicode's confusables table leaves out because they match a Latin letter only in
# small capitals or in handwriting fonts, but which pass for Latin in a post ("Јоnеs" with а к м н т).
_EXTRA_LOOK_ALIKES = {
    "в": "b", "к": "k", "м": "m", "н": "h", "т": "t", "Һ": "H", "Ԛ": "Q", "κ": "k", "τ": "t",
}


@lru_cache(maxsize=4096)
def look_alike(char: str) -> str | None:
    """The Latin letter a letter of another script imitates ("а" Cyrillic → "a"), or None.

    The table is Unicode's confusables list, as shipped by ``confusable-homoglyphs``; it is loaded only
    when a text holds a letter that is not Latin, so a school whose posts are in English never pays for
    it. A capital that Unicode likens to "l" ("І", "Ι") is read as "I", the letter it passes for in a name.
    """
    if char in _EXTRA_LOOK_ALIKES:
        return _EXTRA_LOOK_ALIKES[char]
    from confusable_homoglyphs.confusables import confusables_data

    for glyph in confusables_data.get(char, ()):
        latin = glyph["c"]
        if len(latin) == 1 and latin.isascii() and latin.isalpha():
            return "I" if latin == "l" and char.isupper() else latin
    return None


def _emoji_join(text: str, index: int) -> bool:
    """Whether the zero-width joiner at ``index`` joins two emoji (👩‍🏫 is one picture, not a hiding place)."""
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return bool(before) and bool(after) and not before.isalnum() and not after.isalnum() \
        and not before.isspace() and not after.isspace()


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """The text as a reader sees it: compatibility forms folded (NFKC: fullwidth "Ｍａｙａ" is "Maya"),
    accents and other combining marks dropped, invisible characters removed (a joiner inside an emoji
    is kept), look-alike letters of other scripts read as the Latin letters they imitate. Line breaks
    are kept exactly, so a line counted in the plain text is the line in the file."""
    if text.isascii():
        return text
    folded = unicodedata.normalize("NFKC", text)
    return _NON_ASCII.sub(lambda match: _plain_char(folded, match.start()), folded)


_NON_ASCII = lazyre.compile(r"[^\x00-\x7f]")  # only these need a look: most posts have a few curly quotes at most


def _plain_char(text: str, index: int) -> str:
    char = text[index]
    if char == ZERO_WIDTH_JOINER:
        return char if _emoji_join(text, index) else ""
    if emoji_mark(char):
        return "" if index and text[index - 1].isalnum() else char
    return _plain_letter(char)


@lru_cache(maxsize=4096)
def _plain_letter(char: str) -> str:
    """One character as a reader sees it, whatever is around it."""
    if char in INVISIBLE:
        return ""
    if char in "\u2010\u2011":  # a hyphen that does not break a line ("Mary‑Jane"): a hyphen
        return "-"
    if not char.isalpha():
        return "" if unicodedata.combining(char) else char
    return _latin(char)


# Latin letters with no accent to drop that a name may still be written with ("Łukasz", "Bjørn").
_LATIN_FOLDS = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss", "æ": "ae",
                "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th"}


def _latin(letter: str) -> str:
    """A letter without its accents, or the Latin letter it imitates; itself if neither."""
    base = "".join(c for c in unicodedata.normalize("NFD", letter) if not unicodedata.combining(c)) or letter
    if len(base) != 1:
        return letter  # a syllable that decomposes into several letters (Hangul "가"): keep it whole
    if base.isascii():
        return base
    if base in _LATIN_FOLDS:
        return _LATIN_FOLDS[base]
    if unicodedata.name(base, "").startswith("LATIN"):
        return base  # a Latin letter of its own ("ŋ"): nothing to undo, and no table to load for it
    return look_alike(base) or base


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


_FILE_WORDS = lazyre.compile(r"[-_.]+")


def file_name_words(file: str) -> str:
    """A media file's name as words ("maya-jones_sports-day.jpg" → "maya jones sports day")."""
    return _FILE_WORDS.sub(" ", PurePosixPath(file).stem).strip()


def reader_texts(post: Post) -> tuple[Text, ...]:
    """Every text a reader of the post sees: each part of its text, then its poll options, then each
    image's alt text and file name (a file name is public once the image is posted or on the site)."""
    if _LAST[0] is not post:  # the rules ask one after another about the same post: read it once
        _LAST[:] = [post, _reader_texts(post)]
    return _LAST[1]


_LAST: list = [None, ()]


def _reader_texts(post: Post) -> tuple[Text, ...]:
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


def public_event_texts(repository: Repository) -> Iterator[tuple[Event, Text]]:
    """The title and description of every public event, as texts with their lines in calendar/: they
    reach the public site and the parents' feeds, so the rules read them as they read a post."""
    for event in repository.events:
        if not event.public:
            continue
        for field in ("title", "description"):
            value = getattr(event, field) or ""
            if value:
                yield event, Text("text", plain(value), value, event.source.line_of(field), field)
