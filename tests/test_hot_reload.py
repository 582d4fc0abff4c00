"""A running bot picks up changed data on its next request, and keeps the old data when the new is bad."""

import logging
import os
import shutil

import pytest

from bot.answer import answer, data_version, get_answerer
from bot.cli import main
from bot.store import ROOT

URL = "https://www.nspcc.org.uk/about-us/news-opinion/2026/online-offences/"


@pytest.fixture
def live_data(tmp_path, monkeypatch):
    """A copy of data/ that the process answers from (as OFFENCES_DATA_DIR would make a deployed bot do)."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    monkeypatch.setenv("OFFENCES_DATA_DIR", str(target))
    yield target
    monkeypatch.delenv("OFFENCES_DATA_DIR")
    get_answerer()  # back to the repository's data for the tests after this one


def durham():
    return answer("durham 2016-17").text.splitlines()[0]


def test_new_data_is_served_on_the_next_request_without_a_restart(live_data, tmp_path, capsys):
    assert durham().startswith("Durham Constabulary recorded 190")
    first = data_version()
    assert first["data_dir"] == str(live_data) and len(first["hash"]) == 64 and first["refused"] is None
    release = tmp_path / "release.csv"
    release.write_text("force,year,value,measure\nDurham,2016/17,200,cyber flag\n", encoding="utf-8")
    assert main(["data", "add", str(release), "--release", "2026-06", "--outlet", "nspcc.org.uk", "--url", URL,
                 "--yes"]) == 0
    capsys.readouterr()
    assert durham().startswith("Durham Constabulary recorded 200")
    second = data_version()
    assert second["hash"] != first["hash"] and second["loaded_at"] >= first["loaded_at"]


def test_a_bad_update_keeps_the_old_data_and_is_logged_once(live_data, caplog):
    assert durham().startswith("Durham Constabulary recorded 190")
    good = data_version()
    reports = live_data / "reports.csv"
    original = reports.read_bytes()
    reports.write_bytes(original.splitlines(keepends=True)[0])  # a header and no rows
    with caplog.at_level(logging.WARNING, logger="offences.data"):
        for _ in range(3):
            assert durham().startswith("Durham Constabulary recorded 190")
    warnings = [r.getMessage() for r in caplog.records if r.name == "offences.data"]
    assert len(warnings) == 1, warnings
    assert "changed but is not valid, still answering from the data loaded at" in warnings[0]
    assert f"{live_data}/reports.csv line 1: no figures" in warnings[0]
    version = data_version()
    assert version["hash"] == good["hash"] and "no figures" in version["refused"]
    reports.write_bytes(original.replace(b",190,exact,2017-06,,", b",191,exact,2017-06,,"))
    assert durham().startswith("Durham Constabulary recorded 191")  # fixed: served at once
    assert data_version()["refused"] is None


def test_touching_a_file_without_changing_it_does_not_reload(live_data):
    durham()
    before = data_version()
    answerer = get_answerer()
    os.utime(live_data / "reports.csv", None)
    durham()
    assert get_answerer() is answerer and data_version() == before


def test_the_fact_checker_follows_the_reloaded_data(live_data):
    from bot.check import check

    durham()
    reports = live_data / "reports.csv"
    reports.write_bytes(reports.read_bytes().replace(b",190,exact,2017-06,,", b",191,exact,2017-06,,"))
    durham()  # a request to the bot notices the change
    (claim,) = check("Durham Constabulary recorded 191 offences in 2016/17.").claims
    assert claim.verdict == "supported"


def test_the_real_server_answers_from_new_data_without_a_restart(fake_slack_module, free_port, tmp_path, capsys):
    """`offences serve --data DIR` under gunicorn, Slack signing and all: a release added with
    `offences data add` is answered on the next slash command; a broken file afterwards is not served."""
    import json
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    from fake_slack import post, signed_headers, slash_command_body
    from support import stop

    token, secret = "xoxb-123-456-secretbottoken", "8f14e45fceea167a5a36dedd4bea2543"
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    slack = fake_slack_module
    slack.reset()
    env = dict(os.environ, SLACK_BOT_TOKEN=token, SLACK_SIGNING_SECRET=secret, SLACK_API_BASE_URL=slack.api_url,
               LOG_LEVEL="WARNING")
    env.pop("OFFENCES_DATA_DIR", None)
    log_path = tmp_path / "serve.log"
    with open(log_path, "wb") as log_file:
        proc = subprocess.Popen([str(Path(sys.executable).with_name("offences")), "serve", "--port", str(free_port),
                                 "--host", "127.0.0.1", "--data", str(data)], env=env, stdout=log_file,
                                stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{free_port}"

    def health_text() -> str:
        with urllib.request.urlopen(base + "/healthz", timeout=3) as resp:
            return resp.read().decode()

    def durham() -> str:
        body = slash_command_body("durham 2016-17", slack.response_url("r"))
        status, _, raw = post(base + "/slack/events", body, signed_headers(secret, body))
        assert status == 200, raw
        return json.loads(raw)["text"]

    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1):
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.1)
        assert "Durham Constabulary recorded 190" in durham()
        release = tmp_path / "release.csv"
        release.write_text("force,year,value,measure\nDurham,2016/17,200,cyber flag\n", encoding="utf-8")
        assert main(["data", "add", str(release), "--release", "2026-06", "--outlet", "nspcc.org.uk", "--url", URL,
                     "--data", str(data), "--yes"]) == 0
        capsys.readouterr()
        assert "Durham Constabulary recorded 200" in durham()  # same process, no restart
        reports = data / "reports.csv"
        reports.write_text(reports.read_text(encoding="utf-8").replace(",200,exact,2026-06,", ",2OO,exact,2026-06,"),
                           encoding="utf-8")
        assert "Durham Constabulary recorded 200" in durham()  # the bad file is not served
        assert "Durham Constabulary recorded 200" in durham()
        health = health_text()
        assert health.startswith("ok\ndata ") and f"from {data}" in health, health  # which data, and since when
        assert "newer data refused: " in health and "2OO" in health, health
    finally:
        stop(proc)
    output = log_path.read_text()
    assert output.count("changed but is not valid") == 1, output
    assert "value '2OO' is not a whole number" in output


def test_a_table_imported_while_the_bot_runs_answers_the_next_request(live_data, tmp_path):
    """A data editor imports the recorded crime tables into a running bot's folder: the very next
    question is answered from them, and the one after they are removed says they are gone."""
    from recorded_fixture import make_data_dir

    shutil.rmtree(live_data / "imported", ignore_errors=True)  # a developer's own imports, copied with data/
    assert answer("durham crime 2016/17").text.startswith("No police recorded crime tables have been imported")
    before = data_version()["hash"]
    shutil.copytree(make_data_dir(tmp_path / "made") / "imported", live_data / "imported")
    assert answer("durham crime 2016/17").text.startswith("Durham Constabulary recorded 68,534 crimes")
    assert data_version()["hash"] != before
    shutil.rmtree(live_data / "imported")
    assert answer("durham crime 2016/17").text.startswith("No police recorded crime tables have been imported")
