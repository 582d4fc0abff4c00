"""`offences data add`: a release in, end to end, on copies of data/; bad input changes nothing."""

import hashlib
import io
import os
import shutil

import pytest

from bot.answer import answer
from bot.cli import main
from bot.store import ROOT, Store, use_data_dir

URL = "https://www.nspcc.org.uk/about-us/news-opinion/2026/online-offences/"
GOOD = """Police force,Financial year,Offences,Measure
Durham Constabulary,2016/17,200,cyber_flagged_child_sex_offences
Gwent Police,April 2017 to March 2018,n/a,cyber flag
Northumbira,2018-19,"1,204",cyber_flagged_child_sex_offences
"""


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def snapshot(folder):
    """Every file in the folder and its bytes: 'nothing changed' means this is equal."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def add(capsys, data, path, *extra, release="2026-06"):
    code = main(["data", "add", str(path), "--release", release, "--outlet", "nspcc.org.uk", "--url", URL,
                 "--data", str(data), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, text, name="release.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def ask(data, question):
    use_data_dir(data)
    try:
        return answer(question)
    finally:
        use_data_dir(None)


def test_a_good_release_end_to_end(capsys, data, tmp_path):
    assert ask(data, "durham 2016-17").text.startswith("Durham Constabulary recorded 190")
    code, out, err = add(capsys, data, write(tmp_path, GOOD), "--yes")
    assert code == 0, err
    # the change is shown before it is written
    assert "Durham 2016/17 cyber_flagged_child_sex_offences: 190 (2017-06) -> 200 (2026-06)" in out
    assert "Gwent 2017/18 cyber_flagged_child_sex_offences: not supplied (2026-06 release)" in out
    assert "'Northumbira' read as Northumbria" in out
    assert "Northumbria 2018/19 cyber_flagged_child_sex_offences: 1204 (2026-06 release)" in out
    assert "Forces of England and Wales with no figure here for cyber_flagged_child_sex_offences 2016/17: 42" in out
    assert "Written to" in out
    # the answer changes, names the new release and shows the old figure as a revision
    durham = ask(data, "durham 2016-17")
    assert durham.text.startswith("Durham Constabulary recorded 200")
    assert "the June 2017 release gave 190" in durham.text
    assert f"Source: nspcc.org.uk, June 2026 release: {URL}" in durham.text
    rows = (data / "reports.csv").read_text(encoding="utf-8").splitlines()
    assert rows[-1] == f"Northumbria,force,2018/19,cyber_flagged_child_sex_offences,1204,exact,2026-06,,nspcc.org.uk,{URL},"
    assert not [p for p in data.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_the_same_release_twice_is_refused(capsys, data, tmp_path):
    path = write(tmp_path, GOOD)
    assert add(capsys, data, path, "--yes")[0] == 0
    before = snapshot(data)
    code, _, err = add(capsys, data, path, "--yes")
    assert code == 2 and "already in" in err and "nothing to add" in err
    assert snapshot(data) == before


@pytest.mark.parametrize("row, reason", [
    ("Atlantis,2016/17,5,cyber_flagged_child_sex_offences", "'Atlantis' is not a place in geographies.csv"),
    ("Durham,2017,5,cyber_flagged_child_sex_offences", "year '2017' could be either financial year"),
    ("Durham,2016/17,12.5,cyber_flagged_child_sex_offences", "value '12.5' is not a whole number"),
    ("Durham,2016/17,-5,cyber_flagged_child_sex_offences", "value '-5' is not a whole number"),
    ("Durham,2016/17,lots,cyber_flagged_child_sex_offences", "value 'lots' is not a whole number"),
    ("Durham,2016/17,5,cyber_cats", "measure 'cyber_cats' is not in measures.csv"),
    ("Durham,2016/17,5,", "no measure"),
    ("Durham,2016/17,190,cyber_flagged_child_sex_offences", "gives Durham 2016/17 cyber_flagged_child_sex_offences again (row 2"),
])
def test_a_bad_row_is_refused_and_nothing_changes(capsys, data, tmp_path, row, reason):
    before = snapshot(data)
    text = "Police force,Financial year,Offences,Measure\nDurham,2016/17,190,cyber_flagged_child_sex_offences\n" + row + "\n"
    code, out, err = add(capsys, data, write(tmp_path, text), "--yes")
    assert code == 2, out
    assert f"release.csv row 3: {reason}" in err, err
    assert "nothing was written" in err and "Traceback" not in err
    assert snapshot(data) == before


def test_every_bad_row_is_listed(capsys, data, tmp_path):
    text = "force,year,value,measure\nAtlantis,2016/17,5,cyber flag\nDurham,2016/17,lots,cyber flag\nKent,2016/17,9,cyber flag\n"
    code, _, err = add(capsys, data, write(tmp_path, text), "--yes")
    assert code == 2 and "row 2: 'Atlantis'" in err and "row 3: value 'lots'" in err and "row 4" not in err


@pytest.mark.parametrize("text, reason", [
    ("Police force,Colour,Offences\nDurham,red,5\n", "release.csv row 1: column 'Colour' is not one this reads"),
    ("Police force,Offences\nDurham,5\n", "no year column"),
    ("Police force,Financial year,Offences,Measure\n", "no figures"),
])
def test_a_bad_file_is_refused(capsys, data, tmp_path, text, reason):
    before = snapshot(data)
    code, _, err = add(capsys, data, write(tmp_path, text), "--yes")
    assert code == 2 and reason in err, err
    assert snapshot(data) == before


def test_a_row_that_only_the_whole_data_set_rejects_names_its_input_row(capsys, data, tmp_path):
    # Durham 2016/17 190 from hartlepoolmail's page is already there: the same page cannot give it twice
    url = "http://www.hartlepoolmail.co.uk/news/sharp-rise-in-online-sex-crimes-against-children-reported-to-cleveland-police-1-8572244"
    text = (f"force,year,value,measure,outlet,url,release\nKent,2016/17,999,cyber flag,kentonline.co.uk,https://kentonline.co.uk/x,2017-06\n"
            f"Durham,2016/17,190,cyber flag,hartlepoolmail.co.uk,{url},2017-06\n")
    before = snapshot(data)
    code, _, err = add(capsys, data, write(tmp_path, text), "--yes", release="2017-06")
    assert code == 2 and "release.csv row 3: the same source gives this figure twice" in err, err
    assert snapshot(data) == before


def test_no_source_is_refused(capsys, data, tmp_path):
    before = snapshot(data)
    code = main(["data", "add", str(write(tmp_path, GOOD)), "--release", "2026-06", "--data", str(data), "--yes"])
    assert code == 2 and "no source" in capsys.readouterr().err
    assert snapshot(data) == before


def test_a_bad_release_month_is_refused(capsys, data, tmp_path):
    code, _, err = add(capsys, data, write(tmp_path, GOOD), "--yes", release="2026-13")
    assert code == 2 and "--release 2026-13: give the release's month as YYYY-MM" in err


def test_confirmation_is_asked_and_no_means_nothing_written(capsys, data, tmp_path, monkeypatch):
    before = snapshot(data)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, out, _ = add(capsys, data, write(tmp_path, GOOD))
    assert code == 0 and "Write these changes to" in out and out.rstrip().endswith("Nothing written.")
    assert snapshot(data) == before
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # nobody there to answer
    code, _, err = add(capsys, data, write(tmp_path, GOOD))
    assert code == 2 and "run again with --yes" in err and snapshot(data) == before
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    code, out, _ = add(capsys, data, write(tmp_path, GOOD))
    assert code == 0 and "Written to" in out and snapshot(data) != before


def test_an_interrupted_write_leaves_the_data_intact(capsys, data, tmp_path, monkeypatch):
    """A failure between writing the new file and renaming it (a full disk, a kill) changes nothing."""
    before = snapshot(data)

    def interrupted(src, dst):
        raise KeyboardInterrupt  # as if the process were stopped at the rename

    monkeypatch.setattr(os, "replace", interrupted)
    code, _, _ = add(capsys, data, write(tmp_path, GOOD), "--yes")
    assert code == 130
    assert snapshot(data) == before  # old file in place, temporary file removed
    monkeypatch.undo()
    assert Store(data).hash  # and the data still loads


def test_a_temporary_file_left_by_a_killed_run_is_ignored_then_removed(capsys, data, tmp_path):
    from bot import atomic

    stray = atomic.stage(data, "reports.csv", b"geography\nbroken, half written")
    assert Store(data).rows("figure", geography="Durham", geography_type="force", year="2016/17",
                            measure="cyber_flagged_child_sex_offences")[0]["value"] == 190
    assert add(capsys, data, write(tmp_path, GOOD), "--yes")[0] == 0
    assert not stray.exists()


def test_xlsx_input(capsys, data, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["NSPCC figures, June 2026"])  # a title row and a blank row, as releases have
    sheet.append([])
    sheet.append(["Force", "Year", "Number of offences", "Series"])
    sheet.append(["Durham Constabulary", "2016/17", 200, "cyber_flagged_child_sex_offences"])
    sheet.append(["Kent Police", "2016/17", 3903, "cyber_flagged_child_sex_offences"])
    sheet["C5"].number_format = "#,##0"
    path = tmp_path / "release.xlsx"
    book.save(path)
    sheet.append(["Narnia", "2016/17", 5, "cyber_flagged_child_sex_offences"])
    book.save(path)
    before = snapshot(data)
    code, out, err = add(capsys, data, path, "--yes")
    assert code == 2 and "release.xlsx row 6: 'Narnia' is not a place" in err, err  # the row the editor sees
    assert snapshot(data) == before
    sheet.delete_rows(6)
    book.save(path)
    code, out, err = add(capsys, data, path, "--yes")
    assert code == 0, err
    assert "Kent 2016/17 cyber_flagged_child_sex_offences: 361 (2018-02) -> 3903 (2026-06)" in out
    assert ask(data, "kent 2016/17").text.startswith("Kent Police recorded 3,903")


def test_ods_input(capsys, data, tmp_path):
    import pandas as pd

    path = tmp_path / "release.ods"
    pd.DataFrame({"Police force": ["Durham", "Gwent"], "Financial year": ["2016-17", "2017/18"],
                  "Offences": [200, "-"], "Measure": ["cyber flag", "cyber flag"]}).to_excel(path, index=False, engine="odf")
    code, out, err = add(capsys, data, path, "--yes")
    assert code == 0, err
    assert "Durham 2016/17 cyber_flagged_child_sex_offences: 190 (2017-06) -> 200 (2026-06)" in out
    assert "Gwent 2017/18 cyber_flagged_child_sex_offences: not supplied" in out


@pytest.mark.parametrize("content, reason", [
    (b"", "the file is empty"),
    (b"PK\x03\x04 not really a spreadsheet", "cannot be read as a spreadsheet"),
])
def test_unreadable_files_are_one_line_and_exit_2(capsys, data, tmp_path, content, reason):
    path = tmp_path / ("release.xlsx" if content else "release.csv")
    path.write_bytes(content)
    before = snapshot(data)
    code, _, err = add(capsys, data, path, "--yes")
    assert code == 2 and reason in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert snapshot(data) == before


def test_user_text_never_reaches_sql(capsys, data, tmp_path):
    text = "Force,Year,Offences,Measure\n\"'; DROP TABLE reports; --\",2016/17,5,cyber flag\n"
    before = snapshot(data)
    code, _, err = add(capsys, data, write(tmp_path, text), "--yes")
    assert code == 2 and "is not a place in geographies.csv" in err
    assert snapshot(data) == before and Store(data).rows("figures_without_source") == []


def test_a_run_killed_while_it_waits_to_rename_leaves_the_data_intact(data, tmp_path):
    """A real kill between writing the staged file and renaming it: the process is stopped with SIGKILL
    while it asks for confirmation (its new reports.csv is written and fsynced, not yet renamed)."""
    import signal
    import subprocess
    import sys

    before = snapshot(data)
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "data", "add", str(write(tmp_path, GOOD)), "--release",
                             "2026-06", "--outlet", "nspcc.org.uk", "--url", URL, "--data", str(data)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen = b""
    while b"Write these changes" not in seen:
        chunk = proc.stdout.read1(4096)
        assert chunk, proc.stderr.read().decode()
        seen += chunk
    staged = [p for p in data.iterdir() if p.name.startswith(".offences-staged-")]
    assert len(staged) == 1 and b"Northumbria,force,2018/19" in staged[0].read_bytes()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert {k: v for k, v in snapshot(data).items() if not k.startswith(".")} == before
    assert Store(data).rows("figure", geography="Durham", geography_type="force", year="2016/17",
                            measure="cyber_flagged_child_sex_offences")[0]["value"] == 190


def test_two_changes_at_once_cannot_interleave(capsys, data, tmp_path):
    from bot import atomic

    held = atomic.lock(data)  # as another editor's `offences data add` would hold it
    try:
        before = snapshot(data)
        code, _, err = add(capsys, data, write(tmp_path, GOOD), "--yes")
        assert code == 2 and "another offences data change is running" in err and snapshot(data) == before
    finally:
        atomic.unlock(held)
    assert add(capsys, data, write(tmp_path, GOOD), "--yes")[0] == 0
