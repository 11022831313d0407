"""An email address in a post, unless it is the school's.

Addresses at the school's own domains (``website_domains:`` in mkdocs.yml, like
``office@tregarrow.example.org``) and those listed under ``public_details:`` may be given; any other
address could be a parent's or a child's.

Passes: "Questions? Email office@tregarrow.example.org"; "Follow @TregarrowPTA".

Fails: "Send your photos to amy.jones1990@gmail.com".
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import EMAIL, line_in

ID = "email-address"
SEVERITY = Severity.ERROR
SUMMARY = "No email addresses, except the school's own."
POLICY = "Learners do not share personal information, including inadvertently through images."


def check(post: Post, context: Context) -> Iterable[Problem]:
    settings = context.repository.settings
    domains = {d.lower().removeprefix("www.") for d in settings.website_domains}
    listed = {d.lower() for d in settings.public_details}
    for part in post.parts:
        if "@" not in part.text:
            continue
        for match in EMAIL.finditer(part.text):
            address = match.group().lower()
            domain = address.rpartition("@")[2]
            if address in listed or any(domain == d or domain.endswith("." + d) for d in domains):
                continue
            yield Problem(
                f"'{match.group()}' is an email address that is not the school's",
                fix="take it out, or give the school office's address instead; a school address can be added "
                    "to `public_details:` in mkdocs.yml",
                line=line_in(part, match.start()),
            )
