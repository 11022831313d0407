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


def test_the_parents_site_holds_what_parents_need_and_the_staff_pages_only_in_the_staff_build(example: School) -> None:
    assert example.run("build", "--now", NOW).exit_code in (0, 1)
    site = example.root / "site"
    for staff_only in ("guides/writing-posts/index.html", "rules/index.html", "propose/index.html", "status/index.html"):
        assert not (site / staff_only).exists(), staff_only
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Add the school calendar to your phone" in home and "This week" in home and "Coming up" in home
    assert "guides/" not in home  # not in the menu either
    assert (site / "accessibility" / "index.html").exists()
    overview = (site / "calendar" / "index.html").read_text(encoding="utf-8")
    assert "Thursday 3 September 2026" in overview  # term dates carry their years
    assert "Half term" in overview and "Christmas holidays" in overview
    assert "INSET day" in overview  # the days the school is closed
    assert example.run("build", "--staff", "--now", NOW).exit_code in (0, 1)
    staff = example.root / "site-staff"
    for page in ("guides/writing-posts/index.html", "rules/index.html", "propose/index.html", "status/index.html"):
        assert (staff / page).exists(), page


def test_an_event_with_an_error_never_reaches_the_public_site_or_feeds(example: School) -> None:
    """An event that says where children will be and when is an error at its line, and is left out."""
    example.write("calendar/fixtures.yml", "events:\n  - id: away-match-2026\n    title: Netball at Penryn\n"
                  "    kind: event\n    start: 2026-11-25 15:30\n    audience: [netball-team]\n"
                  "    description: Meet the coach at Penryn Leisure Centre car park at 3:30pm.\n")
    checked = example.run("validate", "--format", "json", "--now", NOW)
    assert any(f["path"] == "calendar/fixtures.yml" and f["rule"] == "whereabouts" for f in
               __import__("json").loads(checked.output)["findings"]), checked.output
    example.run("build", "--now", NOW)
    site = example.root / "site"
    for page in [site / "calendar" / "2026-11" / "index.html", *sorted((site / "feeds").glob("*.ics"))]:
        text = page.read_text(encoding="utf-8")
        assert "Penryn Leisure Centre" not in text and "away-match-2026" not in text, page.name
    example.run("build", "--staff", "--now", NOW)
    staff = (example.root / "site-staff" / "calendar" / "2026-11" / "index.html").read_text(encoding="utf-8")
    assert "Netball at Penryn" in staff  # the staff preview shows it, with its problem
