"""The audit trail: one JSON line per request from Slack, so a newsroom can answer "who checked this
figure, and when". To standard output, or appended to the file AUDIT_LOG names.

What a line holds, and what it never holds: Slack's team, user and channel ids, the entry point, the
kind of command, the command a reporter typed (a question is short and is the record), the request
as the bot read it, the outcome, the latency and an error id. Never a token, never other message
text, and never the copy pasted for checking: only its length and how many claims it held (copy can
be an unpublished story).
"""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
from datetime import datetime, timezone
from typing import Any

from .settings import mask

MAX_COMMAND = 300  # a question longer than this is not one (bot.parse.MAX_LENGTH); its start is enough

# entry points
SLASH, DM, MENTION, SHORTCUT, BUTTON, SHARE = "slash", "dm", "mention", "shortcut", "button", "share"


def ids(body: dict | None) -> dict[str, str | None]:
    """Team, user and channel ids from any Slack payload (command, event, action, shortcut)."""
    body = body or {}

    def first(*paths: str) -> str | None:
        for path in paths:
            node = body
            for key in path.split("."):
                node = node.get(key) if isinstance(node, dict) else None
            if isinstance(node, str) and node:
                return node
        return None

    return {"team": first("team_id", "team.id", "team", "event.team"),
            "user": first("user_id", "user.id", "user", "event.user"),
            "channel": first("channel_id", "channel.id", "channel", "event.channel", "container.channel_id")}


def request_fields(request: Any) -> dict | None:
    """The request as the bot read it (bot.parse.Request), in plain JSON terms."""
    if request is None:
        return None
    out = {"intent": request.intent, "places": [p.name for p in request.places],
           "years": [y.label for y in request.years], "measure": request.measure}
    for name in ("rate", "latest", "private", "ascending"):
        if getattr(request, name):
            out[name] = True
    if request.limit is not None:
        out["limit"] = request.limit
    return out


class Entry:
    """One request's line, filled in as the request is handled and written once by done()."""

    def __init__(self, trail: "Trail", entry: str, body: dict | None):
        self.trail, self.started = trail, time.monotonic()
        self.fields: dict[str, Any] = {"time": datetime.now(timezone.utc).isoformat(timespec="milliseconds")
                                       .replace("+00:00", "Z"), **ids(body), "entry": entry, "kind": None,
                                       "command": None, "request": None, "outcome": None}
        self._written = False

    def question(self, command: str, answer: Any) -> "Entry":
        """A question and its answer (or the helpful error the reporter got)."""
        self.fields.update(kind="question", command=(command or "")[:MAX_COMMAND],
                           request=request_fields(getattr(answer, "request", None)),
                           outcome="answered" if answer.ok else "not_understood", answer=answer.kind)
        return self

    def check(self, copy: str, result: Any) -> "Entry":
        """A fact-check: the copy's length and claim count, never the copy."""
        verdicts: dict[str, int] = {}
        for claim in result.claims:
            verdicts[claim.verdict] = verdicts.get(claim.verdict, 0) + 1
        self.fields.update(kind="check", request={"copy_chars": len(copy or ""), "claims": len(result.claims),
                                                  "verdicts": verdicts}, outcome="checked")
        return self

    def done(self, outcome: str | None = None, error_id: str | None = None, **more: Any) -> None:
        """Write the line (once: a later call adds nothing)."""
        if self._written:
            return
        self._written = True
        if outcome:
            self.fields["outcome"] = outcome
        self.fields["latency_ms"] = round((time.monotonic() - self.started) * 1000, 1)
        self.fields["error_id"] = error_id
        self.fields.update(more)
        self.trail.write(self.fields)


class Trail:
    """Where the lines go: standard output, or a file appended to (one write per line, so instances
    sharing a file do not interleave within a line)."""

    def __init__(self, path: str | None = None, secrets: list[str] = ()):
        self.path, self.secrets = path, [s for s in secrets if s]
        self._lock = threading.Lock()
        self._file = open(path, "a", encoding="utf-8", buffering=1) if path else None

    def start(self, entry: str, body: dict | None) -> Entry:
        return Entry(self, entry, body)

    def write(self, fields: dict) -> None:
        line = mask(json.dumps(fields, ensure_ascii=False, default=str), self.secrets) + "\n"
        try:
            with self._lock:
                out = self._file or sys.stdout
                out.write(line)
                out.flush()
        except (OSError, ValueError) as err:  # a full disk must not stop answers
            logging.getLogger("offences.audit").warning("could not write the audit log (%s)", err)
