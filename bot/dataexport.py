"""`offences data export`: the figures the bot answers with, for other newsroom tools.

Why from the figures table and not reports.csv: other tools should get the same one figure per place,
year and measure that reporters get (with its status, release and source), not raw source rows to
settle themselves. Parquet is written by DuckDB (a fresh connection: the store's own is locked
against files), through a temporary file renamed into place, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path

import duckdb

from .store import Store


def export(store: Store, measure: str | None, fmt: str, out: Path | None) -> int:
    """Write the figures; returns how many rows. Raises ValueError with a message for the editor."""
    if measure is not None and not store.rows("measure", measure=measure):
        known = ", ".join(r["measure"] for r in store.rows("measures"))
        raise ValueError(f"--measure {measure}: not a measure in measures.csv ({known})")
    frame = store.run("datadesk_export", measure=measure)
    if fmt == "parquet" and out is None:
        raise ValueError("--format parquet needs --out PATH (Parquet is not written to a terminal)")
    if out is None:
        _csv(frame, sys.stdout)
        return len(frame)
    out = Path(out)
    if not out.parent.is_dir():
        raise ValueError(f"--out {out}: no such folder {out.parent}")
    tmp = out.with_name(f".{out.name}.partial")
    try:
        if fmt == "parquet":
            con = duckdb.connect(":memory:")
            try:
                con.from_df(frame).write_parquet(str(tmp))  # DuckDB's COPY ... TO (FORMAT parquet)
            finally:
                con.close()
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                _csv(frame, fh)
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return len(frame)


def _csv(frame, fh: io.TextIOBase) -> None:
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        writer.writerow(["" if _missing(v) else v for v in row])


def _missing(value) -> bool:
    try:
        import pandas as pd

        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
