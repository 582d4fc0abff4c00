"""Answers a reporter can paste: figures, honest wording, caveats and a source under every one."""

import pytest

from bot.answer import answer, get_answerer
from support import assert_answer


def test_durham_2016_17():
    a = answer("durham 2016-17")
    assert_answer(a, kind="figure", sources=["hartlepoolmail.co.uk"], contains=[
        "Durham Constabulary recorded 190 child sexual offences with an online element in 2016/17."])


def test_durham_2015_16_was_not_supplied():
    a = answer("durham 2015/16")
    assert_answer(a, contains=["did not supply a 2015/16 figure"], caveats=["June 2016 release gave 13"])
    assert a.rows[0]["status"] == "not_available"


def test_northumbria_change_with_revision():
    a = answer("northumbria 2015/16 vs 2016/17")
    assert_answer(a, kind="change", contains=["323", "up from 98 in 2015/16", "+229.6%", "3.3 times as many",
                                              "more than trebled"],
                  caveats=["June 2016 release gave 170"])


def test_cleveland_change():
    assert_answer(answer("cleveland 2015/16 to 2016/17"), contains=["up 90 (+163.6%)", "2.6 times", "more than doubled"])


def test_kent_change():
    assert_answer(answer("kent 2015/16 vs 2016/17"), contains=["up 298 (+473.0%)", "5.7 times as many"])


def test_england_and_wales_2016_17():
    a = answer("england and wales 2016/17")
    assert_answer(a, kind="national", contains=["5,653", "39 forces supplied figures"],
                  caveats=["Also printed as 5,643 by standard.co.uk", "not like-for-like"], sources=["nspcc.org.uk"])


def test_national_falls_back_to_the_releases_own_scope():
    a = answer("national 2018/19")
    assert_answer(a, contains=["England, Wales and Northern Ireland recorded 8,224", "40 forces"])
    b = answer("england and wales 2018/19")
    assert_answer(b, caveats=["No England and Wales figure for 2018/19"])


def test_disputed_shows_both_values():
    a = answer("lancashire 2018/19")
    assert_answer(a, contains=["66 or 67"], caveats=["Disputed", "lep.co.uk", "lancashiretelegraph.co.uk"])


def test_small_base_caveat():
    a = answer("wiltshire 2015/16 vs 2016/17")  # 10 -> 44
    assert_answer(a, caveats=["Small base"])


def test_rank_says_coverage_is_incomplete():
    a = answer("top 5 2016/17")
    assert_answer(a, kind="rank", contains=["1. Greater Manchester Police: 650", "5. "], caveats=["of the 43 forces"])
    assert len(a.rows) == 5


def test_rate_per_100k_is_labelled():
    a = answer("durham 2016/17 rate")
    assert_answer(a, contains=["30.0 per 100,000 residents", "ONS mid-2018 population"])


def test_region_sum_names_missing_forces():
    a = answer("north east 2016/17")
    assert_answer(a, kind="region", contains=["658", "all 3 forces"])
    b = answer("south west 2016/17")  # only Wiltshire has a figure
    assert_answer(b, caveats=["Incomplete", "Avon and Somerset"])


def test_region_figure_published_as_such_is_preferred():
    a = answer("north east 2015/16")
    assert_answer(a, contains=["183", "published for the region", "Sum of the 2 of 3 forces with figures: 153",
                               "Durham (not supplied)"])


def test_series_lists_every_year_and_gaps():
    a = answer("wiltshire")
    assert_answer(a, kind="series", contains=["2015/16: 10", "2016/17: 44", "2019/20: 63"],
                  caveats=["No figure in the data for 2017/18"])


def test_compare():
    a = answer("compare durham, cleveland and northumbria 2016/17")
    assert_answer(a, kind="compare", contains=["Northumbria Police: 323", "Durham Constabulary: 190",
                                               "Cleveland Police: 145"])


def test_grooming_series_and_revision():
    a = answer("grooming england and wales 2017/18")
    assert_answer(a, contains=["3,217 offences of sexual communication with a child"], caveats=["3,171"])


def test_latest():
    assert_answer(answer("durham latest"), contains=["509", "2018/19"], caveats=["Latest year"])


@pytest.mark.parametrize("text, words, suggestion", [
    ("durhamshire 2016/17", "Did you mean", "Durham 2016/17"),
    ("durham 2030/31", "The data has 2015/16 (not supplied), 2016/17, 2017/18, 2018/19", "Durham 2018/19"),
    ("surrey 2016/17", "no figures for Surrey Police", None),
    ("", "for example", None),
    ("x" * 10_000, "characters", None),
])
def test_errors(text, words, suggestion):
    a = answer(text)
    assert not a.ok and a.kind == "error"
    assert words in a.error["message"]
    assert a.error["suggestions"]
    if suggestion:
        assert suggestion in a.error["suggestions"]


HOSTILE = [
    "'; DROP TABLE figures; --",
    "durham 2016/17'; DELETE FROM reports; --",
    "$geography",
    "durham\x00 2016/17",
    "<script>alert(1)</script>",
    "{{7*7}} ${7*7}",
    "🙂" * 50,
    "durham " + "2016/17 " * 40,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_gets_a_normal_answer_and_changes_nothing(text):
    store = get_answerer().store
    before = store.rows("data_fingerprint")
    a = answer(text)
    assert a.kind in ("error", "figure", "series")
    assert "Traceback" not in a.text
    assert store.rows("data_fingerprint") == before
