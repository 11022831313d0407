"""What a build may show: each post's state (draft … published, missed) and the public/staff line.

The public site is safe for the open web: only what the school made public (public events, campaign
weeks, term dates), posts already published and, when ``show_approved_posts`` is set, approved posts
before they go out. A post with an error is never shown publicly, even one already published: an error
can be a safeguarding problem, and the site must not repeat it. The staff build shows everything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from postplan.consent import WEBSITE, Register, read_register
from postplan.findings import Finding
from postplan.models import Event, Post, Repository

State = Literal["draft", "proposed", "approved", "published", "missed"]
STATES: tuple[State, ...] = ("draft", "proposed", "approved", "published", "missed")


@dataclass(frozen=True)
class ShownPost:
    """A post as a build shows it: its state, and (staff builds only) its findings."""

    post: Post
    state: State
    findings: tuple[Finding, ...] = ()
    accounts: tuple[tuple[str, str], ...] = ()  # staff: (account, its state) for a post sent to several

    @property
    def blocked(self) -> bool:
        return any(f.blocks for f in self.findings)


def post_state(post: Post, published: Mapping[str, object], now: dt.datetime, grace_minutes: int) -> State:
    """Published (the ledger says so), missed (approved, due and past the grace time), else the status."""
    if post.id in published:
        return "published"
    if post.status == "approved" and now > post.publish_at + dt.timedelta(minutes=grace_minutes):
        return "missed"
    return post.status


def shown_posts(repository: Repository, findings: Iterable[Finding], published: Mapping[str, object],
                now: dt.datetime, staff: bool) -> list[ShownPost]:
    """The posts this build shows, in publishing order."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    settings = repository.settings
    register = None if staff else read_register(settings.consent_env, Path(repository.root))
    shown = []
    for post in sorted(repository.posts, key=lambda p: (p.publish_at, p.id)):
        own = tuple(by_path.get(post.source.path, ()))
        state = post_state(post, published, now, settings.publish_grace_minutes)
        if staff:
            sent = published.get(post.id)
            accounts = tuple(sent.items()) if isinstance(sent, Mapping) and len(post.accounts) > 1 else ()
            shown.append(ShownPost(post, state, own, accounts))
        elif not any(f.blocks for f in own) and (
            state == "published" or (state == "approved" and settings.show_approved_posts)
        ):
            shown.append(ShownPost(_with_consent(post, register, now.date()), state))
    return shown


def _with_consent(post: Post, register: Register | None, day: dt.date) -> Post:
    """The post without the photos whose pupils have no website consent today (withdrawn or expired since
    it went out): the public site stops showing them at its next build."""
    if register is None or not any(media.who for media in post.media):
        return post
    kept = [media for media in post.media if not register.without_consent(media.who, WEBSITE, day)]
    return post if len(kept) == len(post.media) else post.model_copy(update={"media": kept})


def shown_events(repository: Repository, staff: bool) -> list[Event]:
    """Events this build shows: the public ones, or every one for staff; in date order."""
    events = repository.events if staff else [e for e in repository.events if e.public]
    return sorted(events, key=lambda e: (e.first_day, e.id))


def shows_location(event: Event, staff: bool) -> bool:
    """A trip's location is never published: the public calendar must not say where children will be."""
    return bool(event.location) and (staff or event.kind != "trip")
