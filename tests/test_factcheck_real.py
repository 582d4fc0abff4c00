"""The fact-checker on real published copy: the Northumbria article as an editor pastes it, and the
development set of real passages. Read from ../shared/eval; skipped with the reason when it is absent."""

from __future__ import annotations

import pytest

from bot.check import check
from real_copy import ABSENT, EVAL_DIR, dev_passages, matches, northumbria, score_passage

pytestmark = pytest.mark.skipif(not EVAL_DIR.is_dir(), reason=ABSENT)


@pytest.fixture(scope="module")
def article():
    text, labels = northumbria()
    return check(text).to_json()["claims"], labels


def test_every_labelled_claim_of_the_northumbria_article_is_found_with_its_verdict(article):
    claims, labels = article
    missing = [label for label in labels if not any(matches(c, label) for c in claims)]
    assert not missing, missing


def test_the_northumbria_article_draws_no_false_alarm(article):
    claims, _ = article
    assert [c for c in claims if c["verdict"] == "inaccurate"] == []


def test_national_figures_in_the_northumbria_article_are_not_explained_with_durham(article):
    claims, _ = article
    for claim in claims:
        if claim["text"] != "190":
            assert "Durham" not in claim["explanation"], claim


def test_real_passages_draw_no_false_alarm_and_hold_the_measured_accuracy():
    """A floor, not the goal: the issue's goal is 95%; this guards what has been reached (68%, 0 alarms)."""
    passed, alarms = 0, []
    passages = dev_passages()
    for passage in passages:
        claims = check(passage["text"]).to_json()["claims"]
        ok, why = score_passage(claims, passage["expect"])
        passed += ok
        alarms += [w for w in why if w.startswith("false alarm")]
    assert len(alarms) <= 1, alarms
    assert passed / len(passages) >= 0.66, passed
