"""The rule registry: every rule postplan enforces, by id.

A rule is a module with an ``ID``, a ``SEVERITY``, a one-line ``SUMMARY``, the ``POLICY`` sentence (or
platform limit) it enforces, a docstring that explains it with passing and failing examples, and either
``check(post, context)`` (one post at a time) or ``check_repository(repository, context)`` (rules that
compare posts or read the calendar). Each yields ``Problem``s; the engine, not the rule, stamps the id,
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
    approval,
    calendar_duplicate,
    duplicate_id,
    feed_site_url,
    file,
    front_matter,
    local_time,
    media_file,
    reminder_template,
    schema,
    term_overlap,
    trip_location,
    unknown_reference,
    weighted_length,
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
)

RULES: dict[str, Rule] = {rule.id: rule for rule in map(Rule.from_module, _MODULES)}


def get(rule_id: str) -> Rule:
    """The rule with this id; a clear error names the known ones when there is none."""
    try:
        return RULES[rule_id]
    except KeyError:
        known = ", ".join(sorted(RULES))
        raise KeyError(f"there is no rule '{rule_id}'; the rules are: {known}") from None
