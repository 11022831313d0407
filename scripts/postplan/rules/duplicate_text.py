"""The same text scheduled twice for the same account.

X refuses a post whose text repeats one of the account's recent posts ("You are not allowed to create a
Tweet with duplicate content"), and followers see the same words twice. Differences in capitals and
spacing do not count as different. Drafts are left out: they are not scheduled yet (a draft is often a
copy being reworded).

Passes: "Sports Day is next week!" and "Sports Day is tomorrow!".

Fails: the same reminder, word for word, in two posts for the same account.
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Repository
from postplan.rules.base import Context, Problem

ID = "duplicate-text"
SEVERITY = Severity.ERROR
SUMMARY = "No two posts with the same text (X refuses duplicates)."
POLICY = 'Platform limit: X refuses "a Tweet with duplicate content".'


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    first: dict[tuple[str, str], str] = {}
    scheduled = [post for post in context.posts if post.status != "draft"]
    for post in sorted(scheduled, key=lambda p: p.path):
        for text, line in post.parts:
            words = " ".join(text.split()).lower()  # as re's \s: str.split() splits at any Unicode space
            keys = [(account, words) for account in post.accounts or (post.account,)]
            earlier = next((first[key] for key in keys if key in first and first[key] != post.path), None)
            if earlier is not None:
                yield Problem(
                    f"this text is the same as in {earlier}",
                    fix="change the wording (X refuses a repeated post), or delete one of the two posts",
                    line=line,
                    path=post.path,
                )
            for key in keys:
                first.setdefault(key, post.path)
