"""A link to a website that is not the school's, nor a national public service's.

The policies have the school share "links to your website or learning platform" and "links to
information for parents"; a link elsewhere may send families to a shop, an advert or a site nobody at
school has read. Links to the school's own sites (``website_domains:`` in mkdocs.yml), the calendar site
and the websites of the campaigns in calendar/ pass, and so do the national public services schools
routinely send families and children to (``rules/data/public-services.txt``): government and councils
(gov.uk), the NHS, the police and CEOP, the NSPCC and Childline, Kooth, YoungMinds, BBC Bitesize and the
like. Any other link is worth a second look by the leader who approves the post; if the site is one the
school often sends families to, add it to ``website_domains:``.

Passes: "https://www.tregarrow.example.org/news"; a link to the Black History Month website from a
post in that campaign; "report to CEOP at https://www.ceop.police.uk"; "https://www.nhs.uk/conditions/
head-lice-and-nits/"; "https://www.bbc.co.uk/bitesize".

Fails (a warning): "https://www.some-shop.example.com/uniform"; "https://www.bbc.co.uk/sport" (only
the BBC's learning and children's services are listed); "https://nhs.uk.example.com".
"""

from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

from postplan.findings import Severity
from postplan.links import SHORTENERS, SINGLE_SITE_SHORTENERS, host
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import data_lines, post_links

ID = "link-domain"
SEVERITY = Severity.WARNING
SUMMARY = "Links go to the school's own websites (or a campaign's, or a national public service's)."
POLICY = "Sharing links to your website or learning platform; sharing links to information for parents."

_SHORT_ONLY = SHORTENERS - SINGLE_SITE_SHORTENERS  # link-shortener reports these; where they lead is unknown


def check(post: Post, context: Context) -> Iterable[Problem]:
    known = _known_domains(context)
    for url, line in post_links(post):
        domain = host(url)
        if domain in _SHORT_ONLY or _within(domain, known) or _public_service(url, domain):
            continue
        yield Problem(
            f"'{domain}' is not one of the school's websites",
            fix="check the link is one families should follow; a leader can add the site to "
                "`website_domains:` in mkdocs.yml",
            line=line,
        )


def _within(domain: str, known: Iterable[str]) -> bool:
    """Whether the domain is one of ``known`` or under one of them ("ceop.police.uk" under "police.uk")."""
    return any(domain == d or domain.endswith("." + d) for d in known)


def _public_service(url: str, domain: str) -> bool:
    """Whether the link goes to a national public service: a listed domain, or a listed part of a site."""
    domains, parts = _public_services()
    if _within(domain, domains):
        return True
    prefixes = [prefix for site, prefix in parts if _within(domain, (site,))]
    if not prefixes:
        return False
    path = urlsplit(url if "://" in url else "https://" + url).path.lower().rstrip("/") + "/"
    return any(path.startswith(prefix) for prefix in prefixes)


@lru_cache(maxsize=1)
def _public_services() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """The listed services: whole domains, and (domain, path) pairs for a part of a site."""
    listed = [line.lower() for line in data_lines("public-services.txt")]
    domains = frozenset(line for line in listed if "/" not in line)
    split = [line.split("/", 1) for line in listed if "/" in line]
    return domains, tuple((site, "/" + path.rstrip("/") + "/") for site, path in split)


def _known_domains(context: Context) -> frozenset[str]:
    settings = context.repository.settings
    written = [*settings.website_domains, settings.site_url or "", *(c.link or "" for c in context.repository.campaigns)]
    return _domains(tuple(written))


@lru_cache(maxsize=8)
def _domains(written: tuple[str, ...]) -> frozenset[str]:
    return frozenset(host(w) for w in written if w)
