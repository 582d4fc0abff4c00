"""Numbers as copy writes them (digits, number words, hedges) and how a claimed figure fits an actual one."""

from __future__ import annotations

from decimal import Decimal
import calendar
import re

from ..numbers import round_half_up, thousands, truncate
from ..years import FinancialYear

from .model import D


# =============================================================================================== words
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORD_VALUES = {w: i for i, w in enumerate(_UNITS)}
WORD_VALUES.update(_TENS)
WORD_VALUES.update({"a dozen": 12, "a hundred": 100, "one hundred": 100, "a": 1, "a single": 1, "twice": 2})
_SMALL_RE = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
             r"seven|eight|nine))?|" + "|".join(sorted(_UNITS[::-1], key=len, reverse=True)) + ")")
# "one hundred and sixteen", "two thousand", "a hundred": the whole phrase is one number, never just its tail
WORD_RE = (rf"(?:(?:{_SMALL_RE}|a)\s+(?:hundred|thousand)(?:(?:\s+and|,)?\s+{_SMALL_RE}(?![- ](?:hundred|thousand)))?"
           rf"|{_SMALL_RE}|a\s+dozen)")
DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# A number in running text: not glued to letters ("15A", "10am", "Covid-19") or to a year ("2016/17").
NUM_RE = re.compile(rf"(?<![\w£$€.,/-])(?:(?P<d>{DIGITS_RE})(?![\w/]|[.,]\d)|(?P<w>{WORD_RE})\b)", re.I)
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")
MONTH_NUMBER = {name: i for i, name in enumerate(calendar.month_name) if name}
MONTH_NUMBER.update({name[:3]: i for name, i in list(MONTH_NUMBER.items())})
MONTH_NUMBER = {k.lower(): v for k, v in MONTH_NUMBER.items()}
MONTH_NUMBER["sept"] = 9

OFFENCE_NOUN = re.compile(r"\b(?:offen[cs]es?|crimes?|cases?|incidents?|reports?|victims?|grooming|abuse|"
                          r"figures?|total|number|children)\b", re.I)
# Counts of something the data does not hold ("1,200 calls", "40 officers").
_OTHER_NOUNS = re.compile(r"\s+(?:(?:more|new|extra|additional|such|online|child|police|specialist|trained|full-time|"
                          r"front-?line|young|local|separate|different)\s+){0,3}(?P<noun>calls?|officers?|staff|"
                          r"referrals?|arrests?|charges?|convictions?|prosecutions?|suspects?|people|schools?|apps?|"
                          r"sites?|websites?|platforms?|images?|pages?|releases?|articles?|outlets?|stories|figures|councillors?|members?|families|parents|teachers|"
                          r"volunteers|counsellors?|sessions?|contacts?|pounds|posts|accounts|messages|downloads|"
                          r"followers|users|investigations?|complaints?|requests?|responses?|questions?|schemes?|"
                          r"projects?|courses?|workshops?|staffing|jobs|posts|beds|places|councils?|MPs|votes)\b", re.I)
_OTHER_SUBJECT = re.compile(r"£|\b(?:budget|funding|spending|spend|cost|costs|pay|salary|salaries|wages?|grant|"
                            r"investment|officers|staff|staffing|arrests|charges|convictions|prosecutions|calls|"
                            r"referrals|donations|income|turnover|prices?|fees?)\b", re.I)
_COMPARE_CUE = re.compile(r"\b(?:from|up\s+from|down\s+from|compared\s+with|against|than|to|reached|of)\s+(?:the\s+)?$", re.I)
PUBLISH_WORDS = re.compile(r"\b(?:publish\w*|releas\w*|said|says|announc\w*|reveal\w*|show\w*|report\w*|"
                           r"figures|data|statistics|nspcc|charity|foi|freedom\s+of\s+information|replied|"
                           r"responded|issued)\b", re.I)
FIRST_FIGURES = re.compile(r"\bfirst\s+(?:set\s+of\s+)?(?:figures|data|statistics|release|results)\b", re.I)
_SOFT_CYBER = re.compile(r"\bonline\s+child\s+sex(?:ual)?\s+(?:offen[cs]es|crimes)|\bonline\s+(?:sex\s+)?offen[cs]es\s+"
                         r"against\s+children|\bchild\s+sex(?:ual)?\s+(?:offen[cs]es|crimes)\s+(?:committed\s+)?online", re.I)
CYBER_WORDS = re.compile(r"\b(?:cyber[- ]?flag\w*|online\s+element|with\s+an?\s+online|cyber[- ]?(?:related|enabled)|"
                         r"online\s+child\s+sex\w*|internet)\b", re.I)

# Qualifiers a reporter puts before a figure, and what each lets the figure mean.
QUALIFIERS = [
    ("gt", r"more\s+than|over|in\s+excess\s+of|upwards\s+of|well\s+over|above|topped|exceeded|surpassed|"
           r"passed|broke|crossed"),
    ("ge", r"at\s+least|a\s+minimum\s+of"),
    ("just_over", r"just\s+over|slightly\s+more\s+than|a\s+little\s+over|just\s+above"),
    ("near", r"almost|nearly|just\s+under|close\s+to|getting\s+on\s+for|not\s+far\s+off|approaching|"
             r"slightly\s+less\s+than|just\s+short\s+of|just\s+below"),
    ("approx", r"around|about|roughly|approximately|some|an\s+estimated|circa|c\.|approx\.?|or\s+so|broadly"),
    ("le", r"up\s+to|no\s+more\s+than"),
    ("lt", r"fewer\s+than|less\s+than|under|below"),
    ("exact", r"just|only|exactly|precisely|an\s+average\s+of|on\s+average|average\s+of|a\s+total\s+of|a\s+record"),
]
QUAL_RE = re.compile(r"(?:^|(?<=\W))(?:" + "|".join(f"(?P<{k}_{i}>{p})" for i, (k, p) in enumerate(QUALIFIERS))
                     + r")\s+$", re.I)
QUAL_LABEL = {"gt": "more than", "ge": "at least", "just_over": "just over", "near": "nearly", "approx": "about",
              "le": "up to", "lt": "fewer than", "exact": ""}

UP_WORDS = (r"ris(?:e|es|en|ing)|rose|increas\w*|up|jump\w*|soar\w*|climb\w*|grew|grow\w*|higher|more|surg\w*|"
            r"leap\w*|rocket\w*|swell\w*|went\s+up|gone\s+up|doubl\w*|trebl\w*|tripl\w*|quadrupl\w*|spike\w*|extra|additional")
DOWN_WORDS = (r"fall\w*|fell|decreas\w*|down|drop\w*|declin\w*|lower|fewer|less|cut|reduc\w*|went\s+down|gone\s+down|"
              r"halv\w*|slump\w*|plummet\w*|shr[iau]nk\w*")
UP_RE = re.compile(rf"\b(?:{UP_WORDS})\b", re.I)
DOWN_RE = re.compile(rf"\b(?:{DOWN_WORDS})\b", re.I)


def word_value(text: str) -> int | None:
    t = re.sub(r"\s+", " ", text.lower().strip()).replace("-", " ")
    if t in WORD_VALUES:
        return WORD_VALUES[t]
    parts = [w for w in t.replace(",", " ").split() if w != "and"]
    for scale, size in (("thousand", 1000), ("hundred", 100)):
        if scale in parts:
            i = parts.index(scale)
            left = word_value(" ".join(parts[:i])) if i else None
            right = word_value(" ".join(parts[i + 1:])) if parts[i + 1:] else 0
            if left is None or right is None or right >= size:
                return None
            return left * size + right
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in WORD_VALUES and WORD_VALUES[parts[1]] < 10:
        return _TENS[parts[0]] + WORD_VALUES[parts[1]]
    return None


def number_value(text: str) -> tuple[Decimal, int] | None:
    """'5,653' -> (5653, 0); '229.5' -> (229.5, 1); 'thirteen' -> (13, 0)."""
    t = text.strip()
    if re.fullmatch(DIGITS_RE, t):
        plain = t.replace(",", "")
        decimals = len(plain.split(".")[1]) if "." in plain else 0
        return D(plain), decimals
    v = word_value(t)
    return (D(v), 0) if v is not None else None


def qualifier_before(s: str, start: int) -> tuple[str, int]:
    """The qualifier right before position `start` ('more than ', 'nearly ') and where it begins."""
    left = s[max(0, start - 40):start]
    base = max(0, start - 40)  # where `left` begins in s
    m = QUAL_RE.search(left)
    article = re.search(r"\b(?:a|an)\s+$", left)
    if not m and article:  # "more than a 200 per cent increase"
        left = left[:article.start()]
        m = QUAL_RE.search(left)
        if m and re.match(r"(?:a|an)\b", m.group(0).strip(), re.I):
            m = None
    if not m:
        return "exact", start
    if re.match(r"(?:a|an)\s+(?:total|average|record)|average|on\s+average", m.group(0).strip(), re.I):
        return "exact", start
    kind = next(name.split("_")[0] if not name.startswith("just_over") else "just_over"
                for name, v in m.groupdict().items() if v)
    return kind, base + m.start()


def _num(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def days_in(year: FinancialYear) -> int:
    """Days in April `start` to March `start + 1` (366 when it holds 29 February)."""
    return 366 if calendar.isleap(year.start + 1) else 365


def fits(claimed: Decimal, actual: Decimal, qual: str, decimals: int = 0, *, near: Decimal = D("0.9"),
         approx: Decimal = D("0.1"), truncated_ok: bool = True) -> bool:
    """Whether `actual` makes the claim true within the tolerance its wording admits."""
    if qual == "gt":
        return actual > claimed
    if qual == "ge":
        return actual >= claimed
    if qual == "lt":
        return actual < claimed
    if qual == "le":
        return actual <= claimed
    if qual == "near":
        return claimed * near <= actual <= claimed * D("1.005") or round_half_up(actual, decimals) == claimed
    if qual == "just_over":
        return claimed < actual <= claimed * D("1.1") or round_half_up(actual, decimals) == claimed
    if qual == "approx":
        return abs(actual - claimed) <= max(claimed * approx, D("0.5") * D(10) ** -decimals) \
            or round_half_up(actual, decimals) == claimed
    shown = round_half_up(actual, decimals)
    return shown == claimed or (truncated_ok and truncate(actual, decimals) == claimed)


def fmt(value: Decimal | int, places: int = 0) -> str:
    if isinstance(value, int):
        return thousands(value)
    return thousands(round_half_up(D(value), places)) if places else thousands(int(round_half_up(D(value), 0)))


def pct_text(value: Decimal, places: int = 1) -> str:
    return f"{thousands(round_half_up(abs(value), places))}%"


def _rate_of(total: int, year: FinancialYear, unit: str) -> tuple[Decimal, float, str]:
    """A year's total as a rate per unit: the exact rate, its rounded value, and the words that show it."""
    days = days_in(year)
    divisor = {"day": D(days), "hour": D(days * 24), "week": D(days) / 7, "month": D(12), "minute": D(days * 1440)}[unit]
    rate = D(total) / divisor
    shown = round_half_up(rate, 2 if rate < 1 else 1)
    return rate, float(shown), (f"{thousands(total)} in {year.label} ({days} days) is {shown} "
                                f"a{'n' if unit == 'hour' else ''} {unit}")


def _multiple_fits(target: Decimal, r: Decimal, qual: str) -> bool:
    """Whether the ratio `r` bears out a multiple claim of `target` as reporters use the words.

    A plain whole multiple ("doubled", "trebled", "six-fold", "four times as many") is a floor that copy
    rounds to: true from just under it (0.96·N, a rounding) up to the next whole number, so ×3.30 is "a
    three-fold increase" (understated, and said so) but ×2.3 is not "trebled" and ×1.51 is not "doubled".
    "Almost/nearly N" covers 0.85·N up to N (and a hair over, 1.02·N, as rounding); "more than N" needs
    r > N. A multiple with a fraction or decimals ("4.7 times", "two and a half times") is a measurement,
    held to 4%, so a rise divided by 100 (4.73 for ×5.73) is still caught.
    """
    whole = target == target.to_integral_value() and target >= 2
    if qual == "exact":
        if whole:
            return target * D("0.96") <= r < target + 1
        return abs(r - target) <= target * D("0.04")
    if qual in ("gt", "just_over"):
        return r > target
    if qual == "ge":
        return r >= target
    if qual == "near":
        return target * D("0.85") <= r <= target * D("1.02")
    if qual == "approx":
        return abs(r - target) <= target * D("0.1")
    return fits(target, r, qual, 1)
