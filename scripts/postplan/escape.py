"""One way for each kind of output to show what a school wrote: as text, never as markup or a command.

Anyone who can open a pull request can write a post, a calendar entry or a setting, so every such value
is hostile until shown otherwise. Each output has its own dangers, and each has one function here:

- HTML (the site's pages): ``html``; a page's title (MkDocs themes write it into ``<title>``, the
  header and the search index without escaping): ``page_title``.
- Markdown (a pull request's job summary, the site's Markdown pages, a table's cells): ``markdown``
  (``markdown_code`` for a path); a ``<!--`` would hide the rest of the summary, and a link or an
  image could fake a finding.
- A terminal: ``terminal``; a control character could move the cursor, recolour or rewrite what a
  person reads, so it is shown as ``\\x1b`` instead.
- A calendar feed: ``feed_text`` (iCalendar escapes the rest itself).
- Links: ``web_url``; only an ``http``/``https`` address on one line, with a host, is ever a link.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from markupsafe import Markup, escape

__all__ = ["html", "page_title", "markdown", "markdown_code", "terminal", "feed_text", "web_url", "control_characters"]

# Every ASCII punctuation mark Markdown (CommonMark, GitHub's and Python-Markdown) may read as syntax.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")
# Line breaks a terminal or a Markdown table would act on, besides the control characters.
_LINE_BREAKS = {"\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"}
# Bidirectional overrides and isolates: they can make text read differently from what it is.
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
# Every character ``terminal`` shows as an escape: the control characters ("Cc" is exactly these two
# ranges) but a line break and a tab, the overrides and the other line breaks. One search passes over
# the many findings of a whole school's check that have none.
_TERMINAL_SHOWN = re.compile("[" + "".join(re.escape(ch) for ch in sorted(
    ({chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))} | _BIDI | _LINE_BREAKS) - {"\n", "\t"})) + "]")


def html(value: object) -> Markup:
    """Text as HTML: ``<``, ``>``, ``&`` and quotes escaped (safe inside elements and quoted attributes)."""
    return escape(str(value))


def page_title(value: object) -> str:
    """A page's title on one line, escaped for the HTML that MkDocs and its theme write it into."""
    return str(escape(" ".join(str(value).split())))


def markdown(value: object) -> str:
    """Text for inline Markdown: HTML escaped, every Markdown mark backslashed, on one line.

    ``<!--``, ``<img …>``, ``[a finding](…)`` and ``![](…)`` all show as the characters they are.
    """
    flat = " ".join(_visible(str(value)).split())
    marked = _MARKDOWN_PUNCTUATION.sub(r"\\\1", flat)
    return marked.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markdown_code(value: object, in_table: bool = False) -> str:
    """Text as an inline Markdown code span: shown exactly, never read as HTML or a link, on one line.

    In a table's cell a ``|`` would end the cell even inside a code span, so there it is backslashed.
    """
    flat = " ".join(_visible(str(value)).split())
    if in_table:
        flat = flat.replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {flat} {fence}" if longest or flat[:1] == "`" or flat[-1:] == "`" else f"`{flat}`"


def terminal(value: object) -> str:
    """Text for a terminal: line breaks and tabs kept, every other control character shown as an escape."""
    return _TERMINAL_SHOWN.sub(lambda found: _shown(found[0]), str(value))


def feed_text(value: object) -> str:
    """Text for a calendar feed: control characters (a NUL, an escape sequence) left out, line breaks kept.

    iCalendar escapes commas, semicolons and line breaks itself, but passes other control characters
    through, and calendar apps have dropped whole feeds for them.
    """
    return "".join(ch for ch in str(value) if ch in "\n\t" or not (_is_control(ch) or ch in _BIDI))


def _shown(ch: str) -> str:
    if _is_control(ch) or ch in _BIDI or ch in _LINE_BREAKS:
        return ch.encode("unicode_escape").decode("ascii")
    return ch


def _visible(text: str) -> str:
    return "".join(" " if ch in _LINE_BREAKS else _shown(ch) for ch in text)


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc"


# Every character control_characters reports (the "Cc" category is exactly these two ranges), as one
# search: almost every text has none, and is passed over at the speed of a regular expression.
_ANY_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def control_characters(text: str) -> list[tuple[int, str]]:
    """Each control character (other than line breaks and tabs) or direction override, with its offset."""
    if _ANY_CONTROL.search(text) is None:
        return []
    return [(i, ch) for i, ch in enumerate(text)
            if ch not in "\n\t\r" and (_is_control(ch) or ch in _BIDI or ch in _LINE_BREAKS - {"\n", "\r"})]


def web_url(value: object) -> str | None:
    """The address, if it is an ``http``/``https`` link with a host and no spaces or control characters.

    ``javascript:``, ``data:``, ``vbscript:`` and anything else a browser or calendar app could run or
    misread is None: shown as text, never as a link.
    """
    text = str(value).strip()
    if not text or any(ch.isspace() or _is_control(ch) or ch in _BIDI for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return text
