"""Answers as a reporter sees them: plain text to paste (CLI, Slack fallback) and the --json object.

Block Kit rendering for Slack lives here too (blocks()), so every face shows the same words.
"""

from __future__ import annotations

import json

from .answer import Answer, Source


def source_line(source: Source) -> str:
    return f"{source.outlet}, {source.release_month} release: {source.url}"


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
