"""Photo consent checked against the school's consent register (tests/fixtures/consent/register.csv).

The register is fictional: Maya and Tom have consent everywhere, Ellie for social media only, Zac's
ended on 31/03/2027, Ruby's was withdrawn, Leo is on the do-not-publish list. Posts go out on
25/05/2027 to the school's X account, and every published post is also on the school website.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from postplan.consent import RegisterProblem, decode, parse
from tests.conftest import School

REGISTER = Path(__file__).parent / "fixtures" / "consent" / "register.csv"
NOW = "2027-05-20 09:00"


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The register, kept outside the school's repository as the guide asks."""
    path = tmp_path / "outside" / "consent.csv"
    path.parent.mkdir()
    shutil.copy(REGISTER, path)
    monkeypatch.setenv("POSTPLAN_CONSENT", str(path))
    return path


def photo_post(school: School, who: str, alt: str = "Pupils planting bulbs", file: str = "media/garden.jpg",
               body: str = "Our bulbs are in! Spring will be bright.") -> None:
    school.post("garden", body, media=f"\n  - file: {file}\n    alt: {alt}\n    people: true\n    who: {who}")


def consent_findings(school: School) -> list[tuple[int, str]]:
    result = school.run("validate", "--format", "json", "--now", NOW)
    report = json.loads(result.output)
    return [(f["line"], f["message"]) for f in report["findings"] if f["rule"] == "media-consent"]


# The post's front matter: publish_at, status, author (lines 2-4), media (5), file (6), alt (7), people (8), who (9).
WHO_LINE = 9


def test_pupils_with_consent_everywhere_pass(school: School, register: Path) -> None:
    photo_post(school, "[Maya 4B, Tom 4B]")
    assert consent_findings(school) == []


@pytest.mark.parametrize(("who", "message"), [
    ("[Ellie 4B]", "media/garden.jpg: 'Ellie 4B' has no consent for the school website"),
    ("[Zac 4B]", "media/garden.jpg: the consent of 'Zac 4B' ended on 31/03/2027, before this post goes out"),
    ("[Ruby 4B]", "media/garden.jpg: 'Ruby 4B' has no consent for X or the school website"),
    ("[Leo 4B]", "media/garden.jpg: 'Leo 4B' is on the do-not-publish list: never in a photo, on any channel"),
    ("[Mya 4B]", "media/garden.jpg: 'Mya 4B' is not in the consent register"),
    ("[Maya 4C]", "media/garden.jpg: 'Maya 4C' is not in the consent register"),
])
def test_each_pupil_without_consent_is_an_error_at_the_media_entry(school: School, register: Path, who: str,
                                                                   message: str) -> None:
    photo_post(school, who)
    assert consent_findings(school) == [(WHO_LINE, message)]


def test_an_unknown_name_gets_the_nearest_matches(school: School, register: Path) -> None:
    photo_post(school, "[Mya 4B]")
    result = school.run("validate", "--now", NOW)
    assert "did you mean Maya 4B?" in result.output
    assert result.exit_code == 1


def test_the_register_decides_not_the_authors_word(school: School, register: Path) -> None:
    school.post("garden", "Our bulbs are in!", media="\n  - file: media/garden.jpg\n    alt: Pupils planting bulbs"
                "\n    people: true\n    consent: confirmed\n    who: [Ruby 4B]")
    assert [m for _, m in consent_findings(school)] == [
        "media/garden.jpg: 'Ruby 4B' has no consent for X or the school website"]


def test_people_with_nobody_listed_asks_for_the_list(school: School, register: Path) -> None:
    school.post("garden", "Our bulbs are in!", media="\n  - file: media/garden.jpg\n    alt: Pupils planting bulbs"
                "\n    people: true\n    consent: confirmed")
    assert consent_findings(school) == [
        (8, "media/garden.jpg shows people but does not say who: the consent register cannot be checked")]


def test_a_pupil_in_the_photo_is_not_named_in_text_alt_or_file_name(school: School, register: Path) -> None:
    photo_post(school, "[Maya 4B]", alt="Maya planting bulbs", file="media/maya-garden.jpg",
               body="Well done Maya!")
    found = consent_findings(school)
    assert (7, "'Maya' (in the alt text) names a pupil who is in the photo") in found
    assert (6, "'maya' (in the file name) names a pupil who is in the photo") in found
    assert (11, "'Maya' names a pupil who is in the photo") in found


def test_a_surname_initial_picks_one_of_two_pupils_with_the_same_name(school: School, register: Path) -> None:
    (register).write_text(REGISTER.read_text(encoding="utf-8") + "Maya Kowalska,4B,No,No,No,,\n", encoding="utf-8")
    photo_post(school, "[Maya 4B]")
    assert consent_findings(school) == [
        (WHO_LINE, "media/garden.jpg: 'Maya 4B' matches 2 pupils in the consent register")]
    photo_post(school, "[Maya P 4B]")
    assert consent_findings(school) == []


def test_without_a_register_consent_is_self_declared_and_said_once(school: School,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POSTPLAN_CONSENT", raising=False)
    school.post("garden", "Our bulbs are in!", media="\n  - file: media/garden.jpg\n    alt: Pupils planting bulbs"
                "\n    people: true\n    consent: confirmed\n    who: [Ruby 4B]")
    result = school.run("validate", "--now", NOW)
    assert result.output.count("photo consent is self-declared") == 1
    assert "media-consent" not in result.output


def test_a_register_inside_the_repository_is_refused(school: School, monkeypatch: pytest.MonkeyPatch) -> None:
    inside = school.write("consent.csv", REGISTER.read_text(encoding="utf-8"))
    monkeypatch.setenv("POSTPLAN_CONSENT", str(inside))
    result = school.run("validate", "--now", NOW)
    assert result.exit_code == 2
    assert "inside the school's repository" in result.output
    assert "Maya" not in result.output


def test_a_row_that_cannot_be_read_is_named_by_its_number(school: School, register: Path) -> None:
    register.write_text(REGISTER.read_text(encoding="utf-8") + "Amir Khan,4B,Maybe,Yes,,,\n", encoding="utf-8")
    result = school.run("validate", "--now", NOW)
    assert result.exit_code == 2
    assert "row 10: 'Maybe' in column 'Social Media Consent' is not a yes or no" in result.output


def test_real_exports_are_forgiven() -> None:
    """Excel's UTF-16 with tabs, a BOM with semicolons, "Surname, Forename", other header spellings."""
    text = ("Name\tForm\tPhotos - social media\tPhotos - school website\tExpiry\tDNP\r\n"
            "Patel, Maya\tYear 4\tY\tN\t\t\r\n")
    pupils, problems = parse(decode(text.encode("utf-16")))
    assert problems == []
    assert [(p.first, p.group, p.consent) for p in pupils] == [("Maya", "Year 4", {"social media": True,
                                                                                  "website": False})]
    windows = "\ufeffForename;Surname;Class;Social media;Website\n\nZoë;Ångström;3A;1;0\n".encode("cp1252",
                                                                                              errors="ignore")
    pupils, problems = parse(decode(windows))
    assert problems == [] and pupils[0].first == "Zoë"


def test_a_header_without_a_consent_column_says_what_it_has() -> None:
    pupils, problems = parse("Name,Class\nMaya,4B\n")
    assert problems == ["row 1 (the header) has no column for a website consent, a social media consent; it has: "
                        "Name, Class"]
    assert issubclass(RegisterProblem, Exception)


def test_hostile_registers_get_a_message_never_a_traceback() -> None:
    for text in ("", "\n\n", "Name,Class,Website,Social\n\"Maya,4B,Yes\n", "a\0b,c\n", "Name\n" + "x\n" * 5,
                 "Name;Class;Website;Social\nMaya;4B;Yes;No\n",
                 "Name,Class,Website,Social\nMaya,4B,Yes,Yes,extra,cells\n"):
        pupils, problems = parse(text)
        assert problems or pupils, repr(text)
    assert parse("Name,Class,Website,Social\nMaya,,Yes,Yes\n")[1] == [
        "row 2: no name or no class: every pupil needs both"]
    assert parse("Name,Class,Website,Social,Expiry\nMaya,4B,Yes,Yes,someday\n")[1] == [
        "row 2: 'someday' in column 'Expiry' is not a date (write it as 31/07/2027 or 2027-07-31)"]


@pytest.mark.parametrize("who", ["Maya 4B", "[1, 2]", "[[Maya]]", "['']", "{a: b}"])
def test_a_hostile_who_is_a_finding_at_its_line(school: School, register: Path, who: str) -> None:
    photo_post(school, who)
    result = school.run("validate", "--format", "json", "--now", NOW)
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.output)
    assert all(f["line"] >= 1 for f in report["findings"])


def test_may_as_a_word_is_not_the_pupil_may(school: School, register: Path) -> None:
    register.write_text(REGISTER.read_text(encoding="utf-8") + "May Evans,4B,Yes,Yes,,,\n", encoding="utf-8")
    photo_post(school, "[May 4B]", body="You may see our bulbs from the gate.")
    assert consent_findings(school) == []


def test_no_register_name_reaches_the_output_unless_a_finding_needs_it(school: School, register: Path) -> None:
    photo_post(school, "[Maya 4B, Tom 4B]")
    result = school.run("validate", "--now", NOW)
    for name in ("Patel", "Harris", "Ellie", "Zac", "Ruby", "Leo", "Kowalski", "Maya", "Tom"):
        assert name not in result.output, name
