"""Claims, results and the spans a sentence is read into: the shapes every stage passes on."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..places import Place
from ..years import FinancialYear


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
    confidence: float = 0.0  # 0-1: how firmly the copy pins down the reading checked (verdicts.confidence)
    reading: str = ""  # the interpretation checked, in words: "count · Durham Constabulary (named) · 2016/17"

    def to_dict(self) -> dict:
        return {"text": self.text, "kind": self.kind, "claimed": self.claimed, "actual": self.actual,
                "verdict": self.verdict, "explanation": self.explanation, "sources": list(self.sources),
                "confidence": self.confidence, "reading": self.reading}


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
        """The stable `offences check --json` object: {"claims": [...]} (README, design.md), each claim with
        the design's keys plus its confidence and reading."""
        return {"claims": [c.to_dict() for c in self.claims]}


def plain_text(result: CheckResult) -> str:
    """One line per claim, prefixed ✅ ❌ ❔, after a summary line (CLI and Slack's fallback text)."""
    lines = [result.summary]
    for claim in result.claims:
        lines.append(f"{ICONS.get(claim.verdict, '•')} “{claim.text}” ({claim.kind.replace('_', ' ')}): "
                     f"{claim.verdict}. {claim.explanation}")
    lines += result.notes
    return "\n".join(lines)


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
    hint_spans: list = field(default_factory=list)  # (position, hint): each release the sentence names
    first_figures: bool = False
    measure: str | None = None  # explicit measure words anywhere in the sentence
    taken: bytearray = field(default_factory=bytearray)
    notes: list[str] = field(default_factory=list)
    periods: dict = field(default_factory=dict)
    count_words: dict = field(default_factory=dict)
    total_heads: list = field(default_factory=list)
    pairs: list = field(default_factory=list)  # (old, new) count claims the copy writes as one change
    paragraph: list = field(default_factory=list, repr=False)  # the sentences of its paragraph, itself included
    nspcc_copy: bool = False  # the copy names the NSPCC series somewhere (recorded.py reads figures accordingly)

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
