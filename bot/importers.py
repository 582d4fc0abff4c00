"""`offences data import PATH...`: published tables in, through a registry of importers by layout.

Why a registry: each publisher's table (Home Office recorded crime, ONS, data.police.uk street files)
has its own layout and needs its own reader; each importer says which tables it recognises and how
they become rows of the data folder, and the command does the rest the same way for all: read
everything first, refuse the whole batch if any file is not understood or not valid, stage and
validate the resulting data set, rename into place, and record in manifest.csv what came from where.

Importers for the official tables are not written yet (the next issues add them). The one layout
known today is this project's own reports.csv layout: a file of figures with their own release,
outlet and URL on every row (a colleague's batch of corrections across several releases, say).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from .sheets import CSV_SUFFIXES, SHEET_SUFFIXES, SheetProblem, read_rows
from .store import DATA_FILES, Store

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ["file", "sha256", "layout", "publisher", "period", "rows", "written_to", "imported_at"]


class ImportRefused(Exception):
    """A file or batch that will not be imported; nothing is written."""


@dataclass
class Table:
    """One table found in the input (a file, or a member of a folder or zip)."""

    name: str
    sha256: str
    rows: list[tuple[int, list[str]]]  # (row or line number, cells); the first is the header


@dataclass
class Imported:
    """What one table adds: rows for one data file, and the manifest's description of it."""

    table: Table
    layout: str
    publisher: str
    period: str
    target: str  # the data file it is written into ("reports.csv", "imported/recorded_crime/x.parquet")
    rows: list  # reports.csv: the rows in its columns not already there; an official table: its rows (records)
    frame: object = None  # an official table: the pandas frame in the data contract's columns (bot/import_official.py)
    replaces: bool = False  # an official table: a file of the same edition is already there and is replaced


@dataclass(frozen=True)
class Importer:
    layout: str
    describe: str
    recognise: Callable[[Table], bool]
    convert: Callable[[Table, Store], Imported]


# -- the reports.csv layout --------------------------------------------------------------------------
REPORT_COLUMNS = DATA_FILES["reports"]


def _is_reports(table: Table) -> bool:
    return bool(table.rows) and [c.strip() for c in table.rows[0][1]] == REPORT_COLUMNS


def _reports(table: Table, store: Store) -> Imported:
    have = {tuple(row[c] for c in REPORT_COLUMNS) for row in store.rows("datadesk_report_rows")}
    new, seen = [], set()
    for number, cells in table.rows[1:]:
        if len(cells) != len(REPORT_COLUMNS):
            raise ImportRefused(f"{table.name} line {number}: the row has {len(cells)} fields, the header has "
                                f"{len(REPORT_COLUMNS)}")
        row = tuple(cells)
        if row not in have and row not in seen:  # importing the same table again adds nothing
            seen.add(row)
            new.append(list(cells))
    years = sorted({c[2] for _, c in table.rows[1:] if c[2]})
    outlets = sorted({c[8] for _, c in table.rows[1:] if c[8]})
    publisher = ", ".join(outlets) if len(outlets) <= 3 else f"{len(outlets)} outlets"
    period = f"{years[0]} to {years[-1]}" if len(years) > 1 else (years[0] if years else "")
    return Imported(table, "offences-reports", publisher, period, "reports.csv", new)


def _official(read, table_name: str, layout: str):
    """An importer for one published layout: each edition becomes one Parquet file under imported/."""
    def convert(table: Table, store: Store) -> list[Imported]:
        from .import_official import Refused, period_of

        try:
            editions = read(table, store)
        except Refused as err:
            line, reason = err.args
            raise ImportRefused(f"{table.name} line {line}: {reason}") from None
        out = []
        for slug, frame in editions:
            target = f"imported/{table_name}/{slug}.parquet"
            publisher = ", ".join(sorted(set(frame["publisher"])))
            out.append(Imported(table, layout, publisher, period_of(frame), target, frame.to_dict("records"),
                                frame, (store.data_dir / target).exists()))
        return out
    return convert


def _official_importers() -> list[Importer]:
    from .import_official import LAYOUTS

    return [Importer(layout, describe, recognise, _official(read, target, layout))
            for layout, describe, recognise, read, target in LAYOUTS]


IMPORTERS: list[Importer] = [
    Importer("offences-reports", "figures in this project's reports.csv columns, each row with its own release, "
             "outlet and source_url (as data/reports.csv)", _is_reports, _reports),
    *_official_importers(),
]


def known_layouts() -> str:
    return "; ".join(f"{i.layout}: {i.describe}" for i in IMPORTERS)


# -- reading the input ------------------------------------------------------------------------------
# A downloaded folder carries its notes beside the tables; named one by one they are still refused.
NOTES = re.compile(r"^(source|readme|licen[cs]e|notice|changelog)\b|\.(md|pdf|html?|docx?|json)$", re.I)


def tables(paths: list[Path], skipped: list[str] | None = None) -> list[Table]:
    """Every table in the files, folders and zips given, in a stable order; notes in folders are skipped."""
    out: list[Table] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            notes = [f for f in files if NOTES.search(f.name)]
            if skipped is not None:
                skipped += [str(f) for f in notes]
            files = [f for f in files if f not in notes]
            if not files:
                raise ImportRefused(f"{path}: the folder has no tables")
            out += [t for f in files for t in tables([f])]
        elif path.suffix.lower() == ".zip":
            out += _zip_tables(path)
        elif path.is_file():
            out.append(_table(path, path.name, path.read_bytes()))
        else:
            raise ImportRefused(f"{path}: no such file or folder")
    return out


def _zip_tables(path: Path) -> list[Table]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportRefused(f"{path}: not a readable zip file ({exc})") from None
    out = []
    with archive, tempfile.TemporaryDirectory() as tmp:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            name = Path(info.filename).name  # members are read, never extracted where they say
            if info.is_dir() or name.startswith(".") or not name:
                continue
            data = archive.read(info)
            local = Path(tmp) / name
            local.write_bytes(data)
            out.append(_table(local, f"{path.name}:{info.filename}", data))
    if not out:
        raise ImportRefused(f"{path}: the zip file has no files")
    return out


def _table(path: Path, name: str, data: bytes) -> Table:
    if path.suffix.lower() not in CSV_SUFFIXES | SHEET_SUFFIXES:
        raise ImportRefused(f"{name}: a {path.suffix or 'file without an extension'} is not a table this reads "
                            "(CSV, .xlsx, .xls or .ods)")
    try:
        rows = read_rows(path)
    except SheetProblem as err:
        raise ImportRefused(str(err).replace(str(path), name)) from None
    return Table(name, hashlib.sha256(data).hexdigest(), rows)


def recognise(table: Table) -> Importer:
    for importer in IMPORTERS:
        if importer.recognise(table):
            return importer
    header = ", ".join(c for c in (table.rows[0][1] if table.rows else []) if c)[:200]
    raise ImportRefused(f"{table.name}: not a layout this knows (header: {header or 'none'}). Known layouts: "
                        f"{known_layouts()}")


# -- the manifest ------------------------------------------------------------------------------------
def read_manifest(folder: Path) -> list[dict]:
    """What was imported from where (empty when nothing has been)."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def manifest_with(folder: Path, done: list[Imported]) -> bytes:
    """manifest.csv with one row more per imported table (the old rows kept as they were)."""
    path = Path(folder) / MANIFEST
    old = path.read_bytes() if path.is_file() else b""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if not old:
        writer.writerow(MANIFEST_COLUMNS)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for item in done:
        writer.writerow([item.table.name, item.table.sha256, item.layout, item.publisher, item.period,
                         len(item.rows), item.target, now])
    head = old if old.endswith(b"\n") or not old else old + b"\n"
    return head + out.getvalue().encode("utf-8")
