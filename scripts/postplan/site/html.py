"""Small HTML helpers. Everything a school wrote is text: it is escaped here and never trusted as markup.

Only ``http``/``https`` links become clickable (a bare ``www.…`` gets ``https://``); mentions and
hashtags are styled, not linked, so a preview never sends anyone to the platform.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re

from markupsafe import Markup, escape

from postplan.links import HASHTAG, MENTION, link_spans

__all__ = ["Markup", "escape", "attrs", "post_text", "link", "day_label", "clock", "first_words"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def attrs(**values: object) -> Markup:
    """` name="value"` pairs, escaped; ``class_`` becomes ``class``; None and False are left out."""
    out = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        out.append(f' {name}' if value is True else f' {name}="{escape(value)}"')
    return Markup("".join(out))


def _href(url: str) -> str | None:
    lowered = url.lower()
    if lowered.startswith(("http://", "https://")):
        return url
    if _SCHEME.match(url):
        return None  # javascript:, data:, mailto: … stay text
    return "https://" + url


def _entities(text: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, kind, href) for links, mentions and hashtags, without overlaps, in text order."""
    spans = [(link.begin, link.finish, "link", _href(link.url)) for link in link_spans(text)]
    taken = [(s, e) for s, e, _, _ in spans]
    for kind, pattern in (("mention", MENTION), ("hashtag", HASHTAG)):
        for match in pattern.finditer(text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                spans.append((match.start(), match.end(), kind, None))
                taken.append((match.start(), match.end()))
    return sorted(spans)


def post_text(text: str) -> Markup:
    """A post's text as safe HTML: escaped, line breaks kept, links, mentions and hashtags marked up."""
    out, position = [], 0
    for start, end, kind, href in _entities(text):
        out.append(escape(text[position:start]))
        shown = escape(text[start:end])
        if kind == "link" and href:
            out.append(Markup('<a class="pp-link"{}>{}</a>').format(attrs(href=href, rel="nofollow noopener"), shown))
        else:
            out.append(Markup('<span class="pp-{}">{}</span>').format(kind, shown))
        position = end
    out.append(escape(text[position:]))
    return Markup("<br>\n").join(Markup("").join(out).split("\n"))


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link from one page's source file to another's (``calendar/2026-09.md``), as Markdown writes it.

    The MkDocs adapter turns these into the site's real URLs, so this module knows nothing of MkDocs.
    """
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".") if to_page != from_page else ""
    return target + (f"#{anchor}" if anchor else "")


def day_label(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


def clock(moment: dt.datetime) -> str:
    return f"{moment:%H:%M}"


def first_words(text: str, limit: int = 60) -> str:
    """The start of a text for a compact card, cut at a word boundary."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"
