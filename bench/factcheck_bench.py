"""How fast and how right the fact-checker is.

Speed: the median time to check a ~1,000-word article built from the evaluation sentences (one paragraph
per labelled passage, in file order), in-process after a warm-up. Target (issue): median <= 200 ms.
Right: verdict accuracy and precision/recall of `inaccurate` on tests/factcheck_eval.csv, for the
development split (first ~70% of ids), the held-out rest, and all rows (scored as tests/test_factcheck.py does).

Run: python bench/factcheck_bench.py [--rounds N] [--words N]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _eval_module():
    """tests/test_factcheck.py holds the scoring rules; load it by path so both use the same ones."""
    spec = importlib.util.spec_from_file_location("test_factcheck", ROOT / "tests" / "test_factcheck.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_article(rows: list[dict], words: int) -> str:
    """Paragraphs of the evaluation passages (context then text), repeated if need be, up to `words` words."""
    passages = []
    seen = set()
    for row in rows:
        key = (row["context"], row["text"])
        if key not in seen:
            seen.add(key)
            passages.append((row["context"] + " " + row["text"]).strip())
    paragraphs, count = [], 0
    while passages and count < words:
        for passage in passages:
            paragraphs.append(passage)
            count += len(passage.split())
            if count >= words:
                break
    return "\n\n".join(paragraphs)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--words", type=int, default=1000)
    args = parser.parse_args()

    from bot.check import check

    tf = _eval_module()
    rows = tf.load_eval()
    article = build_article(rows, args.words)
    start = time.perf_counter()
    first = check(article)  # warm-up: store loaded, figures indexed
    load = time.perf_counter() - start
    times = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        result = check(article)
        times.append((time.perf_counter() - start) * 1000)
    print(f"article: {len(article.split())} words, {article.count(chr(10) * 2) + 1} paragraphs, "
          f"{len(result.claims)} claims ({result.summary})")
    print(f"first check (loads the data): {load:.2f} s")
    print(f"check, {args.rounds} rounds after warm-up: median {statistics.median(times):.1f} ms   "
          f"p95 {percentile(times, 0.95):.1f} ms   (target median <= 200 ms)")
    assert len(first.claims) == len(result.claims)

    dev, held = tf.split(rows)
    for name, subset in (("development", dev), ("held-out", held), ("all", rows)):
        print(tf.report(name, tf.run_eval(subset)))


if __name__ == "__main__":
    main()
