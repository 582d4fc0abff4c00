"""The dataset in DuckDB: loaded from the data folder, validated, and queried only through queries/*.sql.

Why this shape: the CSVs in data/ stay the reviewable source of truth, DuckDB gives every question
a named, parameterised SQL file (as Datasette's canned queries do), and a bad data file stops the
bot at start-up with the file, line and reason instead of producing a wrong figure on deadline.
Each CSV is read by bot/csvfile.py (the line numbers a text editor shows); a Store is one load, and
bot/live.py builds a new one when the files change, swapping it in only if it is valid.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from . import imported
from .csvfile import CsvProblem, read_bytes, table_from_bytes

ROOT = Path(__file__).resolve().parent.parent
_REPOSITORY_DATA = ROOT / "data"

# The columns each file must have, in order: the explicit schema's raw shape.
DATA_FILES: dict[str, list[str]] = {
    "geographies": ["code", "name", "geography_type", "region", "nation", "population_mid2018", "aliases"],
    "measures": ["measure", "label", "unit", "description"],
    "releases": ["release", "series", "covers_year", "geography", "headline_value", "forces_responding", "note"],
    "publishers": ["outlet", "publisher"],
    "reports": ["geography", "geography_type", "year", "measure", "value", "qualifier", "release",
                "forces_responding", "outlet", "source_url", "note"],
    "reports_other_periods": ["geography", "geography_type", "year", "measure", "value", "qualifier", "release",
                              "forces_responding", "outlet", "source_url", "note", "period_start", "period_end"],
}

# Statements run once at start, in this order, after the raw files are read and validated.
BUILD_STEPS = ["schema", "figures"]


@dataclass
class DataError(Exception):
    """A data file that cannot be trusted: start-up stops with one line naming file, line and reason."""

    file: str
    line: int
    reason: str
    folder: str = "data"  # the data folder as the user knows it (OFFENCES_DATA_DIR / --data)
    others: list = field(default_factory=list)  # any further (file, line, reason) the validation found

    def __str__(self) -> str:
        where = (f"{self.folder}/{self.file}" if self.file else self.folder) + (f" line {self.line}" if self.line else "")
        return f"{where}: {self.reason}"


_chosen_data_dir: Path | None = None


def use_data_dir(path: Path | str | None) -> None:
    """The data folder for this process (`--data DIR`); None goes back to OFFENCES_DATA_DIR or data/."""
    global _chosen_data_dir
    _chosen_data_dir = Path(path) if path else None


def default_data_dir() -> Path:
    if _chosen_data_dir is not None:
        return _chosen_data_dir
    chosen = os.environ.get("OFFENCES_DATA_DIR")
    return Path(chosen) if chosen else _REPOSITORY_DATA


def shown(folder: Path) -> str:
    """A folder as messages name it: relative to where the command runs when it is inside it."""
    try:
        return str(Path(folder).resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(folder)


def signature(folder: Path) -> tuple:
    """A cheap fingerprint of the data files (size, modification time, inode): it changes when any file
    is rewritten or replaced, so a running bot can tell without reading them. Taken on every request
    (bot/live.py), so it is plain strings and os.stat: building Path objects cost more than the stats."""
    base = os.fspath(folder)
    out = []
    for name in DATA_FILES:
        try:
            st = os.stat(f"{base}/{name}.csv")
            out.append((name, st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            out.append((name, None, None, None))
    return tuple(out) + imported.signature(base)  # the imported official tables too


def content_hash(folder: Path) -> str | None:
    """The sha256 a Store built from these files would have (None when a file cannot be read)."""
    digest = hashlib.sha256()
    try:
        for name in DATA_FILES:
            raw = (Path(folder) / f"{name}.csv").read_bytes()
            digest.update(f"{name}.csv\0{len(raw)}\0".encode() + raw)
        imported.hash_files(digest, folder)
    except OSError:
        return None
    return digest.hexdigest()


def read_queries(queries_dir: Path = ROOT / "queries") -> dict[str, str]:
    """Every queries/NAME.sql, read once: the only SQL the bot ever runs."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(queries_dir.glob("*.sql"))}


class Store:
    """One in-memory DuckDB database built from data/; each query runs on its own cursor."""

    _parsed: dict[str, duckdb.Statement] = {}  # filled once the data is loaded and locked

    def __init__(self, data_dir: Path | str | None = None, queries_dir: Path | str | None = None,
                 staged: dict[str, Path] | None = None):
        self.data_dir = Path(data_dir) if data_dir else default_data_dir()
        # staged: files written but not yet renamed into place ({"reports": temp path, or
        # "imported/recorded_crime/x.parquet": temp path}), so a data change
        # is validated as the whole data set it would make before anything is replaced
        self.staged = staged or {}
        self.queries = read_queries(Path(queries_dir) if queries_dir else ROOT / "queries")
        # One thread per query: the tables are tiny, so DuckDB's parallelism only adds overhead (~20% a query),
        # and concurrent Slack requests each get their own cursor anyway.
        self._con = duckdb.connect(":memory:", config={"threads": 1})
        self._local = threading.local()
        self.signature = signature(self.data_dir)  # taken before reading: a change while loading shows next time
        self._hash = hashlib.sha256()
        self._load()
        self.hash = self._hash.hexdigest()  # of the bytes loaded, file by file
        self.loaded_at = datetime.now(timezone.utc)
        # Loaded once: from here on nothing may reach files or change settings, whatever a query says.
        self._con.execute(self.queries["lock"])
        self._parsed = self._parse_questions()

    def _parse_questions(self) -> dict[str, duckdb.Statement]:
        """Each one-statement query file parsed once: executing the parsed statement skips DuckDB's parser
        on every answer (measured ~20% of a query with the CPU caches cold, as between a reporter's
        questions). Parameters are still bound by DuckDB at each execution."""
        parsed = {}
        for name, sql in self.queries.items():
            try:
                statements = self._con.extract_statements(sql)
            except duckdb.Error:  # run as text, so the error surfaces where the query is used
                continue
            if len(statements) == 1:
                parsed[name] = statements[0]
        return parsed

    # -- start-up -------------------------------------------------------------------------------
    def _load(self) -> None:
        folder = shown(self.data_dir)
        if not self.data_dir.is_dir():
            raise DataError("", 0, "no such data folder (set --data DIR or OFFENCES_DATA_DIR)", folder)
        for name, columns in DATA_FILES.items():
            self._load_raw(name, columns, folder)
        problems = self._con.execute(self.queries["validate"]).fetchall()
        if problems:
            file, line, reason = problems[0]
            more = f" ({len(problems) - 1} more problem{'s' if len(problems) > 2 else ''} after it)" if len(problems) > 1 else ""
            raise DataError(file, line, reason + more, folder, problems[1:])
        for step in BUILD_STEPS:
            try:
                self._con.execute(self.queries[step])
            except duckdb.Error as exc:  # a constraint the validation did not foresee
                raise DataError("", 0, f"could not build the {step} tables (queries/{step}.sql): "
                                f"{_first_line(exc)}", folder) from None
        try:  # the official tables offences data import wrote (bot/imported.py)
            imported.load(self._con, self.queries, imported.hash_files(self._hash, self.data_dir, self.staged))
        except ValueError as err:
            raise DataError(err.args[0], 0, err.args[1], folder) from None
        except OSError as err:
            raise DataError(imported.IMPORTED, 0, f"cannot be read ({err.strerror or err})", folder) from None
        try:  # police recorded crime answer tables (bot/recorded_build.py)
            from .recorded_build import build as build_recorded

            build_recorded(self._con, self.queries["recorded_build"], self.data_dir)
        except duckdb.Error as exc:
            raise DataError("imported", 0, f"could not build the recorded crime tables "
                            f"(queries/recorded_build.sql): {_first_line(exc)}", folder) from None

    def _load_raw(self, name: str, columns: list[str], folder: str) -> None:
        file = f"{name}.csv"
        try:
            raw = read_bytes(self.staged.get(name, self.data_dir / file))
            self._hash.update(f"{file}\0{len(raw)}\0".encode() + raw)
            rows = table_from_bytes(raw, columns)
        except CsvProblem as problem:
            raise DataError(file, problem.line, problem.reason, folder) from None
        frame = pd.DataFrame([[line, *values] for line, values in rows], columns=["line", *columns])
        frame = frame.astype({"line": "int64", **{c: "string" for c in columns}})
        self._con.from_df(frame).create("raw_" + name)  # the table name comes from DATA_FILES, never from input

    # -- queries --------------------------------------------------------------------------------
    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor per thread: DuckDB connections are not shared across threads."""
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self._local.cursor = self._con.cursor()
        return cur

    def run(self, name: str, **params) -> pd.DataFrame:
        """Run queries/NAME.sql with named parameters bound by DuckDB (never formatted into the SQL)."""
        return self.cursor().execute(self._parsed.get(name) or self.queries[name], params).df()

    def rows(self, name: str, **params) -> list[dict]:
        """The same query as plain dicts, for code that walks rows one by one."""
        cur = self.cursor().execute(self._parsed.get(name) or self.queries[name], params)
        columns = [d[0] for d in cur.description]
        if columns == ["row_json"]:  # a row kept as JSON text at load (see figure_lookup in figures.sql)
            return [json.loads(row[0]) for row in cur.fetchall()]
        if columns == ["rows_json"]:  # rows kept as one JSON array at load (see place_lookup in figures.sql)
            return [r for row in cur.fetchall() for r in json.loads(row[0])]
        return [dict(zip(columns, row)) for row in cur.fetchall()]


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]


_store: Store | None = None
_store_lock = threading.Lock()


def get_store() -> Store:
    """The process-wide store, built on first use (CLI, Slack app and tests share one)."""
    global _store
    with _store_lock:
        if _store is None:
            _store = Store()
        return _store
