"""Writing a new post file: the front matter a person would write, then the text. Never overwrites.

The file is written by hand rather than by a YAML dumper so that it reads like the examples staff copy
from (``publish_at: 2027-05-25 10:00``, no quotes where none are needed) and can start with a comment.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import yaml


class PostExists(Exception):
    """The file (or a post with the same id) is already there: nothing was written."""


def _scalar(value: object) -> str:
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1000).strip().removesuffix(
        "\n...").removesuffix("...").strip()


def post_file_text(fields: dict[str, object], text: str, comment: str = "") -> str:
    """A post file: an optional comment, the fields (a dict value becomes an indented block), the text."""
    lines = ["---"]
    lines += [f"# {line}" if line else "#" for line in comment.splitlines()]
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {_scalar(v)}" for k, v in value.items() if v is not None]
        else:
            lines.append(f"{key}: {_scalar(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n" + text.strip() + "\n"


def write_new(root: Path, relative: str, content: str) -> Path:
    """Create the file, refusing to replace one that is there (a leader may have approved it)."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(content)
    except FileExistsError:
        raise PostExists(f"{relative} already exists: postplan never overwrites a post") from None
    return path


def git_user_name(root: Path) -> str | None:
    """The author's name as git knows it (``git config user.name``), or None."""
    try:
        result = subprocess.run(["git", "config", "user.name"], cwd=root, capture_output=True, text=True,
                                timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    name = result.stdout.strip()
    return name or None
