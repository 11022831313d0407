"""A post for an account the settings do not name.

Passes: ``account: pe`` when ``mkdocs.yml`` lists an account ``pe``. Fails: ``account: PE-dept``.
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "unknown-account"
SEVERITY = Severity.ERROR
PER_ACCOUNT = True  # checked for each account the post goes to
SUMMARY = "A post's account must be one of the accounts in the settings."
POLICY = "Only the school's official accounts are used (seeds: 'an official and specific Twitter account')."


def check(post: Post, context: Context) -> Iterable[Problem]:
    accounts = context.repository.settings.accounts
    if post.account not in accounts:
        yield Problem(
            f"there is no account '{post.account}'",
            fix=f"use one of: {', '.join(accounts)} (the accounts under extra.postplan in mkdocs.yml)",
            field="accounts" if "accounts" in post.source.lines else "account",
        )
