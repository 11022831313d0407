"""An ``allow:`` exception that names a rule postplan does not have.

``allow:`` silences one rule for one post, with a leader's reason. A misspelt rule id silences
nothing, so the post would be blocked (or, worse, the leader would think an exception was in place).
``postplan rules`` lists the rule ids.

Passes::

    allow:
      - rule: mention-not-approved
        reason: Author visit agreed with the head

Fails: ``rule: mention-not-aproved`` (a typo); ``rule: names``.
"""

import difflib
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "allow-unknown-rule"
SEVERITY = Severity.ERROR
SUMMARY = "An `allow:` names a real rule id."
POLICY = "Design: a leader-approved exception to one rule, with a reason, is shown wherever findings are."


def check(post: Post, context: Context) -> Iterable[Problem]:
    from postplan.rules import RULES  # the registry imports this module

    for index, allow in enumerate(post.allow):
        if allow.rule not in RULES:
            close = difflib.get_close_matches(allow.rule, list(RULES), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            yield Problem(
                f"there is no rule '{allow.rule}' to allow",
                fix=f"{hint}use a rule id from `postplan rules` (it is shown in brackets after each message)",
                field=f"allow.{index}.rule",
            )
