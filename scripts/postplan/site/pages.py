"""Render every calendar page from the loaded content: a pure function, no MkDocs, no clock, no files.

Each page is a Markdown document whose body is one block of HTML after ``HTML_MARKER``. The MkDocs
adapter passes such bodies through untouched (Markdown never sees them), so nothing a school wrote can
turn back into markup: every piece of it was escaped here. A page per month holds every post's preview,
anchored; there is never a page per post (a site's sidebar makes that grow with the square of the pages).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from pathlib import Path

from markupsafe import Markup

from postplan.escape import page_title, web_url
from postplan.findings import Finding
from postplan.models import Campaign, Repository, Settings
from postplan.schoolyear import closures, holidays
from postplan.site.days import Days, index_days
from postplan.site.html import attrs, day_label, link
from postplan.site.month import agenda, campaign_path, event_line, month_body, month_dates, month_path, month_title
from postplan.site.preview import card
from postplan.site.search import Entry, month_entries
from postplan.site.status import status_pages
from postplan.site.visibility import ShownPost, shown_events, shown_posts

HTML_MARKER = "<!-- postplan:html -->"
UPCOMING_DAYS = 42


class Pages(MutableMapping[str, str]):
    """Every generated page by path, each kept as UTF-8: a trust's calendar is a hundred megabytes of
    HTML, and as strings a page with one emoji in it takes four bytes a letter. Read as text;
    ``encoded`` gives the bytes (what MkDocs is handed) without making the text.

    Given a ``folder``, each page is written there as it is made and read back when asked for: the
    pages then cost the process that draws them nothing, and can be handed to another (a page's file
    is named by its number, never by its path, which may hold a campaign's id).
    """

    def __init__(self, pages: Mapping[str, str] | None = None, folder: Path | None = None) -> None:
        self._pages: dict[str, bytes | str] = {}  # path → its UTF-8, or (with a folder) its file's name
        self._folder = folder
        self._written = 0
        self.update(pages or {})

    def __getitem__(self, path: str) -> str:
        return self.encoded(path).decode("utf-8")

    def __setitem__(self, path: str, text: str) -> None:
        data = text.encode("utf-8")
        if self._folder is None:
            self._pages[path] = data
            return
        self._written += 1
        name = f"{self._written}.html"
        (self._folder / name).write_bytes(data)
        self._pages[path] = name

    def __delitem__(self, path: str) -> None:
        del self._pages[path]

    def __contains__(self, path: object) -> bool:  # without decoding the page
        return path in self._pages

    def __iter__(self) -> Iterator[str]:
        return iter(self._pages)

    def __len__(self) -> int:
        return len(self._pages)

    def encoded(self, path: str) -> bytes:
        kept = self._pages[path]
        return kept if isinstance(kept, bytes) else (self._folder / kept).read_bytes()  # type: ignore[operator]


def render_pages(repository: Repository, findings: Iterable[Finding], now: dt.datetime, staff: bool,
                 published: Mapping[str, object] | None = None, search: dict[str, list[Entry]] | None = None,
                 folder: Path | None = None) -> Pages:
    """Every generated page, by path under the site's docs (``calendar/2026-09.md`` → its Markdown).

    ``published`` maps the ids of posts already sent (from the publisher's ledger) to anything. Given
    ``search``, the month pages' search entries go there by page (site/search.py). Given a ``folder``,
    each page is written there as it is made (``Pages``).
    """
    findings = list(findings)
    settings = repository.settings
    posts = shown_posts(repository, findings, published or {}, now, staff)
    days = index_days(posts, shown_events(repository, staff), repository.campaigns, repository.terms)
    today = now.date()
    months = _months(days, today)
    pages = Pages({"calendar/index.md": _page("The year at a glance", _overview(repository, days, months, today))},
                  folder)
    for number, (year, month) in enumerate(months):
        previous = months[number - 1] if number else None
        following = months[number + 1] if number + 1 < len(months) else None
        body = month_body(year, month, days, settings, today, staff, previous, following)
        pages[month_path(year, month)] = _page(month_title(year, month), body, searchable=True)
        if search is not None:
            search[month_path(year, month)] = month_entries(month_dates(year, month), days, settings, staff)
    monday = today - dt.timedelta(days=today.weekday())
    pages["calendar/this-week.md"] = _page("This week", _day_list(
        "This week", f"Monday {day_label(monday).split(' ', 1)[1]} to Sunday "
        f"{day_label(monday + dt.timedelta(days=6)).split(' ', 1)[1]}",
        _dates(monday, 7), days, settings, "calendar/this-week.md", staff))
    pages["calendar/upcoming.md"] = _page("Coming up", _day_list(
        "Coming up", f"The next {UPCOMING_DAYS // 7} weeks, from {day_label(today)}",
        _dates(today, UPCOMING_DAYS), days, settings, "calendar/upcoming.md", staff))
    pages["index.md"] = home_page(repository, days, today, staff)
    pages["accessibility.md"] = accessibility_page(settings)
    pages["campaigns/index.md"] = _page("Campaigns", _campaign_index(repository.campaigns))
    for campaign in repository.campaigns:
        campaign_posts = [p for p in posts if p.post.campaign == campaign.id]
        pages[campaign_path(campaign)] = _page(campaign.name, _campaign(campaign, campaign_posts, settings, staff))
    if staff:
        for path, (title, body) in status_pages(posts, findings, settings, today):
            pages[path] = _page(title, body)
    return pages


HOME_EVENTS = 5  # how many events after this week the home page lists


def home_page(repository: Repository, days: Days, today: dt.date, staff: bool) -> str:
    """The home page parents land on: this week, the next few events, and how to subscribe.

    A school that writes its own ``index.md`` in the site's folder gets that page instead."""
    settings = repository.settings
    page = "index.md"
    monday = today - dt.timedelta(days=today.weekday())
    this_week = agenda(_dates(monday, 7), days, settings, page, staff, full=False, heading="h3")
    later = sorted((d for d in days.events if d > monday + dt.timedelta(days=6)))
    upcoming = [(day, event) for day in later for event in days.events[day]][:HOME_EVENTS]
    items = Markup("").join(Markup('<li>{}: {}</li>').format(_dated(day), event_line(event, staff, settings))
                            for day, event in upcoming)
    coming = Markup('<ul class="pp-coming">{}</ul>').format(items) if items else Markup(
        '<p class="pp-empty">Nothing else planned yet.</p>')
    links = [("The year at a glance and term dates", "calendar/index.md"), ("Coming up", "calendar/upcoming.md"),
             ("Campaigns", "campaigns/index.md"), ("Accessibility", "accessibility.md")]
    if staff:
        links[3:3] = [("Status board", "status.md"), ("Propose a post", "propose.md")]
    more = Markup(" · ").join(Markup('<a href="{}">{}</a>').format(link(page, path), label) for label, path in links)
    body = Markup(
        '<h1>{school}</h1><p class="pp-lead">Term dates, events and deadlines at {school}, and what the school '
        'shares on social media.</p>'
        '<p><a class="pp-app" href="subscribe.md">Add the school calendar to your phone'
        '<span class="pp-app-what">choose your child\'s year group: new dates and changes then appear by '
        'themselves</span></a></p>'
        '<h2>This week</h2>{week}<h2>Coming up</h2>{coming}<p>{more}</p>'
    ).format(school=settings.school, week=this_week, coming=coming, more=more)
    return _page(settings.school, body)


def accessibility_page(settings: Settings) -> str:
    """The accessibility statement schools are expected to publish, written from the settings."""
    contact = ", ".join(settings.public_details) or "the school office"
    body = Markup(
        '<h1>Accessibility statement</h1>'
        '<p>This calendar is run by {school}. We want as many people as possible to be able to use it: you '
        'should be able to read it on a phone, zoom in to 400% without text spilling off the screen, move '
        'around it with a keyboard alone, and use it with a screen reader.</p>'
        '<h2>How accessible this calendar is</h2>'
        '<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Every page is '
        'checked automatically with axe-core at a phone\'s width and a laptop\'s each time the calendar is '
        'built. The month grid is a table for wide screens; on a phone each month is a list of days. '
        'Calendars to subscribe to follow the iCalendar standard, so they work in the calendar app you '
        'already use, with its own accessibility settings.</p>'
        '<h2>What we know is not perfect</h2>'
        '<p>Photos come from the school\'s posts; we write a text description for each one, but some may say '
        'less than you would like. Automatic checks cannot find every problem.</p>'
        '<h2>Tell us about a problem</h2>'
        '<p>If you cannot use part of this calendar, or need a date in another format, contact {contact}. '
        '</p>'
        '<p>If you are not happy with our reply, you can contact the Equality Advisory and Support Service '
        '(EASS).</p>'
    ).format(school=settings.school, contact=contact)
    return _page("Accessibility statement", body)


def _page(title: str, body: Markup, searchable: bool = False) -> str:
    # hide: [toc] gives the calendar the width Material keeps for a table of contents these pages lack
    # MkDocs and Material write a page's title into <title>, the header and the search index as HTML.
    # Only the month pages, which hold every post and event once, are in the search index: the other
    # pages repeat them (this week, coming up, the status board) and would make the index many times larger.
    front = f"title: {json.dumps(page_title(title), ensure_ascii=False)}\nhide: [toc]"
    if not searchable:
        front += "\nsearch:\n  exclude: true"
    return f"---\n{front}\n---\n{HTML_MARKER}\n<div class=\"pp\">{body}</div>\n"


def _months(days: Days, today: dt.date) -> list[tuple[int, int]]:
    first, last = days.span() or (today, today)
    months, (year, month) = [], (first.year, first.month)
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _dates(first: dt.date, count: int) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range(count)]


def _day_list(title: str, subtitle: str, dates: list[dt.date], days: Days, settings: Settings, page: str,
              staff: bool) -> Markup:
    return Markup('<h1>{}</h1><p class="pp-lead">{}</p>{}').format(
        title, subtitle, agenda(dates, days, settings, page, staff, full=False, heading="h2"))


def _overview(repository: Repository, days: Days, months: list[tuple[int, int]], today: dt.date) -> Markup:
    page = "calendar/index.md"
    term_table = term_dates(repository) if repository.terms else ""
    rows = []
    for year, month in months:
        dates = [d for d in days.posts if (d.year, d.month) == (year, month)]
        post_count = sum(len(days.posts[d]) for d in dates)
        events = {e.id for d, es in days.events.items() if (d.year, d.month) == (year, month) for e in es}
        current = (year, month) == (today.year, today.month)
        rows.append(Markup('<li{}><a href="{}">{}</a>: {} post{}, {} event{}</li>').format(
            attrs(aria_current="date" if current else None), link(page, month_path(year, month)),
            month_title(year, month), post_count, "" if post_count == 1 else "s", len(events),
            "" if len(events) == 1 else "s"))
    quick = Markup('<p class="pp-lead"><a href="{}">This week</a> · <a href="{}">Coming up</a> · '
                   '<a href="{}">Campaigns</a></p>').format(link(page, "calendar/this-week.md"),
                                                            link(page, "calendar/upcoming.md"),
                                                            link(page, "campaigns/index.md"))
    return Markup('<h1>The year at a glance</h1>{}{}<h2>Month by month</h2><ul class="pp-month-list">{}</ul>').format(
        quick, term_table, Markup("").join(rows))


def _dated(day: dt.date) -> Markup:
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), f"{day_label(day)} {day.year}")


def term_dates(repository: Repository) -> Markup:
    """Term dates with their years, then the holidays between terms and the days the school is closed."""
    terms = Markup("").join(
        Markup('<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>').format(t.name, _dated(t.start), _dated(t.end))
        for t in sorted(repository.terms, key=lambda t: t.start))
    table = Markup(
        '<h2>Term dates</h2><table class="pp-table"><caption>Term dates</caption><thead><tr><th scope="col">Term</th>'
        '<th scope="col">First day</th><th scope="col">Last day</th></tr></thead><tbody>{}</tbody></table>'
    ).format(terms)
    breaks = Markup("").join(
        Markup("<li>{}: {} to {}</li>").format(h.name, _dated(h.first_day), _dated(h.last_day))
        for h in holidays(repository.terms))
    closed = Markup("").join(
        Markup("<li>{}: {}</li>").format(e.title, _dated(e.first_day) if e.first_day == e.last_day else
                                         Markup("{} to {}").format(_dated(e.first_day), _dated(e.last_day)))
        for e in closures(repository.events))
    table += Markup("<h2>Holidays</h2><ul>{}</ul>").format(breaks) if breaks else ""
    table += Markup("<h2>Days the school is closed to pupils</h2><ul>{}</ul>").format(closed) if closed else ""
    return table


def _campaign_index(campaigns: list[Campaign]) -> Markup:
    page = "campaigns/index.md"
    items = Markup("").join(
        Markup('<li><a href="{}">{}</a>: {} to {}</li>').format(link(page, campaign_path(c)), c.name,
                                                               day_label(c.start), day_label(c.end))
        for c in sorted(campaigns, key=lambda c: (c.start, c.id)))
    body = Markup("<ul>{}</ul>").format(items) if items else Markup('<p class="pp-empty">No campaigns yet.</p>')
    return Markup("<h1>Campaigns</h1><p class=\"pp-lead\">Awareness days and campaign weeks the school joins in with.</p>{}").format(body)


def _campaign(campaign: Campaign, posts: list[ShownPost], settings: Settings, staff: bool) -> Markup:
    page = campaign_path(campaign)
    tags = Markup(" ").join(Markup('<span class="pp-hashtag">{}</span>').format(t) for t in campaign.hashtags)
    more = ""
    if campaign.link and web_url(campaign.link):
        more = Markup('<p><a class="pp-link"{}>About {}</a></p>').format(
            attrs(href=web_url(campaign.link), rel="nofollow noopener"), campaign.name)
    cards = Markup("").join(Markup("<li>{}</li>").format(card(p, settings, page, staff)) for p in posts)
    listed = Markup('<ul class="pp-cards">{}</ul>').format(cards) if posts else Markup(
        '<p class="pp-empty">No posts for this campaign yet.</p>')
    return Markup('<h1>{name}</h1><p class="pp-lead"><time datetime="{s}">{start}</time> to '
                  '<time datetime="{e}">{end}</time>{tags}</p><p>{description}</p>{more}<h2>Posts</h2>{listed}').format(
        name=campaign.name, s=campaign.start.isoformat(), start=day_label(campaign.start),
        e=campaign.end.isoformat(), end=day_label(campaign.end),
        tags=Markup(" · ") + tags if tags else "", description=campaign.description, more=more, listed=listed)
