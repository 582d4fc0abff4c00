"""A reporter's words -> a typed Request, or a ParseError that says what would work.

Word order is free ("2016-17 durham" = "durham 2016-17"). Shapes: one place and a year (figure),
one place alone (series), two years (change: "vs", "from ... to ..."), several places (compare),
"top 5"/"rank" (rank), regions and nations (sums and national totals), `sources` and `help`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .places import NATIONAL_WORDS, Gazetteer, Place
from .years import FinancialYear, YearError, bare_year_options, find_years

DEFAULT_MEASURE = "cyber_flagged_child_sex_offences"
MAX_LENGTH = 300
DEFAULT_RANK = 10
MAX_RANK = 50

# Measure words -> measure. The default is the cyber-flag series.
MEASURE_WORDS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\b(grooming|sexual(?:ly)?\s+communicat\w*|scwc|sexual\s+messag\w*|s\.?\s?15a)\b", re.I),
     "sexual_communication_with_a_child"),
    (re.compile(r"\bcommunicating\s+indecently\b|\bindecent(?:ly)?\s+communicat\w*", re.I),
     "communicating_indecently_with_a_child"),
    (re.compile(r"\bcyber[\s-]+enabled\b", re.I), "cyber_enabled_sexual_crimes_against_children"),
    (re.compile(r"\bplatforms?(?:\s+known)?\b", re.I), "online_offences_platform_known"),
]
# The word that asks for each non-default measure, for writing a request back as a command.
MEASURE_KEYWORD = {
    "sexual_communication_with_a_child": "grooming",
    "communicating_indecently_with_a_child": "communicating indecently",
    "cyber_enabled_sexual_crimes_against_children": "cyber-enabled",
    "online_offences_platform_known": "platform known",
}
RATE_WORDS = re.compile(r"\b(rates?|per\s+capita|per\s+head|per\s+100,?000|per\s+100k|population)\b", re.I)
PRIVATE_WORDS = re.compile(r"\b(private(?:ly)?|just\s+me|only\s+me|dm\s+me)\b", re.I)
TOP_N = re.compile(r"\b(?:top|bottom|lowest|highest)\s*(\d{1,3})\b", re.I)
RANK_WORDS = re.compile(r"\b(rank(?:ed|ing|ings)?|league(?:\s+table)?|top|highest|most|worst|lowest|bottom|fewest)\b", re.I)
ASCENDING_WORDS = re.compile(r"\b(bottom|lowest|fewest|least)\b", re.I)
HELP_WORDS = re.compile(r"^\s*(help|\?|usage|how\s+do\s+i\s+use\s+(?:this|you)|what\s+can\s+you\s+do)\s*\??\s*$", re.I)
SOURCES_WORDS = re.compile(r"\bsources?\b", re.I)
CHANGE_WORDS = re.compile(r"\b(vs\.?|v\.?|versus|compared\s+(?:with|to)|against|from|to|change|since|between)\b", re.I)


@dataclass
class Request:
    intent: str  # help | sources | figure | series | change | compare | rank | region | national
    places: list[Place] = field(default_factory=list)
    years: list[FinancialYear] = field(default_factory=list)
    measure: str = DEFAULT_MEASURE
    latest: bool = False
    rate: bool = False
    limit: int | None = None
    ascending: bool = False
    private: bool = False
    any_scope: bool = False  # "national": the release's own headline, whatever its geography
    notes: list[str] = field(default_factory=list)  # what was assumed, said in the answer
    offence: str | None = None  # a police recorded crime offence group (bot/crime_words.py): that series
    periods: list = field(default_factory=list)  # recorded crime periods not in financial years (bot/periods.py)
    include_btp: bool = False
    text: str = ""

    def command(self, places: list[Place] | None = None, years: list[FinancialYear] | None = None) -> str:
        """The request written back as a command a reporter could type (used for suggestions)."""
        places = self.places if places is None else places
        years = self.years if years is None else years
        names = [p.name + (" region" if p.geography_type == "region" and p.name == "West Midlands" else "")
                 for p in places]
        parts: list[str] = []
        if self.intent == "rank":
            parts.append(f"top {self.limit or DEFAULT_RANK}")
        if self.intent == "compare" or len(names) > 1:
            parts.append("compare " + ", ".join(names))
        elif names:
            parts.append(names[0])
        if len(years) == 2 and self.intent == "change":
            parts.append(f"{years[0].label} to {years[1].label}")
        else:
            parts += [y.label for y in years]
        if self.latest and not years:
            parts.append("latest")
        if self.measure in MEASURE_KEYWORD:
            parts.append(MEASURE_KEYWORD[self.measure])
        if self.offence:  # police recorded crime: keep the series (bot/crime_words.py)
            from .crime_words import offence_keyword

            parts += [offence_keyword(self.offence)] + [p.label for p in self.periods]
        if self.rate:
            parts.append("rate")
        return " ".join(parts)


class ParseError(ValueError):
    """Input the bot cannot answer; `suggestions` are commands that would work."""

    def __init__(self, message: str, suggestions: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.suggestions = suggestions or []


EXAMPLES = ["durham 2016/17", "northumbria 2015/16 vs 2016/17", "top 5 2018/19"]


def clean(text: str) -> str:
    """Normalise Unicode and drop control characters, Slack's <links|labels> and markup."""
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"<(?:[^|>]*\|)?([^>]*)>", r"\1", text)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = text.replace("*", " ").replace("_", " ").replace("`", " ")
    return re.sub(r"\s+", " ", text).strip()


def parse(text: str, gazetteer: Gazetteer) -> Request:
    raw = clean(text)
    if not raw:
        raise ParseError("Ask about a police force, region or nation and a year, for example “durham 2016/17”.",
                         EXAMPLES)
    if len(raw) > MAX_LENGTH:
        raise ParseError(f"That is {len(raw):,} characters: ask one question of up to {MAX_LENGTH} characters, "
                         "for example “durham 2016/17”. To check a passage of copy, use `check`.", EXAMPLES)
    request = Request(intent="figure", text=raw)
    if HELP_WORDS.match(raw):
        request.intent = "help"
        return request
    work = raw

    def take(pattern: re.Pattern) -> re.Match | None:
        nonlocal work
        m = pattern.search(work)
        if m:
            work = work[:m.start()] + " " + work[m.end():]
        return m

    if take(PRIVATE_WORDS):
        request.private = True
    for pattern, measure in MEASURE_WORDS:
        if take(pattern):
            request.measure = measure
            break
    if request.measure == DEFAULT_MEASURE:  # offence words switch to police recorded crime
        from .crime_words import read_recorded

        work = read_recorded(request, work)
    if take(RATE_WORDS):
        request.rate = True
    wants_sources = bool(take(SOURCES_WORDS))

    top = take(TOP_N)
    rank_word = RANK_WORDS.search(work)
    if top or rank_word:
        request.intent = "rank"
        request.limit = min(int(top.group(1)), MAX_RANK) if top else DEFAULT_RANK
        request.ascending = bool(ASCENDING_WORDS.search((top.group(0) if top else "") + " " + work))
        if request.limit == 0:
            raise ParseError("“top 0” would be an empty table: ask for the top 1 to 50.", ["top 5 2018/19"])

    try:
        mentions, ambiguous = find_years(work)
    except YearError as err:
        suggestions = [_replace_first_year(raw, y) for y in err.options] or EXAMPLES
        raise ParseError(str(err) + (" Did you mean " + " or ".join(y.label for y in err.options) + "?"
                                     if err.options else ""), suggestions) from None
    for m in mentions + ambiguous:
        work = work[:m.start] + " " * (m.end - m.start) + work[m.end:]
    request.years = [m.year for m in mentions if m.year is not None]
    request.latest = any(m.year is None for m in mentions)

    matches, unknown = gazetteer.find(work)
    places = [m.place for m in matches]
    for m in matches:
        if m.how == "fuzzy":
            request.notes.append(f"Read “{m.written}” as {m.place.name}.")
        if m.written in NATIONAL_WORDS:
            request.any_scope = True
        if m.place.name in gazetteer.ambiguous_names and m.place.geography_type == "force" and m.how == "exact":
            request.notes.append(f"{m.place.name} read as the police force; say “{m.place.name} region” for the region.")
    request.places = places

    if unknown:
        first = unknown[0]
        if first.suggestions:
            suggestions = [request.command(places=places + [s] if request.intent == "compare" else
                                           [*places, s] if len(places) else [s]) for s in first.suggestions]
            names = ", ".join(f"“{s.name}”" for s in first.suggestions)
            raise ParseError(f"I don't know a force, region or nation called “{first.written}”. Did you mean {names}?",
                             suggestions)
        suggestions = [request.command(places=[s]) for s in gazetteer.suggest(first.written)]
        raise ParseError(f"I couldn't find a police force, region or nation called “{first.written}”. "
                         "Try a force (“durham”, “GMP”), a region (“north east”) or “england and wales”.",
                         suggestions or EXAMPLES)

    if ambiguous:
        bare = int(ambiguous[0].text)
        options = bare_year_options(bare)
        suggestions = [request.command(years=sorted(request.years + [o])) for o in options]
        raise ParseError(
            f"“{bare}” could mean two financial years: {options[0].label} (April {bare - 1} to March {bare}) or "
            f"{options[1].label} (April {bare} to March {bare + 1}). Which do you mean?", suggestions)

    if wants_sources:
        request.intent = "sources"
        return request
    if request.intent == "rank":
        if len(request.years) > 1:
            raise ParseError("A ranking is for one year at a time.",
                             [request.command(years=[y]) for y in request.years[:2]])
        return request
    if not places:
        raise ParseError("Which police force, region or nation? For example “durham 2016/17” or “north east 2018/19”.",
                         [request.command(places=[gazetteer.get("Durham", "force")]) if request.years else EXAMPLES[0],
                          *EXAMPLES[1:]])
    years = sorted(set(request.years))
    request.years = years
    if len(places) > 1:
        request.intent = "compare"
        if len(years) > 1:
            raise ParseError("Compare several places one year at a time, or one place across years.",
                             [request.command(years=[years[-1]]),
                              Request("change", [places[0]], years[:2], request.measure).command()])
        return request
    place = places[0]
    if len(years) >= 3:
        request.intent = "series"
    elif len(years) == 2:
        request.intent = "change"
    elif len(years) == 1 or request.latest or place.geography_type == "region":
        # A region alone means its forces in the year most of them have figures (a region's own
        # published figures are too few to make a series).
        request.intent = {"force": "figure", "region": "region", "nation": "national"}[place.geography_type]
    else:
        request.intent = "series"
    return request


def _replace_first_year(text: str, year: FinancialYear) -> str:
    return re.sub(r"(?:fy\s*)?\d{2,4}\s*[-/–—]\s*\d{2,4}", year.label, text, count=1, flags=re.I)
