"""Two posts about one event going out at the same minute on the same account.

A post written by hand for an event at the very time another post about it goes out (often the
reminder `postplan plan` wrote from the calendar) gives followers the same news twice at once. Usually
one was written without knowing about the other: keep one, or move one. (A single hand-written post at
a reminder's time is fine: `postplan plan` counts it as that reminder and writes no second one.)

Passes: a reminder two days before Sports Day and a hand-written "Sports Day is today!" on the day.

Fails: a hand-written reminder for Sports Day at 08:30 beside the planned reminder for Sports Day at 08:30.
"""

import datetime as dt
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Repository
from postplan.rules.base import Context, PostFacts, Problem

ID = "same-event-same-time"
SEVERITY = Severity.WARNING
SUMMARY = "Not two posts about one event at the same time on one account."
POLICY = ("Practice, not a policy sentence: two posts at one minute reach followers as a pair, and X refuses "
          '"a Tweet with duplicate content" when the wording repeats.')


def RELATED(post: PostFacts) -> Iterable[tuple]:  # noqa: N802 - a rule's declaration, named as its ID is
    """A post's finding hangs on the posts about its event at its time on one of its accounts."""
    if post.event is None or post.publish_at is None:
        return []
    moment = post.publish_at  # one instant, however its zone is written (the rule compares instants)
    instant = moment.astimezone(dt.timezone.utc).isoformat() if moment.tzinfo else f"{moment.isoformat()} local"
    return [("event", account, post.event, instant) for account in post.every_account]


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    first: dict[tuple[str, str, dt.datetime], PostFacts] = {}
    about_events = [post for post in context.posts  # most posts are about no event: sort only the rest
                    if post.event is not None and post.status != "draft" and post.publish_at is not None]
    for post in sorted(about_events, key=lambda p: (p.planned_template is None, p.path)):
        keys = [(account, post.event, post.publish_at) for account in post.every_account]
        earlier = next((first[key] for key in keys if key in first), None)
        for key in keys:
            first.setdefault(key, post)  # the planned reminder first, so the finding lands on the hand-written post
        if earlier is not None:
            yield Problem(f"another post about this event goes out at the same time: {earlier.path}",
                          fix="keep one of the two, or move this post's `publish_at:`",
                          line=post.line_of("publish_at"), path=post.path)
