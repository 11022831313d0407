"""The school's audiences as the school has them: year groups within key stages within the whole school,
and groups of their own (teams, clubs, governors).

This decides, once, which feeds exist, in what order parents see them, and which events each holds: a
year group's feed has its own events, its key stage's and the whole school's, so a Year 4 parent who
subscribes once gets every event that concerns a Year 4 child and nothing else. Every year group has a
feed, even one with no events of its own yet.

The school names its groups under ``audiences:`` in the settings. Without that, the groups are read
from the events: ``year-3``…``year-6`` belong to ``ks2`` and so on, as in England's key stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from postplan.models import Event, Repository, Settings

WHOLE_SCHOOL = "whole-school"
# England's key stages, for a school that has not written its own (``audiences:`` in the settings).
STANDARD_STAGES = {
    "eyfs": ("nursery", "reception"),
    "ks1": ("year-1", "year-2"),
    "ks2": ("year-3", "year-4", "year-5", "year-6"),
    "ks3": ("year-7", "year-8", "year-9"),
    "ks4": ("year-10", "year-11"),
    "sixth-form": ("year-12", "year-13"),
}
_NUMBERED = re.compile(r"(\d+)")
_UPPER_WORDS = re.compile(r"^(ks\d|eyfs|pta|send?|sats?|y\d+)$")


@dataclass(frozen=True)
class Audience:
    """One audience a feed can be for, and the audiences whose events its feed holds besides its own."""

    id: str
    kind: str  # "year group", "key stage" or "group"
    within: str | None = None  # the key stage a year group belongs to

    def covers(self, groups: SchoolGroups) -> frozenset[str]:
        """The audience ids whose events belong in this audience's feed (the whole school's always do)."""
        if self.kind == "year group":
            return frozenset({self.id, *([self.within] if self.within else [])})
        if self.kind == "key stage":
            return frozenset({self.id, *groups.years_of(self.id)})
        return frozenset({self.id})


@dataclass(frozen=True)
class SchoolGroups:
    """Every audience in school order: year groups (youngest first), then key stages, then the rest."""

    audiences: tuple[Audience, ...]
    defined: bool  # the school wrote them down: an event naming any other audience is a mistake

    def years_of(self, stage: str) -> tuple[str, ...]:
        return tuple(a.id for a in self.audiences if a.kind == "year group" and a.within == stage)

    def ids(self) -> frozenset[str]:
        return frozenset(a.id for a in self.audiences) | {WHOLE_SCHOOL}

    def get(self, audience_id: str) -> Audience | None:
        return next((a for a in self.audiences if a.id == audience_id), None)


def school_groups(repository: Repository) -> SchoolGroups:
    """The school's audiences: as the settings define them, or else as the events name them."""
    settings = repository.settings.audiences
    if settings is not None:
        stages = {stage: tuple(years) for stage, years in settings.key_stages.items()}
        return _ordered(stages, tuple(settings.groups), defined=True)
    named = {a for event in repository.events if event.public for a in event.audience} - {WHOLE_SCHOOL}
    stages = {stage: years for stage, years in STANDARD_STAGES.items()
              if stage in named or named.intersection(years)}
    grouped = {stage for stage in stages} | {year for years in stages.values() for year in years}
    others = tuple(sorted(named - grouped, key=_natural))
    return _ordered(stages, others, defined=False)


def _ordered(stages: dict[str, tuple[str, ...]], groups: tuple[str, ...], defined: bool) -> SchoolGroups:
    years = [Audience(year, "year group", stage) for stage, members in stages.items() for year in members]
    key_stages = [Audience(stage, "key stage") for stage in stages]
    others = [Audience(group, "group") for group in groups]
    return SchoolGroups((*years, *key_stages, *others), defined)


def _natural(text: str) -> list:
    """Year 2 before Year 10."""
    return [int(piece) if piece.isdigit() else piece for piece in _NUMBERED.split(text)]


def audience_name(audience: str, settings: Settings) -> str:
    """How parents read an audience id: ``year-6`` → Year 6, ``ks2`` → KS2 (or the school's own name)."""
    if audience in settings.feed_audience_names:
        return settings.feed_audience_names[audience]
    words = [w.upper() if _UPPER_WORDS.match(w) else w for w in audience.replace("_", "-").split("-") if w]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def who_for(event: Event, settings: Settings) -> str:
    """Whom an event is for, in parents' words: "Year 6", "Reception, Year 1 and Year 2", "everyone"."""
    names = [audience_name(a, settings) for a in event.audience if a != WHOLE_SCHOOL]
    if not names or len(names) < len(event.audience):
        return "everyone"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
