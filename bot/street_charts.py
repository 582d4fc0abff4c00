"""Charts for street answers, in bot/charts.py's style: monthly columns, top crime types as bars."""

from __future__ import annotations

import calendar

from .chart_drawing import Item, Spec
from .numbers import thousands


def spec(answer) -> Spec | None:
    source = "Source: data.police.uk street-level crime (approximate locations, by calendar month)"
    rows = answer.rows
    if answer.kind in ("street_figure", "street_series") and len(rows) > 1:
        items = [Item(calendar.month_abbr[int(r["year"][5:])], r["value"],
                      "not imported" if r["value"] is None else thousands(r["value"]),
                      muted=r["value"] is None) for r in rows]
        gaps = [r["year"] for r in rows if r["value"] is None]
        notes = [f"Months not imported: {', '.join(gaps)} (not zero)"] if gaps else []
        return Spec("columns", answer.headline, f"{rows[0]['measure'].capitalize()}, by month", items, source, notes,
                    alt=answer.headline + ". " + ", ".join(f"{i.label} {i.text}" for i in items))
    if answer.kind in ("street_types", "street_compare") or rows:
        label = (lambda r: r["measure"]) if answer.kind == "street_types" else (lambda r: f"{r['geography']} {r['year']}")
        items = [Item(label(r), r["value"], thousands(r["value"])) for r in rows]
        return Spec("bars", answer.title or answer.headline, rows[0]["measure"] if answer.kind != "street_types"
                    else "Street records by crime type", items, source,
                    alt=answer.headline + ". " + ", ".join(f"{i.label} {i.text}" for i in items))
    return None
