"""Wording: figures, sources and derived arithmetic named in the reporter's terms."""

from __future__ import annotations

import calendar

from ..numbers import thousands

from .model import _Cand
from .words import _UNITS


def _derived(old: dict, new: dict) -> str:
    """' (721 − 427, the copy's own difference)' when the old level was worked out from the copy's difference."""
    if not old.get("derived"):
        return ""
    return f" ({thousands(new['value'])} − {thousands(new['value'] - old['value'])}, from “{old['derived']}” in the copy)"


def _pt(c: _Cand) -> dict:
    return {"value": int(c.value), "year": c.year, "cand": c, "row": None, "key": c.key}


def _years(n: int) -> str:
    return f"{_words(n)} year{'s' if n != 1 else ''}"


def _words(n: int) -> str:
    return _UNITS[n] if 0 <= n < len(_UNITS) else str(n)


def _month_label(period: str) -> str:
    year, mon = period.split("-")
    return f"{calendar.month_abbr[int(mon)]} {year}"


def _vt(row: dict) -> dict:
    """A reports/figures row as answer.value_text expects it."""
    status = row.get("status") or ("not_available" if row.get("value") is None else "reported")
    return {"value": row.get("value"), "status": "reported" if status == "disputed" else status,
            "qualifier": row.get("qualifier")}


def _source(row: dict | None) -> dict:
    if not row:
        return {}
    return {"outlet": row.get("outlet"), "release": row.get("release"), "url": row.get("source_url")}


def _unique(sources: list[dict]) -> list[dict]:
    out = []
    for s in sources:
        if s and s.get("url") and s not in out:
            out.append(s)
    return out
