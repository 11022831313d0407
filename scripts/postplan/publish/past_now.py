"""A pinned time in the past never sends for real: ``--now`` (or POSTPLAN_NOW) is for tests and previews.

With credentials set, ``publish --now 2026-09-01T08:00`` would send what was due then, now: a "see you
tomorrow" weeks late, on the school's real account. So a pinned time more than a few minutes behind
the machine's clock is refused for a real run, unless ``--allow-past-now`` says it is meant (catching
up by hand after an outage). Dry runs and the outbox are never refused: they send nothing.
"""

from __future__ import annotations

import datetime as dt

from postplan.wording import duration

TOLERANCE = dt.timedelta(minutes=5)  # clocks drift, and a run takes a while to start
FLAG = "--allow-past-now"


def refusal(now: dt.datetime, real_now: dt.datetime | None = None) -> str | None:
    """Why a real run at the pinned ``now`` must not send, or None when ``now`` is close to the real time."""
    real_now = real_now or dt.datetime.now(dt.timezone.utc)
    behind = real_now - now
    if behind <= TOLERANCE:
        return None
    return (f"--now (or POSTPLAN_NOW) is {duration(behind)} behind this machine's clock, and credentials are set: "
            f"a real run would send what was due then, late. Nothing was sent. Use --dry-run to see what would "
            f"go out, unset POSTPLAN_NOW, or add {FLAG} if sending late is really meant.")

