"""A shortened link (bit.ly, tinyurl.com …): readers cannot see where it goes.

Parents are taught not to tap links they cannot read; the school should set the example. X shows the
full address of a link and counts every link as 23 characters however long it is, so shortening saves
nothing there. A warning, not an error: the staff guide suggests bit.ly for click counts.

Passes: "https://www.tregarrow.example.org/blog/animal-fact-books".

Fails: "Check it out at http://bit.ly/1zLd4JB"; "https://tinyurl.com/y6trip".
"""

from collections.abc import Iterable
from urllib.parse import urlsplit

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import post_links

ID = "link-shortener"
SEVERITY = Severity.WARNING
SUMMARY = "No shortened links: readers must see where a link goes."
POLICY = "Any Social Media website or link ... so that users of online services can determine if content is being legitimately provided."

SHORTENERS = frozenset("""bit.ly bitly.com tinyurl.com t.co goo.gl ow.ly buff.ly is.gd v.gd rebrand.ly cutt.ly
shorturl.at tiny.cc lnkd.in dlvr.it rb.gy t.ly bl.ink s.id qrco.de shorte.st adf.ly tiny.one surl.li""".split())


def host(url: str) -> str:
    """The host of a link, lower-case, without ``www.`` (a link may be written without https://)."""
    written = url if "://" in url else "https://" + url
    return (urlsplit(written).hostname or "").removeprefix("www.")


def check(post: Post, context: Context) -> Iterable[Problem]:
    for url, line in post_links(post):
        if host(url) in SHORTENERS:
            yield Problem(
                f"'{url}' is a shortened link: readers cannot see where it goes",
                fix="paste the full address instead (X counts every link as 23 characters anyway)",
                line=line,
            )
