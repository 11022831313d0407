"""A postcode or street address in a post, unless it is the school's.

A home address in a public post tells a stranger where a child lives. The school's own address may be
given: add its postcode to ``public_details:`` in mkdocs.yml.

Passes: "Year 6 visited the museum in Truro."; "Owen's Animals came in today"; a post giving the
school's postcode when it is in ``public_details``.

Fails: "Lost cat found near TR18 4AB"; "Party at 12 Chapel Street tonight".
"""

import re
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.postcode import POSTCODE
from postplan.rules.text import has_digit, line_in, prose

ID = "postal-address"
SEVERITY = Severity.ERROR
SUMMARY = "No home addresses or postcodes, except the school's own."
POLICY = "Learners do not share personal information (e.g. full name on a noticeboard, address on a driving licence)."

_STREET = re.compile(
    r"\b\d{1,4}[a-zA-Z]?,?\s+(?:[A-Z][a-z'’]+\s+){1,3}(?:Street|St|Road|Rd|Lane|Avenue|Ave|Close|Drive|Way|"
    r"Crescent|Terrace|Gardens|Place|Court|Grove|Row|Mews|Square|Parade|Walk)\b"
)


def check(post: Post, context: Context) -> Iterable[Problem]:
    for part in post.parts:
        if not has_digit(part.text):
            continue
        own = context.once(ID, lambda: _own(context.repository.settings.public_details))
        text = prose(part.text)
        for pattern, what in ((POSTCODE, "a postcode"), (_STREET, "a street address")):
            for match in pattern.finditer(text):
                if _squash(match.group()) in own:
                    continue
                yield Problem(
                    f"'{match.group()}' looks like {what}",
                    fix="take the address out; to give the school's own address, add it to `public_details:` "
                        "in mkdocs.yml",
                    line=line_in(part, match.start()),
                )


def _own(public_details: list[str]) -> set[str]:
    """The school's own addresses and postcodes (``public_details:``), squashed for comparing."""
    postcodes = {_squash(m.group()) for d in public_details for m in POSTCODE.finditer(d)}
    return {_squash(d) for d in public_details} | postcodes


def _squash(text: str) -> str:
    return re.sub(r"[\s,]+", "", text).lower()
