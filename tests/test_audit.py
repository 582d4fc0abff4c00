"""The audit trail (AUDIT_LOG) and the rate limit on every entry point, through the app over real HTTP
(the ASGI app under uvicorn on loopback, FakeSlack for Slack): one JSON line per request saying who
asked what and how it went, never a token and never the copy pasted for checking."""

from __future__ import annotations

import json
import shutil
import time
import types

import pytest

from bot.answer import Answerer
from bot.cli import main
from bot.server import asgi_app, guarded_protocol
from bot.settings import Settings
from bot.slack import wait_idle
from bot.store import ROOT, Store
from fake_slack import (app_mention_event, block_actions_body, event_body, im_message_event, message_shortcut_body,
                        post, serve_asgi, signed_headers, slash_command_body)
from test_slack import SECRET, TOKEN

# Copy an editor might paste: an unpublished story. None of it may reach the audit trail.
COPY = ("Exclusive: Kent Police recorded 361 offences in 2016/17, up from 63 the year before, a rise of 573%. "
        "Durham Constabulary recorded 190 in the same year, our investigation into the Zanzibar dossier found.")
SECRETS = ("Exclusive", "Zanzibar dossier", "Kent Police recorded 361", "a rise of 573%", "our investigation")
LIMIT = 5  # more than any one test but the rate-limit one sends as one reporter


@pytest.fixture(scope="module")
def app(fake_slack_module, tmp_path_factory):
    log = tmp_path_factory.mktemp("audit") / "audit.jsonl"
    settings = Settings(bot_token=TOKEN, signing_secret=SECRET, api_base_url=fake_slack_module.api_url,
                        retry_interval=0.01, rate_limit=LIMIT, audit_log=str(log))
    application = asgi_app(settings)
    with serve_asgi(application, http=guarded_protocol()) as base:
        yield types.SimpleNamespace(url=base + "/slack/events", bolt=application.bolt_app, log=log)


@pytest.fixture
def slack(fake_slack_module, app):
    fake_slack_module.reset()
    fake_slack_module.expected_token = TOKEN
    yield fake_slack_module
    assert wait_idle(app.bolt)
    fake_slack_module.expected_token = None


def send(app, body: str, headers: dict | None = None) -> tuple[int, str]:
    status, _, text = post(app.url, body, headers or signed_headers(SECRET, body))
    return status, text


def lines(app, user: str) -> list[dict]:
    assert wait_idle(app.bolt)
    return [json.loads(line) for line in app.log.read_text(encoding="utf-8").splitlines()
            if json.loads(line)["user"] == user]


KEYS = {"time", "team", "user", "channel", "entry", "kind", "command", "request", "outcome", "latency_ms", "error_id"}


def test_a_question_is_one_line_saying_who_asked_what_and_how_it_went(app, slack):
    assert send(app, slash_command_body("durham 2016-17", slack.response_url("q"), user_id="UA1", channel_id="CA1"))[0] == 200
    assert send(app, slash_command_body("narnia 2016/17", slack.response_url("e"), user_id="UA1", channel_id="CA1"))[0] == 200
    first, second = lines(app, "UA1")
    assert KEYS <= set(first)
    assert (first["team"], first["channel"], first["entry"], first["kind"]) == ("T123", "CA1", "slash", "question")
    assert first["command"] == "durham 2016-17" and first["outcome"] == "answered" and first["error_id"] is None
    assert first["request"] == {"intent": "figure", "places": ["Durham"], "years": ["2016/17"],
                                "measure": "cyber_flagged_child_sex_offences"}
    assert first["time"].endswith("Z") and first["latency_ms"] >= 0
    assert second["outcome"] == "not_understood" and second["command"] == "narnia 2016/17"


def test_copy_checked_never_appears_in_the_audit_log_only_its_length_and_claims(app, slack):
    # /offences check, a DM of pasted copy, @offences in the copy's thread, the message shortcut
    assert send(app, slash_command_body("check " + COPY, slack.response_url("c"), user_id="UA2"))[0] == 200
    assert send(app, event_body(im_message_event(COPY, channel="DA2", user="UA2"), event_id="EvAudit1"))[0] == 200
    slack.set_replies("CA2", "1700000100.000100", [{"type": "message", "user": "U456", "text": COPY,
                                                    "ts": "1700000100.000100"}])
    mention = app_mention_event("<@UBOT>", channel="CA2", ts="1700000100.000200",
                                thread_ts="1700000100.000100", user="UA2")
    assert send(app, event_body(mention, event_id="EvAudit2"))[0] == 200
    shortcut = message_shortcut_body("fact_check", COPY, "1700000100.000300", "CA2", slack.response_url("sc"),
                                     user_id="UA2")
    assert send(app, shortcut)[0] == 200
    found = lines(app, "UA2")
    assert sorted(f["entry"] for f in found) == ["dm", "mention", "shortcut", "slash"]
    raw = app.log.read_text(encoding="utf-8")
    for words in SECRETS:
        assert words not in raw
    for f in found:
        assert f["kind"] == "check" and f["outcome"] == "checked" and f["command"] is None
        assert f["request"]["copy_chars"] == len(COPY) and f["request"]["claims"] >= 3
        assert sum(f["request"]["verdicts"].values()) == f["request"]["claims"]


def test_no_token_or_secret_reaches_the_audit_log(app, slack):
    text = "durham 2016-17 xoxb-999-888-leakedtoken"
    assert send(app, slash_command_body(text, slack.response_url("t"), user_id="UA3"))[0] == 200
    (line,) = lines(app, "UA3")
    raw = app.log.read_text(encoding="utf-8")
    for leak in (TOKEN, SECRET, "verification-token", "leakedtoken"):
        assert leak not in raw
    assert line["command"].startswith("durham 2016-17 xoxb-***")


def test_refused_replays_and_slacks_retries_are_in_the_trail(app, slack):
    body = slash_command_body("durham 2016-17", slack.response_url("r"), user_id="UA4")
    headers = signed_headers(SECRET, body)
    assert send(app, body, headers)[0] == 200
    assert send(app, body, headers)[0] == 401
    event = event_body(im_message_event("durham 2016-17", channel="DA4", user="UA4"), event_id="EvAudit4")
    assert send(app, event)[0] == 200
    slack.wait_for("chat.postMessage")
    retry = dict(signed_headers(SECRET, event, timestamp=int(time.time()) + 1), **{"X-Slack-Retry-Num": "1"})
    assert send(app, event, retry)[0] == 200
    outcomes = sorted((f["entry"], f["outcome"]) for f in lines(app, "UA4"))
    assert outcomes == [("dm", "answered"), ("dm", "retry_acknowledged"), ("slash", "answered"),
                        ("slash", "replay_refused")]


def test_a_fault_of_ours_is_logged_with_its_error_id(fake_slack_module, tmp_path):
    queries = tmp_path / "queries"
    shutil.copytree(ROOT / "queries", queries)
    (queries / "place_years.sql").write_text("SELECT no_such_column FROM figures WHERE geography = $geography")
    log = tmp_path / "audit.jsonl"
    settings = Settings(bot_token=TOKEN, signing_secret=SECRET, api_base_url=fake_slack_module.api_url,
                        retry_interval=0.01, audit_log=str(log))
    application = asgi_app(settings, answerer=Answerer(Store(queries_dir=queries)))
    fake_slack_module.reset()
    with serve_asgi(application, http=guarded_protocol()) as base:
        body = slash_command_body("durham 2016-17", fake_slack_module.response_url("f"), user_id="UA5")
        _, _, text = post(base + "/slack/events", body, signed_headers(SECRET, body))
    (line,) = [json.loads(x) for x in log.read_text().splitlines()]
    assert line["outcome"] == "fault" and line["error_id"] and line["error_id"] in text


# -- the rate limit on every entry point (this process's memory) -------------------------------------

def test_over_the_rate_limit_each_entry_point_gets_the_friendly_message_where_it_asked(app, slack):
    for i in range(LIMIT):
        status, text = send(app, slash_command_body("durham 2016-17", slack.response_url(f"l{i}"), user_id="UA6"))
        assert "Durham Constabulary recorded 190" in json.loads(text)["text"]
    status, text = send(app, slash_command_body("durham 2016-17", slack.response_url("over"), user_id="UA6"))
    assert status == 200 and json.loads(text)["text"].startswith(f"You've asked {LIMIT} questions in the last minute; "
                                                                 "try again in ")
    assert send(app, event_body(im_message_event("durham 2016-17", channel="DA6", user="UA6"), event_id="EvRate6"))[0] == 200
    mention = app_mention_event("<@UBOT> durham 2016-17", channel="CA6", ts="1700000200.000100", user="UA6")
    assert send(app, event_body(mention, event_id="EvRate7"))[0] == 200
    assert send(app, message_shortcut_body("fact_check", COPY, "1700000200.000200", "CA6", slack.response_url("sc6"),
                                           user_id="UA6"))[0] == 200
    assert send(app, block_actions_body("rerun_0", "durham 2016-17", slack.response_url("b6"), user_id="UA6",
                                        channel_id="CA6", ephemeral=True))[0] == 200
    assert wait_idle(app.bolt)
    told = ([c.params["text"] for c in slack.calls_to("chat.postMessage") + slack.calls_to("chat.postEphemeral")]
            + [r["text"] for name in ("sc6", "b6") for r in slack.responses_to(name)])
    assert len(told) == 4 and all(t.startswith(f"You've asked {LIMIT} questions") for t in told), told
    assert [f["outcome"] for f in lines(app, "UA6")] == ["answered"] * LIMIT + ["rate_limited"] * 5
    # a Share click is not a command: the answer is shared
    assert send(app, block_actions_body("share_answer", "durham 2016-17", slack.response_url("s6"), user_id="UA6",
                                        channel_id="CA6", ephemeral=True))[0] == 200
    assert "Shared by <@UA6>" in json.dumps(slack.wait_for(lambda c: c.api_method == "chat.postMessage"
                                                           and c.params.get("channel") == "CA6")[0].params)


def test_rate_limit_zero_turns_it_off(fake_slack_module):
    settings = Settings(bot_token=TOKEN, signing_secret=SECRET, api_base_url=fake_slack_module.api_url,
                        rate_limit=0, audit_log="/dev/null")
    application = asgi_app(settings)
    fake_slack_module.reset()
    with serve_asgi(application, http=guarded_protocol()) as base:
        for i in range(30):
            body = slash_command_body("durham 2016-17", fake_slack_module.response_url(f"z{i}"), user_id="UA7")
            _, _, text = post(base + "/slack/events", body, signed_headers(SECRET, body))
            assert "Durham Constabulary recorded 190" in json.loads(text)["text"]


def test_serve_with_an_audit_log_it_cannot_write_exits_2(monkeypatch, capsys, tmp_path):
    for name, value in (("SLACK_BOT_TOKEN", TOKEN), ("SLACK_SIGNING_SECRET", SECRET),
                        ("AUDIT_LOG", str(tmp_path / "no" / "such" / "folder" / "audit.jsonl"))):
        monkeypatch.setenv(name, value)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("offences: AUDIT_LOG is ") and "cannot be written" in err and len(err.splitlines()) == 1


def test_offences_rate_limit_that_is_not_a_number_exits_2(monkeypatch, capsys):
    for name, value in (("SLACK_BOT_TOKEN", TOKEN), ("SLACK_SIGNING_SECRET", SECRET), ("OFFENCES_RATE_LIMIT", "lots")):
        monkeypatch.setenv(name, value)
    assert main(["serve"]) == 2
    assert capsys.readouterr().err.startswith("offences: OFFENCES_RATE_LIMIT is 'lots': set it to the commands a minute")
