"""Photos: what kind of file an attachment is, whether it carries a GPS location, and removing it.

Used by the media rules (check stage) and by ``postplan media strip``. Pillow is imported only when a
picture is actually opened, so checking posts without media stays quick.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from postplan import regularfile

IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}
HEIC = {"heic", "heif"}
VIDEO = {"mp4", "mov", "m4v", "webm"}
GPS_IFD = 0x8825
_XMP_GPS = (b"exif:GPSLatitude", b"exif:GPSLongitude", b"GPSLatitude=")
_READ_LIMIT = 64 * 1024 * 1024  # nothing postable is larger than this


def kind(path: Path) -> str:
    """'image', 'gif', 'video', 'heic' or 'unknown', from the file's first bytes (then its extension).

    iPhones save HEIC photos that are sometimes renamed .jpg: the bytes tell the truth.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return "unknown"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc", b"ftypheif"):
        return "heic"
    if head.startswith(b"GIF8"):
        return "gif"
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG")) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head[4:8] == b"ftyp" or head.startswith(b"\x1aE\xdf\xa3"):
        return "video"
    extension = path.suffix.lower().lstrip(".")
    return "heic" if extension in HEIC else "video" if extension in VIDEO else "unknown"


def location(path: Path) -> str | None:
    """Where the photo records a GPS position ('EXIF' or 'XMP'), or None. Cached by file size and time."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return _location(str(path), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4096)
def _location(path: str, size: int, mtime: int) -> str | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            gps = image.getexif().get_ifd(GPS_IFD)
            if gps.get(2) or gps.get(4):  # GPSLatitude, GPSLongitude
                return "EXIF"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        pass
    if size <= _READ_LIMIT:
        data = Path(path).read_bytes()
        if any(marker in data for marker in _XMP_GPS):
            return "XMP"
    return None


def strip_and_say(path: Path) -> str:
    """Strip the photo's hidden details (``strip_location``) and say what was removed."""
    before = location(path)
    strip_location(path)
    return f"removed its GPS location ({before})" if before else "no location found; hidden details removed"


def strip_location(path: Path) -> None:
    """Rewrite a photo in place without EXIF or XMP metadata, turned the right way up first.

    Phones store a photo sideways with an "orientation" note in EXIF; dropping EXIF without applying
    the note would leave the picture on its side. The file is replaced only once the new one is written.
    """
    from PIL import Image, ImageOps

    with Image.open(path) as original:
        image_format = original.format
        upright = ImageOps.exif_transpose(original)
        upright.load()
        icc = original.info.get("icc_profile")
    upright.info = {}
    options: dict[str, object] = {"exif": b""}
    if icc:
        options["icc_profile"] = icc
    if image_format == "JPEG":
        options.update(quality=95, subsampling=0)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=path.suffix)
    os.close(handle)
    try:
        upright.save(temporary, format=image_format, **options)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


PUBLIC_FORMATS = {"JPEG": {"quality": 85}, "PNG": {}, "WEBP": {"quality": 85}, "GIF": {}}
PUBLIC_CACHE = ".cache/postplan/public"  # git-ignored: the clean copies the publisher uploads


def public_copy(path: Path, max_side: int) -> bytes | None:
    """The copy of a picture that may leave the repository: turned upright (EXIF orientation applied),
    at most ``max_side`` pixels wide or tall, re-encoded from its pixels alone so no metadata goes with it
    (EXIF, GPS, XMP, IPTC, comments, the camera's thumbnail). None if it is not a picture Pillow reads.
    The original is never rewritten."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            kind = image.format
            if kind not in PUBLIC_FORMATS:
                return None
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((max_side, max_side))
            pixels = Image.new(upright.mode, upright.size)
            pixels.paste(upright)
            if "transparency" in upright.info:
                pixels.info["transparency"] = upright.info["transparency"]
            if upright.mode == "P":
                pixels.putpalette(upright.getpalette())
            out = io.BytesIO()
            pixels.save(out, format=kind, **PUBLIC_FORMATS[kind])
            return out.getvalue()
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError):
        return None


def public_file(path: Path, root: Path, max_side: int) -> Path:
    """A clean copy of the picture (``public_copy``) in the repository's git-ignored cache, named by its
    content so the upload carries no file name of the school's either; the file itself when it is not a
    picture Pillow reads (a video: the platform checks it)."""
    try:
        data = path.read_bytes()
    except OSError:
        return path  # the publisher says why it cannot be read
    name = hashlib.sha256(data + f"/{max_side}".encode()).hexdigest()[:32] + path.suffix.lower()
    copy = root / PUBLIC_CACHE / name
    if copy.is_file():
        return copy
    clean = public_copy(path, max_side)
    if clean is None:
        return path
    copy.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=copy.parent, suffix=path.suffix)
    with os.fdopen(handle, "wb") as out:
        out.write(clean)
    os.replace(temporary, copy)
    return copy


def older_than(posts: Iterable, today: dt.date, years: int) -> tuple[list[tuple[dt.date, str, str]], dt.date]:
    """Photos first posted before this school year and the ``years - 1`` before it (a school year starts on
    1 September): (day, file, post id) in date order, and that first day kept."""
    start = today.year if today.month >= 9 else today.year - 1
    before = dt.date(start - years + 1, 9, 1)
    first: dict[str, tuple] = {}
    for post in posts:
        day = post.publish_at.date()
        for media in post.media:
            if day < before and (media.file not in first or day < first[media.file][0]):
                first[media.file] = (day, media.file, post.id)
    return sorted(first.values()), before


class Attachment(NamedTuple):
    path: Path
    kind: str  # see ``kind``


def attachment(context, file: str) -> Attachment | None:
    """The attached file under ``content/`` and its kind, or None when it is missing or outside.

    Looked at once in a check run (``context`` is the rules' ``Context``), however many rules ask.
    """
    def look() -> Attachment | None:
        path = attached(context.root / "content", file)
        return None if path is None else Attachment(path, kind(path))

    return context.once(("attachment", file), look)


def gif_frames(context, path: Path) -> int:
    """How many frames a GIF has (1 when Pillow cannot read it: it is then reported as unreadable); counted
    once in a check run, however many rules ask."""
    def count() -> int:
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(path) as image:
                return int(getattr(image, "n_frames", 1))
        except (OSError, UnidentifiedImageError, ValueError):
            return 1

    return context.once(("gif frames", path), count)


def attached(content: Path, file: str) -> Path | None:
    """The attached file under ``content/``, or None when it is missing or outside (media-file reports those)."""
    written = os.path.normpath(file.replace("\\", "/"))
    if os.path.isabs(written) or written.startswith(".."):
        return None
    target = content / written
    try:
        regularfile.inside(target, content, "content/")  # never a device, a pipe or a link out of content/
    except regularfile.Refused:
        return None
    return target
