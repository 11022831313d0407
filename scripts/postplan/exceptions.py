"""Exceptions to safeguarding rules: honoured only when a leader named in the settings grants them.

An ``allow:`` silences one rule for one post. For the rules that protect pupils (who they are, how to
reach them, where they are, whether their parents consented) a reason alone is not enough: anyone
who can edit the file could write one. Such an exception counts only with ``by:`` naming one of the
``leaders:`` in the settings, so the pull request shows which leader took the decision.
"""

from __future__ import annotations

from collections.abc import Sequence

from postplan.models import Allow

# Pupil identity, personal information, whereabouts and consent.
SAFEGUARDING = frozenset({
    "pupil-full-name", "pupil-name-with-photo", "pupil-singled-out", "hidden-text",
    "phone-number", "email-address", "postal-address", "birth-date", "special-category", "vehicle-registration",
    "whereabouts", "trip-location",
    "media-consent", "media-location", "unmentioned-faces",
})


def honour(rule_id: str, allowance: Allow | None, leaders: Sequence[str]) -> tuple[str | None, str | None]:
    """The reason to show when the exception counts, else None; and why it does not count, if it was asked for."""
    if allowance is None:
        return None, None
    if rule_id not in SAFEGUARDING or allowance.by in leaders:
        return allowance.reason, None
    names = " or ".join(leaders)
    if allowance.by:
        return None, (f"the exception is not applied: '{allowance.by}' is not one of the leaders; "
                      f"a safeguarding exception needs `by:` naming {names}")
    return None, f"the exception is not applied: a safeguarding exception needs `by:` naming a leader ({names})"
