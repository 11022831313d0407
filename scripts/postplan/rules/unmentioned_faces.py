"""A photo marked without people (or with nobody listed) in which a face detector finds faces.

The author may not have noticed a child in the background, or thought "people" meant "pupils posing".
A face detector looks at every picture said to show nobody: ``people: false`` (or no ``people:``), or
``people: true`` with an empty ``who:`` while the school's consent register is set. It can be wrong
both ways (a face on a poster, a child turned away), so this is a warning to look again, not an error.
The detector's answer is remembered by the picture's bytes in ``.cache/``, so each photo is looked at
once.

Passes: ``people: false`` on a photo of clay pots; ``people: true`` with ``consent: confirmed`` on a
class photo (media-consent checks it).

Fails: ``people: false`` on a photo in which a child's face can be seen.
"""

from collections.abc import Iterable

from postplan import faces, photos
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "unmentioned-faces"
SEVERITY = Severity.WARNING
SUMMARY = "A photo said to show nobody in which faces can be seen: look again, and say who is in it."
POLICY = (
    "Photo consent must be obtained to post photographs of children ... If consent has not been obtained, "
    "the school Twitter account will only post photographs of work and learning."
)


def check(post: Post, context: Context) -> Iterable[Problem]:
    for index, media in enumerate(post.media):
        if media.people and (context.consent is None or media.who):
            continue  # people are declared: media-consent checks their consent
        found = photos.attachment(context, media.file)
        if found is None or found.kind != "image":
            continue
        people = f"media.{index}.people"
        count = context.once((ID, media.file), lambda: faces.faces_in(found.path, context.root))
        if count:
            yield Problem(
                f"{media.file} is marked without people, but a face can be seen in it",
                fix="look at the photo again: if anyone can be recognised, write `people: true` and who they are "
                    "(`who: [Maya 4B]`, or `consent: confirmed` once checked); otherwise choose a photo of the "
                    "work, or of hands or the backs of heads",
                field=people if people in post.source.lines else f"media.{index}.file",
            )
