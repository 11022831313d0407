"""X's API v2 for one account, answering through ``responses`` (tweepy's requests never leave the process),
with the account's posts kept in a folder so a run killed mid-send and the run after it see one account.

It answers ``POST /2/tweets`` as X's recorded 201 does (``tests/anchors/tweepy``), and
``GET /2/users/:id/tweets`` as the recorded timeline does: newest first, links shown as t.co addresses,
``&`` escaped, a reply's ``referenced_tweets``, only posts made since ``start_time``, at most
``max_results``. ``GET /2/users/me`` answers with the recorded user, ``DELETE /2/tweets/:id`` as the
recorded delete. Every request is listed in ``calls``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import responses
import yaml

from conftest import ANCHORS
from postplan.links import URL
from publish_helpers import TWEETS, recorded_create

USER_ID = "123456"  # the digits the fake access token begins with (publish_helpers.FAKE_KEYS)
TIMELINE = re.compile(r"https://api\.twitter\.com/2/users/(\d+)/tweets")
ONE_POST = re.compile(r"https://api\.twitter\.com/2/tweets/(\d+)")
ME = "https://api.twitter.com/2/users/me"
TIMELINE_READ, POSTED, WHO, DELETED = "timeline", "post", "me", "delete"


def recorded(cassette: str) -> dict:
    """The JSON body of a recorded tweepy answer (gzip decoded)."""
    interactions = yaml.safe_load((ANCHORS / "tweepy" / f"{cassette}.yaml").read_text())["interactions"]
    return json.loads(gzip.decompress(interactions[0]["response"]["body"]["string"]))


class FakeX:
    """The account's posts (``posts``, oldest first) live in ``folder/account.json``; ``at`` is X's clock."""

    def __init__(self, folder: Path, at: str = "2027-06-01T07:31:00.000Z"):
        self.path, self.at = folder / "account.json", at
        folder.mkdir(parents=True, exist_ok=True)
        self.calls: list[str] = []
        self.timeline_failures: list[int] = []  # statuses to answer the next timeline reads with
        self.post_failures: list[int] = []  # statuses for the next posts (5xx: made all the same; 403: duplicate)
        self.echo_next_post = False  # answer the next post with a 400 that repeats its Authorization header

    def install(self, mock: responses.RequestsMock) -> FakeX:
        for method, url, answer in ((responses.POST, TWEETS, self._post), (responses.GET, TIMELINE, self._timeline),
                                    (responses.GET, ME, self._me), (responses.DELETE, ONE_POST, self._delete)):
            mock.add_callback(method, url, callback=answer, content_type="application/json")
        return self

    @property
    def posts(self) -> list[dict]:
        return json.loads(self.path.read_text()) if self.path.exists() else []

    def add(self, text: str, at: str, reply_to: str | None = None) -> dict:
        """A post the account has (made by hand, or by an earlier run), shown as X shows it."""
        post = {"id": str(1799000000000000001 + len(self.posts)), "text": _shown(text), "created_at": at,
                "edit_history_tweet_ids": []}
        post["edit_history_tweet_ids"] = [post["id"]]
        if reply_to:
            post["referenced_tweets"] = [{"type": "replied_to", "id": reply_to}]
        self.path.write_text(json.dumps([*self.posts, post]))
        return post

    def _post(self, request):
        self.calls.append(POSTED)
        sent = json.loads(request.body)
        if self.echo_next_post:  # a careless server quoting back what it was sent
            self.echo_next_post = False
            said = f"Invalid Request: {request.headers['Authorization']}"
            return 400, {}, json.dumps({"title": "Invalid Request", "detail": said, "type": "about:blank"})
        if self.post_failures and self.post_failures[0] < 500:
            return _problem(self.post_failures.pop(0))
        post = self.add(sent["text"], self.at, sent.get("reply", {}).get("in_reply_to_tweet_id"))
        if self.post_failures:
            return _problem(self.post_failures.pop(0))
        body, headers = recorded_create()
        body["data"].update(id=post["id"], text=post["text"], edit_history_tweet_ids=[post["id"]])
        return 201, headers, json.dumps(body)

    def _timeline(self, request):
        self.calls.append(TIMELINE_READ)
        if self.timeline_failures:
            return _problem(self.timeline_failures.pop(0))
        query = {key: values[0] for key, values in parse_qs(urlsplit(request.url).query).items()}
        assert TIMELINE.match(request.url.split("?")[0]).group(1) == USER_ID
        assert {"created_at", "referenced_tweets"} <= set(query["tweet.fields"].split(","))
        since = _time(query["start_time"])
        shown = [post for post in reversed(self.posts) if _time(post["created_at"]) >= since]
        shown = shown[:int(query["max_results"])]
        body = recorded("test_client_get_users_tweets")
        body["data"] = shown
        body["meta"] = {"result_count": len(shown)}
        if shown:
            body["meta"].update(newest_id=shown[0]["id"], oldest_id=shown[-1]["id"])
        else:
            del body["data"]
        return 200, {}, json.dumps(body)

    def _delete(self, request):
        self.calls.append(DELETED)
        number = ONE_POST.match(request.url).group(1)
        self.path.write_text(json.dumps([post for post in self.posts if post["id"] != number]))
        return 200, {}, json.dumps({"data": {"deleted": True}})

    def _me(self, request):
        self.calls.append(WHO)
        body = recorded("test_client_get_me")
        body["data"]["id"] = USER_ID
        return 200, {}, json.dumps(body)


def _shown(text: str) -> str:
    """Text as X shows it: every link a t.co address, and &, < and > escaped."""
    shortened = URL.sub(lambda link: "https://t.co/Zq3xK9pLmW", text)
    return html.escape(shortened, quote=False)


def _problem(status: int):
    headers = {"x-rate-limit-reset": "1812009000"} if status == 429 else {}
    title, detail = {403: ("Forbidden", "You are not allowed to create a Tweet with duplicate content."),
                     429: ("Too Many Requests", "Too Many Requests"),
                     500: ("Internal Server Error", "Internal Server Error")}[status]
    return status, headers, json.dumps({"title": title, "detail": detail, "type": "about:blank", "status": status})


def _time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
