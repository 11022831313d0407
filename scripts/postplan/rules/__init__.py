"""The rule registry: every rule postplan enforces, by id.

A rule is a module with an ``ID``, a ``SEVERITY``, a one-line ``SUMMARY``, the ``POLICY`` sentence (or
platform limit) it enforces, a docstring that explains it with passing and failing examples, and either
``check(post, context)`` (one post at a time) or ``check_repository(repository, context)`` (rules that
compare posts or read the calendar). ``check`` may run in another process, on one post, so it must not
look at other posts; ``check_repository`` runs once and sees every post as ``context.posts`` (the facts
comparisons need, ``PostFacts``). A ``check_repository`` that reads only the calendar and settings, never
the posts, says ``CALENDAR_ONLY = True``: a check of some posts alone (the pre-commit hook) leaves it
out, as it cannot report on them (a test holds each rule to its word). One that reads the posts says
which posts its findings on a post hang on: ``RELATED(facts)`` gives a post's keys (its id, its text on
an account…), and its findings on a post come only from the posts sharing a key with it, so a check of
a few posts needs the facts of those posts alone (postplan.check; a test holds each to its word). Each
yields ``Problem``s; the engine, not the rule, stamps the id, severity, path and line on them. Rules the
loader enforces (the file could not become a post at all) are registered too, with neither function
(``LOADER_RULES``): the loader reports their problems, and the check stage makes them findings through
this registry like every other rule's.

To add a rule, write its module, named after its id (``pupil-full-name`` → ``pupil_full_name.py``), and
add its name to ``_NAMES`` below. A module without ``check`` or ``check_repository``, or with an id already
taken, is refused when postplan starts, with a message saying which.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from postplan.findings import Severity
from postplan.rules.base import Context, Problem

__all__ = ["LOADER_RULES", "RULES", "Context", "Problem", "Rule", "RuleModuleError", "every_rule", "get", "registry"]

# The rules the loader enforces: their problems come from reading the files, not from a check function.
LOADER_RULES = frozenset({"file", "yaml", "front-matter", "schema", "local-time", "thread-length"})


class RuleModuleError(Exception):
    """A rule module that cannot be registered: the message names the module and what it lacks."""


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    policy: str
    doc: str
    check: Callable[..., Iterable[Problem]] | None
    check_repository: Callable[..., Iterable[Problem]] | None

    module: str = ""
    per_account: bool = False  # PER_ACCOUNT: checked once for each account a post goes to
    calendar_only: bool = False  # CALENDAR_ONLY: check_repository never reads the posts
    related: Callable[..., Iterable[tuple]] | None = None  # RELATED: the keys a post's findings hang on

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        missing = [name for name in ("ID", "SEVERITY", "SUMMARY", "POLICY") if not hasattr(module, name)]
        if missing:
            raise RuleModuleError(f"{module.__name__}: a rule module needs {', '.join(missing)}")
        return cls(
            id=module.ID,
            severity=module.SEVERITY,
            summary=module.SUMMARY,
            policy=module.POLICY,
            doc=(module.__doc__ or "").strip(),
            check=getattr(module, "check", None),
            check_repository=getattr(module, "check_repository", None),
            module=module.__name__,
            per_account=getattr(module, "PER_ACCOUNT", False),
            calendar_only=getattr(module, "CALENDAR_ONLY", False),
            related=getattr(module, "RELATED", None),
        )


# The order here is the order rules run and are listed in: the loader's rules first.
_NAMES: tuple[str, ...] = (
    "file",
    "yaml",
    "front_matter",
    "schema",
    "local_time",
    "duplicate_id",
    "unknown_account",
    "unknown_reference",
    "approval",
    "weighted_length",
    "media_file",
    "feed_site_url",
    "duplicate_calendar_id",
    "term_overlap",
    "trip_location",
    "unknown_audience",
    "event_cancelled",
    "reminder_template",
    "site_settings",
    "thread_length",

    # --- policy rules: safeguarding first, then personal details, then style and the calendar ---
    "pupil_full_name",
    "pupil_full_name_possible",
    "pupil_name_with_photo",
    "pupil_singled_out",
    "hidden_text",
    "whereabouts",
    "media_consent",
    "unmentioned_faces",
    "media_location",
    "phone_number",
    "email_address",
    "postal_address",
    "birth_date",
    "special_category",
    "special_category_possible",
    "vehicle_registration",
    "secret_in_text",
    "control_character",
    "placeholder_text",
    "offensive_language",
    "mild_language",
    "emoji_connotation",
    "mention_not_approved",
    "endorsement",
    "reply_not_own",
    "broadcast_only",
    "same_event_same_time",
    "link_not_https",
    "link_shortener",
    "link_domain",
    "text_speak",
    "hashtag_out_of_date",
    "campaign_hashtag_missing",
    "alt_text",
    "media_limits",
    "poll",
    "platform_limits",
    "date_in_text",
    "quiet_hours",
    "between_slots",
    "school_holiday",
    "review_time",
    "past_unpublished",
    "duplicate_text",
    "allow_unknown_rule",
)

def registry(modules: tuple[ModuleType, ...]) -> dict[str, Rule]:
    """Every rule by id, in the order given; ``RuleModuleError`` for a module that is not a usable rule."""
    rules: dict[str, Rule] = {}
    for module in modules:
        rule = Rule.from_module(module)
        if rule.id in rules:
            raise RuleModuleError(f"{module.__name__}: the rule id '{rule.id}' is already used by "
                                  f"{rules[rule.id].module}; every rule needs its own id")
        if rule.check is None and rule.check_repository is None and rule.id not in LOADER_RULES:
            raise RuleModuleError(f"{module.__name__}: the rule '{rule.id}' has neither check(post, context) "
                                  "nor check_repository(repository, context), so it would never report anything")
        if rule.check_repository is not None and not rule.calendar_only and rule.related is None:
            raise RuleModuleError(f"{module.__name__}: the rule '{rule.id}' compares posts but has no "
                                  "RELATED(facts), the keys its findings on a post hang on")
        rules[rule.id] = rule
    return rules


@functools.cache
def every_rule() -> dict[str, Rule]:
    """Every rule by id, in the order they run. The rule modules (and their compiled patterns) are imported
    on the first call, not with this package: a run that finds every post in the findings cache needs none."""
    return registry(tuple(importlib.import_module(f"{__name__}.{name}") for name in _NAMES))


def __getattr__(name: str) -> object:
    if name == "RULES":  # ``from postplan.rules import RULES`` still works; it imports the rules then
        return every_rule()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def get(rule_id: str) -> Rule:
    """The rule with this id; a clear error names the known ones when there is none."""
    try:
        return every_rule()[rule_id]
    except KeyError:
        known = ", ".join(sorted(every_rule()))
        raise KeyError(f"there is no rule '{rule_id}'; the rules are: {known}") from None
