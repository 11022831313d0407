"""Two terms whose dates overlap.

Terms (and half terms) follow one another; the gaps between them are the holidays. An overlap is
almost always a typing mistake in a date, and it would hide a holiday from the site and the rules.

Passes: Autumn 1 ``2026-09-03``–``2026-10-23`` then Autumn 2 from ``2026-11-02``.
Fails: Autumn 2 starting ``2026-10-19``, before Autumn 1 has ended.
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Repository
from postplan.rules.base import Context, Problem
from postplan.wording import long_date

ID = "term-overlap"
SEVERITY = Severity.ERROR
SUMMARY = "Term dates must not overlap."
POLICY = "Design: term dates and holidays are typed once, in calendar/, and used by the schedule and the site."


CALENDAR_ONLY = True  # check_repository reads the calendar and settings, never the posts


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    terms = sorted(repository.terms, key=lambda t: (t.start, t.end))
    for earlier, later in zip(terms, terms[1:]):
        if later.start <= earlier.end:
            yield Problem(
                f"{later.name} starts on {long_date(later.start)} {later.start.year}, before {earlier.name} "
                f"ends ({long_date(earlier.end)} {earlier.end.year}, {earlier.source.path}:{earlier.source.line})",
                fix="check both dates: a term starts after the one before it has ended",
                path=later.source.path, line=later.source.line_of("start"))
