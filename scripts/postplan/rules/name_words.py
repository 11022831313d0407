"""The words around a name that tell a child from an adult, a saint, a place or a story character.

Not a rule (it has no ``ID``): word sets and patterns that ``names.py`` reads, kept apart so that the
lists can grow without the code that uses them getting longer.
"""

from __future__ import annotations

import re

from postplan import lazyre

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Words right before a name that make it an adult, a saint, a title or a feast ("Mrs Davies",
# "St Ives", "PC Amy Rowe", "Chair of Governors David Hughes", "Dydd Gŵyl Dewi"), in any capitals.
TITLES = frozenset("""mr mrs ms miss mx dr doctor prof professor sir dame lady lord rev revd reverend father
madame monsieur mademoiselle mme mlle herr frau fraulein señor senor señora senora señorita senorita don doña dona
signor signora signorina pan pani panna
st saint sant santes san king queen prince princess duke duchess coach uncle aunt auntie aunty
nanny nan nana grandma grandad grandpa granny gran pc pcso sgt sergeant inspector officer cllr mayor mayoress
bishop canon pastor imam rabbi vicar chaplain guru prophet headteacher headmaster headmistress head deputy
principal governor governors chair chairman chairwoman chairperson trustee trustees clerk author authors
illustrator illustrators poet writer storyteller teacher teachers ta senco caretaker chef cook librarian
secretary bursar ceo director volunteer nurse paramedic firefighter mp msp ms mep minister artist musician
composer presenter scientist astronaut explorer historian actor actress singer comedian manager coordinator
dydd gwyl gool gouel fheile fheill feast baby mister visitor visitors guest guests speaker parents staff
volunteers helpers councillors coaches illustrators poets supervisor assistant cleaner technician receptionist
administrator mentor tutor mum dad mums dads mother grandmother grandfather carer lady farmer vet zookeeper
ranger keeper alumnus alumna alumni engineer surgeon designer architect dentist optician postman postwoman fireman
policeman policewoman dog puppy cat kitten hamster
tortoise pony horse donkey rabbit bunny chicken hen goat sheep lamb guinea gerbil snake lizard parrot god goddess
virgin character characters hero heroine legend legends musicians singers composers artists scientists
inventors writers novelist playwright private pte corporal cpl bombardier gunner sapper rifleman trooper
guardsman seaman airman lieutenant lt major maj colonel col capt brigadier brig general gen admiral commodore
wo wo1 wo2 ssi smi rsm csm cdr commander lcpl
athlete athletes olympian paralympian rower rowers cyclist sprinter footballer cricketer boxer jockey mountaineer
netballer shooter golfer triathlete therapist therapists counsellor physio physiotherapist psychologist audiologist
dietitian instructor
adventurer broadcaster journalist referee umpire pilot architect engineer photographer magician puppeteer""".split())
# A grown-up's title before a surname ("Mrs Hart", "Dr Rahman"), for patterns to share (a dot may follow).
GROWN_UP_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)"
# Titles written before a given name, some of them first names too ("King John", "Prince Harry", "Saint
# Patrick", "Duke William"): the title is not the person's first name, nor the name after it their surname.
HONORIFICS = frozenset("""king queen prince princess duke duchess lord lady sir dame saint st earl countess count
baron baroness emperor empress tsar tsarina kaiser pope sultan pharaoh archbishop bishop major""".split())
# Words after a name that make it an animal: "Bella the reading dog", "Sophie the sheep".
ANIMAL_AFTER = lazyre.compile(r"^,?\s+(?:our\s+|the\s+)(?:[a-z]+\s+){0,2}(?:dog|puppy|cat|kitten|hamster|tortoise|pony|"
                              r"horse|donkey|rabbit|bunny|chicken|hen|goat|sheep|lamb|guinea pig|gerbil|snake|lizard|"
                              r"parrot|owl|ferret|alpaca|llama|bear|elf|reindeer|puppet|mascot|teddy)s?\b")
# Roles of several adults, whose names may follow as a list ("our governors Jane Smith and Ravi Patel").
PLURAL_ROLES = frozenset("""governors trustees teachers staff authors illustrators poets coaches volunteers helpers
visitors guests speakers parents councillors nurses officers characters legends musicians singers composers
artists scientists inventors writers""".split())
# Titles that pupils hold too ("team captain Maya", "his sister Amy"): an adult's only in capitals.
CAPITALISED_TITLES = frozenset("Captain Leader Councillor Olympian Paralympian Officer Brother Sister".split())
# A role word after these is a child's ("our young author Maya", "star reader Tom", an award's "Outstanding
# Speaker, Priya Chaudhry").
# A show named after its heroine: "the Matilda cast", "Matilda rehearsals", "last Wednesday's Matilda".
SHOW_AFTER = frozenset("musical production rehearsals auditions".split())
SHOW_BEFORE = frozenset(f"{day}{mark}s" for day in (*WEEKDAYS, "tonight", "night", "evening", "matinee") for mark in "'’")
PUPIL_ROLE = frozenset("young budding junior star pupil student class school wonderful amazing brilliant outstanding champion "
                        "mini little".split())
# Words before a name that make it a thing or a part played ("the Holly and the Ivy", "played Mary").
DETERMINERS = frozenset("the a an this these those".split())  # not "that": "remember that Harvey…"
CHARACTER = frozenset("as played playing plays role roles".split())
# Two words before a name that make it a figure studied, a work's subject or a show ("inspired by Hans
# Holbein", "learning about Grace Darling", "our performance of Oliver!").
ABOUT = frozenset(tuple(pair.split("-")) for pair in """inspired-by style-of work-of works-of life-of story-of
learning-about learned-about learnt-about learn-about biography-of wrote-to performance-of production-of
version-of olympic-champion world-champion paralympic-champion olympic-medallist paralympic-medallist
commonwealth-champion olympic-gold england-player wales-player""".split())
# Words that start a surname of two words: Irish "Ó Briain", "Ní Dhomhnaill", "Mac Giolla", Dutch,
# Portuguese, Italian, French and Arabic particles ("Van Dijk", "De Souza", "Di Marco", "Le Roux", "Al Amin").
SURNAME_PARTICLES = frozenset("O Ni Nic Mac Ui Van Von Der De Da Di Dos Du Le La Al El Bin Ap".split())
# Words before a name that celebrate a child: an unlisted first name is still a child's with a listed
# surname after it ("Well done Tayo Bankole-Williams", "Congratulations to Bartek Zielinski").
PRAISE_BEFORE = lazyre.compile(
    r"(?:well done|congratulations|congrats|good luck|shout ?out|huge thanks|star of the week|pupil of the week|"
    r"player of the match|(?:a )?(?:big|huge|massive) well done|brilliant effort|fantastic work|top marks|"
    r"special mention|a mention|proud of(?: you)?|goals? (?:from|by)|(?:award|prize|cup|trophy|certificate)s? (?:goes|go|went) "
    r"to)(?: to| for| from)?\s*[:!,-]?\s*$",
    re.IGNORECASE)
SURNAME_CUES = frozenset("goals scorers scorer tries".split())
PRAISE_WORDS = frozenset("done congratulations congrats luck shout shoutout mention proud marks effort work week "
                         "match goal goals".split())
# Letters after a surname that make the person an adult: "Tom Hunt MP", "Ade Adepitan MBE".
POST_NOMINALS = frozenset("MP MSP MS MEP OBE MBE CBE BEM KC QC PhD DBE KBE".split())
# Capitalised words after a first name that make it a group, a place, a business or an occasion.
NOT_SURNAMES = frozenset("""Class Classes Group Team Teams House Houses Day Days Week Weeks Month Year Term
Rugby Football Netball Cricket Hockey Choir Orchestra Gymnastics Athletics
Club Clubs Fair Festival Appeal Award Awards Cup Trophy Shield League School Schools Academy College Primary
Nursery Chapel Library Centre Center Museum Theatre Gardens Garden Street Road Avenue Trust Foundation Society
Council Service Show Assembly Prize Medal Memorial Station Hospital Book Books Story Stories Challenge Project
Animals Encounters Ltd Limited Band Choir Orchestra Players Singers Rangers United City Town Athletic Rovers
FC Leisure Pool Cafe Bakery Stores Market Zoo Farm Bay Beach Cove Island Point Christmas Easter Diwali Eid
Hanukkah Explorers Scouts Guides Brownies Cubs Beavers Rainbows Ward Unit Room Hub Lodge Kitchen Studio Close
Crescent Drive Way Place Square Terrace Court Row Walk Grove Rise Mews Parade Wharf Quay Estate Manor Forest
Lake Castle Tower Arena Stadium Ground Grounds Cathedral Abbey Mosque Temple Gurdwara Synagogue Infirmary
Surgery Pharmacy Dock Docks Port Harbour Airport Line Palace Hotel Inn Arms Shop Shops Infants Juniors Junior
High Grammar Community Fund Scholarship Building Wing Block Suite Lecture Girl Boy Girls Boys Bear Pig Rabbit
Cat Dog Bunny Duck Engine Reindeer Snowman Monster Dragon Unicorn Mouse Giant Witch Wizard Fairy Pirate Bus
Train Express Meadow Valley Hills Mount Retail Medical Dental Health Care Homes Home Village Night Party
Sunday Lunch Dinner Breakfast Tea Coffee Pantry Boutique Salon Hair Beauty Design Designs Photography Travel
Coaches Taxis Motors Garage Nurseries Builders Plumbing Electrical Solicitors Agents Insurance Bank Hospice
Charity Bequest Marathon Run Swim Ride Relay Rally Camp Camps Gallery Galleries Aquarium Pier Caves Cavern
Gorge Falls Fort Priory Minster Quarry Reservoir Observatory Planetarium Sanctuary Experience World Kingdom
Adventure Adventures Safari Heritage Exhibition Collection Archive Archives Railway Colliery Mine Mines Workhouse
Gaol Barracks Dungeon Dungeons Arcade Pavilion Gateway Landing Crossing Visitor Discovery""".split())
NOT_SURNAMES |= frozenset(word.title() for word in MONTHS + WEEKDAYS)
# Surnames that are also place words ("Tom Hall", "Victoria Park"): a place after "at", "in", "near"...
PLACE_SURNAMES = frozenset("""Park Lane Hall Green Hill Wood Woods Cross Heath Field Fields Gate Bridge Brook Dale
Church Ford Marsh Common""".split())
PLACE_BEFORE = frozenset("at in near from through around across round along past visit visited visiting "
                         "up down into".split())
# Capitalised words after "young" that are not a pupil's surname ("Young Voices", "young Carers").
YOUNG_WORDS = frozenset("""Voices Carers Carer Leaders Leader Enterprise Writers Writer Musician Musicians
Reporters Reporter Engineers Engineer Scientists Scientist Ambassadors Ambassador Citizens Citizen Farmers
Farmer Chef Chefs People Person Persons Minds Artists Artist Poet Poets Readers Reader Shakespeare Company
Explorers Rangers Offenders Adults Adult Ones Talent Stars Star Voice Film Films Authors Author Composer""".split())
# Sports results before "from"/"by" that name the player: "goals from Sutcliffe", "a try by Okafor".
SCORING = frozenset("""goal goals try tries save saves assist assists wicket wickets runs point points basket
baskets hat-trick brace catches scored""".split())
# Words before a capitalised surname that may make it a pupil's: "young Trelawny", "from Sutcliffe", "the Patel twins",
# "Cdt Sgt Hargreaves".
BEFORE_SURNAME = frozenset({"young", "Young", "Master", "from", "by", "the", "The", "THE", "Cdt", "CDT", "Cadet"})
SIBLINGS = frozenset("twins twin triplets brothers sisters siblings".split())
# Brothers and sisters known by their surname, whom lessons and stories name: "the Wright brothers".
FAMOUS_SIBLINGS = frozenset("""Wright Grimm Brontë Bronte Williams Brownlee Chuckle Jonas Marx Kessler Mitford Kray Olsen
Weasley Winklevoss Krays Gallagher Everly Proclaimers""".split())
# Lower-case words too common for a lower-case first name before them to be read as a full name.
LOWER_COMMON = frozenset("""day may rose young west green white black brown long little hill wood woods hall
king bird lamb power page john will mark read reed cross bell ball bond cook lane marsh moss stone ward wells
sharp smart swift fox gray grant park lee dale dean miles mann banks ford cole hardy bishop farmer baker potter
butler fisher turner parker hunter carter mason porter price sims steele stan kay rice best hunt rowe nash
knight lucas pope read shah singh kaur begum said""".split())

_ROLES = (r"head(?:teacher|master|mistress|(?!\s+(?:girl|boy|students?|pupils?|prefects?)\b))|deputy|principal|governors?|chair(?:man|woman|person)?|clerk|trustees?|"
          r"authors?|illustrators?|poet|writer|storyteller|coach|teacher|senco|caretaker|chef|cook|librarian|"
          r"secretary|bursar|ceo|director|volunteer|nurse|paramedic|firefighter|officer|pcso|mp|councillor|cllr|"
          r"mayor|vicar|rector|bishop|imam|rabbi|pastor|chaplain|artist|musician|composer|presenter|scientist|"
          r"astronaut|historian|manager|coordinator|founder|owner|speaker|guest|visitor|parent governor|engineer|"
          r"surgeon|doctor|gp|dentist|vet|designer|architect|lawyer|solicitor|barrister|pilot|journalist|athlete|"
          r"footballer|olympian|paralympian|entrepreneur|accountant|pharmacist|midwife|physiotherapist|researcher|"
          r"professor|lecturer|therapist|counsellor|psychologist|audiologist|dietitian|physio|instructor|"
          r"photographer|videographer|technician|administrator|invigilator|examiner|inspector|assistant")
# A role written after a name: "David Hughes, Chair of Governors", "Sarah Collins (headteacher)".
ROLE_AFTER = lazyre.compile(
    r"^\s*(?:,|\(|-|–|—)\s*(?:(?:our|the|a|an|who is|is|as|from|now)\s+)*"
    r"(?:(?:new|former|local|visiting|acting|deputy|assistant|executive|interim|retired|children's|(?-i:[A-Z]{2,})|"
    # an organisation's name ("Sarah Whitworth, Badminton England coach"), not a pupil's own title
    r"(?-i:(?!(?:School|Student|Pupil|Junior|Young|Sports|House|Eco|Class|Year|Head|Deputy|Reading|Digital|Play)\b)"
    r"[A-Z][a-z]+))\s+)*"
    r"(?:(?!(?:young|budding|junior|star|pupil|student|class|school\s+council)\b)(?-i:[a-z]+)\s+(?:(?:and|&)\s+)?){0,2}"
    # not a role that starts a clause of its own: "Rafi, Chef is making your pizza" (the chef is someone else)
    rf"(?:{_ROLES})s?\b(?!\s+(?:is|was|has|will|made|makes|cooked|says|said)\b)", re.IGNORECASE)
# An adult from somewhere outside the school: "Kate from the RSPB", "Sophie from the library service".
ADULT_FROM = lazyre.compile(
    r"^\s+from\s{4,}(?=\S)"  # an organisation's @account, blanked where names are read: "Emma Rawlings from @YorksMusicHub"
    r"|^\s+from\s+(?:the\s+|our\s+|a\s+)?(?:local\s+)?(?:(?i:library|council|fire|police|surgery|hospital|church|"
    r"mosque|temple|gurdwara|synagogue|university|museum|theatre|charity|bank|dentist|dental|pharmacy|ambulance|"
    r"coastguard|lifeboat|county|borough|diocese|company|firm)\b|[A-Z]{2,}\b|[A-Z][\w-]*['’]s\s+[A-Z]|"
    # a named organisation: "Sophie Green from Calder Dental", "Amy Rowe from Hebden Rotary"
    r"(?:[A-Z][\w&'’-]*\s+(?:(?:and|&)\s+)?){1,4}(?:Dental|Dentists?|Surgery|Library|Council|Police|Fire|Bank|Pharmacy|"
    r"Trust|Foundation|Charity|Ltd|Limited|Radio|Museum|Theatre|University|Rotary|Church|Hospice|Practice|Vets?|"
    r"Bakery|Housing|Water|Energy|Wildlife|Rescue|Hospital|Team|Service|Association|Society|Hub|Centre|Project|Award|Awards|"
    r"Partnership)\b|(?i:site|office|kitchen|catering|admin|cleaning|premises|facilities|grounds|leadership|pastoral)"
    r"\s+team\b)")
_ROLES_PLAIN = ("governor|chair|head(?:teacher)?|deputy|principal|clerk|trustee|teacher|senco|caretaker|cook|"
                "librarian|secretary|bursar|manager|coordinator|lead|leader|director|coach|volunteer|nurse|officer")
# What a visiting adult does, after the name: "Harry Gration, who read The Snail and the Whale to Reception".
VISITOR_AFTER = lazyre.compile(
    r"^,?\s+who\s+(?:(?:joins?|joined|ha(?:s|ve)\s+joined|will\s+join|is\s+joining|are\s+joining)\s+(?:our|the)\s+"
    r"(?:governing\s+(?:body|board)|board\s+of\s+governors|trust\s+board|board\s+of\s+trustees)\b|"
    r"(?:joins|joined|has\s+joined|will\s+join|is\s+joining)\s+(?:us|the\s+school|our\s+\w+(?:\s+\w+)?)\s+"
    r"as\s+(?:(?:our|the|a|an|new)\s+)*(?:[\w-]+\s+){0,2}(?:coach|teacher|assistant|manager|officer|lead|leader|head|"
    r"caretaker|cook|chef|administrator|technician|librarian|nurse|governor|director|tutor|mentor|counsellor)\b|"
    r"(?:[\w'’-]+\s+){0,6}?(?:waved?|waving|chatted|signed\s+(?:programmes|autographs|books))\s+(?:at|to|with|for)\s+(?:all\s+)?"
    r"(?:our|the)\s+(?:year|yr|y\d|reception|nursery|class|pupils|children|kids|audience)|"
    r"came\s+in|visited|kindly|donated|sponsored|read\s+(?:[\w'’,:!-]+\s+){1,8}to\s+(?:us|our|the|year|"
    r"reception|nursery|class|key)|talked\s+to\b|spoke\s+to\b|gave\s+(?:a|an|us|our)|"
    r"led\s+(?:a|an|our|the)(?!\s+(?:warm[- ]?ups?|cool[- ]?downs?|line|way|team|register|class\s+(?:out|in))\b)|"
    r"ran\s+(?:a|an|our))"
    # Stepping down from a post: "Dick Whitaker steps down as Chair of Governors".
    r"|^\s+(?:steps?|stepping|stands?|standing|stood)\s+down\s+(?:as|from)\b|^\s+retir(?:es|ing)\s+(?:as|from)\b"
    # Thanked for what only a visiting adult gives: "Kwame Asante for this morning's Ghanaian drumming workshop".
    r"|^\s+for\s+(?:this\s+morning(?:'|’)s|this\s+afternoon(?:'|’)s|today(?:'|’)s|yesterday(?:'|’)s|the|a|an|her|his|their)\s+"
    r"(?:[\w-]+\s+){0,3}(?:workshop|masterclass)s?\b",
    re.IGNORECASE)
# A work named after its maker, after the name: "That Charlie Parker medley", "a Hans Zimmer album".
WORK_AFTER = lazyre.compile(r"^\s+(?:medley|songbook|album|concerto|symphony|sonata|classics?|tunes|biography|"
                            r"biopic)\b", re.IGNORECASE)
# A business after a name: "Sam Turner & Sons", "Amy Rowe and Co", "Ann Dickinson and the team at Brook Street Co-op".
BUSINESS_AFTER = lazyre.compile(r"^\s*(?:&|and)\s+(?:Sons?|Daughters?|Co\b|Partners|Son\b|(?:(?:the|her|his|all\s+the)\s+)?"
                                r"(?:team|staff|crew|volunteers)\s+(?:at|from)\s+(?:the\s+)?[A-Z])")
# Titles that only an adult holds, even after "pupil" or "school" ("former pupil Dr Aisha Rahman", "our school
# nurse, Rebecca Holloway").
ADULT_ONLY_TITLES = frozenset("""dr doctor prof professor rev revd reverend sir dame lord lady cllr pc pcso sgt nurse
caretaker bursar paramedic counsellor physio physiotherapist therapist""".split())
# A role, then "is", before a name: "our new parent governor is Tom Bradley", "the chair is Jane Smith".
ROLE_IS_BEFORE = lazyre.compile(rf"\b(?:{_ROLES_PLAIN})s?\s+(?:is|was|will\s+be)\s+(?:now\s+)?$", re.IGNORECASE)
# A list of adults introduced by their role: "Meet our governors: ...", "our trustees are ...".
ADULTS_LIST = lazyre.compile(r"\b(?:governors|trustees|staff|teachers|volunteers|coaches|speakers|visitors|guests|"
                             r"judges|authors|(?:site|office|kitchen|catering|admin|cleaning|premises|facilities|"
                             r"grounds|leadership)\s+team)\s*(?::|,|are|include|were)\s", re.IGNORECASE)
# A role with its department before a name: "Head of Year 7 Tom Jones", "Chair of the PTA Amy Rowe".
ROLE_OF_BEFORE = lazyre.compile(
    r"\b(?:head|chair|director|leader|clerk|teacher|coordinator|manager|lead)\s+of\s+(?:the\s+)?"
    r"[A-Za-z&]+(?:\s+\d+)?\s*[,:]?\s*$", re.IGNORECASE)

# After a name that is also a word ("Jordan", "Chelsea", "Grace"), what makes it a child's: a year group
# or a class ("Jordan in Year 8", "Chelsea (Y4)", "Florence from Reception", "Leah from 7R").
# "Ruby's dad in 5H", "Maddie Sutcliffe's mum in Y4": the child's class after whose parent it is, too.
CHILD_AFTER = lazyre.compile(r"['’]?s?(?:\s+(?:mum|mummy|dad|daddy|parents|grandma|grandad|nan|nana|gran|carer))?,?\s*"
                             r"(?:\(\s*(?:(?:year|yr|y)\s?\d{1,2}|\d{1,2}(?-i:[A-Z]{1,2}))\s*\)|(?:in|from|of)\s+(?:year|yr|y)\s?\d{1,2}\b|"
                             r"(?:in|from)\s+(?:reception|nursery|\d{1,2}(?-i:[A-Z]{1,2})|class\s+\d{1,2})\b)", re.IGNORECASE)
# A form code written bare after a name, as on a register, a mark sheet or a book's cover: "jack smith 8B",
# "Maya Jones 10W", "Reading Record – Daisy Whitfield – 2T".
FORM_AFTER = lazyre.compile(r"['’]?s?(?:,|\s+[–—-])?\s+\d{1,2}(?-i:[A-Z]{1,2})\b(?!-|['’]\w)")  # "Daisy Whitfield – 2T" too
# A year group or form that a name belongs to, written before it: "Year 9's Freya Marsh", "7H's Tom Hall",
# "our Year 6 pupil Amir Khan", "Y10 student Maya Jones".
CHILD_BEFORE = lazyre.compile(r"(?:\b(?:year|yr|y)\s?\d{1,2}|\b\d{1,2}(?-i:[A-Z]{1,2}))(?:['’]s|\s+(?:pupil|student|"
                              r"learner|reader|girl|boy)s?)\s*,?\s*$", re.IGNORECASE)
# What a child does, after a first name that is also a word ("Ruby", "Holly") starting a sentence: "Ruby's
# new wheelchair", "Ruby said", "Holly scored twice", "Ruby was sick" ("Holly wreaths on sale" is the word).
PERSON_AFTER = lazyre.compile(
    r"['’]s\s|\s+(?:said|says|won|wins|scored|scores|wrote|writes|loved|loves|enjoyed|enjoys|helped|told|asked|"
    r"sang|danced|smiled|laughed|cried|painted|drew|chose|wanted|joined|finished|completed|managed|"
    r"(?:is|was|has|had|will)\s+(?:been|be|feeling|off|absent|sick|unwell|ill|late|rude|delighted|thrilled|proud|"
    r"settling|settled|back|starting|joining|now|so|very|really|our|a\s+(?:star|superstar|credit)))\b")
# A year group or class after a name, in brackets, after "in" or bare: "(Y7)", "in 9W", "jack smith 8B".
PUPIL_AFTER = lazyre.compile("|".join(f"(?:{cue.pattern})" for cue in (CHILD_AFTER, FORM_AFTER)), re.IGNORECASE)
# A numbered place in a list just before a name: "1. Lindqvist, Freya", "2) Oskar", "3rd: Bea".
RANKED = lazyre.compile(r"(?:^|[\s:(])(?:\d{1,2}[.)]|\d{1,2}(?:st|nd|rd|th):?|#\d{1,2})\s*$")
# A hyphenated surname of two capitalised words, each of three letters or more ("Hartley-Shaw").
DOUBLE_BARRELLED = lazyre.compile(r"[A-Z][a-z]{2,}-[A-Z][a-z]{2,}")
# A name written surname first, as on a mark sheet: "Oastler, Harriet;" (in a list with semicolons) or
# "OASTLER Harriet". Two or more make a list, in which a surname need not be a listed one.
SHEET_NAME = lazyre.compile(r"\b[A-Z][\w'’-]+, [A-Z][a-z'’-]+\s*(?:;|$)|\b[A-Z]{2}[A-Z'’-]* [A-Z][a-z]", re.MULTILINE)
# Words before a name that are not a surname, even in such a list: "Thanks, Maya; well done, Tom", "PE Maya".
NOT_A_SHEET = frozenset("""thanks thank congratulations congrats well done brilliant great hello hi dear wow yes no
sorry please amazing fantastic super love bye welcome morning afternoon evening pe re dt ict pta sen send eyfs gcse
nhs bbc uk ok fa sats stem pshe rshe mfl""".split()) | TITLES
# An initial and a surname ("J. Smith", "R Patel"): a pupil's when a class or year follows, or when the
# text lists several people that way ("Team: J. Smith, R. Patel, L. O'Brien").
INITIAL_SURNAME = lazyre.compile(r"(?<![\w.])[A-Z]\.?\s+[A-Z][a-z]*['’]?[A-Z]?[a-z]+")
# Lost property: a name as written on a label ("a bottle labelled A. Kowalczuk", "labelled Begum M").
LABELLED = lazyre.compile(r"\b(?:labelled|labeled|named|name(?:d)?\s+(?:label|tag|sticker)(?:\s+(?:says|saying|reading))?|"
                          r"with\s+the\s+name)\s*:?\s*$",
                          re.IGNORECASE)
# A second person before a shared surname or role: "Sarah and Tom Evans from the PTA".
AND_NAME = lazyre.compile(r"(?:,?\s+(?:and|&)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)(?=[\s,(])")
# A year group or class that ends a list of pupils' names typed in lower case: "(yr 9)", "(Y9)", "(years
# 9 and 10)", "- yr9!", "(9W)", "(rowan class)", "in year 9!". Not "in year 9" going on ("josh said in year 9
# assembly...") nor ", year 9" ("amir said, year 9 need kits"): those are sentences, not a list's end. A
# class is a code ("9W"), "class 4" or a named class ("rowan class", not "the class").
_CLASS = r"(?:\d{1,2}(?-i:[A-Z]{1,2})|class\s+\w+|(?!(?:the|a|my|our|his|her|their|your|this|that)\s)[a-z]+\s+class\b)"
YEAR_AFTER = lazyre.compile(
    rf"\s*(?:\(\s*(?:(?:years?|yrs?|y)\s?\d{{1,2}}(?:\s*(?:and|&|,|/)\s*\d{{1,2}})*|{_CLASS})\s*\)"
    rf"|(?:[,–—-]\s*(?:yrs?|y)\s?\d{{1,2}}|(?:in|from)\s+(?:(?:year|yr|y)\s?\d{{1,2}}|{_CLASS}))\s*(?:[.!,;:)–—-]|$))",
    re.IGNORECASE)
