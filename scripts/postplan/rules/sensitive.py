"""What the special-category rules share: the terms for a child's health, needs, care, custody,
bereavement and family (``data/special-category.txt``, and the phrases that say one without its word
in ``data/special-category-phrasings.txt``), found only where they are not a campaign's, a charity's
or a team's name. Not a rule (it has no ``ID``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from postplan import lazyre
from postplan.rules.identifiable import sentences
from postplan.rules.text import data_lines, words

# After a term, words that make it a campaign, a charity, a team or a provision, not a child's detail.
_GENERAL_AFTER = lazyre.compile(
    r"[\s-]*(?:awareness|research|uk|action|society|foundation|trust|charit\w*|appeal|week|day|month|friendly|"
    r"aware|support|team|unit|base|provision|hub|department|lead|co-?ordinator|policy|register|information|"
    r"champions?|ambassadors?|centre|ward|clinic|nurse|services?|walk|run|bake|cake|fundrais\w*|relief|hospice|"
    r"training|workshop|course|assembly|free|specialist|schools?|staff|sensory|care homes?)\b",
    re.IGNORECASE,
)
# After such a word, a child it was made for: "the dyslexia-friendly shelf we set up for her" (not "for her
# mum", where "her" is whose).
_FOR_THE_CHILD = lazyre.compile(
    r"[^.!?\n]{0,40}?\b(?:for|so)\s+(?:him|her)(?=\s*(?:[.,!?;:)\n]|$|(?:is|was|has|and|to|so|in|at|on|this|last|"
    r"next|every|each|when|because|now|today|too|as)\b))", re.IGNORECASE)
# Before a term, words that make it about anyone ("what to do if someone has a seizure", "raising money for").
_GENERAL_BEFORE = lazyre.compile(
    r"\b(?:about|for|against|raising|raise|raised|supporting|support)\s+(?:the\s+)?$"
    r"|\b(?:someone|somebody|anyone|anybody|a person|people|children|pupils|everyone|a friend)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# "for" after these is a family receiving something, not a school supporting it: "registered for free
# school meals", "eligible for the hardship fund" (the money for a cause is "raised for", "raising for").
_RECEIVING = lazyre.compile(r"\b(?:registered|eligible|qualif(?:y|ies|ied)|signed up|applied)\s+for\s+(?:the\s+)?$",
                            re.IGNORECASE)
SIBLING = lazyre.compile(
    r"\b(?:his|her|their|[A-Z][a-z]+['’]s)\s+(?:little |big |baby |younger |older |twin |step-?)?"
    r"(?:brothers?|sisters?|siblings?|twin)\b|\btwins\s+[A-Z][a-z]+|\bbrother and sister\b|\bsister and brother\b"
    r"|\bsibling (?:pair|duo|trio)\b"
)
# A year group or class beside the family tie: "a brother and sister in Year 2 and Year 5".
YEAR_GROUP = lazyre.compile(r"\b(?:year|yr|y)\s?\d{1,2}\b|\breception\b", re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    """A line of the data files: its kind, the words it needs, and its pattern."""

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
    return lazyre.compile_now(rf"(?<![\w-])(?:{source})(?![\w-])", flags)


@lru_cache(maxsize=1)
def terms() -> dict[str, tuple[tuple[str, Term], ...]]:
    """Each term with each of its anchors, indexed by the anchor's first three letters: one pair for
    each anchor, so a word costs one ``startswith`` a pair (this runs on every text of every post)."""
    index: dict[str, list[tuple[str, Term]]] = {}
    for line in [*data_lines("special-category.txt"), *data_lines("special-category-phrasings.txt")]:
        kind, anchors, pattern = (part.strip() for part in line.split("|", 2))
        flags = 0 if kind.endswith("!") else re.IGNORECASE
        term = Term(kind.rstrip("!"), tuple(anchors.split()), pattern, flags)
        for anchor in term.anchors:
            index.setdefault(anchor[:3], []).append((anchor, term))
    return {start: tuple(found) for start, found in index.items()}


@lru_cache(maxsize=65536)  # both special-category rules ask about the same text
def _candidates(value: str) -> tuple[Term, ...]:
    """The terms whose anchor words the text has: the only ones worth matching."""
    index = terms()
    found: dict[int, Term] = {}
    for word in words(value):
        for anchor, term in index.get(word[:3], ()):
            if word.startswith(anchor):
                found[id(term)] = term
    return tuple(found.values())


def details(value: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Each special-category term in the text that is not part of a campaign, charity or team's name
    (in no set order: a caller that reports one a sentence sorts them by where they start)."""
    for term in _candidates(value):
        for match in term.pattern.finditer(value):
            if not _general(value, match):
                yield term.kind, match


_WHOSE = lazyre.compile(r"\b(?:his|her|their|your)\s+\w", re.IGNORECASE)
_NAMED_WHOSE = lazyre.compile(r"\b[A-Z][a-z]+['’]s\b")  # "families like Harvey's": a child's own


def _general(value: str, match: re.Match[str]) -> bool:
    """Whether the term is a campaign's, a charity's or a team's, or said of anyone, not a child's detail
    (never when the term itself says whose it is: "for the hospice that looked after his mum")."""
    if _WHOSE.search(match.group()) or _NAMED_WHOSE.search(match.group()):
        return False
    if value[max(0, match.start() - 1):match.start()] in ("@", "#"):
        return True  # an account's or a campaign's name: "@Autism", "#AutismAwareness"
    if _GENERAL_AFTER.match(value, match.end()):
        return not _FOR_THE_CHILD.match(value, match.end())
    before = max(0, match.start() - 25)
    return bool(_GENERAL_BEFORE.search(value, before, match.start())) \
        and not _RECEIVING.search(value, max(0, match.start() - 30), match.start())


# A name's initial ends no sentence: "Ruby H. in 4C has a nut allergy" is one sentence about Ruby.
_INITIAL_END = lazyre.compile(r"(?<![\w'’-])[A-Z]$")


@lru_cache(maxsize=4096)  # both special-category rules ask about the same text
def detail_sentences(value: str) -> tuple[tuple[int, int], ...]:
    """Where each sentence of the text starts and ends (``identifiable.sentences``), but a sentence that
    stops at a name's initial ("Ruby H.") runs on when the next goes on in lower case ("in 4C has…")."""
    merged: list[tuple[int, int]] = []
    for start, end in sentences(value):
        if merged and value[merged[-1][1]:merged[-1][1] + 1] == "." and value[start:end].lstrip()[:1].islower() \
                and _INITIAL_END.search(value, merged[-1][0], merged[-1][1]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)
