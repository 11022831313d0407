"""Dates written in a post's text, read as a school writes them: what date-in-text and its holiday check share.

Not a rule (it has no ``ID``). "Tuesday 1st June", "1 June 2027", "June 1st", and a weekday with a day
of the month whose month comes later ("from Wednesday 9th to Friday 11th June": June belongs to both
days). Without a year, a date is the nearest one in the school year around the publish date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from postplan import lazyre
from postplan.rules.text import MONTHS, WEEKDAYS

_MONTH = (r"(?P<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")
_WEEKDAY = r"(?P<wd>Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|rsday|urday)?\b\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:,?\s+(?P<y>20\d\d))?"
DATE = lazyre.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}{_YEAR}"
    rf"|(?:{_WEEKDAY.replace('wd', 'wd2')},?\s+)?{_MONTH.replace('?P<m>', '?P<m2>')}\s+(?:the\s+)?"
    rf"{_DAY.replace('?P<d>', '?P<d2>')}{_YEAR.replace('?P<y>', '?P<y2>')}"
)
# "A week today", "two weeks tomorrow": the day that many weeks on.
RELATIVE = lazyre.compile(r"\b(?:(?P<weeks>a|one|two|three|four|\d)\s+weeks?\s+(?:from\s+)?)?"
                          r"(?P<word>today|tonight|this (?:morning|afternoon|evening)|tomorrow|yesterday)\b", re.I)
WEEKS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
WEEKDAY_ALONE = lazyre.compile(
    r"\b(?:(?P<last>last)\s+|(?P<next>next)\s+|(?P<every>every)\s+)?"
    # not "a week on Wednesday" nor "Wednesday week": a day a week later than the weekday alone says
    r"(?<!week on )(?<!week from )(?<!fortnight on )"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?P<plural>s)?\b"
    r"(?!,?\s+(?:the\s+)?\d(?!\d?[.:]\d\d|\d?\s*(?:am|pm)\b)|\s+week\b)"  # not a date, but a time may follow
)
# "Tuesday 13th and Thursday 15th October": a weekday and a day of the month, the month said later.
DAY_OF_MONTH = lazyre.compile(rf"{_WEEKDAY}\s+(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])")
COMMON = frozenset("year week with from that this your their school class first second third final last next "
                   "term half".split())
# A weekday and a date in figures, day first as in the UK: "Monday 29/6", "Fri 2/7/27".
NUMERIC = lazyre.compile(rf"{_WEEKDAY},?\s+(?:the\s+)?(?P<d>[0-3]?\d)/(?P<mn>[01]?\d)(?:/(?P<y>(?:20)?\d\d))?(?![\d/])")
MONTH_WORDS = frozenset([*MONTHS, *(m[:3] for m in MONTHS), "sept"])
WEEKDAY_WORDS = frozenset([*WEEKDAYS, *(d[:3] for d in WEEKDAYS), "tues", "thur", "thurs"])
RELATIVE_WORDS = frozenset(["today", "tonight", "tomorrow", "yesterday", "morning", "afternoon", "evening"])
TRIGGERS = MONTH_WORDS | WEEKDAY_WORDS | RELATIVE_WORDS
MONTH_NUMBERS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                             "nov", "dec"), start=1)}
WEEKDAY_NUMBERS = {w: i for i, w in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}
OFFSETS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
            "tomorrow": 1, "yesterday": -1}


# After "Wednesday 9th": more days, then the month they all belong to ("… to Friday 11th June").
_LATER_MONTH = lazyre.compile(
    r"(?:(?:\s*(?:,|and|to|until|till|through|or|&|-|–|—)\s*|\s+)(?:" + _WEEKDAY.replace("?P<wd>", "?:") + r",?\s+)?"
    r"(?:the\s+)?[0-3]?\d(?:st|nd|rd|th)?(?!\d))+(?:\s+of)?\s+" + _MONTH
)


@dataclass(frozen=True)
class WrittenDate:
    """A date as the text writes it: the words, where they start, and the day (or why there is none)."""

    said: str
    start: int
    day: dt.date | None
    problem: tuple[str, str] | None  # (message, fix) when the words are not a real date


_ANOTHER_AGE = lazyre.compile(r",?\s+(?:1\d{3}|2[1-9]\d\d|\d{1,4}\s*(?:AD|BC|BCE|CE))\b")  # a year before 2000 or after 2099


@lru_cache(maxsize=4096)  # date-in-text and the holiday check read the same texts
def written_dates(text: str, present: frozenset[str], published: dt.date) -> tuple[WrittenDate, ...]:
    """Every explicit date in the text ("Tuesday 1st June", "9th to 11th June"), in the order written."""
    found = []
    if not present.isdisjoint(MONTH_WORDS):
        for match in DATE.finditer(text):
            if not match["y"] and not match["y2"] and _ANOTHER_AGE.match(text, match.end()):
                continue  # "On Sunday 2nd September 1666 a small fire started…": history, not the calendar
            found.append(_written(match, match.groupdict(), published))
    if not present.isdisjoint(WEEKDAY_WORDS):
        for match in DAY_OF_MONTH.finditer(text):
            groups = dict(match.groupdict())
            later = _LATER_MONTH.match(text, match.end(), match.end() + 120)  # a week's days at most
            if later:  # "from Wednesday 9th to Friday 11th June": the month is June for both days
                groups["m"] = later["m"]
            found.append(_written(match, groups, published))
        found += [_written(match, match.groupdict(), published) for match in NUMERIC.finditer(text)]
    return tuple(sorted(found, key=lambda written: written.start))


def _written(match: re.Match[str], groups: dict, published: dt.date) -> WrittenDate:
    day, problem = _explicit(groups, match.group().strip(), published)
    return WrittenDate(match.group().strip(" ."), match.start(), day, problem)


def _explicit(groups: dict, said: str, published: dt.date) -> tuple[dt.date | None, tuple[str, str] | None]:
    """The date a "Tuesday 1st June" names (year inferred from the publish date), or why it cannot be."""
    day_text, month_text = groups.get("d") or groups.get("d2"), groups.get("m") or groups.get("m2")
    year_text, weekday_text = groups.get("y") or groups.get("y2"), groups.get("wd") or groups.get("wd2")
    number = int(day_text)
    if groups.get("mn") and not 1 <= int(groups["mn"]) <= 12:
        return None, (f"'{said}' is not a date: there is no month {int(groups['mn'])}", "check the day and the month")
    if month_text or groups.get("mn"):
        month = int(groups["mn"]) if groups.get("mn") else MONTH_NUMBERS[month_text[:3].lower()]
        years = [int(year_text) % 100 + 2000 if len(year_text) == 2 else int(year_text)] if year_text \
            else [published.year, published.year + 1, published.year - 1]
        months = [(year, month) for year in years]
    else:  # "Tuesday 13th": this month, the next or the last (a reader takes no other; "Tuesday 25th" on
        # 10 March is 25 March, a Thursday, not 25 May)
        months = [((published.month + k - 1) // 12 + published.year, (published.month + k - 1) % 12 + 1)
                  for k in (0, 1, -1)]
    candidates = []
    for year, month in months:
        try:
            candidates.append(dt.date(year, month, number))
        except ValueError:
            pass
    if not year_text:  # a school posts about this school year: from three months back to eleven ahead
        candidates = [d for d in candidates if -92 <= (d - published).days <= 335] or candidates
    if weekday_text and not year_text:  # of those, the one that falls on the weekday written is the one meant
        candidates = [d for d in candidates if d.weekday() == WEEKDAY_NUMBERS[weekday_text[:3].lower()]] or candidates
    if not candidates:
        month_text = month_text or "that month"
        return None, (f"'{said}' is not a date: {month_text} has no {number}",
                      "check the day and the month")
    # Without a year, the nearest such date, preferring the months ahead (a post looks forward).
    day = min(candidates, key=lambda d: (d - published).days * (-2 if d < published else 1))
    if weekday_text and WEEKDAY_NUMBERS[weekday_text[:3].lower()] != day.weekday():
        return None, (f"'{said}': {day:%-d %B %Y} is a {day:%A}",
                      f"write '{day:%A} {day.day} {day:%B}', or check which date is meant")
    return day, None


