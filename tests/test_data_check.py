"""`offences data check`: the start-up validation on demand, and the summary a data editor reads."""

import shutil

import pytest

from bot.cli import main
from bot.store import ROOT


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def test_check_summarises_valid_data(capsys, data_copy):
    code, out, err = run(capsys, "data", "check", "--data", str(data_copy))
    assert code == 0, err
    assert f"Data folder: {data_copy} (hash " in out
    rows = sum(len((data_copy / f).read_text(encoding="utf-8").splitlines()) - 1
               for f in ("reports.csv", "reports_other_periods.csv"))
    assert f"Valid: {rows} report rows give " in out
    # figures per measure and release
    assert "  cyber_flagged_child_sex_offences\n    2016-06: 17 (11 current) · 2015/16" in out
    # forces with no figure, per year
    assert ("cyber_flagged_child_sex_offences 2018/19: 24 of 43 forces have a figure; none in the data: "
            "Avon and Somerset") in out and "not supplied: Dyfed-Powys" in out
    # what deserves a second look
    assert "Lancashire 2018/19 cyber_flagged_child_sex_offences: 66 (2020-09 release) or 67" in out
    assert "Northumbria 2015/16 cyber_flagged_child_sex_offences: 98 (2018-02 release); earlier: 2016-06: 170" in out
    assert "5653 (2017-06 release); also printed as 5643 (standard.co.uk)" in out
    assert "Imported tables: none yet" in out


def test_check_refuses_bad_data_naming_every_problem(capsys, data_copy):
    reports = data_copy / "reports.csv"
    text = reports.read_text(encoding="utf-8").replace(",3903,", ",39o3,", 1).replace(",2017-06,,hartlepoolmail", ",2017-13,,hartlepoolmail", 1)
    reports.write_text(text, encoding="utf-8")
    before = reports.read_bytes()
    code, out, err = run(capsys, "data", "check", "--data", str(data_copy))
    assert code == 2 and out == ""
    first, *rest = err.strip().splitlines()
    assert first.startswith(f"offences: data check failed: {data_copy}/reports.csv line 7: value '39o3' is not a whole number")
    assert rest == [f"  {data_copy}/reports.csv line 51: release '2017-13' is not a month written YYYY-MM"]
    assert reports.read_bytes() == before and "Traceback" not in err


def test_check_names_a_broken_row_at_its_line(capsys, data_copy):
    reports = data_copy / "reports.csv"
    lines = reports.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[59] = lines[59].rstrip("\n") + ",extra\n"
    reports.write_text("".join(lines), encoding="utf-8")
    code, _, err = run(capsys, "data", "check", "--data", str(data_copy))
    assert code == 2 and f"{data_copy}/reports.csv line 60: too many fields" in err


def test_data_alone_says_what_to_do(capsys):
    code, _, err = run(capsys, "data")
    assert code == 2 and "offences data check | add | import | export" in err
