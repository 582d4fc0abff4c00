"""Request -> Answer: the figures, the change and its honest wording, caveats and sources.

The words are built here once and rendered by bot/render.py (plain text, Block Kit) and drawn by
bot/charts.py; bot/check/ checks copy against the same figures and arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .numbers import SMALL_BASE, Change, round_half_up, thousands
from .parse import DEFAULT_RANK, EXAMPLES, MEASURE_KEYWORD, ParseError, Request, parse
from .places import Gazetteer, Place
from .live import Live
from .store import Store, get_store
from .years import FinancialYear

REPORTED = ("reported", "disputed")

# How each measure reads in a sentence ("recorded 190 <phrase> in 2016/17").
MEASURE_PHRASES = {
    "cyber_flagged_child_sex_offences": "child sexual offences with an online element",
    "sexual_communication_with_a_child": "offences of sexual communication with a child",
    "online_grooming_offences": "grooming offences (as the source labels them)",
    "online_offences_platform_known": "online child abuse offences where the platform was known",
    "communicating_indecently_with_a_child": "offences of communicating indecently with a child",
}
SHORT_MEASURE = {
    "cyber_flagged_child_sex_offences": "Online child sexual offences (cyber flag)",
    "sexual_communication_with_a_child": "Sexual communication with a child",
}
# Source notes worth passing on to a reporter (the rest, like "year from context", are bookkeeping).
WORRYING_NOTES = ("uncertain", "unclear", "garbled", "may be wrong", "misprint", "appears to cover",
                  "only", "excludes", "not stated", "loose", "mislabel")


@dataclass
class Source:
    release: str
    outlet: str
    url: str

    @property
    def release_month(self) -> str:
        return month(self.release)


@dataclass
class Answer:
    ok: bool
    kind: str
    headline: str = ""
    lines: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    error: dict | None = None
    request: Request | None = None
    change: Change | None = None
    title: str = ""  # a short neutral title: chart title, Slack notification
    years: list[str] = field(default_factory=list)  # the years the answer covers, in order

    @property
    def text(self) -> str:
        from .render import plain_text

        return plain_text(self)


# Month names from a list: calendar.month_name formats a date per call (strftime), on every answer.
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def month(release: str) -> str:
    year, mon = release.split("-")
    return f"{MONTH_NAMES[int(mon)]} {year}"


def measure_phrase(measure: str) -> str:
    return MEASURE_PHRASES.get(measure) or MEASURE_LABELS.get(measure) or measure.replace("_", " ")


# Filled from measures.csv when the Answerer starts: the label for measures without a phrase above.
MEASURE_LABELS: dict[str, str] = {}


def region_name(name: str) -> str:
    """'North East' -> 'the North East'; Wales, London and Yorkshire and The Humber take no article."""
    return name if name in ("Wales", "London", "Yorkshire and The Humber") else f"the {name}"


def official_name(place: Place, aliases: dict[tuple[str, str], list[str]]) -> str:
    """'Durham' -> 'Durham Constabulary', from the aliases the data carries."""
    if place.geography_type != "force":
        return place.name
    for alias in aliases.get(place.key, []):
        if alias.startswith(place.name) and alias.split()[-1] in ("Police", "Constabulary", "Service"):
            return alias
    return place.name


def value_text(row: dict) -> str:
    if row.get("status") == "not_available" or row.get("value") is None:
        return "not supplied"
    text = thousands(row["value"])
    if row.get("status") == "disputed":
        tied = [o["value"] for o in row.get("other_values") or [] if o.get("tied")]
        text = " or ".join(thousands(v) for v in sorted([row["value"], *tied]))
    qualifier = row.get("qualifier")
    if qualifier == "at_least":
        return "at least " + text
    if qualifier == "approximately":
        return "about " + text
    return text


def source_of(row: dict) -> Source:
    return Source(row["release"], row["outlet"], row["source_url"])


def rate_text(row: dict) -> str | None:
    if row.get("value") is None or not row.get("population"):
        return None
    rate = round_half_up(Decimal(row["value"]) * 100000 / Decimal(row["population"]), 1)
    return f"{rate} per 100,000 residents"


class Answerer:
    """Turns text into answers against one store (one per process; safe to share across threads)."""

    def __init__(self, store: Store | None = None):
        self.store = store or get_store()
        geographies = self.store.rows("geographies")
        self.gazetteer = Gazetteer(geographies)
        self.aliases = {(g["name"], g["geography_type"]): list(g["aliases"] or []) for g in geographies}
        self.publishers = frozenset(r["outlet"] for r in self.store.rows("publishers"))
        for m in self.store.rows("measures"):
            MEASURE_LABELS.setdefault(m["measure"], m["label"][0].lower() + m["label"][1:])

    # -- entry point ----------------------------------------------------------------------------
    def answer(self, text: str) -> Answer:
        from .street_answer import answer as street_answer  # street-level data (bot/street_answer.py)

        if (street := street_answer(text, self.store.data_dir)) is not None:
            return street
        try:
            request = parse(text, self.gazetteer)
            if request.offence:  # police recorded crime (bot/recorded.py)
                from .recorded import RecordedAnswerer

                result = RecordedAnswerer(self).answer(request)
            else:
                handler = getattr(self, "_" + request.intent)
                result = handler(request)
        except ParseError as err:
            return Answer(ok=False, kind="error", headline=err.message,
                          error={"message": err.message, "suggestions": err.suggestions})
        result.request = request
        result.caveats = request.notes + result.caveats
        return result

    # -- helpers --------------------------------------------------------------------------------
    def name(self, place: Place) -> str:
        return official_name(place, self.aliases)

    def subject(self, place: Place) -> str:
        if place.geography_type == "region":
            return f"Forces in {region_name(place.name)}"
        if place.geography_type == "nation":
            return f"Police forces in {'the ' if place.name == 'UK' else ''}{place.name}"
        return self.name(place)

    def _params(self, place: Place, request: Request) -> dict:
        return {"geography": place.name, "geography_type": place.geography_type, "measure": request.measure}

    def _available(self, place: Place, request: Request) -> list[dict]:
        return self.store.rows("years_available", **self._params(place, request))

    def _no_figure(self, place: Place, request: Request, years: list[FinancialYear],
                   available: list[dict] | None = None) -> ParseError:
        """The reply when a year has no figure: which years there are (available: the place's rows, when
        the caller has them already, so the reply costs no second query)."""
        if available is None:
            available = self._available(place, request)
        wanted = " and ".join(y.label for y in years)
        if not available:
            keys = self._other_measure_keys(place)
            other = [measure_phrase(m) for m in keys]
            hint = (" It does have figures for " + ", ".join(other) + ".") if other else ""
            return ParseError(f"The data has no figures for {self.name(place)} on {measure_phrase(request.measure)}.{hint}"
                              " Not every force's figures were published.",
                              [Request("series", [place], [], m).command() for m in keys if m in MEASURE_KEYWORD][:3]
                              or EXAMPLES)
        listed = ", ".join(r["year"] + (" (not supplied)" if r["status"] == "not_available" else "") for r in available)
        with_values = [FinancialYear.from_label(r["year"]) for r in available if r["status"] in REPORTED]
        target = years[0].start if years else 0
        nearest = sorted(with_values, key=lambda y: (abs(y.start - target), -y.start))[:3]
        return ParseError(f"No figure for {self.name(place)} in {wanted}. The data has {listed}.",
                          [Request("figure", [place], [y], request.measure).command() for y in nearest])

    def _other_measure_keys(self, place: Place) -> list[str]:
        rows = self.store.rows("measures_for_place", geography=place.name, geography_type=place.geography_type)
        return [r["measure"] for r in rows]

    def _latest_year(self, place: Place, request: Request, available: list[dict] | None = None) -> FinancialYear:
        if available is None:
            available = self._available(place, request)
        years = [r["year"] for r in available if r["status"] in REPORTED]
        if not years:
            raise self._no_figure(place, request, [], available)
        return FinancialYear.from_label(years[-1])

    def _figure_caveats(self, row: dict, label: str | None = None) -> list[str]:
        """Revisions, misprints, disputes and worrying source notes for one figure."""
        who = f"{label} {row['year']}" if label else row["year"]
        caveats = []
        if row.get("status") == "disputed":
            tied = [o for o in row["other_values"] if o.get("tied")]
            versions = [f"{thousands(row['value'])} ({row['outlet']})"] + [
                f"{thousands(o['value'])} ({', '.join(o['outlets'])})" for o in tied]
            caveats.append(f"Disputed: sources for the {month(row['release'])} release print different figures for "
                           f"{who}: {' and '.join(versions)}, and no publisher's page settles it.")
        for other in row.get("other_values") or []:
            if other.get("tied"):
                continue
            caveats.append(f"Also printed as {thousands(other['value'])} by {', '.join(other['outlets'])} "
                           f"({month(row['release'])} release); "
                           f"{thousands(row['value'])} is the figure {self._why_chosen(row)}.")
        for rev in row.get("revisions") or []:
            earlier = "did not supply a figure" if rev["status"] == "not_available" else f"gave {value_text(rev)}"
            now = "says it was not supplied" if row.get("status") == "not_available" else f"gives {value_text(row)}"
            caveats.append(f"Revised: the {month(rev['release'])} release {earlier} for {who} ({rev['outlet']}); "
                           f"the latest release ({month(row['release'])}) {now}.")
        note = row.get("note") or ""
        if any(word in note for word in WORRYING_NOTES) and "conflicts with" not in note:
            caveats.append(f"Source note for {who}: {note}.")
        return caveats

    def _why_chosen(self, row: dict) -> str:
        if row["outlet"] in self.publishers:
            return "the publisher's own page gives"
        return "most sources print"

    def _rate_line(self, place: Place, row: dict) -> list[str]:
        rate = rate_text(row)
        if rate is None:
            return []
        return [f"Rate: {rate} in {row['year']} ({self.name(place)}, ONS mid-2018 population of "
                f"{thousands(row['population'])})."]

    # -- intents --------------------------------------------------------------------------------
    def _help(self, request: Request) -> Answer:
        lines = [
            "`durham 2016/17` one force, one year (also 2016-17, 16/17, FY2016/17, “latest”)",
            "`northumbria` every year the data has for a force",
            "`northumbria 2015/16 vs 2016/17` the change, with honest wording",
            "`compare durham, cleveland and northumbria 2016/17` several places, one year",
            "`top 5 2018/19` forces ranked (add `rate` for per 100,000 residents)",
            "`north east 2016/17` a region: its forces summed, missing ones named",
            "`england and wales 2016/17` the national total and how many forces answered",
            "`durham grooming 2018/19` sexual communication with a child instead of the cyber-flag series",
            "`sources durham 2016/17` every release and outlet behind a figure",
            "`check <copy>` fact-check the numbers in a passage",
        ]
        return Answer(ok=True, kind="help", headline="Ask for police-recorded online child sexual offences "
                      "(NSPCC FOI figures) by force, region or nation and financial year:", lines=lines)

    def _figure(self, request: Request) -> Answer:
        place = request.places[0]
        every_year = self.store.rows("place_years", **self._params(place, request))  # the one query
        year = request.years[0] if request.years else self._latest_year(place, request, every_year)
        if not request.years:
            request.notes.append(f"Latest year with a figure for {self.name(place)}: {year.label}.")
        row = next((r for r in every_year if r["year"] == year.label), None)
        if row is None:
            raise self._no_figure(place, request, [year], every_year)
        phrase = measure_phrase(request.measure)
        if row["status"] == "not_available":
            headline = (f"{self.name(place)} did not supply a {year.label} figure for {phrase} "
                        f"to the {month(row['release'])} release.")
        else:
            headline = f"{self.subject(place)} recorded {value_text(row)} {phrase} in {year.label}."
        lines = self._rate_line(place, row) if request.rate else []
        if request.rate and not lines:
            lines = [f"No rate: the data has no population figure for {self.name(place)}."]
        caveats = self._figure_caveats(row)
        if place.geography_type == "nation" and row.get("forces_responding"):
            headline = headline[:-1] + f" ({row['forces_responding']} forces supplied figures)."
        return Answer(ok=True, kind="figure", headline=headline, lines=lines, caveats=caveats, rows=[row],
                      sources=[source_of(row)], title=f"{place.name}, {year.label}", years=[year.label])

    def _series(self, request: Request) -> Answer:
        place = request.places[0]
        rows = self.store.rows("series", **self._params(place, request))
        if request.years:
            wanted = {y.label for y in request.years}
            missing = [y for y in request.years if y.label not in {r["year"] for r in rows}]
            if missing:
                raise self._no_figure(place, request, missing)
            rows = [r for r in rows if r["year"] in wanted]
        if not rows:
            raise self._no_figure(place, request, [])
        phrase = measure_phrase(request.measure)
        headline = f"{self.subject(place)}: {phrase}, {rows[0]['year']} to {rows[-1]['year']}."
        if len(rows) == 1:
            headline = f"{self.subject(place)}: {phrase}, {rows[0]['year']} (the only year in the data)."
        lines = []
        for row in rows:
            line = f"{row['year']}: {value_text(row)}"
            if place.geography_type == "nation" and row.get("forces_responding"):
                line += f" ({row['forces_responding']} forces)"
            if request.rate and rate_text(row):
                line += f", {rate_text(row)}"
            lines.append(line)
        caveats: list[str] = []
        reported = [r for r in rows if r["status"] in REPORTED]
        change = None
        if len(reported) >= 2:
            change = Change(reported[0]["value"], reported[-1]["value"])
            lines.append(f"{reported[0]['year']} to {reported[-1]['year']}: {change.describe()}"
                         + (f"; the number {change.words}." if change.words else "."))
            caveats += self._change_caveats(place, reported[0], reported[-1], change)
        gaps = self._gaps(rows)
        if gaps:
            caveats.append(f"No figure in the data for {', '.join(gaps)}: not every release reached this "
                           f"{'force' if place.geography_type == 'force' else 'area'} or was reported.")
        for row in rows:
            caveats += self._figure_caveats(row)
        return Answer(ok=True, kind="series", headline=headline, lines=lines, caveats=caveats, rows=rows,
                      sources=_unique_sources(rows), change=change, title=f"{place.name}, {rows[0]['year']} to {rows[-1]['year']}",
                      years=[r["year"] for r in rows])

    @staticmethod
    def _gaps(rows: list[dict]) -> list[str]:
        starts = [FinancialYear.from_label(r["year"]).start for r in rows]
        if not starts:
            return []
        have = set(starts)
        return [FinancialYear(s).label for s in range(min(starts), max(starts)) if s not in have]

    def _change_caveats(self, place: Place, old: dict, new: dict, change: Change) -> list[str]:
        caveats = []
        if change.small_base:
            caveats.append(f"Small base: {thousands(change.old)} offences in {old['year']}; with fewer than "
                           f"{SMALL_BASE}, a few cases swing the percentage a lot.")
        if change.old == 0:
            caveats.append(f"No percentage: the {old['year']} figure was zero.")
        if place.geography_type == "nation" and (old.get("forces_responding") != new.get("forces_responding")
                                                 or old["release"] != new["release"]):
            caveats.append(f"Not like-for-like: national totals come from different releases "
                           f"({month(old['release'])}: {old.get('forces_responding') or 'unstated number of'} forces; "
                           f"{month(new['release'])}: {new.get('forces_responding') or 'unstated number of'} forces).")
        return caveats

    def _change(self, request: Request) -> Answer:
        place = request.places[0]
        first, second = request.years[0], request.years[-1]
        rows = self.store.rows("change", year_from=first.label, year_to=second.label, **self._params(place, request))
        by_year = {r["year"]: r for r in rows}
        missing = [y for y in (first, second) if y.label not in by_year]
        if missing:
            raise self._no_figure(place, request, missing)
        old, new = by_year[first.label], by_year[second.label]
        phrase = measure_phrase(request.measure)
        subject = self.subject(place)
        caveats = self._figure_caveats(old) + self._figure_caveats(new)
        sources = _unique_sources([old, new])
        title = f"{place.name}, {first.label} to {second.label}"
        if old["status"] not in REPORTED or new["status"] not in REPORTED:
            gone = old if old["status"] not in REPORTED else new
            have = new if gone is old else old
            headline = (f"{subject} recorded {value_text(have)} {phrase} in {have['year']}, but did not supply a "
                        f"{gone['year']} figure ({month(gone['release'])} release), so there is no change to report.")
            return Answer(ok=True, kind="change", headline=headline, caveats=caveats, rows=[old, new],
                          sources=sources, title=title, years=[first.label, second.label])
        change = Change(old["value"], new["value"])
        if change.difference > 0:
            link = f"up from {value_text(old)} in {first.label}"
        elif change.difference < 0:
            link = f"down from {value_text(old)} in {first.label}"
        else:
            link = f"the same as in {first.label}"
        headline = f"{subject} recorded {value_text(new)} {phrase} in {second.label}, {link}."
        detail = f"Change: {change.describe()}"
        if change.words and change.difference != 0:
            detail += f"; the number {change.words}."
        else:
            detail += "."
        lines = [detail]
        caveats += self._change_caveats(place, old, new, change)
        if request.rate:
            lines += [f"Rate {row['year']}: {rate_text(row)} (ONS mid-2018 population)."
                      for row in (old, new) if rate_text(row)]
        return Answer(ok=True, kind="change", headline=headline, lines=lines, caveats=caveats, rows=[old, new],
                      sources=sources, change=change, title=title, years=[first.label, second.label])

    def _compare(self, request: Request) -> Answer:
        places = request.places
        keys = [f"{p.name}|{p.geography_type}" for p in places]
        if request.years:
            year = request.years[0]
        else:
            year = self._common_year(places, request)
            request.notes.append(f"{year.label} is the latest year with figures for the most of these places.")
        rows = self.store.rows("compare", places=keys, measure=request.measure, year=year.label)
        have = {(r["geography"], r["geography_type"]) for r in rows}
        missing = [p for p in places if p.key not in have]
        reported = [r for r in rows if r["status"] in REPORTED]
        if not reported:
            raise ParseError(f"None of {', '.join(self.name(p) for p in places)} has a {year.label} figure in the data.",
                             [Request("series", [p], [], request.measure).command() for p in places[:3]])
        by_key = {p.key: p for p in places}
        if request.rate:
            rows.sort(key=lambda r: -(r["value"] or 0) * 100000 / (r["population"] or 10**12))
        phrase = measure_phrase(request.measure)
        top = rows[0]
        top_place = by_key[(top["geography"], top["geography_type"])]
        if request.rate:
            headline = (f"In {year.label}, {self.subject(top_place)} had the highest rate of {phrase} of the "
                        f"{len(reported)} compared: {rate_text(top)} ({value_text(top)}).")
        else:
            headline = (f"In {year.label}, {self.subject(top_place)} recorded the most {phrase} of the "
                        f"{len(reported)} compared: {value_text(top)}.")
        lines = []
        for row in rows:
            place = by_key[(row["geography"], row["geography_type"])]
            line = f"{self.name(place)}: {value_text(row)}"
            if request.rate:
                line += f" ({rate_text(row) or 'no population figure'})"
            lines.append(line)
        caveats = []
        for place in missing:
            caveats.append(f"No {year.label} figure for {self.name(place)} in the data.")
        for row in rows:
            if row["status"] == "not_available":
                caveats.append(f"{row['geography']} did not supply a {year.label} figure ({month(row['release'])} release).")
            caveats += self._figure_caveats(row, row["geography"])
        releases = {r["release"] for r in reported}
        if len(releases) > 1:
            caveats.append("These figures come from different releases (" + ", ".join(month(r) for r in sorted(releases))
                           + "): forces revise figures between releases.")
        if request.rate:
            caveats.append("Rates use ONS mid-2018 population estimates for every year.")
        return Answer(ok=True, kind="compare", headline=headline, lines=lines, caveats=caveats, rows=rows,
                      sources=_unique_sources(rows), title=f"{len(places)} places compared, {year.label}",
                      years=[year.label])

    def _common_year(self, places: list[Place], request: Request) -> FinancialYear:
        counts: dict[str, int] = {}
        for place in places:
            for r in self._available(place, request):
                if r["status"] in REPORTED:
                    counts[r["year"]] = counts.get(r["year"], 0) + 1
        if not counts:
            raise ParseError("None of these places has figures for " + measure_phrase(request.measure) + ".", EXAMPLES)
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        return FinancialYear.from_label(best[0])

    def _rank(self, request: Request) -> Answer:
        region = next((p for p in request.places if p.geography_type == "region"), None)
        limit = request.limit or DEFAULT_RANK
        if request.years:
            year = request.years[0]
        else:
            year = self._best_rank_year(request, region)
            request.notes.append(f"{year.label} is the year with figures for the most forces.")
        rows = self.store.rows("rank", measure=request.measure, year=year.label, limit=limit, rate=request.rate,
                               ascending=request.ascending, region=region.name if region else None)
        if not rows:
            raise ParseError(f"No force has a {year.label} figure for {measure_phrase(request.measure)} in the data.",
                             [Request("rank", [], [y], request.measure, limit=limit).command()
                              for y in self._rank_years(request)[:3]])
        with_data, in_scope = rows[0]["forces_with_data"], rows[0]["forces_in_scope"]
        ew_with_data = rows[0]["ew_forces_with_data"]
        where = f"in {region_name(region.name)} " if region else ""
        order = "lowest" if request.ascending else "highest"
        basis = "rate per 100,000 residents" if request.rate else "number of " + measure_phrase(request.measure)
        end = "bottom" if request.ascending else "top"
        headline = (f"Forces {where}with the {order} {basis}, {year.label} "
                    f"({end} {min(limit, len(rows))} of the {with_data} with figures):")
        lines = []
        for i, row in enumerate(rows, 1):
            place = self.gazetteer.get(row["geography"], "force")
            value = f"{row['rate_per_100k']} per 100,000 ({value_text(row)})" if request.rate else value_text(row)
            lines.append(f"{i}. {self.name(place)}: {value}")
        caveats = []
        if ew_with_data < in_scope:
            caveats.append(f"Incomplete: only {ew_with_data} of the {in_scope} forces {where}in England and Wales have a "
                           f"{year.label} figure in this data (it holds the figures that were published), so this "
                           f"ranks the forces with figures, not every force.")
        if with_data > ew_with_data:
            caveats.append(f"{ew_with_data} of the {with_data} forces with figures are in England and Wales; the "
                           f"others are in Northern Ireland, Scotland or Jersey.")
        for row in rows:
            caveats += self._figure_caveats(row, row["geography"])
        if request.rate:
            caveats.append("Rates use ONS mid-2018 population estimates.")
        return Answer(ok=True, kind="rank", headline=headline, lines=lines, caveats=caveats, rows=rows,
                      sources=_unique_sources(rows), years=[year.label],
                      title=f"{'Bottom' if request.ascending else 'Top'} {len(rows)} forces, {year.label}")

    def _rank_years(self, request: Request) -> list[FinancialYear]:
        rows = self.store.rows("force_years", measure=request.measure)
        ordered = sorted(rows, key=lambda r: (-r["forces"], r["year"]))
        return [FinancialYear.from_label(r["year"]) for r in ordered]

    def _best_rank_year(self, request: Request, region: Place | None) -> FinancialYear:
        years = self._rank_years(request)
        if not years:
            raise ParseError(f"No force has figures for {measure_phrase(request.measure)}.", EXAMPLES)
        return years[0]

    def _region(self, request: Request) -> Answer:
        place = request.places[0]
        if request.years:
            year = request.years[0]
        else:
            year = self._region_year(place, request)
            request.notes.append(f"{year.label} is the latest year with figures for the most of the region's forces"
                                 f"{self._other_region_years(place, request, year)}.")
        forces = self.store.rows("region", region=place.name, measure=request.measure, year=year.label)
        published = self.store.rows("figure", year=year.label, **self._params(place, request))
        supplied = [r for r in forces if r.get("status") in REPORTED]
        absent = [r for r in forces if r.get("status") not in REPORTED]
        phrase = measure_phrase(request.measure)
        total = sum(r["value"] for r in supplied)
        force_rows = [dict(r, geography_type="force") for r in forces]
        lines = [f"{self.name(self.gazetteer.get(r['geography'], 'force'))}: "
                 f"{value_text(r) if r.get('status') else 'no figure in the data'}" for r in forces]
        caveats: list[str] = []
        missing_text = ", ".join(r["geography"] + (" (not supplied)" if r.get("status") == "not_available" else "")
                                 for r in absent)
        if published:
            row = published[0]
            headline = (f"{self.subject(place)} recorded {value_text(row)} {phrase} in {year.label} "
                        f"(the figure published for the region).")
            if supplied:
                lines.append(f"Sum of the {len(supplied)} of {len(forces)} forces with figures: {thousands(total)}"
                             + (f" (missing: {missing_text})." if absent else "."))
            caveats += self._figure_caveats(row)
            rows = [row] + force_rows
            sources = _unique_sources([row] + supplied)
        else:
            if not supplied:
                raise ParseError(f"No {place.name} force has a {year.label} figure in the data.",
                                 [Request("region", [place], [y], request.measure).command()
                                  for y in self._region_years(place, request)[:3]])
            if absent:
                headline = (f"The {len(supplied)} of {len(forces)} forces in {region_name(place.name)} with figures recorded {thousands(total)} {phrase} in {year.label}.")
                caveats.append(f"Incomplete: no {year.label} figure for {missing_text}; the total covers "
                               f"{', '.join(r['geography'] for r in supplied)} only.")
            else:
                headline = (f"{self.subject(place)} recorded {thousands(total)} {phrase} in {year.label} "
                            f"(all {len(forces)} forces).")
            rows = force_rows
            sources = _unique_sources(supplied)
        for r in supplied:
            caveats += self._figure_caveats(r, r["geography"])
        if request.rate and place.population:
            rate = round_half_up(Decimal(total) * 100000 / Decimal(place.population), 1)
            lines.append(f"Rate (forces with figures, against the whole region's ONS mid-2018 population): {rate} per 100,000.")
        return Answer(ok=True, kind="region", headline=headline, lines=lines, caveats=caveats, rows=rows,
                      sources=sources, title=f"{place.name}, {year.label}", years=[year.label])

    def _other_region_years(self, place: Place, request: Request, shown: FinancialYear) -> str:
        """'; other years: 2015/16 (2 of 3 forces), 2018/19 (1 of 3 forces)' for a region asked without a year."""
        total = len(self.store.rows("region", region=place.name, measure=request.measure, year=shown.label))
        counts = {r["year"]: r["forces"] for r in self.store.rows("region_years", region=place.name,
                                                                   measure=request.measure)}
        others = [f"{y} ({n} of {total} forces)" if n else f"{y} (a published regional figure only)"
                  for y, n in sorted(counts.items()) if y != shown.label]
        return "; other years: " + ", ".join(others) if others else ""

    def _region_years(self, place: Place, request: Request) -> list[FinancialYear]:
        rows = self.store.rows("region_years", region=place.name, measure=request.measure)
        ordered = sorted(rows, key=lambda r: (-r["forces"], -FinancialYear.from_label(r["year"]).start))
        return [FinancialYear.from_label(r["year"]) for r in ordered]

    def _region_year(self, place: Place, request: Request) -> FinancialYear:
        years = self._region_years(place, request)
        if not years:
            raise self._no_figure(place, request, [])
        return years[0]

    def _national(self, request: Request) -> Answer:
        place = request.places[0]
        if request.years:
            year = request.years[0]
        else:
            rows = self.store.rows("national_years", measure=request.measure)
            if not rows:
                raise self._no_figure(place, request, [])
            year = FinancialYear.from_label(rows[-1]["year"])
            request.notes.append(f"Latest year with a national figure: {year.label}.")
        rows = self.store.rows("national", measure=request.measure, year=year.label, geography=place.name)
        reported = [r for r in rows if r["status"] in REPORTED]
        if not reported:
            years = [FinancialYear.from_label(r["year"]) for r in self.store.rows("national_years", measure=request.measure)]
            listed = ", ".join(y.label for y in years)
            raise ParseError(f"No national figure for {year.label} in the data. National figures exist for {listed}.",
                             [Request("national", [place], [y], request.measure).command()
                              for y in sorted(years, key=lambda y: abs(y.start - year.start))[:3]])
        row = next((r for r in reported if r["geography"] == place.name), reported[0])
        scope = self.gazetteer.get(row["geography"], "nation")
        caveats: list[str] = []
        if row["geography"] != place.name and not request.any_scope:
            caveats.append(f"No {place.name} figure for {year.label}: this is the {month(row['release'])} release's "
                           f"total for {row['geography']}.")
        forces = row.get("forces_responding") or row.get("release_forces_responding")
        headline = f"{self.subject(scope)} recorded {value_text(row)} {measure_phrase(request.measure)} in {year.label}"
        headline += f" ({forces} forces supplied figures)." if forces else " (number of forces responding not stated)."
        lines = []
        for other in reported:
            if other is row:
                continue
            note = f": {other['note']}" if other.get("note") and "like-for-like" in other["note"] else ""
            lines.append(f"Also: {value_text(other)} for {other['geography']} ({month(other['release'])} release{note}).")
        caveats.append("National totals are not like-for-like between releases: each covers the forces that answered "
                       "that release's FOI request, and some add Northern Ireland or the Channel Islands.")
        caveats += self._figure_caveats(row)
        if request.rate and rate_text(row):
            lines.append(f"Rate: {rate_text(row)} (ONS mid-2018 population).")
        shown = [row] + [r for r in reported if r is not row]
        return Answer(ok=True, kind="national", headline=headline, lines=lines, caveats=caveats, rows=shown,
                      sources=_unique_sources(shown), title=f"{row['geography']}, {year.label}", years=[year.label])

    def _sources(self, request: Request) -> Answer:
        if not request.places or not request.years:
            releases = self.store.rows("releases_list")
            lines = [f"{month(r['release'])} release ({r['release']}, {r['series'].replace('_', ' ')}), covering {r['covers_year']}: "
                     f"{r['figures_in_release']} figures from {r['outlets']} outlets"
                     + (f"; headline {thousands(r['headline_value'])} for {r['geography']}" if r["headline_value"] else "")
                     + (f" ({r['forces_responding']} forces)" if r["forces_responding"] else "")
                     for r in releases]
            return Answer(ok=True, kind="sources", headline=f"The data comes from {len(releases)} releases "
                          "(NSPCC Freedom of Information figures unless noted), each figure as a news or NSPCC page printed it. "
                          "Ask `sources durham 2016/17` for the pages behind one figure.", lines=lines)
        place, year = request.places[0], request.years[0]
        rows = self.store.rows("sources", year=year.label, **self._params(place, request))
        if not rows:
            raise self._no_figure(place, request, [year])
        lines = [f"{month(r['release'])}: {r['outlet']} printed {value_text(r) if r['value'] is not None else 'not supplied'}"
                 f" ({r['role']}) {r['source_url']}" for r in rows]
        sources = []
        for r in rows:
            source = Source(r["release"], r["outlet"], r["source_url"])
            if source not in sources:
                sources.append(source)
        return Answer(ok=True, kind="sources", headline=f"Sources for {self.name(place)}, {year.label} "
                      f"({measure_phrase(request.measure)}): {_plural(len(rows), 'page')} in {_plural(len({r['release'] for r in rows}), 'release')}.",
                      lines=lines, sources=sources, title=f"Sources: {place.name}, {year.label}", years=[year.label])


def _unique_sources(rows: list[dict]) -> list[Source]:
    out: list[Source] = []
    for row in rows:
        if row.get("source_url"):
            source = source_of(row)
            if source not in out:
                out.append(source)
    return out


_live = Live(lambda folder: Answerer(Store(folder)))  # the fact-checker follows it (bot.check.get_checker)


def get_answerer() -> Answerer:
    """The answerer for the data folder in use, reloaded when its files changed and the new data is valid."""
    return _live.get()


def data_version(refresh: bool = True) -> dict | None:
    """The data being served: {"hash", "loaded_at", "data_dir", "refused"} (refused: why newer files in
    the folder are not being served, or None); None before any is loaded. For /healthz (refresh=False)."""
    return _live.version(refresh)


def answer(text: str) -> Answer:
    """The one call every face (CLI, Slack, tests) uses."""
    return get_answerer().answer(text)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
