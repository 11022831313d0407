"""A password, door code, API key or token in a post.

A post is public the moment it goes out, and the repository is seen by everyone who reviews it. A
Wi-Fi password on a poster in a photo's caption, a door or key-safe code, a class's log-in code, or an
account key pasted by mistake, must never be posted: change the password or key, then remove it. Every
text a reader sees is read.

Passes: "Remember: never share your password with anyone."; "Our KS2 code club meets on Tuesdays.";
"Dress code: non-uniform"; "Use the code on your letter to book".

Fails: "The Wi-Fi password is Tregarrow2027!"; "Guest wifi password: sunflower"; "Wi-Fi CalderGuest, password Sixth2026!"; "Guest Wi-Fi: CalderGuest / Music2027!"; "The gate code is
4821"; "the keypad code for the side gate is 4719#"; "the prep room door code has changed to 2580#"; "the gate
keypad changes to 1966# from Monday"; "the store is on a keypad now - 4179"; "go to Join a team and pop in 7xk2pq";
"the sticky note saying 'Sunflower88'"; "The key to get in is Bunsen#11"; "api_key=sk-live-…"; a GitHub token (ghp_…).
"""

import re
from collections.abc import Iterable

from postplan import lazyre
from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.reading import reader_texts, where
from postplan.rules.text import prose, words

ID = "secret-in-text"
SEVERITY = Severity.ERROR
SUMMARY = "No passwords, door codes, API keys or tokens."
POLICY = "You must not share the account password with learners; ensure the admins use a strong password which is only available to the admin."

_SECRET = lazyre.compile(
    r"\b(?:password|passcode|passwd|pwd|pin(?: number)?|wi-?fi (?:key|code)|api[ _-]?key|secret|token)"
    r"(?:\s*(?:is|:|=)\s*|\s+-\s+)[\"'“]?(?=\S*[\d!@#$%^&*_])\S{4,}"
    r"|\b(?:wi-?fi|guest|network|login|log-in|log in)\s+(?:password|passcode|code|key)\s*(?:is|:|=|-)\s*"
    r"[\"'“]?(?!(?:the|a|an|on|in|at|available|printed|below|above|here|changing|changed)\b)[\w!@#$%^&*.-]{4,}"
    r"|\b(?:door|gate|keypad|entry|key ?safe|lock|padlock|alarm|class|join|access|school|library|ebook|parent|pupil|"
    r"student|app|login|log-?in)\s+code\s*(?:is|:|=|-)?\s*"
    r"[\"'“]?(?=[\w-]*\d)[\w-]{3,}\b"
    # "the keypad code for the side gate is 4719#", "the new code for the staff-room door is 2580": a few
    # words between the code and its value, a keypad's # or * in it.
    r"|\b(?:door|gate|keypad|entry|key ?safe|lock|padlock|alarm)\s+code\b[^.!?\n]{0,40}?\s(?:is|:|=|"
    r"(?:has\s+)?(?:changed|changes|changing|will\s+change)\s+(?:(?:on|from|this|next)\s+\w+\s+)?to|will\s+be)\s*[\"'“]?(?=[\w#*-]*\d)[\w#*-]{3,}"
    # A keypad's new number with no "code": "the Reception gate keypad changes to 1966# from Monday".
    r"|\bkeypad\b[^.!?\n]{0,30}?\s(?:is(?:\s+now)?|:|=|[-–]|(?:has\s+)?(?:changed|changes|changing)\s+to|will\s+be)\s*"
    r"\d{3,8}[#*]?(?![\d:.])"
    r"|\bcode\s+(?:for|to|on|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:door|gate|keypad|entrance|key ?safe|lock|padlock)s?"
    r"\b[^.!?\n]{0,30}?\s(?:is|:|=)\s*[\"'“]?(?=[\w#*-]*\d)[\w#*-]{3,}"
    r"|\b(?:password|passcode|passwd|pwd)\s+[\"'“]?(?=[\w!@#$%^&*.-]*[A-Za-z])(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{5,}"
    # A code given in the sentence of a gate or door: "through the field gate on Moor Lane – code is 2580#".
    r"|\b(?:gate|door|keypad|entrance|padlock|key ?safe)\b[^.!?\n]{0,60}?\bcode\s*(?:is|:|=|-)\s*\d{3,8}[#*]?(?![\d:.])"
    # A password a few words from its value: "the new collection password from Monday is BLUEBELL27".
    r"|\b(?:password|passcode|passphrase|(?<=the\s)pass\s+word|(?<=your\s)pass\s+word|(?<=temporary\s)pass\s+word)\b[^.!?\n]{0,40}?\s(?:is|:|=|will\s+be|changes\s+to|(?:has\s+)?changed\s+to)\s*"
    r"[\"'“]?(?!(?:the|a|an|your|their|his|her|not|never|still)\b)(?=[\w!@#$%^&*.-]*[\d!@#$%^&*])[\w!@#$%^&*.-]{4,}"
    # A password given in quotes, however far on: "the family password … Ruby's nana, it's still 'buttercup'".
    r"|\bpassword\b[^\n]{0,80}?\s(?:is|it(?:'|’)s|:)\s+(?:still\s+|now\s+)?['\"‘“]"
    r"(?!(?:secret|private|safe|personal|yours)['\"’”])[\w -]{3,30}['\"’”]"
    # A number spaced or hyphenated so it does not look like one: "the key safe … is 2-7-1-9", "the gate keypad
    # was changed. New number is 5 8 2 9".
    r"|\b(?:keypad|gate|door|key ?safe|padlock|lock|combo|combination|shed)\b[^\n]{0,80}?\b(?:is|it(?:'|’)s|number|code|"
    r"combination)[,:]?\s+"
    r"(?:is\s+|:\s*)?(?:now\s+)?\d(?:[\s-]?\d){2,7}\b"
    r"(?![%.,:]\d|\s*(?:years?|metres?|m|cm|%|people|pupils|children|kg|miles|minutes|mins)\b)"
    # A lock's new number after "it's", or the padlock's own: "the padlock on the top paddock gate has changed, it's 4719
    # now", "The padlock's 1966" ("the padlock is 1966" is read above).
    r"|\bpadlock['’]s\s+\d{3,6}\b"
    r"|\b(?:padlock|keypad|gate|door|lock|key ?safe)\b[^.!?\n]{0,60}?\b(?:it(?:'|’)s|is\s+now)\s+\d{3,8}[#*]?(?![\d:.])"
    # A keypad's number after a colon a few words on: "the keypad number hasn't changed since last term: 4471 then #".
    r"|\bkeypad\b[^.!?\n]{0,60}?:\s*\d{3,8}[#*]?(?![\d:.])"
    # A number to unlock a device, and a file that opens with a word: "the number to unlock the iPads is 2580", "the
    # PDF opens with the word Calder2027!".
    r"|\b(?:number|code|pin|passcode)\s+(?:to|that\s+will|that)\s+(?:unlock|unlocks|open|opens|get\s+into)\b[^.!?\n]{0,40}?"
    r"\s(?:is|:)\s*\d{4,8}\b"
    r"|\b(?:opens?|unlocks?)\s+with\s+(?:the\s+)?(?:word|password|code|passcode)\s+[\"'“]?(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    # A word to unlock a file, however plain: "The word to unlock it is starofwonder"; a login then its password: "it's
    # yr1calder and then Sounds2027 to get in".
    r"|\b(?:word|password|code)\s+to\s+(?:unlock|open|access|get\s+into)\s+(?:it|them|the\s+[\w-]+)\s+is\s+[\"'“]?"
    r"(?!(?:changing|changed|printed|written|available|going|coming|being|still|below|above|sent|given|in|on)\b)"
    r"[A-Za-z][\w!@#$%^&*.-]{4,}"
    r"|\b(?:it['’]s|is)\s+[\w.@-]{3,}\s+(?:and\s+)?then\s+(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}\s+to\s+(?:get|log|sign)\s+in\b"
    # A set-up number to pop in, and a lock's numbers in brackets: "our setup number just pop in 2603", "same four
    # numbers as the staffroom (2-0-1-9)".
    r"|\b(?:setup|set-up|join|access|school|class)\s+(?:number|code)\b[^.!?\n]{0,30}?\b(?:pop|put|type|enter|key)\s+in\s+\d{3,8}\b"
    r"|\b(?:numbers?|digits?|code)\s*(?:as\s+[^.!?\n(]{0,30})?\(\s*\d(?:[\s-]?\d){2,7}\s*\)"
    # A starter password made from a pupil's details, "the word" after a username, a keypad then its number: "everyone's
    # starter pass is their date of birth", "username is your school email and the word is Lancaster44", "has a new
    # keypad! Just pop in 2580".
    r"|\b(?:starter|first|default|temporary)\s+pass(?:word)?s?\s+(?:is|are|will\s+be)\s+(?:just\s+)?(?:your|their|the\s+child(?:'|’)?s)"
    r"\s+(?:first\s+name|surname|date\s+of\s+birth|birthday|initials)"
    r"|\b(?:username|log\s*in|login|portal)\b[^.!?\n]{0,60}?\bthe\s+(?:word|key)\s+is\s+(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    r"|\b(?:keypad|key ?safe|padlock)\b[^\n]{0,40}?\b(?:pop|put|enter|type|tap)\s+in\s+\d{3,8}[#*]?(?![\d:.])"
    # A keypad's number in brackets: "use the keypad (2580#)".
    r"|\bkeypad\s*\(\s*\d{3,8}[#*]?\s*\)"
    # A one-off or sign-in code: "the one-off code OPT9-CALDER-27", "username vote27 and code Brook!2027".
    r"|\b(?:one-?off|access|login|log-?in|sign-?in|unique|voting|personal|security|family|gallery|download|viewing|"
    r"guest)\s+code\s+(?=[\w!@#$%^&*-]*\d)"
    r"(?-i:[A-Za-z0-9][\w!@#$%^&*-]{3,})"
    r"|\busername\s+\S{3,}\s+(?:and|&|,)\s+(?:the\s+|your\s+)?(?:password|passcode|code|pin|(?:magic|secret|pass)\s*word)\s+\S{4,}"
    # An account to sign in as, then its key: "exam laptops sign in as EXAMS01, key is Mock!2027".
    r"|\bsign(?:s|ing)?[\s-]?(?:in|on)\s+as\s+\S{3,}?[,;]?\s+(?:and\s+)?(?:the\s+)?(?:key|password|pin|code|passcode)"
    r"\s*(?:is|:|=)\s*[\"'“]?(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    # A meeting's passcode to type in: "Teams meeting ID 384 221 907 55, then pop Vx3kQ9 in when it asks".
    r"|\b(?:meeting\s+id|teams|zoom)\b[^\n]{0,80}?\b(?:pop|put|type|enter|stick)\s+"
    r"(?=[\w!@#$%^&*-]*\d)(?=[\w!@#$%^&*-]*[A-Za-z])[\w!@#$%^&*-]{4,}\s+in\b"
    # An account and its password as a pair: "log in with the club account calderbrook_codeclub / Pixel2027!",
    # "This week's login for the Minecraft server is calderclub / Creeper2027!".
    r"|\buse\s+[a-z][\w.@-]{2,}\s*/\s*(?=[\w!@#$%^&*.-]*\d)(?=[\w!@#$%^&*.-]*[A-Z])[\w!@#$%^&*.-]{4,}"  # "use oakclass4 / Viking27!"
    r"|\b(?:account|login|log-?in|username)\s+(?:[^.!?\n/]{0,40}?\s(?:is|are)\s+|is\s+|:\s*)?[\w.@-]{3,}\s*/\s*"
    r"(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    # A homework site's school code in capitals, and how every pupil's password is made: "the school code is
    # CALDERMATHS and your password is your first name + your form".
    r"|\b(?:school|class|login|log-?in|app|join)\s+code\s*(?:is|:|=)\s*[\"'“]?(?-i:[A-Z][A-Z0-9]{5,})\b"
    r"|\bpasswords?\s+(?:is|are|will\s+be)\s+(?:just\s+|simply\s+)?(?:your|their|the\s+child(?:'|’)?s)\s+(?:first\s+name|"
    r"surname|name|initials|date\s+of\s+birth|birthday|form|class|username)\b"
    # A word to use to get in, and a lock's code in brackets: "(use sensei2027 to get in)", "the same as the staff
    # room door (4417)".
    r"|\buse\s+(?=[\w!@#$%^&*.-]*\d)(?=[\w!@#$%^&*.-]*[A-Za-z])[\w!@#$%^&*.-]{5,}\s+to\s+(?:get\s+in|log\s+in|"
    r"sign\s+in|access\s+(?:it|them)|open\s+it|unlock\s+it)\b"
    r"|\b(?:doors?|gates?|keypads?|padlocks?|locks?|lockers?|cupboards?|safe|shed|pod)\s*\(\s*\d{4,6}\s*\)"
    # A call's meeting ID and its passcode: "join with meeting ID 381 552 904 117 and code Rn0se27"; a shared login
    # given as a name, then its password, after a colon, a dash or a bracket: "the login's on the board in H12:
    # brewandbrook / Candles2027!", "the shared family account – calderbrookfamilies, then Brook!Street27".
    r"|\bmeeting\s+ID\b[^.!?\n]{0,40}?\b(?:pass)?code\s*:?\s*(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    r"|\b(?:log\s*in|log-in|sign\s*in|password|account|details|username)\b[^.!?\n]{0,40}?[–:(-]\s*[a-z][\w.@-]{2,},?"
    r"\s*(?:/|(?:then|and|password)\s)\s*(?=[\w!@#$%^&*.-]*\d)(?=[\w!@#$%^&*.-]*[A-Za-z])[\w!@#$%^&*.-]{5,}"
    # A code to get into a shared folder: "use the code Leavers27!Brook to get in".
    r"|\buse\s+(?:the\s+)?(?:code|password|passcode)\s+(?=[\w!@#$%^&*.-]*\d)(?=[\w!@#$%^&*.-]*[A-Za-z])[\w!@#$%^&*.-]{6,}"
    r"\s+to\s+(?:get\s+in|log\s+in|access|sign\s+in|open|upload|download)"
    # A temporary login or a centre's buzzword: "the temporary login Brook!Reception27", "our buzzword is CalderSF27".
    r"|\b(?:temporary|temp|one-?time|first-?time|default|starter)\s+(?:login|log-?in|password|passcode|code|pin|word)\s+"
    r"(?:[^.!?\n]{0,30}?\s(?:is|are)\s+|is\s+|:\s*)?"
    r"(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    r"|\b(?:buzzword|passphrase|code\s*word|secret\s+word|magic\s+word|log-?in\s+word|access\s+word|unlock\s+word|"
    r"entry\s+word)[\s,]+(?:[^.!?\n]{0,30}?\s)?"
    r"(?:is\s+|:\s*)[\"'“]?[\w!@#$%^&*.-]{4,}"
    # A word to type when asked, a code told by what it is, a login's boxes: "when it asks for the entry word, type
    # bishop47", "it's the year the school opened, then the hall number (so 1974 then 2)", "Top box: 4W-CALD".
    r"|\b(?:entry|access|class|secret|join|club)\s+word,?\s+(?:type|enter|put\s+in|use)\s+[\"'“]?"
    r"(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    r"|\b(?:keypad|door\s+code|code)\b[^\n]{0,120}?\((?:so|i\.?e\.?|that['’]?s)\s+\d{3,6}(?:\s+then\s+\d{1,4})?\)"
    # A combination or a keypad number given as digits to put in, a login that is "now" something: "the shed
    # combination hasn't changed (1-9-7-0)", "pop 2580 into the box by the gate", "the log-in … It's now Calder!M27"
    r"|\b(?:lock|padlock|shed|door|gate|locker|safe|cupboard|cabinet)\s+combination\b[^\n]{0,40}?\(?\b\d(?:-\d){2,5}\b"
    r"|\b(?:class|reset)\s+word\b[^.!?\n]{0,30}?\s(?:is|:)\s*[\"'“]?(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    r"|\bpop\s+\d{3,8}\s+(?:into|in)\s+(?:the\s+)?(?:box|keypad|key\s*safe|pad|lock)\b"
    r"|\blog-?\s?in\b[^\n]{0,80}?\b(?:it['’]s|is)\s+now\s+[\"'“]?(?=[\w!@#$%^&*.-]*\d)(?=[\w!@#$%^&*.-]*[A-Za-z])"
    r"[\w!@#$%^&*.-]{6,}"
    # A number to type when asked, a game's code, a box or lock that opens with a number or a year, a starter password
    # from a name: "type 2719 when it asks", "game code 482 6613", "now opens with 8351", "opens with the year Galileo first spotted Jupiter's moons", "your surname followed by brook27"
    r"|\btype\s+\d{3,8}\s+when\s+(?:it|the\s+app|the\s+site)\s+asks\b"
    r"|\bgame\s+(?:code|pin)\s*:?\s*\d{3}\s?\d{3,4}\b"
    r"|\b(?:box|lock|door|gate|cupboard|padlock|key\s*safe|locker|shed)\b[^.!?\n]{0,40}?\bopens?\s+with\s+"
    r"(?:\d{3,8}\b|the\s+year\b)"
    r"|\b(?:your|their)\s+(?:surname|first\s+name|name)\s+(?:followed\s+by|then|and\s+then|\+)\s+[\"'“]?"
    r"(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{3,}"
    r"|\b(?:top|first)\s+box\s*:\s*(?=[\w-]*\d)[\w-]{3,}[^\n]{0,40}?\b(?:second|bottom|next)\s+box\s*:"
    # The word after a comma: "Log in with this term's class word, scarab27".
    r"|\b(?:class|secret|magic|log-?in|code)\s*word,\s*[\"'“]?(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    r"|\b(?:school|class|sign-?up|access|parent|registration|gallery|album|download|viewing)\s+key\s+(?:is\s+|:\s*)?"
    r"(?=[\w-]*\d)[A-Za-z0-9-]{5,}"
    # The word to get in, by what it is for: "The word you need to get in is escargot2027".
    r"|\b(?:word|code|key|password|passcode|pin)\s+(?:(?:(?:you(?:['’]ll)?\s+need|you\s+will\s+need|needed)\s+)"
    r"(?:to\s+(?:get\s+in|log\s+in|sign\s+in|join|open\s+it|access\s+it|enter)\s+)?|to\s+(?:get\s+in|log\s+in|"
    r"sign\s+in|open\s+it|access\s+it)\s+)(?:(?:this|next)\s+(?:year|term|week|time)\s+|now\s+)?(?:is\s+|:\s*)[\"'‘“]?"
    r"(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    r"|\b(?:lockers?|padlocks?|cabinets?|cupboards?)\b[^\n]{0,80}?\b(?:open|opens|unlock|unlocks)\s+with\s+"
    r"(?:the\s+(?:code\s+)?)?\d{3,8}[#*]?\b"
    r"|\b(?:secret\s+word|code\s*word|password|passphrase)\b[^.!?\n:]{0,30}?:\s*[\"'“]?"
    r"(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    # A network's key, numbers keyed in, and how a password is made from a pupil's details: "our guest network:
    # it's CB-Visitor and the key is Newton2027!", "punch in 1-9-7-4 then #", "then 'calder' followed by your
    # year of birth".
    r"|\b(?:network|wi-?fi)\b[^.!?\n]{0,60}?\b(?:key|password)\s*(?:is\s+|:\s*)?[\"'“]?(?=[\w!@#$%^&*.-]*\d)"
    r"(?=[\w!@#$%^&*.-]*[A-Za-z])"
    r"[\w!@#$%^&*.-]{6,}"
    r"|\b(?:punch|key|tap|type)\s+in\s+\d(?:[\s-]?\d){2,7}\b"
    # "pop in 2580 then the tick on the keypad": a number put into a lock, named in the same sentence.
    r"|\b(?:pop|put|enter)\s+in\s+\d{3,8}[#*]?(?![\d:.])(?=[^.!?\n]{0,60}\b(?:keypad|key ?safe|padlock)\b)"
    r"|\b(?:log\s*in|sign\s*in|password)\b[^.!?\n]{0,80}?\b(?:followed\s+by|then|plus|\+)\s+(?:your|their)\s+"
    r"(?:year\s+of\s+birth|date\s+of\s+birth|birth\s*year|birthday|postcode|initials)\b"
    # A code typed in to join a group: "go to Join a team and pop in 7xk2pq"; a note stuck to a device: "the sticky
    # note on the back saying 'Sunflower88'"; a key to a folder: "The key to get in is Bunsen#11".
    r"|\bjoin\b[^.!?\n]{0,40}?\b(?:pop|type|put|enter|use)\s+(?:in\s+)?(?:the\s+)?(?:code\s+)?"
    r"(?-i:(?=[a-z0-9]*\d[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{5,10})\b"
    r"|\bjoin\s+(?:with|using)\s+(?:the\s+)?(?:code\s+)?"
    r"(?-i:(?=[a-z0-9]*\d[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{5,10})\b"
    # A shared login as a pair after a colon: "children can use the class one: hazel2 / Hedgehog27".
    r"|\b(?:use|one|login|log-?in|details|account)\s*:\s*[a-z][\w.-]{2,}\s*/\s*(?=[\w!@#$%^&*.-]*\d)"
    r"(?=[\w!@#$%^&*.-]*[A-Za-z])[\w!@#$%^&*.-]{5,}"
    r"|\bsticky\s+note\b[^.!?\n]{0,40}?\b(?:saying|says|reads|reading|with)\s+[\"'‘“]?(?=[\w!@#$%^&*.-]*\d)"
    r"[\w!@#$%^&*.-]{5,}"
    r"|\bkey\s+to\s+(?:get\s+in|getting\s+in|open\s+it|unlock\s+it|log\s+in|access\s+it)\s+is\s+[\"'‘“]?"
    r"(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    # A network and the password to "pop in": "Join CALDER-GUEST and pop Brook2027! in when it asks".
    r"|\bjoin\s+(?-i:[A-Z0-9][A-Z0-9_-]{3,})\s+(?:and|then)\s+(?:pop|put|type|enter|use)\s+(?=[\w!@#$%^&*.-]*\d)"
    r"[\w!@#$%^&*.-]{4,}"
    # A password shared by a group: "this half term's shared pass is sohcahtoa44".
    r"|\b(?:shared|class|group|club|common|team)\s+(?:pass|password|passcode|code)\s+(?:is\s+|:\s*)(?=[\w!@#$%^&*.-]*\d)"
    r"[\w!@#$%^&*.-]{4,}"
    # A word said at the desk that hands something over: "just say the word 'sunflower' at reception".
    r"|\bsay\s+(?:the\s+)?(?:code\s*word|password|word|phrase)\s+[\"'‘“][\w!@#$%^&*.-]{4,}[\"'’”]"
    r"(?=[^.!?\n]{0,30}\b(?:at|to)\s+(?:reception|the\s+(?:office|desk|door|gate|hatch|counter)|staff|a\s+member\s+of\s+staff))"
    # A login and its password side by side, and a number "on the keypad".
    r"|\blog\s*in\s+with\s+[\w.@-]{4,}\s+(?:and|&|/)\s+(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    r"|\b\d{3,8}[#*]?\s+on\s+the\s+(?:keypad|door|gate|lock|padlock|key ?safe)\b"
    r"|\b(?:keypad|key ?safe)\s*(?:code\s*)?(?:is\s+|:\s*|\(\s*)?(?!(?:19|20)\d\d\b(?![#*]))\d{3,8}[#*]?(?![\d:.,/-])"
    r"|\b(?:door|gate)\s+code\s+(?:is\s+|:\s*)?\d{3,8}[#*]?(?![\d:.,/-])"
    # A PIN: "staff can reset it with PIN 4471".
    r"|(?-i:\bPIN)\s*(?:is\s+|:\s*|=\s*)?\d{4,8}\b|\bpin\s+(?:number|code)\s*(?:is\s+|:\s*)?\d{4,8}\b"
    r"|(?-i:\bPIN)\b,?\s+(?:use|enter|type|put\s+in|pop\s+in)\s+\d{4,8}\b"
    # A network and its key: "network CalderGuest, key Brook2027!".
    r"|\bnetwork\s+[\w.-]{3,},?\s+(?:key|password|pass)\s*[:=-]?\s*(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    # A door that opens to a number: "the staff side door takes 4719 then the green button".
    r"|\b(?:door|gate|keypad|entrance|padlock|key ?safe)\b[^.!?\n]{0,40}?\s(?:takes|opens\s+(?:with|on)|needs)\s+"
    r"(?:the\s+)?(?:code\s+)?\d{3,8}[#*]?(?![\d:.])"
    # A padlock's combination: "New padlock on the tool shed, combo is 4719".
    r"|\b(?:combo|combination)(?:\s+(?:code|number|lock))?\s*(?:is|:|=|-)\s*\d{3,8}\b"
    # A network and its password written as a pair: "Guest Wi-Fi for the concert: CalderGuest / Music2027!".
    r"|\bwi-?fi\b[^.!?\n]{0,40}?[:=-]\s*[\w.-]{3,}\s*/\s*(?=[\w!@#$%^&*.-]*\d)[\w!@#$%^&*.-]{4,}"
    r"|\bAKIA[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{30,}\b|\bgithub_pat_\w{30,}|\bxox[abprs]-[\w-]{10,}"
    r"|\bAIza[\w-]{35}\b|\bsk[-_](?:live[-_])?[A-Za-z0-9]{20,}|\beyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]+"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----|\bBearer\s+[\w.-]{20,}",
    re.IGNORECASE,
)
_TRIGGERS = frozenset("""password passcode passwd pwd pin wi fi wifi api key apikey api_key secret token bearer code
keypad combo combination passphrase network door gate padlock lock username buzzword temporary temp login log starter
word say pass shared use join sticky punch tap type sign magic locker lockers padlocks cabinet cabinets
cupboard cupboards teams zoom meeting unlock opens setup starter portal entry box reset followed""".split())
_LONG = lazyre.compile(r"[\w-]{20,}")
# A long run of upper- and lower-case letters and digits, as keys look (case matters here).
_KEY_LIKE = lazyre.compile(r"\b(?=[\w-]*\d)(?=[\w-]*[A-Z])(?=[\w-]*[a-z])[\w-]{32,}\b")


def check(post: Post, context: Context) -> Iterable[Problem]:
    for text in reader_texts(post):
        value = text.value
        if not (not words(value).isdisjoint(_TRIGGERS) or _LONG.search(value) or "-----BEGIN" in value):
            continue
        match = _SECRET.search(value) or _KEY_LIKE.search(prose(value))
        if match:
            yield Problem(
                f"this contains what looks like a password, code, key or token{where(text)}",
                fix="remove it, and change that password, code or key now (it is in the repository's history)",
                line=text.line_at(match.start()),
            )
