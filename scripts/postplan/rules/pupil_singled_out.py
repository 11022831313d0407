"""Praise or criticism aimed at one named child.

A post is for the whole community: singling out one child ("Well done Josh, a better lesson today")
tells the world about that child's behaviour or needs. Celebrate a class, a team or a year group.

Passes: "Well done Year 6 for a brilliant performance!"; "Congratulations to Rowan Class";
"Thank you Mrs Hart"; "Thank you to Owen's Animals for visiting".

Fails: "Well done Josh a better lesson today"; "Congratulations to Maya for her poem";
"Happy birthday Amy!"; "Josh was very disappointing today".
"""

import re
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import find_names, line_in, names_for

ID = "pupil-singled-out"
SEVERITY = Severity.ERROR
SUMMARY = "No praise or criticism aimed at one named child."
POLICY = 'Individually targeted content will not be posted e.g. "Well done Josh a better lesson today".'

# Words that aim a post at someone, followed within a few words by the name.
_AIMED = re.compile(
    r"\b(?:well done|congratulations|congrats|shout[- ]?outs?|proud of|happy birthday|good luck|bravo|"
    r"star of the (?:week|day)|goes to|award(?:ed)? to|certificate to|praise for|thank you|thanks)\b"
    r"[\s,:!-]*(?:(?:to|for|from|our|you)\s+){0,2}$",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"^['’]?s?\s+(?:was|is|has been|had|needs? to|must)\s+(?:\w+\s+)?(?:naughty|rude|disappointing|"
    r"disappointed|unkind|badly|poorly|late|brilliant|amazing|fantastic|superb|excellent|awesome|"
    r"a star|a superstar|in trouble|improve)",
    re.IGNORECASE,
)


def check(post: Post, context: Context) -> Iterable[Problem]:
    names = names_for(context)
    for part in post.parts:
        for name in find_names(part.text, names):
            before = part.text[max(0, name.start - 40):name.start]
            after = part.text[name.start + len(name.first):name.start + len(name.first) + 40]
            if _AIMED.search(before) or _AFTER.match(after):
                yield Problem(
                    f"this post is aimed at one named child ('{name.first}')",
                    fix="praise the class, team or year group instead ('Well done Year 6!'), and tell the "
                        "child and their family in person",
                    line=line_in(part, name.start),
                )
