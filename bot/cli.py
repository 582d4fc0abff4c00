"""`offences`: the command line face of the bot (ask, check, data, serve). Thin: it calls answer()/check()
and, for `offences data ...`, bot/datacli.py.

Exit codes: 0 with an answer, 2 for a user error (the message says what would work), 1 for a fault
in the bot itself (an error id, never a traceback; the traceback goes to the log).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import uuid

from .settings import SettingsError, SlackUnavailable, log_level

USAGE_EXAMPLES = """examples:
  offences ask "durham 2016-17"
  offences ask "northumbria 2015/16 vs 2016/17" --json
  offences ask "top 5 2018/19"
  offences check "Kent Police recorded 361 offences in 2016/17, up from 63, a rise of 573%"
  offences serve --port 3000        (Slack over HTTP at /slack/events)
  offences serve --socket           (Slack in Socket Mode, for local use)
  offences data check               (validate the data and summarise it)
  offences data add new.xlsx --release 2026-06 --outlet nspcc.org.uk --url https://...
  offences ask "durham latest" --data /srv/newsroom-data
"""

log = logging.getLogger("offences")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offences",
        description="Sourced figures on police-recorded online child sexual offences (NSPCC FOI data).",
        epilog=USAGE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command")
    common = data_option()
    ask = sub.add_parser("ask", help="answer a question such as \"durham 2016-17\"", parents=[common])
    ask.add_argument("text", nargs="+", help="the question, as you would type it in Slack")
    ask.add_argument("--json", action="store_true", help="print one JSON object (stable keys)")
    ask.add_argument("--chart", metavar="PATH", help="also write the answer's chart as a PNG to PATH")
    check = sub.add_parser("check", help="fact-check the figures in a passage of copy", parents=[common],
                           description="Fact-check every figure in a passage against the data and against the "
                           "passage's own numbers. Exit 0 when the check ran (even if claims are inaccurate).")
    check.add_argument("text", nargs="+", help="the copy to check, or - to read it from standard input")
    check.add_argument("--json", action="store_true", help="print one JSON object: {\"claims\": [...]}")
    from .datacli import add_data_commands

    add_data_commands(sub, common)
    serve = sub.add_parser("serve", help="run the Slack app (HTTP at /slack/events, or --socket)", parents=[common],
                           description="Run the Slack app. HTTP mode (the default) serves /slack/events with "
                           "gunicorn + uvicorn and needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; --socket uses "
                           "Socket Mode and needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN. SLACK_API_BASE_URL, "
                           "PORT, LOG_LEVEL, REDIS_URL (state shared by several instances), OFFENCES_RATE_LIMIT and AUDIT_LOG "
                           "are optional.")
    serve.add_argument("--port", type=int, help="TCP port for HTTP mode (default: $PORT, else 3000)")
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on (default: 0.0.0.0)")
    serve.add_argument("--socket", action="store_true", help="use Socket Mode (SLACK_APP_TOKEN) instead of HTTP")
    return parser


def data_option() -> argparse.ArgumentParser:
    """`--data DIR`, shared by every command: the data folder (else $OFFENCES_DATA_DIR, else data/)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", metavar="DIR", help="the data folder to use (default: $OFFENCES_DATA_DIR, "
                        "else the data/ folder beside the code)")
    return common


class UserError(Exception):
    """Exit 2 with this message."""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        level = log_level()
    except SettingsError as err:
        print(f"offences: {err}", file=sys.stderr)
        return 2
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    from .store import use_data_dir

    use_data_dir(getattr(args, "data", None))  # every run says which folder it uses (None: the default)
    try:
        return COMMANDS[args.command](args)
    except UserError as err:
        print(f"offences: {err}", file=sys.stderr)
        return 2
    except SlackUnavailable as err:  # not the user's fault (exit 1), but not ours either
        print(f"offences: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a fault of ours: say so briefly; the traceback only with LOG_LEVEL=DEBUG
        error_id = uuid.uuid4().hex[:8]
        log.error("error %s: %s", error_id, exc, exc_info=log.isEnabledFor(logging.DEBUG))
        print(f"offences: something went wrong on our side (error id {error_id}).", file=sys.stderr)
        return 1
    finally:
        use_data_dir(None)  # in-process callers (tests) go back to the default folder


def _load():
    from .answer import get_answerer
    from .store import DataError

    try:
        return get_answerer()
    except DataError as err:
        raise UserError(f"cannot start: {err}") from None


def cmd_ask(args) -> int:
    from . import render

    answerer = _load()
    result = answerer.answer(" ".join(args.text))
    if args.json:
        print(render.dumps(result))
    else:
        print(render.plain_text(result), file=sys.stdout if result.ok else sys.stderr)
    if args.chart:
        if not result.ok:
            raise UserError("no chart: the question above has no answer to draw.")
        from . import charts

        png = charts.render_png(result)
        if png is None:
            raise UserError(f"no chart: a {result.kind} answer has no figures to draw." if result.kind in
                            ("help", "sources") else "no chart: the answer has no figure to draw "
                            "(the force did not supply one).")
        try:
            with open(args.chart, "wb") as fh:
                fh.write(png)
        except OSError as err:
            raise UserError(f"cannot write {args.chart}: {err.strerror or err} (the chart was not saved)") from None
    return 0 if result.ok else 2


def cmd_check(args) -> int:
    import json

    text = sys.stdin.read() if args.text == ["-"] else " ".join(args.text)
    if not text.strip():
        raise UserError("nothing to check: give the copy to check, e.g. offences check \"Kent Police recorded "
                        "361 offences in 2016/17, up from 63\", or - to read it from standard input")
    _load()
    from .check import check, plain_text

    result = check(text)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(plain_text(result))
    return 0


def cmd_serve(args) -> int:
    from . import server
    from .settings import from_env

    try:
        settings = from_env(socket_mode=args.socket)
    except SettingsError as err:
        raise UserError(str(err)) from None
    if args.port is not None and not 0 < args.port < 65536:
        raise UserError(f"--port {args.port}: use a TCP port number between 1 and 65535")
    _check_redis(settings)
    _check_audit_log(settings)
    _check_token(settings)
    if args.data:  # the gunicorn worker inherits it; so would anything the server starts
        os.environ["OFFENCES_DATA_DIR"] = args.data
    try:
        if args.socket:
            return server.serve_socket(settings)
        return server.serve_http(settings, host=args.host, port=args.port)
    except SettingsError as err:
        raise UserError(str(err)) from None


def _check_redis(settings) -> None:
    """An unreachable REDIS_URL at start is one line and exit 2: several instances without their shared
    memory would answer Slack's retries twice and accept replays (while serving, a lost Redis is survived)."""
    if not settings.redis_url:
        return
    from .memory import RedisUnavailable, connect

    try:
        connect(settings.redis_url).close()
    except RedisUnavailable as err:
        raise UserError(str(err)) from None


def _check_audit_log(settings) -> None:
    """AUDIT_LOG must be a file we can append to, said at start rather than found out at the first request."""
    if not settings.audit_log:
        return
    try:
        with open(settings.audit_log, "a", encoding="utf-8"):
            pass
    except OSError as err:
        raise UserError(f"AUDIT_LOG is {settings.audit_log!r}, which cannot be written ({err.strerror or err}): "
                        "name a file in a folder that exists and is writable, or unset it for standard output") from None


def _check_token(settings) -> None:
    """Ask Slack whether the bot token works before serving, so a bad one is one clear line (and
    Slack being down is said as such, and waited out for a while: bot/startup.py)."""
    from slack_sdk import WebClient

    from .startup import until_available

    client = WebClient(token=settings.bot_token, base_url=settings.api_base_url, timeout=10)  # retried there
    until_available(client.auth_test, settings.api_base_url, lambda code: UserError(
        f"SLACK_BOT_TOKEN was refused by Slack ({code}): copy the Bot User OAuth Token from your app's OAuth & "
        "Permissions page (reinstall the app if it was revoked)"))


def cmd_data(args) -> int:
    from .datacli import run_data_command

    return run_data_command(args)


COMMANDS = {"ask": cmd_ask, "check": cmd_check, "data": cmd_data, "serve": cmd_serve}


if __name__ == "__main__":
    sys.exit(main())
