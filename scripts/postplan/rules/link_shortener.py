"""A shortened link (bit.ly, tinyurl.com …): readers cannot see where it goes.

Parents are taught not to tap links they cannot read; the school should set the example. X shows the
full address of a link and counts every link as 23 characters however long it is, so shortening saves
nothing there. A warning, not an error: the staff guide suggests bit.ly for click counts.

Passes: "https://www.tregarrow.example.org/blog/animal-fact-books".

Fails: "Check it out at http://bit.ly/1zLd4JB"; "https://tinyurl.com/y6trip".
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.links import SHORTENERS, host
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import post_links

ID = "link-shortener"
SEVERITY = Severity.WARNING
SUMMARY = "No shortened links: readers must see where a link goes."
POLICY = "Any Social Media website or link ... so that users of online services can determine if content is being legitimately provided."

def check(post: Post, context: Context) -> Iterable[Problem]:
    for url, line in post_links(post):
        if host(url) in SHORTENERS:
            yield Problem(
                f"'{url}' is a shortened link: readers cannot see where it goes",
                fix="paste the full address instead (X counts every link as 23 characters anyway)",
                line=line,
            )
