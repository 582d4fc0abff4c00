"""`offences serve` under hostile and slow clients, over real sockets: the real server (gunicorn +
uvicorn) in a subprocess for slow clients and body limits, the same ASGI app in-process for garbage.

Waits are bounded (socket timeouts, deadlines); nothing asserts how fast anything is.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import socket
import time
import urllib.request

import pytest

from bot.web import MAX_BODY
from fake_slack import event_body, post, signed_headers, slash_command_body
from support import running_serve
from test_slack import SECRET, TOKEN, send, served, slack, slash  # noqa: F401  (fixtures)


@pytest.fixture(scope="module")
def real(fake_slack_module, tmp_path_factory):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with running_serve(fake_slack_module, port, tmp_path_factory.mktemp("serve") / "serve.log",
                       token=TOKEN, secret=SECRET) as server:
        yield server


def raw(port: int, data: bytes, timeout: float = 5.0) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.sendall(data)
    return sock


def read_reply(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (bounded by the socket timeout)."""
    chunks = []
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    except (TimeoutError, ConnectionResetError):
        pass
    return b"".join(chunks)


def port_of(server) -> int:
    return int(server.base.rsplit(":", 1)[1])


def healthz(server) -> int:
    with urllib.request.urlopen(server.base + "/healthz", timeout=3) as resp:
        return resp.status


# -- slow clients ----------------------------------------------------------------------------------

def test_slow_bodies_do_not_starve_slack_or_healthz(real, fake_slack_module):
    """Twenty connections (more than any thread pool here) each promise 100 bytes and send 2."""
    fake_slack_module.reset()
    slow = [raw(port_of(real), b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n"
                              b"Content-Type: application/x-www-form-urlencoded\r\n\r\nab", timeout=20)
            for _ in range(20)]
    try:
        assert healthz(real) == 200
        body = slash_command_body("durham 2016-17", fake_slack_module.response_url("slow"))
        status, _, text = post(real.url, body, signed_headers(SECRET, body), timeout=3)
        assert status == 200 and "*190*" in text
        replies = [read_reply(sock) for sock in slow]  # the server gives up on each of them
    finally:
        for sock in slow:
            sock.close()
    assert all(r.startswith(b"HTTP/1.1 408") for r in replies), replies[:2]


def test_slow_headers_are_cut_off_and_do_not_starve_healthz(real):
    slow = [raw(port_of(real), b"POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Slow: ", timeout=20) for _ in range(20)]
    idle = [socket.create_connection(("127.0.0.1", port_of(real)), timeout=20) for _ in range(5)]
    try:
        assert healthz(real) == 200
        closed = [read_reply(sock) for sock in slow + idle]
    finally:
        for sock in slow + idle:
            sock.close()
    assert closed == [b""] * 25  # closed by the server, without a request ever reaching the app


def test_headers_over_64_kb_are_refused_431(real):
    sock = raw(port_of(real), b"POST /slack/events HTTP/1.1\r\nHost: x\r\n" +
               b"".join(b"X-Pad-%d: %s\r\n" % (i, b"y" * 1000) for i in range(70)), timeout=10)
    try:
        reply = read_reply(sock)
    finally:
        sock.close()
    assert reply.startswith(b"HTTP/1.1 431"), reply[:100]
    assert healthz(real) == 200


# -- body limits -----------------------------------------------------------------------------------

def test_body_over_one_megabyte_is_413_before_it_is_read(real):
    sock = raw(port_of(real), b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 209715200\r\n"
                              b"Content-Type: application/json\r\n\r\n{\"a\": ")
    try:
        reply = read_reply(sock)
    finally:
        sock.close()
    assert reply.startswith(b"HTTP/1.1 413"), reply
    assert healthz(real) == 200


def test_signed_two_megabyte_slash_command_is_413(real, fake_slack_module):
    """Refused from its Content-Length: the reply comes before the client has sent the body."""
    fake_slack_module.reset()
    body = slash_command_body("durham 2016-17 " + "x" * (2 * MAX_BODY), fake_slack_module.response_url("big"))
    head = "".join(f"{k}: {v}\r\n" for k, v in signed_headers(SECRET, body).items())
    sock = raw(port_of(real), (f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: {len(body)}\r\n"
                               f"{head}\r\n{body[:1024]}").encode())
    try:
        reply = read_reply(sock)
    finally:
        sock.close()
    assert reply.startswith(b"HTTP/1.1 413"), reply
    assert fake_slack_module.calls == []


def test_chunked_body_without_length_is_capped_while_it_streams(real):
    sock = raw(port_of(real), b"POST /slack/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                              b"Content-Type: application/json\r\n\r\n", timeout=10)
    chunk = b"%x\r\n%s\r\n" % (64 * 1024, b"x" * 64 * 1024)
    try:
        for _ in range(MAX_BODY // (64 * 1024) + 2):
            try:
                sock.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
        reply = read_reply(sock)
    finally:
        sock.close()
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]


def test_the_real_server_logs_no_traceback_for_garbage(real):
    for body in (b"{nope", b"[1]", b"null", b"payload=", b"payload=%7Bnope", b"\xff\xfe"):
        status, _, _ = post(real.url, body, {"Content-Type": "application/json",
                                            "X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=1"})
        assert status == 401
    time.sleep(0.2)
    log = real.log.read_text()
    assert "Traceback" not in log and "Internal Server Error" not in log
    assert log.count("refused a request") >= 6


# -- garbage before the signature check (in-process, the same ASGI app) -----------------------------

GARBAGE = [b"{nope", b"[1]", b"null", b"payload=", b"payload=%7Bnope", b"\xff", b"", b"{\"type\": "]


@pytest.mark.parametrize("body", GARBAGE, ids=range(len(GARBAGE)))
def test_unsigned_garbage_is_401_with_one_log_line(served, slack, caplog, body):
    caplog.set_level(logging.WARNING)
    for headers in ({"Content-Type": "application/json"},
                    {"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": "abc",
                     "X-Slack-Signature": "v0=abc"},
                    {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=00"},
                    {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=\xe9\xff"}):
        caplog.clear()
        status, _, text = post(served.url, body, headers)
        assert status == 401 and "Traceback" not in text
        assert len(caplog.records) == 1 and not caplog.records[0].exc_info, caplog.records
    assert slack.calls == []


SIGNED_GARBAGE = [(b"[1]", "application/json"), (b"null", "application/json"), (b"{nope", "application/json"),
                  (b"payload=", None), (b"payload=%7Bnope", None), (b"payload=%5B1%5D", None), (b"\xff", None)]


@pytest.mark.parametrize("body,ctype", SIGNED_GARBAGE, ids=range(len(SIGNED_GARBAGE)))
def test_signed_garbage_is_400_with_one_log_line(served, slack, caplog, body, ctype):
    caplog.set_level(logging.WARNING)
    stamp = str(int(time.time()))
    signature = "v0=" + hmac.new(SECRET.encode(), b"v0:" + stamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    headers = {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature,
               "Content-Type": ctype or "application/x-www-form-urlencoded"}
    status, _, text = post(served.url, body, headers)
    assert status == 400 and "Traceback" not in text
    assert len(caplog.records) == 1 and not caplog.records[0].exc_info, caplog.records
    assert slack.calls == []


MALFORMED = [b'{"type": "block_actions"}', b'{"type": "event_callback"}', b'{"type": "event_callback", "event": "x"}',
             b'{"type": "event_callback", "event": {"type": "app_mention"}}', b'{"type": null, "event": []}',
             b'{"type": 5}', b'{"type": "message_action", "callback_id": "fact_check"}',
             b'{"type": "event_callback", "event": {"type": "message", "channel_type": "im"}}',
             b'payload=%7B%22type%22%3A%20%22block_actions%22%2C%20%22actions%22%3A%20%5B%7B%22action_id%22%3A'
             b'%20%22share_answer%22%7D%5D%7D', b"command=/offences&text=durham"]


@pytest.mark.parametrize("body", MALFORMED, ids=range(len(MALFORMED)))
def test_signed_payloads_missing_what_slack_always_sends_are_400_without_a_traceback(served, slack, caplog, body):
    caplog.set_level(logging.WARNING)
    ctype = "application/json" if body.startswith(b"{") else "application/x-www-form-urlencoded"
    stamp = str(int(time.time()))
    signature = "v0=" + hmac.new(SECRET.encode(), b"v0:" + stamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    status, _, text = post(served.url, body, {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature,
                                             "Content-Type": ctype})
    assert status == 400 and "Slack always sends" in text
    time.sleep(0.2)  # anything a background job would log
    assert len(caplog.records) == 1 and not any(r.exc_info for r in caplog.records), caplog.records
    assert slack.calls == []


def test_wrong_methods_are_405_and_unknown_paths_404(served, slack):
    for method in ("GET", "PUT", "DELETE"):
        req = urllib.request.Request(served.url, method=method, data=b"" if method != "GET" else None)
        try:
            urllib.request.urlopen(req, timeout=3)
            raise AssertionError("expected an HTTP error")
        except urllib.error.HTTPError as err:
            assert err.code == 405 and err.headers["Allow"] == "POST"
    status, _, _ = post(served.base + "/nowhere", b"x", {})
    assert status == 404


def test_an_event_type_the_bot_ignores_is_acknowledged_200(served, slack):
    body = event_body({"type": "reaction_added", "user": "U1", "reaction": "+1", "event_ts": "1.2",
                       "item": {"type": "message", "channel": "C1", "ts": "1.1"}}, event_id="EvIgnoredType")
    assert send(served, body)[0] == 200
    assert slack.calls == []


def test_healthz_is_answered_while_every_request_thread_is_busy(real, fake_slack_module):
    """Sixteen long fact-checks (twice the 8 request threads; seconds of work in all) at once:
    /healthz is answered by the event loop meanwhile, and every check is answered too."""
    import threading

    copy = "check " + " ".join(["Kent Police recorded 361 offences in 2016/17, up from 63, a rise of 573%."] * 270)
    statuses: list[int] = []

    def check(i: int) -> None:
        body = slash_command_body(copy, fake_slack_module.response_url(f"busy{i}"))
        statuses.append(post(real.url, body, signed_headers(SECRET, body), timeout=60)[0])

    threads = [threading.Thread(target=check, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    time.sleep(0.3)  # the checks are in
    assert healthz(real) == 200
    for t in threads:
        t.join(timeout=90)
    assert statuses == [200] * 16
