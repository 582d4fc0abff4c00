"""Fact-checking in Slack over real HTTP: `/offences check`, an @mention in a thread and the
"Fact-check figures" message shortcut, each signed as Slack signs them and answered through FakeSlack."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, quote

from fake_slack import app_mention_event, event_body, im_message_event, message_shortcut_body, signed_headers
from test_slack import SECRET, all_text, send, served, slack, slash  # noqa: F401  (fixtures)

KENT = "Kent Police recorded 361 offences in 2016/17, up from 63, a rise of 573%."


def test_slash_check_answers_privately_in_the_ack(served, slack):
    status, reply = slash(served, slack, "check " + KENT)
    assert status == 200 and reply["response_type"] == "ephemeral"
    text = all_text(reply["blocks"])
    assert "3 claims: 2 supported, 1 inaccurate" in text
    assert "❌" in text and "473" in text and "ratio" in text
    assert "✅" in text and "heart.co.uk, June 2017 release" in text  # the source link
    assert reply["text"].startswith("3 claims: 2 supported, 1 inaccurate")
    assert slack.calls_to("chat.postMessage") == []


def test_slash_check_without_copy_says_how(served, slack):
    status, reply = slash(served, slack, "check")
    assert status == 200 and "Paste the copy" in (reply["text"] if isinstance(reply, dict) else reply)


def test_mention_in_a_thread_checks_the_parent_message(served, slack):
    parent = {"type": "message", "user": "U456", "ts": "1700000100.000100",
              "text": "There were *323* incidents in 2016-17 in Northumbria, up from 98 the previous "
                      "12 months, a shocking rise of 229.5%."}
    slack.set_replies("C42", "1700000100.000100", [parent])
    event = app_mention_event("<@UBOT>", "C42", "1700000200.000100", thread_ts="1700000100.000100")
    assert send(served, event_body(event, event_id="EvCheck1"))[0] == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert (message.params["channel"], message.params["thread_ts"]) == ("C42", "1700000100.000100")
    assert message.params["text"].startswith("3 claims: 3 supported")
    (replies,) = slack.calls_to("conversations.replies")
    assert replies.params["ts"] == "1700000100.000100"


def test_mention_with_copy_checks_that_copy(served, slack):
    event = app_mention_event("<@UBOT> check " + KENT, "C42", "1700000300.000100", thread_ts="1700000100.000100")
    assert send(served, event_body(event, event_id="EvCheck2"))[0] == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert "1 inaccurate" in message.params["text"] and message.params["thread_ts"] == "1700000100.000100"
    assert slack.calls_to("conversations.replies") == []


def test_a_question_in_a_thread_is_still_answered(served, slack):
    event = app_mention_event("<@UBOT> durham 2016-17", "C42", "1700000400.000100", thread_ts="1700000100.000100")
    assert send(served, event_body(event, event_id="EvCheck3"))[0] == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert "*190*" in all_text(message.params["blocks"])


def test_message_shortcut_replies_in_the_messages_thread(served, slack):
    body = message_shortcut_body("fact_check", "Cyber sex crimes against children in Kent have shot up by 573% "
                                 "in a year, from 63 to 361.", "1700000500.000100", "C77", slack.response_url("s1"))
    status, _, _ = send(served, body)
    assert status == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert (message.params["channel"], message.params["thread_ts"]) == ("C77", "1700000500.000100")
    assert "❌" in message.params["text"] and "473" in message.params["text"]


def test_shortcut_where_the_bot_cannot_post_tells_the_editor_privately(served, slack):
    slack.fail_next("chat.postMessage", error="not_in_channel")
    body = message_shortcut_body("fact_check", KENT, "1700000600.000100", "C78", slack.response_url("s2"))
    assert send(served, body)[0] == 200
    (response,) = [c.params for c in slack.wait_for("s2")]
    assert response["response_type"] == "ephemeral"
    assert "/invite @offences" in response["text"] and "1 inaccurate" in response["text"]


def test_shortcut_with_a_bad_signature_runs_nothing(served, slack):
    body = message_shortcut_body("fact_check", KENT, "1700000700.000100", "C79", slack.response_url("s3"))
    headers = signed_headers("not-the-secret", body)
    assert send(served, body, headers)[0] == 401
    assert slack.calls_to("chat.postMessage") == []


from test_answer import HOSTILE  # noqa: E402  (the one hostile set every entry point runs)
import pytest  # noqa: E402


@pytest.mark.parametrize("text", HOSTILE + ["x" * 10_000], ids=range(len(HOSTILE) + 1))
def test_hostile_copy_through_slash_check_and_mention(served, slack, text):
    status, reply = slash(served, slack, "check " + text)
    assert status == 200
    shown = json.dumps(reply)
    assert "Traceback" not in shown and reply["response_type"] == "ephemeral"
    event = app_mention_event("<@UBOT> check " + text, "C43", "1700000900.000100", thread_ts="1700000800.000100")
    assert send(served, event_body(event, event_id=f"EvHostile{abs(hash(text))}"))[0] == 200
    # the check in the thread, or (nothing to check) told to the editor only, in the thread
    (message,) = slack.wait_for(lambda c: c.api_method in ("chat.postMessage", "chat.postEphemeral"))
    assert "Traceback" not in message.params["text"] and message.params["thread_ts"] == "1700000800.000100"
    if message.api_method == "chat.postMessage":
        assert "No checkable figures found." not in message.params["text"]


def test_mention_under_the_bots_own_answer_says_what_it_is_instead_of_checking_it(served, slack):
    parent = {"type": "message", "bot_id": "B01", "user": "UBOT", "ts": "1700001000.000100",
              "text": "Top 5 forces, 2018/19\n1. Durham Constabulary 80.3 per 100,000\n2. Gwent Police 38.7 per 100,000"}
    slack.set_replies("C44", "1700001000.000100", [parent])
    event = app_mention_event("<@UBOT>", "C44", "1700001100.000100", thread_ts="1700001000.000100")
    assert send(served, event_body(event, event_id="EvOwn1"))[0] == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert "posted by a bot" in message.params["text"] and "inaccurate" not in message.params["text"]


def test_shortcut_on_the_bots_own_answer_says_what_it_is(served, slack):
    body = message_shortcut_body("fact_check", "Durham Constabulary: 30.0 per 100,000 residents in 2016/17",
                                 "1700001200.000100", "C45", slack.response_url("s4"))
    payload = json.loads(parse_qs(body)["payload"][0])
    payload["message"]["bot_id"] = "B01"
    body = "payload=" + quote(json.dumps(payload))
    assert send(served, body)[0] == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert "posted by a bot" in message.params["text"] and "❌" not in message.params["text"]


def test_copy_sent_in_a_dm_is_checked_and_a_question_still_answered(served, slack):
    send(served, event_body(im_message_event(KENT, channel="D901"), event_id="EvDMCopy"))
    (message,) = slack.wait_for("chat.postMessage")
    assert message.params["channel"] == "D901" and "1 inaccurate" in message.params["text"]
    slack.reset()
    send(served, event_body(im_message_event("check " + KENT, channel="D902"), event_id="EvDMCheck"))
    (message,) = slack.wait_for("chat.postMessage")
    assert "1 inaccurate" in message.params["text"]
    slack.reset()
    send(served, event_body(im_message_event("what was the figure in durham 2016/17", channel="D903"),
                            event_id="EvDMQuestion"))
    (message,) = slack.wait_for("chat.postMessage")
    assert "*190*" in all_text(message.params["blocks"])


def test_copy_pasted_after_a_mention_outside_a_thread_is_checked(served, slack):
    event = app_mention_event("<@UBOT> " + KENT, "C46", "1700001300.000100")
    assert send(served, event_body(event, event_id="EvMentionCopy"))[0] == 200
    (message,) = slack.wait_for("chat.postMessage")
    assert "1 inaccurate" in message.params["text"] and "couldn't find" not in message.params["text"]


def test_a_check_too_long_for_one_message_keeps_its_notes_and_attaches_every_claim(served, slack):
    copy = " ".join([KENT] * 290)  # over 20,000 characters, hundreds of claims
    event = app_mention_event("<@UBOT> check " + copy, "C47", "1700001400.000100", thread_ts="1700001350.000100")
    assert send(served, event_body(event, event_id="EvLong"))[0] == 200
    (message,) = slack.wait_for("chat.postMessage", timeout=60)
    shown = all_text(message.params["blocks"])
    assert len(message.params["blocks"]) <= 50
    assert "Only the first 20,000 characters were checked." in shown
    assert "every claim is in the file in this thread" in shown
    slack.wait_for("files.completeUploadExternal", timeout=30)
    (done,) = slack.completed_uploads
    (attached,) = done["files"]
    assert done["thread_ts"] == "1700001350.000100" and attached["filename"].endswith(".txt")
    assert attached["content"].count(b"\xe2\x9d\x8c") > 100 and b"Only the first 20,000 characters" in attached["content"]
