"""The Home Office open data table by force, quarter and offence code: its quirks (spaces, '-00',
negative adjustments), its codes mapped to our groups, a financial year from its four quarters, and
the real 2017/18 table agreeing with the rolling table (Durham 61,150)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys

import pytest

from bot.cli import main
from bot.store import ROOT, Store

CRIME = ROOT.parent / "shared" / "crime"
OPEN = CRIME / "home_office_prc_pfa_offence_code_2017_18" / "prc-pfa-mar2013-onwards-tables201718.csv"
ROLLING = CRIME / "home_office_prc_pfa_rolling_2003_2018" / "rec-crime-pfa.csv"
HEADER = ("Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,"
          "Offence Code,Number of Offences\n")
ROWS = [
    "2017/18,1,Durham,Burglary Residential,Theft offences,Domestic burglary,28E, 679 ",
    "2017/18,1,Durham,Burglary in a dwelling(outcome only),Theft offences,Domestic burglary,28A,-00 ",
    "2017/18,4,Durham,Other miscellaneous sexual offences,Sexual offences,Other sexual offences,88C, -3 ",
    '2017/18,2,"London, City of",Robbery of personal property,Robbery,Robbery of personal property,34B, 2 ',
    "2017/18,3,Durham,Causing death or serious injury by dangerous driving,Violence against the person,"
    "Violence with injury,4.4, 1 ",
    "2017/18,1,Financial Fraud Action UK,Fraud offences recorded by FFA UK,Fraud offences,"
    "Fraud: Financial Fraud Action UK,FFA UK, 10 ",
]
# Durham robbery, two codes in each of four quarters: the year is 8 cells summed.
YEAR = [f"2017/18,{q},Durham,Robbery of {what} property,Robbery,Robbery of {what} property,{code}, {n} "
        for q in (1, 2, 3, 4) for what, code, n in (("business", "34A", q), ("personal", "34B", 10 * q))]


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("imported"))
    return target


def snapshot(folder) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def rows(data, sql, params=None):
    return Store(data)._con.execute(sql, params or {}).fetchall()


def ask(data, text) -> str:
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "ask", text, "--data", str(data)],
                          capture_output=True, text=True, cwd=ROOT)
    return proc.stdout + proc.stderr


def test_zeros_negatives_and_the_mapping_of_codes_to_groups(capsys, data, tmp_path):
    path = tmp_path / "prc-pfa-tables.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "data", "import", str(path), "--data", str(data), "--yes")
    assert code == 0, err
    assert "home-office-open-data-pfa, Home Office, Home Office open data table (PFA), 2017/18" in out
    got = rows(data, "SELECT area_name, offence_group, offence_as_published, value, period_start, period_end, "
                     "period_months FROM recorded_crime ORDER BY source_line")
    assert got[0][1:4] == ("residential_burglary", "Burglary Residential (28E)", 679)
    assert got[1][1] == "domestic_burglary" and got[1][3] == 0
    assert got[2][3] == -3 and (str(got[2][4]), str(got[2][5]), got[2][6]) == ("2018-01-01", "2018-03-31", 3)
    assert got[3][:2] == ("City of London", "robbery")
    assert got[4][1] == "death_or_serious_injury_unlawful_driving"
    assert got[5][:2] == ("UK Finance", "fraud_uk_finance")


def test_a_financial_year_is_answered_from_its_four_quarters_and_says_so(capsys, data, tmp_path):
    path = tmp_path / "prc-pfa-tables.csv"
    path.write_text(HEADER + "\n".join(YEAR) + "\n", encoding="utf-8")
    assert run(capsys, "data", "import", str(path), "--data", str(data), "--yes")[0] == 0
    out = ask(data, "durham robbery 2017/18")
    assert "Durham Constabulary recorded 110 robberies in 2017/18" in out
    assert "the sum of the four quarters the Police recorded crime open data tables (PFA) table publishes" in out
    assert "Source: Home Office, Police recorded crime open data tables (PFA)" in out


def test_three_quarters_are_not_a_year(capsys, data, tmp_path):
    path = tmp_path / "prc-pfa-tables.csv"
    path.write_text(HEADER + "\n".join(YEAR[:6]) + "\n", encoding="utf-8")
    assert run(capsys, "data", "import", str(path), "--data", str(data), "--yes")[0] == 0
    assert "recorded 60 robberies" not in ask(data, "durham robbery 2017/18")


@pytest.mark.parametrize("bad, reason", [
    (ROWS[1].replace("-00", "1.5"), "line 3: the count '1.5' is not a whole number"),
    (ROWS[0].replace("Durham", "Gotham"), "line 3: 'Gotham' is not a police force area this knows"),
    (ROWS[0].replace(",1,", ",5,"), "line 3: '2017/18' quarter '5' is not a quarter of a financial year"),
    (ROWS[2].replace("Other sexual offences", "Knife crime"), "line 3: offence subgroup 'Knife crime' is not one"),
])
def test_a_corrupt_cell_is_refused_and_nothing_changes(capsys, data, tmp_path, bad, reason):
    path = tmp_path / "prc-pfa-tables.csv"
    path.write_text(HEADER + ROWS[0] + "\n" + bad + "\n", encoding="utf-8")
    before = snapshot(data)
    code, _, err = run(capsys, "data", "import", str(path), "--data", str(data), "--yes")
    assert code == 2 and f"prc-pfa-tables.csv {reason}" in err and "nothing was written" in err
    assert snapshot(data) == before


def test_the_real_table_sums_to_the_rolling_tables_year(capsys, data):
    if not OPEN.is_file():
        pytest.skip(f"the published Home Office open data table is not here ({OPEN} is absent)")
    code, _, err = run(capsys, "data", "import", str(OPEN), "--data", str(data), "--yes")
    assert code == 0, err
    assert rows(data, "SELECT count(*) FROM recorded_crime") == [(23068,)]
    assert rows(data, "SELECT min(value) FROM recorded_crime") == [(-45,)]  # a real negative adjustment, kept
    out = ask(data, "durham crime 2017/18")
    assert "61,150 crimes" in out and "open data tables" in out
    assert "4,708 burglaries" in ask(data, "durham burglary 2017/18")
    if ROLLING.is_file():  # the rolling table's later edition answers; the same figure, so no revision line
        assert run(capsys, "data", "import", str(ROLLING), "--data", str(data), "--yes")[0] == 0
        out = ask(data, "durham crime 2017/18")
        assert "61,150 crimes" in out and "Revised" not in out
