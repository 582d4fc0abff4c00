"""Wording boundaries: the plain words are only used when they are true."""

from decimal import Decimal

import pytest

from bot.numbers import Change, multiple_text, percent_change, plain_words, signed_percent


@pytest.mark.parametrize("old, new, words", [
    (100, 200, "doubled"),            # exactly 2x
    (100, 201, "more than doubled"),
    (100, 199, "nearly doubled"),
    (100, 190, "nearly doubled"),
    (100, 189, None),                 # 1.89x: only the percentage
    (100, 151, None),                 # +51% is not "doubled"
    (100, 296, "nearly trebled"),     # 2.96x
    (100, 300, "trebled"),            # exactly 3x
    (98, 323, "more than trebled"),   # 3.3x
    (55, 145, "more than doubled"),   # 2.6x
    (63, 361, "rose more than five-fold"),
    (100, 400, "quadrupled"),
    (100, 100, "was unchanged"),      # equal values
    (0, 14, "rose from zero"),        # zero base
    (14, 0, "fell to zero"),
    (100, 50, "halved"),
    (100, 55, "fell by almost half"),
    (100, 60, "fell by almost half"),
    (100, 61, None),
    (100, 40, "fell by more than half"),
    (100, 20, "fell by more than three-quarters"),
])
def test_plain_words(old, new, words):
    assert plain_words(old, new) == words


def test_percent_change_is_exact_and_rounded_half_up():
    assert signed_percent(percent_change(98, 323)) == "+229.6%"
    assert signed_percent(percent_change(55, 145)) == "+163.6%"
    assert signed_percent(percent_change(63, 361)) == "+473.0%"
    assert signed_percent(percent_change(8, 9)) == "+12.5%"       # half-up, not banker's rounding
    assert signed_percent(percent_change(200, 150)) == "−25.0%"
    assert percent_change(0, 5) is None


def test_multiples_never_round_onto_a_whole_number_they_do_not_reach():
    assert multiple_text(Decimal(323) / Decimal(98)) == "3.3"
    assert multiple_text(Decimal(296) / Decimal(100)) == "2.96"
    assert multiple_text(Decimal(300) / Decimal(100)) == "3.0"


@pytest.mark.parametrize("old, new, text", [
    (98, 323, "up 225 (+229.6%), 3.3 times as many"),
    (63, 361, "up 298 (+473.0%), 5.7 times as many"),
    (100, 150, "up 50 (+50.0%)"),
    (1200, 1000, "down 200 (−16.7%)"),
    (0, 14, "up 14 from zero"),
    (7, 7, "no change"),
    (1000, 3500, "up 2,500 (+250.0%), 3.5 times as many"),
])
def test_change_description(old, new, text):
    assert Change(old, new).describe() == text


def test_small_base():
    assert Change(13, 190).small_base
    assert not Change(20, 30).small_base
