"""What the personal-details rules share: phone numbers and email addresses however they are written,
the school's own details, and the dates and times that must not be mistaken for them.

Not a rule (it has no ``ID``). Every pattern is compiled once; each finder starts with a cheap test
(enough digits, an "@" or the word "at") so that the many posts with no contact detail cost little.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from postplan import lazyre
from postplan.rules.text import EMAIL, words

# --- dates, times and prices: numbers that are not phone numbers ----------------------------------

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# "26th June", "12–14 May", "June 26", "26/06/2027": a date in the calendar, with or without a year.
DATE = lazyre.compile(
    rf"\b{DAY_NUMBER}(?:\s*(?:-|–|to|and)\s*{DAY_NUMBER})?\s+(?:of\s+)?{MONTH}\b|\b{MONTH}\s+{DAY_NUMBER}\b"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b",
    re.IGNORECASE,
)
TIME = lazyre.compile(
    r"(?<![£$€\d.,])\b(?:(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:am|pm)?|(?:1[0-2]|0?[1-9])\s*(?:am|pm))\b"
    r"|\bnoon\b|\bmidday\b"
    # An hour alone after "at", "from" or "until", where a sentence's clause ends: "walk from the gates at 10, picnic…".
    r"|\b(?:at|from|until|till)\s+(?:1[0-2]|[1-9])(?=\s*(?:[,.!;)]|and\b|sharp\b|o['’]?clock\b|$))",
    re.IGNORECASE,
)
_PRICE = lazyre.compile(r"[£$€]\s?\d[\d,]*(?:\.\d+)?|\b\d+(?:\.\d+)?\s?(?:p|k|km|m|kg|g|ml|mph|%)\b", re.IGNORECASE)


def blank(text: str, *patterns: re.Pattern[str]) -> str:
    """The text with every match of the patterns replaced by spaces (so positions are kept)."""
    for pattern in patterns:
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


# --- phone numbers ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Found:
    """A contact detail found in a text: what it is (for comparing), where it starts, as written."""

    value: str
    start: int
    written: str


_DIGIT_TABLE = str.maketrans("", "", "0123456789")
_RUN = lazyre.compile(r"\d+")
_GAP = lazyre.compile(r"[ \t\n.()\-–]{1,3}|\s*\(0\)\s*")  # what may stand between the groups of one number
# Six digits close together (with at most a gap like _GAP between any two): every number found has them,
# so a text of scores, prices and years ("won 3-1", "£4.50", "2027") is done with after one search.
# A book's number, which starts 978 or 979 and has thirteen digits ("978-0-14-131235-2").
_ISBN = lazyre.compile(r"\b97[89](?:[-\s]?\d){9}[-\s]?[\dX]\b")
_CLOSE_DIGITS = lazyre.compile(r"\d(?:(?:[ \t\n.()\-–]{1,3}|\s*\(0\)\s*)?\d){5}")
# Words just before a number that make it a reference, not a phone number ("Order no. 0123 456 7890").
_REFERENCE = lazyre.compile(
    r"\b(?:ref(?:erence)?|order|invoice|account|acc(?:oun)?t|booking|ticket|membership|policy|case|charity|"
    r"company|registration|reg|urn|ukprn|dfe|laestab|sort code|transaction|receipt|barcode|isbn|serial|"
    r"tracking|parcel|upn|candidate|centre)\b\.?\s*(?:no\.?|number|num|ref(?:erence)?|id|#)?\s*[:#.-]?\s*$",
    re.IGNORECASE,
)
_CALL = lazyre.compile(
    r"\b(?:call|ring|phone|text|tel|telephone|mobile|whatsapp|line)\b\W{0,3}$", re.IGNORECASE)
# A short local number ("ring Jo on 712345") counts only after one of these words.
_LOCAL = lazyre.compile(
    r"\b(?:call|ring|phone|text|tel|telephone|mobile|whatsapp)\b(?:\s+[\w'’]+){0,3}?\s+(?:on\s+|:\s*)?"
    r"(\d{3}\s?\d{3,4}|\d{6,8})(?![\d:.]?\d)",
    re.IGNORECASE,
)
MIN_DIGITS = 6  # fewer digits than this in a whole text cannot hold a phone number


def phone_numbers(text: str) -> list[Found]:
    """The phone numbers in a text however they are spaced or punctuated ("07700-900-123",
    "+44 (0)1736 360444", "(01736) 360444") or spelled ("oh seven seven double oh…"), each as its
    digits (UK numbers in national form, "07700900123")."""
    found: list[Found] = []
    if len(text) - len(text.translate(_DIGIT_TABLE)) >= MIN_DIGITS and _CLOSE_DIGITS.search(text):
        found += _digit_numbers(text)
    if _could_spell_a_number(text):
        found += _spelled_numbers(text)
    return found


def _digit_numbers(text: str) -> list[Found]:
    clean = blank(text, DATE, TIME, _PRICE, _ISBN)
    found = []
    for group in _groups(clean):
        found += _numbers_in(clean, group)
    for match in _LOCAL.finditer(clean):
        if not any(f.start <= match.start(1) < f.start + len(f.written) for f in found):
            found.append(Found(re.sub(r"\D", "", match.group(1)), match.start(1), match.group(1)))
    return found


def _groups(text: str) -> list[list[re.Match[str]]]:
    """Runs of digits that stand close together, as one number's groups do."""
    groups: list[list[re.Match[str]]] = []
    for run in _RUN.finditer(text):
        last = groups[-1][-1] if groups else None
        if last is not None and _GAP.fullmatch(text, last.end(), run.start()):
            groups[-1].append(run)
        else:
            groups.append([run])
    return [group for group in groups if sum(len(run.group()) for run in group) >= 9]


def _numbers_in(text: str, group: list[re.Match[str]]) -> list[Found]:
    """The UK (or international, "+33 …") numbers among a group of digit runs, one after another: from
    each run, the longest number its runs make."""
    found, index = [], 0
    while index < len(group):
        start = group[index].start()
        international = text[max(0, start - 1):start] == "+" or group[index].group().startswith("00")
        best, digits = None, ""
        for end in range(index, len(group)):
            digits += group[end].group()
            if len(digits) > 15:
                break
            number = _national(digits, international)
            if number:
                best = (number, end)
        if best is None:
            index += 1
            continue
        number, last = best
        begin = start - 1 if text[max(0, start - 1):start] == "+" else start
        if _REFERENCE.search(text, max(0, begin - 30), begin) is None or _CALL.search(text, max(0, begin - 12), begin):
            found.append(Found(number, begin, text[begin:group[last].end()]))
        index = last + 1
    return found


def _national(digits: str, international: bool) -> str | None:
    """A UK number in national form (0 and 9 or 10 digits) or an international one, or None."""
    if digits.startswith("00"):
        digits = digits[2:]
    if international or digits.startswith("44") and len(digits) >= 12:
        if digits.startswith("44"):
            rest = digits[2:].removeprefix("0")
            digits = "0" + rest
        else:
            return _international(digits)
    if not digits.startswith("0") or len(digits) not in (10, 11) or digits[1] not in "123578":
        return None
    if digits[1] in "237" and len(digits) != 11:
        return None  # mobiles, London and non-geographic numbers all have eleven digits
    return digits


def _international(digits: str) -> str | None:
    import phonenumbers

    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return None
    return "+" + digits if phonenumbers.is_possible_number(number) else None


_NUMBER_WORDS = {"oh": "0", "o": "0", "zero": "0", "nought": "0", "nil": "0", "one": "1", "two": "2",
                 "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_REPEAT = {"double": 2, "triple": 3, "treble": 3}
_HUNDREDS = {"hundred": "00", "thousand": "000"}
_TOKEN = lazyre.compile(r"[a-z]+|\d+", re.IGNORECASE)


def _could_spell_a_number(text: str) -> bool:
    present = words(text)
    return ("oh" in present or "zero" in present or "nought" in present or "0" in present) and \
        len(present & _NUMBER_WORDS.keys()) + len(present & _REPEAT.keys()) >= 3


def _spelled_numbers(text: str) -> list[Found]:
    """Numbers written (partly) in words, as people say them: "oh seven seven double oh nine…"."""
    found: list[Found] = []
    digits, start, end, repeat = "", 0, 0, 1
    for token in [*_TOKEN.finditer(text), None]:
        word = token.group().lower() if token else ""
        if word in _REPEAT:
            repeat = _REPEAT[word]
            start, end = (token.start() if not digits else start), token.end()
            continue
        if word in _HUNDREDS and digits:  # "nine hundred" is said for 900
            digits, end = digits + _HUNDREDS[word], token.end()
            continue
        value = _NUMBER_WORDS.get(word, word if word.isdigit() else None)
        if value is not None and token is not None:
            start = token.start() if not digits and repeat == 1 else start
            digits, end, repeat = digits + value * repeat, token.end(), 1
            continue
        number = _national(digits, False) if len(digits) >= 10 else None
        if number and any(char.isalpha() for char in text[start:end]):
            found.append(Found(number, start, text[start:end]))
        digits, repeat = "", 1
    return found


def organisation_number(digits: str) -> bool:
    """A freephone, national-rate or helpline number (0800, 0808, 03…, 116 …): an organisation's, never a
    family's (people have mobiles, 07…, and landlines, 01… and 02…)."""
    return digits.startswith(("080", "03", "0845", "0844", "0870", "0871", "116"))


@lru_cache(maxsize=8)
def own_numbers(details: tuple[str, ...]) -> frozenset[str]:
    """The school's own numbers (``public_details:``), with their last six digits for local forms."""
    numbers = {found.value for detail in details for found in phone_numbers(detail)}
    return frozenset(numbers | {number[-6:] for number in numbers})


def school_line(digits: str, own: frozenset[str]) -> bool:
    """Another line of the school's own switchboard: a landline differing from one of the school's
    numbers only in its last two digits ("01632 960124" beside "01632 960123")."""
    return digits[:2] in ("01", "02") and len(digits) == 11 and any(
        len(number) == 11 and number[:9] == digits[:9] for number in own)


# --- email addresses ------------------------------------------------------------------------------

_TLD = r"(?:com|org|net|uk|co|io|me|info|biz|edu|gov|ie|email|online|cloud|live)"
_AT = (r"(?P<at>\s*[\[({<]\s*at\s*[\])}>]\s*|\s*@\s*|\s+at\s+)")
_DOT = rf"(?:\s*[\[({{<]\s*dot\s*[\])}}>]\s*|\s+dot\s+|\.|\s\.\s(?={_TLD}\b))"  # "northernbuild . co . uk" too
SPELLED_EMAIL = lazyre.compile(
    rf"(?<![\w.+-])(?P<local>[A-Za-z0-9][\w.+-]*){_AT}(?P<domain>[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)*"
    rf"{_DOT}{_TLD})\b",
    re.IGNORECASE,
)
_SPELLED_DOT = lazyre.compile(_DOT, re.IGNORECASE)
# Only a text with a web ending ("… dot com", ".co.uk") can hold an address: most texts are skipped on this.
_TLD_NEAR = lazyre.compile(rf"(?:\.|\bdot\b|[\[({{<]\s*dot\s*[\])}}>])\s*{_TLD}\b", re.IGNORECASE)
_MAIL_PROVIDERS = frozenset("""gmail googlemail hotmail outlook live yahoo icloud me mac aol btinternet btopenworld
sky talktalk virginmedia ntlworld protonmail proton gmx mail tiscali blueyonder""".split())
_EMAIL_CUE = lazyre.compile(r"\b(?:e-?mail\w*|contact|write|send|message|address)\b", re.IGNORECASE)
# Words before " at … dot com" that make it a place on the web, not a person's address ("find us at …").
_NOT_A_MAILBOX = frozenset("""us look online website site visit here found find arrive arrived meet them it this
that be is are was were all everyone home out up back now fun time school page pages us and or""".split())


def email_addresses(text: str) -> list[Found]:
    """Email addresses as written and as people disguise them ("jo.smith at gmail dot com",
    "jo [at] example [dot] org", "jo @ gmail.com"), each as a plain lower-case address."""
    found = []
    if "@" in text:
        found += [Found(m.group().lower(), m.start(), m.group()) for m in EMAIL.finditer(text)]
    if _TLD_NEAR.search(text):
        for match in SPELLED_EMAIL.finditer(text):
            if any(f.start <= match.start() < f.start + len(f.written) for f in found):
                continue
            if _spelled(match, text):
                domain = _SPELLED_DOT.sub(".", match.group("domain")).lower()
                found.append(Found(f"{match.group('local').lower()}@{domain}", match.start(), match.group()))
    return found


def _spelled(match: re.Match[str], text: str) -> bool:
    """Whether a spelled-out address is one: a plain "at" needs more than ``x at y.com`` to be sure."""
    written = match.group("at")
    at, domain, local = written.strip().lower(), match.group("domain").lower(), match.group("local").lower()
    provider = domain.split(".")[0].split(" ")[0]
    if at == "@" and written[:1].isspace() and not written[-1:].isspace():
        return provider in _MAIL_PROVIDERS  # "thanks @bbc.co.uk" is a handle (Bluesky's are domains)
    if at != "at":
        return True  # "jo @ gmail.com", "jo@gmail[dot]com", "[at]", "(at)"
    if local in _NOT_A_MAILBOX:
        return False
    cue = _EMAIL_CUE.search(text, max(0, match.start() - 40), match.start())
    return provider in _MAIL_PROVIDERS or cue is not None or " dot " in domain


@lru_cache(maxsize=8)
def own_domains(website_domains: tuple[str, ...], details: tuple[str, ...]) -> frozenset[str]:
    """The school's own email domains: its website's, and those of addresses in ``public_details:``."""
    domains = {d.lower().removeprefix("www.") for d in website_domains}
    domains |= {f.value.rpartition("@")[2] for detail in details for f in email_addresses(detail)}
    return frozenset(domains)
