"""A post due to go out at a weekend or in a school holiday.

Usually a mistake (the wrong month, or a reminder for a closed school) and nobody is in the office to
answer questions. Holidays are the days outside the terms in calendar/ (checked only when terms are
given), and the closures in it when no one is in (a bank holiday, not an INSET day). A warning: a
holiday club or an exam-results post may be meant.

Passes: a Tuesday in term; a results-day post in August; a holiday club's post in the holiday.

Fails (a warning): a Saturday; 28 December when the autumn term ends on 18 December; the early May bank
holiday when the calendar lists it as a closure.
"""

import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import event_of, words

# Posts meant for a holiday: exam results days (always in August), holiday clubs and camps, greetings. A club
# alone is no holiday's ("Judo club restarts next week!", posted in the Easter holiday): only one the
# holiday's name or its days go with ("Easter club", "our summer club runs Monday to Thursday").
_MEANT_FOR_HOLIDAY = frozenset("results gcse gcses btec btecs camp camps holiday holidays".split())
_CLUBS = frozenset({"club", "clubs"})
_STAFF_IN = lazyre.compile(r"\b(?:inset|training|staff\s+development|teacher\s+day|twilight)\b", re.IGNORECASE)
_HOLIDAY_CLUB = frozenset("easter summer christmas half halfterm october february whitsun playscheme".split())

ID = "school-holiday"
SEVERITY = Severity.WARNING
SUMMARY = "Not posted at a weekend or in a school holiday (a warning)."
POLICY = "Staff are responsible for regularly checking all notifications ... (someone must be in school to respond)."


def check(post: Post, context: Context) -> Iterable[Problem]:
    repository = context.repository
    day = post.publish_at.astimezone(repository.settings.zone).date()
    if day.weekday() >= 5:
        yield Problem(
            f"this post goes out on a {day:%A} ({day:%-d %B %Y})",
            fix="move it to a school day, unless a weekend post is meant",
            field="publish_at",
        )
    elif repository.terms and not repository.in_term(day) and not _meant_for_holiday(post, repository):
        yield Problem(
            f"{day:%A %-d %B %Y} is in a school holiday (outside the terms in calendar/)",
            fix="move it into term time, unless a holiday post is meant; check the year and month",
            field="publish_at",
        )
    elif (closure := _closed(context, day)) is not None and not _meant_for_holiday(post, repository):
        yield Problem(
            f"the school is closed on {day:%A %-d %B %Y} ('{closure}' in calendar/)",
            fix="move it to a day the school is open, unless a post for the closed day is meant",
            field="publish_at",
        )


def _closed(context: Context, day) -> str | None:
    """The title of a closure in the calendar that covers the day, when no one is in (a bank holiday, a polling
    day), not a training day: on an INSET day the staff are in school to answer."""
    repository = context.repository
    closures = context.once((ID, id(repository)), lambda: [  # a trust's thousands of events, read once a run
        (event.first_day, event.last_day, event.title) for event in repository.events
        if event.kind == "closure" and not _STAFF_IN.search(event.title)])
    return next((title for first, last, title in closures if first <= day <= last), None)


def _meant_for_holiday(post: Post, repository) -> bool:
    """The post or its event speaks of results, a holiday club or camp, or the holiday itself."""
    event = event_of(repository, post.event)
    said = " ".join([*(part.text for part in post.parts), event.title if event else ""])
    present = words(said)
    return not present.isdisjoint(_MEANT_FOR_HOLIDAY) or not present.isdisjoint(_CLUBS) \
        and not present.isdisjoint(_HOLIDAY_CLUB)
