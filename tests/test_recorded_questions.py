"""Police recorded crime questions on a fixture in the contract's schema: words, series choice, shapes,
rates and honesty, as a reporter would read them."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from bot.answer import Answerer
from bot.charts import render_png
from bot.render import to_json
from bot.store import ROOT, Store
from recorded_fixture import make_data_dir

STABLE_KEYS = {"geography", "geography_code", "year", "measure", "value", "status", "release", "source_url"}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    return make_data_dir(tmp_path_factory.mktemp("recorded") / "data")


@pytest.fixture(scope="module")
def ask(data_dir):
    answerer = Answerer(Store(data_dir))
    return answerer.answer


def test_a_figure_names_series_publisher_table_edition_and_period(ask):
    a = ask("durham burglary 2016-17")
    assert a.ok and a.kind == "figure"
    # 2016/17 burglary = domestic 1,700 x 1.7 + non-domestic 2,700 x 1.7 (fixture scale)
    assert a.headline == ("Durham Constabulary recorded 7,480 burglaries in 2016/17 "
                          "(police recorded crime, Home Office).")
    assert "Home Office, Recorded crime data at Police Force Area level (police recorded crime), " \
           "Home Office PFA table, to December 2018: https://www.gov.uk/" in a.text
    assert any("not the NSPCC figures" in c for c in a.caveats)
    assert any(c.startswith("Composed: burglary is the sum") for c in a.caveats)


def test_burglary_after_april_2017_says_which_classification(ask):
    a = ask("durham burglary 2017/18")
    assert "8,225 burglaries in 2017/18" in a.headline
    assert any("residential + non-residential burglary from April 2017" in c and "2017/18 is on the new" in c
               for c in a.caveats)
    series = ask("durham burglary")
    assert any("spans the change" in c for c in series.caveats)
    old = ask("durham burglary 2016/17")
    assert not any("classification" in c for c in old.caveats)


def test_a_part_that_did_not_exist_then_is_refused_with_the_change_named(ask):
    a = ask("durham domestic burglary 2017/18")
    assert not a.ok
    assert "reclassified in April 2017" in a.error["message"]


@pytest.mark.parametrize("words, group", [
    ("burglaries", "burglary"), ("break-ins", "burglary"), ("violent crime", "violence_against_the_person"),
    ("violence against the person", "violence_against_the_person"), ("theft", "theft_offences"),
    ("shoplifting", "shoplifting"), ("robberies", "robbery"), ("drugs", "drug_offences"),
    ("weapons", "possession_of_weapons_offences"), ("public order", "public_order_offences"),
    ("arson", "criminal_damage_and_arson"), ("vehicle crime", "vehicle_offences"), ("murders", "homicide"),
    ("stalking", "stalking_and_harassment"), ("all crime", "total_excluding_fraud"),
    ("total recorded crime", "total_excluding_fraud"), ("crimes", "total_excluding_fraud"),
    ("fraud", "fraud_offences"),
])
def test_offence_words_map_to_groups(ask, words, group):
    a = ask(f"durham {words} 2016/17")
    assert a.ok, a.text
    assert a.rows[0]["measure"] == f"recorded_crime:{group}"


def test_fraud_says_it_is_outside_the_headline(ask):
    a = ask("durham fraud 2016/17")
    assert any("outside the ONS headline total" in c for c in a.caveats)


@pytest.mark.parametrize("words, nearest", [("knife crime", "possession of weapons offences"),
                                            ("hate crime", "public order offences"),
                                            ("domestic abuse", "violence against the person"),
                                            ("anti-social behaviour", "public order offences")])
def test_offences_not_in_the_tables_name_the_nearest_group(ask, words, nearest):
    a = ask(f"durham {words} 2017/18")
    assert not a.ok
    assert "is not in the police recorded crime tables" in a.error["message"]
    assert f"nearest published group is {nearest}, which is not the same figure" in a.error["message"]


def test_no_offence_word_keeps_the_nspcc_series(ask):
    a = ask("durham 2016-17")
    assert a.headline == "Durham Constabulary recorded 190 child sexual offences with an online element in 2016/17."
    online = ask("durham online sexual offences 2016/17")
    assert "police recorded crime" not in online.text


def test_both_series_possible_says_which_and_how_to_ask_for_the_other(ask):
    a = ask("sexual offences durham 2016/17")
    assert "police recorded crime" in a.headline
    assert any("`/offences durham online 2016/17`" in c for c in a.caveats)


def test_change_uses_the_projects_wording(ask):
    a = ask("durham crime 2015-16 vs 2016-17")
    assert a.kind == "change"
    assert a.lines[0] == "Change: up 2,015 (+3.0%)."
    assert "up from 66,519 in 2015/16" in a.headline


def test_revision_between_editions_is_said(ask):
    a = ask("durham robbery 2017/18")
    assert "262 robberies" in a.headline
    assert any(c.startswith("Revised: the ONS Table P1, year ending March 2018 edition gave 345 for Durham 2017/18")
               for c in a.caveats)


def test_compare_and_rank_leave_out_btp_unless_asked(ask):
    compare = ask("durham vs cleveland robbery 2017-18")
    assert compare.kind == "compare" and [r["geography"] for r in compare.rows] == ["Durham", "Cleveland"]
    rank = ask("top 5 forces for robbery 2017/18")
    assert rank.kind == "rank"
    assert "British Transport Police" not in "\n".join(rank.lines)
    assert rank.lines[0] == "1. Northumbria: 525"
    with_btp = ask("top 3 robbery 2017/18 including btp")
    assert with_btp.lines[0].startswith("1. British Transport Police")


def test_region_uses_the_published_row_else_sums_its_forces(ask):
    published = ask("north east robbery 2017/18")  # the region row's edition had Durham at 345, since revised
    assert "1,102 robberies" in published.headline and "sum of its forces' latest figures" in published.headline
    assert any("edition published 1,000 for the region; Cleveland, Durham were revised" in c for c in published.caveats)
    summed = ask("north east burglary 2016/17")
    assert "31,416 burglaries" in summed.headline and "sum of its 3 forces" in summed.headline


def test_national_sums_forces_and_says_so(ask):
    a = ask("england and wales crime 2016/17")
    assert a.kind == "national" and "excluding British Transport Police" in a.headline
    assert any("Incomplete: 4 of 43 forces" in c for c in a.caveats)


def test_periods_that_are_not_financial_years(ask):
    a = ask("durham robbery year to december 2017")
    assert a.headline.startswith("Durham Constabulary recorded 222 robberies in the year ending December 2017")
    assert a.rows[0]["year"] == "year ending December 2017"
    missing = ask("durham robbery year ending june 2019")
    assert not missing.ok and "No police recorded crime figure" in missing.error["message"]


def test_not_available_is_never_zero(ask):
    # The ONS edition's '..' for Cleveland is an earlier edition; the answer says so in words
    a = ask("cleveland robbery 2017/18")
    assert any("had it as not available" in c for c in a.caveats)
    assert "0 robberies" not in a.text


def test_rate_per_1000_with_the_population_label(ask):
    a = ask("durham crime rate 2016-17")
    assert a.lines == ["Rate: 108.8 per 1,000 residents in 2016/17 (630,000 residents, ONS mid-2016 estimate "
                       "(2024 revised series, after Census 2021))."]
    city = ask("city of london crime rate 2016/17")
    assert city.lines[0].startswith("No rate for City of London: its resident population")


def test_json_rows_keep_the_stable_keys(ask):
    data = to_json(ask("durham burglary 2017/18"))
    row = data["rows"][0]
    assert STABLE_KEYS <= set(row)
    assert row["measure"] == "recorded_crime:burglary" and row["value"] == 8225 and row["status"] == "published"
    assert row["release"] == "Home Office PFA table, to December 2018" and row["geography_code"] == "E23000008"


def test_the_figure_lookup_is_one_query_the_checker_can_reuse(data_dir):
    store = Store(data_dir)
    rows = store.rows("recorded_figure", area="Durham", area_type="force", offence_group="robbery",
                      period_end=date(2018, 3, 31))
    assert len(rows) == 1
    assert rows[0]["value"] == 262 and rows[0]["edition"] == "Home Office PFA table, to December 2018"
    assert [(e["edition"], e["value"]) for e in rows[0]["earlier"]] == [("ONS Table P1, year ending March 2018 edition", 345)]


@pytest.mark.parametrize("question", ["durham burglary", "durham crime 2015-16 vs 2016-17",
                                      "durham vs cleveland robbery 2017-18", "top 5 forces for robbery 2017/18"])
def test_charts_are_real_pngs(ask, question):
    png = render_png(ask(question))
    assert png and png[:8] == b"\x89PNG\r\n\x1a\n"


def test_no_imported_tables_is_a_clear_message(tmp_path):
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("imported"))
    a = Answerer(Store(folder)).answer("durham burglary 2016/17")
    assert not a.ok and "No police recorded crime tables have been imported" in a.error["message"]


def test_cli_chart_and_json(data_dir, tmp_path):
    out = tmp_path / "out.png"
    proc = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "durham burglary", "--chart", str(out),
                           "--data", str(data_dir), "--json"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["kind"] == "series"
    assert out.read_bytes()[:4] == b"\x89PNG"


def test_a_rolling_year_across_april_2017_says_it_straddles_the_change(ask):
    a = ask("durham burglary year to december 2017")
    assert "3,800 burglaries in the year ending December 2017" in a.headline
    assert any("year ending December 2017 straddles the change" in c for c in a.caveats)
    robbery = ask("durham robbery year to december 2017")
    assert robbery.ok and not any("straddle" in c for c in robbery.caveats)


def test_a_nation_or_region_without_a_period_is_its_latest_year(ask):
    a = ask("england and wales crime")
    assert a.kind == "national" and "in 2017/18" in a.headline
    r = ask("north east burglary")
    assert r.kind == "region" and "in 2017/18" in r.headline


def test_suggestions_keep_the_series(ask):
    a = ask("lancs burglary 2016/17")
    assert not a.ok and a.error["suggestions"] == ["Lancashire 2016/17 burglary"]
    b = ask("durham crime 2018")
    assert b.error["suggestions"] == ["Durham 2017/18 total recorded crime", "Durham 2018/19 total recorded crime"]


def test_slack_blocks_show_the_edition_as_the_source(ask):
    from bot.render import blocks

    text = json.dumps(blocks(ask("durham burglary 2016-17")))
    assert "Home Office PFA table, to December 2018" in text and "police recorded crime" in text
