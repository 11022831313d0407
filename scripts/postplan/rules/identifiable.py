"""Whether a sentence of a post is about a child a reader could pick out.

Not a rule (it has no ``ID``). A detail about health, family or a birthday is personal information
only when it is tied to someone: a named child (a first name is enough), or a child in the post's photo
the sentence points at ("she", "this pupil"). General statements ("we are an autism-friendly school")
identify nobody. Names are found by ``text.find_names`` (the roster when one is set).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postplan.models import Post
from postplan.rules.base import Context
from postplan.rules.reading import Text
from postplan.rules.text import find_names, names_for

_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
# Words that point at one person; with a photo of people, they point at a child in it.
POINTING = re.compile(
    r"\b(?:he|she|his|her|him|hers|himself|herself|this (?:child|pupil|boy|girl|little one|student|young man|"
    r"young lady|learner))\b",
    re.IGNORECASE,
)
# A titled adult in the sentence ("Mrs Hart shared her story"): "her" may well be the adult.
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lady|Lord|Rev|Revd|Father|Sister)\b\.?\s+[A-Z]")


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
    return any(media.people for media in post.media)


def who(post: Post, context: Context, text: Text, start: int, end: int, named_elsewhere: bool) -> str | None:
    """Who the sentence ``text.value[start:end]`` is about, if a reader could tell: the child's name,
    "a child in the photo", or None. ``named_elsewhere``: the post names a child in another sentence."""
    names = [name for name in find_names(text.value, names_for(context)) if start <= name.start < end]
    if names:
        return names[0].first
    sentence = text.value[start:end]
    pointing = POINTING.search(sentence)
    if pointing is None or _TITLED.search(sentence):
        return None
    if named_elsewhere:
        return "a named child"
    if has_photo_of_people(post) or text.kind == "alt text":
        return "a child in the photo"
    return None


def names_child(post: Post, context: Context, texts: tuple[Text, ...]) -> bool:
    """Whether any text of the post names a child."""
    names = names_for(context)
    return any(find_names(text.value, names) for text in texts)
