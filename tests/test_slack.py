"""The Slack face over real HTTP: the app (Bolt's WSGI adapter, Bolt's own request verification) on
loopback, the Web API played by FakeSlack, requests signed as Slack signs them.

Most tests run the ASGI app in-process under uvicorn on loopback, with the guarded protocol
`offences serve` uses (fast); some run the real `offences serve` (gunicorn + uvicorn) in a subprocess. Assertions are on what a reporter would see.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

import bot
from bot import render
from bot.answer import Answerer, answer
from bot.cli import main
from bot.server import asgi_app, guarded_protocol
from bot.slack import wait_idle
from bot.settings import MaskSecretsFilter, Settings, SettingsError, from_env, mask
from bot.store import ROOT, Store
from support import running_serve
from fake_slack import (
    app_mention_event,
    block_actions_body,
    event_body,
    im_message_event,
    post,
    serve_asgi,
    signed_headers,
    slash_command_body,
    url_verification_body,
)

TOKEN = "xoxb-123-456-secretbottoken"
SECRET = "8f14e45fceea167a5a36dedd4bea2543"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64)) + b"IEND\xaeB`\x82"
DURHAM_URL = ("http://www.hartlepoolmail.co.uk/news/sharp-rise-in-online-sex-crimes-against-children-"
              "reported-to-cleveland-police-1-8572244")


def settings_for(slack) -> Settings:
    # rate_limit=0: these tests send far more than 20 commands a minute as one reporter; the audit trail
    # to /dev/null, not the test output (both have their own tests: test_shared_state.py, test_audit.py)
    return Settings(bot_token=TOKEN, signing_secret=SECRET, api_base_url=slack.api_url, retry_interval=0.01,
                    rate_limit=0, audit_log=os.devnull)


@pytest.fixture(scope="module")
def served(fake_slack_module):
    """The app under a threaded loopback WSGI server, for the whole module."""
    application = asgi_app(settings_for(fake_slack_module))
    with serve_asgi(application, http=guarded_protocol()) as base:
        yield types.SimpleNamespace(url=base + "/slack/events", base=base, app=application.bolt_app)


@pytest.fixture
def slack(fake_slack_module, served):
    fake_slack_module.reset()
    fake_slack_module.expected_token = TOKEN
    yield fake_slack_module
    assert wait_idle(served.app), "replies still in progress after 10 s"
    fake_slack_module.expected_token = None


@pytest.fixture
def charts(monkeypatch):
    """bot/charts.py when it exists; until then a stand-in with the same two functions, so the
    upload path (files.getUploadURLExternal, the upload, files.completeUploadExternal) is tested."""
    try:
        from bot import charts as real
    except ImportError:
        real = None
    if real is not None and real.render_png(answer("northumbria")):
        return real
    stub = types.ModuleType("bot.charts")
    stub.render_png = lambda a: PNG if a.kind in ("series", "change", "compare", "rank", "region", "national") else None
    stub.alt_text = lambda a: f"Line chart: {a.title}"
    monkeypatch.setitem(sys.modules, "bot.charts", stub)
    monkeypatch.setattr(bot, "charts", stub, raising=False)
    return stub


def send(served, body: str, headers: dict | None = None) -> tuple[int, dict, str]:
    return post(served.url, body, headers if headers is not None else signed_headers(SECRET, body))


def slash(served, slack, text: str, name: str = "r1", **fields) -> tuple[int, dict | str]:
    body = slash_command_body(text, slack.response_url(name), **fields)
    status, _, raw = send(served, body)
    return status, (json.loads(raw) if raw.startswith("{") else raw)


def all_text(blocks: list[dict]) -> str:
    """Every string a reporter would see in the blocks, joined."""
    out = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    out.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(blocks)
    return "\n".join(out)


def buttons(blocks: list[dict]) -> list[dict]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def quiet(slack, seconds: float = 0.3) -> list:
    """Give background work a moment, then return every Web API / response_url call made."""
    time.sleep(seconds)
    return list(slack.calls)


# -- /offences answered in the acknowledgement ------------------------------------------------------

def test_figure_is_answered_in_the_ack_itself(served, slack):
    status, reply = slash(served, slack, "durham 2016-17")
    assert status == 200
    assert reply["response_type"] == "ephemeral"
    assert "Durham Constabulary recorded 190" in reply["text"]  # the plain-text fallback
    shown = all_text(reply["blocks"])
    assert "*190*" in reply["blocks"][0]["text"]["text"] and "Durham Constabulary" in shown
    assert f"<{DURHAM_URL}|hartlepoolmail.co.uk, June 2017 release>" in shown
    (share,) = buttons(reply["blocks"])
    assert (share["action_id"], share["value"]) == ("share_answer", "durham 2016-17")
    assert quiet(slack, 0.1) == []  # one round trip: no Web API call, no response_url post


def test_help_and_an_empty_command_show_worked_examples(served, slack):
    for text in ("help", ""):
        status, reply = slash(served, slack, text)
        assert status == 200 and reply["response_type"] == "ephemeral"
        shown = all_text(reply["blocks"])
        assert "`durham 2016/17`" in shown and "`top 5 2018/19`" in shown
        examples = buttons(reply["blocks"])
        assert examples[0]["value"] == "durham 2016/17" and examples[0]["action_id"] == "example_0"


def test_help_example_button_answers_as_a_new_ephemeral_reply(served, slack):
    body = block_actions_body("example_0", "durham 2016/17", slack.response_url("ex"), ephemeral=True)
    assert send(served, body)[0] == 200
    (response,) = [c.params for c in slack.wait_for("ex")]
    assert response["replace_original"] is False and response["response_type"] == "ephemeral"
    assert "*190*" in all_text(response["blocks"])


def test_unknown_force_gives_suggestion_buttons_and_clicking_one_reruns(served, slack):
    status, reply = slash(served, slack, "narnia 2016/17")
    assert status == 200 and reply["response_type"] == "ephemeral"
    assert "narnia" in reply["text"]
    suggestions = buttons(reply["blocks"])
    assert [b["value"] for b in suggestions][:1] == ["Northumbria 2016/17"]
    assert [b["action_id"] for b in suggestions] == [f"rerun_{i}" for i in range(len(suggestions))]

    body = block_actions_body("rerun_0", "Northumbria 2016/17", slack.response_url("a1"), ephemeral=True)
    assert send(served, body)[0] == 200
    (response,) = [c.params for c in slack.wait_for("a1")]
    assert response["replace_original"] is True
    assert "*323*" in all_text(response["blocks"]) and "Northumbria Police" in response["text"]
    assert buttons(response["blocks"])[0]["action_id"] == "share_answer"


def test_share_in_channel_posts_the_answer_naming_who_shared_it(served, slack, charts):
    body = block_actions_body("share_answer", "durham 2016-17", slack.response_url("s1"), user_id="U777",
                              channel_id="C42", ephemeral=True)
    assert send(served, body)[0] == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert message.params["channel"] == "C42" and message.token == TOKEN
    shown = all_text(message.params["blocks"])
    assert "*190*" in shown and "Shared by <@U777>" in shown and DURHAM_URL in shown
    assert not buttons(message.params["blocks"])  # no share button on the shared copy
    assert "Durham Constabulary recorded 190" in message.params["text"]
    assert slack.wait_for("s1")[0].params["delete_original"] is True  # the ephemeral copy goes
    if charts.render_png(answer("durham 2016-17")):  # a single figure's chart comes with the shared answer
        slack.wait_for("files.completeUploadExternal")
        (done,) = slack.completed_uploads
        assert done["channel_id"] == "C42" and done["thread_ts"] == message.response["ts"]
        assert done["files"][0]["alt_txt"] == charts.alt_text(answer("durham 2016-17"))


# -- answers with files ----------------------------------------------------------------------------

def test_chart_answer_is_posted_in_the_channel_with_the_chart_in_its_thread(served, slack, charts):
    status, reply = slash(served, slack, "northumbria", channel_id="C55")
    assert status == 200 and reply["response_type"] == "ephemeral"  # acknowledged at once, saying what comes
    assert reply["text"].startswith("Drawing the chart")
    (message,) = slack.wait_for("chat.postMessage")
    assert message.params["channel"] == "C55"
    assert "*323*" in all_text(message.params["blocks"]) and "Northumbria Police" in message.params["text"]
    slack.wait_for("files.completeUploadExternal")
    (url_call,) = slack.calls_to("files.getUploadURLExternal")
    assert url_call.params["filename"].endswith(".png") and url_call.params["alt_txt"]
    (upload,) = [c for c in slack.calls if c.kind == "upload"]
    assert upload.body_bytes.startswith(b"\x89PNG")
    (done,) = slack.completed_uploads
    assert done["channel_id"] == "C55" and done["thread_ts"] == message.response["ts"]
    (chart,) = done["files"]
    assert chart["title"] and chart["alt_txt"] == charts.alt_text(answer("northumbria"))
    assert [c.api_method or c.kind for c in slack.calls] == [
        "chat.postMessage", "files.getUploadURLExternal", "upload", "files.completeUploadExternal"]


def test_private_chart_answer_goes_to_the_reporters_dm(served, slack, charts):
    status, reply = slash(served, slack, "northumbria just me", user_id="U321")
    assert status == 200 and "direct message" in reply["text"] and reply["response_type"] == "ephemeral"
    slack.wait_for("files.completeUploadExternal")
    (opened,) = slack.calls_to("conversations.open")
    assert opened.params["users"] == "U321"
    dm = opened.response["channel"]["id"]
    (message,) = slack.calls_to("chat.postMessage")
    assert message.params["channel"] == dm
    assert slack.completed_uploads[0]["channel_id"] == dm
    assert slack.completed_uploads[0]["thread_ts"] == message.response["ts"]


def test_long_table_goes_as_a_csv_file_with_the_first_rows_inline(served, slack):
    status, reply = slash(served, slack, "sources")
    assert status == 200
    (message,) = slack.wait_for("chat.postMessage")
    shown = all_text(message.params["blocks"])
    assert "June 2016 release (2016-06" in shown and "more in the CSV file" in shown
    assert "July 2024" not in shown  # the last release is only in the file
    slack.wait_for("files.completeUploadExternal")
    (done,) = slack.completed_uploads
    (table,) = done["files"]
    assert table["filename"].endswith(".csv") and done["thread_ts"] == message.response["ts"]
    assert b"July 2024" in table["content"] and table["content"].startswith(b"line\n")


# -- direct messages and mentions ------------------------------------------------------------------

def test_direct_message_is_answered_in_the_dm(served, slack):
    body = event_body(im_message_event("durham 2016-17", channel="D777"), event_id="EvDM1")
    assert send(served, body)[0] == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert message.params["channel"] == "D777" and "*190*" in all_text(message.params["blocks"])
    assert "thread_ts" not in message.params or message.params["thread_ts"] is None


def test_bot_messages_and_message_subtypes_are_ignored(served, slack):
    own = dict(im_message_event("durham 2016-17", channel="D777"), bot_id="BOTHER")
    edited = dict(im_message_event("durham 2016-17", channel="D777"), subtype="message_changed")
    for i, event in enumerate((own, edited)):
        body = event_body(event, event_id=f"EvIgnore{i}")
        assert send(served, body)[0] == 200
    assert quiet(slack) == []


def test_dm_error_comes_with_suggestion_buttons(served, slack):
    body = event_body(im_message_event("narnia 2016/17", channel="D778"), event_id="EvDM2")
    assert send(served, body)[0] == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert message.params["channel"] == "D778"
    assert buttons(message.params["blocks"])[0]["value"] == "Northumbria 2016/17"


def test_mention_is_answered_in_its_thread(served, slack):
    event = app_mention_event("<@UBOT> durham 2016-17", "C9", "1700000050.000100")
    assert send(served, event_body(event, event_id="EvMention1"))[0] == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert (message.params["channel"], message.params["thread_ts"]) == ("C9", "1700000050.000100")
    assert "*190*" in all_text(message.params["blocks"])


def test_url_verification(served, slack):
    body = url_verification_body("abc123")
    status, _, text = send(served, body)
    assert status == 200 and json.loads(text) == {"challenge": "abc123"}


# -- refusing requests Slack did not send ----------------------------------------------------------

def test_bad_or_missing_signature_is_401_and_nothing_runs(served, slack):
    body = slash_command_body("sources", slack.response_url("bad"))
    assert send(served, body, signed_headers("not-the-secret", body))[0] == 401
    unsigned = {"Content-Type": "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp": str(int(time.time()))}
    assert send(served, body, unsigned)[0] == 401
    tampered = signed_headers(SECRET, body)
    assert send(served, body.replace("sources", "durham"), tampered)[0] == 401
    assert quiet(slack) == []


def test_timestamp_older_than_five_minutes_is_401(served, slack):
    body = slash_command_body("sources", slack.response_url("old"))
    assert send(served, body, signed_headers(SECRET, body, timestamp=int(time.time()) - 6 * 60))[0] == 401
    assert quiet(slack) == []


def test_replayed_request_is_401_and_runs_once(served, slack):
    body = slash_command_body("sources", slack.response_url("rp"))
    headers = signed_headers(SECRET, body)
    assert send(served, body, headers)[0] == 200
    assert send(served, body, headers)[0] == 401
    slack.wait_for("files.completeUploadExternal")
    quiet(slack)
    assert len(slack.calls_to("chat.postMessage")) == 1


def test_slack_retry_of_an_event_is_not_answered_twice(served, slack):
    body = event_body(im_message_event("durham 2016-17", channel="D779"), event_id="EvRetry1")
    first = signed_headers(SECRET, body)
    assert send(served, body, first)[0] == 200
    slack.wait_for("chat.postMessage")
    # Slack's retries carry X-Slack-Retry-Num, whether re-signed or with the original headers.
    again = dict(signed_headers(SECRET, body, timestamp=int(time.time()) + 1),
                 **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    same = dict(first, **{"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_timeout"})
    assert send(served, body, again)[0] == 200
    assert send(served, body, same)[0] == 200
    quiet(slack)
    assert len(slack.calls_to("chat.postMessage")) == 1


# -- when Slack's Web API misbehaves ---------------------------------------------------------------

def test_rate_limited_post_is_retried_after_retry_after(served, slack):
    slack.fail_next("chat.postMessage", status=429, retry_after=0)
    body = event_body(im_message_event("durham 2016-17", channel="D780"), event_id="EvRate1")
    assert send(served, body)[0] == 200
    calls = slack.wait_for(lambda c: c.api_method == "chat.postMessage" and c.status == 200, timeout=5)
    assert [c.status for c in slack.calls_to("chat.postMessage")] == [429, 200]
    assert calls[0].params["channel"] == "D780"


def test_server_errors_are_retried_then_succeed(served, slack):
    slack.fail_next("chat.postMessage", status=503, times=2)
    status, _ = slash(served, slack, "sources")
    assert status == 200
    slack.wait_for("files.completeUploadExternal")
    assert [c.status for c in slack.calls_to("chat.postMessage")] == [503, 503, 200]


def test_persistent_500_tells_the_reporter_through_response_url(served, slack):
    slack.fail_next("chat.postMessage", status=500, times=3)
    status, _ = slash(served, slack, "sources", name="r500")
    assert status == 200
    (response,) = [c.params for c in slack.wait_for("r500")]
    assert response["response_type"] == "ephemeral" and "error id" in response["text"]
    assert "Slack would not take the answer just now (HTTP 500)" in response["text"]
    assert "Traceback" not in response["text"]
    assert [c.status for c in slack.calls_to("chat.postMessage")] == [500, 500, 500]
    assert slack.calls_to("files.getUploadURLExternal") == []


def test_channel_the_bot_cannot_post_in_is_explained(served, slack):
    slack.fail_next("chat.postMessage", error="not_in_channel")
    slash(served, slack, "sources", name="rnic")
    (response,) = [c.params for c in slack.wait_for("rnic")]
    assert "/invite @offences" in response["text"] and "private" in response["text"]


# -- a fault of ours -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def broken(fake_slack_module, tmp_path_factory):
    """The app on a copy of queries/ whose figure query (place_years.sql) is broken on purpose."""
    queries = tmp_path_factory.mktemp("queries")
    for path in (ROOT / "queries").glob("*.sql"):
        shutil.copy(path, queries)
    (queries / "place_years.sql").write_text("SELECT no_such_column FROM figures WHERE geography = $geography")
    application = asgi_app(settings_for(fake_slack_module), answerer=Answerer(Store(queries_dir=queries)))
    with serve_asgi(application, http=guarded_protocol()) as base:
        yield types.SimpleNamespace(url=base + "/slack/events", app=application.bolt_app)


def test_exception_gives_an_apology_with_an_error_id_and_no_traceback(broken, slack, caplog):
    status, reply = slash(broken, slack, "durham 2016-17")
    assert status == 200 and reply["response_type"] == "ephemeral"
    assert "Sorry" in reply["text"] and "error id" in reply["text"]
    for leak in ("Traceback", "no_such_column", "Binder", "duckdb"):
        assert leak not in json.dumps(reply)
    error_id = reply["text"].split("error id ")[1][:8]
    assert any(error_id in r.getMessage() and r.exc_info for r in caplog.records)  # the traceback is logged

    body = event_body(im_message_event("durham 2016-17", channel="D781"), event_id="EvBroken1")
    assert send(broken, body)[0] == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert message.params["channel"] == "D781" and "error id" in message.params["text"]
    assert "Traceback" not in message.params["text"]


# -- Block Kit limits ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["durham 2016-17", "northumbria", "northumbria 2015/16 vs 2016/17", "top 50 2018/19",
                                  "top 10 2018/19 rate", "compare durham, cleveland and northumbria 2016/17",
                                  "north east 2016/17", "england and wales 2016/17", "sources", "sources durham 2016/17",
                                  "help", "", "narnia 2016/17", "2017 durham", "x" * 400])
def test_blocks_stay_inside_slacks_limits(text):
    result = answer(text or "help")
    for shown in (render.blocks(result, share_text=text, shared_by="U1"),
                  render.blocks(result, inline_lines=render.INLINE_LINES)):
        assert 0 < len(shown) <= 50
        for block in shown:
            if block["type"] == "section":
                assert 0 < len(block["text"]["text"]) <= 3000
            if block["type"] == "context":
                assert 0 < len(block["elements"]) <= 10
                assert all(len(e["text"]) <= 3000 for e in block["elements"])
            if block["type"] == "actions":
                assert len(block["elements"]) <= 25
                for b in block["elements"]:
                    assert len(b["text"]["text"]) <= 75 and len(b["value"]) <= 2000
        assert render.plain_text(result)


# -- settings and secrets --------------------------------------------------------------------------

def test_missing_settings_name_the_setting_and_how_to_get_it():
    with pytest.raises(SettingsError, match=r"^SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token"):
        from_env({})
    with pytest.raises(SettingsError, match=r"^SLACK_SIGNING_SECRET is not set: copy it from your app's Basic "
                                             r"Information page"):
        from_env({"SLACK_BOT_TOKEN": TOKEN})
    with pytest.raises(SettingsError, match=r"^SLACK_APP_TOKEN is not set"):
        from_env({"SLACK_BOT_TOKEN": TOKEN}, socket_mode=True)
    settings = from_env({"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET, "PORT": "8123",
                         "SLACK_API_BASE_URL": "https://slack-gov.com/api"})
    assert (settings.port, settings.api_base_url) == (8123, "https://slack-gov.com/api/")
    assert TOKEN not in repr(settings) and SECRET not in repr(settings)


def test_serve_without_a_setting_exits_2_with_one_line(monkeypatch, capsys):
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == ("offences: SLACK_SIGNING_SECRET is not set: copy it from your app's Basic Information page "
                   "(App Credentials, Signing Secret)")


def test_serve_with_a_refused_token_exits_2(monkeypatch, capsys, slack):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-revoked")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    monkeypatch.setenv("SLACK_API_BASE_URL", slack.api_url)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "SLACK_BOT_TOKEN was refused by Slack (invalid_auth)" in err and "xoxb-revoked" not in err


def test_log_masking():
    assert mask(f"Authorization: Bearer {TOKEN} app xapp-1-A-2-abc") == "Authorization: Bearer xoxb-*** app xapp-***"
    assert mask("token=verification-token&team_id=T1") == "token=***&team_id=T1"
    assert mask(f"secret {SECRET}", [SECRET]) == "secret ***"
    import logging

    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "calling with %s", (TOKEN,), None)
    assert MaskSecretsFilter([SECRET]).filter(record) and TOKEN not in record.getMessage()


# -- the real server -------------------------------------------------------------------------------

def test_offences_serve_end_to_end_under_gunicorn(fake_slack_module, free_port, tmp_path):
    slack = fake_slack_module
    slack.reset()
    log_path = tmp_path / "serve.log"
    with running_serve(slack, free_port, log_path, token=TOKEN, secret=SECRET, LOG_LEVEL="DEBUG",
                       PORT="1") as served:  # --port wins over PORT
        status, reply = slash(served, slack, "durham 2016-17")
        assert status == 200 and "*190*" in reply["blocks"][0]["text"]["text"]
        body = event_body(im_message_event("durham 2016-17", channel="D900"), event_id="EvServe1")
        assert send(served, body)[0] == 200
        assert slack.wait_for("chat.postMessage")[0].params["channel"] == "D900"
        bad = slash_command_body("durham 2016-17", slack.response_url("x"))
        assert send(served, bad, signed_headers("wrong", bad))[0] == 401
    output = log_path.read_text()
    assert served.proc.returncode == 0, output
    assert "gunicorn with uvicorn" in output
    assert TOKEN not in output and SECRET not in output and "verification-token" not in output


# -- hostile input through Slack -------------------------------------------------------------------

from test_answer import HOSTILE  # noqa: E402  (the one set every entry point runs)

SLACK_HOSTILE = HOSTILE + ["<!channel> durham 2016-17", "<!here|here> narnia", "<@U999|boss> <#C1|general> 2016/17",
                           "*bold* _it_ ~s~ `code` &amp; &lt;", "x" * 4000]


@pytest.mark.parametrize("text", SLACK_HOSTILE, ids=range(len(SLACK_HOSTILE)))
def test_hostile_slash_and_dm_input(served, slack, text):
    status, reply = slash(served, slack, text)
    assert status == 200
    shown = json.dumps(reply) if isinstance(reply, dict) else reply
    body = event_body(im_message_event(text, channel="D990"), event_id=f"EvHostile{abs(hash(text))}")
    assert send(served, body)[0] == 200
    slack.wait_for("chat.postMessage")
    assert wait_idle(served.app)
    shown += json.dumps([c.params for c in slack.calls])
    assert "Traceback" not in shown and "Sorry, something went wrong" not in shown
    for ping in ("<!channel>", "<!here", "<!everyone>"):
        assert ping not in shown  # never turned into a mention of everyone


# -- start-up failures, docs, deployment files -----------------------------------------------------

def test_serve_socket_without_an_app_token_exits_2(monkeypatch, capsys):
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    assert main(["serve", "--socket"]) == 2
    assert capsys.readouterr().err.startswith("offences: SLACK_APP_TOKEN is not set: create an app-level token")


def test_serve_with_broken_data_exits_2_naming_the_file(fake_slack_module, free_port, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "measures.csv").unlink()
    env = dict(os.environ, SLACK_BOT_TOKEN=TOKEN, SLACK_SIGNING_SECRET=SECRET, OFFENCES_DATA_DIR=str(data),
               SLACK_API_BASE_URL=fake_slack_module.api_url, LOG_LEVEL="WARNING")
    done = subprocess.run([str(Path(sys.executable).with_name("offences")), "serve", "--host", "127.0.0.1",
                           "--port", str(free_port)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert f"offences: cannot start: {data}/measures.csv: file is missing" in done.stderr
    assert "Traceback" not in done.stderr and "listening on" not in done.stderr  # never claimed to be up


def test_docs_name_every_setting_and_option():
    docs = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_BASE_URL", "PORT",
                 "LOG_LEVEL", "offences serve", "--port", "--socket", "--host", "/slack/events", "/healthz",
                 "install in your workspace", "### Serving", "manifest.yml", "Procfile", "fact_check",
                 "socket_mode_enabled", "private", "Share in channel", "help", "sources"):
        assert name in docs, f"README.md does not mention {name}"


def test_manifest_and_procfile():
    manifest = (ROOT / "manifest.yml").read_text(encoding="utf-8")
    for line in ("- command: /offences", "url: https://YOUR-HOST/slack/events", "usage_hint:",
                 "callback_id: fact_check", "name: Fact-check figures", "socket_mode_enabled: false",
                 "is_enabled: true", "- app_mention", "- message.im"):
        assert line in manifest, line
    for scope in ("commands", "chat:write", "files:write", "app_mentions:read", "channels:history",
                  "groups:history", "im:history", "im:write"):
        assert f"      - {scope} " in manifest or manifest.rstrip().endswith(f"- {scope}"), scope
    assert "\t" not in manifest
    for doc in re.findall(r"\bdocs/[\w.-]+\.md", manifest):  # what the manifest points to is there
        assert (ROOT / doc).is_file(), doc
    assert "docs/slack.md" in manifest and "Until then Slack shows" not in manifest  # the shortcut has a listener
    assert (ROOT / "Procfile").read_text() == "web: offences serve --port $PORT\n"


def test_serve_socket_asks_slack_for_a_websocket_with_the_app_token(monkeypatch, capsys, slack):
    """Socket Mode up to the connection: FakeSlack has no websockets, so apps.connections.open is
    refused, and that is one clear line and exit 2."""
    for name, value in (("SLACK_BOT_TOKEN", TOKEN), ("SLACK_APP_TOKEN", "xapp-1-A1-123-abc"),
                        ("SLACK_API_BASE_URL", slack.api_url)):
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)  # not needed in Socket Mode
    slack.expected_token = None
    assert main(["serve", "--socket"]) == 2
    (opened,) = slack.calls_to("apps.connections.open")
    assert opened.token == "xapp-1-A1-123-abc"
    err = capsys.readouterr().err
    assert "SLACK_APP_TOKEN was refused by Slack (unknown_method)" in err and "xapp-1-A1-123-abc" not in err
