"""Softer words and name-calling: "damn", "hell", "freaking", "stupid", "dumb" (a warning).

Not always wrong ("a hell of a day", "Damn, so close!"), so a leader looks and decides; but a school's
posts are read by its children, and the policy asks for Standard English. Masked spellings count too.
British swearing ("bloody", "crap", "bugger", "arse", "sod it") and an insult said about people ("idiots who
park…") are errors (``offensive-language``), not this warning. Words on the school's ``profanity_allowlist:`` are fine.

Passes: "Bloodhound Gang's new book"; "Hello everyone!"; "Sussex Day"; "Shelly's assessment"; "cut the
first sod for the new classroom".

Fails (a warning): "Damn, that was close"; "One hell of a day"; "Freaking out about SATs?";
"A stupid o'clock start for the ski trip".
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.reading import reader_texts, where
from postplan.rules.swearing import MAYBE_MASKED, aimed_at_people, innocent_blanked, tokens, unmasked, word_lists
from postplan.rules.text import prose, words

ID = "mild-language"
SEVERITY = Severity.WARNING
SUMMARY = "Softer words and name-calling (damn, hell, freaking, stupid): a leader checks it reads well (a warning)."
POLICY = (
    "Any Tweets from the official school account will be grammatically correct and written in Standard "
    "English."
)

_SYMBOLS = frozenset("*#%$@!")


def check(post: Post, context: Context) -> Iterable[Problem]:
    lists = word_lists(tuple(context.repository.settings.profanity_allowlist))
    for text in reader_texts(post):
        if text.kind == "file name":
            continue  # a file name is named plainly; offensive-language reads it for what is worse
        present = words(text.value)
        if present.isdisjoint(lists.mild) and present.isdisjoint(lists.insults) and not MAYBE_MASKED.search(text.value):
            continue
        value = innocent_blanked(prose(text.value))
        found = tokens(value)
        said = [token for token, _ in found]
        for index, (token, start) in enumerate(found):
            mild = token in lists.mild or (token in lists.insults and not aimed_at_people(said, index))
            if not mild and not _SYMBOLS.isdisjoint(token):
                mild = unmasked(token, lists) in lists.mild
            if mild:
                yield Problem(
                    f"'{text.value[start:start + len(token)]}' is mild swearing or name-calling{where(text)}: "
                    "check that it reads well for children and families",
                    fix="choose another word (\"really\", \"rubbish\", \"silly\"), or, if it is innocent here, a "
                        "leader can add it to `profanity_allowlist:` in mkdocs.yml or allow it on this post",
                    line=text.line_at(start),
                )
