"""The long fuzz run: the properties of tests/test_fuzz.py (parser, answers, fact-checker over random and
hostile text from tests/hostile.py) with many more examples, printing how many ran, how long they took,
any failure hypothesis found (shrunk to its smallest form), and whether the data is unchanged.

    .venv/bin/python bench/fuzz_bench.py [--examples 2000] [--seed N]

Exit status 0 when every property held, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, seed as fixed_seed, settings  # noqa: E402

from bot.answer import get_answerer  # noqa: E402
from hostile import copy_texts, place_names, texts  # noqa: E402
from test_fuzz import (test_answer_is_an_answer_or_a_helpful_error, test_check_gives_verdicts_and_never_raises,  # noqa: E402
                       test_parse_gives_a_request_or_a_helpful_error)


def _counting(prop, ran: list[int], failing: list[str]):
    """The property, counting its examples and keeping the last text it failed on (hypothesis shrinks
    towards the smallest, so the last one is the one worth reading)."""
    def counted(text):
        ran[0] += 1
        try:
            prop(text)
        except Exception:
            failing[:] = [text]
            raise

    return counted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per property (default 2000)")
    parser.add_argument("--seed", type=int, default=None, help="a fixed seed, to repeat a run")
    args = parser.parse_args()
    places = place_names()
    store = get_answerer().store
    before = store.rows("data_fingerprint")
    targets = [("parse", test_parse_gives_a_request_or_a_helpful_error, texts(places)),
               ("answer", test_answer_is_an_answer_or_a_helpful_error, texts(places)),
               ("check", test_check_gives_verdicts_and_never_raises, copy_texts(places))]
    failed = False
    total = 0
    for name, test, strategy in targets:
        ran, failing = [0], []
        counted = _counting(test.hypothesis.inner_test, ran, failing)  # the property itself, without the suite's bounds

        run = settings(max_examples=args.examples, deadline=None, database=None,
                       suppress_health_check=list(HealthCheck))(given(strategy)(counted))
        if args.seed is not None:
            run = fixed_seed(args.seed)(run)
        started = time.perf_counter()
        try:
            run()
            outcome = "held"
        except Exception as err:  # hypothesis has printed the falsifying example
            failed = True
            outcome = f"FAILED: {type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
            if failing:
                outcome += f" on {failing[0]!r}"
        seconds = time.perf_counter() - started
        total += ran[0]
        print(f"{name:7s} {ran[0]:6d} examples in {seconds:6.1f} s ({ran[0] / seconds:7.1f}/s): {outcome}", flush=True)
    unchanged = store.rows("data_fingerprint") == before
    print(f"total   {total:6d} examples; data fingerprint {'unchanged' if unchanged else 'CHANGED'}")
    return 0 if unchanged and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
