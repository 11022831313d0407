"""A post that reads like an advert: sponsorship, discounts, "buy now", #ad.

The school does not endorse products or businesses. Thanking a visitor or a partner is fine; telling
families where to shop, or passing on a discount code, is not.

Passes: "Owen's Animals came in today for our children to hold some exotic animals."; "Thank you to
the PTA for the new books."

Fails: "Get 20% off school shoes at ShoeBarn with code TREG20!"; "Sponsored by Kernow Cars #ad".
"""

import re
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import line_in, words

ID = "endorsement"
SEVERITY = Severity.WARNING
SUMMARY = "No commercial endorsements or product placement."
POLICY = "Use of the @twitter name of others ... must never be endorsements or product placement."

_ADVERT = re.compile(
    r"\b(?:sponsored by|brought to you by|buy (?:now|yours|one)|on sale now|\d+\s?% off|discount(?: code)?|"
    r"promo(?:tion(?:al)?)? code|voucher code|use (?:the )?code|shop now|order (?:now|yours)|special offer|"
    r"free delivery|limited time offer|check out their (?:shop|products|range|website))\b"
    r"|(?<!\w)#(?:ad|advert|sponsored|spon|gifted)\b",
    re.IGNORECASE,
)


_TRIGGERS = frozenset("""sponsored brought buy sale off discount promo promotion promotional voucher code shop order
offer delivery limited check ad advert spon gifted""".split())


def check(post: Post, context: Context) -> Iterable[Problem]:
    for part in post.parts:
        if words(part.text).isdisjoint(_TRIGGERS):
            continue
        for match in _ADVERT.finditer(part.text):
            yield Problem(
                f"'{match.group()}' reads like an advert",
                fix="thank partners without promoting what they sell; leave out offers, codes and prices",
                line=line_in(part, match.start()),
            )
