"""Each post (each part of a thread) must fit the platform's length limit.

X counts 280 "weighted" characters: a link always counts 23, an emoji or a Chinese, Japanese or Korean
character counts 2, and most other characters count 1 (twitter-text version 3). Mastodon counts
characters with every link as 23, up to its server's own limit (500 unless the server says otherwise;
when it cannot be reached, 500 is used and the message says so). Bluesky counts 300 graphemes (what a
reader sees as one character, an emoji included), and at most 3,000 bytes of UTF-8, which a post of
long emoji sequences (a family, a flag) reaches before 300. An account can set ``max_length``.

Passes: "Just confirmed our Sports Day as 1st June. Put the date in your diary - we'll see you there!"
Fails: a 300-character paragraph; a thread part over the limit (split it with a ``---`` line); 150
family emoji on Bluesky (150 graphemes, 3,750 bytes).
"""

from collections.abc import Iterable

from postplan import platforms
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.platforms import limit_of, measure
from postplan.textlength import at_most

ID = "weighted-length"
SEVERITY = Severity.ERROR
PER_ACCOUNT = True  # checked for each account the post goes to
SUMMARY = "A post must fit the platform's limit (X: 280 weighted characters)."
POLICY = "Platform limit: 280 weighted characters on X (twitter-text v3); 500 on Mastodon; 300 on Bluesky."

def check(post: Post, context: Context) -> Iterable[Problem]:
    account = context.repository.settings.accounts.get(post.account)
    if account is None:
        return  # reported by unknown-account
    name = platforms.limits(account.platform).name
    for number, part in enumerate(post.parts, start=1):
        where = f"part {number} of this thread" if post.is_thread else "this post"
        yield from _bytes(part, where, name, post.account, platforms.limits(account.platform).max_bytes)
        if account.platform == "x" and at_most(part.text) <= limit_of(account):
            continue  # surely within the limit, without finding its links
        length, limit = measure(part.text, account)
        if length > limit:
            note = platforms.account_limits(account)[1]
            yield Problem(
                f"{where} is {length} characters long as {name} counts them "
                f"for account '{post.account}'; the limit is {limit}" + (f" ({note})" if note else ""),
                fix=f"cut {length - limit} characters, or split it into a thread with a line of three dashes (---)",
                line=part.line,
            )


def _bytes(part, where: str, name: str, account_id: str, most: int | None) -> Iterable[Problem]:
    """A platform that also limits the text's bytes (Bluesky: 3,000), which long emoji sequences fill fast."""
    if most is None:
        return
    size = len(part.text.encode("utf-8"))
    if size > most:
        yield Problem(
            f"{where} takes {size} bytes as {name} stores it for account '{account_id}'; the limit is {most} "
            "(each emoji counts as one character but takes up to 35 bytes)",
            fix="use fewer emoji, or split it into a thread with a line of three dashes (---)",
            line=part.line,
        )
