"""An approved post must say which leader approved it, and that person must be a leader.

The leaders who may approve are listed in the settings (``leaders:`` under ``extra.postplan`` in
``mkdocs.yml``). Nothing is published without a leader's approval.

Passes::

    status: approved
    approved_by: Mrs Hart

Fails: ``status: approved`` with no ``approved_by``; ``approved_by: Miss Nance`` when she is not
a leader; ``approved_by`` on a draft (a draft cannot be approved: set ``status: approved`` too).
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "approval"
SEVERITY = Severity.ERROR
SUMMARY = "An approved post names the leader who approved it."
POLICY = (
    "It is advisable that the main admin for the Twitter is a member of the leadership or management "
    "team; all social media services must be approved by the Headteacher in advance."
)


def check(post: Post, context: Context) -> Iterable[Problem]:
    leaders = context.repository.settings.leaders
    if post.status == "approved" and not post.approved_by:
        yield Problem(
            "this post is approved but does not say who approved it",
            fix=f"add `approved_by:` with the leader's name ({' or '.join(leaders)})",
            field="status",
        )
    elif post.approved_by and post.approved_by not in leaders:
        yield Problem(
            f"'{post.approved_by}' is not one of the leaders who may approve posts",
            fix=f"ask one of {', '.join(leaders)} to approve it, or add the person to `leaders:` in mkdocs.yml",
            field="approved_by",
        )
    elif post.approved_by and post.status != "approved":
        yield Problem(
            f"approved_by is set but the status is '{post.status}'",
            fix="set `status: approved` if the leader has approved it, or remove `approved_by`",
            field="approved_by",
        )
