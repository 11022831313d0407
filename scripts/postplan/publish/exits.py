"""How a publishing run ends: exit codes a scheduler can alert on, and the failures CI must not hide.

On a CI schedule nobody watches the output, so a run that sends nothing must say so with its exit
code: due posts whose account has no credentials there are an error (without them, the messages would
only go to a throw-away outbox), and a missed post has a code of its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from postplan.publish.credentials import variable_names

EXIT_OK = 0  # all is well, or nothing was due
EXIT_ATTENTION = 1  # something failed or needs a person
EXIT_USAGE = 2  # a setup problem: settings, the ledger, credentials (missing in CI, or refused)
EXIT_MISSED = 3  # a post's time passed beyond the grace window before it could go out: it was not sent

CI_VARIABLES = ("CI", "GITHUB_ACTIONS")


def in_ci(environ: Mapping[str, str] | None = None) -> bool:
    """Whether this runs in continuous integration (GitHub Actions and most others set CI=true)."""
    environ = os.environ if environ is None else environ
    return any(environ.get(name, "").strip().lower() in ("true", "1") for name in CI_VARIABLES)


def missing_secrets(due_accounts: Iterable[str], with_credentials: Iterable[str]) -> str | None:
    """One line naming the secrets to set for the accounts that have posts due but no credentials."""
    missing = sorted(set(due_accounts) - set(with_credentials))
    if not missing:
        return None
    names = ", ".join(name for account in missing for name in variable_names(account))
    accounts = ", ".join(missing)
    return (f"posts are due for {accounts} but there are no credentials for {'it' if len(missing) == 1 else 'them'} "
            f"in this CI run, so nothing can be posted: set the repository secrets {names}")
