"""Where children or staff are, or will be, and when: the patterns the whereabouts and trip-location
rules share. Not a rule (it has no ``ID``)."""

import datetime as dt
import re
from collections.abc import Iterator

from postplan import lazyre
from postplan.models import Event
from postplan.rules.base import Context
from postplan.rules.identifiable import sentences
from postplan.rules.personal import DATE, TIME
from postplan.rules.name_words import GROWN_UP_TITLE
from postplan.rules.names import names_for
from postplan.rules.text import MONTHS, WEEKDAYS, prose, words

_WORD = r"[A-Z][\w'’&-]*"
# A place's name, and the kind of place written after it in lower case ("St Mary's church hall").
_PLACE = lazyre.compile(rf"\b(?P<by>(?i:at|to|from|in|into|near|outside|behind|opposite|beside|visiting|visits?))\s+"
                        r"(?:[Tt]he\s+)?"
                        rf"(?P<place>{_WORD}(?:\s+(?:of\s+|on\s+)?{_WORD})*"
                        r"(?:\s+(?P<kind>(?:(?:church|village|community|parish|scout|youth|sports|town|memorial|"
                        r"leisure)\s+)?(?:hall|centre|church|chapel|library|park|pool|rec|hut|mosque|gurdwara|temple|"
                        r"synagogue))\b)?)")
# A place named after the kind of place it is ("going back to their old primary, Hollins Lane, on Thursday").
_NAMED_AFTER = lazyre.compile(
    r"\b(?:at|to|visiting|visit)\s+(?:their|our|his|her|the|a|an)\s+(?:(?:old|former|new|future|local|feeder|"
    r"partner|nearby|neighbouring|sister|link)\s+)?(?:primary(?:\s+school)?|school|secondary|high\s+school|"
    r"infant\s+school|junior\s+school|nursery|college|church|chapel|mosque|library|care\s+home|nursing\s+home|"
    r"park)\s*,\s+"
    rf"(?P<place>{_WORD}(?:\s+{_WORD})*)")
# Journeys by air or rail, and a walking or cycling route: words of travel that _TRAVEL and _JOURNEY share.
_AIR_AND_RAIL = (r"(?:flights?|fly(?:ing)?)\s+(?:home|out|back|to|from)|check-?in\s+(?:for|at)\s+(?-i:[A-Z]{2}\d{2,4})|"
                 r"terminal\s+\d|departures\s+(?:board|hall|lounge|gate)|(?:tube|train|underground)\s+(?:to|from)\s+"
                 r"(?-i:[A-Z])\w*")
_ROUTE = r"(?:ride|rides|riding|cycle|cycles|cycling|walk|walks|walking)\s+(?:the\s+)?route"
_TRAVEL = lazyre.compile(
    r"\b(?:coach(?:es)?|minibus|bus|taxis?|depart\w*|leav(?:e|es|ing)|set(?:s|ting)? off|travel(?:s|ling)?|"
    r"meet(?:ing)? (?:(?:us |me )?(?:at|in|outside|under|by|beside|next to)|(?:mr|mrs|ms|miss|dr)\.? \w+ "
    r"(?:at|in|on|outside|by))|"
    r"pick(?:ed)?[- ]?ups?|pick(?:s|ing)? (?:him|her|them) up|drop[- ]?offs?|be at|"
    rf"arriv(?:e|es|ing)|land(?:s|ing)?\s+(?:at|in)|arrivals|{_AIR_AND_RAIL}|"
    rf"return(?:s|ing)? to school|collection|{_ROUTE}|"
    r"(?:coming|going|heading|off)\s+(?:out\s+)?with\s+(?:me|us)|joining\s+(?:me|us)|"
    r"(?-i:[A-Z]{2}\d{2,4})\s+(?:departs|leaves|lands)|"
    r"the\s+\d{1,2}[.:]\d\d\s+(?:train\s+|service\s+)?(?:to|from)\s+(?-i:[A-Z])\w*)\b",
    re.IGNORECASE,
)
_JOURNEY = lazyre.compile(rf"\b(?:coach(?:es)?|minibus|bus|taxis?|depart\w*|set(?:s|ting)? off|return(?:s|ing)? to school|"
                          rf"collection|{_ROUTE}|{_AIR_AND_RAIL})\b", re.IGNORECASE)
_DESTINATION = lazyre.compile(r"\b(?:leav(?:e|es|ing)|depart\w*|set(?:s|ting)? off|head(?:s|ing)?)\s+(?:school\s+)?for\s+"
                              r"(?:the\s+)?[A-Z]")
_NOT_A_DATE = "(?!(?:" + "|".join(word.title() for word in WEEKDAYS + MONTHS) + r")s?\b)"  # "library on Thursday"
_LIVE = lazyre.compile(
    r"\b(?:(?:we|they|you)(?:['’]re| are| will be|['’]ll be)|I(?:['’]ll be| will be|['’]m| am)|(?:children|pupils|everyone|"
    r"team|squad|class|years? \d+(?:\s*[–-]\s*\d+)?|ambassadors|prefects|reps|"
    r"y\d+|yr\s?\d+|choir|band|orchestra|cast|pre-?school|nursery|toddlers|tots|"
    r"reception|ks\d|(?<!reading )(?<!book )(?<!study )(?<!discussion )group|forest school|"
    r"(?:club|practice|training|rehearsal|session|lesson|swimming|bikeability)s?)(?:\s+[\w-]+){0,3}?\s+(?:are|is|will be|will)|"
    r"currently|right now|here)\s+"
    r"(?:currently\s+|now\s+|still\s+|all\s+|here\s+|out\s+|down\s+|(?:on (?:our|their|the) way|(?:heading|off|going|"
    r"walking|travelling|popping|nipping|(?:singing|performing|playing|busking|carolling)(?:\s+(?-i:[a-z][\w'’-]*)){0,4}?|"
    r"(?:going|knocking)\s+door[- ]to[- ]door|presenting|speaking|exhibiting|dancing|debating|collecting|marching|parading|"
    r"racing|running|competing|camping|helping|volunteering|working|planting|gardening|litter[- ]picking|"
    r"walk|go|head|travel|cycle|visit|walked|taken|driven|bussed|(?:handing|giving)\s+out(?:\s+[\w-]+){0,2}?|"
    r"selling(?:\s+[\w-]+){0,2}?)(?: (?:down|up|over|out|back|along|across|round))?) )?"
    r"(?:at|in|on|to|for|visiting|outside|along|across|through|past|(?:broadcasting|streaming|reporting)\s+"
    r"(?:live\s+)?from)\s+(?:the\s+)?"
    r"(?P<place>(?-i:[A-Z][\w'’&-]*(?:\s+(?:of\s+|on\s+|for\s+)?[A-Z][\w'’&-]*)*)|beach|park|zoo|museum|cinema|"
    r"theatre|(?:swimming )?pool|leisure centre|farm|woods|forest|castle|aquarium|seaside|sands|seafront|promenade|pier|"
    r"harbour|river|lake|funfair|"
    r"bowling|panto(?:mime)?|garden centre|supermarket|high street|roads|streets|church|war memorial|"
    r"(?:community |local |village )?allotments?|lock gates?|boathouse|landing stage|canal basin|marina|slipway|"
    r"gurdwara|mosque|mandir|temple|synagogue|cathedral|"
    r"station(?: concourse| platform)?|concourse|bandstand|(?:market|town|village) square|precinct|canal|towpath|"
    r"(?:care|nursing|retirement) home|(?:fire|police) station|(?:town|local|village|city|public|nearby) "
    r"(?:library|park|hall|church|museum|centre|pool|shops?|market|woods|green)|"
    r"(?:library|church|shops?|market|station|playground|post office)\s+(?:on|in|at|by)\s+" + _NOT_A_DATE
    + r"(?-i:[A-Z]\w+))\b(?!['’]s\b)"  # not "the museum's website"
    r"|\b(?:just arrived|safely arrived|arrived safely) (?:at|in)\s+(?:the\s+)?(?P<arrived>(?-i:[A-Z][\w'’&-]*))",
    re.IGNORECASE,
)
_NOW = lazyre.compile(r"\b(?:now|until|till|til|currently|right now|at the moment|today|this (?:morning|afternoon|"
                      r"week)|all day|tonight|arrived)\b", re.IGNORECASE)
_STAFF = lazyre.compile(rf"\b{GROWN_UP_TITLE}\.?\s+{_WORD}\s+(?:will be|is|['’]ll be|['’]s)\s+(?:down\s+|up\s+|over\s+|out\s+)?"
                        rf"(?:at|in|outside)\s+"
                        rf"(?:the\s+)?({_WORD}(?:\s+{_WORD})*)")
_DAY = lazyre.compile(r"\b(?:today|tomorrow|tonight|this (?:morning|afternoon|evening|weekend|week)|next week|"
                      r"every (?:morning|afternoon|evening|night|lunchtime|break ?time)|"
                      r"(?:mon|tues?|weds?|thu|thurs?|fri|sat|sun)\.?\s+\d{1,2}(?:st|nd|rd|th)\b|"
                      r"(?:[1-9]|1[0-2])\s*(?:till|until|til)\s+(?:[1-9]|1[0-2])\b|"  # "from 11 till 1"
                      + "|".join(f"{day}s?" for day in WEEKDAYS) + r")\b", re.IGNORECASE)
_PAST = lazyre.compile(
    r"\b(?:yesterday|last (?:week|night|month|term|year|weekend)|earlier today|went|visited|enjoyed|had a|came back|"
    r"what (?:an?|a great|a brilliant|a fantastic) (?:afternoon|morning|day|evening|night|trip|time|visit)|"
    r"returned|were|was|played|won|drew|competed|took part|loved|ran|raced|swam|performed|sang|danced|spent|climbed|"
    r"topped out|presented|explored|waited|met us|picked (?:us|them|everyone) up|collected (?:us|them|everyone)|"
    r"scored|represented|attended|achieved|runners?[- ]up|came (?:first|second|third|fourth|last|\d+(?:st|nd|rd|th))|"
    r"finished (?:first|second|third|\d+(?:st|nd|rd|th)))\b",
    re.IGNORECASE,
)
# A sentence about paying or signing up (but "the Sixth Form Centre" and "form tutors" are no forms to return).
_PAYING = lazyre.compile(r"\b(?:due(?!\s+(?:between|back|at\s+\d|in\s+at|to\s+(?:arrive|finish|return)))|pay|payment|paid|deadline|slips?|(?<!sixth )forms?(?! (?:centre|tutors?|rooms?|groups?|"
                         r"class(?:es)?|block))|consent|booking|sign up|costs?)\b|£", re.IGNORECASE)
# Words that make a post about an outing, a fixture or a club: most posts are skipped on these alone.
OUTING_WORDS = frozenset("""trip trips visit visiting residential fixture fixtures match matches tournament gala
festival competition tour excursion outing away race qualifier prom disco camp sleepover club clubs lesson lessons
training practice session sessions swimming netball football rugby hockey cricket rounders athletics
league cup final finals expedition ball leavers party coach coaches minibus swim swims hydrotherapy walk walks
walking kick kickoff ko cross country county championship championships heats regionals nationals trials
gymnastics sportshall triathlon camping dofe choir band orchestra rehearsal rehearsals perform performing
performs concert forest finalists finalist heat exhibition u9 u10 u11 u12 u13 u14 u15 u16 u17 u18 experience
placement placements meets primary exam exams mock mocks squad rowing regatta sailing kayaking canoeing paddling
allotment allotments delivering qualifiers checkpoint checkpoints staying grading gradings dojo exchange
busking busk fair stall litter representing selling riders riding cycling bikeability""".split())
# Work experience: pupils at named employers for days on end, so a day anywhere in the text says when
# ("Work experience starts Monday! Good luck to our students at Brookfoot Vets").
_PLACEMENT = lazyre.compile(r"\b(?:work[- ]experience|(?:work |job |industry )?placements?)\b", re.IGNORECASE)
_TRIP_WORDS = frozenset("""trip trips visit visiting residential fixture fixtures match matches tournament gala
competition tour excursion outing away race qualifier prom disco camp sleepover expedition exchange ski skiing
conference""".split())
_TRAVEL_WORDS = frozenset("""coach coaches minibus bus depart departs departing departure departures leave leaves
travel travels travelling
leaving set sets setting meet meeting pick picked pickup drop dropoff arrive arrives arriving return returns
returning collection route land lands landing arrivals flight flights fly flying coming going heading off
joining check terminal departures tube train underground be taxi taxis""".split())
# A live whereabouts needs someone ("we", "Year 4") and being somewhere ("are", "currently"): both, or it is skipped.
_LIVE_WHO = frozenset("we they you i children pupils everyone team squad class group year reception ks1 ks2 currently here "
                      "arrived school club clubs practice training rehearsal session sessions lesson lessons swimming reps "
                      "bikeability choir band orchestra cast pre-school preschool nursery toddlers tots ambassadors prefects"
                      .split()) \
    | {f"{year}{number}" for year in ("y", "yr") for number in range(1, 14)}
_LIVE_BEING = frozenset("re are be is will currently here arrived".split())
# Capitalised words after "at", "to" or "in" that are not places, or are places at school.
_NOT_PLACES = frozenset(
    """Year Years Reception Nursery KS1 KS2 KS3 KS4 EYFS School Class Classes Key Stage Mr Mrs Ms Miss Dr Our We I
    Sports Christmas Easter Half Term Parents Families Everyone All Main Music Dining MUGA Assembly Breakfast German
    Tea Lunch Team PE This Home First Second After Homework Wraparound Sixth TBC TBA TBD XXX XX TODO Spanish French
    Teams Zoom Google Classroom Moodle Showbie Seesaw Arbor ParentPay Tapestry Dojo ClassDojo Sparx PTA PTFA PFA
    Governors NASA Back Front Top Bottom End Start UK Britain England Scotland Wales Europe World Latin""".split()
) | {word.title() for word in MONTHS + WEEKDAYS} | {f"{day.title()}s" for day in WEEKDAYS}
_ON_SITE_ENDINGS = ("Room", "Classroom", "Suite", "Playground", "Office", "Reception")
# Places at school when named alone ("in the Hall"), but not as part of a name ("the Hall for Cornwall").
_ON_SITE_ALONE = frozenset("""Hall Library Field Playground Classroom Forest Garden Gym Pool Canteen Hub Base Den Nest
Studio Lounge Pod Zone Annexe Atrium Quad Courtyard Refectory Cafeteria Chapel Lab Labs Laboratory""".split())
# Words that make a capitalised phrase a venue ("Truro Leisure Centre"): after "to" or "in", only a venue
# counts as a place (not "in the Cornwall primary schools gala"); after "at", any place does.
_VENUES = frozenset("""Centre Center Park Hotel School Academy College Stadium Ground Grounds Club Pool Leisure Hall
Theatre Museum Beach Cove Bay Arena Field Fields Rec Recreation Sands Woods Wood Farm Zoo Castle Cathedral Church
Chapel Library Gardens Garden Project Quay Harbour Station Camp Lodge House Manor Common Moor Downs Barn Inn Arms
Cinema Bowl Lanes Estate Village Hub Studios Gym Baths Lido Track Court Courts Pitch Pitches Sports Rink Abbey
Priory Aquarium Sanctuary Reserve Trail Forest Lake Valley Point Island Mine Railway Airport Outdoor University Campus
Mosque Masjid Gurdwara Temple Mandir Synagogue Vihara Minster Hospice Observatory Planetarium Gallery Pantry
Foodbank Allotments Boathouse Marina Guesthouse Hostel Bunkhouse Campsite YHA Plaza Piazza Square Platz Crags Crag Falls
Gorge Fell Pike Tarn Scar Ridge Waterfall Beacon Peak Summit Reservoir RUFC RFC FC AFC CC""".split())


# A venue named with no "at" before it ("Fridays 4pm, Helston Cricket Club"); not a school, which is more
# often the other team ("v St Ives School") than the place.
_VENUE_NAME = lazyre.compile(r"\b(?:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|Happy)\b)[A-Z][\w'’&-]*\s+){1,3}"
                             r"(?:Centre|(?:Cricket|Football|Rugby|Tennis|Golf|Sailing|Rowing|Swimming|Bowls|Boxing|Hockey|"
                             r"Netball|Cycling|Sports|Social|Squash|Athletic)\s+Club|Hotel|Ground|Stadium|Pool|Arena|Museum|Zoo|"
                             r"Inn|Theatre|Cathedral|Recreation Ground|Leisure Centre|Outdoor Centre)\b")
_AGAINST = lazyre.compile(r"\b(?:against|vs?|versus|with|thank(?:s| you)(?: to)?|by|from)\.?\s+(?:the\s+)?$", re.IGNORECASE)



def last_day(event: Event) -> dt.date:
    """The day an event ends (its start, when it has no end)."""
    end = event.end or event.start
    return end.date() if isinstance(end, dt.datetime) else end


def event_over(event: Event, publish_at: dt.datetime) -> bool:
    end = event.end or event.start
    if isinstance(end, dt.datetime):
        return publish_at >= end
    return publish_at.date() > end


def whereabouts_in(value: str, event: Event | None, context: Context, on_the_day: bool = False
                   ) -> Iterator[tuple[str, int]]:
    """Each sentence's whereabouts: what it gives away and where, when it is not told afterwards. A
    linked event's title and description say what the outing is ("KS2 netball tournament"); on the
    event's last day (``on_the_day``), a sentence in the past tense tells of it afterwards ("What an
    afternoon at Dick Whittington!"), as it does with no event."""
    present = words(value)
    trip = event is not None and event.kind == "trip"
    about = words(f"{event.title} {event.description}") if event is not None else frozenset()
    outing = trip or not present.isdisjoint(OUTING_WORDS) or not about.isdisjoint(OUTING_WORDS)
    travel = not present.isdisjoint(_TRAVEL_WORDS)
    live = not present.isdisjoint(_LIVE_WHO) and not present.isdisjoint(_LIVE_BEING)
    staff = "mr" in present or "mrs" in present or "ms" in present or "miss" in present or "dr" in present
    if not (outing or travel or live or staff):
        return
    text = prose(value)
    # Each finder needs its pattern somewhere in the text: most texts are done with here.
    live = live and _LIVE.search(text) is not None
    staff = staff and _STAFF.search(text) is not None
    placed = outing and (_PLACE.search(text) is not None or _VENUE_NAME.search(text) is not None
                         or _NAMED_AFTER.search(text) is not None)
    travel = travel and _TRAVEL.search(text) is not None and (TIME.search(text) or _BARE_HOUR.search(text)) is not None
    ground = outing and _AWAY_GROUND.search(text) is not None and (event is not None or says_when(text))
    if not (placed or travel or live or staff or ground):
        return
    not_places = _not_places(context)
    names = names_for(context).first_names if trip or not present.isdisjoint(_TRIP_WORDS) else frozenset()
    firsts = names_for(context).first_names if live else frozenset()  # "running for Sophie": a child, no place
    people = names_for(context).first_names if placed else frozenset()
    placement = placed and _PLACEMENT.search(text) is not None and says_when(text)
    for start, end in sentences(text):
        sentence = text[start:end]
        if _PAYING.search(sentence) or ((event is None or on_the_day) and _PAST.search(sentence)):
            continue
        # a journey's places a sentence after its day: "Bronze DofE this Friday! Groups set off from … and camp at …"
        when = event is not None or placement or says_when(sentence) \
            or outing and _DESTINATION_DAY.search(text) is not None and _SETTING_OFF.search(sentence) is not None
        found = ((live and _live(sentence, not_places, firsts))
                 or (staff and when and _staff(sentence, not_places))
                 or (placed and when and _place(sentence, not_places, names, people))
                 or (travel and _travel_time(sentence, trip or _away(sentence, not_places)))
                 or (trip and event.location and _mentions(sentence, event.location))
                 or (ground and _away_ground(sentence)))
        if found:
            yield found[0], start + found[1]


_SETTING_OFF = lazyre.compile(r"\b(?:set(?:s|ting)?\s+off|leav(?:e|es|ing)|camp(?:s|ing)?\s+(?:overnight\s+)?at)\b",
                              re.IGNORECASE)
_DESTINATION_DAY = lazyre.compile(r"\b(?:this|next|on)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                                  re.IGNORECASE)


# The other side's ground, on a fixture's day ("1.30 start on their field", the team they play named nearby), or
# a walk's route by water ("follow the canal towpath down to Lock 7").
_AWAY_GROUND = lazyre.compile(r"\b(?:on|at)\s+their\s+(?:home\s+)?(?:field|pitch|pitches|ground|courts?|astro(?:turf)?|"
                              r"track|pool|home\s+ground)\b"
                              # a club's place by the water or on the allotments: "Saturdays 7.30am at the boathouse"
                              r"|\b(?:on|at|by)\s+the\s+(?:boathouse|lock\s+gates?|landing\s+stage|canal\s+basin|marina|"
                              r"slipway|jetty|reservoir|(?:community\s+|local\s+|village\s+)?allotments?)\b"
                              # a grid reference on an expedition ("the lunch checkpoint is at SD 914 640"), and where a
                              # trip stays ("Lots of you asked where we're staying: it's the … Guesthouse")
                              r"|\b(?:checkpoint|camp(?:site)?|meet(?:ing)?(?:\s+point)?|pick-?up)\s+(?:is\s+)?(?:at\s+)?"
                              r"(?:grid\s+ref(?:erence)?\s*:?\s*)?"
                              r"(?:(?-i:(?:S[A-HJ-Z]|N[A-HJ-Z]|T[AFGLMQRV]|H[LMPTUWXYZ]))\s?\d{3}\s?\d{3}|\d{6})\b"
                              r"|\bwhere\s+(?:we|they|you)(?:['’]re|\s+are|\s+will\s+be|['’]ll\s+be)\s+staying\b"
                              # a leisure centre or the baths, unnamed: "hydrotherapy moves to the leisure centre pool"
                              r"|\b(?:at|to)\s+the\s+(?:local\s+|town\s+)?(?:leisure\s+centre|sports\s+centre|swimming\s+baths|"
                              r"lido)(?:\s+pool)?\b"
                              r"|\b(?:follow|along|down|up)\s+the\s+(?:canal\s+|river\s+)?(?:towpath|river\s*bank|riverside)\b",
                              re.IGNORECASE)


def _away_ground(sentence: str) -> tuple[str, int] | None:
    found = _AWAY_GROUND.search(sentence)
    return (found.group(), found.start()) if found else None


def says_when(text: str) -> bool:
    """Whether the text gives a time, a date or a day ("9.30", "12 June", "every Friday", "tomorrow")."""
    return TIME.search(text) is not None or DATE.search(text) is not None or _DAY.search(text) is not None


def _not_places(context: Context) -> frozenset[str]:
    """Capitalised words that do not start an off-site place, the school's own name's words, and the
    school's own on-site places from the settings ("onsite:willow centre")."""
    settings = context.repository.settings
    own = {f"school:{word}" for word in settings.school.split()}
    own |= {f"onsite:{place.strip().lower()}" for place in getattr(settings, "on_site_places", ()) if place.strip()}
    return context.once(("whereabouts", "not places"), lambda: _NOT_PLACES | own)


_ROOM_CODE = lazyre.compile(r"(?:Room\s+[A-Z]{0,2}\d{1,3}[A-Za-z]?|(?![MA]\d)[A-Z]{1,2}\d{1,3}[A-Za-z]?)")  # not the M62 or the A58
_WHEN_AFTER = lazyre.compile(r"\s+(?:on|for)\s+(?:" + "|".join(day.title() for day in WEEKDAYS) + r")s?\b.*$")


def _off_site(place: str, not_places: frozenset[str]) -> bool:
    """Whether a place is away from school: not a place at school, and not the school itself
    ("Tregarrow Community Primary", but "Tregarrow Village Hall" is off site). A day after it is no part
    of the place ("the Hall on Tuesday" is the Hall)."""
    place = _WHEN_AFTER.sub("", place)
    if _ROOM_CODE.fullmatch(place):
        return False  # a room at school: "you're in S3", "in C12"
    place_words = place.split()
    if all(word in _ON_SITE_ALONE for word in place_words) or place_words[0] in not_places \
            or place.endswith(_ON_SITE_ENDINGS) or place_words[-1].lower() in _STAGES:  # "the Hall", "the Cup FINAL"
        return False
    lowered = place.lower().removeprefix("the ").split()
    if any(f"onsite:{' '.join(lowered[:end])}" in not_places for end in range(1, len(lowered) + 1)):
        return False  # the school's own building ("Willow Centre on Friday")
    return not all(f"school:{word}" in not_places for word in place_words)


_STAGES = frozenset("final finals semi-final semi-finals quarter-final quarter-finals cup league play-offs".split())
_ANY_PLACE_AFTER = frozenset({"at", "visiting", "outside", "behind", "opposite", "beside"})
_PERSON_TITLES = frozenset("Mr Mrs Ms Miss Mx Dr Prof Professor Cllr Councillor Sir Dame Lord Lady Rev Revd".split())
_THANKED = lazyre.compile(r"\b(?:thank\s+you|thanks|shout[- ]?outs?|a\s+big\s+thank\s+you|hats\s+off|credit)"
                          r"(?:\b[^.!?\n]*,\s+and)?\s*$", re.IGNORECASE)  # "Thank you to the Mayor …, and to the Rotary"
_VISITOR_BEFORE = lazyre.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Cllr|Councillor)\.?(?:\s+[A-Z][\w'’-]+){1,2}\s*$")


def _place(sentence: str, not_places: frozenset[str], names: frozenset[str] = frozenset(),
           people: frozenset[str] = frozenset()) -> tuple[str, int] | None:
    """An off-site place in the sentence: after "at" (or "outside", "behind the Co-op"), any; after "to" or "in", a
    venue ("Truro Museum"), or, on a trip (``names`` given: children's first names, which are not places), any ("to
    Porthpean"); a place named after the kind of place it is, when it is not a person (``people``: first names)."""
    for match in _PLACE.finditer(sentence):
        place, by = match.group("place"), match.group("by").lower()
        if match.group("by")[0].isupper() and _LOWER_WORD_BEFORE.search(sentence, 0, match.start()):
            continue  # a title, capitalised mid-sentence: "reading In Flanders Fields", "sang At the River"
        if by == "from" and _VISITOR_BEFORE.search(sentence, max(0, match.start() - 40), match.start()):
            continue  # where a visitor came from: "Dr Sam Whitworth from the University of Huddersfield"
        if by == "to" and (place.split()[0] in _PERSON_TITLES or _THANKED.search(sentence, 0, match.start())):
            continue  # thanks to someone, not a journey: "Thank you to Councillor Janet Pickles", "Shout-out to Morrisons"
        venue = by in _ANY_PLACE_AFTER or not _VENUES.isdisjoint(place.split()) or bool(match.group("kind")) \
            or (by == "to" and bool(names) and place.split()[0].split("-")[0] not in names)
        if venue and _off_site(place, not_places):
            return match.group().strip(), match.start()
    for match in _NAMED_AFTER.finditer(sentence):  # "their old primary, Hollins Lane", not "our school, Maya"
        if match.group("place").split()[0] not in people and _off_site(match.group("place"), not_places):
            return match.group().strip(), match.start()
    for match in _VENUE_NAME.finditer(sentence):
        if not _AGAINST.search(sentence, max(0, match.start() - 10), match.start()) and \
                _off_site(match.group(), not_places):
            return match.group(), match.start()
    return None


_LOWER_WORD_BEFORE = lazyre.compile(r"[a-z]\s+$")  # a word in lower case just before
_WILL = lazyre.compile(r"\bwill\s+(?!be\b)", re.IGNORECASE)


def _live(sentence: str, not_places: frozenset[str], firsts: frozenset[str] = frozenset()) -> tuple[str, int] | None:
    for match in _LIVE.finditer(sentence):
        place = match.group("place") or match.group("arrived")
        capitalised = place[0].isupper()
        if place in firsts:
            continue
        if capitalised and not _off_site(place, not_places):
            continue
        when = TIME.search(sentence) or _DAY.search(sentence)  # "Y3 are walking to the town library on Thursday"
        if _WILL.search(match.group()) and not when:
            continue  # "Year 5 will go to the Cathedral" one day: no when
        if match.group("arrived") or _NOW.search(sentence) or capitalised or when:
            return match.group().strip(), match.start()
    return None


def _staff(sentence: str, not_places: frozenset[str]) -> tuple[str, int] | None:
    match = _STAFF.search(sentence)
    if match and _off_site(match.group(1), not_places):
        return match.group().strip(), match.start()
    return None


_PARKED = lazyre.compile(r"\b(?:minibus|coach|bus)\b[^.!?\n]{0,30}?\b(?:will\s+be\s+|is\s+|are\s+)?parked\b", re.IGNORECASE)


_OWN_SPOT = lazyre.compile(r"\b(?:in|at|on)\s+(?:the\s+)?(?:main\s+|school\s+|sports\s+){,2}(?:hall|playground|gates?|entrance)\b(?!\s+(?:to|of)\b)",
                           re.I)
_SCHOOL_BUS = lazyre.compile(r"\b(?:late|school|after-school|home)\s+bus(?:es)?\b", re.IGNORECASE)
_MISSED_BUS = lazyre.compile(r"\b(?:late\s+for|miss(?:es|ed|ing)?|catch(?:es|ing)?)\s+(?:the|their|his|her)\s+bus\b", re.I)
_BARE_HOUR = lazyre.compile(r"\b(?:leaves?|leaving|departs?|departing|sets?\s+off)\b[^.!?\n]{0,30}?\bat\s+(?:[1-9]|1[0-2])"
                            r"(?![\d:.])(?!\s*(?:%|years?|people|children|pupils|minutes|mins|of)\b)", re.IGNORECASE)


def _travel_time(sentence: str, away: bool) -> tuple[str, int] | None:
    """A journey and its time: a coach or a departure always; dropping off, picking up or arriving, not at school."""
    travel = _TRAVEL.search(sentence)
    if travel and (_PARKED.search(sentence) or _MISSED_BUS.search(sentence) or _SCHOOL_BUS.search(sentence) and not away):
        return None  # the minibus parked at school for the afternoon, "late for the bus" or the late bus home
    time = (TIME.search(sentence) or _BARE_HOUR.search(sentence)) if travel else None  # "Coach leaves … at 9"
    arriving = travel and (travel.group().lower()[:4] in ("drop", "pick", "coll") or not away and "arriv" in sentence)
    here = arriving and _OWN_SPOT.search(sentence)  # dropped off, or a bus arriving, at the school's own gates
    if travel and time and (away or _JOURNEY.search(sentence)) and not here:
        return f"{travel.group()} … {time.group()}", travel.start()
    return None


def _away(sentence: str, not_places: frozenset[str]) -> bool:
    """Whether the sentence is about going away from school: a trip, a fixture, a destination or place, or
    a meeting point that is not at school ("meet at the lychgate of St Thomas' church at 9:40")."""
    meeting = _MEETING.search(sentence)
    return (not words(sentence).isdisjoint(_TRIP_WORDS) or _DESTINATION.search(sentence) is not None
            or _place(sentence, not_places) is not None
            or meeting is not None and _AT_SCHOOL.search(meeting.group("where")) is None)


_MEETING = lazyre.compile(r"\b(?:be\s+at|meet(?:ing)?\s+(?:(?:us\s+|me\s+)?(?:at|outside|by|under|beside|next\s+to)|"
                          r"(?:mr|mrs|ms|miss|dr)\.?\s+\w+\s+"
                          r"(?:at|outside|by|on)))\s+(?:the\s+)?(?P<where>[^.!?\n]{3,60}?)\s+(?:at|for|by|from)\s+\d",
                          re.IGNORECASE)
_AT_SCHOOL = lazyre.compile(r"\b(?:school|(?<!memorial )(?<!church )(?<!park )(?<!cemetery )gates?|office|reception|(?<!church )(?<!village )(?<!community )(?<!parish )hall|playground|classroom|front|main|entrance|car\s+park|"
                            r"field|canteen|library|yard|doors?|bus\s+bay|sports\s+hall|gym|foyer)\b", re.IGNORECASE)


def _mentions(sentence: str, location: str) -> tuple[str, int] | None:
    index = sentence.lower().find(location.lower())
    return (location, index) if index >= 0 else None
