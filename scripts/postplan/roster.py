"""The pupil roster: pupils' names from a file outside the repository, for the rules about names.

Pupil data never enters the repository: the file is named by an environment variable
(``POSTPLAN_ROSTER`` unless the settings name another) of whoever runs the check.
"""

from __future__ import annotations

import os
from pathlib import Path


def read_roster(variable: str) -> frozenset[str]:
    """One name a line, ``#`` comments and blank lines skipped; nothing when the variable is unset or the
    file cannot be read (the rules then use the shipped list of first names)."""
    location = os.environ.get(variable)
    if not location:
        return frozenset()
    try:
        text = Path(location).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
