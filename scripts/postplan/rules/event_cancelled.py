"""A scheduled post about an event that has been cancelled.

When an event is marked ``cancelled: true`` in calendar/, its reminders must not go out: "don't
forget your ticket slips" for a show that is not happening confuses families. A post that itself
says the event is cancelled or postponed (the notice of the change) is fine.

Passes: a post about a cancelled event that says "Sadly, sports day is cancelled because of the rain";
a draft about it (it will not be sent); a post about an event that is going ahead.

Fails: an approved reminder, "Sports Day is on Tuesday — see you there!", for ``sports-day-2027`` when
that event has ``cancelled: true``.
"""

import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "event-cancelled"
SEVERITY = Severity.ERROR
SUMMARY = "No reminders for a cancelled event (a post about the cancellation itself is fine)."
POLICY = "Design: a post whose linked event is not happening is stale, and a stale post is never sent."

_SAYS_SO = lazyre.compile(r"\b(?:cancel\w*|postpone\w*|called off|no longer|rearranged|moved to|new date)\b",
                          re.IGNORECASE)


def check(post: Post, context: Context) -> Iterable[Problem]:
    if post.event is None or post.status == "draft":
        return
    event = context.repository.event(post.event)
    if event is None or not event.cancelled:
        return
    if any(_SAYS_SO.search(part.text) for part in post.parts):
        return
    yield Problem(
        f"the event '{event.id}' has been cancelled, but this post does not say so",
        fix="delete the post (or set it back to draft); to tell families, say in the post that it is "
            "cancelled or postponed",
        field="event",
    )
