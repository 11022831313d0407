"""Credentials: read only from environment variables named after the account, never shown.

For account ``school`` on X: POSTPLAN_SCHOOL_API_KEY, POSTPLAN_SCHOOL_API_SECRET, POSTPLAN_SCHOOL_ACCESS_TOKEN
and POSTPLAN_SCHOOL_ACCESS_TOKEN_SECRET (the four OAuth 1.0a user keys X's developer portal issues); on
Mastodon POSTPLAN_SCHOOL_ACCESS_TOKEN (the token of an application made in the account's preferences);
on Bluesky POSTPLAN_SCHOOL_APP_PASSWORD; for a Facebook Page POSTPLAN_SCHOOL_PAGE_TOKEN.
Only the variables' names ever appear in messages; every text the publisher shows or records first
passes through ``Scrubber``, which masks any credential value that slipped into it.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

KEYS = ("API_KEY", "API_SECRET", "ACCESS_TOKEN", "ACCESS_TOKEN_SECRET")
# Platforms other than X need one secret each, named here.
TOKENS = {"mastodon": "ACCESS_TOKEN", "bluesky": "APP_PASSWORD", "facebook": "PAGE_TOKEN"}
MASK = "****"
# Libraries that log signed request headers at DEBUG (they hold the API key and the access token).
NOISY_LOGGERS = ("oauthlib", "requests_oauthlib")


def variable_names(account_id: str, platform: str = "x") -> tuple[str, ...]:
    """The environment variables that hold one account's keys (X's in the order its portal lists them)."""
    prefix = "POSTPLAN_" + re.sub(r"[^A-Z0-9]", "_", account_id.upper())
    keys = (TOKENS[platform],) if platform in TOKENS else KEYS
    return tuple(f"{prefix}_{key}" for key in keys)


class CredentialsError(Exception):
    """Some but not all of an account's variables are set: a mistake to name, never to guess around."""


@dataclass(frozen=True)
class Credentials:
    """One account's four keys. ``repr`` never shows them, so a stray print or traceback cannot leak them."""

    api_key: str
    api_secret: str
    access_token: str
    access_token_secret: str

    def __repr__(self) -> str:
        return f"Credentials({MASK})"

    def values(self) -> tuple[str, ...]:
        return (self.api_key, self.api_secret, self.access_token, self.access_token_secret)


@dataclass(frozen=True)
class Token:
    """The one secret a Mastodon, Bluesky or Facebook account needs; ``repr`` never shows it."""

    value: str

    def __repr__(self) -> str:
        return f"Token({MASK})"

    def values(self) -> tuple[str, ...]:
        return (self.value,)


def read_credentials(account_id: str, environ: Mapping[str, str] | None = None,
                     platform: str = "x") -> Credentials | Token | None:
    """The account's keys from the environment; None when none are set; an error when only some are."""
    environ = os.environ if environ is None else environ
    names = variable_names(account_id, platform)
    values = [environ.get(name, "").strip() for name in names]
    if not any(values):
        return None
    if platform in TOKENS:
        return Token(values[0])
    missing = [name for name, value in zip(names, values) if not value]
    if missing:
        raise CredentialsError(
            f"account '{account_id}': {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not set "
            f"(all four are needed: {', '.join(names)})"
        )
    return Credentials(*values)


class Scrubber:
    """Masks credential values (as they are, and URL-encoded) in any text before it is shown or stored."""

    def __init__(self, secrets: list[str] | tuple[str, ...] = ()):
        self._secrets: list[str] = []
        self.add(*secrets)

    def add(self, *secrets: str) -> None:
        forms = {form for secret in secrets if len(secret) >= 4 for form in (secret, quote(secret, safe=""))}
        self._secrets = sorted({*self._secrets, *forms}, key=len, reverse=True)

    def __call__(self, text: object) -> str:
        text = str(text)
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text


def keep_out_of_logs(*secrets: str) -> None:
    """Keep credential values out of every log line, whichever library writes it.

    tweepy logs each answer's body at DEBUG, and a server may quote back the Authorization header it was
    sent (the API key and access token in OAuth 1.0a's): every log record made from now on is written
    with the values masked. OAuth libraries' DEBUG lines (signed headers, base strings) are not written.
    """
    for name in NOISY_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level < logging.INFO:
            logger.setLevel(logging.INFO)
    _LOGGED.add(*secrets)
    if not getattr(logging.getLogRecordFactory(), "masks_credentials", False):
        logging.setLogRecordFactory(_masking(logging.getLogRecordFactory()))


_LOGGED = Scrubber()  # the values masked in log records: every credential read in this process


def _masking(make_record):
    """A log record factory that formats each message at once, with every credential value masked."""
    def make(*args, **kwargs) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed message: leave it to logging's own error report
            return record
        masked = _LOGGED(message)
        if masked != message:
            record.msg, record.args = masked, None
        return record
    make.masks_credentials = True
    return make
