"""Chart timings and example images.

    .venv/bin/python bench/chart_bench.py              # import cost + median render time per shape
    .venv/bin/python bench/chart_bench.py --runs 30    # more runs
    .venv/bin/python bench/chart_bench.py --examples   # also write docs/chart-*.png

Import cost is measured in fresh subprocesses (so nothing is already imported), timed step by step
inside the subprocess: the bot's answer layer (for scale), bot.charts (should be ~nothing: matplotlib
is imported lazily), matplotlib's Figure and Agg canvas, then the first and second charts drawn.
Render times are measured after a warm-up, per shape, as the median of --runs renders of
render_png(answer) (build the figure + encode the PNG); building the Answer is not included.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHAPES = {
    "series": "northumbria",
    "series (gaps)": "kent",
    "change": "northumbria 2015/16 vs 2016/17",
    "compare": "compare durham, cleveland and northumbria 2016/17",
    "rank": "top 5 2018/19",
    "rank (24 bars)": "top 50 2018/19",
    "region": "north east 2015/16",
    "figure": "durham 2016/17",
    "national": "england and wales 2016/17",
}
EXAMPLES = {
    "series": "lancashire",
    "change": "northumbria 2015/16 vs 2016/17",
    "compare": "compare durham, cleveland and northumbria 2016/17",
    "rank": "top 10 2018/19",
    "region": "north east 2015/16",
    "figure": "durham 2016/17",
    "national": "england and wales 2016/17",
}

# Timed inside a fresh interpreter, step by step, so the numbers are not swamped by start-up noise.
IMPORT_PROBE = """
import time
t0 = time.perf_counter()
import bot.answer
t1 = time.perf_counter()
import bot.charts
t2 = time.perf_counter()
from matplotlib.figure import Figure
from matplotlib.backends.backend_agg import FigureCanvasAgg
t3 = time.perf_counter()
a = bot.answer.answer("northumbria")
t4 = time.perf_counter()
bot.charts.render_png(a)
t5 = time.perf_counter()
bot.charts.render_png(bot.answer.answer("kent"))
t6 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t5 - t4, t6 - t5)
"""
IMPORT_LABELS = [
    "import bot.answer (the bot, for scale)",
    "import bot.charts",
    "import matplotlib Figure + Agg",
    "first chart in the process",
    "second chart (another shape)",
]

# Subprocesses may write bytecode (as a deployed bot would have it) but into a temporary prefix, never
# into the repository; the first, warming run is not counted.
_PYCACHE = tempfile.mkdtemp(prefix="offences-bench-pycache-")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPYCACHEPREFIX": _PYCACHE}


def import_costs(repeat: int = 5) -> None:
    def probe() -> list[float]:
        out = subprocess.run([sys.executable, "-c", IMPORT_PROBE], check=True, cwd=ROOT, env=ENV,
                             capture_output=True, text=True)
        return [float(x) for x in out.stdout.split()]

    probe()  # writes the bytecode cache
    runs = [probe() for _ in range(repeat)]
    print(f"One-off costs in a fresh process (bytecode cached, median of {repeat})")
    for i, label in enumerate(IMPORT_LABELS):
        print(f"  {label:<40} {statistics.median(r[i] for r in runs) * 1000:7.1f} ms")
    print("  (the first chart pays for the rest of matplotlib's imports, the font cache and first layouts)")


def render_times(runs: int) -> None:
    from bot import chart_drawing, charts
    from bot.answer import answer

    print(f"\nRender time per shape (render_png, after warm-up, median of {runs})")
    print("  (warm: text widths cached from earlier renders, as in a running bot; 'no cache': widths measured afresh)")
    print(f"  {'shape':<16} {'median':>8} {'min':>8} {'no cache':>9} {'PNG':>9}  {'pixels':>10}  question")
    for shape, question in SHAPES.items():
        a = answer(question)
        png = charts.render_png(a)  # warm-up
        charts.render_png(a)
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            png = charts.render_png(a)
            times.append(time.perf_counter() - t)
        uncached = []
        for _ in range(max(3, runs // 3)):
            chart_drawing._widths.clear()
            chart_drawing._renderers.clear()  # and matplotlib's extents, cached per renderer
            t = time.perf_counter()
            charts.render_png(a)
            uncached.append(time.perf_counter() - t)
        width = int.from_bytes(png[16:20], "big")
        height = int.from_bytes(png[20:24], "big")
        print(f"  {shape:<16} {statistics.median(times) * 1000:6.1f}ms {min(times) * 1000:6.1f}ms "
              f"{statistics.median(uncached) * 1000:7.1f}ms {len(png) / 1024:7.1f}KB  {width}x{height}  {question}")


def examples() -> None:
    from bot import charts
    from bot.answer import answer

    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    print("\nExamples")
    for shape, question in EXAMPLES.items():
        a = answer(question)
        path = docs / f"chart-{shape}.png"
        path.write_bytes(charts.render_png(a))
        print(f"  {path.relative_to(ROOT)}  ({question})\n    alt: {charts.alt_text(a)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--examples", action="store_true", help="write docs/chart-*.png")
    parser.add_argument("--no-import", action="store_true", help="skip the subprocess import timings")
    args = parser.parse_args()
    if not args.no_import:
        import_costs()
    render_times(args.runs)
    if args.examples:
        examples()


if __name__ == "__main__":
    main()
