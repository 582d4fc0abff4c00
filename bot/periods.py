"""Twelve-month periods that are not financial years: "year to December 2018", "year ending June 2019".

Why separate from bot/years.py: the NSPCC series is in financial years only, and years.py's meaning
of every financial-year phrase must not change. The recorded crime tables also publish rolling years
ending June, September and December; this module reads those (March is left to years.py) and gives
every period the same shape, whatever it was written as.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .years import FinancialYear

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
PERIOD = re.compile(r"\b(?:(?:the\s+)?(?:rolling\s+)?(?:years?|12\s+months|twelve\s+months)\s+(?:ending|ended|to|up\s+to)|ye)\s+"
                    r"(?:(?:the\s+)?end\s+of\s+)?" + _MONTH + r"\.?\s+((?:19|20)\d{2})\b", re.I)


@dataclass(frozen=True, order=True)
class Period:
    """Twelve months ending on `end` (a month's last day)."""

    end: date

    @property
    def start(self) -> date:
        return date(self.end.year - 1, self.end.month, 1) if self.end.month != 12 else date(self.end.year, 1, 1)

    @property
    def financial_year(self) -> bool:
        return self.end.month == 3

    @property
    def label(self) -> str:
        if self.financial_year:
            return FinancialYear(self.end.year - 1).label
        return f"year ending {calendar.month_name[self.end.month]} {self.end.year}"

    @property
    def population_year(self) -> int:
        """The mid-year population estimate for the period: the 30 June inside the twelve months
        (mid-2016 for April 2016 to March 2017, mid-2018 for the year ending December 2018, mid-2019
        for July 2018 to June 2019). Each twelve-month period holds exactly one 30 June."""
        return self.end.year if self.end.month >= 6 else self.end.year - 1

    @classmethod
    def of_year(cls, year: FinancialYear) -> "Period":
        return cls(date(year.start + 1, 3, 31))

    @classmethod
    def ending(cls, year: int, month: int) -> "Period":
        return cls(date(year, month, calendar.monthrange(year, month)[1]))


def take_periods(text: str) -> tuple[list[Period], str]:
    """Periods ending in a month other than March, and the text with them blanked out."""
    found: list[tuple[int, Period]] = []
    for m in PERIOD.finditer(text):
        month = MONTHS[m.group(1).lower()[:3]]
        if month == 3:
            continue  # years.py reads "year ending March 2018" as 2017/18
        found.append((m.start(), Period.ending(int(m.group(2)), month)))
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return [p for _, p in sorted(found)], text
