"""The consent audit over the ledger, the site build that follows it, and pupils' names kept out of
everything public. The register is tests/fixtures/consent/register.csv (see test_consent.py)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from tests.conftest import School
from tests.test_consent import REGISTER, register  # noqa: F401 - the fixture

NOW = "2027-05-20 09:00"
NAMES = ("Maya", "Patel", "Ruby", "Clark", "Zac", "Jones", "Ellie", "Brown", "Tom", "Harris", "Leo", "Smith",
         "Kowalski")


def photo(school: School, name: str) -> None:
    Image.new("RGB", (60, 40), "blue").save(school.root / "content" / "media" / name, "JPEG")


def published_photo(school: School, post_id: str, who: str, day: str) -> None:
    file = f"{post_id}.jpg"
    photo(school, file)
    school.post(post_id, f"Our {post_id} photo of the week.", status="approved", approved_by="Mrs Hart",
                publish_at=day, media=f"\n  - file: media/{file}\n    alt: Planting bulbs\n    people: true\n"
                                      f"    who: {who}")
    school.mark_published(post_id, f"https://x.com/TregarrowCP/status/{abs(hash(post_id)) % 10**9}")


def school_with_history(school: School) -> School:
    """Posts before Ruby's withdrawal and Zac's expiry, and one after with pupils who still consent."""
    published_photo(school, "harvest", "[Ruby 4B, Maya 4B]", "2026-10-01 15:30")
    published_photo(school, "spring", "[Zac 4B]", "2027-03-01 15:30")
    published_photo(school, "clubs", "[Ellie 4B]", "2027-04-01 15:30")
    published_photo(school, "maths", "[Maya 4B, Tom 4B]", "2027-05-04 15:30")
    return school


def test_the_audit_lists_each_post_to_take_down_with_its_link_and_command(school: School, register: Path) -> None:
    school_with_history(school)
    result = school.run("consent", "audit", "--now", NOW)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("harvest: https://x.com/TregarrowCP/status/")
    assert lines[1:4] == ["  media/harvest.jpg: a pupil no longer has consent for X",
                          "  media/harvest.jpg: a pupil no longer has consent for the school website",
                          "  take it down: postplan takedown harvest"]
    assert "spring: https://x.com/" in result.output and "postplan takedown spring" in result.output
    assert "  media/clubs.jpg: a pupil no longer has consent for the school website" in result.output
    assert "media/clubs.jpg: a pupil no longer has consent for X" not in result.output  # Ellie: social media yes
    assert "maths" not in result.output
    assert "3 published posts to take down" in result.output
    assert not any(name in result.output for name in NAMES)


def test_the_audit_passes_when_every_published_photo_has_consent(school: School, register: Path) -> None:
    published_photo(school, "maths", "[Maya 4B, Tom 4B]", "2027-05-04 15:30")
    result = school.run("consent", "audit", "--now", NOW)
    assert result.exit_code == 0 and "every published photo still has consent" in result.output


def test_the_audit_without_a_register_fails_loudly(school: School, monkeypatch) -> None:
    monkeypatch.delenv("POSTPLAN_CONSENT", raising=False)
    result = school.run("consent", "audit", "--now", NOW)
    assert result.exit_code == 2 and "needs the school's consent register" in result.output


def test_the_next_build_hides_the_photos_and_names_nobody(school: School, register: Path) -> None:
    school_with_history(school)
    result = school.run("build", "--now", NOW)
    assert result.exit_code == 0, result.output
    site = school.root / "site"
    assert sorted(p.name for p in (site / "media").iterdir()) == ["maths.jpg"]
    public = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*")
                       if p.is_file() and p.suffix in (".html", ".ics", ".xml", ".json", ".txt"))
    assert "harvest.jpg" not in public and "spring.jpg" not in public and "clubs.jpg" not in public
    assert "maths.jpg" in public and "Our harvest photo of the week." in public  # the post stays, its photo goes
    for name in NAMES:
        assert f">{name}" not in public and f" {name} " not in public and f"{name} 4B" not in public, name


def test_validate_leaves_published_posts_to_the_audit(school: School, register: Path) -> None:
    school_with_history(school)
    result = school.run("validate", "--now", NOW)
    assert "media-consent" not in result.output, result.output


def test_retention_lists_photos_older_than_the_school_years_set(school: School) -> None:
    photo(school, "old.jpg")
    photo(school, "new.jpg")
    for post_id, day in (("old", "2023-06-01 15:30"), ("new", "2024-10-01 15:30")):
        school.post(post_id, "Sports Day was brilliant.", publish_at=day,
                    media=f"\n  - file: media/{post_id}.jpg\n    alt: The finish line")
    result = school.run("consent", "retention", "--now", "2026-12-05 09:00")
    assert result.exit_code == 0
    assert result.output.splitlines() == ["01/06/2023  content/media/old.jpg  (post old)",
                                          "1 photo posted before 01/09/2024 (3 school years) to review."]


def test_a_scheduled_workflow_runs_the_audit_from_the_secret_and_fails_loudly() -> None:
    import yaml

    from tests.conftest import PROJECT

    workflow = yaml.safe_load((PROJECT / ".github/workflows/consent-audit.yml").read_text(encoding="utf-8"))
    assert workflow[True]["schedule"] and workflow["permissions"] == {"contents": "read"}  # "on" reads as True
    steps = workflow["jobs"]["audit"]["steps"]
    audit = [s for s in steps if s.get("run") == "postplan consent audit"]
    assert audit and all("continue-on-error" not in s for s in steps)
    writing = next(s for s in steps if "CONSENT_REGISTER" in s.get("env", {}))
    assert "$RUNNER_TEMP/consent.csv" in writing["run"] and "exit 1" in writing["run"]
    assert steps.index(writing) < steps.index(audit[0])
    for other in ("site.yml", "check.yml", "publish.yml"):  # the build hides withdrawn photos; the others check
        assert "secrets.POSTPLAN_CONSENT_CSV" in (PROJECT / ".github/workflows" / other).read_text(encoding="utf-8")


def test_a_due_post_whose_pupil_lost_consent_is_not_published(school: School, register: Path) -> None:
    photo(school, "garden.jpg")
    school.post("garden", "Our bulbs are in!", status="approved", approved_by="Mrs Hart", publish_at="2027-05-20 08:30",
                media="\n  - file: media/garden.jpg\n    alt: Planting bulbs\n    people: true\n    who: [Ruby 4B]")
    result = school.run("publish", "--now", "2027-05-20T08:40")
    assert result.exit_code == 1
    assert "blocked         garden  1 error (postplan validate content/posts/garden.md)" in result.output
    assert not (school.root / "ledger.jsonl").exists() or "garden" not in (school.root / "ledger.jsonl").read_text()
    assert "Ruby" not in result.output
