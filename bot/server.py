"""Serving the Slack app: HTTP under gunicorn (production) or Socket Mode (local, behind firewalls).

Why gunicorn with one gthread worker and 8 threads: Bolt's own server (App.start) is a
single-threaded development server; gunicorn is a production WSGI server (worker supervision and
restart, graceful shutdown on SIGTERM, timeouts, bounded request parsing) that runs Bolt through
its WSGI adapter. One process keeps one copy of the DuckDB store, loaded once in the worker (a
DuckDB database must not cross a fork, so the master never opens it); threads give concurrency,
since a request spends its time in DuckDB (which releases the GIL) and waiting on Slack's Web API.
"""

from __future__ import annotations

import logging
import os
import sys

from .settings import HOW_TO_GET, Settings, SettingsError, install_log_masking

log = logging.getLogger("offences.server")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
WORKERS = 1
THREADS = 8
BOOT_FAILED = 3  # gunicorn's WORKER_BOOT_ERROR: the master stops instead of respawning the worker


def wsgi_app(settings: Settings, **create_kwargs):
    """The WSGI application: Bolt's SlackRequestHandler at /slack/events, plus GET /healthz."""
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    from .slack import create_app

    bolt_app = create_app(settings, **create_kwargs)
    bolt = SlackRequestHandler(bolt_app, path=EVENTS_PATH)

    def application(environ, start_response):
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "3")])
            return [b"ok\n"]
        return bolt(environ, start_response)

    application.bolt_app = bolt_app  # type: ignore[attr-defined]
    return application


def warm_up() -> None:
    """Load the data (and matplotlib, when charts exist) before the first question, not during it:
    Slack gives a slash command three seconds."""
    from .answer import answer, get_answerer
    from .slack import chart_file

    get_answerer()
    chart_file(answer("northumbria"))


def gunicorn_server(load, host: str, port: int, log_level: str = "warning"):
    """gunicorn run from Python with this project's production settings, serving what load()
    returns (called in the worker, after the fork). bench/slack_bench.py serves a bare Bolt app
    through the same function, so the comparison is server for server."""
    from gunicorn.app.base import BaseApplication

    level = log_level.lower()

    class OffencesServer(BaseApplication):
        def load_config(self):
            options = {
                "bind": f"{host}:{port}",
                "workers": WORKERS,
                "worker_class": "gthread",
                "threads": THREADS,
                "timeout": 30,
                "graceful_timeout": 20,
                "keepalive": 5,
                "loglevel": level,
                "errorlog": "-",
                "accesslog": "-" if level in ("debug", "info") else None,
                "proc_name": "offences",
                "preload_app": False,
                "control_socket_disable": True,  # no ~/.gunicorn/gunicorn.ctl shared between instances
                "when_ready": lambda server: print(f"offences: listening on http://{host}:{port}{EVENTS_PATH} "
                                                   f"(gunicorn, {WORKERS} worker x {THREADS} threads)",
                                                   file=sys.stderr, flush=True),
            }
            if os.path.isdir("/dev/shm"):
                options["worker_tmp_dir"] = "/dev/shm"  # heartbeat file off slow container disks
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            return load()

    return OffencesServer()


def _load_worker(settings: Settings):
    """In the gunicorn worker: mask secrets in its logs, load the data, build the app."""
    install_log_masking(settings.secrets())
    from .store import DataError

    try:
        warm_up()
    except DataError as err:
        print(f"offences: cannot start: {err}", file=sys.stderr, flush=True)
        sys.exit(BOOT_FAILED)
    return wsgi_app(settings)


def serve_http(settings: Settings, host: str = "0.0.0.0", port: int | None = None) -> int:
    """Run until stopped (SIGTERM/SIGINT: graceful). Returns the exit status."""
    install_log_masking(settings.secrets())
    server = gunicorn_server(lambda: _load_worker(settings), host, port or settings.port, settings.log_level)
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
    """Socket Mode: the app opens a websocket to Slack; no public URL or signing secret needed."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from .slack import create_app

    from slack_sdk.errors import SlackApiError

    install_log_masking(settings.secrets())
    warm_up()
    app = create_app(settings)
    print("offences: connecting to Slack in Socket Mode (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        SocketModeHandler(app, settings.app_token).start()
    except SlackApiError as err:  # apps.connections.open refused the app-level token
        raise SettingsError(f"SLACK_APP_TOKEN was refused by Slack ({err.response.get('error')}): "
                            f"{HOW_TO_GET['SLACK_APP_TOKEN']}, and turn Socket Mode on in the app's "
                            "settings") from None
    return 0
