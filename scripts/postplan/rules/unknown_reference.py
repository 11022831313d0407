"""A post linked to an event or campaign that the calendar does not have.

Passes: ``event: sports-day-2027`` when ``calendar/`` has an event with that id.
Fails: ``event: sportsday-2027`` (a typo): the reminder would never be checked against the date.
"""

import difflib
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "unknown-reference"
SEVERITY = Severity.ERROR
SUMMARY = "A post's event and campaign must exist in calendar/."
POLICY = "Design: a date is typed once, in calendar/, and posts hang on it."


def check(post: Post, context: Context) -> Iterable[Problem]:
    repository = context.repository
    for field, wanted, known in (
        ("event", post.event, repository.events_by_id),
        ("campaign", post.campaign, repository.campaigns_by_id),
    ):
        if wanted and wanted not in known:
            close = difflib.get_close_matches(wanted, known, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            yield Problem(
                f"there is no {field} '{wanted}' in calendar/",
                fix=f"{hint}use the id of a {field} in calendar/, or remove the line",
                field=field,
            )
