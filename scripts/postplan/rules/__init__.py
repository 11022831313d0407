"""The rule registry: every rule postplan enforces, by id.

A rule is a module with an ``ID``, a ``SEVERITY``, a one-line ``SUMMARY``, the ``POLICY`` sentence (or
platform limit) it enforces, a docstring that explains it with passing and failing examples, and either
``check(post, context)`` (one post at a time) or ``check_repository(repository, context)`` (rules that
compare posts or read the calendar). ``check`` may run in another process, on one post, so it must not
look at other posts; ``check_repository`` runs once and sees every post as ``context.posts`` (the facts
comparisons need, ``PostFacts``). Each yields ``Problem``s; the engine, not the rule, stamps the id,
severity, path and line on them. Rules the loader enforces (the file could not become a post at all)
are registered too, with neither function, so that they are documented like the others.

To add a rule, write its module and add it to ``_MODULES`` below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from postplan.findings import Severity
from postplan.rules import (
    account,
    allow_unknown_rule,
    alt_text,
    animated_gif,
    approval,
    birth_date,
    broadcast_only,
    calendar_duplicate,
    campaign_hashtag_missing,
    date_in_holiday,
    date_in_text,
    duplicate_id,
    duplicate_text,
    email_address,
    emoji_connotation,
    endorsement,
    feed_site_url,
    file,
    front_matter,
    hashtag_out_of_date,
    link_domain,
    link_not_https,
    link_shortener,
    local_time,
    media_consent,
    media_file,
    media_limits,
    media_location,
    mention_not_approved,
    mild_language,
    offensive_language,
    past_unpublished,
    phone_number,
    placeholder_text,
    poll,
    postal_address,
    pupil_full_name,
    pupil_name_with_photo,
    pupil_singled_out,
    quiet_hours,
    reminder_template,
    reply_not_own,
    review_time,
    schema,
    school_holiday,
    secret_in_text,
    term_overlap,
    text_speak,
    trip_location,
    unknown_reference,
    vehicle_registration,
    weighted_length,
    whereabouts,
    yaml_syntax,
)
from postplan.rules.base import Context, Problem

__all__ = ["RULES", "Context", "Problem", "Rule", "get"]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    policy: str
    doc: str
    check: Callable[..., Iterable[Problem]] | None
    check_repository: Callable[..., Iterable[Problem]] | None

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            id=module.ID,
            severity=module.SEVERITY,
            summary=module.SUMMARY,
            policy=module.POLICY,
            doc=(module.__doc__ or "").strip(),
            check=getattr(module, "check", None),
            check_repository=getattr(module, "check_repository", None),
        )


# The order here is the order rules run and are listed in: the loader's rules first.
_MODULES: tuple[ModuleType, ...] = (
    file,
    yaml_syntax,
    front_matter,
    schema,
    local_time,
    duplicate_id,
    account,
    unknown_reference,
    approval,
    weighted_length,
    media_file,
    feed_site_url,
    calendar_duplicate,
    term_overlap,
    trip_location,
    reminder_template,

    # --- policy rules: safeguarding first, then personal details, then style and the calendar ---
    pupil_full_name,
    pupil_name_with_photo,
    pupil_singled_out,
    whereabouts,
    media_consent,
    animated_gif,
    media_location,
    phone_number,
    email_address,
    postal_address,
    birth_date,
    vehicle_registration,
    secret_in_text,
    placeholder_text,
    offensive_language,
    mild_language,
    emoji_connotation,
    mention_not_approved,
    endorsement,
    reply_not_own,
    broadcast_only,
    link_not_https,
    link_shortener,
    link_domain,
    text_speak,
    hashtag_out_of_date,
    campaign_hashtag_missing,
    alt_text,
    media_limits,
    poll,
    date_in_text,
    date_in_holiday,
    quiet_hours,
    school_holiday,
    review_time,
    past_unpublished,
    duplicate_text,
    allow_unknown_rule,
)

RULES: dict[str, Rule] = {rule.id: rule for rule in map(Rule.from_module, _MODULES)}


def get(rule_id: str) -> Rule:
    """The rule with this id; a clear error names the known ones when there is none."""
    try:
        return RULES[rule_id]
    except KeyError:
        known = ", ".join(sorted(RULES))
        raise KeyError(f"there is no rule '{rule_id}'; the rules are: {known}") from None
