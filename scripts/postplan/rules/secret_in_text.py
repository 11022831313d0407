"""A password, API key or token in a post.

A post is public the moment it goes out, and the repository is seen by everyone who reviews it. A
Wi-Fi password on a poster in a photo's caption, or an account key pasted by mistake, must never be
posted: change the password or key, then remove it.

Passes: "Remember: never share your password with anyone."; "Our KS2 code club meets on Tuesdays."

Fails: "The Wi-Fi password is Tregarrow2027!"; "api_key=sk-live-…"; a GitHub token (ghp_…).
"""

import re
from collections.abc import Iterable

from postplan.findings import Severity
from postplan.models import Post
from postplan.rules.base import Context, Problem
from postplan.rules.text import line_in, prose, words

ID = "secret-in-text"
SEVERITY = Severity.ERROR
SUMMARY = "No passwords, API keys or tokens."
POLICY = "You must not share the account password with learners; ensure the admins use a strong password which is only available to the admin."

_SECRET = re.compile(
    r"\b(?:password|passcode|passwd|pwd|pin(?: number)?|wi-?fi (?:key|code)|api[ _-]?key|secret|token)"
    r"\s*(?:is|:|=|-)\s*[\"'“]?(?=\S*[\d!@#$%^&*_])\S{4,}"
    r"|\bAKIA[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{30,}\b|\bgithub_pat_\w{30,}|\bxox[abprs]-[\w-]{10,}"
    r"|\bAIza[\w-]{35}\b|\bsk[-_](?:live[-_])?[A-Za-z0-9]{20,}|\beyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]+"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----|\bBearer\s+[\w.-]{20,}",
    re.IGNORECASE,
)
_TRIGGERS = frozenset("password passcode passwd pwd pin wi fi wifi api key apikey api_key secret token bearer".split())
_LONG = re.compile(r"[\w-]{20,}")
# A long run of upper- and lower-case letters and digits, as keys look (case matters here).
_KEY_LIKE = re.compile(r"\b(?=[\w-]*\d)(?=[\w-]*[A-Z])(?=[\w-]*[a-z])[\w-]{32,}\b")


def check(post: Post, context: Context) -> Iterable[Problem]:
    for part in post.parts:
        if not (not words(part.text).isdisjoint(_TRIGGERS) or _LONG.search(part.text) or "-----BEGIN" in part.text):
            continue
        match = _SECRET.search(part.text) or _KEY_LIKE.search(prose(part.text))
        if match:
            yield Problem(
                "this post contains what looks like a password, key or token",
                fix="remove it, and change that password or key now (it is in the repository's history)",
                line=line_in(part, match.start()),
            )
