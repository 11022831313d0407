"""A child's name in a post whose photo shows people.

A name beside a picture tells a stranger which child is which. A post whose media says
``people: true`` must not name children, not even by first name; a post without such a photo may use
first names.

Passes: a photo of people with "Owen's Animals came in today for our children to hold some exotic
animals."; "Maya's poem" with a photo of the poem (``people: false``); a photo of people with
"Mrs Hart presented the cup"; a photo of people with "Father Christmas visited Reception" or "our
nativity: Mary and Joseph".

Fails: a photo of people with "Maya and Josh holding the snake."; "Well done Amy!" with a class photo;
a name in the photo's alt text ("Aisha at the fair") or file name ("maya-jones.jpg").
"""

import re
from collections.abc import Iterable, Iterator

from postplan import lazyre

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.names import find_names, name_text, names_for
from postplan.rules.reading import reader_texts, where

ID = "pupil-name-with-photo"
SEVERITY = Severity.ERROR
SUMMARY = "No children's names in a post with a photo of people."
POLICY = (
    "In order to safeguard the pupils ... no names of pupils will be used alongside any pictures of pupils; "
    "children's names will not appear alongside other identifying information such as photos."
)


_LETTERS = lazyre.compile(r"[A-Za-z]+")


def check(post: Post, context: Context) -> Iterable[Problem]:
    if not any(media.people for media in post.media):
        return
    names = names_for(context)
    texts = reader_texts(post)
    found_in = {id(text): find_names(name_text(text, names), names) for text in texts}
    # A word the post's own words use for something else (the show "Matilda", never read as a child there)
    # is that in the photo's file name too: "matilda-bows.jpg" beside "last Wednesday's Matilda".
    said = [text for text in texts if text.kind != "file name"]
    named = {name.first for text in said for name in found_in[id(text)]}
    other = {word.title() for text in said for word in _LETTERS.findall(text.value)} - named
    other |= {initials for text in said for initials in _initials(text.value)}  # "yi-badges.jpg": Young Interpreters
    for text in texts:
        tape = _NAME_TAPE.search(text.value) if "name" in text.value.lower() else None
        if tape:  # "the name tape on the chest reads MORRISON": whatever the name, it is the child's own
            yield Problem(f"this post has a photo of people and the name on a child's tape or badge "
                          f"('{tape['name']}'){where(text)}",
                          fix="leave the name out of the alt text (say 'a cadet's name tape'), or use a photo where "
                              "it cannot be read",
                          line=text.line_at(tape.start("name")))
            continue
        found = found_in[id(text)]
        if text.kind == "file name":
            found = tuple(name for name in found if name.first.title() not in other)
        if found:
            listed = ", ".join(dict.fromkeys(f"'{name.full}'" for name in found))
            yield Problem(
                f"this post has a photo of people and names a child ({listed}){where(text)}",
                fix="take the names out of the text, alt text and file name (say 'our Year 2 children' "
                    "instead), or post the photo without naming anyone; if the name is not a pupil's, add it "
                    "to `not_pupils:` in mkdocs.yml",
                line=text.line_at(found[0].start),
            )


# A name read off a child's tape, label or badge in the photo: "the name tape on the chest reads MORRISON".
_NAME_TAPE = lazyre.compile(r"\bname[\s-]?(?:tape|label|badge|tag|patch)s?\b[^.!?\n]{0,40}?\b(?:reads?|says?|shows?)\s+"
                            r"['\"‘“]?(?P<name>[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+)?)", re.IGNORECASE)
_CAPITALISED_RUN = lazyre.compile(r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)+")


def _initials(value: str) -> Iterator[str]:
    """The initials of two or three capitalised words in a row ("Young Interpreters": "Yi"), as a file name
    shortens them."""
    for run in _CAPITALISED_RUN.finditer(value):
        capitals = [word[0] for word in run.group().split()]
        for size in (2, 3):
            for at in range(len(capitals) - size + 1):
                yield "".join(capitals[at:at + size]).title()
