"""Financial years as reporters write them: 2016-17, 2016/17, 16/17, FY2016/17, 2016-2017, "last year".

The data is in police financial years (April to March), shown as 2016/17. A bare "2017" could be the
year ending March 2017 or the one starting April 2017, so it is only read one way when the words
around it say which ("year to March 2017"); otherwise the reporter is asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Years the bot will consider at all: police recorded-crime financial years. Outside this a year is a
# typo or a date, not a question about the data.
EARLIEST, LATEST = 2000, 2099


@dataclass(frozen=True, order=True)
class FinancialYear:
    """April of `start` to March of `start + 1`."""

    start: int

    @property
    def label(self) -> str:
        return f"{self.start}/{(self.start + 1) % 100:02d}"

    def __str__(self) -> str:
        return self.label

    @classmethod
    def from_label(cls, label: str) -> "FinancialYear":
        return cls(int(label[:4]))


class YearError(ValueError):
    """A year that cannot be read as one financial year; `options` are what the reporter may have meant."""

    def __init__(self, message: str, options: list[FinancialYear] | None = None):
        super().__init__(message)
        self.options = options or []


@dataclass(frozen=True)
class YearMention:
    """A year found in text: the span it covered and what it means (None for "latest")."""

    start: int
    end: int
    year: FinancialYear | None
    text: str


_SEP = r"\s*[-/–—]\s*"
# Order matters: the longest, most explicit forms first; each match blanks its span.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("ending", re.compile(
        r"\b(?:(?:financial\s+)?years?|12\s+months|twelve\s+months)\s+(?:ending|ended|to|up\s+to)\s+"
        r"(?:(?:the\s+end\s+of\s+)?march|mar\.?)\s+((?:19|20)\d{2})\b", re.I)),
    ("april_march", re.compile(
        r"\bapr(?:il|\.)?\s+((?:19|20)\d{2})\s+(?:to|-|–|until|through)\s+mar(?:ch|\.)?\s+((?:19|20)\d{2})\b", re.I)),
    ("full", re.compile(r"\b(?:fy\s*)?(\d{4})" + _SEP + r"(\d{4}|\d{2})(?![\d/])", re.I)),
    ("short", re.compile(r"(?<![\d/])(?:fy\s*)?(\d{2})" + _SEP + r"(\d{2})(?![\d/])", re.I)),
    ("fy_single", re.compile(r"\bfy\s*((?:19|20)\d{2}|\d{2})\b", re.I)),
    ("bare", re.compile(r"(?<![\d/£$.,])\b(\d{4})\b(?![\d/]|\s*%)")),
    ("latest", re.compile(r"\b(?:last\s+year|latest(?:\s+year)?|most\s+recent(?:\s+year)?|this\s+year|newest)\b", re.I)),
]


def _four_digit(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _check(start: int, written: str) -> FinancialYear:
    if not EARLIEST <= start <= LATEST:
        raise YearError(f"“{written}” is not a year this data could cover (financial years are written like 2016/17).")
    return FinancialYear(start)


def _pair(first: str, second: str, written: str) -> FinancialYear:
    start = _four_digit(first)
    end = int(second)
    end_full = end if len(second) == 4 else (start // 100) * 100 + end
    if len(second) == 2 and end_full < start:
        end_full += 100
    if end_full != start + 1:
        options = [FinancialYear(y) for y in sorted({start, end_full - 1}) if EARLIEST <= y <= LATEST]
        raise YearError(
            f"“{written}” is not one financial year: a financial year runs April to March, like "
            f"{FinancialYear(start).label}.", options)
    return _check(start, written)


def find_years(text: str) -> tuple[list[YearMention], list[YearMention]]:
    """Every financial year mentioned in `text`, in order, and the bare calendar years that need asking.

    Raises YearError for a year that cannot be one financial year ("2016/18", "1850/51").
    """
    found: list[YearMention] = []
    ambiguous: list[YearMention] = []
    taken = [False] * len(text)

    def free(m: re.Match) -> bool:
        return not any(taken[m.start():m.end()])

    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not free(m):
                continue
            written = m.group(0).strip()
            if kind == "ending":
                year = _check(int(m.group(1)) - 1, written)
            elif kind == "april_march":
                year = _pair(m.group(1), m.group(2), written)
            elif kind in ("full", "short"):
                year = _pair(m.group(1), m.group(2), written)
            elif kind == "fy_single":
                # "FY2017" in UK public-sector usage is the year ending March 2017.
                year = _check(_four_digit(m.group(1)) - 1, written)
            elif kind == "bare":
                mention = YearMention(m.start(), m.end(), None, written)
                _check(int(m.group(1)), written)
                ambiguous.append(mention)
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
                continue
            else:
                year = None
            found.append(YearMention(m.start(), m.end(), year, written))
            taken[m.start():m.end()] = [True] * (m.end() - m.start())
    found.sort(key=lambda y: y.start)
    ambiguous.sort(key=lambda y: y.start)
    return found, ambiguous


def bare_year_options(calendar_year: int) -> list[FinancialYear]:
    """The two financial years a bare calendar year may mean: ending in March of it, or starting in April."""
    return [FinancialYear(calendar_year - 1), FinancialYear(calendar_year)]
