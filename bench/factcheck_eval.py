"""The fact-checker measured on real published copy (../shared/eval), with the scorers kept there.

Prints, for real_copy_dev.json: passage accuracy and the precision of 'inaccurate' (score_passages.py),
claim accuracy by kind and by verdict, false alarms, missed errors and spurious claims (score_claims.py),
then the median time to check a ~1,000-word article made of those passages, in-process after a warm-up,
against the same article's check with only its first passage as a baseline run interleaved.

Run: .venv/bin/python bench/factcheck_eval.py [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))


def scorers(offences: str) -> None:
    dev = EVAL / "real_copy_dev.json"
    (ROOT / "build").mkdir(exist_ok=True)
    passages = subprocess.run([sys.executable, EVAL / "score_passages.py", offences, dev],
                              capture_output=True, text=True)
    claims = subprocess.run([sys.executable, EVAL / "score_claims.py", offences, dev, EVAL / "nonclaims_dev.json",
                             ROOT / "build" / "dev-eval"], capture_output=True, text=True)
    print("== passages (score_passages.py) ==")
    print("\n".join(passages.stdout.strip().splitlines()[-2:]))
    print("== claims (score_claims.py) ==")
    print(claims.stdout.strip())


def article(words: int = 1000) -> str:
    parts, total = [], 0
    for passage in json.loads((EVAL / "real_copy_dev.json").read_text(encoding="utf-8")):
        parts.append(passage["text"])
        total += len(passage["text"].split())
        if total >= words:
            break
    return "\n\n".join(parts)


def timing(rounds: int) -> None:
    from bot.check import check
    text = article()
    first = text.split("\n\n")[0]
    check(text)  # warm-up: loads the data and builds the lookups once
    full, base = [], []
    for _ in range(rounds):
        t = time.perf_counter(); check(first); base.append(time.perf_counter() - t)
        t = time.perf_counter(); result = check(text); full.append(time.perf_counter() - t)
    print(f"== speed ({len(text.split())} words, {len(result.claims)} claims, {rounds} rounds) ==")
    print(f"median {statistics.median(full) * 1000:.1f} ms for the article "
          f"(goal <= 50 ms); one passage {statistics.median(base) * 1000:.1f} ms; "
          f"ratio {statistics.median(full) / statistics.median(base):.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is absent (the real copy lives in ../shared/eval)")
        return
    offences = shutil.which("offences", path=str(Path(sys.executable).parent)) or shutil.which("offences")
    if offences is None:
        print("skipped scorers: the offences command is not installed (pip install -e .)")
    else:
        scorers(offences)
    timing(args.rounds)


if __name__ == "__main__":
    main()
