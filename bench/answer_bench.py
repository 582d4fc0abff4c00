"""How fast answers are: in-process median and p95 over 20 fixed commands, and process start to first answer.

Targets (issue 2): median <= 2 ms per answer in-process; start to first printed answer <= 1 s.
Run: python bench/answer_bench.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = [
    "durham 2016-17", "northumbria 2015/16 vs 2016/17", "cleveland 2015/16 to 2016/17", "kent 15/16 v 16/17",
    "england and wales 2016/17", "national 2018/19", "top 5 2016/17", "top 10 rate 2018/19", "north east 2016/17",
    "north east 2015/16", "lancashire 2018/19", "durhm 2016/17", "compare durham, cleveland and northumbria 2016/17",
    "northumbria", "durham latest", "grooming england and wales 2017/18", "sources durham 2016/17",
    "lancs 2016/17", "durham 2017", "surrey 2016/17",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def in_process(rounds: int) -> list[float]:
    from bot.answer import answer

    for text in COMMANDS:  # warm-up: store loaded, queries prepared, caches filled
        answer(text).text
    times = []
    for _ in range(rounds):
        for text in COMMANDS:
            start = time.perf_counter()
            answer(text).text
            times.append((time.perf_counter() - start) * 1000)
    return times


def start_to_first_answer(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot.cli", "ask", "durham 2016-17"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=25)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    times = in_process(args.rounds)
    starts = start_to_first_answer(args.starts)
    print(f"answers in-process: {len(times)} ({len(COMMANDS)} commands x {args.rounds} rounds, after warm-up)")
    print(f"  median {statistics.median(times):.2f} ms   p95 {percentile(times, 0.95):.2f} ms   (target median <= 2 ms)")
    print(f"process start to first answer (offences ask, {args.starts} runs)")
    print(f"  median {statistics.median(starts):.3f} s   max {max(starts):.3f} s   (target <= 1 s)")


if __name__ == "__main__":
    main()
