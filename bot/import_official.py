"""The official tables a data desk downloads, read in their published layouts into the data contract.

Layouts (recognised by header, never by file name): the Home Office rolling table by police force area
and offence group (rec-crime-pfa.csv), ONS Table P1 reshaped long (one row per area, offence and
period, several editions in one file), and ONS mid-year populations by police force area. Each becomes
one frame per edition in the columns of queries/imported_schema.sql, validated cell by cell first: an
unknown force or offence group, a number that is not whole, a date that is not a quarter end is
refused with the file, line and reason, and nothing is written.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

import pandas as pd

from .offence_groups import GROUPS, NEW_BURGLARY, OLD_BURGLARY, group_for_label
from .places import normalise

ROLLING_HEADER = ["12 months ending", "PFA", "Region", "Offence", "Rolling year total number of offences"]
ONS_LONG_HEADER = ["period_end", "area_code", "area_name", "offence", "offence_as_published", "number_of_offences",
                   "source_workbook"]
POPULATION_HEADER = ["PFA23CD", "PFA23NM", "mid_year", "population"]

ROLLING_URL = "https://data.gov.uk/dataset/recorded-crime-data-at-police-force-area-level"
ONS_URL = ("https://www.ons.gov.uk/peoplepopulationandcommunity/crimeandjustice/datasets/"
           "policeforceareadatatables")
POPULATION_URL = ("https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/"
                  "datasets/populationestimatesforukenglandandwalesscotlandandnorthernireland")

FRAUD_BODIES = {"action fraud": "Action Fraud", "cifas": "CIFAS", "uk finance": "UK Finance"}
BTP = "British Transport Police"
WHOLE = re.compile(r"^-?\d{1,3}(?:,\d{3})+$|^-?\d+$")
QUARTER_ENDS = {(3, 31), (6, 30), (9, 30), (12, 31)}


class Refused(Exception):
    """A cell that will not be imported: (line, reason)."""


def header(table) -> list[str]:
    return [c.strip().lstrip("\ufeff") for c in table.rows[0][1]] if table.rows else []


# -- places ---------------------------------------------------------------------------------------
class Areas:
    """Published area names and codes -> the data folder's own (geographies.csv), plus BTP and fraud bodies."""

    def __init__(self, store):
        self.by_name: dict[str, tuple[str, str, str]] = {}
        self.by_code: dict[str, tuple[str, str, str]] = {}
        for g in store.rows("geographies"):
            entry = (g["code"] or "", g["name"], g["geography_type"])
            for alias in [g["name"], *(g["aliases"] or [])]:
                self.by_name.setdefault(normalise(alias), entry)
            if g["code"]:
                self.by_code[g["code"]] = entry

    def find(self, name: str, code: str = "") -> tuple[str, str, str] | None:
        """(code, canonical name, area_type) or None."""
        if normalise(name) == normalise(BTP):
            return "", BTP, "btp"
        fraud = FRAUD_BODIES.get(normalise(name))
        if fraud:
            return "", fraud, "fraud_body"
        if code and code in self.by_code:
            return self.by_code[code]
        named = self.by_name.get(normalise(re.sub(r"\[note\s*\d+\]", "", name)))
        return named


def whole(text: str, line: int, what: str) -> int:
    t = text.strip()
    if t in ("-00", "-0"):
        return 0
    if not WHOLE.match(t):
        raise Refused(line, f"{what} {text!r} is not a whole number")
    return int(t.replace(",", ""))


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def year_before(end: date) -> date:
    """The first day of the 12 months ending on `end`."""
    return date(end.year - 1, end.month, end.day) + timedelta(days=1) if not (end.month == 2 and end.day == 29) \
        else date(end.year - 1, 3, 1)


def _frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows)


# -- the Home Office rolling table ---------------------------------------------------------------
def is_rolling(table) -> bool:
    return header(table) == ROLLING_HEADER


def read_rolling(table, store) -> list[tuple[str, pd.DataFrame]]:
    areas = Areas(store)
    cells, notes = [], []
    for line, row in table.rows[1:]:
        if not any(c.strip() for c in row):
            continue
        if len(row) != 5:
            raise Refused(line, f"the row has {len(row)} fields, the header has 5")
        when, pfa, _region, offence, number = (c.strip() for c in row)
        end = _rolling_date(when, line, notes)
        area = areas.find(pfa)
        if area is None:
            raise Refused(line, f"{pfa!r} is not a police force area this knows")
        group = group_for_label(offence)
        if group is None:
            raise Refused(line, f"{offence!r} is not an offence group this knows")
        cells.append({"period_end": end, "area": area, "group": group, "offence": offence,
                      "value": whole(number, line, "the count"), "line": line})
    if not cells:
        raise Refused(1, "the table has no rows")
    _classification(cells)
    edition_end = max(c["period_end"] for c in cells)
    edition = f"Home Office recorded crime by police force area, to {calendar.month_name[edition_end.month]} {edition_end.year}"
    rows = [{"publisher": "Home Office", "source_table": "Recorded crime data at Police Force Area level",
             "edition": edition, "edition_end": edition_end, "published": None,
             "period_start": year_before(c["period_end"]), "period_end": c["period_end"], "period_months": 12,
             "area_code": c["area"][0], "area_name": c["area"][1], "area_type": c["area"][2],
             "offence_group": c["group"], "offence_as_published": c["offence"],
             "value": c["value"], "status": c.get("status", "published"), "source_file": table.name,
             "source_line": c["line"], "source_url": ROLLING_URL} for c in cells]
    return [(f"home-office-rolling-to-{edition_end.isoformat()}", _frame(rows))]


def _rolling_date(text: str, line: int, notes: list) -> date:
    m = re.fullmatch(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})", text)
    if not m:
        raise Refused(line, f"the period end {text!r} is not a date (dd-mm-yyyy)")
    day, month, year = (int(g) for g in m.groups())
    if (month, day) == (12, 30):  # the source prints one year-end as 30-12-2017: a misprint of 31-12
        day = 31
    try:
        end = date(year, month, day)
    except ValueError:
        raise Refused(line, f"the period end {text!r} is not a date") from None
    if (end.month, end.day) not in QUARTER_ENDS:
        raise Refused(line, f"the period end {text!r} is not the end of a quarter")
    return end


def _classification(cells: list[dict]) -> None:
    """The rolling table prints 0 for the burglary pair a period does not use (domestic/non-domestic from
    April 2017, residential/non-residential before): those cells are 'not applicable', never zero."""
    totals: dict[tuple, dict[str, int]] = {}
    for c in cells:
        if c["group"] in OLD_BURGLARY + NEW_BURGLARY:
            pair = "old" if c["group"] in OLD_BURGLARY else "new"
            totals.setdefault((c["area"], c["period_end"]), {"old": 0, "new": 0})[pair] += c["value"]
    for c in cells:
        if c["group"] in OLD_BURGLARY + NEW_BURGLARY:
            t = totals[(c["area"], c["period_end"])]
            pair, other = ("old", "new") if c["group"] in OLD_BURGLARY else ("new", "old")
            if t[pair] == 0 and t[other] > 0:
                c["status"] = "not applicable"


# -- ONS Table P1, reshaped long --------------------------------------------------------------------
def is_ons_long(table) -> bool:
    return header(table) == ONS_LONG_HEADER


def read_ons_long(table, store) -> list[tuple[str, pd.DataFrame]]:
    areas = Areas(store)
    editions: dict[date, list[dict]] = {}
    for line, row in table.rows[1:]:
        if not any(c.strip() for c in row):
            continue
        if len(row) != 7:
            raise Refused(line, f"the row has {len(row)} fields, the header has 7")
        period, code, name, offence, published_as, number, workbook = (c.strip() for c in row)
        m = re.fullmatch(r"(\d{4})-(\d{2})", period)
        if not m or int(m.group(2)) not in (3, 6, 9, 12):
            raise Refused(line, f"the period end {period!r} is not a quarter end (YYYY-MM)")
        end = month_end(int(m.group(1)), int(m.group(2)))
        area = areas.find(name, code)
        if area is None:
            raise Refused(line, f"{name!r} ({code or 'no code'}) is not an area this knows")
        group = group_for_label(offence) or group_for_label(published_as)
        if group is None:
            raise Refused(line, f"{offence!r} is not an offence group this knows")
        if number == "..":
            value, status = None, "not available"
        else:
            value, status = whole(number, line, "the count"), "published"
        label = f"ONS Police Force Area tables (Table P1), year ending {calendar.month_name[end.month]} {end.year} edition"
        editions.setdefault(end, []).append({
            "publisher": "ONS", "source_table": "Crime in England and Wales: Police Force Area data tables, Table P1",
            "edition": label, "edition_end": end, "published": None, "period_start": year_before(end),
            "period_end": end, "period_months": 12, "area_code": area[0] or code, "area_name": area[1],
            "area_type": area[2], "offence_group": group, "offence_as_published": published_as or offence,
            "value": value, "status": status, "source_file": f"{table.name} ({workbook})" if workbook else table.name,
            "source_line": line, "source_url": ONS_URL})
    if not editions:
        raise Refused(1, "the table has no rows")
    return [(f"ons-p1-year-ending-{end.isoformat()}", _frame(rows)) for end, rows in sorted(editions.items())]


# -- ONS populations ---------------------------------------------------------------------------------
def is_population(table) -> bool:
    return header(table)[:4] == POPULATION_HEADER


def read_population(table, store) -> list[tuple[str, pd.DataFrame]]:
    areas = Areas(store)
    rows = []
    for line, row in table.rows[1:]:
        if not any(c.strip() for c in row):
            continue
        code, name, year, population = (c.strip() for c in row[:4])
        area = areas.find(name, code)
        if area is None:
            raise Refused(line, f"{name!r} ({code}) is not a police force area this knows")
        if not re.fullmatch(r"(19|20)\d{2}", year):
            raise Refused(line, f"the mid-year {year!r} is not a year")
        rows.append({"area_code": code, "area_name": area[1], "mid_year": int(year),
                     "population": whole(population, line, "the population"), "publisher": "ONS",
                     "source_table": "Mid-year population estimates, summed to police force areas",
                     "edition": "ONS mid-year estimates, July 2024 release (revised after Census 2021)",
                     "source_file": table.name, "source_line": line, "source_url": POPULATION_URL})
    if not rows:
        raise Refused(1, "the table has no rows")
    first, last = min(r["mid_year"] for r in rows), max(r["mid_year"] for r in rows)
    return [(f"ons-population-mid{first}-mid{last}", _frame(rows))]


def period_of(frame: pd.DataFrame) -> str:
    if "period_end" in frame:
        return f"{frame['period_start'].min()} to {frame['period_end'].max()}"
    return f"mid-{frame['mid_year'].min()} to mid-{frame['mid_year'].max()}"


LAYOUTS = [
    # (layout, description, recognise, read, target table under imported/)
    ("home-office-pfa-rolling", "Home Office recorded crime by police force area and offence group, rolling "
     "12-month totals (rec-crime-pfa.csv)", is_rolling, read_rolling, "recorded_crime"),
    ("ons-table-p1-long", "ONS Police Force Area data tables, Table P1 reshaped long (period_end, area_code, "
     "area_name, offence, ..., number_of_offences, source_workbook)", is_ons_long, read_ons_long, "recorded_crime"),
    ("ons-population-pfa", "ONS mid-year population estimates by police force area (PFA23CD, PFA23NM, mid_year, "
     "population)", is_population, read_population, "populations"),
]


def _open_data_layout():
    from .import_open_data import is_open_data, read_open_data  # its own module: it imports from this one

    return ("home-office-open-data-pfa", "Home Office police recorded crime open data table by force, quarter and "
            "offence code (Financial Year, Financial Quarter, Force Name, ..., Number of Offences)",
            is_open_data, read_open_data, "recorded_crime")


LAYOUTS.append(_open_data_layout())
assert all(g in GROUPS for g in OLD_BURGLARY + NEW_BURGLARY)
