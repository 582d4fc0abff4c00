"""Sending replies through Slack's Web API, and telling the person who asked when Slack will not take
one. Why a module of its own: every failure must reach the reporter through a route that still works
(the command's response_url, an ephemeral in the conversation, their DM), with an error id, and must
never claim a failure after a success ("the answer is posted; its chart could not be uploaded").
"""

from __future__ import annotations

import logging
import re
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import Future, ThreadPoolExecutor

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

from .replies import CheckReply, Reply, new_error_id
from .settings import Settings

log = logging.getLogger("offences.slack")

RETRIED_STATUSES = [500, 502, 503, 504]
WEB_API_TIMEOUT = 30      # a slow chat.postMessage (11 s) is waited for: a post is not safe to repeat
UPLOAD_ATTEMPTS = 3       # the upload URL has no retry handler in slack_sdk; a single 500 must not lose a chart
FAILURES = (SlackApiError, SlackClientError, OSError)  # OSError: timeouts, refused and dropped connections

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
# Slack refused the message itself, not the place: the answer is given as plain text instead.
REFUSED_MESSAGE = {"invalid_blocks", "invalid_blocks_format", "msg_too_long", "too_many_attachments",
                   "invalid_arguments", "no_text"}
EPHEMERAL_TEXT = 2900  # an ephemeral that quotes the answer stays well inside Slack's limits


_drawer: ThreadPoolExecutor | None = None  # one thread: charts are drawn one at a time anyway (a lock)
_drawer_lock = threading.Lock()


def draw_ahead(reply: Reply) -> Future | None:
    """Start drawing a reply's files (its chart) on the drawing thread, so that the chart is drawn
    while its message is posted rather than after: a chart answer reaches Slack sooner by the
    chat.postMessage round trip. None when the reply has no files to draw."""
    global _drawer
    if not (reply.chart_expected or reply.csv):
        return None
    with _drawer_lock:
        if _drawer is None:
            _drawer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="offences-draw")
    return _drawer.submit(reply.files)


def apology(error_id: str) -> str:
    return APOLOGY.format(error_id=error_id)


class GatewayErrorRetryHandler(ServerErrorRetryHandler):
    """slack_sdk retries 500 and 503 only; 502 and 504 come from the same gateways for the same reasons."""

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        return response is not None and response.status_code in RETRIED_STATUSES


def build_client(settings: Settings) -> WebClient:
    """A WebClient for settings.api_base_url that retries dropped connections, 429s (honouring
    Retry-After) and 500/502/503/504s before giving up."""
    if settings.retry_interval is not None:
        interval = FixedValueRetryIntervalCalculator(settings.retry_interval)
    else:
        interval = BackoffRetryIntervalCalculator(backoff_factor=0.5)
    return WebClient(
        token=settings.bot_token,
        base_url=settings.api_base_url,
        timeout=WEB_API_TIMEOUT,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2, interval_calculator=interval),
            RateLimitErrorRetryHandler(max_retry_count=2),
            GatewayErrorRetryHandler(max_retry_count=2, interval_calculator=interval),
        ],
    )


def slack_error(err: Exception) -> str:
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
    if isinstance(err, urllib.error.HTTPError):
        return f"HTTP {err.code}"
    if isinstance(err, TimeoutError) or "timed out" in str(err):
        return "timed out"
    return type(err).__name__


def dm_channel(channel_id: str | None) -> bool:
    return bool(channel_id) and channel_id.startswith("D")


def explain(code: str, what: str = "the answer") -> str:
    if code in CANNOT_POST:
        return CANNOT_POST[code]
    if code in REFUSED_MESSAGE:
        return f"Slack refused {what} as I laid it out ({code}), so here it is as plain text."
    if code == "timed out":
        return f"Slack did not confirm {what} in time; it may still appear. If it does not, please try again."
    return f"Slack would not take {what} just now ({code}); please try again in a minute."


class Delivery:
    """Posting answers and fact-checks, uploading their files, and reporting failures to the asker."""

    def __init__(self, client: WebClient, retry_pause: float = 0.5, later=None):
        """later(key, job): where a posted answer's files are drawn and uploaded (default: at once,
        in the caller); the app queues them behind the conversation's next answers, so in a burst
        every text answer is posted before any chart is drawn."""
        self.client = client
        self.retry_pause = retry_pause
        self.later = later or (lambda key, job: job())

    # -- telling the person who asked ---------------------------------------------------------------

    def tell(self, text: str, *, channel: str | None, user: str | None, thread_ts: str | None = None,
             respond=None) -> bool:
        """Say something to the person who asked, through the first route that works: the command's
        response_url, the DM itself when that is where they asked, an ephemeral in the conversation (in
        the thread), then their DM."""
        routes = []
        if respond is not None:
            routes.append(("response_url", lambda: respond(text=text, response_type="ephemeral",
                                                            replace_original=False)))
        if dm_channel(channel):  # a DM is private already: a plain message there is the clearest
            routes.append(("chat.postMessage", lambda: self.client.chat_postMessage(
                channel=channel, thread_ts=thread_ts, text=text)))
        if channel and user:
            routes.append(("chat.postEphemeral", lambda: self.client.chat_postEphemeral(
                channel=channel, user=user, thread_ts=thread_ts, text=text)))
        if user:
            routes.append(("DM", lambda: self._dm(user, text)))
        for name, route in routes:
            try:
                route()
                return True
            except Exception as err:  # one route down: try the next
                log.warning("telling %s through %s failed: %s", user or "the asker", name, slack_error(err))
        log.error("could not tell %s by any route: %s", user or "the asker", text[:200])
        return False

    def _dm(self, user: str, text: str) -> None:
        channel = self.client.conversations_open(users=user)["channel"]["id"]
        self.client.chat_postMessage(channel=channel, text=text)

    def failed(self, err: Exception, doing: str, *, what: str = "the answer", plain: str = "", **asker) -> None:
        """Log a failed Web API call under a new error id and tell the asker why, with that id."""
        error_id = new_error_id()
        code = slack_error(err)
        log.error("error %s: %s failed: %s", error_id, doing, code)
        message = f"{explain(code, what)} (error id {error_id})"
        if code in REFUSED_MESSAGE and plain:
            message += "\n\n" + plain[:EPHEMERAL_TEXT]
        self.tell(message, **asker)

    # -- answers --------------------------------------------------------------------------------------

    def post(self, reply: Reply, channel: str, *, user: str | None, thread_ts: str | None = None,
             shared_by: str | None = None, respond=None, drawn: Future | None = None) -> bool:
        """chat.postMessage the answer while its files are drawn (drawn: already started, by
        deliver), then (later) upload them into the message's thread. Either failing is told to the
        asker: the message's as a failure, the files' as such."""
        asker = dict(channel=channel, user=user, thread_ts=thread_ts, respond=respond)
        if drawn is None:
            drawn = draw_ahead(reply)
        try:
            message = self.client.chat_postMessage(channel=channel, text=reply.text, thread_ts=thread_ts,
                                                   blocks=reply.blocks(shared_by=shared_by),
                                                   unfurl_links=False, unfurl_media=False)
        except FAILURES as err:
            if drawn is not None:
                drawn.cancel()  # if it has not started: nothing will be uploaded
            self.failed(err, f"chat.postMessage to {channel}", plain=reply.text, **asker)
            return False
        if drawn is not None:
            where = thread_ts or message["ts"]
            self.later(channel, lambda: self.attach(reply, message["channel"], where, asker, drawn))
        return True

    def attach(self, reply: Reply, channel: str, thread_ts: str, asker: dict, drawn: Future | None = None) -> None:
        """Upload the answer's files (drawn: as draw_ahead started drawing them; else drawn here) into
        its thread; a failure says the answer is posted."""
        files = drawn.result() if drawn is not None else reply.files()
        if not files:
            return
        try:
            self.upload(files, channel, thread_ts)
        except FAILURES as err:
            kind = "chart" if any(f["filename"].endswith(".png") for f in files) else "table"
            error_id = new_error_id()
            log.error("error %s: uploading %s failed: %s", error_id, ", ".join(f["filename"] for f in files),
                      slack_error(err))
            self.tell(f"The answer is posted; its {kind} could not be uploaded (error id {error_id}).", **asker)

    def deliver(self, reply: Reply, channel: str, user: str, respond=None, *, shared_by: str | None = None,
                force_channel: bool = False) -> bool:
        """Post an answer with its files: in the channel, or in the user's DM when they asked privately
        (the chart is drawn while the DM is opened and the message posted)."""
        drawn = draw_ahead(reply)
        if reply.private and not force_channel and not dm_channel(channel):
            try:
                channel = self.client.conversations_open(users=user)["channel"]["id"]
            except FAILURES as err:
                if drawn is not None:
                    drawn.cancel()
                self.failed(err, "conversations.open for a private answer", what="a direct message with you",
                            channel=channel, user=user, respond=respond)
                return False
        return self.post(reply, channel, user=user, shared_by=shared_by, respond=respond, drawn=drawn)

    def upload(self, files: list[dict], channel: str, thread_ts: str) -> None:
        """files_upload_v2's three steps, with the upload URL retried (slack_sdk does not retry it)."""
        uploaded = []
        for f in files:
            data = f["content"].encode("utf-8") if isinstance(f["content"], str) else f["content"]
            url = self.client.files_getUploadURLExternal(filename=f["filename"], length=len(data),
                                                         alt_txt=f.get("alt_txt"), snippet_type=f.get("snippet_type"))
            self._put(url["upload_url"], data)
            uploaded.append({"id": url["file_id"], "title": f.get("title") or f["filename"]})
        self.client.files_completeUploadExternal(files=uploaded, channel_id=channel, thread_ts=thread_ts)

    def _put(self, url: str, data: bytes) -> None:
        for attempt in range(1, UPLOAD_ATTEMPTS + 1):
            try:
                with urllib.request.urlopen(urllib.request.Request(url, data=data, method="POST"),
                                            timeout=WEB_API_TIMEOUT) as resp:
                    resp.read()
                return
            except urllib.error.HTTPError as err:
                if err.code < 500 and err.code != 429 or attempt == UPLOAD_ATTEMPTS:
                    raise
            except (urllib.error.URLError, ConnectionError) as err:
                if attempt == UPLOAD_ATTEMPTS:
                    raise
                log.info("upload attempt %d failed (%s); retrying", attempt, err)
            time.sleep(self.retry_pause * attempt)

    # -- fact-checks ----------------------------------------------------------------------------------

    def post_check(self, checked: CheckReply, channel: str, thread_ts: str | None, *, user: str | None,
                   respond=None) -> bool:
        """A fact-check as a reply in the thread; if Slack will not take it, to the editor privately
        with the result itself (so the check is not lost)."""
        try:
            message = self.client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=checked.text,
                                                   blocks=checked.blocks(with_file=checked.cut),
                                                   unfurl_links=False, unfurl_media=False)
        except FAILURES as err:
            error_id = new_error_id()
            code = slack_error(err)
            log.error("error %s: posting a fact-check to %s failed: %s", error_id, channel, code)
            self.tell(f"{explain(code, 'the fact-check')} (error id {error_id})\n\n{checked.text[:EPHEMERAL_TEXT]}",
                      channel=channel, user=user, thread_ts=thread_ts, respond=respond)
            return False
        if checked.cut:  # too many claims for one message: every one of them in a file in the thread
            where = thread_ts or message["ts"]
            try:
                self.upload([checked.full_file()], message["channel"], where)
            except FAILURES as err:
                error_id = new_error_id()
                log.error("error %s: uploading a fact-check file failed: %s", error_id, slack_error(err))
                self.tell(f"The fact-check is posted, cut short; the file with every claim could not be uploaded "
                          f"(error id {error_id}).", channel=channel, user=user, thread_ts=where, respond=respond)
        return True
