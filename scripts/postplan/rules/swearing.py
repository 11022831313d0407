"""What the language rules share: the word lists, masked swearing ("f***", "sh!t"), and innocent phrases.

Not a rule (it has no ``ID``). ``offensive-language`` (an error) and ``mild-language`` (a warning) read
words through ``tokens`` from a text whose innocent phrases ("Dick Whittington", "Homo sapiens",
"Jackson Pollock") have been blanked by ``innocent_blanked``. Lists are read once per process.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from postplan import lazyre
from postplan.rules.text import data_lines

TOKEN = lazyre.compile(r"[\w$@!*#%+.'’-]+")
EDGES = "!.*#'’-"

# Names, foods, places, lesson words and technical terms that contain a listed word but are not offensive
# ("Jackson Pollock", "penetration testing"). They are blanked (spaces of the same length) before words
# are matched, so line numbers stay right.
INNOCENT = lazyre.compile(
    r"\b(?:Dick\s+(?:Whittington|Turpin|King-Smith|Van\s+Dyke|Tracy|Francis|Barton|Dastardly|Dale)|Fanny\s+Power|Moby[\s-]Dick|"
    r"spotted\s+dick|Philip\s+K\.?\s+Dick|Fanny\s+(?:Mendelssohn|Hensel|Burney|Cradock)|cock\s+(?:robin|pheasants?|birds?|sparrows?|blackbirds?)|cock-a-doodle(?:-doo)?|cock\s+horse|weathercocks?|"
    r"cocks?\s+(?:and|from|or|&)\s+(?:a\s+)?hens?|(?:semi-)?nude\s+(?:or\s+semi-nude\s+)?(?:images?|photos?|pictures?|selfies?)|"
    r"(?:sharing|send(?:ing)?|asked\s+for)\s+nudes|cock\s+(?:feathers?|vanes?)|pussy\s*willows?|pussy\s*cats?|Puss(?:y)?\s+in\s+Boots|Jackson\s+Pollock|"
    r"Offa(?:'|’)?s\s+Dyke|Homo\s+(?:sapiens|erectus|habilis|neanderthalensis|floresiensis|ergaster)|"
    r"(?:magna\s+|summa\s+)?cum\s+laude|oilseed\s+rape|rape\s*seed(?:\s+oil)?|fields?\s+of\s+rape|hoar\s*frost|"
    r"chinks?\s+(?:of|in)\s+\w+|jerk\s+(?:chicken|pork|seasoning|marinade|spice)|chicken\s+breasts?|"
    r"pork\s+loin|rump\s+steak|sperm\s+whales?|stoned\s+(?:dates|cherries|olives|fruit)|snuff(?:ed|ing)?\s+out|"
    r"candle\s+snuffer|opium\s+wars?|the\s+ox\s+and\s+(?:the\s+)?ass|an\s+ox\s+and\s+an\s+ass|Balaam(?:'|’)?s\s+ass|"
    # A donkey called by its old name: "the old Bible called the donkey an ass".
    r"donkeys?\s+(?:(?:is|was)\s+)?(?:called\s+|named\s+|known\s+as\s+)?(?:an?|the)\s+ass\b|"
    r"Vixen|Fanny\s+(?:Burney|Crosby|Blankers-Koen)|Sweet\s+Fanny\s+Adams|Scunthorpe|Penistone|"
    r"shi+take|cocktail\s+sausages?|hell\s+(?:for\s+)?leather|Hell(?:'|’)?s\s+Kitchen|heaven\s+and\s+hell|"
    r"(?-i:Dick\s+(?!Head\b)[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)|Shit[oō][\s-]?ry[uū]|Dick,?\s+Kerr(?:\s+Ladies)?|(?:as|playing|played|plays|starring)\s+(?-i:Dick)(?!\s+(?-i:[A-Z]))|Dickens|Wankel|nut\s+butter|Nazi\s+Germany|the\s+Nazis|the\s+Third\s+Reich|Ku\s+Klux\s+Klan|the\s+KKK|"
    r"(?:grand|wooden|bird|church|pipe)\s+organs?|Spitfires?|Hooke|Hooker(?:'|’)?s|gay\s+pride|"
    r"(?:the\s+)?Muppets?(?:\s+Christmas\s+Carol|\s+Show|\s+Movie|\s+Treasure\s+Island)|slag\s+heaps?|"
    # A diabetic child's finger prick; a seabird among others.
    r"finger[\s-]?pricks?|(?:puffins?|gannets?|cormorants?|(?:sea)?birds?|razorbills?|guillemots?|kittiwakes?|fulmars?)\b"
    r"[^.!?\n]{0,40}?\bshags?\b|\bshags?\b[^\n]{0,80}?\b(?:puffins?|gannets?|cormorants?|seabirds?|razorbills?|"
    r"guillemots?|kittiwakes?|fulmars?)\b|"
    # A famous brass band named after its village.
    r"Black\s+Dyke(?:\s+Mills)?(?:\s+Band)?|"
    # The Bible in RE: "Sodom and Gomorrah", the ark's "shittim wood" (acacia).
    r"(?-i:Sodom)(?:\s+and\s+Gomorrah)?|shittim(?:\s+wood)?|"
    # Latin in the choir's music: "Cum Sancto Spiritu" from a Gloria.
    r"cum\s+sancto(?:\s+spiritu)?|et\s+cum\s+spiritu(?:\s+tuo)?|"
    # A grown-up's surname after their title, however it looks to a word filter: "Mrs Hoare", "Mr Cox".
    r"(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)|"
    # Turf, a law, history and first aid: "sod" and "bloody" that are not swearing.
    r"(?:first|turf|the)\s+sods?\s+(?:of|for|on|at)|sods?\s+of\s+turf|sod(?:'|’)?s\s+law|"
    r"bloody\s+(?:nose|noses|knees?|lip|cuts?|battles?|war|civil\s+war|revolution|conflict|history|massacre)|"
    r"Bloody\s+(?:Mary|Sunday|Assizes|Tower)|bloodhounds?|dam[n]?\s+busters|crap(?:e|pie)\w*|"
    # Technical terms in computing, science, geology and building that contain a listed word.
    r"penetration\s+test(?:s|ing|ers?)?|penetrating\s+oil|(?:water|damp|rain|light|frost|root|market|signal)\s+"
    r"penetration|penetration\s+(?:depth|rate|resistance|of\s+(?:light|water|the\s+market))|"
    r"erection\s+of\s+(?:the\s+|a\s+|our\s+|new\s+)*(?:scaffold\w*|fenc\w*|marquees?|tents?|stages?|buildings?|"
    r"bridges?|walls?|structures?|statues?|monuments?|memorials?|hoardings?|classrooms?)|(?:igneous|basalt|dolerite|"
    r"volcanic)\s+dykes?|dykes?\s+and\s+sills|sperm\s+(?:cells?|and\s+eggs?|ducts?)|eggs?\s+and\s+sperm|"
    r"(?:bottle|feeding|rubber)\s+teats?)\b",
    re.IGNORECASE,
)

# Letters people type for others to get past a filter: "sh1t", "a$$", "f@ck".
_SWAPS = str.maketrans({"$": "s", "@": "a", "!": "i", "1": "i", "0": "o", "3": "e", "4": "a", "5": "s",
                        "+": "t", "7": "t"})
_MASKS = "*#%"


def unswapped(token: str) -> str:
    """The word with the letters typed to get past a filter put back: "sh!tshow" → "shitshow"."""
    return token.translate(_SWAPS)

_MASKED = lazyre.compile(r"[a-z0-9]*[*#%$@!][a-z0-9*#%$@!]*", re.IGNORECASE)
# A quick look: a symbol inside a word ("f***", "sh!t", "a$$"), not "Wow!!" at the end of one.
MAYBE_MASKED = lazyre.compile(r"[A-Za-z][*#%$@!]+[A-Za-z*#%$@]")
# The strongest swear words, found inside a made-up compound too ("shitshow", "clusterfuck", "fuckwit").
STRONG_STEMS = ("fuck", "shit", "wank", "twat", "cunt", "bollock")
STRONG_STEM = lazyre.compile("|".join(STRONG_STEMS), re.IGNORECASE)


def has_strong_stem(text: str) -> bool:
    """Whether a strong swear word is inside the text anywhere (a quick look before reading its words)."""
    lowered = text.lower()
    return any(stem in lowered for stem in STRONG_STEMS)
_GRADE = lazyre.compile(r"a\*{1,2}s?(?:[-/]a)?|[a-e][*+]?", re.IGNORECASE)  # A* grades on results day


@dataclass(frozen=True)
class WordLists:
    """The words each language rule looks for: single words, and two- or three-word phrases."""

    offensive: frozenset[str]
    offensive_phrases: frozenset[str]
    phrase_starts: frozenset[str]
    mild: frozenset[str]
    insults: frozenset[str]
    swears_by_length: dict[int, tuple[str, ...]]  # for undoing masks: "f***" could be which word?


def _listed_words() -> str:
    """better-profanity's word list, read from its folder without importing the package: its import
    builds a censor that postplan never uses (20 to 40 ms of every check's start-up)."""
    spec = importlib.util.find_spec("better_profanity")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        listed = Path(folder) / "profanity_wordlist.txt"
        if listed.is_file():
            return listed.read_text(encoding="utf-8")
    return files("better_profanity").joinpath("profanity_wordlist.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def word_lists(allowlist: tuple[str, ...]) -> WordLists:
    """better-profanity's word list with postplan's additions, less the school allowlists; the mild
    words (a warning) and the insults (an error only about people) taken out of the error list."""
    listed = _listed_words()
    allowed = {w.lower() for w in (*data_lines("profanity-allowlist.txt"), *allowlist)}
    mild = frozenset(w.lower() for w in data_lines("mild-language.txt")) - allowed
    insults = frozenset(w.lower() for w in data_lines("insults.txt")) - allowed
    words = {w.strip().lower() for w in listed.splitlines() if w.strip()}
    words |= {w.lower() for w in data_lines("offensive-extra.txt")}
    words = words - allowed - mild - insults
    phrases = frozenset(w for w in words if " " in w)
    single = frozenset(w for w in words if " " not in w)
    by_length: dict[int, list[str]] = {}
    for word in [*sorted(single), *sorted(mild)]:  # a strong word first: "f***" is not "fart"
        if word.isalpha():
            by_length.setdefault(len(word), []).append(word)
    return WordLists(single, phrases, frozenset(p.split()[0] for p in phrases), mild, insults,
                     {n: tuple(ws) for n, ws in by_length.items()})


@lru_cache(maxsize=65536)
def innocent_blanked(text: str) -> str:
    """The text with innocent phrases ("Dick Whittington", "Homo sapiens") replaced by spaces."""
    return INNOCENT.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[tuple[str, int], ...]:
    """The lower-case words of a text (symbols kept inside a word, so "sh!t" stays one), each with where it
    starts once the punctuation before it is left off ("'Jesus" starts at its J)."""
    found = []
    for match in TOKEN.finditer(text):
        written = match.group().lower()
        bare = _bare(written)
        found.append((bare, match.start() + max(0, written.find(bare))))
    return tuple(found)


def _bare(token: str) -> str:
    """A word without the punctuation around it, but keeping the stars that mask it ("f***" stays)."""
    if token.startswith("*") and token.endswith("*"):
        token = token.strip("*")  # *emphasis*
    return token.lstrip(EDGES).rstrip(EDGES.replace("*", ""))


def unmasked(token: str, lists: WordLists) -> str | None:
    """The swear word a masked spelling stands for ("f***" → "fuck", "b*llocks" → "bollocks"), or None.

    A word counts as masked only when a symbol stands inside it or after its first letter, and at
    least one letter is kept; grades like "A*" and prices are not words.
    """
    if not _MASKED.fullmatch(token) or not any(c.isalpha() for c in token) or _GRADE.fullmatch(token):
        return None
    if not any(c in _MASKS or c in "$@!" for c in token.strip("!")):
        return None
    swapped = unswapped(token)
    # A plural the list does not hold is its singular masked: "b*ggers" is "bugger"s.
    for spelt in (swapped, swapped[:-1] if swapped[-1:].lower() == "s" and len(swapped) > 4 else None):
        if spelt:
            pattern = re.compile("".join("[a-z]" if c in _MASKS else re.escape(c) for c in spelt))
            whole = next((word for word in lists.swears_by_length.get(len(spelt), ()) if pattern.fullmatch(word)), None)
            if whole:
                return whole
    return _masked_stem(swapped)


def _masked_stem(swapped: str) -> str | None:
    """A strong swear word masked at the start or end of a made-up compound ("sh*tload", "clusterf***")."""
    for stem in STRONG_STEMS:
        for part in (swapped[:len(stem)], swapped[-len(stem):]):
            if len(part) == len(stem) and any(c in _MASKS for c in part) and \
                    all(c == s or c in _MASKS for c, s in zip(part, stem)) and part[0] == stem[0]:
                return stem
    return None


# Who an insult can be aimed at: said before ("you idiots", "don't be a muppet") or after ("idiots who
# park on the zig-zags", "stupid parents").
_AIMED_BEFORE = frozenset("you you're youre ur u be being are is you’re such bunch load absolute total complete "
                          "utter proper right".split())
_PEOPLE = frozenset("""who that parents parent drivers driver people person kids children child pupils pupil
students student staff teachers teacher mums mum dads dad families neighbours boys girls man woman men women lot
ones""".split())
_ADJECTIVES = frozenset("stupid dumb idiotic moronic".split())  # "a stupid mistake" is not about anyone


def aimed_at_people(words: list[str], index: int) -> bool:
    """Whether the insult at ``words[index]`` is said about people, not about a thing or the weather."""
    after = words[index + 1] if index + 1 < len(words) else ""
    if after in _PEOPLE:
        return True
    before = words[max(0, index - 3):index]
    if words[index] in _ADJECTIVES:
        return any(w in ("you", "you're", "youre", "you’re", "ur", "u") for w in before)
    return any(w in _AIMED_BEFORE for w in before)


# Emoji with a sexual meaning when sent together ("🍆💦"), and the rude gesture on its own.
RUDE_GESTURE = lazyre.compile("\U0001F595")  # 🖕, any skin tone
_FRUIT = "\U0001F346\U0001F351\U0001F32E\U0001F352"  # 🍆 🍑 🌮 🍒
_SUGGESTIVE = "\U0001F4A6\U0001F445\U0001F60F\U0001F975\U0001F608"  # 💦 👅 😏 🥵 😈 (not 🤤 or 👌: "yummy crumble")
SEXUAL_EMOJI = lazyre.compile(
    f"[{_FRUIT}][\ufe0f\\s]*[{_SUGGESTIVE}]|[{_SUGGESTIVE}][\ufe0f\\s]*[{_FRUIT}]"
    "|\U0001F449[\U0001F3FB-\U0001F3FF]?\U0001F44C"  # 👉👌
)
# Drink and drugs together ("🍺🍺💊"): a joke about getting high, whatever was meant.
_DRINK = "\U0001F37A\U0001F37B\U0001F377\U0001F942\U0001F37E\U0001F378\U0001F379\U0001F943\U0001F376"
_DRUGS = "\U0001F48A\U0001F489\U0001F6AC"  # 💊 💉 🚬
DRINK_AND_DRUGS = lazyre.compile(f"[{_DRINK}][^\\n]{{0,12}}?[{_DRUGS}]|[{_DRUGS}][^\\n]{{0,12}}?[{_DRINK}]")
