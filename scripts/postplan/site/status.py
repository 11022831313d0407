"""The staff status board: every post by state, each with its findings, and the posts that are broken.

A school's board is one page. A trust's (thousands of posts over years) would be a page of tens of
megabytes that no phone opens, so past ``ONE_PAGE`` posts the board shows the months around today and
links to a page for each month with all of that month's posts; missed posts are always on the board,
because they need someone now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from markupsafe import Markup, escape

from postplan.findings import Finding
from postplan.models import Settings
from postplan.site.html import link
from postplan.site.preview import card, findings_list
from postplan.site.visibility import STATES, ShownPost

STATUS_ORDER = ("missed", "draft", "proposed", "approved", "published")
assert set(STATUS_ORDER) == set(STATES)
ONE_PAGE = 500  # up to this many posts, the whole board is one page
BOARD = "status.md"


def status_pages(posts: list[ShownPost], findings: list[Finding], settings: Settings, today: dt.date
                 ) -> Iterator[tuple[str, tuple[str, Markup]]]:
    """The board (``status.md``) and, for a large school, a page a month (``status/2026-11.md``): each
    path with its title and body, one page at a time (a trust's board is a hundred megabytes of HTML)."""
    post_paths = {p.post.source.path for p in posts}
    others = [f for f in findings if f.path not in post_paths]
    if len(posts) <= ONE_PAGE:
        yield BOARD, ("Status board", _board(posts, posts, settings, BOARD, Markup(""), others))
        return
    by_month: dict[tuple[int, int], list[ShownPost]] = {}
    for shown_post in posts:
        by_month.setdefault((shown_post.post.publish_at.year, shown_post.post.publish_at.month), []).append(shown_post)
    months = sorted(by_month)
    near = {_shift(today, -1), (today.year, today.month), _shift(today, 1)}
    shown = [p for p in posts if p.state == "missed" or (p.post.publish_at.year, p.post.publish_at.month) in near]
    yield BOARD, ("Status board", _board(posts, shown, settings, BOARD, _month_links(months, BOARD), others))
    for year, month in months:
        path = _month_page(year, month)
        in_month = by_month[year, month]
        title = f"Status board: {dt.date(year, month, 1):%B %Y}"
        back = Markup('<p><a href="{}">Back to the status board</a></p>').format(link(path, BOARD))
        yield path, (title, _board(in_month, in_month, settings, path, back, [], title))


def _board(counted: list[ShownPost], shown: list[ShownPost], settings: Settings, page: str, nav: Markup,
           others: list[Finding], title: str = "Status board") -> Markup:
    """Every post by state (missed first: they need someone now), each with its findings."""
    counts = Markup(" · ").join(
        Markup('<a href="#{s}">{n} {s}</a>').format(s=state, n=sum(p.state == state for p in counted))
        for state in STATUS_ORDER)
    sections = [Markup('<h2 id="{}">{}</h2>{}').format(state, state.capitalize(),
                                                       _table(state, [p for p in shown if p.state == state], settings, page))
                for state in STATUS_ORDER]
    if len(shown) < len(counted):
        nav = Markup('<p>Below: the missed posts, and the posts of last month, this month and next. '
                     'Every month has its own page:</p>') + nav
    return Markup('<h1>{}</h1><p class="pp-lead">{}</p>{}{}{}').format(
        title, counts, nav, Markup("").join(sections), _unread(others))


def _table(state: str, posts: list[ShownPost], settings: Settings, page: str) -> Markup:
    if not posts:
        return Markup('<p class="pp-empty">None.</p>')
    rows = [Markup(f'<tr><td><time datetime="{escape(p.post.publish_at.isoformat())}">'  # f-strings: see card()
                   f'{escape(format(p.post.publish_at, "%a %d %b %Y %H:%M"))}</time></td>'
                   f'<td>{card(p, settings, page, True)}</td><td>{escape(p.post.author)}</td>'
                   f'<td>{findings_list(p.findings)}</td></tr>') for p in posts]
    return Markup(
        '<div class="pp-scroll" tabindex="0" role="region" aria-label="{s} posts"><table class="pp-table">'
        '<caption>{n} {s}</caption><thead><tr><th scope="col">When</th><th scope="col">Post</th>'
        '<th scope="col">Author</th><th scope="col">Findings</th></tr></thead><tbody>{rows}</tbody></table></div>'
    ).format(s=state, n=len(rows), rows=Markup("").join(rows))


def _month_links(months: list[tuple[int, int]], page: str) -> Markup:
    items = [Markup('<li><a href="{}">{:%B %Y}</a></li>').format(link(page, _month_page(y, m)), dt.date(y, m, 1))
             for y, m in months]
    return Markup('<nav aria-label="Status by month"><ul class="pp-months">{}</ul></nav>').format(Markup("").join(items))


def _month_page(year: int, month: int) -> str:
    return f"status/{year}-{month:02d}.md"


def _shift(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _unread(findings: list[Finding]) -> Markup:
    """Posts that could not be read (listed as broken, each with why) and findings on other files."""
    broken = sorted({f.path for f in findings if f.path.startswith("content/posts/")})
    rows = [Markup('<li><code>{path}</code>: broken, not shown or sent until fixed{found}</li>').format(
        path=path, found=findings_list([f for f in findings if f.path == path])) for path in broken]
    rest = [f for f in findings if f.path not in broken]
    out = Markup('<h2 id="broken">Broken posts ({n})</h2><ul>{rows}</ul>').format(
        n=len(rows), rows=Markup("").join(rows)) if rows else Markup("")
    if rest:
        out += Markup('<h2 id="other-files">Other files</h2>{}').format(findings_list(rest))
    return out
