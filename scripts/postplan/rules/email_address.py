"""An email address in a post, unless it is the school's, however it is disguised.

Addresses at the school's own domains (``website_domains:`` in mkdocs.yml, like
``office@tregarrow.example.org``, and the domains of addresses under ``public_details:``) may be given;
any other address could be a parent's or a child's. Every text a reader sees is read, and an address
counts when it is written out to dodge a filter: "jo.smith at gmail dot com", "jo [at] example [dot]
org", "jo @ gmail.com". A plain "at" counts only when it is clearly an address (a mail provider, or
"email" just before it), so "we had fun at the gym" and "find us at …" are left alone. The calendar's
public events are read too (their titles and descriptions reach the site and the feeds).

Passes: "Questions? Email office@tregarrow.example.org"; "Follow @TregarrowPTA"; "Meet us at the
gym"; "Look at bbc.co.uk for the news".

Fails: "Send your photos to amy.jones1990@gmail.com"; "email amy at gmail dot com"; "amy [at]
example [dot] org".
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post, Repository
from postplan.rules.base import Context, Problem
from postplan.rules.personal import Found, email_addresses, own_domains
from postplan.rules.reading import public_event_texts, reader_texts, where

ID = "email-address"
SEVERITY = Severity.ERROR
SUMMARY = "No email addresses, except the school's own."
POLICY = "Learners do not share personal information, including inadvertently through images."


def check(post: Post, context: Context) -> Iterable[Problem]:
    for text in reader_texts(post):
        for address in _not_the_schools(text.value, context.repository):
            yield Problem(
                f"'{address.written}' is an email address that is not the school's{where(text)}",
                fix="take it out, or give the school office's address instead; a school address can be added "
                    "to `public_details:` in mkdocs.yml",
                line=text.line_at(address.start),
            )


CALENDAR_ONLY = True  # check_repository reads the calendar and settings, never the posts


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    """The calendar's public events: a title or description is on the public site and in the feeds."""
    for event, text in public_event_texts(repository):
        for address in _not_the_schools(text.value, repository):
            yield Problem(
                f"the event '{event.id}' gives the email address '{address.written}' on the public site and "
                "feeds",
                fix="take it out, or give the school office's address instead",
                path=event.source.path, line=text.line_at(address.start))


def _not_the_schools(value: str, repository: Repository) -> list[Found]:
    """The addresses in a text that are not at the school's domains nor listed as its own."""
    settings = repository.settings
    details = tuple(settings.public_details)
    domains = own_domains(tuple(settings.website_domains), details)
    listed = {detail.lower() for detail in details}
    found = []
    for address in email_addresses(value):
        domain = address.value.rpartition("@")[2]
        if address.value not in listed and not any(domain == d or domain.endswith("." + d) for d in domains):
            found.append(address)
    return found
