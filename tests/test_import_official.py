"""`offences data import` of the official tables, on small files in each published layout made here
(with the quirks of the real ones), into a copy of the data folder: what is written, what is refused
(file, line, reason; nothing changed) and what a re-import does."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from bot.cli import main
from bot.store import ROOT, Store

ROLLING = "12 months ending,PFA,Region,Offence,Rolling year total number of offences\n"
ROLLING_ROWS = [
    "31-03-2017,Durham,North East,Domestic burglary,1685",
    "31-03-2017,Durham,North East,Non-domestic burglary,2733",
    "31-03-2017,Durham,North East,Residential burglary,0",
    "31-03-2017,Durham,North East,Non-residential burglary,0",
    "31-03-2017,Durham,North East,Robbery,150",
    "30-12-2017,Durham,North East,Robbery,170",  # the source's misprint of 31-12-2017
    "31-03-2018,Durham,North East,Domestic burglary,0",
    "31-03-2018,Durham,North East,Residential burglary,3289",
    "31-03-2018,Durham,North East,Non-residential burglary,1419",
    "31-03-2018,British Transport Police,British Transport Police,Robbery,900",
    "31-03-2018,Action Fraud,Fraud: Action Fraud,Action Fraud,250000",
]
ONS_LONG = "period_end,area_code,area_name,offence,offence_as_published,number_of_offences,source_workbook\n"
ONS_ROWS = [
    "2019-12,E23000008,Durham,Robbery,Robbery,230,pfatablesdec19.xlsx",
    "2019-12,E23000005,Greater Manchester,Robbery,Robbery,..,pfatablesdec19.xlsx",
    "2019-12,K04000001,ENGLAND AND WALES,Robbery,Robbery,77103,pfatablesdec19.xlsx",
]
POPULATION = "PFA23CD,PFA23NM,mid_year,population,constituent_LAD23_count\nE23000008,Durham,2016,620689,2\n"


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("imported"))
    return target


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(folder) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def cells(data, sql_filter: str = "") -> list[dict]:
    store = Store(data)
    return [r for r in store.cursor().execute("SELECT * FROM recorded_crime ORDER BY source_line").df()
            .to_dict("records")]


def test_the_rolling_table_is_read_with_its_quirks(tmp_path, data, capsys):
    path = write(tmp_path, "rec-crime-pfa.csv", ROLLING + "\n".join(ROLLING_ROWS) + "\n")
    code, out, err = run(capsys, "data", "import", str(path), "--data", str(data), "--yes")
    assert code == 0, err
    assert "home-office-pfa-rolling, Home Office" in out and "11 rows to imported/recorded_crime/" in out
    rows = cells(data)
    by_line = {r["source_line"]: r for r in rows}
    assert str(by_line[7]["period_end"])[:10] == "2017-12-31"  # the misprint read as the quarter end it is
    assert by_line[4]["status"] == by_line[5]["status"] == "not applicable"  # residential pair before April 2017
    assert by_line[8]["status"] == "not applicable" and by_line[9]["status"] == "published"
    assert (by_line[11]["area_type"], by_line[11]["area_code"]) == ("btp", "")
    assert (by_line[12]["area_type"], by_line[12]["offence_group"]) == ("fraud_body", "fraud_action_fraud")
    assert by_line[2]["area_code"] == "E23000008" and by_line[2]["offence_group"] == "domestic_burglary"
    code, out, _ = run(capsys, "ask", "durham burglary 2017-18", "--data", str(data))
    assert code == 0 and "4,708 burglaries" in out


@pytest.mark.parametrize("bad, reason", [
    ("31-03-2017,Durham,North East,Robbery,12x", "line 3: the count '12x' is not a whole number"),
    ("31-03-2017,Narnia,North East,Robbery,12", "line 3: 'Narnia' is not a police force area this knows"),
    ("31-03-2017,Durham,North East,Knife crime,12", "line 3: 'Knife crime' is not an offence group this knows"),
    ("15-03-2017,Durham,North East,Robbery,12", "line 3: the period end '15-03-2017' is not the end of a quarter"),
    ("31-02-2017,Durham,North East,Robbery,12", "line 3: the period end '31-02-2017' is not a date"),
])
def test_a_corrupt_cell_is_refused_naming_file_and_line_and_nothing_changes(tmp_path, data, capsys, bad, reason):
    path = write(tmp_path, "rec-crime-pfa.csv", ROLLING + ROLLING_ROWS[0] + "\n" + bad + "\n")
    before = snapshot(data)
    code, _, err = run(capsys, "data", "import", str(path), "--data", str(data), "--yes")
    assert code == 2 and f"rec-crime-pfa.csv {reason}" in err and "nothing was written" in err
    assert snapshot(data) == before


def test_importing_again_skips_and_a_corrected_edition_replaces_its_file(tmp_path, data, capsys):
    path = write(tmp_path, "rec-crime-pfa.csv", ROLLING + "\n".join(ROLLING_ROWS) + "\n")
    assert run(capsys, "data", "import", str(path), "--data", str(data), "--yes")[0] == 0
    code, out, _ = run(capsys, "data", "import", str(path), "--data", str(data), "--yes")
    assert code == 0 and "already imported" in out
    fixed = write(tmp_path, "rec-crime-pfa-fixed.csv", ROLLING + "\n".join(ROLLING_ROWS).replace(",150", ",151") + "\n")
    code, out, _ = run(capsys, "data", "import", str(fixed), "--data", str(data), "--yes")
    assert code == 0 and "replacing the same edition imported before" in out
    assert len(list((data / "imported" / "recorded_crime").glob("*.parquet"))) == 1
    robbery = [r["value"] for r in cells(data) if r["offence_group"] == "robbery" and str(r["period_end"])[:10] == "2017-03-31"]
    assert robbery == [151]


def test_ons_table_p1_long_keeps_not_available_as_not_zero(tmp_path, data, capsys):
    path = write(tmp_path, "p1_long.csv", ONS_LONG + "\n".join(ONS_ROWS) + "\n")
    code, out, err = run(capsys, "data", "import", str(path), "--data", str(data), "--yes")
    assert code == 0, err
    assert "year ending December 2019 edition" in out
    gmp = [r for r in cells(data) if r["area_name"] == "Greater Manchester"]
    assert len(gmp) == 1 and gmp[0]["status"] == "not available" and gmp[0]["value"] is None
    assert {r["area_type"] for r in cells(data)} == {"force", "nation"}


def test_populations_give_rates(tmp_path, data, capsys):
    rolling = write(tmp_path, "rec-crime-pfa.csv", ROLLING + "\n".join(ROLLING_ROWS) + "\n")
    people = write(tmp_path, "pfa_population.csv", POPULATION)
    assert run(capsys, "data", "import", str(rolling), str(people), "--data", str(data), "--yes")[0] == 0
    code, out, _ = run(capsys, "ask", "durham robbery rate 2016-17", "--data", str(data))
    assert code == 0 and "per 1,000 residents" in out and "620,689" in out


def test_a_damaged_imported_file_stops_the_data_check_naming_it(tmp_path, data, capsys):
    path = write(tmp_path, "rec-crime-pfa.csv", ROLLING + "\n".join(ROLLING_ROWS) + "\n")
    assert run(capsys, "data", "import", str(path), "--data", str(data), "--yes")[0] == 0
    (parquet,) = (data / "imported" / "recorded_crime").glob("*.parquet")
    parquet.write_bytes(parquet.read_bytes()[:200])
    code, out, err = run(capsys, "data", "check", "--data", str(data))
    assert code == 2 and f"imported/recorded_crime/{parquet.name}" in out + err
