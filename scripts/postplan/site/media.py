"""Images for the previews: copies of the shown posts' pictures, re-encoded without their metadata.

A phone photo can carry where it was taken (EXIF GPS) and when; the site must not publish that, so
every image is re-saved from its pixels alone, scaled down to the settings' ``photo_max_side``.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from postplan import regularfile
from postplan.photos import public_copy
from postplan.site.visibility import ShownPost


def media_copies(posts: list[ShownPost], root: Path, max_side: int) -> dict[str, bytes]:
    """``media/…`` path (as the posts name it, under ``content/``) → clean image bytes, for the shown posts."""
    content = (root / "content").resolve()
    copies: dict[str, bytes] = {}
    for shown in posts:
        for media in shown.post.media:
            written = PurePosixPath(media.file.replace("\\", "/"))
            source = (content / written).resolve()
            if written.as_posix() in copies or written.is_absolute() or not _regular(source, content):
                continue  # outside content/ or not a file: the media-file rule reports it, and nothing is copied
            clean = public_copy(source, max_side)
            if clean is not None:
                copies[written.as_posix()] = clean
    return copies


def _regular(source: Path, content: Path) -> bool:
    try:
        regularfile.inside(source, content, "content/")
    except regularfile.Refused:
        return False
    return True
