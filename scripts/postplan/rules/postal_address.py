"""A home address or postcode in a post, unless it is the school's.

A home address in a public post tells a stranger where a child lives. Every text a reader sees is read
for a full postcode ("TR18 4AB"), a partial one where it says where someone is ("near TR18", "lives in TR18", "TR18 4"),
a house number and street ("12 Chapel Street"), a house name on a road ("Rose Cottage, Mill Lane") and
someone living on a named street ("she lives on Mill Lane"). The school's own address may be given:
add it, or its postcode, to ``public_details:`` in mkdocs.yml. Places people visit are not addresses.

Passes: "Year 6 visited the museum in Truro."; "Owen's Animals came in today"; "Year 6 Nature Walk";
"Coffee morning at Mill Lane Community Centre"; a post giving the school's postcode when it is in
``public_details``.

Fails: "Lost cat found near TR18 4AB"; "Party at 12 Chapel Street tonight"; "Found at Rose Cottage,
Mill Lane"; "anyone near TR18 who can help?".
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.reading import reader_texts, where
from postplan.rules.text import has_digit, prose, words

ID = "postal-address"
SEVERITY = Severity.ERROR
SUMMARY = "No home addresses or postcodes, except the school's own."
POLICY = "Learners do not share personal information (e.g. full name on a noticeboard, address on a driving licence)."

# The UK's postcode areas: a partial postcode counts only with one of these (so "KS2" and "A30" do not).
_AREAS = (
    "AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|CA|CB|CF|CH|CM|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DY|EC|EH|EN|EX|FK|FY|GL|"
    "GU|GY|HA|HD|HG|HP|HR|HS|HU|HX|IG|IM|IP|IV|JE|KA|KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|ME|MK|ML|NE|NG|NN|NP|NR|NW|"
    "OL|OX|PA|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|SS|ST|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|"
    "WC|WD|WF|WN|WR|WS|WV|YO|ZE"
)
POSTCODE = lazyre.compile(r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b")
_PARTIAL = lazyre.compile(
    rf"\b(?:near|around|postcode|living in|lives in|live in)\s+(?:the\s+)?(?:{_AREAS})\d{{1,2}}\b(?!-)"
    rf"|\b(?:{_AREAS})\d{{1,2}} \d\b(?![\d:.])"
)
_STREET_TYPES = (r"(?:Street|St|Road|Rd|Lane|Avenue|Ave|Close|Drive|Way|Crescent|Terrace|Gardens|Place|Court|Grove|"
                 r"Row|Mews|Square|Parade|Walk|Hill|Rise|View|Meadow|Meadows|Park|Green|Estate)")
# German, Dutch and Flemish streets, the number after the name: "Lindenstraße 8", "Boezingestraat 22".
_GERMAN_STREETS = ("straße", "strasse", "gasse", "weg", "platz", "straat", "laan", "plein", "gracht")
# Streets abroad, the word before the name: "12 Rue des Tanneurs", "4 Calle de la Paz", "112 Route de la Combe".
_ABROAD_STREETS = ("Rue", "Route", "Avenue", "Boulevard", "Bd", "Calle", "Avenida", "Via", "Viale", "Rua", "Chemin",
                   "Allée", "Allee", "Impasse", "Place", "Plaza", "Piazza", "Strada")
_STREET = lazyre.compile(rf"\b\d{{1,3}}[a-dA-D]?,?\s+(?:[A-Z][a-z'’]+\s+){{1,3}}{_STREET_TYPES}\b"
                         # an exchange family's street abroad
                         r"|\b\d{1,3}[a-dA-D]?,?\s+(?:" + "|".join(_ABROAD_STREETS) + r")\s+"
                         r"(?:(?:de|des|du|la|le|les|del|della|di|da|do|dos)\s+){0,2}"
                         r"[A-Z][\w'’-]+|\b[A-Z][a-zäöü]+(?:" + "|".join(_GERMAN_STREETS) + r")\s+\d{1,3}[a-d]?\b"
                         # the number after the name, as Spain and Italy write it: "Calle de la Reina 14"
                         r"|\b(?:" + "|".join(_ABROAD_STREETS) + r")\s+(?:(?:de|des|du|la|le|les|del|della|di|da|do|dos)\s+){0,2}"
                         r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2},?\s+\d{1,3}[a-dA-D]?\b(?!\s*(?:%|am|pm|:|\.\d))")
# "Year 6 Nature Walk", "Class 3 Woodland Way": a number after these words is not a house number.
_NOT_HOUSE = lazyre.compile(
    r"\b(?:year|years|y|class|room|group|set|team|stage|level|day|week|term|under|u|top|page|chapter|book|"
    r"unit|step|gate|bus|route|platform|pitch|court|ks|no|number|the|our|out of|over|for|and)\s*$",
    re.IGNORECASE,
)
_HOUSE_NAME = lazyre.compile(
    rf"\b(?:The\s+)?(?:[A-Z][a-z'’]+\s+){{0,2}}(?:Cottage|Cottages|House|Farm|Farmhouse|Barn|Bungalow|Villa|"
    rf"Rectory|Vicarage|Croft|Lodge)\s*,\s*(?:[A-Z][a-z'’]+\s+){{1,3}}{_STREET_TYPES}\b"
)
# "lives on Mill Lane", "lives just round the corner on Mill Lane", "living right next to Park Road".
_LIVES_ON = lazyre.compile(
    rf"\b(?:lives?|living|lived)(?:\s+[a-z]+){{0,5}}?\s+(?:at|on|in|off|near|opposite|by|next\s+to)\s+"
    rf"(?:[A-Z][a-z'’]+\s+){{1,3}}{_STREET_TYPES}\b"
)
_CODE_LIKE = lazyre.compile(r"[A-Z]\d")  # every postcode, whole or partial, has a capital then a digit
_STREET_WORDS = frozenset(_STREET_TYPES.strip("(?:)").lower().split("|")) | {street.lower() for street in _ABROAD_STREETS}
_CUES = frozenset("cottage cottages house farm farmhouse barn bungalow villa rectory vicarage croft lodge lives live "
                  "living lived".split())


def check(post: Post, context: Context) -> Iterable[Problem]:
    own = _own(tuple(context.repository.settings.public_details))
    for text in reader_texts(post):
        value = text.value
        if not has_digit(value) and _CUES.isdisjoint(words(value)):
            continue
        for match, what in _addresses(prose(value)):
            squashed = _squash(match.group())
            if any(squashed in detail for detail in own):
                continue
            yield Problem(
                f"'{match.group().strip()}' looks like {what}{where(text)}",
                fix="take the address out; to give the school's own address, add it to `public_details:` "
                    "in mkdocs.yml",
                line=text.line_at(match.start()),
            )


def _addresses(text: str) -> Iterable[tuple[re.Match[str], str]]:
    present = words(text)
    if _CODE_LIKE.search(text):
        yield from _postcodes(text)
    if not present.isdisjoint(_STREET_WORDS) or any(word.endswith(_GERMAN_STREETS) for word in present):
        for match in _STREET.finditer(text):
            if not _NOT_HOUSE.search(text, max(0, match.start() - 12), match.start()):
                yield match, "a street address"
        if not present.isdisjoint(_CUES):
            for pattern in (_HOUSE_NAME, _LIVES_ON):
                for match in pattern.finditer(text):
                    yield match, "a home address"


def _postcodes(text: str) -> Iterable[tuple[re.Match[str], str]]:
    for match in POSTCODE.finditer(text):
        yield match, "a postcode"
    full = [m.span() for m in POSTCODE.finditer(text)]
    for match in _PARTIAL.finditer(text):
        if not any(start <= match.end() - 1 < end for start, end in full):
            yield match, "a partial postcode"


@lru_cache(maxsize=8)
def _own(public_details: tuple[str, ...]) -> tuple[str, ...]:
    """The school's own addresses and postcodes (``public_details:``), squashed for comparing."""
    return tuple(_squash(detail) for detail in public_details)


def _squash(text: str) -> str:
    return re.sub(r"[\s,]+", "", text).lower()
