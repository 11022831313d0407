"""The ways a post starts a conversation: what ``broadcast-only`` looks for.

Not a rule (it has no ``ID``). One pattern, compiled once, whose named groups say what kind of
conversation each phrase starts: inviting private messages, inviting replies or debate, answering
complaints, or telling off a child or group in public.
"""

from __future__ import annotations

import re
from enum import Enum

from postplan import lazyre


class Kind(Enum):
    MESSAGE = "message"
    REPLY = "reply"
    COMPLAINT = "complaint"
    REBUKE = "rebuke"


# "message us on the school app", "message us via ParentMail": a channel that is not social media.
_OTHER_CHANNEL = (r"(?!(?:\s+(?:privately|directly|in\s+private))?\s+(?:on|via|through|using|in|by)\s+"
                  r"(?:the\s+|our\s+)?(?:school\s+|class\s+)?"
                  r"(?:app|parentmail|parent\s*mail|dojo|class\s*dojo|arbor|seesaw|tapestry|teams|school\s*comms|"
                  r"schoolcomms|weduc|parentapp|parent\s*app|email|e-mail|website|portal|office|phone|telephone|"
                  r"school\s+gateway|gateway|studybugs|satchel|edulink|marvellous\s*me|evidence\s*me)\b)")
_US = (r"(?:us|me|the\s+school|the\s+page|this\s+page|our\s+page|the\s+account|this\s+account|our\s+account|"
       r"the\s+\w+\s+(?:page|account))")
_MESSAGE = (
    rf"(?<!\d)(?<!\d\s)\b(?:dm|pm|inbox|whatsapp|messenger|msg)\s+{_US}\b"
    rf"|\b(?:drop|send|shoot|ping|fire|pop)\s+{_US}\s+(?:a\s+|an\s+)?(?:quick\s+)?(?:dm|pm|inbox|(?:private\s+|direct\s+)?"
    rf"message|(?:private\s+|direct\s+)?msg)\b{_OTHER_CHANNEL}"
    rf"|\bmessage\s+{_US}\b{_OTHER_CHANNEL}"
    r"|\bdrop\s+(?:me|us)\s+a\s+(?:line|message|note)\s+(?:on\s+)?here\b|\b(?:it|this)\s+(?:stays|will\s+stay)\s+between\s+us\b"
    r"|\b(?:via|by|in\s+a|through|over|send\s+a|send\s+an?)\s+(?:dm|pm|direct\s+message|private\s+message)\b"
    r"|\b(?:via|on|through)\s+(?:facebook\s+)?messenger\b"
    r"|(?<!\d)(?<!\d\s)\b(?:dm|pm)\s+(?:for|with|if)\b"
    r"|\b(?:our|my)\s+(?:dms|inbox)\b|\bget\s+back\s+to\s+(?:each\s+of\s+)?you\s+personally\s+in\s+your\s+inbox\b"
    r"|\b(?:our|my)\s+(?:messages|dms|inbox)\s+(?:on\s+here\s+)?(?:are|is)\s+(?:always\s+|still\s+)?open\b"
    r"|\b(?:slide|pop|get)\s+into\s+(?:our|the)\s+(?:dms|inbox)\b"
    r"|\b(?:private|direct)(?:ly)?\s+message\s+(?:us|me|the\s+school|the\s+page)\b"
    r"|\bprivate\s+message\s+(?:the\s+)?(?:school|page|account)\b"
    # Asking to be contacted privately here: "message this account privately", "contact us privately on here".
    rf"|\b(?:privately|directly)\s+(?:message|contact|email|get\s+in\s+touch\s+with)\s+{_US}\b{_OTHER_CHANNEL}"
    rf"|\b(?:contact|talk\s+to|speak\s+to|reach\s+out\s+to|get\s+in\s+touch\s+with)\s+{_US}\s+"
    r"(?:privately|in\s+private|confidentially)\s+(?:on\s+here|here|on\s+this\s+(?:page|account)|"
    r"(?:through|via)\s+(?:this|our)\s+(?:page|account)|"
    r"by\s+(?:dm|pm|direct\s+message|private\s+message))\b"
)
_PLACES = r"(?:the\s+)?(?:comments?(?:\s+section)?|replies|reply\s+section|thread)"
_REPLY = (
    rf"\b(?:let\s+us\s+know|tell\s+us|share|leave|post|drop|put|write|add|pop|give\s+us|type|answers?)\b[^.!?\n]{{0,60}}?"
    rf"\b(?:in|into|under|to)\s+{_PLACES}\b"
    r"|\b(?:comment|reply|respond|answer)\s+(?:below|here|underneath|to\s+this\s+(?:post|tweet))\b"
    r"|\b(?:comment|reply)\s+with\b"
    r"|\b(?:happy|glad|pleased|here)\s+to\s+(?:explain|chat|discuss|talk|answer|help)\b[^.!?\n]{0,40}?"
    r"\b(?:in|under|via|by|over)\s+(?:the\s+)?(?:comments?|replies|dms?|pms?|direct\s+messages?|private\s+messages?|inbox)\b"
    r"|\b(?:pop|drop|send|leave)\s+us\s+a\s+(?:quick\s+)?(?:message|msg|dm|pm|comment|reply|line)\s+(?:here|below|on\s+here|"
    r"on\s+this\s+post)\b"
    r"|\b(?:drop|leave|post)\s+(?:us\s+)?a\s+comment\b(?!\s+(?:on|in)\s+(?:the|our)\s+(?:cards?|book|form|survey|box))"
    r"|\b(?:let\s+us\s+know|tell\s+us|share|have\s+your\s+say|join\s+the\s+(?:debate|discussion|conversation))"
    r"[^.!?\n]{0,30}?\b(?P<below>below|underneath)\b"
    r"|\b(?:let\s+us\s+know|tell\s+us|share|we\s*(?:'|’)?d\s+love\s+to\s+hear|we\s+would\s+love\s+to\s+hear)\s+"
    r"(?:what\s+you\s+think|your\s+(?:thoughts|views|opinions?|feedback|comments))\b"
    r"|(?P<asks>\bwhat\s+(?:do|did)\s+(?:you|you\s+all|everyone|parents|people)\s+think\b(?:[^.!?\n]{0,60})?\?"
    r"|\bwhat\s+are\s+your\s+(?:thoughts|views)\b"
    r"|\b(?:do\s+you\s+agree|agree\s+or\s+disagree|any\s+thoughts|thoughts)\s*\?)"
    r"|\bjoin\s+the\s+debate\b"
    r"|\b(?:ask|post)\s+(?:us\s+)?(?:your\s+)?questions\s+(?:below|here|in\s+the\s+comments)\b"
    r"|\b(?:answers?|guesses|suggestions|ideas)\s+(?:below|underneath|in\s+the\s+comments)\b(?!\s+(?:the|this|that)\b)"
    r"|(?:^|(?<=[.!?\n:,])\s*|(?<=\band\s)|(?<=\bplease\s))tag\s+(?:a|your|some|two|three|\d)\s+"
    r"(?:friends?|mates?|someone|people|parents?|family)\b"
)
_COMPLAINER = (r"(?:parent|parents|carer|carers|person|people|individual|individuals|follower|followers|"
               r"mum|mums|dad|dads|grandparent|grandparents|neighbour|neighbours|resident|residents|whoever|"
               r"gentleman|gentlemen|gent|lady|ladies|man|woman|"
               r"those|anyone|someone|somebody|family|families)")
_COMPLAINED = (r"(?:complained|(?:were|was|are|have\s+been)\s+(?:upset|unhappy|angry|cross)|complaining|commented|commenting|posted|wrote|messaged|moaned|moaning|criticised|"
               r"questioned|claimed|tweeted|"
               r"left\s+(?:a\s+|an\s+|that\s+)?(?:[\w-]+\s+){0,2}?(?:comment|review|message)|has\s+been\s+(?:complaining|"
               r"posting|saying|commenting|spreading)|have\s+been\s+(?:complaining|posting|saying|commenting|"
               r"spreading)|keeps?\s+(?:complaining|posting|commenting)|said|raised|suggested|"
               r"asked(?:\s+(?:on\s+here|here|online|on\s+(?:facebook|twitter|x)|last\s+night|yesterday|this\s+morning|"
               r"today|earlier|again))?\s+(?:why|whether)|"
               r"called\s+(?:(?:our|the|this)\s+)?[\w'’ -]{1,30}?\s*['‘’\"“][^'’\"”]{1,30}['’\"”]|"
               r"thinks?|thought|feels?|felt|called\s+[^.!?\n]{1,40}?\s+an?\s+(?:rip-?off|joke|disgrace|scam|waste|shambles)|"
               # got in touch upset: "the parent who rang this morning very upset about the near miss"
               r"keeps?\s+(?:saying|claiming|telling\s+people|suggesting)|"
               r"(?:e-?mailed|wrote\s+in|messaged|rang|phoned|been\s+in\s+touch|got\s+in\s+touch)\s+(?:with\s+us\s+|us\s+|the\s+office\s+)?(?:about|regarding|to\s+complain|saying|to\s+say)\b|"
               r"(?:rang|phoned|rung|called|e-?mailed|wrote\s+in|got\s+in\s+touch|been\s+in\s+touch|contacted\s+us)\b"
               r"[^.!?\n]{0,40}?\b(?:upset|unhappy|angry|cross|worried|concerned|annoyed|frustrated|complain\w*))")
_COMPLAINT = (
    rf"(?<!thank you )(?<!thanks )\b(?:to|for)\s+(?:the|those|all\s+(?:the\s+)?|that|a\s+few|some)\s*{_COMPLAINER}\s+"
    rf"(?:who|that)(?:['’]ve)?\s+"
    rf"(?:(?:have|has|had)\s+)?{_COMPLAINED}"
    r"|(?<!thank you )(?<!thanks )\b(?:to|for)\s+(?:all\s+)?(?:those|people|the\s+(?:parents?|person|people|mums?|dads?|gentleman|lady|"
    r"man|woman))\s+(?:who\s+(?:are|is|have\s+been|has\s+been|keeps?|(?:rang|called|phoned)(?:\s+in)?|emailed)\s+)?"
    r"(?:saying|claiming|complaining|moaning|commenting|posting|suggesting|calling\s+(?:[\w'’-]+\s+){0,6}?['‘\"“]|"
    r"asking(?:\s+(?:on\s+(?:here|facebook|"
    r"twitter|x|social\s+media|the\s+\w+\s+group)|online|here))?\s+(?:why|where|whether|what|how|when|who))\b"
    r"|\bwe\s+(?:don(?:'|’)?t|do\s+not)\s+appreciate\s+(?:the\s+)?(?:accusations|insinuations|comments|tone|remarks)\b"
    r"|\b(?:in\s+(?:response|reply|answer)|responding|replying|answering|to\s+respond|to\s+reply|to\s+answer)"
    r"\s+(?:to\s+)?(?:the\s+|some\s+|recent\s+|several\s+|a\s+few\s+|your\s+|all\s+the\s+|certain\s+)*"
    r"(?:negative\s+|unkind\s+|online\s+|public\s+)?(?:comments?|complaints?|criticism|concerns\s+(?:posted|raised\s+"
    r"online|on)|posts|tweets|rumou?rs|reviews|messages\s+(?:posted|online|on))\b"
    r"|\bre:?\s+(?:the\s+|your\s+|all\s+the\s+|some\s+(?:of\s+the\s+)?)?(?:comments|complaints|replies|criticism)\s+"
    r"(?:(?:from|by)\s+[^.:!?\n]{1,40}?\s+)?(?:about|on|regarding|over|asking)\b"  # "Re the comments about prices"
    r"|\bwe\s+know\s+(?:some|a\s+few|many|lots)\s+of\s+you\s+(?:were(?:n['’]t|\s+not)|are(?:n['’]t|\s+not))\s+"
    r"(?:happy|pleased|keen)\b"  # "We know some of you weren't happy about the letter. … don't shoot the messenger!"
    r"|\b(?:won(?:'|’)?t|will\s+not|shall\s+not)\s+be\s+(?:discussing|debating|commenting\s+on|responding\s+to)\s+"
    r"(?:this|it|that|the\s+matter)\s+(?:any\s+)?further\b(?!\s+(?:until|till|before|at|in|on|this|next|today|tomorrow))"
    r"|\b(?:despite|contrary\s+to)\s+(?:what\s+)?(?:some|a\s+few|certain|recent)\s+(?:parents|people|comments|"
    r"rumou?rs|posts|reports)\b"
    r"|\bsome\s+(?:parents|people|families)\s+(?:have|are|seem)\s+(?:been\s+|to\s+be\s+)?(?:complaining|claiming|"
    r"saying|suggesting|spreading|posting|moaning|commenting|unhappy|upset)\b"
    r"|\b(?:we|I)\s*(?:'ve|’ve|\s+have)\s+(?:seen|read|noticed)\s+(?:the\s+|some\s+|a\s+few\s+)?(?:negative\s+|unkind\s+|"
    r"recent\s+|online\s+|nasty\s+|rude\s+)?(?:comments|complaints|replies|"
    r"posts|tweets|criticism|rumou?rs)\b"
    r"|\b(?:set(?:ting)?\s+the\s+record\s+straight|to\s+clear\s+up\s+(?:the\s+|any\s+|a\s+few\s+|some\s+)?"
    r"(?:rumou?rs|confusion\s+online|comments|misunderstandings?))\b"
    # Answering the replies, or a parent who keeps tagging the school: "To everyone in the replies saying…",
    # "Please ring the office rather than tagging the school in every post".
    r"|\b(?:to|for)\s+(?:everyone|everybody|all\s+(?:of\s+)?(?:you|those)|those|people|anyone)\s+in\s+(?:the\s+)?"
    r"(?:replies|comments)\b"
    r"|\b(?:to|for)\s+(?:everyone|everybody|all\s+(?:of\s+)?(?:you|those)|those|people|anyone|the\s+(?:person|"
    r"parents?|mum|dad|people|individual|follower))\s+"
    r"(?:who(?:['’]s|\s+is|\s+has\s+been)\s+)?asking\s+(?:us\s+)?(?:(?:on|in|under)\s+(?:facebook|here|twitter|x|social\s+media|"
    r"the\s+comments|the\s+replies|(?:our|the|my|yesterday['’]s)\s+(?:last\s+|previous\s+|recent\s+|earlier\s+)?"
    r"(?:post|tweet))\s+)?"
    r"(?:why|whether|if)\b"
    r"|\b(?:stop|rather\s+than|instead\s+of|(?:please\s+)?(?:don(?:'|’)?t|do\s+not)\s+keep)\s+tagging\s+"
    r"(?:us|the\s+school|our\s+account|the\s+account|this\s+account)\b"
    r"|\b(?:address|respond\s+to|answer)\s+(?:the\s+|some\s+)?(?:rumou?rs|complaints|criticism)\b"
    r"|\bwe\s*(?:'ve|’ve|\s+have)\s+had\s+(?:lots\s+of\s+|many\s+|a\s+few\s+|some\s+|several\s+)?(?:comments|"
    r"complaints|criticism)\b"
    r"|\b(?:some|a\s+few|several|many|lots\s+of)\s+(?:people|parents|families|followers)\s+(?:have\s+)?(?:asked|"
    r"been\s+asking|questioned|wondered)\s+(?:us\s+)?(?:why|whether)\b"
    r"|\b(?:some|a\s+few|many|lots)\s+of\s+you\s+(?:have|has)\s+(?:complained|commented|criticised|moaned|"
    r"been\s+(?:complaining|commenting|moaning))\b"
    r"|\bcomments\s+(?:on|under)\s+(?:our|this|the|my|yesterday(?:'|’)s|last\s+(?:week|night)(?:'|’)s)\s+"
    r"(?:last\s+|previous\s+|recent\s+)?(?:post|tweet|page)\b"
    rf"|\b(?:to|for)\s+whoever\s+(?:(?:has|had|is|was)\s+)?{_COMPLAINED}"
    rf"|\b(?:to|for)\s+the\s+{_COMPLAINER}\s+(?:who\s+(?:is|are|keeps?)\s+)?(?:posting|commenting|complaining|moaning|"
    r"messaging|writing)\s+(?:on|about|in)\b"
    # Answering someone who keeps asking: "we have already explained … twice", "before posting again".
    r"|\balready\s+(?:explained|answered|told\s+you|responded|replied)\b[^.!?\n]{0,50}?"
    r"\b(?:twice|several\s+times|many\s+times|repeatedly|more\s+than\s+once)\b"
    r"|\bwe\s*(?:(?:'|’)ve|\s+have)?\s+(?:already\s+)?told\s+you\s+(?:twice|already|before|several\s+times|"
    r"many\s+times|repeatedly)\b"
    r"|\bbefore\s+(?:posting|commenting|tweeting|complaining|moaning)\s+(?:again|online|publicly|next\s+time)\b"
    r"|\b(?:before|instead\s+of|rather\s+than)\s+(?:complaining|moaning|whinging|whingeing)\b"
    rf"|\b(?:to|for)\s+(?:the|those|all\s+the)\s+{_COMPLAINER}\s+(?:on|in)\s+(?:facebook|twitter|x|instagram|tiktok|"
    r"social\s+media|here|the\s+(?:[\w'’-]+\s+){1,3}(?:group|page|forum))\s+(?:saying|claiming|complaining|moaning|asking|"
    r"suggesting|"
    r"posting|who\s+(?:say|said|think|thought|claim|claimed))\b"
    r"|\b(?:please\s+)?stop\s+(?:posting|commenting|messaging|tweeting|sharing|complaining|moaning|debating|arguing)"
    r"\s+(?:about|on|in|comments|things)\b"
    # "We've had a few messages asking why…", "we understand your frustration", "please don't debate it here".
    r"|\bwe\s*(?:'ve|’ve|\s+have)\s+had\s+(?:lots\s+of\s+|many\s+|a\s+few\s+|some\s+|several\s+)?(?:messages|emails|"
    r"questions|calls)\s+(?:asking|questioning)\s+why\b"
    r"|\bwe\s+(?:understand|appreciate|hear|get)\s+your\s+(?:frustration|anger|annoyance|disappointment|upset)\b"
    r"|\bsorry\s+(?:that\s+)?(?:you|to\s+hear\s+you)\s+(?:feel|felt|think|thought)\s+(?:that\s+way|like\s+that|so\b|"
    r"(?:that\s+)?(?:the|this|that|our|it|his|her)\b[^.!?\n]{0,40}?\b(?:was|is|were|has\s+been)\s+(?:unfair|wrong|"
    r"unjust|harsh|too\s+\w+|not\s+(?:fair|right)))"
    # Owning up in public to the people who complained: "we hear you, it hasn't been good enough".
    r"|\bwe\s+hear\s+you\b|\bwe(?:(?:'|’)ve|\s+have)\s+heard\s+you\b"
    r"|\b(?:it|this|that)\s+(?:hasn(?:'|’)?t|has\s+not)\s+been\s+good\s+enough\b"
    r"|\bthe\s+decision\s+(?:stands|is\s+final|will\s+not\s+change|won(?:'|’)?t\s+change)\b"
    r"|\b(?:it|this|that)\s+(?:isn(?:'|’)?t|is\s+not)\s+going\s+to\s+change\b"
    r"|\b(?:to|for)\s+those\s+who(?:(?:'|’)ve|\s+have)?\s+(?:asked|complained|commented|questioned|raised\s+it)\b"
    r"|\b(?:please\s+)?(?:don(?:'|’)?t|do\s+not)\s+(?:debate|argue\s+about|discuss)\s+(?:it|this|that)\s+"
    r"(?:on\s+(?:here|our\s+(?:feed|page|account|timeline))|here|online)\b"
    # Taking up what was said elsewhere: "Regarding the comments on Facebook about the new uniform…".
    r"|\b(?:regarding|re:?|about|following|after)\s+(?:the\s+|some\s+|recent\s+|several\s+)*(?:negative\s+|unkind\s+|"
    r"online\s+)?(?:comments?|complaints?|posts|criticism|messages|remarks)\s+(?:on|in)\s+(?:facebook|twitter|x|"
    r"instagram|tiktok|whatsapp|social\s+media|(?:the\s+)?(?:parents(?:'|’)?\s+)?(?:facebook\s+|whatsapp\s+)?group|"
    r"online|here)\b"
    # Closing a debate in public: "we won't be going over it again on here".
    r"|\b(?:we\s+)?(?:won(?:'|’)?t|will\s+not|shall\s+not|are\s+not\s+going\s+to)\s+be\s+(?:going\s+over|discussing|"
    r"debating|revisiting|entering\s+into|commenting\s+on|responding\s+to)\s+(?:this|it|that|the\s+matter|the\s+issue|"
    r"any\s+(?:further\s+)?(?:comments|discussion|debate))(?:\s+(?:again|further|any\s+further))?\s+"
    r"(?:on\s+here|here|online|on\s+(?:social\s+media|facebook|twitter|x)|in\s+the\s+(?:replies|comments))\b"
)
_BAD = (r"(?:were|was|have\s+been|has\s+been|are|is)\s+(?:very\s+|really\s+|extremely\s+|so\s+|not\s+|being\s+)?"
        r"(?:disappointing|rude|badly\s+behaved|unacceptable|a\s+disappointment|disrespectful|misbehaving|"
        r"behaving\s+badly|an\s+embarrassment|embarrassing|a\s+disgrace|disgraceful|shameful|poorly\s+behaved|"
        r"unkind|silly|selfish|letting)")
_GROUP = (r"(?:children|pupils|students|learners|boys|girls|members|individuals|year\s+\d{1,2}s?|y\d{1,2}s?|"
          r"class|child|pupil|student|boy|girl|person|people|culprits?|one|ones|parents?|drivers?|adults?|"
          r"teenagers?|young\s+people|mums?|dads?|carers?)")
_MISDEED = (r"(?:(?:were|are|was|is|keep\s+being|have\s+been)\s+(?:\d+\s+minutes\s+|very\s+|so\s+|always\s+)?late|kicked|parked|smashed|damaged|damaging|vandalised|broke|broken|ruined|spoilt|spoiled|stole|pushed|"
            r"swore|bullied|scribbled|graffitied|misbehaved|ignored|refused|blocked|lied|cheated|shouted|shouting|spat|"
            r"['‘’]borrowed['’]|pinched|nicked|"
            r"hit(?!\s+(?:\d|the\s+\d|their|targets?|a\s+(?:target|milestone|record|new)))|"
            r"thinks?\s+it(?:'|’)?s|thought\s+it\s+was|forgot|keeps?\s+forgetting|didn(?:'|’)?t|"
            r"(?:left|leave|leaving|dropped|dropping|threw|throwing|thrown)"
            r"\b[^.!?\n]{0,25}?\b(?:litter|rubbish|mess|wrappers?|cans|bottles|crisp|chewing\s+gum|gum))")
_POOR = (r"(?:was|were|has\s+been|have\s+been|is|are)\s+(?:very\s+|really\s+|extremely\s+|so\s+|simply\s+)?"
         r"(?:disappointing|unacceptable|poor|appalling|shocking|rude|disgraceful|not\s+acceptable|"
         r"not\s+good\s+enough|embarrassing|a\s+disgrace|a\s+disappointment)\b")
_CLASS = r"(?:year\s+\d{1,2}s?|y\d{1,2}s?|class\s+\w+|\w+\s+class|\d{1,2}[a-z]{1,2}\d?)"
_REBUKE_WHO = (
    # "To the adults on the touchline shouting at …", "To whoever 'borrowed' the jacket".
    rf"\b(?:to|for)\s+(?:the\s+(?:\w+\s+)?{_GROUP}\s+(?:who|that|(?:on|at|in|by)\s+the\s+[\w-]+(?:\s+who)?)|whoever|"
    r"anyone\s+who|those\s+who)\s+"
    rf"(?:(?:have|has|had|keep|keeps|continue|continues)"
    rf"\s+(?:to\s+)?)?{_MISDEED}"
)
# A sentence that opens by calling out someone unnamed ("To the family who took their child to Tenerife…")
# and then warns them or tells them of a penalty ("we saw", "the fine is on its way", "it's on CCTV"): a
# public telling-off of people the community will recognise. Thanks ("Thank you to the parents who…") do
# not open a sentence this way, and a callout with no warning is left to the other patterns.
_CALLEE = (r"(?:family|families|parents?|carers?|mums?|dads?|person|people|pupils?|students?|child|children|boys?|"
           r"girls?|drivers?|owners?|individuals?|ones?|year\s+\d{1,2}s?|y\d{1,2}s?|teenagers?|lads?)")
_WARNING = (r"(?:\bwe\s+(?:saw|noticed|know|spotted)(?:\s+(?:you|it|that|them|everything))?\s*(?:[.!]|$)"
            r"|\b(?:the|your)\s+fines?\s+(?:is|are|will|has|have)\b|\b(?:be|been|being|get|getting)\s+fined\b"
            r"|\b(?:fixed\s+)?penalty\s+notices?\b|\b(?:enjoy|expect)\s+(?:the|your|a)\s+(?:fine|penalty)\b"
            r"|\b(?:on|caught\s+on)\s+cctv\b|\bcaught\s+on\s+camera\b|\bwe\s+have\s+your\s+(?:number\s+plate|"
            r"registration|car\s+reg\w*)\b|\b(?:reported|passed)\s+(?:on\s+)?to\s+the\s+police\b"
            r"|\bthere\s+will\s+be\s+consequences\b)")
_CALLOUT = (rf"(?:^|(?<=[.!?:\n]))\s*to\s+(?:the|that|those|all\s+(?:the\s+)?)\s+(?:[\w-]+\s+){{0,2}}?{_CALLEE}\s+"
            rf"(?:who|that)\b[^\n]{{0,200}}?{_WARNING}")
# A sanction on a child announced, unnamed but picked out by the post ("one Year 10 boy has been
# excluded for five days", "the pupils involved have been suspended"): the community knows who, and a
# child's discipline is confidential. Not "excluded from the photo", and not a rule for everyone ("pupils
# who vape will be excluded").
_SANCTIONED = (
    r"\b(?:(?:one|a|the|this|that)\s+(?:(?:year|yr|y)\s?\d{1,2}\s+|\d{1,2}[a-z]{1,2}\s+|older\s+|younger\s+)?"
    r"(?:child|pupil|student|boy|girl|learner|culprit|individual)|(?:two|three|four|five|several|a\s+few|"
    r"the)\s+(?:(?:year|yr|y)\s?\d{1,2}\s+)?(?:children|pupils|students|boys|girls|learners|culprits|"
    r"individuals)(?=\s+(?:involved|responsible|(?:from|in)\s+(?:year|yr|y)\s?\d|have|had|were)))"
    r"(?:\s+(?:involved|responsible|concerned)|\s+(?:in|from)\s+(?:year|yr|y)\s?\d{1,2}\w?)?\s+"
    r"(?:(?:has|have|had)\s+(?:now\s+|since\s+|already\s+)?been|was|were)\s+(?:immediately\s+|now\s+)?"
    r"(?:permanently\s+|temporarily\s+|internally\s+)?(?:excluded|suspended|expelled|(?:put|placed)\s+in\s+"
    r"isolation|given\s+(?:a\s+)?(?:detention|(?:fixed[- ]term\s+)?exclusion|suspension|final\s+warning))\b"
    r"(?!\s+(?:from|by|on)\s+(?:the\s+|a\s+)?(?:photos?|pictures?|images?|videos?|lists?|results|figures|"
    r"count|data|ropes?|ceiling|beams?|bars?|harness|wires?|strings?))")
_REBUKE = (
    rf"\b(?:some|a\s+few|several|certain|a\s+number\s+of|a\s+handful\s+of|a\s+(?:small\s+)?minority\s+of|two|three|"
    rf"one|a)\s+(?:of\s+(?:our|the)\s+)?(?:children|pupils|students|learners|boys|girls|child|pupil|student|boy|girl)"
    rf"\s+(?:in|from)\s+{_CLASS}\s+{_BAD}"
    rf"|\b(?:some|a\s+few|several|a\s+number|a\s+handful|a\s+minority|a\s+small\s+number)\s+of\s+(?:our|the)\s+"
    rf"{_CLASS}\s+(?:children\s+|pupils\s+|students\s+|boys\s+|girls\s+)?{_BAD}"
    rf"|\b(?:{_CLASS}(?:\s+(?:boys|girls|pupils|students|children|lot))?\s*,?\s+your|(?:behaviour|conduct|attitude)\s+of\s+{_CLASS})\s+(?:behaviour\s+|attitude\s+|conduct\s+)?"
    rf"[^.!?\n]{{0,40}}?\b{_POOR}"
    r"|\b(?:very\s+|really\s+|extremely\s+|deeply\s+|so\s+)?disappointed\s+(?:in|with|by)\s+(?:the\s+behaviour\s+of\s+|"
    r"the\s+attitude\s+of\s+)?(?:some|a\s+few|certain|several|the\s+behaviour|year\s+\d{1,2}|y\d{1,2}|class\s+\w+|"
    r"\w+\s+class|a\s+(?:small\s+)?(?:group|minority|number|handful)|one\s+(?:child|pupil|student|class))\b"
    r"|\b(?:disappointing|poor|unacceptable|appalling|shocking|disgraceful)\s+behaviour\s+(?:from|of|by)\b"
    r"|\b(?:behaviour|conduct|attitude)\s+of\s+(?:some|a\s+few|certain|a\s+small\s+number\s+of|a\s+minority\s+of)\s+"
    r"(?:our\s+)?(?:children|pupils|students|learners|boys|girls)\b"
    r"|\ba\s+(?:small\s+)?(?:minority|handful)\s+of\s+(?:our\s+)?(?:children|pupils|students|learners)\b"
    r"|\b(?:you|we)\s+know\s+who\s+you\s+are\b|\bshame\s+on\b"
    r"|\b(?:whoever|whichever(?:\s+[\w-]+)?|the\s+(?:person|people|pupils?|students?|children|child)\s+who)\s+"
    r"(?:keeps?|kept)\s+"
    r"(?:leaving|dropping|throwing|taking|parking|blocking|breaking|damaging|ignoring)\b"
    # A driver told off in public: "the parent who parks across the disabled bay every morning".
    r"|\b(?:whoever|the\s+(?:person|people|parents?|drivers?|mums?|dads?|famil(?:y|ies))\s+(?:who|that))\s+"
    r"(?:keeps?\s+|kept\s+|(?:has|have)\s+been\s+|insists?\s+on\s+)?(?:parks?|parking|parked|block\w*|stops?|stopping|"
    r"drops?|dropping|drives?|driving|leaves?|leaving)\b[^.!?\n]{0,60}?\b(?:zig-?zags?|disabled\s+(?:bay|bays|space|"
    r"spaces)|(?:double\s+)?yellow\s+lines?|pavements?|driveways?|keep\s+clear)\b"
    r"|\b(?:this|that|it)\s+is\s+(?:simply\s+|just\s+|really\s+|frankly\s+)?(?:not\s+(?:good\s+enough|acceptable|on)|"
    r"unacceptable)\b"
    rf"|\b(?:the|one|a)\s+(?:child|pupil|student|boy|girl)\s+(?:in|from)\s+{_CLASS}\s+who\s+"
    r"(?:finally|at\s+last|eventually|actually|for\s+once)\b"
    r"|\b(?:has|have)\s+been\s+dealt\s+with\b|\bwill\s+be\s+dealt\s+with\b"
    r"|\bthought\s+it\s+was\s+(?:funny|clever|a\s+good\s+idea)\s+to\b"
    r"|\bsome\s+(?:parents|people|families|adults|drivers)\s+(?:were|have\s+been|are\s+being|are)\s+(?:very\s+)?"
    r"(?:rude|abusive|aggressive|unkind|disrespectful|threatening)\b"
    rf"|\b{_CLASS}\s*,?\s+you\s+(?:were|have\s+been|are)\s+(?:very\s+|so\s+|really\s+)?(?:naughty|rude|disappointing|"
    r"silly|unkind|badly\s+behaved|a\s+disappointment|noisy|disrespectful)\b"
    # Name-calling a class or year group: "Year 9 were absolute muppets in assembly".
    rf"|\b{_CLASS}\s+(?:were|was|are|is|have\s+been)\s+(?:absolute|total|complete|utter|proper|such|a\s+bunch\s+of|"
    r"a\s+load\s+of|like)?\s*(?:muppets|idiots|clowns|morons|numpties|plonkers|prats|wallies|a\s+nightmare|a\s+shambles|"
    r"feral|hopeless|useless|pathetic|an\s+absolute\s+shambles)\b"
    r"|\blet\s+(?:the\s+(?:school|class|team|year\s+group)|themselves|us\s+all|everyone|their\s+(?:class|team|"
    r"school|year\s+group))\s+down\b"
    rf"|{_CALLOUT}|{_SANCTIONED}"
)
# Each kind is looked for only in a text that has one of its words: most posts are skipped cheaply.
PATTERNS: dict[Kind, tuple[re.Pattern[str], frozenset[str]]] = {  # REBUKE_WHO below is a rebuke too
    Kind.MESSAGE: (lazyre.compile(_MESSAGE, re.IGNORECASE), frozenset(
        "dm pm dms inbox whatsapp messenger message messages msg privately directly line between".split())),
    Kind.REPLY: (lazyre.compile(_REPLY, re.IGNORECASE), frozenset("""comment comments reply replies respond answer
guesses suggestions ideas tag
answers thread below underneath think thoughts views opinion opinions feedback hear agree disagree debate
discussion conversation questions message msg dm dms pm pms inbox""".split())),
    Kind.COMPLAINT: (lazyre.compile(_COMPLAINT, re.IGNORECASE), frozenset("""complained complaining commented
commenting posted posting wrote messaged moaned moaning criticised claimed claiming questioned tweeted saying
suggesting spreading unhappy upset angry cross response responding replying reply answer respond rumours rumors
criticism concerns comments complaints posts tweets reviews messages despite contrary record confusion already
told stop regarding re remarks going discussing debating revisiting entering commenting responding asked called
understand appreciate frustration anger annoyance disappointment debate argue sorry decision hear enough rang phoned
rung emailed saying those heard said thinks thought feels felt raised suggested asking accusations replies tagging
whinging whingeing
insinuations know""".split())),
    Kind.REBUKE: (lazyre.compile(_REBUKE, re.IGNORECASE), frozenset("""whichever disappointing disappointed behaviour conduct
attitude minority handful down rude unacceptable disrespectful misbehaving embarrassment embarrassing disgrace
disgraceful shameful unkind silly selfish letting behaved shame poor appalling shocking abusive aggressive
threatening naughty noisy know dealt funny clever muppets idiots clowns morons numpties plonkers prats wallies
nightmare shambles feral hopeless useless pathetic finally eventually once enough acceptable keeps kept
saw noticed spotted fine fines fined penalty cctv camera registration reg police consequences excluded suspended
expelled isolation detention exclusion suspension warning parks parking parked disabled zigzag zigzags pavement
pavements driveway driveways""".split())),
}
# A post that opens by answering someone: an account ("@BrookDad71 we publish our figures in September") or a
# first name ("Sarah, we're sorry you couldn't get a slot"). Read in the text as written (mentions kept), and
# only at its start, so every post can be asked.
ANSWERING = lazyre.compile(
    # "@DaveParkerHX selection is based on times… I've explained this to you twice now. Happy to talk, but not on here."
    r"\A\s*@\w+\b[^\n]{0,160}?\b(?:not\s+on\s+here|(?:explained|told\s+you)\s+(?:this\s+|that\s+)?(?:to\s+you\s+)?"
    r"(?:twice|before|already)|check\s+your\s+facts|not\s+sure\s+why\s+you(?:['’]ve|\s+have|\s+were|['’]ve\s+been|"
    r"\s+have\s+been)\s+told|(?:all\s+)?(?:explained|set\s+out|stated)\s+in\s+the\s+letter)\b|"
    r"\A\s*@\w+[,:]?\s+(?:we|you|your|please|sorry|yes|no|thanks\s+for\s+your|with\s+respect|to\s+be\s+clear|"
    r"nobody|no\s+one|actually|as\s+(?:we|I)\s+(?:said|explained)|I(?:'m|’m|\s+am)\s+afraid|"
    # a denial: "@HXMumOf3 Our candles are NOT overpriced"
    r"(?:our|the|this|that|it)\b[^.!?\n]{0,30}?\b(?:is|are|was|were)(?:n['’]t|\s+not|\s+never)\s+\w+|"
    r"it\s+(?:was|is|has\s+been)\s+(?-i:ALWAYS|NEVER|always|never|clearly)\b|"
    r"(?:our|the|this|that|it)\b[^.!?\n]{0,30}?\b(?-i:WERE|WAS|IS|ARE|DID|HAVE|HAS)\b|"
    r"(?:our|the|this|that|it)\b[^.!?\n]{0,40}?,\s+not\s+(?:us|the\s+school|ours)\b|"
    r"it(?:'s|’s|\s+is)\s+(?:a|an)\s[^.!?\n]{1,40}?,\s+not\s+(?:a|an)\s)\b"
    r"|\A\s*(?!(?:Parents|Families|Everyone|Hi|Hello|Sadly|Unfortunately|Folks|Friends|All|Children|Pupils|Students)\b)"
    r"(?-i:[A-Z][a-z]+),\s+(?:we(?:'re|’re|\s+are)\s+(?:so\s+|really\s+|very\s+)?sorry|sorry\s+(?:you|that|to\s+hear)|"
    r"we\s+understand\s+(?:your|that|you))\b", re.IGNORECASE)
# "To the pupils who left litter…": looked for only when a misdeed is named.
REBUKE_WHO = (lazyre.compile(_REBUKE_WHO, re.IGNORECASE), frozenset("""kicked parked smashed damaged damaging vandalised
broke broken ruined spoilt spoiled stole pushed swore bullied scribbled graffitied misbehaved ignored refused blocked
lied cheated shouted spat hit thinks thought forgot forgetting didn litter rubbish mess wrappers wrapper cans bottles
crisp gum late shouting borrowed pinched nicked""".split()))
