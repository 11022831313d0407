"""A link to a website that is not the school's.

Links to the school's own sites (``website_domains:`` in mkdocs.yml), the calendar site and the
websites of the campaigns in calendar/ pass. Any other link is worth a second look by the leader
who approves the post; if the site is one the school often sends families to, add it to the list.

Passes: "https://www.tregarrow.example.org/news"; a link to the Black History Month website from a
post in that campaign.

Fails (a warning): "https://www.some-shop.example.com/uniform".
"""

from collections.abc import Iterable
from functools import lru_cache

from postplan.findings import Severity
from postplan.links import SHORTENERS, host
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import post_links

ID = "link-domain"
SEVERITY = Severity.WARNING
SUMMARY = "Links go to the school's own websites (or a campaign's)."
POLICY = "Sharing links to your website or learning platform; sharing links to information for parents."


def check(post: Post, context: Context) -> Iterable[Problem]:
    known = _known_domains(context)
    for url, line in post_links(post):
        domain = host(url)
        if domain in SHORTENERS or any(domain == d or domain.endswith("." + d) for d in known):
            continue
        yield Problem(
            f"'{domain}' is not one of the school's websites",
            fix="check the link is one families should follow; a leader can add the site to "
                "`website_domains:` in mkdocs.yml",
            line=line,
        )


def _known_domains(context: Context) -> frozenset[str]:
    settings = context.repository.settings
    written = [*settings.website_domains, settings.site_url or "", *(c.link or "" for c in context.repository.campaigns)]
    return _domains(tuple(written))


@lru_cache(maxsize=8)
def _domains(written: tuple[str, ...]) -> frozenset[str]:
    return frozenset(host(w) for w in written if w)
