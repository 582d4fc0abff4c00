"""Two later blind sets, written in real copy's style from data/ by people who had not seen the checker
(each label's data rows are in its "why"), scored with the real-copy rules (tests/real_copy.py):

- tests/factcheck_blind2.json, 45 passages (141 claims). First run, before any change it prompted:
  32/45 passages, 123/141 claims, 7 false alarms.
- tests/factcheck_blind3.json, 40 passages (117 claims) aimed at the phrasings checkers get wrong (series
  words, ages, supplied pairs, revisions, place adjectives, number words, thresholds, subsets). First run:
  21/40 passages, 91/117 claims, 8 false alarms.

The first runs are the honest figures. The mechanisms each exposed were then fixed (never their sentences),
so they now guard those mechanisms; the README gives both."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.check import check
from real_copy import matches, number, score_passage

HERE = Path(__file__).parent
SETS = {name: json.loads((HERE / f"factcheck_{name}.json").read_text(encoding="utf-8")) for name in ("blind2", "blind3")}
FLOORS = {"blind2": (38, 133), "blind3": (32, 106)}  # passages, claims: a little under today's 39/135 and 34/109


@pytest.fixture(scope="module")
def results():
    return {(name, p["id"]): check(p["text"]).to_json()["claims"] for name, ps in SETS.items() for p in ps}


@pytest.mark.parametrize("name", SETS)
def test_no_false_alarm_on_a_correct_claim(results, name):
    alarms = []
    for p in SETS[name]:
        for c in results[(name, p["id"])]:
            if c["verdict"] == "inaccurate" and not any(
                    e["verdict"] == "inaccurate" and abs((number(c["claimed"]) or 0) - float(e["claimed"]))
                    <= float(e.get("tol") or 0.6) for e in p["expect"]):
                alarms.append((p["id"], c["text"], c["explanation"][:120]))
    assert alarms == []


@pytest.mark.parametrize("name", SETS)
def test_most_passages_and_claims_check_as_labelled(results, name):
    passages = SETS[name]
    passed = sum(score_passage(results[(name, p["id"])], p["expect"])[0] for p in passages)
    found = sum(any(matches(c, e) for c in results[(name, p["id"])]) for p in passages for e in p["expect"])
    assert passed >= FLOORS[name][0] and found >= FLOORS[name][1], (passed, found)
