"""What a link, a mention and a hashtag are: one definition for the rules, the lengths, the previews and
the site, so that a rule and the preview cannot disagree about what a link is.

- A link is what X's own twitter-text finds: its URL extractor (which knows every top-level domain, so
  "3.30pm" or "end.Next" is not a link), loaded without the rest of the package (see ``url_extractor``).
- A mention is @ and 1 to 15 letters, digits or underscores, as X's handles are.
- A hashtag is # and a word with at least one letter in it (#2027 is not a hashtag on X).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

# Every link twitter-text finds holds a "." followed by its top-level domain, which starts with a letter-like
# word character (textlength relies on the same fact, checked in tests/test_textlength.py): a text without
# one has no link, and the extractor (a tenth of a second to load) is not needed for it.
TLD_START = r"[^\W\d_]"
LINK_HINT = re.compile(r"\." + TLD_START)
MENTION = re.compile(r"(?<![\w@/])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])")
HASHTAG = re.compile(r"(?<![\w#&/])#(\w*[^\W\d_]\w*)")

# Link shorteners' hosts: a reader cannot see where their links go.
SHORTENERS = frozenset("""bit.ly bitly.com tinyurl.com t.co goo.gl ow.ly buff.ly is.gd v.gd rebrand.ly cutt.ly
shorturl.at tiny.cc lnkd.in dlvr.it rb.gy t.ly bl.ink s.id qrco.de shorte.st adf.ly tiny.one surl.li forms.gle
maps.app.goo.gl amzn.to""".split())
# Shorteners of one company's own pages (Google Forms, Google Maps, Amazon): the link is short, and it is
# known to leave the school's sites, so link-domain reads it too.
SINGLE_SITE_SHORTENERS = frozenset("forms.gle maps.app.goo.gl amzn.to".split())


@dataclass(frozen=True)
class LinkMatch:
    """A link found in a text, read like a regular expression's match (``group()``, ``start()``, ``end()``)."""

    url: str
    begin: int
    finish: int

    def group(self) -> str:
        return self.url

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish


class Links:
    """Links in a text as twitter-text finds them, offered like a compiled pattern (``finditer``, ``sub``)."""

    def finditer(self, text: str) -> Iterator[LinkMatch]:
        return iter(link_spans(text))

    def sub(self, replace: Callable[[LinkMatch], str], text: str) -> str:
        out, position = [], 0
        for match in link_spans(text):
            out += [text[position:match.begin], replace(match)]
            position = match.finish
        return "".join(out) + text[position:]


URL = Links()


@lru_cache(maxsize=65536)
def link_spans(text: str) -> tuple[LinkMatch, ...]:
    """Every link in the text, in order, with where it starts and ends."""
    if LINK_HINT.search(text) is None:
        return ()
    return tuple(LinkMatch(found["url"], *found["indices"]) for found in url_extractor()(text))


def host(url: str) -> str:
    """The host of a link, lower-case, without ``www.`` (a link may be written without https://)."""
    written = url if "://" in url else "https://" + url
    return (urlsplit(written).hostname or "").removeprefix("www.")


@lru_cache(maxsize=1)
def url_extractor():
    """twitter-text's URL extractor, without importing the rest of the package.

    ``import twitter_text`` also compiles its emoji regex (half a second, and it needs setuptools'
    pkg_resources). The URL modules use only relative imports, so they are loaded here as a private
    copy of the package: same files, same behaviour, none of the emoji cost.
    """
    import importlib
    import importlib.util
    import sys
    import types

    name = "_postplan_twitter_text"
    if name not in sys.modules:
        spec = importlib.util.find_spec("twitter_text")
        package = types.ModuleType(name)
        package.__path__ = list(spec.submodule_search_locations)
        sys.modules[name] = package
    return importlib.import_module(f"{name}.extract_urls").extract_urls_with_indices
