"""What the name rules find and what they look for: a ``Name`` as written, and the ``NameList`` of names.

Not a rule (it has no ``ID``): shared by ``names.py``, ``name_forms.py`` and the rules that read names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Name:
    """A child's name as written, where it starts, and its form: "first" (a first name alone), "full"
    (with a surname), "initial" ("Maya J."), "surname first" ("Jones, Maya"), "surname" ("young Jones")
    or "initial surname" ("J. Smith")."""

    first: str
    surname: str | None
    start: int
    form: str = "first"

    @property
    def full(self) -> str:
        if self.form == "surname first":
            return f"{self.surname}, {self.first}"
        if self.form == "initial surname":
            return f"{self.first} {self.surname}"
        return " ".join(part for part in (self.first, self.surname) if part)


@dataclass(frozen=True, eq=False)  # one list a run (made once, then cached): compared by identity
class NameList:
    """What to look for: first names, names that are also words, surnames, and what is never a pupil."""

    first_names: frozenset[str]
    name_words: frozenset[str]  # "Will", "Victoria": a first name only with a listed surname after it
    mid_sentence: frozenset[str]  # "Ruby", "Jack": of those, a first name alone too, but not starting a sentence
    surnames: frozenset[str]
    not_pupils: dict[str, tuple[tuple[str, ...], ...]]  # first word → the listed phrases starting with it
    roster: dict[str, list] | None  # first word (lower case) → every form of the roster names starting with it

    @cached_property
    def first_lower(self) -> frozenset[str]:
        return frozenset(name.lower() for name in self.first_names)

    @cached_property
    def surnames_lower(self) -> frozenset[str]:
        return frozenset(name.lower() for name in self.surnames)

    def is_first(self, word: str) -> bool:
        return word in self.first_names or ("-" in word and word.split("-")[0] in self.first_names)

    def listed_surname(self, word: str) -> bool:
        """A listed surname, or a double-barrelled one with a listed part ("Mensah-Bonsu")."""
        return word in self.surnames or ("-" in word and any(part in self.surnames for part in word.split("-")))

    def lower_surname(self, word: str) -> bool:
        """A surname written in lower case: "jones", "mcallister" (McAllister), "macdonald", "o'brien"."""
        if word.title() in self.surnames:
            return True
        return any(word.startswith(prefix) and len(word) > len(prefix) + 2
                   and prefix.title() + word[len(prefix):].title() in self.surnames for prefix in ("mc", "mac"))

    def double_barrelled(self, word: str) -> bool:
        """A hyphenated surname ("Adebayo-Smith"), not a hyphenated first name ("Mary-Jane"): a listed
        surname among its parts, and not every part a first name."""
        parts = word.split("-")
        return len(parts) > 1 and self.listed_surname(word) and not all(part in self.first_names for part in parts)
