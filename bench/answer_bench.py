"""How fast answers are: in-process median and p95 over 20 fixed commands, and process start to first answer.

Targets (issue 2): median <= 2 ms per answer in-process; start to first printed answer <= 1 s.
Police recorded crime answers (issue 12) are timed in the same run against the same store when the
data folder has the tables imported (`--data DIR`, after `offences data import ... --data DIR`).
Run: python bench/answer_bench.py [--rounds N] [--data DIR]
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

RECORDED_COMMANDS = [
    "durham burglary 2016-17", "cleveland crime 2016/17", "durham crime 2015-16 vs 2016-17", "durham burglary",
    "durham vs cleveland robbery 2017-18", "top 5 forces for robbery 2017/18", "north east crime 2016/17",
    "england and wales burglary 2017/18", "durham crime year to december 2018", "durham crime rate 2016-17",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def in_process(rounds: int, commands: list[str] = COMMANDS) -> list[float]:
    from bot.answer import answer

    for text in commands:  # warm-up: store loaded, queries prepared, caches filled
        answer(text).text
    times = []
    for _ in range(rounds):
        for text in commands:
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
    parser.add_argument("--data", metavar="DIR", help="data folder (with police recorded crime imported)")
    args = parser.parse_args()
    if args.data:
        from bot.store import use_data_dir

        use_data_dir(args.data)
    times = in_process(args.rounds)
    starts = start_to_first_answer(args.starts)
    print(f"answers in-process: {len(times)} ({len(COMMANDS)} commands x {args.rounds} rounds, after warm-up)")
    print(f"  median {statistics.median(times):.2f} ms   p95 {percentile(times, 0.95):.2f} ms   (target median <= 2 ms)")
    if args.data:
        from bot.answer import answer

        if not answer(RECORDED_COMMANDS[0]).ok:
            print(f"police recorded crime: not imported in {args.data}, not timed")
        else:
            recorded = in_process(args.rounds, RECORDED_COMMANDS)
            print(f"police recorded crime answers in-process: {len(recorded)} ({len(RECORDED_COMMANDS)} commands x "
                  f"{args.rounds} rounds, same store)")
            print(f"  median {statistics.median(recorded):.2f} ms   p95 {percentile(recorded, 0.95):.2f} ms   "
                  f"(NSPCC median above: {statistics.median(times):.2f} ms)")
    print(f"process start to first answer (offences ask, {args.starts} runs)")
    print(f"  median {statistics.median(starts):.3f} s   max {max(starts):.3f} s   (target <= 1 s)")


if __name__ == "__main__":
    main()
