"""The consent register: who may appear in a photo, on which channel, until when, from the school's MIS.

Schools record photo consent per pupil and per channel (social media, website), it expires or is
withdrawn, and some children must never be published at all. The register is a CSV exported from the
MIS and kept **outside** the repository, like the pupil roster: its path comes from an environment
variable (``POSTPLAN_CONSENT`` unless the settings name another). Real exports are forgiven (a BOM,
Excel's encodings, semicolons or tabs, header spellings, blank lines); a row that cannot be read is
refused by its number, never guessed, because a guess could publish a child without consent.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from postplan.settings import SettingsError

WEBSITE = "website"
SOCIAL = "social media"
# A header, reduced to lower-case words, → the column it is. The first pattern that matches wins.
_HEADERS = (
    ("do_not_publish", r"do not (publish|photograph)|dnp|never (publish|photograph)|no photos?( at all)?$"),
    ("until", r"expir|review|valid (until|to)|until|end date"),
    ("first", r"^(preferred|known as|legal)? ?(first ?name|forename|given name)s?$"),
    ("surname", r"^(legal )?(surname|last name|family name)$"),
    ("name", r"^(pupil|child|student|learner)?( ?full)? ?name$|^(pupil|child|student)$"),
    ("class", r"^(class|form|reg(istration)? group|tutor group|year group|year|group)$"),
    ("x", r"\b(x|twitter)\b"), ("facebook", r"facebook"), ("bluesky", r"bluesky"), ("mastodon", r"mastodon"),
    (SOCIAL, r"social"), (WEBSITE, r"\bweb ?site\b|\bweb\b"), ("press", r"press|newspaper|media outlets"),
)
_YES = {"yes", "y", "true", "t", "1", "consent given", "given", "granted", "agreed", "consented", "ok", "✓", "✔"}
_NO = {"no", "n", "false", "f", "0", "not given", "no consent", "refused", "declined", "withdrawn", "none",
       "consent refused", "consent withdrawn", "✗", "✘", ""}
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d %b %Y", "%d %B %Y")


class RegisterProblem(SettingsError):
    """The register cannot be used: inside the repository, unreadable, or rows that cannot be read."""


@dataclass(frozen=True)
class Pupil:
    """One row of the register: a pupil as staff know them, and what their parents agreed to."""

    name: str  # as the register writes it ("Maya Patel")
    first: str  # the first name staff use ("Maya")
    group: str  # class or year group ("4B", "Year 4")
    consent: dict[str, bool]  # channel ("social media", "website", or a platform) → given
    until: dt.date | None  # consent ends after this day (an expiry or review date)
    do_not_publish: bool
    row: int

    @property
    def label(self) -> str:
        """How staff write the pupil in ``who:``: first name and class."""
        return f"{self.first} {self.group}".strip()

    def allows(self, channel: str, day: dt.date) -> bool:
        """Consent for the channel on that day (a platform falls back to the social-media column)."""
        given = self.consent.get(channel, self.consent.get(SOCIAL, False)) if channel != WEBSITE \
            else self.consent.get(WEBSITE, False)
        return given and not self.do_not_publish and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class Register:
    pupils: tuple[Pupil, ...]
    source: str = field(default="", compare=False)

    def find(self, written: str) -> list[Pupil]:
        """The pupils a ``who:`` entry names: first name (and any surname start) and class, any case."""
        words = written.split()
        for split in range(len(words) - 1, 0, -1):  # the class may be one word ("4B") or more ("Year 4")
            names, group = words[:split], _key(" ".join(words[split:]))
            found = [p for p in self.pupils if _key(p.group) == group and _names_match(names, p)]
            if found:
                return found
        return []

    def without_consent(self, who: list[str], channel: str, day: dt.date) -> list[str]:
        """The ``who:`` entries that may not appear on the channel that day (unknown ones included)."""
        refused = []
        for written in who:
            found = self.find(written)
            if len(found) != 1 or not found[0].allows(channel, day):
                refused.append(written)
        return refused

    def nearest(self, written: str) -> list[str]:
        """Up to three labels close to an entry that matched nobody (a misspelling, the wrong class)."""
        labels = {p.label: p for p in self.pupils}
        return difflib.get_close_matches(written, list(labels), n=3, cutoff=0.8)


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold().replace("year", "y"))


def _names_match(names: list[str], pupil: Pupil) -> bool:
    """"Maya" matches Maya Patel; "Maya P" and "Maya Patel" too; "Maya K" does not."""
    if names[0].casefold() != pupil.first.casefold():
        return False
    rest = pupil.name.split()[1:]
    return all(any(r.casefold().startswith(n.casefold().rstrip(".")) for r in rest) for n in names[1:])


def register_path(variable: str, root: Path) -> Path | None:
    """The register's file from the environment, or None; refused inside the repository."""
    location = os.environ.get(variable, "").strip()
    if not location:
        return None
    path = Path(location).expanduser().resolve()
    if path.is_relative_to(Path(root).resolve()):
        raise RegisterProblem(
            f"the consent register ({variable}) is inside the school's repository; pupil data must never be "
            "committed. Move the file outside the repository (in CI: write the secret to a temporary file)")
    return path


def read_register(variable: str, root: Path) -> Register | None:
    """The register named by the variable, or None when it is not set (consent is then self-declared)."""
    path = register_path(variable, root)
    if path is None:
        return None
    try:
        stat = path.stat()
    except OSError as error:
        raise RegisterProblem(f"the consent register ({variable}) cannot be read: {error.strerror}") from None
    return _read(str(path), stat.st_size, stat.st_mtime_ns, variable)


@lru_cache(maxsize=4)
def _read(path: str, size: int, mtime: int, variable: str) -> Register:
    data = Path(path).read_bytes()
    pupils, problems = parse(decode(data))
    if problems:
        shown = "\n  ".join(problems[:20]) + (f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else "")
        raise RegisterProblem(f"the consent register ({variable}) has rows that cannot be read; fix them in the "
                              f"MIS export and export it again:\n  {shown}")
    return Register(tuple(pupils), variable)


def decode(data: bytes) -> str:
    """The export's text: UTF-8 (with or without Excel's BOM), UTF-16 (Excel's "Unicode text"), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse(text: str) -> tuple[list[Pupil], list[str]]:
    """The pupils of an export, and a message naming each row that cannot be read."""
    first_line = next((line for line in text.splitlines() if line.strip(" ,;\t")), "")
    if not first_line:
        return [], ["the file is empty: export the register with a header row"]
    try:
        dialect = csv.Sniffer().sniff(first_line, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text.replace("\0", ""), newline=""), dialect)
    try:
        rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as error:
        return [], [f"row {reader.line_num}: cannot be read as CSV ({error}); export the register as CSV again"]
    columns, missing = _columns(rows[0][1])
    if missing:
        return [], [missing]
    pupils, problems = [], []
    for number, row in rows[1:]:  # numbered as a spreadsheet shows them, blank lines included
        try:
            pupils.append(_pupil(row, columns, number))
        except ValueError as error:
            problems.append(f"row {number}: {error}")
    return pupils, problems


def _columns(header: list[str]) -> tuple[dict[str, tuple[int, str]], str]:
    """Column kind → (index, header as written); a message when a needed column is missing."""
    columns: dict[str, tuple[int, str]] = {}
    for index, written in enumerate(header):
        words = " ".join(re.findall(r"[a-z0-9]+", written.casefold()))
        kind = next((k for k, pattern in _HEADERS if re.search(pattern, words)), None)
        if kind and kind not in columns:
            columns[kind] = (index, written.strip())
    needs = [what for what, keys in (("a name", ("name", "first")), ("a class or year group", ("class",)),
                                     ("a website consent", (WEBSITE,)),
                                     ("a social media consent", (SOCIAL, "x", "facebook", "bluesky", "mastodon")))
             if not any(k in columns for k in keys)]
    if needs:
        return columns, f"row 1 (the header) has no column for {', '.join(needs)}; it has: {', '.join(header)}"
    return columns, ""


def _pupil(row: list[str], columns: dict[str, tuple[int, str]], number: int) -> Pupil:
    def cell(kind: str) -> str:
        index = columns.get(kind, (None, ""))[0]
        return row[index].strip() if index is not None and index < len(row) else ""

    full = cell("name") or " ".join(filter(None, (cell("first"), cell("surname"))))
    if "," in full:  # "Patel, Maya": MIS exports often put the surname first
        surname, _, given = full.partition(",")
        full = f"{given.strip()} {surname.strip()}".strip()
    first = cell("first") or (full.split() or [""])[0]
    if not first or not cell("class"):
        raise ValueError("no name or no class: every pupil needs both")
    consent = {kind: _yes_no(cell(kind), columns[kind][1]) for kind in
               (SOCIAL, WEBSITE, "press", "x", "facebook", "bluesky", "mastodon") if kind in columns}
    blocked = _yes_no(cell("do_not_publish"), columns["do_not_publish"][1]) if "do_not_publish" in columns else False
    until = _date(cell("until"), columns["until"][1]) if "until" in columns else None
    return Pupil(full or first, first, cell("class"), consent, until, blocked, number)


def _yes_no(value: str, header: str) -> bool:
    said = " ".join(value.casefold().replace("-", " ").split())
    if said in _YES:
        return True
    if said in _NO:
        return False
    raise ValueError(f"'{value}' in column '{header}' is not a yes or no (write Yes, No, Y, N, True, False, 1 or 0)")


def _date(value: str, header: str) -> dt.date | None:
    if not value:
        return None
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{value}' in column '{header}' is not a date (write it as 31/07/2027 or 2027-07-31)")


def channels(post, settings) -> tuple[str, ...]:
    """Where a post's photos are seen: the platform of each account it goes to, and the school website
    (the public site shows every published post with its photos). The one place that reads a post's
    account(s), so posts sent to several accounts need consent for each platform."""
    names = getattr(post, "accounts", None) or [post.account]
    platforms = [settings.accounts[name].platform for name in names if name in settings.accounts]
    return (*dict.fromkeys(platforms), WEBSITE)


def channel_name(channel: str) -> str:
    """A channel as people say it: "X", "Facebook", "the school website"."""
    from postplan.platforms import LIMITS

    return "the school website" if channel == WEBSITE else LIMITS[channel].name if channel in LIMITS else channel
