"""A file that cannot be read as a post or calendar file at all.

Reported when a file is empty, is not UTF-8 text (for example a Word document saved with a ``.md``
name), or is far larger than any post could be. The other files are still checked.

Passes: a UTF-8 Markdown file of a few hundred bytes.
Fails: an empty file; a file saved as "Western European (Windows)"; a 10 MB file.
"""

from postplan.findings import Severity

ID = "file"
SEVERITY = Severity.ERROR
SUMMARY = "The file must be readable UTF-8 text of a sensible size."
POLICY = "Platform limit: a post is at most 280 characters, so its file is small plain text."
