"""Swear words, slurs and sexual or offensive language.

Words come from the word list of the ``better-profanity`` package (offline; about 900 words and
spellings like "sh1t"). Whole words are matched, so "Scunthorpe", "class" and "grassy" are fine.
Ordinary school words that the list contains (a church organ, a Cornish pasty, the slave trade in a
history lesson, blue tits on the bird table) are on postplan's school allowlist; a school adds more
under ``profanity_allowlist:`` in mkdocs.yml.

Passes: "Our trip to Scunthorpe"; "Blue tits on the bird table"; "Cornish pasty day"; "Dressed as Puss in Boots".

Fails: "What a shit day for the weather"; "Don't be a twat about parking".
"""

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import data_lines, line_in, prose, words

ID = "offensive-language"
SEVERITY = Severity.ERROR
SUMMARY = "No swearing or offensive language."
POLICY = (
    "Social Media must not be used to publish any content which may result in actions for defamation, "
    "discrimination ... This includes but is not limited to material of an illegal, sexual or offensive nature."
)

_TOKEN = re.compile(r"[\w$@!*+.'’-]+")
_EDGES = "!.*'’-"
_SYMBOL_IN_WORD = re.compile(r"\w[$@!*+.]\w")  # "sh!t", "f*ck": the word list's own spellings


@lru_cache(maxsize=4)
def _words(allowlist: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The word list less the allowlists: single words, and phrases of two or three words."""
    listed = files("better_profanity").joinpath("profanity_wordlist.txt").read_text(encoding="utf-8")
    allowed = {w.lower() for w in (*data_lines("profanity-allowlist.txt"), *allowlist)}
    words = {w.strip().lower() for w in listed.splitlines() if w.strip()} - allowed
    phrases = frozenset(w for w in words if " " in w)
    return frozenset(w for w in words if " " not in w), phrases, frozenset(p.split()[0] for p in phrases)


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[tuple[str, int], ...]:
    return tuple((m.group().lower().strip(_EDGES), m.start()) for m in _TOKEN.finditer(text))


def check(post: Post, context: Context) -> Iterable[Problem]:
    single, phrases, starts = _words(tuple(context.repository.settings.profanity_allowlist))
    for part in post.parts:
        if words(part.text).isdisjoint(single) and words(part.text).isdisjoint(starts) \
                and not _SYMBOL_IN_WORD.search(part.text):
            continue
        text = prose(part.text)
        tokens = _tokens(text)

        for index, (token, start) in enumerate(tokens):
            hit = token if token in single else None
            for size in ((2, 3) if token in starts else ()):
                phrase = " ".join(t for t, _ in tokens[index:index + size])
                if phrase in phrases:
                    hit = phrase
            if hit:
                yield Problem(
                    f"'{part.text[start:start + len(hit)]}' is on the list of offensive words",
                    fix="reword the post; if the word is innocent here (a place, a bird, a lesson), a leader "
                        "can add it to `profanity_allowlist:` in mkdocs.yml",
                    line=line_in(part, start),
                )
