"""Emoji of alcohol, drugs, smoking or weapons, or with a sexual meaning or a wink, in a school's post (a warning).

The school's feed is read by children: a 🍻 or 🍷 on a PTA night, a 🔫 or 💣 for excitement, or 💊
in a joke can read as the school making light of them. A leader looks and decides. Left alone where
the post is plainly about the thing in an ordinary way: 🔪 in a cooking or food post, 💉 or 💊 in a
post about vaccinations or medicine.

Passes: "Year 5 made pizzas in food tech 🍕🔪"; "Flu vaccinations for Reception on Tuesday 💉";
"Sports Day tomorrow! 🏃‍♀️🏆".

Fails (a warning): "PTA quiz night on Friday 🍻🍷"; "Year 6 are going to smash their SATs 💣🔫";
"Last day before the holidays 🥂"; "Look what we grew! 🍆🍆"; "They really know how to handle
their balls 😉".
"""

from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.reading import reader_texts, where
from postplan.rules.text import words

ID = "emoji-connotation"
SEVERITY = Severity.WARNING
SUMMARY = "Emoji of alcohol, drugs, smoking, weapons or innuendo: a leader checks they are fitting (a warning)."
POLICY = (
    "Learners do not include GIFs, emojis or any other form of visuals which have inappropriate "
    "connotations (which they may not understand)"
)

_KINDS = {
    "alcohol": "\U0001F37A\U0001F37B\U0001F377\U0001F942\U0001F37E\U0001F378\U0001F379\U0001F943\U0001F376",
    "smoking or drugs": "\U0001F6AC\U0001F489\U0001F48A",  # 🚬 💉 💊
    "a weapon": "\U0001F52B\U0001F4A3\U0001F52A\U0001F5E1",  # 🔫 💣 🔪 🗡
    "food with a well-known sexual meaning": "\U0001F346\U0001F351",  # 🍆 🍑, even about the garden's vegetables
}
_EMOJI = lazyre.compile("[" + "".join(_KINDS.values()) + "]")
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


# A herb and a puff of smoke together: 🌿💨 (not 🍃💨, leaves in the wind).
_SMOKED = lazyre.compile("\U0001F33F\uFE0F?\U0001F4A8")
# A wink beside a word with a double meaning turns a match report into innuendo ("handle their balls 😉").
_WINK = lazyre.compile("[\U0001F609\U0001F60F\U0001F61C\U0001F61B\U0001F92D]")  # 😉 😏 😜 😛 🤭
_DOUBLE = frozenset("""balls ball nuts melons jugs knockers wood stiff hard harder sausage sausages meat package
bang banging screw screwing spank grind grinding lick licking suck sucking bottoms bottom rear rears cock cocks
tool tools pole poles shaft""".split())


def check(post: Post, context: Context) -> Iterable[Problem]:
    for text in reader_texts(post):
        if text.value.isascii():
            continue
        found = next(_found(text), None)
        if found is not None:
            yield found


def _found(text) -> Iterable[Problem]:
    present = words(text.value)
    wink = _WINK.search(text.value)
    double = sorted(present & _DOUBLE) if wink else ()
    if double:
        yield Problem(
            f"the emoji '{wink.group()}' beside '{double[0]}' can give it a double meaning{where(text)}: read it "
            "as a teenager would",
            fix="take out the wink, or reword so that nothing can be read two ways",
            line=text.line_at(wink.start()),
        )
    yield from _connotation(text, present)


def _connotation(text, present: frozenset[str]) -> Iterable[Problem]:
    found = [(match, "smoking cannabis") for match in _SMOKED.finditer(text.value)]
    found += [(match, _KIND_OF[match.group()]) for match in _EMOJI.finditer(text.value)
              if present.isdisjoint(_ORDINARY.get(match.group(), ()))]
    for match, kind in found:
        yield Problem(
            f"the emoji '{match.group()}' shows {kind}{where(text)}: check it is fitting for a feed "
            "children read",
            fix="leave it out or choose another (🎉, 🏆, ⭐), unless a leader agrees it is fine here",
            line=text.line_at(match.start()),
        )
