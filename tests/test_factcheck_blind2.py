"""A second blind set: 45 passages (141 claims) written in real copy's style from data/ by someone who had not
seen the checker (tests/factcheck_blind2.json; each label's data rows are in its "why"). Scored with the
real-copy rules (tests/real_copy.py). Its first run, before any change it prompted, is the honest figure:
32/45 passages, 123/141 claims, 7 false alarms. The mechanisms it exposed were then fixed (never its
sentences), so it now guards them; the README gives both figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.check import check
from real_copy import matches, number, score_passage

BLIND2 = json.loads(Path(__file__).with_name("factcheck_blind2.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results():
    return {p["id"]: check(p["text"]).to_json()["claims"] for p in BLIND2}


def test_no_false_alarm_on_a_correct_claim(results):
    alarms = []
    for p in BLIND2:
        for c in results[p["id"]]:
            if c["verdict"] == "inaccurate" and not any(
                    e["verdict"] == "inaccurate" and abs((number(c["claimed"]) or 0) - float(e["claimed"]))
                    <= float(e.get("tol") or 0.6) for e in p["expect"]):
                alarms.append((p["id"], c["text"], c["explanation"][:120]))
    assert alarms == []


def test_most_passages_and_claims_check_as_labelled(results):
    passed = sum(score_passage(results[p["id"]], p["expect"])[0] for p in BLIND2)
    labels = [(p["id"], e) for p in BLIND2 for e in p["expect"]]
    found = sum(any(matches(c, e) for c in results[pid]) for pid, e in labels)
    assert passed >= 36 and found >= 130, (passed, found)
