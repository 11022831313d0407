"""One post to several accounts: each account's sends are decided, claimed and recorded on their own.

A post with ``accounts: [school, school-facebook]`` is, for publishing, one post per account. Every
ledger entry written names its account, and the ledger is read back one account at a time, so an
account that failed, is rate limited or is unsure never holds back or repeats another. An entry
written before entries named their account (an older ledger) belongs to the post's only account:
its first, as the post says now, or the school's default account for a post no longer there.
"""

from __future__ import annotations

from postplan.models import Repository
from postplan.publish.ledger import TAKEDOWN, Ledger, PostRecord, Reading, fold


def accounts_in_use(repository: Repository) -> list[str]:
    """Every account some post goes to, in the order the settings list them."""
    used = {account for post in repository.posts for account in post.accounts}
    return [account for account in repository.settings.accounts if account in used]


def on_account(repository: Repository, account: str) -> Repository:
    """The repository as one account sees it: only its posts, each as sent there."""
    posts = [post.on(account) for post in repository.posts if account in post.accounts]
    return repository.model_copy(update={"posts": posts})


class Owners:
    """Which account each ledger entry is about; an entry without one is about its post's first account."""

    def __init__(self, repository: Repository):
        self.first = {post.id: post.account for post in repository.posts}
        self.default = repository.settings.default_account

    def whose(self, entry: dict) -> str:
        named = entry.get("account")
        return named if isinstance(named, str) else self.first.get(str(entry.get("post")), self.default or "")

    def concerns(self, entry: dict, account: str) -> bool:
        """Whether an entry speaks for this account: its own, or a takedown, which is for every account."""
        return (entry.get("state") == TAKEDOWN and "account" not in entry) or self.whose(entry) == account


def by_account(repository: Repository, entries: list[dict]) -> dict[str, dict[str, PostRecord]]:
    """Account → post id → what the ledger says happened to that post on that account."""
    owners = Owners(repository)
    return {account: fold([entry for entry in entries if owners.concerns(entry, account)])
            for account in repository.settings.accounts}


class AccountLedger:
    """The ledger as one account sees it: it reads only its own entries, and every entry it appends
    names the account (so settling and resuming on one account never mistake another's for its own)."""

    def __init__(self, ledger: Ledger, account: str, owners: Owners | None = None):
        self.ledger, self.account, self.owners = ledger, account, owners

    def read(self) -> Reading:
        reading = self.ledger.read()
        if self.owners is None:  # writing only (publish --resolve): nothing is decided from what is read
            return reading
        mine = [entry for entry in reading.entries if self.owners.concerns(entry, self.account)]
        return Reading(mine, reading.warnings)

    def append(self, entry: dict) -> None:
        self.ledger.append({**entry, "account": entry.get("account", self.account)})

    def __getattr__(self, name: str):
        return getattr(self.ledger, name)
