"""The imported official tables (Home Office and ONS recorded crime, ONS populations) at Store load.

Why a module of its own: the Store's job is the compiled NSPCC CSVs; the official tables arrive as
Parquet files that `offences data import` writes under <data>/imported/<table>/ (one file per table
edition, never committed). They are read here into the two in-memory tables of the data contract
(queries/imported_schema.sql) before queries/lock.sql shuts file access, and their bytes join the
Store's signature and content hash so a running bot (bot/live.py, /healthz) sees a new import.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import duckdb

IMPORTED = "imported"
TABLES = ("recorded_crime", "populations")  # folder names under imported/, and the tables they fill


def relative_name(table: str, file_name: str) -> str:
    """A file's name as the data folder knows it ("imported/recorded_crime/x.parquet")."""
    return f"{IMPORTED}/{table}/{file_name}"


def _parquet_entries(base: str):
    """(table, directory entry) for each imported Parquet file; temporary files (leading '.') never.
    os.scandir, not pathlib: the signature below is taken on every request."""
    for table in TABLES:
        try:
            with os.scandir(f"{base}/{IMPORTED}/{table}") as entries:
                found = [e for e in entries if e.name.endswith(".parquet") and not e.name.startswith(".")]
        except OSError:  # nothing imported into this table (or not a folder)
            continue
        for entry in found:
            yield table, entry


def imported_files(folder: Path, staged: dict[str, Path] | None = None) -> list[tuple[str, Path]]:
    """(name in the data folder, path to read) for every imported Parquet file, staged ones in place of
    (or beside) the files they will replace."""
    found: dict[str, Path] = {}
    for table, entry in _parquet_entries(os.fspath(folder)):
        if entry.is_file():
            found[relative_name(table, entry.name)] = Path(entry.path)
    for name, path in (staged or {}).items():
        if name.startswith(IMPORTED + "/"):
            found[name] = Path(path)
    return sorted(found.items())


def signature(folder: Path | str) -> tuple:
    """(name, size, mtime, inode) of each imported file: changes when one is added, replaced or removed."""
    out = []
    for table, entry in _parquet_entries(os.fspath(folder)):
        name = relative_name(table, entry.name)
        try:
            st = entry.stat()
        except OSError:
            out.append((name, None, None, None))
            continue
        if stat.S_ISREG(st.st_mode):
            out.append((name, st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(sorted(out, key=lambda item: item[0]))


def hash_files(digest, folder: Path, staged: dict[str, Path] | None = None) -> list[tuple[str, Path]]:
    """Feed every imported file's name and bytes to `digest` (as the Store's hash); returns the files."""
    files = imported_files(folder, staged)
    for name, path in files:
        raw = Path(path).read_bytes()
        digest.update(f"{name}\0{len(raw)}\0".encode() + raw)
    return files


def load(con: duckdb.DuckDBPyConnection, queries: dict[str, str], files: list[tuple[str, Path]]) -> None:
    """Create the contract's tables (empty) and fill them, one file at a time so a damaged file is named.
    Raises ValueError(name, reason) for a file that cannot be read as the contract says."""
    con.execute(queries["imported_schema"])
    for name, path in files:
        table = name.split("/")[1]
        try:
            con.execute(queries[f"imported_{table}"], {"file": str(path)})
        except duckdb.Error as exc:
            reason = str(exc).strip().splitlines()[0]
            raise ValueError(name, f"not a readable {table} table as offences data import writes it ({reason}); "
                             "import the published file again to rewrite it") from None
