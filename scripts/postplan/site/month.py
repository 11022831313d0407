"""A month page: the grid (a real table, for sighted readers on wide screens) and the agenda beside it
(a list by day, for phones and screen readers), where each post's full preview is anchored."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

from markupsafe import Markup

from postplan.audiences import who_for
from postplan.models import Campaign, Event, Settings
from postplan.site.days import Days
from postplan.site.html import attrs, day_label, link
from postplan.site.preview import card, preview
from postplan.site.visibility import shows_location

WEEKDAYS = [calendar.day_name[i] for i in range(7)]  # Monday first, as UK school calendars are


def month_title(year: int, month: int) -> str:
    return f"{calendar.month_name[month]} {year}"


def month_path(year: int, month: int) -> str:
    return f"calendar/{year:04d}-{month:02d}.md"


def campaign_path(campaign: Campaign) -> str:
    return f"campaigns/{campaign.id}.md"


def event_line(event: Event, staff: bool, settings: Settings) -> Markup:
    """An event as one line: kind, time, title, whom it is for, and where (unless it is a trip on the
    public site). A cancelled event is struck through, so parents see the change."""
    when = ""
    if not event.all_day:
        when = Markup('<time datetime="{}">{:%H:%M}</time> ').format(event.start.isoformat(), event.start)
    amount = f" (£{event.amount:.2f})" if event.amount is not None else ""
    where = Markup(", {}").format(event.location) if shows_location(event, staff) else ""
    private = Markup(' <span class="pp-flag">not public</span>') if staff and not event.public else ""
    audience = who_for(event, settings)
    who = Markup(' <span class="pp-who">for {}</span>').format(audience) if audience != "everyone" else ""
    title = Markup("{}{}{}{}").format(when, event.title, amount, where)
    if event.cancelled:
        title = Markup('<span class="pp-cancelled-label">Cancelled</span> <del>{}</del>').format(title)
    return Markup('<span class="pp-event pp-kind-{kind}"><span class="pp-kind">{label}</span> {title}{who}'
                  '{private}</span>').format(kind=event.kind, label=event.kind.capitalize(), title=title,
                                             who=who, private=private)


def campaign_line(campaign: Campaign, page: str) -> Markup:
    return Markup('<a class="pp-campaign" href="{}">{}</a>').format(link(page, campaign_path(campaign)), campaign.name)


def _cell(day: dt.date, month: int, days: Days, settings: Settings, page: str, today: dt.date,
          staff: bool) -> Markup:
    classes = ["pp-day-cell"]
    if day.month != month:
        return Markup('<td class="pp-other-month"><time datetime="{}">{}</time></td>').format(day.isoformat(), day.day)
    items: list[Markup] = []
    if days.holiday(day):
        classes.append("pp-holiday")
        items.append(Markup('<span class="pp-holiday-label">Holiday</span>'))
    items += [Markup('<span class="pp-term">{}</span>').format(mark.label) for mark in days.terms.get(day, ())]
    for campaign in days.campaigns.get(day, ()):
        if day in (campaign.start, day.replace(day=1)) or day.weekday() == 0:
            items.append(campaign_line(campaign, page))
    items += [event_line(event, staff, settings) for event in days.events.get(day, ())]
    items += [card(shown, settings, page, staff) for shown in days.posts.get(day, ())]
    current = day == today
    if current:
        classes.append("pp-today")
    listed = Markup("".join(f"<li>{item}</li>" for item in items))  # each item is Markup already
    return Markup('<td{cls}><time{time}>{number}</time>{items}</td>').format(
        cls=attrs(class_=" ".join(classes)),
        time=attrs(datetime=day.isoformat(), aria_current="date" if current else None),
        number=day.day, items=Markup('<ul>{}</ul>').format(listed) if items else "")


def grid(year: int, month: int, days: Days, settings: Settings, today: dt.date, staff: bool) -> Markup:
    page = month_path(year, month)
    title = month_title(year, month)
    head = Markup("").join(
        Markup('<th scope="col"><abbr title="{}">{}</abbr></th>').format(name, name[:3]) for name in WEEKDAYS)
    rows = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells = Markup("").join(_cell(day, month, days, settings, page, today, staff) for day in week)
        rows.append(Markup("<tr>{}</tr>").format(cells))
    return Markup(
        '<div class="pp-scroll" tabindex="0" role="region" aria-label="{title}, month grid">'
        '<table class="pp-grid"><caption>{title}</caption><thead><tr>{head}</tr></thead>'
        '<tbody>{rows}</tbody></table></div>'
    ).format(title=title, head=head, rows=Markup("\n").join(rows))


def agenda(dates: Iterable[dt.date], days: Days, settings: Settings, page: str, staff: bool,
           full: bool, heading: str = "h3") -> Markup:
    """Busy days as a list: events, campaign starts and term dates, then each post (in full, or as a card)."""
    items = []
    for day in dates:
        if not days.busy(day):
            continue
        lines = [Markup('<span class="pp-term">{}</span>').format(m.label) for m in days.terms.get(day, ())]
        for campaign in days.campaigns.get(day, ()):
            if campaign.start == day:
                until = f" (until {day_label(campaign.end)})" if campaign.end != day else ""
                lines.append(campaign_line(campaign, page) + until)
        lines += [event_line(event, staff, settings) for event in days.events.get(day, ())]
        posts = days.posts.get(day, ())
        shown = [preview(p, settings, page, staff) if full else card(p, settings, page, staff) for p in posts]
        listed = Markup("").join(Markup("<li>{}</li>").format(line) for line in [*lines, *([] if full else shown)])
        items.append(Markup(
            '<li class="pp-day" id="day-{iso}"><{h}><time datetime="{iso}">{label}</time></{h}>{lines}{previews}</li>'
        ).format(iso=day.isoformat(), h=Markup(heading), label=day_label(day),
                 lines=Markup('<ul class="pp-day-items">{}</ul>').format(listed) if listed else "",
                 previews=Markup("").join(shown) if full else ""))
    if not items:
        return Markup('<p class="pp-empty">Nothing planned.</p>')
    return Markup('<ol class="pp-agenda">{}</ol>').format(Markup("\n").join(items))


def month_dates(year: int, month: int) -> list[dt.date]:
    return [dt.date(year, month, day) for day in range(1, calendar.monthrange(year, month)[1] + 1)]


def month_body(year: int, month: int, days: Days, settings: Settings, today: dt.date, staff: bool,
               previous: tuple[int, int] | None, following: tuple[int, int] | None) -> Markup:
    page = month_path(year, month)
    links = []
    if previous:
        links.append(Markup('<a rel="prev" href="{}">← {}</a>').format(link(page, month_path(*previous)),
                                                                      month_title(*previous)))
    links.append(Markup('<a href="{}">The year at a glance</a>').format(link(page, "calendar/index.md")))
    if following:
        links.append(Markup('<a rel="next" href="{}">{} →</a>').format(link(page, month_path(*following)),
                                                                      month_title(*following)))
    dates = month_dates(year, month)
    return Markup(
        '<h1>{title}</h1><nav class="pp-months" aria-label="Other months">{links}</nav>{grid}'
        '<h2 id="agenda">{title}, day by day</h2>{agenda}'
    ).format(title=month_title(year, month), links=Markup(" ").join(links),
             grid=grid(year, month, days, settings, today, staff),
             agenda=agenda(dates, days, settings, page, staff, full=True))
