"""`offences data import`: files, folders and zips by layout, validated first, written atomically, with a manifest."""

import csv
import hashlib
import shutil
import zipfile

import pytest

from bot.cli import main
from bot.store import ROOT

HEADER = "geography,geography_type,year,measure,value,qualifier,release,forces_responding,outlet,source_url,note\n"
GWENT = "Gwent,force,2017/18,sexual_communication_with_a_child,44,exact,2018-08,,bbc.co.uk,https://www.bbc.co.uk/news/uk-wales-45346319,\n"
UNKNOWN = "Crime type,Month,Falls within,Count\nViolence,2024-01,Durham Constabulary,5\n"


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def snapshot(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_says_which_layouts_it_knows(capsys):
    code, out, _ = run(capsys, "data", "import", "--list")
    assert code == 0 and "offences-reports:" in out
    assert all(f"{layout}:" in out for layout in ("home-office-pfa-rolling", "ons-table-p1-long", "ons-population-pfa"))
    assert "police-uk-street: data.police.uk street-level files" in out


def test_an_unknown_layout_refuses_the_whole_batch(capsys, data, tmp_path):
    good, odd = tmp_path / "good.csv", tmp_path / "street.csv"
    good.write_text(HEADER + GWENT, encoding="utf-8")
    odd.write_text(UNKNOWN, encoding="utf-8")
    before = snapshot(data)
    code, _, err = run(capsys, "data", "import", str(good), str(odd), "--data", str(data), "--yes")
    assert code == 2
    assert "street.csv: not a layout this knows (header: Crime type, Month, Falls within, Count)" in err
    assert "Known layouts: offences-reports" in err and "nothing was written" in err
    assert snapshot(data) == before


def test_a_table_is_imported_with_a_manifest_and_a_second_import_adds_nothing(capsys, data, tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text(HEADER + GWENT, encoding="utf-8")
    code, out, err = run(capsys, "data", "import", str(path), "--data", str(data), "--yes")
    assert code == 0, err
    assert "corrections.csv: offences-reports, bbc.co.uk, 2017/18: 1 new row for reports.csv" in out
    assert "Gwent 2017/18 sexual_communication_with_a_child: 44 (2018-08 release)" in out
    (entry,) = list(csv.DictReader(open(data / "manifest.csv", encoding="utf-8")))
    assert entry["file"] == "corrections.csv" and entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (entry["layout"], entry["publisher"], entry["period"], entry["rows"]) == ("offences-reports", "bbc.co.uk", "2017/18", "1")
    assert entry["imported_at"].endswith("+00:00")
    code, out, _ = run(capsys, "ask", "gwent grooming 2017/18", "--data", str(data))
    assert code == 0 and "44" in out
    code, out, _ = run(capsys, "data", "check", "--data", str(data))
    assert "Imported tables (1, from manifest.csv):\n  corrections.csv (offences-reports, bbc.co.uk, 2017/18): 1 rows" in out
    before = snapshot(data)
    code, out, _ = run(capsys, "data", "import", str(path), "--data", str(data), "--yes")
    assert code == 0 and "already imported" in out and snapshot(data) == before


def test_folders_and_zips(capsys, data, tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "a.csv").write_text(HEADER + GWENT, encoding="utf-8")
    archive = tmp_path / "tables.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("tables/b.csv", HEADER + GWENT.replace(",44,", ",45,").replace("2018-08", "2018-09"))
    code, out, err = run(capsys, "data", "import", str(folder), str(archive), "--data", str(data), "--yes")
    assert code == 0, err
    assert "a.csv: offences-reports" in out and "tables.zip:tables/b.csv: offences-reports" in out
    assert len(list(csv.DictReader(open(data / "manifest.csv", encoding="utf-8")))) == 2


def test_a_bad_row_in_an_imported_table_changes_nothing(capsys, data, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + GWENT + GWENT.replace("Gwent", "Atlantis"), encoding="utf-8")
    before = snapshot(data)
    code, _, err = run(capsys, "data", "import", str(path), "--data", str(data), "--yes")
    assert code == 2 and "bad.csv (row 2 of those added): unknown geography 'Atlantis'" in err, err
    assert snapshot(data) == before


def test_missing_paths_are_refused(capsys, data, tmp_path):
    code, _, err = run(capsys, "data", "import", str(tmp_path / "nope.zip"), "--data", str(data))
    assert code == 2 and "not a readable zip file" in err
    code, _, err = run(capsys, "data", "import", str(tmp_path / "nope.csv"), "--data", str(data))
    assert code == 2 and "no such file or folder" in err
