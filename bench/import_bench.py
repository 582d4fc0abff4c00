"""Seconds to import each published official table (real files in ../shared/crime) into a fresh data
folder, and the Store's load time with and without the imported tables. Prints its figures."""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.cli import main  # noqa: E402
from bot.store import Store  # noqa: E402

SHARED = ROOT.parent / "shared" / "crime"
TABLES = [
    "home_office_prc_pfa_rolling_2003_2018/rec-crime-pfa.csv",
    "home_office_prc_pfa_offence_code_2017_18/prc-pfa-mar2013-onwards-tables201718.csv",
    "ons_pfa_tables_2018_2019/ons_pfa_tableP1_long_ye_mar2018_to_dec2019.csv",
    "ons_population_pfa_mid2011_2023/pfa_population_mid2011_2023.csv",
    "police_uk_street_2021_durham_cleveland_northumbria",  # 36 monthly files, 346,582 rows
]


def load_seconds(folder: Path, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        Store(folder)
        best = min(best, time.perf_counter() - start)
    return best


def main_bench() -> int:
    if not SHARED.is_dir():
        print(f"no published tables at {SHARED}")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("imported"))
        Store(folder)  # warm: the first load in a process pays for imports and DuckDB start-up
        without = load_seconds(folder)
        for name in TABLES:
            start = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                code = main(["data", "import", str(SHARED / name), "--data", str(folder), "--yes"])
            print(f"import {Path(name).name}: {time.perf_counter() - start:.2f} s (exit {code})")
        with_tables = load_seconds(folder)
        print(f"Store load without imported tables: {without * 1000:.0f} ms; with them: {with_tables * 1000:.0f} ms "
              f"({with_tables / without:.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main_bench())
