"""Health, needs, care, custody, bereavement or family details about a child a reader could pick out.

These are the most sensitive things a school knows about a child (special-category data): a medical
condition or allergy, a diagnosis or special educational need, a hospital stay, being in care,
fostered or adopted, who may or may not collect them, a death in the family, a parent in prison. Said
about a named child (a first name is enough), or about "he", "she" or "this pupil" beside a photo of
children, they tell strangers and classmates what only the people who need to know should know. A
brother or sister named with a child in a photo ties a family together for anyone looking. Every text
a reader sees is read. General statements identify nobody and are fine, and so are campaigns and
teams named after a condition.

Passes: "We are proud to be an autism-friendly school."; "It's Allergy Awareness Week: we are a
nut-free school."; "Maya raised £20 for Cancer Research UK."; "Our SEN team run a coffee morning."

Fails: "Well done Maya, who has worked so hard with her dyslexia this year!"; "Get well soon Tom, we
hope you are out of hospital soon."; "Please note only Ella's mum may collect her."; a photo of people
with "Maya and her little brother Tom".
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.identifiable import has_photo_of_people, names_child, sentences, who
from postplan.rules.reading import Text, reader_texts, where
from postplan.rules.text import data_lines, find_names, names_for, words

ID = "special-category"
SEVERITY = Severity.ERROR
SUMMARY = "No health, needs, care, custody or family details about a child who can be identified."
POLICY = ("Learners do not share personal information, including inadvertently through images (e.g. full name on "
          "a noticeboard, address on a driving licence).")

_KINDS = {"health": "a health detail", "needs": "a special educational need or diagnosis", "care": "being in care",
          "custody": "who may collect a child", "bereavement": "a bereavement", "family": "family circumstances"}
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
_SIBLING = re.compile(
    r"\b(?:his|her|their|[A-Z][a-z]+['’]s)\s+(?:little |big |baby |younger |older |twin |step-?)?"
    r"(?:brothers?|sisters?|siblings?|twin)\b|\btwins\s+[A-Z][a-z]+|\bbrother and sister\b"
)


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


def check(post: Post, context: Context) -> Iterable[Problem]:
    texts = reader_texts(post)
    photo = has_photo_of_people(post)
    for text in texts:
        found = list(details(text.value))
        if found:
            yield from _details_about_a_child(post, context, text, found, names_child(post, context, texts))
        if photo:
            yield from _siblings(text, context)


def _details_about_a_child(post: Post, context: Context, text: Text, found: list[tuple[str, re.Match[str]]],
                           named: bool) -> Iterator[Problem]:
    reported: set[tuple[int, int]] = set()
    for kind, match in found:
        bounds = next((s, e) for s, e in sentences(text.value) if s <= match.start() < e)
        child = who(post, context, text, *bounds, named_elsewhere=named)
        if child is None or bounds in reported:
            continue
        reported.add(bounds)
        yield Problem(
            f"this tells the public about {_KINDS[kind]} of {child} ('{match.group()}'){where(text)}",
            fix="take it out: a child's health, needs, care, custody and family details go only to the people "
                "who need them, never on social media; say it without the child, or celebrate without the detail",
            line=text.line_at(match.start()),
        )


def _siblings(text: Text, context: Context) -> Iterator[Problem]:
    for match in _SIBLING.finditer(text.value):
        start, end = next((s, e) for s, e in sentences(text.value) if s <= match.start() < e)
        if any(start <= name.start < end for name in find_names(text.value, names_for(context))):
            yield Problem(
                f"a named child and their family ('{match.group()}') beside a photo of people{where(text)}",
                fix="leave out the brother or sister (and the names): a photo with family ties named shows "
                    "strangers who belongs to whom",
                line=text.line_at(match.start()),
            )
            return
