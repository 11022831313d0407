"""Which publisher posts for an account: one maker per platform postplan can post to.

``MAKERS`` has exactly the platforms the settings accept (``postplan.platforms.POSTING``; a test keeps
the two equal), so an account the settings accepted always has a publisher. Each platform's client
library is imported only when its account really posts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from postplan.models import Account
from postplan.publish.platform import Publisher


def _x(account_id: str, account: Account, credentials: Any, extra: dict) -> Publisher:
    from postplan.platforms import DEFAULT_REPLY_SETTINGS
    from postplan.publish.x import XPublisher

    return XPublisher(account_id, account.handle, credentials,
                      reply_settings=account.reply_settings or DEFAULT_REPLY_SETTINGS, **extra)


def _mastodon(account_id: str, account: Account, token: Any, extra: dict) -> Publisher:
    from postplan.publish.mastodon import MastodonPublisher

    return MastodonPublisher(account_id, account.instance, token, **_only(extra, "sleep"))


def _bluesky(account_id: str, account: Account, token: Any, extra: dict) -> Publisher:
    from postplan.publish import bluesky

    # The server is Bluesky's own (bluesky.SERVICE); tests point that at a local one.
    return bluesky.BlueskyPublisher(account_id, account.handle, token, service=bluesky.SERVICE,
                                    **_only(extra, "sleep"))


def _facebook(account_id: str, account: Account, token: Any, extra: dict) -> Publisher:
    from postplan.publish import facebook

    return facebook.FacebookPublisher(account_id, account.page_id, token, graph=facebook.GRAPH,
                                      **_only(extra, "sleep"))


def _only(extra: dict, *names: str) -> dict:
    return {name: value for name, value in extra.items() if name in names}


MAKERS: dict[str, Callable[[str, Account, Any, dict], Publisher]] = {
    "x": _x,
    "mastodon": _mastodon,
    "bluesky": _bluesky,
    "facebook": _facebook,
}


# Platforms whose publisher settles an unknown outcome by asking the platform (``settle``), not a person.
SETTLES = ("x", "mastodon", "bluesky", "facebook")


def make_publisher(account_id: str, account: Account, credentials: Any, extra: dict) -> Publisher:
    """The publisher for one account; ``extra`` holds the test hooks (``sleep``, ``clock``) X takes."""
    return MAKERS[account.platform](account_id, account, credentials, extra)
