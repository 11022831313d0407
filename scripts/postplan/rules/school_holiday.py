"""A post due to go out at a weekend or in a school holiday.

Usually a mistake (the wrong month, or a reminder for a closed school) and nobody is in the office to
answer questions. Holidays are the days outside the terms in calendar/ (checked only when terms are
given). A warning: a holiday club or an exam-results post may be meant.

Passes: a Tuesday in term; a results-day post in August; a holiday club's post in the holiday.

Fails (a warning): a Saturday; 28 December when the autumn term ends on 18 December.
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import event_of, words

# Posts meant for a holiday: exam results days (always in August), holiday clubs and camps, greetings. A club
# alone is no holiday's ("Judo club restarts next week!", posted in the Easter holiday): only one the
# holiday's name or its days go with ("Easter club", "our summer club runs Monday to Thursday").
_MEANT_FOR_HOLIDAY = frozenset("results gcse gcses btec btecs camp camps holiday holidays".split())
_CLUBS = frozenset({"club", "clubs"})
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


def _meant_for_holiday(post: Post, repository) -> bool:
    """The post or its event speaks of results, a holiday club or camp, or the holiday itself."""
    event = event_of(repository, post.event)
    said = " ".join([*(part.text for part in post.parts), event.title if event else ""])
    present = words(said)
    return not present.isdisjoint(_MEANT_FOR_HOLIDAY) or not present.isdisjoint(_CLUBS) \
        and not present.isdisjoint(_HOLIDAY_CLUB)
