"""The `offences` command: exit codes, the --json interface and no tracebacks."""

import json
import os
import subprocess
import sys

import pytest

from bot.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_prints_the_answer(capsys):
    code, out, _ = run(capsys, "ask", "durham 2016-17")
    assert code == 0
    assert out.startswith("Durham Constabulary recorded 190")
    assert "Source: hartlepoolmail.co.uk, June 2017 release: http" in out


def test_ask_json_has_the_stable_keys(capsys):
    code, out, _ = run(capsys, "ask", "northumbria 2015/16 vs 2016/17", "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"ok", "kind", "text", "rows", "caveats", "error"}
    assert data["ok"] is True and data["kind"] == "change" and data["error"] is None
    assert {"geography", "geography_code", "year", "measure", "value", "status", "release", "source_url"} <= set(data["rows"][0])
    assert [r["value"] for r in data["rows"]] == [98, 323]
    assert data["rows"][0]["geography_code"] == "E23000007"
    assert "*" not in data["text"] and "`" not in data["text"]


def test_user_error_exits_2_with_suggestions(capsys):
    code, out, err = run(capsys, "ask", "lancs 2016/17", "--json")
    data = json.loads(out)
    assert code == 2
    assert data["ok"] is False and data["error"]["suggestions"] == ["Lancashire 2016/17"]


def test_user_error_in_text_goes_to_stderr(capsys):
    code, out, err = run(capsys, "ask", "durham", "2017")
    assert code == 2 and "Which do you mean?" in err and out == ""


def test_no_command_prints_usage(capsys):
    code, out, _ = run(capsys)
    assert code == 2 and "usage: offences" in out and "ask" in out


def test_bad_data_refuses_to_start_without_a_traceback(tmp_path):
    import shutil

    from bot.store import ROOT

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    text = (data / "reports.csv").read_text(encoding="utf-8").replace(",3903,", ",39o3,", 1)
    (data / "reports.csv").write_text(text, encoding="utf-8")
    env = dict(os.environ, OFFENCES_DATA_DIR=str(data))
    done = subprocess.run([sys.executable, "-m", "bot.cli", "ask", "durham 2016/17"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert f"cannot start: {data}/reports.csv line 7: value '39o3' is not a whole number" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


@pytest.mark.parametrize("text", ["", "x" * 10_000, "'; DROP TABLE figures; --"])
def test_hostile_cli_input(capsys, text):
    code, out, err = run(capsys, "ask", text)
    assert code == 2 and "Traceback" not in out + err and err.strip()


def test_ask_chart_writes_a_png(capsys, tmp_path):
    path = tmp_path / "northumbria.png"
    code, out, _ = run(capsys, "ask", "northumbria 2015/16 vs 2016/17", "--chart", str(path))
    assert code == 0 and "more than trebled" in out
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_ask_chart_for_an_error_exits_2_and_writes_nothing(capsys, tmp_path):
    path = tmp_path / "none.png"
    code, _, err = run(capsys, "ask", "narnia 2016/17", "--chart", str(path))
    assert code == 2 and "no chart" in err and not path.exists()


def test_check_reports_verdicts_and_exits_0(capsys):
    code, out, _ = run(capsys, "check", "Kent Police recorded 361 offences in 2016/17, up from 63, a rise of 573%.")
    assert code == 0
    assert out.startswith("3 claims: 2 supported, 1 inaccurate") and "❌ “573%”" in out


def test_check_json_keys(capsys):
    code, out, _ = run(capsys, "check", "Durham Constabulary recorded 190 offences in 2016/17.", "--json")
    data = json.loads(out)
    assert code == 0 and list(data) == ["claims"]
    (claim,) = data["claims"]
    assert set(claim) == {"text", "kind", "claimed", "actual", "verdict", "explanation", "sources", "confidence", "reading"}
    assert 0 <= claim["confidence"] <= 1 and "Durham Constabulary" in claim["reading"]
    assert claim["verdict"] == "supported" and claim["actual"] == 190


def test_check_reads_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Surrey Police recorded 52 offences in 2016/17."))
    code, out, _ = run(capsys, "check", "-")
    assert code == 0 and "unverifiable" in out


def test_check_empty_input_exits_2(capsys):
    code, _, err = run(capsys, "check", "   ")
    assert code == 2 and "nothing to check" in err


# -- --data DIR on every command (and OFFENCES_DATA_DIR) ---------------------------------------------

@pytest.fixture
def other_data(tmp_path):
    """A copy of data/ elsewhere, with Durham's 2016/17 figure changed so answers show which folder was read."""
    import shutil

    from bot.store import ROOT

    data = tmp_path / "newsroom-data"
    shutil.copytree(ROOT / "data", data)
    reports = data / "reports.csv"
    reports.write_text(reports.read_text(encoding="utf-8").replace("Durham,force,2016/17,cyber_flagged_child_sex_offences,190,",
                                                                   "Durham,force,2016/17,cyber_flagged_child_sex_offences,191,"),
                       encoding="utf-8")
    return data


def test_data_option_chooses_the_folder_for_ask_and_check(capsys, other_data):
    code, out, _ = run(capsys, "ask", "durham 2016-17", "--data", str(other_data))
    assert code == 0 and out.startswith("Durham Constabulary recorded 191")
    code, out, _ = run(capsys, "check", "Durham Constabulary recorded 191 offences in 2016/17.", "--data", str(other_data))
    assert code == 0 and "✅ “191”" in out
    code, out, _ = run(capsys, "ask", "durham 2016-17")  # without --data: the default folder again
    assert code == 0 and out.startswith("Durham Constabulary recorded 190")


def test_environment_variable_chooses_the_folder(capsys, other_data, monkeypatch):
    monkeypatch.setenv("OFFENCES_DATA_DIR", str(other_data))
    code, out, _ = run(capsys, "ask", "durham 2016-17")
    assert code == 0 and out.startswith("Durham Constabulary recorded 191")


def test_data_option_with_no_such_folder_exits_2(capsys, tmp_path):
    missing = tmp_path / "nowhere"
    for argv in (["ask", "durham 2016-17"], ["data", "check"]):
        code, out, err = run(capsys, *argv, "--data", str(missing))
        assert code == 2 and f"{missing}: no such data folder" in err and "Traceback" not in err


def test_serve_with_data_option_names_that_folder(fake_slack_module, free_port, other_data):
    (other_data / "measures.csv").unlink()
    env = dict(os.environ, SLACK_BOT_TOKEN="xoxb-1-2-abc", SLACK_SIGNING_SECRET="s" * 32,
               SLACK_API_BASE_URL=fake_slack_module.api_url, LOG_LEVEL="WARNING")
    env.pop("OFFENCES_DATA_DIR", None)
    done = subprocess.run([sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(free_port),
                           "--data", str(other_data)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert f"offences: cannot start: {other_data}/measures.csv: file is missing" in done.stderr
