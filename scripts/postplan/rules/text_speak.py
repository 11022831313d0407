"""Text-speak (lol, gr8, l8r, c u, thx, 2day, pls, OMG …) and words mixing letters and digits.

The school writes in Standard English. Year groups and key stages (Y6, KS2), times (9am), dates (11th,
2026/27), codes in capitals (A30, MP3, U11s) and units (5k, 100m, 50p) are fine; postcodes are left to
the postal-address rule.

Passes: "Y6 and KS2 start at 9am on the 11th."; "Our U11s won the
2026/27 season opener."; "Year 6 visited the A30 services."

Fails: "C u 2day at the fair, it'll be gr8!"; "Thx for coming, lol"; "OMG what a day"; "pls return slips";
"Sooo proud of you all".
"""

import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.postcode import POSTCODE
from postplan.rules.reading import reader_texts, where
from postplan.rules.text import has_digit, prose, words

ID = "text-speak"
SEVERITY = Severity.WARNING
SUMMARY = "Standard English: no text-speak (lol, gr8, l8r, thx, pls) or letters mixed with digits."
POLICY = (
    "Any Tweets from the official school account will be grammatically correct and written in Standard "
    "English. Tweets will not contain 'text language' such as: lol, gr8 or l8r."
)

_ANY_CASE = """lol lols lmao rofl omg omfg thx thnx thanx tnx pls plz ppl cya wanna gonna gotta dunno innit
coz cuz btw idk imo imho tbh brb ttyl xoxo thru nite luv gud tmrw tmw obvs totes defo soz mins hrs tysm lmk hmu
ngl smh ikr bday txt msg wot nxt""".split()
_LOWER_ONLY = ["u", "ur", "r", "c u", "cos", "ya", "k", "xx", "xxx", "n", "ty", "tho", "wk", "gd", "v good",
               "v proud", "v excited", "v happy", "v busy", "v pleased", "v well", "b/c"]
_SPEAK = lazyre.compile(
    r"(?<![\w'’-])(?:(?i:" + "|".join(_ANY_CASE) + r")|" + "|".join(re.escape(w) for w in _LOWER_ONLY)
    + r"|yr(?!\s*\d)"  # "this yr" (but "Yr 6" is a year group)
    + r")(?![\w'’-])"
)
_TRIGGERS = frozenset(_ANY_CASE) | {w for phrase in _LOWER_ONLY for w in re.split(r"[ /]", phrase)} | {"yr"}
_SPEAK_START = lazyre.compile(r"(?:^|(?<=[.!?]\s))C u(?![\w'’-])")
# "U" and "Ur" in capitals are text-speak before a verb or a noun a family owns ("U can", "Ur child"),
# not the ancient city of Ur or the U in U12s.
_CAPITAL_U = lazyre.compile(r"\b(?:U(?=\s+(?:can|are|r|will|need|must|have|might|should|know|all|guys|too)\b)"
                            r"|Ur(?=\s+(?:child|children|kids|son|daughter|name|form|slip|money|tickets?|place|own|"
                            r"welcome|invited|amazing|brilliant|the|a|so|very|family|help|support)\b))")
# A digit for a word: "Thanks 4 all", "looking forward 2 seeing you" (but "Year 4 all went", "Class 2 the").
_NUMBER_FOR_WORD = lazyre.compile(
    r"(?i:\b(?:thanks|thank\s+you|thx|ta|cheers|sorry|ready|waiting|looking|luck|wait|time|perfect|tickets|"
    r"money|ideas|hope|plans|dressed|coming|join|vote|grateful|thankful|here|out|back)\s+4\s+"
    r"(?:all|the|your|ur|everything|coming|helping|u|you|today|tonight|tomorrow|now|being|supporting|sharing|a|"
    r"an|our|this|that|more|us)\b"
    r"|\b(?:forward|going|come|welcome|off|listen|talk|nice|lovely|great|due|able|want|need|went|go|get|got|sent|"
    r"back)\s+2\s+(?:the|see|seeing|you|u|ur|your|all|everyone|school|be|us|our|a|an|get|go|come|have|do|make|"
    r"meet|meeting)\b)"
)
_MIXED = lazyre.compile(r"\b(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]+\b")
_FINE = lazyre.compile(
    r"[A-Z]+\d+[A-Za-z]?s?"  # Y6, KS2, A30, MP3, U11s, CO2, PS5
    r"|(?i:y(?:r|ear)?\d{1,2}s?)"  # Yr6, Year6
    r"|\d{1,2}(?!U\b)[A-Z]{1,3}\d?s?"  # class and tutor groups (4B, 10K, 7X2), 4XL, 3D, 5G, postcode halves (8XX)
    r"|\d{1,2}[a-tv-z]"  # "Class 4b"
    r"|\d+[xv]\d+"  # 4x4, 1v1
    r"|[A-Za-z]{4,}\d{2,}"  # a name or code with a number (Covid19, Windows11, Summer2027): not sounds spelt in digits
    r"|\d+(?:st|nd|rd|th|am|pm|s|k|km|m|cm|mm|kg|g|mg|ml|l|mph|p|x|D|GB|MB|min|hr|ft|yd|yds|mi|lb|lbs|oz|"
    r"kcal|c|f|kw|kwh|hz|mbps|gb|mb|tb|kb|Mb|Gb|Kb|Tb|Mbps|Gbps)"
)
_KINDS = ("text", "poll option", "alt text")


def check(post: Post, context: Context) -> Iterable[Problem]:
    for text in reader_texts(post):
        if text.kind not in _KINDS:
            continue
        for start, said in _found(text.value):
            yield Problem(
                f"'{said}' is text-speak{where(text)}",
                fix="write the words out in full, in Standard English (e.g. 'great', 'later', 'thank you', 'today')",
                line=text.line_at(start),
            )


def _found(value: str) -> list[tuple[int, str]]:
    """Where each piece of text-speak starts, and what it says (each pattern only where it could match)."""
    speak = not words(value).isdisjoint(_TRIGGERS)
    digits = has_digit(value)
    capital_u = "U " in value or "Ur " in value
    if not (speak or digits or capital_u):
        return [(m.start(), m.group()) for m in _STRETCHED.finditer(prose(value))] if _TRIPLE.search(value) else []
    text = prose(value)
    found = [*_SPEAK.finditer(text), *_SPEAK_START.finditer(text)] if speak else []
    if capital_u:
        found += _CAPITAL_U.finditer(text)
    if digits:
        if " 4 " in text or " 2 " in text:
            found += _NUMBER_FOR_WORD.finditer(text)
        mixed = [m for m in _MIXED.finditer(text) if not _FINE.fullmatch(m.group())]
        if mixed:
            postcodes = [m.span() for m in POSTCODE.finditer(text)]
            found += [m for m in mixed if not any(start <= m.start() < end for start, end in postcodes)]
    if _TRIPLE.search(text):
        found += _STRETCHED.finditer(text)
    return [(m.start(), m.group()) for m in sorted(found, key=lambda m: m.start())]


# A word stretched by repeating a letter ("Sooo proud", "yesss"): three of a letter never spell English,
# except the sounds and Roman numerals that are written that way.
_TRIPLE = lazyre.compile(r"([a-z])\1\1")  # the quick look before the whole pattern
_STRETCHED = lazyre.compile(r"(?<![\w'’-])(?![Zz]+\b|[Ss]h+\b|[Hh]m+\b|[Bb]rr+\b|[IVXLCDM]+\b)"
                            r"[A-Za-z]*([a-z])\1\1[A-Za-z]*(?![\w'’-])")
