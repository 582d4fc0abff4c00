"""A loopback stand-in for Slack, for tests.

``FakeSlack`` is a real HTTP server on 127.0.0.1 that speaks enough of the Slack
Web API (``/api/<method>``), the files_upload_v2 upload URL (``/upload/<file_id>``)
and slash-command/interactivity ``response_url`` webhooks (``/response/<name>``)
for the *unmodified* ``slack_sdk.WebClient`` (pointed at it with
``base_url=slack.api_url``) and Bolt to run against it.  It records every request
so tests can assert on what the bot sent, and can inject failures (429 with
Retry-After, 5xx, ``ok: false`` errors) to exercise retry handling.

Modelled on slack-bolt's ``tests/mock_web_api_server``, but with per-instance
state (no class-level globals), real method semantics (fresh ``ts`` values,
thread replies, file upload bookkeeping) and a ``threading.Condition`` so tests
can wait for asynchronous calls made by Bolt's background listeners.

The module also provides what a test needs to play *Slack calling the app*:
``signed_headers`` (real v0 signatures via slack_sdk's SignatureVerifier),
payload builders in Slack's documented wire formats, ``post`` (a tiny urllib
client) and ``serve_wsgi`` (run a WSGI app such as Bolt's SlackRequestHandler on
loopback in a thread).

What slack_sdk 3.48's sync WebClient actually sends (useful when asserting):

* every Web API call is a POST to ``base_url + method`` -- even methods the SDK
  declares as GET (conversations.replies, users.info) go as a form POST;
* ``chat.postMessage/postEphemeral/update`` send a JSON body; most others
  (auth.test, chat.delete, conversations.*, users.info, files.*) send
  ``application/x-www-form-urlencoded`` (auth.test with no args has an empty body);
* the token travels in ``Authorization: Bearer xoxb-...``;
* ``files_upload_v2`` is three requests: ``files.getUploadURLExternal``
  (filename, length, alt_txt, snippet_type), then a raw-bytes POST of the file to
  the returned ``upload_url`` (no Authorization header, urllib's default
  ``Content-Type: application/x-www-form-urlencoded``, no retry handlers), then
  ``files.completeUploadExternal`` with ``files`` as a JSON *string*
  ``[{"id":..,"title":..}]`` plus channel_id / thread_ts / initial_comment.
  ``alt_txt`` is only sent in step one, so this fake joins the steps up in
  ``completed_uploads``.
"""

from __future__ import annotations

import json
import socketserver
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Iterator
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_sdk.signature import SignatureVerifier

__all__ = [
    "BOT_USER_ID",
    "BOT_ID",
    "TEAM_ID",
    "Call",
    "FakeSlack",
    "signed_headers",
    "slash_command_body",
    "block_actions_body",
    "message_shortcut_body",
    "event_body",
    "app_mention_event",
    "im_message_event",
    "url_verification_body",
    "post",
    "serve_wsgi",
    "serve_asgi",
]

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T123"
TEAM_NAME = "Newsroom"
TEAM_DOMAIN = "newsroom"
BOT_NAME = "offences"
APP_ID = "A123"

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


# ---------------------------------------------------------------------------
# Recorded requests
# ---------------------------------------------------------------------------


@dataclass
class Call:
    """One request received by FakeSlack.

    ``kind`` is "api", "response" or "upload"; ``name`` is the response_url name
    or the upload's file id (None for API calls).  ``status`` is the HTTP status
    the fake answered with (set before the answer is written).
    """

    method: str
    path: str
    api_method: str | None
    headers: dict[str, str]
    body_bytes: bytes
    params: dict[str, Any]
    kind: str = "api"
    name: str | None = None
    status: int = 200
    response: Any = None

    def header(self, name: str, default: str | None = None) -> str | None:
        """Case-insensitive header lookup."""
        lname = name.lower()
        for k, v in self.headers.items():
            if k.lower() == lname:
                return v
        return default

    @property
    def token(self) -> str | None:
        """The bearer token (or a ``token`` param), if any."""
        auth = self.header("Authorization") or ""
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        tok = self.params.get("token") if isinstance(self.params, dict) else None
        return tok if isinstance(tok, str) else None

    def matches(self, key: str) -> bool:
        if self.kind == "api":
            return self.api_method == key
        if self.kind == "response":
            return self.name == key
        if self.kind == "upload":
            return key in ("upload", self.name)
        return False

    def __repr__(self) -> str:  # compact, for assertion messages
        target = self.api_method if self.kind == "api" else f"{self.kind}:{self.name}"
        shown = {k: (v if len(repr(v)) < 80 else repr(v)[:77] + "...") for k, v in (self.params or {}).items()}
        return f"<Call {self.method} {target} -> {self.status} {shown}>"


@dataclass
class _Failure:
    status: int | None  # None: answer normally (after ``delay``)
    error: str | None
    retry_after: int
    remaining: int
    delay: float = 0.0
    match: Callable[[dict[str, Any]], bool] | None = None


def _parse_body(content_type: str, body: bytes, query: str) -> dict[str, Any]:
    """Decode a Slack-style request body (form, JSON or multipart) plus query args."""
    params: dict[str, Any] = {}
    if query:
        params.update(_flatten(urllib.parse.parse_qs(query, keep_blank_values=True)))
    ctype = (content_type or "").split(";")[0].strip().lower()
    if not body:
        return params
    if ctype == JSON or ctype.endswith("+json"):
        try:
            decoded = json.loads(body.decode("utf-8"))
        except ValueError:
            return params
        if isinstance(decoded, dict):
            params.update(decoded)
        else:
            params["_json"] = decoded
    elif ctype == "multipart/form-data":
        params.update(_parse_multipart(content_type, body))
    else:  # form-encoded (also urllib's default when no Content-Type is given)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return params
        params.update(_flatten(urllib.parse.parse_qs(text, keep_blank_values=True)))
    return params


def _flatten(qs: dict[str, list[str]]) -> dict[str, Any]:
    return {k: v[0] if len(v) == 1 else v for k, v in qs.items()}


def _parse_multipart(content_type: str, body: bytes) -> dict[str, Any]:
    """Minimal multipart/form-data parser: text fields -> str, file parts -> bytes."""
    msg = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body)
    out: dict[str, Any] = {}
    if not msg.is_multipart():
        return out
    for part in msg.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not name:
            continue
        payload = part.get_payload(decode=True) or b""
        if part.get_filename() is not None:
            out[name] = payload
        else:
            out[name] = payload.decode("utf-8", "replace")
    return out


def _maybe_json(value: Any) -> Any:
    """Form-encoded Slack args carry blocks/files as JSON strings; decode them."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


# ---------------------------------------------------------------------------
# The server
# ---------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    fake: "FakeSlack"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # silence stderr noise
        pass

    def do_POST(self) -> None:
        self._handle()

    def do_GET(self) -> None:
        self._handle()

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        status, headers, payload = self.server.fake._dispatch(
            self.command, self.path, dict(self.headers.items()), body
        )
        if isinstance(payload, (dict, list)):
            data = json.dumps(payload).encode("utf-8")
            headers.setdefault("Content-Type", "application/json; charset=utf-8")
        else:
            data = payload.encode("utf-8") if isinstance(payload, str) else payload
            headers.setdefault("Content-Type", "text/plain; charset=utf-8")
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class FakeSlack:
    """Loopback Slack: Web API + upload URLs + response_url webhooks.

    Use ``with FakeSlack() as slack:`` (or ``start()``/``stop()``), then build
    ``WebClient(token="xoxb-test", base_url=slack.api_url)``.
    """

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.uploads: dict[str, bytes] = {}
        self.completed_uploads: list[dict[str, Any]] = []
        self.expected_token: str | None = None
        self._cond = threading.Condition()
        self._failures: dict[str, deque[_Failure]] = {}
        self._replies: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._thread_posts: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._upload_meta: dict[str, dict[str, Any]] = {}
        self._ts_counter = 0
        self._file_counter = 0
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------

    def start(self) -> "FakeSlack":
        if self._server is not None:
            return self
        server = _Server(("127.0.0.1", 0), _Handler)
        server.fake = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="FakeSlack", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def __enter__(self) -> "FakeSlack":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # -- addresses ----------------------------------------------------------

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeSlack is not running; call start() or use it as a context manager")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """For ``WebClient(base_url=...)``; ends with '/' as slack_sdk requires."""
        return f"{self.base_url}/api/"

    def response_url(self, name: str = "r1") -> str:
        """A response_url on this server; posts to it are recorded under ``name``."""
        return f"{self.base_url}/response/{urllib.parse.quote(name, safe='')}"

    # -- test configuration -------------------------------------------------

    def set_replies(self, channel: str, ts: str, messages: list[dict[str, Any]]) -> None:
        """What conversations.replies(channel, ts) returns (parent first, as Slack does)."""
        with self._cond:
            self._replies[(channel, ts)] = [dict(m) for m in messages]

    def fail_next(
        self,
        target: str,
        status: int | None = None,
        *,
        retry_after: int = 1,
        times: int = 1,
        error: str | None = None,
        match: Callable[[dict[str, Any]], bool] | None = None,
    ) -> None:
        """Make the next ``times`` requests to ``target`` fail, then behave normally.

        ``target`` is an API method ("chat.postMessage"), a response_url name, or
        "upload".  ``status=429`` answers with Retry-After and
        ``{"ok": false, "error": "ratelimited"}``; other non-200 statuses answer
        with a plain-text body; ``error="channel_not_found"`` (status omitted or
        200) answers HTTP 200 ``{"ok": false, "error": ...}``.  ``match`` (a
        predicate on the request's params) limits the failure to some requests,
        e.g. one channel's.
        """
        if status is None and error is None:
            raise ValueError("fail_next needs a status and/or an error")
        if status is None:
            status = 200
        if times < 1:
            raise ValueError("times must be >= 1")
        with self._cond:
            self._failures.setdefault(target, deque()).append(_Failure(status, error, retry_after, times, match=match))

    def delay_next(self, target: str, seconds: float, *, times: int = 1,
                   match: Callable[[dict[str, Any]], bool] | None = None) -> None:
        """Answer the next ``times`` requests to ``target`` normally, but only after ``seconds``."""
        with self._cond:
            self._failures.setdefault(target, deque()).append(_Failure(None, None, 0, times, delay=seconds,
                                                                       match=match))

    def reset(self) -> None:
        """Forget recorded calls, uploads and pending failures (keeps configuration)."""
        with self._cond:
            self.calls.clear()
            self.uploads.clear()
            self.completed_uploads.clear()
            self._failures.clear()
            self._thread_posts.clear()
            self._upload_meta.clear()

    # -- inspection ---------------------------------------------------------

    def calls_to(self, api_method: str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.kind == "api" and c.api_method == api_method]

    def responses_to(self, name: str) -> list[Any]:
        """JSON bodies posted to ``response_url(name)``, in arrival order."""
        with self._cond:
            return [c.params for c in self.calls if c.kind == "response" and c.name == name]

    def wait_for(
        self, key: str | Callable[[Call], bool], count: int = 1, timeout: float = 5.0
    ) -> list[Call]:
        """Block until ``count`` calls match ``key`` (API method, response name,
        "upload", or a predicate); return all matching calls so far."""
        match: Callable[[Call], bool] = key if callable(key) else (lambda c: c.matches(key))
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self.calls if match(c)]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    received = "\n  ".join(repr(c) for c in self.calls) or "(none)"
                    raise AssertionError(
                        f"FakeSlack: waited {timeout}s for {count} call(s) matching {key!r}, "
                        f"got {len(found)}. Received:\n  {received}"
                    )
                self._cond.wait(remaining)

    # -- request handling (called on server threads) -----------------------

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def _take_failure(self, key: str, params: dict[str, Any] | None = None) -> _Failure | None:
        with self._cond:
            queue = self._failures.get(key)
            for failure in list(queue or ()):
                if failure.match is not None and not failure.match(params or {}):
                    continue
                failure.remaining -= 1
                if failure.remaining <= 0:
                    queue.remove(failure)
                return failure
            return None

    def _injected(self, key: str, params: dict[str, Any] | None = None) -> _Failure | None:
        """The failure to answer with, if any; a delay-only entry sleeps here and answers normally."""
        failure = self._take_failure(key, params)
        if failure is not None and failure.delay:
            time.sleep(failure.delay)
        return failure if failure is not None and failure.status is not None else None

    @staticmethod
    def _failure_response(failure: _Failure) -> tuple[int, dict[str, str], Any]:
        if failure.error is not None:
            return failure.status, {}, {"ok": False, "error": failure.error}
        if failure.status == 429:
            return 429, {"Retry-After": str(failure.retry_after)}, {"ok": False, "error": "ratelimited"}
        reason = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}
        return failure.status, {}, reason.get(failure.status, f"HTTP {failure.status}")

    def _dispatch(
        self, http_method: str, raw_path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, str], Any]:
        parsed = urllib.parse.urlsplit(raw_path)
        path = parsed.path
        ctype = next((v for k, v in headers.items() if k.lower() == "content-type"), "")

        if path.startswith("/upload/"):
            file_id = urllib.parse.unquote(path[len("/upload/"):])
            content = body
            if ctype.lower().startswith("multipart/form-data"):
                parts = _parse_multipart(ctype, body)
                files = [v for v in parts.values() if isinstance(v, bytes)]
                content = files[0] if files else body
            call = Call(http_method, raw_path, None, headers, body, {}, kind="upload", name=file_id)
            failure = self._injected("upload")
            if failure is not None:
                status, rheaders, payload = self._failure_response(failure)
            elif file_id not in self._upload_meta:
                status, rheaders, payload = 404, {}, "unknown upload url"
            else:
                with self._cond:
                    self.uploads[file_id] = content
                status, rheaders, payload = 200, {}, f"OK - {len(content)}"
            call.status, call.response = status, payload
            self._record(call)
            return status, rheaders, payload

        if path.startswith("/response/"):
            name = urllib.parse.unquote(path[len("/response/"):])
            params = _parse_body(ctype, body, parsed.query)
            call = Call(http_method, raw_path, None, headers, body, params, kind="response", name=name)
            failure = self._injected(name, params)
            if failure is not None:
                status, rheaders, payload = self._failure_response(failure)
            else:
                status, rheaders, payload = 200, {}, "ok"
            call.status, call.response = status, payload
            self._record(call)
            return status, rheaders, payload

        if path.startswith("/api/"):
            api_method = path[len("/api/"):]
            params = _parse_body(ctype, body, parsed.query)
            call = Call(http_method, raw_path, api_method, headers, body, params)
            failure = self._injected(api_method, params)
            if failure is not None:
                status, rheaders, payload = self._failure_response(failure)
            elif self.expected_token is not None and call.token != self.expected_token:
                status, rheaders = 200, {}
                payload = {"ok": False, "error": "not_authed" if not call.token else "invalid_auth"}
            else:
                status, rheaders, payload = 200, {}, self._api(api_method, params)
            call.status, call.response = status, payload
            self._record(call)
            return status, rheaders, payload

        call = Call(http_method, raw_path, None, headers, body, {}, kind="other", name=path)
        call.status, call.response = 404, "not found"
        self._record(call)
        return 404, {}, "not found"

    # -- Web API methods ----------------------------------------------------

    def _next_ts(self) -> str:
        with self._cond:
            self._ts_counter += 1
            micros = self._ts_counter * 100
        return f"{1700000000 + micros // 1_000_000}.{micros % 1_000_000:06d}"

    def _next_file_id(self) -> str:
        with self._cond:
            self._file_counter += 1
            return f"F{self._file_counter:010d}"

    def _bot_message(self, params: dict[str, Any], ts: str) -> dict[str, Any]:
        msg: dict[str, Any] = {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "app_id": APP_ID,
            "team": TEAM_ID,
            "text": params.get("text", ""),
            "ts": ts,
        }
        for key in ("blocks", "attachments", "metadata"):
            if key in params:
                msg[key] = _maybe_json(params[key])
        if params.get("thread_ts"):
            msg["thread_ts"] = params["thread_ts"]
        return msg

    def _api(self, api_method: str, p: dict[str, Any]) -> dict[str, Any]:
        if api_method == "auth.test":
            return {
                "ok": True,
                "url": f"https://{TEAM_DOMAIN}.slack.com/",
                "team": TEAM_NAME,
                "user": BOT_NAME,
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if api_method == "chat.postMessage":
            channel = p.get("channel", "")
            ts = self._next_ts()
            message = self._bot_message(p, ts)
            if p.get("thread_ts"):
                with self._cond:
                    self._thread_posts.setdefault((channel, str(p["thread_ts"])), []).append(message)
            return {"ok": True, "channel": channel, "ts": ts, "message": message}
        if api_method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if api_method == "chat.update":
            ts = p.get("ts", "")
            return {
                "ok": True,
                "channel": p.get("channel", ""),
                "ts": ts,
                "text": p.get("text", ""),
                "message": self._bot_message(p, ts),
            }
        if api_method == "chat.delete":
            return {"ok": True, "channel": p.get("channel", ""), "ts": p.get("ts", "")}
        if api_method == "conversations.open":
            users = p.get("users") or ""
            if isinstance(users, list):
                users = ",".join(users)
            first = users.split(",")[0] if users else "U000"
            channel_id = p.get("channel") or f"D{first}"
            return {"ok": True, "no_op": True, "already_open": True, "channel": {"id": channel_id}}
        if api_method == "conversations.replies":
            channel, ts = p.get("channel", ""), str(p.get("ts", ""))
            with self._cond:
                configured = self._replies.get((channel, ts))
                posted = list(self._thread_posts.get((channel, ts), []))
            if configured is not None:
                messages = [dict(m) for m in configured]
            else:
                parent = {
                    "type": "message",
                    "user": "U123",
                    "text": "parent message",
                    "ts": ts,
                    "thread_ts": ts,
                    "reply_count": len(posted),
                }
                messages = [parent, *posted]
            return {"ok": True, "messages": messages, "has_more": False, "response_metadata": {"next_cursor": ""}}
        if api_method == "users.info":
            user = p.get("user", "")
            return {
                "ok": True,
                "user": {
                    "id": user,
                    "team_id": TEAM_ID,
                    "name": f"user-{user.lower()}",
                    "real_name": f"User {user}",
                    "deleted": False,
                    "is_bot": user == BOT_USER_ID,
                    "tz": "Europe/London",
                    "profile": {"display_name": f"user-{user.lower()}", "real_name": f"User {user}"},
                },
            }
        if api_method == "files.getUploadURLExternal":
            file_id = self._next_file_id()
            meta = {k: p[k] for k in ("filename", "length", "alt_txt", "alt_text", "snippet_type") if k in p}
            with self._cond:
                self._upload_meta[file_id] = meta
            return {"ok": True, "upload_url": f"{self.base_url}/upload/{file_id}", "file_id": file_id}
        if api_method == "files.completeUploadExternal":
            files = _maybe_json(p.get("files", "[]"))
            if not isinstance(files, list) or not files:
                return {"ok": False, "error": "invalid_arguments"}
            out_files, recorded = [], []
            with self._cond:
                for f in files:
                    fid = f.get("id")
                    if fid not in self._upload_meta:
                        return {"ok": False, "error": "file_not_found"}
                    meta = self._upload_meta[fid]
                    title = f.get("title") or meta.get("filename")
                    recorded.append(
                        {
                            **{k: v for k, v in f.items()},
                            "title": title,
                            "filename": meta.get("filename"),
                            "length": meta.get("length"),
                            "alt_txt": meta.get("alt_txt", meta.get("alt_text")),
                            "content": self.uploads.get(fid),
                        }
                    )
                    out_files.append({"id": fid, "title": title})
                self.completed_uploads.append(
                    {
                        "channel_id": p.get("channel_id"),
                        "channels": p.get("channels"),
                        "thread_ts": p.get("thread_ts"),
                        "initial_comment": p.get("initial_comment"),
                        "files": recorded,
                    }
                )
            return {"ok": True, "files": out_files}
        return {"ok": False, "error": "unknown_method"}


# ---------------------------------------------------------------------------
# Playing Slack -> app
# ---------------------------------------------------------------------------


def signed_headers(
    signing_secret: str,
    body: str | bytes,
    timestamp: int | None = None,
    content_type: str | None = None,
) -> dict[str, str]:
    """Headers Slack sends with a request: v0 signature, timestamp, Content-Type.

    ``content_type`` defaults to JSON for a body that looks like a JSON object
    (Events API) and ``application/x-www-form-urlencoded`` otherwise.
    """
    ts = str(int(time.time()) if timestamp is None else int(timestamp))
    signature = SignatureVerifier(signing_secret).generate_signature(timestamp=ts, body=body)
    if content_type is None:
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        content_type = JSON if text.lstrip().startswith("{") else FORM
    return {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature or "",
        "Content-Type": content_type,
    }


def _trigger_id() -> str:
    return f"{int(time.time())}.{TEAM_ID[1:]}.{uuid.uuid4().hex}"


def slash_command_body(
    text: str,
    response_url: str,
    command: str = "/offences",
    user_id: str = "U123",
    channel_id: str = "C123",
    team_id: str = TEAM_ID,
    trigger_id: str | None = None,
    *,
    user_name: str = "reporter",
    channel_name: str = "newsroom",
    team_domain: str = TEAM_DOMAIN,
    api_app_id: str = APP_ID,
) -> str:
    """Form-encoded slash command request body, fields as Slack sends them."""
    fields = {
        "token": "verification-token",
        "team_id": team_id,
        "team_domain": team_domain,
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": user_id,
        "user_name": user_name,
        "command": command,
        "text": text,
        "api_app_id": api_app_id,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id or _trigger_id(),
    }
    return urllib.parse.urlencode(fields)


def _user(user_id: str, team_id: str) -> dict[str, str]:
    name = f"user-{user_id.lower()}"
    return {"id": user_id, "username": name, "name": name, "team_id": team_id}


def block_actions_body(
    action_id: str,
    value: str,
    response_url: str,
    user_id: str = "U123",
    channel_id: str = "C123",
    message: dict[str, Any] | None = None,
    *,
    block_id: str = "b1",
    team_id: str = TEAM_ID,
    trigger_id: str | None = None,
    ephemeral: bool = False,
    api_app_id: str = APP_ID,
) -> str:
    """Form body ``payload=<json>`` for a button click (``block_actions``).

    ``message`` is the message holding the button (default: a bot message).  With
    ``ephemeral=True`` the payload has no ``message`` (Slack omits it for
    ephemeral messages) and ``container.is_ephemeral`` is true.
    """
    if message is None:
        message = {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "app_id": APP_ID,
            "team": team_id,
            "text": "message with a button",
            "ts": "1700000000.000100",
        }
    message_ts = message.get("ts", "1700000000.000100")
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": _user(user_id, team_id),
        "api_app_id": api_app_id,
        "token": "verification-token",
        "container": {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel_id,
            "is_ephemeral": ephemeral,
        },
        "trigger_id": trigger_id or _trigger_id(),
        "team": {"id": team_id, "domain": TEAM_DOMAIN},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel_id, "name": "newsroom"},
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": block_id,
                "text": {"type": "plain_text", "text": value, "emoji": True},
                "value": value,
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    if not ephemeral:
        payload["message"] = message
    return urllib.parse.urlencode({"payload": json.dumps(payload)})


def message_shortcut_body(
    callback_id: str,
    message_text: str,
    message_ts: str,
    channel_id: str,
    response_url: str,
    thread_ts: str | None = None,
    *,
    user_id: str = "U123",
    message_user: str = "U456",
    team_id: str = TEAM_ID,
    trigger_id: str | None = None,
) -> str:
    """Form body ``payload=<json>`` for a message shortcut (``message_action``)."""
    message: dict[str, Any] = {"type": "message", "user": message_user, "ts": message_ts, "text": message_text}
    if thread_ts is not None:
        message["thread_ts"] = thread_ts
    payload = {
        "type": "message_action",
        "token": "verification-token",
        "action_ts": f"{time.time():.6f}",
        "team": {"id": team_id, "domain": TEAM_DOMAIN},
        "user": _user(user_id, team_id),
        "channel": {"id": channel_id, "name": "newsroom"},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": trigger_id or _trigger_id(),
        "response_url": response_url,
        "message_ts": message_ts,
        "message": message,
    }
    return urllib.parse.urlencode({"payload": json.dumps(payload)})


def event_body(
    event: dict[str, Any],
    event_id: str = "Ev1",
    team_id: str = TEAM_ID,
    *,
    api_app_id: str = APP_ID,
    event_time: int | None = None,
) -> str:
    """JSON Events API envelope (``type: event_callback``) around ``event``."""
    envelope = {
        "token": "verification-token",
        "team_id": team_id,
        "api_app_id": api_app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()) if event_time is None else event_time,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{uuid.uuid4().hex}",
    }
    return json.dumps(envelope)


def app_mention_event(
    text: str, channel: str, ts: str, thread_ts: str | None = None, user: str = "U123"
) -> dict[str, Any]:
    """An ``app_mention`` event; ``text`` should contain ``<@UBOT>`` as Slack's does."""
    event: dict[str, Any] = {
        "type": "app_mention",
        "client_msg_id": str(uuid.uuid4()),
        "user": user,
        "text": text,
        "ts": ts,
        "team": TEAM_ID,
        "channel": channel,
        "event_ts": ts,
    }
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
    return event


def im_message_event(
    text: str, channel: str = "D123", ts: str = "1700000000.000200", user: str = "U123"
) -> dict[str, Any]:
    """A ``message`` event in a DM with the bot (``channel_type: im``)."""
    return {
        "type": "message",
        "client_msg_id": str(uuid.uuid4()),
        "user": user,
        "text": text,
        "ts": ts,
        "team": TEAM_ID,
        "channel": channel,
        "event_ts": ts,
        "channel_type": "im",
    }


def url_verification_body(challenge: str = "challenge-token") -> str:
    """JSON body of the Events API URL verification handshake."""
    return json.dumps({"token": "verification-token", "challenge": challenge, "type": "url_verification"})


def post(
    url: str, body: str | bytes, headers: dict[str, str], timeout: float = 5
) -> tuple[int, dict[str, str], str]:
    """POST ``body`` to ``url``; return (status, headers, body text) without raising on 4xx/5xx."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    req = urllib.request.Request(url, data=data, headers=dict(headers), method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, dict(resp.headers.items()), resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        with err:
            return err.code, dict(err.headers.items()), err.read().decode("utf-8", "replace")


# ---------------------------------------------------------------------------
# Serving the app under test
# ---------------------------------------------------------------------------


class _QuietWSGIHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
    block_on_close = False


@contextmanager
def serve_wsgi(wsgi_app: Callable[..., Any]) -> Iterator[str]:
    """Serve a WSGI app (e.g. Bolt's ``SlackRequestHandler(app)``) on 127.0.0.1.

    Yields the base URL ("http://127.0.0.1:PORT"); shuts down on exit.
    """
    server = make_server(
        "127.0.0.1", 0, wsgi_app, server_class=_ThreadingWSGIServer, handler_class=_QuietWSGIHandler
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=2)


@contextmanager
def serve_asgi(asgi_app: Callable[..., Any], *, http: Any = "httptools") -> Iterator[str]:
    """Serve an ASGI app under uvicorn on 127.0.0.1 in a thread (``http`` may be a protocol class,
    as `offences serve` passes its guarded one). Yields the base URL; shuts down on exit."""
    import socket

    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(asgi_app, http=http, loop="asyncio", lifespan="off", log_config=None,
                            access_log=False, timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="uvicorn")
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        sock.close()
