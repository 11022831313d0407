"""An animated GIF needs a leader's confirmation before it is posted.

A GIF from a search ("reaction GIFs") can carry a meaning staff and children do not know: a clip from a
film for adults, a gesture, a meme with a history. The policy asks that no visual has inappropriate
connotations, so a leader watches it to the end and confirms it with an ``allow:`` on the post
(its alt text is checked like any other text). A still GIF (one frame) is a picture like any other.

Passes: a still image; an animated GIF with a leader's confirmation:

    allow:
      - rule: animated-gif
        reason: Mrs Hart watched it; our own clip of the Year 6 dance

Fails: ``media/celebrate.gif`` with more than one frame and no ``allow:`` for this rule.
"""

from collections.abc import Iterable
from pathlib import Path

from postplan import photos
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "animated-gif"
SEVERITY = Severity.ERROR
SUMMARY = "An animated GIF needs a leader's confirmation (`allow:` with the reason)."
POLICY = (
    "Learners do not include GIFs, emojis or any other form of visuals which have inappropriate "
    "connotations (which they may not understand)"
)


def check(post: Post, context: Context) -> Iterable[Problem]:
    for index, media in enumerate(post.media):
        found = photos.attachment(context, media.file)
        if found is None or found.kind != "gif":
            continue
        frames = context.once(("gif frames", media.file), lambda: _frames(found.path))
        if frames > 1:
            yield Problem(
                f"{found.path.name} is an animated GIF ({frames} frames): a leader must watch it and confirm it",
                fix="a leader watches it to the end, then adds to the post `allow:` with `- rule: animated-gif` "
                    "and a `reason:` saying what it shows; or attach a still photo instead",
                field=f"media.{index}.file",
            )


def _frames(path: Path) -> int:
    """How many frames the GIF has (1 when Pillow cannot read it: media-limits reports a broken file)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return int(getattr(image, "n_frames", 1))
    except (OSError, UnidentifiedImageError, ValueError):
        return 1
