"""A poll the platform will accept: 2 to 4 options of at most 25 characters, open 5 minutes to 7 days.

On X a post with a poll cannot also have pictures.

Passes::

    poll:
      options: [Pizza, Pasta, Jacket potato]
      duration: 1 day

Fails: one option; five options; "Roast dinner with all the trimmings" (35 characters); ``duration: 8 days``;
a poll and a photo together on X.
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "poll"
SEVERITY = Severity.ERROR
PER_ACCOUNT = True  # checked for each account the post goes to
SUMMARY = "Polls: 2–4 options of ≤ 25 characters, open 5 minutes to 7 days."
POLICY = "Platform limit: polls have 2–4 options of ≤ 25 characters and last 5 minutes to 7 days."

OPTION_LENGTH = 25
SHORTEST, LONGEST = 5, 7 * 24 * 60  # minutes


def check(post: Post, context: Context) -> Iterable[Problem]:
    poll = post.poll
    if poll is None:
        return
    if not 2 <= len(poll.options) <= 4:
        yield Problem(
            f"the poll has {len(poll.options)} option{'s' if len(poll.options) != 1 else ''}; a poll needs 2 to 4",
            fix="give between 2 and 4 options",
            field="poll.options",
        )
    for index, option in enumerate(poll.options):
        if len(option) > OPTION_LENGTH:
            yield Problem(
                f"the option '{option}' is {len(option)} characters; an option can have at most {OPTION_LENGTH}",
                fix="shorten it (put the details in the post's text)",
                field=f"poll.options.{index}",
            )
    if not SHORTEST <= poll.duration <= LONGEST:
        yield Problem(
            f"the poll would be open for {poll.duration} minutes; a poll is open from 5 minutes to 7 days",
            fix="set `duration:` to between 5 minutes and 7 days, like `duration: 1 day`",
            field="poll.duration",
        )
    account = context.repository.settings.accounts.get(post.account)
    if post.media and (account is None or account.platform == "x"):
        yield Problem(
            "on X a post with a poll cannot also have pictures",
            fix="post the picture separately, or remove `media:`",
            field="poll",
        )
