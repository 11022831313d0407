"""A first name and surname in a post about famous people: a leader checks it is not a pupil (a warning).

In a post about a history topic, a book, a show or sport's greats ("Year 8's Tudors: Thomas Cromwell and
Anne Boleyn", "1966 and all that: Bobby Moore lifts the cup"), or about a book, play or poem a class
studies, reads or performs ("Year 10 have been studying Blood Brothers", "the set text", a title after
"have been reading"), a first name and surname is far more likely someone famous or a character than a
pupil, and no list of famous people or characters is complete. Blocking such a post would teach staff
to ignore the checker; saying nothing would miss a pupil's full name beside a history project. So
``pupil-full-name`` leaves these names to this warning: a leader reads the name and, if it is a
pupil's, uses the first name only. A name that is praised ("Well done Maya Jones for her Tudor
project") or given a class ("in 9W") is a pupil's and stays an error; so, beside a book or play, is a
name cast in a part ("Maya Jones as Lady Macbeth", "starring Maya Jones") or reading to the class, and
so is every other form of a pupil's name (surname first, initial, surname alone).

Passes: "Year 8 have been studying the Tudors." (no name); "Well done Maya for her Tudor project."
(a first name); "Well done Maya Jones for her Tudor project" (praised: ``pupil-full-name``'s error).

Fails (a warning): "Our Georgians topic: James Brindley and John Harrison"; "Year 9 have been reading The
Lantern Room and discussing how Leah Carter makes sense of her new school".
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.names import full_names
from postplan.rules.reading import where

ID = "pupil-full-name-possible"
SEVERITY = Severity.WARNING
SUMMARY = "A full name in a post about famous people: check it is not a pupil's (a warning)."
POLICY = "The school Twitter account will only use children's first names when referencing children."


def check(post: Post, context: Context) -> Iterable[Problem]:
    for text, name in full_names(post, context, figures=True):
        yield Problem(
            f"'{name.full}' may be a child's full name{where(text)}; the post reads like it is about someone "
            "famous, so check",
            fix=f"if this is a pupil, use the first name only ('{name.first}'); if it is someone famous, "
                "nothing to do (a leader can add the name to `not_pupils:` in mkdocs.yml to stop this warning)",
            line=text.line_at(name.start),
        )
