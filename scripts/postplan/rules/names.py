"""Children's names in a text, as rushed staff write them: "Maya Jones", "maya jones", "Jones, Maya",
"JONES Maya" (a mark sheet), "Maya J.", "young Trelawny", "Maya, Tom and Aisha Khan", "Mary-Jane", "Anna
Maria Kowalski", "Olamide Adebayo-Smith", a list typed in lower case that a year group ends ("josh turner
and amir said (yr 9)"), a lower-case name with its form ("jack smith 8B"), and in a CamelCase hashtag
("#WellDoneMayaJones").

Not a rule (it has no ``ID``): the three pupil-name rules share it. A name is a pupil's unless the words
around it say otherwise: a title or role before it ("Mrs", "PC", "our headteacher", "Chair of
Governors", "King", "Private"), a role after it ("David Hughes, Chair of Governors"), a place or group
word after it ("Victoria Park", "Rowan Class", "Eden Camp"), a part played ("as Mary"), or a listed
person, character, place or greeting ("Julia Donaldson", "Dick Whittington", "John Lewis", "Nollaig
Chridheil") unless a class or year group shows a pupil who shares the name ("Amir Khan 6R"). A pupil
roster (a file outside the repository named by ``POSTPLAN_ROSTER``) is the strongest signal: its names
are found in any capitals and in every form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from postplan import lazyre
from postplan.models import Post
from postplan.rules import name_words as w
from postplan.rules.base import Context
from postplan.rules.name_forms import read_names
from postplan.rules.name_types import Name, NameList
from postplan.rules.reading import Text, plain, reader_texts
from postplan.rules.text import EMAIL, HASHTAG, MENTION, URL, data_lines, words


_TOKEN = lazyre.compile(r"[A-Za-z]+(?:['’.-][A-Za-z]+)*(?:['’]s?)?")
_POSSESSIVE = lazyre.compile(r"['’]s?$")


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word) if word[-1] in "s'’" else word


def _phrases(lines) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for line in lines:
        key = tuple(_bare(t).lower() for t in _TOKEN.findall(plain(line)))
        if key:
            index.setdefault(key[0], []).append(key)
    return {first: tuple(sorted(found, key=len, reverse=True)) for first, found in index.items()}


@lru_cache(maxsize=8)
def name_list(roster: frozenset[str], not_pupils: tuple[str, ...]) -> NameList:
    """The roster's first names when a roster is set (sharper), otherwise the shipped lists."""
    surnames = frozenset(data_lines("surnames.txt"))
    phrases = _phrases([*data_lines("public-figures.txt"), *data_lines("name-phrases.txt"), *not_pupils])
    words_too = data_lines("name-words.txt")
    name_words = frozenset(n.lstrip("~") for n in words_too)  # a roster's "Will" is still the word in "Will you"
    mid_sentence = frozenset(n[1:] for n in words_too if n.startswith("~"))
    if not roster:
        return NameList(frozenset(data_lines("first-names.txt")), name_words, mid_sentence, surnames, phrases, None)
    entries = [_TOKEN.findall(plain(entry)) for entry in roster]
    first = frozenset(parts[0].title() for parts in entries if parts)
    full = [parts for parts in entries if len(parts) > 1]
    forms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for parts in full:
        given, family = tuple(p.lower() for p in parts[:-1]), parts[-1].lower()
        for key, form in (((*given, family), "full"), ((family, *given), "surname first"),
                          ((*given, family[0]), "initial")):
            forms.setdefault(key[0], []).append((key, form))
    family = {parts[-1].title() for parts in full}
    return NameList(first, name_words & first, mid_sentence & first, surnames | family, phrases, forms or None)


def name_text(text, names: NameList) -> str:
    """What the name rules read of a ``reading.Text``. A media file's name has no capitals to go by
    ("maya-jones.jpg"), so its words are read as if capitalised ("Maya Jones"), except a word after a first
    name that is neither a listed surname nor a name: "jasmine-poster.jpg" and "kayden-daily-mile.jpg" are
    a child and what the photo shows, so only a listed surname makes a full name there, as in lower case."""
    return _file_words(text.value, names) if text.kind == "file name" else text.value


@lru_cache(maxsize=4096)  # three rules ask about the same file name
def _file_words(value: str, names: NameList) -> str:
    shown, after_first = [], False
    for word in value.split(" "):
        title = word.title()
        first = names.is_first(title)
        shown.append(word.lower() if after_first and not first and not names.listed_surname(title) else title)
        after_first = first and title not in names.name_words  # "rose-garden.jpg" stays "Rose Garden", no child
    return " ".join(shown)


def names_for(context) -> NameList:
    """The name list for this run: the roster (if any) and the school's ``not_pupils`` setting."""
    settings = context.repository.settings
    return name_list(context.roster, tuple(getattr(settings, "not_pupils", ())))


def readable(text: str) -> str:
    """The text with links, addresses and @mentions blanked out, CamelCase hashtags read as words
    ("#WellDoneMayaJones" → "Well Done Maya Jones") and names spelled out as words ("E-V-I-E" → "Evie");
    line breaks are kept."""
    for marker, pattern in (("/", URL), ("www.", URL), ("@", EMAIL), ("@", MENTION)):
        if marker in text:
            text = pattern.sub(lambda m: " " * len(m.group()), text)
    if "#" in text:
        text = HASHTAG.sub(_hashtag_words, text)
    if "-" in text:  # a name spelled out letter by letter, as fingerspelling or a phonics game writes it
        text = _SPELLED.sub(lambda m: m.group().replace("-", "").title(), text)
    if "." in text or "_" in text:  # a username made of a name and a year: "lucy.brennan2014"
        text = _USERNAME.sub(lambda m: f"{m.group(1)} {m.group(2)}".ljust(len(m.group())), text)
    return text


_USERNAME = lazyre.compile(r"\b([a-z]{2,})[._]([a-z]{2,})\d{2,4}\b")


_SPELLED = lazyre.compile(r"\b(?:[A-Z]-){2,}[A-Z]\b")  # "E-V-I-E M-A-R-S-D-E-N"


def _hashtag_words(match: re.Match[str]) -> str:
    tag = match.group(1)
    if tag.islower() or tag.isupper():
        return " " * len(match.group())
    return " " + " ".join(_HASHTAG_WORD.findall(tag)) + ". "


_HASHTAG_WORD = lazyre.compile(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])|\d+")  # "#WellDoneMayaJones2026"


class _Token:
    """A word of a text. A plain class with slots: a post has dozens and a trust tens of thousands of posts."""

    __slots__ = ("word", "bare", "start", "end", "gap")

    def __init__(self, word: str, bare: str, start: int, end: int, gap: str):
        self.word = word  # as written, possessive and all
        self.bare = bare  # without "'s"
        self.start = start
        self.end = end
        self.gap = gap  # what is written between this word and the next


def _tokens(text: str) -> list[_Token]:
    found = [(match.start(), match.group().rstrip(".")) for match in _TOKEN.finditer(text)]
    ends = [start for start, _ in found[1:]] + [len(text)]  # each word's gap runs to the next word
    tokens = []
    for (start, word), end in zip(found, ends):
        stop = start + len(word)
        tokens.append(_Token(word, _bare(word), start, stop, text[stop:end]))
    return tokens


def _covered(tokens: list[_Token], names: NameList, text: str | None = None) -> set[int]:
    """The tokens that belong to a listed person, character, place or greeting; given the ``text``, not a
    pupil who shares a famous name, as a class or year group shows ("Year 6 pupil Amir Khan", "Amir Khan 6R")."""
    covered: set[int] = set()
    keys = [t.bare.lower() for t in tokens]
    for index, key in enumerate(keys):
        for phrase in names.not_pupils.get(key, ()):
            written = keys[index:index + len(phrase)]
            if written[:-1] == list(phrase[:-1]) and written[-1:] in ([phrase[-1]], [phrase[-1] + "s"]):
                end = tokens[index + len(phrase) - 1].end
                if text is None or not _in_a_class(text, tokens[index].start, end):
                    covered.update(range(index, index + len(phrase)))
                break
    return covered


def _in_a_class(text: str, start: int, end: int) -> bool:
    """A class or year group after a name or before it: "Jack Smith 8B", "(Y7)", "Year 9's Jack Smith"."""
    return bool(w.PUPIL_AFTER.match(text, end) or w.CHILD_BEFORE.search(text, max(0, start - 30), start))


def blank_not_pupils(text: str, names: NameList) -> str:
    """The text with every listed person, character, place or greeting blanked out (positions kept)."""
    tokens = _tokens(text)
    covered = _covered(tokens, names)
    if not covered:
        return text
    chars = list(text)
    for index in covered:
        token = tokens[index]
        chars[token.start:token.end] = " " * (token.end - token.start)
    return "".join(chars)


def mentions_not_pupil(text: str, names: NameList) -> bool:
    """Whether the text names a listed person, character or place ("Roald Dahl's birthday")."""
    return bool(_covered(_tokens(text), names))


@lru_cache(maxsize=65536)  # three rules ask about the same text
def find_names(text: str, names: NameList) -> tuple[Name, ...]:
    """Children's names in the (plain) text, each with its form and where it starts."""
    shown = readable(text) if "#" in text else None  # blanking links is the dearer part: only if needed
    lowered = words(shown if shown is not None else text)
    roster_words = names.roster is not None and not lowered.isdisjoint(names.roster)
    if not roster_words and not _may_hold_a_name(lowered, names):
        return ()
    shown = readable(text) if shown is None else shown
    tokens = _tokens(shown)
    roster = _roster_names(tokens, names) if roster_words else []
    found = read_names(tokens, _covered(tokens, names, shown), names, shown)
    taken = {name.start for name in roster}
    return tuple(sorted([*roster, *(name for name in found if name.start not in taken)], key=lambda n: n.start))


_FORM_CODE = lazyre.compile(r"\d{1,2}[a-z]{1,2}")
_SURNAME_CUES = frozenset({"young", "master", "cdt", "cadet"})  # words a surname alone follows


def _may_hold_a_name(lowered: frozenset[str], names: NameList) -> bool:
    if not lowered.isdisjoint(_SURNAME_CUES) or "the" in lowered and lowered & w.SIBLINGS \
            or ("from" in lowered or "by" in lowered) and not lowered.isdisjoint(w.SCORING):
        return True
    if not names.first_lower.isdisjoint(lowered):
        return True
    if lowered.isdisjoint(names.surnames_lower):
        if any(len(word) == 1 and word not in "ai" for word in lowered) and any(
                _FORM_CODE.fullmatch(word) for word in lowered):
            return True  # an initial, any surname and a form code: "E. BRANNIGAN 5H"
        return not lowered.isdisjoint(w.PRAISE_WORDS) and any(  # "Well done Tayo Bankole-Williams"
            "-" in word and not names.surnames_lower.isdisjoint(word.split("-")) for word in lowered)
    # a surname with praise, an initial ("R. Patel"), a year group after it or a list of scorers
    return not lowered.isdisjoint(w.PRAISE_WORDS) or any(len(word) == 1 and word not in "ai" for word in lowered) \
        or not lowered.isdisjoint(w.SURNAME_CUES) or any(word[:1] == "y" and word[1:].isdigit() for word in lowered)


def _roster_names(tokens: list[_Token], names: NameList) -> list[Name]:
    """Roster names written in full in any form and capitals ("maya jones", "Jones, Maya", "Maya J")."""
    keys = [token.bare.lower() for token in tokens]
    found = []
    for index, key in enumerate(keys):
        for words_of, form in names.roster.get(key, ()):
            end = index + len(words_of)
            if keys[index:end] != list(words_of) or (form == "initial" and len(tokens[end - 1].bare) != 1):
                continue
            if form == "surname first" and not tokens[index].gap.lstrip().startswith(","):
                continue
            written = tokens[index:end]
            if form == "surname first":
                found.append(Name(" ".join(t.bare for t in written[1:]), written[0].bare, tokens[index].start, form))
            else:
                found.append(Name(" ".join(t.bare for t in written[:-1]), written[-1].bare, tokens[index].start, form))
            break
    return found


# Words that show a text is about people children learn about or play, not about pupils: history and
# its periods, the arts, sport's greats, books and shows ("our Tudors topic: Thomas Cromwell").
_FIGURE_WORDS = frozenset("""history historical historian historians tudor tudors victorian victorians roman romans
viking vikings saxon saxons stuart stuarts georgian georgians edwardian egyptian egyptians greek greeks ww1 ww2 wwi
wwii war wars century centuries reign king kings queen queens monarch monarchs explorer explorers inventor inventors
scientist scientists physicist chemist mathematician painter sculptor composer composers novelist playwright
illustrator designer designers architect architects biography autobiography famous inspirational olympian olympians
panto pantomime nativity fairy tale tales novel myth myths olympic olympics paralympic paralympics medallist
medallists documentary documentaries""".split())
_FAME_TO_COME = lazyre.compile(r"\b(?:be|become|becoming)\s+famous\b", re.IGNORECASE)
# A year from history ("in 1666", "the 1950s"), not a ticket's number ("ticket 1102") nor a count ("1500 steps").
_OLD_YEAR = lazyre.compile(r"(?<![£#])(?<!ticket )(?<!tickets )(?<!number )(?<!no\. )(?<!no )(?<!raffle )\b(?:1[0-8]\d\d|19[0-8]\d)\b"
                           r"(?!\s*(?:tickets?|pupils|children|people|miles|metres|km|points|steps|words|pieces|laps|entries)\b)")


# A class studying, reading or performing a book, play or poem, whose characters have full names too
# ("Year 10 have been studying Blood Brothers", "Year 9 are reading The Curious Incident of the Dog in the
# Night-Time", "we're performing the play"), or words only literature uses ("the set text", "the
# protagonist"; not "narrator" nor "main character", parts pupils play). The verb must follow "been",
# "are"...: "Reading Champions: Maya Jones" are pupils.
_STUDYING = (r"\b(?:been|are|is|were|was|re|started|begun|began|finished|loved|enjoyed|enjoying|now|currently|"
             r"sociology|psychology|history|today)\s+"
             r"(?:studying|studied|reading|analysing|analyzing|performing|performed|rehearsing|staging|discussing|"
             r"evaluating|evaluated|revisiting|revisited|critiquing|comparing)\s+")
_A_WORK = lazyre.compile(
    _STUDYING + r"(?:(?:the|our|their|this|a|an|some)\s+)?(?:(?:set|class|gcse|exam)\s+)?(?:texts?|novels?|"
    r"novellas?|plays?|poems?|poetry|scripts?|extracts?|sonnets?)\b|\bset\s+texts?\b|\b(?:protagonist|antagonist)s?\b|"
    r"\bnovellas?\b"
    # someone's work, said with their name: "studying Alvin Ailey's 'Revelations'", "we're evaluating Philip
    # Zimbardo's prison study", "revisited Cynthia Cockburn's work"
    r"|" + _STUDYING + r"(?-i:[A-Z][\w-]+\s+[A-Z][\w-]+)['’]s\s+(?:['‘\"“](?-i:[A-Z])|(?:[\w-]+\s+)?(?:study|studies|"
    r"experiments?|theory|theories|research|work\s+on|model|ideas)\b)"
    # a title in capitals, then its author: "For the Fallen by Laurence Binyon", "Aliens Love Underpants by …"
    r"|(?-i:\b[A-Z][\w'’-]*\s+(?:(?:(?:the|of|and|a|an|in|on|for|to|with|from)\s+)*[A-Z][\w'’-]*\s+){1,6}by\s+"
    r"[A-Z][a-z]+\s+[A-Z][\w'’-]+)", re.IGNORECASE)
# The title of the work after the verb: "The …", "A …", or a capitalised word that is not a name, a
# group or a day ("studying Blood Brothers", not "reading Maya's poem" nor "reading Year 9's stories").
_A_TITLE = lazyre.compile(_STUDYING + r"[\"“‘']?(?-i:(?:The|An?)\s+[A-Z]|([A-Z][\w'’-]*))", re.IGNORECASE)
_NOT_TITLES = frozenset("Year Years Class Reception Nursery Key Christmas Easter Harvest Diwali Eid".split()) \
    | frozenset(word.title() for word in w.MONTHS + w.WEEKDAYS)  # "reading Year 9's poems", "rehearsing Friday"
# What marks a name in such a text as a pupil's, beside praise and a class: the part they played ("Maya
# Jones as Lady Macbeth", "played by Tom Baker", "starring Maya Jones, Priya Shah and Tom Baker") or their
# own reading or writing ("Maya Jones has been reading her poem", "Tom Baker wrote a brilliant review").
_ACTOR_BEFORE = lazyre.compile(r"(?i:(?:played|performed|read|recited|sung|narrated|directed)\s+(?:[a-z]+ly\s+)?by|"
                               r"starring|cast\s*:)\s*(?:[A-Z][\w'’-]*\s+[A-Z][\w'’-]*(?:,\s*|\s+and\s+|\s*&\s*))*$")
_ACTOR_AFTER = lazyre.compile(
    r"['’]?s?\s+(?:(?:(?:was|were|is|made)\s+(?:an?\s+)?(?:[a-z]+\s+){0,2}?)?(?-i:as|played|plays|playing)\s+"
    r"(?:(?-i:[A-Z])|the\s+(?:role|part|lead|main|title)\b)|"
    r"(?:(?:has|have|is|was|will)\s+(?:been\s+|be\s+)?)?(?:reading|read|reciting|recited|performing|performed|"
    r"starring|starred)\s+(?:his|her|their|a|an|the|out|aloud|to)\b|(?:wrote|has\s+written)\s+(?:a|an|his|her|their)\s+"
    r"(?:[a-z]+\s+){0,2}(?:review|essay|response|analysis)\b)", re.IGNORECASE)


def about_figures(text: str) -> bool:
    """Whether a text is about figures from history, the arts, sport or stories, where a first name and
    surname are more likely someone famous than a pupil (the full-name rules then warn, not block)."""
    figures = words(text) & _FIGURE_WORDS
    if figures == {"famous"} and _FAME_TO_COME.search(text):
        return _OLD_YEAR.search(text) is not None  # "Most likely to be famous: Jade …" is a pupil's award
    return bool(figures) or _OLD_YEAR.search(text) is not None


def about_a_work(text: str, names: NameList) -> bool:
    """Whether a text is about a book, play or poem a class studies or performs, where a first name and
    surname are more likely a character than a pupil (the full-name rules then warn, not block)."""
    return _A_WORK.search(text) is not None or any(
        word is None or not names.is_first(_bare(word)) and _bare(word) not in _NOT_TITLES
        for word in (title.group(1) for title in _A_TITLE.finditer(text)))


# A commemoration, where the names read out are of the fallen and whoever reads them is a pupil: "At this
# morning's Remembrance service, Freya Marsh read the name of her great-great-grandfather, Private Albert Marsh".
_CEREMONY = lazyre.compile(
    r"\b(?:remembrance|armistice|memorial|commemorat\w*|silence|last\s+post|wreaths?|poppy|poppies)\b", re.IGNORECASE)
_PERFORMER_AFTER = lazyre.compile(
    r"['’]?s?,?\s+(?:(?:has|have|was|will|who)\s+(?:been\s+|be\s+)?)?(?:[a-z]+ly\s+)?(?:read|reads|reading|recited|"
    r"recites|reciting|laid|lays|laying|played|plays|playing|sounded|sang|sings|singing|led|leads|leading|performed)\s+"
    r"(?:the|a|an|out|aloud|her|his|their|our|in|from)\b", re.IGNORECASE)


def _a_pupil(text: str, name: Name, work: bool, ceremony: bool) -> bool:
    """Praised or named with a class: a pupil even in a post about history or a play ("Well done Sienna
    Thompson for her Viking longship", "Jaden Clarke-Campbell in 9W", "Year 9's Freya Marsh"). Beside a book
    or play (``work``), also a name cast in a part or reading to the class ("Maya Jones as Lady Macbeth"); at
    a commemoration (``ceremony``), one who reads, lays a wreath or plays ("Freya Marsh read the names");
    not in history, where "Thomas Cromwell as Lord Chancellor" is the man himself."""
    end = text.find(name.surname or name.first, name.start) + len(name.surname or name.first)
    if w.PRAISE_BEFORE.search(text, max(0, name.start - 40), name.start) or _in_a_class(text, name.start, end):
        return True
    if ceremony and _PERFORMER_AFTER.match(text, end):
        return True
    return work and bool(_ACTOR_BEFORE.search(text, max(0, name.start - 80), name.start)
                         or _ACTOR_AFTER.match(text, end))


def _about(text: Text, texts: tuple[Text, ...], names: NameList) -> tuple[bool, bool, bool]:
    """Whether a text is about a work studied, about famous figures, and about a commemoration. A thread
    is about history as a whole: "Was Richard Oastler right?" in a thread whose first part is about the
    Industrial Revolution, 1801 to 1851, is about the man, not a pupil."""
    work = about_a_work(text.value, names)
    thread = [other.value for other in texts if other.kind == "text"] if text.kind == "text" else [text.value]
    famous = work or any(about_figures(value) for value in thread)
    # A class's own assembly or play casts pupils in parts ("Alfie Ndlovu as Erik the Red"), even on history.
    staged = work or _STAGED.search(text.value) is not None
    return staged, famous, any(_CEREMONY.search(value) for value in thread)


_STAGED = lazyre.compile(r"\b(?:assembly|assemblies|nativity|play|production|performance|show|panto(?:mime)?|musical)\b",
                         re.IGNORECASE)


def full_names(post: Post, context: Context, figures: bool) -> Iterator[tuple[Text, Name]]:
    """Each child's name other than a first name alone in the texts a reader sees, once each, with its
    text; a first name and surname in a text about famous figures only when ``figures``, else never."""
    names = names_for(context)
    seen = set()
    texts = reader_texts(post)
    for text in texts:
        work = famous = ceremony = None
        shown = name_text(text, names)
        read = readable(shown) if "#" in shown else shown  # what the names' positions are in (as find_names reads)
        for name in find_names(shown, names):
            if name.form == "first" or name.full.lower() in seen:
                continue
            if name.form == "full":
                if famous is None:  # asked once a text, and only of a text with a full name
                    work, famous, ceremony = _about(text, texts, names)
                if (famous and not _a_pupil(read, name, work, ceremony)) != figures:
                    continue
            elif figures:
                continue
            seen.add(name.full.lower())
            yield text, name
