"""Whether a name read in a text is a grown-up's or a title's, not a child's, and the word helpers the name
readers share (see ``name_forms.py``).

Not a rule (it has no ``ID``): a title, role, determiner or part played before a name ("Mrs Davies", "our
governor Jane Smith", "the Victoria Cross"), or a role, an organisation or a business after it ("Tom Evans,
our new head of PE", "Kate from the RSPB"), makes it no child's.
"""

from __future__ import annotations

import re

from postplan import lazyre
from postplan.rules import name_words as w

TIGHT = ("", " ", "  ")  # words of one name are written next to each other, spaces only


def key(token) -> str:
    """A word as the name lists spell it: "Maya" for "Maya", "MAYA" and "maya"."""
    bare = token.bare
    return bare if bare[:1].isupper() and not bare.isupper() else bare.title()


def capitalised(token) -> bool:
    return token.bare[:1].isupper() and (len(token.bare) > 1 or token.word != token.bare)


def next_word(tokens: list, index: int):
    """The word after this one when nothing but a space comes between them."""
    if index + 1 < len(tokens) and tokens[index].gap in TIGHT and tokens[index].word == tokens[index].bare:
        return tokens[index + 1]
    return None


def previous_word(tokens: list, index: int, gaps=(" ", "  ", ". ")):
    if index and tokens[index - 1].gap in gaps:
        return tokens[index - 1]
    return None


def adult_or_title(tokens: list, index: int, text: str) -> bool:
    """A title, role, determiner or part played before the name, or a role after it."""
    if index and tokens[index - 1].bare == "WO" and tokens[index - 1].gap in ("1 ", "2 "):
        return True  # a warrant officer, class 1 or 2: "WO1 Gary Pickles" (a token is letters alone)
    if index > 1 and tokens[index - 1].bare.lower() in ("retd", "rtd", "retired") \
            and tokens[index - 2].bare.lower() in w.TITLES:
        return True  # a retired officer: "Major (retd) Helen Crossley"
    before = previous_word(tokens, index, (" ", "  ", ". ", ", ", ": ", " - "))
    if before is not None and text[max(0, before.start - 1):before.start].isdigit():
        before = None  # the end of "1st" or "10am", not the saint's "St"
    if before is not None:
        word = before.bare.lower()
        earlier = previous_word(tokens, index - 1)
        pupil_role = earlier is not None and earlier.bare.lower() in w.PUPIL_ROLE \
            or word not in w.ADULT_ONLY_TITLES and word not in _GROWN_UP and _in_a_class(tokens, index, text)
        if word in w.TITLES and (not pupil_role or word in w.ADULT_ONLY_TITLES) or before.bare in w.CAPITALISED_TITLES:
            return True
        if before.gap in (" ", "  ") and (word in w.DETERMINERS and not _french_a(word, tokens[index])
                                          or word in w.CHARACTER and not _in_a_class(tokens, index, text)):
            return True
        earlier = previous_word(tokens, index - 1, (" ", "  "))
        if earlier is not None and before.gap in (" ", "  ") and (earlier.bare.lower(), word) in w.ABOUT:
            return True
    start = tokens[index].start
    if index > 1 and tokens[index - 1].bare in ("and", "&") and _listed_with_adults(tokens, index):
        return True
    if w.ROLE_IS_BEFORE.search(text, max(0, start - 40), start) is not None:
        return True  # "our new parent governor is Tom Bradley"
    return w.ROLE_OF_BEFORE.search(text, max(0, start - 40), start) is not None or _adults_listed_before(text, start)


_GROWN_UP = frozenset("mr mrs ms miss mx".split())


def _in_a_class(tokens: list, index: int, text: str) -> bool:
    """A class or year group right after the name makes a role before it a pupil's ("Our School Council
    chair, Ava Kettleborough (Y6)", "captain Jade Smith 10W")."""
    ends = [tokens[index].end] + ([tokens[index + 1].end] if index + 1 < len(tokens) else [])
    return any(w.PUPIL_AFTER.match(text, end) for end in ends)


def _french_a(word: str, token) -> bool:
    """"a" before a vowel is no English article but French "à" with its accent read off ("Bravo à Amelia")."""
    return word == "a" and token.bare[:1] in "AEIOU"


def _adults_listed_before(text: str, start: int) -> bool:
    """A list of adults opened earlier in the sentence: "Meet our governors: Jane Smith (chair), Ravi Patel"."""
    opened = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("! ", 0, start)) + 1
    return w.ADULTS_LIST.search(text, opened, start) is not None


def role_after(tokens: list, last: int, text: str) -> bool:
    """A role, an organisation or a business after the name ("Tom Evans, our new head of PE", "Kate from
    the RSPB", "Sam Trewin Plumbing")."""
    end = tokens[last].end
    after = next_word(tokens, last)
    if after is not None and (after.bare in w.NOT_SURNAMES or after.bare in w.POST_NOMINALS):
        return True
    rest = text[end:end + 80]
    partner = w.AND_NAME.match(rest)  # "Sarah and Tom Evans from the PTA": the role is both adults'
    if partner:
        rest = rest[partner.end():]
    return any(pattern.match(rest) for pattern in (w.ROLE_AFTER, w.ADULT_FROM, w.ANIMAL_AFTER, w.VISITOR_AFTER,
                                                    w.BUSINESS_AFTER, w.WORK_AFTER, _GROWN_UP_AGE))


# A grown-up's age after the name: "Dennis Firth, 96, who served in Korea", "Joan Hill (aged 101)".
_GROWN_UP_AGE = lazyre.compile(r"\s*[,(]\s*(?:aged\s+)?(?:19|[2-9]\d|1[01]\d)\s*(?:[,)]|years?\s+old\b)", re.IGNORECASE)


def _listed_with_adults(tokens: list, index: int) -> bool:
    """A name in a list after a plural role: "our governors Jane Smith and Ravi Patel"."""
    back = index - 1
    while back >= 0 and (tokens[back].bare[:1].isupper() or tokens[back].bare in ("and", "&")) \
            and tokens[back].bare.lower() not in w.TITLES and index - back < 6:
        back -= 1
    return back >= 0 and back < index - 1 and tokens[back].bare.lower() in w.PLURAL_ROLES


# A cadet's ranks, as cadet forces write them before a surname: "Cdt Sgt Hargreaves", "Cadet LCpl Okafor".
CADET = frozenset({"Cdt", "CDT", "Cadet"})
_CADET_RANKS = frozenset("""Cpl LCpl Sgt SSgt CSgt CSM RSM CQMS WO Flt FS Maj Lance Corporal Sergeant Colour Staff
Flight Major Leading Ldg PO CPO LS AB OC""".split())


def cadet_surname(tokens: list, index: int, surnames: frozenset[str]):
    """The surname of a cadet called by it, with a rank or without ("Cdt Sgt Hargreaves", "Cadet Okafor"): a
    cadet is a pupil, and the surname is the child's. Without a rank, only a listed surname after a cadet
    who is not a place's or a course's ("the Cadet Hall", "Cadet Leadership Course"). The surname's token
    and the width, or None."""
    at = index + 1
    while at < len(tokens) and tokens[at - 1].gap in (" ", ". ") and tokens[at].bare in _CADET_RANKS:
        at += 1
    if at >= len(tokens) or tokens[at - 1].gap not in (" ", ". ") or not capitalised(tokens[at]):
        return None
    surname, ranked = tokens[at], at > index + 1
    following = next_word(tokens, at)
    if surname.bare in w.NOT_SURNAMES or surname.bare in _CADET_RANKS or surname.bare.isupper() \
            or following is not None and capitalised(following):
        return None
    before = previous_word(tokens, index)
    if not ranked and (surname.bare not in surnames or before is not None and before.bare.lower() in w.DETERMINERS):
        return None
    return surname, at - index + 1


def a_show(tokens: list, index: int) -> bool:
    """Whether the name is a show's, after its heroine: "the Matilda cast", "Matilda rehearsals", "last Wednesday's
    Matilda", "Rehearsals for Matilda", "the cast of Matilda", "matilda-dress-rehearsal.jpg"."""
    after = next_word(tokens, index)
    before = tokens[index - 1].word.lower() if index else ""
    if after is not None and (after.bare in w.SHOW_AFTER or after.bare == "cast" and before in ("the", "our")):
        return True
    if after is not None and after.bare.lower() == "dress":
        later = next_word(tokens, index + 1)
        return later is not None and later.bare.lower() in ("rehearsal", "rehearsals")
    return before in w.SHOW_BEFORE or before in ("for", "of") and index > 1 \
        and tokens[index - 2].bare.lower() in w.SHOW_AFTER | {"cast"}
