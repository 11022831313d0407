"""A poll the account's platform will accept: how many options, how long each, how long it is open.

X takes 2 to 4 options of at most 25 characters, open 5 minutes to 7 days. Mastodon takes what the
account's server says (by default 4 options of 50 characters, open 5 minutes to a month). On X a post
with a poll cannot also have pictures. Bluesky and Facebook Pages have no polls (platform-limits says so).
Each message names the account and its platform.

Passes::

    poll:
      options: [Pizza, Pasta, Jacket potato]
      duration: 1 day

Fails: one option; five options; "Roast dinner with all the trimmings" (35 characters) on X;
``duration: 8 days`` on X; a poll and a photo together on X.
"""

from collections.abc import Iterable

from postplan import platforms
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "poll"
SEVERITY = Severity.ERROR
PER_ACCOUNT = True  # checked for each account the post goes to
SUMMARY = "Polls within the platform's limits (X: 2–4 options of ≤ 25 characters, open 5 minutes to 7 days)."
POLICY = "Platform limit: polls have 2–4 options of ≤ 25 characters and last 5 minutes to 7 days on X."


def check(post: Post, context: Context) -> Iterable[Problem]:
    poll = post.poll
    account = context.repository.settings.accounts.get(post.account)
    if poll is None or account is None:
        return  # no poll, or an unknown account (unknown-account reports it)
    found = platforms.account_limits(account)[0]
    if found.poll is None:
        return  # platform-limits reports a poll where there are none
    where = f"account '{post.account}' is on {found.name}"
    fewest, most = found.poll.options
    if not fewest <= len(poll.options) <= most:
        yield Problem(f"the poll has {len(poll.options)} option{'s' * (len(poll.options) != 1)}; {where}, "
                      f"where a poll has {fewest} to {most}", fix=f"give between {fewest} and {most} options",
                      field="poll.options")
    for index, option in enumerate(poll.options):
        if len(option) > found.poll.option_length:
            yield Problem(f"the option '{option}' is {len(option)} characters; {where}, where an option can have "
                          f"at most {found.poll.option_length}", fix="shorten it (put the details in the post's text)",
                          field=f"poll.options.{index}")
    shortest, longest = found.poll.minutes
    if not shortest <= poll.duration <= longest:
        yield Problem(f"the poll would be open for {poll.duration} minutes; {where}, where a poll is open from "
                      f"{_span(shortest)} to {_span(longest)}",
                      fix=f"set `duration:` to between {_span(shortest)} and {_span(longest)}, like `duration: 1 day`",
                      field="poll.duration")
    if post.media and account.platform == "x":
        yield Problem(f"{where}, where a post with a poll cannot also have pictures",
                      fix="post the picture separately, or remove `media:`", field="poll")


def _span(minutes: int) -> str:
    """5 minutes, 7 days, 30 days: how a person says how long a poll is open (whole days or hours, rounded down)."""
    for size, unit in ((24 * 60, "day"), (60, "hour"), (1, "minute")):
        if minutes >= size:
            count = minutes // size
            return f"{count} {unit}{'s' * (count != 1)}"
    return f"{minutes} minutes"
