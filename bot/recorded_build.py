"""At Store load: the police recorded crime answer tables (queries/recorded_build.sql).

Why here: composing a total from its published parts is one rule, written once in SQL, and every
consumer (answers, charts, the fact-checker) reads its result. The parts come from
bot/offence_groups.py, the one vocabulary of groups, as a small table the SQL joins.
The tables it reads, `recorded_crime` and `populations`, are loaded just before by bot/imported.py.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from .offence_groups import GROUPS, leaves


def build(con: duckdb.DuckDBPyConnection, build_sql: str, data_dir: Path) -> None:
    """The group parts as a table, then recorded_figures and recorded_answers (queries/recorded_build.sql)."""
    pairs = [(g, leaf) for g in GROUPS for leaf in leaves(g)]
    frame = pd.DataFrame(pairs, columns=["group_id", "leaf"]).astype("string")
    con.from_df(frame).create("recorded_group_leaves")
    con.execute(build_sql)
