"""A post as it will look (text, images with alt text, poll, thread, length), and its compact card."""

from __future__ import annotations

from markupsafe import Markup, escape

from postplan.findings import Finding
from postplan.models import Account, Post, Settings
from postplan.platforms import measure
from postplan.site.html import attrs, clock, first_words, link, post_text
from postplan.site.visibility import ShownPost

PUBLIC_LABELS = {"published": "Posted", "approved": "Planned"}


def anchor(post: Post) -> str:
    return f"post-{post.id}"


def month_page(post: Post) -> str:
    return f"calendar/{post.publish_at:%Y-%m}.md"


def state_label(shown: ShownPost, staff: bool) -> str:
    return shown.state.capitalize() if staff else PUBLIC_LABELS.get(shown.state, shown.state.capitalize())


def handle(post: Post, settings: Settings) -> str:
    """The handle of every account the post goes to."""
    found = [settings.accounts.get(name) for name in post.accounts]
    return " · ".join(account.handle if account else name for account, name in zip(found, post.accounts))


def card(shown: ShownPost, settings: Settings, page: str, staff: bool) -> Markup:
    """A compact card for a grid cell or a list: time, account, state and first words, linking to the preview."""
    # f-strings with every value escaped: a trust's staff build draws 100,000 cards (Markup.format was most
    # of its time)
    post = shown.post
    problem = ' <span class="pp-flag">has errors</span>' if staff and shown.blocked else ""
    return Markup(
        f'<a class="pp-card pp-state-{escape(shown.state)}" href="{escape(link(page, month_page(post), anchor(post)))}">'
        f'<time datetime="{escape(post.publish_at.isoformat())}">{escape(clock(post.publish_at))}</time> '
        f'<span class="pp-account">{escape(handle(post, settings))}</span> '
        f'<span class="pp-status">{escape(state_label(shown, staff))}</span>{problem} '
        f'<span class="pp-words">{escape(first_words(post.text))}</span></a>')


def preview(shown: ShownPost, settings: Settings, page: str, staff: bool) -> Markup:
    """The full preview of a post, anchored on its month page."""
    post = shown.post
    account = settings.accounts.get(post.account)
    name = account_name(post, settings)
    # a character count is a staff detail: parents see only the post
    counted = account if staff else None
    parts = [_part(part.text, number, len(post.parts), counted) for number, part in enumerate(post.parts, 1)]
    body = Markup("").join([
        parts[0], _media(post, page), _poll(post), *parts[1:],
    ])
    staff_details = _staff_details(shown) if staff else ""
    ident = escape(anchor(post))
    return Markup(
        f'<article class="pp-post pp-state-{escape(shown.state)}" id="{ident}" aria-labelledby="{ident}-h">'
        f'<h4 id="{ident}-h"><time datetime="{escape(post.publish_at.isoformat())}">{escape(clock(post.publish_at))}'
        f'</time> · {escape(name)} <span class="pp-account">{escape(handle(post, settings))}</span>'
        f' <span class="pp-status">{escape(state_label(shown, staff))}</span></h4>'
        f'<div class="pp-tweet">{body}</div>{staff_details}</article>')


def _part(text: str, number: int, total: int, account: Account | None) -> Markup:
    counter = f'<p class="pp-part">Part {number} of {total}</p>' if total > 1 else ""
    length = ""
    if account is not None:
        used, limit = measure(text, account)
        over = f" — {used - limit} too many" if used > limit else ""
        length = f'<p class="pp-length{" pp-over" if over else ""}">{used} of {limit} characters{over}</p>'
    return Markup(f'<div class="pp-part-text">{counter}<p class="pp-text">{post_text(text)}</p>{length}</div>')


def _media(post: Post, page: str) -> Markup:
    if not post.media:
        return Markup("")
    figures = []
    for media in post.media:
        alt = media.alt or ""
        caption = (Markup("Alt text: {}").format(alt) if alt
                   else Markup('<strong class="pp-missing">No alt text</strong>'))
        figures.append(Markup('<figure><img{}><figcaption>{}</figcaption></figure>').format(
            attrs(src=link(page, media.file), alt=alt, loading="lazy", width="320"), caption))
    return Markup('<div class="pp-media">{}</div>').format(Markup("").join(figures))


def _poll(post: Post) -> Markup:
    if post.poll is None:
        return Markup("")
    options = Markup("").join(Markup("<li>{}</li>").format(o) for o in post.poll.options)
    return Markup('<div class="pp-poll"><p>Poll, open for {}:</p><ul>{}</ul></div>').format(
        _duration(post.poll.duration), options)


def _duration(minutes: int) -> str:
    for size, unit in ((1440, "day"), (60, "hour"), (1, "minute")):
        if minutes % size == 0:
            count = minutes // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{minutes} minutes"


def account_name(post: Post, settings: Settings) -> str:
    """The name the post goes out under: its account's, else the school's."""
    account = settings.accounts.get(post.account)
    return account.name if account and account.name else settings.school


def written_by(post: Post) -> Markup:
    """Who wrote and approved a post, and where its file is (a staff detail)."""
    approved = f"; approved by {escape(post.approved_by)}" if post.approved_by else ""
    return Markup(f"Written by {escape(post.author)}{approved}. File: <code>{escape(post.source.path)}</code>")


def _staff_details(shown: ShownPost) -> Markup:
    """Who wrote and approved it, where the file is, and its findings: for the staff build only."""
    meta = Markup(f'<p class="pp-meta">{written_by(shown.post)}</p>')
    return meta + _on_each_account(shown) + findings_list(shown.findings)


def _on_each_account(shown: ShownPost) -> Markup:
    """Where a post sent to several accounts stands on each, as the ledger says."""
    if not shown.accounts:
        return Markup("")
    items = Markup("").join(Markup('<li><span class="pp-account">{}</span>: {}</li>').format(account, state)
                            for account, state in shown.accounts)
    return Markup('<ul class="pp-accounts" aria-label="On each account">{}</ul>').format(items)


def findings_list(findings: tuple[Finding, ...] | list[Finding]) -> Markup:
    if not findings:
        return Markup('<p class="pp-clean">No problems found.</p>')
    items = []
    for finding in findings:
        label = "allowed" if finding.allowed is not None else finding.severity.value
        fix = f' <span class="pp-fix">How to fix: {escape(finding.fix)}</span>' if finding.fix else ""
        allowed = f' <span class="pp-fix">Allowed by a leader: {escape(finding.allowed)}</span>' if finding.allowed else ""
        items.append(f'<li class="pp-finding pp-{escape(label)}"><strong>{escape(label.capitalize())}</strong> line '
                     f'{escape(finding.line)}: {escape(finding.message)} <code>{escape(finding.rule)}</code>{fix}{allowed}</li>')
    return Markup(f'<ul class="pp-findings">{"".join(items)}</ul>')
