"""Street files made here (ASB without a Crime ID, a row without coordinates, a row located in another
force's area), imported with `offences data import` into a tmp data folder, then asked about."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from bot.cli import main
from bot.store import ROOT
from bot.street_answer import answer

HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
          "Last outcome category,Context\n")


def row(month, crime_type="Burglary", lsoa=("E01008000", "Sunderland 012B"), crime_id="abc", lon="-1.38", lat="54.9",
        force="Northumbria Police"):
    return (f"{crime_id},{month},{force},{force},{lon},{lat},On or near High Street,{lsoa[0]},{lsoa[1]},"
            f"{crime_type},Under investigation,\n")


def street_file(folder: Path, month: str, rows: list[str], force="northumbria") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{month}-{force}-street.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("imported"))
    return folder


def imp(data, *paths, capsys=None):
    return main(["data", "import", *map(str, paths), "--data", str(data)])


def sample(folder: Path, month="2021-01", burglaries=3) -> Path:
    rows = [row(month) for _ in range(burglaries)]
    rows.append(row(month, "Anti-social behaviour", crime_id=""))  # ASB rows carry no Crime ID
    rows.append(row(month, "Shoplifting", lon="", lat="", lsoa=("", "")))  # no location at all
    rows.append(row(month, "Robbery", lsoa=("E01021268", "Basildon 015B")))  # located in Essex
    return street_file(folder, month, rows)


def test_small_files_import_and_answer(data, tmp_path, capsys):
    sample(tmp_path / "in", "2021-01")
    sample(tmp_path / "in", "2021-03", burglaries=600)  # a place is a force's when it holds >= 0.5% of its rows
    assert imp(data, tmp_path / "in") == 0
    out = capsys.readouterr().out
    assert "northumbria 2021-01: 6 records" in out and "Imported 609 street records from 2 files" in out
    got = answer("sunderland burglary 2021", data)
    assert got.ok and "Sunderland: 603 burglary records in 2021" in got.text
    assert any("February 2021" in c and "not counted as zero" in c for c in got.caveats)  # Feb is missing
    assert "Feb not imported" in got.text
    crime = answer("sunderland crime january 2021", data)
    assert "Sunderland: 3 crime records (excluding anti-social behaviour)" in crime.text
    asb = answer("sunderland asb january 2021", data)
    assert "1 anti-social behaviour incidents" in asb.text
    force = answer("northumbria street crime january 2021", data)  # by Falls within: the Basildon row counts
    assert "Northumbria Police: 5 crime records" in force.text
    far = answer("basildon robbery 2021", data)
    assert not far.ok and "not in the area of a force" in far.text
    assert "police-uk-street" in (data / "manifest.csv").read_text()


def test_a_zip_as_delivered_skips_outcomes(data, tmp_path, capsys):
    src = sample(tmp_path / "in", "2021-02")
    archive = tmp_path / "police.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(src, "2021-02/2021-02-northumbria-street.csv")
        z.writestr("2021-02/2021-02-northumbria-outcomes.csv", "Crime ID,Month\n")
    assert imp(data, archive) == 0
    out = capsys.readouterr().out
    assert "outcomes or stop and search, skipped" in out and "6 records" in out


def test_a_corrupt_month_is_refused_with_file_line_and_reason_and_nothing_changes(data, tmp_path, capsys):
    sample(tmp_path / "good", "2021-01")
    assert imp(data, tmp_path / "good") == 0
    before = sorted(p.relative_to(data) for p in data.rglob("*"))
    manifest = (data / "manifest.csv").read_bytes()
    bad = tmp_path / "bad"
    sample(bad, "2021-04")
    street_file(bad, "2021-05", [row("2021-05"), row("2021-05"), row("2021-05", "Knife crime")])
    assert imp(data, bad) == 2
    err = capsys.readouterr().err
    assert "2021-05-northumbria-street.csv line 4" in err and 'crime type "Knife crime"' in err
    assert "nothing was written" in err
    assert sorted(p.relative_to(data) for p in data.rglob("*")) == before
    assert (data / "manifest.csv").read_bytes() == manifest
    street_file(bad, "2021-05", [row("2021-06")])
    assert imp(data, bad) == 2
    assert "line 2: Month is 2021-06, the file is for 2021-05" in capsys.readouterr().err
    street_file(bad, "2021-05", [row("2021-05", lsoa=("X0100", "Sunderland 001A"))])
    assert imp(data, bad) == 2
    assert 'LSOA code "X0100"' in capsys.readouterr().err


def test_a_reimported_month_replaces_the_old_and_says_so(data, tmp_path, capsys):
    sample(tmp_path / "a", "2021-01", burglaries=3)
    assert imp(data, tmp_path / "a") == 0
    assert "3 burglary" in answer("sunderland burglary january 2021", data).text
    sample(tmp_path / "b", "2021-01", burglaries=10)
    assert imp(data, tmp_path / "b") == 0
    assert "northumbria 2021-01: replaced 6 records with 13" in capsys.readouterr().out
    assert "10 burglary" in answer("sunderland burglary january 2021", data).text  # the store reloaded


def test_not_street_questions_are_left_alone(data, tmp_path):
    sample(tmp_path / "in", "2021-01")
    assert imp(data, tmp_path / "in") == 0
    assert answer("durham 2016-17", data) is None
    assert answer("durham burglary 2016-17", data) is None
    assert answer("sunderland burglary 2021", tmp_path / "nothing") is None  # no street data imported


def test_a_data_folder_with_an_apostrophe_imports_and_answers(tmp_path, capsys):
    """Folder paths reach DuckDB statements that take no bound parameters (SET, COPY ... TO): a quote
    in a newsroom's folder name ("editor's data") must not break the import or the answers."""
    data = tmp_path / "editor's data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("imported"))
    sample(tmp_path / "in", "2021-01", burglaries=5)
    assert imp(data, tmp_path / "in") == 0
    got = answer("sunderland burglary january 2021", data)
    assert got.ok and "Sunderland: 5 burglary records" in got.text
