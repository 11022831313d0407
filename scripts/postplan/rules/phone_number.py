"""A telephone number in a post.

A phone number in a public post can reach a child's family (or the child). The school's own numbers,
listed under ``public_details:`` in mkdocs.yml, may be given. Numbers are found with Google's
libphonenumber (the ``phonenumbers`` package), which knows which UK numbers are real, so dates, times,
prices and years are not mistaken for numbers.

Passes: "Call the office on 01736 123456" when that number is in ``public_details``; "Tickets £2.50,
doors open 6:30pm"; "2026/27 season".

Fails: "Lost jumper? Ring Amy's mum on 07700 900123"; "Call +44 20 7946 0018".
"""

from collections.abc import Iterable
from functools import lru_cache

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import line_in, prose

ID = "phone-number"
SEVERITY = Severity.ERROR
SUMMARY = "No phone numbers, except the school's own."
POLICY = "Learners do not share personal information, including inadvertently through images."

_DIGITS = str.maketrans("", "", "0123456789")
MIN_DIGITS = 7  # a UK number has at least 7 digits: fewer cannot be one, so libphonenumber is not run


def check(post: Post, context: Context) -> Iterable[Problem]:
    own = _own_numbers(tuple(context.repository.settings.public_details))
    for part in post.parts:
        text = prose(part.text)
        if len(text) - len(text.translate(_DIGITS)) < MIN_DIGITS:
            continue
        for number, start, written in _numbers(text):
            if number not in own:
                yield Problem(
                    f"'{written}' is a phone number",
                    fix="take the number out; to give the school's own number, add it to `public_details:` "
                        "in mkdocs.yml",
                    line=line_in(part, start),
                )


def _numbers(text: str) -> list[tuple[str, int, str]]:
    import phonenumbers

    matcher = phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.VALID)
    e164 = phonenumbers.PhoneNumberFormat.E164
    return [(phonenumbers.format_number(m.number, e164), m.start, m.raw_string) for m in matcher]


@lru_cache(maxsize=8)
def _own_numbers(details: tuple[str, ...]) -> frozenset[str]:
    return frozenset(number for detail in details for number, _, _ in _numbers(detail))
