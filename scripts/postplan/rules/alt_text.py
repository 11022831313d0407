"""Every image needs alt text: a description for people who cannot see it (at most 1,000 characters on X).

Screen readers read the alt text aloud; without it a blind parent hears only "image". Describe what
matters in the picture, not who is in it ("Children in the relay race on the school field", not names).

Passes: ``alt: Pupils running the relay on the school field``.

Fails: an image with no ``alt:``; ``alt: ""``; an alt text of 1,200 characters on X.
"""

from collections.abc import Iterable

from postplan import platforms
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "alt-text"
SEVERITY = Severity.ERROR
SUMMARY = "Every image has alt text (X: up to 1,000 characters)."
POLICY = "Platform limit and accessibility: alt text up to 1,000 characters on X (1,500 Mastodon, 2,000 Bluesky)."

LIMITS = {platform: limits.alt_length for platform, limits in platforms.LIMITS.items()}


def check(post: Post, context: Context) -> Iterable[Problem]:
    account = context.repository.settings.accounts.get(post.account)
    limit = platforms.account_limits(account)[0].alt_length if account else LIMITS["x"]
    for index, media in enumerate(post.media):
        if not media.alt:
            yield Problem(
                f"{media.file} has no alt text",
                fix="add `alt:` under the file with a short description of the picture, for people who cannot "
                    "see it (no children's names)",
                field=f"media.{index}",
            )
        elif len(media.alt) > limit:
            yield Problem(
                f"the alt text of {media.file} is {len(media.alt)} characters; the limit is {limit}",
                fix=f"shorten it by {len(media.alt) - limit} characters: describe what matters in the picture",
                field=f"media.{index}.alt",
            )
