"""The same text scheduled twice for the same account.

X refuses a post whose text repeats one of the account's recent posts ("You are not allowed to create a
Tweet with duplicate content"), and followers see the same words twice. Differences in capitals and
spacing do not count as different. Drafts are left out: they are not scheduled yet (a draft is often a
copy being reworded).

Passes: "Sports Day is next week!" and "Sports Day is tomorrow!".

Fails: the same reminder, word for word, in two posts for the same account.
"""

from collections.abc import Iterable
from operator import attrgetter

from postplan.findings import Severity
from postplan.models import Repository
from postplan.rules.base import Context, PostFacts, Problem

ID = "duplicate-text"
SEVERITY = Severity.ERROR
SUMMARY = "No two posts with the same text (X refuses duplicates)."
POLICY = 'Platform limit: X refuses "a Tweet with duplicate content".'


def RELATED(post: PostFacts) -> Iterable[tuple]:  # noqa: N802 - a rule's declaration, named as its ID is
    """A post's findings hang on the posts with one of its texts on one of its accounts."""
    return [("text", account, text) for account in post.every_account for text in post.compared_texts]


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    first: dict[tuple[str, str], str] = {}
    scheduled = sorted((post for post in context.posts if post.status != "draft"), key=attrgetter("path"))
    for post in scheduled:  # a trust's 50,000 posts: one plain loop, no generator a part
        accounts = post.every_account
        for line, text in zip(post.part_lines, post.compared_texts):
            earlier = None
            for account in accounts:  # the first earlier post with this text on any of its accounts
                seen = first.setdefault((account, text), post.path)
                if earlier is None and seen != post.path:
                    earlier = seen
            if earlier is not None:
                yield Problem(
                    f"this text is the same as in {earlier}",
                    fix="change the wording (X refuses a repeated post), or delete one of the two posts",
                    line=line,
                    path=post.path,
                )
