"""Fuzzing (hypothesis, bounded): the parser, answers and the fact-checker over random and hostile text
(tests/hostile.py). No exception escapes, every reply is an answer or a helpful error, and the data is
unchanged afterwards. bench/fuzz_bench.py runs the same properties for longer."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

from bot import render
from bot.answer import get_answerer
from bot.check import check, plain_text
from bot.check.model import VERDICTS
from bot.parse import ParseError, Request, parse
from hostile import copy_texts, place_names, texts

PLACES = place_names()
FUZZ = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
KINDS = {"figure", "series", "change", "compare", "rank", "region", "national", "sources", "help", "error"}


@pytest.fixture(scope="module", autouse=True)
def data_unchanged():
    """The data fingerprint (row counts and value sums) is the same after every example of the module."""
    store = get_answerer().store
    before = store.rows("data_fingerprint")
    yield
    assert store.rows("data_fingerprint") == before


def assert_reply(result) -> None:
    """What a reporter would get: an answer with its source, or an error that says what would work."""
    assert result.kind in KINDS
    text = render.plain_text(result)
    assert text.strip() and "Traceback" not in text
    if result.ok:
        assert result.kind != "error"
        if result.kind == "sources":  # the list of releases is itself the answer's source
            assert "release" in text
        elif result.kind != "help":
            assert result.sources and "Source" in text
    else:
        assert result.kind == "error" and result.error["message"].strip()
        assert all(isinstance(s, str) and s for s in result.error["suggestions"])
    json.dumps(render.to_json(result))
    render.blocks(result, share_text="x")


def test_the_place_names_were_found():
    assert len(PLACES) > 60 and "Durham" in PLACES and "GMP" in PLACES


@FUZZ
@given(texts(PLACES))
def test_parse_gives_a_request_or_a_helpful_error(text):
    try:
        request = parse(text, get_answerer().gazetteer)
    except ParseError as err:
        assert err.message.strip()
        return
    assert isinstance(request, Request) and request.intent


@FUZZ
@given(texts(PLACES))
def test_answer_is_an_answer_or_a_helpful_error(text):
    store = get_answerer().store
    before = store.rows("data_fingerprint")
    assert_reply(get_answerer().answer(text))
    assert store.rows("data_fingerprint") == before


@FUZZ
@given(copy_texts(PLACES))
def test_check_gives_verdicts_and_never_raises(text):
    result = check(text)
    assert all(claim.verdict in VERDICTS for claim in result.claims)
    assert plain_text(result).strip()
    json.dumps(result.to_json())
