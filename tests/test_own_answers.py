"""The bot's own answers, checked as copy, check clean: an editor who pastes the bot's reply into a
draft (or runs `offences check` on it) must never see a ❌ on a figure the bot itself printed.

Every answer kind is covered, with the parts that read least like prose: ranked lists ("1. Durham
Constabulary: 509"), rates ("80.3 per 100,000 (509)"), populations, "also printed as" and revision
notes, regional sums, the release catalogue."""

from __future__ import annotations

import pytest

from bot.answer import answer
from bot.check import check
from bot.render import plain_text

QUESTIONS = {
    "figure": ["durham 2016-17", "durham latest", "lancashire 2018/19", "hampshire 2017/18"],
    "figure with a rate": ["durham 2016/17 rate", "west midlands rate 2018/19"],
    "series": ["northumbria", "thames valley", "wiltshire", "greater manchester", "met police"],
    "series with rates": ["wiltshire rate"],
    "change": ["cleveland change", "kent 2015/16 vs 2016/17", "northumbria 2015/16 vs 2016/17",
               "durham 2015/16 vs 2017/18"],
    "change with rates": ["cleveland 2015/16 to 2016/17 rate"],
    "compare": ["compare durham, cleveland and northumbria 2016/17", "durham vs cleveland 2017/18"],
    "compare with rates": ["compare durham, cleveland and northumbria 2016/17 rate", "cleveland 2017/18 rate vs durham"],
    "rank": ["top 5 2018/19", "bottom 5 2017/18", "top 50 2018/19", "top 3 north east 2016/17",
             "sexual communication with a child top 5 2018/19"],
    "rank by rate": ["top 10 rate 2018/19"],
    "region": ["north east 2017/18", "wales 2018/19", "north west", "south west 2016/17", "wales change"],
    "national": ["national 2016/17", "england and wales 2018/19", "grooming england and wales 2017/18"],
    "sources": ["sources durham 2016/17", "sources england and wales 2016/17", "sources"],
    "help": ["help"],
}
CASES = [(kind, q) for kind, questions in QUESTIONS.items() for q in questions]


@pytest.mark.parametrize("kind,question", CASES, ids=[q for _, q in CASES])
def test_the_bots_own_answer_checks_with_no_claim_called_inaccurate(kind, question):
    reply = answer(question)
    assert reply.ok, (question, reply.headline)
    wrong = [(c.text, c.explanation) for c in check(plain_text(reply)).claims if c.verdict == "inaccurate"]
    assert wrong == [], f"{kind}: {question!r}"


def test_every_answer_kind_is_covered():
    kinds = {answer(q).kind for _, q in CASES}
    assert kinds >= {"figure", "series", "change", "compare", "rank", "region", "national", "sources", "help"}


def test_rank_numbers_and_list_markers_are_not_claims():
    claims = check(plain_text(answer("top 5 2018/19"))).claims
    texts = [c.text for c in claims]
    assert not {"1", "2", "3", "4", "5"} & set(texts), texts
    assert {"721", "628", "509", "490", "398"} <= set(texts)
    assert all(c.verdict == "supported" for c in claims if c.text in {"721", "628", "509", "490", "398"})


def test_a_rate_per_100000_is_checked_against_its_own_years_figure():
    claims = {c.text: c for c in check(plain_text(answer("wiltshire rate"))).claims}
    rate = claims["6.1 per 100,000 residents"]
    assert rate.verdict == "supported" and "44 against" in rate.explanation


def test_an_outlets_misprint_quoted_as_that_outlets_is_supported():
    claims = {c.text: c for c in check(plain_text(answer("national 2016/17"))).claims}
    assert claims["5,643"].verdict == "supported"
    assert "standard.co.uk printed 5,643" in claims["5,643"].explanation


def test_a_wrong_rate_in_the_same_layout_is_still_caught():
    text = plain_text(answer("durham 2016/17 rate")).replace("30.0 per 100,000", "40.0 per 100,000")
    claims = {c.text: c for c in check(text).claims}
    assert claims["40.0 per 100,000 residents"].verdict == "inaccurate"


def test_a_wrong_figure_in_a_ranked_list_is_still_caught():
    text = plain_text(answer("top 5 2018/19")).replace(": 628", ": 682")
    claims = {c.text: c for c in check(text).claims}
    assert claims["682"].verdict == "inaccurate" and "628" in claims["682"].explanation
