"""A telephone number in a post, however it is written.

A phone number in a public post can reach a child's family (or the child). The school's own numbers,
listed under ``public_details:`` in mkdocs.yml, may be given. Every text a reader sees is read: the
post and its thread, poll options, alt text and file names. A number counts however it is spaced or
punctuated ("07700-900-123", "07700.900.123", "(01736) 360444", "+44 (0)1736 360444"), when it is in a
range kept for drama and examples (07700 900xxx), when it is spelled in words ("oh seven seven double
oh…") and, after "ring", "call" or "text", when it is a short local number. Dates, times, prices,
scores, years and marked references ("Order no. …") are not numbers to ring. International numbers
are checked with Google's libphonenumber (the ``phonenumbers`` package). The calendar's public
events are read too: their titles and descriptions are on the public site and in the feeds.

Passes: "Call the office on 01736 123456" when that number is in ``public_details``; "Tickets £2.50,
doors open 6:30pm"; "2026/27 season"; "We won 3-1 and 2-0"; "Order ref 0123 456 7890".

Fails: "Lost jumper? Ring Amy's mum on 07700 900123"; "Call +44 20 7946 0018"; "text me on oh seven
seven double oh nine oh oh one two three".
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post, Repository
from postplan.rules.base import Context, Problem
from postplan.rules.personal import organisation_number, own_numbers, phone_numbers, school_line
from postplan.rules.reading import public_event_texts, reader_texts, where
from postplan.rules.text import prose

ID = "phone-number"
SEVERITY = Severity.ERROR
SUMMARY = "No phone numbers, except the school's own."
POLICY = "Learners do not share personal information, including inadvertently through images."


def check(post: Post, context: Context) -> Iterable[Problem]:
    own = own_numbers(tuple(context.repository.settings.public_details))
    for text in reader_texts(post):
        for number in phone_numbers(prose(text.value)):
            if _public(number.value, own):
                continue
            yield Problem(
                f"'{number.written.strip()}' is a phone number{where(text)}",
                fix="take the number out; to give the school's own number, add it to `public_details:` "
                    "in mkdocs.yml",
                line=text.line_at(number.start),
            )


CALENDAR_ONLY = True  # check_repository reads the calendar and settings, never the posts


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    """The calendar's public events: a title or description is on the public site and in the feeds."""
    own = own_numbers(tuple(repository.settings.public_details))
    for event, text in public_event_texts(repository):
        for number in phone_numbers(prose(text.value)):
            if not _public(number.value, own):
                yield Problem(
                    f"the event '{event.id}' gives the phone number '{number.written.strip()}' on the public "
                    "site and feeds",
                    fix="take the number out; to give the school's own number, add it to `public_details:` "
                        "in mkdocs.yml",
                    path=event.source.path, line=text.line_at(number.start))


def _public(digits: str, own: frozenset[str]) -> bool:
    """The school's own number or another line of its switchboard, or an organisation's (a helpline)."""
    return digits in own or organisation_number(digits) or school_line(digits, own)
