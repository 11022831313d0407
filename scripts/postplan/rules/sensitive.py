"""What the special-category rules share: the terms for a child's health, needs, care, custody,
bereavement and family (``data/special-category.txt``), found only where they are not a campaign's,
a charity's or a team's name. Not a rule (it has no ``ID``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from postplan.rules.text import data_lines, words

# After a term, words that make it a campaign, a charity, a team or a provision, not a child's detail.
_GENERAL_AFTER = re.compile(
    r"[\s-]*(?:awareness|research|uk|action|society|foundation|trust|charit\w*|appeal|week|day|month|friendly|"
    r"aware|support|team|unit|base|provision|hub|department|lead|co-?ordinator|policy|register|information|"
    r"champions?|ambassadors?|centre|ward|clinic|nurse|services?|walk|run|bake|cake|fundrais\w*|relief|hospice|"
    r"training|workshop|course|assembly|free|specialist|schools?|staff|sensory|care homes?)\b",
    re.IGNORECASE,
)
# Before a term, words that make it about anyone ("what to do if someone has a seizure", "raising money for").
_GENERAL_BEFORE = re.compile(
    r"\b(?:about|for|against|raising|raise|raised|supporting|support)\s+(?:the\s+)?$"
    r"|\b(?:someone|somebody|anyone|anybody|a person|people|children|pupils|everyone|a friend)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
SIBLING = re.compile(
    r"\b(?:his|her|their|[A-Z][a-z]+['’]s)\s+(?:little |big |baby |younger |older |twin |step-?)?"
    r"(?:brothers?|sisters?|siblings?|twin)\b|\btwins\s+[A-Z][a-z]+|\bbrother and sister\b|\bsister and brother\b"
    r"|\bsibling (?:pair|duo|trio)\b"
)
# A year group or class beside the family tie: "a brother and sister in Year 2 and Year 5".
YEAR_GROUP = re.compile(r"\b(?:year|yr|y)\s?\d{1,2}\b|\breception\b", re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    """A line of ``data/special-category.txt``: its kind, the words it needs, and its pattern."""

    kind: str
    anchors: tuple[str, ...]
    source: str  # the expression, compiled when a text first has one of the anchors
    flags: int

    @property
    def pattern(self) -> re.Pattern[str]:
        """The expression, compiled once, matched on whole words."""
        return _compiled(self.source, self.flags)


@lru_cache(maxsize=None)
def _compiled(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{source})(?![\w-])", flags)


@lru_cache(maxsize=1)
def terms() -> dict[str, tuple[Term, ...]]:
    """The terms, indexed by the first three letters of each anchor."""
    index: dict[str, list[Term]] = {}
    for line in data_lines("special-category.txt"):
        kind, anchors, pattern = (part.strip() for part in line.split("|", 2))
        flags = 0 if kind.endswith("!") else re.IGNORECASE
        term = Term(kind.rstrip("!"), tuple(anchors.split()), pattern, flags)
        for anchor in term.anchors:
            index.setdefault(anchor[:3], []).append(term)
    return {start: tuple(found) for start, found in index.items()}


@lru_cache(maxsize=65536)  # both special-category rules ask about the same text
def _candidates(value: str) -> tuple[Term, ...]:
    """The terms whose anchor words the text has: the only ones worth matching."""
    index = terms()
    found: dict[int, Term] = {}
    for word in words(value):
        for term in index.get(word[:3], ()):
            if any(word.startswith(anchor) for anchor in term.anchors):
                found[id(term)] = term
    return tuple(found.values())


def details(value: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Each special-category term in the text that is not part of a campaign, charity or team's name."""
    for term in _candidates(value):
        for match in term.pattern.finditer(value):
            if _GENERAL_AFTER.match(value, match.end()) or _GENERAL_BEFORE.search(value, max(0, match.start() - 25),
                                                                                 match.start()):
                continue
            yield term.kind, match
