"""Two posts with the same id.

A post's id is its file name without ``.md`` (or its ``id:`` field). The publisher records what it sent
by id, so two posts sharing one would let one of them be taken for the other and never be sent.

Passes: ``2026-09/harvest.md`` and ``2026-10/harvest-thanks.md``.
Fails: ``2026-09/harvest.md`` and ``2027-09/harvest.md`` (rename one, e.g. ``harvest-2027.md``).
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Repository
from postplan.rules.base import Context, PostFacts, Problem

ID = "duplicate-id"
SEVERITY = Severity.ERROR
SUMMARY = "Every post needs its own id (file name)."
POLICY = "Design: the publisher's ledger records each post by id, so it is posted exactly once."


def RELATED(post: PostFacts) -> Iterable[tuple]:  # noqa: N802 - a rule's declaration, named as its ID is
    """A post's finding hangs on the posts with its id."""
    return [("id", post.id)]


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    first: dict[str, str] = {}
    for post in context.posts:
        if post.id in first:
            yield Problem(
                f"the id '{post.id}' is already used by {first[post.id]}",
                fix="rename this file (or give it an `id:` of its own) so that no two posts share an id",
                field="id",
                path=post.path,
            )
        else:
            first[post.id] = post.path
