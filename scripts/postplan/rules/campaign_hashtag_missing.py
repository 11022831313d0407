"""A post in a campaign, or inside a campaign week, without the campaign's hashtag.

A hashtag puts the post beside everyone else's for the week, "so that more people will see" it. A post
that names its campaign (``campaign: anti-bullying-week-2026``) should carry one of the campaign's
hashtags; a post published during a campaign of a week or less that talks about it (a word of its
name: "careers" in National Careers Week) gets the suggestion too. A post about something else that
week (St David's Day in National Careers Week) is left alone: a suggestion there is noise.

Passes: a post in Anti-Bullying Week with "#AntiBullyingWeek"; a post in Black History Month (a month
long) with no ``campaign:``; a St David's Day post during National Careers Week.

Fails (a suggestion): ``campaign: anti-bullying-week-2026`` and no hashtag.
"""

import datetime as dt
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Campaign, Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import HASHTAG, words

ID = "campaign-hashtag-missing"
SEVERITY = Severity.WARNING
SUMMARY = "Suggests a campaign's hashtag for posts in that campaign (or its week)."
POLICY = (
    "Look out for relevant hash tags ... and suggest learners add these, so that more people will see their "
    "tweets."
)

CAMPAIGN_WEEK = dt.timedelta(days=7)


def check(post: Post, context: Context) -> Iterable[Problem]:
    day = post.publish_at.date()
    linked = context.repository.campaign(post.campaign)
    weeks = context.once(ID, lambda: _weeks(context.repository.campaigns))
    candidates = [linked] if linked else [c for c in weeks if c.contains(day) and _about(post, c)]
    if not any(c.hashtags for c in candidates):
        return
    used = {m.group(1).lower() for part in post.parts for m in HASHTAG.finditer(part.text)}
    for campaign in candidates:
        if campaign.hashtags and not used & {h.lower().lstrip("#") for h in campaign.hashtags}:
            yield _suggestion(campaign, linked is not None)


# Words of a campaign's name that say nothing about what it is about.
_NAME_FILLER = frozenset("national international world uk week day days month fortnight the of and for a an in on "
                         "awareness our your".split())


def _about(post: Post, campaign: Campaign) -> bool:
    """Whether the post talks about the campaign: a telling word of its name is in the post's text."""
    telling = {w for w in words(campaign.name) if w not in _NAME_FILLER and not w.isdigit()}
    return any(not telling.isdisjoint(words(part.text)) for part in post.parts)


def _weeks(campaigns: list[Campaign]) -> list[Campaign]:
    """The campaigns short enough (a week or less) that every post in their dates is expected to join in."""
    return [c for c in campaigns if c.end - c.start < CAMPAIGN_WEEK]


def _suggestion(campaign: Campaign, linked: bool) -> Problem:
    tags = " or ".join(campaign.hashtags)
    why = "this post is part of" if linked else "this post goes out during"
    return Problem(
        f"{why} {campaign.name} but does not use its hashtag ({tags})",
        fix=f"add {tags} at the end of the post, so more people see it",
        field="campaign" if linked else "publish_at",
    )
