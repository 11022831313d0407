"""A Mastodon server on 127.0.0.1 (pytest-httpserver), answering in the shapes Mastodon's API documents:
the v2 instance information, v2 media uploads and statuses, with the Idempotency-Key behaviour
(a repeated key answers with the status it made the first time), and ``DELETE /api/v1/statuses/:id``
(answers with the deleted status and its source text; 404 "Record not found" when it is not there)."""

from __future__ import annotations

import json
import re

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

TOKEN = "fakeMASTODONtoken7Qx2Wv9"
ENV = {"POSTPLAN_TOOT_ACCESS_TOKEN": TOKEN}
ACCOUNT = "toot"


def instance_info(max_characters: int = 500) -> dict:
    """GET /api/v2/instance, trimmed to what a client reads (docs.joinmastodon.org/entities/Instance)."""
    return {
        "domain": "tregarrow.social", "title": "Tregarrow Social", "version": "4.3.2",
        "source_url": "https://github.com/mastodon/mastodon", "api_versions": {"mastodon": 2},
        "configuration": {
            "urls": {"streaming": "wss://tregarrow.social"},
            "accounts": {"max_featured_tags": 10},
            "statuses": {"max_characters": max_characters, "max_media_attachments": 4,
                         "characters_reserved_per_url": 23},
            "media_attachments": {"supported_mime_types": ["image/jpeg", "image/png", "image/gif", "image/webp"],
                                  "image_size_limit": 16777216, "image_matrix_limit": 33177600,
                                  "video_size_limit": 103809024, "video_frame_rate_limit": 120,
                                  "video_matrix_limit": 8294400, "description_limit": 1500},
            "polls": {"max_options": 4, "max_characters_per_option": 50, "min_expiration": 300,
                      "max_expiration": 2629746},
            "translation": {"enabled": False},
        },
    }


class FakeMastodon:
    """Statuses made, uploads with their descriptions, and every request's method and path, in order."""

    def __init__(self, server: HTTPServer, max_characters: int = 500, fail_statuses: int = 0):
        self.server, self.base = server, server.url_for("").rstrip("/")
        self.statuses: list[dict] = []
        self.media: list[dict] = []
        self.keys: dict[str, dict] = {}
        self.requests: list[tuple[str, str]] = []
        self.fail_statuses = fail_statuses  # answer this many status posts with 503 (after making them)
        self.forbidden: set[str] = set()  # paths the token has no scope for
        self.deleted: list[str] = []  # ids of statuses deleted, in order
        server.expect_request("/api/v2/instance/", method="GET").respond_with_handler(
            self._logged(lambda r: _json(instance_info(max_characters))))
        server.expect_request("/api/v2/media", method="POST").respond_with_handler(self._logged(self._upload))
        server.expect_request("/api/v1/statuses", method="POST").respond_with_handler(self._logged(self._status))
        server.expect_request(re.compile(r"/api/v1/statuses/\d+"), method="DELETE").respond_with_handler(
            self._logged(self._delete))

    def standing(self) -> list[dict]:
        """The statuses still on the account."""
        return [status for status in self.statuses if status["id"] not in self.deleted]

    def _logged(self, handler):
        def answer(request: Request) -> Response:
            self.requests.append((request.method, request.path))
            if request.path != "/api/v2/instance/" and request.headers.get("Authorization") != f"Bearer {TOKEN}":
                return _json({"error": "The access token is invalid"}, 401)
            if request.path in self.forbidden:
                return _json({"error": "This action is outside the authorized scopes"}, 403)
            return handler(request)
        return answer

    def _upload(self, request: Request) -> Response:
        upload = request.files["file"]
        media = {"id": str(22345792 + len(self.media)), "type": "image",
                 "url": f"https://files.tregarrow.social/media/{len(self.media)}.jpeg", "preview_url": None,
                 "remote_url": None, "meta": {}, "description": request.form.get("description"), "blurhash": None,
                 "bytes": len(upload.read())}
        self.media.append(media)
        return _json(media)

    def _status(self, request: Request) -> Response:
        body = request.get_json() if request.is_json else {k: request.form.getlist(k) if k.endswith("[]")
                                                          else request.form[k] for k in request.form}
        key = request.headers.get("Idempotency-Key")
        if key in self.keys:
            return _json(self.keys[key])
        number = 109000000000000000 + len(self.statuses)
        status = {"id": str(number), "created_at": "2027-06-01T07:31:00.000Z", "visibility": body.get("visibility"),
                  "in_reply_to_id": body.get("in_reply_to_id"), "uri": f"{self.base}/users/office/statuses/{number}",
                  "url": f"https://tregarrow.social/@office/{number}", "content": f"<p>{body.get('status')}</p>",
                  "media_attachments": [m for m in self.media if m["id"] in _ids(body)], "poll": body.get("poll"),
                  "text_sent": body.get("status"), "key": key}
        self.statuses.append(status)
        if key:
            self.keys[key] = status
        if self.fail_statuses:
            self.fail_statuses -= 1
            return _json({"error": "Service Unavailable"}, 503)
        return _json(status)


    def _delete(self, request: Request) -> Response:
        number = request.path.rsplit("/", 1)[-1]
        found = next((status for status in self.standing() if status["id"] == number), None)
        if found is None:
            return _json({"error": "Record not found"}, 404)
        self.deleted.append(number)
        return _json({**found, "text": found["text_sent"]})


def _ids(body: dict) -> list[str]:
    found = body.get("media_ids") or body.get("media_ids[]") or []
    return [str(i) for i in (found if isinstance(found, list) else [found])]


def _json(data: dict, status: int = 200) -> Response:
    return Response(json.dumps(data), status=status, content_type="application/json")


def mastodon_account(base: str) -> str:
    """The account's settings, as YAML flow items, on the fake server."""
    assert re.fullmatch(r"http://(localhost|127\.0\.0\.1):\d+", base), base
    return f'platform: mastodon, handle: "@office", instance: "{base}"'
