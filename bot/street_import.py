"""data.police.uk street-level files in, as partitioned Parquet (force, month), never through Python lists.

Why DuckDB end to end: the national archive is tens of millions of rows. DuckDB reads the CSVs with
explicit types, the checks are SQL over the whole batch, and `COPY ... PARTITION_BY` writes zstd Parquet
into a staging folder; each (force, month) partition is then renamed into `<data>/imported/street/`, so
a re-published month replaces the old one and a refused batch changes nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import duckdb

HEADER = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
          "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"]
CRIME_TYPES = ["Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs",
               "Other crime", "Other theft", "Possession of weapons", "Public order", "Robbery",
               "Shoplifting", "Theft from the person", "Vehicle crime", "Violence and sexual offences"]
FILE_NAME = re.compile(r"^(\d{4}-\d{2})-(.+)-street\.csv$")
SKIPPED = re.compile(r"-(outcomes|stop-and-search)\.csv$")
COLUMNS = {"crime_id": "Crime ID", "month": "Month", "reported_by": "Reported by", "falls_within": "Falls within",
           "longitude": "Longitude", "latitude": "Latitude", "location": "Location", "lsoa_code": "LSOA code",
           "lsoa_name": "LSOA name", "crime_type": "Crime type", "last_outcome": "Last outcome category",
           "context": "Context"}
# The local authority a crime happened in: the LSOA name without its code ("Sunderland 012B").
LOCAL_AUTHORITY = "nullif(regexp_replace(\"LSOA name\", ' [0-9]{3}[A-Z]$', ''), '')"
TYPES = {"Longitude": "DOUBLE", "Latitude": "DOUBLE"}


class StreetRefused(Exception):
    """A street batch that will not be imported; nothing is written."""


def path_literal(path) -> str:
    """A path as a DuckDB string literal, quotes doubled. Only for the statements that take no bound
    parameters (SET, a COPY ... TO target, a list of files): the path is ours (the data folder), never
    a reporter's words, but a newsroom's folder may be called "editor's data"."""
    return "'" + str(path).replace("'", "''") + "'"


def street_dir(data: Path) -> Path:
    return Path(data) / "imported" / "street"


def is_street_header(line: str) -> bool:
    return [c.strip() for c in next(csv.reader([line.lstrip("\ufeff")]), [])] == HEADER


def first_line(path: Path) -> str:
    with open(path, encoding="utf-8-sig", errors="replace") as fh:
        return fh.readline()


def is_street_input(path: Path) -> bool:
    """A street file, a folder holding one, or a zip with one (peeking at names and first lines only)."""
    path = Path(path)
    if path.is_dir():
        return any(FILE_NAME.match(p.name) and is_street_header(first_line(p)) for p in path.rglob("*-street.csv"))
    if path.suffix.lower() == ".zip" and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return any(FILE_NAME.match(Path(n).name) for n in z.namelist())
    return path.is_file() and path.suffix.lower() == ".csv" and is_street_header(first_line(path))


@contextmanager
def _files(paths: list[Path], notes: list[str]):
    """(shown name, local path) of every street file; zip members are extracted to a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        out = []
        for path in map(Path, paths):
            if path.is_dir():
                for p in sorted(path.rglob("*.csv")):
                    if SKIPPED.search(p.name):
                        notes.append(f"{p.name}: not a street file (outcomes or stop and search), skipped")
                    else:
                        out.append((str(p.relative_to(path.parent)), p))
            elif path.suffix.lower() == ".zip":
                with zipfile.ZipFile(path) as z:
                    for i, info in enumerate(sorted(z.infolist(), key=lambda i: i.filename)):
                        name = Path(info.filename).name
                        if info.is_dir() or not name.endswith(".csv"):
                            continue
                        if SKIPPED.search(name):
                            notes.append(f"{path.name}:{info.filename}: outcomes or stop and search, skipped")
                            continue
                        local = Path(tmp) / str(i) / name
                        local.parent.mkdir()
                        local.write_bytes(z.read(info))
                        out.append((f"{path.name}:{info.filename}", local))
            elif path.is_file():
                out.append((str(path), path))
            else:
                raise StreetRefused(f"{path}: no such file or folder")
        yield out


def _check_names(files) -> list[tuple[str, Path, str, str]]:
    out = []
    for shown, path in files:
        m = FILE_NAME.match(path.name)
        if not m:
            raise StreetRefused(f"{shown}: a street file is named YYYY-MM-force-street.csv")
        if not is_street_header(first_line(path)):
            raise StreetRefused(f"{shown} line 1: the header is not data.police.uk's 12 street columns "
                                f"({', '.join(HEADER)})")
        out.append((shown, path, m.group(1), m.group(2)))
    return out


def _read(con, files) -> None:
    """One view over every file, with its line number, file month and force from the name."""
    parts = []
    for n, (_, path, month, force) in enumerate(files):
        # only the file's index is formatted in (a table name takes no parameter); the rest is bound
        con.execute(f"CREATE TEMP TABLE f{n} AS SELECT {n} AS file_no, $month AS file_month, $force AS force, "
                    "row_number() OVER () + 1 AS line, * FROM read_csv($path, header=true, auto_detect=false, "
                    "columns=$columns, quote='\"', escape='\"', strict_mode=false)",
                    {"month": month, "force": force, "path": str(path),
                     "columns": {h: TYPES.get(h, "VARCHAR") for h in HEADER}})
        parts.append(f"SELECT * FROM f{n}")
    con.execute("CREATE TEMP VIEW incoming AS " + " UNION ALL ".join(parts))


def validate(con, files) -> None:
    con.execute("CREATE TEMP TABLE crime_types AS SELECT unnest($t) AS t", {"t": CRIME_TYPES})
    bad = con.execute(open(_sql("street_validate")).read()).fetchone()
    if bad:
        file_no, line, reason = bad
        raise StreetRefused(f"{files[file_no][0]} line {line}: {reason}")


def _sql(name: str) -> Path:
    return Path(__file__).resolve().parent.parent / "queries" / f"{name}.sql"


def run(paths: list[Path], data: Path, echo=print) -> int:
    """Import street files into `data`; refuse the whole batch (StreetRefused) on the first bad file."""
    notes: list[str] = []
    target = street_dir(data)
    with _files(paths, notes) as found:
        files = _check_names(found)
        for note in notes:
            echo(note)
        if not files:
            raise StreetRefused("no data.police.uk street files (YYYY-MM-force-street.csv) in what was given")
        con = duckdb.connect()
        con.execute("SET enable_progress_bar=false")
        _read(con, files)
        validate(con, files)
        target.parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".street-stage-", dir=target.parent))
        try:
            select = ", ".join(f'"{h}" AS {c}' for c, h in COLUMNS.items() if c != "month")
            con.execute(f"COPY (SELECT {select}, {LOCAL_AUTHORITY} AS la, force, file_month AS month FROM incoming) "
                        f"TO {path_literal(f'{stage}/new')} "
                        "(FORMAT parquet, PARTITION_BY (force, month), COMPRESSION zstd)")
            counts = con.execute("SELECT force, file_month, count(*) FROM incoming GROUP BY ALL ORDER BY ALL").fetchall()
            _move_into_place(stage / "new", target, counts, echo)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
            con.close()
        _manifest(data, files, dict(((f, m), n) for f, m, n in counts))
    total = sum(n for *_, n in counts)
    echo(f"Imported {total:,} street records from {len(files)} file{'s' * (len(files) != 1)} into {target}")
    return 0


def _move_into_place(new: Path, target: Path, counts, echo) -> None:
    for force, month, n in counts:
        src = new / f"force={force}" / f"month={month}"
        dst = target / f"force={force}" / f"month={month}"
        dst.parent.mkdir(parents=True, exist_ok=True)
        if dst.exists():
            with duckdb.connect() as con:
                old = con.execute("SELECT count(*) FROM read_parquet($p)", {"p": f"{dst}/*.parquet"}).fetchone()[0]
            trash = dst.with_name(f".old-{month}")
            dst.rename(trash)
            src.rename(dst)
            shutil.rmtree(trash)
            echo(f"{force} {month}: replaced {old:,} records with {n:,}")
        else:
            src.rename(dst)
            echo(f"{force} {month}: {n:,} records")


def _manifest(data: Path, files, counts) -> None:
    from .importers import MANIFEST, MANIFEST_COLUMNS

    path = Path(data) / MANIFEST
    old = path.read_bytes() if path.is_file() else b""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if not old:
        writer.writerow(MANIFEST_COLUMNS)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for shown, p, month, force in files:
        writer.writerow([shown, hashlib.sha256(p.read_bytes()).hexdigest(), "police-uk-street", "data.police.uk",
                         month, counts.get((force, month), 0), f"imported/street/force={force}/month={month}", now])
    head = old if old.endswith(b"\n") or not old else old + b"\n"
    tmp = path.with_name(".manifest.tmp")
    tmp.write_bytes(head + out.getvalue().encode("utf-8"))
    tmp.replace(path)
