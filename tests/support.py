"""Shared test helpers: one assertion for an answer's figures, caveats and source line together, and
the real `offences serve` in a subprocess."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import types
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def assert_answer(answer, *, contains=(), caveats=(), sources=(), ok=True, kind=None):
    """Assert what a reporter would read: figures and words in the text, caveats, and the source line."""
    text = answer.text
    assert answer.ok is ok, text
    if kind:
        assert answer.kind == kind, (answer.kind, text)
    for words in contains:
        assert words in text, f"{words!r} not in:\n{text}"
    for words in caveats:
        assert any(words in c for c in answer.caveats), f"no caveat with {words!r} in {answer.caveats}"
    for outlet in sources:
        assert any(s.outlet == outlet for s in answer.sources), f"{outlet} not among {answer.sources}"
    if ok and answer.kind not in ("help",):
        assert re.search(r"^Sources?:", text, re.M), f"no source line in:\n{text}"
        assert answer.sources and all(s.url.startswith("http") for s in answer.sources)


@contextmanager
def running_serve(fake, port: int, log_path: Path, *, token: str, secret: str, **env_extra):
    """`offences serve` in a subprocess on 127.0.0.1:port against FakeSlack, up (GET /healthz answers)
    when this yields; stopped with SIGTERM after (its exit status is then proc.returncode)."""
    env = dict(os.environ, SLACK_BOT_TOKEN=token, SLACK_SIGNING_SECRET=secret, SLACK_API_BASE_URL=fake.api_url,
               **{"LOG_LEVEL": "WARNING", **env_extra})
    env.pop("SLACK_APP_TOKEN", None)
    with open(log_path, "wb") as log_file:
        proc = subprocess.Popen([str(Path(sys.executable).with_name("offences")), "serve", "--port", str(port), "--host", "127.0.0.1"],
                                env=env, stdout=log_file, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                assert proc.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, "offences serve did not come up:\n" + log_path.read_text()
                time.sleep(0.1)
        yield types.SimpleNamespace(base=base, url=base + "/slack/events", proc=proc, log=log_path)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
