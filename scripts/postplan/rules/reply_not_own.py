"""A reply to someone else's post. The school broadcasts: it replies only to its own posts.

``reply_to:`` may name one of the school's posts in content/posts/ (by id) or link to a post of one of
the school's own accounts (to continue a thread). Replying to anyone else is joining a conversation
the school does not have on social media.

Passes: ``reply_to: sports-day-announcement``; ``reply_to: https://x.com/TregarrowCP/status/1790000000000000000``.

Fails: ``reply_to: https://x.com/SomeParent/status/1790000000000000001``; ``reply_to: 1790000000000000001``.
"""

import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Repository
from postplan.rules.base import Context, PostFacts, Problem

ID = "reply-not-own"
SEVERITY = Severity.ERROR
SUMMARY = "Reply only to the school's own posts (broadcast only)."
POLICY = "The school Twitter account will not reply to any 'replies' on Twitter."

_POST_URL = lazyre.compile(
    r"^https?://(?:www\.|mobile\.)?(?:x|twitter)\.com/(?P<x>\w+)/status/\d+"
    r"|^https?://bsky\.app/profile/(?P<bsky>[\w.-]+)/post/\w+"
    r"|^https?://[\w.-]+/@(?P<mastodon>\w+)(?:@[\w.-]+)?/\d+",
    re.IGNORECASE,
)


def RELATED(post: PostFacts) -> Iterable[tuple]:  # noqa: N802 - a rule's declaration, named as its ID is
    """A reply's finding hangs on whether a post has the id it replies to."""
    return [("id", post.id), ("id", post.reply_to)] if post.reply_to else [("id", post.id)]


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    ids = {post.id for post in context.posts}
    own = {a.handle.lower().lstrip("@") for a in repository.settings.accounts.values()}
    for post in context.posts:
        if not post.reply_to or post.reply_to in ids:
            continue
        handle = _handle(post.reply_to)
        if handle.lower() not in own and handle.lower().split(".")[0] not in own:
            yield _problem(post, handle)


def _handle(reply_to: str) -> str:
    """The account a link to a post belongs to ("" when it is not a link to a post)."""
    match = _POST_URL.match(reply_to)
    return next((h for h in match.groups() if h), "") if match else ""


def _problem(post: PostFacts, handle: str) -> Problem:
    whose = f"@{handle}'s post" if handle else "a post postplan cannot tell is the school's"
    return Problem(
        f"this replies to {whose}; the school replies only to its own posts",
        fix="remove `reply_to:` and post it on its own, or reply to one of the school's posts (its id in "
            "content/posts/, or the link to it)",
        field="reply_to",
        path=post.path,
    )
