"""What parents see on the public site: the post, never a staff detail such as a character count."""

from __future__ import annotations

from conftest import School

NOW = "2026-11-20T12:00"


def test_a_public_page_shows_no_character_count_but_the_staff_preview_does(school: School) -> None:
    school.post("netball", "Our Year 5 netball team played brilliantly today.", status="approved",
                approved_by="Mrs Hart", publish_at="2026-11-16 15:30")
    school.mark_published("netball")
    assert school.run("build", "--now", NOW).exit_code in (0, 1)
    public = (school.root / "site" / "calendar" / "2026-11" / "index.html").read_text(encoding="utf-8")
    assert "Our Year 5 netball team played brilliantly today." in public
    assert "of 280 characters" not in public
    assert school.run("build", "--staff", "--now", NOW).exit_code in (0, 1)
    staff = (school.root / "site-staff" / "calendar" / "2026-11" / "index.html").read_text(encoding="utf-8")
    assert "of 280 characters" in staff
