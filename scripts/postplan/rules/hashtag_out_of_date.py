"""A campaign hashtag used outside its campaign's dates, or a hashtag for another year.

``#NCW19`` was National Careers Week 2019: in 2027 it points readers at an old conversation. A
hashtag from calendar/ passes from a week before its campaign starts (for "next week is …" posts)
to three days after it ends. A hashtag ending in a year ("#NCW19", "#SportsDay2026") must be this
year's or next year's.

Passes: "#AntiBullyingWeek" on 16 November 2026 (inside the campaign); "#Y6" and "#U11s" (not years).

Fails (a warning): "#NCW19" in 2027; "#AntiBullyingWeek" in June.
"""

import datetime as dt
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Campaign, Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import HASHTAG, line_in

ID = "hashtag-out-of-date"
SEVERITY = Severity.WARNING
SUMMARY = "Campaign hashtags only in their campaign's dates; no hashtags for another year."
POLICY = "Look out for relevant hash tags, for example, #NCW19 was National Careers Week 2019."

LEAD_IN = dt.timedelta(days=7)
AFTER = dt.timedelta(days=3)
_YEAR = lazyre.compile(r"^(?P<stem>[A-Za-z]+?)(?P<year>20\d\d|\d\d)$")
_NOT_YEARS = frozenset("y yr year years ks u under class p s form grade top no room".split())


def check(post: Post, context: Context) -> Iterable[Problem]:
    day = post.publish_at.date()
    for part in post.parts:
        if "#" not in part.text:
            continue
        for match in HASHTAG.finditer(part.text):
            tag = match.group(1).lower()
            owners = context.once(ID, lambda: _owners(context.repository.campaigns)).get(tag, [])
            if owners and not any(c.start - LEAD_IN <= day <= c.end + AFTER for c in owners):
                campaign = min(owners, key=lambda c: abs((c.start - day).days))
                yield Problem(
                    f"#{match.group(1)} belongs to {campaign.name} ({campaign.start:%-d %B %Y} to "
                    f"{campaign.end:%-d %B %Y}), but this post goes out on {day:%-d %B %Y}",
                    fix="take the hashtag out, or move the post into the campaign's dates",
                    line=line_in(part, match.start()),
                )
            elif not owners and (year := _year_of(tag)) and not day.year <= year <= day.year + 1:
                yield Problem(
                    f"#{match.group(1)} is a hashtag for {year}, but this post goes out in {day.year}",
                    fix="use this year's hashtag (look it up on the campaign's website), or leave it out",
                    line=line_in(part, match.start()),
                )


def _owners(campaigns: list[Campaign]) -> dict[str, list[Campaign]]:
    """Each campaign hashtag (lower case, without #) and the campaigns that use it."""
    owners: dict[str, list[Campaign]] = {}
    for campaign in campaigns:
        for tag in {h.lower().lstrip("#") for h in campaign.hashtags}:
            owners.setdefault(tag, []).append(campaign)
    return owners


def _year_of(tag: str) -> int | None:
    match = _YEAR.match(tag)
    if not match or match["stem"] in _NOT_YEARS or len(match["stem"]) < 3:
        return None
    year = int(match["year"])
    return year if year >= 2000 else 2000 + year
