"""Unfinished text left in a post: a blank from a template, a "TBC", a "[name]" still to fill in.

A post started from the Propose page or a template shows each value to fill in as a ``<blank>``
(``<title>``, ``<amount>``); a draft copied from an old post may still say "TBC", "£XX", "[insert
date]" or "Lorem ipsum". Sent as it is, the school announces an event on "<date>". Every text a reader
sees is checked: the post and its thread, poll options and alt text. A link is not read ("…/tbc-2027"
is a web address), nor a heart ``<3``, nor a comparison in a maths post ("3 < 5").

Passes: "Sports Day is on Tuesday 1st June <3"; "Year 4 learnt that 3 < 5 and 7 > 2."; "Read more at
https://example.org/events/tbc"; "Thanks for everything xx".

Fails: "Join us for <title> on <date>!"; "Tickets are £XX each"; "Kick-off time TBC"; "Well done to
[name] in Year 3!"; "{{ event.title }} is coming up"; "Lorem ipsum dolor sit amet".
"""

from __future__ import annotations

from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.reading import reader_texts, where
from postplan.rules.text import prose, words

ID = "placeholder-text"
SEVERITY = Severity.ERROR
SUMMARY = "No unfinished text: blanks like <title>, {{ … }}, TBC, XXX or [name] are filled in before posting."
POLICY = (
    "Any Tweets from the official school account will be grammatically correct and written in Standard "
    "English. (A post with a blank still in it is not finished.)"
)

# Markup, not a blank: HTML elements (but not <title>, the Propose page's own blank) and tags with attributes.
_HTML = (r"(?:br|b|i|u|p|em|strong|sup|sub|small|span|div|a|hr|li|ul|ol|img|s|mark|script|style|iframe|svg|"
         r"object|embed|link|meta|form|input|button|video|audio|source|table|tr|td|th|h[1-6]|pre|code|"
         r"blockquote|center|font|body|html|head|details|summary|section|article|nav|header|footer|label|"
         r"select|option|textarea|canvas|noscript|base|marquee)(?:\s*/?>|\s+[\w-]+\s*=)|[A-Za-z]+\s+[\w-]+\s*=")
# Words that make a [bracket] a note to fill in, not an aside: "[name]", "[insert date]", "[photo here]".
_BLANK_WORDS = (r"name|names|date|dates|time|times|day|insert|add|enter|amount|price|cost|link|url|venue|place|"
                r"location|event|title|year|class|month|number|here|tbc|tba|tbd|photo|picture|image|child|"
                r"child's|pupil|pupil's|teacher|school|details?|fill|todo|xx+|text|caption|hashtag|handle|"
                r"postcode|address|phone|email|surname|first|room|team|score|result|total|parent|parents|carer|carers|"
                r"recipient|forename|firstname|guardian|colour|color|size|item|items|thing|kit|activity|subject|topic|"
                r"reason|grade|age|group|firm|company|business|sponsor|organisation|organization|charity|venue|person|"
                r"speaker|guest|author|club|shop|sum|figure")
_PLACEHOLDER = lazyre.compile(
    rf"<(?!/?(?:{_HTML}))[A-Za-z_][^<>\n]{{0,80}}(?<=[\w.)?'’])>"  # <title>, <date and time, like …>
    r"|\{\{[^{}\n]{0,80}\}\}|\{%[^{}\n]{0,80}%\}|\{#[^{}\n]{0,80}#\}"  # Jinja, left unrendered
    r"|\{\s*[A-Za-z_][\w.]{0,40}(?: [A-Za-z_][\w.]{0,20}){0,3}\s*\}"  # {date}, {booking link}
    r"|%[A-Z][A-Z_]{2,30}%|\$\{?[A-Z][A-Z_]{2,30}\b\}?"  # %DATE%, ${NAME}
    rf"|\[(?=[^\]\n]{{0,60}}\b(?i:{_BLANK_WORDS})\b)[^\]\n]{{1,60}}\](?![(\[:])"  # [name], [insert date]
    r"|\[[A-Z][A-Z .'’_-]{2,40}\](?![(\[:])"  # [PUPIL NAME]
    r"|(?<![\w/.-])(?:TBC|TBA|TBD|TBCs|tbc|tba|tbd|Tbc|Tba|T\.B\.C\.?|T\.B\.A\.?|TODO|FIXME|TKTK)(?![\w/-])"
    r"|(?<![\w/.-])(?:X{2,}(?!\s+(?:is|=|means|makes)\s+\d)|x{2,}(?=\s*(?:[:/.]\s*x|pm|am|th|st|nd|rd))|(?<=[£$])x{2,})"
    r"(?![\w/-])"  # £XX, xx:xx; not a Roman numeral read out ("XXX is 30")
    r"|(?<=[£$])[Xx]{1,3}\.[Xx]{2}\b"  # £X.XX
    r"|(?<![\w/.-])(?:Mrs?|Ms|Miss|Mx|Dr|Year|Room)\.?\s+X(?![\w'’.-])"  # "Mrs X", "Year X"
    r"|\b(?i:lorem\s+ipsum|dolor\s+sit\s+amet)\b"
    r"|\b[A-Z]{3,}(?:\s+[A-Z]{3,})?\s+HERE\b|\bINSERT(?:\s+[A-Z]{2,}){1,4}\b"  # DATE HERE, INSERT BOOK TITLE
    # a mail merge's field left in, an officer's name never filled in: "Hi FORENAME's grown-ups", "PC INSERT"
    r"|\b(?:FORE|SUR|FIRST|LAST|CHILD|PUPIL)_?NAME\b|\b(?:PC|PCSO|Mr|Mrs|Ms|Miss|Dr|Cllr)\.?\s+INSERT\b"
    # a number or a day still to fill in: "__ golds, 21 silvers", "handed out in assembly on DAY"
    r"|(?<!\S)__(?=\s)|\b(?:on|by|this|next)\s+DAY\b"
    r"|\b(?i:insert\s+(?:the\s+|a\s+|your\s+)?(?:date|time|link|name|names|photo|picture|amount|price|venue|"
    r"details|url|text|event|title|child|pupil)|(?:add|enter|put)\s+(?:the\s+|a\s+)?(?:date|time|link|name|names|"
    r"photo|picture|amount|price|venue|details|url|text|event|title)\s+here)\b"
    r"|\b(?i:dd/mm(?:/yy(?:yy)?)?|hh:mm|mm/dd/yy(?:yy)?)\b"
    r"|\b(?:at|from|by|until)\s+TIME\b|\b(?:on|by)\s+DATE\b|\b\d{1,2}XX\b|##/\d{1,2}(?:/\d{2,4})?|\d/##(?!\w)"  # "Form of the week is 9XX", "CLOSED today, ##/01/2027"
    # A day of the month still to fill in: "Friday DD April", "the DDth".
    r"|\b(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)day\s+|the\s+)DD(?:th)?\b|\bDD(?:th)?\s+(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b"
    r"|\b(?i:delete\s+(?:as|where)\s+(?:appropriate|applicable))\b"
    # A blank in capitals among ordinary words: "thank you to NAME's grandad" (not a line in capitals).
    r"|(?<![A-Z][ -])(?<![A-Z])\b(?:NAME|SURNAME|FIRSTNAME|VENUE)(?:['’]s)?\b"
    r"(?![ -]?[A-Z]{2,})"
    r"|(?<=[£$:])\?{2,}|\b(?:at|on|by|is|of|from|Room|room|costs?|price)\s\?{2,}"  # £??, "on ??"
    r"|(?<!\?)\?{2,}(?=:|\s*(?:am|pm)\b|\s+(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b)"  # ??:??, ?? June
    r"|(?<![\w/])_{3,}(?![\w/])"  # "Mrs ______": a blank line to write on
    # A note to a colleague left in: "(check time w/ Sarah)", "(confirm the date with Mrs Hart)".
    r"|\((?i:check|confirm|ask|chase)\s[^()\n]{0,40}?(?:\bw/|\bwith\s+(?-i:[A-Z])|\bbefore\s+(?:posting|sending|it\s+goes))"
    r"[^()\n]{0,30}\)"
)
# A quick look first: a text with none of these cannot hold a blank (most texts, skipped cheaply).
_MARKS = lazyre.compile(r"[<{\[%$]|\?\?| X|\dXX|##|HERE|T\.B\.|___|\((?i:check|confirm|ask|chase)\s|NAME|VENUE|TIME|DATE|"
                        r"INSERT|__|DAY")
_MARK_WORDS = frozenset("tbc tba tbd tbcs xx xxx xxxx todo fixme tktk ipsum amet insert dd hh delete".split())


def _may_hold_blank(value: str) -> bool:
    if _MARKS.search(value):
        return True
    present = words(value)
    return not present.isdisjoint(_MARK_WORDS) or ("here" in present and not present.isdisjoint(_FILL_VERBS))


_FILL_VERBS = frozenset("add enter put".split())
_IN_CODE = lazyre.compile(r"\bf[\"'][^\"'\n]*$")  # inside a Python f-string, up to the brace


def check(post: Post, context: Context) -> Iterable[Problem]:
    for text in reader_texts(post):
        if text.kind == "file name" or not _may_hold_blank(text.value):
            continue
        value = prose(text.value)
        for match in _PLACEHOLDER.finditer(value):
            if match.group().startswith("{") and _IN_CODE.search(value, 0, match.start()):
                continue  # a variable in a line of code quoted in the post: print(f"Hello, {name}!")
            yield Problem(
                f"'{match.group()}' looks unfinished{where(text)}: a blank still to fill in",
                fix="write the real value in (the title, date, amount or name), or leave the sentence out "
                    "until it is known",
                line=text.line_at(match.start()),
            )
