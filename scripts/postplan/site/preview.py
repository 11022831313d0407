"""A post as it will look (text, images with alt text, poll, thread, length), and its compact card."""

from __future__ import annotations

from markupsafe import Markup

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
    post = shown.post
    problem = Markup(' <span class="pp-flag">has errors</span>') if staff and shown.blocked else ""
    return Markup(
        '<a class="pp-card pp-state-{state}" href="{href}"><time datetime="{iso}">{time}</time> '
        '<span class="pp-account">{handle}</span> <span class="pp-status">{label}</span>{problem} '
        '<span class="pp-words">{words}</span></a>'
    ).format(state=shown.state, href=link(page, month_page(post), anchor(post)), iso=post.publish_at.isoformat(),
             time=clock(post.publish_at), handle=handle(post, settings), label=state_label(shown, staff),
             problem=problem, words=first_words(post.text))


def preview(shown: ShownPost, settings: Settings, page: str, staff: bool) -> Markup:
    """The full preview of a post, anchored on its month page."""
    post = shown.post
    account = settings.accounts.get(post.account)
    name = (account.name if account and account.name else settings.school)
    # a character count is a staff detail: parents see only the post
    counted = account if staff else None
    parts = [_part(part.text, number, len(post.parts), counted) for number, part in enumerate(post.parts, 1)]
    body = Markup("").join([
        parts[0], _media(post, page), _poll(post), *parts[1:],
    ])
    staff_details = _staff_details(shown) if staff else ""
    return Markup(
        '<article class="pp-post pp-state-{state}" id="{id}" aria-labelledby="{id}-h">'
        '<h4 id="{id}-h"><time datetime="{iso}">{time}</time> · {name} <span class="pp-account">{handle}</span>'
        ' <span class="pp-status">{label}</span></h4>'
        '<div class="pp-tweet">{body}</div>{staff}</article>'
    ).format(state=shown.state, id=anchor(post), iso=post.publish_at.isoformat(), time=clock(post.publish_at),
             name=name, handle=handle(post, settings), label=state_label(shown, staff), body=body,
             staff=staff_details)


def _part(text: str, number: int, total: int, account: Account | None) -> Markup:
    counter = Markup('<p class="pp-part">Part {} of {}</p>').format(number, total) if total > 1 else ""
    length = ""
    if account is not None:
        used, limit = measure(text, account)
        over = used > limit
        length = Markup('<p class="pp-length{cls}">{used} of {limit} characters{over}</p>').format(
            cls=" pp-over" if over else "", used=used, limit=limit, over=f" — {used - limit} too many" if over else "")
    return Markup('<div class="pp-part-text">{}<p class="pp-text">{}</p>{}</div>').format(
        counter, post_text(text), length)


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


def _staff_details(shown: ShownPost) -> Markup:
    """Who wrote and approved it, where the file is, and its findings: for the staff build only."""
    post = shown.post
    approved = Markup("; approved by {}").format(post.approved_by) if post.approved_by else ""
    meta = Markup('<p class="pp-meta">Written by {author}{approved}. File: <code>{path}</code></p>').format(
        author=post.author, approved=approved, path=post.source.path)
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
        fix = Markup(" <span class=\"pp-fix\">How to fix: {}</span>").format(finding.fix) if finding.fix else ""
        allowed = Markup(" <span class=\"pp-fix\">Allowed by a leader: {}</span>").format(
            finding.allowed) if finding.allowed else ""
        items.append(Markup(
            '<li class="pp-finding pp-{label}"><strong>{label_text}</strong> line {line}: {message} '
            '<code>{rule}</code>{fix}{allowed}</li>'
        ).format(label=label, label_text=label.capitalize(), line=finding.line, message=finding.message,
                 rule=finding.rule, fix=fix, allowed=allowed))
    return Markup('<ul class="pp-findings">{}</ul>').format(Markup("").join(items))
