"""An @mention of an account that is not on the school's approved list.

A mention links the school to that account: it must be an educational partner the school works with
(listed under ``approved_mentions:`` in mkdocs.yml) or one of the school's own accounts. A one-off
mention agreed with a leader can be allowed for one post with ``allow:``.

Passes: "Thank you @KernowLibraries for our visit" when ``@KernowLibraries`` is approved;
"office@tregarrow.example.org" (an email address, not a mention).

Fails: "Thanks @BigToyShop for the prizes" when ``@BigToyShop`` is not on the list; "Thank you to
@OllertonFarmPark" (longer than X allows, but meant as a mention all the same).
"""

from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import line_in

ID = "mention-not-approved"
SEVERITY = Severity.ERROR
SUMMARY = "@mention only the accounts on the school's approved list."
POLICY = (
    "Use of the @twitter name of others must be linked to our educational experiences and must never be "
    "endorsements or product placement; the school Twitter account will only follow educationally linked accounts."
)


# A mention as staff type it: X's handles stop at 15 characters, but "@OllertonFarmPark" (16) is still meant
# as a mention of that account (and is one on platforms with longer handles), so it is read whole.
_TYPED_MENTION = lazyre.compile(r"(?<![\w@/])@([A-Za-z0-9_]{1,50})(?![A-Za-z0-9_@])")


def check(post: Post, context: Context) -> Iterable[Problem]:
    if not any("@" in part.text for part in post.parts):
        return
    settings = context.repository.settings
    approved = {h.lower().lstrip("@") for h in settings.approved_mentions}
    approved |= {a.handle.lower().lstrip("@") for a in settings.accounts.values()}
    for part in post.parts:
        for match in _TYPED_MENTION.finditer(part.text):
            if match.group(1).lower() not in approved:
                yield Problem(
                    f"@{match.group(1)} is not on the school's list of approved accounts",
                    fix="remove the mention, or ask a leader to add the account to `approved_mentions:` in "
                        "mkdocs.yml (or to allow it for this post with `allow:`)",
                    line=line_in(part, match.start()),
                )
