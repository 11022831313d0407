"""A post that starts a conversation the school does not have on social media.

The school's account broadcasts: it does not reply, take private messages, or argue in public ("Admins
must not engage with any private messaging with children or parents/carers"). So a post must not invite
direct messages ("DM us", "drop us a message", "inbox us", "message this account privately"), ask for
replies or opinions ("let us know your thoughts in the comments", "What do you think?"), answer people
who complained ("To the parent who commented…", "In response to comments on Facebook…"), or tell off a
child, a family or a group in public ("Some children in Year 5 were disappointing", "To the pupils who
left litter…", "Year 9 were absolute muppets", "we have already explained this twice", "To the family
who took their child to Tenerife…: we saw. The fine is on its way."), which includes announcing a
sanction on a child the community can pick out ("one Year 10 boy has been excluded for five days").
Questions that celebrate ("Who's excited for Sports Day?"), a poll (the policy's own way to ask
families), and pointing people to the office ("contact the school office", "email office@…", "call the
school") are fine.

Passes: "Who's excited for Sports Day tomorrow?"; "Any questions? Please contact the school office.";
"Which book should we read next? Vote in our poll!"; "Send us a message on the school app."

Fails: "DM us if your child needs a uniform voucher."; "Let us know your thoughts in the comments!";
"To the parent who complained about the lunch queue: we are doing our best."; "To the pupils who
left litter on the field at lunch: you know who you are."; "Any student can message this account
privately."; "One Year 10 boy has been excluded for five days."
"""

from __future__ import annotations

from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.conversation import ANSWERING, PATTERNS, REBUKE_WHO, Kind
from postplan.rules.reading import reader_texts, where
from postplan.rules.text import prose, words

ID = "broadcast-only"
SEVERITY = Severity.ERROR
SUMMARY = "Broadcast only: no inviting messages or replies, no answering complaints, no public rebukes."
POLICY = (
    "The school Twitter account will not reply to any 'replies' on Twitter. This is not the platform to "
    "discuss or debate school related issues."
)

_FIXES = {
    Kind.MESSAGE: "the school does not take private messages here: point families to the office (phone or "
                  "email) or the school app instead",
    Kind.REPLY: "the school does not reply on social media: leave out the invitation to comment, or ask "
                "with a poll, or point families to the office or a survey link",
    Kind.COMPLAINT: "do not answer complaints or comments in public: a leader replies to the family "
                    "privately, and the post shares news only",
    Kind.REBUKE: "do not tell off a child or a group in public: deal with it in school, and post a "
                 "reminder to everyone instead (\"Please remember to put litter in the bins\")",
}
_SAYS = {
    Kind.MESSAGE: "invites private messages",
    Kind.REPLY: "invites replies or debate",
    Kind.COMPLAINT: "answers people who complained or commented",
    Kind.REBUKE: "tells off a child or a group in public",
}


_OPENING = (ANSWERING, None)  # asked of every text, as written (see conversation.ANSWERING)


def check(post: Post, context: Context) -> Iterable[Problem]:
    has_poll = post.poll is not None
    for text in reader_texts(post):
        if text.kind != "text":
            continue
        present = words(text.value)
        reported: list[tuple[int, int]] = []  # one finding for words two patterns both found
        for kind, (pattern, triggers) in (*PATTERNS.items(), (Kind.REBUKE, REBUKE_WHO), (Kind.COMPLAINT, _OPENING)):
            if triggers is not None and present.isdisjoint(triggers):
                continue
            for match in pattern.finditer(text.value if triggers is None else prose(text.value)):
                if has_poll and kind is Kind.REPLY and (match.group("below") or match.group("asks")):
                    continue  # "What do you think? Let us know below" above a poll asks for votes
                if any(match.start() < end and start < match.end() for start, end in reported):
                    continue
                reported.append(match.span())
                yield Problem(
                    f"'{match.group().strip()}' {_SAYS[kind]}{where(text)}; the school's account broadcasts only",
                    fix=_FIXES[kind],
                    line=text.line_at(match.start()),
                )
