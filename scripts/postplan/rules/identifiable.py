"""Whether a sentence of a post is about a child a reader could pick out.

Not a rule (it has no ``ID``). A detail about health, family or a birthday is personal information
only when it is tied to someone: a named child (a first name is enough), or a child in the post's photo
the sentence points at ("she", "this pupil"). General statements ("we are an autism-friendly school")
identify nobody. Names are found by ``text.find_names`` (the roster when one is set).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postplan import lazyre
from postplan.models import Post
from postplan.rules.base import Context
from postplan.rules.reading import Text
from postplan.rules.name_types import NameList
from postplan.rules.name_words import ANIMAL_AFTER, TITLES
from postplan.rules.names import blank_not_pupils, find_names, names_for

_SENTENCE_END = lazyre.compile(r"[.!?]+(?=\s|$)|\n")
# Words that point at one person; with a photo of people, they point at a child in it.
POINTING = lazyre.compile(
    r"\b(?:he|she|his|her|him|hers|himself|herself|this (?:child|pupil|boy|girl|little one|student|young man|"
    r"young lady|learner)|the family|their family)\b",
    re.IGNORECASE,
)
# A titled or grown-up person in the sentence ("Mrs Hart shared her story", "our visiting author told us
# about her…"): "her" may well be the adult.
_TITLES = "Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lady|Lord|Rev|Revd|Father|Sister"  # with a capital, before a name
_ADULT = lazyre.compile(rf"(?-i:\b(?:{_TITLES})\b\.?\s+[A-Z])"  # not "we'll miss her"
                        r"|\b(?:author|illustrator|visitor|speaker|guest|coach|nurse|doctor|officer|firefighter|teacher|"
                        r"headteacher|governor|volunteer|poet|athlete|olympian|paralympian)s?\b", re.IGNORECASE)
# Grown-ups named by their first name ("our lollipop man, Dave", "Dave, our wonderful caretaker"): a name
# beside one is theirs; not a child the lollipop team walk over the crossing.
_ROLE = (r"(?:lollipop|caretaker|cleaner|cook|chef|coach|author|illustrator|visitor|speaker|guest|governor|volunteer|"
         r"poet|athlete|olympian|paralympian|man|lady|woman|gentleman)")
_ADULT_BEFORE = lazyre.compile(rf"\b{_ROLE}(?:\s+[\w'’]+){{0,2}}?[\s,:–—-]*$", re.IGNORECASE)
_ADULT_AFTER = lazyre.compile(rf"[\s,:–—-]*(?:[\w'’]+\s+){{0,3}}?{_ROLE}\b", re.IGNORECASE)
# Lower-case words after a first name that make it a thing ("Autumn term", "Poppy appeal", "Holly class").
_THINGS = frozenset("""term half holidays appeal fair fete festival show concert garden wreath day days week
warning anniversary class group team house club service""".split())
_NEXT_WORD = lazyre.compile(r"\s+([A-Za-z]+)")
_POSSESSIVE_NAME = lazyre.compile(r"(?<![\w'’-])([A-Z][a-z]+)['’]s?(?![\w-])")
_WORD_BEFORE = lazyre.compile(r"([A-Za-z]+)\.?\s+$")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Where each sentence of the text starts and ends (a line break ends one too)."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def has_photo_of_people(post: Post) -> bool:
    """Whether the post has a picture with recognisable people in it (``people: true``)."""
    return any(media.people for media in post.media)


def who(post: Post, context: Context, text: Text, start: int, end: int, named_elsewhere: bool) -> str | None:
    """Who the sentence ``text.value[start:end]`` is about, if a reader could tell: the child's name,
    "a child in the photo", or None. ``named_elsewhere``: the post names a child in another sentence."""
    sentence = text.value[start:end]
    name = first_name_in(sentence, names_for(context))
    if name:
        return None if _adult_named(sentence, name) else name
    pointing = POINTING.search(sentence)
    if pointing is None:
        return _spoken_to(text.value, start, end, names_for(context))
    if _ADULT.search(sentence) and not _other_gender(sentence):
        return None
    if named_elsewhere:
        return "a named child"
    if has_photo_of_people(post) or text.kind == "alt text":
        return "a child in the photo"
    return None


# A child spoken to by name, at the start of a sentence or after praise ("Ollie, we've got…", "Well done
# Tyler!"); "you" and "your" then mean that child, in that sentence or the next, unless they are the
# parents' ("your child", "your son").
_NAME_FIRST = lazyre.compile(r"\W*(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s*[,!]")
_PRAISED = lazyre.compile(r"\b(?:well\s+done|congratulations|congrats|bravo|good\s+luck|keep\s+it\s+up|keep\s+going|"
                          r"happy\s+birthday|shout[- ]?out\s+to)\s*,?\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s*(?:[,!]|$)",
                          re.IGNORECASE)
_YOU = lazyre.compile(r"\b(?:you|your|yours|yourself)\b(?!\s+(?:child|children|son|daughter|little\s+ones?|kids?|"
                      r"families|family)\b)", re.IGNORECASE)
_EVERYONE = lazyre.compile(r"\b(?:everyone|everybody|all of you|you all|parents|families|carers|grown-ups|folks|"
                           r"guys|team|class|year\s+\d+)\b", re.IGNORECASE)


def _spoken_to(value: str, start: int, end: int, names: NameList) -> str | None:
    """The child the sentence ``value[start:end]`` speaks to as "you", named in it or the sentence before."""
    if _YOU.search(value, start, end) is None or _EVERYONE.search(value, start, end):
        return None
    spans = [bounds for bounds in sentences(value) if bounds[0] < end]
    for begin, finish in spans[-2:][::-1]:
        said = value[begin:finish]
        for found in (_NAME_FIRST.match(said), _PRAISED.search(said)):
            if found and (found.group("name") in names.first_names or found.group("name") in names.name_words):
                return found.group("name")
    return None


# "The little radio mic Mrs Dale clips on for him": a man's or boy's pronoun beside only women titled
# (or the other way round) cannot be the grown-up's, so it points at the child the post is about.
_TITLED = lazyre.compile(rf"(?-i:\b(?P<title>{_TITLES})\b)\.?\s+[A-Z]")
_HE = lazyre.compile(r"\b(?:he|his|him|himself)\b", re.IGNORECASE)
_SHE = lazyre.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
_WOMEN, _MEN = frozenset("Mrs Ms Miss Dame Lady Sister".split()), frozenset("Mr Sir Lord Father".split())


def _other_gender(sentence: str) -> bool:
    """Whether every grown-up in the sentence is titled as a woman and it says "he", "his" or "him" and not
    "she" or "her" (or the other way round), and names no other grown-up by their role."""
    titles = {found.group("title") for found in _TITLED.finditer(sentence)}
    if not titles or len(_TITLED.findall(sentence)) != len(_ADULT.findall(sentence)):
        return False
    he, she = _HE.search(sentence) is not None, _SHE.search(sentence) is not None
    return he and not she and titles <= _WOMEN or she and not he and titles <= _MEN


def _adult_named(sentence: str, name: str) -> bool:
    """Whether the name is a grown-up's: a role just before or after it ("our lollipop man, Dave", "Dave, our
    caretaker"), not a role elsewhere in the sentence ("don't worry Rafi, Chef is making your one")."""
    at = sentence.find(name)
    if at < 0:
        return False
    before = _ADULT_BEFORE.search(sentence, max(0, at - 30), at)
    if before is not None and _PUPIL_BEFORE_ROLE.search(sentence, max(0, before.start() - 12), before.start()):
        before = None  # a pupil's role: "our student speaker Callum", "young ambassador Mia"
    beside = before or _ADULT_AFTER.match(sentence, at + len(name))
    return beside is not None and not _ADULT_AS_SUBJECT.match(sentence, at)


_PUPIL_BEFORE_ROLE = lazyre.compile(r"\b(?:student|pupil|young|junior|school)\s+$", re.IGNORECASE)


# A role starting a clause of its own after the name: "Rafi, Chef is making…" (the chef is someone else).
_ADULT_AS_SUBJECT = lazyre.compile(r"\w+,\s+(?:our\s+|the\s+)?[A-Za-z]+\s+(?:is|was|has|will|made|makes|cooked)\b")


def first_name_in(sentence: str, names: NameList) -> str | None:
    """A child's first name in the sentence: ``find_names``, or, more widely (a detail about health or
    family is what makes a name matter here), a known first name owning something, not after a title
    ("that Jack's dad", "Amelia's EHCP")."""
    for name in find_names(sentence, names):
        after = _NEXT_WORD.match(sentence, name.start + len(name.first))
        if after is None or after.group(1).lower() not in _THINGS:
            return name.first
    sentence = blank_not_pupils(sentence, names)
    for match in _POSSESSIVE_NAME.finditer(sentence):
        if match.group(1) in names.first_names:
            before = _WORD_BEFORE.search(sentence, max(0, match.start() - 12), match.start())
            if before is None or before.group(1).lower() not in TITLES:
                return match.group(1)
    # a name that is also a word ("Grace", "Poppy", "Max") as the subject of the sentence: beside a
    # detail about health or family, a reader takes it as a child's name
    subject = _SUBJECT.match(sentence)
    if subject and (subject.group(1) in names.name_words or subject.group(1) in names.first_names) \
            and subject.group(2).lower() not in _THINGS and subject.group(2).lower() not in _NOT_A_SUBJECT \
            and not ANIMAL_AFTER.match(sentence[subject.end(1):]):
        return subject.group(1)
    return None


_SUBJECT = lazyre.compile(r"\W*([A-Z][a-z]+),?\s+([A-Za-z]+)")  # "Grace has…", "Ruby, who…"
# Words after a sentence's first word that make it a verb or a wish, not a name: "Hope all our young carers…",
# "Will you…", "May everyone…".
_NOT_A_SUBJECT = frozenset("all you everyone everybody that we your our the this these those it to".split())


def names_child(post: Post, context: Context, texts: tuple[Text, ...]) -> bool:
    """Whether any text of the post names a child."""
    names = names_for(context)
    return any(find_names(text.value, names) for text in texts)
