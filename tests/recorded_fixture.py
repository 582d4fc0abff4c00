"""A small police recorded crime data folder in the contract's Parquet schema, written by the tests.

Two editions: a Home Office rolling-table edition (leaf groups only, structural zeros either side of
the April 2017 burglary change, British Transport Police and Action Fraud rows) and an ONS Table P1
edition for the year ending March 2018 that publishes totals, a region row and one '..' cell, and
revises Durham. Figures are made up but add up the way the published tables do.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
HO_URL = "https://www.gov.uk/government/statistics/police-recorded-crime-open-data-tables"
ONS_URL = "https://www.ons.gov.uk/peoplepopulationandcommunity/crimeandjustice/datasets/policeforceareadatatables"
POP_URL = "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates"

# Leaf groups other than burglary, with a base value per force (scaled by year below).
LEAVES = {"homicide": 4, "death_or_serious_injury_unlawful_driving": 10, "violence_with_injury": 4000,
          "violence_without_injury": 4000, "stalking_and_harassment": 3000, "sexual_offences": 1000,
          "robbery": 150, "vehicle_offences": 2500, "theft_from_the_person": 200, "bicycle_theft": 500,
          "shoplifting": 3500, "other_theft_offences": 4500, "criminal_damage_and_arson": 8000,
          "drug_offences": 1000, "possession_of_weapons_offences": 150, "public_order_offences": 2500,
          "miscellaneous_crimes_against_society": 900}
FORCES = {"Durham": ("E23000008", 1.0), "Cleveland": ("E23000013", 1.2), "Northumbria": ("E23000007", 2.0),
          "City of London": ("E23000034", 0.1)}
CODES = {"Durham": "E23000008", "Cleveland": "E23000013", "Northumbria": "E23000007",
         "City of London": "E23000034"}


def _row(**kw) -> dict:
    base = dict(publisher="Home Office", source_table="Recorded crime data at Police Force Area level",
                edition="Home Office PFA table, to December 2018", edition_end=date(2018, 12, 31), published="2019-04",
                period_months=12, area_code="", area_type="force", offence_as_published="", status="published",
                source_file="rec-crime-pfa.csv", source_line=2, source_url=HO_URL)
    base.update(kw)
    return base


def rolling_rows() -> list[dict]:
    rows = []
    line = 2
    for fy_end in range(2003, 2019):
        end, start = date(fy_end, 3, 31), date(fy_end - 1, 4, 1)
        scale = 1 + (fy_end - 2003) * 0.05
        for force, (code, size) in FORCES.items():
            def add(group, value, status="published"):
                nonlocal line
                rows.append(_row(period_start=start, period_end=end, area_code=code, area_name=force,
                                 offence_group=group, offence_as_published=group, value=value, status=status,
                                 source_line=line))
                line += 1
            for group, base in LEAVES.items():
                add(group, round(base * size * scale))
            new = fy_end >= 2018
            add("domestic_burglary", 0 if new else round(1700 * size * scale), "not applicable" if new else "published")
            add("non_domestic_burglary", 0 if new else round(2700 * size * scale), "not applicable" if new else "published")
            add("residential_burglary", round(3000 * size * scale) if new else 0, "published" if new else "not applicable")
            add("non_residential_burglary", round(1700 * size * scale) if new else 0, "published" if new else "not applicable")
            if fy_end >= 2012:
                add("fraud_offences", round(300 * size))
        rows.append(_row(period_start=start, period_end=end, area_name="British Transport Police", area_type="btp",
                         offence_group="robbery", value=99999, source_line=line))
        rows.append(_row(period_start=start, period_end=end, area_name="Action Fraud", area_type="fraud_body",
                         offence_group="fraud_action_fraud", value=250000, source_line=line + 1))
        line += 2
    # a rolling year ending December 2017 (a quarter-end period), Durham only
    rows.append(_row(period_start=date(2017, 1, 1), period_end=date(2017, 12, 31), area_code=CODES["Durham"],
                     area_name="Durham", offence_group="robbery", value=222, source_line=line))
    # ...and burglary in it, across the April 2017 change: both the old and the new categories count
    for n, (group, value) in enumerate([("domestic_burglary", 1000), ("non_domestic_burglary", 2000),
                                        ("residential_burglary", 500), ("non_residential_burglary", 300)], 1):
        rows.append(_row(period_start=date(2017, 1, 1), period_end=date(2017, 12, 31), area_code=CODES["Durham"],
                         area_name="Durham", offence_group=group, value=value, source_line=line + n))
    return rows


def ons_rows() -> list[dict]:
    """ONS P1, year ending March 2018: published totals, a North East row, a '..' cell, Durham revised."""
    common = dict(publisher="ONS", source_table="Crime in England and Wales: Police Force Area data tables, Table P1",
                  edition="ONS Table P1, year ending March 2018 edition", edition_end=date(2018, 3, 31),
                  published="2018-07", period_start=date(2017, 4, 1), period_end=date(2018, 3, 31),
                  source_file="ons_p1.csv", source_url=ONS_URL)
    rows = []
    rows.append(_row(**common, area_code=CODES["Durham"], area_name="Durham", offence_group="robbery", value=345,
                     source_line=10))
    rows.append(_row(**common, area_code=CODES["Cleveland"], area_name="Cleveland", offence_group="robbery",
                     value=None, status="not available", source_line=11))
    rows.append(_row(**common, area_code="E12000001", area_name="North East", area_type="region",
                     offence_group="robbery", value=1000, source_line=12))
    return rows


def population_rows() -> list[dict]:
    rows = []
    for force, (code, size) in FORCES.items():
        for year in range(2011, 2024):
            rows.append(dict(area_code=code, area_name=force, mid_year=year,
                             population=8600 if force == "City of London" else round(630000 * size),
                             publisher="ONS", source_table="Mid-year population estimates by police force area",
                             edition="mid-2011 to mid-2023, July 2024 release (revised after Census 2021)",
                             source_file="pfa_population.csv", source_line=2, source_url=POP_URL))
    return rows


def _write(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.register("frame", frame)
    con.execute(f"COPY frame TO '{path}' (FORMAT parquet)")  # a test-made path, not user input
    con.close()


def make_data_dir(folder: Path) -> Path:
    """A copy of the repository's data/ with the fixture tables imported beside it."""
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("imported"))
    _write(pd.DataFrame(rolling_rows()), folder / "imported" / "recorded_crime" / "home-office-rolling.parquet")
    _write(pd.DataFrame(ons_rows()), folder / "imported" / "recorded_crime" / "ons-p1-ye-mar-2018.parquet")
    _write(pd.DataFrame(population_rows()), folder / "imported" / "populations" / "ons-pfa-population.parquet")
    return folder
