"""Golden files: the example school's Year 6 feed and its public November page, exactly as built.

The other tests check properties of the feeds and pages; these show the whole output, so a change to
what parents receive appears as a diff in review. Everything in them comes from the school's files and
the pinned time (a feed's DTSTAMP too), so nothing is masked.

When a change to the output is meant, write the new golden files and review their diff in git:

    POSTPLAN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE, School

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("POSTPLAN_UPDATE_GOLDEN") == "1"
NOW = "2026-11-23T15:31"  # the Makefile's EXAMPLE_NOW: a ticket-slip reminder has just fallen due
# November's posts that had gone out by then, as the publisher would have recorded them.
SENT = ["reception-open-morning-announcement", "cinderella-tickets-announcement", "odd-socks-day-photo",
        "anti-bullying-ambassadors"]
# The month page's own content sits in MkDocs' <article>; the theme around it belongs to MkDocs.
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
# Each block starts a line of the golden file, so that a diff points at the day or post that changed.
BLOCK = re.compile(r"\s*(<(?:h[1-6]|nav|div|section|table|caption|thead|tbody|tr|th|td|ul|ol|li|p|dl|dt|dd|details)\b)")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example school's public site, built at NOW, with November's sent posts in the ledger."""
    school = School.__new__(School)
    school.root = tmp_path_factory.mktemp("golden") / "example"
    shutil.copytree(EXAMPLE, school.root, ignore=shutil.ignore_patterns(".cache"))
    for post_id in SENT:
        school.mark_published(post_id)
    result = school.run("build", "--now", NOW)
    assert result.exit_code == 0, result.output
    return school.root / "site"


def month_content(page: str) -> str:
    """The month page's article, one block a line (whitespace between blocks is not shown by a browser)."""
    found = ARTICLE.search(page)
    assert found, "the month page has no MkDocs article"
    return BLOCK.sub(r"\n\1", found.group(1)).strip() + "\n"


def assert_matches_golden(actual: str, name: str) -> None:
    """Compare with tests/golden/NAME, showing a unified diff; POSTPLAN_UPDATE_GOLDEN=1 rewrites it."""
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(actual.encode("utf-8"))
        return
    if not golden.exists():
        pytest.fail(f"no golden file {name}: write it with POSTPLAN_UPDATE_GOLDEN=1 and review it")
    expected = golden.read_bytes().decode("utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                            f"tests/golden/{name} (expected)", f"{name} (built now)", n=2))
        pytest.fail(f"{name} differs from its golden file:\n{diff}\n"
                    "If the change is meant: POSTPLAN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest "
                    "tests/test_golden.py, then review the diff in git.", pytrace=False)


def test_the_year_6_feed_is_exactly_the_golden_one(built: Path) -> None:
    feed = (built / "feeds" / "year-6.ics").read_bytes().decode("utf-8")
    assert_matches_golden(feed, "year-6.ics")


def test_the_public_november_page_is_exactly_the_golden_one(built: Path) -> None:
    page = (built / "calendar" / "2026-11" / "index.html").read_text(encoding="utf-8")
    assert_matches_golden(month_content(page), "calendar-2026-11.html")
