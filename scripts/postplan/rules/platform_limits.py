"""What the account's platform can post at all: polls, threads, videos and replies to earlier posts.

X and Mastodon have polls; Bluesky and Facebook Pages do not (the Graph API has no Page polls). A
Facebook Page post is one post, never a thread: it can be long (63,206 characters), so join the parts.
Replying to an earlier post (``reply_to:``) works on X and Mastodon, whose links end in the post's id.
postplan sends videos to Mastodon only; elsewhere it sends pictures. On Bluesky it re-encodes pictures
to fit its 1 MB limit, which keeps only the first frame of an animated GIF: an error there.
Each message names the account and its platform, so a school with several accounts sees which one.

Passes: a poll on an X or Mastodon account; a thread on Bluesky; a long single post on Facebook.

Fails: a poll on a Bluesky or Facebook account; a poll with a photo on Mastodon; a thread (a ``---``
line) on a Facebook Page; ``reply_to:`` on Bluesky; an MP4 video on X; an animated GIF on Bluesky.
"""

from collections.abc import Iterable

from postplan import photos, platforms
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "platform-limits"
SEVERITY = Severity.ERROR
PER_ACCOUNT = True  # checked for each account the post goes to
SUMMARY = "A post uses only what postplan can post on its account's platform (polls, threads, videos, replies)."
POLICY = "Platform limit: polls on X and Mastodon only; a Facebook Page post is a single post, not a thread."

REPLIES = ("x", "mastodon")  # platforms whose post links end in the id postplan replies to
VIDEOS = ("mastodon",)  # platforms postplan sends a video to (elsewhere it sends pictures only)
STILL_ONLY = ("bluesky",)  # pictures re-encoded to fit the platform (Bluesky's 1 MB blobs): a GIF stops moving


def check(post: Post, context: Context) -> Iterable[Problem]:
    account = context.repository.settings.accounts.get(post.account)
    if account is None:
        return  # reported by unknown-account
    limits = platforms.limits(account.platform)
    where = f"account '{post.account}' is on {limits.name}"
    if post.poll and not limits.polls:
        yield Problem(f"{where}, which has no polls",
                      fix="remove `poll:` (ask in the text instead), or post the poll from an account on X or Mastodon",
                      field="poll")
    if post.poll and post.media and account.platform == "mastodon":
        yield Problem(f"{where}, where a post with a poll cannot also have pictures",
                      fix="post the picture separately, or remove `media:`", field="poll")
    if post.is_thread and not limits.threads:
        yield Problem(f"{where}, where a post is one post, not a thread",
                      fix="join the parts into one post (remove the --- lines): a Page post can be long",
                      line=post.parts[1].line)
    for index, media in enumerate(post.media):
        found = photos.attachment(context, media.file)
        if found is not None and found.kind == "video" and account.platform not in VIDEOS:
            yield Problem(f"{where}: postplan sends only pictures there, and {found.path.name} is a video",
                          fix="post the video from the platform's own app, or attach a picture instead",
                          field=f"media.{index}.file")
        elif found is not None and found.kind == "gif" and account.platform in STILL_ONLY and \
                photos.gif_frames(context, found.path) > 1:
            yield Problem(f"{where}: postplan sends pictures there as still images, so only the first frame of "
                          f"the animated GIF {found.path.name} would be posted",
                          fix="attach a still photo instead, or post the GIF from the platform's own app",
                          field=f"media.{index}.file")
    if post.reply_to and account.platform not in REPLIES:
        yield Problem(f"{where}: postplan can reply to an earlier post only on X and Mastodon",
                      fix="remove `reply_to:`, and mention the earlier post in the text", field="reply_to")
