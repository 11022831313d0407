"""Shared pieces of the platform tests: an account on another platform in a school's settings."""

from __future__ import annotations

from conftest import School


def add_account(school: School, account_id: str, fields: str, default: bool = False) -> None:
    """Add an account (``fields`` as YAML flow items, like ``platform: mastodon, handle: "@x"``)."""
    path = school.root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    accounts:\n", f"    accounts:\n      {account_id}: {{{fields}}}\n", 1)
    if default:
        text = text.replace("    default_account: school\n", f"    default_account: {account_id}\n", 1)
    path.write_text(text, encoding="utf-8")
