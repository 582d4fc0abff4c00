"""`offences data ...`: the data desk's commands (check, add, import, export), each a thin face over
bot/datadesk.py and friends. Every refusal is one line naming file, line and reason, exit 2, and
nothing is written."""

from __future__ import annotations

import argparse
import sys


class Refusal(Exception):
    """A data command that cannot go ahead: one line on standard error, exit 2, nothing written."""


def add_data_commands(sub, common: argparse.ArgumentParser) -> None:
    data = sub.add_parser("data", help="check, add, import or export the figures (the data desk)",
                          description="Look after the data the bot answers from. Every command validates the "
                          "whole data set; a refusal names the file, line and reason (exit 2) and writes nothing.")
    actions = data.add_subparsers(dest="data_command", metavar="{check,add,import,export}")
    actions.add_parser("check", parents=[common], help="validate the data and print a summary for a data editor",
                       description="Run the start-up validation on demand and summarise the data: figures per "
                       "measure and release, forces with no figure, disputed figures, revisions, misprints and "
                       "imported tables. Exit 0 when the data is valid, 2 (with file, line and reason) when not.")


def run_data_command(args) -> int:
    from . import datacheck

    commands = {"check": datacheck.cmd_check}
    try:
        if not args.data_command:
            raise Refusal("say what to do with the data: offences data check | add | import | export "
                          "(offences data --help says more)")
        return commands[args.data_command](args)
    except Refusal as err:
        print(f"offences: {err}", file=sys.stderr)
        return 2
