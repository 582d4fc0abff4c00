"""A read-only DuckDB over the imported street Parquet, locked to that folder.

Why separate from bot/store.py: the main store locks external access off entirely and street rows are far
too many to load into memory, so this connection reads the hive-partitioned Parquet where it lies (with
`allowed_directories` naming only that folder), keeps only the counts, then `enable_external_access=false`.
"""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb

from .street_import import path_literal, street_dir

QUERIES = Path(__file__).resolve().parent.parent / "queries"


class StreetStore:
    def __init__(self, data: Path):
        self.folder = street_dir(data)
        self.con = duckdb.connect()
        # Every street question is a count by force, month, local authority and crime type, so the store keeps
        # one in-memory roll-up of those counts, built once per import. Binding a view over thousands of
        # partition files cost ~170 ms on every query at national scale (bench/scale_bench.py); the roll-up is
        # a few hundred thousand rows even nationally, and once built no file is read again.
        files = sorted(str(p) for p in self.folder.glob("force=*/month=*/*.parquet"))
        self.empty = not files
        self._lock = threading.Lock()
        if not self.empty:
            self.con.execute(f"SET allowed_directories=[{path_literal(f'{self.folder}/')}]")
            listed = "[" + ", ".join(path_literal(f) for f in files) + "]"
            self.con.execute("CREATE TABLE street AS SELECT force, month, any_value(falls_within) AS falls_within, la, "
                             f"crime_type, count(*) AS n FROM read_parquet({listed}, hive_partitioning=true, "
                             "hive_types={'force': VARCHAR, 'month': VARCHAR}) GROUP BY force, month, la, crime_type")
        self.con.execute("SET enable_external_access=false")
        self.con.execute("SET lock_configuration=true")
        self.stamp = stamp(data)

    def rows(self, name: str, params: dict | None = None) -> list[dict]:
        sql = (QUERIES / f"{name}.sql").read_text()
        with self._lock:
            cur = self.con.cursor()
            used = {k: v for k, v in (params or {}).items() if f"${k}" in sql}  # one dict serves every query
            res = cur.execute(sql, used)
            cols = [d[0] for d in res.description]
            return [dict(zip(cols, r)) for r in res.fetchall()]


def stamp(data: Path) -> tuple:
    """Changes whenever a partition is added or replaced (the bot reloads on a new stamp).

    Partitions are renamed into (and out of) their force folder, which changes that folder's mtime, and a
    new force changes the street folder's: ~45 stats a request nationally instead of one per partition."""
    folder = street_dir(data)
    if not folder.is_dir():
        return ()
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in [folder, *folder.glob("force=*")]))


_stores: dict[str, StreetStore] = {}
_guard = threading.Lock()


def get(data: Path) -> StreetStore:
    """The street store for a data folder, rebuilt when a new import has landed."""
    key = str(Path(data).resolve())
    with _guard:
        store = _stores.get(key)
        if store is None or store.stamp != stamp(data):
            store = _stores[key] = StreetStore(data)
        return store
