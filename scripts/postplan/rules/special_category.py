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

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.identifiable import has_photo_of_people, names_child, sentences, who
from postplan.rules.reading import Text, reader_texts, where
from postplan.rules.names import find_names, names_for
from postplan.rules.sensitive import SIBLING, YEAR_GROUP, details

ID = "special-category"
SEVERITY = Severity.ERROR
SUMMARY = "No health, needs, care, custody or family details about a child who can be identified."
POLICY = ("Learners do not share personal information, including inadvertently through images (e.g. full name on "
          "a noticeboard, address on a driving licence).")

_KINDS = {"health": "a health detail", "needs": "a special educational need or diagnosis", "care": "being in care",
          "custody": "who may collect a child", "bereavement": "a bereavement", "family": "family circumstances",
          "language": "the language needs", "absence": "an absence"}
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
        if child is None or bounds in reported or _staff_news(kind, match, text.value, bounds[0]):
            continue
        reported.add(bounds)
        yield Problem(
            f"this tells the public about {_KINDS[kind]} of {child} ('{match.group()}'){where(text)}",
            fix="take it out: a child's health, needs, care, custody and family details go only to the people "
                "who need them, never on social media; say it without the child, or celebrate without the detail",
            line=text.line_at(match.start()),
        )


_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][\w'’-]+\s+on\s+(?:the\s+)?$")


def _staff_news(kind: str, match: re.Match[str], value: str, start: int) -> bool:
    """A member of staff's own family news ("Mr and Mrs Ali on the birth of their daughter Amira")."""
    return kind == "family" and match.group().lower().startswith(("birth of", "arrival of")) \
        and bool(_TITLED.search(value, max(start, match.start() - 40), match.start()))


def _siblings(text: Text, context: Context) -> Iterator[Problem]:
    for match in SIBLING.finditer(text.value):
        start, end = next((s, e) for s, e in sentences(text.value) if s <= match.start() < e)
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
