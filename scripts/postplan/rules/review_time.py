"""A post approved too close to its publish time for a proper review (``review_minutes:`` in mkdocs.yml).

A leader needs time to read the post, check the photo's consent and think about who could be put at
risk; an approval minutes before it goes out is not a review. ``approved_at:`` records when a leader
approved the post.

Passes: ``approved_at: 2027-05-31 15:00`` for ``publish_at: 2027-06-01 08:30`` (60 minutes needed).

Fails: ``approved_at: 2027-06-01 08:10`` for ``publish_at: 2027-06-01 08:30``; an ``approved_at`` after
the publish time.
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "review-time"
SEVERITY = Severity.ERROR
SUMMARY = "Approved in good time before the post goes out (review_minutes)."
POLICY = "All social media services must be approved by the Headteacher in advance of any educational work being undertaken."


def check(post: Post, context: Context) -> Iterable[Problem]:
    if post.approved_at is None:
        return
    needed = context.repository.settings.review_minutes
    gap = (post.publish_at - post.approved_at).total_seconds() / 60
    if gap < needed:
        when = "after" if gap < 0 else f"only {int(gap)} minutes before"
        yield Problem(
            f"this post was approved {when} its publish time; the school allows {needed} minutes for review",
            fix=f"move `publish_at:` to at least {needed} minutes after `approved_at:`, and have a leader review it again",
            field="approved_at",
        )
