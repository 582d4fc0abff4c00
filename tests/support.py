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
    when this yields; stopped with SIGTERM after (its exit status is then proc.returncode). No rate
    limit unless OFFENCES_RATE_LIMIT is given."""
    env = dict(os.environ, SLACK_BOT_TOKEN=token, SLACK_SIGNING_SECRET=secret, SLACK_API_BASE_URL=fake.api_url,
               **{"LOG_LEVEL": "WARNING", "OFFENCES_RATE_LIMIT": "0", **env_extra})  # the limit has its own tests
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
        stop(proc)


REDIS_MISSING = "redis-server is not installed (Debian: apt-get install redis-server; .ci/run installs it)"


def free_tcp_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_redis(port: int | None = None):
    """A real redis-server on a free loopback port, no persistence; yields its URL (the process is
    `.proc`), stopped by its pid after. Skips the test when the binary is absent."""
    import shutil

    import pytest

    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip(REDIS_MISSING)
    port = port or free_tcp_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--protected-mode", "no", "--loglevel", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        import redis

        client = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.RedisError:
                assert proc.poll() is None, f"redis-server exited with {proc.returncode}"
                assert time.monotonic() < deadline, "redis-server did not come up"
                time.sleep(0.05)
        client.close()
        yield types.SimpleNamespace(url=url, port=port, proc=proc)
    finally:
        stop(proc)


def stop(proc) -> None:
    """SIGTERM a process we started, by its pid, and wait for it (SIGKILL if it hangs)."""
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
