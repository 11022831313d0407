"""A day or date in the text that contradicts the calendar or the publish date.

"Sports Day is on Thursday 1st June" when 1 June is a Tuesday; "due by Thursday" in a reminder for a
payment due on Friday; "tomorrow" in a post that goes out two days before its event. Relative days
("today", "tomorrow", "on Friday") are counted from the publish date (after an event, "on Friday"
means the Friday just gone). With ``event:``, at least one day the text names must be a day of the
event; dates with a weekday must agree with each other.

Passes: "Just confirmed our Sports Day as 1st June" (event on 1 June 2027); "the next £15 payment ... is
due by Thursday" published on Monday 12 October for a payment due on Thursday 15 October.

Fails: "Sports Day is on Thursday 1st June" (a Tuesday in 2027); "See you tomorrow!" published two days
before the event; "due by Thursday" for a payment due on Friday.
"""

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from postplan.findings import Severity
from postplan.models import Event, Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import MONTHS, WEEKDAYS, event_of, line_in, prose, words

ID = "date-in-text"
SEVERITY = Severity.ERROR
SUMMARY = "Days and dates in the text agree with the event and the publish date."
POLICY = (
    "Reminders about deadlines: \"Don't forget to get your ticket slips back to us by Friday morning.\" "
    "(a reminder must name the right day)"
)

_MONTH = (r"(?P<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")
_WEEKDAY = r"(?P<wd>Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|rsday|urday)?\b\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:,?\s+(?P<y>20\d\d))?"
DATE = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}{_YEAR}"
    rf"|(?:{_WEEKDAY.replace('wd', 'wd2')},?\s+)?{_MONTH.replace('?P<m>', '?P<m2>')}\s+(?:the\s+)?"
    rf"{_DAY.replace('?P<d>', '?P<d2>')}{_YEAR.replace('?P<y>', '?P<y2>')}"
)
RELATIVE = re.compile(r"\b(?P<word>today|tonight|this (?:morning|afternoon|evening)|tomorrow|yesterday)\b", re.I)
WEEKDAY_ALONE = re.compile(
    r"\b(?:(?P<last>last)\s+|(?P<next>next)\s+|(?P<every>every)\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?P<plural>s)?\b(?!,?\s+(?:the\s+)?\d)"
)
# "Tuesday 13th and Thursday 15th October": a weekday and a day of the month, the month said later.
DAY_OF_MONTH = re.compile(rf"{_WEEKDAY}\s+(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])")
_COMMON = frozenset("year week with from that this your their school class first second third final last next "
                    "term half".split())
_MONTH_WORDS = frozenset([*MONTHS, *(m[:3] for m in MONTHS), "sept"])
_WEEKDAY_WORDS = frozenset([*WEEKDAYS, *(d[:3] for d in WEEKDAYS), "tues", "thur", "thurs"])
_RELATIVE_WORDS = frozenset(["today", "tonight", "tomorrow", "yesterday", "morning", "afternoon", "evening"])
_TRIGGERS = _MONTH_WORDS | _WEEKDAY_WORDS | _RELATIVE_WORDS
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                       "nov", "dec"), start=1)}
_WEEKDAYS = {w: i for i, w in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}
_OFFSETS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
            "tomorrow": 1, "yesterday": -1}


def check(post: Post, context: Context) -> Iterable[Problem]:
    event = event_of(context.repository, post.event)
    published = post.publish_at.astimezone(context.repository.settings.zone).date()
    after = event is not None and published > event.last_day
    about_event: list[tuple[str, dt.date, int]] = []  # days named in sentences that mention the event
    for part in post.parts:
        present = words(part.text)
        if present.isdisjoint(_TRIGGERS):
            continue
        text = prose(part.text)
        named: list[tuple[str, dt.date, int]] = []
        dates = [*DATE.finditer(text)] if not present.isdisjoint(_MONTH_WORDS) else []
        if not present.isdisjoint(_WEEKDAY_WORDS):
            dates += DAY_OF_MONTH.finditer(text)
        for match in dates:
            day, problem = _explicit(match, published)
            if problem:
                yield Problem(problem[0], fix=problem[1], line=line_in(part, match.start()))
            elif day:
                named.append((match.group().strip(" ."), day, match.start()))
        if not after and not present.isdisjoint(_RELATIVE_WORDS):  # after an event, "today" is the post's day
            for match in RELATIVE.finditer(text):
                offset = _OFFSETS[match["word"].lower()]
                named.append((match.group(), published + dt.timedelta(days=offset), match.start()))
        if not present.isdisjoint(_WEEKDAY_WORDS):
            for match in WEEKDAY_ALONE.finditer(text):
                if not (match["every"] or match["plural"] or match["next"]):
                    named.append((match.group(), _resolve(match, published, after), match.start()))
        if event is not None:
            about_event += [(said, day, line_in(part, start)) for said, day, start in named
                            if _mentions(event, _sentence(text, start))]
    if about_event and not any(event.first_day <= day <= event.last_day for _, day, _ in about_event):
        said, day, line = about_event[0]
        yield Problem(
            f"the text says '{said}' ({day:%A %-d %B}), but {event.title} is on {_when(event)}",
            fix="correct the day in the text, or the event's date in calendar/, or the post's `publish_at:`",
            line=line,
        )


def _sentence(text: str, index: int) -> str:
    """The sentence around a position: from the last full stop, ! or ? (or line) before it to the next."""
    start = max(text.rfind(mark, 0, index) for mark in (". ", "! ", "? ", "\n")) + 1
    ends = [i for i in (text.find(mark, index) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    return text[start:min(ends) if ends else len(text)].lower()


def _mentions(event: Event, sentence: str) -> bool:
    """Whether a sentence speaks of the event: it has a telling word of the event's title."""
    return any(word in sentence for word in _title_words(event.title))


@lru_cache(maxsize=512)
def _title_words(title: str) -> tuple[str, ...]:
    words = re.findall(r"[a-z0-9]+", title.lower())
    return tuple(w for w in words if len(w) >= 4 and w not in _COMMON) or tuple(words)


def _explicit(match: re.Match[str], published: dt.date) -> tuple[dt.date | None, tuple[str, str] | None]:
    """The date a "Tuesday 1st June" names (year inferred from the publish date), or why it cannot be."""
    groups = match.groupdict()
    day_text, month_text = groups.get("d") or groups.get("d2"), groups.get("m") or groups.get("m2")
    year_text, weekday_text = groups.get("y") or groups.get("y2"), groups.get("wd") or groups.get("wd2")
    number = int(day_text)
    if month_text:
        month = _MONTHS[month_text[:3].lower()]
        years = [int(year_text)] if year_text else [published.year, published.year + 1, published.year - 1]
        months = [(year, month) for year in years]
    else:  # "Tuesday 13th": this month, the next or the last
        months = [((published.month + k - 1) // 12 + published.year, (published.month + k - 1) % 12 + 1)
                  for k in (0, 1, -1, 2)]
    candidates = []
    for year, month in months:
        try:
            candidates.append(dt.date(year, month, number))
        except ValueError:
            pass
    if not year_text:  # a school posts about this school year: from three months back to eleven ahead
        candidates = [d for d in candidates if -92 <= (d - published).days <= 335] or candidates
    if weekday_text and not year_text:  # of those, the one that falls on the weekday written is the one meant
        candidates = [d for d in candidates if d.weekday() == _WEEKDAYS[weekday_text[:3].lower()]] or candidates
    if not candidates:
        month_text = month_text or "that month"
        return None, (f"'{match.group().strip()}' is not a date: {month_text} has no {number}",
                      "check the day and the month")
    # Without a year, the nearest such date, preferring the months ahead (a post looks forward).
    day = min(candidates, key=lambda d: (d - published).days * (-2 if d < published else 1))
    if weekday_text and _WEEKDAYS[weekday_text[:3].lower()] != day.weekday():
        return None, (f"'{match.group().strip()}': {day:%-d %B %Y} is a {day:%A}",
                      f"write '{day:%A} {day.day} {day:%B}', or check which date is meant")
    return day, None


def _resolve(match: re.Match[str], published: dt.date, backwards: bool) -> dt.date:
    """The date "Friday" means: the coming one (today included), or the one just gone after an event."""
    weekday = _WEEKDAYS[match["wd"][:3].lower()]
    if match["last"] or backwards:
        return published - dt.timedelta(days=(published.weekday() - weekday) % 7 or (7 if match["last"] else 0))
    return published + dt.timedelta(days=(weekday - published.weekday()) % 7)


def _when(event: Event) -> str:
    if event.first_day == event.last_day:
        return f"{event.first_day:%A %-d %B %Y}"
    return f"{event.first_day:%-d %B} to {event.last_day:%-d %B %Y}"
