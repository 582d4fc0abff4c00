"""`offences data ...`: the data desk's commands (check, add, import, export), each a thin face over
bot/datadesk.py and friends. Every refusal is one line naming file, line and reason, exit 2, and
nothing is written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


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
    add = actions.add_parser(
        "add", parents=[common], help="add a release's figures (CSV, .xlsx or .ods) to reports.csv",
        description="Add a new or corrected NSPCC-style release: a CSV or spreadsheet in the reports.csv columns "
        "(usual header spellings, '1,234', 'n/a' / '-' / blank for not supplied, force names as reporters write "
        "them). Every row is checked first; the change is shown (new figures, revisions, disputes, forces "
        "missing) and written atomically after confirmation, or at once with --yes.")
    add.add_argument("file", type=Path, help="the release's figures: .csv, .xlsx, .xls or .ods")
    add.add_argument("--release", required=True, help="the release's month, YYYY-MM")
    add.add_argument("--outlet", help="the site the figures were read from (when the file has no outlet column)")
    add.add_argument("--url", help="the page's address (when the file has no url column)")
    add.add_argument("--measure", help="the measure (measures.csv) when the file has no measure column")
    add.add_argument("--note", help="a note for every row (when the file has no note column)")
    add.add_argument("--yes", action="store_true", help="write without asking")
    imp = actions.add_parser(
        "import", parents=[common], help="import published tables (files, folders or zips) by their layout",
        description="Import published tables in the layouts this knows (offences data import --list), "
        "validating the whole batch first and writing atomically, with a row per table in manifest.csv "
        "(file, sha256, publisher, period, rows, time). A file in an unknown layout refuses the batch (exit 2).")
    imp.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="a file, a folder of files, or a .zip")
    imp.add_argument("--list", action="store_true", help="print the layouts this knows and exit")
    imp.add_argument("--yes", action="store_true", help="write without asking")
    export = actions.add_parser(
        "export", parents=[common], help="write the figures the bot answers with as CSV or Parquet",
        description="The canonical figures, one row per place, year and measure, with status, release and "
        "source (and earlier releases' numbers), for other newsroom tools. CSV to standard output unless --out.")
    export.add_argument("--measure", help="one measure (see measures.csv); default: all")
    export.add_argument("--format", choices=["csv", "parquet"], default="csv", help="csv (default) or parquet")
    export.add_argument("--out", type=Path, metavar="PATH", help="the file to write (written whole, or not at all)")


def run_data_command(args) -> int:
    from . import atomic, datacheck

    commands = {"check": datacheck.cmd_check, "add": cmd_add, "import": cmd_import, "export": cmd_export}
    try:
        if not args.data_command:
            raise Refusal("say what to do with the data: offences data check | add | import | export "
                          "(offences data --help says more)")
        return commands[args.data_command](args)
    except Refusal as err:
        print(f"offences: {err}", file=sys.stderr)
        return 2
    except atomic.Busy as err:
        print(f"offences: {err}; nothing was written", file=sys.stderr)
        return 2


def cmd_add(args) -> int:
    """Read, check every row, stage, validate the whole, show the change, confirm, rename."""
    try:
        return _add(args)
    except OSError as err:  # the data folder cannot be written (permissions, a full disk)
        raise Refusal(f"{err.filename or 'a file'}: {err.strerror or err}; nothing was changed") from None


def _add(args) -> int:
    from . import datachange, datadesk, sheets
    from .store import DataError, Store, default_data_dir, shown

    folder = default_data_dir()
    if not datadesk.RELEASE.match(args.release or ""):
        raise Refusal(f"--release {args.release}: give the release's month as YYYY-MM, e.g. 2026-06")
    try:
        store = Store(folder)
    except DataError as err:
        raise Refusal(f"the data is not valid now, so nothing can be added: {err} (offences data check lists "
                      "every problem)") from None
    where = str(args.file)
    try:
        rows = sheets.read_rows(args.file)
    except sheets.SheetProblem as err:
        raise Refusal(str(err)) from None
    options = datadesk.Options(args.release, args.outlet, args.url, args.measure, args.note)
    try:
        reading = datadesk.read_figures(rows, where, store, options)
    except datadesk.Refused as err:
        raise Refusal(str(err)) from None
    if reading.problems:
        for number, reason in reading.problems[1:datadesk.MAX_SHOWN]:
            print(f"  {where} row {number}: {reason}", file=sys.stderr)
        more = len(reading.problems) - 1
        number, reason = reading.problems[0]
        raise Refusal(f"{where} row {number}: {reason}" + (f" ({more} more problem{'s' * (more > 1)} listed "
                                                           "above)" if more else "") + "; nothing was written")
    if datadesk.already_added(store, reading.figures):
        raise Refusal(f"{where}: every figure in it is already in {shown(folder)}/reports.csv for release "
                      f"{args.release} from the same page: nothing to add")
    reports = folder / "reports.csv"
    current = reports.read_bytes()
    with datachange.Change(folder) as change:
        change.stage("reports.csv", datadesk.appended(current, reading.figures))
        try:
            after = change.validate()
        except DataError as err:
            raise Refusal(datadesk.line_to_row(err, _first_line(current), reading.figures, where)
                          + "; nothing was written") from None
        found = datachange.diff(store, after, [f.key for f in reading.figures])
        print(f"Adding {len(reading.figures)} row{'s' * (len(reading.figures) != 1)} from {where} "
              f"(release {args.release}) to {shown(folder)}/reports.csv:")
        for note in (f.read_as for f in reading.figures if f.read_as):
            print(f"  Note: {note}")
        print("\n".join(found.lines()))
        answer = datachange.confirm(f"Write these changes to {shown(folder)}/reports.csv?", args.yes)
        if answer is None:
            raise Refusal("nothing written: no one confirmed (run again with --yes to write without asking)")
        if not answer:
            print("Nothing written.")
            return 0
        if reports.read_bytes() != current:
            raise Refusal(f"{shown(folder)}/reports.csv changed while this ran; nothing was written: run again")
        change.commit()
    print(datachange.written(folder, store, after.hash))
    return 0


def _first_line(current: bytes) -> int:
    """The line number, as an editor counts, of the first row appended to a file with these bytes."""
    return current.count(b"\n") + (0 if current.endswith(b"\n") or not current else 1) + 1


def cmd_export(args) -> int:
    from .dataexport import export
    from .store import DataError, Store, default_data_dir

    try:
        store = Store(default_data_dir())
    except DataError as err:
        raise Refusal(f"cannot export: {err}") from None
    try:
        count = export(store, args.measure, args.format, args.out)
    except ValueError as err:
        raise Refusal(str(err)) from None
    except OSError as err:
        raise Refusal(f"--out {args.out}: cannot write it ({err.strerror})") from None
    if args.out:
        print(f"Wrote {count} figures to {args.out} ({args.format}).", file=sys.stderr)
    return 0


def parquet_bytes(frame) -> bytes:
    """A frame as the bytes of a Parquet file, written by DuckDB (the engine that reads it back at load,
    so types round-trip exactly; zstd keeps the rolling table under a megabyte)."""
    import tempfile

    import duckdb

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "table.parquet"
        con = duckdb.connect(":memory:")
        con.register("frame", frame)
        con.execute("COPY (SELECT * FROM frame) TO ? (FORMAT parquet, COMPRESSION zstd)", [str(path)])
        con.close()
        return path.read_bytes()


def cmd_import(args) -> int:
    """Every table read and recognised before anything is staged; one change for the whole batch."""
    try:
        return _import(args)
    except OSError as err:
        raise Refusal(f"{err.filename or 'a file'}: {err.strerror or err}; nothing was changed") from None


def _import(args) -> int:
    from . import datachange, importers
    from .datadesk import appended_rows
    from .store import DataError, Store, default_data_dir, shown

    if args.list:
        print("Layouts offences data import knows:")
        for importer in importers.IMPORTERS:
            print(f"  {importer.layout}: {importer.describe}")
        print("  police-uk-street: data.police.uk street-level files (YYYY-MM-force-street.csv, a folder or the zip)")
        return 0
    if not args.paths:
        raise Refusal("give the files, folders or zips to import (offences data import --list shows the layouts)")
    folder = default_data_dir()
    from . import street_import  # data.police.uk street files: DuckDB to Parquet, never through Python rows

    if all(street_import.is_street_input(p) for p in args.paths):
        try:
            return street_import.run(args.paths, folder)
        except street_import.StreetRefused as err:
            raise Refusal(f"{err}; nothing was written") from None
    try:
        store = Store(folder)
        notes: list[str] = []
        found = importers.tables(args.paths, notes)
        for name in notes:
            print(f"{name}: notes, not a table; skipped")
        done_before = {e["sha256"]: e for e in importers.read_manifest(folder)}
        plan = []
        for table in found:
            if table.sha256 in done_before:
                print(f"{table.name}: already imported ({done_before[table.sha256]['imported_at']}), skipped")
                continue
            converted = importers.recognise(table).convert(table, store)
            plan += converted if isinstance(converted, list) else [converted]
    except DataError as err:
        raise Refusal(f"the data is not valid now, so nothing can be imported: {err}") from None
    except importers.ImportRefused as err:
        raise Refusal(f"{err}; nothing was written") from None
    if not plan:
        print("Nothing to import.")
        return 0
    reports = folder / "reports.csv"
    current = reports.read_bytes()
    official = [item for item in plan if item.frame is not None]
    plan_rows = [item for item in plan if item.frame is None]
    rows = [row for item in plan_rows for row in item.rows]
    origin = [item.table.name for item in plan_rows for _ in item.rows]
    with datachange.Change(folder) as change:
        if rows:
            change.stage("reports.csv", appended_rows(current, rows))
        for item in official:
            change.stage(item.target, parquet_bytes(item.frame))
        change.stage(importers.MANIFEST, importers.manifest_with(folder, plan))
        try:
            after = change.validate()
        except DataError as err:
            first = _first_line(current)
            where = (f"{origin[err.line - first]} (row {err.line - first + 1} of those added)"
                     if err.file == "reports.csv" and 0 <= err.line - first < len(rows) else str(err))
            raise Refusal(f"{where}: {err.reason}; nothing was written" if where != str(err)
                          else f"{err}; nothing was written") from None
        keys = [(r[0], r[1], r[2], r[3]) for r in rows]
        for item in plan_rows:
            print(f"{item.table.name}: {item.layout}, {item.publisher}, {item.period or 'no period'}: "
                  f"{len(item.rows)} new row{'s' * (len(item.rows) != 1)} for {item.target}")
        for item in official:
            edition = item.rows[0].get("edition", "") if item.rows else ""
            print(f"{item.table.name}: {item.layout}, {item.publisher}, {edition}, {item.period}: {len(item.rows)} "
                  f"rows to {item.target}" + (" (replacing the same edition imported before)" if item.replaces else ""))
        if plan_rows:
            print("\n".join(datachange.diff(store, after, keys).lines()))
        answer = datachange.confirm(f"Import into {shown(folder)} and record it in {importers.MANIFEST}?", args.yes)
        if answer is None:
            raise Refusal("nothing written: no one confirmed (run again with --yes to write without asking)")
        if not answer:
            print("Nothing written.")
            return 0
        change.commit()
    print(datachange.written(folder, store, after.hash))
    return 0
