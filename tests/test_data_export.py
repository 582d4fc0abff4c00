"""`offences data export`: the canonical figures as CSV or Parquet, for other newsroom tools."""

import csv
import io

import duckdb

from bot.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_csv_to_standard_output_is_one_row_per_place_year_and_measure(capsys):
    code, out, _ = run(capsys, "data", "export", "--measure", "cyber_flagged_child_sex_offences")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["measure"] for r in rows} == {"cyber_flagged_child_sex_offences"}
    keys = [(r["geography"], r["geography_type"], r["year"]) for r in rows]
    assert len(keys) == len(set(keys))
    northumbria = next(r for r in rows if r["geography"] == "Northumbria" and r["year"] == "2015/16")
    assert (northumbria["value"], northumbria["status"], northumbria["release"]) == ("98", "reported", "2018-02")
    assert northumbria["revised_from"] == "2016-06: 170" and northumbria["source_url"].startswith("http")
    durham = next(r for r in rows if r["geography"] == "Durham" and r["year"] == "2015/16")
    assert durham["value"] == "" and durham["status"] == "not_available"


def test_parquet_through_duckdb(capsys, tmp_path):
    path = tmp_path / "figures.parquet"
    code, _, err = run(capsys, "data", "export", "--format", "parquet", "--out", str(path))
    assert code == 0 and "Wrote" in err
    con = duckdb.connect()
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))",
                             [str(path)]).fetchall())
    assert types["value"] == "BIGINT" and types["status"] == "VARCHAR"
    (value,) = con.execute("SELECT value FROM read_parquet(?) WHERE geography = 'Kent' AND year = '2016/17' "
                           "AND measure = 'cyber_flagged_child_sex_offences'", [str(path)]).fetchone()
    assert value == 361
    assert not list(tmp_path.glob(".*partial"))


def test_export_refusals(capsys, tmp_path):
    code, out, err = run(capsys, "data", "export", "--measure", "cats")
    assert code == 2 and "--measure cats: not a measure" in err and out == ""
    code, _, err = run(capsys, "data", "export", "--format", "parquet")
    assert code == 2 and "needs --out PATH" in err
    code, _, err = run(capsys, "data", "export", "--out", str(tmp_path / "no" / "such" / "x.csv"))
    assert code == 2 and "no such folder" in err
