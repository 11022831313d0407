"""A date in the text that falls in a school holiday or on a closure day (an INSET day): what date-in-text
reads from the term dates, with or without a linked event.

Not a rule (it has no ``ID``).

"Our Year 6 residential is on Tuesday 25th May" when that week is the May half term, or "Harvest
Festival on Monday 4th January" when that is an INSET day, is almost always the wrong date, even in a
post with no ``event:``. Holidays are the weekdays between the terms in calendar/ (checked only when
terms are given); closures are calendar events of ``kind: closure``. A sentence that speaks of the
holiday, a closure, the return to school, results or applications anywhere is left alone ("School reopens on
Tuesday 5th January", "GCSE results day is Thursday 20th August"), and so is a holiday club, camp, trip or
revision session. A closure day is read more strictly: only a sentence about the closure itself (INSET,
training, closed) is left alone, since "welcome-back coffee morning on Monday 4th January" is wrong too
when that day is an INSET day.

Passes: "Sports Day is on Tuesday 1st June" (in term); "Half term is from 24th to 28th May"; "Enjoy the
break, we are back on Tuesday 5th January".

Fails: "Our Year 6 residential is on Tuesday 25th May" (the May half term); "Harvest
Festival on Monday 4th January" (an INSET day).
"""

import datetime as dt
import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.models import Post, Repository
from postplan.rules.base import Context, Problem
from postplan.rules.dates import MONTH_WORDS, WEEKDAY_WORDS, written_dates
from postplan.rules.text import prose, words

# Words that show a sentence is about the holiday itself, the way back, or dates set by others.
_HOLIDAY_WORDS = frozenset("""half holiday holidays closed closes close closure closing inset training
reopen reopens reopening return returns returning back bank results applications hols merry boxing eve
application deadline camp finish finishes start starts begin begins term
eid diwali hanukkah bonfire halloween pancake remembrance offer offers national open admissions staff
trip trips tour tours ski skiing expedition expeditions revision vacancy vacancies interview interviews salary
recruitment""".split())
# "Break" is the holiday only as "the break" or "the Easter break", not "after the tournament break".
_HOLIDAY_BREAK = lazyre.compile(r"\b(?:the|half[- ]term|easter|christmas|summer|spring|winter|october|february|may|"
                                r"festive|holiday)\s+break\b", re.IGNORECASE)
# The day families come back, said just before the date: that day must be a school day.
_BACK_ON = lazyre.compile(r"\b(?:back|return(?:s|ing)?|reopen(?:s|ing)?|see you(?: all)?)\b[^.!?\n]{0,30}$", re.IGNORECASE)
# Words that show a sentence is about the closure itself ("closed to pupils for staff training").
_CLOSURE_WORDS = frozenset("closed closure closures closes shut inset training staff development".split())


def holiday_problems(post: Post, context: Context) -> Iterable[Problem]:
    """Each date in the post's text that falls in a holiday or on a closure day, at its line."""
    repository = context.repository
    closures = context.once(("closure days", id(repository)), lambda: _closure_days(repository))
    if not repository.terms and not closures:
        return
    first, last = context.once(("school year", id(repository)), lambda: _school_year(repository))
    published = post.publish_at.astimezone(repository.settings.zone).date()
    for part in post.parts:
        present = words(part.text)
        if present.isdisjoint(MONTH_WORDS) and present.isdisjoint(WEEKDAY_WORDS):
            continue
        text = prose(part.text)
        for written in written_dates(text, present, published):
            day = written.day
            if day is None or day.weekday() >= 5:
                continue
            if day in closures:
                if "term" in present and "open" not in present and any(day == term.start for term in repository.terms):
                    continue  # a term's own dates ("Autumn term: 2 Sept - 18 Dec"), which begin with its INSET day
                why, meant = f"a closure day in calendar/ ({closures[day]})", _CLOSURE_WORDS
            elif first and first <= day <= last and not repository.in_term(day):
                why, meant = "a school holiday (between the terms in calendar/)", _HOLIDAY_WORDS
            else:
                continue
            if (not present.isdisjoint(meant) or (meant is _HOLIDAY_WORDS and "break" in present
                                                  and _HOLIDAY_BREAK.search(text))) \
                    and not _BACK_ON.search(text, max(0, written.start - 40), written.start):
                continue  # the post speaks of the holiday or a closure: its dates are meant (not the day back)
            yield Problem(
                f"'{written.said}' ({day:%A %-d %B %Y}) is {why}",
                fix="check the date: correct it, or the term dates in calendar/; if it is meant (a holiday "
                    "club), say so in the sentence",
                line=part.line + text.count("\n", 0, written.start),
            )


def _school_year(repository: Repository) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of the terms in calendar/ (a date outside them is not known to be a holiday)."""
    return (min((t.start for t in repository.terms), default=None),
            max((t.end for t in repository.terms), default=None))


def _closure_days(repository: Repository) -> dict[dt.date, str]:
    """Every day of the calendar's closures (INSET days), with the closure's title."""
    days = {}
    for event in repository.events:
        if event.kind == "closure":
            day = event.first_day
            while day <= event.last_day:
                days[day] = event.title
                day += dt.timedelta(days=1)
    return days

