"""A date of birth, or a child's age and birthday, in a post.

A date of birth is what identity thieves and strangers look for. "Happy 7th birthday" on the day says
a child's date of birth as clearly as writing it, and so does a named child's birthday. Every text a
reader sees is read, and dates count in words too ("born on the third of May 2019", "her birthday is
3rd May", "turns seven on Friday"). A birth long ago (a year more than 19 years back) is history, not
a pupil's, and so are the birthdays of well-known people and of the school.

Passes: "Happy 150th birthday to our school!"; "We learned about the birth of Jesus."; "Shakespeare
was born in 1564."; "The school was founded on 3 May 1875."

Fails: "Maya (DOB 03/05/2019)"; "born on 12 March 2019"; "Happy 8th birthday to our star reader!";
"Her birthday is the third of May"; "Maya turns 7 on Friday"; "Happy birthday Maya!".
"""

import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.identifiable import sentences
from postplan.rules.personal import DAY_NUMBER, MONTH
from postplan.rules.reading import reader_texts, where
from postplan.rules.names import find_names, mentions_not_pupil, names_for
from postplan.rules.text import prose, words

ID = "birth-date"
SEVERITY = Severity.ERROR
SUMMARY = "No dates of birth (or a child's age on their birthday)."
POLICY = "Learners do not share personal information; children's names will not appear alongside other identifying information."

_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
_ORDINAL = (r"(?:(?:twenty|thirty)[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|"
            r"thirtieth|" + "|".join(_ORDINALS) + ")")
_DAY = rf"(?:{DAY_NUMBER}|{_ORDINAL})"
_DAY_MONTH = rf"(?:the\s+)?{_DAY}\s+(?:of\s+)?{MONTH}\b|{MONTH}\s+(?:the\s+)?{_DAY}\b"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
_AGE_WORDS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen".split()
_AGE = rf"(?P<age>\d{{1,2}}|{'|'.join(_AGE_WORDS)})"
_WHEN = (r"(?:today|tomorrow|tonight|that (?:very |same )?(?:day|morning|afternoon|evening)|the (?:very )?same day|this morning|this afternoon|on the (?:morning|day|evening|night|afternoon) of|(?:this|next) (?:week|weekend|monday|tuesday|wednesday|thursday|friday|"
         r"saturday|sunday)|"
         rf"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|{_DAY_MONTH}|the\s+{_DAY}\b))")
_NOT_A_FESTIVAL = (r"(?!(?:Diwali|Hanukkah|Chanukah|Advent|Christmas|Easter|Eid|Remembrance|Kwanzaa|Candlemas|Lent|"
                   r"Vaisakhi|Holi)\b)")
_BIRTH = lazyre.compile(
    rf"\b(?:date of birth|d\.?o\.?b\b\.?"
    rf"|born\s+(?:on\s+)?(?:the\s+(?:very\s+|same\s+)*day\b[^.!?\n]{{0,50}}?)?(?:{_DAY_MONTH}){_YEAR}"
    rf"|born\s+(?:on\s+)?(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)\b"
    rf"|born\s+(?:on\s+)?(?:in\s+)?\d{{1,2}}[/.-]\d{{1,2}}[/.-](?P<short_year>\d{{2,4}})"
    rf"|born\s+in\s+(?:{MONTH}\s+)?(?P<born_year>(?:19|20)\d\d)\b"
    rf"|(?:birthday|b-?day)\s+(?:is|was|falls|will be)\s+(?:on\s+)?(?:{_DAY_MONTH}|the\s+{_DAY}\b|{_DAY}\b))"
    # "turns 7 on Friday"; "Seven candles for Kacper on Thursday!"
    rf"|\b(?:(?:turns?|turning|turned|is|will be)\s+|(?=\w+\s+candles\b)){_AGE}\s+"
    rf"(?:(?:whole\s+|big\s+)?years? old\s+|candles\s+(?:on\s+(?:the\s+|a\s+)?cake\s+)?for\s+{_NOT_A_FESTIVAL}(?-i:[A-Z])"
    rf"[^.!?\n]{{0,30}}?|candles\s+on\s+(?:the\s+|a\s+|his\s+|her\s+)?(?:[\w-]+\s+)?cake\s+)?{_WHEN}"
    rf"|\b(?:the\s+big\s+|(?:hits?|hitting|reach(?:es|ing)?)\s+(?:the\s+big\s+)?)(?:\d-\d|double\s+figures)\s+"
    rf"(?:on\s+)?{_WHEN}"  # "the big 1-1 on Wednesday", "hits double figures tomorrow"
    # the day first: "ready for Thursday – Theo turns 8"
    rf"|\b(?:today|tomorrow|(?:on|for|this|next)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
    rf"[^.!?\n]{{0,40}}?\b(?-i:[A-Z][a-z]+)\s+(?:turns|is\s+turning|will\s+be\s+turning)\s+(?:\d{{1,2}}|{'|'.join(_AGE_WORDS)})\b"
    rf"(?!\s*(?:%|per\s*cent|minutes|mins|weeks|months|years\s+(?:of|since)))"
    rf"|\b(?P<nth>\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(_ORDINALS[1:])})\s+birthday\b"
    # the day, then the age: "twig candles for Nell today — four whole years old!"
    rf"|\b(?:today|tomorrow)\b[^.!?\n]{{0,40}}?\b(?P<age_now>\d{{1,2}}|{'|'.join(_AGE_WORDS)})\s+(?:whole\s+|big\s+)?"
    rf"years?\s+old\b",
    re.IGNORECASE,
)
_TRIGGERS = frozenset("date dob d born birthday bday b day turns turn turning turned be candles big hits hit hitting "
                      "reaches reach reaching today tomorrow tonight".split())
_NOT_A_CHILD = lazyre.compile(r"\b(?:school|nursery|academy|library|club|pta|charity|church|village|town|"
                              r"building|company|shop|cafe|museum|account|anniversary)\b", re.IGNORECASE)
CHILD_AGE = 18  # "150th birthday" is a school's, not a child's
HISTORY = 19  # a birth more than this many years before now is not a pupil's


def check(post: Post, context: Context) -> Iterable[Problem]:
    for text in reader_texts(post):
        present = words(text.value)
        if present.isdisjoint(_TRIGGERS):
            continue
        value = prose(text.value)
        for start, end in sentences(value):
            found = _birth_in(value[start:end], context) or _named_birthday(text.value, start, end, context)
            if found:
                detail, offset = found
                yield Problem(
                    f"'{detail}' gives away someone's date of birth{where(text)}",
                    fix="take out the date of birth or age; celebrate without saying whose birthday or how old",
                    line=text.line_at(start + offset),
                )


def _birth_in(sentence: str, context: Context) -> tuple[str, int] | None:
    names = names_for(context)
    for match in _BIRTH.finditer(sentence):
        year = match.group("year") or match.group("born_year") or match.group("short_year")
        if year and len(year) == 4 and int(year) < context.now.year - HISTORY:
            continue
        if _age(match) > CHILD_AGE:
            continue
        if mentions_not_pupil(sentence, names):
            continue  # Roald Dahl's birthday, Shakespeare's birth
        if (_NOT_A_CHILD.search(sentence) or match.group("age_now")) and not find_names(sentence, names):
            continue  # the day, then an age, is a birthday only with a child named ("a tortoise 12 years old")
        return match.group().strip(), match.start()
    return None


def _age(match: re.Match[str]) -> int:
    spoken = (match.group("age") or match.group("age_now") or match.group("nth") or "0").lower()
    if spoken in _ORDINALS:
        return _ORDINALS.index(spoken) + 1
    if spoken in _AGE_WORDS:
        return _AGE_WORDS.index(spoken) + 1
    digits = re.match(r"\d+", spoken)
    return int(digits.group()) if digits else 0


def _named_birthday(value: str, start: int, end: int, context: Context) -> tuple[str, int] | None:
    """A named child's birthday ("Happy birthday Maya!"): the day of birth beside the name."""
    sentence = value[start:end].lower()
    if "birthday" not in sentence:
        return None
    for name in find_names(value, names_for(context)):
        if start <= name.start < end:
            return f"{name.first} … birthday", name.start - start
    return None
