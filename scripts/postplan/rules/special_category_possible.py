"""A hint of a child's health or home life beside their name, for a leader to read before posting.

Softer words than ``special-category`` looks for ("poorly", "get well soon", "a tough time", "lives
with her nan", "on crutches", "a bump to the head", "was sick on the bus", "has worked so hard with the
school counsellor", "still settling and finds mornings hard", "just arrived from Poland and learning
English") often carry the same kind of detail: that a named child is ill, hurt, anxious, new to the
country, or going through something at home. Whether that is too
much to say in public needs a person to judge, so this is a warning: a leader should check the family
is happy for it to be public, or take the detail out. Every text a reader sees is read; general
wishes that name nobody are fine.

Passes: "Lots of children are poorly this week, please keep them home if they are sick.";
"Get well soon Mrs Hart!"; "Maya read beautifully in assembly."

Fails: "Get well soon Maya, we miss you!"; "Josh has had a tough time lately but never stops
smiling."; "Ruby lives with her nan now and walks to school with her."
"""

import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.identifiable import names_child, who
from postplan.rules.reading import reader_texts, where
from postplan.rules.sensitive import detail_sentences, details
from postplan.rules.text import words

ID = "special-category-possible"
SEVERITY = Severity.WARNING
SUMMARY = "Check a named child's health or home life is fine to share (a warning)."
POLICY = ("Children, parents or staff could be identified as members of the school/settings and could be "
          "placed at risk of harm or harassment.")

_HINTS = lazyre.compile(
    r"\b(?:poorly|unwell|get well(?: soon)?|recovering|in plaster|stitches|off sick|(?:has|have) been (?:ill|sick)|"
    r"not been well|is ill|(?:a |such a )?(?:tough|difficult|hard|rough) (?:time|few weeks|year|term)"
    r"(?! at home (?:to|against)\b)|(?:worked|working|works|work) (?:\w+ )?(?:hard )?with (?:the |our |a )?"
    r"(?:school |wellbeing )?(?:counsellor|therapist)s?|"
    r"going through a lot|(?:lives?|living) with (?:his|her|their) (?:nan|nana|gran|granny|grandparents|grandma|"
    r"grandad|aunt|auntie|uncle|dad|mum)|moved in with|(?:hospital|doctor'?s) appointment|"
    r"on crutches|in a (?:plaster )?(?:cast(?! of)|sling|neck brace|moon boot|splint)|"
    r"(?:bump|bang|knock) (?:on|to) (?:the|his|her|their) head|head (?:bump|injury)|nosebleed|fainted|"
    r"(?:was|got|felt|feeling|is|were) (?:a (?:bit|little) )?sick(?! of)|threw up|vomit(?:ed|ing)?|"
    # settling, separation and English as a new language: a leader checks the family are happy to see it
    r"finds? (?:\w+ )?(?:mornings|drop[- ]?offs?|school|separation|saying goodbye|it|things|lessons|playtimes?) "
    r"(?:really |very |quite |so )?(?:hard|difficult|tough|tricky|upsetting)|(?:still|is) settling in|"
    r"(?:learning|new to) English|arrived (?:here )?from|(?:fled|fleeing) (?:from )?(?:\w+ ){0,2}(?:war|home))\b",
    re.IGNORECASE,
)
_TRIGGERS = frozenset("poorly unwell well recovering plaster stitches sick ill tough difficult hard rough going lives "
                      "live living moved appointment crutches cast sling brace moon splint bump bang knock injury "
                      "nosebleed fainted threw vomit vomited vomiting counsellor counsellors therapist "
                      "therapists finds find settling english arrived fled fleeing".split())


def check(post: Post, context: Context) -> Iterable[Problem]:
    texts = reader_texts(post)
    named = None
    for text in texts:
        if text.kind == "file name" or _TRIGGERS.isdisjoint(words(text.value)):
            continue
        if _HINTS.search(text.value) is None:
            continue
        named = names_child(post, context, texts) if named is None else named
        stronger = [match.start() for _, match in details(text.value)]
        for start, end in detail_sentences(text.value):
            hint = _HINTS.search(text.value, start, end)
            if hint is None or any(start <= s < end for s in stronger):
                continue  # nothing here, or special-category reports it
            child = who(post, context, text, start, end, named_elsewhere=named)
            if child is not None:
                yield Problem(
                    f"'{hint.group()}' about {child}{where(text)}: check the family are happy for this to be "
                    "public",
                    fix="a leader should confirm the family agree, or take out the detail about the child's "
                        "health or home",
                    line=text.line_at(hint.start()),
                )
                break
