"""A child's surname given by the family: a parent named in full beside the child.

"Thanks to Dylan's mum Kerry Marsh", "Mr and Mrs Okoro, parents of Tobi in Year 5" and "Mrs Hart's son
Oliver has joined Reception" never write a child's full name, yet anyone reading them knows it (Dylan
Marsh, Tobi Okoro, Oliver Hart). Parents may be thanked by first name ("Dylan's mum Kerry") or by name
without their child; named in full *with* their child, they name the child. Not a rule (it has no
``ID``): ``pupil-full-name`` reads these beside the other forms.
"""

from __future__ import annotations

import re

from postplan import lazyre
from postplan.rules import name_words as w
from postplan.rules.name_types import Name, NameList
from postplan.rules.text import words

_TITLE = rf"{w.GROWN_UP_TITLE}\.?"
_FAMILY = (r"(?:mum|mummy|mam|mom|mother|dad|daddy|father|parents|mum\s+and\s+dad|dad\s+and\s+mum|step-?mum|"
           r"step-?dad|grandma|grandad|grandpa|granny|grandmother|grandfather|grandparents|nan|nana|nanna|gran|"
           r"auntie|aunty|aunt|uncle|carers?|foster\s+carers?)")
_SURNAME = r"[A-Z][a-z]*(?:['’][A-Z])?[a-z]+(?:-[A-Z][a-z]+)?"
_CHILD = r"(?P<child>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
# Titles of office or rank before a grown-up's given name: "PC Sarah Whitfield", "Cllr Amy Rowe".
_OFFICES = ("PC", "PCSO", "Sgt", "Sergeant", "Cllr", "Councillor", "Prof", "Professor", "Rev", "Revd", "Reverend", "Sir",
            "Dame", "Capt", "Captain", "Coach")
_OFFICE = "(?:" + "|".join(_OFFICES) + ")"
_NO_OTHER_ADULT = rf"(?:(?!\b{w.GROWN_UP_TITLE}\b)[^\n])"  # a stretch of text with no other titled grown-up in it
_NO_OTHER_ADULT_IN_SENTENCE = rf"(?:(?!\b{w.GROWN_UP_TITLE}\b)[^.!?\n])"
# "Dylan's mum Kerry Marsh", "Tobi's dad, Mr Okoro", "Ava's grandparents Mr and Mrs Lee".
_CHILD_FIRST = lazyre.compile(
    rf"(?<![\w.]){_CHILD}['’]s\s+(?:(?:lovely|amazing|wonderful|brilliant|kind)\s+)?"
    rf"{_FAMILY}\s*,?\s+(?:(?P<title>{_TITLE})\s+(?:(?:and|&)\s+{_TITLE}\s+)?(?:[A-Z][a-z]+\s+)?|(?:{_OFFICE}\.?\s+)?(?P<given>[A-Z][a-z]+)\s+)"
    rf"(?P<surname>{_SURNAME})\b"
)
# "Mr and Mrs Okoro, parents of Tobi", "Mrs Marsh (mum of Dylan in Year 2)".
_FAMILY_FIRST = lazyre.compile(
    rf"(?<![\w.]){_TITLE}\s+(?:(?:and|&)\s+{_TITLE}\s+)?(?P<surname>{_SURNAME})\s*[,(]?\s*(?:the\s+)?(?:proud\s+)?"
    rf"{_FAMILY}\s+(?:of|to)\s+{_CHILD}\b"
)
# A parent by title or by name, then whose parent they are: "Mrs Delacroix-Webb, Élodie's mum in 9F", "Mr Okoro (Tobi's dad)",
# "Claire Mistry (Aarav's mum in 2B)".
_PARENT_BY_CHILD = lazyre.compile(
    rf"(?<![\w.])(?:{_TITLE}\s+(?:(?:and|&)\s+{_TITLE}\s+)?|(?-i:[A-Z][a-z]+)\s+)(?P<surname>{_SURNAME})"
    r"(?:\s+(?:from|at)\s+the\s+[a-z][a-z ]{1,30}?)?"  # "Dr Pickles from the university (Imogen's mum in 8T!)"
    rf"\s*[,(–—-]\s*{_CHILD}['’]s\s+"
    rf"(?:(?:lovely|amazing|wonderful|brilliant|kind)\s+)?{_FAMILY}\b"
)
# A couple thanked by title, then their child and "his dad" a sentence on: "Thank you to Mr and Mrs Achterberg
# for the logs! Finn has been telling everyone it came on his dad's tractor" (no other titled adult between).
_COUPLE_THEN_CHILD = lazyre.compile(
    rf"(?<![\w.]){_TITLE}\s+(?:and|&)\s+{_TITLE}\s+(?P<surname>{_SURNAME})\b{_NO_OTHER_ADULT}{{0,100}}?"
    rf"\b{_CHILD}\b{_NO_OTHER_ADULT_IN_SENTENCE}{{0,60}}?\b(?:his|her|their)\s+(?:mum|mummy|dad|daddy|parents|"
    r"mum\s+and\s+dad)\b"
)
# A member of staff or a visitor, then their child by first name a sentence on: "Proud moment for our own Mr
# Brennan, head of brass 🎺 His daughter Sophie played her first trumpet solo", "Thank you to PC Sarah Whitfield
# for her talk, and to her son Josh in Y8" (no other titled adult between).
_ANY_TITLE = rf"(?:{_TITLE}|{_OFFICE}\.?)"
_PARENT_THEN_CHILD = lazyre.compile(
    rf"(?<![\w.]){_ANY_TITLE}\s+(?:[A-Z][a-z]+\s+)?(?P<surname>{_SURNAME})\b{_NO_OTHER_ADULT}{{0,100}}?"
    r"\b(?:His|Her|Their|his|her|their)\s+(?:(?:little|baby|eldest|youngest|twin|new)\s+)?"
    rf"(?:son|daughter|boy|girl|grandson|granddaughter)\s*,?\s+{_CHILD}\b"
)
# A grown-up named in full, then a brother or sister at the school a sentence on: "former head girl Dr Hannah
# Mirza … her little brother Adam in Year 8" (no other titled adult between).
_SIBLING_THEN_CHILD = lazyre.compile(
    rf"(?<![\w.])(?:(?i:former\s+(?:pupils?|students?|head\s+(?:girl|boy))|alumn(?:us|a|i))\s+(?:{_TITLE}\s+)?|{_TITLE}\s+)"
    rf"(?:[A-Z][a-z]+\s+)?(?P<surname>{_SURNAME})\b{_NO_OTHER_ADULT}{{0,100}}?"
    r"\b(?:His|Her|his|her)\s+(?:(?:little|younger|baby|big|older|twin|kid)\s+)?(?:brother|sister)\s*,?\s+"
    # the brother or sister is at the school: a class or year after the name ("Adam in Year 8")
    rf"{_CHILD}\b(?=\s*,?\s*(?:now\s+)?(?:\(|(?i:(?:in|from)\s+(?:our\s+)?(?:year|yr|y|reception|nursery|\d))))"
)
# A parent named in full a sentence after their child: "…went home with Sophie in Y4 🧸 Her mum Rachel
# Greenwood was nearly as excited", "Amelia in Y13 … Her mum, our very own Mrs Thornton-Blake in maths".
_THEIR_PARENT = lazyre.compile(
    rf"\b(?:Her|His|Their|her|his|their)\s+{_FAMILY}(?:['’]s\s+footsteps)?\s*[,(:–—-]?\s*(?:(?:our|the)\s+(?:very\s+own\s+|own\s+|"
    r"lovely\s+)?)?"
    rf"(?:{_TITLE}\s+(?:[A-Z][a-z]+\s+)?|(?:{_OFFICE}\.?\s+)?[A-Z][a-z]+\s+)(?P<surname>{_SURNAME})\b"
)
# A brother or sister named in full a sentence after, or beside, the child: "Amelia in Year 11 … following in
# the footsteps of her big sister Grace Pemberton".
_THEIR_SIBLING = lazyre.compile(
    r"\b(?:(?:Her|His|Their|her|his|their)\s+(?:(?:little|younger|baby|big|older|elder|twin|kid|step-?)\s*)?"
    r"|(?:Big|Little|Older|Younger|Twin|big|little|older|younger|twin)\s+)"
    rf"(?:brother|sister)\s*,?\s+[A-Z][a-z]+\s+(?P<surname>{_SURNAME})\b"
)
# The family named a little after the child, other ways: a grandparent by the surname the child shares ("Maisie in
# Year 4 … mostly from 'Nana & Grandad Pickersgill'"), a family's hashtag or a player's ("Isla in 2P … #TeamBairstow",
# "Kezia … #Okafor9"), a couple cheering, a parent's firm by its name.
KIN = r"(?:Nana|Nanna|Nan|Grandma|Grandad|Granddad|Grandpa|Granny|Gran)"  # not "Auntie Bee": often a given name
_FAMILY_AFTER = lazyre.compile(
    rf"(?<![\w.]){KIN}\s+(?:(?:&|and)\s+{KIN}\s+)?(?P<surname>{_SURNAME})\b(?!\s*[&+]|\s+and\s+[A-Z])"
    rf"|#(?:(?i:team|go)(?P<tagged>{_SURNAME})(?:s|Family|Fam|Crew|Clan)?|(?P<family>{_SURNAME})(?:Family|Fam|Clan|Crew|"
    r"Household|(?P<siblings>Twins|Triplets|Sisters|Brothers|Siblings))(?:[A-Z]\w*)?)\b"  # "#TeamBairstow", "#HorsfallTwins"
    rf"|#(?P<numbered>{_SURNAME})\d{{1,2}}\b"  # a player's surname and shirt number: "Kezia, you are UNREAL. #Okafor9"
    # A couple by title, cheering after the child: "Priya on her bronze! Mr and Mrs Patel were screaming louder…"
    rf"|(?<![\w.]){_TITLE}\s+(?:and|&)\s+{_TITLE}\s+(?P<couple>{_SURNAME})\s+(?:were|was)\s+(?:\w+\s+)?"
    r"(?:screaming|cheering|shouting|beaming|crying|in\s+tears|so\s+proud|bursting|the\s+loudest)"
    # A parent's business by its name: "Ruby … at her dad's firm, Pickersgill Joinery".
    rf"|\b(?:her|his|their)\s+(?:mum|dad|parents|grandad|grandma|nan|uncle|aunt(?:ie)?)['’]s?\s+(?:firm|business|company|"
    rf"shop|garage|salon|farm|yard)\s*,?\s*(?P<firm>{_SURNAME})\s+(?:&\s+Sons?|and\s+Sons?|Joinery|Builders|Building|"
    r"Plumbing|Electrical|Motors|Garage|Farm|Ltd|Bakery|Butchers?|Landscaping|Roofing|Removals|Haulage|Construction)\b"
)
# A parent named in full, then their child by year and first name: "our PTA chair, Kirsty Mahmood, and her Year 4
# twins Amir and Zain".
_NAMED_PARENT_THEN_CHILD = lazyre.compile(
    rf"(?<![\w.])(?:(?P<titled>{_TITLE})\s+)?(?P<parent>[A-Z][a-z]+)\s+(?P<surname>{_SURNAME})\b[^.!?\n]{{0,120}}?\b"
    r"(?:her|his|their)\s+"
    r"(?:(?P<year>(?:Year|Yr|Y)\s?\d{1,2}|Reception|Nursery)\s+)?(?:son|daughter|twins|boys|girls|children|kids|boy|girl)"
    # with no year group before the child, a class after ("her daughter Anika in 10B"): an author's grown-up
    # daughter ("Jacqueline Wilson and her daughter Emma") is no pupil
    rf"\s*,?\s+{_CHILD}\b(?(year)|(?=,?\s+(?:in\s+)?(?:\d{{1,2}}[A-Z]{{1,2}}\b|(?:Year|Yr|Y)\s?\d|Reception|Nursery)))"
)
# A parent by title, then whose parent: "Reuben from 9R (yes, Mr Ashworth, our Head of Science, is his dad)".
_IS_THEIR_PARENT = lazyre.compile(
    rf"(?<![\w.]){_TITLE}\s+(?P<surname>{_SURNAME})\b[^.!?\n]{{0,40}}?\b(?:is|['’]s)\s+(?:his|her|their)\s+"
    rf"{_FAMILY}\b(?!['’])"  # not "Mrs Patel is her mum's friend"
)
# A parent told by title how proud they must be, after their child: "Shout out to Mia, who has walked her
# little brother to Year 2 every morning 💜 Mrs Brannigan, you must be so proud of them both".
_PROUD_PARENT = lazyre.compile(
    rf"(?<![\w.]){_TITLE}\s+(?P<surname>{_SURNAME})\s*[,!]\s+you\s+(?:must|should)\s+be\s+(?:so\s+|very\s+|really\s+|"
    r"rightly\s+|incredibly\s+)?proud\b"
)
# A grown-up thanked by title, then a child glad "to have her mum in": "Thank you to Mrs Kowalczyk for teaching
# us to make Polish biscuits 🍪 Lena was SO proud to have her mum in!"
_PARENT_CAME_IN = lazyre.compile(
    rf"(?<![\w.]){_TITLE}\s+(?P<surname>{_SURNAME})\b{_NO_OTHER_ADULT}{{0,120}}?"
    rf"\b{_CHILD}\s+(?:was|is|were|felt|looked)\b[^.!?\n]{{0,30}}?\b(?:to\s+have|having)\s+"
    r"(?:her|his|their)\s+"
    r"(?:mum|mummy|dad|daddy|nan|nana|grandma|grandad)\s+(?:in|here|with\s+us)(?=\s*(?:[!.,]|$|today|for\b|to\b))"
)
# A note to a parent about their child: "Dear Mrs Bradshaw, Ollie left his coat in the hall".
_DEAR_PARENT = lazyre.compile(
    rf"\b(?:Dear|Hi|Hello|To)\s+{_TITLE}\s+(?P<surname>{_SURNAME})\s*[,:–—-]\s*{_CHILD}"
    r"(?:['’]s\s+(?:coat|jumper|bag|lunchbox|book|water bottle|shoes|trainers|kit|glasses)|\s+(?:has\s+)?(?:left|forgot|"
    r"forgotten|lost|dropped)\b|\s+(?:needs|is missing|was missing|is poorly|was poorly|is unwell))"
)
# "Mrs Hart's son Oliver", "Mr Okoro's daughter, Tobi".
_PARENT_OF = lazyre.compile(
    rf"(?<![\w.]){_TITLE}\s+(?P<surname>{_SURNAME})['’]s\s+(?:(?:little|baby|eldest|youngest|twin|new)\s+)?"
    rf"(?:son|daughter|boy|girl|grandson|granddaughter|niece|nephew|twins|children|kids)\s*,?\s+"
    rf"{_CHILD}\b"
)
# The child, then whose child: "Josh 📊 (yes, son of our very own Mrs Cartwright in the sixth form office)".
_CHILD_OF = lazyre.compile(
    rf"(?<![\w.]){_CHILD}\b[^.!?\nA-Z]{{0,30}}?\b(?:son|daughter|grandson|granddaughter)\s+of\s+(?:our\s+(?:very\s+)?own\s+)?"
    rf"{_TITLE}\s+(?P<surname>{_SURNAME})\b"
)
# "Marsden family, you should be very proud", "the whole Khan household", "the Haworth twins, Eden and Mia":
# a family by its surname.
_SURNAMED_FAMILY = lazyre.compile(
    rf"(?<![\w.’'-])(?P<surname>{_SURNAME})\s+(?:family|household|clan|(?:[a-z]+\s+)?dynasty|"
    r"(?P<siblings>twins|triplets|sisters|brothers))\b"
    r"(?!\s+(?:room|day|fun|service|learning|"
    r"support|worker|liaison|centre|center|hub|event|picnic|festival|trail|ticket|tickets|pass)\b)"
)
# A family counted by its surname: "That's the fourth Pritchard through our doors" beside Harvey and Ellie,
# "Three generations of Ashworths at Calderbrook!" beside Erin.
_NTH_OF_FAMILY = lazyre.compile(
    rf"\bthe\s+(?:second|third|fourth|fifth|sixth|seventh)\s+(?P<surname>{_SURNAME})\b"
    r"(?=\s+(?:through|to\s+(?:join|come|go|start|attend)|at\s+(?:our|the)|in\s+(?:our|the)\s+(?:school|family)|"
    r"sibling|child|we(?:['’]ve|\s+have)))"
    rf"|\b(?i:two|three|four|five|[2-5])\s+generations\s+of\s+(?:the\s+)?(?P<plural>{_SURNAME})(?<=s)\b"
    # "Another Bairstow off to Durham! … now Hannah has her offer"
    rf"|\b(?:Another|another)\s+(?P<another>{_SURNAME})\s+(?=(?:off|heading|joins|joining|starts|starting|through|at)\b)"
    # "What a week for the Daleys! Harriet AND George both got their badges"
    rf"|\b(?:for|to|from|of|by)\s+the\s+(?P<family>{_SURNAME})(?<=s)(?=\s*[!.,])"
)
# Peoples and royal houses a class studies, which a plural after "the" names more often than a family.
_HISTORY_PLURALS = frozenset("Tudor Stuart Norman Saxon Roman Viking Victorian Georgian Windsor York Lancaster "
                             "Plantagenet Hanoverian Edwardian Celt Briton Greek Egyptian Aztec Maya Mayan".split())
# "the Dalton-Price family on the arrival of baby Ruby! Big brother Alfie in Year 1…": a child of theirs after.
_SIBLING_AFTER = lazyre.compile(r"\b(?i:big|little|proud|older|younger)\s+(?i:brother|sister)\s+[A-Z]")
_SIBLINGS_NEAR = 40  # how far after "the Haworth twins" their first names are read as theirs
_NEAR = 150  # how far from the family a child's first name is read as one of its children
# What ties a family to a child near it: the family spoken to ("Marsden family, you should be proud"), or
# a child of theirs in the same sentence ("Her mum says the whole Khan household has been testing her");
# not "Next up: An Inspector Calls and the Birling family" after a sentence about Lennie in a set text.
_SPOKEN_TO = lazyre.compile(r"\s*(?:[,!:–—-]|\((?=[A-Z]))")  # "Marsden family, …", "the Whitaker family (Maisie, 2C)"
_THEIR_CHILD = lazyre.compile(r"\b(?:her|his|him|their|them|she|he|proud|son|daughter|child)\b", re.IGNORECASE)
_THEY_BROUGHT = lazyre.compile(r"[^\w\n]*[A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+)?\s+(?:carried|brought|made|baked|"
                               r"delivered|wrapped|collected|dropped)\b")


_NEVER_SURNAMES = frozenset(w.NOT_SURNAMES | {m.title() for m in (*w.MONTHS, *w.WEEKDAYS)}
                            | {"And", "For", "From", "With", "Who", "Was", "Is", "Has", "Had", "The", "Thank", "Thanks",
                               "Her", "His", "Their", "Our", "My", "Your", "This", "That", "Whole", "Every", "Each",
                               "Any", "Big", "Extended", "Host", "Foster", "Royal", "School", "Academy", "Class"})


def _surname(word: str, names: NameList) -> bool:
    """Whether a capitalised word can be a family's surname: not a word that never is one ("Thank",
    "School"), nor a first name no surname list holds ("Sophie")."""
    return word not in _NEVER_SURNAMES and not (names.is_first(word) and not names.listed_surname(word))


def _ties(text: str, match: re.Match[str]) -> bool:
    """Whether the family named at ``match`` is spoken to, or its child is in the same sentence."""
    if _SPOKEN_TO.match(text, match.end()):
        return True
    opened = max(text.rfind(stop, 0, match.start()) for stop in (".", "!", "?", "\n")) + 1
    ends = [found for found in (text.find(stop, match.end()) for stop in (".", "!", "?", "\n")) if found >= 0]
    ended = min(ends, default=len(text))
    # or the next sentence opens with children bringing what the family gave: "… the Kowalczyk family for the box of
    # tins! Filip and Zuzia carried it all the way in"
    return bool(_THEIR_CHILD.search(text, opened, ended) or _THEY_BROUGHT.match(text, ended + 1))


# The words each pattern needs somewhere in the text (a quick test: most texts have none of them).
_TITLE_WORDS = frozenset(title.lower() for title in w.GROWN_UP_TITLE.strip("(?:)").split("|"))
_ANY_TITLE_WORDS = _TITLE_WORDS | frozenset(title.lower() for title in _OFFICES)
_PARENT_WORDS = frozenset("""mum mummy mam mom mother dad daddy father parents stepmum stepdad grandma grandad grandpa
granny grandmother grandfather grandparents nan nana nanna gran auntie aunty aunt uncle carer carers""".split())
_CHILD_WORDS = frozenset("""son daughter boy boys girl girls grandson granddaughter niece nephew twins children
kids""".split())
_SIBLING_WORDS = frozenset({"brother", "sister"})
_KIN_WORDS = frozenset("nana nanna nan grandma grandad granddad grandpa granny gran".split())
_GROUP_WORDS = frozenset("family household clan dynasty twins triplets sisters brothers".split())
_COUNT_WORDS = frozenset("second third fourth fifth sixth seventh generations another".split())


def _patterns(present: frozenset[str], tagged: bool) -> frozenset[re.Pattern[str]]:
    """The family patterns that could match a text with these (lower-case) words, ``tagged`` if it has a
    hashtag."""
    titled = not present.isdisjoint(_TITLE_WORDS)
    parents = not present.isdisjoint(_PARENT_WORDS)
    needs = ((_SURNAMED_FAMILY, not present.isdisjoint(_GROUP_WORDS)),
             (_NTH_OF_FAMILY, not present.isdisjoint(_COUNT_WORDS) or "the" in present),
             (_THEIR_PARENT, parents), (_PROUD_PARENT, titled and "proud" in present),
             (_THEIR_SIBLING, not present.isdisjoint(_SIBLING_WORDS)), (_CHILD_FIRST, parents),
             (_IS_THEIR_PARENT, titled and parents),
             (_FAMILY_AFTER, tagged or titled or parents or not present.isdisjoint(_KIN_WORDS)),
             (_NAMED_PARENT_THEN_CHILD, not present.isdisjoint(_CHILD_WORDS)),
             (_FAMILY_FIRST, titled and parents), (_PARENT_BY_CHILD, parents),
             (_PARENT_OF, titled and not present.isdisjoint(_CHILD_WORDS)),
             (_CHILD_OF, titled and not present.isdisjoint(_CHILD_WORDS)),
             (_PARENT_THEN_CHILD, not present.isdisjoint(_ANY_TITLE_WORDS) and not present.isdisjoint(_CHILD_WORDS)),
             (_SIBLING_THEN_CHILD, not present.isdisjoint(_SIBLING_WORDS)), (_COUPLE_THEN_CHILD, titled and parents),
             (_PARENT_CAME_IN, titled and parents), (_DEAR_PARENT, titled))
    return frozenset(pattern for pattern, possible in needs if possible)


def family_names(text: str, names: NameList, children: tuple[Name, ...] = (),
                 not_families: frozenset[str] = frozenset()) -> tuple[Name, ...]:
    """A child's first name with the surname a parent named beside them gives away (form "family"); with
    the ``children`` named by first name in the text, also a family named by its surname near one of them
    ("Zara … the whole Khan household"), unless the word is one of ``not_families`` (the school's own
    names: "our Calderbrook family")."""
    found = []
    present = words(text)
    patterns = _patterns(present, "#" in text)
    for match in (_SURNAMED_FAMILY.finditer(text) if _SURNAMED_FAMILY in patterns else ()):
        surname = match.group("surname")
        if surname in not_families or not _surname(surname, names) or surname in w.PLACE_SURNAMES \
                or surname.lower() in w.LOWER_COMMON:
            continue
        siblings = match.group("siblings")
        if siblings and surname in w.FAMOUS_SIBLINGS:
            continue  # "the Wright brothers"
        near = [child for child in children if abs(child.start - match.start()) <= _NEAR]
        if siblings:  # "the Haworth twins 🌟 Eden and Mia": the children named just after
            near = [child for child in near if 0 < child.start - match.end() <= _SIBLINGS_NEAR]
        if near and (siblings or _ties(text, match) or _SIBLING_AFTER.search(text, match.end(), match.end() + _NEAR)):
            child = min(near, key=lambda child: abs(child.start - match.start()))
            found.append(Name(child.first, surname, child.start, "family"))
    for match in (_NTH_OF_FAMILY.finditer(text) if _NTH_OF_FAMILY in patterns else ()):
        plural = match.group("plural") or match.group("family") or ""
        surname = match.group("surname") or match.group("another") or plural.removesuffix("es" if plural.endswith("ses")
                                                                                           else "s")
        near = [child for child in children if abs(child.start - match.start()) <= _NEAR]
        if match.group("family") and (surname in _HISTORY_PLURALS or surname in not_families or names.is_first(surname)
                                      or surname.lower() in w.LOWER_COMMON or not names.listed_surname(surname)):
            continue  # "the Daleys!" is a family's only with a surname on the list: "for the Lions!" is a team's
        if near and _surname(surname, names):
            child = min(near, key=lambda child: abs(child.start - match.start()))
            found.append(Name(child.first, surname, child.start, "family"))
    found += _after_child(text, names, children, not_families, patterns, present)
    for pattern in (_CHILD_FIRST, _FAMILY_FIRST, _PARENT_BY_CHILD, _PARENT_OF, _CHILD_OF, _PARENT_THEN_CHILD,
                    _SIBLING_THEN_CHILD, _COUPLE_THEN_CHILD, _PARENT_CAME_IN, _DEAR_PARENT, _NAMED_PARENT_THEN_CHILD):
        if pattern not in patterns:
            continue
        for match in pattern.finditer(text):
            child, surname = match.group("child"), match.group("surname")
            if not names.is_first(child) or not _surname(surname, names):
                continue
            if pattern is _NAMED_PARENT_THEN_CHILD and not (match.group("titled") or names.is_first(match.group("parent"))):
                continue
            found.append(Name(child, surname, match.start(), "family"))
    return tuple(sorted(found, key=lambda name: name.start))


def _after_child(text: str, names: NameList, children: tuple[Name, ...], not_families: frozenset[str],
                 patterns: frozenset[re.Pattern[str]], present: frozenset[str]) -> list[Name]:
    """A family named a little after one of the ``children``: a parent, a brother or sister, a grandparent, a
    family's hashtag or a shirt's ("#Okafor9"), a couple cheering, a parent's firm."""
    found = []
    for pattern, match in [(pattern, each) for pattern in (_THEIR_PARENT, _PROUD_PARENT, _THEIR_SIBLING, _FAMILY_AFTER,
                                                            _IS_THEIR_PARENT)
                           if pattern in patterns for each in pattern.finditer(text)]:
        group = match.groupdict()
        if (group.get("tagged") or group.get("family")) and not group.get("siblings") \
                and present.isdisjoint(_PARENT_WORDS | _SIBLING_WORDS):
            continue  # "#TeamYorkshire" is a county's: a family's hashtag goes with the family ("her grandparents")
        tag = group.get("numbered") or group.get("family")
        if tag and not names.listed_surname(tag):
            continue  # "#Top10", "#Covid19", "#ProudFamily": a hashtag's word counts only as a listed surname
        surname = group["surname"] or group.get("tagged") or group.get("family") or group.get("numbered") \
            or group.get("couple") or group.get("firm")
        if group.get("tagged") and surname.endswith("s") and not names.listed_surname(surname):
            surname = surname[:-1]  # "#GoWhitworths": the family, not "#TeamJones"
        if pattern is _FAMILY_AFTER and (surname in not_families or surname.lower() in w.LOWER_COMMON or group["surname"]
                                         and len(surname) < 6 and not names.listed_surname(surname)):
            continue  # "#TeamCalderbrook", "Nana Bee": the school's own name, a word or a pet name, not a family's
        before = [child for child in children if 0 < match.start() - child.start <= _NEAR]
        if before and _surname(surname, names):
            child = max(before, key=lambda child: child.start)
            found.append(Name(child.first, surname, child.start, "family"))
    return found
