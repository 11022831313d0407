"""Children's names as staff write them, read by the code the three pupil-name rules share."""

from __future__ import annotations

import random

import pytest

from postplan.rules.names import find_names, name_list
from postplan.rules.reading import plain

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
