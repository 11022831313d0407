"""The parents' Subscribe page: for each feed, one button per calendar app (Google, Apple, Outlook) that says
what will happen; and a printable page of QR codes, one per feed, for letters home.

Year groups come first, in school order (the feeds arrive in that order). QR codes live on the printable
page, not on the phone page, where one per feed made each feed a screen tall. A feed's QR code opens
that feed's part of the Subscribe page rather than the feed itself: every phone's
camera opens an https link, then the parent taps the button for their calendar app. (A QR code of a
webcal:// address does nothing on most Android phones, and one of the .ics file imports a copy that
never updates, which is worse than nothing.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote

import segno

from postplan.escape import html, markdown
from postplan.models import Settings

if TYPE_CHECKING:
    from postplan.feeds import Feed

SUBSCRIBE_PAGE = "subscribe.md"  # the site builder puts the page here, so it is served at subscribe/
PRINT_PAGE = "subscribe-print.md"  # the QR codes for letters home, served at subscribe-print/
GOOGLE = "https://calendar.google.com/calendar/render?cid="
# Outlook.com and Microsoft 365 open their "subscribe from web" form with the address filled in.
OUTLOOK = "https://outlook.live.com/calendar/0/addfromweb?url="

NO_SITE_URL = """!!! warning "The school must set the calendar's web address"
    The links below only work on this page. To give parents addresses they can subscribe to (and QR
    codes to print), set `site_url` under `extra: postplan:` in `mkdocs.yml` to the address this site
    is published at, like `https://calendar.your-school.example.org/`, and build again.
"""

HOW_TO = """## How to add a calendar

### Google Calendar (Android phones and computers)
Tap **Add to Google Calendar** under the calendar you want and then **Add**. Or, on a computer, open
Google Calendar, choose **+** beside *Other calendars*, then **From URL**, and paste the calendar's
address. It then appears on your phone too: in the Google Calendar app, open **Settings**, tap the
calendar's name and turn on **Sync**. Google checks for changes every few hours, not instantly.

### Apple Calendar (iPhone, iPad and Mac)
Tap **Add to Apple Calendar** and then **Subscribe**. Or open **Settings → Apps → Calendar →
Calendar Accounts → Add Account → Other → Add Subscribed Calendar** and paste the calendar's address.

### Outlook
Tap **Add to Outlook**: Outlook on the web opens with the calendar filled in; choose **Import**. Or, in
Outlook or the new Outlook, choose **Add calendar → Subscribe from web**, paste the calendar's address
and choose **Import**.

### Good to know
- Subscribing keeps the calendar up to date by itself: please don't download the file and import it,
  because an imported copy never changes when the school's dates do.
- You can remove the calendar at any time in your calendar app's settings.
- The calendar has only what the school has made public: no pupils' names, and no places for trips.
"""


def feed_urls(filename: str, settings: Settings) -> tuple[str, str]:
    """A feed's ``webcal://`` and ``https://`` addresses (relative links when ``site_url`` is unset)."""
    if not settings.site_url:
        return "", "../" + filename  # relative to the subscribe page, served at subscribe/
    https = settings.site_url.rstrip("/") + "/" + filename
    return "webcal://" + https.split("://", 1)[1], https


def page_url(settings: Settings, anchor: str) -> str | None:
    if not settings.site_url:
        return None
    return settings.site_url.rstrip("/") + "/subscribe/#" + anchor


def subscribe_page(feeds: Sequence[Feed], settings: Settings) -> str:
    """The Markdown (with a little HTML) of the Subscribe page: the parents' feeds, then any staff feed."""
    parents = [f for f in feeds if not f.staff]
    staff = [f for f in feeds if f.staff]
    parts = [
        "# Subscribe to the school calendar\n",
        f"Add the {markdown(settings.school)} calendar to your phone or computer once and it stays up to date all "
        "year: new dates, changes and cancellations appear by themselves.\n",
        "Choose your child's year group: it has the events for that year group, its key stage and the "
        "whole school, and the term dates. Then tap the button for the calendar app you use.\n",
    ]
    if not settings.site_url:
        parts.append(NO_SITE_URL)
    else:
        parts.append("A school letter can carry these calendars as QR codes: see the "
                     "[printable page of QR codes](subscribe-print.md).\n")
    parts.append(_contents(parents))
    parts += [feed_section(f, settings) for f in parents]
    parts.append(HOW_TO)
    if staff:
        parts.append("## For staff only\n")
        parts.append("This part of the page is in the staff build only. Do not share these addresses.\n")
        parts += [feed_section(f, settings) for f in staff]
    return "\n".join(parts)


def _contents(feeds: Sequence[Feed]) -> str:
    """A short list of the calendars at the top, so a parent on a phone finds theirs without scrolling."""
    return "\n".join(f"- [{markdown(f.label or f.title)}](#feed-{f.name})" for f in feeds) + "\n"


def feed_section(feed: Feed, settings: Settings) -> str:
    webcal, https = feed_urls(feed.filename, settings)
    heading = feed.label or feed.title
    lines = [f'<a id="feed-{feed.name}"></a>\n', f"## {markdown(heading)}\n",
             f"{markdown(feed.description)} ({feed.events} {'entry' if feed.events == 1 else 'entries'}.)\n"]
    if webcal:
        lines.append('<p class="pp-subscribe">')
        lines.append(_button(f"{GOOGLE}{quote(webcal, safe='')}", "Google Calendar",
                             "opens Google Calendar and asks you to add this calendar"))
        lines.append(_button(webcal, "Apple Calendar", "on an iPhone, iPad or Mac: asks you to subscribe"))
        lines.append(_button(f"{OUTLOOK}{quote(https, safe='')}&name={quote(heading)}", "Outlook",
                             "opens Outlook on the web with this calendar filled in"))
        lines.append("</p>\n")
    lines.append(f"The calendar's address, to paste into any other calendar app: <code>{html(https)}</code> "
                 f"([open]({https}))\n")
    return "\n".join(lines)


def _button(href: str, app: str, what: str) -> str:
    return (f'<a class="pp-app" href="{html(href)}">Add to {app}'
            f'<span class="pp-app-what">{html(what)}</span></a>')


def print_page(feeds: Sequence[Feed], settings: Settings) -> str | None:
    """The printable page for letters home: each parents' feed with its QR code (None without site_url)."""
    parents = [f for f in feeds if not f.staff]
    if not settings.site_url:
        return None
    parts = ["# The school calendar: QR codes for letters home\n",
             f"Print this page, or copy a code into a letter. Scanning a code with a phone's camera opens "
             f"the {markdown(settings.school)} Subscribe page at that calendar, with a button for each "
             "calendar app.\n",
             '<div class="pp-qr-sheet">']
    for feed in parents:
        label = feed.label or feed.title
        target = page_url(settings, f"feed-{feed.name}")
        parts.append(qr_figure(target, label))
    parts.append("</div>\n")
    return "\n".join(parts)


def qr_figure(url: str, label: str) -> str:
    """A QR code as inline SVG (dark on white, so it scans from a dark-mode screen and prints well)."""
    svg = segno.make(url, error="m").svg_inline(
        scale=3, dark="#000", light="#fff", title=f"QR code: add the {label} calendar")
    return (f'<figure class="postplan-qr">\n{svg}\n<figcaption>{html(label)}: scan to add this '
            "calendar</figcaption>\n</figure>\n")
