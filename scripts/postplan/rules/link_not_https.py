"""A link that starts with ``http://`` (or no ``https://`` at all).

An ``http://`` link can be changed on the way to a parent's phone, and browsers mark it "not secure".
Almost every site, the school's included, works with ``https://``. A warning, not an error: the staff
guide's own example ("Check it out at http://bit.ly/1zLd4JB") uses one.

Passes: "Read our newsletter at https://www.tregarrow.example.org/news".

Fails: "Read our newsletter at http://www.tregarrow.example.org/news"; "See www.tregarrow.example.org".
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import post_links

ID = "link-not-https"
SEVERITY = Severity.WARNING
SUMMARY = "Links use https://."
POLICY = "Sharing links to your website or learning platform ... so that users can determine if content is being legitimately provided."


def check(post: Post, context: Context) -> Iterable[Problem]:
    for url, line in post_links(post):
        if not url.lower().startswith("https://"):
            secure = "https://" + url.split("://", 1)[-1]
            yield Problem(
                f"'{url}' is not an https:// link",
                fix=f"write it as {secure} (check that it opens)",
                line=line,
            )
