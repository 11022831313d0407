"""A vehicle registration (number plate) in a post.

A number plate leads to a family's car, and so to their home and the school gate.

Passes: "KS2 and Y6 raised £150"; "A30 closed, please allow extra time".

Fails: "Please do not park in the staff car park (AB12 CDE, this means you!)".
"""

import re
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import has_digit, line_in, prose

ID = "vehicle-registration"
SEVERITY = Severity.ERROR
SUMMARY = "No vehicle registrations (number plates)."
POLICY = "Learners do not share personal information, including inadvertently through images."

# The UK's current format: two letters, two digits, three letters ("AB12 CDE"); Q, I and Z are not used.
PLATE = re.compile(r"\b[A-HJ-PR-Y][A-HJ-PR-Y]\d{2} ?[A-HJ-PR-Z]{3}\b")


def check(post: Post, context: Context) -> Iterable[Problem]:
    for part in post.parts:
        if not has_digit(part.text):
            continue
        for match in PLATE.finditer(prose(part.text)):
            yield Problem(
                f"'{match.group()}' looks like a vehicle registration",
                fix="take the number plate out (and crop or blur it in any photo)",
                line=line_in(part, match.start()),
            )
