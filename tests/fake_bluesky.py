"""A Bluesky server (PDS) on 127.0.0.1 (pytest-httpserver), answering the XRPC methods postplan uses in
the shapes the atproto lexicons define: createSession, resolveHandle, uploadBlob, applyWrites and
getRecord, and deleteRecord (which succeeds for a record that is not there). Like the real PDS today, creating a record whose key is taken answers 500."""

from __future__ import annotations

import base64
import hashlib
import json

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

PASSWORD = "fake-blue-app-pass-9k2q"
ENV = {"POSTPLAN_SKY_APP_PASSWORD": PASSWORD}
ACCOUNT, HANDLE, DID = "sky", "tregarrow.bsky.social", "did:plc:tregarrowschool0000001"
KNOWN = {"bbc.co.uk": "did:plc:bbcnews00000000000000001"}


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


ACCESS = ".".join([_b64({"alg": "HS256", "typ": "at+jwt"}),
                   _b64({"scope": "com.atproto.appPass", "sub": DID, "iat": 1800000000, "exp": 4102444800}),
                   "c2lnbmF0dXJl"])


def cid(data: object) -> str:
    digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).digest()
    return "bafyrei" + base64.b32encode(digest).decode().lower().rstrip("=")


class FakeBluesky:
    """The account's records by (collection, rkey), blobs uploaded, and every XRPC method called, in order."""

    def __init__(self, server: HTTPServer, fail_writes: int = 0):
        self.base = server.url_for("").rstrip("/")
        self.records: dict[tuple[str, str], dict] = {}
        self.blobs: list[dict] = []
        self.calls: list[str] = []
        self.deleted: list[tuple[str, str]] = []  # (collection, rkey) of each record deleted
        self.fail_writes = fail_writes  # answer this many applyWrites with 502 after writing them
        for method, handler, verb in (("com.atproto.server.createSession", self._session, "POST"),
                                      ("com.atproto.identity.resolveHandle", self._resolve, "GET"),
                                      ("com.atproto.repo.uploadBlob", self._blob, "POST"),
                                      ("com.atproto.repo.applyWrites", self._writes, "POST"),
                                      ("com.atproto.repo.getRecord", self._get, "GET"),
                                      ("com.atproto.repo.deleteRecord", self._delete, "POST")):
            server.expect_request(f"/xrpc/{method}", method=verb).respond_with_handler(self._logged(method, handler))

    def posts(self) -> list[dict]:
        return [r["value"] for (collection, _), r in self.records.items() if collection == "app.bsky.feed.post"]

    def _logged(self, method: str, handler):
        def answer(request: Request) -> Response:
            self.calls.append(method)
            public = method in ("com.atproto.server.createSession", "com.atproto.identity.resolveHandle")
            if not public and request.headers.get("Authorization") != f"Bearer {ACCESS}":
                return _json({"error": "AuthenticationRequired", "message": "Authentication Required"}, 401)
            return handler(request)
        return answer

    def _session(self, request: Request) -> Response:
        body = request.get_json()
        if body.get("identifier") != HANDLE or body.get("password") != PASSWORD:
            return _json({"error": "AuthenticationRequired", "message": "Invalid identifier or password"}, 401)
        return _json({"accessJwt": ACCESS, "refreshJwt": ACCESS, "handle": HANDLE, "did": DID, "active": True})

    def _resolve(self, request: Request) -> Response:
        did = {HANDLE: DID, **KNOWN}.get(request.args["handle"])
        if did is None:
            return _json({"error": "InvalidRequest", "message": "Unable to resolve handle"}, 400)
        return _json({"did": did})

    def _blob(self, request: Request) -> Response:
        data = request.get_data()
        blob = {"$type": "blob", "ref": {"$link": cid(len(self.blobs))}, "mimeType": request.content_type,
                "size": len(data)}
        self.blobs.append({**blob, "bytes": data})
        return _json({"blob": blob})

    def _writes(self, request: Request) -> Response:
        body = request.get_json()
        if any((w["collection"], w["rkey"]) in self.records for w in body["writes"]):
            return _json({"error": "InternalServerError", "message": "Internal Server Error"}, 500)
        results = []
        for write in body["writes"]:
            uri = f"at://{DID}/{write['collection']}/{write['rkey']}"
            self.records[(write["collection"], write["rkey"])] = {"uri": uri, "cid": cid(write["value"]),
                                                                   "value": write["value"]}
            results.append({"$type": "com.atproto.repo.applyWrites#createResult", "uri": uri,
                            "cid": cid(write["value"]), "validationStatus": "valid"})
        if self.fail_writes:
            self.fail_writes -= 1
            return _json({"error": "UpstreamFailure", "message": "Bad Gateway"}, 502)
        return _json({"commit": {"cid": cid(results), "rev": "3l3qo2vuowo2b"}, "results": results})

    def _delete(self, request: Request) -> Response:
        body = request.get_json()
        if body["repo"] not in (DID, HANDLE):
            return _json({"error": "InvalidRequest", "message": "Could not find repo"}, 400)
        if self.records.pop((body["collection"], body["rkey"]), None) is None:
            return _json({})  # nothing to delete: the PDS answers without a commit
        self.deleted.append((body["collection"], body["rkey"]))
        return _json({"commit": {"cid": cid(self.deleted), "rev": "3l3qo2vuowo3c"}})

    def _get(self, request: Request) -> Response:
        found = self.records.get((request.args["collection"], request.args["rkey"]))
        if found is None or request.args["repo"] not in (DID, HANDLE):
            uri = f"at://{request.args['repo']}/{request.args['collection']}/{request.args['rkey']}"
            return _json({"error": "RecordNotFound", "message": f"Could not locate record: {uri}"}, 400)
        return _json(found)


def _json(data: dict, status: int = 200) -> Response:
    return Response(json.dumps(data), status=status, content_type="application/json")


def bluesky_account() -> str:
    return f'platform: bluesky, handle: "@{HANDLE}"'
