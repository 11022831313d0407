"""A post whose publish time has passed.

The publisher sends a post only within ``publish_grace_minutes`` of its time, so a post whose time has
passed will never go out unless it already has. A warning only: the publisher keeps the record of what
was sent, and a post that did go out is history worth keeping.

Passes: a post in the future.

Fails (a warning): a draft whose ``publish_at`` was last week.
"""

import datetime as dt
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "past-unpublished"
SEVERITY = Severity.WARNING
SUMMARY = "The publish time has passed (a warning: it will not go out late)."
POLICY = "Design: the publisher never posts stale reminders."


def check(post: Post, context: Context) -> Iterable[Problem]:
    grace = dt.timedelta(minutes=context.repository.settings.publish_grace_minutes)
    if post.publish_at + grace < context.now:
        yield Problem(
            f"the publish time ({post.publish_at:%-d %B %Y %H:%M}) has passed; unless it was already sent, "
            "this post will not go out",
            fix="if it has not gone out, choose a new `publish_at:`; if it has, nothing to do",
            field="publish_at",
        )
