"""A child's first name followed by a surname: a pupil's full name.

Schools use only children's first names: a full name lets anyone find the child. postplan looks for a
first name followed by a capitalised word. With a pupil roster (a file *outside* the repository, one
name a line, named by the ``POSTPLAN_ROSTER`` environment variable) it looks for the roster's names;
without one it uses a list of common first names shipped with postplan.

Passes: "Maya's poem made us smile."; "Mr Jones and Mrs Brown ran the stall."; "Owen's Animals came
in today"; "Year 6 visited Rowan Class."; "We read Julia Donaldson's books." (a well-known author).

Fails: "Congratulations to Maya Jones for her poem."; "Josh Smith scored the winning goal."

If the name is not a pupil's (a visiting author, a coach), add it to ``not_pupils:`` in mkdocs.yml.
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import find_names, line_in, names_for, roster_full_names

ID = "pupil-full-name"
SEVERITY = Severity.ERROR
SUMMARY = "Never a child's full name: first names only."
POLICY = "The school Twitter account will only use children's first names when referencing children."


def check(post: Post, context: Context) -> Iterable[Problem]:
    names = names_for(context)
    for part in post.parts:
        seen = set()
        for name in find_names(part.text, names):
            if name.surname and name.full not in seen:
                seen.add(name.full)
                yield _problem(name.full, name.first, line_in(part, name.start))
        for full, start in roster_full_names(part.text, names):
            if full not in {s.lower() for s in seen}:
                yield _problem(part.text[start:start + len(full)], full.split()[0].title(), line_in(part, start))


def _problem(full: str, first: str, line: int) -> Problem:
    return Problem(
        f"'{full}' looks like a child's full name",
        fix=f"use the first name only ('{first}'), or no name at all; if this is not a pupil (an author, "
            "a coach), add the name to `not_pupils:` in mkdocs.yml",
        line=line,
    )
