"""A post that says where children (or staff) are, or will be, and when.

Telling the world that Year 6 leave from the leisure centre car park at 8:15 on Friday tells a stranger
where to find them. Say it in a letter or the school app; on social media, celebrate afterwards.

postplan flags, in every text a reader sees of a post that is not told afterwards: where the children
are now ("we're at the beach until 3", "currently at …"); a trip, fixture, club, prom, disco,
residential or a group's regular meeting with an off-site place and a day or time ("Prom at the Carlyon
Bay Hotel on 26th June", "Swimming every Tuesday at Truro Leisure Centre 1:30", "Christian Union meets
every Friday lunchtime in St Mary's church hall", "going back to their old primary, Hollins Lane, on
Thursday"); a travel word with a time ("the coach leaves at
8:15"); a member of staff at a named place and time; a what3words address with a day or time
("///crisp.otter.lantern"); the ``location`` of a linked trip. A post linked
to an event (``event:``) is compared with the event's own times: after it has ended, telling it is
fine. The calendar is read too: an event's title, description or location that would put a place and
time for children on the public site and feeds is flagged at its line in calendar/.

Passes: "Quick reminder for Year 6 parents that the next £15 payment for the residential trip is due
by Thursday."; "What a brilliant day our Year 6 had at the Eden Project yesterday!" (after the trip);
"Sports Day is on the school field at 1:30pm." (at school); "Our team love the Eden Project." (no day
or time).

Fails: "Our netball team play in the tournament at Penzance Leisure Centre on Wednesday.";
"Coach leaves from the village hall at 8.15am tomorrow."; "We're at the beach now until 3!"
"""

import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Event, Post, Repository
from postplan.rules.base import Context, Problem
from postplan.rules.identifiable import sentences
from postplan.rules.places import OUTING_WORDS, event_over, last_day, says_when, whereabouts_in
from postplan.rules.reading import Text, plain, reader_texts, where
from postplan.rules.text import event_of, words

ID = "whereabouts"
SEVERITY = Severity.ERROR
SUMMARY = "Never say where children will be and when (trips, fixtures, clubs, coach times) beforehand."
POLICY = (
    "Admins should avoid mentioning specific details when discussing trips and events etc., as there might be "
    "child protection issues around revealing where children or staff are going to be and when."
)


def check(post: Post, context: Context) -> Iterable[Problem]:
    event = event_of(context.repository, post.event)
    if event is not None and event_over(event, post.publish_at):
        # Told afterwards, celebrating is fine; an outing still to come is not ("Results party tonight! Minibus
        # leaves the Sixth Form Centre at 7pm").
        yield from _later_outing(post, context)
        return
    on_the_day = event is not None and post.publish_at.date() == last_day(event)
    for text in reader_texts(post):
        if text.kind == "file name":
            continue
        pinned = _PINNED.search(text.value)
        if pinned is None and _MEETING.search(text.value):  # not a grid reference in a map quiz
            pinned = _GRID.search(text.value)
        if pinned and says_when(text.value):  # "Wrens are there every Friday 9–11.30, it's at ///crisp.otter.lantern"
            yield _told(pinned.group(), text, pinned.start())
            continue
        for detail, start in whereabouts_in(text.value, event, context, on_the_day):
            yield _told(detail, text, start)
            break


# A what3words address marks a spot three metres square: with a day or a time, it tells anyone where to be.
_PINNED = lazyre.compile(r"///[a-z]+\.[a-z]+\.[a-z]+", re.IGNORECASE)
# A grid reference or a latitude and longitude does the same where people are to meet there ("RV at grid ref
# SE 0351 2487 for 0800 Saturday"), not in a map quiz.
_GRID = lazyre.compile(r"\bgrid\s+ref(?:erence)?\.?\s*:?\s*[A-Z]{2}\s?\d{3,5}\s?\d{3,5}\b"
                       r"|(?-i:\b[HNST][A-HJ-Z]\s\d{4,5}\s\d{4,5}\b)|\b-?\d{1,2}\.\d{4,}\s*°?\s*[NS]?\s*,\s*-?\d{1,3}\.\d{4,}\b",
                       re.IGNORECASE)
_MEETING = lazyre.compile(r"\b(?:rv|rendezvous|meet(?:ing)?|be at|pick[- ]?up|drop[- ]?off|collect(?:ion)?|assemble|"
                          r"start(?:s|ing)? (?:at|from)|finish(?:es|ing)? at|camp(?:ing)?)\b", re.IGNORECASE)
# Words that put what a sentence tells still to come, in a post after its event.
_LATER = lazyre.compile(r"\b(?:tonight|tomorrow|this (?:evening|afternoon|weekend)|later (?:today|on)|next (?:week|"
                        r"\w+day)|will|(?:we|they|you)(?:'|’)ll|leaves|departs|sets off)\b", re.IGNORECASE)


def _later_outing(post: Post, context: Context) -> Iterable[Problem]:
    for text in reader_texts(post):
        if text.kind == "file name" or not _LATER.search(text.value):
            continue
        for detail, start in whereabouts_in(text.value, None, context):
            opened, closed = next(((s, e) for s, e in sentences(text.value) if s <= start < e), (start, start + 1))
            if _LATER.search(text.value, opened, closed):
                yield _told(detail, text, start)
                return


def _told(detail: str, text: Text, start: int) -> Problem:
    return Problem(f"this says where children or staff will be and when ('{detail}'){where(text)}",
                   fix="leave out the place and times (families have them by letter or the school app); "
                       "post about it afterwards, or give only the day",
                   line=text.line_at(start))


CALENDAR_ONLY = True  # check_repository reads the calendar and settings, never the posts


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    """The calendar's public events: a title, description or location that says where children will be
    (a trip's are trip-location's to report)."""
    for event in repository.events:
        if not event.public or event.kind == "trip":
            continue
        for field in ("title", "description", "location"):
            value = getattr(event, field) or ""
            if field == "location":
                value = _located(event, value, context)
            for detail, start in whereabouts_in(plain(value), event, context):
                yield Problem(
                    f"the event '{event.id}' tells the public site and feeds where children will be ('{detail}')",
                    fix="keep the place and times for the letter to families; the calendar may give the day",
                    path=event.source.path,
                    line=event.source.line_of(field) + value.count("\n", 0, start),
                )
                break


def _located(event: Event, location: str, context: Context) -> str:
    """An event's location as a sentence to read, when the event takes children somewhere (a fixture)."""
    if not location:
        return ""
    outing = words(f"{event.title} {event.description}") & OUTING_WORDS
    return f"The {sorted(outing)[0]} at {location}." if outing else ""
