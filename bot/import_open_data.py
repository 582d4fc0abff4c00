"""The Home Office open data table by force, quarter and offence code (prc-pfa-...-tables201718.csv).

Why its own module: one row per offence code and quarter, with quirks of its own (numbers padded
with spaces, '-00' for zero, real negative quarterly adjustments, which are kept as published), and a
grouping that differs from the rolling table's in three places, mapped here (offence_as_published
keeps the code's description and code, so nothing is hidden):
- burglary: in 2017/18 the table files the new residential codes (28E-28H, 29A) under its subgroup
  'Domestic burglary' and the business-and-community codes (30C, 30D, 31A) under 'Non-domestic
  burglary'; they go to residential / non-residential burglary (the classification in force from
  April 2017); the old '(outcome only)' codes stay domestic / non-domestic;
- the causing-death-by-driving codes sit in its 'Violence with injury' subgroup; they go to the
  rolling table's own group for them;
- subgroups finer than our groups (rape / other sexual offences, possession / trafficking of drugs,
  arson / criminal damage, robbery of business / personal property, theft of / from a vehicle,
  vehicle interference) go to the group that contains them.
Each quarter is a 3-month period; a year is the sum of its four quarters (bot/recorded.py only answers
12-month periods, so the open data table stands beside the rolling table as a check on it).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from .import_official import Areas, Refused, header, month_end, whole
from .offence_groups import group_for_label
from .places import normalise

OPEN_HEADER = ["Financial Year", "Financial Quarter", "Force Name", "Offence Description", "Offence Group",
               "Offence Subgroup", "Offence Code", "Number of Offences"]
OPEN_TABLE = "Police recorded crime open data tables (PFA)"
OPEN_URL = "https://www.gov.uk/government/statistics/police-recorded-crime-open-data-tables"
SUBGROUPS = {
    "rape offences": "sexual_offences", "other sexual offences": "sexual_offences",
    "possession of drugs": "drug_offences", "trafficking of drugs": "drug_offences",
    "arson": "criminal_damage_and_arson", "criminal damage": "criminal_damage_and_arson",
    "robbery of business property": "robbery", "robbery of personal property": "robbery",
    "theft of a motor vehicle": "vehicle_offences", "theft from a vehicle": "vehicle_offences",
    "vehicle interference": "vehicle_offences",
    "fraud action fraud": "fraud_action_fraud", "fraud cifas": "fraud_cifas", "fraud uk finance": "fraud_uk_finance",
    "fraud financial fraud action uk": "fraud_uk_finance",  # Financial Fraud Action UK became UK Finance
}
RENAMED = {"financial fraud action uk": "UK Finance"}


def is_open_data(table) -> bool:
    return header(table) == OPEN_HEADER


def _group(description: str, subgroup: str) -> str | None:
    words = normalise(description)
    if "burglary" in words and "outcome only" not in words:
        if "residential" in words:
            return "residential_burglary"
        if "business and community" in words:
            return "non_residential_burglary"
    if words.startswith("causing death") and ("driving" in words or "vehicle taking" in words):
        return "death_or_serious_injury_unlawful_driving"
    return SUBGROUPS.get(normalise(subgroup)) or group_for_label(subgroup)


def _quarter(year: str, quarter: str, line: int) -> tuple[date, date]:
    try:
        first, second = year.split("/")
        start_year, q = int(first), int(quarter)
        if int(second) != (start_year + 1) % 100 or not 1 <= q <= 4:
            raise ValueError
    except ValueError:
        raise Refused(line, f"'{year}' quarter '{quarter}' is not a quarter of a financial year") from None
    month = 4 + 3 * (q - 1)  # April, July, October, January
    start = date(start_year + (month > 12), (month - 1) % 12 + 1, 1)
    last = start.month + 2
    return start, month_end(start.year, last)


def read_open_data(table, store) -> list[tuple[str, pd.DataFrame]]:
    areas = Areas(store)
    rows = []
    for line, cells in table.rows[1:]:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(OPEN_HEADER):
            raise Refused(line, f"the row has {len(cells)} fields, the header has {len(OPEN_HEADER)}")
        year, quarter, force, description, _, subgroup, code, number = (c.strip() for c in cells)
        start, end = _quarter(year, quarter, line)
        area = areas.find(RENAMED.get(normalise(force), force))
        if area is None:
            raise Refused(line, f"{force!r} is not a police force area this knows")
        group = _group(description, subgroup)
        if group is None:
            raise Refused(line, f"offence subgroup {subgroup!r} is not one this knows (bot/import_open_data.py)")
        rows.append({"period_start": start, "period_end": end, "area": area, "group": group,
                     "published_as": f"{description} ({code})", "value": whole(number, line, "the count"),
                     "line": line})
    if not rows:
        raise Refused(1, "the table has no rows")
    first, last = min(r["period_start"] for r in rows), max(r["period_end"] for r in rows)
    edition = f"Home Office open data table (PFA), {first.year}/{last.year % 100:02d}"
    frame = pd.DataFrame([{
        "publisher": "Home Office", "source_table": OPEN_TABLE, "edition": edition, "edition_end": last,
        "published": None, "period_start": r["period_start"], "period_end": r["period_end"], "period_months": 3,
        "area_code": r["area"][0], "area_name": r["area"][1], "area_type": r["area"][2],
        "offence_group": r["group"], "offence_as_published": r["published_as"], "value": r["value"],
        "status": "published", "source_file": table.name, "source_line": r["line"], "source_url": OPEN_URL,
    } for r in rows])
    return [(f"home-office-open-data-{first:%Y-%m}-to-{last:%Y-%m}", frame)]
