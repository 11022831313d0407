"""What one line of the ledger must be: the schema each line is read against.

The ledger arrives in pull requests like every other file, so a line can be anything: ``"part": "abc"``,
a state nobody writes, a part past the end of its thread. Each line is checked here as it is read; one
that does not fit is named with what is wrong, and nothing is published until it is restored.
Fields postplan may add later are kept (``extra="allow"``); the ones it reads are typed strictly.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError, model_validator

State = Literal["claimed", "published", "failed", "unsure", "not-sent", "missed", "edited", "same-content",
                "takedown", "taken-down"]
MAX_PARTS = 1000  # far above any thread the checks let through


class Likeness(BaseModel):
    """What a claim keeps to know its post again after a rename (``likeness``)."""

    model_config = ConfigDict(defer_build=True)  # built when a ledger is first read (as ``fields.Frozen``)

    text: list[StrictStr] = Field(max_length=64)
    media: StrictStr
    event: StrictStr


class LedgerEntry(BaseModel):
    """One line: which post, what happened, and for a message (a thread's part) which one of how many."""

    model_config = ConfigDict(extra="allow", frozen=True, defer_build=True)

    post: StrictStr = Field(min_length=1)
    state: State
    part: StrictInt | None = Field(default=None, ge=0, lt=MAX_PARTS)
    of: StrictInt | None = Field(default=None, ge=1, le=MAX_PARTS)
    hash: StrictStr | None = None
    id: StrictStr | StrictInt | None = None
    url: StrictStr | None = None
    at: StrictStr | None = None
    publish_at: StrictStr | None = None
    platform: StrictStr | None = None
    account: StrictStr | None = None  # older ledgers lack it: the post's only account (publish/accounts.py)
    error: StrictStr | None = None
    likeness: Likeness | None = None

    @model_validator(mode="after")
    def _part_of_its_thread(self) -> LedgerEntry:
        if self.part is not None and self.of is not None and self.part >= self.of:
            raise ValueError(f"part {self.part} is not one of the {self.of} parts of its thread")
        return self


def problem(entry: object) -> str | None:
    """Why a parsed line is not a ledger entry, in a few words; None when it is one."""
    if not isinstance(entry, dict):
        return "it is not a set of fields"
    try:
        LedgerEntry.model_validate(entry)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        value = f" (found {first['input']!r:.40})" if where and "input" in first else ""
        return f"{where + ': ' if where else ''}{first['msg'].removeprefix('Value error, ')}{value}"
    return None
