"""The Slack face of the bot: Bolt listeners that hand a reporter's text to answer() and send back
what bot/render.py (and bot/charts.py, when it is there) make of it. No parsing, no SQL here.

Where an answer goes:
- `/offences TEXT` answered without files: in the acknowledgement itself (one round trip),
  ephemeral, with a "Share in channel" button. That includes a single figure (figure and national
  answers): the number is the point, and its chart is uploaded when the answer is shared.
- With a chart that is the point of the answer (series, change, compare, rank, region) or a long
  table (CSV file): files cannot be ephemeral, so it is acknowledged at once, then posted with
  chat.postMessage in the channel where it was asked, the files uploaded into that message's thread;
  with `private` / `just me` in the text, both go to the reporter's DM with the bot instead.
- A DM to the bot is a command too, answered in the DM; an @mention is answered in its thread;
  both with the chart when the answer has one.
- Errors: ephemeral, the suggestions as buttons that re-run the command (replacing the error).
- A fault of ours: a short apology with an error id; the traceback goes to the log with that id.
- Slack refusing a reply (5xx, 429 after retries, not_in_channel, invalid_blocks, ...): the person who
  asked is told why, with an error id, by the first route that works (bot/delivery.py).

The app runs with process_before_response=True: the answer is computed and acknowledged in the
listener itself (no ack polling), and work after the ack (posting, uploads) goes to a thread pool,
one job at a time per conversation, so every HTTP request is answered well inside Slack's 3 seconds
and a rate-limited channel does not hold up the others.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

from . import audit, render
from .delivery import FAILURES, Delivery, apology, build_client, dm_channel, slack_error  # noqa: F401
from .replies import (  # noqa: F401  (re-exported: server, tests and benches import them from here)
    ACK_KINDS, CHART_KINDS, CHECK_HOW, BOT_MESSAGE, CheckReply, Reply, chart_expected, chart_file, check_words,
    csv_file, fact_check, looks_like_copy, mention_text, message_check, new_error_id, prepare, slack_to_plain,
)
from .memory import Memory, from_url
from .settings import Settings

log = logging.getLogger("offences.slack")

COMMAND = "/offences"
RERUN_ACTION = re.compile(r"^(rerun|example)_\d+$")
FACT_CHECK_SHORTCUT = "fact_check"
REPLAY_WINDOW = 11 * 60   # Bolt accepts timestamps up to 5 minutes either side of now
EVENT_WINDOW = 60 * 60    # Slack retries an event three times within a few minutes
SHARE_WINDOW = 60 * 60    # a Share button shares its answer once (a double click is one share)
RATE_WINDOW = 60          # OFFENCES_RATE_LIMIT counts a reporter's commands over the last minute
REPLY_WORKERS = 8         # conversations being replied to at once (each conversation in order)
DRAWING = "Drawing the chart… the answer will appear in this channel in a moment."
POSTING_TABLE = "Posting the answer… the whole table comes as a CSV file in its thread."
PRIVATE = "Sending the answer and its chart to our direct messages."


class ConversationQueues:
    """Reply jobs on a thread pool, one at a time per conversation, so a channel that Slack rate-limits
    (a worker asleep on Retry-After) holds one worker, not all of them, and other channels go on."""

    def __init__(self, workers: int):
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="offences-reply")
        self._queues: dict[str, deque] = {}
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._pending = 0

    def submit(self, key: str, run: Callable[[], None]) -> None:
        with self._lock:
            self._pending += 1
            if key in self._queues:
                self._queues[key].append(run)
                return
            self._queues[key] = deque()
        self.pool.submit(self._drain, key, run)

    def _drain(self, key: str, run: Callable[[], None]) -> None:
        while run is not None:
            try:
                run()
            finally:
                with self._lock:
                    self._pending -= 1
                    self._idle.notify_all()
                    queue = self._queues[key]
                    run = queue.popleft() if queue else None
                    if run is None:
                        del self._queues[key]

    def wait_idle(self, timeout: float) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)


def too_many(limit: int, wait: float) -> str:
    """What a reporter over the rate limit reads: friendly, with when to try again."""
    seconds = max(1, math.ceil(wait))
    return (f"You've asked {limit} questions in the last minute; try again in {seconds} "
            f"second{'' if seconds == 1 else 's'}.")


def _entry_point(body: dict) -> str:
    """The audit trail's entry point for a payload refused before any listener saw it."""
    if body.get("command"):
        return audit.SLASH
    if body.get("type") == "event_callback":
        return audit.DM if (body.get("event") or {}).get("channel_type") == "im" else audit.MENTION
    if body.get("type") == "message_action":
        return audit.SHORTCUT
    return audit.BUTTON


class _QuietTokenWarning(logging.Filter):
    """Bolt warns that SLACK_BOT_TOKEN in the environment is unused when it is given a client;
    the client carries that very token, so the warning would only mislead whoever reads the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


# -- the app ---------------------------------------------------------------------------------------

def create_app(settings: Settings, *, answerer=None, client: WebClient | None = None,
               workers: int = REPLY_WORKERS, memory: Memory | None = None,
               trail: audit.Trail | None = None) -> App:
    """The Bolt app: listeners for /offences, DMs, @mentions and the answer buttons.

    answerer: an object with .answer(text) (default: bot.answer.answer on the process-wide store).
    memory: what is remembered between requests (default: Redis when settings.redis_url is set, else
    this process's memory; bot/memory.py). trail: where the audit lines go (default: settings.audit_log,
    else standard output; bot/audit.py).
    """
    if answerer is None:
        from .answer import answer as answer_fn
    else:
        answer_fn = answerer.answer
    client = client or build_client(settings)
    queues = ConversationQueues(workers)

    def later(key: str, job: Callable[[], None]) -> None:
        def run():
            try:
                job()
            except Exception:  # the answer is posted already: log it, claim nothing
                log.exception("error %s while attaching files", new_error_id())

        queues.submit(key, run)

    out = Delivery(client, retry_pause=0.5 if settings.retry_interval is None else settings.retry_interval,
                   later=later)
    memory = memory or from_url(settings.redis_url)
    limit = settings.rate_limit
    trail = trail or audit.Trail(settings.audit_log, settings.secrets())

    def over_limit(user: str | None, entry: audit.Entry) -> str | None:
        """The friendly refusal when this reporter has used up the last minute's commands, else None
        (counted across instances when Redis is shared; Share clicks and Slack's retries do not count)."""
        if not limit or not user:
            return None
        allowed, _, wait = memory.take(f"rate:{user}", limit, RATE_WINDOW)
        if allowed:
            return None
        log.info("rate limit: %s has sent %d commands in the last minute", user, limit)
        entry.done("rate_limited")
        return too_many(limit, wait)

    def guard_replays(req, resp, next):
        """After Bolt's signature check: refuse an exact repeat of a signed request (401), and answer
        an event Slack already delivered (a retry) with 200 without handling it again. Only events are
        retried by Slack, and X-Slack-Retry-Num is not signed: on anything else it changes nothing."""
        body = req.body or {}
        is_event = body.get("type") == "event_callback"
        if req.mode != "socket_mode":
            retry = req.headers.get("x-slack-retry-num", [None])[0]
            stamp = req.headers.get("x-slack-request-timestamp", [""])[0]
            signature = req.headers.get("x-slack-signature", [""])[0]
            if not (retry and is_event) and not memory.seen_once(f"replay:{stamp}:{signature}", REPLAY_WINDOW):
                log.warning("refused a replayed request (timestamp %s)", stamp)
                trail.start(_entry_point(body), body).done("replay_refused")
                return BoltResponse(status=401, body={"error": "replayed request"})
        if is_event and body.get("event_id"):
            if not memory.seen_once(f"event:{body['event_id']}", EVENT_WINDOW):
                log.info("event %s already handled; acknowledging the retry only", body["event_id"])
                trail.start(_entry_point(body), body).done("retry_acknowledged")
                return BoltResponse(status=200, body="")
        return next()

    bolt_logger = logging.getLogger("offences.bolt")
    if not any(isinstance(f, _QuietTokenWarning) for f in bolt_logger.filters):
        bolt_logger.addFilter(_QuietTokenWarning())
    app = App(
        client=client,
        signing_secret=settings.signing_secret,
        process_before_response=True,
        before_authorize=guard_replays,
        logger=bolt_logger,
    )
    app.offences_pool = queues.pool  # type: ignore[attr-defined]  (for shutdown and tests)
    app.offences_memory = memory  # type: ignore[attr-defined]  (/healthz reports its health)
    app.offences_wait_idle = queues.wait_idle  # type: ignore[attr-defined]

    def submit(key: str, job: Callable[[], None], entry: audit.Entry | None = None, **asker) -> None:
        """Run job after the ack, in order with other jobs for the same conversation; a fault of ours
        becomes an apology with an error id, told to the asker (asker: channel, user, thread_ts,
        respond) through whatever route still works, and a logged traceback. The audit entry is
        written when the job is done."""

        def run():
            try:
                job()
            except Exception:
                error_id = new_error_id()
                log.exception("error %s while replying", error_id)
                if entry is not None:
                    entry.done("fault", error_id)
                out.tell(apology(error_id), **asker)
            else:
                if entry is not None:
                    entry.done()

        queues.submit(key, run)

    def ephemeral(reply: Reply, respond, *, replace: bool, share: bool = True, response_type="ephemeral") -> None:
        """An answer (or error, or help) through response_url."""
        offer = reply.command if share and reply.answer.ok and reply.answer.kind != "help" else None
        respond(text=reply.text, blocks=reply.blocks(share_text=offer), replace_original=replace,
                response_type=response_type)

    def conversation_reply(text: str, channel: str, user: str, thread_ts: str | None, entry: audit.Entry) -> None:
        """A DM or @mention: answer in the conversation, chart included (errors and help ephemeral
        in channels, so a mention's thread holds only answers)."""
        reply = prepare(answer_fn, text)
        entry.question(reply.command, reply.answer)
        if not (reply.answer.ok and reply.answer.kind != "help") and not dm_channel(channel):
            client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, text=reply.text,
                                      blocks=reply.blocks())
            return
        out.post(reply, channel, user=user, thread_ts=thread_ts)

    # -- /offences --------------------------------------------------------------------------------

    @app.command(COMMAND)
    def on_command(ack, command, respond):
        text = command.get("text") or ""
        entry = trail.start(audit.SLASH, command)
        refused = over_limit(command.get("user_id"), entry)
        if refused:
            ack(text=refused, response_type="ephemeral")
            return
        copy = check_words(text)
        if copy is not None:
            entry.fields["kind"] = "check"
            if not copy:
                ack(text=CHECK_HOW, response_type="ephemeral")
                entry.done("nothing_to_check")
                return
            try:
                checked = fact_check(copy)
            except Exception:
                error_id = new_error_id()
                log.exception("error %s while fact-checking", error_id)
                ack(text=apology(error_id), response_type="ephemeral")
                entry.done("fault", error_id)
                return
            ack(text=checked.text, blocks=checked.blocks(), response_type="ephemeral")
            entry.check(copy, checked.result).done()
            return
        try:
            reply = prepare(answer_fn, text)
        except Exception:
            error_id = new_error_id()
            log.exception("error %s while answering %r", error_id, text)
            ack(text=apology(error_id), response_type="ephemeral")
            entry.fields.update(kind="question", command=text[:audit.MAX_COMMAND])
            entry.done("fault", error_id)
            return
        entry.question(reply.command, reply.answer)
        if not reply.posted_from_slash:
            share = reply.command if reply.answer.ok and reply.answer.kind != "help" else None
            ack(text=reply.text, blocks=reply.blocks(share_text=share), response_type="ephemeral")
            entry.done()
            return
        channel, user = command["channel_id"], command["user_id"]
        if reply.private and not dm_channel(channel):
            ack(text=PRIVATE, response_type="ephemeral")
        else:
            ack(text=POSTING_TABLE if reply.csv else DRAWING, response_type="ephemeral")

        def job():
            if reply.has_files():
                out.deliver(reply, channel, user, respond)  # the text now, the chart into its thread after
            else:  # no chart to draw after all: the answer as it would have been acked
                ephemeral(reply, respond, replace=False)

        submit(channel, job, entry, channel=channel, user=user, respond=respond)

    # -- buttons ----------------------------------------------------------------------------------

    @app.action(render.SHARE_ACTION)
    def on_share(ack, body, action, respond):
        """Post the answer (and its chart) for the channel, naming who shared it; drop the ephemeral copy.
        A second click on the same button (a double click) shares nothing more."""
        ack()
        user = body["user"]["id"]
        channel = (body.get("channel") or {}).get("id") or body["container"]["channel_id"]
        container = body.get("container") or {}
        value = action.get("value") or ""
        entry = trail.start(audit.SHARE, body)
        once = "share:" + hashlib.sha256("\x1f".join((user, channel, container.get("message_ts") or "", value))
                                         .encode()).hexdigest()
        if not memory.seen_once(once, SHARE_WINDOW):
            log.info("share of %r by %s already done or under way", value, user)
            entry.fields.update(kind="question", command=value[:audit.MAX_COMMAND])
            entry.done("already_shared")
            return

        def job():
            reply = prepare(answer_fn, action.get("value") or "")
            entry.question(reply.command, reply.answer)
            if not reply.answer.ok:
                memory.forget(once)
                ephemeral(reply, respond, replace=False)
            elif out.deliver(reply, channel, user, respond, shared_by=user, force_channel=True):
                respond(delete_original=True)
                entry.fields["outcome"] = "shared"
            else:
                memory.forget(once)  # not shared: the button may be clicked again
                entry.fields["outcome"] = "not_delivered"

        submit(channel, job, entry, channel=channel, user=user, respond=respond)

    @app.action(RERUN_ACTION)
    def on_rerun(ack, body, action, respond):
        """A suggestion (rerun_N: replaces the error) or a help example (example_N: a new reply),
        answered as the same text would be by /offences (or, in a DM, as a DM)."""
        ack()
        user = body["user"]["id"]
        channel = (body.get("channel") or {}).get("id") or body["container"]["channel_id"]
        is_ephemeral = bool(body.get("container", {}).get("is_ephemeral")) or "message" not in body
        replace = action["action_id"].startswith("rerun_")
        entry = trail.start(audit.BUTTON, body)
        refused = over_limit(user, entry)
        if refused:
            submit(channel, lambda: respond(text=refused, response_type="ephemeral", replace_original=False),
                   channel=channel, user=user, respond=respond)
            return

        def job():
            reply = prepare(answer_fn, action.get("value") or "")
            entry.question(reply.command, reply.answer)
            in_dm = dm_channel(channel) and not is_ephemeral
            if (reply.posted_from_slash or (in_dm and reply.chart_expected)) and reply.has_files():
                if out.deliver(reply, channel, user, respond) and replace:
                    respond(delete_original=True)
                return
            ephemeral(reply, respond, replace=replace, share=is_ephemeral,
                      response_type="ephemeral" if is_ephemeral else "in_channel")

        submit(channel, job, entry, channel=channel, user=user, respond=respond)

    # -- events -----------------------------------------------------------------------------------

    @app.event("message")
    def on_message(event):
        """Direct messages to the bot are commands; other message events (edits, joins, bots) are not."""
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        channel, user = event["channel"], event.get("user", "")
        text = event.get("text") or ""
        copy = check_words(text)
        entry = trail.start(audit.DM, event)
        refused = over_limit(user, entry)

        def job():
            if refused:
                client.chat_postMessage(channel=channel, text=refused)
            elif copy == "":
                client.chat_postMessage(channel=channel, text=CHECK_HOW)
                entry.fields["kind"] = "check"
                entry.done("nothing_to_check")
            elif copy is not None or looks_like_copy(text):
                pasted = copy if copy is not None else text
                checked = fact_check(pasted)
                entry.check(pasted, checked.result)
                out.post_check(checked, channel, None, user=user)
            else:
                conversation_reply(text, channel, user, None, entry)

        submit(channel, job, entry, channel=channel, user=user)

    def thread_parent(channel: str, thread_ts: str) -> dict:
        replies = client.conversations_replies(channel=channel, ts=thread_ts, limit=1)
        messages = replies.get("messages") or []
        return messages[0] if messages else {}

    @app.event("app_mention")
    def on_mention(event):
        """@offences in a thread: fact-check the thread's first message (or the copy after the mention),
        replying in the thread. Elsewhere: "@offences check <copy>" checks, anything else is a question.
        A check that finds nothing to check is told to the asker only, not to the thread."""
        if event.get("bot_id") or event.get("channel_type") == "im":
            return
        channel, user = event["channel"], event.get("user", "")
        text = mention_text(event.get("text") or "")
        in_thread = bool(event.get("thread_ts")) and event.get("thread_ts") != event.get("ts")
        thread_ts = event.get("thread_ts") or event["ts"]
        copy = check_words(text)
        asker = dict(channel=channel, user=user, thread_ts=thread_ts)
        entry = trail.start(audit.MENTION, event)
        refused = over_limit(user, entry)
        if refused:
            submit(channel, lambda: client.chat_postEphemeral(text=refused, **asker), **asker)
            return

        def check(checked: CheckReply) -> None:
            if checked.result.claims or BOT_MESSAGE in checked.result.notes:
                out.post_check(checked, channel, thread_ts, user=user)
            else:
                client.chat_postEphemeral(text=checked.text, blocks=checked.blocks(), **asker)

        def job():
            if in_thread and not (copy or (copy is None and text)):
                parent = thread_parent(channel, thread_ts)
                checked = message_check(parent)
                entry.check(slack_to_plain(parent.get("text") or ""), checked.result)
                check(checked)
                return
            if copy == "":
                client.chat_postEphemeral(text=CHECK_HOW, **asker)
                entry.fields["kind"] = "check"
                entry.done("nothing_to_check")
                return
            if copy is not None or in_thread or looks_like_copy(text):
                pasted = copy if copy is not None else text
                checked = fact_check(pasted)
                if checked.result.claims or copy is not None:
                    entry.check(pasted, checked.result)
                    check(checked)
                    return
            conversation_reply(text, channel, user, thread_ts, entry)

        submit(channel, job, entry, **asker)

    @app.shortcut(FACT_CHECK_SHORTCUT)
    def on_fact_check_shortcut(ack, body, respond):
        """The "Fact-check figures" message shortcut: check that message, reply in its thread."""
        ack()
        message = body.get("message") or {}
        channel = (body.get("channel") or {}).get("id", "")
        user = (body.get("user") or {}).get("id")
        thread_ts = message.get("thread_ts") or message.get("ts")
        entry = trail.start(audit.SHORTCUT, body)
        refused = over_limit(user, entry)
        if refused:
            submit(channel, lambda: respond(text=refused, response_type="ephemeral"),
                   channel=channel, user=user, thread_ts=thread_ts, respond=respond)
            return

        def job():
            checked = message_check(message)
            entry.check(slack_to_plain(message.get("text") or ""), checked.result)
            out.post_check(checked, channel, thread_ts, user=user, respond=respond)

        submit(channel, job, entry, channel=channel, user=user, thread_ts=thread_ts, respond=respond)

    @app.error
    def on_error(error, body):
        error_id = new_error_id()
        log.error("error %s in a Slack listener (request type %s)", error_id, (body or {}).get("type"),
                  exc_info=error)

    return app


def wait_idle(app: App, timeout: float = 10.0) -> bool:
    """Block until the app has no reply in progress; False if it still has after `timeout` seconds."""
    return app.offences_wait_idle(timeout)  # type: ignore[attr-defined]
