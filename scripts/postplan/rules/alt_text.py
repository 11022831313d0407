"""Every image needs alt text: a description for people who cannot see it (at most 1,000 characters on X).

Screen readers read the alt text aloud; without it a blind parent hears only "image". Describe what
matters in the picture, not who is in it ("Children in the relay race on the school field", not names).
Alt text that says nothing counts as none: a file name ("IMG_2041.jpg"), a placeholder ("image",
"photo", "pic", "TBC", "alt text"), or words with nothing in them ("a photo", "image of").

Passes: ``alt: Pupils running the relay on the school field``; ``alt: Sunflowers``.

Fails: an image with no ``alt:``; ``alt: ""``; ``alt: IMG_2041.jpg``; ``alt: photo``; ``alt: A picture``;
an alt text of 1,200 characters on X.
"""

import re
from collections.abc import Iterable

from postplan import lazyre, platforms
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "alt-text"
SEVERITY = Severity.ERROR
PER_ACCOUNT = True  # checked for each account the post goes to
SUMMARY = "Every image has alt text (X: up to 1,000 characters)."
POLICY = "Platform limit and accessibility: alt text up to 1,000 characters on X (1,500 Mastodon, 2,000 Bluesky)."


# A camera's or phone's file name, or any name with a picture's extension.
_FILE_NAME = lazyre.compile(
    r"^\s*(?:\S+\.(?:jpe?g|png|gif|webp|heic|heif|mp4|mov|bmp|tiff?)|(?:IMG|DSC|DSCN|DCIM|PXL|MVIMG|VID|GOPR)"
    r"[\s_-]*\d[\w-]*|(?:screenshot|whatsapp image|photo|image)[\s_-]+\d{4}-\d\d-\d\d\S*(?:\s+at\s+\S+)?)\s*$",
    re.IGNORECASE,
)
# Words that describe nothing: an alt text made only of these is a placeholder ("a photo", "image 1").
_EMPTY_WORDS = frozenset("""a an the this that of our here is image images photo photos picture pictures pic pics
img photograph photographs snap snaps alt text description describe tbc tba tbd todo placeholder untitled
caption none null na n/a xxx xx x see below above attached attachment file media one two three 1 2 3 4
please add insert""".split())
_WORD = lazyre.compile(r"[\w/]+")


def check(post: Post, context: Context) -> Iterable[Problem]:
    account = context.repository.settings.accounts.get(post.account)
    found = platforms.account_limits(account)[0] if account else platforms.limits("x")
    limit, where = found.alt_length, f"account '{post.account}' is on {found.name}"
    for index, media in enumerate(post.media):
        if not media.alt:
            yield Problem(
                f"{media.file} has no alt text",
                fix="add `alt:` under the file with a short description of the picture, for people who cannot "
                    "see it (no children's names)",
                field=f"media.{index}",
            )
        elif _says_nothing(media.alt):
            yield Problem(
                f"the alt text of {media.file} ('{media.alt}') does not describe the picture",
                fix="write what is in the picture in a short sentence, for people who cannot see it (\"Reception "
                    "children planting bulbs in the school garden\"; no children's names)",
                field=f"media.{index}.alt",
            )
        elif len(media.alt) > limit:
            yield Problem(
                f"the alt text of {media.file} is {len(media.alt)} characters; {where}, where the limit is {limit}",
                fix=f"shorten it by {len(media.alt) - limit} characters: describe what matters in the picture",
                field=f"media.{index}.alt",
            )


def _says_nothing(alt: str) -> bool:
    """Whether an alt text is a file name or only placeholder words ("photo", "IMG_2041.jpg", "TBC")."""
    if _FILE_NAME.match(alt):
        return True
    said = _WORD.findall(alt.lower())
    return not said or all(word in _EMPTY_WORDS for word in said)
