"""Street-level questions (towns, anti-social behaviour, months) answered from data.police.uk files.

`answer(text, data)` returns None when the text is not a street question, so bot/answer.py can hand
everything else on unchanged: a financial year ("2016-17") is never ours, and without imported
street data nothing is.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from pathlib import Path

from .answer import Answer, Source
from .numbers import Change, thousands
from .street_places import StreetGazetteer, StreetPlace
from .street_store import StreetStore, get
from .street_words import categories

URL = "https://data.police.uk/data/"
OUTLET = "data.police.uk street-level crime"
FINANCIAL = re.compile(r"\b(?:19|20)\d{2}\s*[-/]\s*\d{2}\b")
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTH_YEAR = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\s+((?:19|20)\d{2})\b")
ISO_MONTH = re.compile(r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])\b")
YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# "year to December 2018" is a recorded-crime rolling year (bot/periods.py), not a street month.
ROLLING_YEAR = re.compile(r"\b(?:12 months|years?)\s+(?:to|ending|ended|end)\b")
LATEST = re.compile(r"\b(latest|last month|newest|most recent)\b")
COMPARE = re.compile(r"\s+(?:vs\.?|versus|compared (?:with|to)|against)\s+")
ASB_TOO = re.compile(r"\b(including|and|plus|with) (anti-?social behaviour|asb)\b|\ball records\b")
ALL_ASB = "Anti-social behaviour"


@dataclass
class Ask:
    place: StreetPlace | None = None
    place_word: str = ""
    months: tuple[str, str] | None = None  # first and last month, "YYYY-MM"
    period: str = ""  # as said in the answer
    bare_year: bool = False
    types: list[str] | None = None  # None: all crime except ASB
    with_asb: bool = False
    note: str = ""
    word: str = ""
    by_month: bool = False
    top: bool = False
    notes: list[str] = field(default_factory=list)


def answer(text: str, data: Path) -> Answer | None:
    text = re.sub(r"^\s*/offences\s+", "", text or "").strip()
    if not text or FINANCIAL.search(text) or ROLLING_YEAR.search(text.lower()):
        return None
    store = get(data)
    if store.empty:
        return None
    months = store.rows("street_months")
    gaz = StreetGazetteer(store.rows("street_places"), months)
    covered = {m["month"] for m in months}
    outside = _outside(text, gaz, months)
    if outside:
        return outside
    sides = COMPARE.split(text.lower(), maxsplit=1)
    asks = [_read(side, gaz, covered) for side in sides]
    if not any(_is_street(a, side, covered) for a, side in zip(asks, sides)):
        return None
    if len(asks) == 2:
        _share(asks[0], asks[1])
        _share(asks[1], asks[0])
    for a in asks:
        if a.place is None:
            return _error("Which place? Name a town or local authority (for example Sunderland, Middlesbrough, "
                          "Hartlepool) or a force whose street files are imported ("
                          + ", ".join(sorted(set(m["force_name"] for m in months))) + ").")
        if a.months is None or a.months[0] == "latest":
            newest = max((m["month"] for m in months if m["force"] in a.place.forces), default=None)
            if a.months is None and not a.by_month and not a.top:
                return _error(f"Which period? Street data is monthly: try '{a.place_word} 2021', "
                              f"'{a.place_word} march 2021' or '{a.place_word} latest'.")
            if a.months is None:
                return _error(f"Which year? Try '{text} 2021'.")
            a.months = (newest, newest)
            a.period = _month_name(newest) + " (the newest month imported)"
    if len(asks) == 2:
        return _compare(store, asks, months)
    a = asks[0]
    if a.top:
        return _types(store, a, months)
    return _figure(store, a, months)


def _outside(text: str, gaz: StreetGazetteer, months: list[dict]) -> Answer | None:
    low = text.lower()
    for name, n in gaz.outside.items():
        if re.search(r"(?<![a-z])" + re.escape(name) + r"(?![a-z])", low) and not gaz.find(low):
            forces = ", ".join(sorted(set(m["force_name"] for m in months)))
            return _error(f"{name.title()} is not in the area of a force whose street files are imported (imported: "
                          f"{forces}); the {n:,} records located there are ones those forces recorded outside "
                          "their own area, so they are not a count for that place.")
    return None


def _is_street(a: Ask, side: str, covered: set[str]) -> bool:
    if a.place is not None and a.place.kind == "la":
        return True
    if a.types == [ALL_ASB] or re.search(r"\bstreet\b", side) or a.by_month or LATEST.search(side):
        return True
    if MONTH_YEAR.search(side) or ISO_MONTH.search(side):
        return True
    return bool(a.bare_year and a.place is not None and a.months and a.months[0] in covered)


def _read(side: str, gaz: StreetGazetteer, covered: set[str]) -> Ask:
    a = Ask()
    places = gaz.find(side)
    if places:
        _, a.place, a.place_word = places[0]
        if a.place.kind == "force" and a.place_word == "durham":
            a.notes.append("'Durham' is read as the force, Durham Constabulary; ask for 'County Durham' for the "
                           "local authority")
    a.types, a.note, a.word = categories(side)
    a.with_asb = bool(ASB_TOO.search(side))
    if a.with_asb and a.types == [ALL_ASB]:
        a.types = None
    a.by_month = bool(re.search(r"\b(by month|monthly|each month|per month|month by month)\b", side))
    a.top = bool(re.search(r"\b(top|most common|commonest|which crimes?|ranking)\b", side))
    m = MONTH_YEAR.search(side)
    iso = ISO_MONTH.search(side)
    if m:
        key = f"{m.group(2)}-{MONTHS[m.group(1)]:02d}"
        a.months, a.period = (key, key), _month_name(key)
    elif iso:
        key = f"{iso.group(1)}-{iso.group(2)}"
        a.months, a.period = (key, key), _month_name(key)
    elif LATEST.search(side):
        a.months = ("latest", "latest")
    elif y := YEAR.search(side):
        year = y.group(1)
        a.months, a.period, a.bare_year = (f"{year}-01", f"{year}-12"), year, True
    return a


def _share(a: Ask, other: Ask) -> None:
    """'sunderland burglary 2021 vs newcastle': what one side leaves out, the other gives."""
    if a.place is None:
        a.place, a.place_word = other.place, other.place_word
    if a.months is None:
        a.months, a.period, a.bare_year = other.months, other.period, other.bare_year
    if a.types is None and not a.word:
        a.types, a.note, a.word, a.with_asb = other.types, other.note, other.word, other.with_asb


def _month_name(key: str) -> str:
    y, m = key.split("-")
    return f"{calendar.month_name[int(m)]} {y}"


def _span(first: str, last: str) -> list[str]:
    y, m = map(int, first.split("-"))
    out = []
    while f"{y}-{m:02d}" <= last:
        out.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _params(a: Ask) -> dict:
    return {"la": a.place.name if a.place.kind == "la" else None,
            "force": a.place.force if a.place.kind == "force" else None,
            "from_month": a.months[0], "to_month": a.months[1],
            "all": a.types is None, "types": a.types or ([] if not a.with_asb else [ALL_ASB])}


def _what(a: Ask) -> str:
    if a.types is None:
        return "crime records, anti-social behaviour included" if a.with_asb else \
            "crime records (excluding anti-social behaviour)"
    if a.types == [ALL_ASB]:
        return "anti-social behaviour incidents"
    return " + ".join(a.types).lower().replace("violence and sexual offences", "violence and sexual offences") + \
        " records"


def _count(store: StreetStore, a: Ask, months: list[dict]):
    """(monthly rows with missing months marked, total, missing months) for one ask."""
    have = {(m["force"], m["month"]) for m in months}
    wanted = _span(*a.months)
    missing = [k for k in wanted if not all((f, k) in have for f in a.place.forces)]
    got = {r["month"]: r["n"] for r in store.rows("street_count", _params(a))}
    rows = []
    for key in wanted:
        gap = key in missing
        rows.append({"geography": a.place.name, "geography_code": None, "year": key, "measure": _what(a),
                     "value": None if gap else got.get(key, 0), "status": "not_available" if gap else "reported",
                     "release": key, "source_url": URL, "outlet": OUTLET})
    return rows, sum(got.values()), missing


def _where(a: Ask) -> str:
    if a.place.kind == "la":
        return (f"Counted by where the crime happened: LSOAs in {a.place.name} (from their names), "
                f"in the files of {a.place.force_name}" + (" and others" if len(a.place.forces) > 1 else "") + ".")
    return (f"Counted by the force that recorded it ({a.place.name}, 'Falls within'), wherever the LSOA "
            "lies; a few records are located outside the force's area.")


def _caveats(a: Ask, missing: list[str], months: list[dict]) -> list[str]:
    out = list(a.notes)
    if a.note:
        out.append(a.note[0].upper() + a.note[1:] + ".")
    if a.bare_year:
        out.append(f"{a.period} means the calendar year here (street data is by month), not the financial year.")
    if missing:
        shown = ", ".join(_month_name(k) for k in missing)
        out.append(f"Months not imported for {a.place.force_name}: {shown}. They are left out, not counted as zero.")
    out.append("These are street-level records from data.police.uk, by calendar month, with approximate locations; "
               "they are not the same series as police recorded crime (Durham Constabulary's 2021 street files hold "
               "57,188 records excluding anti-social behaviour).")
    if a.types is None and not a.with_asb:
        out.append("'Crime' excludes anti-social behaviour; ask 'including anti-social behaviour' to add it.")
    return out


def _sources(months: list[dict]) -> list[Source]:
    newest = max(m["month"] for m in months)
    return [Source(newest, OUTLET, URL)]


def _figure(store: StreetStore, a: Ask, months: list[dict]) -> Answer:
    rows, total, missing = _count(store, a, months)
    if len(missing) == len(rows):
        return _not_imported(a, months)
    what = _what(a)
    headline = f"{a.place.name}: {thousands(total)} {what} in {a.period}"
    lines = [_where(a)]
    if a.by_month or len(rows) > 1:
        lines.append("By month: " + ", ".join(
            f"{calendar.month_abbr[int(r['year'][5:])]} {'not imported' if r['value'] is None else thousands(r['value'])}"
            for r in rows))
    kind = "street_series" if a.by_month else "street_figure"
    return Answer(ok=True, kind=kind, headline=headline, lines=lines, caveats=_caveats(a, missing, months),
                  rows=rows, sources=_sources(months), title=f"{a.place.name}: {what}, {a.period}",
                  years=[r["year"] for r in rows])


def _types(store: StreetStore, a: Ask, months: list[dict]) -> Answer:
    _, _, missing = _count(store, a, months)
    if len(missing) == len(_span(*a.months)):
        return _not_imported(a, months)
    ranked = store.rows("street_types", _params(a))
    rows = [{"geography": a.place.name, "geography_code": None, "year": a.period, "measure": r["crime_type"],
             "value": r["n"], "status": "reported", "release": a.months[1], "source_url": URL, "outlet": OUTLET}
            for r in ranked]
    crimes = [r for r in rows if r["measure"] != ALL_ASB]
    lines = [f"{i}. {r['measure']}: {thousands(r['value'])}" for i, r in enumerate(crimes[:10], 1)]
    asb = next((r for r in rows if r["measure"] == ALL_ASB), None)
    if asb:
        lines.append(f"Anti-social behaviour (not a crime type): {thousands(asb['value'])}")
    lines.append(_where(a))
    head = crimes[0]["measure"] if crimes else "none"
    return Answer(ok=True, kind="street_types", headline=f"{a.place.name}, {a.period}: the most common street crime "
                  f"type was {head.lower()} ({thousands(crimes[0]['value']) if crimes else 0} records)",
                  lines=lines, caveats=_caveats(a, missing, months), rows=crimes[:10], sources=_sources(months),
                  title=f"Top crime types, {a.place.name}, {a.period}")


def _compare(store: StreetStore, asks: list[Ask], months: list[dict]) -> Answer:
    counted = []
    for a in asks:
        rows, total, missing = _count(store, a, months)
        if len(missing) == len(rows):
            return _not_imported(a, months)
        counted.append((a, total, missing))
    (a, old, _), (b, new, _) = counted
    label = lambda x: f"{x.place.name} {x.period}"  # noqa: E731
    change = Change(old, new)
    lines = [f"{label(a)}: {thousands(old)} {_what(a)}", f"{label(b)}: {thousands(new)} {_what(b)}",
             f"{label(b)} against {label(a)}: {change.describe()}"]
    caveats = []
    for x, _, missing in counted:
        caveats += [c for c in _caveats(x, missing, months) if c not in caveats]
    rows = [{"geography": x.place.name, "geography_code": None, "year": x.period, "measure": _what(x), "value": t,
             "status": "reported", "release": x.months[1], "source_url": URL, "outlet": OUTLET}
            for x, t, _ in counted]
    return Answer(ok=True, kind="street_compare", headline=f"{label(a)}: {thousands(old)}; {label(b)}: "
                  f"{thousands(new)}, {change.describe()}", lines=lines + [_where(a)], caveats=caveats, rows=rows,
                  sources=_sources(months), change=change, title=f"{label(a)} and {label(b)}: {_what(a)}")


def _not_imported(a: Ask, months: list[dict]) -> Answer:
    by_force: dict[str, list[str]] = {}
    for m in months:
        by_force.setdefault(m["force_name"], []).append(m["month"])
    have = "; ".join(f"{f} {_month_name(min(v))} to {_month_name(max(v))}" for f, v in sorted(by_force.items()))
    return _error(f"No street data imported for {a.place.name} in {a.period}. Imported: {have}.")


def _error(message: str) -> Answer:
    return Answer(ok=False, kind="error", headline=message, error={"message": message, "suggestions": [
        "sunderland burglary 2021", "top crime types hartlepool 2021", "durham anti-social behaviour by month 2021"]})
