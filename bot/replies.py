"""What the bot says in Slack, ready to send: an answer (text, blocks, its chart and CSV files) or a
fact-check, and the small readings of a Slack message that decide which it is. No Web API calls here
(bot/delivery.py sends), no listeners (bot/slack.py)."""

from __future__ import annotations

import logging
import re
import threading
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

from . import render

log = logging.getLogger("offences.slack")

# Answer kinds that can carry a chart (when charts.render_png returns bytes for the answer).
CHART_KINDS = frozenset({"series", "change", "compare", "rank", "region", "figure", "national",
                         "street_figure", "street_series", "street_types", "street_compare"})  # bot/street_charts.py
# A slash command's single-figure answers go in the ack (ephemeral, at once); their chart is
# uploaded when the reporter shares the answer in the channel, or asks in a DM or a mention.
ACK_KINDS = frozenset({"figure", "national"})
# "/offences check <copy>", "@offences fact-check <copy>": the rest of the text is copy to check.
CHECK_WORDS = re.compile(r"^\s*(?:check|fact[\s-]?check)\b[:\s]*", re.I)
CHECK_HOW = ("Paste the copy to check after the word check, e.g. `/offences check Kent Police recorded 361 "
             "offences in 2016/17, up from 63, a rise of 573%`. In a thread, mention me to check its first "
             "message, or use the *Fact-check figures* shortcut on any message.")
SLACK_TEXT_LIMIT = 39_000  # chat.postMessage truncates text past 40,000 characters


def new_error_id() -> str:
    return uuid.uuid4().hex[:8]


def escape(text: str) -> str:
    """Text for a message's `text` field: Slack reads & < > there as markup (`<!channel>` pings everyone)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
        return escape(render.plain_text(self.answer))[:SLACK_TEXT_LIMIT]

    @property
    def posted_from_slash(self) -> bool:
        """A slash command's answer that must be a real message (files cannot be ephemeral): a long
        table, or a chart that is the point of the answer. A single figure (figure, national) is
        answered in the ack; its chart comes with it when it is shared in the channel."""
        return bool(self.csv) or (self.chart_expected and self.answer.kind not in ACK_KINDS)

    def has_files(self) -> bool:
        """Whether files() will give anything, decided without drawing the chart (charts.has_chart
        builds its spec only), so the message can be posted before the chart is drawn."""
        if self._files is not None or self.csv:
            return bool(self._files or self.csv)
        charts = _charts()
        if not self.chart_expected or charts is None:
            return False
        try:
            return bool(charts.has_chart(self.answer)) if hasattr(charts, "has_chart") else bool(self.files())
        except Exception:
            log.exception("deciding whether %r has a chart failed; answering without it", self.answer.title)
            return False

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


COURTESY = re.compile(r"^(?:(?:hey|hi|hello|ok|okay|please|pls)\b[\s,!.:]*)+|(?:[\s,]+(?:please|pls|thanks|"
                      r"thank you|ta|cheers))+[\s!.?]*$", re.I)


def mention_text(text: str) -> str:
    """A mention's text without the mention and without "hey ... please": reporters talk to the bot."""
    text = re.sub(r"<@[A-Z0-9]+(?:\|[^>]*)?>", " ", text or "").strip()
    return COURTESY.sub("", text).strip() if len(text.split()) <= 12 else text  # a question, not pasted copy


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

        return escape(plain_text(self.result))[:SLACK_TEXT_LIMIT]

    CUT = "(Cut short: every claim is in the file in this thread.)"

    @property
    def cut(self) -> bool:
        return render.was_cut(render.check_blocks(self.result))

    def blocks(self, *, with_file: bool = False) -> list[dict]:
        blocks = render.check_blocks(self.result)
        return render.say_cut(blocks, self.CUT) if with_file else blocks

    def full_file(self) -> dict:
        """The whole result as a text file, for a check too long for one message's blocks."""
        from .check import plain_text  # noqa: PLC0415

        return {"content": plain_text(self.result), "filename": "offences-fact-check.txt",
                "title": "Fact-check: every claim", "snippet_type": "text"}


def fact_check(copy: str) -> CheckReply:
    from .check import check  # noqa: PLC0415  (loaded on first use, like the store)

    return CheckReply(check(slack_to_plain(copy)))


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

