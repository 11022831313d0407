"""A post must start with front matter: fields between two lines of three dashes.

Passes::

    ---
    publish_at: 2027-06-01 08:30
    author: Office
    ---
    Just confirmed our Sports Day as 1st June.

Fails: text with no ``---`` line at the top; a closing ``---`` that is missing; front matter that is a
list (``- publish_at: …``) or a sentence instead of ``field: value`` lines; a post with no text.
"""

from postplan.findings import Severity

ID = "front-matter"
SEVERITY = Severity.ERROR
SUMMARY = "A post starts with fields between --- lines, followed by its text."
POLICY = "Design: a planned post is a Markdown file with YAML front matter."
