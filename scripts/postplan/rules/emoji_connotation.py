"""Emoji of alcohol, drugs, smoking or weapons in a school's post (a warning).

The school's feed is read by children: a 🍻 or 🍷 on a PTA night, a 🔫 or 💣 for excitement, or 💊
in a joke can read as the school making light of them. A leader looks and decides. Left alone where
the post is plainly about the thing in an ordinary way: 🔪 in a cooking or food post, 💉 or 💊 in a
post about vaccinations or medicine.

Passes: "Year 5 made pizzas in food tech 🍕🔪"; "Flu vaccinations for Reception on Tuesday 💉";
"Sports Day tomorrow! 🏃‍♀️🏆".

Fails (a warning): "PTA quiz night on Friday 🍻🍷"; "Year 6 are going to smash their SATs 💣🔫";
"Last day before the holidays 🥂".
"""

import re
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.reading import reader_texts, where
from postplan.rules.text import words

ID = "emoji-connotation"
SEVERITY = Severity.WARNING
SUMMARY = "Emoji of alcohol, drugs, smoking or weapons: a leader checks they are fitting (a warning)."
POLICY = (
    "Learners do not include GIFs, emojis or any other form of visuals which have inappropriate "
    "connotations (which they may not understand)"
)

_KINDS = {
    "alcohol": "\U0001F37A\U0001F37B\U0001F377\U0001F942\U0001F37E\U0001F378\U0001F379\U0001F943\U0001F376",
    "smoking or drugs": "\U0001F6AC\U0001F489\U0001F48A",  # 🚬 💉 💊
    "a weapon": "\U0001F52B\U0001F4A3\U0001F52A\U0001F5E1",  # 🔫 💣 🔪 🗡
}
_EMOJI = re.compile("[" + "".join(_KINDS.values()) + "]")
_KIND_OF = {char: kind for kind, chars in _KINDS.items() for char in chars}
# Where the emoji is the ordinary thing: a knife in the kitchen, a needle at the vaccination clinic.
_ORDINARY = {
    "\U0001F52A": frozenset("""cook cooking cooked bake baking baked food recipe recipes kitchen chef chefs chopping
chop chopped knife knives cutting slicing vegetables veg salad soup pizza pizzas fruit tech masterchef""".split()),
    "\U0001F489": frozenset("""vaccination vaccinations vaccine vaccines vaccinated immunisation immunisations
immunization flu jab jabs nurse nurses injection injections hpv mmr booster clinic""".split()),
    "\U0001F48A": frozenset("""medicine medicines medication medications nurse pharmacy prescription tablets
inhaler inhalers asthma first aid""".split()),
}


def check(post: Post, context: Context) -> Iterable[Problem]:
    for text in reader_texts(post):
        if text.value.isascii():
            continue
        present = words(text.value)
        for match in _EMOJI.finditer(text.value):
            emoji = match.group()
            if not present.isdisjoint(_ORDINARY.get(emoji, ())):
                continue
            yield Problem(
                f"the emoji '{emoji}' shows {_KIND_OF[emoji]}{where(text)}: check it is fitting for a feed "
                "children read",
                fix="leave it out or choose another (🎉, 🏆, ⭐), unless a leader agrees it is fine here",
                line=text.line_at(match.start()),
            )
            break  # one finding a text is enough for a leader to look
