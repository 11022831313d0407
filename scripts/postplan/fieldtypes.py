"""Field types that refuse a hostile value as it is read, so all it can cause is a finding at its line.

Used by the models: a date outside the years postplan plans for, a campaign link that is not one web
address (``javascript:``, a line break that breaks the feed writer), a site address with spaces.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator

from postplan.datewindow import within
from postplan.escape import web_url


def _web_link(value: str) -> str:
    if web_url(value) is None:
        raise ValueError("the link must be one web address starting with https://, with no spaces or line breaks")
    return value


def _one_address(value: str) -> str:
    if not value or any(ch.isspace() or not ch.isprintable() for ch in value):
        raise ValueError("site_url must be one web address, with no spaces or line breaks")
    return value


SchoolDate = Annotated[dt.date, AfterValidator(within)]  # a plain date, inside datewindow's years
WebLink = Annotated[str, AfterValidator(_web_link)]  # never javascript:, data: or a line break
OneAddress = Annotated[str, AfterValidator(_one_address)]
