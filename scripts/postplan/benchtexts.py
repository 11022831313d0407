"""The benchmark school's post texts: written the way the example school's own posts are.

Real posts carry numbers everywhere (times, prices, scores, "Week 12", class years, dates), staff names,
places, links, hashtags, mentions and emoji, and the checking rules' matchers spend their time on exactly
those. Each text is a sentence pattern from the example school's posts with its blanks filled from the
seeded random generator, so the same seed always writes the same school.
"""

from __future__ import annotations

import datetime as dt
import random

PATTERNS = [
    "Our Harvest Festival will be on {day} at {time}, and families are very welcome to join us. {emoji}",
    "Together we collected {count} tins, packets and jars for our local food bank. Thank you! {emoji}",
    "{class_} have been writing persuasive letters about plastic in the sea. {emoji}",
    "Reception enjoyed their first forest school session this week, building dens in the wild area.",
    "Tickets for the winter concert are now available from the school office at {price} each.",
    "A reminder that the next payment of {price} for the {year_group} residential is due by {day}.",
    "Well done to our netball team, who won {score} against {rival} this afternoon! {emoji}",
    "Our girls' football team won their league match {score} this afternoon! ⚽ Brilliant defending.",
    "The boys' tag rugby squad finished with {points} points in the {area} festival. {emoji}",
    "{class_} have been learning about the water cycle in {week}. {emoji}",
    "Parents' evening appointments for {day} can now be booked online: {link}",
    "Thank you to everyone who came to our coffee morning. We raised {price} for {charity}! {emoji}",
    "Our new library books have arrived and {class_} love them. 📚 Thank you to {mention}.",
    "School photographs will be taken on {day}. Younger brothers and sisters are welcome from {time}.",
    "That's the end of {week}! {emoji} Have a restful weekend; school reopens on {day}.",
    "Our {year_group} and {year_group2} runners tackled a very muddy course this afternoon. {emoji}",
    "Tickets are now available for our KS2 performance! 🎭 Shows are on {day} at {time} and {day2} at {time2}.",
    "Please return ticket slips by {day}. Spare tickets are {price} from the office.",
    "{staff} and {year_group} have loved learning about the {topic} this half term. {emoji}",
    "Breakfast club runs from {time} every school day and costs {price} a session.",
    "Year {number} have been reading {book} with {staff}. Read their reviews on the class blog: {link}",
    "Our PE year in numbers: {count} fixtures, {small} festivals and {small2} trophies. 🏆",
    "Welcome back! {week} starts with a whole-school assembly at {time} led by {staff}.",
    "The {year} summer fair raised {price}, our best total yet. Thank you to {mention}! 🎉",
    "Menu change for {week}: {meal} on {day}, with fresh fruit every day. 🍎",
    "Walk to School Week: {percent}% of our children walked, scooted or cycled at least once. {emoji}",
    "Reminder: {year_group} swimming lessons start on {day}. Please bring a named towel.",
    "Well done, {class_}: {percent}% attendance last week, the best in the school! {emoji}",
    "Our {year_group} choir sang beautifully in the {area} music festival. Thank you for coming to listen.",
    "Please read this week's newsletter ({week}) for clubs, dates and the new lunch menu: {link}",
    "Flu vaccinations for Reception to {year_group} take place on {day}. Consent forms: {link}",
    "Sports Day is on {day} from {time}. Remember PE kit, sun cream and a named water bottle. ☀️",
    "Congratulations to our chess team, who scored {points} points and finished {place_word}!",
    "The after-school clubs timetable for {term} term is on the website from {day}: {link}",
    "Road safety week: {staff} talked to {year_group} about crossing the road safely. 🚸",
    "Our {year} Christmas jumper day raised {price} for {charity}. 🎄 Thank you, Tregarrow!",
]
FILLS = {
    "class_": ["Oak Class", "Green Class", "Willow Class", "Puffin Class", "Reception", "Year 2", "Year 4"],
    "year_group": ["Year 1", "Year 3", "Year 5", "Year 6", "KS1", "KS2"],
    "year_group2": ["Year 4", "Year 6", "Year 2"],
    "staff": ["Mrs Kemp", "Mr Trevithick", "Miss Nance", "Ms Rowe", "Mrs Hart", "Mr Osei", "Mrs Pascoe"],
    "rival": ["St Mawes Primary", "Penryn Academy", "Mylor Bridge School", "Flushing Primary"],
    "area": ["Falmouth and Penryn", "Carrick", "Cornwall", "West Cornwall"],
    "charity": ["the food bank", "Children in Need", "the RNLI", "Cornwall Air Ambulance", "our PTA"],
    "mention": ["@TregarrowPTA", "@KernowLibraries", "@CornwallSchoolSport", "our PTA"],
    "topic": ["Romans", "Tudors", "rainforest", "solar system", "rock pools", "Victorians"],
    "book": ["The Iron Man", "Kensuke's Kingdom", "The Lost Words", "Charlotte's Web", "Holes"],
    "meal": ["pasta bake", "jacket potatoes", "a roast dinner", "fish and chips", "vegetable curry"],
    "term": ["the autumn", "the spring", "the summer"],
    "place_word": ["first", "second", "third", "fourth"],
    "emoji": ["🎉", "📚", "⚽", "🌾", "🍁", "❄️", "🏅", "💛", "🎭", "☀️", "👏", "🌈", "🐣", ""],
}
LINKS = ["https://www.tregarrow.example.org/news", "https://www.tregarrow.example.org/blog/year-{n}/post-{m}",
         "https://www.tregarrow.example.org/letters/{y}-{n}.pdf", "https://www.tregarrow.example.org/clubs"]
EXTRAS = ["#TregarrowLearns", "#ProudToBeTregarrow", "@TregarrowPTA", "#AntiBullyingWeek", "🎉", "📚",
          "Please read the latest newsletter.", "Thank you for your support!", "More photos on the blog."]


def post_text(rng: random.Random, when: dt.datetime, school_days: list[dt.date]) -> str:
    """One post's text: a few filled patterns, sometimes a hashtag, mention, emoji or link after.

    The dates it names are among ``school_days`` (the coming ones), as a school's are; it stays within
    X's length.
    """
    text = ""
    for _ in range(rng.choices([1, 2, 3], [55, 35, 10])[0]):
        sentence = _fill(rng.choice(PATTERNS), rng, when, school_days)
        text = f"{text} {sentence}".strip() if len(text) + len(sentence) < 200 else text
    return " ".join([text, *rng.sample(EXTRAS, rng.choices([0, 1, 2], [50, 35, 15])[0])])


def _fill(pattern: str, rng: random.Random, when: dt.datetime, school_days: list[dt.date]) -> str:
    """Fill a pattern's blanks: every blank it names, chosen from the seeded generator."""
    later, other = sorted(rng.sample(school_days, 2)) if len(school_days) > 1 else [when.date()] * 2
    values = {name: rng.choice(choices) for name, choices in FILLS.items()}
    values.update(
        day=_day(later), day2=_day(other), time=_time(rng), time2=_time(rng),
        price=_price(rng), score=f"{rng.randrange(6)}–{rng.randrange(4)}", points=rng.randrange(8, 60),
        week=f"Week {rng.randrange(1, 39)}", year=when.year, number=rng.randrange(1, 7),
        count=rng.randrange(20, 400), small=rng.randrange(2, 15), small2=rng.randrange(1, 9),
        percent=rng.randrange(60, 100),
        link=rng.choice(LINKS).format(n=rng.randrange(1, 7), m=rng.randrange(100), y=when.year),
    )
    return pattern.format(**values)


def _day(day: dt.date) -> str:
    """A date the way the office writes one: "Tuesday 22nd September"."""
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{day:%A} {day.day}{suffix} {day:%B}"


def _time(rng: random.Random) -> str:
    """A time in one of the ways staff write them: 2pm, 3:30pm, 9.15am, 18:00."""
    hour, minute = rng.randrange(8, 19), rng.choice([0, 0, 15, 30, 45])
    twelve, half = (hour - 1) % 12 + 1, "am" if hour < 12 else "pm"
    forms = [f"{twelve}{half}" if not minute else f"{twelve}:{minute:02d}{half}",
             f"{twelve}.{minute:02d}{half}", f"{hour:02d}:{minute:02d}"]
    return rng.choice(forms)


def _price(rng: random.Random) -> str:
    """A price: whole pounds, pounds and pence, or pence."""
    return rng.choice([f"£{rng.randrange(1, 250)}", f"£{rng.randrange(1, 30)}.{rng.randrange(0, 100, 5):02d}",
                       f"{rng.randrange(20, 100)}p"])
