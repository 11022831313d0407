"""The typed models every stage shares: what a school writes, as plain frozen data.

Loading (``load.py``) turns files into these; the check, plan, site, feeds and publish stages read
them and never change them. Each model that comes from a file keeps its ``source`` (path and the line
of every field) so findings can point at the line.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from postplan import platforms
from postplan.fields import (DEFAULT_ZONE, ID_PATTERN, Consent, DateOrLocalDateTime, EventKind, Frozen,
                             LocalDateTime, Minutes, Platform, Source, Status, line_of)
from postplan.datewindow import MAX_DAYS
from postplan.fieldtypes import OneAddress, People, QuietHours, SchoolDate, WebLink, XPrices
from postplan.slots import PostingSlots, is_school_day, next_slot

__all__ = ["DEFAULT_ZONE", "ID_PATTERN", "Account", "Allow", "Campaign", "Consent", "DateOrLocalDateTime",
           "Event", "EventKind", "Frozen", "LocalDateTime", "Media", "Minutes", "Planned", "Platform", "Poll",
           "Post", "QuietHours", "Reminder", "Repository", "Settings", "Source", "Status", "Term", "ThreadPart",
           "line_of"]

# --- settings -----------------------------------------------------------------------------------


class Account(Frozen):
    """A social-media account the school posts to. Credentials never live here: see ``credentials``."""

    platform: Platform = "x"
    handle: str
    name: str = ""
    max_length: int | None = None  # a platform limit override (Mastodon instances differ)
    instance: str | None = None  # Mastodon: the server the account is on, like https://mastodon.social
    page_id: str | None = None  # Facebook: the Page's numeric id
    # X: who may reply (platforms.REPLY_SETTINGS); unset, only the accounts a post mentions
    reply_settings: Literal["mentionedUsers", "following", "everyone"] | None = None

    @field_validator("platform", mode="before")
    @classmethod
    def _platform(cls, value: object) -> object:
        why_not = platforms.refusal(value)
        if why_not:
            raise ValueError(why_not)
        return value

    @field_validator("handle")
    @classmethod
    def _handle(cls, value: str) -> str:
        if not re.fullmatch(r"@?[A-Za-z0-9_.@-]+", value):
            raise ValueError("a handle is letters, digits and underscores, like @TregarrowCP")
        return value if value.startswith("@") else "@" + value

    @field_validator("instance", "page_id", mode="before")
    @classmethod
    def _where(cls, value: object, info: ValidationInfo) -> object:
        """The server's address or the Page's id, checked (platforms.py says what each looks like)."""
        return platforms.checked(info.field_name, value)

    @model_validator(mode="after")
    def _platform_settings(self) -> Account:
        needed = platforms.missing_setting(self.platform, self.model_dump())
        if needed:
            raise ValueError(needed)
        return self


class Audiences(Frozen):
    """The school's groups as it has them: key stages in school order, each with its year groups in order
    (``ks2: [year-3, year-4, year-5, year-6]``), and the groups of their own (teams, clubs, governors)."""

    key_stages: dict[str, list[str]] = Field(default_factory=dict)
    groups: list[str] = Field(default_factory=list)


class Settings(Frozen):
    """The school's settings, kept under ``extra: postplan:`` in ``mkdocs.yml``."""

    school: str
    timezone: str = DEFAULT_ZONE
    accounts: dict[str, Account]
    default_account: str | None = None
    leaders: list[str] = Field(min_length=1)
    approved_mentions: list[str] = Field(default_factory=list)
    website_domains: list[str] = Field(default_factory=list)
    quiet_hours: QuietHours = Field(default_factory=QuietHours)
    posting_slots: PostingSlots = Field(default_factory=PostingSlots)  # the times posts go out (slots.py)
    x_prices: XPrices = Field(default_factory=XPrices)  # to estimate what posting to X costs
    review_minutes: int = Field(default=60, ge=0, le=MAX_DAYS * 1440)  # approval at least this long before
    publish_grace_minutes: int = Field(default=120, ge=0, le=MAX_DAYS * 1440)  # later than this: "missed"
    show_approved_posts: bool = False  # the public site also shows approved posts before they go out
    site_url: OneAddress | None = None
    roster_env: str = "POSTPLAN_ROSTER"  # environment variable naming a pupil roster outside the repo
    consent_env: str = "POSTPLAN_CONSENT"  # environment variable naming the consent register outside the repo
    photo_max_side: int = Field(default=1200, ge=320, le=4096)  # copies that leave the repository: at most this
    photo_review_years: int = Field(default=3, ge=1, le=20)  # photos older than this many school years: review
    # --- feeds ---
    feed_months_back: int = Field(default=3, ge=0, le=120)  # feeds keep past events this many months
    feed_max_events: int = Field(default=1000, ge=10)  # Google drops events past about 1,000 (or 1 MB)
    feed_refresh_hours: int = Field(default=6, ge=1, le=168)  # how often calendar apps should re-read a feed
    # payments and forms: a reminder this long before (18:00 the evening before)
    feed_alarm_before: Annotated[Minutes, Field(ge=0, le=MAX_DAYS * 1440)] = 360
    feed_uid_domain: str | None = None  # keeps event UIDs stable if the site moves; default: the school's website
    feed_audience_names: dict[str, str] = Field(default_factory=dict)  # year-6: Year 6, ks2: Key Stage 2
    audiences: Audiences | None = None  # the school's year groups, key stages and groups; default: from events

    # --- git ---
    repository: str | None = Field(default=None, pattern=r"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")  # owner/name on GitHub
    branch: str = "main"  # the branch posts are proposed against and published from
    # The branch the publisher keeps its ledger on (pushed before each post is sent); empty: ledger.jsonl only.
    ledger_branch: str | None = Field(default="postplan-ledger", pattern=r"^[A-Za-z0-9]+([._/-][A-Za-z0-9]+)*$")
    ledger_remote: str = Field(default="origin", pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")  # where that branch is

    # --- rules ---
    not_pupils: list[str] = Field(default_factory=list)  # names that are not pupils: visiting authors, coaches
    public_details: list[str] = Field(default_factory=list)  # the school's own phone, email, address
    on_site_places: list[str] = Field(default_factory=list)  # the school's own buildings: never off site
    support_places: list[str] = Field(default_factory=list)  # its own bases for additional needs: a child there has one
    profanity_allowlist: list[str] = Field(default_factory=list)  # ordinary words the word list would flag

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not a time zone name; use one like Europe/London") from None
        return value

    @model_validator(mode="after")
    def _default_account(self) -> Settings:
        if not self.accounts:
            raise ValueError("name at least one account under accounts")
        if self.default_account is None:
            object.__setattr__(self, "default_account", next(iter(self.accounts)))
        elif self.default_account not in self.accounts:
            raise ValueError(f"default_account '{self.default_account}' is not one of the accounts")
        return self

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


# --- posts --------------------------------------------------------------------------------------


class Media(Frozen):
    """An image (or video) attached to a post, with the alt text and consent the policy asks for."""

    file: str
    alt: str = ""
    people: People = False  # recognisable people in the picture (or how many) → consent must be confirmed
    consent: Consent | None = None  # the author's word; with a consent register, the register decides
    # who can be recognised, as staff know them: first name and class ("Maya 4B"); never shown publicly
    who: list[Annotated[str, Field(min_length=1, max_length=80)]] = Field(default_factory=list)


class Poll(Frozen):
    """A poll: 2–4 options; the duration in minutes (written as "1 day", "6 hours", "30 minutes")."""

    options: list[str]
    duration: Minutes  # minutes


class Allow(Frozen):
    """A leader-approved exception to one rule for one post; the reason is shown wherever findings are."""

    rule: str
    reason: str = Field(min_length=1)
    by: str | None = None  # the leader who granted it; safeguarding rules need one (postplan.exceptions)


class ThreadPart(BaseModel):
    """One post of a thread (the first part is the post itself), with the line its text starts on."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    text: str
    line: int


class Post(Frozen):
    """One planned post: the front matter and body of ``content/posts/**.md``."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True)

    id: Annotated[str, Field(pattern=ID_PATTERN)]
    publish_at: LocalDateTime  # always time-zone aware once loaded
    status: Status = "draft"
    author: str
    approved_by: str | None = None
    approved_at: LocalDateTime | None = None
    account: str  # the first of ``accounts``: the one the calendar and feeds name
    accounts: list[str] = Field(default_factory=list, max_length=32)
    event: str | None = None
    campaign: str | None = None
    media: list[Media] = Field(default_factory=list)
    poll: Poll | None = None
    reply_to: str | None = None  # a post on the platform this replies to (broadcast only: own posts)
    allow: list[Allow] = Field(default_factory=list)
    planned: Planned | None = None  # set by `postplan plan`: the reminder this post was written for
    parts: list[ThreadPart]  # the body; more than one part is a thread
    source: Source

    @model_validator(mode="after")
    def _every_account(self) -> Post:
        """``accounts`` always lists where the post goes: just ``account`` unless several were named."""
        if not self.accounts:
            object.__setattr__(self, "accounts", [self.account])
        elif len(set(self.accounts)) < len(self.accounts):
            raise ValueError("accounts: an account is named twice (each account gets the post once)")
        return self

    def on(self, account: str) -> Post:
        """This post as sent to one of its accounts: every per-account check and send looks at this."""
        return self.model_copy(update={"account": account, "accounts": [account]})

    @property
    def text(self) -> str:
        """The first post's text (the whole post, unless it is a thread)."""
        return self.parts[0].text

    @property
    def is_thread(self) -> bool:
        return len(self.parts) > 1

    def allowed(self, rule: str) -> Allow | None:
        return next((a for a in self.allow if a.rule == rule), None)


# --- calendar -----------------------------------------------------------------------------------


class Campaign(Frozen):
    """An awareness or campaign week: posts inside it are expected to carry its hashtag."""

    id: Annotated[str, Field(pattern=ID_PATTERN)]
    name: str
    start: SchoolDate
    end: SchoolDate
    hashtags: list[str] = Field(default_factory=list)
    link: WebLink | None = None
    description: str = ""
    show_in_feed: bool = True
    reminders: list[Reminder] = Field(default_factory=list)
    source: Source

    @model_validator(mode="after")
    def _order(self) -> Campaign:
        if self.end < self.start:
            raise ValueError(f"ends ({self.end}) before it starts ({self.start})")
        return self

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


class Reminder(Frozen):
    """A post an event wants written for it: a template, how many days before or after, and a time."""

    template: str
    days_before: int | None = Field(default=None, ge=0, le=MAX_DAYS)
    days_after: int | None = Field(default=None, ge=1, le=MAX_DAYS)
    at: dt.time = dt.time(8, 30)  # local time of day

    @model_validator(mode="after")
    def _one_offset(self) -> Reminder:
        if (self.days_before is None) == (self.days_after is None):
            raise ValueError("give either days_before or days_after")
        return self


class Event(Frozen):
    """A school event or deadline. All-day when ``start`` is a date; timed when it has a time."""

    id: Annotated[str, Field(pattern=ID_PATTERN)]
    title: str
    kind: EventKind = "event"
    start: DateOrLocalDateTime
    end: DateOrLocalDateTime | None = None
    audience: list[str] = Field(default_factory=lambda: ["whole-school"])
    amount: Decimal | None = None  # for payments, in pounds
    description: str = ""
    location: str | None = None  # never published for trips
    public: bool = True
    cancelled: bool = False  # stays in the feeds as cancelled, so calendar apps remove it; no reminders go out
    reminders: list[Reminder] = Field(default_factory=list)
    source: Source

    @model_validator(mode="after")
    def _order(self) -> Event:
        if self.end is not None:
            if isinstance(self.start, dt.datetime) != isinstance(self.end, dt.datetime):
                raise ValueError("start and end must both be dates, or both be dates with times")
            if self.end < self.start:
                raise ValueError(f"ends ({self.end}) before it starts ({self.start})")
        return self

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def first_day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def last_day(self) -> dt.date:
        end = self.end or self.start
        return end.date() if isinstance(end, dt.datetime) else end


class Term(Frozen):
    """A school term (or half term); the gaps between terms are holidays."""

    name: str
    start: SchoolDate
    end: SchoolDate
    source: Source

    @model_validator(mode="after")
    def _order(self) -> Term:
        if self.end < self.start:
            raise ValueError(f"ends ({self.end}) before it starts ({self.start})")
        return self


class Repository(BaseModel):
    """Everything loaded from a school's repository: what the later stages work from."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    root: str
    settings: Settings
    posts: list[Post]
    campaigns: list[Campaign]
    events: list[Event]
    terms: list[Term]
    files: int  # how many files were read

    @cached_property
    def events_by_id(self) -> dict[str, Event]:
        return {event.id: event for event in self.events}

    @cached_property
    def campaigns_by_id(self) -> dict[str, Campaign]:
        return {campaign.id: campaign for campaign in self.campaigns}

    def event(self, event_id: str | None) -> Event | None:
        return self.events_by_id.get(event_id) if event_id else None

    def campaign(self, campaign_id: str | None) -> Campaign | None:
        return self.campaigns_by_id.get(campaign_id) if campaign_id else None

    @cached_property
    def term_spans(self) -> list[tuple[dt.date, dt.date]]:
        """Each term's first and last day, made once: every post asks (a trust's calendar holds years of terms)."""
        return [(term.start, term.end) for term in self.terms]

    def in_term(self, day: dt.date) -> bool:
        return any(start <= day <= end for start, end in self.term_spans)

    def school_day(self, day: dt.date) -> bool:
        return is_school_day(day, self.term_spans)

    def goes_out(self, publish_at: dt.datetime) -> dt.datetime:
        """When a post written for ``publish_at`` really goes out: at the first posting slot from then."""
        return next_slot(publish_at, self.settings.posting_slots, self.settings.zone, self.school_day)


# --- planning -----------------------------------------------------------------------------------


class Planned(Frozen):
    """How ``postplan plan`` wrote a post: the template, and the event's start when the text was written.

    ``event_start`` lets ``plan`` tell a moved event (report the post) from a leader's edit (leave it).
    """

    template: Annotated[str, Field(pattern=ID_PATTERN)]
    event_start: DateOrLocalDateTime
