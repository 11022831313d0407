"""A post whose publish time has passed.

The publisher sends a post only within ``publish_grace_minutes`` of its time, so a post whose time has
passed will never go out unless it already has. A warning only, and only for posts the publisher's
ledger does not know: a post that went out (or was recorded as missed) is history worth keeping.

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
    if post.id in context.ledger:
        return  # the publisher has dealt with it: sent, or recorded as missed
    grace = dt.timedelta(minutes=context.repository.settings.publish_grace_minutes)
    if post.publish_at + grace < context.now:
        yield Problem(
            f"the publish time ({post.publish_at:%-d %B %Y %H:%M}) has passed and the ledger has no record "
            "of it: this post will not go out",
            fix="choose a new `publish_at:` if it should still go out, or delete the file if not",
            field="publish_at",
        )
