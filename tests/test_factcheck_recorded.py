"""Fact-checking copy about police recorded crime, against the Home Office table the data desk imports.

End to end: the real published rolling table (../shared/crime) imported through `offences data import`
into a copy of the data folder, then `offences check --json --data` on copy. Skipped, saying why, when
the published files are not there (CI has them).
"""

from __future__ import annotations

import json
import shutil

import pytest

from bot.cli import main
from bot.store import ROOT

CRIME = ROOT.parent / "shared" / "crime"
ROLLING = CRIME / "home_office_prc_pfa_rolling_2003_2018" / "rec-crime-pfa.csv"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    if not ROLLING.is_file():
        pytest.skip(f"the published Home Office table is not at {ROLLING} (../shared/crime is absent)")
    folder = tmp_path_factory.mktemp("recorded") / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("imported"))
    assert main(["data", "import", str(ROLLING), "--data", str(folder), "--yes"]) == 0
    return folder


def check(folder, capsys, text: str) -> list[dict]:
    capsys.readouterr()
    code = main(["check", text, "--json", "--data", str(folder)])
    out = capsys.readouterr().out
    assert code == 0, out
    return json.loads(out)["claims"]


def verdicts(claims) -> dict:
    return {c["claimed"]: c["verdict"] for c in claims}


def test_a_force_total_that_matches_the_table_holds_with_its_edition(imported, capsys):
    (claim,) = check(imported, capsys, "Cleveland Police recorded 50,901 crimes in 2016/17.")
    assert claim["verdict"] == "supported" and claim["actual"] == 50901
    assert "police recorded crime" in claim["explanation"] and claim["sources"]
    assert "Home Office" in claim["sources"][0]["outlet"]


def test_an_earlier_editions_figure_is_a_question_not_an_error_and_the_rise_holds(imported, capsys):
    """The Northern Echo printed 46,585, up 28%: the table (a later edition) gives 46,542, up 28.1%."""
    claims = check(imported, capsys, "Durham Constabulary recorded 46,585 crimes in 2016/17, up 28% on the year before.")
    by = {c["kind"]: c for c in claims}
    assert by["count"]["verdict"] == "unverifiable" and by["count"]["actual"] == 46542
    assert "earlier edition" in by["count"]["explanation"]
    assert by["percent_change"]["verdict"] == "supported"
    assert "36,339" in by["percent_change"]["explanation"] and "46,542" in by["percent_change"]["explanation"]


def test_burglary_across_the_classification_change(imported, capsys):
    (claim,) = check(imported, capsys, "Durham Constabulary recorded 4,708 burglaries in 2017/18.")
    assert claim["verdict"] == "supported"


def test_a_wrong_figure_is_flagged_and_a_wrong_rise_too(imported, capsys):
    claims = check(imported, capsys, "Durham Constabulary recorded 52,000 crimes in 2016/17, a rise of 40%.")
    assert verdicts(claims) == {52000: "inaccurate", 40: "inaccurate"}
    assert any("46,542" in c["explanation"] for c in claims)


def test_copy_about_the_nspcc_series_is_read_as_before(imported, capsys):
    """With recorded crime imported, a cyber-flag story still checks against the NSPCC figures."""
    text = ("Durham Constabulary recorded 190 child sexual offences with an online element in 2016/17, "
            "figures obtained by the NSPCC show.")
    (claim,) = check(imported, capsys, text)
    assert claim["verdict"] == "supported" and claim["actual"] == 190
    assert "recorded crime" not in claim["explanation"]


def test_a_year_is_inferred_from_the_figure_when_the_copy_gives_none(imported, capsys):
    (claim,) = check(imported, capsys, "Cleveland Police recorded 50,901 crimes, the force said.")
    assert claim["verdict"] == "supported" and "2016/17" in claim["explanation"]


def by_kind(claims) -> dict:
    return {c["kind"]: c for c in claims}


def test_a_difference_on_the_year_before_is_checked_both_ways(imported, capsys):
    good = by_kind(check(imported, capsys, "Durham Constabulary recorded 61,150 crimes in 2017/18, "
                                           "14,608 more than a year earlier."))
    assert good["difference"]["verdict"] == "supported" and "46,542" in good["difference"]["explanation"]
    bad = by_kind(check(imported, capsys, "Durham Constabulary recorded 46,542 crimes in 2016/17, "
                                          "an increase of 12,000 on the year before."))
    assert bad["difference"]["verdict"] == "inaccurate" and "+10,203" in bad["difference"]["explanation"]


def test_a_multiple_with_no_base_year_is_a_question_never_an_error(imported, capsys):
    """'More than doubled, to 258' names no base: the year before (174) is one reading, not proof."""
    claims = by_kind(check(imported, capsys, "Robberies in Durham more than doubled, to 258 in 2017/18."))
    assert claims["count"]["verdict"] == "supported" and "robbery" in claims["count"]["explanation"]
    assert claims["multiple"]["verdict"] == "unverifiable" and "174" in claims["multiple"]["explanation"]


def test_a_change_since_a_year_holds_when_a_later_year_fits(imported, capsys):
    (claim,) = check(imported, capsys, "Robberies in Durham have risen by 48% since 2016/17.")
    assert claim["verdict"] == "supported" and "174 in 2016/17 to 258 in 2017/18" in claim["explanation"]
    (claim,) = check(imported, capsys, "Robberies in Durham have risen by 38% since 2016/17.")
    assert claim["verdict"] == "unverifiable"  # no year fits, and the copy may predate the tables


def test_without_the_tables_a_robbery_figure_is_never_checked_against_the_nspcc_series(capsys, tmp_path):
    bare = tmp_path / "data"
    shutil.copytree(ROOT / "data", bare, ignore=shutil.ignore_patterns("imported"))
    claims = by_kind(check(bare, capsys, "Robberies in Durham more than doubled, to 258 in 2017/18."))
    assert claims["count"]["verdict"] == "unverifiable"
    assert "police recorded crime (robbery), not the NSPCC series" in claims["count"]["explanation"]
