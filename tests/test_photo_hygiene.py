"""Every copy of a photo that leaves the repository (the site, the platforms) is clean: no metadata,
no larger than the settings' ``photo_max_side``, the right way up; the original is never rewritten."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from postplan.photos import public_copy, public_file
from postplan.publish.platform import Attachment, Message
from postplan.publish.send import _public
from tests.conftest import School

ORIENTATION, GPS_IFD, MAKE, DESCRIPTION = 0x0112, 0x8825, 0x010F, 0x010E


def phone_photo(path: Path, width: int = 3000, height: int = 2000, gps: bool = True) -> bytes:
    """A landscape picture stored with "rotate 90°" (orientation 6), a GPS position, camera and caption."""
    image = Image.new("RGB", (width, height), "green")
    image.paste((255, 0, 0), (0, 0, width // 2, height))  # the left half red, to see which way up it comes out
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[MAKE] = "PhoneCo"
    exif[DESCRIPTION] = "Maya Patel at sports day"
    if gps:  # (a photo with its location is refused by validate before it can reach the site)
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (50.0, 15.0, 0.0), 3: "W", 4: (5.0, 3.0, 0.0)})
    image.save(path, "JPEG", exif=exif, comment=b"Maya Patel")
    return path.read_bytes()


def assert_clean(data: bytes, max_side: int) -> None:
    with Image.open(io.BytesIO(data)) as image:
        assert max(image.size) <= max_side
        assert image.height > image.width  # orientation 6 applied: the landscape picture now stands upright
        assert not image.getexif() and "comment" not in image.info and "exif" not in image.info
        assert image.getpixel((image.width // 2, 2))[0] > 200  # the red half is on top, as the phone showed it
    assert b"Maya" not in data and b"PhoneCo" not in data


def test_the_public_copy_has_no_metadata_is_smaller_and_upright(tmp_path: Path) -> None:
    original = phone_photo(tmp_path / "sports.jpg")
    assert_clean(public_copy(tmp_path / "sports.jpg", 800), 800)
    assert (tmp_path / "sports.jpg").read_bytes() == original


def test_uploads_carry_the_clean_copy_under_a_neutral_name_and_reuse_it(school: School) -> None:
    original = phone_photo(school.root / "content/media/maya-sports.jpg")
    message = Message("sports", 0, 1, "Sports Day!", (Attachment(school.root / "content/media/maya-sports.jpg",
                                                                  "Runners"),), None, None)
    sent = _public(message, school.root)
    upload = sent.media[0].path
    assert upload.parent == school.root / ".cache/postplan/public" and "maya" not in upload.name
    assert_clean(upload.read_bytes(), 1200)  # the example school's setting
    assert _public(message, school.root).media[0].path == upload
    assert (school.root / "content/media/maya-sports.jpg").read_bytes() == original


def test_a_file_that_is_not_a_picture_goes_as_it_is(tmp_path: Path) -> None:
    video = tmp_path / "clip.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42 not a picture")
    assert public_file(video, tmp_path, 1200) == video


def test_the_site_copies_follow_the_settings_size(school: School) -> None:
    phone_photo(school.root / "content/media/field.jpg", gps=False)
    settings = school.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("    leaders:", "    photo_max_side: 640\n"
                                                                   "    leaders:", 1), encoding="utf-8")
    school.post("sent", "Sports Day was brilliant.", status="approved", approved_by="Mrs Hart",
                publish_at="2026-11-16 15:30", media="\n  - file: media/field.jpg\n    alt: The finish line tape")
    school.mark_published("sent")
    result = school.run("build", "--now", "2026-11-20 09:00")
    assert result.exit_code == 0, result.output
    assert_clean((school.root / "site/media/field.jpg").read_bytes(), 640)
