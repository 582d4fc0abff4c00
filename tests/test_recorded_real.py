"""End to end on the real published files: `offences data import` the Home Office rolling table into a
copy of the data folder, then `offences ask` through the CLI as a reporter would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from bot.store import ROOT

CRIME = ROOT.parent / "shared" / "crime"
ROLLING = CRIME / "home_office_prc_pfa_rolling_2003_2018" / "rec-crime-pfa.csv"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    if not ROLLING.exists():
        pytest.skip(f"the published files are not here ({ROLLING} is absent)")
    folder = tmp_path_factory.mktemp("real") / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("imported"))
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "data", "import", str(ROLLING), "--data", str(folder), "--yes"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return folder


def ask(data_dir, *words):
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "ask", *words, "--data", str(data_dir)],
                          capture_output=True, text=True, cwd=ROOT)
    return proc.returncode, proc.stdout, proc.stderr


def test_cleveland_total_recorded_crime_2016_17(data_dir):
    code, out, _ = ask(data_dir, "cleveland crime 2016/17", "--json")
    data = json.loads(out)
    assert code == 0 and data["rows"][0]["value"] == 50901
    assert data["rows"][0]["measure"] == "recorded_crime:total_excluding_fraud"
    assert data["text"].startswith("Cleveland Police recorded 50,901 crimes (total recorded crime excluding fraud) "
                                   "in 2016/17 (police recorded crime, Home Office).")
    assert "Home Office" in data["rows"][0]["release"]


def test_durham_change_2015_16_to_2016_17(data_dir):
    code, out, _ = ask(data_dir, "durham crime 2015-16 vs 2016-17")
    assert code == 0
    assert "recorded 46,542 crimes (total recorded crime excluding fraud) in 2016/17, up from 36,339 in 2015/16" in out
    assert "Change: up 10,203 (+28.1%)." in out


def test_durham_burglary_2017_18_across_the_classification_change(data_dir):
    code, out, _ = ask(data_dir, "durham burglary 2017/18")
    assert code == 0
    assert "Durham Constabulary recorded 4,708 burglaries in 2017/18" in out
    assert "residential + non-residential burglary from April 2017" in out


def test_top_5_robbery_without_btp(data_dir):
    code, out, _ = ask(data_dir, "top 5 forces for robbery 2017/18")
    assert code == 0
    lines = [line for line in out.splitlines() if line[:2] in {"1.", "2.", "3.", "4.", "5."}]
    assert len(lines) == 5 and lines[0] == "1. Metropolitan Police: 32,684"
    assert "British Transport Police:" not in out


def test_series_and_chart(data_dir, tmp_path):
    chart = tmp_path / "burglary.png"
    code, out, _ = ask(data_dir, "durham burglary", "--chart", str(chart))
    assert code == 0 and "2002/03: 7,656" in out and "2017/18: 4,708" in out
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_knife_crime_names_the_nearest_group(data_dir):
    code, _, err = ask(data_dir, "durham knife crime 2017/18")
    assert code == 2 and "nearest published group is possession of weapons offences" in err


def test_nspcc_meaning_and_garbage_unchanged(data_dir):
    code, out, _ = ask(data_dir, "durham 2016-17")
    assert code == 0 and out.startswith("Durham Constabulary recorded 190 child sexual offences with an online element")
    code, _, err = ask(data_dir, "zzqx blorp")
    assert code == 2 and "Try:" in err and "Traceback" not in err


ONS_P1 = CRIME / "ons_pfa_tables_2018_2019" / "ons_pfa_tableP1_long_ye_mar2018_to_dec2019.csv"


@pytest.fixture(scope="module")
def with_ons(data_dir):
    """The ONS Table P1 editions imported beside the rolling table (a revision of Durham 2017/18)."""
    if not ONS_P1.exists():
        pytest.skip(f"the published files are not here ({ONS_P1} is absent)")
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "data", "import", str(ONS_P1), "--data", str(data_dir), "--yes"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return data_dir


def test_an_earlier_edition_that_differs_is_said(with_ons):
    code, out, _ = ask(with_ons, "durham crime 2017/18")
    assert code == 0 and "recorded 61,150 crimes" in out
    assert "Table P1), year ending March 2018 edition gave 61,179" in out


def test_a_series_across_tables_names_both(with_ons):
    code, out, _ = ask(with_ons, "durham crime")
    assert code == 0 and "(police recorded crime, Home Office and ONS)" in out
    assert "Figures from different tables:" in out


def test_a_sixteen_year_series_chart_has_labels_that_fit(data_dir):
    """17 columns of four-digit figures overlapped; the chart labels are rounded and say so (the text keeps them exact)."""
    from bot.answer import Answerer
    from bot.recorded_charts import spec
    from bot.store import Store

    answer = Answerer(Store(data_dir)).answer("durham burglary")
    drawn = spec(answer)
    assert len(drawn.items) >= 16 and drawn.items[0].text == "7.7k" and drawn.items[0].label == "02/03"
    assert "labels rounded (k = thousand)" in drawn.subtitle
    assert "2002/03: 7,656" in answer.text


STREET = CRIME / "police_uk_street_2021_durham_cleveland_northumbria"


def test_a_downloaded_folder_imports_with_its_notes_skipped(data_dir):
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "data", "import", str(ROLLING.parent), "--data",
                           str(data_dir), "--yes"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "SOURCE.txt: notes, not a table; skipped" in proc.stdout
    assert "already imported" in proc.stdout


def test_with_street_files_imported_too_each_question_keeps_its_series(with_ons):
    """Street data is by calendar month; a rolling year and a financial year stay recorded crime."""
    if not STREET.is_dir():
        pytest.skip(f"the published street files are not here ({STREET} is absent)")
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "data", "import", str(STREET), "--data", str(with_ons),
                           "--yes"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    _, out, _ = ask(with_ons, "durham crime year to december 2018")
    assert "62,393 crimes" in out and "police recorded crime" in out
    _, out, _ = ask(with_ons, "durham burglary 2017/18")
    assert "4,708" in out
    _, out, _ = ask(with_ons, "sunderland burglary 2021")
    assert "1,433 burglary records in 2021" in out and "data.police.uk" in out
    _, out, _ = ask(with_ons, "durham 2016-17")
    assert "190 child sexual offences with an online element" in out


def test_a_region_row_from_an_older_edition_is_not_mixed_with_revised_forces(with_ons):
    """The ONS March 2018 edition printed 1,518 for the North East; Durham was revised to 258 since."""
    code, out, err = ask(with_ons, "north east robbery 2017/18")
    assert code == 0, err
    assert "recorded 1,517 robberies in 2017/18 (the sum of its forces' latest figures" in out
    assert "year ending March 2018 edition published 1,518 for the region; Durham was revised" in out
    assert "Cleveland: 481" in out and "Durham: 258" in out and "Northumbria: 778" in out
    code, out, _ = ask(with_ons, "north east robbery year to december 2018")  # same edition date: the row stands
    assert "recorded 1,678 robberies" in out and "the figure published for the region" in out
