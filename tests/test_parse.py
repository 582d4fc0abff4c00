"""Reporters' phrasings -> typed requests: one table, read like a style guide."""

import pytest

from bot.answer import get_answerer
from bot.parse import ParseError, parse


@pytest.fixture(scope="module")
def gazetteer():
    return get_answerer().gazetteer


# (what a reporter types, intent, places, years)
PHRASINGS = [
    ("durham 2016-17", "figure", ["Durham"], ["2016/17"]),
    ("durham 2016/17", "figure", ["Durham"], ["2016/17"]),
    ("Durham 2016/2017", "figure", ["Durham"], ["2016/17"]),
    ("durham 16/17", "figure", ["Durham"], ["2016/17"]),
    ("durham 16-17", "figure", ["Durham"], ["2016/17"]),
    ("durham FY2016/17", "figure", ["Durham"], ["2016/17"]),
    ("durham fy 2016-17", "figure", ["Durham"], ["2016/17"]),
    ("durham 2016-2017", "figure", ["Durham"], ["2016/17"]),
    ("durham 2016–17", "figure", ["Durham"], ["2016/17"]),
    ("2016-17 durham", "figure", ["Durham"], ["2016/17"]),
    ("DURHAM 2016-17", "figure", ["Durham"], ["2016/17"]),
    ("  durham   2016-17  ", "figure", ["Durham"], ["2016/17"]),
    ("Durham Constabulary 2016/17", "figure", ["Durham"], ["2016/17"]),
    ("durham police 2016/17", "figure", ["Durham"], ["2016/17"]),
    ("how many offences did durham record in 2016/17?", "figure", ["Durham"], ["2016/17"]),
    ("durham in the year to March 2017", "figure", ["Durham"], ["2016/17"]),
    ("durham year ending march 2017", "figure", ["Durham"], ["2016/17"]),
    ("durham april 2016 to march 2017", "figure", ["Durham"], ["2016/17"]),
    ("Northumbria Police 2016/17", "figure", ["Northumbria"], ["2016/17"]),
    ("northumbira 2016/17", "figure", ["Northumbria"], ["2016/17"]),
    ("durhm 2016/17", "figure", ["Durham"], ["2016/17"]),
    ("clevland 2016/17", "figure", ["Cleveland"], ["2016/17"]),
    ("GMP 2016/17", "figure", ["Greater Manchester"], ["2016/17"]),
    ("greater manchester police 2016/17", "figure", ["Greater Manchester"], ["2016/17"]),
    ("the Met 2015/16", "figure", ["Metropolitan Police"], ["2015/16"]),
    ("Avon & Somerset 2015/16", "figure", ["Avon and Somerset"], ["2015/16"]),
    ("avon and somerset 2015/16", "figure", ["Avon and Somerset"], ["2015/16"]),
    ("Dyfed Powys 2015/16", "figure", ["Dyfed-Powys"], ["2015/16"]),
    ("dyfed-powys police 2015/16", "figure", ["Dyfed-Powys"], ["2015/16"]),
    ("PSNI 2018/19", "figure", ["Police Service of Northern Ireland"], ["2018/19"]),
    ("west midlands 2018/19", "figure", ["West Midlands"], ["2018/19"]),
    ("devon & cornwall 2019/20", "figure", ["Devon and Cornwall"], ["2019/20"]),
    ("durham last year", "figure", ["Durham"], []),
    ("durham latest", "figure", ["Durham"], []),
    ("latest figure for kent", "figure", ["Kent"], []),
    ("durham", "series", ["Durham"], []),
    ("northumbria police", "series", ["Northumbria"], []),
    ("northumbria 2015/16 vs 2016/17", "change", ["Northumbria"], ["2015/16", "2016/17"]),
    ("northumbria 2015/16 versus 2016/17", "change", ["Northumbria"], ["2015/16", "2016/17"]),
    ("northumbria 2016/17 compared with 2015/16", "change", ["Northumbria"], ["2015/16", "2016/17"]),
    ("kent from 2015/16 to 2016/17", "change", ["Kent"], ["2015/16", "2016/17"]),
    ("kent 15/16 v 16/17", "change", ["Kent"], ["2015/16", "2016/17"]),
    ("change in cleveland between 2015-16 and 2016-17", "change", ["Cleveland"], ["2015/16", "2016/17"]),
    ("dorset 2015/16 2018/19 2019/20", "series", ["Dorset"], ["2015/16", "2018/19", "2019/20"]),
    ("durham vs cleveland 2016/17", "compare", ["Durham", "Cleveland"], ["2016/17"]),
    ("compare durham, cleveland and northumbria 2016/17", "compare", ["Durham", "Cleveland", "Northumbria"], ["2016/17"]),
    ("durham versus northumbria", "compare", ["Durham", "Northumbria"], []),
    ("top 5 2016/17", "rank", [], ["2016/17"]),
    ("top 10 forces 2018/19", "rank", [], ["2018/19"]),
    ("rank 2018/19", "rank", [], ["2018/19"]),
    ("league table 2018/19", "rank", [], ["2018/19"]),
    ("top 3 north east 2016/17", "rank", ["North East"], ["2016/17"]),
    ("top 5 rate 2018/19", "rank", [], ["2018/19"]),
    ("north east 2016/17", "region", ["North East"], ["2016/17"]),
    ("yorkshire 2018/19", "region", ["Yorkshire and The Humber"], ["2018/19"]),
    ("wales 2015/16", "region", ["Wales"], ["2015/16"]),
    ("north-east 2016/17", "region", ["North East"], ["2016/17"]),
    ("north east", "region", ["North East"], []),
    ("west midlands region 2018/19", "region", ["West Midlands"], ["2018/19"]),
    ("england and wales 2016/17", "national", ["England and Wales"], ["2016/17"]),
    ("England & Wales 2016/17", "national", ["England and Wales"], ["2016/17"]),
    ("national 2018/19", "national", ["England and Wales"], ["2018/19"]),
    ("nationally 2016-17", "national", ["England and Wales"], ["2016/17"]),
    ("UK 2019/20", "national", ["UK"], ["2019/20"]),
    ("sources durham 2016/17", "sources", ["Durham"], ["2016/17"]),
    ("sources", "sources", [], []),
    ("help", "help", [], []),
    ("Help?", "help", [], []),
]


@pytest.mark.parametrize("text, intent, places, years", PHRASINGS, ids=[p[0] for p in PHRASINGS])
def test_phrasings(gazetteer, text, intent, places, years):
    request = parse(text, gazetteer)
    assert request.intent == intent
    assert [p.name for p in request.places] == places
    assert [y.label for y in request.years] == years


def test_enough_phrasings_are_covered():
    assert len(PHRASINGS) + len(ERRORS) >= 60


@pytest.mark.parametrize("text, measure", [
    ("durham grooming 2018/19", "sexual_communication_with_a_child"),
    ("sexual communication with a child kent 2017/18", "sexual_communication_with_a_child"),
    ("durham 2016/17", "cyber_flagged_child_sex_offences"),
])
def test_measure_words(gazetteer, text, measure):
    assert parse(text, gazetteer).measure == measure


def test_options(gazetteer):
    assert parse("durham 2016/17 rate", gazetteer).rate
    assert parse("durham 2016/17 per capita", gazetteer).rate
    assert parse("durham 2016/17 just me", gazetteer).private
    assert parse("top 7 2018/19", gazetteer).limit == 7
    assert parse("bottom 3 2018/19", gazetteer).ascending
    assert parse("national 2018/19", gazetteer).any_scope


def test_typo_is_said_out_loud(gazetteer):
    request = parse("northumbira 2016/17", gazetteer)
    assert any("northumbira" in note and "Northumbria" in note for note in request.notes)


# (input, words the message must contain, a suggestion that must be offered or None)
ERRORS = [
    ("", "for example", "durham 2016/17"),
    ("   ", "for example", "durham 2016/17"),
    ("lancs 2016/17", "Lancashire", "Lancashire 2016/17"),
    ("northumberland 2016/17", "Northumbria", None),
    ("durham 2017", "2016/17 (April 2016 to March 2017) or 2017/18", "Durham 2016/17"),
    ("durham 2016/18", "not one financial year", None),
    ("durham 1850/51", "not a year", None),
    ("asdfghjkl", "couldn't find", None),
    ("2016/17", "Which police force", None),
    ("'; DROP TABLE figures; --", "couldn't find", None),
    ("x" * 10_000, "characters", None),
    ("top 0 2016/17", "top 0", None),
    ("durham vs cleveland 2015/16 vs 2016/17", "one year at a time", None),
]


@pytest.mark.parametrize("text, words, suggestion", ERRORS, ids=[e[0][:30] or "empty" for e in ERRORS])
def test_errors_say_what_would_work(gazetteer, text, words, suggestion):
    with pytest.raises(ParseError) as err:
        parse(text, gazetteer)
    assert words in err.value.message
    assert err.value.suggestions, "every error offers something to try"
    if suggestion:
        assert suggestion in err.value.suggestions
