"""Every field has the right name and type, and every required field is there.

Unknown fields are errors with a "did you mean" suggestion, so a typo (``publsh_at``) cannot quietly
drop a setting. Required: ``publish_at`` and ``author``. ``status`` is one of draft, proposed,
approved; ``media`` is a list of ``{file, alt, people, consent}``; ``poll`` has ``options`` and
``duration``; ``allow`` entries need a ``rule`` and a ``reason``.

Passes: ``status: proposed``. Fails: ``status: aproved``; ``publsh_at: 2027-06-01 08:30``;
``people: maybe``.
"""

from postplan.findings import Severity

ID = "schema"
SEVERITY = Severity.ERROR
SUMMARY = "Fields must be known, of the right type, and the required ones present."
POLICY = "Design: the post format (publish_at, status, author, approved_by, media, poll, allow)."
