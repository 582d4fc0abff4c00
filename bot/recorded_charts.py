"""Charts for police recorded crime answers, drawn by bot/charts.py's own layout and style.

Why separate: the NSPCC chart specs read NSPCC rows (releases by month, outlets, "not supplied");
these read table editions, "not available" and the series name. Only the Spec is built here; the
drawing (fonts, colours, sizes) is bot/charts.py's, so both series look alike but never read alike.
"""

from __future__ import annotations

from .chart_drawing import Item, Spec
from .numbers import signed_percent, thousands
from .offence_groups import GROUPS

MANY_COLUMNS = 10  # more columns than this: "02/03" labels, so 16 financial years stay legible


def _item(row: dict, label: str, highlight: bool = True) -> Item:
    tags = ["revised"] if any(e["value"] != row["value"] for e in row.get("earlier") or []) else []
    if row.get("status") != "published" or row.get("value") is None:
        return Item(label, None, "not available", tags, highlight=highlight, muted=True)
    return Item(label, float(row["value"]), thousands(row["value"]), tags, highlight=highlight)


def _compact(value: int) -> str:
    """A column label narrow enough for 17 columns side by side (the answer text keeps the exact figure)."""
    if abs(value) < 1000:
        return thousands(value)
    if abs(value) < 10_000:
        return f"{value / 1000:.1f}k"
    if abs(value) < 1_000_000:
        return f"{round(value / 1000)}k"
    return f"{value / 1_000_000:.1f}m"


def _source(answer) -> str:
    editions = list(dict.fromkeys(f"{r['publisher']}, {r['source_table']}, {r['edition']}" for r in answer.rows))
    head = "Source: " if len(editions) == 1 else "Sources: "
    return head + "; ".join(editions[:2]) + (f" and {len(editions) - 2} more" if len(editions) > 2 else "")


def _notes(answer) -> list[str]:
    keep = ("Revised", "Burglary is domestic", "The total includes burglary", "Theft offences include", "Not available",
            "No rate", "Fraud")
    return [c for c in answer.caveats if c.startswith(keep)][:3]


def _short(label: str) -> str:
    return label[2:] if len(label) == 7 and label[4] == "/" else label  # 2002/03 -> 02/03


def spec(answer) -> Spec | None:
    rows = answer.rows
    if not rows:
        return None
    group = GROUPS[answer.group].label
    noun = group[0].upper() + group[1:]
    first = rows[0]
    series = f"Police recorded crime: {group}"
    if answer.kind == "series":
        many = len(rows) > MANY_COLUMNS
        items = [_item(r, _short(r["year"]) if many else r["year"]) for r in rows]
        if many and any(i.value is not None and abs(i.value) >= 1000 for i in items):
            for item, row in zip(items, rows):
                if item.value is not None:
                    item.text = _compact(row["value"])
        title = f"{noun} recorded by {first['geography']} police, {rows[0]['year']} to {rows[-1]['year']}"
        if answer.change is not None:
            title = f"{noun} in {first['geography']}: {answer.change.describe()} from {rows[0]['year']} to {rows[-1]['year']}"
        sub = f"{series}, financial years (April to March)"
        if many and any(i.value is not None and abs(i.value) >= 1000 for i in items):
            sub += "; labels rounded (k = thousand)"
        return Spec("columns", title, sub, items, _source(answer), _notes(answer), answer.text.split("\n")[0])
    if answer.kind == "change":
        old, new = rows[0], rows[-1]
        items = [_item(old, old["year"], False), _item(new, new["year"])]
        change = answer.change
        if change is None:
            text = ["No change to report"]
        elif change.percent is None:
            text = [change.describe()]
        else:
            text = [signed_percent(change.percent), (f"{'up' if change.difference > 0 else 'down'} "
                                                     f"{thousands(abs(change.difference))}") if change.difference
                    else "no change"]
        title = f"{noun} in {new['geography']}, {old['year']} and {new['year']}"
        return Spec("change", title, series, items, _source(answer), _notes(answer), answer.headline, text)
    if answer.kind in ("compare", "rank", "region") and len(rows) > 1:
        body = [r for r in rows if r.get("area_type") != "region"] if answer.kind == "region" else rows
        rate = bool(answer.request and answer.request.rate)
        items = []
        for r in body:
            if rate and r.get("rate_per_1000") is not None:
                items.append(Item(r["geography"], float(r["rate_per_1000"]), str(r["rate_per_1000"])))
            else:
                items.append(_item(r, r["geography"]))
        if answer.kind == "compare":
            items.sort(key=lambda i: (i.value is None, -(i.value or 0)))
        sub = series + (", per 1,000 residents" if rate else "") + f", {first['year']}"
        return Spec("bars", answer.title, sub, items, _source(answer), _notes(answer), answer.headline)
    items = [_item(first, first["year"])]
    return Spec("columns", answer.title, series, items, _source(answer), _notes(answer), answer.headline)
