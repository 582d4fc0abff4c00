"""The fake Slack works with the real slack_sdk WebClient and a real Bolt app."""

from __future__ import annotations

import json
import types
import urllib.parse

import pytest
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import builtin_handlers
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler, ServerErrorRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator

from fake_slack import (
    FakeSlack,
    app_mention_event,
    block_actions_body,
    event_body,
    im_message_event,
    message_shortcut_body,
    post,
    serve_wsgi,
    signed_headers,
    slash_command_body,
    url_verification_body,
)

TOKEN = "xoxb-test"
SECRET = "shh-signing-secret"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) + b"IEND\xaeB`\x82"


@pytest.fixture
def slack():
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def client(slack):
    return WebClient(token=TOKEN, base_url=slack.api_url, timeout=5)


# --- Web API through the real WebClient -----------------------------------------------------


def test_api_url_is_loopback_and_slash_terminated(slack):
    assert slack.api_url.startswith("http://127.0.0.1:") and slack.api_url.endswith("/api/")
    assert slack.response_url("r1") == slack.api_url[: -len("api/")] + "response/r1"


def test_auth_test(slack, client):
    resp = client.auth_test()
    assert resp["ok"] is True
    assert (resp["user_id"], resp["bot_id"], resp["team_id"]) == ("UBOT", "BBOT", "T123")
    assert (resp["user"], resp["team"]) == ("offences", "Newsroom")
    assert resp["url"].startswith("https://")
    (call,) = slack.calls_to("auth.test")
    assert call.method == "POST" and call.path == "/api/auth.test"
    assert call.header("authorization") == f"Bearer {TOKEN}" and call.token == TOKEN


def test_post_message_is_json_and_gets_fresh_ts(slack, client):
    first = client.chat_postMessage(channel="C1", text="hello", blocks=[{"type": "divider"}])
    second = client.chat_postMessage(channel="C1", text="again", thread_ts=first["ts"])
    assert first["channel"] == "C1"
    assert first["ts"] == "1700000000.000100" and second["ts"] == "1700000000.000200"
    assert first["message"]["text"] == "hello" and first["message"]["bot_id"] == "BBOT"
    assert first["message"]["blocks"] == [{"type": "divider"}]
    calls = slack.calls_to("chat.postMessage")
    assert [c.params["text"] for c in calls] == ["hello", "again"]
    assert calls[0].header("Content-Type").startswith("application/json")
    assert calls[0].params["blocks"] == [{"type": "divider"}]  # JSON body: blocks stay structured
    assert calls[1].params["thread_ts"] == first["ts"]


def test_other_chat_and_conversation_methods(slack, client):
    assert client.chat_postEphemeral(channel="C1", user="U1", text="psst")["message_ts"]
    updated = client.chat_update(channel="C1", ts="1.2", text="edited")
    assert (updated["channel"], updated["ts"], updated["text"]) == ("C1", "1.2", "edited")
    assert client.chat_delete(channel="C1", ts="1.2")["ts"] == "1.2"
    assert client.conversations_open(users="U777")["channel"]["id"] == "DU777"
    user = client.users_info(user="U42")["user"]
    assert user["id"] == "U42" and user["name"]
    # Form-encoded methods decode to plain params.
    (delete,) = slack.calls_to("chat.delete")
    assert delete.header("Content-Type") == "application/x-www-form-urlencoded"
    assert delete.params == {"channel": "C1", "ts": "1.2"}
    with pytest.raises(SlackApiError) as err:
        client.api_call("no.such.method")
    assert err.value.response["error"] == "unknown_method"


def test_conversations_replies(slack, client):
    default = client.conversations_replies(channel="C1", ts="1.2")
    assert [m["ts"] for m in default["messages"]] == ["1.2"]  # just the parent
    # The bot's own thread posts show up in the default thread...
    client.chat_postMessage(channel="C1", thread_ts="1.2", text="answer")
    msgs = client.conversations_replies(channel="C1", ts="1.2")["messages"]
    assert [m["text"] for m in msgs] == ["parent message", "answer"]
    # ...unless the test configures the thread explicitly.
    thread = [
        {"type": "message", "user": "U1", "text": "how many offences in Kent?", "ts": "5.0", "thread_ts": "5.0"},
        {"type": "message", "user": "UBOT", "bot_id": "BBOT", "text": "1,234", "ts": "5.1", "thread_ts": "5.0"},
    ]
    slack.set_replies("C9", "5.0", thread)
    assert client.conversations_replies(channel="C9", ts="5.0")["messages"] == thread
    call = slack.calls_to("conversations.replies")[-1]
    assert call.method == "POST" and call.params == {"channel": "C9", "ts": "5.0"}


def test_files_upload_v2_end_to_end(slack, client):
    resp = client.files_upload_v2(
        content=PNG,
        filename="c.png",
        channel="C1",
        thread_ts="1.2",
        title="Offences by force",
        alt_txt="Bar chart of offences",
        initial_comment="Here is the chart",
    )
    file_id = resp["file"]["id"]
    assert resp["files"] == [{"id": file_id, "title": "Offences by force"}]
    assert slack.uploads == {file_id: PNG}

    # Step 1: alt_txt travels here, not in step 3.
    (get_url,) = slack.calls_to("files.getUploadURLExternal")
    assert get_url.params["filename"] == "c.png"
    assert get_url.params["length"] == str(len(PNG))
    assert get_url.params["alt_txt"] == "Bar chart of offences"
    # Step 2: raw bytes to the upload URL, no token, no retry handlers.
    (upload,) = slack.wait_for("upload")
    assert upload.name == file_id and upload.body_bytes == PNG and upload.token is None
    assert upload.response == f"OK - {len(PNG)}"
    # Step 3: completion, files as a JSON string in a form body.
    (complete,) = slack.calls_to("files.completeUploadExternal")
    assert json.loads(complete.params["files"]) == [{"id": file_id, "title": "Offences by force"}]
    assert slack.completed_uploads == [
        {
            "channel_id": "C1",
            "channels": None,
            "thread_ts": "1.2",
            "initial_comment": "Here is the chart",
            "files": [
                {
                    "id": file_id,
                    "title": "Offences by force",
                    "filename": "c.png",
                    "length": str(len(PNG)),
                    "alt_txt": "Bar chart of offences",
                    "content": PNG,
                }
            ],
        }
    ]
    assert [c.api_method or c.kind for c in slack.calls] == [
        "files.getUploadURLExternal",
        "upload",
        "files.completeUploadExternal",
    ]


# --- failure injection -------------------------------------------------------------------


def test_rate_limit_then_success_with_rate_limit_retry_handler(slack, monkeypatch):
    slept: list[float] = []
    # The handler sleeps Retry-After + random(); record instead of sleeping.
    monkeypatch.setattr(builtin_handlers, "time", types.SimpleNamespace(sleep=slept.append))
    client = WebClient(
        token=TOKEN, base_url=slack.api_url, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)]
    )
    slack.fail_next("chat.postMessage", status=429, retry_after=1, times=1)
    resp = client.chat_postMessage(channel="C1", text="hi")
    assert resp["ok"] is True
    assert [c.status for c in slack.calls_to("chat.postMessage")] == [429, 200]
    assert len(slept) == 1 and 1 <= slept[0] < 2  # honoured Retry-After: 1


def test_rate_limit_without_handler_surfaces_ratelimited(slack, client):
    slack.fail_next("chat.postMessage", status=429, retry_after=7)
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="C1", text="hi")
    assert err.value.response.status_code == 429
    assert err.value.response["error"] == "ratelimited"
    assert err.value.response.headers["Retry-After"] == "7"
    assert client.chat_postMessage(channel="C1", text="hi")["ok"]  # back to normal


def test_server_error_then_success_with_server_error_retry_handler(slack):
    handler = ServerErrorRetryHandler(max_retry_count=2, interval_calculator=FixedValueRetryIntervalCalculator(0.01))
    client = WebClient(token=TOKEN, base_url=slack.api_url, retry_handlers=[handler])
    slack.fail_next("conversations.replies", status=500, times=2)
    resp = client.conversations_replies(channel="C1", ts="1.2")
    assert resp["ok"] is True
    assert [c.status for c in slack.calls_to("conversations.replies")] == [500, 500, 200]


def test_server_error_without_handler_is_an_api_error(slack, client):
    slack.fail_next("auth.test", status=500)
    with pytest.raises(SlackApiError) as err:
        client.auth_test()
    assert err.value.response.status_code == 500


def test_ok_false_error_injection(slack, client):
    slack.fail_next("chat.postMessage", error="channel_not_found")
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="CGONE", text="hi")
    assert err.value.response.status_code == 200
    assert err.value.response["error"] == "channel_not_found"


def test_expected_token(slack):
    slack.expected_token = TOKEN
    assert WebClient(token=TOKEN, base_url=slack.api_url).auth_test()["ok"]
    with pytest.raises(SlackApiError) as err:
        WebClient(token="xoxb-wrong", base_url=slack.api_url).auth_test()
    assert err.value.response["error"] == "invalid_auth"
    assert slack.calls_to("auth.test")[-1].token == "xoxb-wrong"


def test_wait_for_times_out_with_a_helpful_message(slack, client):
    client.auth_test()
    with pytest.raises(AssertionError, match=r"(?s)chat\.postMessage.*auth\.test"):
        slack.wait_for("chat.postMessage", timeout=0.1)


def test_response_url_records_json(slack):
    status, _, body = post(slack.response_url("r7"), json.dumps({"text": "hi"}), {"Content-Type": "application/json"})
    assert (status, body) == (200, "ok")
    assert slack.responses_to("r7") == [{"text": "hi"}]


# --- payload builders ---------------------------------------------------------------------


def test_signed_headers_verify_with_slack_sdk():
    from slack_sdk.signature import SignatureVerifier

    body = slash_command_body("kent 2023", "http://127.0.0.1:1/response/r1")
    headers = signed_headers(SECRET, body)
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert SignatureVerifier(SECRET).is_valid_request(body, headers)
    assert not SignatureVerifier("other").is_valid_request(body, headers)
    assert signed_headers(SECRET, event_body(im_message_event("hi")))["Content-Type"] == "application/json"
    fields = dict(urllib.parse.parse_qsl(body))
    assert fields["command"] == "/offences" and fields["text"] == "kent 2023" and fields["trigger_id"]


# --- a real Bolt app against the fake -----------------------------------------------------


@pytest.fixture
def bolt(slack):
    """A minimal Bolt app using the fake for every outbound call, served on loopback."""
    app = App(signing_secret=SECRET, client=WebClient(token=TOKEN, base_url=slack.api_url, timeout=5))
    seen: dict[str, object] = {}

    @app.command("/offences")
    def on_command(ack, respond, command, client):
        ack("Working on it")
        respond(text=f"You asked: {command['text']}", response_type="ephemeral")
        client.chat_postMessage(channel=command["channel_id"], text=f"answer to {command['text']}")

    @app.action("more")
    def on_action(ack, body, respond):
        ack()
        respond(text=f"more of {body['actions'][0]['value']}")

    @app.shortcut("explain")
    def on_shortcut(ack, shortcut, client):
        ack()
        seen["shortcut"] = shortcut
        client.chat_postMessage(
            channel=shortcut["channel"]["id"], thread_ts=shortcut["message"]["ts"], text="explained"
        )

    @app.event("app_mention")
    def on_mention(event, say):
        say(text="mentioned", thread_ts=event.get("thread_ts") or event["ts"])

    @app.event("message")
    def on_dm(event, say):
        if event.get("channel_type") == "im":
            say(text=f"dm: {event['text']}")

    with serve_wsgi(SlackRequestHandler(app)) as base:
        yield types.SimpleNamespace(url=f"{base}/slack/events", app=app, seen=seen)


def test_bolt_slash_command(slack, bolt):
    assert len(slack.calls_to("auth.test")) == 1  # App() verified the token eagerly
    body = slash_command_body("kent 2023", slack.response_url("r1"), channel_id="C55")
    status, _, text = post(bolt.url, body, signed_headers(SECRET, body))
    assert (status, text) == (200, "Working on it")
    slack.wait_for("r1")
    assert slack.responses_to("r1") == [{"text": "You asked: kent 2023", "response_type": "ephemeral"}]
    (msg,) = slack.wait_for("chat.postMessage")
    assert msg.params["channel"] == "C55" and msg.params["text"] == "answer to kent 2023"
    assert msg.token == TOKEN


def test_bolt_rejects_bad_signature(slack, bolt):
    body = slash_command_body("kent", slack.response_url("r1"))
    status, _, _ = post(bolt.url, body, signed_headers("wrong-secret", body))
    assert status == 401
    stale = signed_headers(SECRET, body, timestamp=1_000_000_000)
    assert post(bolt.url, body, stale)[0] == 401
    assert slack.responses_to("r1") == [] and slack.calls_to("chat.postMessage") == []


def test_bolt_interactivity_and_events(slack, bolt):
    body = block_actions_body("more", "kent", slack.response_url("a1"))
    assert post(bolt.url, body, signed_headers(SECRET, body))[0] == 200
    assert slack.wait_for("a1")[0].params["text"] == "more of kent"

    body = message_shortcut_body("explain", "1,234 offences", "9.9", "C77", slack.response_url("s1"))
    assert post(bolt.url, body, signed_headers(SECRET, body))[0] == 200
    (reply,) = slack.wait_for("chat.postMessage")
    assert (reply.params["channel"], reply.params["thread_ts"]) == ("C77", "9.9")
    assert bolt.seen["shortcut"]["message"]["text"] == "1,234 offences"

    body = event_body(app_mention_event("<@UBOT> kent", "C1", "7.7", thread_ts="7.0"), event_id="Ev1")
    assert post(bolt.url, body, signed_headers(SECRET, body))[0] == 200
    body = event_body(im_message_event("hello", channel="D9", ts="8.8"), event_id="Ev2")
    assert post(bolt.url, body, signed_headers(SECRET, body))[0] == 200
    calls = slack.wait_for("chat.postMessage", count=3)
    by_text = {c.params["text"]: c.params for c in calls}
    assert by_text["mentioned"]["channel"] == "C1" and by_text["mentioned"]["thread_ts"] == "7.0"
    assert by_text["dm: hello"]["channel"] == "D9"

    body = url_verification_body("abc")
    status, _, text = post(bolt.url, body, signed_headers(SECRET, body))
    assert status == 200 and json.loads(text) == {"challenge": "abc"}
