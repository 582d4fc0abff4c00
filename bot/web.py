"""The HTTP face of the Slack app: cheap guards in front of Bolt, served as ASGI (what `offences serve`
runs under uvicorn) or WSGI (the same guards, for embedding in another WSGI server).

Why guards in front of Bolt rather than Bolt alone: Bolt parses a body before it checks the signature
(so `null`, `[1]` or `payload=%7Bnope` raise, and the server answers 500 with a traceback), reads a
body of any size into memory, and answers a wrong method with 404. Here a request is refused as early
and as cheaply as possible, with one log line and no traceback:

  /healthz (GET/HEAD)  200 at once, from the event loop: never queued behind Slack work; its body says
                       when shared state (Redis) is unreachable and this instance runs on its own memory
  unknown path         404;   wrong method 405 (Allow: POST)
  Content-Length > 1 MB  413 before a byte of the body is read; a body without one is counted as it
                       streams in and refused at the same limit
  body not complete within READ_TIMEOUT seconds  408, connection closed
  missing, malformed or stale timestamp, bad signature  401 (our own HMAC over the raw bytes)
  signed but not UTF-8, not a JSON object, a `payload=` that is not one, or without the fields
                       Slack always sends for its type (event.channel, user.id, response_url, ...)  400
  anything else goes to Bolt in a bounded thread pool (DuckDB, the Web API and charts block).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from slack_bolt import App
from slack_bolt.request import BoltRequest

log = logging.getLogger("offences.web")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY = 1024 * 1024     # Slack's largest payloads (a pasted article, a modal) are far below this
READ_TIMEOUT = 5.0         # seconds for the whole body once the headers are in; Slack sends it at once
DISPATCH_THREADS = 8       # Bolt listeners at once; more requests wait their turn in the event loop
SIGNATURE_WINDOW = 5 * 60  # the timestamp window Slack documents (and Bolt enforces)


@dataclass
class Reply:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    close: bool = False  # drop the connection (the client may still be sending a body we will not read)


def _text(status: int, message: str, *extra: tuple[str, str], close: bool = False) -> Reply:
    return Reply(status, message.encode(), [("content-type", "text/plain; charset=utf-8"), *extra], close)


HEALTHY = _text(200, "ok\n")


def health(trouble: str | None = None) -> Reply:
    """200 "ok", then the data being served (hash, load time, folder) and, if newer files were refused, why:
    a deploy or a data editor can see which release the bot is answering from."""
    from .answer import data_version  # noqa: PLC0415

    version = data_version(refresh=False)
    first = f"ok; {trouble}" if trouble else "ok"
    if version is None:
        return _text(200, first + "\n")
    lines = [f"{first}\ndata {version['hash'][:12]} loaded {version['loaded_at']} from {version['data_dir']}"]
    if version.get("refused"):
        lines.append(f"newer data refused: {version['refused']}")
    return _text(200, "\n".join(lines) + "\n")


def refuse(status: int, why: str, client: str, **kw) -> Reply:
    log.warning("refused a request from %s: %s (%d)", client or "?", why, status)
    return _text(status, why + "\n", **kw)


def _header(headers: dict[str, list[str]], name: str) -> str:
    values = headers.get(name)
    return values[0] if values else ""


class Front:
    """The guards and the Bolt dispatch, shared by the ASGI and WSGI faces."""

    def __init__(self, bolt_app: App, signing_secret: str, threads: int = DISPATCH_THREADS):
        self.bolt = bolt_app
        self.secret = signing_secret.encode()
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="offences-http")

    def before_body(self, method: str, path: str, headers: dict[str, list[str]], client: str) -> Reply | None:
        """A reply decided by the request line and headers alone, or None to go on and read the body."""
        if path == HEALTH_PATH:
            if method in ("GET", "HEAD"):
                memory = getattr(self.bolt, "offences_memory", None)
                trouble = memory.health() if memory is not None else None
                # still 200: this instance answers, and a load balancer must not take every instance out
                return health(trouble)
            return _text(405, "use GET\n", ("allow", "GET, HEAD"))
        if path != EVENTS_PATH:
            return _text(404, "not found\n")
        if method != "POST":
            return _text(405, "Slack sends POST to this address\n", ("allow", "POST"))
        length = _header(headers, "content-length")
        if length:
            if not length.isdigit():
                return refuse(400, "malformed Content-Length", client, close=True)
            if int(length) > MAX_BODY:
                return refuse(413, f"body of {int(length)} bytes is over the {MAX_BODY}-byte limit", client,
                              close=True)
        return None

    def signed(self, headers: dict[str, list[str]], body: bytes, client: str) -> Reply | None:
        """401 unless the body carries a valid, fresh v0 signature (checked before anything parses it)."""
        stamp, signature = _header(headers, "x-slack-request-timestamp"), _header(headers, "x-slack-signature")
        if not (stamp.isascii() and stamp.isdigit()) or not signature:
            return refuse(401, "missing or malformed signature headers", client)
        if abs(time.time() - int(stamp)) > SIGNATURE_WINDOW:
            return refuse(401, "stale timestamp", client)
        expected = "v0=" + hmac.new(self.secret, b"v0:" + stamp.encode() + b":" + body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected.encode(), signature.encode("latin-1")):  # bytes: any header value
            return refuse(401, "bad signature", client)
        return None

    def handle(self, query: str, headers: dict[str, list[str]], body: bytes, client: str) -> Reply:
        """Signature, then shape, then Bolt. Runs in the thread pool (Bolt's listeners block)."""
        refused = self.signed(headers, body, client)
        if refused:
            return refused
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return refuse(400, "body is not UTF-8", client)
        try:  # Bolt's own reading of the body, done once and checked here before any listener sees it
            request = BoltRequest(body=text, query=query, headers=headers)
        except (ValueError, TypeError, AttributeError, KeyError, RecursionError):  # '{nope', 'payload=%7Bnope', '[1]'
            return refuse(400, "body is not a Slack payload (a JSON object or a form)", client)
        payload = request.body
        if not isinstance(payload, dict):
            return refuse(400, "body is not a Slack payload (a JSON object or a form)", client)
        missing = malformed(payload)
        if missing:
            return refuse(400, f"payload without the fields Slack always sends ({missing})", client)
        try:
            response = self.bolt.dispatch(request)
        except Exception:  # Bolt catches listener errors itself; this is a fault of ours around it
            error_id = uuid.uuid4().hex[:8]
            log.exception("error %s while dispatching a request from %s", error_id, client or "?")
            return _text(500, f"error id {error_id}\n")
        status = response.status
        if status == 404 and payload.get("type") == "event_callback":
            status = 200  # an event type the bot does not act on: say so, or Slack retries it
        out = response.body.encode() if isinstance(response.body, str) else (response.body or b"")
        pairs = [(k, v) for k, values in response.headers.items() for v in values
                 if k.lower() not in ("content-length", "connection")]
        return Reply(status, out, pairs)


def _str(node, *path) -> bool:
    for key in path:
        if not isinstance(node, dict):
            return False
        node = node.get(key)
    return isinstance(node, str)


def malformed(payload: dict) -> str | None:
    """What a signed payload lacks that Slack always sends for its type, or None. Only Slack (or
    whoever holds the secret) gets this far; checking here keeps a malformed one a 400, not a
    traceback in a listener."""
    kind = payload.get("type")
    if kind is not None and not isinstance(kind, str):
        return "type"
    if "event" in payload and not isinstance(payload["event"], dict):
        return "event"
    if kind == "event_callback":
        event = payload.get("event") or {}
        if not _str(event, "type"):
            return "event.type"
        if event["type"] in ("app_mention", "message") and not (_str(event, "channel") and _str(event, "ts")):
            return "event.channel, event.ts"
    elif kind in ("block_actions", "message_action"):
        if not (_str(payload, "user", "id") and _str(payload, "response_url")):
            return "user.id, response_url"
        if not (_str(payload, "channel", "id") or _str(payload, "container", "channel_id")):
            return "channel.id"
        actions = payload.get("actions")
        if kind == "block_actions" and not (isinstance(actions, list) and actions
                                            and all(_str(a, "action_id") for a in actions)):
            return "actions"
        if kind == "message_action" and not isinstance(payload.get("message"), dict):
            return "message"
    elif kind is None and "command" in payload:
        missing = [k for k in ("command", "channel_id", "user_id", "response_url") if not _str(payload, k)]
        if missing:
            return ", ".join(missing)
    return None


# -- ASGI (uvicorn) -------------------------------------------------------------------------------

def asgi_app(front: Front):
    """Requests are read in the event loop, so a client that trickles its body costs a coroutine and
    a socket, not a thread; only complete, signed-looking requests reach the thread pool."""

    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    front.pool.shutdown(wait=False)
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        headers: dict[str, list[str]] = {}
        for name, value in scope["headers"]:
            headers.setdefault(name.decode("latin-1").lower(), []).append(value.decode("latin-1"))
        client = "%s:%s" % tuple(scope["client"]) if scope.get("client") else ""
        reply = front.before_body(scope["method"], scope["path"], headers, client)
        if reply is None:
            body = await _read_body(receive, client)
            if body is None:
                return  # the client went away
            if isinstance(body, Reply):
                reply = body
            else:
                query = scope.get("query_string", b"").decode("latin-1")
                reply = await asyncio.get_running_loop().run_in_executor(
                    front.pool, front.handle, query, headers, body, client)
        await _send(send, reply, scope["method"] == "HEAD")

    app.front = front  # type: ignore[attr-defined]
    return app


async def _read_body(receive, client: str) -> bytes | Reply | None:
    """The whole body within READ_TIMEOUT of the headers (one deadline for all of it, not per chunk:
    asyncio.timeout, which unlike wait_for does not start a task for every receive())."""
    chunks, size = [], 0
    try:
        async with asyncio.timeout(READ_TIMEOUT):
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return None
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > MAX_BODY:
                    return refuse(413, f"body over the {MAX_BODY}-byte limit", client, close=True)
                chunks.append(chunk)
                if not message.get("more_body"):
                    return b"".join(chunks)
    except TimeoutError:
        return refuse(408, f"body not received within {READ_TIMEOUT:g} s", client, close=True)


async def _send(send, reply: Reply, head: bool) -> None:
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in reply.headers]
    headers.append((b"content-length", str(len(reply.body)).encode()))
    if reply.close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": reply.status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if head else reply.body})


# -- WSGI -----------------------------------------------------------------------------------------

def wsgi_app(front: Front):
    """The same guards for a WSGI server. A WSGI server reads in a thread, so it cannot offer the
    read timeout; `offences serve` uses the ASGI face."""

    def app(environ, start_response):
        headers = {k[5:].replace("_", "-").lower(): [v] for k, v in environ.items() if k.startswith("HTTP_")}
        for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            if environ.get(key):
                headers[key.replace("_", "-").lower()] = [environ[key]]
        client = environ.get("REMOTE_ADDR", "")
        method = environ.get("REQUEST_METHOD", "GET")
        reply = front.before_body(method, environ.get("PATH_INFO", ""), headers, client)
        if reply is None:
            stream, length = environ["wsgi.input"], headers.get("content-length", [""])[0]
            body = stream.read(int(length)) if length else b""  # WSGI: no length, no body
            reply = front.handle(environ.get("QUERY_STRING", ""), headers, body, client)
        out = [(k, v) for k, v in reply.headers] + [("Content-Length", str(len(reply.body)))]
        start_response(f"{reply.status} {_REASONS.get(reply.status, 'Status')}", out)
        return [b"" if method == "HEAD" else reply.body]

    app.front = front  # type: ignore[attr-defined]
    return app


_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
            408: "Request Timeout", 413: "Content Too Large", 500: "Internal Server Error"}
