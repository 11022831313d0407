"""A child's surname given by the family: a parent named in full beside the child.

"Thanks to Dylan's mum Kerry Marsh", "Mr and Mrs Okoro, parents of Tobi in Year 5" and "Mrs Hart's son
Oliver has joined Reception" never write a child's full name, yet anyone reading them knows it (Dylan
Marsh, Tobi Okoro, Oliver Hart). Parents may be thanked by
first name ("Dylan's mum Kerry") or by name without their child; named in full *with* their child, they
name the child. Not a rule (it has no ``ID``): ``pupil-full-name`` reads these beside the other forms.
"""

from __future__ import annotations

import re

from postplan.rules import name_words as w
from postplan.rules.name_types import Name, NameList

_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?"
_FAMILY = (r"(?:mum|mummy|mam|mom|mother|dad|daddy|father|parents|mum\s+and\s+dad|dad\s+and\s+mum|step-?mum|"
           r"step-?dad|grandma|grandad|grandpa|granny|grandmother|grandfather|grandparents|nan|nana|nanna|gran|"
           r"auntie|aunty|aunt|uncle|carers?|foster\s+carers?)")
_SURNAME = r"[A-Z][a-z]*(?:['’][A-Z])?[a-z]+(?:-[A-Z][a-z]+)?"
# "Dylan's mum Kerry Marsh", "Tobi's dad, Mr Okoro", "Ava's grandparents Mr and Mrs Lee".
_CHILD_FIRST = re.compile(
    rf"(?<![\w.])(?P<child>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s\s+(?:(?:lovely|amazing|wonderful|brilliant|kind)\s+)?"
    rf"{_FAMILY}\s*,?\s+(?:(?P<title>{_TITLE})\s+(?:(?:and|&)\s+{_TITLE}\s+)?|(?P<given>[A-Z][a-z]+)\s+)"
    rf"(?P<surname>{_SURNAME})\b"
)
# "Mr and Mrs Okoro, parents of Tobi", "Mrs Marsh (mum of Dylan in Year 2)".
_FAMILY_FIRST = re.compile(
    rf"(?<![\w.]){_TITLE}\s+(?:(?:and|&)\s+{_TITLE}\s+)?(?P<surname>{_SURNAME})\s*[,(]?\s*(?:the\s+)?(?:proud\s+)?"
    rf"{_FAMILY}\s+(?:of|to)\s+(?P<child>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
# "Mrs Hart's son Oliver", "Mr Okoro's daughter, Tobi".
_PARENT_OF = re.compile(
    rf"(?<![\w.]){_TITLE}\s+(?P<surname>{_SURNAME})['’]s\s+(?:(?:little|baby|eldest|youngest|twin|new)\s+)?"
    rf"(?:son|daughter|boy|girl|grandson|granddaughter|niece|nephew|twins|children|kids)\s*,?\s+"
    rf"(?P<child>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
_NEVER_SURNAMES = frozenset(w.NOT_SURNAMES | {m.title() for m in (*w.MONTHS, *w.WEEKDAYS)}
                            | {"And", "For", "From", "With", "Who", "Was", "Is", "Has", "Had", "The", "Thank", "Thanks"})


def family_names(text: str, names: NameList) -> tuple[Name, ...]:
    """A child's first name with the surname a parent named beside them gives away (form "family")."""
    found = []
    for pattern in (_CHILD_FIRST, _FAMILY_FIRST, _PARENT_OF):
        for match in pattern.finditer(text):
            child, surname = match.group("child"), match.group("surname")
            if not names.is_first(child) or surname in _NEVER_SURNAMES or names.is_first(surname) \
                    and not names.listed_surname(surname):
                continue
            found.append(Name(child, surname, match.start(), "family"))
    return tuple(sorted(found, key=lambda name: name.start))
