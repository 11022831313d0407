"""Health, needs, care, custody, bereavement or family details about a child a reader could pick out.

These are the most sensitive things a school knows about a child (special-category data): a medical
condition, an allergy or a diet kept for them, an injury or an illness, a diagnosis or special
educational need, a hospital stay, being in care, fostered or adopted, who may or may not collect
them, a death in the family, a parent in prison, a benefit the family receives, counselling or therapy,
trouble at home. Said about a named child (a first name is enough, and so is a first name with an
initial or a class: "Ruby H. in 4C"), about one child described instead ("the boy in Oak class", "our Head
Girl"), or about "he", "she" or "this pupil" beside a photo of children, they
tell strangers and classmates what only the people who need to know should know. A detail about a
group ("our looked-after children") names its members when children are named beside it, and a
detail followed by a note to one named child's family ("Archie's mum, please check his hair") is
about that child. A brother or sister named with a child in a photo ties a family together for
anyone looking. Every text a reader sees is read. General statements identify nobody and are fine,
and so are campaigns and teams named after a condition.

Passes: "We are proud to be an autism-friendly school."; "It's Allergy Awareness Week: we are a
nut-free school."; "Maya raised £20 for Cancer Research UK."; "Our SEN team run a coffee morning.";
"Free school meals registration is open."; "Chickenpox is going round Year 1."

Fails: "Well done Maya, who has worked so hard with her dyslexia this year!"; "Get well soon Tom, we
hope you are out of hospital soon."; "Please note only Ella's mum may collect her."; "A nut-free table
from Monday so Yusuf in Year 3 can sit with his friends."; "Finn sprained his ankle on day one.";
"Our looked-after children had a great day. Well done Maisie and Kyle!"; a photo of people with
"Maya and her little brother Tom"; "Ruby H. in 4C has a severe nut allergy"; "So proud of Ellie, who
has worked so hard after a really tough time at home"; "Harvey has worked so hard with his speech and
language therapist"; "Alfie is now completely dry in the day!"; "the boy in Oak class who has been having
chemo".
"""

import functools
import re
from collections.abc import Iterable, Iterator

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.identifiable import POINTING, has_photo_of_people, names_child, who
from postplan.rules.name_words import GROWN_UP_TITLE
from postplan.rules.reading import Text, reader_texts, where
from postplan.rules.names import find_names, names_for
from postplan.rules.sensitive import SIBLING, YEAR_GROUP, detail_sentences, details

ID = "special-category"
SEVERITY = Severity.ERROR
SUMMARY = "No health, needs, care, custody or family details about a child who can be identified."
POLICY = ("Learners do not share personal information, including inadvertently through images (e.g. full name on "
          "a noticeboard, address on a driving licence).")

# What the post tells about the child, by kind of detail ({} is the child).
_KINDS = {"health": "a health detail of {}", "needs": "a special educational need or diagnosis of {}",
          "care": "the care status of {} (in care, fostered or adopted)", "custody": "who may collect {}",
          "bereavement": "a bereavement in the family of {}", "family": "the family circumstances of {}",
          "language": "the language needs of {}", "absence": "an absence of {}",
          "belief": "the religion or beliefs of {}", "safeguarding": "a safeguarding concern about {}"}


def check(post: Post, context: Context) -> Iterable[Problem]:
    texts = reader_texts(post)
    photo = has_photo_of_people(post)
    bases = _support_places(tuple(context.repository.settings.support_places))
    places = frozenset(word for place in context.repository.settings.support_places for word in place.split())
    for text in texts:
        based = [("needs", match) for match in (bases.finditer(text.value) if bases else ())]
        found = [*details(text.value), *based]
        found.sort(key=lambda found: (found[1].start(), -found[1].end(), found[0]))
        if found:
            yield from _details_about_a_child(post, context, text, found, names_child(post, context, texts),
                                              places if based else frozenset())
        if photo:
            yield from _siblings(text, context)


@functools.lru_cache(maxsize=8)
def _support_places(places: tuple[str, ...]) -> re.Pattern[str] | None:
    """The school's own bases for additional needs (``support_places``), where being is a need: "joining us in
    the Willow Centre", "lunch in the Hive", "our Willow Centre pupils"."""
    named = [re.escape(place.strip()).replace(r"\ ", r"\s+") for place in places if place.strip()]
    if not named:
        return None
    return lazyre.compile_now(rf"\b(?:in|into|to|at|from|joins?|joining|attends?|attending)\s+(?:us\s+in\s+)?"
                              rf"(?:the\s+)?(?:{'|'.join(named)})\b"
                              rf"|\b(?:{'|'.join(named)})\s+(?:pupils|children|students|group|class)\b", re.IGNORECASE)


def _details_about_a_child(post: Post, context: Context, text: Text, found: list[tuple[str, re.Match[str]]],
                           named: bool, places: frozenset[str] = frozenset()) -> Iterator[Problem]:
    reported: set[tuple[int, int]] = set()
    for kind, match in found:
        bounds = next((s, e) for s, e in detail_sentences(text.value) if s <= match.start() < e)
        if bounds in reported or _staff_news(kind, match, text.value, bounds[0]):
            continue
        child = who(post, context, text, *bounds, named_elsewhere=named) \
            or _beside(post, context, text, match, bounds) or _marked(context, text.value, bounds) \
            or _described(text.value, bounds)
        if child is None or child in places and child.lower() in match.group().lower().split():
            continue  # "in the Willow Centre": Willow is the base's name, no child's
        reported.add(bounds)
        yield Problem(
            f"this tells the public about {_KINDS[kind].format(child)} ('{match.group()}'){where(text)}",
            fix="take it out: a child's health, needs, care, custody and family details go only to the people "
                "who need them, never on social media; say it without the child, or celebrate without the detail",
            line=text.line_at(match.start()),
        )


# A detail about a group of children ("our looked-after children", "our young carers"): the children
# named in the sentence before or after it are read as its members.
_GROUP = lazyre.compile(r"\b(?:children|pupils|learners|students|young people|carers|leavers|group|cohort|families)\b",
                        re.IGNORECASE)
# A name that is only a parent's label ("Maya's mum"): the parent is who the sentence is about.
_PARENT_AFTER = lazyre.compile(r"['’]s?\s+(?:mum|mummy|mam|dad|daddy|parents?|family|carers?|grandparents|nan|gran|"
                               r"grandma|grandad)\b", re.IGNORECASE)
# A sentence that turns to one named child's family and asks something of them ("Archie's mum, please
# check his hair", "Parents of Leo, could you keep him at home").
_TO_FAMILY = lazyre.compile(
    r"\W*(?:(?i:(?:the\s+)?(?:parents?|mum|dad|family|carers?|grown-ups)\s+of\s+)(?P<of>[A-Z][\w-]+)"
    r"|(?P<own>[A-Z][\w-]+)['’]s?\s+(?i:mum|mummy|mam|dad|daddy|parents?|family|carers?|grandparents|nan|gran|"
    r"grandma|grandad))\s*[,:-]\s*(?i:please|could you|can you|would you|do you|(?P<yours>yours|your (?:one|envelope|"
    r"voucher|pack|bag|parcel|letter)s?))\b")

# A sentence that turns to named children ("Mo in Year 4, pop to the office for it please", "Ollie B, Tia and
# Kai, that means you!"): the detail just before is about them.
_TO_CHILD = lazyre.compile(
    r"\W*(?P<child>[A-Z][\w-]+)(?:\s+[A-Z]\b\.?)?(?:\s*(?:,|\band\b|&)\s*[A-Z][\w-]+(?:\s+[A-Z]\b\.?)?)*"
    r"(?:\s+(?i:in|from)\s+(?:(?i:year|yr|y)\s?\d{1,2}\w?|\d{1,2}[A-Z]{1,2})|\s+\(\w+\))?"
    r"\s*[,:–—-]\s*(?i:please|pop|come|collect|can you|could you|it(?:'|’)s yours|this is yours|"
    r"th(?:at|is) (?:means|includes|goes for) you|your own)\b")


def _beside(post: Post, context: Context, text: Text, match: re.Match[str], bounds: tuple[int, int]) -> str | None:
    """A child the sentence's detail is about though it names nobody: a group's members named in the
    sentence next to it, or the child whose family the next sentence turns to (and points at again)."""
    spans = list(detail_sentences(text.value))
    at = spans.index(bounds)
    if _GROUP.search(text.value, match.start(), min(bounds[1], match.end() + 25)):
        for start, end in spans[max(0, at - 1):at] + spans[at + 1:at + 2]:
            member = _member(post, context, text, start, end)
            if member:
                return member
    if at + 1 < len(spans):
        start, end = spans[at + 1]
        family = _TO_FAMILY.match(text.value, start, end)
        if family and (family.group("yours") or POINTING.search(text.value, family.end(), end)):
            name = family.group("of") or family.group("own")
            if any(found.first == name for found in find_names(text.value[start:end], names_for(context))):
                return name
        spoken_to = _TO_CHILD.match(text.value, start, end)
        if spoken_to and spoken_to.group("child") in names_for(context).first_names:
            return spoken_to.group("child")
    return None


def _member(post: Post, context: Context, text: Text, start: int, end: int) -> str | None:
    """A child named in the sentence at ``start``…``end``, not as a parent's label and not a grown-up."""
    for name in find_names(text.value, names_for(context)):
        if start <= name.start < end and not _PARENT_AFTER.match(text.value, name.start + len(name.first)) \
                and who(post, context, text, start, end, named_elsewhere=False) is not None:
            return name.first
    return None


# A first name picked out by an initial, a class or a team sheet's position after it ("Ruby H. in 4C",
# "Ruby (4C)", "Ruby H. has", "Grace (GK)"):
# a child, even when the name is also a word that alone would not be read as one.
_MARKED = lazyre.compile(
    r"(?<![\w'’-])(?P<first>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:[A-Z]\.?\s+)?"
    r"(?:\((?i:year\s?|yr\s?|y)?\d{1,2}[A-Z]{0,2}\)|\((?:GK|GD|WD|C|WA|GA|GS)\)|"  # a class, or a netball position
    r"(?i:in|from)\s+(?:(?i:year|yr|y)\s?\d{1,2}\b|\d{1,2}[A-Z]{1,2}\b|(?i:class)\s+\w+|[A-Z]\w+\s+(?i:class)\b))"
    r"|(?<![\w'’-])(?P<initialled>[A-Z][a-z]+)\s+[A-Z]\.(?=\s+[a-z])")
_TITLE_BEFORE = lazyre.compile(rf"\b{GROWN_UP_TITLE}\.?\s+$")


def _marked(context: Context, value: str, bounds: tuple[int, int]) -> str | None:
    """A child's first name in the sentence, marked as a pupil's by an initial or a class after it."""
    names = names_for(context)
    for match in _MARKED.finditer(value, *bounds):
        first = match.group("first") or match.group("initialled")
        if (first in names.first_names or first in names.name_words) \
                and not _TITLE_BEFORE.search(value, max(0, match.start() - 6), match.start()):
            return first
    return None


# One child a reader can pick out without a name: "the boy in Oak class who…", "the girl in 4H", "our Head
# Girl", "the netball captain" (a class holds one such child; a school one head girl); a family by its
# surname and its child's class ("the Hussain family in Year 3").
_DESCRIBED = lazyre.compile(
    r"\b(?i:the|our)\s+(?:(?i:little|young|only|new)\s+)?(?i:boy|girl|child|pupil|student|lad|learner|young man|"
    r"young lady)\s+(?i:in|from)\s+(?:(?i:year|yr|y)\s?\d{1,2}\b|\d{1,2}[A-Z]{1,2}\b|(?i:class)\s+[A-Z0-9]\w*|"
    r"[A-Z][a-z]+\s+(?i:class|room|group)\b|(?i:reception|nursery)\b)"
    r"|\b(?i:the)\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+(?i:family)\s+(?i:in|from)\s+(?:(?i:year|yr|y)\s?\d{1,2}\b|"
    r"\d{1,2}[A-Z]{1,2}\b|(?i:class)\s+[A-Z0-9]\w*|[A-Z][a-z]+\s+(?i:class)\b|(?i:reception|nursery)\b)"
    r"|\b(?i:the)\s+(?:(?i:year|yr|y)\s?\d{1,2}|\d{1,2}[A-Z]{1,2}|[A-Z][a-z]+\s+(?i:class))\s+(?i:boy|girl|child|pupil|"
    r"student)\s+(?i:who|whose|with)\b"
    # a family's children by their surname: "the Miller kids", "the Okafor twins"
    r"|\b(?i:the)\s+(?!(?:Year|Reception|Nursery|Class|Key|Infant|Junior|Primary|Foundation|Sixth|Form|School|Village|"
    r"Town|City|County|Team|House)\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+(?i:kids|children|twins|triplets|brothers|sisters|"
    r"siblings)\b"
    r"|\b(?i:the|our)\s+(?:(?i:new)\s+)?(?:(?i:deputy)\s+)?(?i:head\s+(?:girl|boy|student)|school\s+captain|"
    r"(?:house|team|football|netball|rugby|cricket|hockey)\s+captain)\b")


def _described(value: str, bounds: tuple[int, int]) -> str | None:
    """One child described, not named, in the sentence ("the boy in Oak class")."""
    found = _DESCRIBED.search(value, *bounds)
    return re.sub(r"^(?i:our)\b|\s+(?i:who|whose|with)$", lambda m: "the" if m.group().strip().lower() == "our" else "",
                  found.group()) if found else None


_TITLED = lazyre.compile(rf"\b{GROWN_UP_TITLE}\.?\s+[A-Z][\w'’-]+\s+on\s+(?:the\s+)?$")


def _staff_news(kind: str, match: re.Match[str], value: str, start: int) -> bool:
    """A member of staff's own family news ("Mr and Mrs Ali on the birth of their daughter Amira")."""
    return kind == "family" and match.group().lower().startswith(("birth of", "arrival of")) \
        and bool(_TITLED.search(value, max(start, match.start() - 40), match.start()))


def _siblings(text: Text, context: Context) -> Iterator[Problem]:
    for match in SIBLING.finditer(text.value):
        start, end = next((s, e) for s, e in detail_sentences(text.value) if s <= match.start() < e)
        sentence = text.value[start:end]
        if YEAR_GROUP.search(sentence) or any(start <= name.start < end
                                               for name in find_names(text.value, names_for(context))):
            yield Problem(
                f"a child picked out with their family ('{match.group()}') beside a photo of people{where(text)}",
                fix="leave out the brother or sister (and the names and year groups): a photo with family ties shows "
                    "strangers who belongs to whom",
                line=text.line_at(match.start()),
            )
            return
