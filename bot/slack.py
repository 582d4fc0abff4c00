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

The app runs with process_before_response=True: the answer is computed and acknowledged in the
listener itself (no ack polling), and work after the ack (posting, uploads) goes to a small
thread pool, so every HTTP request is answered well inside Slack's 3 seconds.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import (
    BackoffRetryIntervalCalculator,
    FixedValueRetryIntervalCalculator,
)

from . import render
from .settings import Settings

log = logging.getLogger("offences.slack")

COMMAND = "/offences"
# Answer kinds that can carry a chart (when charts.render_png returns bytes for the answer).
CHART_KINDS = frozenset({"series", "change", "compare", "rank", "region", "figure", "national"})
# A slash command's single-figure answers go in the ack (ephemeral, at once); their chart is
# uploaded when the reporter shares the answer in the channel, or asks in a DM or a mention.
ACK_KINDS = frozenset({"figure", "national"})
RERUN_ACTION = re.compile(r"^(rerun|example)_\d+$")
FACT_CHECK_SHORTCUT = "fact_check"
# "/offences check <copy>", "@offences fact-check <copy>": the rest of the text is copy to check.
CHECK_WORDS = re.compile(r"^\s*(?:check|fact[\s-]?check)\b[:\s]*", re.I)
CHECK_HOW = ("Paste the copy to check after the word check, e.g. `/offences check Kent Police recorded 361 "
             "offences in 2016/17, up from 63, a rise of 573%`. In a thread, mention me to check its first "
             "message, or use the *Fact-check figures* shortcut on any message.")
REPLAY_WINDOW = 11 * 60   # Bolt accepts timestamps up to 5 minutes either side of now
EVENT_WINDOW = 60 * 60    # Slack retries an event three times within a few minutes
MAX_REMEMBERED = 100_000
SLACK_TEXT_LIMIT = 39_000  # chat.postMessage truncates text past 40,000 characters

APOLOGY = ("Sorry, something went wrong on our side while answering that (error id {error_id}). "
           "Please try again; if it keeps happening, pass the error id to the bot's maintainers.")
CANNOT_POST = {
    "not_in_channel": "I'm not a member of this channel, so I can't post the answer and its chart here. "
                      "Invite me with `/invite @offences`, or add `private` to get it in a direct message.",
    "channel_not_found": "I can't post in this conversation. Invite me with `/invite @offences`, "
                         "or add `private` to get the answer in a direct message.",
    "is_archived": "This channel is archived, so I can't post in it. Add `private` to get the answer in a "
                   "direct message.",
}


# -- the Web API client ---------------------------------------------------------------------------

def build_client(settings: Settings) -> WebClient:
    """A WebClient for settings.api_base_url that retries dropped connections, 429s (honouring
    Retry-After) and 500/503s before giving up."""
    if settings.retry_interval is not None:
        interval = FixedValueRetryIntervalCalculator(settings.retry_interval)
    else:
        interval = BackoffRetryIntervalCalculator(backoff_factor=0.5)
    return WebClient(
        token=settings.bot_token,
        base_url=settings.api_base_url,
        timeout=10,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2, interval_calculator=interval),
            RateLimitErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=2, interval_calculator=interval),
        ],
    )


# -- small helpers --------------------------------------------------------------------------------

class SeenRecently:
    """A bounded, thread-safe set whose members expire after `ttl` seconds."""

    def __init__(self, ttl: float, max_items: int = MAX_REMEMBERED):
        self.ttl, self.max_items = ttl, max_items
        self._items: OrderedDict[Any, float] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, key: Any) -> bool:
        """Remember key; False if it was already remembered (and has not expired)."""
        now = time.monotonic()
        with self._lock:
            while self._items and (len(self._items) >= self.max_items or next(iter(self._items.values())) < now):
                self._items.popitem(last=False)
            if key in self._items:
                return False
            self._items[key] = now + self.ttl
            return True


def new_error_id() -> str:
    return uuid.uuid4().hex[:8]


def apology(error_id: str) -> str:
    return APOLOGY.format(error_id=error_id)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "answer"


def _charts():
    """bot/charts.py if it is there (imported lazily: text answers never pay for matplotlib)."""
    try:
        from . import charts  # noqa: PLC0415
    except ImportError:
        return None
    return charts


_chart_lock = threading.Lock()  # matplotlib state is not thread-safe; renders are CPU-bound anyway


@dataclass
class Reply:
    """One answer ready to send: the Answer, the command that asked it, its CSV file for a long
    table, and whether it has a chart (rendered only when needed, after the ack: see files())."""

    answer: Any
    command: str
    csv: dict | None = None
    chart_expected: bool = False
    _files: list[dict] | None = field(default=None, repr=False)

    @property
    def private(self) -> bool:
        return bool(self.answer.request is not None and self.answer.request.private)

    @property
    def text(self) -> str:
        return render.plain_text(self.answer)[:SLACK_TEXT_LIMIT]

    @property
    def posted_from_slash(self) -> bool:
        """A slash command's answer that must be a real message (files cannot be ephemeral): a long
        table, or a chart that is the point of the answer. A single figure (figure, national) is
        answered in the ack; its chart comes with it when it is shared in the channel."""
        return bool(self.csv) or (self.chart_expected and self.answer.kind not in ACK_KINDS)

    def files(self) -> list[dict]:
        """The chart (rendered here, once) and the CSV, as files_upload_v2 items."""
        if self._files is None:
            chart = chart_file(self.answer) if self.chart_expected else None
            self._files = [f for f in (chart, self.csv) if f]
        return self._files

    def blocks(self, **kwargs) -> list[dict]:
        if self.csv:
            kwargs["inline_lines"] = render.INLINE_LINES
        return render.blocks(self.answer, **kwargs)


def chart_expected(answer) -> bool:
    """Whether the answer is of a kind that has a chart, without drawing it (or asking charts,
    whose has_chart builds the whole chart spec, a query included): cheap enough for the ack.
    render_png returning None later is the final word."""
    return bool(answer.ok and answer.kind in CHART_KINDS and _charts() is not None)


def chart_file(answer) -> dict | None:
    """The answer's chart as a files_upload_v2 item, or None (no chart module, kind or picture).
    A chart that fails to draw is logged and left out: the answer still goes."""
    charts = _charts()
    if charts is None or not answer.ok:
        return None
    try:
        with _chart_lock:
            png = charts.render_png(answer)
        if not png:
            return None
        alt = charts.alt_text(answer) if hasattr(charts, "alt_text") else None
    except Exception:
        error_id = new_error_id()
        log.exception("error %s: chart for %r failed; answering without it", error_id, answer.title)
        return None
    title = answer.title or "Chart"
    return {"content": png, "filename": f"offences-{_slug(title)}.png", "title": title,
            "alt_txt": (alt or f"Chart: {title}. {answer.headline}")[:1000]}


def csv_file(answer) -> dict | None:
    if not render.long_table(answer):
        return None
    title = answer.title or answer.kind.capitalize()
    return {"content": render.table_csv(answer), "filename": f"offences-{_slug(title)}.csv",
            "title": f"{title} (table)", "snippet_type": "csv"}


def prepare(answer_fn: Callable[[str], Any], text: str) -> Reply:
    """Answer the text (an empty command is `help`); cheap: the chart is drawn later, if at all."""
    command = text.strip()
    result = answer_fn(command or "help")
    return Reply(result, command, csv_file(result), chart_expected(result))


def _slack_error(err: Exception) -> str:
    """Slack's error code ("not_in_channel"), else the HTTP status, else the kind of failure."""
    if isinstance(err, SlackApiError):
        response = err.response
        status = getattr(response, "status_code", 200)
        try:
            code = response.get("error")
        except Exception:
            code = None
        if status == 429 or not (isinstance(code, str) and re.fullmatch(r"[a-z_]+", code)):
            return f"HTTP {status}"  # a 5xx page or a rate limit rather than one of Slack's error codes
        return code
    return type(err).__name__


def _dm_channel(channel_id: str | None) -> bool:
    return bool(channel_id) and channel_id.startswith("D")


def _mention_text(text: str) -> str:
    return re.sub(r"<@[A-Z0-9]+(?:\|[^>]*)?>", " ", text or "").strip()


def slack_to_plain(text: str) -> str:
    """A Slack message's text as copy: links and mentions as their labels, entities decoded, no markup."""
    text = re.sub(r"<(?:[^|>]*\|)?([^>]*)>", r"\1", text or "")
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return re.sub(r"(?<!\w)[*_~`]+|[*_~`]+(?!\w)", "", text).strip()


def check_words(text: str) -> str | None:
    """The copy after a leading "check" / "fact-check", or None when the text does not start with it."""
    m = CHECK_WORDS.match(text or "")
    return text[m.end():].strip() if m else None


def looks_like_copy(text: str) -> bool:
    """Pasted copy rather than a question: a dozen words or more, written as a sentence with a figure.
    Reporters' questions are short ("durham 2016-17", "what was the rate in durham 2016/17")."""
    plain = slack_to_plain(text)
    return len(plain.split()) >= 12 and bool(re.search(r"\d", plain)) and bool(re.search(r"[\w%)][.!?]['’”\"]?(?:\s|$)", plain))


@dataclass
class CheckReply:
    """A fact-check ready to send: blocks and the plain-text fallback."""

    result: Any

    @property
    def text(self) -> str:
        from .check import plain_text  # noqa: PLC0415

        return plain_text(self.result)[:SLACK_TEXT_LIMIT]

    def blocks(self) -> list[dict]:
        return render.check_blocks(self.result)


def fact_check(copy: str) -> CheckReply:
    from .check import check  # noqa: PLC0415  (loaded on first use, like the store)

    return CheckReply(check(slack_to_plain(copy)))


class _QuietTokenWarning(logging.Filter):
    """Bolt warns that SLACK_BOT_TOKEN in the environment is unused when it is given a client;
    the client carries that very token, so the warning would only mislead whoever reads the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


# -- the app ---------------------------------------------------------------------------------------

def create_app(settings: Settings, *, answerer=None, client: WebClient | None = None,
               workers: int = 4) -> App:
    """The Bolt app: listeners for /offences, DMs, @mentions and the answer buttons.

    answerer: an object with .answer(text) (default: bot.answer.answer on the process-wide store).
    """
    if answerer is None:
        from .answer import answer as answer_fn
    else:
        answer_fn = answerer.answer
    client = client or build_client(settings)
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="offences-reply")
    replays = SeenRecently(REPLAY_WINDOW)
    events = SeenRecently(EVENT_WINDOW)

    def guard_replays(req, resp, next):
        """After Bolt's signature check: refuse an exact repeat of a signed request (401), and answer
        an event Slack already delivered (a retry) with 200 without handling it again."""
        if req.mode != "socket_mode":
            retry = req.headers.get("x-slack-retry-num", [None])[0]
            stamp = req.headers.get("x-slack-request-timestamp", [""])[0]
            signature = req.headers.get("x-slack-signature", [""])[0]
            if not retry and not replays.add((stamp, signature)):
                log.warning("refused a replayed request (timestamp %s)", stamp)
                return BoltResponse(status=401, body={"error": "replayed request"})
        body = req.body or {}
        if body.get("type") == "event_callback" and body.get("event_id"):
            if not events.add(body["event_id"]):
                log.info("event %s already handled; acknowledging the retry only", body["event_id"])
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
    app.offences_pool = pool  # type: ignore[attr-defined]  (for shutdown and tests)

    # -- sending ----------------------------------------------------------------------------------

    pending = {"jobs": 0}
    idle = threading.Condition()

    def submit(job: Callable[[], None], on_fault: Callable[[str], None]) -> None:
        """Run job after the ack; a fault becomes an apology (on_fault) and a logged traceback."""

        def run():
            try:
                job()
            except Exception:
                error_id = new_error_id()
                log.exception("error %s while replying", error_id)
                try:
                    on_fault(apology(error_id))
                except Exception:
                    log.exception("error %s: the apology could not be sent either", error_id)
            finally:
                with idle:
                    pending["jobs"] -= 1
                    idle.notify_all()

        with idle:
            pending["jobs"] += 1
        pool.submit(run)

    def wait_idle(timeout: float = 10.0) -> bool:
        """Block until no reply is being worked on (tests, benchmarks, graceful shutdown)."""
        with idle:
            return idle.wait_for(lambda: pending["jobs"] == 0, timeout)

    app.offences_wait_idle = wait_idle  # type: ignore[attr-defined]

    def post(reply: Reply, channel: str, *, thread_ts: str | None = None, shared_by: str | None = None,
             respond=None) -> bool:
        """chat.postMessage the answer, then upload its files (chart, CSV) into the message's thread.
        On failure, tell the reporter through response_url (respond) when there is one."""
        files = reply.files()  # drawn before posting, so the chart follows its message at once
        try:
            message = client.chat_postMessage(channel=channel, text=reply.text, thread_ts=thread_ts,
                                              blocks=reply.blocks(shared_by=shared_by),
                                              unfurl_links=False, unfurl_media=False)
        except (SlackApiError, SlackClientError) as err:
            error_id = new_error_id()
            code = _slack_error(err)
            log.error("error %s: chat.postMessage to %s failed: %s", error_id, channel, code)
            explain = CANNOT_POST.get(code, f"Slack would not take the answer just now ({code}); "
                                      "please try again in a minute.")
            if respond is not None:
                respond(text=f"{explain} (error id {error_id})", response_type="ephemeral", replace_original=False)
            return False
        if files:
            try:
                client.files_upload_v2(file_uploads=[dict(f) for f in files], channel=message["channel"],
                                       thread_ts=thread_ts or message["ts"])
            except (SlackApiError, SlackClientError) as err:
                error_id = new_error_id()
                log.error("error %s: uploading %s failed: %s", error_id, ", ".join(f["filename"] for f in files),
                          _slack_error(err) if isinstance(err, SlackApiError) else err)
                if respond is not None:
                    respond(text=f"The answer is posted, but its chart or table could not be uploaded "
                                 f"(error id {error_id}).", response_type="ephemeral", replace_original=False)
        return True

    def deliver(reply: Reply, channel: str, user: str, respond=None, *, shared_by: str | None = None,
                force_channel: bool = False) -> bool:
        """Post an answer with its files: in the channel, or in the user's DM when they asked privately."""
        if reply.private and not force_channel and not _dm_channel(channel):
            try:
                channel = client.conversations_open(users=user)["channel"]["id"]
            except (SlackApiError, SlackClientError) as err:
                error_id = new_error_id()
                log.error("error %s: conversations.open for a private answer failed: %s", error_id, err)
                if respond is not None:
                    respond(text=f"I couldn't open a direct message with you (error id {error_id}).",
                            response_type="ephemeral", replace_original=False)
                return False
        return post(reply, channel, shared_by=shared_by, respond=respond)

    def ephemeral(reply: Reply, respond, *, replace: bool, share: bool = True, response_type="ephemeral") -> None:
        """An answer (or error, or help) through response_url."""
        offer = reply.command if share and reply.answer.ok and reply.answer.kind != "help" else None
        respond(text=reply.text, blocks=reply.blocks(share_text=offer), replace_original=replace,
                response_type=response_type)

    def conversation_reply(text: str, channel: str, user: str, thread_ts: str | None = None) -> None:
        """A DM or @mention: answer in the conversation, chart included (errors and help ephemeral
        in channels, so a mention's thread holds only answers)."""
        reply = prepare(answer_fn, text)
        if not (reply.answer.ok and reply.answer.kind != "help") and not _dm_channel(channel):
            client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, text=reply.text,
                                      blocks=reply.blocks())
            return
        post(reply, channel, thread_ts=thread_ts)

    # -- /offences --------------------------------------------------------------------------------

    @app.command(COMMAND)
    def on_command(ack, command, respond):
        text = command.get("text") or ""
        copy = check_words(text)
        if copy is not None:
            if not copy:
                ack(text=CHECK_HOW, response_type="ephemeral")
                return
            try:
                checked = fact_check(copy)
            except Exception:
                error_id = new_error_id()
                log.exception("error %s while fact-checking", error_id)
                ack(text=apology(error_id), response_type="ephemeral")
                return
            ack(text=checked.text, blocks=checked.blocks(), response_type="ephemeral")
            return
        try:
            reply = prepare(answer_fn, text)
        except Exception:
            error_id = new_error_id()
            log.exception("error %s while answering %r", error_id, text)
            ack(text=apology(error_id), response_type="ephemeral")
            return
        if not reply.posted_from_slash:
            share = reply.command if reply.answer.ok and reply.answer.kind != "help" else None
            ack(text=reply.text, blocks=reply.blocks(share_text=share), response_type="ephemeral")
            return
        channel, user = command["channel_id"], command["user_id"]
        if reply.private and not _dm_channel(channel):
            ack(text="Sending the answer and its chart to our direct messages.", response_type="ephemeral")
        else:
            ack()

        def job():
            if reply.files():
                deliver(reply, channel, user, respond)
            else:  # the chart did not draw after all: the answer as it would have been acked
                ephemeral(reply, respond, replace=False)

        submit(job, lambda msg: respond(text=msg, response_type="ephemeral", replace_original=False))

    # -- buttons ----------------------------------------------------------------------------------

    @app.action(render.SHARE_ACTION)
    def on_share(ack, body, action, respond):
        """Post the answer (and its chart) for the channel, naming who shared it; drop the ephemeral copy."""
        ack()
        user = body["user"]["id"]
        channel = (body.get("channel") or {}).get("id") or body["container"]["channel_id"]

        def job():
            reply = prepare(answer_fn, action.get("value") or "")
            if not reply.answer.ok:
                ephemeral(reply, respond, replace=False)
            elif deliver(reply, channel, user, respond, shared_by=user, force_channel=True):
                respond(delete_original=True)

        submit(job, lambda msg: respond(text=msg, response_type="ephemeral", replace_original=False))

    @app.action(RERUN_ACTION)
    def on_rerun(ack, body, action, respond):
        """A suggestion (rerun_N: replaces the error) or a help example (example_N: a new reply),
        answered as the same text would be by /offences (or, in a DM, as a DM)."""
        ack()
        user = body["user"]["id"]
        channel = (body.get("channel") or {}).get("id") or body["container"]["channel_id"]
        is_ephemeral = bool(body.get("container", {}).get("is_ephemeral")) or "message" not in body
        replace = action["action_id"].startswith("rerun_")

        def job():
            reply = prepare(answer_fn, action.get("value") or "")
            in_dm = _dm_channel(channel) and not is_ephemeral
            if (reply.posted_from_slash or (in_dm and reply.chart_expected)) and reply.files():
                if deliver(reply, channel, user, respond) and replace:
                    respond(delete_original=True)
                return
            ephemeral(reply, respond, replace=replace, share=is_ephemeral,
                      response_type="ephemeral" if is_ephemeral else "in_channel")

        submit(job, lambda msg: respond(text=msg, response_type="ephemeral", replace_original=False))

    # -- events -----------------------------------------------------------------------------------

    @app.event("message")
    def on_message(event):
        """Direct messages to the bot are commands; other message events (edits, joins, bots) are not."""
        if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
            return
        channel, user = event["channel"], event.get("user", "")
        text = event.get("text") or ""
        copy = check_words(text)

        def job():
            if copy == "":
                client.chat_postMessage(channel=channel, text=CHECK_HOW)
            elif copy is not None or looks_like_copy(text):
                post_check(fact_check(copy if copy is not None else text), channel, None)
            else:
                conversation_reply(text, channel, user)

        submit(job, lambda msg: client.chat_postMessage(channel=channel, text=msg))

    def post_check(checked: CheckReply, channel: str, thread_ts: str | None, respond=None) -> None:
        """A fact-check as a reply in the thread; if it cannot be posted, to the editor privately."""
        try:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=checked.text,
                                    blocks=checked.blocks(), unfurl_links=False, unfurl_media=False)
        except (SlackApiError, SlackClientError) as err:
            error_id = new_error_id()
            code = _slack_error(err)
            log.error("error %s: posting a fact-check to %s failed: %s", error_id, channel, code)
            if respond is None:
                raise
            explain = CANNOT_POST.get(code, f"Slack would not take the reply just now ({code}).")
            respond(text=f"{explain} (error id {error_id})\n\n{checked.text}", response_type="ephemeral",
                    replace_original=False)

    def thread_parent(channel: str, thread_ts: str) -> dict:
        replies = client.conversations_replies(channel=channel, ts=thread_ts, limit=1)
        messages = replies.get("messages") or []
        return messages[0] if messages else {}

    @app.event("app_mention")
    def on_mention(event):
        """@offences in a thread: fact-check the thread's first message (or the copy after the mention),
        replying in the thread. Elsewhere: "@offences check <copy>" checks, anything else is a question."""
        if event.get("bot_id") or event.get("channel_type") == "im":
            return
        channel, user = event["channel"], event.get("user", "")
        text = _mention_text(event.get("text") or "")
        in_thread = bool(event.get("thread_ts")) and event.get("thread_ts") != event.get("ts")
        thread_ts = event.get("thread_ts") or event["ts"]
        copy = check_words(text)

        def job():
            if in_thread and not (copy or (copy is None and text)):
                post_check(message_check(thread_parent(channel, thread_ts)), channel, thread_ts)
                return
            if copy == "":
                client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, text=CHECK_HOW)
                return
            if copy is not None or in_thread or looks_like_copy(text):
                checked = fact_check(copy if copy is not None else text)
                if checked.result.claims or copy is not None:
                    post_check(checked, channel, thread_ts)
                    return
            conversation_reply(text, channel, user, thread_ts)

        submit(job, lambda msg: client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, text=msg))

    @app.shortcut(FACT_CHECK_SHORTCUT)
    def on_fact_check_shortcut(ack, body, respond):
        """The "Fact-check figures" message shortcut: check that message, reply in its thread."""
        ack()
        message = body.get("message") or {}
        channel = (body.get("channel") or {}).get("id", "")
        thread_ts = message.get("thread_ts") or message.get("ts")

        def job():
            post_check(message_check(message), channel, thread_ts, respond=respond)

        submit(job, lambda msg: respond(text=msg, response_type="ephemeral", replace_original=False))

    @app.error
    def on_error(error, body):
        error_id = new_error_id()
        log.error("error %s in a Slack listener (request type %s)", error_id, (body or {}).get("type"),
                  exc_info=error)

    return app


BOT_MESSAGE = ("That message was posted by a bot, not written by a reporter. If it is one of my answers, every "
               "figure in it comes straight from the data, with its source listed under it. Fact-checking is for "
               "copy: paste the story after @offences check, or use the shortcut on a reporter's message.")


def message_check(message: dict) -> CheckReply:
    """A thread's message checked as copy, unless a bot posted it: the bot's own answers (tables, ranks,
    rates) are the data itself, and checking them line by line would only show ranks and labels as claims."""
    if message.get("bot_id") or message.get("subtype") == "bot_message":
        from .check import CheckResult  # noqa: PLC0415

        return CheckReply(CheckResult(notes=[BOT_MESSAGE]))
    text = message.get("text") or ""
    return fact_check(text) if text.strip() else CheckReply(_empty_check())


def _empty_check():
    from .check import CheckResult  # noqa: PLC0415

    return CheckResult(notes=["The thread's first message has no text to check."])


def wait_idle(app: App, timeout: float = 10.0) -> bool:
    """Block until the app has no reply in progress; False if it still has after `timeout` seconds."""
    return app.offences_wait_idle(timeout)  # type: ignore[attr-defined]
