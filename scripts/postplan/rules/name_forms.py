"""Reading the words of a text as children's names, one form at a time (see ``names.py``).

Not a rule (it has no ``ID``). Each reader looks at one word and the words around it and says whether
it starts a child's name, in which form; the words it used are not read again.
"""

from __future__ import annotations

from postplan import lazyre
from postplan.rules import name_words as w
from postplan.rules.name_adults import TIGHT as _TIGHT
from postplan.rules.name_adults import adult_or_title as _adult_or_title
from postplan.rules.name_adults import CADET, a_show, cadet_surname
from postplan.rules.name_adults import capitalised as _capitalised
from postplan.rules.name_adults import key as _key
from postplan.rules.name_adults import next_word as _next
from postplan.rules.name_adults import previous_word as _previous
from postplan.rules.name_adults import role_after as _role_after
from postplan.rules.name_types import Name, NameList


def read_names(tokens: list, covered: set[int], names: NameList, text: str) -> list[Name]:
    found: list[Name] = []
    used: set[int] = set(covered)
    lowered = text.lower()
    labels = "label" in lowered or "name" in lowered  # every form of LABELLED holds one of the two
    for index in range(len(tokens)):
        if index in used:
            continue
        name, width = _name_at(tokens, index, names, text, labels) or (None, 0)
        if name is not None:
            found.append(name)
        if width:  # an adult's name too, unread: "Mrs Joanne Fletcher" is one person
            used.update(range(index, index + width))
    return found


def _name_at(tokens: list, index: int, names: NameList, text: str, labels: bool):
    """The name that starts at this word, in the first form that reads one there, and its width.

    Each form is asked only when its own first test passes, tested here at once: most words of a post
    start no name, and asking all five forms of every word was most of the time names took.
    """
    token = tokens[index]
    after = _next(tokens, index)
    capital_after = after is not None and _capitalised(after)
    if (capital_after or token.word == "Master") and (token.word in w.BEFORE_SURNAME
                                                      or token.word.lower() in ("the", "both")):
        found = _surname_alone(tokens, index, names, text)  # "young Trelawny", "the Patel twins"
        if found:
            return found
    if token.gap == ", " or capital_after and token.bare.isupper() and len(token.bare) > 1:
        found = _surname_first(tokens, index, names, text)  # "Jones, Maya", "JONES Maya"
        if found:
            return found
    if labels or len(token.bare) == 1 or token.bare in names.surnames:
        found = _surname_with_cue(tokens, index, names, text)  # "Smith (Y4)", "labelled A. Kowalczuk"
        if found:
            return found
    if names.is_first(_key(token)):
        if _adult_or_title(tokens, index, text):  # and her surname is no child's first name ("Fletcher")
            return None, 2 if capital_after else 1
        found = _first_name(tokens, index, names, text)
        if found:
            return found
    return _unlisted_first(tokens, index, names, text) if capital_after else None  # "Tayo Bankole-Williams"


def _first_name(tokens: list, index: int, names: NameList, text: str):
    """A first name, maybe with a second first name, a surname or an initial after it."""
    token = tokens[index]
    key = _key(token)
    lower = token.bare.islower()
    word_too = key in names.name_words  # "Daisy Chain": with a listed surname only, wherever it is
    ambiguous = word_too and not (key in names.mid_sentence and (
        not _starts_sentence(text, token) or _a_person(tokens, index, names, text)))
    after = _next(tokens, index)
    if after is not None and _AFTER_SOMEONE.search(after.bare):
        return None  # "their Matthew Bourne-inspired piece": a name made an adjective is someone famous's
    if a_show(tokens, index) or after is not None and after.word in ("class", "class."):
        return None  # "the Matilda cast", "last Wednesday's Matilda": a show after its heroine; "Willow class"
    if after is not None and (after.bare in w.NOT_SURNAMES or after.bare.rstrip("s") in w.NOT_SURNAMES
                              or key.lower() in w.HONORIFICS and _capitalised(after)):
        return None  # "Rowan Class", "Poppy Appeal": a group, a place, an occasion; "King John": a title
    if after is not None and _capitalised(token) and after.bare[:1].isupper() and names.is_first(_key(after)):
        double = f"{token.bare} {after.bare}"  # "Anna Maria", "Lily Rose", maybe "Lily Rose Evans"
        found = _surname_after(tokens, index + 1, names, ambiguous=False)
        if found:
            return _unless_adult(tokens, index, 2 + found[1], Name(double, found[0], token.start, "full"), text)
        if after.bare not in names.surnames and not names.double_barrelled(after.bare):
            return None if ambiguous else (Name(double, None, token.start), 2)
    particle = _particle_surname(tokens, index)
    if particle and not lower and not ambiguous:  # "Oisín Ó Briain", "Niamh Ní Dhomhnaill", "Ana De Souza"
        surname, width = particle
        return _unless_adult(tokens, index, 1 + width, Name(token.bare, surname, token.start, "full"), text)
    initial = _initial(tokens, index)
    if initial and not lower and not ambiguous:
        return _unless_adult(tokens, index, 2, Name(token.bare, initial, token.start, "initial"), text)
    # a name that is a word too takes an unlisted surname when a class follows ("Daisy Whitfield – 2T"), after
    # praise ("Well done to Ruby Ackerley") or among children's first names ("Best laugh: Kieran")
    marked = after is not None and (bool(w.PUPIL_AFTER.match(text, after.end)) or _cued(tokens, index, names, text))
    found = _surname_after(tokens, index, names, word_too and not marked)
    if found and (not (lower and word_too) or w.PUPIL_AFTER.match(text, tokens[index + found[1]].end)
                  or w.PRAISE_BEFORE.search(text, max(0, token.start - 40), token.start)):  # "jack smith 8B"
        surname, width = found
        if _place(tokens, index, surname, word_too):
            return None
        return _unless_adult(tokens, index, 1 + width, Name(token.bare, surname, token.start, "full"), text)
    if ambiguous and not lower and w.CHILD_AFTER.match(text, token.start + len(token.bare)):
        return _unless_adult(tokens, index, 1, Name(token.bare, None, token.start), text)  # "Jordan in Year 8"
    if lower and not word_too:
        return _in_year_list(tokens, index, names, text)  # "josh turner and amir said (yr 9)"
    if lower or ambiguous or _business(tokens, index) or word_too and after is not None and _capitalised(after):
        return None  # "Daisy Chain Workshop", "Holly Wreath": a Title Case phrase, not a child
    return _unless_adult(tokens, index, 1, Name(token.bare, None, token.start), text)


def _in_year_list(tokens: list, index: int, names: NameList, text: str):
    """A lower-case name whose surname is also a word ("josh turner", "amir said") or with two first names
    ("ellie mae price"): a child's in a list that a year group or class ends ("helpers: ellie-mae price,
    josh turner and amir said (yr 9)", "(Y9)", "- yr9!", "(rowan class)"); "josh said" alone is a sentence."""
    last = end = _list_item(tokens, index, names)
    if last == index or not names.lower_surname(tokens[last].bare):
        return None
    for _ in range(12):  # a list of helpers or winners, not a page
        if w.YEAR_AFTER.match(text, tokens[end].end):
            written = tokens[index:last + 1]
            name = Name(" ".join(t.bare for t in written[:-1]), written[-1].bare, written[0].start, "full")
            return _unless_adult(tokens, index, len(written), name, text)
        listed = end + 1 < len(tokens) and tokens[end + 1].bare == "and" and tokens[end].gap in (" ", ", ")
        following = end + 2 if listed else end + 1
        if not listed and tokens[end].gap not in (", ", " & ", "; ") or following >= len(tokens) \
                or not tokens[following].bare.islower() or not names.is_first(_key(tokens[following])):
            return None
        end = _list_item(tokens, following, names)
    return None


def _list_item(tokens: list, index: int, names: NameList) -> int:
    """The last word of the lower-case name at ``index``: a listed surname, a second first name, or itself."""
    last = index
    while (after := _next(tokens, last)) is not None and after.bare.islower():
        if names.lower_surname(after.bare):
            return last + 1
        if last > index or not names.is_first(_key(after)) or _key(after) in names.name_words:
            break
        last += 1  # "ellie mae"
    return last


def _unlisted_first(tokens: list, index: int, names: NameList, text: str):
    """A first name not on the list, known by what is around it: praise before it and a listed surname
    after it ("Well done Tayo Bankole-Williams"). Never a word the lists know as something else."""
    token, after = tokens[index], _next(tokens, index)
    if after is None or not _capitalised(after) or not names.listed_surname(after.bare) \
            or after.bare in w.NOT_SURNAMES or after.bare in w.PLACE_SURNAMES:
        return None  # the cheap tests first: most words have no listed surname after them
    if not _capitalised(token) or not token.bare.isalpha() or len(token.bare) < 3 or token.bare.isupper() \
            or token.bare.lower() in w.TITLES or token.bare in w.NOT_SURNAMES or token.bare in names.surnames:
        return None
    if not w.PRAISE_BEFORE.search(text, max(0, token.start - 40), token.start):
        return None
    return _unless_adult(tokens, index, 2, Name(token.bare, after.bare, token.start, "full"), text)


def _a_person(tokens: list, index: int, names: NameList, text: str) -> bool:
    """What a child does after a name that is a word too: "Ruby's wheelchair", "Ruby said", "Ruby and Amir"."""
    token = tokens[index]
    other = tokens[index + 2].bare if index + 2 < len(tokens) and tokens[index + 1].bare in ("and", "&") else ""
    return bool(w.PERSON_AFTER.match(text, token.start + len(token.bare))) \
        or names.is_first(other) and other not in names.name_words


_AFTER_A_NAME = frozenset("for on in at from with who and is has was will gets got".split())


def _cued(tokens: list, index: int, names: NameList, text: str) -> bool:
    """Praise just before a name ("Congratulations Jade …"), or two other children named by first name alone
    in the text (a poll's options, a list of winners): a name that is a word too is a child's there."""
    start, then = tokens[index].start, _next(tokens, index + 1)
    if then is not None and then.bare.islower() and then.bare not in _AFTER_A_NAME:
        return False  # "Well done to Holly Wreath makers": a phrase, not a name
    if w.PRAISE_BEFORE.search(text, max(0, start - 40), start):
        return True
    alone = 0
    for other, token in enumerate(tokens):
        if other == index or not _capitalised(token) or not names.is_first(token.bare):
            continue
        following = _next(tokens, other)
        if token.bare in names.name_words:  # "Kindest human: Ola." is a name; "Best laugh" is not
            alone += other > 0 and tokens[other - 1].gap.rstrip().endswith((":", ",")) and token.gap[:1] in ".,;!"
        elif following is None or not _capitalised(following):
            alone += 1
    return alone >= 2


def _starts_sentence(text: str, token) -> bool:
    before = text[:token.start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;\n"


def _unless_adult(tokens: list, index: int, width: int, name: Name, text: str):
    return None if _role_after(tokens, index + width - 1, text) else (name, width)


def _surname_after(tokens: list, index: int, names: NameList, ambiguous: bool):
    """The surname written after the word at ``index``, and how many words it takes."""
    token, after = tokens[index], _next(tokens, index)
    if after is None:
        return None
    if token.bare.islower():  # "maya jones": only a listed surname, not a common word
        if after.bare.islower() and names.lower_surname(after.bare) and after.bare not in w.LOWER_COMMON:
            return after.bare, 1
        return None
    if not _capitalised(after) or after.bare in w.NOT_SURNAMES or after.bare.rstrip("s") in w.NOT_SURNAMES:
        return None
    if after.bare.isupper() and not token.bare.isupper():
        return None  # "Maya NHS", "Tom PE": an abbreviation, not a surname
    if ambiguous and not names.listed_surname(after.bare):
        return None
    return after.bare, 1


def _particle_surname(tokens: list, index: int):
    """A surname that starts with a particle ("Ó Briain", "Ní Dhomhnaill", "De Souza"), and its width."""
    after = _next(tokens, index)
    if after is None or after.bare not in w.SURNAME_PARTICLES:
        return None
    last = _next(tokens, index + 1)
    if last is None or not _capitalised(last) or last.bare in w.NOT_SURNAMES or len(last.bare) < 2:
        return None
    return f"{after.bare} {last.bare}", 2


def _initial(tokens: list, index: int) -> str | None:
    """The initial after a first name: "Maya J." or "Maya J" (not "I", nor "A" starting a phrase)."""
    after = _next(tokens, index)
    if after is None or len(after.bare) != 1 or not after.bare.isupper() or after.bare == "I" \
            or after.gap[:1].isdigit():
        return None  # "Priya Y5": a year group
    dotted = after.gap.startswith(".")
    if after.bare == "A" and not dotted and index + 2 < len(tokens) and after.gap in _TIGHT:
        return None
    return after.bare + ("." if dotted else "")


def _place(tokens: list, index: int, surname: str, ambiguous: bool) -> bool:
    """A place whose name holds a first name: "Victoria Park", "at Tom Hill" (not "thanks to Tom Hall")."""
    if surname not in w.PLACE_SURNAMES:
        return False
    before = _previous(tokens, index)
    return ambiguous or (before is not None and before.bare.lower() in w.PLACE_BEFORE)


def _business(tokens: list, index: int) -> bool:
    """A business named after someone: "Owen's Animals"."""
    token, after = tokens[index], tokens[index + 1] if index + 1 < len(tokens) else None
    return token.word != token.bare and after is not None and token.gap in _TIGHT and _capitalised(after)


_AFTER_SOMEONE = lazyre.compile(r"-(?:inspired|style|themed|esque|like)$")
_FORM_LABEL = lazyre.compile(r"\b\d{1,2}[A-Z]{1,2}\s*[:–-]\s*$")  # a register's class before the names


def _surname_first(tokens: list, index: int, names: NameList, text: str):
    """"Jones, Maya" and "jones, maya": a surname, a comma, a first name; or, as on a mark sheet or register,
    the surname in capitals and no comma ("PATEL Riya"). The surname is a listed one, or any in a list of
    such names ("Oastler, Harriet; Ramsbottom, Aryan", "OASTLER Harriet, RAMSBOTTOM Aryan")."""
    token = tokens[index]
    if token.gap == ", " and index + 1 < len(tokens):
        given, lower = tokens[index + 1], token.bare.islower()
        # as a register has it: "HUSSAIN, Zara", "6K: Hussain, Aaliyah"
        register = token.bare.isupper() and len(token.bare) > 1 \
            or _FORM_LABEL.search(text, max(0, token.start - 8), token.start) is not None
        if names.is_first(_key(token)) and not register or lower != given.bare.islower() \
                or lower and token.bare in w.LOWER_COMMON or given.word != given.bare and index + 2 < len(tokens):
            return None
    else:  # not "BROWN Bear" nor "KING John": a word in capitals, then a name that is a word too
        given = _next(tokens, index)  # (but "WARD Esme (6T)" on a results sheet, with her form after)
        if given is None or given.bare.isupper() or token.bare.lower() in w.LOWER_COMMON \
                and not w.PUPIL_AFTER.match(text, given.start + len(given.bare)):
            return None
    key = _key(given)
    if not names.is_first(key) or key in names.name_words or not names.listed_surname(token.bare.title()) \
            and not _on_a_sheet(token, text, token.gap == ", ") or _adult_or_title(tokens, index, text):
        return None
    return Name(given.bare, token.bare, token.start, "surname first"), 2


def _on_a_sheet(token, text: str, comma: bool = False) -> bool:
    """An unlisted surname in a list of two or more names written surname first (not "Thanks, Maya"), or,
    with a ``comma`` after it, at a numbered place in a list ("1. Lindqvist, Freya (5/5)")."""
    return token.bare[:1].isupper() and token.bare.lower() not in w.NOT_A_SHEET \
        and token.bare not in w.NOT_SURNAMES and (len(w.SHEET_NAME.findall(text)) > 1
                                                 or comma and w.RANKED.search(text, 0, token.start) is not None)


def _surname_alone(tokens: list, index: int, names: NameList, text: str):
    """A pupil called by a surname: "young Trelawny", "Master Jones", "the Patel twins", "the Haworth twins in
    Year 10"."""
    token = tokens[index]
    if token.word in CADET:  # "Cdt Sgt Hargreaves"
        found = cadet_surname(tokens, index, names.surnames)
        return found and (Name(found[0].bare, None, found[0].start, "surname"), found[1])
    after = _next(tokens, index)
    last = tokens[index + 2] if index + 2 < len(tokens) else None
    if token.word == "Master" and after is not None and len(after.bare) == 1 and after.bare.isupper() \
            and last is not None and _capitalised(last) and last.bare not in w.NOT_SURNAMES:
        return Name(after.bare + ".", last.bare, after.start, "initial surname"), 3  # "Master T. Wainwright-Singh"
    if after is None or not _capitalised(after):
        return None
    word, listed = token.word, after.bare in names.surnames
    if names.is_first(_key(after)) and not (listed and word.lower() == "young"):
        return None  # "young Tom" is a first name; "young Adebayo" (a surname too) is read as a surname
    if word == "young" or word == "Young" and listed or word == "Master" and token.gap == " ":
        if after.bare in w.YOUNG_WORDS or after.bare in w.NOT_SURNAMES or after.bare.isupper():
            return None
        before = _previous(tokens, index)
        if before is not None and before.bare.lower() in w.DETERMINERS | {"our", "your", "future", "budding"}:
            return None  # "a young Mozart", "our young Einsteins": a likeness, not a pupil
        if after.bare.endswith("s") and after.bare not in names.surnames:
            return None
        return Name(after.bare, None, after.start, "surname"), 2
    if word in ("from", "by") and listed and not names.is_first(_key(after)) and _cue_before(tokens, index, w.SCORING):
        return Name(after.bare, None, after.start, "surname"), 2  # "a wonder save from Sutcliffe"
    following = _next(tokens, index + 1)
    if word.lower() in ("the", "both") and following is not None and following.bare in w.SIBLINGS \
            and (after.bare in names.surnames or word.lower() == "both" or w.CHILD_AFTER.match(text, following.end)
                 or w.DOUBLE_BARRELLED.fullmatch(after.bare)
                 or following.bare in ("twins", "triplets") and not after.bare.endswith(("ic", "ish", "ese", "an"))) \
            and after.bare not in w.FAMOUS_SIBLINGS:
        return Name(after.bare, None, after.start, "surname"), 3
    return None


def _surname_with_cue(tokens: list, index: int, names: NameList, text: str):
    """A surname that the words around it show is a pupil's: "Smith (Y4)", "R. Patel (5H)", a list of
    initials and surnames, or a list of scorers ("Goals: Harrison (2), Begum")."""
    token = tokens[index]
    single = len(token.bare) == 1
    labelled = w.LABELLED.search(text, max(0, token.start - 20), token.start) is not None
    if labelled:
        return _labelled_name(tokens, index, names)
    if not single and token.bare not in names.surnames:
        return None  # the cheap test first
    before = tokens[index - 1] if index else None
    if before is not None and (before.bare.lower() in w.TITLES or before.bare in w.CAPITALISED_TITLES):
        return None
    if single and token.bare.isupper() and (token.bare not in "AI" or token.gap in (". ", ".")):
        after = _next(tokens, index) if token.gap in (" ", ". ", ".") else None
        if after is None and index + 1 < len(tokens) and token.gap in (". ", "."):
            after = tokens[index + 1]
        classed = after is not None and w.PUPIL_AFTER.match(text, after.end)  # "M. Wojcik 8T", "R. Patel (5H)"
        if token.bare in "AI" and not classed or before is not None and len(before.bare) == 1 and before.gap == ". ":
            return None  # "A. Smith & Sons", "J. B. Priestley": a firm's or an author's, not "A. Hussain in Year 12"
        among = _among_names(tokens, index, names) or w.RANKED.search(text, 0, token.start) is not None
        # "Ruby, Callum, J. Osei and Hana"; "1st Keira, 4th J. Thornton"
        if after is not None and (not names.is_first(_key(after)) or names.listed_surname(after.bare) and classed) and (
                names.listed_surname(after.bare) and (classed or len(w.INITIAL_SURNAME.findall(text)) >= 2)
                or (classed or among or w.DOUBLE_BARRELLED.fullmatch(after.bare)) and _capitalised(after)
                and after.bare not in w.NOT_SURNAMES):  # "J. Hartley-Shaw" is someone's surname however rare
            return _unless_adult(tokens, index, 2, Name(token.bare + ".", after.bare, token.start, "initial surname"),
                                 text)
        return None
    if token.bare not in names.surnames or names.is_first(_key(token)) or not _capitalised(token) \
            or token.bare.lower() in w.LOWER_COMMON and before is not None and _capitalised(before):
        return None  # not the "Day" of "Pyjama Day in Nursery"
    cue = w.CHILD_AFTER.match(text, token.end)
    if cue and not cue.group().startswith(("'", "’")) or _cue_before(tokens, index, w.SURNAME_CUES, colon=True):
        return _unless_adult(tokens, index, 1, Name(token.bare, None, token.start, "surname"), text)
    return None


def _among_names(tokens: list, index: int, names: NameList) -> bool:
    """Whether the word at ``index`` follows a first name in a list ("Ruby, Callum, J. Osei and Hana")."""
    before = tokens[index - 1] if index else None
    return before is not None and before.gap in (", ", " and ", " & ") and names.is_first(_key(before))


def _labelled_name(tokens: list, index: int, names: NameList):
    """The name on a label, in any order of initial and surname."""
    token, after = tokens[index], _next(tokens, index)
    if after is None and index + 1 < len(tokens) and token.gap in (". ", "."):
        after = tokens[index + 1]
    if after is None or not token.bare[:1].isupper() or not after.bare[:1].isupper():
        return None
    if len(token.bare) == 1 and len(after.bare) > 2 and not names.is_first(_key(after)):
        return Name(token.bare + ".", after.bare, token.start, "initial surname"), 2  # "A. Kowalczuk"
    if len(after.bare) == 1 and len(token.bare) > 2 and names.listed_surname(token.bare):
        return Name(after.bare + ".", token.bare, token.start, "initial surname"), 2  # "Begum M"
    return None


def _cue_before(tokens: list, index: int, cues: frozenset[str], colon: bool = False) -> bool:
    """A sports result just before ("a wonder save from"), or with ``colon`` a list ("Goals: Harrison, Begum")."""
    before = tokens[max(0, index - (6 if colon else 3)):index]
    return any(t.bare.lower() in cues and (not colon or t.gap.startswith(":")) for t in before)
