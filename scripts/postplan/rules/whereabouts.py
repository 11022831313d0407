"""A post that says where a group of children will be, and when, before or during a trip or fixture.

Telling the world that Year 6 leave from the leisure centre car park at 8:15 on Friday tells a stranger
where to find them. Say it in a letter or the school app; on social media, celebrate afterwards.

postplan flags, in a post published before its event has ended (or, with no ``event:``, a post that
does not talk about the past): a trip or fixture word with a named place ("tournament at Penzance
Leisure Centre"), a travel word with a time ("the coach leaves at 8:15"), or the ``location`` of a
trip from calendar/.

Passes: "Quick reminder for Year 6 parents that the next £15 payment for the residential trip is due
by Thursday."; "What a brilliant day our Year 6 had at the Eden Project yesterday!" (after the trip);
"Sports Day is on the school field at 1:30pm." (at school).

Fails: "Our netball team play in the tournament at Penzance Leisure Centre on Wednesday.";
"Coach leaves from the village hall at 8.15am tomorrow."
"""

import re
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import MONTHS, WEEKDAYS, event_of, line_in, prose, words

ID = "whereabouts"
SEVERITY = Severity.ERROR
SUMMARY = "Never say where children will be and when (trips, fixtures, coach times) beforehand."
POLICY = (
    "Admins should avoid mentioning specific details when discussing trips and events etc., as there might be "
    "child protection issues around revealing where children or staff are going to be and when."
)

_TRAVEL = re.compile(
    r"\b(?:coach(?:es)?|minibus|bus|depart\w*|leav(?:e|es|ing)|set(?:s|ting)? off|meet(?:ing)? (?:at|in|outside)|"
    r"pick(?:ed)?[- ]?up|drop[- ]?off|arriv(?:e|es|ing)|return(?:s|ing)? to school)\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?<![£$\d.,])\b(?:(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:am|pm)?|(?:1[0-2]|0?[1-9])\s*(?:am|pm))\b|\bnoon\b|\bmidday\b",
    re.IGNORECASE,
)
_PLACE = re.compile(r"\b(?:at|to|from|in|near|outside|visiting)\s+(?:the\s+)?([A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*)")
_PAST = re.compile(
    r"\b(?:yesterday|last (?:week|night|month|term)|earlier today|went|visited|enjoyed|had a|came back|"
    r"returned|were|was)\b",
    re.IGNORECASE,
)
# Words that must be present for the patterns above to match: most posts are skipped on these alone.
_OUTING_WORDS = frozenset("""trip trips visit visiting residential fixture fixtures match matches tournament gala
festival competition tour excursion outing away race qualifier""".split())
_TRAVEL_WORDS = frozenset("""coach coaches minibus bus depart departs departing departure departures leave leaves
leaving set sets setting meet meeting pick picked pickup drop dropoff arrive arrives arriving return returns
returning""".split())
# Capitalised words after "at", "to" or "in" that are not places.
_NOT_PLACES = frozenset(
    """Year Years Reception Nursery KS1 KS2 EYFS School Class Classes Key Stage Mr Mrs Ms Miss Dr Our We I
    Sports Christmas Easter Half Term Parents Families Everyone All""".split()
) | {word.title() for word in MONTHS + WEEKDAYS}


def check(post: Post, context: Context) -> Iterable[Problem]:
    event = event_of(context.repository, post.event)
    if event is not None and post.publish_at.date() > event.last_day:
        return  # after the event: celebrating is fine
    school_words = set(context.repository.settings.school.split())
    for part in post.parts:
        present = words(part.text)
        on_a_trip = event is not None and event.kind == "trip"
        outing, travel = on_a_trip or not present.isdisjoint(_OUTING_WORDS), not present.isdisjoint(_TRAVEL_WORDS)
        if not (outing or travel):
            continue
        text = prose(part.text)
        if event is None and _PAST.search(text):
            continue
        found = (outing and _place_of_outing(text, school_words)) or (travel and _travel_time(text))
        if event is not None and event.kind == "trip" and event.location and event.location.lower() in text.lower():
            found = found or (event.location, text.lower().index(event.location.lower()))
        if found:
            detail, start = found
            yield Problem(
                f"this post says where children will be and when ('{detail}') before the event is over",
                fix="leave out the place and times (families have them by letter or the school app); "
                    "post about it afterwards, or give only the day",
                line=line_in(part, start),
            )


def _place_of_outing(text: str, school_words: set[str]) -> tuple[str, int] | None:
    for match in _PLACE.finditer(text):
        place = match.group(1)
        first = place.split()[0]
        if first not in _NOT_PLACES and first not in school_words:
            return match.group().strip(), match.start()
    return None


def _travel_time(text: str) -> tuple[str, int] | None:
    travel = _TRAVEL.search(text)
    time = _TIME.search(text) if travel else None
    if travel and time:
        return f"{travel.group()} … {time.group()}", travel.start()
    return None
