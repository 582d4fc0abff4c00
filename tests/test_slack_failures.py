"""When Slack fails the bot: every failure reaches the person who asked, with an error id, through a
route that still works, and nothing is claimed to have failed that did not. Over real HTTP against
FakeSlack, which injects 5xx, 429, ok:false and delays."""

from __future__ import annotations

import time

import pytest

from bot.cli import main
from bot.slack import wait_idle
from fake_slack import app_mention_event, block_actions_body, event_body, im_message_event, signed_headers, \
    slash_command_body
from test_slack import SECRET, TOKEN, all_text, charts, send, served, slack, slash  # noqa: F401  (fixtures)


def in_channel(channel):
    return lambda params: params.get("channel") == channel


def mention(served, text: str, channel: str, ts: str, event_id: str) -> None:
    assert send(served, event_body(app_mention_event(f"<@UBOT> {text}", channel, ts), event_id=event_id))[0] == 200


def told(slack, user: str = "U123", count: int = 1):
    """Ephemeral messages (and DMs) that reached the user."""
    def ok(c):
        return c.status == 200 and isinstance(c.response, dict) and c.response.get("ok")

    return slack.wait_for(lambda c: ok(c) and ((c.api_method == "chat.postEphemeral" and c.params.get("user") == user)
                                               or (c.api_method == "chat.postMessage"
                                                   and str(c.params.get("channel", "")).startswith("D"))),
                          count=count)


FAILURES = [dict(status=500, times=3), dict(status=503, times=3), dict(status=429, retry_after=0, times=3),
            dict(error="invalid_blocks"), dict(error="msg_too_long"), dict(status=502, times=3)]


@pytest.mark.parametrize("failure", FAILURES, ids=lambda f: str(f.get("error") or f["status"]))
def test_a_mention_answer_slack_will_not_take_is_told_to_the_asker(served, slack, failure):
    slack.fail_next("chat.postMessage", **failure)
    mention(served, "durham 2016-17", "C61", "1700002000.000100", f"EvFail{failure.get('error') or failure['status']}")
    (note,) = told(slack)
    assert note.api_method == "chat.postEphemeral" and note.params["channel"] == "C61"
    assert note.params["thread_ts"] == "1700002000.000100"
    assert "error id" in note.params["text"] and "Traceback" not in note.params["text"]
    if "error" in failure:  # Slack refused the message itself: the answer comes as plain text
        assert failure["error"] in note.params["text"] and "Durham Constabulary recorded 190" in note.params["text"]
    else:
        assert "please try again" in note.params["text"]


def test_a_dm_answer_slack_will_not_take_is_told_in_the_dm(served, slack):
    slack.fail_next("chat.postMessage", status=503, times=3)
    assert send(served, event_body(im_message_event("durham 2016-17", channel="D62"), event_id="EvFailDM"))[0] == 200
    (note,) = told(slack)
    assert note.params["channel"] == "D62" and "(HTTP 503)" in note.params["text"] and "error id" in note.params["text"]


def test_a_channel_the_bot_is_not_in_falls_back_to_a_dm(served, slack):
    slack.fail_next("chat.postMessage", error="not_in_channel", match=in_channel("C63"))
    slack.fail_next("chat.postEphemeral", error="not_in_channel")
    mention(served, "durham 2016-17", "C63", "1700002100.000100", "EvFailNIC")
    (note,) = told(slack)
    assert note.api_method == "chat.postMessage" and note.params["channel"] == "DU123"
    assert "/invite @offences" in note.params["text"] and "error id" in note.params["text"]


def test_a_chart_answer_in_a_dm_whose_chart_cannot_be_uploaded_says_the_answer_is_posted(served, slack, charts):
    slack.fail_next("upload", status=500, times=3)
    assert send(served, event_body(im_message_event("northumbria", channel="D64"), event_id="EvFailUp"))[0] == 200
    (answer, note) = slack.wait_for(lambda c: c.api_method == "chat.postMessage" and c.params["channel"] == "D64", 2)
    assert "Northumbria Police" in answer.params["text"]
    assert note.params["text"].startswith("The answer is posted; its chart could not be uploaded (error id ")
    assert "Sorry" not in note.params["text"]


def test_a_slash_chart_whose_upload_fails_says_the_answer_is_posted(served, slack, charts):
    slack.fail_next("upload", status=500, times=3)
    slash(served, slack, "northumbria", name="rup", channel_id="C65")
    (response,) = [c.params for c in slack.wait_for("rup")]
    assert response["text"].startswith("The answer is posted; its chart could not be uploaded (error id ")
    assert len(slack.calls_to("chat.postMessage")) == 1


def test_one_failed_upload_is_retried_and_the_chart_arrives(served, slack, charts):
    slack.fail_next("upload", status=500)
    slash(served, slack, "northumbria", name="rup1", channel_id="C66")
    slack.wait_for("files.completeUploadExternal")
    assert [c.status for c in slack.calls if c.kind == "upload"] == [500, 200]
    assert slack.responses_to("rup1") == []  # nothing to apologise for


def test_a_slow_post_is_waited_for_not_reported_as_a_failure(served, slack, charts):
    slack.delay_next("chat.postMessage", 11)
    slash(served, slack, "northumbria", name="rslow", channel_id="C67")
    slack.wait_for("files.completeUploadExternal", timeout=20)
    assert len(slack.calls_to("chat.postMessage")) == 1 and slack.responses_to("rslow") == []


def test_a_rate_limited_channel_does_not_hold_up_another(served, slack, charts):
    slack.fail_next("chat.postMessage", status=429, retry_after=2, times=2, match=in_channel("C68"))
    for i, text in enumerate(("northumbria", "durham", "kent", "cleveland")):
        status, reply = slash(served, slack, text, name=f"rl{i}", channel_id="C68")
        assert status == 200 and reply["text"].startswith("Drawing the chart")  # acknowledged at once
    slash(served, slack, "lancashire", name="other", channel_id="C69")
    posted = slack.wait_for(lambda c: c.api_method == "chat.postMessage" and c.status == 200, count=5, timeout=30)
    assert posted[0].params["channel"] == "C69"  # the other channel first, not after C68's wait
    assert [c.params["channel"] for c in posted[1:]] == ["C68"] * 4


def test_gateway_errors_502_and_504_are_retried(served, slack):
    slack.fail_next("chat.postMessage", status=502)
    slack.fail_next("chat.postMessage", status=504)
    assert send(served, event_body(im_message_event("durham 2016-17", channel="D70"), event_id="EvGateway"))[0] == 200
    slack.wait_for(lambda c: c.api_method == "chat.postMessage" and c.status == 200)
    assert [c.status for c in slack.calls_to("chat.postMessage")] == [502, 504, 200]


# -- double clicks and replays ---------------------------------------------------------------------

def test_share_double_clicked_posts_once(served, slack):
    for name in ("dc1", "dc2"):  # two clicks: different action_ts and response_url, same message
        body = block_actions_body("share_answer", "durham 2015/16", slack.response_url(name), user_id="U801",
                                  channel_id="C71", ephemeral=True)
        assert send(served, body)[0] == 200
    slack.wait_for("dc1")
    time.sleep(0.3)
    assert len(slack.calls_to("chat.postMessage")) == 1


def test_a_share_that_failed_can_be_clicked_again(served, slack):
    slack.fail_next("chat.postMessage", status=500, times=3)
    for name in ("sf1", "sf2"):
        body = block_actions_body("share_answer", "durham 2015/16", slack.response_url(name), user_id="U802",
                                  channel_id="C72", ephemeral=True)
        assert send(served, body)[0] == 200
        slack.wait_for(name)
        assert wait_idle(served.app)  # the reporter reads "please try again", then clicks again
    assert [c.status for c in slack.calls_to("chat.postMessage")] == [500, 500, 500, 200]


def test_a_replayed_slash_command_with_a_retry_header_is_refused(served, slack):
    body = slash_command_body("sources", slack.response_url("rr"))
    headers = signed_headers(SECRET, body)
    assert send(served, body, headers)[0] == 200
    replay = dict(headers, **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert send(served, body, replay)[0] == 401
    slack.wait_for("files.completeUploadExternal")
    time.sleep(0.3)
    assert len(slack.calls_to("chat.postMessage")) == 1


# -- what the asker sees ---------------------------------------------------------------------------

def test_the_text_fallback_escapes_slack_markup(served, slack):
    assert send(served, event_body(im_message_event("staffordshire 2016/17", channel="D73"), event_id="EvAmp"))[0] == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert "utm_source=google_news&amp;utm_medium" in message.params["text"]
    assert "&utm_medium" not in message.params["text"]


def test_hey_offences_please_is_answered(served, slack):
    assert send(served, event_body(app_mention_event("hey <@UBOT> durham 2016/17 please", "C74",
                                                     "1700002200.000100"), event_id="EvHey"))[0] == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert "*190*" in all_text(message.params["blocks"])


def test_no_checkable_figures_is_told_only_to_the_asker(served, slack):
    slack.set_replies("C75", "1700002300.000100", [{"type": "message", "user": "U456", "ts": "1700002300.000100",
                                                     "text": "Lovely weather for the time of year."}])
    event = app_mention_event("<@UBOT>", "C75", "1700002400.000100", thread_ts="1700002300.000100")
    assert send(served, event_body(event, event_id="EvNothing"))[0] == 200
    (note,) = slack.wait_for("chat.postEphemeral")
    assert note.params["text"] == "No checkable figures found." and note.params["user"] == "U123"
    assert note.params["thread_ts"] == "1700002300.000100"
    time.sleep(0.2)
    assert slack.calls_to("chat.postMessage") == []


# -- Slack down at start ---------------------------------------------------------------------------

@pytest.mark.parametrize("status", [500, 503])
def test_slack_down_at_start_is_not_blamed_on_the_token(monkeypatch, capsys, slack, status):
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    monkeypatch.setenv("SLACK_API_BASE_URL", slack.api_url)
    monkeypatch.setattr("bot.startup.START_RETRY_PAUSE", 0.01)
    slack.fail_next("auth.test", status=status, times=50)
    assert main(["serve", "--port", "1"]) == 1
    err = capsys.readouterr().err
    assert "Slack is unavailable" in err and f"HTTP {status}" in err
    assert "refused" not in err and "reinstall" not in err
    assert len(slack.calls_to("auth.test")) > 3  # retried, with backoff, before giving up


def test_slack_down_briefly_at_start_is_waited_out(monkeypatch, capsys, slack):
    from bot.cli import _check_token
    from bot.settings import from_env

    monkeypatch.setattr("bot.startup.START_RETRY_PAUSE", 0.01)
    slack.fail_next("auth.test", status=503, times=4)
    _check_token(from_env({"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
                           "SLACK_API_BASE_URL": slack.api_url}))
    assert [c.status for c in slack.calls_to("auth.test")][-1] == 200
    assert "Slack is unavailable" in capsys.readouterr().err  # said while waiting


def test_socket_mode_with_slack_down_says_slack_is_unavailable_and_retries(monkeypatch, capsys, slack):
    for name, value in (("SLACK_BOT_TOKEN", TOKEN), ("SLACK_APP_TOKEN", "xapp-1-A1-123-abc"),
                        ("SLACK_API_BASE_URL", slack.api_url)):
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("bot.startup.START_RETRY_PAUSE", 0.01)
    slack.expected_token = None
    slack.fail_next("apps.connections.open", status=503, times=50)
    assert main(["serve", "--socket"]) == 1
    err = capsys.readouterr().err
    assert "Slack is unavailable (HTTP 503)" in err and "refused" not in err
    assert len(slack.calls_to("apps.connections.open")) == 6


def test_socket_mode_waits_out_a_short_outage_then_hears_slacks_answer(monkeypatch, capsys, slack):
    for name, value in (("SLACK_BOT_TOKEN", TOKEN), ("SLACK_APP_TOKEN", "xapp-1-A1-123-abc"),
                        ("SLACK_API_BASE_URL", slack.api_url)):
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("bot.startup.START_RETRY_PAUSE", 0.01)
    slack.expected_token = None
    slack.fail_next("apps.connections.open", status=500, times=2)
    assert main(["serve", "--socket"]) == 2  # FakeSlack has no websockets: its answer is unknown_method
    err = capsys.readouterr().err
    assert "Slack is unavailable (HTTP 500); trying again" in err
    assert "SLACK_APP_TOKEN was refused by Slack (unknown_method)" in err
