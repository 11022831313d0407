"""A date of birth, or a child's age and birthday, in a post.

A date of birth is what identity thieves and strangers look for. "Happy 7th birthday" on the day says
a child's date of birth as clearly as writing it.

Passes: "Happy 150th birthday to our school!"; "We learned about the birth of Jesus."

Fails: "Maya (DOB 03/05/2019)"; "born on 12 March 2019"; "Happy 8th birthday to our star reader!".
"""

import re
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import line_in, prose, words

ID = "birth-date"
SEVERITY = Severity.ERROR
SUMMARY = "No dates of birth (or a child's age on their birthday)."
POLICY = "Learners do not share personal information; children's names will not appear alongside other identifying information."

_BIRTH = re.compile(
    r"\b(?:date of birth|d\.?o\.?b\b\.?|born\s+(?:on\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b|born\s+(?:on\s+)?"
    r"(?:in\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|birthday is (?:on )?(?:the )?\d)",
    re.IGNORECASE,
)
_AGE_BIRTHDAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+birthday\b|\bturns?\s+(\d{1,2})\s+today\b", re.IGNORECASE)
_TRIGGERS = frozenset("date dob d born birthday turns turn".split())
CHILD_AGE = 18  # "150th birthday" is a school's, not a child's


def check(post: Post, context: Context) -> Iterable[Problem]:
    for part in post.parts:
        if words(part.text).isdisjoint(_TRIGGERS):
            continue
        text = prose(part.text)
        found = [m for m in _BIRTH.finditer(text)]
        found += [m for m in _AGE_BIRTHDAY.finditer(text) if int(m.group(1) or m.group(2)) <= CHILD_AGE]
        for match in found:
            yield Problem(
                f"'{match.group()}' gives away someone's date of birth",
                fix="take out the date of birth or age; celebrate without saying whose birthday or how old",
                line=line_in(part, match.start()),
            )
