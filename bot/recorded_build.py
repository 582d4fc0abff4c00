"""At Store load: the police recorded crime answer tables (queries/recorded_build.sql).

Why here: composing a total from its published parts is one rule, written once in SQL, and every
consumer (answers, charts, the fact-checker) reads its result. The parts come from
bot/offence_groups.py, the one vocabulary of groups, as a small table the SQL joins.
If the importer's loading has not created `recorded_crime` / `populations`, they are read here from
<data>/imported/*/ (the contract's Parquet files), or created empty so every query works.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from .offence_groups import GROUPS, leaves

RECORDED_COLUMNS = {
    "publisher": "VARCHAR", "source_table": "VARCHAR", "edition": "VARCHAR", "edition_end": "DATE",
    "published": "VARCHAR", "period_start": "DATE", "period_end": "DATE", "period_months": "INTEGER",
    "area_code": "VARCHAR", "area_name": "VARCHAR", "area_type": "VARCHAR", "offence_group": "VARCHAR",
    "offence_as_published": "VARCHAR", "value": "BIGINT", "status": "VARCHAR", "source_file": "VARCHAR",
    "source_line": "INTEGER", "source_url": "VARCHAR",
}
POPULATION_COLUMNS = {
    "area_code": "VARCHAR", "area_name": "VARCHAR", "mid_year": "INTEGER", "population": "BIGINT",
    "publisher": "VARCHAR", "source_table": "VARCHAR", "edition": "VARCHAR", "source_file": "VARCHAR",
    "source_line": "INTEGER", "source_url": "VARCHAR",
}


def _exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                            [table]).fetchone()[0])


def _ensure(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, str], folder: Path) -> None:
    """Create `table` from <folder>/*.parquet (or empty) unless the importer's loading already did."""
    if _exists(con, table):
        return
    names = ", ".join(f"{c} {t}" for c, t in columns.items())
    con.execute(f"CREATE TABLE {table} ({names})")  # names are the constants above, never input
    files = sorted(str(p) for p in folder.glob("*.parquet")) if folder.is_dir() else []
    if files:
        select = ", ".join(f"CAST({c} AS {t})" for c, t in columns.items())
        con.execute(f"INSERT INTO {table} SELECT {select} FROM read_parquet(?)", [files])


def build(con: duckdb.DuckDBPyConnection, build_sql: str, data_dir: Path) -> None:
    _ensure(con, "recorded_crime", RECORDED_COLUMNS, Path(data_dir) / "imported" / "recorded_crime")
    _ensure(con, "populations", POPULATION_COLUMNS, Path(data_dir) / "imported" / "populations")
    pairs = [(g, leaf) for g in GROUPS for leaf in leaves(g)]
    frame = pd.DataFrame(pairs, columns=["group_id", "leaf"]).astype("string")
    con.from_df(frame).create("recorded_group_leaves")
    con.execute(build_sql)
