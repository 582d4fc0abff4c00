"""`offences data add`: a release's figures, as a data desk receives them, into data/reports.csv.

Why it is tolerant on the way in and strict on the way out: releases arrive as spreadsheets with
"Police force" headers, "1,234", "n/a" and "Durham Constabulary"; each is turned into exactly the
row the loader wants (place names through the bot's own gazetteer, years through bot/years.py), every
row is checked before anything is written, and the resulting data set is validated as a whole, then
shown as a change (new figures, revisions, disputes, forces missing) before it replaces the old file.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .places import Gazetteer, normalise
from .store import DATA_FILES, DataError, Store
from .years import YearError, find_years

COLUMNS = DATA_FILES["reports"]
MAX_SHOWN = 20

# Header spellings seen on release spreadsheets -> reports.csv columns (compared lower-case, non-letters as _).
HEADERS = {
    "geography": ["geography", "force", "police_force", "force_name", "police_force_area", "area", "place",
                  "name", "police_area", "constabulary"],
    "geography_type": ["geography_type", "type", "level", "geography_level"],
    "year": ["year", "financial_year", "fy", "period", "year_ending_march"],
    "measure": ["measure", "series", "indicator", "offence", "offence_type"],
    "value": ["value", "figure", "figures", "count", "number", "offences", "recorded_offences", "offences_recorded",
              "number_of_offences", "total", "crimes", "number_of_crimes"],
    "qualifier": ["qualifier"],
    "release": ["release", "release_month"],
    "forces_responding": ["forces_responding", "forces_replying", "forces"],
    "outlet": ["outlet", "source", "publisher", "site"],
    "source_url": ["source_url", "url", "link", "source_link", "web_address"],
    "note": ["note", "notes", "comment", "comments"],
}
# How release sheets name the two main series, beyond measures.csv's ids and labels.
MEASURE_WORDS = {
    "cyber_flagged_child_sex_offences": ["cyber flag", "cyber flagged", "online element", "cyber flagged offences"],
    "sexual_communication_with_a_child": ["sexual communication", "sexual communication with a child", "scwc"],
}
NOT_SUPPLIED = {"", "n/a", "na", "n.a.", "-", "–", "—", "..", ":", "x", "not supplied", "not available",
                "no data", "nil return", "did not respond", "no response"}
AT_LEAST = re.compile(r"^(?:more than|over|at least|>=?|≥)\s*(.+)$|^(.+?)\s*\+$", re.I)
ABOUT = re.compile(r"^(?:about|around|approximately|approx\.?|c\.|circa|~|roughly)\s*(.+)$", re.I)
NUMBER = re.compile(r"^\d{1,3}(?:[,  ]\d{3})+$|^\d+$")
RELEASE = re.compile(r"^(19|20)\d{2}-(0[1-9]|1[0-2])$")


class Refused(Exception):
    """Input or data the desk will not write: the message names file, row and reason."""


@dataclass
class Figure:
    """One row for reports.csv, with the row of the input it came from and how its place was read."""

    row: int
    values: dict[str, str]
    read_as: str = ""  # "'Northumbira' read as Northumbria" when the name was not exact

    @property
    def key(self) -> tuple[str, str, str, str]:
        v = self.values
        return (v["geography"], v["geography_type"], v["year"], v["measure"])


@dataclass
class Options:
    release: str
    outlet: str | None = None
    url: str | None = None
    measure: str | None = None
    note: str | None = None


@dataclass
class Reading:
    figures: list[Figure] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def header_map(header: list[str], where: str) -> dict[int, str]:
    """Input column index -> reports.csv column; an unknown or repeated heading is refused by name."""
    lookup = {alias: column for column, aliases in HEADERS.items() for alias in aliases}
    out: dict[int, str] = {}
    for i, heading in enumerate(header):
        key = re.sub(r"[^a-z0-9]+", "_", heading.lower()).strip("_")
        if not key:
            continue
        column = lookup.get(key)
        if column is None:
            raise Refused(f"{where}: column '{heading}' is not one this reads; use the reports.csv columns "
                          f"({', '.join(COLUMNS)}) or a usual spelling of them ('Police force', 'Financial year', "
                          "'Offences', 'URL')")
        if column in out.values():
            raise Refused(f"{where}: two columns mean {column} ('{heading}' and another)")
        out[i] = column
    for needed in ("geography", "year", "value"):
        if needed not in out.values():
            raise Refused(f"{where}: no {needed} column (headings found: {', '.join(h for h in header if h)})")
    return out


def _header_row(rows: list[tuple[int, list[str]]], where: str) -> int:
    """The header is the first row that reads as one: release sheets often start with a title row."""
    for i, (number, cells) in enumerate(rows[:10]):
        try:
            header_map(cells, where)
            return i
        except Refused:
            continue
    header_map(rows[0][1], f"{where} row {rows[0][0]}")  # says what is wrong with the first row
    return 0


def read_figures(rows: list[tuple[int, list[str]]], where: str, store: Store, options: Options) -> Reading:
    """Every input row turned into a reports.csv row, or the reason it cannot be (all rows are read,
    so the editor sees every problem at once)."""
    header_at = _header_row(rows, where)
    columns = header_map(rows[header_at][1], where)
    rows = rows[header_at:]
    gazetteer = Gazetteer(store.rows("geographies"))
    measures = {m["measure"]: m for m in store.rows("measures")}
    reading = Reading()
    seen: dict[tuple, int] = {}
    for number, cells in rows[1:]:
        cell = {column: (cells[i].strip() if i < len(cells) else "") for i, column in columns.items()}
        try:
            figure = _figure(number, cell, gazetteer, measures, options)
        except Refused as why:
            reading.problems.append((number, str(why)))
            continue
        if figure.key in seen:
            reading.problems.append((number, f"gives {figure.key[0]} {figure.key[2]} {figure.key[3]} again "
                                             f"(row {seen[figure.key]} gave it)"))
            continue
        seen[figure.key] = number
        reading.figures.append(figure)
    if not rows[1:]:
        reading.problems.append((rows[0][0], "no figures: the file has a header and no rows"))
    return reading


def _figure(number: int, cell: dict[str, str], gazetteer: Gazetteer, measures: dict, options: Options) -> Figure:
    place, read_as = _place(cell["geography"], cell.get("geography_type", ""), gazetteer)
    value, qualifier = _value(cell["value"], cell.get("qualifier", ""))
    release = cell.get("release") or options.release
    if release != options.release:
        raise Refused(f"release {release} differs from --release {options.release}")
    outlet = cell.get("outlet") or options.outlet or ""
    url = cell.get("source_url") or options.url or ""
    if not outlet or not re.match(r"^https?://\S+$", url):
        raise Refused("no source: give --outlet NAME and --url http(s)://... (or outlet and url columns)")
    forces = cell.get("forces_responding", "").replace(",", "")
    if forces and not forces.isdigit():
        raise Refused(f"forces_responding '{forces}' is not a whole number")
    values = {
        "geography": place.name, "geography_type": place.geography_type, "year": _year(cell["year"]),
        "measure": _measure(cell.get("measure") or options.measure or "", measures),
        "value": value, "qualifier": qualifier, "release": release, "forces_responding": forces,
        "outlet": outlet, "source_url": url, "note": cell.get("note") or options.note or "",
    }
    return Figure(number, values, read_as)


def _place(written: str, kind: str, gazetteer: Gazetteer):
    if not written:
        raise Refused("the place is empty")
    kind = kind.strip().lower()
    if kind and kind not in ("force", "region", "nation"):
        raise Refused(f"geography_type '{kind}' is not force, region or nation")
    if kind:  # an exact name or alias of that type (West Midlands is both a force and a region)
        for place in gazetteer.places.values():
            names = [place.name] + [" ".join(k) for k, p in gazetteer.aliases.items() if p == place]
            if place.geography_type == kind and normalise(written) in [normalise(n) for n in names]:
                return place, ""
    matches, unknown = gazetteer.find(written)
    if len(matches) == 1 and not unknown and (not kind or matches[0].place.geography_type == kind):
        m = matches[0]
        return m.place, (f"'{written}' read as {m.place.name}" if m.how == "fuzzy" else "")
    if len(matches) > 1:
        raise Refused(f"'{written}' names more than one place ({', '.join(m.place.name for m in matches)})")
    suggestions = [p.name for u in unknown for p in u.suggestions] or [p.name for p in gazetteer.suggest(written)]
    hint = f" (did you mean {' or '.join(dict.fromkeys(suggestions))}?)" if suggestions else ""
    raise Refused(f"'{written}' is not a place in geographies.csv{hint}")


def _year(written: str) -> str:
    try:
        found, bare = find_years(written)
    except YearError as err:
        raise Refused(f"year '{written}': {err}") from None
    years = [m.year for m in found if m.year is not None]
    if len(years) == 1 and not bare:
        return years[0].label
    if bare and not years:
        raise Refused(f"year '{written}' could be either financial year around it: write it like 2017/18")
    raise Refused(f"year '{written}' is not one financial year written like 2017/18")


def _value(written: str, qualifier: str) -> tuple[str, str]:
    text = written.strip()
    if text.lower() in NOT_SUPPLIED:
        return "", "not_available"
    kind = "exact"
    for pattern, name in ((AT_LEAST, "at_least"), (ABOUT, "approximately")):
        m = pattern.match(text)
        if m:
            text, kind = (m.group(1) or m.group(2)).strip(), name
    if not NUMBER.match(text):
        raise Refused(f"value '{written}' is not a whole number (or n/a, - or blank for not supplied)")
    number = re.sub(r"[,  ]", "", text)
    if qualifier:
        if qualifier not in ("exact", "at_least", "approximately", "not_available"):
            raise Refused(f"qualifier '{qualifier}' is not exact, at_least, approximately or not_available")
        if qualifier == "not_available":
            raise Refused(f"value {number} is given on a not_available row")
        kind = qualifier
    return str(int(number)), kind


def _measure(written: str, measures: dict) -> str:
    if not written:
        raise Refused("no measure: add a measure column or give --measure (see measures.csv)")
    key = written.strip()
    if key in measures:
        return key
    wanted = normalise(key)
    for measure, row in measures.items():
        if wanted in (normalise(measure.replace("_", " ")), normalise(row["label"])):
            return measure
    from .parse import MEASURE_KEYWORD

    for measure, keyword in {**MEASURE_KEYWORD, **MEASURE_WORDS}.items():
        if wanted in (normalise(k) for k in ([keyword] if isinstance(keyword, str) else keyword)):
            return measure
    raise Refused(f"measure '{written}' is not in measures.csv ({', '.join(measures)})")


def appended(current: bytes, figures: list[Figure]) -> bytes:
    """reports.csv with the new rows after the old ones, the old bytes untouched (a reviewable diff)."""
    return appended_rows(current, [[f.values[c] for c in COLUMNS] for f in figures])


def appended_rows(current: bytes, rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    head = current if current.endswith(b"\n") or not current else current + b"\n"
    return head + out.getvalue().encode("utf-8")


def already_added(store: Store, figures: list[Figure]) -> bool:
    """Every figure is already in reports.csv from the same page with the same value: a repeat run."""
    have = {(r["geography"], r["geography_type"], r["year"], r["measure"], r["release"], r["source_url"], r["value"])
            for r in store.rows("datadesk_report_rows")}
    return bool(figures) and all(
        (*f.key, f.values["release"], f.values["source_url"], f.values["value"]) in have for f in figures)


def line_to_row(err: DataError, first_new_line: int, figures: list[Figure], where: str) -> str:
    """A validation problem on an added line, told as the input row it came from."""
    if err.file == "reports.csv" and err.line >= first_new_line:
        index = err.line - first_new_line
        if index < len(figures):
            return f"{where} row {figures[index].row}: {err.reason}"
    return str(err)
