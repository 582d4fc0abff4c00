"""Start-up messages a person setting the bot up reads: one line each, the right exit status,
nothing said before it is true ("listening on" only once the data has loaded)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from bot.cli import main

OFFENCES = Path(sys.executable).with_name("offences")
TOKEN = "xoxb-123-456-secretbottoken"
SECRET = "8f14e45fceea167a5a36dedd4bea2543"


def test_a_bogus_log_level_is_one_settings_line_and_exit_2(monkeypatch, capsys):
    monkeypatch.setenv("LOG_LEVEL", "bogus")
    assert main(["ask", "durham 2016-17"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "offences: LOG_LEVEL is 'BOGUS': use DEBUG, INFO, WARNING or ERROR (or leave it unset)"


def test_a_bogus_log_level_from_the_shell_has_no_traceback():
    done = subprocess.run([str(OFFENCES), "ask", "durham 2016-17"], env=dict(os.environ, LOG_LEVEL="bogus"),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "LOG_LEVEL" in done.stderr


def test_a_chart_into_a_missing_folder_is_exit_2_naming_the_path(capsys, tmp_path):
    target = tmp_path / "no" / "such" / "dir" / "x.png"
    assert main(["ask", "northumbria", "--chart", str(target)]) == 2
    out, err = capsys.readouterr()
    assert "Northumbria Police" in out  # the answer itself was given
    assert err.strip().startswith(f"offences: cannot write {target}: No such file or directory")
    assert "something went wrong" not in err


def test_a_port_in_use_is_one_line_naming_the_port(fake_slack_module):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = dict(os.environ, SLACK_BOT_TOKEN=TOKEN, SLACK_SIGNING_SECRET=SECRET,
                   SLACK_API_BASE_URL=fake_slack_module.api_url)
        done = subprocess.run([str(OFFENCES), "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines == [f"offences: port {port} is already in use on 127.0.0.1: stop whatever is using it, or choose "
                     "another port with --port (or PORT)"], done.stderr
