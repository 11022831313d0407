"""A photo that records where it was taken (GPS in its EXIF or XMP data).

Phones write the exact place a photo was taken into the file: a picture taken at home, or of a child
on a trip, can tell a stranger where they are. Remove it before posting:
``postplan media strip content/media/2027/relay.jpg`` rewrites the file without its hidden details,
the right way up.

Passes: a photo with no location.

Fails: a photo straight from a phone with location services on.
"""

from collections.abc import Iterable

from postplan import photos
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "media-location"
SEVERITY = Severity.ERROR
SUMMARY = "No GPS location hidden in photos."
POLICY = (
    "Geolocation / Geotagging — the use of location data in Tweets to tell Twitter and your followers where "
    "you are in real time; children could be identified and placed at risk of harm."
)


def check(post: Post, context: Context) -> Iterable[Problem]:
    for index, media in enumerate(post.media):
        found = photos.attachment(context, media.file)
        if found is not None and found.kind in ("image", "gif", "heic"):
            where = context.once((ID, media.file), lambda: photos.location(found.path))
            if where:
                yield Problem(
                    f"{media.file} records where it was taken (GPS in its {where} data)",
                    fix=f"run `postplan media strip content/{media.file}` and commit the file again",
                    field=f"media.{index}.file",
                )
