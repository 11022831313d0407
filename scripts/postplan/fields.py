"""The field types the models share: local times read in the school's zone, durations, and where in
a file each value was written (``Source``), so that a finding can point at the line.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from postplan.clock import LocalTimeError, parse_local
from postplan.datewindow import within


Platform = Literal["x", "mastodon", "bluesky", "facebook"]  # accepted only when in platforms.POSTING
Status = Literal["draft", "proposed", "approved"]
Consent = Literal["confirmed", "not-needed", "pending"]
EventKind = Literal["event", "deadline", "payment", "trip", "performance", "closure"]

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
DEFAULT_ZONE = "Europe/London"


def _zone(info: ValidationInfo) -> ZoneInfo:
    return ZoneInfo((info.context or {}).get("timezone", DEFAULT_ZONE))


def _local_datetime(value: object, info: ValidationInfo) -> dt.datetime:
    """Local times in files become aware datetimes in the school's zone (passed as validation context)."""
    try:
        return parse_local(value, _zone(info))
    except LocalTimeError as error:
        raise PydanticCustomError("local_time", str(error)) from None


def _date_or_local_datetime(value: object, info: ValidationInfo) -> dt.date | dt.datetime:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and len(value.strip()) == 10:
        try:  # a plain date, checked here so that a bad one gets one clear message, not one per type
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("date", f"'{value}' is not a date; write it like 2027-06-01") from None
    return _local_datetime(value, info)


_DURATION = re.compile(r"^\s*(\d+)\s*(minutes?|mins?|m|hours?|hrs?|h|days?|d)\s*$", re.IGNORECASE)


def _minutes(value: object) -> object:
    """A duration written for people ("1 day", "6 hours", "30 minutes") as a number of minutes."""
    if isinstance(value, str):
        match = _DURATION.match(value)
        if not match:
            raise ValueError(f"'{value}' is not a duration; write it like 30 minutes, 6 hours or 1 day")
        number, unit = int(match[1]), match[2][0].lower()
        return number * {"m": 1, "h": 60, "d": 1440}[unit]
    return value


LocalDateTime = Annotated[
    dt.datetime,
    AfterValidator(within),  # between 2000 and 2100: a date beyond is a typo, and would overflow later
    BeforeValidator(_local_datetime),
    WithJsonSchema({"type": "string", "description": "local time, like 2027-06-01 08:30"}),
]
DateOrLocalDateTime = Annotated[
    dt.date | dt.datetime,
    AfterValidator(within),
    BeforeValidator(_date_or_local_datetime),
    WithJsonSchema({"type": "string", "description": "a date (2027-06-01) or local time (2027-06-01 13:30)"}),
]
Minutes = Annotated[
    int,
    BeforeValidator(_minutes),
    WithJsonSchema({"type": ["string", "integer"], "description": "like 30 minutes, 6 hours, 1 day"}),
]


class Frozen(BaseModel):
    """Base for every model: immutable, and unknown fields are errors (typos must not pass silently).

    ``defer_build``: a model's validator is built the first time it is used, not at import, so a run that
    never validates the calendar (a warm pre-commit check of three posts) never builds its models."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True)


class Source(BaseModel):
    """Where a model came from: the file (relative to the repository root) and each field's line."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    path: str
    line: int = 1
    lines: dict[str, int] = Field(default_factory=dict)

    def line_of(self, field: str | None) -> int:
        return line_of(self.lines, field, self.line)


def line_of(lines: dict[str, int], field: str | None, default: int) -> int:
    """The line of a dotted field path ("media.0.alt"), falling back to its nearest parent, then ``default``."""
    while field:
        if field in lines:
            return lines[field]
        field = field.rpartition(".")[0]
    return default


_FIELD_SETS: dict[frozenset[str], set[str]] = {}


def share_field_sets(model: BaseModel) -> None:
    """Give the model, and every model inside it, the one set of its field names that all models given
    the same fields share. Pydantic keeps with each model the names of the fields it was given, as a set
    of its own: for a post, its source and its parts, a third of what a post takes in memory (60 MB of a
    trust's 50,000 posts). Every model here is frozen, so nothing adds to a set once it is made, and a
    copy (``model_copy``) makes its own."""
    fields = model.__pydantic_fields_set__
    shared = _FIELD_SETS.setdefault(frozenset(fields), fields)
    if shared is not fields:
        object.__setattr__(model, "__pydantic_fields_set__", shared)
    for value in model.__dict__.values():
        if isinstance(value, BaseModel):
            share_field_sets(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    share_field_sets(item)
