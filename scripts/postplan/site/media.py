"""Images for the previews: copies of the shown posts' pictures, re-encoded without their metadata.

A phone photo can carry where it was taken (EXIF GPS) and when; the site must not publish that, so
every image is re-saved from its pixels alone (and scaled down: a preview needs no more than 1,200 px).
"""

from __future__ import annotations

import io
from pathlib import Path, PurePosixPath

from PIL import Image, ImageOps, UnidentifiedImageError

from postplan import regularfile
from postplan.site.visibility import ShownPost

MAX_SIDE = 1200
FORMATS = {"JPEG": {"quality": 85}, "PNG": {}, "WEBP": {"quality": 85}, "GIF": {}}


def media_copies(posts: list[ShownPost], root: Path) -> dict[str, bytes]:
    """``media/…`` path (as the posts name it, under ``content/``) → clean image bytes, for the shown posts."""
    content = (root / "content").resolve()
    copies: dict[str, bytes] = {}
    for shown in posts:
        for media in shown.post.media:
            written = PurePosixPath(media.file.replace("\\", "/"))
            source = (content / written).resolve()
            if written.as_posix() in copies or written.is_absolute() or not _regular(source, content):
                continue  # outside content/ or not a file: the media-file rule reports it, and nothing is copied
            clean = _without_metadata(source)
            if clean is not None:
                copies[written.as_posix()] = clean
    return copies


def _regular(source: Path, content: Path) -> bool:
    try:
        regularfile.inside(source, content, "content/")
    except regularfile.Refused:
        return False
    return True


def _without_metadata(path: Path) -> bytes | None:
    """The image re-encoded from its pixels (turned upright first), or None if it is not an image we can read."""
    try:
        with Image.open(path) as image:
            kind = image.format
            if kind not in FORMATS:
                return None
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((MAX_SIDE, MAX_SIDE))
            pixels = Image.new(upright.mode, upright.size)
            pixels.paste(upright)
            if "transparency" in upright.info:
                pixels.info["transparency"] = upright.info["transparency"]
            if upright.mode == "P":
                pixels.putpalette(upright.getpalette())
            out = io.BytesIO()
            pixels.save(out, format=kind, **FORMATS[kind])
            return out.getvalue()
    except (OSError, UnidentifiedImageError, ValueError):
        return None
