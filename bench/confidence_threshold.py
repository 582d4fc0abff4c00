"""How the low-confidence threshold was chosen: the confidence of every ❌ the checker would give with
no threshold, on the development sets (real published copy in ../shared/eval/real_copy_dev.json, and
the project's own tests/factcheck_eval.csv), split into real errors and false alarms, then what each
threshold would keep. The threshold is bot.check.verdicts.LOW_CONFIDENCE; below it a contradiction is
shown as ❔ "Check this: read as …". The blind set is not used to choose it.

Run: .venv/bin/python bench/confidence_threshold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def inaccurate_calls(check) -> list[tuple[float, bool, str]]:
    """(confidence, is a real error, where) for every claim called inaccurate on the development sets."""
    from real_copy import EVAL_DIR, dev_passages, number
    from test_factcheck import EVAL, load_eval, matches

    calls = []
    if EVAL_DIR.is_dir():
        for p in dev_passages():
            for c in check(p["text"]).claims:
                if c.verdict == "inaccurate":
                    real = any(e["verdict"] == "inaccurate" and abs((number(c.claimed) or 0) - (e.get("claimed") or 0))
                               <= e.get("tol", 0.6) for e in p["expect"])
                    calls.append((c.confidence, real, f"real {p['id']}: {c.text}"))
    rows = load_eval(EVAL)
    by_text: dict[str, list[dict]] = {}
    for r in rows:
        by_text.setdefault((r["context"] + " " + r["text"]).strip(), []).append(r)
    for text, labelled in by_text.items():
        for c in check(text).claims:
            if c.verdict == "inaccurate":
                real = any(r["verdict"] == "inaccurate" and matches(r["claim"], c.text) for r in labelled)
                calls.append((c.confidence, real, f"own {labelled[0]['id']}: {c.text}"))
    return calls


def main() -> None:
    from bot.check.checker import Checker
    from bot.check.verdicts import LOW_CONFIDENCE

    checker = Checker(low_confidence=0.0)
    calls = inaccurate_calls(checker.check)
    real = sorted(c for c, r, _ in calls if r)
    false = sorted(c for c, r, _ in calls if not r)
    print(f"{len(calls)} claims called inaccurate with no threshold: {len(real)} real errors, {len(false)} false alarms")
    print("real errors' confidence:  ", " ".join(f"{c:.2f}" for c in real))
    print("false alarms' confidence: ", " ".join(f"{c:.2f}" for c in false))
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        kept = sum(c >= t for c in real)
        alarms = sum(c >= t for c in false)
        mark = "  <- LOW_CONFIDENCE" if abs(t - LOW_CONFIDENCE) < 1e-9 else ""
        print(f"threshold {t:.1f}: keeps {kept}/{len(real)} real errors as ❌, {alarms} false alarms{mark}")
    for c, r, where in sorted(calls):
        if not r:
            print(f"  false alarm at {c:.2f}: {where}")


if __name__ == "__main__":
    main()
