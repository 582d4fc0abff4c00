"""The dataset in DuckDB: loaded once from data/, validated, and queried only through queries/*.sql.

Why this shape: the CSVs in data/ stay the reviewable source of truth, DuckDB gives every question
a named, parameterised SQL file (as Datasette's canned queries do), and a bad data file stops the
bot at start-up with the file, line and reason instead of producing a wrong figure on deadline.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent

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

    def __str__(self) -> str:
        where = f"data/{self.file}" + (f" line {self.line}" if self.line else "")
        return f"{where}: {self.reason}"


def default_data_dir() -> Path:
    return Path(os.environ.get("OFFENCES_DATA_DIR", ROOT / "data"))


def read_queries(queries_dir: Path = ROOT / "queries") -> dict[str, str]:
    """Every queries/NAME.sql, read once: the only SQL the bot ever runs."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(queries_dir.glob("*.sql"))}


class Store:
    """One in-memory DuckDB database built from data/; each query runs on its own cursor."""

    def __init__(self, data_dir: Path | str | None = None, queries_dir: Path | str | None = None):
        self.data_dir = Path(data_dir) if data_dir else default_data_dir()
        self.queries = read_queries(Path(queries_dir) if queries_dir else ROOT / "queries")
        # One thread per query: the tables are tiny, so DuckDB's parallelism only adds overhead (~20% a query),
        # and concurrent Slack requests each get their own cursor anyway.
        self._con = duckdb.connect(":memory:", config={"threads": 1})
        self._local = threading.local()
        self._load()
        # Loaded once: from here on nothing may reach files or change settings, whatever a query says.
        self._con.execute(self.queries["lock"])

    # -- start-up -------------------------------------------------------------------------------
    def _load(self) -> None:
        for name, columns in DATA_FILES.items():
            self._load_raw(name, columns)
        problems = self._con.execute(self.queries["validate"]).fetchall()
        if problems:
            file, line, reason = problems[0]
            more = f" ({len(problems) - 1} more problem{'s' if len(problems) > 2 else ''} after it)" if len(problems) > 1 else ""
            raise DataError(file, line, reason + more)
        for step in BUILD_STEPS:
            try:
                self._con.execute(self.queries[step])
            except duckdb.Error as exc:  # a constraint the validation did not foresee
                raise DataError(step, 0, f"could not build the {step} tables: {_first_line(exc)}") from None

    def _load_raw(self, name: str, columns: list[str]) -> None:
        path = self.data_dir / f"{name}.csv"
        file = path.name
        if not path.is_file():
            raise DataError(file, 0, "file is missing")
        try:
            raw = self._con.sql(self.queries["load_raw"], params={"path": str(path)})
            found = raw.columns[1:]
            if found != columns:
                missing = [c for c in columns if c not in found]
                extra = [c for c in found if c not in columns]
                detail = "; ".join(filter(None, [
                    "missing column(s) " + ", ".join(missing) if missing else "",
                    "unexpected column(s) " + ", ".join(extra) if extra else "",
                    "columns out of order" if not missing and not extra else "",
                ]))
                raise DataError(file, 1, f"header does not match the schema: {detail}")
            raw.create("raw_" + name)  # the table name comes from DATA_FILES, never from input
        except duckdb.Error as exc:
            message = str(exc)
            match = re.search(r"[Ll]ine:?\s*(\d+)", message)
            raise DataError(file, int(match.group(1)) if match else 0,
                            f"not a well-formed CSV file: {_first_line(exc)}") from None

    # -- queries --------------------------------------------------------------------------------
    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor per thread: DuckDB connections are not shared across threads."""
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self._local.cursor = self._con.cursor()
        return cur

    def run(self, name: str, **params) -> pd.DataFrame:
        """Run queries/NAME.sql with named parameters bound by DuckDB (never formatted into the SQL)."""
        return self.cursor().execute(self.queries[name], params).df()

    def rows(self, name: str, **params) -> list[dict]:
        """The same query as plain dicts, for code that walks rows one by one."""
        cur = self.cursor().execute(self.queries[name], params)
        columns = [d[0] for d in cur.description]
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
