"""Street data at national scale: a SYNTHETIC table (never shipped as data) in the street schema, written
with the import's own COPY ... PARTITION_BY writer under /tmp, then the bot's own street queries timed.

    .venv/bin/python bench/scale_bench.py [ROWS]   (default 20,000,000; 60,000,000 for the full national size)

Prints the import rate, the median warm time of each query, peak RSS, and the same queries on the real
346,582 rows when ../shared/crime is there. The synthetic table is written by a child process, so the
peak RSS of writing and of querying are reported apart (the bot only ever does the querying).
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bot.street_import import CRIME_TYPES, run  # noqa: E402
from bot.street_store import StreetStore  # noqa: E402

FORCES, MONTHS = 43, 120
# A realistic mix: ASB and violence lead, bicycle theft and weapons trail (shares of national street data)
SHARES = [0.30, 0.015, 0.055, 0.08, 0.025, 0.02, 0.08, 0.008, 0.06, 0.013, 0.055, 0.015, 0.04, 0.234]


def synthetic(folder: Path, rows: int) -> float:
    """SYNTHETIC street rows: 43 forces x 120 months, ~8 local authorities a force (skewed), 300 LSOAs each."""
    con = duckdb.connect()
    con.execute("SET enable_progress_bar=false")
    con.execute("SET preserve_insertion_order=false")  # the writer need not keep row order; saves memory
    cum, acc = [], 0.0
    for s in SHARES:
        acc += s
        cum.append(acc)
    case = " ".join(f"WHEN r < {c} THEN '{t}'" for c, t in zip(cum, CRIME_TYPES))
    start = time.perf_counter()
    con.execute(f"""COPY (
        WITH g AS (SELECT i, (i % {FORCES}) AS f, ((i // {FORCES}) % {MONTHS}) AS m, random() AS r,
                          floor(pow(random(), 2) * 8)::INT AS l, (random() * 300)::INT AS s FROM range({rows}) t(i))
        SELECT md5(i::VARCHAR) AS crime_id, 'Force ' || f AS reported_by, 'Force ' || f AS falls_within,
               -1.5 + random() AS longitude, 53 + random() AS latitude, 'On or near Synthetic Street' AS location,
               'E01' || lpad((f * 10000 + l * 1000 + s)::VARCHAR, 6, '0') AS lsoa_code,
               'Synthtown' || f || '-' || l || ' ' || lpad(s::VARCHAR, 3, '0') || 'A' AS lsoa_name,
               CASE {case} ELSE 'Other crime' END AS crime_type, 'Under investigation' AS last_outcome,
               NULL::VARCHAR AS context, 'Synthtown' || f || '-' || l AS la,
               'synthetic-force-' || f AS force,
               (2011 + m // 12)::VARCHAR || '-' || lpad((m % 12 + 1)::VARCHAR, 2, '0') AS month
        FROM g) TO '{folder}' (FORMAT parquet, PARTITION_BY (force, month), COMPRESSION zstd)""")
    return time.perf_counter() - start


def timed(store: StreetStore, name: str, params: dict, n: int = 7) -> float:
    store.rows(name, params)  # warm
    times = []
    for _ in range(n):
        t = time.perf_counter()
        store.rows(name, params)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def queries(store: StreetStore, la: str, force: str, year: str) -> dict:
    town = {"la": la, "force": None, "from_month": f"{year}-01", "to_month": f"{year}-12", "all": False,
            "types": ["Burglary"]}
    series = {"la": None, "force": force, "from_month": f"{year}-01", "to_month": f"{year}-12", "all": True, "types": []}
    return {"town x crime type x year": timed(store, "street_count", town),
            "force by month series": timed(store, "street_count", series),
            "top crime types ranking": timed(store, "street_types", series)}


def main() -> None:
    if sys.argv[1:2] == ["--write"]:
        synthetic(Path(sys.argv[2]), int(sys.argv[3]))
        print(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f}")
        return
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000_000
    tmp = Path(tempfile.mkdtemp(prefix="street-scale-", dir="/tmp"))
    try:
        data = tmp / "data"
        target = data / "imported" / "street"
        target.parent.mkdir(parents=True)
        t = time.perf_counter()
        child = subprocess.run([sys.executable, __file__, "--write", str(target), str(rows)],
                               check=True, capture_output=True, text=True)
        secs = time.perf_counter() - t
        print(f"writer peak RSS {child.stdout.strip()} MB")
        size = sum(p.stat().st_size for p in target.rglob("*.parquet"))
        print(f"SYNTHETIC street table: {rows:,} rows, {FORCES} forces x {MONTHS} months, "
              f"{size / 1e9:.2f} GB zstd Parquet; written in {secs:.1f} s = {rows / secs:,.0f} rows/s")
        t = time.perf_counter()
        store = StreetStore(data)
        print(f"store opened in {(time.perf_counter() - t) * 1000:.0f} ms")
        for name, ms in queries(store, "Synthtown7-0", "synthetic-force-7", "2019").items():
            print(f"  {name}: median {ms:.1f} ms (warm)")
        real = ROOT.parent / "shared" / "crime" / "police_uk_street_2021_durham_cleveland_northumbria"
        if real.is_dir():
            rdata = tmp / "real"
            t = time.perf_counter()
            run([real], rdata, echo=lambda *a: None)
            secs = time.perf_counter() - t
            print(f"real files: 346,582 rows imported (validated) in {secs:.1f} s = {346_582 / secs:,.0f} rows/s")
            for name, ms in queries(StreetStore(rdata), "Sunderland", "durham", "2021").items():
                print(f"  real {name}: median {ms:.1f} ms (warm)")
        print(f"query process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
