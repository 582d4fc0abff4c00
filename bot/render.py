"""Answers as a reporter sees them: plain text to paste (CLI, Slack fallback) and the --json object.

Block Kit rendering for Slack lives here too (blocks()), so every face shows the same words.
"""

from __future__ import annotations

import csv
import io
import json
import re

from .answer import Answer, Source


def source_line(source: Source) -> str:
    return getattr(source, "text", "") or f"{source.outlet}, {source.release_month} release: {source.url}"


def plain_text(answer: Answer) -> str:
    """The answer as plain text without markup: headline, detail lines, caveats, then sources."""
    if not answer.ok:
        text = answer.error["message"]
        if answer.error.get("suggestions"):
            text += "\nTry: " + " | ".join(answer.error["suggestions"])
        return text
    parts = [answer.headline]
    parts += [line.replace("`", "") for line in answer.lines]
    if answer.caveats:
        parts += ["Note: " + c for c in answer.caveats]
    if answer.sources:
        if len(answer.sources) == 1:
            parts.append("Source: " + source_line(answer.sources[0]))
        else:
            parts.append("Sources:")
            parts += ["- " + source_line(s) for s in answer.sources]
    return "\n".join(parts)


ROW_KEYS = ("geography", "geography_code", "year", "measure", "value", "status", "release", "source_url", "outlet")


def json_rows(answer: Answer) -> list[dict]:
    return [{k: row.get(k) for k in ROW_KEYS} for row in answer.rows]


def to_json(answer: Answer) -> dict:
    """The stable `offences ask --json` object (see README: keys are an interface)."""
    return {
        "ok": answer.ok,
        "kind": answer.kind,
        "text": plain_text(answer),
        "rows": json_rows(answer),
        "caveats": list(answer.caveats),
        "error": answer.error,
    }


def dumps(answer: Answer) -> str:
    return json.dumps(to_json(answer), ensure_ascii=False, indent=2)


# -- Slack: Block Kit ------------------------------------------------------------------------------
# Slack's limits (https://api.slack.com/reference/block-kit): 50 blocks a message, 3,000 characters
# in a section's text, 10 elements in a context block, 75 characters on a button, 2,000 in its value.

MAX_BLOCKS = 50
MAX_SECTION = 3000
MAX_CONTEXT_ELEMENTS = 10
MAX_CONTEXT_TEXT = 2000
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_BUTTONS = 5
LONG_TABLE_LINES = 15  # more detail lines than this: the table goes as a CSV file...
INLINE_LINES = 10      # ...with this many shown in the message
SHARE_ACTION = "share_answer"

_NUMBER = r"\d{1,3}(?:,\d{3})*(?:\.\d+)?"
_FIGURE = re.compile(rf"(?P<lead>recorded |: |up from |down from )(?P<fig>(?:at least |about )?{_NUMBER}"
                     rf"(?: or {_NUMBER})*)(?![\d/]|[,.]\d)")
_URL = re.compile(r"https?://[^\s<>|]+")


def escape(text: str) -> str:
    """Slack mrkdwn control characters (&, <, >) as entities; everything else is shown as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _bold_figures(text: str) -> str:
    """'recorded 190 ...' -> 'recorded *190* ...': the figures a reporter scans for, in bold."""
    return _FIGURE.sub(lambda m: f"{m['lead']}*{m['fig']}*", text)


def _link_urls(text: str) -> str:
    return _URL.sub(lambda m: f"<{m.group(0)}>", text)


def _mrkdwn(text: str) -> str:
    return _link_urls(_bold_figures(escape(text)))


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _clip(text, MAX_SECTION)}}


def _chunks(lines: list[str], limit: int, sep: str = "\n") -> list[str]:
    """Join lines into as few texts of at most `limit` characters as possible (long lines clipped)."""
    out: list[str] = []
    for line in lines:
        line = _clip(line, limit)
        if out and len(out[-1]) + len(sep) + len(line) <= limit:
            out[-1] += sep + line
        else:
            out.append(line)
    return out


def _context_blocks(texts: list[str]) -> list[dict]:
    elements = [{"type": "mrkdwn", "text": t} for t in _chunks(texts, MAX_CONTEXT_TEXT)]
    return [{"type": "context", "elements": elements[i:i + MAX_CONTEXT_ELEMENTS]}
            for i in range(0, len(elements), MAX_CONTEXT_ELEMENTS)]


def source_link(source: Source) -> str:
    url = escape(source.url).replace("|", "%7C")
    return f"<{url}|{escape(source.outlet)}, {source.release_month} release>"


def button(text: str, action_id: str, value: str, style: str | None = None) -> dict:
    out = {"type": "button", "action_id": action_id, "value": value[:MAX_BUTTON_VALUE],
           "text": {"type": "plain_text", "text": _clip(text, MAX_BUTTON_TEXT), "emoji": False}}
    if style:
        out["style"] = style
    return out


def long_table(answer: Answer) -> bool:
    """Too many detail lines to read in a message: send them as a CSV file, the first ones inline."""
    return answer.ok and len(answer.lines) > LONG_TABLE_LINES


def blocks(answer: Answer, *, share_text: str | None = None, shared_by: str | None = None,
           inline_lines: int | None = None) -> list[dict]:
    """The answer as Block Kit: the headline with its figures in bold, the detail lines, a context
    block with caveats and linked sources; send plain_text(answer) with it as the `text` fallback.

    share_text: add a "Share in channel" button that re-asks this command for the channel.
    shared_by: a user id, for a shared answer ("Shared by <@U123>").
    inline_lines: show only this many detail lines (the rest go in a CSV file; see table_csv).
    """
    if not answer.ok:
        return error_blocks(answer)
    if answer.kind == "help":
        return help_blocks(answer)
    headline = _mrkdwn(answer.headline) if answer.kind != "sources" else _link_urls(escape(answer.headline))
    out = [_section(headline)]
    lines = list(answer.lines)
    if inline_lines is not None and len(lines) > inline_lines:
        hidden = len(lines) - inline_lines
        lines = lines[:inline_lines] + [f"…and {hidden} more in the CSV file in this message's thread."]
    out += [_section(text) for text in _chunks([_mrkdwn(line) for line in lines], MAX_SECTION)]
    notes = [f"Note: {_link_urls(escape(c))}" for c in answer.caveats]
    if answer.sources:
        label = "Source" if len(answer.sources) == 1 else "Sources"
        notes.append(f"{label}: " + " · ".join(source_link(s) for s in answer.sources))
    out += _context_blocks(notes)
    if shared_by:
        out.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"Shared by <@{shared_by}>"}]})
    tail = []
    if share_text is not None and len(share_text) <= MAX_BUTTON_VALUE:
        tail.append({"type": "actions", "elements": [button("Share in channel", SHARE_ACTION, share_text)]})
    return _fit(out, tail)


CUT_SHORT = "(Cut short: the full answer is in the message's text version.)"


def _fit(body: list[dict], tail: list[dict]) -> list[dict]:
    """At most MAX_BLOCKS blocks: past the limit the last ones give way to a pointer to the text."""
    room = MAX_BLOCKS - len(tail)
    if len(body) > room:
        body = body[: room - 1] + [{"type": "context", "elements": [{"type": "mrkdwn", "text": CUT_SHORT}]}]
    return body + tail


def help_blocks(answer: Answer) -> list[dict]:
    """Worked examples; the first few are buttons that run the example."""
    out = [_section(escape(answer.headline))]
    out += [_section(t) for t in _chunks(["• " + escape(line) for line in answer.lines], MAX_SECTION)]
    examples = [m.group(1) for line in answer.lines if (m := re.match(r"`([^`<]+)`", line))]
    buttons = [button(e, f"example_{i}", e) for i, e in enumerate(examples[:MAX_BUTTONS])]
    if buttons:
        out.append({"type": "context", "elements": [{"type": "mrkdwn", "text": "Try one:"}]})
        out.append({"type": "actions", "elements": buttons})
    out.append({"type": "context", "elements": [{"type": "mrkdwn", "text":
                "Answers are only visible to you until you press *Share in channel*. Answers built around a "
                "chart (trends, changes, comparisons, rankings) and long tables are posted in the channel: "
                "add `private` to get them in a direct message instead."}]})
    return out


def error_blocks(answer: Answer) -> list[dict]:
    """What was wrong and, as buttons, commands that would work (clicking one runs it)."""
    error = answer.error or {"message": answer.headline, "suggestions": []}
    out = [_section(escape(error["message"]))]
    suggestions = [s for s in error.get("suggestions") or [] if s][:MAX_BUTTONS]
    if suggestions:
        out.append({"type": "actions", "elements": [button(s, f"rerun_{i}", s) for i, s in enumerate(suggestions)]})
    out.append({"type": "context", "elements": [{"type": "mrkdwn", "text": "`/offences help` shows examples."}]})
    return out


def table_csv(answer: Answer) -> str:
    """The answer's table as CSV (UTF-8 text): one row per figure with its source, or, for answers
    that are lists rather than figures (the releases list), one row per line."""
    buf = io.StringIO()
    if answer.rows:
        keys = list(ROW_KEYS) + [k for k in ("rate_per_100k", "qualifier", "note")
                                 if any(r.get(k) is not None for r in answer.rows)]
        writer = csv.DictWriter(buf, fieldnames=keys, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in answer.rows:
            writer.writerow({k: row.get(k) for k in keys})
    else:
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["line"])
        writer.writerows([[line.replace("`", "")] for line in answer.lines])
    return buf.getvalue()


# -- fact-check results ----------------------------------------------------------------------------

def check_blocks(result) -> list[dict]:
    """A fact-check (bot.check.CheckResult) as Block Kit: the summary in bold, then one line per
    claim with its icon, verdict, finding and source links; send check.plain_text(result) with it."""
    from .answer import month
    from .check import ICONS

    out = [_section(f"*{escape(result.summary)}*")]
    lines = []
    for claim in result.claims:
        links = " · ".join(f"<{escape(s['url']).replace('|', '%7C')}|{escape(s['outlet'])}, "
                           f"{month(s['release'])} release>" for s in claim.sources if s.get("url"))
        line = (f"{ICONS.get(claim.verdict, '•')} *“{escape(claim.text)}”* ({claim.kind.replace('_', ' ')}): "
                f"{claim.verdict}. {escape(claim.explanation)}")
        lines.append(line + (f" {links}" if links else ""))
    out += [_section(text) for text in _chunks(lines, MAX_SECTION)]
    # the notes ("only the first 20,000 characters were checked") survive a cut to 50 blocks
    notes = _context_blocks([escape(n) for n in result.notes]) if result.notes else []
    return _fit(out, notes)


def was_cut(blocks: list[dict]) -> bool:
    """Whether _fit had to leave blocks out (Slack takes 50)."""
    return any(b["type"] == "context" and b["elements"][0].get("text") == CUT_SHORT for b in blocks)


def say_cut(blocks: list[dict], text: str) -> list[dict]:
    """The blocks with the cut's pointer saying where the rest is instead (a file, say)."""
    return [{"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}
            if b["type"] == "context" and b["elements"][0].get("text") == CUT_SHORT else b for b in blocks]
