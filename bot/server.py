"""Serving the Slack app: HTTP under gunicorn + uvicorn (production) or Socket Mode (local, behind firewalls).

Why uvicorn (httptools, uvloop) in one gunicorn worker (the maintained `uvicorn-worker` package):
a threaded WSGI server reads each request in a thread, so eight clients trickling a body held all
eight gthread threads and Slack and /healthz went unanswered. uvicorn reads requests in an event
loop: a slow client costs a socket and a coroutine, is cut off after HEADER_TIMEOUT (headers) or
bot.web.READ_TIMEOUT (body), and only complete requests reach the bounded thread pool that runs
Bolt (bot/web.py). gunicorn stays as the supervisor: it restarts the worker, shuts down gracefully
on SIGTERM and binds the port before the worker loads the data. One process keeps one copy of the
DuckDB store, loaded in the worker (a DuckDB database must not cross a fork).
"""

from __future__ import annotations

import errno
import logging
import os
import socket
import sys

from .settings import HOW_TO_GET, Settings, SettingsError, install_log_masking
from .web import DISPATCH_THREADS, EVENTS_PATH, HEALTH_PATH, Front  # noqa: F401  (re-exported)

log = logging.getLogger("offences.server")

WORKERS = 1
HEADER_TIMEOUT = 5.0      # seconds from connecting (or from a keep-alive request's first byte) to its last header
MAX_HEADER_BYTES = 64 * 1024
MAX_CONNECTIONS = 1000    # open connections at most; past it new requests get 503 instead of exhausting sockets
KEEPALIVE = 5
BOOT_FAILED = 3  # gunicorn's WORKER_BOOT_ERROR: the master stops instead of respawning the worker


def _front(settings: Settings, **create_kwargs) -> Front:
    from .slack import create_app

    return Front(create_app(settings, **create_kwargs), settings.signing_secret)


def asgi_app(settings: Settings, **create_kwargs):
    """The ASGI application `offences serve` runs: bot.web's guards, then Bolt in a thread pool."""
    from . import web

    app = web.asgi_app(_front(settings, **create_kwargs))
    app.bolt_app = app.front.bolt  # type: ignore[attr-defined]
    return app


def wsgi_app(settings: Settings, **create_kwargs):
    """The same app for a WSGI server (no body read timeout there; see bot/web.py)."""
    from . import web

    app = web.wsgi_app(_front(settings, **create_kwargs))
    app.bolt_app = app.front.bolt  # type: ignore[attr-defined]
    return app


def guarded_protocol():
    """uvicorn's httptools protocol, plus what it lacks against slow clients: a deadline for the
    request line and headers, and a cap on their size (uvicorn only times out idle keep-alives)."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class GuardedHttpToolsProtocol(HttpToolsProtocol):
        _header_timer = None
        _header_bytes = 0

        def _arm(self) -> None:
            self._disarm()
            self._header_bytes = 0
            self._header_timer = self.loop.call_later(HEADER_TIMEOUT, self._too_slow)

        def _disarm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _too_slow(self) -> None:
            self._header_timer = None
            log.warning("closed a connection from %s: headers not complete within %g s",
                        "%s:%s" % tuple(self.client) if self.client else "?", HEADER_TIMEOUT)
            self.transport.close()

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc) -> None:
            self._disarm()
            super().connection_lost(exc)

        def on_message_begin(self) -> None:
            super().on_message_begin()
            if self._header_timer is None:
                self._arm()

        def on_url(self, url: bytes) -> None:
            self._count(len(url))
            super().on_url(url)

        def on_header(self, name: bytes, value: bytes) -> None:
            self._count(len(name) + len(value))
            super().on_header(name, value)

        def _count(self, size: int) -> None:
            self._header_bytes += size
            if self._header_bytes > MAX_HEADER_BYTES and not self.transport.is_closing():
                log.warning("closed a connection: request line and headers over %d bytes", MAX_HEADER_BYTES)
                self.transport.write(b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
                                     b"content-length: 0\r\nconnection: close\r\n\r\n")
                self.transport.close()

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

    return GuardedHttpToolsProtocol


def worker_class():
    """uvicorn-worker's gunicorn worker with httptools, uvloop and the guarded protocol."""
    from uvicorn_worker import UvicornWorker

    class OffencesWorker(UvicornWorker):
        CONFIG_KWARGS = {"loop": "auto", "http": guarded_protocol(), "limit_concurrency": MAX_CONNECTIONS,
                         "lifespan": "on"}

    return OffencesWorker


def warm_up() -> None:
    """Load the data (and matplotlib, when charts exist) before the first question, not during it:
    Slack gives a slash command three seconds."""
    from .answer import answer, get_answerer
    from .slack import chart_file

    get_answerer()
    chart_file(answer("northumbria"))


def gunicorn_server(load, host: str, port: int, log_level: str = "warning", on_ready=None):
    """gunicorn run from Python with this project's production settings, serving the ASGI app that
    load() returns (called in the worker, after the fork). bench/slack_bench.py serves a bare Bolt app
    through the same function, so the comparison is server for server."""
    from gunicorn.app.base import BaseApplication

    level = log_level.lower()

    class OffencesServer(BaseApplication):
        def load_config(self):
            options = {
                "bind": f"{host}:{port}",
                "workers": WORKERS,
                "worker_class": worker_class(),
                "timeout": 30,
                "graceful_timeout": 20,
                "keepalive": KEEPALIVE,
                "loglevel": level,
                "errorlog": "-",
                "accesslog": "-" if level in ("debug", "info") else None,
                "proc_name": "offences",
                "preload_app": False,
                "control_socket_disable": True,  # no ~/.gunicorn/gunicorn.ctl shared between instances
            }
            if on_ready is not None:
                options["when_ready"] = lambda server: on_ready()
            if os.path.isdir("/dev/shm"):
                options["worker_tmp_dir"] = "/dev/shm"  # heartbeat file off slow container disks
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            return load()

    return OffencesServer()


def _load_worker(settings: Settings, host: str, port: int):
    """In the gunicorn worker: mask secrets in its logs, load the data, build the app, and only then
    say it is listening (bad data says "cannot start" and nothing else)."""
    install_log_masking(settings.secrets())
    from .store import DataError

    try:
        warm_up()
    except DataError as err:
        print(f"offences: cannot start: {err}", file=sys.stderr, flush=True)
        sys.exit(BOOT_FAILED)
    app = asgi_app(settings)
    print(f"offences: listening on http://{host}:{port}{EVENTS_PATH} (gunicorn with uvicorn, {WORKERS} worker, "
          f"{DISPATCH_THREADS} request threads)", file=sys.stderr, flush=True)
    return app


def check_port_free(host: str, port: int) -> None:
    """One line naming the port when it is taken, instead of gunicorn's five retries and tracebacks."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        try:
            sock.bind((host, port))
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                raise SettingsError(f"port {port} is already in use on {host}: stop whatever is using it, or "
                                    "choose another port with --port (or PORT)") from None
            if err.errno == errno.EACCES:
                raise SettingsError(f"port {port} needs privileges on this machine: choose a port above "
                                    "1023 with --port (or PORT)") from None
            raise SettingsError(f"cannot listen on {host}:{port} ({err.strerror})") from None


def serve_http(settings: Settings, host: str = "0.0.0.0", port: int | None = None) -> int:
    """Run until stopped (SIGTERM/SIGINT: graceful). Returns the exit status."""
    install_log_masking(settings.secrets())
    port = port or settings.port
    check_port_free(host, port)
    server = gunicorn_server(lambda: _load_worker(settings, host, port), host, port, settings.log_level)
    master = os.getpid()
    try:
        server.run()
    except SystemExit as exc:
        if os.getpid() != master:  # a worker leaving: its exit status is for the master to read
            raise
        code = exc.code if isinstance(exc.code, int) else 1
        return 2 if code == BOOT_FAILED else code  # the worker said why (bad data): a user error
    return 0


def serve_socket(settings: Settings) -> int:
    """Socket Mode: the app opens a websocket to Slack; no public URL or signing secret needed.
    apps.connections.open is retried while Slack is unavailable (bot/startup.py)."""
    import threading

    from slack_bolt.adapter.socket_mode import SocketModeHandler
    from slack_sdk import WebClient

    from .slack import create_app
    from .startup import until_available

    install_log_masking(settings.secrets())
    warm_up()
    app = create_app(settings)
    print("offences: connecting to Slack in Socket Mode (Ctrl-C to stop)", file=sys.stderr, flush=True)
    opener = WebClient(base_url=settings.api_base_url, timeout=10)  # no retry handlers: until_available retries
    handler = SocketModeHandler(app, settings.app_token, web_client=opener)
    until_available(handler.connect, settings.api_base_url, lambda code: SettingsError(
        f"SLACK_APP_TOKEN was refused by Slack ({code}): {HOW_TO_GET['SLACK_APP_TOKEN']}, and turn Socket Mode "
        "on in the app's settings"))
    threading.Event().wait()  # what SocketModeHandler.start() does once connected
    return 0
