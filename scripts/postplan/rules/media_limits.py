"""Attachments the platform will accept: how many, which formats, how large.

X takes up to 4 images, or 1 GIF, or 1 video; images up to 5 MB as JPG, PNG, GIF or WEBP (HEIC, the
iPhone's own format, is refused); GIFs up to 15 MB; videos up to 512 MB. Mastodon takes up to 4
attachments (images up to 16 MB, or what its server says); Bluesky up to 4 images (resized to its 1 MB
limit when sent), or 1 video; a Facebook Page post up to 10 photos. Each message names the account and its platform.

An animated GIF (more than one frame) needs a leader's confirmation: a GIF from a search can carry a
meaning staff and children do not know (a clip from a film for adults, a gesture, a meme with a history),
and the policy asks that no visual has inappropriate connotations. A leader watches it to the end and
confirms it with an ``allow:`` for this rule, with a reason saying what it shows; its alt text is
checked like any other text. A still GIF is a picture like any other.

Passes: three JPG photos of 2 MB each on X; a still GIF; an animated GIF with a leader's ``allow:``.

Fails: five photos on X; a GIF with a photo; ``IMG_0042.HEIC``; a 7 MB JPG on X; ``media/celebrate.gif``
with more than one frame and no ``allow:``.
"""

from collections.abc import Iterable
from pathlib import Path

from postplan import photos, platforms
from postplan.findings import Severity
from postplan.models import Account, Post
from postplan.rules.base import Context, Problem

ID = "media-limits"
SEVERITY = Severity.ERROR
PER_ACCOUNT = True  # checked for each account the post goes to
SUMMARY = ("Attachments within the platform's limits (X: 4 images or 1 GIF or 1 video; images ≤ 5 MB, no HEIC); "
           "an animated GIF needs a leader's confirmation.")
POLICY = (
    "Learners do not include GIFs, emojis or any other form of visuals which have inappropriate "
    "connotations (which they may not understand)"
)

MB = 1024 * 1024
# platform → (images at most, bytes per image, bytes per GIF, bytes per video, accepts HEIC)
LIMITS = {name: (found.images, found.image_bytes, found.gif_bytes, found.video_bytes, found.heic)
          for name, found in platforms.LIMITS.items()}



def check(post: Post, context: Context) -> Iterable[Problem]:
    if not post.media:
        return
    account = context.repository.settings.accounts.get(post.account)
    platform = account.platform if account else "x"
    most, image_bytes, gif_bytes, video_bytes, heic = _limits(account) if account else LIMITS[platform]
    where = f"account '{post.account}' is on {platforms.limits(platform).name}"
    kinds = []
    for index, media in enumerate(post.media):
        found = photos.attachment(context, media.file)
        if found is None:
            continue  # media-file reports it
        kinds.append(found.kind)
        if found.kind == "gif":
            yield from _animated(context, found.path, index)
        yield from _one(found.path, found.kind, index, where, (image_bytes, gif_bytes, video_bytes, heic))
    moving = [k for k in kinds if k in ("gif", "video")]
    if moving and len(post.media) > 1:
        yield Problem(
            f"a post with a {moving[0]} can have nothing else attached ({len(post.media)} files here)",
            fix="attach the GIF or video on its own, and put the photos in a separate post",
            field="media",
        )
    elif len(post.media) > most:
        yield Problem(
            f"{len(post.media)} images are attached; {where}, which takes at most {most} in a post",
            fix=f"choose the best {most}, or split them over a thread of posts",
            field="media",
        )


def _animated(context: Context, path: Path, index: int) -> Iterable[Problem]:
    """An animated GIF, for a leader to watch and confirm."""
    frames = photos.gif_frames(context, path)
    if frames > 1:
        yield Problem(
            f"{path.name} is an animated GIF ({frames} frames): a leader must watch it and confirm it",
            fix="a leader watches it to the end, then adds to the post `allow:` with `- rule: media-limits` "
                "and a `reason:` saying what it shows; or attach a still photo instead",
            field=f"media.{index}.file",
        )


def _limits(account: Account) -> tuple:
    """The account's platform's limits (its own server's, on Mastodon) in the shape of ``LIMITS``."""
    found, _ = platforms.account_limits(account)
    return found.images, found.image_bytes, found.gif_bytes, found.video_bytes, found.heic


def _one(path: Path, what: str, index: int, where: str, limits: tuple) -> Iterable[Problem]:
    image_bytes, gif_bytes, video_bytes, heic = limits
    field = f"media.{index}.file"
    if what == "heic" and not heic:
        yield Problem(
            f"{path.name} is an iPhone HEIC photo; {where}, which does not accept them",
            fix="save it as a JPG (on an iPhone: Settings → Camera → Formats → Most Compatible; or export it as "
                "JPEG) and attach that",
            field=field,
        )
        return
    if what == "unknown":
        yield Problem(
            f"{path.name} is not a picture or video postplan recognises",
            fix="attach a JPG, PNG, GIF or WEBP image, or an MP4 video",
            field=field,
        )
        return
    limit = {"image": image_bytes, "gif": gif_bytes, "video": video_bytes, "heic": image_bytes}[what]
    size = path.stat().st_size
    if size > limit:
        yield Problem(
            f"{path.name} is {size / MB:.1f} MB; {where}, which takes {what}s up to {limit / MB:.0f} MB",
            fix="make it smaller (resize the photo to about 2000 pixels wide, or save it at a lower quality)",
            field=field,
        )
