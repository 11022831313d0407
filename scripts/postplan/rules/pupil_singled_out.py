"""Criticism, a rebuke, discipline or a personal matter aimed at one named child.

A post is for the whole community: singling out one child ("Well done Josh, a better lesson today")
tells the world about that child's behaviour, needs or private life. The policies let a school
celebrate children's achievements by first name ("only use children's first names"), so plain praise
("Well done to Maya for her poem") is left alone; what is flagged is what the policy's own example
does: praise that carries a rebuke ("a better lesson today", "finally remembered his kit"), criticism
or a telling-off in public, a child held up as a warning to others ("found this out the hard way"),
a punishment or a disciplinary matter (a detention, an exclusion, a disqualification), a record kept
against the child ("who has now been late 14 times this term"), an instruction to one child ("Josh,
please bring your PE kit"; to each child of a list: "Callum, Jordan and Mikey – see me first thing"),
and a family's money owed to the school ("Parent of Grace H, your account is overdrawn"). A birthday
is ``birth-date``'s finding and a health matter ``special-category``'s, so a greeting or a note to a
child's parents about their health is not reported here too.

Passes: "Well done Year 6 for a brilliant performance!"; "Congratulations to Rowan Class";
"Thank you Mrs Hart"; "Thank you to Owen's Animals for visiting"; "Congratulations to Maya for her
poem"; "Josh scored the winning goal"; "Happy birthday Amy!" (birth-date reports it).

Fails: "Well done Josh a better lesson today"; "Josh was very disappointing today"; "Well done Tom
for finally remembering your PE kit"; "Maya, please bring your reading book"; "Jayden found this out
the hard way"; "to consider the permanent exclusion of Kian (Year 9)"; "Parent of Grace H, your
account is £48.60 overdrawn"; "Josh (9F), who has now been late 14 times"; "Callum and Josh – see me";
"Tyler, we need to have a chat about those blank pages"; "Some of us need to remember our kind hands.
Jayden, we know you can do it!"; "Josh being sent off for mouthing off at the umpire"; "Harley, we know
you're better than 14 blank questions"; "apart from a certain someone in 5H (Max!)".
"""

import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.name_types import Name, NameList
from postplan.rules.names import find_names, names_for
from postplan.rules.reading import reader_texts, where

ID = "pupil-singled-out"
SEVERITY = Severity.ERROR
SUMMARY = "No criticism, rebuke or personal matter aimed at one named child."
POLICY = 'Individually targeted content will not be posted e.g. "Well done Josh a better lesson today".'

# Words before the name that aim a rebuke or a personal matter at the child.
_BEFORE = lazyre.compile("".join((
    r"\b(?:shame on|disappointed (?:in|with|by|that)|let down by|apart from|"
    r"a certain (?:someone|somebody|person|child|boy|girl|pupil|member)(?: (?:in|from) (?:year |y)?\w{1,4})?|",
    r"a certain|(?:still )?waiting (?:for|on)(?: (?:just )?one more)?|it(?:['’]s| is) called [\w-]+|",
    r"disappointed to (?:have to )?(?:leave|drop|bench)|",
    r"(?:embarrassed|ashamed|annoyed|frustrated|fed up) (?:by|with|of)|had enough of|",
    r"not (?:impressed|happy|pleased) (?:with|by)|(?:a )?reminder (?:to|for)|note to|message to|warning to|",
    r"(?:a )?(?:gentle |little |friendly )?nudge (?:to|for)|(?:a )?(?:(?:gentle|little|quick|friendly) )?word (?:to|for|with)|",
    r"naughty|told off|(?:disappointing|poor|unacceptable|bad|silly) (?:behaviour|attitude|effort|conduct|choices) ",
    r"(?:from|by)|not (?:acceptable|good enough|ok|okay)|unacceptable|you know who you are|what happened to|"
    r"(?:that|this) (?:includes|means|goes for) you|(?:not|without|no) naming (?:any )?names,?(?: but)?|"
    r"(?:I|we) won[’']?t name names,?(?: but)?|naming no names\W*|",
    # a record before the name: "a whole term of late marks: Tyler"
    r"(?:a\s+)?(?:whole\s+)?(?:term|half[- ]term|year|month|week)\s+of\s+(?:late\s+marks|lates|detentions|warnings|"
    r"behaviour\s+points))\b[\s,:!(-]*",
    r"(?:(?:to|for|from|our|you|little|young|lovely|wonderful|amazing|dear|fantastic|gorgeous|star|superstar)\s+)"
    r"{0,3}(?:(?:year|y|class)\s*\d+['’]?s?\s+)?",
    r"(?:(?:superstar|star|legend|girl|boy|pupil)\s+)?$",
)), re.IGNORECASE)
_BEHAVIOUR = "|".join((
    r"naughty|rude|disappointing|disruptive|unkind|lazy|cheeky|a nuisance|badly|(?:behaved|behaving) poorly|late again",
    r"in trouble|on report|in detention|in isolation|excluded|suspended|unacceptable",
    r"sent (?:out|home)(?! (?:for being |feeling |as (?:he|she|they) (?:was|were) |because (?:he|she|they) (?:was|were) )?"
    r"(?:ill|unwell|poorly|sick|with a (?:temperature|fever|high temperature|bug|sickness bug)))",
    r"not acceptable|not listening|messing about|let (?:us|the team|everyone|the class) down",
    r"(?:needs?|has) to (?:improve|behave|try harder|listen|do better)|must (?:improve|behave|try harder)",
    r"(?:lost|losing) (?:his|her|their) (?:golden time|play ?time|break)|forgot (?:his|her|their)(?: \w+){1,3} again",
))
_ON = r"^['’]?s?[\s,:!-]+"  # what comes straight after the name ("Josh, ", "Josh's ")
# What comes after the name: the telling-off itself, or praise that carries one.
_AFTER = lazyre.compile("|".join((
    r"^['’]?s?,?\s+(?:(?:was|is|has been|had|were|got|keeps|kept|has|needs?|must|should)\s+)?(?:\w+\s+)?"
    rf"(?:{_BEHAVIOUR})\b",
    rf"{_ON}(?:(?:for|on)\s+)?(?:(?:a|an|such a|much|so much|far|way)\s+){{0,2}}"
    r"(?:better|improved|calmer|quieter|more sensible) (?:lesson|day|morning|afternoon|week|behaviour|attitude|effort)",
    rf"{_ON}(?:for\s+)?(?:finally|at last|for once|actually) ",
    rf"{_ON}for (?:saying sorry|apologising|not (?:shouting|calling|talking|hitting|fighting|running|being rude|messing|swearing|arguing)|"
    r"remembering (?:to|your|his|her) |behaving|staying in (?:your|his|her) seat|sitting still)",
    r"^\s*[,:\-–—]\s*(?:please\s+)?(?:see|come and see|come to|report to|go to|find)\s+(?:Mr|Mrs|Ms|Miss|Dr|"
    r"the office|reception|your (?:teacher|tutor|head of year)|me|us|my office)\b(?! (?:for|to (?:collect|get|"
    r"pick up)) (?:your|a|the) (?:\w+ )?(?:certificates?|prizes?|awards?|stickers?|badges?|rewards?|medals?|trophy|"
    r"trophies|tickets?)\b)",
    r"^\s*[,:\-–—]\s*your (?:parents|mum|dad|family|families|carers?) (?:will|have|are|were)\b",
    r"^\s*[,:\-–—]\s*(?:we|I)(?:['’]ve| have) (?:already )?(?:spoken|talked|had a word) (?:to|with) your "
    r"(?:parents|mum|dad|family|carers?)\b",
    r"^(?:\s+in\s+\w{1,4})?\s*[,:\-–—]\s*(?:please (?:remember|stop|bring|return|hand|come|see)|where (?:is|was|were) your|"
    r"we(?:['’]ll| will) see you (?:at|in) (?:the )?(?:catch-?up|detention|intervention|extra)|"
    r"we are still waiting|you (?:need|must|forgot)|we(?:['’]re| are) (?:all )?(?:looking|watching) (?:at )?you|we can see you(?!['’]\w|\s+(?:are|have|love|enjoy|did|worked))|"
    r"remember (?:we|to) (?:let|wait|listen|put|hand|stay|keep|not)\b|"
    r"we (?:need|will need|must|have) (?:to )?(?:have (?:a|another) "
    r"(?:little |quick |serious )?(?:chat|word|talk)|talk)\b|we(?:['’]ve| have) had (?:the|a|our|that) (?:chat|talk|word)|"
    r"you know (?:exactly )?what I(?:['’]m| am) (?:going to|gonna) say|we know it was you|"
    r"(?:we|I) know you(?:['’]re| are) (?:better|capable of (?:more|better))|(?:we|I) know you can do better|"
    r"you (?:all )?know why|you know what (?:this|it) is about|"
    r"(?:two|three|four|five|six|\d+) (?:lates|late marks|detentions|warnings)\b|"
    r"that(?:'s|’s| is| was) (?:not|un)(?:acceptable| acceptable| ok| good))",
    r"^[^.!?\n]*\b(?:for once|at long last|for a change)\b",
    # A failed exam, homesickness or a backhanded comparison after the name: "Kieran, who's back in September to
    # resit maths", "Noah, who was really homesick", "on time every day this week! Compared with last term...".
    r"^[^.!?\n]{0,50}?\b(?:to resit|resitting|re-?sitting|failed (?:his|her|their|the) )",
    r"^,?\s+(?:who\s+)?(?:was|were|is|got)\s+(?:really\s+|very\s+|a\s+bit\s+|so\s+|terribly\s+)?homesick\b",
    r"^\s+had to (?:go home|be changed|change) (?:in|into) (?:lost property|spare|borrowed)",
    r"^[^.!?\n]{0,60}?\babout being (?:picked on|bullied|teased|called names|left out)\b",
    r"^[^\n]{0,60}?\bcompared (?:with|to) (?:last|before)\b",
    # An eye-roll or a face-palm at the child: "Ellis, your pen pal has now written to you THREE times 🙄".
    r"^[^.!?\n]{0,80}?(?:🙄|😒|😤|😠|😡|🤦)",
    # found out, or watched: "Lewis, we know you've got our only copy", "(Harriet, Y5, I'm looking at you 👀)"
    r"^(?:,?\s*(?:y|yr|year\s*)\d{1,2}\w?)?\s*[,:\-–—]\s*(?:we|I) know you(?:['’]ve| have) (?:still )?got\b",
    r"^[^.!?\n]{0,20}?\b(?:I(?:['’]m| am)|we(?:['’]re| are)) (?:looking|watching)(?: at)? you\b",
    # sarcasm, and a repeat: "Unlucky Kieran 😬 Maybe next year try turning up … on time", "Third week running!"
    r"^[^\n]{0,60}?\b(?:maybe|perhaps)\s+(?:next\s+(?:year|time)\s+)?(?:try|remember)\b",
    r"^[^\n]{0,120}?\b(?:second|third|fourth|fifth)\s+(?:week|time|day|lesson|rehearsal)\s+(?:running|in\s+a\s+row)\b",
    r"^\s*[,:\-–—]\s*that(?:['’]s| is) the (?:second|third|fourth|fifth|\w+th) (?:morning|time|day|week|lesson)s? you\b",
    # a name in brackets in a reminder: "Gentle reminder (Libby!) that it's a QUIET room"
    r"^!?\s*\)\s+that\s+(?:it|this|the|we|you)\b",
)), re.IGNORECASE)


# The rest of the sentence after the name: a duty the child failed ("didn't bring his homework back",
# "still hasn't handed in", "refused to listen"), a repeat ("late again", "without her kit again"), a
# judgement of the child's behaviour ("'s attitude was not good enough") or a punishment.
_DUTY = (r"(?:bring|brought|hand(?:ed)?|return(?:ed)?|do (?:his|her|their|any|as)|done (?:his|her|their|any)|"
         r"complete[d]?|wear|worn|remember(?:ed)?|listen(?:ed)?|behave[d]?|follow(?:ed)?|tidy|tidied|"
         r"turn(?:ed)? up|pa(?:y|id) attention|try|tried|sit still|settle[d]?|bother(?:ed)?|"
         r"put (?:his|her|their) hand up|wait(?:ed)? (?:his|her) turn)")
_FAULT = lazyre.compile("|".join((
    rf"(?<!never )(?<!always )\b(?:didn[’']?t|did not|hasn[’']?t|has not|haven[’']?t|failed to|refused to|forgot to|"
    rf"won[’']?t|wouldn[’']?t|(?:couldn|can)[’']?t be bothered to)\s+(?:(?:even|yet|bother to|once)\s+)?{_DUTY}\b",
    r"\b(?:forgot|forgotten|without|missing|lost|late|no|nothing)\b[^.!?\n]{0,40}\b(?:again|yet again|once again|"
    r"for the (?:second|third|fourth|fifth|\w+th) (?:time|week|day))\b",
    # A record of lateness kept against the child: "has now been late 14 times this term".
    r"(?<!never )(?<!never been )(?<!not been )(?<!not )\blate\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|\w+teen|twenty|so many|several)\s+times\b|(?<!never )(?<!never been )\blate\s+(?:every|most)\s+"
    r"(?:day|morning)\b",
    r"\bnot wearing (?:his|her|their|the (?:correct|right|proper)|proper|correct|full)\b",
    r"\b(?:behaviour|attitude|effort|manners|conduct|language|timekeeping|sportsmanship)\b[^.!?\n]{0,30}?\b"
    r"(?:poor|unacceptable|not good enough|not acceptable|disappointing|shocking|appalling|a disgrace|disgraceful|"
    r"rude|terrible|awful|dreadful|lazy|careless|sloppy)\b",
    r"\b(?:poor|rude|lazy|careless|sloppy|shocking|appalling|terrible|awful|dreadful|disgraceful|unacceptable|bad)"
    r" (?:effort|attitude|behaviour|manners|language|conduct|timekeeping|choices|sportsmanship)\b",
    r"\bspent (?:the whole|all(?: of)?(?: the)?) \w+ (?:talking|chatting|messing|sulking|moaning|complaining|"
    r"shouting|arguing|on (?:his|her|their) phone)",
    r"\b(?:on|onto|moved to) (?:the |a )?(?:behaviour (?:chart|report)|naughty step|thinking chair|sad (?:face|cloud))",
    r"\b(?:not|wasn[’']?t|isn[’']?t) (?:the (?:behaviour|attitude|conduct|standard) we expect|what we expect)\b|"
    r"\b(?:not|wasn[’']?t|isn[’']?t) what (?:I|we) (?:want|wanted|expect|need) (?:from|of)\b|"
    r"\b(?:got|was given|received|picked up) (?:a |his |her |their )?(?:red|yellow) card\b|\bgot sent off\b|"
    r"\b(?:not|wasn[’']?t|isn[’']?t) good enough\b|\byou know who you are\b|\bif you[’']?re reading this\b|"
    r"\byou know (?:exactly |full well |very well )?what you(?:['’]ve)? (?:did|done)\b|"
    r"\bwe(?:['’]ll| will) be having (?:a )?(?:words|word|little word|chat|little chat)\b|\blast warning\b|"
    r"\bremember\W{0,3}(?:kind|gentle) hands\b|\b(?:kind|gentle) hands\b[^.!?\n]{0,30}\bplease\b|"
    r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? \w+ (?:is|are) still waiting\b|"
    r"\bwe know (?:they(?:['’]re| are)|it(?:['’]s| is)) (?:under|in|behind) your\b|"
    r"\byes,? (?:that )?(?:includes|including|means|even) you\b|"
    r"\b(?:we(?:['’]ve| have)? not|we haven['’]?t|nobody(?:['’]s| has)|no-one(?:['’]s| has)) forgotten\b",
    # Sent off, answering back, a note that a general notice is meant for this child, appointments missed.
    r"\b(?:being|been|was|were|getting|get|got) sent off\b|\bmouthing off\b|\banswering back\b|"
    r"\b(?:that|this) (?:means|includes|goes for) (?:you|YOU)\b|\b(?:zero|no|nil) votes\b|"
    r"\b(?:isn[’']?t|is not) the end of the world\b|\bthat(?:['’]s| is) (?:two|three|four|five|\d+) (?:weeks|days|times) "
    r"(?:running|in a row)\b|\bmissed\s+(?:two|three|four|several|\d+|another|all)\s+(?:of\s+)?"
    r"(?:[\w'’]+\s+){0,3}appointments?\b",
    r"\b(?:homework|kit|book|form|slip|library books?|reading book)\b[^.!?\n]{0,12}\b(?:is|are) (?:still )?"
    r"(?:missing|overdue|late|outstanding|at home|not (?:in|back|handed in))\b",
    # A consequence to come, a tally of lates kept against the child, a notice said to be meant for them:
    # "I think you know what I'll be saying to you", "that's six lates already", "this one is mostly for you".
    r"\byou know what (?:I|we)(?:['’]ll| will|['’]m going to| am going to|['’]re going to| are going to) "
    r"(?:be )?say(?:ing)?\b|\bthat(?:['’]s| is) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|so many) "
    r"(?:lates|late marks|detentions|warnings|behaviour points|negative points|strikes)\b|"
    r"\byour (?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen) (?:lates|late marks|detentions|warnings|"
    r"behaviour points|negative points|strikes)\b|"
    r"\b(?:this|that)(?: one)? is (?:mostly|mainly|especially|particularly) (?:for|aimed at) you\b|"
    r"\byou know (?:exactly |full well |very well )?what I(?:['’]m| am)? (?:mean|talking about|on about)\b|"
    r"\bor you (?:don['’]t|do not|won['’]t|will not) (?:play|get picked|travel|go)\b",
    # Commitments missed, counted against the child: "that's three deadlines missed now", "the third session
    # missed this half term", "I'm not chasing a fourth".
    r"\b(?:two|three|four|five|\d+|another|second|third|fourth|fifth|\w+th) (?:deadlines?|sessions?|practices?|"
    r"training(?: session)?s?|rehearsals?|lessons?|homeworks?|fixtures?|matches|weeks|(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)days) (?:missed|skipped)\b|"
    r"\b(?:chose|choosing|decided) to (?:argue|answer back|swear|walk off)\b|"
    r"(?<!never )(?<!once )(?<!n['’]t )(?<!not )(?<!without )\b(?:argu(?:e|ed|ing)) with (?:the )?(?:ref(?:eree)?|umpire|"
    r"official|linesman|linesperson|coach|teacher)\b|"
    r"\b(?:I|we)(?:['’]m| am|['’]re| are) not (?:chasing|going to chase|running after)\b",
    # An incident named and judged: "after what happened last week", "what happened on Tuesday was not OK".
    r"\bafter what happened\b|\bwhat happened\b[^.!?\n]{0,30}?\b(?:was|is)\s+(?:not\s+(?:ok|okay|acceptable|on|good enough)|"
    r"unacceptable)\b|"
    r"\b(?:homework|kit|book|form|slip|reading book)\b[^.!?\n]{0,12}\b(?:still\s+)?(?:hasn['’]t|has not|haven['’]t|have not)\s+"
    r"(?:come in|been handed in|been returned|come back)\b|"
    # Praise for a week without what the child usually gets: "a whole week without a single red card".
    r"\b(?:week|day|term|month|fortnight)\s+without\s+(?:a\s+single\s+|any\s+|one\s+|a\s+)?(?:visits?\s+to\s+the\s+)?"
    r"(?:red\s+cards?|detentions?|warnings?|behaviour\s+points?|sanctions?|incidents?|time[- ]outs?|exclusions?|"
    r"(?:trips?|visits?)\s+to\s+(?:my|the\s+head(?:teacher)?['’]?s?|the)\s+office|"
    r"(?:red|thinking|time[- ]out|naughty)\s+(?:chair|step|spot)|reflection\s+room)\b|"
    # One child picked out of a group told off: "some of our Year 9s, Connor in particular, were rude".
    rf"\b(?:in particular|especially|above all)\b\W+(?:(?:was|were|is|are|has been|have been)\s+)?(?:\w+\s+)?"
    rf"(?:{_BEHAVIOUR})\b",
)), re.IGNORECASE)
_SENTENCE_END = lazyre.compile(r"[.!?](?=\s|$)|\n")


# A punishment named anywhere in the sentence: "Detention list for tonight: Mason T, Ellie-Mae R".
_PUNISHED = lazyre.compile(r"\b(?:detentions?|isolation|internal exclusion|excluded|suspended|on report|behaviour report|"
                           r"malpractice|(?:it|this|that)(?:['’]s|\s+is|\s+has|\s+will)\s+(?:being|been|be)\s+dealt\s+with)\b"
                           r"|\byou(?:['’]re| are) (?:on the bench|dropped|benched)\b"
                           r"|\b(?:finish|finishing|catch up on|catching up on)\b[^.!?\n]{0,30}\b(?:at|during|in) (?:play ?time|break ?time|"
                           r"lunch ?time|break)\b"
                           r"|\b(?:any|one) more of (?:that|this|what we saw|those)\b[^.!?\n]{0,30}\band you['’]ll\b"
                           r"|\byou['’]ll (?:be sitting|sit) out\b|\bhad to sit (?:it |this |that )?out\b"
                           # a behaviour record, even a clean one, and a culprit told they are known
                           r"|\b(?:no|zero|without (?:a single|any)) (?:behaviour|behavior) points\b"
                           r"|\b(?:trips?|visits?|sent|time) (?:out )?(?:to|in) (?:the )?(?:reflection|isolation|inclusion|"
                           r"behaviour|on-?call) room\b"
                           r"|\bwe know (?:exactly |full well )?who you are\b|\bhome has been (?:rung|called|phoned|contacted)\b"
                           r"|\byou(?:['’]re| are|['’]ll be| will be) (?:out of|off|dropped from|kicked out of) the "
                           r"(?:squad|team|club|side|group|band|choir|cast|crew)\b",
                           re.IGNORECASE)
# Discipline named in the name's sentence: "to consider the permanent exclusion of Kian", "Kian's
# three-day suspension", "the governors' discipline committee".
_DISCIPLINED = lazyre.compile("|".join((
    r"\b(?:permanent(?:ly)?|fixed[- ]term|temporary|temporarily|external) (?:exclu\w+|suspen\w+)",
    r"\b(?:exclusion|suspension|expulsion) (?:(?:of|for) (?-i:[A-Z])|hearing|panel|meeting|appeal|review)",
    r"\b(?:his|her|their|[a-z][\w-]*['’]s) (?:\w+[- ]day )?(?:exclusion|suspension|expulsion|sanction|punishment)\b"
    r"(?![ -](?:bridges?|systems?|forks?|springs?|cables?|zones?)\b)",
    r"\b(?:discipline|disciplinary) (?:committee|panel|hearing|meeting|action|matter|process|procedure|case|"
    r"sanction)s?\b",
)), re.IGNORECASE)
# After the name, what befell the child, held up as a warning to others: "Jayden found this out the
# hard way", "was caught vaping", "has had his phone confiscated", "is on a final warning".
_SHAMED = lazyre.compile("|".join((
    r"\bthe hard way\b|\blearn(?:ed|t|s)? (?:his|her|their) lesson\b|\b(?:was|were|got|been|being) disqualified\b",
    r"\b(?:expelled|confiscated|arrested|cautioned by (?:the )?police)\b",
    r"\bcaught (?:cheating|copying|vaping|smoking|stealing|fighting|swearing|with (?:a|his|her|their) "
    r"(?:phone|mobile|vape)|using (?:a|his|her|their) (?:phone|mobile)|red[- ]handed)\b",
    r"\b(?:banned|barred|removed|dropped|kicked out) from (?:the |this |next |all )?(?:[\w-]+ )?(?:team|squad|trip|"
    r"residential|prom|play|show|cast|match|fixture|exam|lesson|class|club|bus|canteen)\b",
    r"\b(?:final|written|formal) warning\b",
    r"\bsent (?:home|out)\b[^.!?\n]{0,20}\bfor (?:vaping|smoking|fighting|swearing|bullying|cheating|stealing|"
    r"misbehaving|being rude|rudeness|(?:bad|poor|his|her|their) behaviour)\b",
)), re.IGNORECASE)
# Money a named child's family owes the school, chased in public: "Parent of Grace H, your account is
# £48.60 overdrawn", "Maya's trip money is still outstanding".
_OWED = lazyre.compile("|".join((
    r"\b(?:in arrears|arrears|overdrawn|in debt|(?:negative|minus) balance)\b",
    r"\bclear (?:their|your|the) (?:dinner(?: money)? |lunch(?: money)? |trip |school )?(?:balances?|debts?|arrears)\b",
    r"\b(?:dinner|lunch|meal|trip|uniform|school) money debt|\bdebt of £|£\s?\d[\d,]*(?:\.\d\d)? (?:\w+ ){0,2}debt\b",
    r"\b(?:owes?|owed|owing)(?: (?:us|the school|the office|the kitchen))? (?:£|\d)",
    r"£\s?\d[\d,]*(?:\.\d\d)? (?:owing|owed|outstanding|overdue|unpaid|in arrears|overdrawn|still to pay)\b",
    r"\b(?:outstanding|unpaid|overdue) (?:amount|payment|fees?|sum|bill|debt|invoice|(?:dinner|lunch|trip) money|"
    r"balance(?! (?:and|skills|work|in|during|at|on the (?:beam|bars?|rings|board|trampoline))))\b",
    r"\b(?:account|balance|payment|fees?|bill|money)s? (?:is|are|was|has been|remains?) (?:still )?"
    r"(?:overdue|outstanding|unpaid|in arrears|overdrawn|in the red|negative)\b",
    r"\b(?:hasn[’']?t|haven[’']?t|has not|have not|still not) (?:yet |still )?paid\b",
    r"\bplease pay (?:today|now|immediately|asap|at once|by)\b",
)), re.IGNORECASE)
# A count before the name, and a slip after it: "Third week running that Mason has 'forgotten' his goggles".
_COUNT_BEFORE = lazyre.compile(r"\b(?:second|third|fourth|fifth|\w+th)\s+(?:week|day|time|lesson|session)s?\s+(?:running|"
                               r"in\s+a\s+row)(?:\s+that|\s+now)?\s*$", re.IGNORECASE)
_SLIP_AFTER = lazyre.compile(r"\s+(?:has|had|have)\s+(?:['‘]?(?:forgotten|forgot|missed|lost|left)['’]?|been\s+late|"
                             r"come\s+(?:in\s+)?without|turned\s+up\s+without)\b", re.IGNORECASE)
# A message addressed to the child ("a reminder to Bohdan") that goes to the family instead ("a quick
# note to Lily's parents"): what the message says decides, not that it is addressed.
_ADDRESSING = lazyre.compile(r"\b(?:reminder|note|message|warning) (?:to|for)\b", re.IGNORECASE)
_FAMILY_AFTER = lazyre.compile(r"['’]s?\s+(?:parents?|mum|mummy|dad|daddy|family|carers?|grandparents|nan|gran|grandma|"
                               r"grandad|guardians?)\b", re.IGNORECASE)


# The other names of a list the name starts ("Callum, Jordan and Mikey"): what comes after the list is said
# to every child in it.
_LIST_TAIL = lazyre.compile(r"(?:\s*(?:,|&|\band\b)\s*[A-Z][\w'’-]*(?:\s+[A-Z]\.?(?=[\s,]))?)+")
_SPARED = lazyre.compile(r"\b(?:no|not|never|without|single|avoided|zero)\b[^.!?\n]*$", re.IGNORECASE)


def _aimed_at(value: str, start: int, end: int) -> bool:
    """Whether the words around a name found at ``start`` (ending at ``end``) aim a rebuke at the child."""
    before = _BEFORE.search(value[max(0, start - 40):start])
    if _COUNT_BEFORE.search(value, max(0, start - 40), start) and _SLIP_AFTER.match(value, end):
        return True  # "Third week running that Mason has 'forgotten' his goggles"
    if before and not (_ADDRESSING.search(before.group()) and _FAMILY_AFTER.match(value, end)):
        return True
    if _AFTER.search(value[end:end + 120]):
        return True
    listed = _LIST_TAIL.match(value, end)  # "Callum, Jordan and Mikey – see me": said to each of them
    if listed and _AFTER.search(value[listed.end():listed.end() + 80]):
        return True
    opened = max(value.rfind(".", 0, start), value.rfind("\n", 0, start)) + 1
    if _unspared(_PUNISHED, value, opened, end + 120):
        return True
    opened, stop = _sentence(value, start, end)
    if _unspared(_DISCIPLINED, value, opened, stop) or _unspared(_OWED, value, opened, stop):
        return True
    return bool(_FAULT.search(value, end, stop)) or _unspared(_SHAMED, value, end, stop) \
        or _after_group_rebuke(value, start, end) \
        or bool(_YES_BEFORE.search(value, max(0, start - 6), start) and _MEANS_YOU.match(value, end))


# A telling-off said to a group, then a name ("Some of us need to remember our kind hands… Jayden, we know
# you can do it!"): the name after it tells everyone whom it was meant for.
_GROUP_REBUKE = lazyre.compile(
    r"\b(?:some|a few|one or two|certain|one|two)\s+(?:of\s+(?:us|you|our\s+\w+)|people|children|pupils|"
    r"players|members)\s+(?:really\s+|still\s+|seriously\s+)?(?:need|needs|have|has|must|should)\s+to\s+"
    r"(?:really\s+|seriously\s+)?(?:remember|learn|work\s+on|think\s+about|try\s+harder|listen|be\s+kinder|stop|start|sort|"
    r"improve|behave|step\s+up|knuckle\s+down|pull\s+(?:their|your|our)\s+socks\s+up|up\s+(?:their|your|our)\s+game)\b",
    re.IGNORECASE)


# "(Yes Harvey, that includes the four books you've had since October)": a notice said to mean one child.
_YES_BEFORE = lazyre.compile(r"\byes,?\s+$", re.IGNORECASE)
_MEANS_YOU = lazyre.compile(r"(?:\s+in\s+\w+)?\s*[,:–—-]\s*(?:that (?:includes|means|goes for|counts for)|we (?:found|saw|spotted|"
                            r"noticed|know about)|you(?=\s*!?\s*\)))\b", re.IGNORECASE)
_CALLED = lazyre.compile(r"['’]?s?\s*[,:!?–—-]")  # the child spoken to: "Jayden, …", "Jayden!"


def _after_group_rebuke(value: str, start: int, end: int) -> bool:
    """Whether a telling-off aimed at "some of us" comes shortly before the child spoken to at ``start``."""
    return bool(_CALLED.match(value, end)) and any(found.end() <= start <= found.end() + 80
                                                   for found in _GROUP_REBUKE.finditer(value, 0, start))


def _unspared(pattern: re.Pattern[str], value: str, start: int, end: int) -> bool:
    """Whether the pattern is found between ``start`` and ``end`` other than as something the child was
    spared ("not a single detention", "no arrears")."""
    return any(not _SPARED.search(value, max(start, found.start() - 25), found.start())
               for found in pattern.finditer(value, start, end))


def _sentence(value: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence with the name at ``start``…``end`` opens and stops ("£48.60" does not end one)."""
    opened = 0
    for stop in _SENTENCE_END.finditer(value, 0, start):
        opened = stop.end()
    stop = _SENTENCE_END.search(value, end)
    return opened, stop.start() if stop else len(value)


# A name that is also a word ("Ellis", "Rowan"), spoken to at the start of a sentence that goes on to say
# "you" or starts "that's" (after a full stop, an emoji or a line break): "… again today 🙄 Ellis, I think you
# know what I'll be saying to you", "Ruby, that's the third session missed". The name reader leaves such a
# word alone.
_WORD_NAME_SPOKEN_TO = lazyre.compile(r"(?:^|(?<=[^\w\s,;:'’\"(&-])\s+|\n)(?P<name>[A-Z][a-z]+),\s+"
                                      r"(?=[^.!?\n]*\byou\b|that(?:['’]s| is)\b|what happened\b)")


def _word_names_spoken_to(value: str, names: NameList) -> list[Name]:
    return [Name(found.group("name"), None, found.start("name")) for found in _WORD_NAME_SPOKEN_TO.finditer(value)
            if found.group("name") in names.name_words]


def check(post: Post, context: Context) -> Iterable[Problem]:
    names = names_for(context)
    for text in reader_texts(post):
        if text.kind == "file name":
            continue
        value = text.value
        for name in [*find_names(value, names), *_word_names_spoken_to(value, names)]:
            end = value.find(name.surname or name.first, name.start) + len(name.surname or name.first)
            if _aimed_at(value, name.start, end):
                yield Problem(
                    f"this post is aimed at one named child ('{name.full}'){where(text)}",
                    fix="praise the class, team or year group instead ('Well done Year 6!'), and tell the "
                        "child and their family in person; keep a child's behaviour, discipline and their "
                        "family's payments out of public posts",
                    line=text.line_at(name.start),
                )
