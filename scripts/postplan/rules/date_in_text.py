"""A day or date in the text that contradicts the calendar or the publish date.

"Sports Day is on Thursday 1st June" when 1 June is a Tuesday; "due by Thursday" in a reminder for a
payment due on Friday; "tomorrow" in a post that goes out two days before its event. Relative days
("today", "tomorrow", "on Friday") are counted from the publish date (after an event, "on Friday"
means the Friday just gone). With ``event:``, at least one day the text names for the event must be a
day of the event (a one-day `campaign:`, like World Book Day, is read as its event); dates with a weekday
must agree with each other. A range says its month once ("from
Wednesday 9th to Friday 11th June": June for both days). A day that belongs to something else in the
sentence ("Sports Day tickets go on sale on Monday", "return slips for the trip by Friday") is not
compared with the event. A date in a school holiday or on a closure (INSET) day is wrong too, even with
no event linked (see rules/holiday_dates.py): "Our Year 6 residential is on Tuesday 25th May" in the May
half term.

Passes: "Just confirmed our Sports Day as 1st June" (event on 1 June 2027); "the next £15 payment ... is
due by Thursday" published on Monday 12 October for a payment due on Thursday 15 October; "Book Week
runs from Wednesday 9th to Friday 11th June".

Fails: "Sports Day is on Thursday 1st June" (a Tuesday in 2027); "See you tomorrow!" published two days
before the event; "due by Thursday" for a payment due on Friday.
"""

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Event, Post
from postplan.rules.base import Context, Problem
from postplan.rules.dates import (
    COMMON,
    OFFSETS,
    RELATIVE,
    RELATIVE_WORDS,
    TRIGGERS,
    WEEKDAY_ALONE,
    WEEKDAY_NUMBERS,
    WEEKDAY_WORDS,
    WEEKS,
    written_dates,
)
from postplan.rules.holiday_dates import holiday_problems
from postplan.rules.text import event_of, line_in, prose, words

ID = "date-in-text"
SEVERITY = Severity.ERROR
SUMMARY = "Days and dates in the text agree with the event and the publish date."
POLICY = (
    "Reminders about deadlines: \"Don't forget to get your ticket slips back to us by Friday morning.\" "
    "(a reminder must name the right day)"
)

# Things with days of their own: a day nearer one of these than the event's name belongs to it.
_OTHER_THINGS = frozenset("""sale sales disco party concert match fixture assembly meeting rehearsal rehearsals
practice club workshop coffee breakfast photos photographer auditions mocks parade service fair bake cake cakes
raffle tickets ticket booking bookings registration signup slips forms""".split())
_DEADLINE = lazyre.compile(r"\b(?:by|before|until|till|no\s+later\s+than)\s+(?:the\s+)?$", re.IGNORECASE)
_WORD = lazyre.compile(r"[a-z0-9]+")
_MARKS = (". ", "! ", "? ", "\n", "; ")


def check(post: Post, context: Context) -> Iterable[Problem]:
    yield from holiday_problems(post, context)
    event = event_of(context.repository, post.event) or _campaign_day(context, post.campaign)
    published = post.publish_at.astimezone(context.repository.settings.zone).date()
    after = event is not None and published > event.last_day
    about_event: list[tuple[str, dt.date, int]] = []  # days named in sentences that mention the event
    for part in post.parts:
        present = words(part.text)
        if present.isdisjoint(TRIGGERS):
            continue
        text = prose(part.text)
        named: list[tuple[str, dt.date, int]] = []
        for written in written_dates(text, present, published):
            if written.problem:
                yield Problem(written.problem[0], fix=written.problem[1], line=line_in(part, written.start))
            elif written.day:
                named.append((written.said, written.day, written.start))
        named += _relative_days(text, present, published, after)
        if event is not None:
            about_event += [(said, day, line_in(part, start)) for said, day, start in named
                            if _about(event, text, start)]
    if about_event and not any(event.first_day <= day <= event.last_day for _, day, _ in about_event):
        said, day, line = about_event[0]
        yield Problem(
            f"the text says '{said}' ({day:%A %-d %B}), but {event.title} is on {_when(event)}",
            fix="correct the day in the text, or the event's date in calendar/, or the post's `publish_at:`",
            line=line,
        )


@dataclass(frozen=True)
class _Day:
    """A one-day campaign read as the event it is ("World Book Day 2027", 4 March): the days the text gives it
    must be its day."""

    title: str
    first_day: dt.date
    last_day: dt.date
    kind: str = "event"


def _campaign_day(context: Context, campaign_id: str | None) -> _Day | None:
    campaign = context.repository.campaign(campaign_id)
    if campaign is None or campaign.start != campaign.end:
        return None  # a week's campaign has no one day the text must agree with
    return _Day(_YEAR_AFTER.sub("", campaign.name), campaign.start, campaign.end)


_YEAR_AFTER = lazyre.compile(r"\s+(?:19|20)\d\d$")


def _relative_days(text: str, present: frozenset[str], published: dt.date,
                   after: bool) -> list[tuple[str, dt.date, int]]:
    """"Today", "tomorrow", "on Friday": the days they mean, counted from the publish date."""
    named = []
    if not after and not present.isdisjoint(RELATIVE_WORDS):  # after an event, "today" is the post's day
        for match in RELATIVE.finditer(text):
            offset = OFFSETS[match["word"].lower()]
            if match["weeks"] and match["word"].lower() != "yesterday":
                weeks = match["weeks"].lower()
                offset += 7 * (WEEKS[weeks] if weeks in WEEKS else int(weeks))
            named.append((match.group(), published + dt.timedelta(days=offset), match.start()))
    if not present.isdisjoint(WEEKDAY_WORDS):
        for match in WEEKDAY_ALONE.finditer(text):
            if match["every"] or match["plural"] or match["next"] and after:
                continue
            day = _resolve(match, published, after)
            if match["next"]:  # "next Wednesday": the coming one or the one after, as people mean either
                coming = day if day > published else day + dt.timedelta(days=7)
                named += [(match.group(), coming, match.start()), (match.group(), coming + dt.timedelta(days=7),
                                                                    match.start())]
            else:
                named.append((match.group(), day, match.start()))
    return named


def _about(event: Event | _Day, text: str, index: int) -> bool:
    """Whether the day written at ``index`` is the event's day: its sentence names the event, nothing
    else with a day of its own is named nearer to it, and it is not a deadline before the event."""
    start = max(text.rfind(mark, 0, index) for mark in _MARKS) + 1
    ends = [i for i in (text.find(mark, index) for mark in _MARKS) if i >= 0]
    sentence = text[start:min(ends) if ends else len(text)].lower()
    title = _title_words(event.title)
    if not any(word in sentence for word in title):
        return False
    if event.kind not in ("deadline", "payment") and _DEADLINE.search(text, max(0, index - 20), index):
        return False  # "return your slips by Friday": a deadline before the event, not its day
    here = index - start
    nearest_title = min(abs(m.start() - here) for m in _WORD.finditer(sentence) if m.group() in title) \
        if any(m.group() in title for m in _WORD.finditer(sentence)) else 0
    others = [abs(m.start() - here) for m in _WORD.finditer(sentence)
              if m.group() in _OTHER_THINGS and m.group() not in title and not _in_title(event, m.group())]
    return not others or min(others) >= nearest_title


def _in_title(event: Event | _Day, word: str) -> bool:
    return word in event.title.lower()


@lru_cache(maxsize=512)
def _title_words(title: str) -> tuple[str, ...]:
    found = _WORD.findall(title.lower())
    return tuple(w for w in found if len(w) >= 4 and w not in COMMON) or tuple(found)


def _resolve(match: re.Match[str], published: dt.date, backwards: bool) -> dt.date:
    """The date "Friday" means: the coming one (today included), or the one just gone after an event."""
    weekday = WEEKDAY_NUMBERS[match["wd"][:3].lower()]
    if match["last"] or backwards:
        return published - dt.timedelta(days=(published.weekday() - weekday) % 7 or (7 if match["last"] else 0))
    return published + dt.timedelta(days=(weekday - published.weekday()) % 7)


def _when(event: Event | _Day) -> str:
    if event.first_day == event.last_day:
        return f"{event.first_day:%A %-d %B %Y}"
    return f"{event.first_day:%-d %B} to {event.last_day:%-d %B %Y}"
