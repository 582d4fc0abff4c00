"""End to end on the 36 published 2021 street files for Durham, Cleveland and Northumbria (skipped
without ../shared), including `/offences sunderland burglary 2021` through the real `offences serve`."""

from __future__ import annotations

import json
import shutil

import pytest

from bot.cli import main
from bot.store import ROOT
from bot.street_answer import answer
from fake_slack import post, signed_headers, slash_command_body
from support import running_serve

REAL = ROOT.parent / "shared" / "crime" / "police_uk_street_2021_durham_cleveland_northumbria"
TOKEN = "xoxb-123-456-secretbottoken"
SECRET = "8f14e45fceea167a5a36dedd4bea2543"

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"the published street files are not at {REAL}")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("street") / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("imported"))
    assert main(["data", "import", str(REAL), "--data", str(folder)]) == 0
    return folder


def text(q, data):
    got = answer(q, data)
    assert got is not None and got.ok, got and got.text
    assert any("not the same series as police recorded crime" in c for c in got.caveats)
    assert got.sources and got.sources[0].outlet.startswith("data.police.uk")
    return got.text


def test_durham_2021_street_records_excluding_asb(data):
    assert "Durham Constabulary: 57,188 crime records (excluding anti-social behaviour) in 2021" in text(
        "durham crime 2021", data)
    assert "'Durham' is read as the force" in text("durham crime 2021", data)


def test_the_reporters_questions(data):
    t = text("sunderland burglary 2021", data)
    assert "Sunderland: 1,433 burglary records in 2021" in t and "calendar year" in t
    assert "Counted by where the crime happened" in t
    assert "Middlesbrough: 24,527 crime records (excluding anti-social behaviour)" in text("middlesbrough crime 2021", data)
    top = text("top crime types hartlepool 2021", data)
    assert "1. Violence and sexual offences: 4,880" in top
    asb = text("durham anti-social behaviour by month 2021", data)
    assert "19,354 anti-social behaviour incidents" in asb and "Jan 1,274" in asb
    assert "Newcastle upon Tyne: 1,056 violence and sexual offences records in March 2021" in text(
        "newcastle violence and sexual offences march 2021", data)
    assert "includes sexual offences" in text("stockton violent crime 2021", data)


def test_comparisons_and_latest(data):
    towns = text("sunderland burglary 2021 vs newcastle", data)
    assert "Sunderland 2021: 1,433" in towns and "Newcastle upon Tyne 2021: 1,561" in towns and "+8.9%" in towns
    months = text("durham crime march 2021 vs april 2021", data)
    assert "March 2021: 4,794" in months and "April 2021: 4,852" in months
    assert "December 2021 (the newest month imported)" in text("redcar last month", data)
    assert "December 2021 (the newest month imported)" in text("county durham latest", data)


def test_uncovered_places_and_periods_say_what_is_imported(data):
    got = answer("hartlepool burglary 2019", data)
    assert not got.ok and "Imported: Cleveland Police January 2021 to December 2021" in got.text
    assert "not in the area of a force" in answer("leeds burglary 2021", data).text


def test_slash_command_through_real_serve_answers_with_caveats_and_a_chart(data, fake_slack_module, free_port,
                                                                           tmp_path):
    slack = fake_slack_module
    slack.reset()
    with running_serve(slack, free_port, tmp_path / "serve.log", token=TOKEN, secret=SECRET,
                       OFFENCES_DATA_DIR=str(data)) as served:
        body = slash_command_body("sunderland burglary 2021", slack.response_url("r1"), channel_id="C9")
        status, _, raw = post(served.url, body, signed_headers(SECRET, body))
        assert status == 200, raw
        slack.wait_for("files.completeUploadExternal")
    (message,) = slack.calls_to("chat.postMessage")
    shown = json.dumps(message.params["blocks"]) + message.params["text"]
    assert "1,433" in shown and "not the same series as police recorded crime" in shown
    (upload,) = [c for c in slack.calls if c.kind == "upload"]
    assert upload.body_bytes.startswith(b"\x89PNG")
