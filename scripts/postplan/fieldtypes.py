"""Field types that refuse a hostile value as it is read, so all it can cause is a finding at its line,
and the small setting models (X's prices, quiet hours).

Used by the models: a date outside the years postplan plans for, a campaign link that is not one web
address (``javascript:``, a line break that breaks the feed writer), a site address with spaces.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from postplan.datewindow import within
from postplan.escape import web_url
from postplan.fields import Frozen


def _web_link(value: str) -> str:
    if web_url(value) is None:
        raise ValueError("the link must be one web address starting with https://, with no spaces or line breaks")
    return value


def _one_address(value: str) -> str:
    if not value or any(ch.isspace() or not ch.isprintable() for ch in value):
        raise ValueError("site_url must be one web address, with no spaces or line breaks")
    return value


def _people(value: object) -> object:
    """``people: 3`` is how many people can be recognised, as staff often write it: any at all means yes."""
    return value > 0 if type(value) is int and value >= 0 else value


SchoolDate = Annotated[dt.date, AfterValidator(within)]  # a plain date, inside datewindow's years
WebLink = Annotated[str, AfterValidator(_web_link)]  # never javascript:, data: or a line break
OneAddress = Annotated[str, AfterValidator(_one_address)]
# true/false, or how many people can be recognised (an editor's schema offers both)
People = Annotated[bool, BeforeValidator(_people),
                   WithJsonSchema({"anyOf": [{"type": "boolean"}, {"type": "integer", "minimum": 0}],
                                   "description": "Whether people can be recognised (or how many): then consent is needed."})]


class XPrices(Frozen):
    """What X charges a post, in US dollars, since its pay-per-use pricing (February 2026): a post with a
    link costs more. Set them in the settings when X's pricing page changes."""

    post: Decimal = Field(default=Decimal("0.015"), ge=0, le=100)
    post_with_link: Decimal = Field(default=Decimal("0.20"), ge=0, le=100)


class QuietHours(Frozen):
    """Hours when nothing is posted (local time). ``start`` may be after ``end``: it wraps midnight."""

    start: dt.time = dt.time(21, 0)
    end: dt.time = dt.time(7, 0)

    def contains(self, moment: dt.time) -> bool:
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end
