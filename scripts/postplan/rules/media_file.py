"""An attached image must exist and be inside ``content/``.

Media paths are written relative to ``content/`` (``media/2027/relay.jpg`` is
``content/media/2027/relay.jpg``). A path that climbs out (``../../secrets.jpg``) or is absolute is
refused: only what is in the school's repository, and reviewed there, can be posted.

Passes: ``file: media/2027/relay.jpg`` when that file is in the repository.
Fails: ``file: media/2027/Relay.JPG`` when the file is ``relay.jpg``; ``file: /home/office/relay.jpg``;
``file: media/zero.jpg`` when that is a link to ``/dev/zero`` or a named pipe.
"""

from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from postplan import regularfile
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "media-file"
SEVERITY = Severity.ERROR
SUMMARY = "Attached media must exist inside content/."
POLICY = "Everything posted is reviewed in the repository first (Design: images under content/media/)."


def check(post: Post, context: Context) -> Iterable[Problem]:
    content = context.once("content folder", lambda: (context.root / "content").resolve())
    for index, media in enumerate(post.media):
        problem = context.once((ID, media.file), lambda: _problem(content, media.file))
        if problem is not None:
            message, fix = problem
            yield Problem(message, fix=fix, field=f"media.{index}.file")


def _problem(content: Path, file: str) -> tuple[str, str] | None:
    written = PurePosixPath(file.replace("\\", "/"))
    target = (content / written).resolve()
    if written.is_absolute() or not target.is_relative_to(content):
        return (f"'{file}' is outside content/",
                "put the image under content/media/ and write its path from there, like media/2027/photo.jpg")
    if not target.exists():
        return (f"there is no file content/{written}",
                "check the spelling and capital letters of the path, and that the image was added to the repository")
    try:
        regularfile.inside(target, content, "content/")
    except regularfile.Refused as refused:  # a device, a pipe or a folder: never read
        return f"content/{written}: {refused}", "attach a picture or video file saved under content/media/"
    return None
