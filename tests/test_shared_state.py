"""Several instances sharing one Redis: two real `offences serve` (gunicorn + uvicorn) on two ports with
the same REDIS_URL, against a real redis-server and FakeSlack, behave as one bot. And the rate limit,
Redis missing at start (one line, exit 2) and Redis going away while serving (answers go on).

Skipped, saying why, when redis-server is not installed.
"""

from __future__ import annotations

import json
import time
import urllib.request
import uuid

import pytest

from bot.cli import main
from bot.memory import LocalMemory, RedisMemory
from fake_slack import block_actions_body, event_body, im_message_event, post, signed_headers, slash_command_body
from support import free_tcp_port, running_redis, running_serve, stop
from test_slack import SECRET, TOKEN

LIMIT = 20


@pytest.fixture(scope="module")
def redis_server():
    with running_redis() as server:
        yield server


@pytest.fixture(scope="module")
def two(fake_slack_module, redis_server, tmp_path_factory):
    """Two instances, A and B, sharing one Redis (as two dynos behind one load balancer)."""
    logs = tmp_path_factory.mktemp("two")
    with running_serve(fake_slack_module, free_tcp_port(), logs / "a.log", token=TOKEN, secret=SECRET,
                       REDIS_URL=redis_server.url, OFFENCES_RATE_LIMIT=str(LIMIT)) as a, \
            running_serve(fake_slack_module, free_tcp_port(), logs / "b.log", token=TOKEN, secret=SECRET,
                          REDIS_URL=redis_server.url, OFFENCES_RATE_LIMIT=str(LIMIT)) as b:
        yield a, b


@pytest.fixture
def slack(fake_slack_module):
    fake_slack_module.reset()
    return fake_slack_module


def send(server, body: str, headers: dict | None = None) -> tuple[int, str]:
    status, _, text = post(server.url, body, headers if headers is not None else signed_headers(SECRET, body))
    return status, text


def settle(seconds: float = 0.5) -> None:
    """Give background replies a moment (the assertion after it is on what was sent, not on time)."""
    time.sleep(seconds)


def healthz(server) -> tuple[int, str]:
    with urllib.request.urlopen(server.base + "/healthz", timeout=3) as resp:
        return resp.status, resp.read().decode()


# -- two instances, one bot ------------------------------------------------------------------------

def test_slacks_retry_on_the_other_instance_is_not_answered_again(two, slack):
    a, b = two
    body = event_body(im_message_event("durham 2016-17", channel="D601"), event_id="Ev" + uuid.uuid4().hex)
    assert send(a, body)[0] == 200
    slack.wait_for("chat.postMessage")
    retry = dict(signed_headers(SECRET, body, timestamp=int(time.time()) + 1),
                 **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert send(b, body, retry)[0] == 200
    assert send(a, body, dict(retry, **{"X-Slack-Retry-Num": "2"}))[0] == 200
    settle()
    posted = slack.calls_to("chat.postMessage")
    assert len(posted) == 1 and "190" in posted[0].params["text"]


def test_a_signed_request_replayed_to_the_other_instance_is_refused(two, slack):
    a, b = two
    body = slash_command_body("durham 2016-17", slack.response_url("replay"), user_id="U602")
    headers = signed_headers(SECRET, body)
    status, text = send(a, body, headers)
    assert status == 200 and "*190*" in text
    status, text = send(b, body, headers)
    assert status == 401 and "190" not in text


def test_share_clicked_on_each_instance_posts_once(two, slack):
    a, b = two
    clicks = [block_actions_body("share_answer", "durham 2016-17", slack.response_url(f"share{i}"), user_id="U603",
                                 channel_id="C603", ephemeral=True) for i in range(2)]
    assert send(a, clicks[0])[0] == 200
    assert send(b, clicks[1])[0] == 200
    slack.wait_for("chat.postMessage")
    settle()
    posted = [c for c in slack.calls_to("chat.postMessage") if c.params.get("channel") == "C603"]
    assert len(posted) == 1 and "Shared by <@U603>" in json.dumps(posted[0].params["blocks"])


def test_the_rate_limit_is_shared_across_instances(two, slack):
    """30 commands in a minute from one reporter, alternating between the instances: 20 answered,
    10 told when to try again, none an error."""
    replies = []
    for i in range(30):
        body = slash_command_body("durham 2016-17", slack.response_url(f"rate{i}"), user_id="U604")
        status, text = send(two[i % 2], body)
        assert status == 200
        replies.append(json.loads(text)["text"])
    limited = [r for r in replies if r.startswith("You've asked 20 questions in the last minute; try again in ")]
    answered = [r for r in replies if "Durham Constabulary recorded 190" in r]
    assert (len(answered), len(limited)) == (20, 10), replies
    assert all(r.endswith(("seconds.", "second.")) for r in limited)
    # another reporter is not held up
    body = slash_command_body("durham 2016-17", slack.response_url("other"), user_id="U605")
    assert "Durham Constabulary recorded 190" in json.loads(send(two[1], body)[1])["text"]


def test_a_rate_limited_dm_is_told_in_the_dm(two, slack):
    for i in range(LIMIT):
        body = slash_command_body("help", slack.response_url(f"dm{i}"), user_id="U606")
        assert send(two[i % 2], body)[0] == 200
    body = event_body(im_message_event("durham 2016-17", channel="D606", user="U606"), event_id="Ev" + uuid.uuid4().hex)
    assert send(two[0], body)[0] == 200
    (told,) = slack.wait_for("chat.postMessage")
    assert told.params["channel"] == "D606" and told.params["text"].startswith("You've asked 20 questions")


def test_healthz_says_ok_while_redis_is_there(two):
    for server in two:
        status, body = healthz(server)
        assert status == 200 and body.startswith("ok\ndata ")  # no Redis trouble to report


# -- Redis at start and while serving ---------------------------------------------------------------

def test_serve_with_an_unreachable_redis_exits_2_with_one_line(monkeypatch, capsys, slack):
    port = free_tcp_port()  # nothing listens there
    for name, value in (("SLACK_BOT_TOKEN", TOKEN), ("SLACK_SIGNING_SECRET", SECRET),
                        ("SLACK_API_BASE_URL", slack.api_url), ("REDIS_URL", f"redis://:hunter22@127.0.0.1:{port}/0")):
        monkeypatch.setenv(name, value)
    assert main(["serve", "--port", str(free_tcp_port()), "--host", "127.0.0.1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"offences: cannot reach Redis at 127.0.0.1:{port} (REDIS_URL): ")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and "hunter22" not in err


def test_serve_with_a_redis_url_that_is_not_one_exits_2(monkeypatch, capsys):
    for name, value in (("SLACK_BOT_TOKEN", TOKEN), ("SLACK_SIGNING_SECRET", SECRET), ("REDIS_URL", "localhost:6379")):
        monkeypatch.setenv(name, value)
    assert main(["serve"]) == 2
    assert capsys.readouterr().err.startswith("offences: REDIS_URL does not start with redis://")


def test_answers_go_on_when_redis_goes_away(fake_slack_module, tmp_path):
    """Redis stopped under a running instance: it keeps answering on its own memory (replays still
    refused), logs one warning, and /healthz says so; when Redis is back, /healthz is ok again."""
    slack = fake_slack_module
    slack.reset()
    with running_redis() as redis_server, \
            running_serve(slack, free_tcp_port(), tmp_path / "serve.log", token=TOKEN, secret=SECRET,
                          REDIS_URL=redis_server.url) as server:
        body = slash_command_body("durham 2016-17", slack.response_url("before"), user_id="U607")
        assert "*190*" in send(server, body)[1]
        stop(redis_server.proc)
        for i in range(3):
            body = slash_command_body("durham 2016-17", slack.response_url(f"after{i}"), user_id="U607")
            headers = signed_headers(SECRET, body)
            status, text = send(server, body, headers)
            assert status == 200 and "*190*" in text
            assert send(server, body, headers)[0] == 401  # this instance still remembers
        status, text = healthz(server)
        assert status == 200 and text.startswith(f"ok; degraded: Redis at 127.0.0.1:{redis_server.port} unreachable")
        with running_redis(port=redis_server.port):
            deadline = time.monotonic() + 15
            while not healthz(server)[1].startswith("ok\n"):
                assert time.monotonic() < deadline, "healthz never said ok again after Redis came back"
                time.sleep(0.2)
            body = slash_command_body("durham 2016-17", slack.response_url("back"), user_id="U607")
            assert "*190*" in send(server, body)[1]
            log = server.log.read_text()
    assert log.count("is unreachable") == 1 and "is back" in log, log
    assert "Traceback" not in log


# -- the two memories, side by side -----------------------------------------------------------------

def test_local_and_redis_memory_agree(redis_server):
    shared = RedisMemory(redis_server.url)
    try:
        for memory in (LocalMemory(), shared):
            key = "test:" + uuid.uuid4().hex
            assert memory.seen_once(key, 60) and not memory.seen_once(key, 60)
            memory.forget(key)
            assert memory.seen_once(key, 60)
            user = "rate:test-" + uuid.uuid4().hex
            results = [memory.take(user, 3, 60) for _ in range(5)]
            assert [r[0] for r in results] == [True, True, True, False, False]
            assert all(0 < r[2] <= 60 for r in results[3:])
            assert memory.health() is None
    finally:
        shared.close()
