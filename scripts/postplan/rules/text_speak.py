"""Text-speak (lol, gr8, l8r, c u, thx, 2day, pls, OMG …) and words mixing letters and digits.

The school writes in Standard English. Year groups and key stages (Y6, KS2), times (9am), dates (11th,
2026/27), codes in capitals (A30, MP3, U11s) and units (5k, 100m, 50p) are fine; postcodes are left to
the postal-address rule.

Passes: "Y6 and KS2 start at 9am on the 11th."; "Our U11s won the
2026/27 season opener."; "Year 6 visited the A30 services."

Fails: "C u 2day at the fair, it'll be gr8!"; "Thx for coming, lol"; "OMG what a day"; "pls return slips".
"""

import re
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.postcode import POSTCODE
from postplan.rules.text import has_digit, line_in, prose, words

ID = "text-speak"
SEVERITY = Severity.WARNING
SUMMARY = "Standard English: no text-speak (lol, gr8, l8r, thx, pls) or letters mixed with digits."
POLICY = (
    "Any Tweets from the official school account will be grammatically correct and written in Standard "
    "English. Tweets will not contain 'text language' such as: lol, gr8 or l8r."
)

_ANY_CASE = """lol lols lmao rofl omg omfg thx thnx thanx tnx pls plz ppl cya wanna gonna gotta dunno innit
coz cuz btw idk imo imho tbh brb ttyl xoxo thru nite luv gud tmrw tmw obvs totes defo soz""".split()
_LOWER_ONLY = ["u", "ur", "r", "c u", "cos", "ya", "k", "xx", "xxx", "n"]
_SPEAK = re.compile(
    r"(?<![\w'’-])(?:(?i:" + "|".join(_ANY_CASE) + r")|" + "|".join(re.escape(w) for w in _LOWER_ONLY)
    + r")(?![\w'’-])"
)
_TRIGGERS = frozenset(_ANY_CASE) | {w for phrase in _LOWER_ONLY for w in phrase.split()}
_SPEAK_START = re.compile(r"(?:^|(?<=[.!?]\s))C u(?![\w'’-])")
_MIXED = re.compile(r"\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]+\b")
_FINE = re.compile(
    r"[A-Z]+\d+[A-Za-z]?s?"  # Y6, KS2, A30, MP3, U11s, CO2, PS5
    r"|\d+(?:st|nd|rd|th|am|pm|s|k|km|m|cm|mm|kg|g|mg|ml|l|mph|p|x|D|GB|MB|min|mins|hr|hrs)"
)


def check(post: Post, context: Context) -> Iterable[Problem]:
    for part in post.parts:
        present = words(part.text)
        if not (not present.isdisjoint(_TRIGGERS) or (has_digit(part.text) and _MIXED.search(part.text))):
            continue
        text = prose(part.text)
        postcodes = [m.span() for m in POSTCODE.finditer(text)]
        found = [m for m in _SPEAK.finditer(text)] + [m for m in _SPEAK_START.finditer(text)]
        found += [m for m in _MIXED.finditer(text) if not _FINE.fullmatch(m.group())
                  and not any(start <= m.start() < end for start, end in postcodes)]
        for match in sorted(found, key=lambda m: m.start()):
            yield Problem(
                f"'{match.group()}' is text-speak",
                fix="write the words out in full, in Standard English (e.g. 'great', 'later', 'thank you', 'today')",
                line=line_in(part, match.start()),
            )
