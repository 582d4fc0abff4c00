"""Police recorded crime questions (Home Office and ONS force tables) -> Answers.

Why a module of its own: this is a different series from the NSPCC cyber-flag figures, with its own
rules (editions and revisions, totals composed from parts, the April 2017 burglary change, rates per
1,000 residents). Every figure comes from queries/recorded_*.sql over the tables built at load by
queries/recorded_build.sql; every answer names the series, publisher, table, edition and period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .answer import Answer, Source, region_name
from .numbers import SMALL_BASE, Change, round_half_up, thousands
from .offence_groups import BURGLARY_CHANGE, GROUPS, NEW_BURGLARY, OLD_BURGLARY
from .parse import ParseError, Request
from .periods import Period
from .places import Place

SERIES = "police recorded crime"
CHANGE_DATE = date.fromisoformat(BURGLARY_CHANGE)
BURGLARY_GROUPS = {"burglary", "theft_offences", "total_excluding_fraud", *OLD_BURGLARY, *NEW_BURGLARY}
RANKED_TYPES = ["force"]
NO_RATE_AREAS = {"City of London": "its resident population (under 10,000) is tiny beside the number of people "
                                   "who work in and visit it, so a rate per resident would be meaningless"}
POPULATION_LABEL = "ONS mid-{year} estimate (2024 revised series, after Census 2021)"
NOUNS = {"total_excluding_fraud": "crimes (total recorded crime excluding fraud)", "burglary": "burglaries",
         "robbery": "robberies", "homicide": "homicides", "shoplifting": "shoplifting offences",
         "possession_of_weapons_offences": "possession of weapons offences",
         "violence_against_the_person": "violence against the person offences",
         "theft_offences": "theft offences", "criminal_damage_and_arson": "criminal damage and arson offences",
         "stalking_and_harassment": "stalking and harassment offences", "bicycle_theft": "bicycle thefts",
         "theft_from_the_person": "thefts from the person"}
EXAMPLES = ["durham burglary 2016/17", "durham crime 2015/16 vs 2016/17", "top 5 forces for robbery 2017/18"]


def noun(group: str) -> str:
    """What '1,234 ...' counts: 'burglaries', 'vehicle offences', 'offences of violence with injury'."""
    label = GROUPS[group].label
    if group in NOUNS:
        return NOUNS[group]
    if label.endswith(("burglary",)):
        return label[:-1] + "ies"
    return label if label.endswith(("offences", "society")) else f"offences of {label}"


@dataclass
class RecordedSource(Source):
    """A table edition as a source line: publisher, table, edition, the publisher's page."""

    text: str = ""

    @property
    def release_month(self) -> str:  # render.py and Slack print it as the release
        return self.release


class RecordedAnswer(Answer):
    """An Answer from the recorded crime series; bot/charts.py draws it through chart_spec()."""

    group: str = ""

    def chart_spec(self):
        from .recorded_charts import spec

        return spec(self)


def _source(row: dict) -> RecordedSource:
    return RecordedSource(row["edition"], row["publisher"], row["source_url"] or "",
                          text=f"{row['publisher']}, {row['source_table']} ({SERIES}), {row['edition']}: "
                               f"{row['source_url'] or 'no page recorded'}")


def _sources(rows: list[dict]) -> list[Source]:
    out: list[Source] = []
    for row in rows:
        if row.get("edition"):
            s = _source(row)
            if s not in out:
                out.append(s)
    return out


def value_text(row: dict | None) -> str:
    if not row or row.get("value") is None or row.get("status") != "published":
        return "not available"
    return thousands(row["value"])


def label(row: dict) -> str:
    return Period(row["period_end"]).label


def in_period(period: Period) -> str:
    """'in 2016/17', 'in the year ending December 2018'."""
    return f"in {'' if period.financial_year else 'the '}{period.label}"


def publishers(rows: list[dict]) -> str:
    """'Home Office', or 'Home Office and ONS' when an answer's figures come from both."""
    names = list(dict.fromkeys(r["publisher"] for r in rows if r))
    return " and ".join(names)


def editions_note(rows: list[dict]) -> list[str]:
    """When the figures of one answer come from different table editions, which periods came from which."""
    spans: dict[str, list[str]] = {}
    for r in rows:
        if r:
            spans.setdefault(r["edition"], []).append(r["year"])
    if len(spans) < 2:
        return []
    parts = [f"{ys[0]}{' to ' + ys[-1] if len(ys) > 1 else ''} from the {edition}" for edition, ys in spans.items()]
    return ["Figures from different tables: " + "; ".join(parts) + " (each period from its latest edition)."]


class RecordedAnswerer:
    """Answers one parsed request with an offence group, against the answerer's store."""

    def __init__(self, answerer):
        self.answerer = answerer
        self.store = answerer.store

    # -- lookups --------------------------------------------------------------------------------
    def figure(self, place: Place, group: str, period: Period) -> dict | None:
        rows = self.store.rows("recorded_figure", area=place.name, area_type=place.geography_type,
                               offence_group=group, period_end=period.end)
        return self._row(rows[0], group) if rows else None

    def _row(self, r: dict, group: str) -> dict:
        """A figure as answers, --json and charts carry it (the stable keys plus the edition's detail)."""
        return dict(r, geography=r["area_name"], geography_code=r["area_code"] or None, year=label(r),
                    measure=f"recorded_crime:{group}", release=r["edition"], outlet=r["publisher"])

    def periods(self, group: str, area: str | None = None) -> list[Period]:
        return [Period(r["period_end"]) for r in self.store.rows("recorded_periods", offence_group=group, area=area)]

    def latest_year(self, group: str, area: str | None = None) -> Period:
        years = [p for p in self.periods(group, area) if p.financial_year]
        if not years:
            raise self._nothing(group, area)
        return years[0]

    def _nothing(self, group: str, area: str | None) -> ParseError:
        if not self.store.rows("recorded_periods", offence_group="robbery", area=None):
            return ParseError("No police recorded crime tables have been imported into this data folder. A data "
                              "editor imports them with `offences data import FILE` (see the README).",
                              ["durham 2016/17"])
        where = f" for {area}" if area else ""
        return ParseError(f"The imported police recorded crime tables have no {GROUPS[group].label} figures{where}.",
                          EXAMPLES)

    def population(self, place: Place, period: Period) -> tuple[dict | None, str | None]:
        """The population for a rate, or why there is none."""
        if place.name in NO_RATE_AREAS:
            return None, f"No rate for {place.name}: {NO_RATE_AREAS[place.name]}."
        if place.geography_type != "force":
            return None, None
        rows = self.store.rows("recorded_population", area=place.name, area_code=place.code or "",
                               mid_year=period.population_year)
        if not rows:
            return None, f"No rate: no ONS mid-{period.population_year} population estimate for {place.name} is imported."
        return rows[0], None

    def rate_line(self, place: Place, row: dict, period: Period) -> str | None:
        if row.get("value") is None or row.get("status") != "published":
            return None
        pop, why = self.population(place, period)
        if pop is None:
            return why
        rate = round_half_up(Decimal(row["value"]) * 1000 / Decimal(pop["population"]), 1)
        row["rate_per_1000"] = float(rate)
        row["population_source"] = RecordedSource(pop["edition"], pop["publisher"], pop["source_url"] or "",
                                                  text=f"{pop['publisher']}, {pop['source_table']} (population for "
                                                       f"rates), {pop['edition']}: {pop['source_url'] or ''}".rstrip(": "))
        return (f"Rate: {rate} per 1,000 residents in {period.label} ({thousands(pop['population'])} residents, "
                f"{POPULATION_LABEL.format(year=pop['mid_year'])}).")

    # -- honesty --------------------------------------------------------------------------------
    def caveats(self, rows: list[dict], group: str) -> list[str]:
        out: list[str] = []
        for row in rows:
            if not row:
                continue
            who = f"{row['geography']} {row['year']}"
            for e in row.get("earlier") or []:
                if e["value"] != row["value"] or e["status"] != row["status"]:
                    gave = "gave " + value_text(e) if e["status"] == "published" else "had it as not available"
                    out.append(f"Revised: the {e['edition']} {gave} for {who}; the latest edition "
                               f"({row['edition']}) gives {value_text(row)}.")
            if row.get("status") == "not available":
                out.append(f"Not available: the {row['edition']} prints '..' for {who} (not zero).")
        composed = [r for r in rows if r and r.get("composed")]
        if composed:
            out.append(_composed_note(composed[0], GROUPS[group].label))
        out += self._burglary(rows, group)
        if GROUPS[group].fraud:
            out.append("Fraud is outside the ONS headline total (total recorded crime excluding fraud); most fraud is "
                       "recorded by Action Fraud and the industry bodies (CIFAS, UK Finance), not by forces.")
        return out

    def _burglary(self, rows: list[dict], group: str) -> list[str]:
        """The April 2017 classification change, said when an answer's periods reach it."""
        if group not in BURGLARY_GROUPS:
            return []
        rows = [r for r in rows if r]
        old = [r for r in rows if r["period_end"] < CHANGE_DATE]
        new = [r for r in rows if r["period_start"] >= CHANGE_DATE]
        across = [r for r in rows if r["period_start"] < CHANGE_DATE <= r["period_end"]]
        if not new and not across:
            return []
        if group in OLD_BURGLARY + NEW_BURGLARY:
            return [f"Burglary was reclassified in April 2017: domestic and non-domestic burglary to March 2017, "
                    f"residential and non-residential burglary from April 2017; {GROUPS[group].label} exists only "
                    f"{'before' if group in OLD_BURGLARY else 'after'} the change."]
        if group != "burglary" and not (old or across):
            return []
        what = {"burglary": "Burglary", "theft_offences": "Theft offences include burglary, which",
                "total_excluding_fraud": "The total includes burglary, which"}[group]
        line = (f"{what} is domestic + non-domestic burglary to March 2017 and residential + non-residential "
                f"burglary from April 2017 (the Home Office classification change)")
        labels = list(dict.fromkeys(Period(r["period_end"]).label for r in across))
        if across:
            line += (f"; {', '.join(labels)} {'straddles' if len(labels) == 1 else 'straddle'} the change, "
                     "counting the old categories before April 2017 and the new ones after it")
        if old and (new or across):
            line += "; this answer spans the change: the burglary totals compare, their parts do not"
        elif not across:
            fresh = list(dict.fromkeys(Period(r["period_end"]).label for r in new))
            line += f"; {', '.join(fresh)} {'is' if len(fresh) == 1 else 'are'} on the new classification"
        return [line + "."]

    # -- shapes ---------------------------------------------------------------------------------
    def answer(self, request: Request) -> Answer:
        group = request.offence
        periods = sorted({Period.of_year(y) for y in request.years} | set(request.periods))
        intent = request.intent
        if intent == "series" and not periods and request.places[0].geography_type != "force":
            intent = "region" if request.places[0].geography_type == "region" else "national"
        if intent not in ("rank", "compare") and request.periods:
            place = request.places[0]
            kind = {"force": "figure", "region": "region", "nation": "national"}[place.geography_type]
            intent = kind if len(periods) == 1 else "change" if len(periods) == 2 else "series"
        if intent == "compare" and len(periods) > 1:
            raise ParseError("Compare several places one period at a time.", EXAMPLES)
        handler = getattr(self, "_" + intent, None)
        if handler is None:
            raise ParseError("That question is not one the police recorded crime tables can answer yet.", EXAMPLES)
        result = handler(request, group, periods)
        result.group = group
        result.caveats.append(f"Series: {SERIES} (Home Office and ONS force tables), not the NSPCC figures for "
                              "online child sexual offences.")
        if group in ("sexual_offences",):
            where = request.places[0].name.lower() if request.places else "durham"
            years = " ".join(y.label for y in request.years)
            result.caveats.append(f"This is every sexual offence the police recorded. For the NSPCC series of child "
                                  f"sexual offences with an online element, ask `/offences {where} online {years}`"
                                  .rstrip() + ".")
        return result

    def _figure(self, request: Request, group: str, periods: list[Period]) -> Answer:
        place = request.places[0]
        notes = []
        if periods:
            period = periods[0]
        else:
            period = self.latest_year(group, place.name)
            notes.append(f"Latest financial year with a figure for {place.name}: {period.label}.")
        row = self.figure(place, group, period)
        if row is None:
            raise self._missing(place, group, period)
        who = self.answerer.name(place)
        if row["status"] != "published":
            headline = f"{who}: the {GROUPS[group].label} figure for {period.label} is not available ({SERIES})."
        else:
            headline = f"{who} recorded {value_text(row)} {noun(group)} {in_period(period)} ({SERIES}, {row['publisher']})."
        lines = []
        if request.rate:
            line = self.rate_line(place, row, period)
            lines.append(line or "No rate: the figure is not available.")
        return self._done("figure", headline, lines, notes + self.caveats([row], group), [row],
                          f"{place.name}, {GROUPS[group].label}, {period.label}")

    def _missing(self, place: Place, group: str, period: Period) -> ParseError:
        have = [p for p in self.periods(group, place.name)]
        if not have:
            return self._nothing(group, place.name)
        near = sorted(have, key=lambda p: abs((p.end - period.end).days))[:3]
        if group in OLD_BURGLARY and period.end >= CHANGE_DATE or group in NEW_BURGLARY and period.end < CHANGE_DATE:
            why = " (burglary was reclassified in April 2017: ask for “burglary”, which covers both)"
            return ParseError(f"No {SERIES} figure for {place.name}, {GROUPS[group].label}, {period.label}{why}.",
                              [f"{place.name.lower()} burglary {period.label}"])
        else:
            why = ""
        first, last = min(have), max(have)
        return ParseError(f"No {SERIES} figure for {place.name}, {GROUPS[group].label}, {period.label}{why}. "
                          f"The tables have {first.label} to {last.label}.",
                          [f"{place.name.lower()} {GROUPS[group].label} {p.label}" for p in near])

    def _series(self, request: Request, group: str, periods: list[Period]) -> Answer:
        place = request.places[0]
        rows = [self._row(r, group) for r in self.store.rows("recorded_series", area=place.name,
                                                              area_type=place.geography_type, offence_group=group)]
        if periods:
            wanted = {p.end for p in periods}
            rows = [r for r in rows if r["period_end"] in wanted]
        if not rows:
            raise self._nothing(group, place.name)
        lines = []
        for row in rows:
            line = f"{row['year']}: {value_text(row)}"
            if request.rate:
                rate = self.rate_line(place, row, Period(row["period_end"]))
                if rate and rate.startswith("Rate:"):
                    line += f" ({row['rate_per_1000']} per 1,000)"
            lines.append(line)
        published = [r for r in rows if r["status"] == "published"]
        change = None
        if len(published) >= 2:
            change = Change(published[0]["value"], published[-1]["value"])
            lines.append(f"{published[0]['year']} to {published[-1]['year']}: {change.describe()}.")
        headline = (f"{self.answerer.name(place)}: {noun(group)}, {rows[0]['year']} to {rows[-1]['year']} "
                    f"({SERIES}, {publishers(rows)}).")
        caveats = self.caveats(rows, group) + editions_note(rows)
        if request.rate and place.name in NO_RATE_AREAS:
            caveats.append(f"No rate for {place.name}: {NO_RATE_AREAS[place.name]}.")
        result = self._done("series", headline, lines, caveats, rows,
                            f"{place.name}, {GROUPS[group].label}, {rows[0]['year']} to {rows[-1]['year']}")
        result.change = change
        return result

    def _change(self, request: Request, group: str, periods: list[Period]) -> Answer:
        place = request.places[0]
        first, second = periods[0], periods[-1]
        old, new = self.figure(place, group, first), self.figure(place, group, second)
        for period, row in ((first, old), (second, new)):
            if row is None:
                raise self._missing(place, group, period)
        who = self.answerer.name(place)
        caveats = self.caveats([old, new], group) + editions_note([old, new])
        title = f"{place.name}, {GROUPS[group].label}, {first.label} to {second.label}"
        if old["status"] != "published" or new["status"] != "published":
            headline = (f"{who}: no change to report for {GROUPS[group].label}, {first.label} to {second.label}: "
                        f"{first.label} {value_text(old)}, {second.label} {value_text(new)} ({SERIES}).")
            return self._done("change", headline, [], caveats, [old, new], title)
        change = Change(old["value"], new["value"])
        link = ("up from" if change.difference > 0 else "down from" if change.difference < 0 else "the same as")
        headline = (f"{who} recorded {value_text(new)} {noun(group)} {in_period(second)}, {link} {value_text(old)} "
                    f"{in_period(first)} ({SERIES}, {publishers([old, new])}).")
        detail = f"Change: {change.describe()}" + (f"; the number {change.words}." if change.words else ".")
        lines = [detail]
        if change.small_base:
            caveats.append(f"Small base: fewer than {SMALL_BASE} offences in {first.label}.")
        if request.rate:
            lines += [line for p, r in ((first, old), (second, new)) if (line := self.rate_line(place, r, p))]
        result = self._done("change", headline, lines, caveats, [old, new], title)
        result.change = change
        return result

    def _compare(self, request: Request, group: str, periods: list[Period]) -> Answer:
        period = periods[0] if periods else self.latest_year(group)
        rows, missing = [], []
        for place in request.places:
            row = self.figure(place, group, period)
            (rows if row else missing).append(row or place)
        if not rows:
            raise self._nothing(group, None)
        places = {(p.name, p.geography_type): p for p in request.places}
        lines = []
        for row in rows:
            place = places[(row["area_name"], row["area_type"])]
            line = f"{self.answerer.name(place)}: {value_text(row)}"
            if request.rate:
                rate = self.rate_line(place, row, period)
                line += f" ({row['rate_per_1000']} per 1,000 residents)" if "rate_per_1000" in row else f" ({rate})"
            lines.append(line)
        key = (lambda r: -(r.get("rate_per_1000") or -1)) if request.rate else (lambda r: -(r["value"] or -1))
        top = sorted(rows, key=key)[0]
        headline = (f"In {period.label}, {self.answerer.name(places[(top['area_name'], top['area_type'])])} recorded "
                    f"the most {noun(group)} of the {len(rows)} compared: {value_text(top)} ({SERIES}).")
        caveats = self.caveats(rows, group) + [f"No {period.label} figure for {p.name}." for p in missing]
        return self._done("compare", headline, lines, caveats, rows,
                          f"{len(rows)} places compared, {GROUPS[group].label}, {period.label}")

    def _rank(self, request: Request, group: str, periods: list[Period]) -> Answer:
        period = periods[0] if periods else self.latest_year(group)
        region = next((p for p in request.places if p.geography_type == "region"), None)
        types = RANKED_TYPES + (["btp"] if request.include_btp else [])
        rows = [self._row(r, group) for r in self.store.rows(
            "recorded_rank", offence_group=group, period_end=period.end, area_types=types,
            region=region.name if region else None, ascending=request.ascending)]
        published = [r for r in rows if r["status"] == "published"]
        if not published:
            raise self._nothing(group, None)
        caveats = []
        if request.rate:
            for r in published:
                place = self.answerer.gazetteer.places.get((r["area_name"], "force"))
                if place and place.name not in NO_RATE_AREAS:
                    self.rate_line(place, r, period)
            published = [r for r in published if "rate_per_1000" in r]
            if not published:
                raise ParseError(f"No rates for {period.label}: no ONS mid-{period.population_year} population "
                                 "estimates by police force area are imported.",
                                 [Request("rank", [], request.years, limit=request.limit, offence=group).command()])
            published.sort(key=lambda r: (r["rate_per_1000"] if request.ascending else -r["rate_per_1000"]))
            caveats.append(f"No rate for City of London: {NO_RATE_AREAS['City of London']}.")
        limit = request.limit or 10
        shown = published[:limit]
        lines = []
        for i, r in enumerate(shown, 1):
            value = f"{r['rate_per_1000']} per 1,000 ({value_text(r)})" if request.rate else value_text(r)
            lines.append(f"{i}. {r['area_name']}: {value}")
        order = "fewest" if request.ascending else "most"
        where = f" in {region_name(region.name)}" if region else ""
        basis = f"{noun(group)} per 1,000 residents" if request.rate else noun(group)
        headline = (f"Forces{where} with the {order} {basis}, {period.label} ({'bottom' if request.ascending else 'top'} "
                    f"{len(shown)} of {len(published)}; {SERIES}):")
        if not request.include_btp:
            caveats.append("British Transport Police and the fraud bodies (Action Fraud, CIFAS, UK Finance) are not "
                           "ranked: they are not territorial forces (add “including BTP” to rank British Transport Police).")
        absent = [r["area_name"] for r in rows if r["status"] != "published"]
        if absent:
            caveats.append(f"Not available for {period.label}: {', '.join(absent)} (not ranked, not zero).")
        caveats = self.caveats(shown, group) + caveats
        return self._done("rank", headline, lines, caveats, shown, f"Top {len(shown)} forces, {GROUPS[group].label}, {period.label}")

    def _region(self, request: Request, group: str, periods: list[Period]) -> Answer:
        place = request.places[0]
        period = periods[0] if periods else self.latest_year(group)
        published = self.figure(place, group, period)
        forces = self.store.rows("recorded_region_forces", region=place.name, offence_group=group, period_end=period.end)
        have = [self._row(r, group) for r in forces if r["status"] == "published"]
        lacking = [r["force"] for r in forces if r["status"] != "published"]
        lines = [f"{r['force']}: {value_text(r if r['status'] else None)}" for r in forces]
        total = sum(r["value"] for r in have)
        caveats = []
        revised = [r for r in have if published and any(  # forces a later edition changed since the region row
            e["edition"] == published["edition"] and e["value"] != r["value"] for e in r.get("earlier") or [])]
        if published and published["status"] == "published" and revised and not lacking and total != published["value"]:
            headline = (f"Forces in {region_name(place.name)} recorded {thousands(total)} {noun(group)} {in_period(period)} "
                        f"(the sum of its forces' latest figures; {SERIES}).")
            caveats.append(f"The {published['edition']} published {value_text(published)} for the region; "
                           f"{', '.join(r['area_name'] for r in revised)} {'was' if len(revised) == 1 else 'were'} "
                           "revised in a later edition, so this sums the forces' latest figures.")
            rows = have + [published]
        elif published and published["status"] == "published":
            headline = (f"Forces in {region_name(place.name)} recorded {value_text(published)} {noun(group)} {in_period(period)} "
                        f"(the figure published for the region; {SERIES}).")
            rows = [published] + have
        elif have:
            headline = (f"Forces in {region_name(place.name)} recorded {thousands(total)} {noun(group)} {in_period(period)} "
                        f"(the sum of its {len(have)} forces' figures: the tables publish no figure for the region; {SERIES}).")
            rows = have
            if lacking:
                caveats.append(f"Incomplete: not available for {', '.join(lacking)}; the sum covers the other forces only.")
        else:
            raise self._nothing(group, place.name)
        return self._done("region", headline, lines, caveats + self.caveats(rows, group), rows,
                          f"{place.name}, {GROUPS[group].label}, {period.label}")

    def _national(self, request: Request, group: str, periods: list[Period]) -> Answer:
        place = request.places[0]
        period = periods[0] if periods else self.latest_year(group)
        published = self.figure(place, group, period)
        if published and published["status"] == "published":
            headline = f"{place.name} recorded {value_text(published)} {noun(group)} {in_period(period)} ({SERIES})."
            return self._done("national", headline, [], self.caveats([published], group), [published],
                              f"{place.name}, {GROUPS[group].label}, {period.label}")
        rows = [self._row(r, group) for r in self.store.rows(
            "recorded_rank", offence_group=group, period_end=period.end, area_types=["force"], region=None,
            ascending=False)]
        nation_forces = {p.name for p in self.answerer.gazetteer.forces() if p.region
                         and (place.name != "England" or p.region != "Wales")
                         and (place.name != "Wales" or p.region == "Wales")}
        rows = [r for r in rows if r["area_name"] in nation_forces]
        have = [r for r in rows if r["status"] == "published"]
        if not have:
            raise self._nothing(group, place.name)
        total = sum(r["value"] for r in have)
        headline = (f"Forces in {place.name} recorded {thousands(total)} {noun(group)} {in_period(period)} "
                    f"(the sum of {len(have)} forces' figures, excluding British Transport Police; {SERIES}).")
        caveats = [f"The imported tables publish no {place.name} figure for {period.label}: this sums its forces."]
        if len(have) < len(nation_forces):
            caveats.append(f"Incomplete: {len(have)} of {len(nation_forces)} forces have a figure.")
        return self._done("national", headline, [], caveats + self._burglary(have, group), have,
                          f"{place.name}, {GROUPS[group].label}, {period.label}")

    def _done(self, kind: str, headline: str, lines: list[str], caveats: list[str], rows: list[dict],
              title: str) -> Answer:
        rows = [r for r in rows if r]
        sources = _sources(rows)
        for r in rows:
            if r.get("population_source") and r["population_source"] not in sources:
                sources.append(r["population_source"])
        return RecordedAnswer(ok=True, kind=kind, headline=headline, lines=lines, caveats=caveats, rows=rows,
                              sources=sources, title=title, years=list(dict.fromkeys(r["year"] for r in rows)))


def _composed_note(row: dict, label: str) -> str:
    """How a figure the table does not print was made from the cells it does print."""
    table = row["source_table"]
    if row.get("composed_from") == "quarters":
        return (f"Composed: the year is the sum of the four quarters the {table} table publishes "
                f"(each the sum of its offence codes); the table prints no annual {label} figure.")
    if row.get("composed_from") == "offence codes":
        return f"Composed: {label} is the sum of the offence codes the {table} table publishes under it."
    return f"Composed: {label} is the sum of the table's published offence groups (the {table} table does not publish this total)."
