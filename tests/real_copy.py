"""Real published copy from ../shared/eval, read where it lies (never copied into the repository), and the
scoring rules of ../shared/eval/score_passages.py applied in-process to the checker's JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
ABSENT = f"real published copy is not here ({EVAL_DIR} is absent); CI has it"


def number(value) -> float | None:
    try:
        return float(str(value).replace(",", "").rstrip("%"))
    except (TypeError, ValueError):
        return None


def matches(claim: dict, expect: dict) -> bool:
    """A labelled claim is found when some claim has its verdict and its figures within the label's tolerance."""
    if claim.get("verdict") != expect["verdict"]:
        return False
    tol = float(expect.get("tol") or 0.6)
    for field in ("claimed", "actual"):
        if expect.get(field) not in (None, ""):
            got = number(claim.get(field))
            if got is None or abs(abs(got) - abs(float(expect[field]))) > tol:
                return False
    return True


def score_passage(claims: list[dict], expect: list[dict]) -> tuple[bool, list[str]]:
    """(passes, reasons): every label found, and no ❌ unless the passage has a labelled error."""
    why = [f"wanted {e}" for e in expect if not any(matches(c, e) for c in claims)]
    if not any(e["verdict"] == "inaccurate" for e in expect):
        why += [f"false alarm on {c['text']!r}: {c['explanation'][:100]}" for c in claims
                if c["verdict"] == "inaccurate"]
    return not why, why


def dev_passages() -> list[dict]:
    return json.loads((EVAL_DIR / "real_copy_dev.json").read_text(encoding="utf-8"))


def northumbria() -> tuple[str, list[dict]]:
    """The whole article, and its labelled claims (rows with a verdict other than none)."""
    text = (EVAL_DIR / "northumbria_2017_article.txt").read_text(encoding="utf-8")
    with open(EVAL_DIR / "northumbria_2017_article_labels.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["verdict"] != "none"]
    return text, [{"verdict": r["verdict"], "claimed": number(r["claimed"]), "tol": r["tolerance"] or 0.6,
                   "text": r["claim_text"], "kind": r["kind"]} for r in rows]
