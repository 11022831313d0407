"""`postplan media strip` removes a photo's GPS location in place and keeps the picture the right way up."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from PIL import Image

from conftest import School
from postplan import photos
from postplan.cli import cli

ORIENTATION, GPS = 0x0112, 0x8825


def sideways_phone_photo(path: Path) -> None:
    """A 60×40 photo stored sideways, as phones do: red on the left half, and EXIF saying "turn 90°" and GPS."""
    image = Image.new("RGB", (60, 40), "blue")
    image.paste("red", (0, 0, 30, 40))
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # shown rotated 90° clockwise
    exif.get_ifd(GPS).update({1: "N", 2: (50.0, 7.0, 12.0), 3: "W", 4: (5.0, 32.0, 10.0)})
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="JPEG", exif=exif.tobytes(), quality=95)


def test_strip_removes_the_location_and_turns_the_photo_upright(school: School) -> None:
    photo = school.root / "content" / "media" / "trip.jpg"
    sideways_phone_photo(photo)
    assert photos.location(photo) == "EXIF"

    result = CliRunner().invoke(cli, ["media", "strip", str(photo)])

    assert result.exit_code == 0, result.output
    assert "removed its GPS location (EXIF)" in result.output
    with Image.open(photo) as stripped:
        exif = stripped.getexif()
        assert not exif.get_ifd(GPS) and ORIENTATION not in exif
        assert stripped.size == (40, 60)  # turned upright: what was the left edge is now the top
        red, green, blue = stripped.convert("RGB").getpixel((20, 5))
        assert red > 200 and blue < 60
    assert photos.location(photo) is None


def test_after_stripping_the_post_passes_the_location_rule(school: School) -> None:
    sideways_phone_photo(school.root / "content" / "media" / "trip.jpg")
    school.post("rock-pools", "Rock pooling!", media="\n  - file: media/trip.jpg\n    alt: Rock pools at low tide")
    assert "[media-location]" in school.run("validate", "--now", "2026-09-01T08:00").output

    CliRunner().invoke(cli, ["media", "strip", str(school.root / "content" / "media" / "trip.jpg")])

    assert "[media-location]" not in school.run("validate", "--now", "2026-09-01T08:00").output


def test_strip_says_clearly_when_a_file_is_not_a_picture(tmp_path: Path) -> None:
    notes = tmp_path / "notes.jpg"
    notes.write_text("not a picture", encoding="utf-8")
    result = CliRunner().invoke(cli, ["media", "strip", str(notes)])
    assert result.exit_code == 2
    assert "notes.jpg: cannot be read as a picture" in result.output
    assert notes.read_text(encoding="utf-8") == "not a picture"


def test_rules_command_prints_one_rules_page_and_refuses_an_unknown_id() -> None:
    page = CliRunner().invoke(cli, ["rules", "pupil-full-name"])
    assert page.exit_code == 0 and page.output.startswith("# pupil-full-name")
    assert "only use children's first names" in page.output
    unknown = CliRunner().invoke(cli, ["rules", "names"])
    assert unknown.exit_code == 2 and "there is no rule 'names'" in unknown.output
