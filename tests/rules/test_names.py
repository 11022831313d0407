"""Children's names as staff write them, read by the code the three pupil-name rules share."""

from __future__ import annotations

import random

import pytest

from postplan.rules.names import about_a_work, find_names, name_list, name_text
from postplan.rules.reading import Text, plain

SHIPPED = name_list(frozenset(), ())
ROSTER = name_list(frozenset({"Tegan Polglase", "Will Trewin"}), ("Sam Trewin",))


def found(text: str, names=SHIPPED) -> list[tuple[str, str]]:
    return [(name.full, name.form) for name in find_names(plain(text), names)]


@pytest.mark.parametrize(("text", "name", "form"), [
    ("Congratulations to Maya Jones!", "Maya Jones", "full"),
    ("well done maya jones", "maya jones", "full"),
    ("Winners: Jones, Maya (Year 3)", "Jones, Maya", "surname first"),
    ("Star of the week: Maya J.", "Maya J.", "initial"),
    ("Reading champions: Tom B and Aisha K", "Tom B", "initial"),
    ("Well played young Trelawny!", "Trelawny", "surname"),
    ("Congratulations to the Patel twins!", "Patel", "surname"),
    ("Mary-Jane Okafor read the lesson.", "Mary-Jane Okafor", "full"),
    ("Anna Maria Kowalski sang.", "Anna Maria Kowalski", "full"),
    ("So proud! #WellDoneMayaJones", "Maya Jones", "full"),
    ("WELL DONE AARAV PATEL", "AARAV PATEL", "full"),
    ("Brawo Zuzanna W\u00f3jcik!", "Zuzanna Wojcik", "full"),
    ("Top marks: PATEL Riya and KOWALCZYK Maja", "PATEL, Riya", "surname first"),
    ("Merits: Booth, Harriet; Mistry, Aryan", "Mistry, Aryan", "surname first"),
    ("well done to jack dempsey 7H for his castle", "jack dempsey", "full"),
    ("Welcome to Olamide Adebayo-Smith, who joins Year 10", "Olamide Adebayo-Smith", "full"),
    ("Well done Amir Khan (6R) for his boxing medal!", "Amir Khan", "full"),
])
def test_a_name_is_found_in_the_form_it_is_written(text: str, name: str, form: str) -> None:
    assert (name, form) in found(text)


def test_each_name_of_a_list_is_found_and_the_full_one_is_full() -> None:
    assert found("Maya, Tom and Aisha Khan ran the stall.") == [
        ("Maya", "first"), ("Tom", "first"), ("Aisha Khan", "full")]


@pytest.mark.parametrize("text", [
    "Our panto is Dick Whittington!", "Jack and the Beanstalk at the theatre", "Mary and Joseph and the donkey",
    "Father Christmas visits on Friday", "Tiny Tim stole the show", "Happy St David's Day!",
    "Dydd G\u0175yl Dewi Hapus!", "Gool Peran Lowen!", "Nollaig Chridheil!", "A walk to Victoria Park",
    "Alexandra Road is closed", "Thanks to Marks and Spencer", "John Lewis gave prizes",
    "Chair of Governors David Hughes opened it", "our headteacher Sarah Collins spoke", "PC Amy Rowe visited",
    "Coach Dan ran it", "author Joseph Coelho visited", "Mr and Mrs Smith ran the tombola",
    "David Hughes, Chair of Governors, spoke", "Marcus Rashford wrote to us", "Rowan Class and Willow Class",
    "we will grace the stage in may", "Grace and Will sang", "Kate from the RSPB came in",
    "Tom Hunt MP met our council", "Thanks to Sam Trewin Plumbing", "Matilda the Musical was a hit",
    "King John sealed Magna Carta", "Prince Harry and Queen Victoria", "Saint Patrick's Day", "Off to Eden Camp!",
    "BROWN Bear and KING John", "Private Albert Marsh fell on the Somme", "Ruby wedding cake for the caretaker",
    "Holly wreaths on sale. Holly has spiky leaves.", "our PTA chair Mrs Joanne Fletcher is stepping down",
])
def test_adults_characters_places_and_greetings_are_not_pupils(text: str) -> None:
    assert found(text) == []


def test_a_roster_finds_its_names_in_every_form_and_leaves_other_full_names() -> None:
    assert [form for _, form in found("polglase, tegan and Tegan P. and tegan polglase", ROSTER)] == [
        "surname first", "initial", "full"]
    assert found("Emma Watson visited", ROSTER) == []
    assert found("Will you come? will trewin won", ROSTER) == [("will trewin", "full")]
    assert found("Sam Trewin coached us", ROSTER) == []


def test_nothing_a_school_types_makes_the_reader_fail() -> None:
    letters = "MayaJonesTom ,.'\u2019-#@\n\u200b\u0430\u0391\U0001F642\u202e:;!?()young the twins"
    chooser = random.Random(13)
    for _ in range(3000):
        text = "".join(chooser.choice(letters) for _ in range(chooser.randint(0, 30)))
        for names in (SHIPPED, ROSTER):
            find_names(plain(text), names)


@pytest.mark.parametrize(("text", "expected"), [
    ("helpers this week: ellie-mae price, josh turner and amir said (yr 9) - brilliant",
     [("ellie-mae price", "full"), ("josh turner", "full"), ("amir said", "full")]),
    ("winners: josh brown & amir hall (y9)!", [("josh brown", "full"), ("amir hall", "full")]),
    ("star readers: ellie mae brown and kai turner - yr9!", [("ellie mae brown", "full"), ("kai turner", "full")]),
    ("thanks to josh turner (rowan class)", [("josh turner", "full")]),
    ("thanks to josh turner in 9W!", [("josh turner", "full")]),
    ("thanks to josh turner, amir and ellie-mae (Y9)", [("josh turner", "full")]),
])
def test_a_lower_case_list_that_a_year_group_or_class_ends_makes_word_surnames_surnames(text, expected) -> None:
    assert [name for name in found(text) if name[1] != "first"] == expected


@pytest.mark.parametrize("text", [
    "josh said it was great and amir said so too", "josh turner and amir said hello",
    "as amir said in year 9 assembly, be kind", "josh said, yr 9 need kits", "amir said - y9 need kits",
    "josh said in the class.", "amir said it was brilliant (yr 9 loved it too)", "tom hall (year 9 tutor) ran it",
    "we will brown the onions (y9)", "josh, amir and ellie-mae (yr 9) helped",
])
def test_ordinary_lower_case_english_is_not_a_list_of_full_names(text: str) -> None:
    assert [name for name in found(text) if name[1] != "first"] == []


@pytest.mark.parametrize(("text", "work"), [
    ("Year 10 have been studying Blood Brothers this half term.", True),
    ("Year 9 have been reading The Curious Incident of the Dog in the Night-Time.", True),
    ("Year 7 loved reading A Boy Called Hope.", True),
    ("We're performing the play on Friday.", True),
    ("Our set text this term is a mystery.", True),
    ("Reading Champions this week: Maya Jones", False),
    ("We have been reading Maya Jones's poem.", False),
    ("Year 5 are reading Year 6's stories.", False),
    ("Maya Jones loves reading.", False),
])
def test_a_text_about_a_book_or_play_studied_is_known_by_its_verb_and_title(text: str, work: bool) -> None:
    assert about_a_work(plain(text), SHIPPED) is work


@pytest.mark.parametrize(("text", "expected"), [
    ("Zac and Reece won the relay; Oscar came third.", ["Zac", "Reece", "Oscar"]),
    ("Ruby's new wheelchair arrived today.", ["Ruby"]),
    ("Ruby was sick on the bus.", ["Ruby"]),
    ("Holly scored twice.", ["Holly"]),
])
def test_common_names_are_children_and_a_name_that_is_a_word_is_one_by_what_follows(text, expected) -> None:
    assert [name for name, _ in found(text)] == expected


@pytest.mark.parametrize(("value", "read"), [
    ("jasmine poster", "Jasmine poster"), ("kayden daily mile", "Kayden daily Mile"),
    ("maya jones painting", "Maya Jones Painting"), ("our rose garden", "Our Rose Garden"),
])
def test_a_file_name_makes_a_full_name_only_with_a_listed_surname(value: str, read: str) -> None:
    assert name_text(Text("file name", value, value, 1), SHIPPED) == read
