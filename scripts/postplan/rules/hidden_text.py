"""A word typed with look-alike letters from another alphabet, or with invisible characters inside it.

"Mаya Jоnes" with a Cyrillic "а" and "о", or "Maya" with a zero-width space between "Ma" and
"ya", looks like any other word to a reader but not to a checker: it is how a child's full name, a phone
number or a swear word gets past the rules that keep children safe. The policies say posts use only
children's first names and are written in Standard English: a disguised word defeats the first rule and
is not the second. The other rules read the text with the disguise undone; this one says it was there.
Text copied from a chat app or a web page can carry such characters without anyone meaning it; either
way, retyping the word removes them.

Left alone: emoji, which are built from joiners, variation selectors and skin-tone modifiers
("👩‍🏫", "❤️", "👍🏽"); words written wholly in their own alphabet ("Дякую", "Καλημέρα", "عيد مبارك",
"新年快乐"); accented and Welsh, Polish or Irish letters ("Dydd Gŵyl Dewi", "Wesołych Świąt", "Siobhán");
a Greek letter in maths or science ("πr²", "5μm").

Passes: "Eid Mubarak! عيد مبارك to all our families"; "Well done Year 6 👏🏽👩‍🏫"; "Nadolig Llawen!".

Fails: "Congratulations to Mаya" (its "а" is Cyrillic); "Maya" typed with a zero-width space or a soft
hyphen between its letters; a name written backwards behind a right-to-left override.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.reading import INVISIBLE, Text, emoji_mark, look_alike, reader_texts, where

ID = "hidden-text"
SEVERITY = Severity.ERROR
SUMMARY = "No words typed with look-alike letters from another alphabet or with invisible characters inside."
POLICY = (
    "Any Tweets from the official school account will be grammatically correct and written in Standard "
    "English; the school Twitter account will only use children's first names when referencing children."
)

_WORD = lazyre.compile(r"[^\s.,;:!?()\[\]{}\"“”/\\|<>-]+")  # a hyphen ends a word: "α-particles"
_SCIENCE = frozenset("πμµ")  # Greek letters that stand for themselves in a Latin word ("πr", "μm")
_OVERRIDES = frozenset("\u202a\u202b\u202d\u202e\u2066\u2067\u2068")  # make text run the other way


def check(post: Post, context: Context) -> Iterable[Problem]:
    seen: set[str] = set()
    for text in reader_texts(post):
        if text.raw.isascii() or not any(map(_may_hide, set(_NON_ASCII.findall(text.raw)))):
            continue  # curly quotes and dashes: nothing to hide a word with
        for word, start, trouble in _disguised(text.raw):
            if word in seen:
                continue
            seen.add(word)
            yield Problem(
                f"'{_visible(word)}' {trouble}{where(text)}",
                fix="retype the word on an ordinary keyboard: look-alike letters and invisible characters "
                    "hide a word from these checks (a name typed this way is still a child's name)",
                line=_line(text, start),
            )


_NON_ASCII = lazyre.compile(r"[^\x00-\x7f]")


def _may_hide(char: str) -> bool:
    return char.isalpha() or char in INVISIBLE or char in _OVERRIDES or emoji_mark(char)


def _line(text: Text, index: int) -> int:
    if text.kind == "file name":
        return text.line
    return text.line + text.raw.count("\n", 0, index)


def _disguised(raw: str) -> Iterator[tuple[str, int, str]]:
    """Each disguised word of a text, where it starts, and what is wrong with it."""
    genuine = _scripts_written_for_real(raw)
    for match in _WORD.finditer(raw):
        word = match.group()
        if word.isascii():
            continue
        trouble = _hidden_character(word) or _mixed_letters(word, genuine)
        if trouble:
            yield word, match.start(), trouble


def _hidden_character(word: str) -> str | None:
    """An invisible character between two letters, or one that turns the text around."""
    for index, char in enumerate(word):
        if char in _OVERRIDES:
            return f"has an invisible {_name(char)} in it, which changes the order its letters show in"
        if char not in INVISIBLE and not emoji_mark(char):
            continue
        before = next((c for c in reversed(word[:index]) if c not in INVISIBLE), "")
        after = next((c for c in word[index + 1:] if c not in INVISIBLE), "")
        if before.isalnum() and after.isalnum() and (_latin(before) or _latin(after)):
            return f"has an invisible {_name(char)} inside it"
    return None


def _mixed_letters(word: str, genuine: frozenset[str]) -> str | None:
    """Latin letters mixed with look-alikes from another alphabet, or a whole word of look-alikes in a
    text with no real word of that alphabet ("Мауа" in an English post)."""
    latin = foreign = 0
    scripts = set()
    for char in word:
        if not char.isalpha():
            continue
        if _latin(char):
            latin += 1
        elif char not in _SCIENCE and look_alike(char):
            foreign += 1
            scripts.add(_script(char))
        else:
            return None  # a letter of another alphabet that is not a look-alike: a real word of it
    if not foreign:
        return None
    if not latin and (foreign < 2 or scripts & genuine or "LATIN" not in genuine):
        return None  # a word of another alphabet in a text that really uses it, or not in English
    alphabets = " and ".join(sorted(scripts)).title()
    example = next(c for c in word if c.isalpha() and not _latin(c))
    which = f"'{example}' is {_name(example)}, not {look_alike(example)!r}"
    if latin:
        return f"mixes Latin letters with look-alike {alphabets} ones ({which})"
    return f"is typed in {alphabets} letters that look like Latin ones ({which})"


def _scripts_written_for_real(raw: str) -> frozenset[str]:
    """The alphabets a text really uses: Latin if any ordinary word, others if a letter of theirs is no
    look-alike (a Russian or Greek greeting has letters that only that alphabet has)."""
    found = {"LATIN"} if re.search(r"[A-Za-z]{2}", raw) else set()
    for char in raw:
        if char.isalpha() and not char.isascii() and not _latin(char) and not look_alike(char):
            found.add(_script(char))
    return frozenset(found)


def _latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").split(" ")[0] in ("LATIN", "FULLWIDTH")


def _script(char: str) -> str:
    return unicodedata.name(char, "OTHER").split(" ")[0]


def _name(char: str) -> str:
    return unicodedata.name(char, "control character").lower()


def _visible(word: str) -> str:
    """The word as it reads, with its invisible characters left out, for the message."""
    return "".join(c for c in word if c not in INVISIBLE and not emoji_mark(c))
