"""Swear words, slurs, insults about people, and sexual or offensive language or emoji.

Words come from the word list of the ``better-profanity`` package (offline; about 900 words and
spellings like "sh1t"), with UK swearing and slurs it lacks (rules/data/offensive-extra.txt). Masked
spellings are found too ("f***", "sh!t", "b*llocks", "a$$"), but not grades ("A*"). An insult
("idiot", "muppet") is an error when it is said about people ("idiots who park on the zig-zags",
"don't be a muppet"); otherwise ``mild-language`` warns. Mild British swearing ("bloody", "crap",
"arse", "bugger") is an error too: the policy asks for Standard English on an account children read.
Emoji count too: the rude finger, and fruit with a suggestive emoji ("🍆💦"). Whole words are
matched, so "Scunthorpe", "class", "assessment" and "Sussex" are fine, and so are names, lessons and
technical terms that contain a listed word ("Dick Whittington", "Moby-Dick", "Homo sapiens", "Jackson
Pollock", "cocktail sausages", "penetration testing"). A listed word that is a child's or a grown-up's
name, written as one ("L–R: Harriet Booth, Aryan Mistry and Wiktoria Zielinska"), is a name, not a slur.
Ordinary school words the list contains (a church organ, a Cornish pasty, blue tits) are on postplan's
allowlist; a school adds more under ``profanity_allowlist:`` in mkdocs.yml.

Passes: "Our trip to Scunthorpe"; "Blue tits on the bird table"; "Our panto is Dick Whittington";
"Year 12 got 14 A*s"; "Year 6 studied Homo sapiens"; "A future penetration tester!"; "Well done
Aryan Mistry".

Fails: "What a shit day for the weather"; "Don't be a twat about parking"; "What a f***ing
week"; "To the idiots who park on the zig-zags"; "🖕 to the rain".
"""

import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.name_types import NameList
from postplan.rules.names import find_names, names_for
from postplan.rules.reading import Text, reader_texts, where
from postplan.rules.swearing import (
    MAYBE_MASKED,
    DRINK_AND_DRUGS,
    RUDE_GESTURE,
    SEXUAL_EMOJI,
    STRONG_STEM,
    has_strong_stem,
    unswapped,
    WordLists,
    aimed_at_people,
    innocent_blanked,
    tokens,
    unmasked,
    word_lists,
)
from postplan.rules.text import prose, words

ID = "offensive-language"
SEVERITY = Severity.ERROR
SUMMARY = "No swearing, slurs, insults about people, or sexual or offensive words and emoji."
POLICY = (
    "Social Media must not be used to publish any content which may result in actions for defamation, "
    "discrimination ... This includes but is not limited to material of an illegal, sexual or offensive nature."
)

_FIX = ("reword the post; if the word is innocent here (a place, a bird, a lesson), a leader can add it to "
        "`profanity_allowlist:` in mkdocs.yml")
_SYMBOLS = frozenset("*#%$@!")
_LETTER_HYPHENED = lazyre.compile(r"\b[a-z]-[a-z]", re.IGNORECASE)  # "f-ing": the words of a text split it in two
_STEM_AT_EDGE = lazyre.compile(rf"^(?:{STRONG_STEM.pattern})|(?:{STRONG_STEM.pattern})(?:s|ed|ing)?$", re.IGNORECASE)


def check(post: Post, context: Context) -> Iterable[Problem]:
    lists = word_lists(tuple(context.repository.settings.profanity_allowlist))
    for text in reader_texts(post):
        yield from _emoji(text)
        present = words(text.value)
        if present.isdisjoint(lists.offensive) and present.isdisjoint(lists.phrase_starts) \
                and present.isdisjoint(lists.insults) and not MAYBE_MASKED.search(text.value) \
                and not has_strong_stem(text.value) and not _LETTER_HYPHENED.search(text.value):
            continue
        yield from _words(text, lists, names_for(context))


def _words(text: Text, lists: WordLists, names: NameList) -> Iterable[Problem]:
    value = innocent_blanked(prose(text.value))
    found = tokens(value)
    said = [token for token, _ in found]
    for index, (token, start) in enumerate(found):
        hit = token if token in lists.offensive else None
        if token in lists.phrase_starts:
            for size in range(2, 8):  # a phrase of up to seven words ("two world wars and one world cup")
                phrase = " ".join(said[index:index + size])
                if phrase in lists.offensive_phrases:
                    hit = phrase
        if hit is None and token in lists.insults and aimed_at_people(said, index):
            hit = token
        if hit is None and token.isalpha() and _STEM_AT_EDGE.search(token):
            hit = token  # a compound made with a strong word ("shitshow", "clusterfuck"), not "Twankey"
        if hit is None and "-" in token and any(part.isalpha() and _STEM_AT_EDGE.search(part) for part in token.split("-")):
            hit = token  # a hyphened compound with a strong word in it: "shit-hot", not "cock-a-leekie"
        if hit is None and not _SYMBOLS.isdisjoint(token):
            bare = token[:-2] if token[-2:].lower() in ("'s", "’s") else token  # "sh*t's getting real"
            # "kick-a**": a masked compound; "sh!t-hot": a masked word in a compound
            joined = ((bare.replace("-", ""), bare),) if "-" in bare else ()
            for part, shown in ((bare, bare), *joined, *((part, part) for part in bare.split("-") if joined)):
                meant = unmasked(part, lists) if part else None
                if meant is not None and meant not in lists.mild:
                    hit = shown
                    break
        if hit is None and not _SYMBOLS.isdisjoint(token) and _STEM_AT_EDGE.search(unswapped(token)):
            hit = token  # a masked compound: "sh!tshow"
        if hit == token and _as_a_name(text, start, len(token), names):
            continue
        if hit:
            written = text.value[start:start + len(hit)]
            yield Problem(f"'{written}' is offensive{where(text)}", fix=_FIX, line=text.line_at(start))


_TITLE_BEFORE = lazyre.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+$")


def _as_a_name(text: Text, start: int, size: int, names: NameList) -> bool:
    """Whether the listed word at ``start`` is written as someone's name: a first name or surname on the
    name lists, capitalised, and read as a name where it stands ("L–R: Harriet Booth, Aryan Mistry and…",
    a surname after a title). A strong swear word is never excused as a name, nor a word the name lists
    do not have."""
    written = text.value[start:start + size]
    if text.kind == "file name" or not written[:1].isupper() or has_strong_stem(written) \
            or (written not in names.first_names and written not in names.surnames):
        return False
    if written in names.surnames and _TITLE_BEFORE.search(text.value, max(0, start - 6), start):
        return True  # a grown-up's surname after a title, which the name reader leaves out: "Mrs Hoare"
    return any(name.start == start or (name.surname == written and text.value.find(written, name.start) == start)
               for name in find_names(text.value, names))


def _emoji(text: Text) -> Iterable[Problem]:
    if text.value.isascii():
        return
    for pattern, what in ((RUDE_GESTURE, "a rude gesture"), (SEXUAL_EMOJI, "a sexual meaning"),
                          (DRINK_AND_DRUGS, "drink and drugs together")):
        for match in pattern.finditer(text.value):
            yield Problem(
                f"the emoji '{match.group()}' has {what}{where(text)}",
                fix="leave the emoji out: the school's posts are read by children and the whole community",
                line=text.line_at(match.start()),
            )
