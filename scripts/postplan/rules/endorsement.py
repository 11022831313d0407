"""A post that reads like an advert: sponsorship, discounts, "buy now", #ad, praise with a call to go.

The school does not endorse products or businesses, with an @ or without one. Thanking a visitor, a
sponsor or a partner plainly is fine ("Thank you to Tesco for donating fruit"), and so is a charity
appeal or the PTA's own sale; telling families where to shop or eat ("the best pizza in town, go and
try it!", "we highly recommend…"), passing on a discount code, or a competition that makes families
promote a company ("win a voucher — just like and share their page", "like, share and tag three friends
to enter") is not; nor is a business praised as "the best tutors in Yorkshire" or a call to "tell them
the school sent you", nor a shop's offer passed on ("they're half price this week! Go and grab some for
home", "pop into Tesco for their 3 for 2 deals"). The school's and the PTA's own sales may say "half price"
or "3 for 2"; parents' "offers of help" and the council's "offers of places" are not a shop's offers.

Passes: "Owen's Animals came in today for our children to hold some exotic animals."; "Thank you to
the PTA for the new books."; "Thank you to Tesco for donating fruit for Sports Day."

Fails: "Get 20% off school shoes at ShoeBarn with code TREG20!"; "Sponsored by Kernow Cars #ad";
"Pengelly's has the best pizza in town, go and try it!"; "Win a £50 voucher from Kernow Karts: like
and share their page to enter"; "the new acrylics are half price this week, go and grab some!"; "the best
quality around and cheaper than the supermarkets"; "do all your book shopping there, you won't regret it!";
"grab the big boxes from Asda while they're on offer!".
"""

import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.identifiable import sentences
from postplan.rules.reading import reader_texts, where
from postplan.rules.text import prose, words

ID = "endorsement"
SEVERITY = Severity.WARNING
SUMMARY = "No commercial endorsements or product placement."
POLICY = "Use of the @twitter name of others ... must never be endorsements or product placement."

_ADVERT = lazyre.compile(
    r"\b(?:sponsored by|brought to you by|buy (?:now|yours|one)|on sale now|\d+\s?% off|discount(?: code)?|"
    r"(?:our|the school(?:['’]s)?|an?)\s+(?:amazon\s+|online\s+)?(?:storefront|affiliate\s+(?:link|page|shop))|"
    r"quote\s+(?-i:[A-Z0-9]{4,})|(?<=£)\d+\s+off\s+(?:your|the|their|a)|switch\s+to\s+(?-i:[A-Z])[\w'’-]+\s+"
    r"(?:this|today|now|and)|"
    r"promo(?:tion(?:al)?)? code|voucher code|use (?:the )?code|shop now|order (?:now|yours)|special offer|"
    # Someone's own business offered at a price: "I'm doing £25 mini sessions over the summer".
    r"(?:I['’]m|I am|we['’]re|we are) (?:now )?(?:doing|offering|running|selling) £\d+|"
    r"(?:I['’]m|I am|we['’]re|we are) (?:now )?taking orders|taste the difference|"
    r"pick (?:some|one|yours|them|a (?:bottle|pack|tub|box))? ?up (?:in|at|from) (?:the |your (?:local )?)?(?-i:[A-Z])[\w-]*|"
    r"the best £\d+(?:\.\d\d)? you(?:['’]ll| will) (?:ever )?spend|book (?:a|your) free (?:trial|taster|session|class|lesson)|"
    r"book with them|(?:simply|quite simply|honestly|easily|by far) the best (?:[\w'’-]+ ){0,2}?(?:coaches|company|shop|"
    r"caf[eé]|bakery|garage|firm|service|instructors|tutors|provider|deals|prices|value)\b[^.!?\n]{0,12}?"
    r"(?:in\s+(?-i:[A-Z])\w+|in town|around|out there|going|on the market)|"
    r"(?:well|definitely|really) worth (?:opening|getting|buying|grabbing|ordering|signing up for|switching to) "
    r"(?:one|yours|it|them|an account|a card)|"
    r"free delivery|next[- ]day delivery|(?:well )?worth stocking up|"
    r"limited time offer|check out their (?:shop|products|range|website)|"
    r"best (?:[\w'’-]+ ){1,3}?in (?:town|the (?:area|valley|village|county)),? go and (?:see|visit|try) (?:them|it)|"
    r"(?:deals?|offers?|prices?|value)\b[^.?\n]{0,30}?(?:is|are) (?:honestly |simply |just )?unbeatable|"
    r"go and show them some love|rates and availability|"
    r"I run (?-i:[A-Z])[\w'’-]*(?: (?-i:[A-Z])[\w'’-]*)* (?:childminding|tutoring|photography|catering|cleaning|cakes|"
    r"dog walking|hair|nails|lashes|beauty))\b"
    # A shop's offer passed on: "half price this week", "buy one get one free", "while stocks last".
    r"|\b(?P<offer>half[- ]price|buy\s+one,?\s+get\s+one\s+(?:free|half\s+price)|bogof|"
    r"(?:two|2)\s+for\s+the\s+price\s+of\s+(?:one|1)|price\s+(?:drop|cut)|(?:prices?|everything)\s+"
    r"(?:slashed|reduced)|in\s+the\s+sale(?!\s+of)|"
    r"while\s+stocks\s+last|(?<!year\s)(?<!class\s)(?:3|three)[\s-]+for[\s-]+(?:2|two)(?!\s*(?:weeks?|days?|hours?|"
    r"years?|months?|terms?|nights?|minutes?|mins?)\b)|"
    # A shop's deals passed on: "pop in for their 3 for 2 deals", "their latest offers" (not "offers of help"
    # or the council's "offers for secondary places").
    r"(?:their|its)\s+(?:[\w'’-]+\s+){0,3}?deals|(?:their|its)\s+(?:latest|amazing|great|brilliant|fab|"
    r"fantastic|new|weekly|summer|christmas)\s+offers|(?:amazing|great|brilliant|fab|fantastic|unbeatable|"
    r"cracking|super)\s+deals\s+on)\b"
    # A call to go and buy: "go and grab some for home", "grab yours now".
    r"|\b(?:go|pop|head|nip|run)\s+(?:and|down\s+and|in\s+and|out\s+and)\s+(?:grab|buy|pick\s+up)\s+"
    r"(?:some|one|yours|a\s+few|a\s+(?:pack|set|box|bag|bargain))(?=\s*(?:[!.,]|$|for\s+(?:home|yourselves?|"
    r"your\s+(?:child|children|kids))|now|today|while|before|this))"
    r"|\bgrab\s+(?:yours|one|some)\s+(?:now|today|while|before)\b"
    r"|(?<!\w)#(?:ad|advert|sponsored|spon|gifted)\b"
    # Praise that sends families somewhere: a recommendation, or a call to go and buy.
    r"|\b(?:(?:highly|thoroughly|strongly|definitely|really|would)\s+recommend(?:ed)?|can(?:'|’)?t\s+recommend\s+"
    r"[\w'’]+(?:\s+[\w'’]+){0,6}?\s+enough|cannot\s+recommend|go\s+and\s+(?:try|visit|check\s+out)|"
    r"give\s+them\s+a\s+"
    r"(?:try|visit|follow|like|call|ring|bell)|(?:they|he|she)(?:(?:'|’)re|(?:'|’)s|\s+are|\s+is)\s+(?:honestly\s+|simply\s+|"
    r"definitely\s+|by\s+far\s+|just\s+)?the\s+best\s+(?:in|around)\s+(?:town|the\s+area|the\s+village|[A-Z][a-z]+)|check\s+them\s+out|get\s+(?:yourselves?\s+)?down\s+there|pop\s+(?:in|down|along)\s+"
    r"(?:and\s+see\s+them|to\s+see\s+them)|you\s+won(?:'|’)?t\s+be\s+disappointed|"
    r"(?:(?:tell|let)\s+(?:them|him|her)|(?:just\s+)?say)\s+(?:[\w'’]+\s+){1,4}?sent\s+you|mention\s+(?:the\s+school|our\s+school|us)\s+when\s+you|"
    r"treat\s+yourselves?\s+to|go\s+(?:and\s+)?treat\s+yourselves?|five\s+stars?\s+from\s+us|(?:the\s+)?best\s+on\s+the\s+market|"
    # A shop held up against others, or families sent to do their shopping there: "cheaper than the
    # supermarkets", "the best quality around", "do all your book shopping there", "pop into their store".
    # A brand of drink or sweets sold to the children by name: "the disco's tuck shop is stocked with Prime".
    r"(?:stocked\s+with|selling|serving|bottles?\s+of|cans?\s+of)\s+(?:ice[- ]cold\s+)?(?-i:Prime(?!\s+Minister)|Monster(?!\s+Phonics)|Red\s+Bull|"
    r"Lucozade|Relentless|Rockstar|Coca[- ]Cola|Coke|Pepsi|Fanta|Haribo|Fruit\s+Shoots?|Capri[- ]Suns?|Oreos?)\b|"
    r"cheaper\s+than\s+(?:the\s+|any\s+|most\s+)?(?:supermarkets?|high\s+street|shops?|anywhere(?:\s+else)?|online|"
    r"amazon)|the\s+best\s+(?:quality|value|prices?|service|selection|range)\s+(?:around|in\s+town|anywhere|going)|"
    r"do\s+(?:all\s+|all\s+of\s+|most\s+of\s+)?your\s+(?:[\w'’-]+\s+){0,3}?(?:shopping|shop)\s+(?:there|with\s+them|"
    r"at\s+(?-i:[A-Z]))|"
    r"you\s+won(?:'|’)?t\s+regret\s+it|(?:pop|nip|head|go|call)\s+(?:in(?:to)?|in\s+at|down\s+to|along\s+to|over\s+to)\s+"
    r"(?:their|its)\s+(?:(?-i:[A-Z])[\w'’-]*\s+){0,2}(?:store|shop|showroom|branch)|"
    r"while\s+(?:they(?:'|’)re|they\s+are|it(?:'|’)s|it\s+is)\s+on\s+(?:offer|special\s+offer|sale)|"
    # Telling others to buy or switch: "every school kitchen should switch!", "you should all get one".
    r"(?:every|all|any)\s+(?:[\w'’]+\s+){0,2}?(?:should|must|needs?\s+to)\s+(?:switch(?=\s*[!.,]|\s*$)|get\s+(?:one|some|it|them)|buy|"
    r"try\s+(?:it|them|one|some))|you\s+(?:all\s+)?(?:should|must|need\s+to)\s+(?:switch(?=\s*[!.,]|\s*$)|buy|get\s+(?:one|some|yours)|"
    r"try\s+(?:it|them|one|some)))\b"
    r"|\b(?:the\s+)?best\s+(?:[\w'’]+\s+){0,2}?(?:pizza|pizzas|chips|chippy|fish\s+and\s+chips|cafe|café|coffee|bakery|"
    r"cakes?|pasties|burgers?|ice\s+cream|curry|takeaway|restaurant|pub|shop|garage|hairdressers?|butchers?|"
    r"florist|deli|tea\s*room|farm\s+shop|breakfast|brunch|carvery|tutors?|tuition|tutoring|instructors?|"
    r"driving\s+(?:school|lessons)|dentists?|opticians?|gyms?|plumbers?|builders?|mechanics?|barbers?|salons?|"
    r"soft\s+play|photographers?|estate\s+agents?|taxis?|cleaners?|vets?|shoe\s+shops?|toy\s+shops?|bookshops?|"
    r"nurser(?:y|ies)|childminders?)\s+(?:(?:in|around)\s+(?:town|the\s+area|the\s+county|the\s+village|"
    r"the\s+south\s+west|cornwall|[A-Z][a-z]+)\b|around\b|going\b|by\s+far\b)"
    # A competition that makes families promote a company.
    r"|\b(?:like|follow)\s+(?:and|&)\s+(?:share|retweet|follow)\s+(?:their|the|our\s+sponsor(?:'|’)?s)\s+"
    r"(?:page|post|account)|\b(?:like|follow)\s+their\s+(?:page|account)\b|\bshare\s+their\s+(?:page|post)\b"
    r"|\b(?:like|follow|share|retweet|tag)\b[^.!?\n]{0,40}?\bto\s+enter\b"
    r"|\b(?:like|follow|share|retweet|repost|tag)\b[^.!?\n]{0,20}?\bto\s+win\b"
    r"|\bwin\s+(?:a|an)\s+(?:£\d+\s+)?(?:\w+\s+)?(?:voucher|gift\s+card)\s+(?:from|for|at|courtesy\s+of)\b"
    # A product recommended to families: "Get a Monzo card before you go … Best travel card out there!"
    r"|\bget\s+(?:a|an|yourself\s+a)\s+(?-i:[A-Z][a-z]+)\s+(?:card|account|app)\b"
    r"|\bearly[- ]bird\s+(?:discounts?|offers?|prices?)\b|\bbook\s+now\s+(?:at|on|via)\s+(?:https?://|www\.)"
    r"|\bbest\s+(?:[\w-]+\s+){0,2}?(?:card|bank|app|deal|provider|phone|tablet|laptop)s?\s+(?:out\s+there|around|on\s+the\s+"
    r"market|going)\b"
    # A trade or a deal sold to families: "the best electricians in Calderbrook, get them in for your rewire!", "Go
    # and grab their meal deal, only £3.50"
    r"|\bbest\s+(?:electricians?|plumbers?|builders?|roofers?|decorators?|joiners?|mechanics?|garage|cleaners?|"
    r"gardeners?|caterers?|locksmiths?|glaziers?)\s+(?:in|around)\s+(?=(?-i:[A-Z]))"
    r"|\bgrab\s+(?:their|a|one\s+of\s+their)\s+(?:meal\s+deal|deal|offer|bargain)s?\b"
    # Classes, patients or a sale drummed up: "join their Saturday classes for just £6 a go", "is taking on new NHS
    # patients … Mention Calderbrook when you ring", "Their sale is on this weekend", "their 3 for £2 tins"
    r"|\b(?:classes|sessions|lessons|membership)\s+for\s+just\s+£\d"
    r"|\bfirst\s+\w+\s+(?:weeks?|sessions?|classes|lessons?)\s+(?:are|is)\s+free\b(?=[^.!?\n]{0,20}\bthen\b)"
    r"|\btaking\s+on\s+new\s+(?:NHS\s+)?patients\b"
    r"|\bmention\s+(?-i:[A-Z])\w+\s+when\s+you\s+(?:ring|call|book|order|visit)\b"
    r"|\btheir\s+(?:sale|offer|deal)s?\s+(?:is|are)\s+on\b|\btheir\s+\d+\s+for\s+£\d"
    r"|\bworth\s+every\s+penny\b|\bbefore\s+the\s+offer\s+ends\b",
    re.IGNORECASE,
)


_TRIGGERS = frozenset("""storefront affiliate sponsored brought buy sale off discount promo promotion promotional voucher code shop order
offer delivery limited check ad advert spon gifted recommend recommended try visit follow like check down pop
disappointed sent treat stars best share win mention enter tag retweet market switch should must need needs
bogof price prices reduced slashed stocks grab deals offers 3 three cheaper quality value shopping regret quote
unbeatable availability childminding tutoring weeks sessions session classes lessons lesson membership
store branch showroom stocked selling serving bottle bottles cans worth book discounts early doing offering running
taking orders taste pick stocking
""".split())


def check(post: Post, context: Context) -> Iterable[Problem]:
    for text in reader_texts(post):
        if text.kind == "file name" or words(text.value).isdisjoint(_TRIGGERS):
            continue
        value = prose(text.value)
        match = next((m for m in _ADVERT.finditer(value) if not _school_sale(m, value)), None)
        if match:  # one finding a text: the leader reads the whole of it
            yield Problem(
                f"'{match.group()}' reads like an advert{where(text)}",
                fix="thank partners plainly, without promoting what they sell or sending families there; leave "
                    "out offers, codes, prices and competitions that promote a company",
                line=text.line_at(match.start()),
            )


# The school selling its own tickets: "on sale now from the school office"; the school's own offer ("half
# price at the PTA's uniform sale", "everything half price at our Christmas fair").
_OWN_SALE = lazyre.compile(r"\b(?:from|at|on|through|via)\s+(?:the\s+)?(?:school\s+office|office|reception|parentpay|"
                           r"arbor|scopay|parentmail|school\s+gateway|school\s+app|pta|school)\b|\btickets\s+for\s+(?:our|the\s+"
                           r"school(?:'|’)?s?)\s"
                           # "Tickets on sale now!" in a post about the school's own show, no seller named.
                           r"|\btickets\s+(?:are\s+)?on\s+sale\s+now\s*(?:[!.]|$)", re.IGNORECASE)
_OWN_OFFER = lazyre.compile(r"\b(?:pta|friends\s+of|(?:our|the\s+school(?:'|’)?s?)\s+(?:[\w'’-]+\s+){0,3}?"
                            r"(?:sale|fair|f[eê]te|disco|tuck\s+shop|shop|uniform|bake|raffle|tickets?|caf[eé]|concert|"
                            r"show|book\s+fair|canteen|breakfast\s+club|holiday\s+club)"
                            r"|(?:school|uniform|bake|book|cake)\s+(?:sale|fair|shop))\b", re.IGNORECASE)


def _school_sale(match: re.Match[str], value: str) -> bool:
    """'On sale now' about the school's own show or tickets, sold by the office, the PTA or the school app;
    an offer ('half price', 'cheaper than the shops') at the school's or the PTA's own sale."""
    offer = match.group("offer") is not None or match.group().lower().startswith("cheaper than")
    if match.group().lower() != "on sale now" and not offer:
        return False
    start, end = next((s, e) for s, e in sentences(value) if s <= match.start() < e)
    return bool((_OWN_OFFER if offer else _OWN_SALE).search(value, start, end))
