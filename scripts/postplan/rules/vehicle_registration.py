"""A vehicle registration (number plate) in a post.

A number plate leads to a family's car, and so to their home and the school gate. Every text a reader
sees is read. The current format ("AB12 CDE") counts anywhere; the older ones ("A123 BCD", "ABC 123D")
look too much like other things, so they count only beside a word about cars ("reg", "plate",
"parked", "car").

Passes: "KS2 and Y6 raised £150"; "A30 closed, please allow extra time"; "Y6 SAT results".

Fails: "Please do not park in the staff car park (AB12 CDE, this means you!)"; "the silver car,
reg K123 ABC, parked on the zigzags".
"""

from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.reading import reader_texts, where
from postplan.rules.text import has_digit, prose, words

ID = "vehicle-registration"
SEVERITY = Severity.ERROR
SUMMARY = "No vehicle registrations (number plates)."
POLICY = "Learners do not share personal information, including inadvertently through images."

# The UK's current format: two letters, two digits, three letters ("AB12 CDE"); Q, I and Z are not used.
PLATE = lazyre.compile(r"\b[A-HJ-PR-Y][A-HJ-PR-Y]\d{2} ?[A-HJ-PR-Z]{3}\b")
# The prefix (1983–2001, "K123 ABC") and suffix (1963–1983, "ABC 123D") formats.
_OLDER = lazyre.compile(r"\b[A-HJ-NP-Y]\d{1,3} ?[A-HJ-PR-Y][A-HJ-PR-Y][A-HJ-PR-Z]\b|\b[A-HJ-PR-Y]{3} ?\d{1,3}[A-HJ-NP-Y]\b")
_CAR_WORDS = frozenset("reg registration plate plates numberplate car cars van vehicle vehicles parked parking park "
                       "driver driving drove zigzags zig zag".split())


def check(post: Post, context: Context) -> Iterable[Problem]:
    for text in reader_texts(post):
        if not has_digit(text.value):
            continue
        value = prose(text.value)
        matches = list(PLATE.finditer(value))
        if not words(value).isdisjoint(_CAR_WORDS):
            matches += _OLDER.finditer(value)
        for match in matches:
            yield Problem(
                f"'{match.group()}' looks like a vehicle registration{where(text)}",
                fix="take the number plate out (and crop or blur it in any photo)",
                line=text.line_at(match.start()),
            )
