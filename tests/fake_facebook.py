"""A Facebook Graph API on 127.0.0.1 (pytest-httpserver) for one Page, answering as the Graph API
documents: ``POST /{page-id}/photos`` (unpublished photos), ``POST /{page-id}/feed`` (with
``attached_media``), ``GET /{page-id}/feed`` and ``DELETE /{post-id}`` (``{"success": true}``, or error
100 when the post is not there); errors as ``{"error": {"message", "type", "code"}}``."""

from __future__ import annotations

import json
import re

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

TOKEN = "fakePAGEtokenEAAB4k9Zq"
ENV = {"POSTPLAN_PAGE_PAGE_TOKEN": TOKEN}
ACCOUNT, PAGE = "page", "104729835512345"
VERSION = "v25.0"


class FakeFacebook:
    """The page's posts (newest first, as the feed lists them), photos, and every request made, in order."""

    def __init__(self, server: HTTPServer, fail_posts: int = 0, earlier: list[dict] | None = None):
        self.base = server.url_for("").rstrip("/")
        self.posts: list[dict] = list(earlier or [])  # posts the page already had
        self.photos: list[dict] = []
        self.requests: list[tuple[str, str]] = []
        self.fail_posts = fail_posts  # answer this many feed posts with 500 after making them
        self.down = False  # an outage: every feed post is answered with 500 and nothing is made
        feed, photos = f"/{VERSION}/{PAGE}/feed", f"/{VERSION}/{PAGE}/photos"
        server.expect_request(feed, method="POST").respond_with_handler(self._logged(self._post))
        server.expect_request(feed, method="GET").respond_with_handler(self._logged(self._feed))
        server.expect_request(photos, method="POST").respond_with_handler(self._logged(self._photo))
        server.expect_request(re.compile(rf"/{VERSION}/{PAGE}_\d+"), method="DELETE").respond_with_handler(
            self._logged(self._delete))
        self.deleted: list[str] = []  # ids of posts deleted, in order

    def _logged(self, handler):
        def answer(request: Request) -> Response:
            self.requests.append((request.method, request.path.rsplit("/", 1)[-1]))
            if request.headers.get("Authorization") != f"Bearer {TOKEN}":
                return _json({"error": {"message": "Invalid OAuth access token - Cannot parse access token",
                                        "type": "OAuthException", "code": 190, "fbtrace_id": "AbCdEf"}}, 400)
            return handler(request)
        return answer

    def _photo(self, request: Request) -> Response:
        photo = {"id": str(2200000000000001 + len(self.photos)), "published": request.form["published"],
                 "alt_text_custom": request.form.get("alt_text_custom"), "bytes": len(request.files["source"].read())}
        self.photos.append(photo)
        return _json({"id": photo["id"]})

    def _post(self, request: Request) -> Response:
        if self.down:
            return _json({"error": {"message": "An unknown error occurred", "type": "OAuthException",
                                    "is_transient": True, "code": 1}}, 500)
        attached = [json.loads(value)["media_fbid"] for key, value in sorted(request.form.items())
                    if key.startswith("attached_media[")]
        post = {"id": f"{PAGE}_{880000000000001 + len(self.posts)}", "message": request.form["message"],
                "created_time": "2027-06-01T07:31:00+0000", "attached": attached}
        self.posts.insert(0, post)
        if self.fail_posts:
            self.fail_posts -= 1
            return _json({"error": {"message": "An unexpected error has occurred. Please retry your request later.",
                                    "type": "OAuthException", "is_transient": True, "code": 2}}, 500)
        return _json({"id": post["id"]})

    def _delete(self, request: Request) -> Response:
        post_id = request.path.rsplit("/", 1)[-1]
        if not any(post["id"] == post_id for post in self.posts):
            return _json({"error": {"message": f"Unsupported delete request. Object with ID '{post_id}' does not "
                                    "exist, cannot be loaded due to missing permissions, or does not support this "
                                    "operation.", "type": "GraphMethodException", "code": 100,
                                    "error_subcode": 33, "fbtrace_id": "AbCdEg"}}, 400)
        self.posts = [post for post in self.posts if post["id"] != post_id]
        self.deleted.append(post_id)
        return _json({"success": True})

    def _feed(self, request: Request) -> Response:
        limit = int(request.args.get("limit", 25))
        shown = [{k: p[k] for k in ("id", "message", "created_time")} for p in self.posts[:limit]]
        return _json({"data": shown, "paging": {"cursors": {"before": "QVFIUm", "after": "QVFIUn"}}})


def _json(data: dict, status: int = 200) -> Response:
    return Response(json.dumps(data), status=status, content_type="application/json")


def facebook_account() -> str:
    return f'platform: facebook, handle: "@TregarrowSchool", page_id: "{PAGE}"'
