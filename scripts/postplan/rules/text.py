"""What the text rules share: the parts of a post with their lines, links, mentions, and children's names.

Not a rule (it has no ``ID``): helpers compiled once, so that checking ten thousand posts stays quick.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from postplan.links import HASHTAG, MENTION, URL
from postplan.models import Post, ThreadPart

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
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


_LOWER_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset[str]:
    """The lower-case words and numbers of a text, split at anything else: rules use it to skip quickly
    the posts that cannot concern them (most posts, for most rules)."""
    return frozenset(_LOWER_WORD.findall(text.lower()))


_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def event_of(repository, event_id: str | None):
    """The repository's event with this id (``Repository.event``, which keeps a dictionary of them)."""
    return repository.event(event_id)


def data_lines(name: str) -> list[str]:
    """The non-comment lines of a data file shipped with the rules (``rules/data/<name>``)."""
    text = files("postplan.rules").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


# --- children's names ---------------------------------------------------------------------------

# Words before a name that show it is an adult, a saint or a title, not a pupil ("Mrs Davies", "St Ives").
TITLES = frozenset("""mr mrs ms miss mx dr prof sir dame lady lord rev revd father sister brother st saint
king queen prince princess captain coach uncle aunt auntie nanny grandma grandad""".split())
# Words before a name that make it a thing, not a child ("the Holly and the Ivy", "our Rowan Class").
DETERMINERS = frozenset("the a an this that these those".split())
# Capitalised words after a first name that make it a group, a place or a business, not a surname.
NOT_SURNAMES = frozenset("""Class Classes Group Team Teams House Houses Day Days Week Weeks Month Year Term
Club Clubs Fair Festival Appeal Award Awards Cup Trophy Shield League School Schools Academy College Primary
Nursery Chapel Library Centre Center Museum Theatre Gardens Street Road Avenue Trust Foundation Society Council
Service Show Assembly Prize Medal Memorial Station Hospital Book Books Story Stories Challenge Project Animals
Encounters Ltd Limited Band Choir Orchestra Players Singers Rangers United City Town Athletic Rovers FC Leisure
Pool Cafe Café Bakery Stores Market Zoo Farm Bay Beach Cove Island Point Christmas Easter Diwali Eid Hanukkah
Explorers Scouts Guides Brownies Cubs Beavers Rainbows Ward Unit Room Hub Lodge Kitchen Studio""".split())
NOT_SURNAMES |= frozenset(word.title() for word in MONTHS + WEEKDAYS)

_CAPITAL = re.compile(r"[A-Z][a-z]")
_NAME_LIKE = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:['’]s?)?(?![\w-])")
_BEFORE = re.compile(r"([A-Za-z]+)\.? {1,2}$")  # the word just before a name, on the same line
_AFTER = re.compile(r" {1,2}([A-Za-z][A-Za-z'’-]*)")  # the word just after it
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Name:
    """A child's name as written: a first name, maybe a surname after it, and where it starts."""

    first: str
    surname: str | None
    start: int
    possessive: bool  # "Maya's poem"

    @property
    def full(self) -> str:
        return f"{self.first} {self.surname}" if self.surname else self.first


@dataclass(frozen=True)
class NameList:
    """The first names to look for and the names that are never pupils (authors, historical figures)."""

    first_names: frozenset[str]
    roster_full_names: frozenset[str]
    not_pupils: re.Pattern[str] | None


@lru_cache(maxsize=8)
def name_list(roster: frozenset[str], not_pupils: tuple[str, ...]) -> NameList:
    """The roster's first names when a roster is set (sharper), otherwise the shipped first-name list."""
    if roster:
        first = frozenset(entry.split()[0].title() for entry in roster)
        full = frozenset(entry.lower() for entry in roster if " " in entry)
    else:
        first, full = frozenset(data_lines("first-names.txt")), frozenset()
    known = sorted({*data_lines("public-figures.txt"), *not_pupils}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in known) + r")(?:['’]?s)?\b") if known else None
    return NameList(first, full, pattern)


def names_for(context) -> NameList:
    """The name list for this run: the roster (if any) and the school's ``not_pupils`` setting."""
    settings = context.repository.settings
    return name_list(context.roster, tuple(getattr(settings, "not_pupils", ())))


@lru_cache(maxsize=65536)  # three rules ask about the same text
def find_names(text: str, names: NameList) -> tuple[Name, ...]:
    """Children's first names in the text, each with the surname written after it, if any.

    Left out: names after a title ("Mrs Davies", "Miss Amy"), after "the" ("the Holly and the Ivy"),
    before a group or place word ("Rowan Class", "Owen Street"), a business ("Owen's Animals"), and
    well-known people and characters ("Julia Donaldson", "Harry Potter").
    """
    if not _CAPITAL.search(text):
        return ()
    text = prose(text)
    if names.not_pupils is not None and names.not_pupils.search(text):
        text = names.not_pupils.sub(lambda m: " " * len(m.group()), text)
    found = []
    for match in _NAME_LIKE.finditer(text):  # only capitalised words can be names: skip the rest quickly
        word = match.group()
        bare = _POSSESSIVE.sub("", word) if word[-1] in "s'’" else word
        if bare not in names.first_names:
            continue
        before = _BEFORE.search(text, max(0, match.start() - 20), match.start())
        before_word = before.group(1).lower() if before else ""
        if before_word in TITLES or before_word in DETERMINERS:
            continue
        after = _AFTER.match(text, match.end())
        next_word = after.group(1) if after else ""
        if next_word in NOT_SURNAMES or next_word.rstrip("s") in NOT_SURNAMES:
            continue
        possessive = bare != word
        if possessive and next_word[:1].isupper():
            continue  # "Owen's Animals": a business named after someone
        surname = None
        if not possessive and next_word[:1].isupper() and not next_word.isupper():
            surname = _POSSESSIVE.sub("", next_word) if next_word[-1] in "'’" or next_word.endswith("'s") else next_word
        found.append(Name(bare, surname, match.start(), possessive))
    return tuple(found)


def roster_full_names(text: str, names: NameList) -> list[tuple[str, int]]:
    """Full names from the roster written anywhere in the text, in any capitals ("maya jones")."""
    if not names.roster_full_names:
        return []
    lowered = text.lower()
    return [(name, lowered.index(name)) for name in sorted(names.roster_full_names) if name in lowered]
