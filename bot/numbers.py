"""Careful numbers for copy: exact percentage changes, multiples and the plain words that are true.

Everything is integer or Decimal arithmetic rounded half-up (323 vs 98 is +229.6%, never a float's
229.59183673469389), and plain wording ("more than trebled") is only produced when it is true.
The fact-checker uses the same functions, so the bot never says one thing and checks another.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)
SMALL_BASE = 20  # changes from fewer offences than this swing on a handful of cases


def thousands(value: int | Decimal) -> str:
    """1234567 -> '1,234,567' (the standard library's grouping is the UK newsroom style; no locale needed)."""
    return f"{value:,}"


def round_half_up(value: Decimal, places: int = 1) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def truncate(value: Decimal, places: int = 1) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def percent_change(old: int, new: int) -> Decimal | None:
    """Exact percentage change from old to new; None when old is zero (there is no percentage from zero)."""
    if old == 0:
        return None
    return (Decimal(new) - Decimal(old)) * HUNDRED / Decimal(old)


def ratio(old: int, new: int) -> Decimal | None:
    """new as a multiple of old; None from zero."""
    if old == 0:
        return None
    return Decimal(new) / Decimal(old)


def signed_percent(value: Decimal, places: int = 1) -> str:
    rounded = round_half_up(value, places)
    sign = "+" if rounded > 0 else ("−" if rounded < 0 else "")
    return f"{sign}{thousands(abs(rounded).quantize(Decimal(1).scaleb(-places)))}%"


def multiple_text(value: Decimal) -> str:
    """3.2959 -> '3.3'; a multiple that one decimal would round onto a whole number it does not reach
    (2.96 -> '3.0') keeps two decimals, so the figure never claims a trebling that did not happen."""
    one = round_half_up(value, 1)
    if one == one.to_integral_value() and value != one:
        return str(round_half_up(value, 2))
    return str(one)


_TIMES = {2: "doubled", 3: "trebled", 4: "quadrupled"}
_FOLD = {5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def plain_words(old: int, new: int) -> str | None:
    """The plain-English verb phrase that is true of old -> new, or None when only figures will do.

    Exactly 2x 'doubled'; above it 'more than doubled'; 2.9x up to 3x 'nearly trebled'; 1.9x up to 2x
    'nearly doubled'; a fall to 50% to 60% 'fell by almost half'; exactly half 'halved'; from zero
    'up from zero'. Anything else gets no phrase: the percentage says it.
    """
    if old == new:
        return "was unchanged"
    if old == 0:
        return "rose from zero"
    if new == 0:
        return "fell to zero"
    r = Decimal(new) / Decimal(old)
    if r > 1:
        whole = int(r)
        if r == whole and whole in _TIMES:
            return _TIMES[whole]
        if r == whole and whole in _FOLD:
            return f"rose {_FOLD[whole]}-fold"
        nxt = whole + 1
        if r >= Decimal(whole) + Decimal("0.9") and nxt in _TIMES:
            return "nearly " + _TIMES[nxt]
        if r >= Decimal(whole) + Decimal("0.9") and nxt in _FOLD:
            return f"rose nearly {_FOLD[nxt]}-fold"
        if whole in _TIMES:
            return "more than " + _TIMES[whole]
        if whole in _FOLD:
            return f"rose more than {_FOLD[whole]}-fold"
        if whole > 10:
            return f"rose more than {whole}-fold"
        if r >= Decimal("1.9"):
            return "nearly doubled"
        return None
    # falls
    share = r  # what is left, as a fraction of old
    if share == Decimal("0.5"):
        return "halved"
    if Decimal("0.5") < share <= Decimal("0.6"):
        return "fell by almost half"
    if Decimal("0.25") <= share < Decimal("0.5"):
        return "fell by more than half"
    if share < Decimal("0.25"):
        return "fell by more than three-quarters"
    return None


@dataclass(frozen=True)
class Change:
    """old -> new with everything a reporter may quote about it."""

    old: int
    new: int

    @property
    def difference(self) -> int:
        return self.new - self.old

    @property
    def percent(self) -> Decimal | None:
        return percent_change(self.old, self.new)

    @property
    def ratio(self) -> Decimal | None:
        return ratio(self.old, self.new)

    @property
    def words(self) -> str | None:
        return plain_words(self.old, self.new)

    @property
    def small_base(self) -> bool:
        return 0 < self.old < SMALL_BASE

    def describe(self) -> str:
        """'up 225 (+229.6%), 3.3 times as many' / 'down 12 (−20.0%)' / 'up 14 from zero'."""
        d = self.difference
        if d == 0:
            return "no change"
        direction = "up" if d > 0 else "down"
        if self.percent is None:
            return f"{direction} {thousands(abs(d))} from zero"
        text = f"{direction} {thousands(abs(d))} ({signed_percent(self.percent)})"
        r = self.ratio
        if r is not None and r >= 2:
            text += f", {multiple_text(r)} times as many"
        return text
