"""A shortened link (bit.ly, tinyurl.com …): readers cannot see where it goes.

Parents are taught not to tap links they cannot read; the school should set the example. X shows the
full address of a link and counts every link as 23 characters however long it is, so shortening saves
nothing there. A warning, not an error: the staff guide suggests bit.ly for click counts.

Passes: "https://www.tregarrow.example.org/blog/animal-fact-books".

Fails: "Check it out at http://bit.ly/1zLd4JB"; "https://tinyurl.com/y6trip"; "sign up here
tinyurl.com/calder6th" (written without https://, as staff often paste it).
"""

import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.links import SHORTENERS, host
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import line_in, post_links

ID = "link-shortener"
SEVERITY = Severity.WARNING
SUMMARY = "No shortened links: readers must see where a link goes."
POLICY = "Any Social Media website or link ... so that users of online services can determine if content is being legitimately provided."

# A shortened link written without https:// ("tinyurl.com/calder6th"), which the link finder leaves alone.
_BARE = lazyre.compile(r"(?<![\w.@/-])(?:" + "|".join(re.escape(name) for name in sorted(SHORTENERS)) + r")/[\w./?=&%-]*\w",
                       re.IGNORECASE)


def check(post: Post, context: Context) -> Iterable[Problem]:
    for url, line in post_links(post):
        if host(url) in SHORTENERS:
            yield _shortened(url, line)
    for part in post.parts:
        if "/" in part.text:
            for match in _BARE.finditer(part.text):
                yield _shortened(match.group(), line_in(part, match.start()))


def _shortened(url: str, line: int) -> Problem:
    return Problem(
        f"'{url}' is a shortened link: readers cannot see where it goes",
        fix="paste the full address instead (X counts every link as 23 characters anyway)",
        line=line,
    )
