"""A child's full name, in any form: first name and surname, "Surname, First", first name and initial,
or a surname alone as pupils are addressed ("young Trelawny").

Schools use only children's first names: a full name lets anyone find the child. postplan reads every
text a reader sees (the post and its thread, poll options, alt text, media file names, CamelCase
hashtags) and finds names as staff write them in a hurry: "maya jones", "Jones, Maya", "PATEL Riya" (a
mark sheet), "Maya J.", "Maya, Tom and Aisha Khan", "Mary-Jane Smith", "Anna Maria Kowalski", "jack smith
8B". In a media file's name only a listed surname makes a full name ("jasmine-poster.jpg" is Jasmine and
her poster), since a file name has no capitals to tell a surname from a word. With a pupil roster (a file
*outside* the repository, one name a line, named by the ``POSTPLAN_ROSTER`` environment variable) it
finds every roster name in any form and capitals; without one it uses lists of first names and
surnames of every origin shipped with postplan.

Adults, public figures and characters are left alone: a title or role before the name ("Mrs Davies",
"PC Amy Rowe", "our headteacher Sarah Collins", "Chair of Governors David Hughes", "author Joseph
Coelho"), a role after it ("David Hughes, Chair of Governors"), well-known people and characters
("Julia Donaldson", "Dick Whittington", "Tiny Tim"), and places, businesses and greetings ("Victoria
Park", "John Lewis", "Nollaig Chridheil").

Passes: "Maya's poem made us smile."; "Mr Jones and Mrs Brown ran the stall."; "Owen's Animals came
in today"; "Year 6 visited Rowan Class."; "We read Julia Donaldson's books." (a well-known author);
"Our panto is Dick Whittington!"; "Chair of Governors David Hughes opened the fair."; "Was King John
a bad king?"; "Year 8 are off to Eden Camp."

Fails: "Congratulations to Maya Jones for her poem."; "well done maya jones"; "Jones, Maya (Year 3)";
"Star of the week: Maya J."; "Well played young Trelawny!"; "#WellDoneMayaJones"; "helpers: ellie-mae
price, josh turner and amir said (yr 9)" (surnames that are words too are surnames in a list that a
year group or class ends); "Top marks: PATEL Riya"; "well done to jack dempsey 7H"; a parent named in full
beside the child, which gives the child's surname ("Thanks to Dylan's mum Kerry Marsh", "Mrs Hart's son
Oliver has joined Reception", "Zara was unstoppable! Her mum says the whole Khan household has been
testing her").

If the name is not a pupil's (a visiting author, a coach), add it to ``not_pupils:`` in mkdocs.yml. A
first name and surname in a text about history, the arts, sport's greats or stories ("our Tudors topic:
Thomas Cromwell"), or about a book or play a class studies ("Year 9 have been reading The Curious
Incident of the Dog in the Night-Time"), is more likely someone famous or a character (a thread is read
as a whole: a question about Richard Oastler in a thread about the Industrial Revolution):
``pupil-full-name-possible`` warns about it instead, unless the name is praised, given a class or
cast in a part, or reads at a commemoration ("Well done Eddie Johnstone in Year 10 for his reading",
"Maya Jones as Lady Macbeth", "Year 9's Freya Marsh read the name of Private Albert Marsh, 1916").
"""

import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.links import host
from postplan.models import Post, Repository
from postplan.rules import name_words as w
from postplan.rules.base import Context, Problem
from postplan.rules.name_family import KIN, family_names
from postplan.rules.name_types import Name, NameList
from postplan.rules.names import about_a_work, about_figures, find_names, full_names, name_text, names_for
from postplan.rules.reading import public_event_texts, reader_texts, where
from postplan.rules.text import post_links, words

ID = "pupil-full-name"
SEVERITY = Severity.ERROR
SUMMARY = "Never a child's full name: first names only."
POLICY = "The school Twitter account will only use children's first names when referencing children."

_WHAT = {"full": "a child's full name", "initial": "a child's first name and initial",
         "surname first": "a child's full name, surname first", "surname": "a child's surname",
         "initial surname": "a child's initial and surname"}


def check(post: Post, context: Context) -> Iterable[Problem]:
    seen = set()
    for text, name in full_names(post, context, figures=False):
        seen.add(name.full.lower())
        yield Problem(f"'{name.full}' looks like {_WHAT[name.form]}{where(text)}", fix=_fix(name),
                      line=text.line_at(name.start))
    yield from _through_family(post, context, seen)
    yield from _in_a_fundraising_link(post, context, seen)
    yield from _initial_among_options(post, context, seen)
    yield from _initial_and_surname(post, context, seen)
    yield from _in_a_username(post, context, seen)
    yield from _in_another_alphabet(post, context)


# A child's name written again in her own alphabet, given and family name: "Dariia (Дарія Ковальчук) in 5K".
_NATIVE_NAME = lazyre.compile(r"\b(?P<first>[A-Z][a-z]+)\s*\(\s*(?P<native>[\u0370-\u03ff\u0400-\u04ff]{2,}"
                              r"[\s\u00a0]+[\u0370-\u03ff\u0400-\u04ff]{2,})\s*\)")


def _in_another_alphabet(post: Post, context: Context) -> Iterable[Problem]:
    names = names_for(context)
    for text in reader_texts(post):
        for found in _NATIVE_NAME.finditer(text.raw):  # as written: the plain text reads Cyrillic as look-alikes
            pupil = names.is_first(found["first"]) or w.PUPIL_AFTER.match(text.raw, found.end())  # "… in 5K"
            if pupil and all(part[:1].isupper() for part in found["native"].split()):
                yield Problem(f"'{found['native']}' writes {found['first']}'s full name in another alphabet{where(text)}",
                              fix=f"use the first name only ('{found['first']}'), in any alphabet",
                              line=text.line + text.raw.count("\n", 0, found.start("native")))


# An account's name run together from a child's names: "search for his Scratch account LeoTheakstonCodes";
# a hashtag made the same way for a child the post names: "all by Ivy in Year 2 💛 #IvyMarsdenArt".
_USERNAME = lazyre.compile(r"\b(?:account|username|user\s*name|handle|channel|profile|gamer\s*tag|aka|a\.k\.a\.|known\s+as|"
                           r"plays\s+as)\s+(?:is\s+|called\s+|named\s+|:\s*)?@?(?P<tag>(?-i:[A-Z][a-z]+(?:Mc|Mac|O['’])?[A-Z][a-z]+)\w*)",
                           re.IGNORECASE)
_NAMED_TAG = lazyre.compile(r"#(?P<tag>[A-Z][a-z]+[A-Z][a-z]+\w*)")
_TEAM_TAG = lazyre.compile(r"#(?:Team(?P<surname>(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
                           r"|(?P<fans>(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
                           r"(?:FanClub|Fans|Army|Clan|Crew)\b)")
_CAMEL_PART = lazyre.compile(r"(?:Mc|Mac(?=[A-Z])|O['’](?=[A-Z]))?[A-Z][a-z]+")  # "DylanMcGrath": Dylan, McGrath
_USERNAME_CUES = frozenset("account username user handle channel profile gamer gamertag aka k known plays".split())  # "a.k.a.": k
# Words an organisation's account is made of ("BrookSchoolNews"), never a surname there.
_ACCOUNT_WORDS = frozenset("""school schools news music sport sports pe club clubs official academy class year team fc
media art arts science maths codes coding games gaming plays tv live library pta primary high college nursery
community church events online blog""".split())


def _in_a_username(post: Post, context: Context, seen: set[str]) -> Iterable[Problem]:
    names = names_for(context)
    texts = reader_texts(post)
    children = {name.first for text in texts if "#" in text.value for name in find_names(text.value, names)}
    for text in texts:
        tags = [found for found in _NAMED_TAG.finditer(text.value) if _CAMEL_PART.match(found["tag"])[0] in children]
        cued = not words(text.value).isdisjoint(_USERNAME_CUES)
        for found in [*(_USERNAME.finditer(text.value) if cued else ()), *tags]:
            first, surname = _CAMEL_PART.findall(found["tag"])[:2]  # the pattern holds two at least
            known = (first.lower(), surname.lower()) in {phrase[:2] for phrase in names.not_pupils.get(first.lower(), ())}
            if names.is_first(first) and not names.is_first(surname) and surname.lower() not in _ACCOUNT_WORDS \
                    and surname not in w.NOT_SURNAMES and not known and f"{first} {surname}".lower() not in seen:
                name = Name(first, surname, found.start("tag"), "full")
                seen.add(name.full.lower())
                yield Problem(f"'{found['tag']}' holds {_WHAT[name.form]}, '{name.full}'{where(text)}",
                              fix=_fix(name), line=text.line_at(name.start))
        for found in _TEAM_TAG.finditer(text.value) if len(children) == 1 else ():  # "#TeamOkonkwo" beside Chidi
            name = Name(next(iter(children)), found["surname"] or found["fans"], found.start(), "full")
            if names.listed_surname(name.surname) and not names.is_first(name.surname) \
                    and name.surname not in w.PLACE_SURNAMES and name.full.lower() not in seen:
                seen.add(name.full.lower())
                yield Problem(f"'{found.group()}' gives {name.first}'s surname: '{name.full}' is {_WHAT[name.form]}"
                              f"{where(text)}", fix=_fix(name), line=text.line_at(name.start))


# A poll's option that is an initial and a surname, beside options that are children's first names:
# "Ethan / Kieran / J. Ramsden / Tariq" for prom king.
_INITIAL_SURNAME = lazyre.compile(r"\s*(?P<initial>[A-Z])\.?\s+(?P<surname>[A-Z][a-z]+(?:['’-][A-Z][a-z]+)?)\s*")


def _initial_among_options(post: Post, context: Context, seen: set[str]) -> Iterable[Problem]:
    options = [text for text in reader_texts(post) if text.kind == "poll option"]
    names = names_for(context)
    if sum(names.is_first(text.value.strip()) and text.value.strip() not in names.name_words for text in options) < 2:
        return  # not a vote between children named by first name ("Red / Blue / J. Green")
    for text in options:
        found = _INITIAL_SURNAME.fullmatch(text.value)
        if found and not names.is_first(found["surname"]) and f"{found['initial']}. {found['surname']}".lower() not in seen:
            name = Name(found["initial"] + ".", found["surname"], found.start("initial"), "initial surname")
            seen.add(name.full.lower())
            yield Problem(f"'{name.full}' looks like {_WHAT[name.form]}{where(text)}", fix=_fix(name),
                          line=text.line_at(name.start))


# An initial and a surname where only a pupil's name is written so: a register's "Nowak, Z. (10H)", or a
# trophy's engraving, a certificate or a name label in quotes ("Silver cup engraved '… – O. Whitcombe'").
_REGISTER_INITIAL = lazyre.compile(
    r"(?<![\w.])(?P<surname>[A-Z][a-z]+(?:['’-][A-Z][a-z]+)?)(?:,\s*|\s+(?=[A-Z]\.))(?P<initial>[A-Z])\.?"
    r"(?=\s*(?:\(\s*|,\s*|\s(?:in|of)\s+)"
    r"(?:\d{1,2}[A-Z]{1,3}|(?i:y(?:ea)?r\s?\d{1,2}|reception))\b)")
_ENGRAVED = lazyre.compile(r"\b(?:engraved|engraving|inscribed|inscription|certificate|name\s+label|name\s+tag|label)\b"
                           r"(?:[^'‘\"“]{0,40}['‘\"“](?P<quoted>[^'’\"”]{3,120})|(?P<plain>[^.!?\n'‘\"“]{3,120}))", re.IGNORECASE)
_ENGRAVED_INITIAL = lazyre.compile(r"(?<![\w.])(?P<initial>[A-Z])\.\s?(?P<surname>[A-Z][a-z]+(?:['’-][A-Z][a-z]+)?)\b")
_AWARDED_TO = lazyre.compile(r"(?:^|[–—:,-]|\bto|\bfor|\breading|\breads|\bsays|\bsaying)\s*$")  # "… 2027 – Ruby Ashworth-Kaye"
_ENGRAVED_FULL = lazyre.compile(r"(?<![\w.])(?P<first>[A-Z][a-z]+)\s+(?P<surname>[A-Z][a-z]+(?:['’-][A-Z][a-z]+)?)\b")
_TITLE_BEFORE = lazyre.compile(rf"\b{w.GROWN_UP_TITLE}\.?\s*$")  # "Mr O. Whitcombe": a grown-up
_REGISTER_HINT = lazyre.compile(r",\s*[A-Z]\b|\b[A-Z]\.\s*\(")  # a quick test before the pattern
# A squad listed as a register lists it, surname then initial: "Begum A., Carter J., Nowak M." (three or more).
_LISTED_INITIAL = lazyre.compile(r"(?<![\w.])(?P<surname>[A-Z][a-z]+(?:['’-][A-Z][a-z]+)?)\s+(?P<initial>[A-Z])\."
                                 r"(?=\s*(?:[,;]|$|(?:and|&)\s))")
_ENGRAVED_WORDS = ("engrav", "inscri", "certificate", "label", "name tag")
# A name written on a child's things, read out in alt text: "one lab coat has T. OKAFOR written on the back".
_WRITTEN_ON = lazyre.compile(r"(?<![\w.])(?P<initial>[A-Z])\.\s?(?P<surname>[A-Z][a-z]+(?:['’-][A-Z][a-z]+)?)\s+"
                             r"(?:written|printed|sewn|embroidered|ironed|stitched)\s+(?:on|in|across|inside)\b")
_WRITTEN_WORDS = ("written", "printed", "sewn", "embroidered", "ironed", "stitched")


def _title_caps(value: str) -> str:
    """The text with each word in capitals written as a name is ("POPPY ASHWORTH" → "Poppy Ashworth"), same length."""
    return _CAPS_WORD.sub(lambda word: word.group().title(), value)


_CAPS_WORD = lazyre.compile(r"\b[A-Z]{2,}(?:-[A-Z]{2,})?\b")


def _initial_and_surname(post: Post, context: Context, seen: set[str]) -> Iterable[Problem]:
    names = names_for(context)
    for text in reader_texts(post):
        for match in _initials_and_engravings(text.value, names):
            surname, written = match["surname"], match.groupdict()
            if names.is_first(surname) and not names.listed_surname(surname) or surname in w.NOT_SURNAMES \
                    or _TITLE_BEFORE.search(text.value, max(0, match.start() - 6), match.start()):
                continue
            name = Name(written["first"], surname, match.start(), "full") if "first" in written \
                else Name(match["initial"] + ".", surname, match.start(), "initial surname")
            if name.full.lower() not in seen:
                seen.add(name.full.lower())
                yield Problem(f"'{name.full}' looks like {_WHAT[name.form]}{where(text)}", fix=_fix(name),
                              line=text.line_at(name.start))


def _initials_and_engravings(value: str, names: NameList) -> list[re.Match[str]]:
    """Where a register, a squad list or an engraving writes a pupil's surname: each match has a surname
    and an initial or a first name."""
    found = [*_REGISTER_INITIAL.finditer(value)] if _REGISTER_HINT.search(value) else []
    listed = [*_LISTED_INITIAL.finditer(value)] if ".," in value else []
    found += listed if len(listed) >= 3 else []
    lowered = value.lower()
    if any(word in lowered for word in _WRITTEN_WORDS):
        found += _WRITTEN_ON.finditer(_title_caps(value))
    for engraved in _ENGRAVED.finditer(value) if any(word in lowered for word in _ENGRAVED_WORDS) else ():
        span = engraved.span("quoted") if engraved["quoted"] else engraved.span("plain")
        found += _ENGRAVED_INITIAL.finditer(value, *span)  # "– O. Whitcombe"
        found += [full for full in _ENGRAVED_FULL.finditer(_title_caps(value), *span)  # "– Ruby Ashworth-Kaye"
                  if names.is_first(full["first"]) and _AWARDED_TO.search(value, span[0], full.start())]
    return found


# Fundraising pages are named for the fundraiser: "justgiving.com/page/tom-whiteley-dofe-gold".
_FUNDRAISING = frozenset("justgiving.com gofundme.com virginmoneygiving.com givewheel.com enthuse.com "
                         "localgiving.org".split())
_SLUG_WORD = lazyre.compile(r"[a-z]+")


def _in_a_fundraising_link(post: Post, context: Context, seen: set[str]) -> Iterable[Problem]:
    """A child the post names by first name, whose fundraising page's address gives their surname."""
    links = [(url, line) for url, line in post_links(post) if host(url).lower() in _FUNDRAISING]
    if not links:
        return
    names = names_for(context)
    children = {name.first.lower() for text in reader_texts(post) for name in find_names(text.value, names)
                if name.form == "first"}
    for url, line in links:
        slug = _SLUG_WORD.findall(url.lower().split("/", 3)[-1])
        for first, surname in zip(slug, slug[1:]):
            full = f"{first.title()} {surname.title()}"
            if first in children and len(surname) > 2 and not names.is_first(surname.title()) \
                    and full.lower() not in seen:
                seen.add(full.lower())
                yield Problem(f"the fundraising page's address gives {first.title()}'s surname: '{full}' is a "
                              "child's full name", fix="link to the school's own page for the appeal, or leave the "
                              "link out and tell families where to give by letter", line=line)


_FAMILY_CUES = lazyre.compile(r"['’]s\s|\b(?:of|to)\s|\b(?:family|household|clan|son|daughter|grandson|granddaughter|twins|"
                              r"triplets|sisters?|brothers?|dynasty)\b"
                              r"|\b(?:Dear|Hi|Hello|To)\s|\b(?i:her|his|their)\s+(?i:mum|mummy|dad|daddy|mother|father|parents|"
                              r"nan|nana|gran|granny|grandma|grandad)\b"
                              # a family's or a player's hashtag, a grandparent, "for the Daleys!"
                              rf"|#[A-Z]|\b{KIN}\s|\bthe\s+[A-Z][a-z]+s\s*[!.,]"
                              r"|\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:and|&)\s|['’]s?\s+(?:firm|business|company)\b")


def _school_words(settings) -> frozenset[str]:
    """The capitalised words of the school's own names, which are never a family's ("our Calderbrook family")."""
    return frozenset(re.findall(r"[A-Z][\w'’-]+", " ".join([settings.school, *settings.on_site_places, *(
        account.name for account in settings.accounts.values())])))


def _through_family(post: Post, context: Context, seen: set[str]) -> Iterable[Problem]:
    """A parent named in full beside their child names the child ("Dylan's mum Kerry Marsh"); not in a
    text about a story or history, where "Harry's uncle Vernon Dursley" is a character."""
    names, school = names_for(context), None
    for text in reader_texts(post):
        value = text.value
        if not _FAMILY_CUES.search(value):
            continue
        school = _school_words(context.repository.settings) if school is None else school
        children = tuple(name for name in find_names(value, names) if name.form == "first")
        for name in family_names(value, names, children, school):
            at = value.find(name.first, name.start)  # the child, named where the family is or after ("Mr Gallagher
            pupil = at >= 0 and w.PUPIL_AFTER.match(value, at + len(name.first))  # (Ruby's dad in 5H!)"): no figure
            if name.full.lower() in seen or not pupil and (about_a_work(value, names) or about_figures(value)):
                continue
            seen.add(name.full.lower())
            yield Problem(f"this names {name.first}'s family ('{name.surname}') beside {name.first}: together they "
                          f"give a child's full name, {name.first} {name.surname}{where(text)}",
                          fix=f"name the family without their surname (\"{name.first}'s mum\"), or leave the child's "
                              "name out",
                          line=text.line_at(name.start))


CALENDAR_ONLY = True  # check_repository reads the calendar and settings, never the posts


def check_repository(repository: Repository, context: Context) -> Iterable[Problem]:
    """The calendar's public events: their titles and descriptions reach the site and parents' feeds."""
    names = names_for(context)
    for event, text in public_event_texts(repository):
        for name in find_names(name_text(text, names), names):
            if name.form != "first":
                yield Problem(f"the event '{event.id}' names '{name.full}', which looks like "
                              f"{_WHAT[name.form]}: the calendar is public", fix=_fix(name),
                              path=event.source.path, line=text.line_at(name.start))
                break


def _fix(name) -> str:
    use = "no name at all" if name.form in ("surname", "initial surname") else f"the first name only ('{name.first}')"
    return (f"use {use}; if this is not a pupil (an author, a coach, a governor), put their role before "
            "the name ('our governor …') or add the name to `not_pupils:` in mkdocs.yml")
