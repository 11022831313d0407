"""Office staff type the fields at the top of a post by hand, often in GitHub's web editor. The usual
slips are named at their own line, in plain words (no "YAML"), with the fix."""

from __future__ import annotations

import json

import pytest

from conftest import School

SLIPS = [
    ("no-colon", "publish_at 2027-06-01 08:30\nstatus: draft\nauthor: Office\n", 2,
     "`publish_at 2027-06-01 08:30` needs a colon after the field's name", "`publish_at: 2027-06-01 08:30`"),
    ("no-colon-in-media", "publish_at: 2027-06-01 08:30\nstatus: draft\nauthor: Office\nmedia:\n"
                          "  - file: media/a.jpg\n    alt A child reading\n", 7,
     "`alt A child reading` needs a colon", "`alt: A child reading`"),
    ("tab", "publish_at: 2027-06-01 08:30\n\tstatus: draft\nauthor: Office\n", 3,
     "starts with a tab", "spaces"),
    ("open-quote", "publish_at: 2027-06-01 08:30\nstatus: draft\nauthor: \"Office\n", 4,
     "a quote (\") opened on this line is not closed", "closing \""),
]


@pytest.mark.parametrize(("name", "fields", "line", "message", "fix"), SLIPS, ids=[s[0] for s in SLIPS])
def test_a_slip_in_the_fields_is_named_at_its_line(school: School, name: str, fields: str, line: int, message: str,
                                                   fix: str) -> None:
    school.write(f"content/posts/{name}.md", f"---\n{fields}---\nSports Day is on Tuesday!\n")
    result = school.run("validate", f"content/posts/{name}.md", "--now", "2026-11-01T08:00")
    assert result.exit_code == 1
    assert f"content/posts/{name}.md:{line}: error: " in result.output and message in result.output, result.output
    assert fix in result.output and "YAML" not in result.output.split("Note:")[0]


def test_a_value_carried_on_to_the_next_line_is_not_taken_for_a_missing_colon(school: School) -> None:
    fields = "publish_at: 2027-06-01 08:30\nstatus: draft\nauthor: Office and\n  the PTA\nevent \"x\"\n"
    school.write("content/posts/carried.md", f"---\n{fields}---\nHello!\n")
    result = school.run("validate", "content/posts/carried.md", "--format", "json", "--now", "2026-11-01T08:00")
    finding = json.loads(result.output)["findings"][0]
    assert (finding["line"], finding["rule"]) == (6, "yaml") and "`event \"x\"`" in finding["message"]


def test_a_post_that_cannot_be_read_is_on_the_staff_status_board_as_broken(example: School) -> None:
    example.write("content/posts/2026-11/broken.md", "---\npublish_at 2026-11-30 08:30\nstatus: draft\n"
                                                     "author: Office\n---\nChristmas fair on Friday!\n")
    example.run("build", "--staff", "--now", "2026-11-23T15:31")
    board = (example.root / "site-staff" / "status" / "index.html").read_text(encoding="utf-8")
    assert "Broken posts (1)" in board
    assert "<code>content/posts/2026-11/broken.md</code>: broken" in board
    assert "needs a colon after the field&#39;s name" in board
