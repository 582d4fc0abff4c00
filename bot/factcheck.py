"""Copy -> claims -> verdicts: check the numbers in a draft against the data and against themselves.

How it reads a paragraph (no lookup of known sentences: general rules only):

1. Text is cleaned as questions are (parse.clean), split into paragraphs and sentences.
2. Each sentence is scanned for numbers (digits and number words). Numbers that are not claims are set
   aside first: years (years.find_years plus a few newsroom forms), dates, times, phone numbers, section and
   page numbers, "Covid-19", ages in an attribution ("Mary, 34, said"), age bands ("aged 10 or under").
3. Local patterns turn the rest into claims of one kind: age facts, multiples ("more than trebled"),
   fractions ("almost half", "one in five"), percentages (a change, or a share "of the total"), rates
   ("15 a day"), forces responding ("39 forces"), differences ("18 more"), periods ("in three years"),
   totals ("421 over the two years") and counts ("323 offences in 2016/17").
4. Each claim is tied to a place (places.Gazetteer.find, located in the sentence: the nearest name, a name
   right after "across"/"by", else the paragraph's earlier subject, else the national total), a year
   (explicit, or relative: "the previous 12 months", "five years earlier") and a measure ("grooming" is the
   sexual communication series). Years missing from the copy are inferred from the figures.
5. The release under discussion is what the copy says ("figures published in June 2016") or else the
   earliest release consistent with every figure the copy quotes. A figure is checked against what that
   release (or the latest before it) settled on: a figure a later release revised away, a lone outlet's
   misprint, or a wrong number is `inaccurate`; a force or year the data lacks is `unverifiable`.
6. Percentages, multiples, fractions, differences, totals and periods are checked against the copy's own
   figures first (the pair in the sentence or the one before), else against the data, with the arithmetic
   of bot.numbers and the tolerance the wording admits ("more than", "nearly", shown decimals).
7. Sentences about several places are read as reporters write them, because pairing the wrong two numbers is
   what makes a checker cry wolf: a change word binds to the from-to pair ("from 59 to 229", "229, up from
   59") before it in its clause ("respectively" maps the k-th change to the k-th pair, the k-th figure to the
   k-th place); a figure binds to the place named in its own clause first; "an extra 427"/"427 more"/"up 427"
   is a difference, never a level, and a percentage beside it is about the two levels (old = new - 427 when
   the data lacks the old one); a fraction after "X of Y", "of them" or "accounted for" is a share; "between
   them"/"combined"/"together" with several places named sums their figures; "more/fewer than <place>" and
   "the only one of the N forces to see a fall" are checked, but only when both places (or every force's pair)
   and the year are plain. A plain multiple is a floor reporters round to (x3.30 is "a three-fold increase").

Public: check(text) -> CheckResult (.claims, .summary, .to_json()), plain_text(result).
"""

from __future__ import annotations

import calendar
import logging
import re
import threading
from collections import defaultdict
from itertools import groupby
from dataclasses import dataclass, field
from decimal import Decimal

from .answer import get_answerer, measure_phrase, month, value_text
from .numbers import Change, percent_change, plain_words, ratio, round_half_up, thousands, truncate
from .parse import MEASURE_WORDS, clean
from .places import Place
from .years import FinancialYear, YearError, find_years

log = logging.getLogger(__name__)

CYBER = "cyber_flagged_child_sex_offences"
SCWC = "sexual_communication_with_a_child"
AGE_10 = "offences_age_10_and_under"
UNDER_10 = "offences_under_10"
AT_COMMON_AGE = "offences_most_common_age"
YOUNGEST = "youngest_victim_age"
COMMON_AGE = "most_common_victim_age"
PER_DAY = "average_per_day"
NATIONAL_ONLY = {AGE_10, UNDER_10, AT_COMMON_AGE, YOUNGEST, COMMON_AGE, PER_DAY}

MAX_CHARS = 20_000  # about 3,000 words: longer copy is checked up to here and says so
MAX_NUMBERS_PER_SENTENCE = 60  # prose never has more; a table or a list of digits is not copy to check
VERDICTS = ("supported", "inaccurate", "unverifiable")
ICONS = {"supported": "✅", "inaccurate": "❌", "unverifiable": "❔"}
COUNT_KINDS = ("count", "national_total")
D = Decimal


# =============================================================================================== results
@dataclass
class Claim:
    text: str  # the claim's words as in the copy
    kind: str  # count | national_total | percent_change | multiple | fraction | rate | total | difference | comparison | age
    claimed: int | float | str | None
    actual: int | float | None
    verdict: str  # supported | inaccurate | unverifiable
    explanation: str
    sources: list[dict] = field(default_factory=list)  # {"outlet", "release", "url"}

    def to_dict(self) -> dict:
        return {"text": self.text, "kind": self.kind, "claimed": self.claimed, "actual": self.actual,
                "verdict": self.verdict, "explanation": self.explanation, "sources": list(self.sources)}


@dataclass
class CheckResult:
    claims: list[Claim] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the check itself (e.g. copy cut at MAX_CHARS)

    @property
    def summary(self) -> str:
        if not self.claims:
            return "No checkable figures found."
        counts = {v: sum(c.verdict == v for c in self.claims) for v in VERDICTS}
        parts = [f"{counts[v]} {v}" for v in VERDICTS if counts[v]]
        n = len(self.claims)
        return f"{n} claim{'' if n == 1 else 's'}: " + ", ".join(parts)

    def to_json(self) -> dict:
        """The stable `offences check --json` object: exactly {"claims": [...]} (README, design.md)."""
        return {"claims": [c.to_dict() for c in self.claims]}


def plain_text(result: CheckResult) -> str:
    """One line per claim, prefixed ✅ ❌ ❔, after a summary line (CLI and Slack's fallback text)."""
    lines = [result.summary]
    for claim in result.claims:
        lines.append(f"{ICONS.get(claim.verdict, '•')} “{claim.text}” ({claim.kind.replace('_', ' ')}): "
                     f"{claim.verdict}. {claim.explanation}")
    lines += result.notes
    return "\n".join(lines)


# =============================================================================================== words
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORD_VALUES = {w: i for i, w in enumerate(_UNITS)}
WORD_VALUES.update(_TENS)
WORD_VALUES.update({"a dozen": 12, "a hundred": 100, "one hundred": 100, "a": 1, "a single": 1, "twice": 2})
WORD_RE = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
           r"seven|eight|nine))?|" + "|".join(sorted(_UNITS[::-1], key=len, reverse=True)) +
           r"|a\s+dozen|a\s+hundred|one\s+hundred)")
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
                          r"sites?|websites?|platforms?|images?|pages?|councillors?|members?|families|parents|teachers|"
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
    parts = t.split()
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in WORD_VALUES:
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
    m = QUAL_RE.search(left)
    if not m:
        return "exact", start
    if re.match(r"(?:a|an)\s+(?:total|average|record)|average|on\s+average", m.group(0).strip(), re.I):
        return "exact", start
    kind = next(name.split("_")[0] if not name.startswith("just_over") else "just_over"
                for name, v in m.groupdict().items() if v)
    return kind, start - (len(left) - m.start())


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


# =============================================================================================== text
_SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_URLS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_FOOTNOTE = re.compile(r"\[(?:\d{1,2}|[a-z]|[ivx]{1,4})\]")
_YEAR_FOOTNOTE = re.compile(r"\b((?:19|20)\d{2})([-/])(\d{2})(\d{1,2})\b")
_ABBREV = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|No|Det|Insp|Supt|Sgt|Cllr|Con|PC|DC|DI|DS|Co|vs|v|Jan|Feb|Mar|Apr|"
                     r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|c|e\.g|i\.e|cf)|\b[A-Z])\.$")
_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9£])")


def _drop_year_footnote(m: re.Match) -> str:
    first, sep, second, extra = m.groups()
    if (int(first) + 1) % 100 == int(second):
        return f"{first}{sep}{second}" + " " * len(extra)
    return m.group(0)


def prepare(text: str) -> tuple[list[list[str]], list[str]]:
    """Copy -> paragraphs of sentences, cleaned the way questions are; notes about anything cut."""
    notes = []
    text = text or ""
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        notes.append(f"Only the first {MAX_CHARS:,} characters were checked.")
    text = _SUPERSCRIPTS.sub(" ", text)
    text = _URLS.sub(" ", text)
    paragraphs = []
    for para in re.split(r"\n\s*\n", text):
        cleaned = clean(para)
        cleaned = _FOOTNOTE.sub("", cleaned)
        cleaned = _YEAR_FOOTNOTE.sub(_drop_year_footnote, cleaned)
        if not cleaned:
            continue
        sentences: list[str] = []
        for piece in _SENT_SPLIT.split(cleaned):
            if sentences and _ABBREV.search(sentences[-1]):
                sentences[-1] += " " + piece
            else:
                sentences.append(piece)
        paragraphs.append([s for s in sentences if s.strip()])
    return paragraphs, notes


# =============================================================================================== spans
@dataclass
class _YearSpan:
    start: int
    end: int
    year: FinancialYear | None  # None: "last year"/"latest", or a relative phrase
    kind: str  # fy | latest | bare | relative
    offset: int = 0  # relative: years from the anchor
    calendar_year: int | None = None  # bare


@dataclass
class _PlaceSpan:
    start: int
    end: int
    place: Place


@dataclass
class _Sentence:
    text: str
    para: int
    index: int
    years: list[_YearSpan] = field(default_factory=list)
    places: list[_PlaceSpan] = field(default_factory=list)
    cands: list["_Cand"] = field(default_factory=list)
    hint: str | None = None  # a release month (YYYY-MM) or year (YYYY) the sentence says it reports
    first_figures: bool = False
    measure: str | None = None  # explicit measure words anywhere in the sentence
    taken: bytearray = field(default_factory=bytearray)
    notes: list[str] = field(default_factory=list)
    periods: dict = field(default_factory=dict)
    count_words: dict = field(default_factory=dict)
    total_heads: list = field(default_factory=list)
    pairs: list = field(default_factory=list)  # (old, new) count claims the copy writes as one change
    paragraph: list = field(default_factory=list, repr=False)  # the sentences of its paragraph, itself included

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def take(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)


@dataclass
class _Cand:
    kind: str
    sent: _Sentence
    start: int
    end: int
    nstart: int
    nend: int
    value: Decimal | None
    decimals: int = 0
    qual: str = "exact"
    direction: int = 0
    sub: str = ""
    extra: dict = field(default_factory=dict)
    place: Place | None = None
    place_how: str = ""
    year: FinancialYear | None = None
    year_how: str = ""
    rel_offset: int | None = None
    measure: str = CYBER
    measure_explicit: bool = False
    key: tuple | None = None
    result: Claim | None = None

    @property
    def text(self) -> str:
        return self.sent.text[self.start:self.end]

    @property
    def family(self) -> str:
        return "scwc" if self.measure == SCWC else "cyber"


# Years the parser does not read but copy uses.
_EXTRA_YEARS = [
    re.compile(r"\b(?:financial\s+)?years?\s+(?:up\s+)?(?:to|ending|ended)\s+(?:the\s+end\s+of\s+)?"
               r"april\s+((?:19|20)\d{2})\b", re.I),
    re.compile(r"(?<![\w-])(?:up\s+)?to\s+(?:the\s+end\s+of\s+)?march\s+((?:19|20)\d{2})\b", re.I),
]
_FIRST_FULL_YEAR = re.compile(r"\b(?:offence['’]s|its)\s+first\s+full\s+year\b|"
                              r"\bfirst\s+full\s+year\s+of\s+the\s+(?:new\s+)?(?:offence|law)\b", re.I)
_N = rf"(?:{WORD_RE}|\d+)"
_RELATIVE = [
    (re.compile(r"\b(?:the\s+|a\s+)?(?:previous|preceding|prior)\s+(?:12|twelve)\s+months\b", re.I), -1),
    (re.compile(r"\b(?:12|twelve)\s+months\s+(?:earlier|before|previously)\b", re.I), -1),
    (re.compile(r"\b(?:the|a)\s+year\s+(?:before|earlier|previously|prior)\b", re.I), -1),
    (re.compile(r"\b(?:the\s+)?(?:previous|preceding|prior)\s+year(?:['’]s)?", re.I), -1),
    (re.compile(r"\ba\s+year\s+ago\b", re.I), -1),
    (re.compile(rf"\b(?P<n>{_N})\s+years?\s+(?:earlier|before|previously|ago|prior)\b", re.I), None),
    (re.compile(r"\b(?:the\s+following|the\s+next)\s+year\b|\ba\s+year\s+later\b", re.I), 1),
    (re.compile(rf"\b(?P<n>{_N})\s+years?\s+later\b", re.I), None),
]
_MONTH_YEAR = re.compile(rf"\b(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<m>{MONTHS})\.?,?\s+(?P<y>(?:19|20)\d{{2}}))\b", re.I)


def _safe_find_years(text: str):
    """years.find_years, with spans it cannot read as one year ('aged 13-15') blanked out first."""
    try:
        return find_years(text)
    except YearError:
        pass
    work = text
    for m in re.finditer(r"(?:fy\s*)?\d{2,4}\s*[-/–—]\s*\d{2,4}", text, re.I):
        try:
            find_years(m.group(0))
        except YearError:
            work = work[:m.start()] + " " * (m.end() - m.start()) + work[m.end():]
    try:
        return find_years(work)
    except YearError:
        return [], []


# A sentence about several years at once: its figures may be totals over them.
_MULTI_YEAR = re.compile(r"\bsince\s+(?:(?:april|march|the\s+start\s+of|records\s+began|the\s+law)\b|(?:19|20)\d\d)|"
                         r"\bfrom\s+(?:april\s+)?(?:19|20)\d\d(?:[-/]\d\d)?\s+(?:to|until|and)\s+|\bbetween\s+"
                         r"(?:april\s+)?(?:19|20)\d\d(?:[-/]\d\d)?\s+and\s+|\bin\s+total\b|\bcumulative|"
                         r"\b(?:over|in|across|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?years\b", re.I)
_AGE_AFTER = re.compile(r"\s*-?\s*years?[- ]?olds?\b|\s*-?\s*years?\s+of\s+age\b", re.I)


def _year_spans(s: _Sentence) -> None:
    text = s.text
    work = text
    spans: list[_YearSpan] = []

    def blank(a: int, b: int) -> None:
        nonlocal work
        work = work[:a] + " " * (b - a) + work[b:]

    for pattern in _EXTRA_YEARS:
        for m in pattern.finditer(work):
            spans.append(_YearSpan(m.start(), m.end(), FinancialYear(int(m.group(1)) - 1), "fy"))
            blank(m.start(), m.end())
    for m in _FIRST_FULL_YEAR.finditer(work):
        spans.append(_YearSpan(m.start(), m.end(), FinancialYear(2017), "fy"))
        s.measure = s.measure or SCWC
        blank(m.start(), m.end())
    for pattern, offset in _RELATIVE:
        for m in pattern.finditer(work):
            n = offset
            if n is None:
                v = number_value(m.group("n"))
                if v is None or not 1 <= v[0] <= 30:
                    continue
                n = int(v[0]) * (-1 if re.search(r"earlier|before|previously|ago|prior", m.group(0), re.I) else 1)
            spans.append(_YearSpan(m.start(), m.end(), None, "relative", offset=n))
            blank(m.start(), m.end())
    found, ambiguous = _safe_find_years(work)
    for y in found:
        # "aged 15-16" is an age band, not 2015/16
        if re.search(r"aged\s+$", text[max(0, y.start - 8):y.start], re.I) or \
                _AGE_AFTER.match(text[y.end:y.end + 12]) or \
                (re.match(r"\s*-?\s*years?\b", text[y.end:y.end + 8], re.I) and not re.match(r"(?:19|20)\d\d", y.text)):
            continue  # "15-16 year olds" is an age band; "2016-17 year" is still the year 2016/17
        if y.year is None and "year" not in y.text.lower():
            continue  # "the latest figures show" names a release, not a year
        spans.append(_YearSpan(y.start, y.end, y.year, "fy" if y.year else "latest"))
    for y in ambiguous:
        spans.append(_YearSpan(y.start, y.end, None, "bare", calendar_year=int(y.text)))
    spans.sort(key=lambda y: y.start)
    s.years = spans
    for y in spans:
        s.take(y.start, y.end)


# Spans that hold numbers but are never claims.
_NOT_CLAIMS = [
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b\.?(?:,?\s+(?:19|20)\d{{2}})?", re.I),
    re.compile(rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![,.]?\d)", re.I),
    re.compile(rf"\b(?:{MONTHS})\.?,?\s+(?:19|20)\d{{2}}\b", re.I),
    re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)", re.I),
    re.compile(r"\b\d{1,2}:\d{2}\b"),
    re.compile(r"(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}\)?[\s-]?\d{3,4}(?:[\s-]?\d{3,4})?\b"),
    re.compile(r"\b(?:sections?|s\.|pages?|p\.|pp\.|part|chapter|clause|paragraph|para|schedule|article|rule|"
               r"regulation|no\.|number|item|question|appendix|annex|table|chart|episode|series|room|flat|route|"
               r"junction|level|tier|stage|phase|version|issue|volume|vol\.|grade|key\s+stage|year|class|box|bus|"
               r"channel|platform|gate|unit|ward|plot|lot|act|bill|exhibit|footnote|note|line|figure)\s+\d+[a-z]?\b(?![,.]\d)",
               re.I),
    re.compile(r"\b[A-Za-z]+-\d+[A-Za-z]?\b"),
    re.compile(r"\b\d+[a-z]{1,2}\b", re.I),
    re.compile(r"\b(?:top|bottom)\s+\d+\b", re.I),
    re.compile(r"\b\d+-(?!fold\b|year-olds?\b|years?-old\b)[a-z]+\b", re.I),
    re.compile(r"\b(?:24|twenty-four)\s+hours\s+a\s+day\b|\b(?:7|seven)\s+days\s+a\s+week\b|\b24/7\b|"
               r"\b365\s+days\s+a\s+year\b|\b(?:52|fifty-two)\s+weeks\s+a\s+year\b", re.I),
    re.compile(r"£\s?\d[\d,.]*\s*(?:m|bn|k|million|billion)?", re.I),
    re.compile(r"\b(?:one|1)\s+of\s+(?:the|its|their|our|his|her|my|those|these|only)\b", re.I),
    re.compile(r"\b(?:no|any|every)\s*one\b|\bone\s+(?:another|day|way|thing|person|parent|mother|father|child|girl|"
               r"boy|family|officer)\b", re.I),
]
# Age bands ("aged 10 or under", "13-year-olds", "under-18s"): set aside after the age-fact patterns had their turn.
_AGE_BANDS = [
    re.compile(r"\b(?:aged|ages)\s+(?:between\s+)?(?:\d+|" + WORD_RE + r")(?:\s*(?:-|–|to|and|or)\s*(?:\d+|"
               + WORD_RE + r"|under|younger|over|older|below|above))?(?:\s+(?:and|or)\s+(?:under|younger|over|older))?",
               re.I),
    re.compile(r"\b(?:\d+|" + WORD_RE + r")(?:\s*(?:-|–|to)\s*(?:\d+|" + WORD_RE + r"))?[- ]years?[- ]olds?\b", re.I),
    re.compile(r"\bunder[- ]?\d+s?\b|\bover[- ]\d+s\b|\b\d+s\b|\b\d+\s*(?:and|or)\s+(?:under|younger|over|older)\b",
               re.I),
]
# "Mary, 34, said": a person's age between commas after a name.
_ATTRIBUTION = re.compile(r"\b([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*),\s+(\d{1,3}),\s")
_NOT_NAMES = {"in", "the", "and", "but", "by", "of", "on", "at", "for", "from", "to", "since", "with", "as"}


def _exclusions(s: _Sentence, places_lower: set[str]) -> None:
    text = s.text
    for pattern in _NOT_CLAIMS:
        for m in pattern.finditer(text):
            if m.group(0).strip():
                s.take(m.start(), m.end())
    for m in _ATTRIBUTION.finditer(text):
        name = m.group(1)
        if name.lower() in places_lower or name.split()[0].lower() in _NOT_NAMES or name.lower() in MONTH_NUMBER:
            continue
        if int(m.group(2)) <= 120:
            s.take(m.start(2), m.end(2))


# =============================================================================================== patterns
AGE_WORD = rf"(?:{WORD_RE}|\d{{1,2}})"
AGE_PHRASE = (rf"(?P<age>(?:(?:just|only|aged)\s+)?(?:a\s+baby\s+)?(?:under\s+(?:the\s+age\s+of\s+)?(?:one|1)"
              rf"(?:\s+years?\s+old)?|{AGE_WORD}(?:\s+years?\s+old|-years?-old)?|a\s+(?:new-?born\s+)?baby))")
_YOUNGEST = re.compile(rf"\byoungest\s+(?:known\s+|recorded\s+)?(?:victim|child|children|person|target)s?\b"
                       rf"[^.;:]{{0,60}}?\b(?:was|were|is|being|aged|at)\s+(?:just\s+|only\s+)?{AGE_PHRASE}", re.I)
_YOUNG_AS = re.compile(rf"\bas\s+young\s+as\s+(?P<age>{AGE_WORD}(?:\s+years?\s+old)?|a\s+baby)", re.I)
_COMMON_AGE = [
    re.compile(rf"\bmost\s+common\s+age(?:\s+of\s+(?:the\s+)?victims?)?(?:\s+\w+){{0,3}}?\s+(?:was|is|were)\s+"
               rf"(?P<age>{AGE_WORD})\b", re.I),
    re.compile(rf"(?P<age>{AGE_WORD})\s+(?:was|is)\s+the\s+most\s+common\s+age\b", re.I),
    re.compile(rf"\b(?:children|victims|girls|boys|those|youngsters)?\s*aged\s+(?P<age>{AGE_WORD})\s+(?:were|was|are)\s+"
               rf"(?:the\s+)?most\s+(?:common(?:ly)?|frequent(?:ly)?|often)", re.I),
    re.compile(rf"\b(?P<age>{AGE_WORD})-year-olds\s+(?:were|are)\s+(?:the\s+)?most\s+(?:common(?:ly)?|frequent(?:ly)?|"
               rf"often|likely)", re.I),
]
_MULT_WORD = re.compile(r"\b(?P<mw>doubled|doubling|doubles|double|twice|trebled|trebling|trebles|treble|tripled|tripling|"
                        r"triples|triple|quadrupled|quadrupling|quadruple|halved|halving)\b(?![- ](?:check|figures|digits|"
                        r"standards?|lock|murder|bed|click))", re.I)
_MULT_VALUE = {"doub": 2, "twic": 2, "treb": 3, "trip": 3, "quad": 4, "halv": D("0.5")}
_FOLD = re.compile(rf"\b(?P<n>{WORD_RE}|\d+(?:\.\d+)?)[- ]?fold\b", re.I)
_TIMES = re.compile(rf"\b(?P<n>(?:{WORD_RE})(?:\s+and\s+a\s+half)?|\d+(?:\.\d+)?)\s+times\b"
                    r"(?=\s+(?:as\s+(?:many|much|high|large|big|great)|the\b|more|higher|greater|larger|bigger|"
                    r"over|that|what|those|than|in\b|its|their|his|her|since|from|between))", re.I)
_AGAIN = re.compile(r"\bhalf\s+as\s+(?:many|much)\s+again\b|\b(?:a|one)\s+and\s+a\s+half\s+times\b", re.I)
_FRACTION = re.compile(r"\b(?P<f>half|a\s+third|one[- ]third|a\s+quarter|one[- ]quarter|a\s+fifth|one[- ]fifth|"
                       r"a\s+tenth|one[- ]tenth|two[- ]thirds|three[- ]quarters|two[- ]fifths|three[- ]fifths|"
                       r"four[- ]fifths)\b", re.I)
_FRACTION_VALUE = {"half": D("0.5"), "third": D(1) / 3, "quarter": D("0.25"), "fifth": D("0.2"), "tenth": D("0.1"),
                   "two thirds": D(2) / 3, "three quarters": D("0.75"), "two fifths": D("0.4"),
                   "three fifths": D("0.6"), "four fifths": D("0.8")}
_ONE_IN = re.compile(rf"\b(?P<a>{WORD_RE}|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>{WORD_RE}|\d{{1,3}})\b"
                     r"(?!\s*(?:years?|months?|days?|weeks?|%|per\s*cent))", re.I)
_PAREN_PCT = re.compile(r"\s*\((?P<p>\d+(?:\.\d+)?)\s?(?:%|per\s?cent)\)", re.I)
_PCT = re.compile(rf"(?<![\w£$€.,/-])(?P<n>{DIGITS_RE})\s?(?:%|per\s?cent\b|percent\b)", re.I)
_RATE_TAIL = re.compile(r"(?:\s+(?!(?:a|an|per|every|each|in|of|year|years)\b)[A-Za-z'’-]+){0,5}?\s+"
                        r"(?:a|an|per|every|each)\s+(?P<u>day|hour|week|month|minute)\b", re.I)
_PER_POP = re.compile(rf"(?:\s+(?!(?:for|per|in)\b)[A-Za-z'’-]+){{0,3}}?\s+(?:for|per|in)\s+(?:every\s+)?(?P<n>{DIGITS_RE}|{WORD_RE})"
                      r"\s+(?P<who>children|child|young\s+people|under-18s|people|residents|inhabitants|population)\b", re.I)
_FORCES_TAIL = re.compile(rf"(?P<of>\s+of\s+(?:the\s+|all\s+)?(?P<m>\d+|{WORD_RE}))?(?:\s+(?!(?:offences|crimes|of)\b)"
                          r"[\w-]+){0,2}?\s+(?:police\s+)?forces\b", re.I)
_DIFF_TAIL = re.compile(r"\s+(?:(?:such\s+|more\s+|extra\s+|additional\s+)?(?:offences|offence|crimes|cases|incidents|"
                        r"reports)\s+)?(?P<dir>more|fewer|less|higher|lower|extra|additional)\b(?!\s+(?:than\s+)?"
                        r"(?:\d|" + WORD_RE + r"))", re.I)
_DIFF_TAIL_THAN = re.compile(r"\s+(?:(?:such\s+|more\s+)?(?:offences|offence|crimes|cases|incidents)\s+)?"
                             r"(?P<dir>more|fewer|less|higher|lower)\s+than\b", re.I)
_DIFF_HEAD = re.compile(rf"(?:\b(?P<v>{UP_WORDS}|{DOWN_WORDS})\s+by|\b(?:an?\s+)?(?P<n>increase|rise|fall|drop|"
                        r"decrease|reduction|jump)\s+of|\b(?P<u>up|down)|\b(?P<x>an?\s+(?:extra|additional)))\s+$", re.I)
# "an extra 427", "an additional 427", "427 more", "up 427": a DIFFERENCE (new - old), never a level. Read as a
# count it would be checked against one year's figure and, worse, used as the base of the sentence's percentage.
_PERIOD = re.compile(rf"\b(?P<pre>in|over|across|within|during|after|in\s+the\s+space\s+of)\s+(?P<adv>(?:just|only|"
                     rf"less\s+than|more\s+than|under|nearly|almost)\s+)?(?P<n>{WORD_RE}|\d+|a|a\s+single)\s+"
                     r"(?P<unit>years?|months?)\b", re.I)
_PERIOD_AGO = re.compile(rf"\b(?P<n>{WORD_RE}|\d+)\s+years?\s+(?P<rel>earlier|before|ago|later|previously)\b", re.I)
_TOTAL_TAIL = re.compile(rf"(?:\s+[\w'’-]+){{0,4}}?\s+(?:across|between|for|in|over|from)\s+(?:all\s+)?the\s+"
                         rf"(?P<k>{WORD_RE}|\d+)\s+(?P<what>forces|force\s+areas|areas|years|financial\s+years)\b", re.I)
_TOTAL_YEARS_TAIL = re.compile(rf"(?:\s+[\w'’-]+){{0,3}}?\s+(?:in|over|across|during)\s+(?:the\s+(?:past|last)\s+|"
                               rf"just\s+|only\s+)?(?P<k>{WORD_RE}|\d+)\s+(?:financial\s+)?years\b", re.I)
_TOTAL_HEAD = re.compile(rf"\b(?:over|across|in|during)\s+the\s+(?:(?:past|last)\s+)?(?P<k>{WORD_RE}|\d+)\s+"
                         r"(?:financial\s+)?years\b", re.I)
_BETWEEN_THEM = re.compile(r"\b(?:between\s+them|combined|altogether|in\s+total|together)\b", re.I)
_MAKING = re.compile(r"\b(?:making|a\s+combined|bringing\s+the\s+total\s+to|totalling|totaling)\s+$", re.I)
_COUNT_WORD = re.compile(rf"(?:\b(?:the|just|only|was|were|is|at|reached|of)\s+)(?P<w>{WORD_RE})\s+(?=(?:recorded|logged|reported|offences|"
                         r"crimes|cases|incidents|in\s+\d{4}|a\s+year\s+earlier|the\s+year\s+before)\b)|"
                         rf"\b(?P<w2>{WORD_RE})\s+(?=(?:such\s+|grooming\s+|online\s+)?(?:offences|crimes|cases|"
                         r"incidents)\b)", re.I)
_SHARE_TOTAL = re.compile(r"\b(?:regional|region['’]s|welsh|national|country['’]s|county['’]s|force['’]s|force)\s+"
                          r"(?:total|figure|number|count)\b|\b(?:total|figure|number)\s+(?:for|across|in)\s+the\s+"
                          r"(?:whole\s+)?(?:region|country)\b", re.I)
_BREAKDOWN_WORDS = re.compile(r"\b(?:girls?|boys?|female|male|sex|gender|snapchat|instagram|facebook|whatsapp|"
                              r"tiktok|kik|apps?|platforms?|sites?|charged?|charges|convict\w*|prosecut\w*|"
                              r"outcomes?|suspects?|perpetrators?|offenders?|strangers?|known\s+to)\b", re.I)


_YEAR_ON_YEAR = re.compile(r"\b(?:in\s+(?:a|one)\s+year|in\s+the\s+space\s+of\s+a\s+year|year[- ]on[- ]year|"
                           r"(?:on|than)\s+(?:the\s+)?(?:previous|last|prior)\s+year|in\s+12\s+months|"
                           r"annual\s+(?:rise|increase|fall|drop|change|growth))\b", re.I)
# Words that end the link between a figure and a year written near it ("361 in 2016/17, up from 63").
_LINK_BREAK = re.compile(r"[;:()–—]|\b(?:is|was|were|are|as|than|times|half|double|doubled|treble|trebled|up|down|"
                         r"from|compared|against|versus|vs|more|fewer|rise|rose|fall|fell|increase|decrease|while|"
                         r"whereas|but|and|or|to)\b", re.I)


# "721 offences were recorded in 2018/19": the passive verb does not end the figure's link to its year.
_PASSIVE = re.compile(r"\b(?:were|was)\s+(?:recorded|logged|reported|registered)\b", re.I)


def _direction(s: str, start: int, end: int) -> int:
    """+1 for a rise, -1 for a fall, 0 when the words do not say (nearest cue wins)."""
    before = s[max(0, start - 45):start]
    after = s[end:end + 30]
    best = (999, 0)
    for m in UP_RE.finditer(before):
        best = min(best, (len(before) - m.end(), 1))
    for m in DOWN_RE.finditer(before):
        best = min(best, (len(before) - m.end(), -1))
    for m in UP_RE.finditer(after):
        best = min(best, (m.start() + 1, 1))
    for m in DOWN_RE.finditer(after):
        best = min(best, (m.start() + 1, -1))
    return best[1]


# =============================================================================================== relations
# Which figures a claim is about. Copy that names several places or pairs in one sentence is where a checker
# that takes "the two nearest numbers" cries wolf, so these patterns say how reporters tie figures together.

CHANGE_KINDS = ("percent_change", "multiple", "difference")
# Clauses end at ; : spaced dashes and ", and/but/while": a figure's place and pair are looked for in its clause.
_CLAUSE_BREAK = re.compile(r"[;:]|\s[—–]\s|,\s+(?:and|but|while|whereas)\b|\b(?:while|whereas)\b", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# One change written as two figures, read between two neighbouring counts a and b (`lead` is the text before a).
_PAIR_FROM_TO = re.compile(r"[^;:]{0,60}?\bto\s+(?:just\s+|only\s+|a\s+record\s+)?", re.I)  # from a ... to b
_PAIR_TO_FROM = re.compile(r"[^;:]{0,60}?\bfrom\s+(?:just\s+|only\s+|the\s+)?", re.I)  # to a ... from b
_PAIR_UP_FROM = re.compile(r"[^;:]{0,70}?(?:\b(?:up|down|rising|falling|increas\w*|decreas\w*|ris\w*|rose|fell|"
                           r"jump\w*|climb\w*|compared)\s+(?:from|with|to|on)|\bagainst|\bversus|\bvs\.?)\s+"
                           r"(?:the\s+|just\s+|only\s+)?", re.I)  # a, up from b
# What sits between a multiple and the figure it is taken against: "three times the 121", "double that of".
_OBJECT_GAP = re.compile(r"\s+(?:as\s+(?:many|much|high)\s+as\s+|that\s+of\s+)?(?:the\s+)?(?:figure\s+of\s+|total\s+of\s+)?"
                         r"(?:[A-Z][\w'’-]*\s+){0,3}?", re.I)
# A multiple or difference taken against another place: "eight times as many as Sussex", "432 more than Sussex".
_VERSUS = re.compile(r"(?:\s+(?!than\b|as\b)[a-z-]+){0,3}?\s+(?:as\s+(?:many|much|high)\s+as|than)\s+(?:(?:its|the)\s+)?"
                     r"(?:neighbou?ring\s+|nearby\s+)?(?:in\s+|at\s+|by\s+)?", re.I)
# A sentence opening on the figure just given ("That was ...", "The latter ...") is about that figure.
_POINTS_BACK = re.compile(r"\s*(?:that|this|the\s+latter)\s+(?:was|is|represents|represented|figure|number|total|"
                          r"marked|meant|means)\b", re.I)
# Shares: "59 of the region's 258 — nearly a quarter —" (X of Y before a fraction set off by a dash or comma),
# "721 of them" / "almost half of that" (the whole is the figure just given), "the region's 258", "the Welsh total".
_OF_WHOLE = re.compile(rf"\b{DIGITS_RE}\s+(?:offences\s+|crimes\s+|cases\s+)?(?:out\s+)?of\s+(?:(?:the\s+|all\s+|its\s+|"
                       rf"their\s+|[\w.'’ -]{{1,40}}['’]s?\s+)?{DIGITS_RE}\b|them\b|those\b|these\b)[^;]{{0,60}}$", re.I)
_OF_BACK = re.compile(r"\s*(?:offences\s+)?of\s+(?:that|this|them|those|these|the\s+(?:total|figure|number))\b(?!\s+\d)", re.I)
_REGION_WHOLE = re.compile(r"\b(?:the\s+)?(?:wider\s+)?(?:region['’]s|regional)(?:\s+(?:total|figure|number|count))?"
                           r"(?:\s+(?:of|was|is|stood\s+at|reached|came\s+to))?\s+(?:just\s+|only\s+|some\s+)?$", re.I)
_WELSH_WHOLE = re.compile(r"\bwelsh\s+(?:total|figure|number|count)(?:\s+(?:of|was|is|stood\s+at|reached|came\s+to))?\s+"
                          r"(?:just\s+|only\s+|some\s+)?$", re.I)
# Comparisons between places: "more than neighbouring Sussex", "fewer offences than in Kent" (the text before the
# compared place), but not a comparison of changes ("rose more than") or of shares.
_PLACE_COMPARE = re.compile(r"\b(?P<dir>more|fewer|less|higher|lower|greater|smaller)\b(?:\s+(?!than\b|times\b|as\b)"
                            r"[a-z'’-]+){0,4}?\s+than\s+(?:(?:its|their|the)\s+)?(?:neighbou?ring\s+|neighbou?rs?,?\s+|"
                            r"nearby\s+)?(?:in\s+|at\s+|by\s+)?(?:the\s+)?$", re.I)
_COMPARE_NOT_LEVELS = re.compile(r"\b(?:ris\w*|rose|increas\w*|grew|grown|fell|fallen|fall\w*|drop\w*|jump\w*|"
                                 r"climb\w*|by|times|proportion|share|percentage)\s+(?:\w+\s+){0,2}$", re.I)
# "Staffordshire was the only one of the three forces to see a fall".
_ONLY_ONE = re.compile(rf"\bthe\s+only\s+(?:one\s+of\s+the\s+(?P<n>{WORD_RE}|\d+)\s+(?:police\s+)?(?:forces|areas)|"
                       r"(?:police\s+)?force|area)(?:\s+in\s+(?:the\s+)?[\w ]{1,30}?)?\s+(?:to|that|which|where|in\s+which)\s+"
                       r"(?:\w+\s+){0,3}?(?:an?\s+)?"
                       r"(?P<dir>fall|fell|drop\w*|decreas\w*|declin\w*|reduction|lower|rise|rose|increas\w*|jump\w*|"
                       r"higher|grew|growth)\b", re.I)


def _clause_of(text: str, pos: int) -> int:
    """Which clause of the sentence `pos` is in (clauses end at ; : dashes and ", and/but/while")."""
    return len(_CLAUSE_BREAK.findall(text[:pos]))


def _respective_places(s: _Sentence) -> None:
    """'Kent and Northumbria recorded 361 and 323 respectively' / '... rose from 63 to 361 and from 98 to 323
    respectively': the k-th figure (or written pair) after a list of places belongs to the k-th place. So does a
    bare list of figures in a clause that names no place ("...; in 2015/16 the figures were 59 and 26")."""
    if len(s.places) < 2:
        return
    if not _RESPECTIVELY.search(s.text):
        counts = sorted((o for o in s.cands if o.kind in COUNT_KINDS and o.sub != "other" and o.value is not None),
                        key=lambda o: o.nstart)
        for clause in {_clause_of(s.text, o.nstart) for o in counts}:
            mine = [o for o in counts if _clause_of(s.text, o.nstart) == clause]
            if len(mine) < 2 or any(_clause_of(s.text, p.start) == clause for p in s.places) or \
                    not all(re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", s.text[a.end:b.start], re.I)
                            for a, b in zip(mine, mine[1:])):
                continue
            named = list(dict.fromkeys(p.place for p in s.places if p.end <= mine[0].nstart))
            if len(named) == len(mine):
                for place, o in zip(named, mine):
                    o.place, o.place_how = place, "listed"
        return
    group = [s.places[0]]
    for p in s.places[1:]:
        if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", s.text[group[-1].end:p.start], re.I):
            group.append(p)
        else:
            break
    if len(group) < 2:
        return
    in_pair = {id(o): pair for pair in s.pairs for o in pair}
    units: list[tuple] = []
    for o in sorted(s.cands, key=lambda o: o.nstart):
        if o.kind not in COUNT_KINDS or o.nstart < group[-1].end or o.sub == "other":
            continue
        unit = in_pair.get(id(o), (o,))
        if not units or units[-1] is not unit:
            units.append(unit)
    if len(units) != len(group):
        return
    for p, unit in zip(group, units):
        for o in unit:
            o.place, o.place_how = p.place, "listed"


def _written_pairs(s: _Sentence) -> list[tuple]:
    """(old, new) pairs the sentence writes out: "from 59 to 229", "rose to 361 from 63", "229, up from 59",
    "490 in 2018/19 and 735 in 2019/20". A change word is later bound to one of these, so a sentence about two
    forces never pairs one force's old figure with the other's new one. Left to right, a figure joins one pair."""
    text = s.text
    cands = sorted(s.cands, key=lambda o: o.nstart)
    counts = [o for o in cands if o.kind in COUNT_KINDS and o.value is not None and o.qual == "exact"
              and o.sub != "other"]
    pairs: list[tuple] = []
    used: set[int] = set()
    for a, b in zip(counts, counts[1:]):
        if id(a) in used or id(b) in used:
            continue
        if any(a.nstart < o.nstart < b.nstart for o in cands if o is not a and o is not b):
            continue  # a claim between them ("323, more than three times the 98") is what links them
        between = text[a.end:b.start]
        lead = text[max(0, a.start - 25):a.start]
        pair = None
        if re.search(r"\bfrom\s+$", lead, re.I) and _PAIR_FROM_TO.fullmatch(between) and \
                not re.search(r"\bfrom\b", between, re.I):
            pair = (a, b)
        elif re.search(r"\b(?:to|reached|reaching|hit|hitting)\s+$", lead, re.I) and _PAIR_TO_FROM.fullmatch(between):
            pair = (b, a)
        elif _PAIR_UP_FROM.fullmatch(between):
            pair = (b, a)
        else:
            ya = [y for y in s.years if a.nend <= y.start <= a.nend + 30 and y.year is not None and y.end <= b.nstart]
            yb = [y for y in s.years if b.nend <= y.start <= b.nend + 30 and y.year is not None]
            if ya and yb and ya[0].year != yb[0].year and len(between) <= 60 and \
                    re.search(r"\band\b|,", between) and not re.search(r"[;:]", between):
                pair = (a, b) if ya[0].year < yb[0].year else (b, a)
        if pair:
            pairs.append(pair)
            used.update((id(a), id(b)))
    return pairs


def _change_context(s: str, start: int) -> bool:
    """Change words right before a fraction ('rose by more than a third', 'a fall of almost half'); "made up"
    and "accounting for" are share words, whatever "up" says elsewhere."""
    left = s[max(0, start - 40):start]
    if re.search(r"\b(?:made|make|makes|making)\s+up\s+(?:[a-z]+\s+){0,2}$", left, re.I):
        return False
    return bool(re.search(rf"(?:\b(?:{UP_WORDS}|{DOWN_WORDS})\s+(?:by\s+)?(?:of\s+)?)(?:[a-z]+\s+){{0,2}}$", left, re.I))


# =============================================================================================== checker
class Checker:
    """One per process: reads the figures once through the store's queries and checks copy against them."""

    def __init__(self, answerer=None):
        self.answerer = answerer or get_answerer()
        self.gazetteer = self.answerer.gazetteer
        self.store = self.answerer.store
        self.facts = _Facts(self.store)
        self._alias_tuples: dict[Place, list[tuple[str, ...]]] = defaultdict(list)
        for tokens, place in self.gazetteer.aliases.items():
            self._alias_tuples[place].append(tokens)
        for place in self._alias_tuples:
            self._alias_tuples[place].sort(key=len, reverse=True)
        self._place_words = {" ".join(t) for t in self.gazetteer.aliases}
        self._national = self.gazetteer.get("England and Wales", "nation")

    # -- entry point ------------------------------------------------------------------------------
    def check(self, text: str) -> CheckResult:
        paragraphs, notes = prepare(text if isinstance(text, str) else "")
        sentences: list[_Sentence] = []
        for p, para in enumerate(paragraphs):
            for sentence_text in para:
                s = _Sentence(sentence_text, p, len(sentences))
                s.taken = bytearray(len(sentence_text))
                sentences.append(s)
                try:
                    self._analyse(s)
                except Exception:  # a sentence the rules cannot read is skipped and said, never a crash
                    log.exception("fact-check could not read a sentence")
                    s.cands = []
                    s.notes.append("Some text could not be read for figures and was skipped.")
        for _, group in groupby(sentences, key=lambda t: t.para):  # sentences come paragraph by paragraph
            paragraph = list(group)
            for s in paragraph:
                s.paragraph = paragraph
        cands = [c for s in sentences for c in s.cands]
        self._resolve(sentences)
        releases = self._releases_under_discussion(sentences, cands)
        # figures first (their years and keys are what the comparisons, rates and shares lean on)
        for c in sorted(cands, key=lambda c: c.kind not in COUNT_KINDS):
            try:
                self._verify(c, releases, sentences)
            except Exception as exc:  # one odd claim must not sink the whole check
                log.exception("fact-check could not verify %r", c.text)
                c.result = Claim(c.text, self._kind(c), self._claimed(c), None, "unverifiable",
                                 f"Could not check this figure ({type(exc).__name__}).", [])
        for s in sentences:
            for note in s.notes:
                if note not in notes:
                    notes.append(note)
        return CheckResult([c.result for c in cands if c.result is not None and not c.extra.get("drop")], notes)

    # -- sentence analysis ------------------------------------------------------------------------
    def _analyse(self, s: _Sentence) -> None:
        _year_spans(s)
        self._hints(s)
        self._place_spans(s)
        _exclusions(s, self._place_words)
        for pattern, measure in MEASURE_WORDS:
            if pattern.search(s.text):
                s.measure = s.measure or measure
        self._extract(s)
        s.pairs = _written_pairs(s)

    def _hints(self, s: _Sentence) -> None:
        publishes = bool(PUBLISH_WORDS.search(s.text))
        s.first_figures = bool(FIRST_FIGURES.search(s.text))
        for m in _MONTH_YEAR.finditer(s.text):
            if publishes and not re.search(r"\b(?:to|ending|ended|until|up\s+to)\s+$", s.text[max(0, m.start() - 12):m.start()], re.I):
                s.hint = f"{m.group('y')}-{MONTH_NUMBER[m.group('m').lower().rstrip('.')]:02d}"
            s.take(m.start(), m.end())
        for y in s.years:
            if y.kind != "bare":
                continue
            before = s.text[max(0, y.start - 45):y.start]
            if re.search(rf"(?:{MONTHS})\.?\s*$", before, re.I) or re.search(r"\bact\s+(?:of\s+)?$", before, re.I):
                continue
            counted = re.search(r"(?:\d|offences|crimes|cases|incidents)[^.;:\d]{0,25}\b(?:in|during)\s+$", before, re.I)
            if counted and not PUBLISH_WORDS.search(before[counted.start():]):
                y.year = FinancialYear(y.calendar_year)  # "63 offences in 2015": a calendar label for 2015/16
                y.kind = "calendar"
            elif publishes and re.search(r"\b(?:in|during)\s+$", before, re.I) and not s.hint:
                s.hint = str(y.calendar_year)

    def _place_spans(self, s: _Sentence) -> None:
        lower = s.text.lower()
        tokens = []
        for m in re.finditer(r"[a-z0-9]+(?:['’][a-z0-9]+)*|&", lower):
            word = m.group(0).replace("’", "'")
            if word == "&":
                word = "and"
            word = re.sub(r"'s$", "", word)
            if not s.free(m.start(), m.end()) or word.isdigit():
                word = "0"
            tokens.append((m.start(), m.end(), word))
        words = [t[2] for t in tokens]
        matches, _unknown = self.gazetteer.find(" ".join(words))
        spans: list[_PlaceSpan] = []
        for match in matches:
            # the place's own names always count; a typo'd form only when capitalised. (The gazetteer lists a
            # place once, so "the number went from 59 to 229 in Gwent" reports Gwent as the typo "went".)
            forms = [(form, True) for form in self._alias_tuples.get(match.place, [])]
            if match.how != "exact":
                forms.append((tuple(match.written.split()), False))
            for form, exact in forms:
                n = len(form)
                for i in range(len(words) - n + 1):
                    if tuple(words[i:i + n]) == form:
                        # a typo'd name is a proper noun: "went" is not Gwent
                        if not exact and not s.text[tokens[i][0]].isupper():
                            continue
                        spans.append(_PlaceSpan(tokens[i][0], tokens[i + n - 1][1], match.place))
        spans.sort(key=lambda p: (p.start, -(p.end - p.start)))
        kept: list[_PlaceSpan] = []
        for p in spans:
            if kept and p.start < kept[-1].end:
                continue
            kept.append(p)
        s.places = kept

    # -- claim extraction -------------------------------------------------------------------------
    def _add(self, s: _Sentence, kind: str, start: int, end: int, nstart: int, nend: int, value, decimals=0,
             qual="exact", direction=0, sub="", **extra) -> _Cand:
        c = _Cand(kind, s, start, end, nstart, nend, D(value) if value is not None else None, decimals, qual,
                  direction, sub, extra)
        s.cands.append(c)
        s.take(min(start, nstart), max(end, nend))
        return c

    def _extract(self, s: _Sentence) -> None:
        text = s.text
        # ages (before the age bands are set aside as non-claims)
        for pattern, sub in [(_YOUNGEST, "youngest"), (_YOUNG_AS, "youngest")] + [(p, "common") for p in _COMMON_AGE]:
            for m in pattern.finditer(text):
                a, b = m.span("age")
                phrase = m.group("age")
                if not s.free(a, b):
                    continue
                if re.search(r"under\s+(?:the\s+age\s+of\s+)?(?:one|1)|baby", phrase, re.I):
                    value = 0
                    b = a + len(phrase)
                    inner = re.search(r"under\s+(?:the\s+age\s+of\s+)?(?:one|1)", phrase, re.I)
                    if inner:
                        a, b = a + inner.start(), a + inner.end()
                else:
                    num = re.search(AGE_WORD, phrase, re.I)
                    if not num or number_value(num.group(0)) is None:
                        continue
                    value = number_value(num.group(0))[0]
                if any(c.kind == "age" and c.start == a for c in s.cands):
                    continue
                self._add(s, "age", a, b, a, b, value, sub=sub)
        for m in list(_AGAIN.finditer(text)):
            if s.free(m.start(), m.end()):
                q, qs = qualifier_before(text, m.start())
                self._add(s, "multiple", qs, m.end(), m.start(), m.end(), D("1.5"), 1, q, 1)
        # multiples: "seven times as many", "six-fold", "more than trebled"
        for m in _TIMES.finditer(text):
            if s.free(m.start(), m.end()):
                n = m.group("n")
                half = bool(re.search(r"and\s+a\s+half", n, re.I))
                base = number_value(re.sub(r"\s+and\s+a\s+half", "", n, flags=re.I))
                if base is None:
                    continue
                value = base[0] + (D("0.5") if half else 0)
                q, qs = qualifier_before(text, m.start())
                self._add(s, "multiple", qs, m.end(), m.start(), m.end(), value, base[1] + (1 if half else 0), q,
                          _direction(text, qs, m.end()) or 1)
        for m in _FOLD.finditer(text):
            if s.free(m.start(), m.end()):
                base = number_value(m.group("n"))
                if base is None:
                    continue
                # "nearly a six-fold rise": the qualifier sits before the article
                article = re.search(r"\b(?:an?)\s+$", text[max(0, m.start() - 4):m.start()], re.I)
                q, qs = qualifier_before(text, m.start() - (len(article.group(0)) if article else 0))
                if q == "exact":
                    qs = m.start()
                self._add(s, "multiple", qs, m.end(), m.start(), m.end(), base[0], base[1], q, 1)
        for m in _MULT_WORD.finditer(text):
            if not s.free(m.start(), m.end()):
                continue
            word = m.group("mw").lower()
            value = _MULT_VALUE[word[:4]]
            if word == "twice" and not re.match(r"\s+(?:as|the)\b", text[m.end():m.end() + 5], re.I):
                continue
            q, qs = qualifier_before(text, m.start())
            if value == D("0.5"):
                self._add(s, "fraction", qs, m.end(), m.start(), m.end(), D("0.5"), 2, q, -1, sub="change", words=word)
            else:
                self._add(s, "multiple", qs, m.end(), m.start(), m.end(), value, 0, q, 1)
        _exclusions_late(s)  # age bands are not claims (the age facts above have taken theirs)
        # fractions
        for m in _FRACTION.finditer(text):
            if not s.free(m.start(), m.end()):
                continue
            f = re.sub(r"^(?:a|one)[- ]|\s+", " ", m.group("f").lower()).strip().replace("-", " ")
            value = _FRACTION_VALUE.get(f) or _FRACTION_VALUE.get(f.split()[-1])
            before = text[max(0, m.start() - 12):m.start()].lower()
            after = text[m.end():m.end() + 20].lower()
            if f == "half" and (re.search(r"(?:first|second|latter|last|and\s+a|one\s+and)\s+$", before)
                                or re.match(r"\s*(?:an?\s|-|of\s+(?:the\s+)?(?:year|decade|century|month|(?:19|20)\d\d\b(?!/)))", after)):
                continue
            q, qs = qualifier_before(text, m.start())
            end = m.end()
            paren = _PAREN_PCT.match(text, end)
            extra = {}
            if paren:
                extra["pct"] = D(paren.group("p"))
                end = paren.end()
            if _change_context(text, qs):
                self._add(s, "fraction", qs, end, m.start(), end, value, 3, q, _direction(text, qs, m.end()),
                          sub="change", **extra)
            elif re.match(r"\s*(?:\(\d[^)]*\)\s*)?(?:of\b|the\b)", text[m.end():], re.I) or \
                    re.search(r"(?:accounted\s+for|accounting\s+for|made\s+up|make\s+up|making\s+up|comprising|"
                              r"were|was|is|are|represent\w*)\s+$", text[max(0, qs - 25):qs], re.I) or \
                    (re.search(r"(?:[—–(,]|\bor)\s*$", text[max(0, qs - 5):qs]) and
                     _OF_WHOLE.search(text[:qs])):
                # "59 of the region's 258 offences — nearly a quarter —": set off after "X of Y", it is X's share
                self._add(s, "fraction", qs, end, m.start(), end, value, 3, q, 0, sub="share", **extra)
        for m in _ONE_IN.finditer(text):
            if not s.free(m.start(), m.end()):
                continue
            a, b = number_value(m.group("a")), number_value(m.group("b"))
            if a is None or b is None or b[0] == 0 or a[0] >= b[0] or b[0] > 1000:
                continue
            q, qs = qualifier_before(text, m.start())
            self._add(s, "fraction", qs, m.end(), m.start(), m.end(), a[0] / b[0], 3, q, 0, sub="share")
        # percentages: a change, or a share "of" something
        for m in _PCT.finditer(text):
            if not s.free(m.start("n"), m.end("n")):
                continue
            value, decimals = number_value(m.group("n"))
            q, qs = qualifier_before(text, m.start())
            after = text[m.end():m.end() + 25]
            before = text[max(0, qs - 25):qs]
            is_share = (re.match(r"\s+of\b(?!\s+(?:the\s+)?(?:previous|last|\d))", after, re.I)
                        and not re.search(r"(?:increase|rise|fall|drop|decrease|jump|reduction)\s+of\s+$",
                                          text[max(0, m.start() - 30):m.start()], re.I)) \
                or re.search(r"(?:accounted\s+for|made\s+up|make\s+up|represent\w*)\s+$", before, re.I)
            if is_share:
                self._add(s, "fraction", qs, m.end(), m.start(), m.end(), value / 100, decimals + 2, q, 0,
                          sub="share", pct=value, pct_decimals=decimals)
            else:
                self._add(s, "percent_change", qs, m.end(), m.start(), m.end(), value, decimals, q,
                          _direction(text, qs, m.end()))
        # "the only one of the three forces to see a fall": a direction claim over the paragraph's pairs
        for m in _ONLY_ONE.finditer(text):
            if s.free(*(m.span("n") if m.group("n") else m.span("dir"))):  # "one of the" is already set aside
                n = number_value(m.group("n")) if m.group("n") else None
                word = m.group("dir").lower()
                direction = -1 if re.match(r"fall|fell|drop|decreas|declin|reduc|lower", word) else 1
                self._add(s, "comparison", m.start(), m.end(), m.start(), m.end(), None, 0, "exact", direction,
                          sub="only", n=int(n[0]) if n else None)
        # the rest: rates, forces, differences, periods, counts
        for m in list(_PERIOD_AGO.finditer(text)):
            if s.free(m.start("n"), m.end("n")) or any(y.kind == "relative" and y.start <= m.start() < y.end
                                                      for y in s.years):
                v = number_value(m.group("n"))
                if v is None or not 1 <= v[0] <= 30:
                    continue
                self._add(s, "comparison", m.start(), m.end(), m.start(), m.end(), v[0], 0, "exact", 0,
                          sub=m.group("rel").lower())
        s.periods = {m.start("n"): m for m in _PERIOD.finditer(text)}
        s.count_words = {}
        for m2 in _COUNT_WORD.finditer(text):
            s.count_words[m2.start("w") if m2.group("w") else m2.start("w2")] = m2
        s.total_heads = list(_TOTAL_HEAD.finditer(text))
        numbers = 0
        for m in NUM_RE.finditer(text):
            numbers += 1
            if numbers > MAX_NUMBERS_PER_SENTENCE:
                s.notes.append(f"Only the first {MAX_NUMBERS_PER_SENTENCE} numbers of a sentence were checked.")
                break
            if not s.free(m.start(), m.end()):
                continue
            raw = m.group(0)
            parsed = number_value(raw)
            if parsed is None:
                continue
            value, decimals = parsed
            is_word = m.group("w") is not None
            self._classify(s, m.start(), m.end(), value, decimals, is_word)
        for m in _PERIOD.finditer(text):
            if re.fullmatch(r"a|a\s+single", m.group("n"), re.I) and s.free(m.start("n"), m.end("n")) \
                    and m.group("unit").lower().startswith("year") and not self._period_after_count(s, m.start()):
                self._add(s, "comparison", m.start(), m.end(), m.start("n"), m.end(), D(1), 0, "exact", 0,
                          sub="in", soft=True)
        self._place_comparisons(s)
        s.cands.sort(key=lambda c: c.nstart)

    def _place_comparisons(self, s: _Sentence) -> None:
        """'Kent recorded 490 offences in 2018/19, more than neighbouring Sussex': a direction between two places.

        Deliberately narrow, because a false alarm costs most: the compared place must follow "than" directly
        (allowing "neighbouring", "in"), both places must be of the same kind (force with force), a nation or
        an average/rate is never compared, and comparisons of changes ("rose more than Sussex") or of sums
        ("than Sussex and Surrey combined") are left alone."""
        text = s.text
        for p in s.places:
            m = _PLACE_COMPARE.search(text[max(0, p.start - 90):p.start])
            if not m:
                continue
            offset = max(0, p.start - 90)
            a, b = offset + m.start("dir"), offset + m.end("dir")
            if not s.free(a, b) or p.place.geography_type == "nation":
                continue
            joined = re.match(r"['’]?s?\s*(?:,|(?:,\s*)?(?:and|or|plus)\b)\s*(?:the\s+)?", text[p.end:p.end + 12], re.I)
            if _COMPARE_NOT_LEVELS.search(text[max(0, a - 30):a]) or \
                    re.match(r"['’]?s?\s*(?:average|rate|per\b|combined|together|put\s+together)",
                             text[p.end:p.end + 25], re.I) or \
                    (joined and any(q.start == p.end + joined.end() for q in s.places)) or \
                    re.search(r"\bper\s+(?:head|capita|\d|100)|\brate\b", text[max(0, a - 60):p.end + 30], re.I):
                continue
            direction = 1 if m.group("dir").lower() in ("more", "higher", "greater") else -1
            self._add(s, "comparison", a, p.end, a, b, None, 0, "exact", direction, sub="places", compared=p.place,
                      compared_start=p.start)

    def _classify(self, s: _Sentence, a: int, b: int, value: Decimal, decimals: int, is_word: bool) -> None:
        text = s.text
        after = text[b:]
        q, qs = qualifier_before(text, a)
        # a rate per head: "one offence for every 1,000 children"
        m = _PER_POP.match(after)
        if m:
            who = number_value(m.group("n"))
            self._add(s, "rate", qs, b + m.end(), a, b, value, decimals, q, 0, sub="population",
                      per=who[0] if who else None, who=m.group("who").lower())
            return
        # rate: "15 a day", "almost one offence every hour"
        m = _RATE_TAIL.match(after) or re.match(r"\s+(?:a|an|per|every|each)\s+(?P<u>day|hour|week|month)\b", after, re.I)
        if m and re.match(r"\s+(?:hours?|days?|weeks?|months?|minutes?|times|shifts?|calls?|meals?|sessions?)\b",
                          after, re.I):
            return  # "24 hours a day", "three times a week": a schedule, not a rate of offences
        if m:
            self._add(s, "rate", qs, b + m.end(), a, b, value, decimals, q, 0, sub=m.group("u").lower())
            return
        # forces responding: "39 forces", "40 of the 44 forces", "all 43 forces"
        m = _FORCES_TAIL.match(after)
        if m:
            start = qs
            every = re.search(r"\ball\s+(?:the\s+)?$", text[max(0, a - 10):a], re.I)
            if every:
                start = a - (len(text[max(0, a - 10):a]) - every.start())
            of = number_value(m.group("m")) if m.group("m") else None
            asked = re.search(r"\b(?:requests?\s+to|asked|sent\s+to|wrote\s+to|writing\s+to|contacted|approached|"
                              r"questioned|surveyed|polled)\s+(?:all\s+|the\s+|each\s+of\s+the\s+)?$",
                              text[max(0, start - 30):start], re.I) or \
                re.match(r"\s+(?:were\s+|was\s+)?(?:asked|approached|contacted|surveyed)\b", after[m.end():], re.I)
            self._add(s, "forces", start, b + m.end(), a, b, value, 0, q, 0,
                      sub="asked" if asked and not of else ("all" if every else ""), of=of[0] if of else None)
            if m.group("of"):
                s.take(b, b + m.end())
            return
        # difference: "18 more than", "four fewer", "rose by 427"
        m = _DIFF_TAIL_THAN.match(after) or _DIFF_TAIL.match(after)
        head = _DIFF_HEAD.search(text[max(0, qs - 30):qs])
        if m and not re.match(r"\s+or\s+more", after, re.I):
            word = m.group("dir").lower()
            direction = -1 if word in ("fewer", "less", "lower") else 1
            self._add(s, "difference", qs, b + m.start("dir") + len(word), a, b, value, decimals, q, direction,
                      than=m.re is _DIFF_TAIL_THAN)
            return
        if head and not is_word or (head and is_word and value > 1):
            direction = 1 if head.group("x") else _direction(text, qs - 30, qs)
            self._add(s, "difference", qs, b, a, b, value, decimals, q, direction)
            return
        listed = [o for o in s.cands if o.kind == "difference" and o.end <= a]
        if listed and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[listed[-1].end:a], re.I) and \
                _RESPECTIVELY.search(text[b:]):
            # "up 298 and 225 respectively": the second item of a list of differences is a difference too
            self._add(s, "difference", qs, b, a, b, value, decimals, q, listed[-1].direction)
            return
        # a period: "in just three years"
        before = text[max(0, a - 40):a]
        pm = s.periods.get(a)
        if pm:
            unit = pm.group("unit").lower()
            n = value
            if unit.startswith("month"):
                if n % 12:
                    return
                n = n / 12
            if self._period_after_count(s, pm.start()):
                return
            if re.match(r"(?:a|a\s+single)$", pm.group("n"), re.I):
                self._add(s, "comparison", pm.start(), pm.end(), a, pm.end(), D(1), 0, "exact", 0, sub="in", soft=True)
                return
            self._add(s, "comparison", pm.start(), pm.end(), a, pm.end(), n, 0, "exact", 0,
                      sub=pm.group("pre").lower().split()[0])
            return
        if re.match(r"\s+(?:full\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?)\b", after, re.I):
            return
        # counts
        if is_word:
            cm = s.count_words.get(a)
            if cm is None or value < 2 and not re.match(r"\s+(?:recorded|logged)\b", after, re.I):
                return
        elif not (OFFENCE_NOUN.search(text) or s.places or s.years or _COMPARE_CUE.search(text[max(0, qs - 25):qs])):
            return
        if value == 0 and decimals == 0 and not OFFENCE_NOUN.search(after[:30]):
            return
        other = _OTHER_NOUNS.match(after)
        c = self._add(s, "count", qs, b, a, b, value, decimals, q, 0)
        if other:
            c.kind, c.sub = "count", "other"
            c.extra["noun"] = other.group("noun").lower()
            return
        self._total_mode(s, c, before, after)

    def _period_after_count(self, s: _Sentence, start: int) -> bool:
        """'170 in two years': the period belongs to the total before it, not a claim of its own."""
        left = s.text[max(0, start - 30):start]
        if not re.search(r"(?:\d|offences|crimes|cases)\s*(?:such\s+offences\s*)?$", left, re.I):
            return False
        before = [c for c in s.cands if c.end <= start and start - c.end <= 30]
        return bool(before) and before[-1].kind in COUNT_KINDS + ("total",)

    def _total_mode(self, s: _Sentence, c: _Cand, before: str, after: str) -> None:
        text = s.text
        m = _TOTAL_TAIL.match(after)
        if m and not re.search(r"\b(?:each|every|per)\b", after[:m.start("k")], re.I):
            c.kind = "total"
            c.sub = "years" if "year" in m.group("what").lower() else "places"
            c.extra["n"] = number_value(m.group("k"))[0] if number_value(m.group("k")) else None
            return
        m = _TOTAL_YEARS_TAIL.match(after)
        if m and number_value(m.group("k")) and number_value(m.group("k"))[0] >= 2:
            c.kind, c.sub, c.extra["n"] = "total", "years", number_value(m.group("k"))[0]
            s.take(c.nend, c.nend + m.end())
            return
        if _MAKING.search(before):
            c.kind, c.sub = "total", "places"
            return
        clause_after = re.split(r"[;:]|,\s+(?=[A-Z])", after, maxsplit=1)[0]
        clause_before = re.split(r"[,;:]", before)[-1]
        if _BETWEEN_THEM.search(clause_after[:60]) or _BETWEEN_THEM.search(clause_before):
            c.kind, c.sub = "total", "places"
            return
        # "Between them, Kent and Sussex recorded 548": the cue set off by a comma, with two or more places named
        mine = _clause_of(text, c.nstart)
        clause_start = max([m.end() for m in _CLAUSE_BREAK.finditer(text[:c.nstart])] + [0])
        cue = _BETWEEN_THEM.search(text[clause_start:c.nstart])
        if cue and len({p.place for p in s.places if _clause_of(text, p.start) == mine}) >= 2 and \
                not any(clause_start + cue.end() <= o.nstart < c.nstart for o in s.cands if o is not c):
            c.kind, c.sub = "total", "places"
            return
        head = None
        for h in s.total_heads:
            if h.end() <= c.nstart:
                head = h
        if head and not re.search(r"[;]", text[head.end():c.nstart]) and \
                not any(o.kind in COUNT_KINDS and head.end() <= o.nstart < c.nstart for o in s.cands if o is not c):
            n = number_value(head.group("k"))
            c.kind, c.sub, c.extra["n"] = "total", "years", n[0] if n else None

    # -- resolution -------------------------------------------------------------------------------
    def _resolve(self, sentences: list[_Sentence]) -> None:
        context_place: Place | None = None
        last_figure_place: Place | None = None
        context_measure: tuple[str, int] | None = None
        for s in sentences:
            if s.measure is None and _SOFT_CYBER.search(s.text):
                soft = (CYBER, -1)  # "online child sex offences": the cyber-flag series unless told otherwise
            else:
                soft = None
            here = context_place
            if last_figure_place is not None and _POINTS_BACK.match(s.text):
                here = last_figure_place  # "That was eight times the 26 ...": about the figure just given
            for c in s.cands:
                self._bind_place(s, c, here)
                self._bind_measure(s, c, soft or context_measure)
            for old, new in s.pairs:
                # "from 26 to 214 in South Wales": the place written after the pair is both figures' place
                hows = {old.place_how, new.place_how}
                if "after" in hows and len(hows) > 1:
                    lead = old if old.place_how == "after" else new
                    for o in (old, new):
                        o.place, o.place_how = lead.place, "after"
            _respective_places(s)
            figures = [c for c in s.cands if c.kind in COUNT_KINDS and c.place is not None and c.sub != "other"]
            last_figure_place = figures[-1].place if figures else (None if s.places else last_figure_place)
            if s.places:
                context_place = s.places[0].place
            if s.measure:
                context_measure = (s.measure, s.para)
            elif soft:
                context_measure = (CYBER, -1)
        self._bind_years(sentences)

    def _bind_place(self, s: _Sentence, c: _Cand, context: Place | None) -> None:
        text = s.text
        if c.kind == "comparison" and c.sub == "places":
            mine = _clause_of(text, c.nstart)
            compared = {o.extra.get("compared_start") for o in s.cands if o.sub == "places"}
            subject = [p.place for p in s.places if p.end <= c.nstart and p.place != c.extra["compared"]
                       and _clause_of(text, p.start) == mine and p.start not in compared]
            others = {p.place for p in s.places} - {c.extra["compared"]}
            if subject:
                c.place, c.place_how = subject[-1], "before"
            elif not others and context is not None and context != c.extra["compared"]:
                c.place, c.place_how = context, "context"  # "It recorded more than Sussex": the paragraph's subject
            else:
                c.place, c.place_how = None, "unknown"
            return
        # a name right after the figure: "296 across Wales", "1,493 offences recorded across Yorkshire"
        nxt = min([o.nstart for o in s.cands if o.nstart > c.nend] + [len(text)])
        for p in s.places:
            if c.nend <= p.start < nxt and p.start - c.nend <= 45:
                between = text[c.nend:p.start]
                if re.search(r"\b(?:across|by|in|throughout|for)\s+(?:the\s+)?$", between, re.I) and \
                        not re.search(r"[,;]|\band\b|\d", between) and c.kind != "forces":
                    c.place, c.place_how = p.place, "after"
                    return
        before = [p for p in s.places if p.end <= c.nstart]
        # "735 in 2019/20, more than neighbouring Sussex and up from 490": a place after "than" is what the
        # subject is compared with, not the subject of the figures that follow (unless it is "Sussex's 58")
        objects = [p for p in before if _PLACE_COMPARE.search(text[max(0, p.start - 90):p.start])
                   and not re.fullmatch(r"(?:['’]s?)?\s+(?:figure\s+of\s+|total\s+of\s+)?|(?:\s+police)?,?\s+(?:which|who|"
                                        r"whose|where|with)\b[^,;]{0,40}", text[p.end:c.nstart], re.I)]
        if objects and len(objects) < len(before):
            before = [p for p in before if p not in objects]
        force = before[-1].place if before else context
        if force is not None and force.geography_type == "force" and force.region and \
                (re.match(r"[^,;.\d]{0,40}?\b(?:across|in|for|throughout)\s+the\s+(?:wider\s+)?region\b", text[c.nend:], re.I)
                 or _REGION_WHOLE.search(text[max(0, c.start - 45):c.start])):
            # "258 across the region", "59 of the region's 258": the force's region, not the force
            region = self.gazetteer.places.get((force.region, "region"))
            if region is not None:
                c.place, c.place_how = region, "after"
                return
        clause_start = max([m.end() for m in _CLAUSE_BREAK.finditer(text[:c.nstart])] + [0])
        # "The region recorded 1,493" / "Across the region, 1,493 ...": the region as the clause's subject only
        # ("West Yorkshire had the highest figure in the region, at 721" is West Yorkshire's)
        region_word = re.match(r"\W*(?:(?:and|but|while|whereas)\s+)?(?:(?:across|in|throughout)\s+)?the\s+(?:wider\s+)?"
                               r"region\b(?!['’])", text[clause_start:c.nstart], re.I)
        if region_word and not any(clause_start + region_word.end() <= p.start < c.nstart for p in s.places):
            forces = [p.place for p in s.places if p.place.geography_type == "force"] or \
                ([context] if context is not None and context.geography_type == "force" else [])
            region = self.gazetteer.places.get((forces[0].region, "region")) if forces and forces[0].region else None
            if region is not None:
                c.place, c.place_how = region, "after"  # "The region recorded 1,493 ..., West Yorkshire 721"
                return
        if _WELSH_WHOLE.search(text[max(0, c.start - 40):c.start]):
            wales = self.gazetteer.places.get(("Wales", "region"))
            if wales is not None:
                c.place, c.place_how = wales, "after"  # "the Welsh total was 576"
                return
        # the place named in the figure's own clause first ("..., while 214 were logged by South Wales Police"),
        # then the sentence's, then the paragraph's subject
        mine = _clause_of(text, c.nstart)
        same = [p for p in s.places if _clause_of(text, p.start) == mine]
        if before and before[-1] in same:
            c.place, c.place_how = before[-1].place, "before"
            return
        later = [p for p in same if p.start >= c.nend]
        if later and re.fullmatch(r"[^,;]{0,60}?\b(?:in|by|for|across|at|from)\s+(?:the\s+|its\s+|neighbouring\s+)?",
                                  text[c.nend:later[0].start], re.I):
            c.place, c.place_how = later[0].place, "after"
            return
        if before:
            c.place, c.place_how = before[-1].place, "before"
            return
        if s.places and not same and context is not None:
            c.place, c.place_how = context, "context"  # the only names are in another clause: "..., while Gwent's"
            return
        if s.places and c.kind not in COUNT_KINDS + ("total",):
            c.place, c.place_how = s.places[0].place, "sentence"
            return
        if s.places:
            after = [p for p in s.places if p.start >= c.nend]
            c.place, c.place_how = after[0].place, "sentence"
            return
        if context is not None:
            c.place, c.place_how = context, "context"
            return
        c.place, c.place_how = None, "national"

    def _bind_measure(self, s: _Sentence, c: _Cand, context: tuple[str, int] | None) -> None:
        text = s.text
        nxt = min([o.nstart for o in s.cands if o.nstart > c.nend] + [len(text)])
        local = text[c.nend:min(nxt, c.nend + 80)]
        if c.kind in COUNT_KINDS:
            if re.search(r"\bagainst\s+(?:children\s+|victims\s+)?aged\s+(?:10|ten)\s+(?:or|and)\s+(?:under|younger)|"
                         r"\baged\s+(?:10|ten)\s+(?:or|and)\s+(?:under|younger)", local, re.I):
                c.measure, c.measure_explicit = AGE_10, True
                return
            if re.search(r"\b(?:victims|children)\s+(?:aged\s+)?under\s+(?:10|ten)\b", local, re.I):
                c.measure, c.measure_explicit = UNDER_10, True
                return
            if re.search(r"\bagainst\s+(?:children\s+aged\s+)?(?:\d+|" + WORD_RE + r")(?:-year-olds|\s+year\s+olds)",
                         local, re.I):
                c.measure, c.measure_explicit = AT_COMMON_AGE, True
                return
            if re.search(r"\bmost\s+common\s+age\b[^.;()]{0,40}\(\s*$", text[max(0, c.nstart - 70):c.nstart], re.I):
                # "13 was the most common age of the victim (257)": the offences at that age
                c.measure, c.measure_explicit = AT_COMMON_AGE, True
                return
        for pattern, measure in MEASURE_WORDS:
            if pattern.search(local):
                c.measure, c.measure_explicit = measure, True
                return
        if CYBER_WORDS.search(local) and re.search(r"cyber|online\s+element", local, re.I):
            c.measure, c.measure_explicit = CYBER, True
            return
        if s.measure:
            c.measure, c.measure_explicit = s.measure, True
            return
        if re.search(r"cyber[- ]?flag|online\s+element", text, re.I):
            c.measure, c.measure_explicit = CYBER, True
            return
        if context:
            # the same paragraph's measure binds; an earlier paragraph's is a first guess
            c.measure, c.measure_explicit = context[0], context[1] == s.para
            return
        c.measure, c.measure_explicit = CYBER, False

    def _bind_years(self, sentences: list[_Sentence]) -> None:
        """Years for every claim: the year written after it, else one just before it, else the sentence's
        year before it (a comparison base when another figure for the same place owns that year), else the
        paragraph's last year, else one later in the sentence."""
        context_year: FinancialYear | None = None
        context_para = -1
        for s in sentences:
            counts = [c for c in s.cands if c.kind in COUNT_KINDS or c.kind in ("rate", "age", "forces", "total")]
            owner: dict[int, _Cand] = {}
            # a year written after a figure is its year only up to the next figure or change claim ("490, an
            # extra 427 on 2015/16": 2015/16 is the difference's base, not the year of 490)
            stops = counts + [o for o in s.cands if o.kind in ("difference", "percent_change", "multiple")]
            for c in s.cands:
                if c.kind == "comparison":
                    continue
                nxt = min([o.nstart for o in stops if o.nstart > c.nend] + [len(s.text)])
                after = [y for y in s.years if c.nend <= y.start < nxt and y.start - c.nend <= 70
                         and y.kind in ("fy", "relative", "latest", "calendar")
                         and not _LINK_BREAK.search(_PASSIVE.sub(" ", s.text[c.end:y.start]))]
                if after:
                    self._set_year(c, after[0], s, context_year)
                    owner.setdefault(id(after[0]), c)
                    continue
                near_before = [y for y in s.years if y.end <= c.nstart and c.nstart - y.end <= 12
                               and y.kind in ("fy", "relative", "calendar")
                               and not _LINK_BREAK.search(s.text[y.end:c.start])]
                if near_before:
                    self._set_year(c, near_before[-1], s, context_year)
                    continue
            for c in s.cands:
                if c.kind == "comparison" or c.year_how:
                    continue
                before = [y for y in s.years if y.end <= c.nstart and y.kind in ("fy", "calendar", "relative")]
                if before and before[-1].kind == "relative":
                    self._set_year(c, before[-1], s, context_year)  # "The year before, it recorded 56"
                    continue
                if before:
                    y = before[-1]
                    other = owner.get(id(y))
                    if other is not None and other is not c and c.kind in COUNT_KINDS and other.kind in COUNT_KINDS \
                            and other.place == c.place and other.measure == c.measure:
                        c.year, c.year_how, c.extra["anchor"] = None, "paired", y.year
                        continue
                    c.year, c.year_how = y.year, "sentence"
                    continue
                if any(y.kind == "latest" for y in s.years if y.end <= c.nstart):
                    c.year, c.year_how = None, "latest"
                    continue
                if context_year is not None:
                    c.year, c.year_how = context_year, "context"
                    continue
                later = [y for y in s.years if y.year is not None]
                if later:
                    c.year, c.year_how = later[0].year, "sentence"
            self._range_years(s)
            # the year the sentence is about: its figures' years, not the base of a change ("an extra 38 on 2015/16")
            owned = {c.extra.get("year_span") for c in s.cands if c.kind in COUNT_KINDS + ("total", "rate", "age")}
            base = {c.extra.get("year_span") for c in s.cands if c.kind not in COUNT_KINDS + ("total", "rate", "age")}
            base -= owned
            years_here = [c.year for c in s.cands if c.year is not None and c.year_how in ("explicit", "relative", "calendar")
                          and c.extra.get("year_span") not in base - {None}]
            explicit = [y.year for y in s.years if y.year is not None and (y.start, y.end) not in base]
            latest = max(years_here) if years_here else (max(explicit) if explicit else None)
            if latest is not None:
                # the paragraph's latest year so far: "That is almost four times the 59 it recorded in 2015/16"
                # looks back, it does not move the story's year back to 2015/16
                same_para = context_year is not None and context_para == s.para
                context_year = max(context_year, latest) if same_para else latest
                context_para = s.para

    def _set_year(self, c: _Cand, y: _YearSpan, s: _Sentence, context_year: FinancialYear | None) -> None:
        if y.kind == "relative":
            c.rel_offset = y.offset
            anchor = self._anchor(s, c, y, context_year)
            if anchor is not None:
                c.year, c.year_how = FinancialYear(anchor.start + y.offset), "relative"
            else:
                c.year, c.year_how = None, "relative"
            return
        if y.kind == "latest":
            c.year, c.year_how = None, "latest"
            return
        c.year, c.year_how = y.year, ("calendar" if y.kind == "calendar" else "explicit")
        c.extra["year_span"] = (y.start, y.end)

    @staticmethod
    def _range_years(s: _Sentence) -> None:
        """'rose from 59 to 229 between 2015/16 and 2018/19': a written pair takes the two ends of a year range
        (old the first, new the second) unless its figures carry years of their own. Without this the year
        after the new figure ("214 between 2015/16") was read as its year."""
        ys = [y for y in s.years if y.year is not None and y.kind in ("fy", "calendar")]
        ranges = [(y1, y2) for y1, y2 in zip(ys, ys[1:]) if y1.year < y2.year
                  and re.fullmatch(r"\s*(?:and|to|-|–|until|through)\s*", s.text[y1.end:y2.start], re.I)]
        if not ranges or not s.pairs:
            return
        in_range = {(y.start, y.end) for r in ranges for y in r}
        for old, new in s.pairs:
            if any(o.year_how in ("explicit", "calendar", "relative") and o.extra.get("year_span") not in in_range
                   for o in (old, new)):
                continue
            mid = (old.nstart + new.nstart) // 2
            y1, y2 = min(ranges, key=lambda r: abs(r[0].start - mid))
            old.year, old.year_how = y1.year, "sentence"
            new.year, new.year_how = y2.year, "sentence"

    def _anchor(self, s: _Sentence, c: _Cand, y: _YearSpan, context_year: FinancialYear | None) -> FinancialYear | None:
        earlier = [o for o in s.cands if o.nstart < c.nstart and o.year is not None and o.year_how in ("explicit", "calendar")]
        if earlier:
            return earlier[-1].year
        explicit = [x for x in s.years if x.year is not None and x is not y]
        if explicit:
            before = [x for x in explicit if x.start < y.start]
            return (before[-1] if before else explicit[0]).year
        return context_year

    # -- the release under discussion --------------------------------------------------------------
    def _releases_under_discussion(self, sentences: list[_Sentence], cands: list[_Cand]) -> dict:
        """Per paragraph and family: the release the copy says it reports, else the earliest consistent with
        every figure quoted (a figure cannot be quoted before its release was published)."""
        inferred: dict[str, str] = {}
        for c in cands:
            if c.kind not in COUNT_KINDS or c.value is None or c.measure in NATIONAL_ONLY:
                continue
            first = None
            for key in self._keys_for(c):
                info = self.facts.keys.get(key)
                if info is None:
                    continue
                r = info.first_release_with(int(c.value)) if c.qual == "exact" and c.decimals == 0 else None
                if r and (first is None or r < first):
                    first = r
            if first and first > inferred.get(c.family, ""):
                inferred[c.family] = first
        hints: dict[int, list[tuple[int, str, bool]]] = defaultdict(list)
        for s in sentences:
            if s.hint or s.first_figures:
                hints[s.para].append((s.index, s.hint, s.first_figures))
        out = {"inferred": inferred, "hints": hints}
        return out

    def _release_for(self, c: _Cand, releases: dict) -> tuple[str | None, str]:
        para_hints = releases["hints"].get(c.sent.para, [])
        chosen = None
        for index, hint, first in para_hints:
            if index <= c.sent.index or chosen is None:
                chosen = (hint, first)
        if chosen:
            hint, first = chosen
            family = self.facts.family_releases.get(c.family, [])
            if hint:
                limit = hint if len(hint) == 7 else f"{hint}-12"
                options = [r for r in family if r <= limit and (len(hint) == 7 or r.startswith(hint))]
                if options:
                    return options[-1], "said"
            if first and family:
                return family[0], "said"
        inferred = releases["inferred"].get(c.family)
        return inferred, "inferred" if inferred else ""

    # -- verification ------------------------------------------------------------------------------
    def _kind(self, c: _Cand) -> str:
        if c.kind == "count" and self._is_national(c) and c.sub != "other":
            return "national_total"
        if c.kind == "forces":
            return "count"
        return c.kind

    def _is_national(self, c: _Cand) -> bool:
        return (c.place is None or c.place.geography_type == "nation") and c.measure not in NATIONAL_ONLY

    def _claimed(self, c: _Cand):
        if c.value is None:
            return c.text
        if c.kind == "fraction":
            pct = c.extra.get("pct")
            if pct is not None:
                return _num(pct)
            return float(round_half_up(c.value * 100, 1))
        if c.kind == "multiple":
            return _num(c.value)
        return _num(c.value)

    def _verify(self, c: _Cand, releases: dict, sentences: list[_Sentence]) -> None:
        subject = _OTHER_SUBJECT.search(c.sent.text)
        if c.kind in ("percent_change", "multiple", "fraction", "difference", "rate") and subject and \
                not OFFENCE_NOUN.search(c.sent.text) and not any(o.kind in COUNT_KINDS and o.sub != "other"
                                                                 for o in c.sent.cands):
            c.result = Claim(c.text, self._kind(c), self._claimed(c), None, "unverifiable",
                             f"This is about {subject.group(0).lower().strip('£')}, which the data does not hold.", [])
            return
        handler = getattr(self, "_check_" + c.kind)
        verdict, actual, explanation, sources = handler(c, releases, sentences)
        if verdict == "inaccurate":
            verdict, actual, explanation, sources = self._second_reading(c, releases, (verdict, actual, explanation,
                                                                                      sources))
        if c.extra.get("assumed"):
            # the copy gave no base: the year before was assumed, so a mismatch proves nothing
            if verdict == "inaccurate":
                verdict = "unverifiable"
                explanation = ("The copy does not say what this compares with. Against the year before: "
                               + explanation.split(" Suggested:")[0])
            elif verdict == "supported":
                explanation += " (Compared with the year before, which the copy implies.)"
        c.result = Claim(c.text, self._kind(c), self._claimed(c), actual, verdict, explanation,
                         _unique(sources))

    def _second_reading(self, c: _Cand, releases: dict, verdict: tuple) -> tuple:
        """Before a ❌: readings the copy's words leave open. A figure in a sentence about a span of years may
        be its total; a year read from "last year" may be the neighbouring one. Either way it is no proof."""
        if c.kind in COUNT_KINDS + ("rate",) and _MULTI_YEAR.search(c.sent.text):
            return ("unverifiable", None, "Check this: the sentence is about several years, so this may be a total "
                    "or an average over them, which the data does not hold. " + verdict[2].split(" Suggested:")[0],
                    verdict[3])
        if c.kind in COUNT_KINDS and c.year is not None and c.sent.hint is None and \
                c.year_how in ("relative", "latest", "context", "inferred"):
            for offset in (1, -1):
                year = FinancialYear(c.year.start + offset)
                fake = _Cand("count", c.sent, 0, 0, 0, 0, None, place=c.place, measure=c.measure)
                other = self._data_value(fake, year, releases)
                if other is not None and other["value"] == int(c.value):
                    return ("supported", other["value"], f"{self._name(c)}: {thousands(other['value'])} in "
                            f"{year.label}. (The copy's period was first read as {c.year.label}; this is the "
                            "neighbouring year, which fits.)", [_source(other["row"])] if other.get("row") else [])
        return verdict

    # counts ---------------------------------------------------------------------------------------
    def _place_for(self, c: _Cand) -> Place:
        return c.place if c.place is not None else self._national

    def _keys_for(self, c: _Cand, year: FinancialYear | None = None, measure: str | None = None) -> list[tuple]:
        year = year or c.year
        measure = measure or c.measure
        if year is None:
            return []
        place = self._place_for(c)
        if place.geography_type == "nation" or measure in NATIONAL_ONLY:
            names = [place.name] + [n for n in self.facts.nations if n != place.name]
            return [(n, "nation", measure, year.label) for n in names]
        return [(place.name, place.geography_type, measure, year.label)]

    def _name(self, c: _Cand, key: tuple | None = None) -> str:
        if key is not None:
            place = self.gazetteer.places.get((key[0], key[1]))
            return self.answerer.name(place) if place else key[0]
        return self.answerer.name(self._place_for(c))

    def _measures_to_try(self, c: _Cand) -> list[str]:
        if c.measure in NATIONAL_ONLY:
            return [c.measure]
        if c.measure == SCWC and c.measure_explicit:
            return [SCWC, "online_grooming_offences"]
        if c.measure_explicit:
            return [c.measure]
        return [c.measure] + [m for m in (CYBER, SCWC, "online_grooming_offences", "online_offences_platform_known",
                                           "communicating_indecently_with_a_child") if m != c.measure]

    def _infer_year(self, c: _Cand, value: int) -> FinancialYear | None:
        """A figure with no year in the copy: the year whose figure it is (latest if several)."""
        best = None
        for measure in self._measures_to_try(c):
            place = self._place_for(c)
            names = [place.name] + ([n for n in self.facts.nations if n != place.name]
                                    if place.geography_type == "nation" or measure in NATIONAL_ONLY else [])
            for name in names:
                gtype = "nation" if (place.geography_type == "nation" or measure in NATIONAL_ONLY) else place.geography_type
                for label in self.facts.years.get((name, gtype, measure), []):
                    info = self.facts.keys[(name, gtype, measure, label)]
                    if info.has_value(value):
                        y = FinancialYear.from_label(label)
                        if best is None or y > best:
                            best = y
            if best:
                return best
        return best

    def _resolve_count(self, c: _Cand, releases: dict) -> dict:
        """Find the figure a count claim is about and how it compares. Returns a dict describing the outcome."""
        value = int(c.value)
        release, how = self._release_for(c, releases)
        if c.year is None and c.year_how == "latest" and release:
            covered = self.facts.covers.get((release, c.family))
            if covered:  # "last year" in copy about a release is the year that release covers
                c.year, c.extra["latest_of"] = FinancialYear.from_label(covered), release
        if c.year is None:
            c.extra["last_year"] = c.year_how == "latest"
            y = self._infer_year(c, value)
            if y is not None:
                c.year, c.year_how = y, "inferred"
        place = self._place_for(c)
        outcome = {"release": release, "release_how": how}
        if c.year is None:
            outcome["status"] = "no_year"
            return outcome
        best = None
        if c.year_how == "calendar":
            # "in 2017" may be the year ending March 2017 or the one starting April 2017: take whichever fits
            for year in (c.year, FinancialYear(c.year.start - 1)):
                for key in self._keys_for(c, year=year):
                    info = self.facts.keys.get(key)
                    if info and info.judge(value, c.qual, release)["status"] == "match":
                        c.extra["calendar"] = c.year.start
                        c.year = year
                        break
                else:
                    continue
                break
        for measure in self._measures_to_try(c):
            for key in self._keys_for(c, measure=measure):
                info = self.facts.keys.get(key)
                if info is None:
                    continue
                judged = info.judge(value, c.qual, release)
                rank = {"match": 0, "basis": 0.2, "earlier": 1, "misprint": 2, "later": 3, "not_available": 5,
                        "wrong": 4}[judged["status"]]
                if measure != c.measure:
                    rank += 10 if judged["status"] == "match" else 100
                if key[0] != place.name:
                    rank += 0.5
                if best is None or rank < best[0]:
                    best = (rank, key, judged, info)
            if best and best[0] < 1:
                break
        if best is None or best[0] >= 100:
            if best is not None and best[2]["status"] != "match":
                best = None
        if best is None:
            outcome["status"] = "missing"
            return outcome
        rank, key, judged, info = best
        c.key = key
        outcome.update(judged)
        outcome["key"] = key
        outcome["info"] = info
        return outcome

    def _figure_of_another_named_place(self, c: _Cand, value: int, year: str, releases: dict) -> tuple | None:
        """A figure wrong for the place it was bound to but exactly another named place's figure that year
        ("Dorset accounted for a third of the 334 recorded by the south-west forces"): the binding, not
        the copy, is the likelier mistake, so say what the figure is instead of calling it wrong."""
        bound = self._place_for(c)
        for span in c.sent.places:
            place = getattr(span, "place", None)
            if place is None or place == bound:
                continue
            like = _Cand("count", c.sent, 0, 0, 0, 0, None, place=place, measure=c.measure)
            point = self._data_value(like, FinancialYear.from_label(year), releases)
            if point is not None and point.get("value") == value:
                row = point.get("row")
                return ("unverifiable", None,
                        f"{thousands(value)} is {self.answerer.name(place)}'s figure for {year}"
                        + (f" ({month(row['release'])} release, {row['outlet']})" if row else "")
                        + f", not {self.answerer.name(bound) if bound else 'the place'}'s; check which the copy means.",
                        [_source(row)] if row else [])
        return None

    def _check_count(self, c: _Cand, releases: dict, sentences) -> tuple:
        if c.sub == "other":
            return ("unverifiable", None, f"The data holds police-recorded offence figures, not {c.extra['noun']}.", [])
        value = int(c.value)
        o = self._resolve_count(c, releases)
        place = self._place_for(c)
        name = self._name(c)
        phrase = measure_phrase(c.measure)
        status = o["status"]
        if status == "no_year":
            period = self._other_period(c, value)
            if period:
                return period
            years = self.facts.years_for(place, c.measure)
            have = f" The data has {name} figures for {', '.join(years)}." if years else ""
            return ("unverifiable", None, f"The copy gives no year for {fmt(value)}, and it is not {name}'s figure for "
                    f"any year in the data.{have}", [])
        if status == "missing":
            period = self._other_period(c, value)
            if period:
                return period
            return self._missing(c, value)
        key, info = o["key"], o["info"]
        year = key[3]
        who = self._name(c, key)
        row = o["row"]
        src = [_source(row)] if row else []
        shown = value_text(_vt(row)) if row else ""
        named = c.place is not None and c.place.geography_type == "nation"
        scope = f" (the figure is for {key[0]}, not {place.name})" if named and key[0] != place.name else ""
        if key[2] != c.measure and key[2] not in NATIONAL_ONLY:
            scope += f" (the {measure_phrase(key[2])} figure)"
        rel_text = f"{month(row['release'])} release, {row['outlet']}" if row else ""
        if status == "match":
            text = f"{who}: {shown} in {year}{scope} ({rel_text})."
            if c.qual != "exact":
                text = f"{who} recorded {shown} in {year}{scope}, so “{c.text}” holds ({rel_text})."
            later = info.later_revision(row["release"]) if row else None
            if later:
                text += (f" A later release ({month(later['release'])}, {later['outlet']}) "
                         f"{'says it was not supplied' if later['value'] is None else 'revised it to ' + thousands(later['value'])}"
                         f"; “{c.text}” is right as the {month(row['release'])} release's figure.")
                src.append(_source(later))
            if o.get("tied"):
                text += f" Sources for that release disagree ({o['tied']}); no publisher's page settles it."
            if row and row.get("qualifier") == "at_least" and c.qual == "exact":
                text += " The source gives it as a lower bound (“at least”)."
            if row and row.get("qualifier") == "approximately" and c.qual == "exact":
                text += " The source gives it as an approximation."
            if c.year_how == "inferred" and c.extra.get("last_year"):
                text += f" (“Last year” read as {year}, the year this figure is for.)"
            elif c.year_how == "inferred":
                text += " (The copy gives no year; the figure matches this one.)"
            if c.year_how == "calendar":
                text += f" (Read “{c.extra.get('calendar', year[:4])}” as the financial year {year}.)"
            return "supported", _num(D(row["value"])) if row and row["value"] is not None else value, text, src
        if status == "not_available":
            text = f"{who} did not supply a {year} figure to the {month(row['release'])} release ({row['outlet']})."
            earlier = o.get("earlier_row")
            if earlier:
                text += f" {fmt(value)} is the {month(earlier['release'])} release's figure ({earlier['outlet']})."
                src.append(_source(earlier))
            return "unverifiable", None, text, src
        actual = row["value"]
        suggestion = f" Suggested: “{thousands(actual)}”." if actual is not None else ""
        if status == "earlier":
            old = o["earlier_row"]
            text = (f"{fmt(value)} is the {month(old['release'])} release's figure for {who} in {year} ({old['outlet']}); "
                    f"the {month(row['release'])} release revised it to {thousands(actual)} ({row['outlet']}).")
            # A published release's own figure is no slip (the copy rarely says which release it quotes) unless
            # the same paragraph quotes a figure that first appeared in the revising release: then it mixes them.
            if self._paragraph_quotes_release(c, row["release"]):
                return ("inaccurate", actual, text + f" The same paragraph quotes a figure first published in the "
                        f"{month(row['release'])} release.{suggestion}", src + [_source(old)])
            return ("supported", value, text + f" The copy may be quoting the earlier release; use "
                    f"{thousands(actual)} if it reports {self._release_phrase(o)}.", src + [_source(old)])
        if status == "misprint":
            bad = o["misprint_row"]
            text = (f"{fmt(value)} appears only in {bad['outlet']} ({month(bad['release'])} release); "
                    f"{row['outlet']} prints {thousands(actual)} for {who} in {year}{scope}.{suggestion}")
            return "inaccurate", actual, text, src + [_source(bad)]
        if status == "basis":
            alt = o["basis_row"]
            why = (alt.get("note") or "").split(";")[0]
            text = (f"{fmt(value)} is printed for {who} in {year} on another basis: {why} ({month(alt['release'])} "
                    f"release, {alt['outlet']}). The release's headline figure is {thousands(actual)} ({row['outlet']}).")
            return "supported", value, text, [_source(alt)] + src
        if status == "later":
            later = o["later_row"]
            text = (f"{fmt(value)} is {who}'s {year} figure from the later {month(later['release'])} release "
                    f"({later['outlet']}); the {month(row['release'])} release the copy reports gave {thousands(actual)}.")
            return "supported", value, text, [_source(later)] + src
        # wrong
        if c.year_how in ("context", "sentence", "inferred", "calendar", "relative") and c.qual == "exact":
            other = self._other_year(c, value)
            if other:
                return other
        elsewhere = self._figure_of_another_named_place(c, value, year, releases)
        if elsewhere:
            return elsewhere
        text = f"{who} recorded {shown} {phrase} in {year}{scope} ({rel_text}), not “{c.text}”.{suggestion}"
        if c.year_how == "calendar":
            text += f" (Read “{c.extra.get('calendar', year[:4])}” as {year}.)"
        if c.extra.get("latest_of"):
            text += f" (“Last year” read as {year}, the year the {month(c.extra['latest_of'])} release covers.)"
        return "inaccurate", actual, text, src

    _check_national_total = _check_count

    def _paragraph_quotes_release(self, c: _Cand, release: str) -> bool:
        """Does another figure of c's paragraph first appear in `release` or a later one?"""
        for o in [o for s in c.sent.paragraph for o in s.cands]:
            if o is c or o.kind not in COUNT_KINDS + ("total",) or o.value is None:
                continue
            for key in ([o.key] if o.key else []) + (self._keys_for(o) if o.year is not None else []):
                info = self.facts.keys.get(key)
                first = info.first_release_with(int(o.value)) if info is not None else None
                if first is not None and first >= release:
                    return True
        return False

    def _release_phrase(self, o: dict) -> str:
        release = o.get("release")
        if not release:
            return "a later release"
        if o.get("release_how") == "said":
            return f"the {month(release)} release, as it says"
        return f"the {month(release)} release or later (its other figures first appeared there)"

    def _other_year(self, c: _Cand, value: int):
        """A figure whose year was only implied: supported when it is the place's figure for another year."""
        place = self._place_for(c)
        labels = self.facts.years_for(place, c.measure)
        if c.year is not None:
            # a value two years share (Lancashire: 67 in 2017/18, and 66 or 67 in 2018/19): the nearest one before
            # the year the copy implied first
            labels = sorted(labels, key=lambda l: (FinancialYear.from_label(l) > c.year,
                                                   abs(FinancialYear.from_label(l).start - c.year.start)))
        for label in labels:
            for key in self._keys_for(c, year=FinancialYear.from_label(label)):
                info = self.facts.keys.get(key)
                if info and info.has_value(value, settled_only=True):
                    row = info.row_with(value)
                    c.year, c.year_how, c.key = FinancialYear.from_label(label), "inferred", key
                    return ("supported", value, f"{self._name(c, key)}: {thousands(value)} in {label} "
                            f"({month(row['release'])} release, {row['outlet']}); the copy does not say the year "
                            f"outright, so it was read as {label}.", [_source(row)])
        return None

    def _other_period(self, c: _Cand, value: int):
        place = self._place_for(c)
        for row in self.facts.periods:
            if row["value"] is None or row["measure"] not in self._measures_to_try(c) + [c.measure]:
                continue
            same_place = row["geography"] == place.name or (place.geography_type == "nation"
                                                            and row["geography_type"] == "nation")
            if not same_place:
                continue
            ok = fits(D(value), D(row["value"]), c.qual) or (row["value"] == value)
            if row["qualifier"] in ("at_least", "approximately") and c.qual != "exact":
                ok = ok or row["value"] == value
            if ok:
                span = f"{_month_label(row['period_start'])} to {_month_label(row['period_end'])}"
                return ("supported", row["value"], f"{row['geography']}: {value_text(_vt(row))} for {span} "
                        f"({month(row['release'])} release, {row['outlet']}).", [_source(row)])
        return None

    def _missing(self, c: _Cand, value: int) -> tuple:
        place = self._place_for(c)
        name = self.answerer.name(place)
        measures = self.facts.measures.get(place.key, set())
        year = c.year.label if c.year else "that year"
        if not measures:
            return ("unverifiable", None, f"The data has no figures for {name}: not every force's figures were "
                    "published in a form the data could use.", [])
        if c.measure not in measures:
            others = ", ".join(sorted(measure_phrase(m) for m in measures))
            return ("unverifiable", None, f"The data has no {measure_phrase(c.measure)} figures for {name} "
                    f"(it has {others}).", [])
        years = self.facts.years_for(place, c.measure)
        # a typo'd year: the figure is this place's figure for a neighbouring year the copy did not name
        if c.year is not None and c.year_how in ("explicit", "calendar") and c.qual == "exact" and value >= 10:
            for label in years:
                if abs(FinancialYear.from_label(label).start - c.year.start) <= 2:
                    info = self.facts.keys.get((place.name, place.geography_type, c.measure, label))
                    if info and info.has_value(value, settled_only=True):
                        row = info.row_with(value)
                        return ("inaccurate", value, f"{name} has no {year} figure in the data; {thousands(value)} is "
                                f"its {label} figure ({month(row['release'])} release, {row['outlet']}). Check the year: "
                                f"suggested “{thousands(value)} in {label}”.", [_source(row)])
        return ("unverifiable", None, f"No {name} figure for {year} in the data ({measure_phrase(c.measure)}: "
                f"it has {', '.join(years) or 'none'}).", [])

    # ages -----------------------------------------------------------------------------------------
    def _check_age(self, c: _Cand, releases: dict, sentences) -> tuple:
        measure = YOUNGEST if c.sub == "youngest" else COMMON_AGE
        what = "the youngest victim's age" if measure == YOUNGEST else "the most common victim age"
        years = [c.year] if c.year else []
        if not years:
            # no year in the copy: a value some release gave for the fact is the likelier reading
            fitting = [r for r in self.facts.reports if r["measure"] == measure and r["year"]
                       and r["value"] == int(c.value)]
            if fitting:
                match = max(fitting, key=lambda r: r["release"])
                shown = "under one" if match["value"] == 0 else match["value"]
                return ("supported", match["value"], f"{match['year']}: {what} was {shown} ({month(match['release'])} "
                        f"release, {match['outlet']}). (The copy gives no year; this is the year that fits.)",
                        [_source(match)])
            release, _ = self._release_for(c, releases)
            rows = [r for r in self.facts.reports if r["measure"] == measure and r["year"]
                    and (release is None or r["release"] <= release)]
            if rows:
                years = [FinancialYear.from_label(max(rows, key=lambda r: r["release"])["year"])]
        for year in years:
            rows = [r for r in self.facts.reports if r["measure"] == measure and r["year"] == year.label
                    and r["value"] is not None]
            if not rows:
                continue
            scwc = [r for r in rows if "SCWC" in (r["note"] or "")]
            if c.measure == SCWC and scwc:
                rows = scwc
            elif c.measure != SCWC and len(rows) > len(scwc) and scwc:
                rows = [r for r in rows if r not in scwc]
            values = {r["value"] for r in rows}
            row = rows[0]
            shown = "under one" if row["value"] == 0 else str(row["value"])
            src = [_source(r) for r in rows if r["value"] == row["value"]][:2]
            if int(c.value) in values:
                match = next(r for r in rows if r["value"] == int(c.value))
                return ("supported", match["value"], f"{year.label}: {what} was {'under one' if match['value'] == 0 else match['value']} "
                        f"({month(match['release'])} release, {match['outlet']}).", [_source(match)])
            words = (f"{year.label}: {what} was {shown} ({month(row['release'])} release, "
                     f"{row['outlet']}), not {'under one' if c.value == 0 else int(c.value)}.")
            if not c.year:
                return ("unverifiable", row["value"], "Check this: the copy gives no year, and no release gave "
                        f"{int(c.value)}. Read as the latest year, {words}", src)
            return ("inaccurate", row["value"], words, src)
        return ("unverifiable", None, f"The data has no figure for {what}" +
                (f" in {c.year.label}." if c.year else " for the year the copy means (it does not say)."), [])

    # forces responding -------------------------------------------------------------------------------
    def _check_forces(self, c: _Cand, releases: dict, sentences) -> tuple:
        n = int(c.value)
        place = c.place
        s = c.sent
        if c.sub == "asked":
            ew = len([p for p in self.gazetteer.forces() if p.code])
            known = {ew: "England and Wales has", ew + 1: "England, Wales and Northern Ireland have",
                     ew + 2: "the UK has", ew + 3: "the UK and Jersey have"}
            if n in known:
                return "supported", n, f"{known[n]} {n} territorial police forces, the number asked.", []
            return ("unverifiable", None, f"The data does not record how many forces were asked (England and Wales "
                    f"has {ew} territorial forces).", [])
        if place is not None and place.geography_type == "region":
            forces = [p for p in self.gazetteer.forces() if p.region == place.name]
            year = c.year
            with_figures = []
            if year:
                for p in forces:
                    info = self.facts.keys.get((p.name, "force", c.measure, year.label))
                    if info and info.fig["status"] != "not_available":
                        with_figures.append(p)
            detail = f"{place.name} has {len(forces)} forces"
            if year:
                detail += f"; {len(with_figures)} have {year.label} figures in the data"
            if n == len(forces) or (with_figures and n == len(with_figures)):
                return "supported", n, detail + ".", []
            return "inaccurate", len(with_figures) or len(forces), detail + f", not {n}.", []
        if place is not None and place.geography_type == "force":
            named = {p.place for p in s.places if p.place.geography_type == "force"}
            if n == len(named) and n > 1:
                return "supported", n, f"The copy names {n} forces: {', '.join(sorted(p.name for p in named))}.", []
            return ("unverifiable", None, "The copy does not say which forces these are.", [])
        national = [o for o in s.cands if o.kind in COUNT_KINDS and o is not c and self._is_national(o) and o.key]
        if not national:
            national = [o for o in self._previous_counts(c, sentences) if self._is_national(o) and o.key][:1]
        candidates: list[tuple[int, dict | None]] = []
        release, _how = self._release_for(c, releases)
        keys = [(o.key, int(o.value)) for o in national]
        if not keys and c.year is not None:
            measure = c.measure if c.measure not in NATIONAL_ONLY else CYBER
            keys = [(k, None) for k in self._keys_for(c, measure=measure) if k in self.facts.keys]
        for key, value in keys:
            info = self.facts.keys[key]
            rel = info.as_of(release) or info.fig["release"]
            head = self.facts.headline.get((rel, key[3]))
            if head and head["forces_responding"]:
                candidates.append((head["forces_responding"], None))
            settled = info.settled(rel)
            if settled.get("forces"):
                candidates.append((settled["forces"], settled["row"]))
            for r in info.rows:
                if value is not None and r["value"] == value and r["forces_responding"] and r["release"] == rel:
                    candidates.append((r["forces_responding"], r))
        if not candidates:
            return ("unverifiable", None, "The data does not say how many forces supplied the figure this refers to.", [])
        for forces, row in candidates:
            if forces == n:
                where = f" ({month(row['release'])} release, {row['outlet']})" if row else " (the release's headline)"
                return "supported", n, f"{n} forces supplied figures{where}.", [_source(row)] if row else []
        forces, row = candidates[0]
        where = f" ({month(row['release'])} release, {row['outlet']})" if row else " (the release's headline)"
        return ("inaccurate", forces, f"{forces} forces supplied the figures{where}, not {n}"
                + (": not all of them" if c.sub == "all" else "") + f". Suggested: “{forces} forces”.",
                [_source(row)] if row else [])

    # pairs: the copy's own figures, else the data ----------------------------------------------------
    def _pair(self, c: _Cand, sentences: list[_Sentence], releases: dict):
        """(old, new) for a change claim, each {value, year, cand, row, key}: the copy's own figures in the
        sentence, then the ones before it, then the data for the years the sentence names; None if none fit."""
        s = c.sent
        if c.kind == "fraction" and c.sub == "share":
            return None
        own = [o for o in s.cands if o.kind in COUNT_KINDS and o is not c and o.value is not None and o.qual == "exact"
               and o.sub != "other"]
        written = self._written_pair(c)
        if written is not None:
            return self._order(written[0], written[1], s)
        versus = self._versus_place(c, own, releases)
        if versus is not None:
            return versus
        if _POINTS_BACK.match(s.text) and own:
            # "That is a rise of 50 per cent, and more than 11 times the 63 ...": each clause of a sentence that
            # points back to the figure just given compares that figure with what its own clause names
            mine = _clause_of(s.text, c.nstart)
            own = [o for o in own if _clause_of(s.text, o.nstart) == mine]
        if len(own) > 2 and c.kind == "multiple":
            # "369 in 2018/19, three times the 121 of 2017/18 and more than double the 183 of 2016/17": a multiple
            # written against a figure ("double the 183") compares the sentence's subject figure with that one
            objects = {id(o) for o in own for m in s.cands
                       if m.kind == "multiple" and m.end <= o.start and _OBJECT_GAP.fullmatch(s.text[m.end:o.start])}
            mine = [o for o in own if o.start >= c.end and _OBJECT_GAP.fullmatch(s.text[c.end:o.start])]
            subject = [o for o in own if o.nend <= c.nstart and id(o) not in objects]
            if mine and subject:
                return _pt(mine[0]), _pt(subject[-1])  # the multiple is subject / object
        if len(own) > 2:
            same = [o for o in own if c.place is not None and o.place == c.place]
            pool = same if len(same) >= 2 else own
            own = sorted(pool, key=lambda o: abs(o.nstart - c.nstart))[:2]
            own.sort(key=lambda o: o.nstart)
        if len(own) == 2:
            return self._order(own[0], own[1], s)
        points = [_pt(o) for o in own]
        base = own[0] if own else None
        # a year the sentence names that none of its own figures owns ("490, an extra 427 on 2015/16") is the
        # comparison's base: a figure from an earlier sentence for some other year is not
        unowned = {y.year for y in s.years if y.kind in ("fy", "calendar") and y.year is not None} - \
            {p["year"] for p in points}
        previous = self._previous_counts(c, sentences)
        if base is not None and base.year is not None and previous and all(o.year is not None for o in previous):
            # "... 735 in 2019/20, up from 490. That is 11 times the 63 of 2015/16": the copy's own older figure
            # is compared with the latest one before it
            previous.sort(key=lambda o: o.year, reverse=True)
        offset = self._relative_offset(c)
        for o in previous:
            if len(points) >= 2:
                break
            if base is not None and not self._same_place(o, base):
                continue
            if unowned and own and o.year is not None and o.year not in unowned:
                continue
            if offset and o.sent.para != s.para and base is not None and base.year is not None and \
                    o.year is not None and abs(o.year.start - base.year.start) != abs(offset):
                # "an extra 1,156 on the previous year" after a paragraph about another year: a figure from an
                # earlier paragraph is the other end only if it is a year apart (in its own paragraph the copy's
                # figures rule, even when its "in a year" is the slip)
                continue
            if any(p["year"] is not None and p["year"] == o.year for p in points):
                continue
            if any(p["cand"] is o for p in points):
                continue
            points.append(_pt(o))
            base = base or o
        if not points:
            # a lede's "more than doubled" before the figures: the next sentences' figures for the same place
            ahead = self._next_counts(c, sentences)
            if len(ahead) >= 2:
                a, b = _pt(ahead[0]), _pt(ahead[1])
                if a["year"] is not None and b["year"] is not None and a["year"] != b["year"]:
                    return (a, b) if a["year"] < b["year"] else (b, a)
        if len(points) < 2:
            like = base or c
            wanted = [y.year for y in s.years if y.year is not None and y.year not in {p["year"] for p in points}]
            if base is not None and base.year is not None:
                if base.rel_offset:  # the copy's figure is the older one ("the 152 recorded five years earlier")
                    wanted.append(FinancialYear(base.year.start - base.rel_offset))
                elif offset:
                    wanted.append(FinancialYear(base.year.start + offset))
                elif not wanted and c.kind in ("percent_change", "multiple", "fraction", "difference") and \
                        self._from_difference(c, points) is None:
                    # "up 44 per cent" with nothing to compare: newsroom usage means on the year before
                    wanted.append(FinancialYear(base.year.start - 1))
                    c.extra["assumed"] = True
            for year in wanted:
                if len(points) >= 2:
                    break
                point = self._data_value(like, year, releases)
                if point is not None:
                    points.append(point)
            if len(points) == 1:
                derived = self._from_difference(c, points)
                if derived is not None:
                    points.append(derived)
        if len(points) < 2:
            return None
        a, b = points[0], points[1]
        if a["year"] is not None and b["year"] is not None and a["year"] != b["year"]:
            return (a, b) if a["year"] < b["year"] else (b, a)
        if a["cand"] is not None and b["cand"] is not None and a["cand"].sent is not b["cand"].sent:
            earlier, later = (a, b) if a["cand"].sent.index < b["cand"].sent.index else (b, a)
            return earlier, later
        return b, a

    def _versus_place(self, c: _Cand, own: list[_Cand], releases: dict):
        """'Kent ... had more than eight times as many as Sussex', '432 more offences than Sussex in 2018/19': a
        multiple or difference taken against another place in the same year. The subject's figure is the copy's
        (else the data's), the other place's is the data's; None unless both places and the year are plain."""
        if c.kind not in ("multiple", "difference"):
            return None
        s = c.sent
        m = _VERSUS.match(s.text, c.end)
        if not m:
            return None
        other = next((p for p in s.places if p.start == m.end()), None)
        if other is None or other.place.geography_type == "nation":
            return None
        subject = [o for o in own if o.nend <= c.nstart and o.place is not None and o.place != other.place]
        subject_place = subject[-1].place if subject else c.place
        if subject_place is None or subject_place == other.place or \
                subject_place.geography_type != other.place.geography_type:
            return None
        year = subject[-1].year if subject and subject[-1].year is not None else None
        if year is None:
            named = {y.year for y in s.years if y.year is not None and y.kind in ("fy", "calendar")}
            year = named.pop() if len(named) == 1 else None
        if year is None:
            return None
        given = [o for o in own if o.nstart > c.nend and o.place == other.place]  # "North Wales Police's 53"
        if given:
            theirs = _pt(given[0])
        else:
            like = _Cand("count", s, 0, 0, 0, 0, None, place=other.place, measure=c.measure)
            theirs = self._data_value(like, year, releases)
        if subject:
            mine = _pt(subject[-1])
        else:
            like = _Cand("count", s, 0, 0, 0, 0, None, place=subject_place, measure=c.measure)
            mine = self._data_value(like, year, releases)
        if theirs is None or mine is None:
            return None
        return theirs, mine  # the claim is the subject against the other place: "old" is the other place

    @staticmethod
    def _from_difference(c: _Cand, points: list[dict]) -> dict | None:
        """The old level implied by the copy's own difference: "721 in 2018/19, an extra 427 on 2015/16 - a rise
        of 145 per cent" has old = 721 - 427 = 294 even when the data lacks 2015/16. Only for the sentence's
        other change claims (a difference is never checked against itself), and only with one level known."""
        if c.kind == "difference" or len(points) != 1 or points[0]["cand"] is None:
            return None
        new = points[0]
        for d in c.sent.cands:
            if d.kind == "difference" and d is not c and d.value is not None and d.qual == "exact" and d.direction:
                old = new["value"] - int(d.value) * d.direction
                if old > 0:
                    return {"value": old, "year": None, "cand": None, "row": None, "key": None, "derived": d.text}
        return None

    @staticmethod
    def _written_pair(c: _Cand) -> tuple | None:
        """The from-to pair in c's sentence that a change claim is about, when the sentence writes one out.

        "..., almost quadrupling and an eight-fold increase respectively": the k-th change claim after the pairs
        takes the k-th pair. Otherwise the nearest pair before the claim in its own clause, else the nearest
        after it in its clause ("nearly doubled, from 119 to 226"), else the nearest before it in the sentence.
        With a single pair and only those two figures nothing changes from reading the sentence's two figures."""
        s = c.sent
        pairs = s.pairs
        if not pairs:
            return None
        if len(pairs) > 1 and _RESPECTIVELY.search(s.text):
            last_end = max(max(p[0].nend, p[1].nend) for p in pairs)
            ordered = sorted(pairs, key=lambda p: min(p[0].nstart, p[1].nstart))
            after = [o for o in s.cands if o.nstart >= last_end and
                     (o.kind in CHANGE_KINDS or (o.kind == "fraction" and o.sub == "change"))]
            for claims in (after, [o for o in after if o.kind == c.kind and o.sub == c.sub]):
                if c in claims and len(claims) == len(ordered):
                    return ordered[claims.index(c)]

        def clause(pos: int) -> int:
            return _clause_of(s.text, pos)

        def span(p):
            return min(p[0].nstart, p[1].nstart), max(p[0].nend, p[1].nend)

        mine = clause(c.nstart)
        before = [p for p in pairs if span(p)[1] <= c.nstart]
        after = [p for p in pairs if span(p)[0] >= c.nend]
        for group, pick in (([p for p in before if clause(span(p)[0]) == mine], max),
                            ([p for p in after if clause(span(p)[0]) == mine], min),
                            (before, max)):
            if group:
                key = (lambda p: span(p)[1]) if pick is max else (lambda p: span(p)[0])
                return pick(group, key=key)
        return None

    def _relative_offset(self, c: _Cand) -> int | None:
        s = c.sent
        for y in s.years:
            if y.kind == "relative" and y.start >= c.nstart - 5 and y.start - c.end <= 40:
                return y.offset
        if _YEAR_ON_YEAR.search(s.text):
            return -1
        return None

    def _previous_counts(self, c: _Cand, sentences: list[_Sentence], any_place: bool = False) -> list[_Cand]:
        out = []
        for s in reversed(sentences[:c.sent.index]):
            if s.para != c.sent.para and out:
                break
            for o in reversed(s.cands):
                if o.kind in COUNT_KINDS and o.value is not None and o.qual == "exact" and o.sub != "other" and (any_place or
                        c.place is None or o.place is None or o.place == c.place or c.place_how == "context"):
                    out.append(o)
            if len(out) >= 2:
                break
        return out

    def _next_counts(self, c: _Cand, sentences: list[_Sentence]) -> list[_Cand]:
        for s in sentences[c.sent.index + 1:c.sent.index + 4]:
            found = [o for o in s.cands if o.kind in COUNT_KINDS and o.value is not None and o.qual == "exact"
                     and o.sub != "other" and (c.place is None or o.place == c.place)]
            if len(found) >= 2:
                return found[:2]
        return []

    @staticmethod
    def _same_place(a: _Cand, b: _Cand) -> bool:
        return a.place == b.place or a.place is None or b.place is None

    def _order(self, a: _Cand, b: _Cand, s: _Sentence, by_year_only: bool = False):
        if a.year is not None and b.year is not None and a.year != b.year:
            return (_pt(a), _pt(b)) if a.year < b.year else (_pt(b), _pt(a))
        if by_year_only:
            return _pt(a), _pt(b)
        if a.sent is s and b.sent is s:
            between = s.text[a.nend:b.nstart]
            lead = s.text[max(0, a.start - 12):a.start]
            if re.search(r"\bfrom\s+$", lead, re.I) and re.search(r"\bto\b", between, re.I):
                return _pt(a), _pt(b)
        return _pt(b), _pt(a)

    def _data_value(self, like: _Cand, year: FinancialYear, releases: dict, same_release_as: dict | None = None):
        release, _ = self._release_for(like, releases)
        if same_release_as is not None:
            row = same_release_as.get("row")
            cand = same_release_as.get("cand")
            if row is None and cand is not None and cand.key in self.facts.keys:
                row = self.facts.keys[cand.key].row_with(same_release_as["value"])
            if row is not None:
                release = row["release"]
        keys = self._keys_for(like, year=year, measure=(like.key[2] if like.key else like.measure))
        for key in keys:
            info = self.facts.keys.get(key)
            if info is None:
                continue
            rel = info.as_of(release) or info.fig["release"]
            settled = info.settled(rel)
            if settled["value"] is not None:
                return {"value": int(settled["value"]), "year": year, "cand": None, "row": settled["row"], "key": key}
        return None

    def _pair_sources(self, pair) -> list[dict]:
        out = []
        for p in pair:
            row = p.get("row")
            cand = p.get("cand")
            if row is None and cand is not None and cand.result is None and cand.key:
                info = self.facts.keys.get(cand.key)
                if info:
                    row = info.row_with(int(cand.value))
            if row is None and cand is not None and cand.key:
                info = self.facts.keys.get(cand.key)
                row = info.row_with(int(cand.value)) if info else None
            if row:
                out.append(_source(row))
        return out

    def _no_pair(self, c: _Cand) -> tuple:
        return ("unverifiable", None, "The copy does not say which two figures this compares, and the data "
                "could not supply them (give both years or both figures).", [])

    # percentages -------------------------------------------------------------------------------------
    def _check_percent_change(self, c: _Cand, releases: dict, sentences) -> tuple:
        pair = self._pair(c, sentences, releases)
        if pair is None:
            return self._no_pair(c)
        old, new = pair
        src = self._pair_sources(pair)
        pct = percent_change(old["value"], new["value"])
        if pct is None:
            return ("unverifiable", None, f"No percentage change from zero ({thousands(new['value'])} from 0).", src)
        claimed = c.value
        rise = pct > 0
        actual = float(round_half_up(pct, 1))
        words = f"From {thousands(old['value'])}{_derived(old, new)} to {thousands(new['value'])} is {'a rise' if rise else 'a fall'} of {pct_text(pct, 2)}"
        direction_ok = c.direction == 0 or (c.direction > 0) == rise or pct == 0
        if direction_ok and fits(claimed, abs(pct), c.qual, c.decimals):
            note = ""
            if c.decimals and round_half_up(abs(pct), c.decimals) != claimed:
                note = f" ({pct_text(pct, c.decimals)} rounded; {claimed}% is the truncated figure)"
            return "supported", actual, words + note + ".", src
        suggestion = f" Suggested: “{'a rise' if rise else 'a fall'} of {pct_text(pct, max(c.decimals, 0) if c.decimals else 0)}”."
        if not direction_ok:
            back = percent_change(new["value"], old["value"])
            if back is not None and fits(claimed, abs(back), c.qual, c.decimals):
                return ("supported", float(round_half_up(back, 1)), f"From {thousands(new['value'])} to "
                        f"{thousands(old['value'])} is {'a rise' if back > 0 else 'a fall'} of {pct_text(back, 2)} "
                        f"(the figures read the other way round).", src)
            return self._doubtful(words + ", the other direction")
        r = ratio(old["value"], new["value"])
        if r is not None and fits(claimed, r * 100, c.qual, c.decimals):
            return ("inaccurate", actual, f"{words}; {claimed}% is the ratio ({thousands(new['value'])} is "
                    f"{round_half_up(r, 2)} times {thousands(old['value'])}), not the rise.{suggestion}", src)
        derived = self._from_difference(c, [new]) if not old.get("derived") else None
        if derived is not None and direction_ok and (p2 := percent_change(derived["value"], new["value"])) is not None \
                and fits(claimed, abs(p2), c.qual, c.decimals):
            # the copy's own difference gives a base that fits ("an extra 40 ... a rise of 29 per cent"): the levels
            # the data holds differ from the copy's, which the difference claim itself is checked for
            return ("supported", float(round_half_up(p2, 1)), f"From {thousands(derived['value'])}"
                    f"{_derived(derived, new)} to {thousands(new['value'])} is a rise of {pct_text(p2, 2)} (the data "
                    f"gives {thousands(old['value'])} for the earlier year: {words[0].lower() + words[1:]}).", src)
        if self._weak_pair(c, old, new, claimed, abs(pct)):
            return self._doubtful(words)
        extra = self._other_fit(c, old, new, lambda o, n: percent_change(o, n), lambda v: fits(claimed, abs(v), c.qual, c.decimals))
        return "inaccurate", actual, words + f", not “{c.text}”.{extra}{suggestion}", src

    @staticmethod
    def _doubtful(reading: str) -> tuple:
        """A contradiction from a reading the copy does not pin down: shown as a question, never as a ❌."""
        return ("unverifiable", None, f"Check this: read as {reading[0].lower() + reading[1:]}, which does not fit. "
                "The copy does not make clear which two figures it compares.", [])

    def _weak_pair(self, c: _Cand, old: dict, new: dict, claimed: Decimal, actual: Decimal) -> bool:
        """Too weak to call a percentage wrong: national totals the data supplied (the NSPCC compares like for
        like forces, the totals do not), or a figure so far from the claim that the pairing is the likelier slip."""
        supplied = old.get("cand") is None or new.get("cand") is None
        if supplied and (c.place is None or c.place.geography_type != "force"):
            return True
        if claimed <= 0 or actual <= 0:
            return False
        return max(claimed, actual) / min(claimed, actual) > D("2.5")

    def _other_fit(self, c: _Cand, old: dict, new: dict, compute, ok) -> str:
        """Say when some other figure in the data would fit the claim (the copy's own numbers still rule)."""
        for point, which in ((old, "old"), (new, "new")):
            cand = point.get("cand")
            key = (cand.key if cand is not None else None) or point.get("key")
            if not key:
                continue
            info = self.facts.keys.get(key)
            if info is None:
                continue
            for r in info.rows:
                v = r["value"]
                if v is None or v == point["value"]:
                    continue
                value = compute(v, new["value"]) if which == "old" else compute(old["value"], v)
                if value is not None and ok(value):
                    return (f" It would fit {thousands(v)} ({month(r['release'])} release, {r['outlet']}) instead of "
                            f"{thousands(point['value'])}, but the copy's own figures do not give it.")
        return ""

    # multiples ---------------------------------------------------------------------------------------
    def _check_multiple(self, c: _Cand, releases: dict, sentences) -> tuple:
        pair = self._pair(c, sentences, releases)
        if pair is None:
            return self._no_pair(c)
        old, new = pair
        src = self._pair_sources(pair)
        r = ratio(old["value"], new["value"])
        if r is None:
            return "unverifiable", None, "No multiple of zero.", src
        target = c.value
        actual = float(round_half_up(r, 2))
        change = Change(old["value"], new["value"])
        words = (f"{thousands(new['value'])} is {round_half_up(r, 2)} times {thousands(old['value'])}{_derived(old, new)} "
                 f"({'+' if change.difference >= 0 else '−'}{pct_text(change.percent, 1)})")
        qual = c.qual
        ok = _multiple_fits(target, r, qual)
        true_words = plain_words(old["value"], new["value"])
        suggestion = f" Suggested: “{true_words}”." if true_words else f" Suggested: “{'up' if change.difference >= 0 else 'down'} {pct_text(change.percent, 1)}”."
        if ok:
            note = ""
            if qual in ("gt", "ge", "exact") and r >= target + D("0.5") and target >= 2:
                better = f" (“{true_words}”)" if true_words and true_words not in c.text.lower() else ""
                note = (f" The wording understates it: the number is {round_half_up(r, 2)} times as many{better}."
                        if qual != "exact" else
                        f" Understated: the number is {round_half_up(r, 2)} times as many{better}.")
            return "supported", actual, words + "." + note, src
        return "inaccurate", actual, words + f", so “{c.text}” is wrong." + suggestion, src

    # fractions ---------------------------------------------------------------------------------------
    def _check_fraction(self, c: _Cand, releases: dict, sentences) -> tuple:
        pct_given = c.extra.get("pct")
        if c.sub == "share":
            return self._check_share(c, releases, sentences)
        pair = self._pair(c, sentences, releases)
        if pair is None:
            return self._no_pair(c)
        old, new = pair
        src = self._pair_sources(pair)
        pct = percent_change(old["value"], new["value"])
        if pct is None:
            return "unverifiable", None, "No fraction of zero.", src
        share = abs(pct) / 100
        rise = pct > 0
        actual = float(round_half_up(abs(pct), 1))
        words = f"From {thousands(old['value'])} to {thousands(new['value'])} is {'a rise' if rise else 'a fall'} of {pct_text(pct)}"
        direction_ok = c.direction == 0 or (c.direction > 0) == rise
        ok = direction_ok and self._fraction_fits(c.value, share, c.qual)
        if ok and pct_given is not None:
            ok = fits(pct_given, abs(pct), "exact", 0)
        if ok:
            return "supported", actual, words + ".", src
        return ("inaccurate", actual, words + f", so “{c.text}” is wrong." + (" The direction is wrong." if not direction_ok else "")
                + f" Suggested: “{'up' if rise else 'down'} {pct_text(pct, 0)}”.", src)

    @staticmethod
    def _fraction_fits(target: Decimal, actual: Decimal, qual: str) -> bool:
        if qual == "exact":
            return abs(actual - target) <= max(target * D("0.1"), D("0.02"))
        if qual in ("gt", "ge", "just_over"):
            return actual > target if qual != "ge" else actual >= target
        if qual == "near":
            return target * D("0.8") <= actual <= target * D("1.01")
        if qual == "approx":
            return abs(actual - target) <= target * D("0.15")
        if qual in ("lt", "le"):
            return actual < target if qual == "lt" else actual <= target
        return False

    def _of_pair(self, c: _Cand, sentences: list[_Sentence]):
        """'229 of the 576 offences', '59 of Wales's 296': a part and its whole written in the copy."""
        for s in (c.sent, sentences[c.sent.index - 1] if c.sent.index and
                  sentences[c.sent.index - 1].para == c.sent.para else None):
            if s is None:
                continue
            counts = [o for o in s.cands if o.kind in COUNT_KINDS + ("total",) and o.value is not None and o.sub != "other"]
            for a, b in zip(counts, counts[1:]):
                between = s.text[a.end:b.start]
                if re.fullmatch(r"\s+(?:offences\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+|[\w.'’ -]{1,40}['’]s?\s+)?",
                                between, re.I) and b.value and a.value <= b.value:
                    return {"value": int(a.value), "cand": a, "year": a.year}, \
                        {"value": int(b.value), "cand": b, "year": b.year}
        return None

    def _share_pointing_back(self, c: _Cand, sentences: list[_Sentence]):
        """'West Yorkshire 721 of them — nearly half', 'Almost two-fifths of them – 229 – were in Gwent': "of them"
        (that, those, the total) points at the figure given just before, which is the whole."""
        s, text = c.sent, c.sent.text
        counts = [o for o in s.cands if o.kind in COUNT_KINDS + ("total",) and o.value is not None and o.sub != "other"]
        part = next((o for o in reversed(counts) if o.nend <= c.nstart and _OF_BACK.match(text[o.end:])), None)
        back = _OF_BACK.match(text[c.end:])
        if part is None and back:
            # the part is written just after ("of them – 229 –") or is the sentence's figure before the fraction
            after = [o for o in counts if c.end + back.end() <= o.nstart <= c.end + back.end() + 6]
            before = [o for o in counts if o.nend <= c.nstart]
            part = after[0] if after else (before[-1] if before else None)
        if part is None:
            return None
        for t in (s, sentences[s.index - 1] if s.index and sentences[s.index - 1].para == s.para else None):
            if t is None:
                continue
            found = [o for o in t.cands if o.kind in COUNT_KINDS + ("total",) and o.value is not None
                     and o.sub != "other" and o.value > part.value and (t is not s or o.nend <= min(part.nstart, c.nstart))]
            if found:
                return _pt(part), _pt(found[-1])
        return None

    def _check_share(self, c: _Cand, releases: dict, sentences) -> tuple:
        s = c.sent
        text = s.text
        back = self._share_pointing_back(c, sentences)
        if back and not _BREAKDOWN_WORDS.search(text):
            return self._share_verdict(c, *back)
        written = self._of_pair(c, sentences) if not re.match(r"\s*(?:\(\d[^)]*\)\s*)?of\b", text[c.end:], re.I) else None
        if written and not _BREAKDOWN_WORDS.search(text):
            return self._share_verdict(c, *written)
        part_place = None
        for p in s.places:
            if p.end <= c.nstart:
                part_place = p.place
        whole_cands = [o for o in s.cands if o.kind in COUNT_KINDS and o.nstart > c.nend and o.value is not None]
        earlier_part = None
        if part_place is None:
            # "That was almost half of the 576 recorded across Wales": this sentence names only the whole, so the
            # part is the figure the previous sentence gave (for a place other than the whole's, same year first)
            whole0 = whole_cands[0] if whole_cands else None
            prev = [o for o in self._previous_counts(c, sentences, any_place=True)
                    if o.sent.para == s.para and o.sent.index == s.index - 1 and o.place is not None
                    and (whole0 is None or (o.place != whole0.place and o.value <= whole0.value))]
            prev.sort(key=lambda o: whole0 is not None and whole0.year is not None and o.year != whole0.year)
            if prev:
                earlier_part, part_place = prev[0], prev[0].place
        if part_place is None:
            named_after = [p.place for p in s.places if p.start >= c.nend]
            if c.place_how == "context":
                part_place = c.place
            elif s.places and not (whole_cands and named_after and named_after[0] == s.places[0].place):
                part_place = s.places[0].place
        breakdown = _BREAKDOWN_WORDS.search(text) and not re.search(r"accounted|total|region|force", text, re.I)
        if part_place is None or breakdown:
            what = _BREAKDOWN_WORDS.search(text)
            detail = f" (“{what.group(0)}”)" if what else ""
            return ("unverifiable", None, f"The data has no breakdown to check this share against{detail}: it holds "
                    "totals by force, region and nation.", [])
        year = c.year
        part = None
        whole_year = whole_cands[0].year if whole_cands else None
        mine = [o for o in s.cands if o.kind in COUNT_KINDS and o.place == part_place and o is not c
                and o.nstart < c.nstart and o.value is not None and o.sub != "other"]
        mine.sort(key=lambda o: (whole_year is not None and o.year != whole_year, o.nstart))
        if mine:
            part = {"value": int(mine[0].value), "cand": mine[0], "year": mine[0].year}
        summed = [o for o in s.cands if o.kind == "total" and o.sub == "places" and o.nstart < c.nstart
                  and o.value is not None and _clause_of(text, o.nstart) == _clause_of(text, c.nstart)]
        if summed:
            # "Gwent and South Wales together recorded 443, more than three-quarters of ...": the part is the sum
            part = {"value": int(summed[-1].value), "cand": summed[-1], "year": summed[-1].year}
        if part is None and earlier_part is not None:
            part = {"value": int(earlier_part.value), "cand": earlier_part, "year": earlier_part.year}
        if part is None:
            for o in self._previous_counts(c, sentences, any_place=True):
                if o.place == part_place:
                    part = {"value": int(o.value), "cand": o, "year": o.year}
                    break
        whole = None
        if whole_cands:
            w = whole_cands[0]
            whole = {"value": int(w.value), "cand": w, "year": w.year}
            year = year or w.year
        if part is None and year is not None:
            fake = _Cand("count", s, 0, 0, 0, 0, None, place=part_place, measure=c.measure)
            part = self._data_value(fake, year, releases)
        if whole is None:
            whole_place = None
            if part_place.geography_type == "force":
                if _SHARE_TOTAL.search(text[c.nend:]) or re.search(r"\bwelsh\b", text[c.nend:], re.I):
                    region = part_place.region
                    if re.search(r"\bnational\b|country", text[c.nend:], re.I):
                        whole_place = self._national
                    elif region:
                        whole_place = self.gazetteer.places.get((region, "region"))
            for p in s.places:
                if p.start > c.nend and p.place != part_place and _clause_of(text, p.start) == _clause_of(text, c.nstart):
                    whole_place = p.place
                    break
            if whole_place is None and part is not None:
                # "The Welsh total was 576, so the force accounted for more than a third": a bigger figure for
                # another place earlier in the sentence is the whole
                for o in s.cands:
                    if o.kind in COUNT_KINDS and o.nstart < c.nstart and o.value is not None and o.sub != "other" \
                            and o.place is not None and o.place != part_place and o.value >= part["value"]:
                        whole = {"value": int(o.value), "cand": o, "year": o.year}
                        break
            if whole_place is None and whole is None:
                for o in self._previous_counts(c, sentences, any_place=True):
                    if o.place is not None and o.place != part_place:
                        whole = {"value": int(o.value), "cand": o, "year": o.year}
                        break
            yr = year or (part["year"] if part else None)
            if whole is None and whole_place is not None and yr is not None:
                fake = _Cand("count", s, 0, 0, 0, 0, None, place=whole_place, measure=c.measure)
                whole = self._data_value(fake, yr, releases, same_release_as=part)
        if part is None or whole is None or not whole["value"]:
            return ("unverifiable", None, "The copy does not give the figure and the total this share is of, and the "
                    "data could not supply both.", [])
        if whole["value"] < part["value"]:
            # a share above 100% means the wrong two figures were read, not that the copy is wrong
            return ("unverifiable", None, f"Could not tell which total this share is of ({thousands(part['value'])} "
                    f"is more than {thousands(whole['value'])}).", [])
        return self._share_verdict(c, part, whole)

    def _share_verdict(self, c: _Cand, part: dict, whole: dict) -> tuple:
        share = D(part["value"]) / D(whole["value"])
        actual = float(round_half_up(share * 100, 1))
        src = self._pair_sources((part, whole))
        words = f"{thousands(part['value'])} of {thousands(whole['value'])} is {round_half_up(share * 100, 1)}%"
        pct = c.extra.get("pct")
        if pct is not None and c.extra.get("pct_decimals") is not None:
            ok = fits(pct, share * 100, c.qual, c.extra["pct_decimals"])
        else:
            ok = self._fraction_fits(c.value, share, c.qual)
            if ok and pct is not None:
                ok = fits(pct, share * 100, "exact", 0)
        if ok:
            return "supported", actual, words + ".", src
        return "inaccurate", actual, words + f", so “{c.text}” is wrong. Suggested: “{round_half_up(share * 100, 0)}%”.", src

    # rates -------------------------------------------------------------------------------------------
    def _check_rate(self, c: _Cand, releases: dict, sentences) -> tuple:
        if c.sub == "population":
            return self._check_per_head(c, releases, sentences)
        total = None
        year = c.year
        for o in [o for o in c.sent.cands if o.kind in COUNT_KINDS and o.key] + \
                 [o for o in self._previous_counts(c, sentences) if o.key]:
            if (year is None or o.year == year) and (c.place is None or o.place == c.place or c.place_how == "context"):
                info = self.facts.keys[o.key]
                release, _ = self._release_for(o, releases)
                rel = info.as_of(release) or info.fig["release"]
                settled = info.settled(rel)
                if settled["value"] is not None:
                    total = {"value": int(settled["value"]), "row": settled["row"], "year": o.year}
                    year = o.year
                    break
        if total is None and year is not None:
            fake = _Cand("count", c.sent, 0, 0, 0, 0, None, place=c.place, measure=c.measure)
            total = self._data_value(fake, year, releases)
        if total is None or year is None:
            return ("unverifiable", None, "The copy does not say which year's total this rate comes from, and the "
                    "data has none for it.", [])
        unit = c.sub or "day"
        if c.place_how == "context" and c.place is not None:
            # The place came only from an earlier sentence: the copy may as well mean the whole country
            # ("police are recording an average of 15 a day"). Read it whichever way the figure fits.
            national = self._national_rate(c, year, releases, unit)
            if national is not None:
                return national
        rate, actual, words = _rate_of(total["value"], year, unit)
        src = [_source(total["row"])] if total.get("row") else []
        if fits(c.value, rate, c.qual, c.decimals, approx=D("0.1")):
            return "supported", actual, words + ".", src
        stated = self._stated_per_day(c, year, unit)
        if stated:
            return ("supported", actual, words + f"; {stated[0]['outlet']} states {stated[0]['value']} a day.",
                    src + [_source(stated[0])])
        suggestion = round_half_up(rate, 0) if rate >= 1 else round_half_up(rate, 1)
        if c.place_how == "context":
            return ("unverifiable", actual, f"The copy does not name the place this rate is for; read as "
                    f"{self._name(c)}: {words}, which does not fit “{c.text}”, nor does the national figure.", src)
        return "inaccurate", actual, words + f", not “{c.text}”. Suggested: “about {suggestion} a{'n' if unit == 'hour' else ''} {unit}”.", src

    def _national_rate(self, c: _Cand, year: FinancialYear, releases: dict, unit: str) -> tuple | None:
        """A rate that fits the national total (or the rate a release stated) for the year, or None."""
        fake = _Cand("count", c.sent, 0, 0, 0, 0, None, place=None, measure=c.measure)
        total = self._data_value(fake, year, releases)
        stated = self._stated_per_day(c, year, unit)
        if total is not None:
            rate, actual, words = _rate_of(total["value"], year, unit)
            words = "Nationally, " + words
            src = [_source(total["row"])] if total.get("row") else []
            if fits(c.value, rate, c.qual, c.decimals, approx=D("0.1")):
                return "supported", actual, words + ".", src
            if stated:
                return ("supported", actual, words + f"; {stated[0]['outlet']} states {stated[0]['value']} a day.",
                        src + [_source(stated[0])])
            return None
        if not stated:
            return None
        return ("supported", float(stated[0]["value"]),
                f"Nationally, {stated[0]['outlet']} states {stated[0]['value']} a day in {year.label}.", [_source(stated[0])])

    def _stated_per_day(self, c: _Cand, year: FinancialYear, unit: str) -> list[dict]:
        """The rows where a release itself stated c's figure as its average a day for the year."""
        return [r for r in self.facts.reports if r["measure"] == PER_DAY and r["year"] == year.label
                and r["value"] == int(c.value) and unit == "day"]

    def _check_per_head(self, c: _Cand, releases: dict, sentences) -> tuple:
        """'12 per 100,000 residents' against the ONS mid-2018 population; the data has no child population."""
        who = c.extra.get("who", "")
        if re.search(r"child|young|under-18", who):
            return ("unverifiable", None, "The data has no child population figures to work out a rate per child "
                    "(its populations are ONS mid-2018 estimates for all ages).", [])
        place = self._place_for(c)
        per = c.extra.get("per")
        point = None
        for o in [o for o in c.sent.cands if o.kind in COUNT_KINDS and o.key] + \
                 [o for o in self._previous_counts(c, sentences) if o.key]:
            if o.place == c.place or c.place is None:
                point = _pt(o)
                place = self._place_for(o)
                break
        if point is None and c.year is not None:
            point = self._data_value(c, c.year, releases)
        if point is None or not per or not place.population:
            return ("unverifiable", None, "The copy does not give a figure and a year the data has a population "
                    "for, so the rate cannot be worked out.", [])
        rate = D(point["value"]) * D(per) / D(place.population)
        places = max(c.decimals, 1)
        words = (f"{thousands(point['value'])} against {self.answerer.name(place)}'s ONS mid-2018 population of "
                 f"{thousands(place.population)} is {round_half_up(rate, places)} per {thousands(int(per))}")
        src = self._pair_sources([point])
        if fits(c.value, rate, c.qual, c.decimals):
            return "supported", float(round_half_up(rate, places)), words + ".", src
        return ("inaccurate", float(round_half_up(rate, places)), words + f", not “{c.text}”.", src)

    # differences, totals, periods ---------------------------------------------------------------------
    def _check_difference(self, c: _Cand, releases: dict, sentences) -> tuple:
        pair = self._pair(c, sentences, releases)
        if pair is None:
            return self._no_pair(c)
        old, new = pair
        src = self._pair_sources(pair)
        d = new["value"] - old["value"]
        words = (f"{thousands(new['value'])} − {thousands(old['value'])} = "
                 f"{'+' if d > 0 else '−' if d < 0 else ''}{thousands(abs(d))}")
        direction_ok = c.direction == 0 or (c.direction > 0) == (d > 0) or d == 0
        subject = [p for p in (old, new) if p.get("cand") is not None and p["cand"].sent is c.sent
                   and p["cand"].nstart < c.nstart]
        if c.extra.get("than") and len(subject) == 1:
            # "10,391 in 2019/20, 649 more than in 2020/21": more than the "than" side, whatever the years' order
            other = new if subject[0] is old else old
            direction_ok = c.direction == 0 or (c.direction > 0) == (subject[0]["value"] > other["value"]) or d == 0
        if direction_ok and fits(c.value, D(abs(d)), c.qual, c.decimals):
            return "supported", abs(d), words + ".", src
        for point, which in ((old, "old"), (new, "new")):
            # a level the copy does not give was read from the data; a LATER release that revised it may be the
            # one the copy used ("an extra 40 on 2015/16" against PSNI's 138 of 2020, not the earlier 139). A figure
            # a later release revised away is never accepted.
            if point.get("cand") is not None or not point.get("key") or point["key"] not in self.facts.keys:
                continue
            used = (point.get("row") or {}).get("release") or ""
            for r in self.facts.keys[point["key"]].rows:
                v = r["value"]
                if v is None or v == point["value"] or r["release"] <= used:
                    continue
                d2 = (new["value"] - v) if which == "old" else (v - old["value"])
                if direction_ok and fits(c.value, D(abs(d2)), c.qual, c.decimals):
                    return ("supported", abs(d2), f"{words}; with {thousands(v)} ({month(r['release'])} release, "
                            f"{r['outlet']}) for the year the copy does not give a figure for, it is {thousands(abs(d2))}.",
                            src + [_source(r)])
        more = "more" if d > 0 else "fewer"
        return ("inaccurate", abs(d), words + f", not “{c.text}”. Suggested: “{thousands(abs(d))} {more}”.", src)

    def _check_total(self, c: _Cand, releases: dict, sentences) -> tuple:
        s = c.sent
        value = int(c.value)
        parts: list[dict] = []
        if c.sub == "places":
            pool = [o for o in s.cands if o.kind in COUNT_KINDS and o is not c and o.value is not None]
            if len(pool) < 2 and s.index:
                prev = sentences[s.index - 1]
                if prev.para == s.para:
                    pool = [o for o in prev.cands if o.kind in COUNT_KINDS and o.value is not None
                            and (o.place is None or o.place.geography_type == "force")]
            parts = [_pt(o) for o in pool if c.year is None or o.year is None or o.year == c.year]
            mine = _clause_of(s.text, c.nstart)
            named = list(dict.fromkeys(p.place for p in s.places if _clause_of(s.text, p.start) == mine))
            if len(parts) < 2 and len(named) >= 2 and c.year is not None:
                # "Between them, Kent and Sussex recorded 548 in 2018/19": the places named, summed for the year
                parts = []
                for place in named:
                    fake = _Cand("count", s, 0, 0, 0, 0, None, place=place, measure=c.measure)
                    point = self._data_value(fake, c.year, releases)
                    if point is None:
                        return ("unverifiable", None, f"The data has no {self.answerer.name(place)} figure for "
                                f"{c.year.label}, so the combined figure cannot be checked.", [])
                    parts.append(point)
                latest = [self.facts.keys[p["key"]].fig["value"] for p in parts]
                if sum(p["value"] for p in parts) != value and None not in latest and sum(latest) == value:
                    # the latest release's figures add up: the copy is quoting them
                    parts = [dict(p, value=v, row=self.facts.keys[p["key"]].settled(
                        self.facts.keys[p["key"]].fig["release"])["row"]) for p, v in zip(parts, latest)]
        else:
            pair = self._pair(c, sentences, releases)
            n = c.extra.get("n")
            if pair is not None and (n in (None, 2)):
                parts = list(pair)
            elif n:
                end = c.year
                if end is None:
                    release, _ = self._release_for(c, releases)
                    covered = self.facts.covers.get((release, c.family)) if release else None
                    end = FinancialYear.from_label(covered) if covered else None
                if end is None:
                    return self._total_window(c, int(n), releases)
                for k in range(int(n)):
                    v = self._data_value(c, FinancialYear(end.start - k), releases)
                    if v is None:
                        return ("unverifiable", None, f"The data has no {self._name(c)} figure for "
                                f"{FinancialYear(end.start - k).label}, so the {_words(int(n))}-year total cannot be "
                                "checked.", [])
                    parts.append(v)
        region_ok = None
        if c.place is not None and c.place.geography_type in ("region", "nation") and c.year is not None:
            o = self._resolve_count(c, releases)
            if o["status"] in ("match", "earlier", "misprint", "wrong", "later"):
                region_ok = o
        if len(parts) >= 2 and any(p["value"] > value for p in parts) and not fits(D(value), D(sum(p["value"] for p in parts)), c.qual):
            # A total smaller than one of its own parts means the wrong figures were taken as its parts
            # ("Kent (490) and Sussex (58) recorded 548"): say nothing rather than cry wolf.
            return ("unverifiable", None, f"It is not clear which figures {thousands(value)} adds up.", [])
        if len(parts) >= 2:
            total = sum(p["value"] for p in parts)
            src = self._pair_sources(parts)
            words = " + ".join(thousands(p["value"]) for p in parts) + f" = {thousands(total)}"
            if fits(D(value), D(total), c.qual):
                if region_ok and region_ok["status"] == "match" and region_ok.get("row"):
                    src.append(_source(region_ok["row"]))
                return "supported", total, words + ".", src
            if region_ok and region_ok["status"] == "match":
                row = region_ok["row"]
                return ("supported", value, f"{self._name(c, region_ok['key'])}: {thousands(value)} in "
                        f"{region_ok['key'][3]} ({month(row['release'])} release, {row['outlet']}); the figures listed "
                        f"add up to {thousands(total)}.", [_source(row)] + src)
            return "inaccurate", total, words + f", not {thousands(value)}. Suggested: “{thousands(total)}”.", src
        if region_ok is not None:
            return self._check_count(c, releases, sentences)
        return ("unverifiable", None, "The copy does not give the figures this total adds up, and the data "
                "could not supply them.", [])

    def _total_window(self, c: _Cand, n: int, releases: dict) -> tuple:
        """'424 offences in two years' with no years given: the run of years, if any, it adds up to."""
        place = self._place_for(c)
        labels = self.facts.years_for(place, c.measure)
        starts = sorted(FinancialYear.from_label(y).start for y in labels)
        for first in starts:
            window = [FinancialYear(first + k) for k in range(n)]
            points = [self._data_value(c, y, releases) for y in window]
            if all(points) and fits(c.value, D(sum(p["value"] for p in points)), c.qual):
                words = " + ".join(thousands(p["value"]) for p in points)
                return ("supported", int(c.value), f"{words} = {thousands(int(c.value))}: {self._name(c)}, "
                        f"{window[0].label} to {window[-1].label} (the copy does not say which years).",
                        self._pair_sources(points))
        return ("unverifiable", None, f"The copy does not say which {_words(n)} years, and no run of {_words(n)} "
                f"years of {self._name(c)} figures adds up to {thousands(int(c.value))}.", [])

    def _check_comparison(self, c: _Cand, releases: dict, sentences) -> tuple:
        if c.sub == "places":
            return self._check_place_comparison(c, releases)
        if c.sub == "only":
            return self._check_only_one(c, sentences)
        pair = self._pair(c, sentences, releases)
        n = int(c.value)
        if pair is None or pair[0].get("year") is None or pair[1].get("year") is None:
            if c.extra.get("soft"):
                c.extra["drop"] = True  # "in a year" with no years to hold it to is wording, not a claim
            return ("unverifiable", None, "The copy does not say which two years this spans.", [])
        old, new = pair
        gap = abs(new["year"].start - old["year"].start)
        span = f"{old['year'].label} to {new['year'].label}"
        inclusive = gap + 1
        ok = n == gap or n == inclusive  # "doubled in four years" for 2015/16 to 2018/19 counts both ends
        if ok:
            return "supported", gap, f"{span} is {_years(gap)} apart.", []
        guessed = [p["cand"] for p in pair if p.get("cand") is not None and p["cand"].year_how == "inferred"]
        if guessed:
            # the copy gave no year for a figure and one was read from the data: too weak to call the span wrong
            return ("unverifiable", None, f"The copy does not give the year of {thousands(int(guessed[0].value))}; "
                    f"read as {guessed[0].year.label}, the span would be {_years(gap)}.", [])
        return ("inaccurate", gap, f"{span} is {_years(gap)} apart ({_words(inclusive)} financial years), "
                f"not {_words(n)}. Suggested: “in {_years(gap)}”.", [])


    def _check_only_one(self, c: _Cand, sentences: list[_Sentence]) -> tuple:
        """'Staffordshire was the only one of the three forces to see a fall': against the from-to pairs the
        paragraph writes out, one per force. Judged only when the copy gives a pair for every force it counts;
        otherwise the figures are not in the copy and the claim is left unverifiable."""
        s = c.sent
        changes: dict[Place, int] = {}
        for t in sentences[:s.index + 1]:
            if t.para != s.para:
                continue
            for old, new in t.pairs:
                if old.place is not None and old.place == new.place and old.place.geography_type == "force":
                    changes[old.place] = (new.value > old.value) - (new.value < old.value)
        subject = [p.place for p in s.places if p.end <= c.nstart]
        subject = subject[-1] if subject else (c.place if c.place_how == "context" else None)
        n = c.extra.get("n")
        if subject is None or subject not in changes or (n is not None and len(changes) != n) or len(changes) < 2:
            return ("unverifiable", None, "The copy does not give before-and-after figures for every force this "
                    "compares, so “only” cannot be checked.", [])
        word = "a fall" if c.direction < 0 else "a rise"
        listed = "; ".join(f"{self.answerer.name(p)} {'up' if d > 0 else 'down' if d < 0 else 'unchanged'}"
                           for p, d in changes.items())
        alike = [p for p, d in changes.items() if d == c.direction]
        if alike == [subject]:
            return "supported", 1, f"From the copy's own figures: {listed}.", []
        if subject not in alike:
            why = f"{self.answerer.name(subject)} did not see {word}"
        else:
            why = "also " + ", ".join(self.answerer.name(p) for p in alike if p != subject)
        return "inaccurate", len(alike), f"From the copy's own figures: {listed}; {why}.", []

    def _check_place_comparison(self, c: _Cand, releases: dict) -> tuple:
        """More/fewer than another place in one year, both figures from the data (never a guessed year)."""
        other: Place = c.extra["compared"]
        if c.place is None or c.place.geography_type != other.geography_type:
            return ("unverifiable", None, f"The copy does not say clearly which place is compared with "
                    f"{self.answerer.name(other)}.", [])
        s = c.sent
        year = None
        mine = [o for o in s.cands if o.kind in COUNT_KINDS and o.nstart < c.nstart and o.place == c.place
                and o.year is not None]
        if mine:
            year = mine[-1].year
        else:
            named = {y.year for y in s.years if y.year is not None and y.kind in ("fy", "calendar")}
            if len(named) == 1:
                year = named.pop()
        if year is None:
            return ("unverifiable", None, "The copy does not say which year this comparison is for.", [])
        points = []
        for place in (c.place, other):
            fake = _Cand("count", s, 0, 0, 0, 0, None, place=place, measure=c.measure)
            point = self._data_value(fake, year, releases)
            if point is None:
                return ("unverifiable", None, f"The data has no {self.answerer.name(place)} figure for {year.label} "
                        "to compare.", [])
            points.append(point)
        mine_v, other_v = points[0]["value"], points[1]["value"]
        words = (f"{self.answerer.name(c.place)}: {thousands(mine_v)}, {self.answerer.name(other)}: "
                 f"{thousands(other_v)} in {year.label}")
        src = self._pair_sources(points)
        holds = mine_v > other_v if c.direction > 0 else mine_v < other_v
        latest = [self.facts.keys[p["key"]].fig["value"] for p in points]
        if not holds and None not in latest and (latest[0] > latest[1] if c.direction > 0 else latest[0] < latest[1]):
            # a later release revised one of them: the copy may be quoting it, so this is no proof of a slip
            return ("supported", latest[0] - latest[1], words + f" in the release the copy's figures come from; the "
                    f"latest figures ({thousands(latest[0])} and {thousands(latest[1])}) bear it out.", src)
        if holds:
            return "supported", mine_v - other_v, words + ".", src
        right = "more" if mine_v > other_v else ("fewer" if mine_v < other_v else "the same number as")
        return ("inaccurate", mine_v - other_v, words + f", so “{c.text}” is wrong: it recorded {right}"
                f"{'' if right.startswith('the') else ' than'} {self.answerer.name(other)}.", src)


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


def _exclusions_late(s: _Sentence) -> None:
    """Age bands, set aside after the age-fact patterns have had their turn."""
    for pattern in _AGE_BANDS:
        for m in pattern.finditer(s.text):
            s.take(m.start(), m.end())


def _derived(old: dict, new: dict) -> str:
    """' (721 − 427, the copy's own difference)' when the old level was worked out from the copy's difference."""
    if not old.get("derived"):
        return ""
    return f" ({thousands(new['value'])} − {thousands(new['value'] - old['value'])}, from “{old['derived']}” in the copy)"


def _pt(c: _Cand) -> dict:
    return {"value": int(c.value), "year": c.year, "cand": c, "row": None, "key": c.key}


def _years(n: int) -> str:
    return f"{_words(n)} year{'s' if n != 1 else ''}"


def _words(n: int) -> str:
    return _UNITS[n] if 0 <= n < len(_UNITS) else str(n)


def _month_label(period: str) -> str:
    year, mon = period.split("-")
    return f"{calendar.month_abbr[int(mon)]} {year}"


def _vt(row: dict) -> dict:
    """A reports/figures row as answer.value_text expects it."""
    status = row.get("status") or ("not_available" if row.get("value") is None else "reported")
    return {"value": row.get("value"), "status": "reported" if status == "disputed" else status,
            "qualifier": row.get("qualifier")}


def _source(row: dict | None) -> dict:
    if not row:
        return {}
    return {"outlet": row.get("outlet"), "release": row.get("release"), "url": row.get("source_url")}


def _unique(sources: list[dict]) -> list[dict]:
    out = []
    for s in sources:
        if s and s.get("url") and s not in out:
            out.append(s)
    return out


# =============================================================================================== data
class _KeyInfo:
    """Everything the data says about one (geography, type, measure, year): every release, every outlet."""

    def __init__(self, key: tuple, fig: dict, publishers: frozenset = frozenset()):
        self.key = key
        self.publishers = publishers
        self.fig = fig
        self.rows: list[dict] = []
        self.rev = {r["release"]: r for r in (fig.get("revisions") or [])}

    def freeze(self) -> None:
        """Called once the rows are in: the releases and what each settled on never change afterwards."""
        self.releases = sorted({r["release"] for r in self.rows})
        self._settled = {release: self._settle(release) for release in self.releases}
        if self.fig["release"] not in self._settled:
            self._settled[self.fig["release"]] = self._settle(self.fig["release"])

    def as_of(self, release: str | None) -> str | None:
        if release is None:
            return self.fig["release"]
        earlier = [r for r in self.releases if r <= release]
        return earlier[-1] if earlier else None

    def settled(self, release: str) -> dict:
        """What `release` settled on for this key: value(s), status and the row to cite."""
        cached = self._settled.get(release)
        return cached if cached is not None else self._settle(release)

    def _settle(self, release: str) -> dict:
        fig = self.fig
        if release == fig["release"]:
            values = set()
            if fig["value"] is not None:
                values.add(fig["value"])
                values |= {o["value"] for o in (fig.get("other_values") or []) if o.get("tied")}
            row = self._row(release, fig["value"], fig.get("outlet"))
            return {"release": release, "value": fig["value"], "values": values, "status": fig["status"],
                    "row": row, "forces": fig.get("forces_responding")}
        if release in self.rev:
            r = self.rev[release]
            row = self._row(release, r["value"], r.get("outlet"))
            return {"release": release, "value": r["value"], "values": {r["value"]} if r["value"] is not None else set(),
                    "status": r["status"], "row": row, "forces": row.get("forces_responding") if row else None}
        row = self._row(release, fig["value"], None)
        status = "not_available" if fig["value"] is None else "reported"
        return {"release": release, "value": fig["value"], "values": {fig["value"]} if fig["value"] is not None else set(),
                "status": status, "row": row, "forces": row.get("forces_responding") if row else None}

    def _row(self, release: str, value, outlet: str | None) -> dict | None:
        """The row to cite for `value` in `release`: the publisher's own page first, then the outlet the
        figures table chose, then one that states its force count."""
        rows = [r for r in self.rows if r["release"] == release and r["value"] == value]
        rows.sort(key=lambda r: (r["outlet"] not in self.publishers, r["outlet"] != outlet,
                                 r["forces_responding"] is None, r["outlet"]))
        if rows:
            return dict(rows[0], status="reported" if value is not None else "not_available")
        return None

    def has_value(self, value: int, settled_only: bool = False) -> bool:
        if settled_only:
            return any(value in self.settled(r)["values"] for r in self.releases)
        return any(r["value"] == value for r in self.rows)

    def row_with(self, value: int) -> dict | None:
        for release in reversed(self.releases):
            settled = self.settled(release)
            if value in settled["values"]:
                return self._row(release, value, None) or settled["row"]
        for r in self.rows:
            if r["value"] == value:
                return r
        return None

    def first_release_with(self, value: int) -> str | None:
        for release in self.releases:
            if value in self.settled(release)["values"]:
                return release
        return None

    def later_revision(self, release: str) -> dict | None:
        """The newest release after `release` whose settled value differs."""
        here = self.settled(release)["values"]
        for r in reversed(self.releases):
            if r <= release:
                break
            settled = self.settled(r)
            if settled["values"] != here:
                row = settled["row"] or {"release": r, "value": settled["value"], "outlet": "", "source_url": ""}
                return dict(row, value=settled["value"])
        return None

    def judge(self, value: int, qual: str, release: str | None) -> dict:
        """How a figure compares with what the release under discussion (or the latest before it) settled on."""
        rel = self.as_of(release) or self.fig["release"]
        settled = self.settled(rel)
        row = settled["row"]
        out = {"row": row, "as_of": rel}
        if settled["status"] == "not_available":
            out["status"] = "not_available"
            for r in self.releases:
                if r < rel and value in self.settled(r)["values"]:
                    out["earlier_row"] = self._row(r, value, None)
            return out
        values = settled["values"]
        ok = any(fits(D(value), D(v), qual) for v in values)
        if ok:
            exact = [v for v in values if v == value]
            chosen = exact[0] if exact else settled["value"]
            out["row"] = self._row(rel, chosen, None) or row
            out["status"] = "match"
            if len(values) > 1:
                out["tied"] = " and ".join(thousands(v) for v in sorted(values))
            return out
        if qual == "exact":
            for r in reversed(self.releases):
                if r < rel and value in self.settled(r)["values"]:
                    out["status"], out["earlier_row"] = "earlier", self._row(r, value, None)
                    return out
            for r in self.releases:
                if r > rel and value in self.settled(r)["values"]:
                    out["status"], out["later_row"] = "later", self._row(r, value, None)
                    return out
            lone = [r for r in self.rows if r["value"] == value]
            basis = [r for r in lone if "like-for-like" in (r["note"] or "") or
                     (r["forces_responding"] and settled.get("forces") and r["release"] == rel
                      and r["forces_responding"] != settled["forces"])]
            if basis:
                out["status"], out["basis_row"] = "basis", basis[0]
                return out
            if lone:
                out["status"], out["misprint_row"] = "misprint", lone[0]
                publisher = self.settled(lone[0]["release"])["row"]
                if publisher:
                    out["row"] = publisher
                return out
        else:
            # a qualified figure that fits an approximate or lower-bound printing ("more than 3,000")
            for r in self.rows:
                if r["release"] == rel and r["value"] is not None and r["qualifier"] != "exact" and r["value"] == value:
                    out["status"], out["row"] = "match", r
                    return out
        out["status"] = "wrong"
        return out


class _Facts:
    """The data as the checker reads it: every report row, the settled figures and the releases."""

    def __init__(self, store):
        self.reports = store.rows("factcheck_reports")
        figures = store.rows("factcheck_figures")
        release_rows = store.rows("factcheck_releases")
        self.publishers = frozenset(r["outlet"] for r in store.rows("publishers"))
        self.keys: dict[tuple, _KeyInfo] = {}
        for f in figures:
            key = (f["geography"], f["geography_type"], f["measure"], f["year"])
            self.keys[key] = _KeyInfo(key, f, self.publishers)
            self.keys[key].releases, self.keys[key]._settled = [], {}
        self.periods: list[dict] = []
        self.years: dict[tuple, list[str]] = defaultdict(list)
        self.measures: dict[tuple, set] = defaultdict(set)
        families: dict[str, set] = {"cyber": set(), "scwc": set()}
        for r in self.reports:
            if r["year"] is None:
                self.periods.append(r)
                continue
            key = (r["geography"], r["geography_type"], r["measure"], r["year"])
            if key in self.keys:
                self.keys[key].rows.append(r)
            families["scwc" if r["measure"] == SCWC else "cyber"].add(r["release"])
        for key, info in self.keys.items():
            info.freeze()
            self.years[key[:3]].append(key[3])
            self.measures[(key[0], key[1])].add(key[2])
        for v in self.years.values():
            v.sort()
        self.family_releases = {k: sorted(v) for k, v in families.items()}
        self.nations = sorted({k[0] for k in self.keys if k[1] == "nation"})
        self.headline = {}
        self.covers: dict[tuple[str, str], str] = {}  # (release, family) -> the financial year it is about
        for r in release_rows:
            if r["covers_year"]:
                self.headline.setdefault((r["release"], r["covers_year"]), r)
                if re.fullmatch(r"\d{4}/\d{2}", r["covers_year"]):
                    family = "scwc" if "sexual_communication" in r["series"] else "cyber"
                    self.covers.setdefault((r["release"], family), r["covers_year"])

    def years_for(self, place: Place, measure: str) -> list[str]:
        return self.years.get((place.name, place.geography_type, measure), [])


# =============================================================================================== API
_checker: Checker | None = None
_lock = threading.Lock()


def get_checker() -> Checker:
    global _checker
    with _lock:
        if _checker is None:
            _checker = Checker()
        return _checker


def check(text: str) -> CheckResult:
    """Every checkable numeric claim in `text`, each with a verdict, explanation and sources."""
    return get_checker().check(text)
