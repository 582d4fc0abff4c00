"""Shared test fixtures: a loopback fake Slack per test module, and free ports for real servers."""

from __future__ import annotations

import socket

import pytest

from fake_slack import FakeSlack


@pytest.fixture(scope="module")
def fake_slack_module():
    """One FakeSlack for a whole test module (reset it between tests with .reset())."""
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def free_port() -> int:
    """A TCP port that was free on 127.0.0.1 a moment ago (for servers run in a subprocess)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
