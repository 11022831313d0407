"""The calendar site's address is not set, so parents cannot subscribe to the feeds.

Calendar apps subscribe to a full address (``webcal://…`` or ``https://…``); the Subscribe page and its
QR codes are built from ``site_url``. Without it the page can only offer links that work on the page.

Passes: ``site_url: https://calendar.tregarrow.example.org/`` under ``extra: postplan:`` in mkdocs.yml.
Fails: no ``site_url`` (or ``site_url: calendar.tregarrow.example.org``, with no https://).
"""

from collections.abc import Iterable
from urllib.parse import urlsplit

from postplan.findings import Severity
from postplan.models import Repository
from postplan.rules.base import Context, Problem

ID = "feed-site-url"
SEVERITY = Severity.WARNING
SUMMARY = "Set site_url, the address the site is published at, so parents can subscribe to the feeds."
POLICY = "Design: parents subscribe to the school's feeds from Google, Apple and Outlook calendars."


CALENDAR_ONLY = True  # check_repository reads the calendar and settings, never the posts


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    url = repository.settings.site_url
    parts = urlsplit(url or "")
    if url and parts.scheme in ("http", "https") and parts.hostname:
        return
    what = f"site_url '{url}' is not a web address" if url else "site_url is not set"
    yield Problem(
        f"{what}: parents cannot subscribe to the calendar feeds, and the Subscribe page has no QR codes",
        fix="under extra: postplan: in mkdocs.yml, add the address the site is published at, like "
            "site_url: https://calendar.your-school.example.org/",
        path="mkdocs.yml",
        line=_line(context),
    )


def _line(context: Context) -> int:
    """The line of ``site_url:`` if the file has one, else the line of ``postplan:``."""
    try:
        lines = (context.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    for wanted in ("site_url:", "postplan:"):
        for number, text in enumerate(lines, 1):
            if text.strip().startswith(wanted):
                return number
    return 1
