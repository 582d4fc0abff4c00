"""`offences`: the command line face of the bot (ask, check, serve). Thin: it calls answer()/check().

Exit codes: 0 with an answer, 2 for a user error (the message says what would work), 1 for a fault
in the bot itself (an error id, never a traceback; the traceback goes to the log).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import uuid

USAGE_EXAMPLES = """examples:
  offences ask "durham 2016-17"
  offences ask "northumbria 2015/16 vs 2016/17" --json
  offences ask "top 5 2018/19"
"""

log = logging.getLogger("offences")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offences",
        description="Sourced figures on police-recorded online child sexual offences (NSPCC FOI data).",
        epilog=USAGE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command")
    ask = sub.add_parser("ask", help="answer a question such as \"durham 2016-17\"")
    ask.add_argument("text", nargs="+", help="the question, as you would type it in Slack")
    ask.add_argument("--json", action="store_true", help="print one JSON object (stable keys)")
    ask.add_argument("--chart", metavar="PATH", help="also write the answer's chart as a PNG to PATH")
    return parser


class UserError(Exception):
    """Exit 2 with this message."""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "WARNING").upper(),
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return COMMANDS[args.command](args)
    except UserError as err:
        print(f"offences: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a fault of ours: say so briefly; the traceback only with LOG_LEVEL=DEBUG
        error_id = uuid.uuid4().hex[:8]
        log.error("error %s: %s", error_id, exc, exc_info=log.isEnabledFor(logging.DEBUG))
        print(f"offences: something went wrong on our side (error id {error_id}).", file=sys.stderr)
        return 1


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
            raise UserError(f"no chart for a {result.kind} answer.")
        with open(args.chart, "wb") as fh:
            fh.write(png)
    return 0 if result.ok else 2


COMMANDS = {"ask": cmd_ask}


if __name__ == "__main__":
    sys.exit(main())
