"""A photo of recognisable people needs confirmed consent, for everyone in it.

``people: true`` says someone can be recognised in the picture; then ``consent: confirmed`` says the
school has checked its consent forms (which must cover social media) for everyone in it. Without
consent, post a photo of the work, or of hands or the backs of heads. The alt text must agree: a photo
marked ``people: false`` (or with no ``people:``) whose alt text describes children or faces ("Pupils
smiling on the field") shows people whose consent nobody checked. And a photo is not posted with some
children blurred, cropped or covered because they have no consent ("children without consent have
been blurred"): that tells everyone which children they are, and a blur can be undone.

With the school's consent register set (``POSTPLAN_CONSENT``, see the consent guide), the register
decides instead of ``consent:``: a photo of people lists who can be recognised, as staff know them
(``who: [Maya 4B, Tom 4B]``), and each must be in the register, not on its do-not-publish list, with
consent for every channel the post goes to (its account's platform and the school website) on the day
it goes out. No one in the photo is named in the post's text, alt text or file name.

Passes: ``people: true`` with ``consent: confirmed``; ``people: false`` with ``alt: Clay pots drying on
a shelf``; ``people: false`` with ``alt: Children's hands planting bulbs``.

Fails: ``people: true`` with no ``consent:``; ``people: true`` with ``consent: pending``; ``people:
false`` with ``alt: Year 2 children smiling in the hall``; ``alt: Our class (children without consent
have been blurred)``.
"""

import datetime as dt
import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.consent import Pupil, Register, channel_name, channels
from postplan.findings import Severity
from postplan.models import Media, Post
from postplan.rules.base import Context, Problem
from postplan.rules.reading import reader_texts, where
from postplan.rules.text import words

ID = "media-consent"
SEVERITY = Severity.ERROR
SUMMARY = "A photo of people needs `consent: confirmed`; its alt text must not show people it says are not there."
POLICY = (
    "Photo consent must be obtained to post photographs of children ... If consent has not been obtained, "
    "the school Twitter account will only post photographs of work and learning."
)

_PERSON = (r"(?:children|child|pupils?|kids?|students?|boys?|girls?|learners?|toddlers?|babies|baby|people|"
           r"faces?|teachers?|staff|parents?|families|family|team|squad|class|choir|cast|everyone|group|"
           r"(?:physio)?therapists?|physios?|nurses?|coach(?:es)?|volunteers?|dancers?|players?|runners?|swimmers?|"
           r"singers?|performers?|gymnasts?|footballers?|athletes?|actors?|"
           r"(?:year|y)\s*\d{1,2}s?|reception(?:\s+class)?|nursery|sixth\s+formers?|year\s+\d{1,2}\s+\w+)")
# Alt text that shows people: a person doing something, or a face.
_SHOWS_PEOPLE = lazyre.compile(
    rf"\b(?:faces?|selfies?|headshots?|(?:class|group|team|school|year)\s+photo(?:graph)?s?|"
    rf"looking\s+at\s+the\s+camera)\b"
    rf"|\b{_PERSON}\b[^.;]{{0,40}}?\b(?:smil(?:e|es|ing)|grinn?(?:ing)?|laugh(?:ing)?|posing)\b"
    rf"|\b(?:smiling|grinning|laughing|happy|beaming)\s+{_PERSON}\b"
    # "Year 3 reading", not a thing of theirs named with an "-ing" word ("a Year 3 handwriting book")
    rf"|(?<!\bno )(?<!\bwithout )\b{_PERSON}\s+(?:(?:are|is|were|was)\s+)?(?:\w+ly\s+)?(?:\w+ing(?!\s+(?:books?|work|displays?|sheets?|folders?|journals?|"
    rf"pages?|walls?|tasks?|homework|competition|certificates?|records?|logs?|diar(?:y|ies))\b)|mid-\w+|in|at|on|with|from|holding|wearing|dressed)\b",
    re.IGNORECASE,
)
# ...but not their work, or hands and backs (what the policy allows without consent).
_NOT_FACES = lazyre.compile(
    r"\b(?:hands?|backs?\s+of|from\s+behind|silhouettes?|feet|shadows?|(?:children|pupils|kids|students)(?:'|’)s?\s+"
    r"(?:\w+\s+)?(?:work|artwork|paintings?|drawings?|models?|writing|books?|poems?|pictures?|(?:self-)?portraits?)"
    r"|(?:child|pupil|class|year\s+\d+)"
    r"(?:'|’)s\s+(?!(?:legs?|arms?|heads?|faces?|shoulders?|body|hair)\b)\w+|faces?\s+(?:painted|made|drawn)\s+(?:from|of|on|in)|pumpkin\s+faces?|clock\s+faces?|"
    r"faces?\s+of\s+(?:the\s+|a\s+|an\s+)?(?:clock|cliff|rock|pumpkin|coin|cube|shape)s?"
    r"|(?:cube|shape|rock|cliff|clock)s?\s+faces?)\b",
    re.IGNORECASE,
)
# "Children without consent have been blurred": a photo edited around the children with no consent.
_NO_CONSENT = lazyre.compile(
    r"\b(?:without|no|not\s+(?:got|given|have|had)|haven(?:'|’)?t\s+(?:got|given)|lack(?:ing)?|missing)\s+"
    r"(?:photo(?:graph)?\s+|media\s+|image\s+|parental\s+)?(?:consent|permission)\b"
    r"|\b(?:consent|permission)\s+(?:is\s+|was\s+)?(?:not\s+(?:given|confirmed|received|obtained)|pending|refused|"
    r"missing)\b"
    r"|\bfaces?\s+(?:have\s+been\s+|has\s+been\s+|are\s+|were\s+)?(?:blurred|pixelated|hidden|covered|cropped|"
    r"obscured|removed|emoji(?:'|’)?d)\b"
    r"|\b(?:blurred|pixelated|cropped\s+out|hidden|covered)\s+(?:out\s+)?(?:their\s+|some\s+|the\s+)?faces?\b",
    re.IGNORECASE,
)
# An alt text without one of these words cannot describe people (most photos of work are skipped here).
_PEOPLE_WORDS = frozenset("""face faces smile smiles smiling grin grinning laugh laughing posing portrait
portraits selfie selfies headshot headshots photo photograph photos photographs camera children child pupil pupils
kid kids student students boy boys girl girls learner learners toddler toddlers babies baby people teacher teachers
staff parent parents families family team squad class choir cast everyone group year y1 y2 y3 y4 y5 y6 y7 y8 y9
y10 y11 y12 y13 reception nursery sixth happy beaming physiotherapist physiotherapists therapist therapists physio
physios nurse nurses coach coaches volunteer volunteers dancers players runners swimmers singers performers gymnasts
footballers athletes actors""".split())
_CONSENT_WORDS = frozenset("consent permission blurred pixelated hidden covered cropped obscured removed".split())


def check(post: Post, context: Context) -> Iterable[Problem]:
    for index, media in enumerate(post.media):
        if context.consent is not None and (media.people or media.who):
            # once out, `postplan consent audit` watches it; once taken down, nothing of it is shown or sent
            if context.ledger.get(post.id) not in ("published", "taken-down"):
                yield from _registered(post, media, index, context)
        elif media.people and media.consent != "confirmed":
            state = f"consent is '{media.consent}'" if media.consent else "consent is not recorded"
            yield Problem(
                f"{media.file} shows people but {state}",
                fix="check the consent forms of everyone in the photo, then add `consent: confirmed`; without "
                    "consent, use a photo of the work (or of hands, or the backs of heads)",
                field=f"media.{index}.consent" if media.consent else f"media.{index}.people",
            )
        elif not media.people:
            yield from _people_in_alt(media, index)
    if post.media:
        yield from _edited_for_consent(post)
    if context.consent is not None:
        yield from _named(post, context.consent)


def _registered(post: Post, media: Media, index: int, context: Context) -> Iterable[Problem]:
    """With a consent register, the register decides (not ``consent:``): everyone listed, on every channel."""
    if not media.who:
        yield Problem(f"{media.file} shows people but does not say who: the consent register cannot be checked",
                      fix="list everyone who can be recognised, first name and class: `who: [Maya 4B, Tom 4B]`",
                      field=f"media.{index}.people")
        return
    where_to = channels(post, context.repository.settings)
    day = post.publish_at.date()
    for number, written in enumerate(media.who):
        found = context.consent.find(written)
        problem = _consent_problem(written, found, context.consent, where_to, day)
        if problem:
            yield Problem(f"{media.file}: {problem[0]}", fix=problem[1], field=f"media.{index}.who.{number}")


def _consent_problem(written: str, found: list[Pupil], register: Register, where_to: tuple[str, ...],
                     day: dt.date) -> tuple[str, str] | None:
    """What stops this pupil appearing (message, fix), or None when the register allows every channel."""
    if not found:
        near = register.nearest(written)
        return (f"'{written}' is not in the consent register",
                f"did you mean {' or '.join(near)}?" if near
                else "write the first name and class as the register has them")
    if len(found) > 1:
        return (f"'{written}' matches {len(found)} pupils in the consent register",
                "add the first letter of the surname: `Maya P 4B`")
    pupil = found[0]
    if pupil.do_not_publish:
        return (f"'{written}' is on the do-not-publish list: never in a photo, on any channel",
                "choose a photo without this pupil; speak to the designated safeguarding lead")
    if pupil.until is not None and day > pupil.until:
        return (f"the consent of '{written}' ended on {pupil.until:%d/%m/%Y}, before this post goes out",
                "ask the office for renewed consent, or choose a photo without this pupil")
    refused = [channel for channel in where_to if not pupil.allows(channel, day)]
    if refused:
        return (f"'{written}' has no consent for {' or '.join(map(channel_name, refused))}",
                "choose a photo without this pupil, or a photo of the work")
    return None


def _named(post: Post, register: Register) -> Iterable[Problem]:
    """A pupil in a photo is never named with it: in the text, the alt text or the file name."""
    firsts = {pupil.first.casefold() for media in post.media for written in media.who
              for pupil in register.find(written)}
    if not firsts:
        return
    for text in reader_texts(post):
        for word in re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text.value):
            capitalised = word.group()[0].isupper() or text.kind == "file name"  # "we may" is not May
            if capitalised and word.group().casefold() in firsts:
                yield Problem(
                    f"'{word.group()}'{where(text)} names a pupil who is in the photo",
                    fix="never name a pupil in a photo: take the name out (or choose a photo without them)",
                    line=text.line_at(word.start()))


def _people_in_alt(media: Media, index: int) -> Iterable[Problem]:
    if not media.alt or words(media.alt).isdisjoint(_PEOPLE_WORDS) or _NOT_FACES.search(media.alt):
        return
    shown = _SHOWS_PEOPLE.search(media.alt)
    if shown:
        yield Problem(
            f"the alt text of {media.file} describes people ('{shown.group()}'), but the photo is marked "
            "without people",
            fix="if anyone can be recognised, write `people: true` and check everyone's consent (then "
                "`consent: confirmed`); otherwise use a photo of the work, or of hands or the backs of heads",
            field=f"media.{index}.alt",
        )


def _edited_for_consent(post: Post) -> Iterable[Problem]:
    for text in reader_texts(post):
        if text.kind == "file name" or words(text.value).isdisjoint(_CONSENT_WORDS):
            continue
        match = _NO_CONSENT.search(text.value)
        if match:
            yield Problem(
                f"'{match.group()}'{where(text)}: a photo is not posted with children blurred, cropped or covered "
                "for want of consent",
                fix="choose a photo with only children whose consent is confirmed, or a photo of the work; a "
                    "blurred face still tells everyone who has no consent",
                line=text.line_at(match.start()),
            )
