"""What the text rules share: the parts of a post with their lines, links, mentions and words.

Children's names are read in ``names.py``.

Not a rule (it has no ``ID``): helpers compiled once, so that checking ten thousand posts stays quick.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib.resources import files

from postplan import lazyre
from postplan.links import HASHTAG, MENTION, URL
from postplan.models import Post, ThreadPart

EMAIL = lazyre.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_TRAILING = ".,;:!?'\"”’"

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def line_in(part: ThreadPart, index: int) -> int:
    """The file line of a character in a part's text (the text starts on ``part.line``)."""
    return part.line + part.text.count("\n", 0, index)


@lru_cache(maxsize=65536)
def links(text: str) -> tuple[tuple[str, int], ...]:
    """Every web link in the text and where it starts, without the full stop that ends a sentence."""
    if "www." not in text and "://" not in text:
        return ()
    return tuple((match.group().rstrip(_TRAILING), match.start()) for match in URL.finditer(text))


def post_links(post: Post) -> Iterator[tuple[str, int]]:
    """Every link in every part of a post, with the file line it is on (the three link rules share this)."""
    for part in post.parts:
        for url, start in links(part.text):
            yield url, line_in(part, start)


@lru_cache(maxsize=65536)  # rules run one after another over every post: keep every post's prose
def prose(text: str) -> str:
    """The text with links, email addresses, @mentions and #hashtags blanked out (positions are kept).

    Rules about words (names, text-speak, personal details) read this, so a link like bit.ly/1zLd4JB
    or a hashtag like #NCW19 is not mistaken for a word.
    """
    for marker, pattern in (("/", URL), ("www.", URL), ("@", EMAIL), ("@", MENTION), ("#", HASHTAG)):
        if marker in text:
            text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


_LOWER_WORD = lazyre.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset[str]:
    """The lower-case words and numbers of a text, split at anything else: rules use it to skip quickly
    the posts that cannot concern them (most posts, for most rules)."""
    return frozenset(_LOWER_WORD.findall(text.lower()))


_DIGIT = lazyre.compile(r"\d")


def has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def event_of(repository, event_id: str | None):
    """The repository's event with this id (``Repository.event``, which keeps a dictionary of them)."""
    return repository.event(event_id)


def data_lines(name: str) -> list[str]:
    """The non-comment lines of a data file shipped with the rules (``rules/data/<name>``)."""
    text = files("postplan.rules").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
