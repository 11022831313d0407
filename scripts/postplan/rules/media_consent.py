"""A photo of recognisable people needs confirmed consent.

``people: true`` says someone can be recognised in the picture; then ``consent: confirmed`` says the
school has checked its consent forms (which must cover social media) for everyone in it. Without
consent, post a photo of the work, or of hands or the backs of heads.

Passes: ``people: true`` with ``consent: confirmed``; ``people: false`` (a photo of artwork).

Fails: ``people: true`` with no ``consent:``; ``people: true`` with ``consent: pending``.
"""

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem

ID = "media-consent"
SEVERITY = Severity.ERROR
SUMMARY = "A photo of people needs `consent: confirmed`."
POLICY = (
    "Photo consent must be obtained to post photographs of children ... If consent has not been obtained, "
    "the school Twitter account will only post photographs of work and learning."
)


def check(post: Post, context: Context) -> Iterable[Problem]:
    for index, media in enumerate(post.media):
        if media.people and media.consent != "confirmed":
            state = f"consent is '{media.consent}'" if media.consent else "consent is not recorded"
            yield Problem(
                f"{media.file} shows people but {state}",
                fix="check the consent forms of everyone in the photo, then add `consent: confirmed`; without "
                    "consent, use a photo of the work (or of hands, or the backs of heads)",
                field=f"media.{index}.consent" if media.consent else f"media.{index}.people",
            )
