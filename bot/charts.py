"""Answers as PNG charts (matplotlib, Agg) with alt text, in a Datawrapper/FT house style.

One chart per answer shape:
  series      one place over the years: columns with value labels; years with no figure and years a
              force did not supply are labelled gaps; revised and disputed figures are tagged
  change      the two years side by side, the change annotated ("+229.6%", "3.3×")
  compare     several places, one year: horizontal bars, sorted
  rank        the top N forces: horizontal bars, "24 of 43 forces supplied figures"
  region      a region's forces: horizontal bars; forces without a figure get an empty, labelled row
              ("not supplied", "no figure in the data") and are named in a note
  figure      one value: the place's series with the asked year highlighted
  national    one national total: that total's series with the asked year highlighted
help, sources and error answers have no chart (render_png returns None), and neither has an answer
with nothing to draw (every year "not supplied": an empty frame is not a chart).

Style: the title states the finding in plain words only when bot.numbers says they are true
(Change.words), otherwise it is neutral; a subtitle gives the measure and years; values are labelled
directly (thousands separators, the answer's own wording: "not supplied", "66 or 67", "at least 4,373");
no gridlines, no top/right spines; a source line at the bottom left; Okabe-Ito colours; DejaVu Sans.

Drawing (sizes, colours, type, layout, PNG encoding) is bot/chart_drawing.py's job.

matplotlib is imported inside functions only: importing this module costs nothing, and text
answers never pay for matplotlib.
"""

from __future__ import annotations

import re

from .answer import (REPORTED, Answer, Source, get_answerer, measure_phrase, month, rate_text, source_of,
                     value_text)
from .chart_drawing import Item, Spec, figure, png
from .numbers import multiple_text, signed_percent, thousands
from .years import FinancialYear

ALT_ITEMS = 15  # alt text names at most this many bars or columns

# Short nouns for titles ("Online child sex offences more than trebled in Northumbria"); other
# measures use their sentence phrase without its parenthesis.
TITLE_NOUNS = {
    "cyber_flagged_child_sex_offences": "Online child sex offences",
    "sexual_communication_with_a_child": "Offences of sexual communication with a child",
}
# What a release is, for the source line, when it is not an NSPCC FOI release (releases.csv series).
NOT_NSPCC = {
    "jersey_foi_disclosure": "Government of Jersey FOI figures",
    "psni_recorded_crime": "PSNI figures",
    "police_scotland_cyber_enabled": "Police Scotland figures",
    "ons_online_flag": "ONS figures",
}
PUBLISHER_OUTLETS = {"gov.je": "Government of Jersey FOI figures"}
NSPCC = "NSPCC FOI figures"
CHARTED = ("figure", "series", "change", "compare", "rank", "region", "national",
           "street_figure", "street_series", "street_types", "street_compare")

_release_series: dict[int, dict[str, set[str]]] = {}


# == public API ====================================================================================
def has_chart(answer: Answer) -> bool:
    """Whether render_png will return a chart, decided without drawing or importing matplotlib (cheap:
    the Slack face asks before it decides how to post)."""
    return _charted(answer) and _spec(answer) is not None


def _charted(answer: Answer) -> bool:
    return bool(answer.ok and answer.kind in CHARTED and answer.rows)


def render_png(answer: Answer) -> bytes | None:
    """The answer's chart as PNG bytes (1200×675, or taller for long rankings); None when it has none."""
    spec = _spec(answer) if _charted(answer) else None
    return png(spec) if spec is not None else None  # the spec (words, a query) is made outside the drawing lock


def build_figure(answer: Answer):
    """The matplotlib Figure for an answer (tests read its text artists), or None when it has no chart."""
    spec = _spec(answer) if _charted(answer) else None
    return figure(spec) if spec is not None else None


def alt_text(answer: Answer) -> str | None:
    """One sentence for screen readers (Slack's alt_text) with the finding and the figures."""
    if not _charted(answer):
        return None
    spec = _spec(answer)
    return spec.alt if spec else None


def _spec(answer: Answer) -> Spec | None:
    """What to draw, or None when there is nothing to draw (not one figure, only "not supplied")."""
    spec = _build_spec(answer)
    if spec is None or not any(item.value is not None for item in spec.items):
        return None
    return spec


def _build_spec(answer: Answer) -> Spec | None:
    if answer.kind.startswith("street_"):
        from .street_charts import spec  # data.police.uk street answers (bot/street_charts.py)

        return spec(answer)
    if hasattr(answer, "chart_spec"):  # police recorded crime (bot/recorded_charts.py)
        return answer.chart_spec()
    builder = {
        "series": _series_spec, "change": _change_spec, "compare": _bars_spec, "rank": _bars_spec,
        "region": _region_spec, "figure": _single_spec, "national": _single_spec,
    }[answer.kind]
    return builder(answer)


# -- words ------------------------------------------------------------------------------------------
def _measure(answer: Answer) -> str:
    if answer.request is not None:
        return answer.request.measure
    return answer.rows[0]["measure"]


def _noun(measure: str) -> str:
    if measure in TITLE_NOUNS:
        return TITLE_NOUNS[measure]
    return _capital(re.sub(r"\s*\([^)]*\)", "", measure_phrase(measure)))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_noun(measure: str) -> str:
    noun = _noun(measure)
    return noun[:1].lower() + noun[1:]


def _the(region: str) -> str:
    return region if region in ("Wales", "London") else "the " + region


def _where(name: str, gtype: str) -> str:
    """'Northumbria', 'the North East', 'the UK', 'England and Wales': a place after "in"."""
    if gtype == "region" or (gtype == "nation" and name == "UK"):
        return _the(name)
    return name


def _official(name: str, geography_type: str) -> str:
    """'Durham' -> 'Durham Constabulary' (the answer's own naming), or the name as it is."""
    answerer = get_answerer()
    try:
        return answerer.name(answerer.gazetteer.get(name, geography_type))
    except KeyError:
        return name


def _finding(noun: str, words: str | None, where: str) -> str | None:
    """'Online child sex offences more than trebled in Northumbria', only from Change.words."""
    if not words:
        return None
    if words == "was unchanged":
        words = "were unchanged"
    return f"{noun} {words} in {where}"


def _listed(items: list[str], most: int = ALT_ITEMS) -> str:
    """'A 1, B 2 and C 3', or the first `most` and 'and 9 more' (Slack caps alt text at 1,000 characters)."""
    if len(items) <= most:
        return _and(items)
    return ", ".join(items[:most]) + f" and {len(items) - most} more"


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _tags(row: dict) -> list[str]:
    tags = []
    if row.get("status") == "disputed":
        tags.append("disputed")
    if row.get("revisions"):
        tags.append("revised")
    return tags


def _row_notes(row: dict, who: str = "") -> list[str]:
    """Short chart notes that explain the tags: what was revised, which figures dispute."""
    where = f"{who} {row['year']}" if who else row["year"]
    notes = []
    if row.get("status") == "disputed":
        versions = [f"{thousands(row['value'])} ({row['outlet']})"] + [
            f"{thousands(o['value'])} ({', '.join(o['outlets'])})" for o in row.get("other_values") or [] if o.get("tied")]
        notes.append(f"Disputed: {where} is printed as {' and as '.join(versions)}.")
    for rev in row.get("revisions") or []:
        earlier = "not supplied" if rev.get("status") == "not_available" else value_text(rev)
        notes.append(f"Revised: {where} was {earlier} in the {month(rev['release'])} release, "
                     f"{value_text(row)} in the {month(row['release'])} release.")
    return notes


def _source_line(sources: list[Source]) -> str:
    """'Source: NSPCC FOI figures via shieldsgazette.com, February 2018 release', outlets listed briefly."""
    by_kind: dict[str, list[Source]] = {}
    for s in sources:
        by_kind.setdefault(_publisher(s), []).append(s)
    parts = []
    for kind, group in by_kind.items():
        outlets = list(dict.fromkeys(s.outlet for s in group))
        releases = sorted(dict.fromkeys(s.release for s in group))
        shown = outlets if len(outlets) <= 3 else outlets[:2] + [f"{len(outlets) - 2} other outlets"]
        if len(releases) == 1:
            when = f"{month(releases[0])} release"
        elif len(releases) <= 3:
            when = f"{_and([month(r) for r in releases])} releases"
        else:
            when = f"releases from {month(releases[0])} to {month(releases[-1])}"
        parts.append(f"{kind} via {_and(shown)}, {when}")
    return ("Source: " if len(parts) == 1 else "Sources: ") + "; ".join(parts)


def _publisher(source: Source) -> str:
    if source.outlet in PUBLISHER_OUTLETS:
        return PUBLISHER_OUTLETS[source.outlet]
    store = get_answerer().store
    key = id(store)
    if key not in _release_series:
        table: dict[str, set[str]] = {}
        for r in store.rows("releases_list"):
            table.setdefault(r["release"], set()).add(r["series"])
        _release_series[key] = table
    series = _release_series[key].get(source.release, set())
    if series and series <= set(NOT_NSPCC):
        return NOT_NSPCC[sorted(series)[0]]
    return NSPCC


def _sources(rows: list[dict]) -> list[Source]:
    out: list[Source] = []
    for row in rows:
        if row.get("source_url") and row.get("release"):
            s = source_of(row)
            if s not in out:
                out.append(s)
    return out


def _year_span(years: list[str]) -> str:
    if len(years) == 1:
        return years[0]
    return f"{years[0]} to {years[-1]}"


def _all_years(rows: list[dict]) -> list[str]:
    """Every financial year from the first row's to the last's, gaps included."""
    starts = [FinancialYear.from_label(r["year"]).start for r in rows]
    return [FinancialYear(s).label for s in range(min(starts), max(starts) + 1)]


# -- columns: series, figure, national --------------------------------------------------------------
def _column_items(rows: list[dict], highlight: str | None = None, forces_line: bool = False) -> list[Item]:
    by_year = {r["year"]: r for r in rows}
    items = []
    for year in _all_years(rows):
        row = by_year.get(year)
        label = year
        if forces_line and row and row.get("forces_responding"):
            label += f"\n{row['forces_responding']} forces"
        hl = highlight is None or year == highlight
        if row is None:
            items.append(Item(label, None, "no figure", highlight=hl, muted=True))
        elif row.get("status") not in REPORTED or row.get("value") is None:
            items.append(Item(label, None, "not supplied", _tags(row), highlight=hl, muted=True))
        else:
            items.append(Item(label, float(row["value"]), value_text(row), _tags(row), highlight=hl))
    return items


def _values_sentence(rows: list[dict]) -> str:
    """'2015/16 not supplied, 2016/17 190, 2017/18 375' (gap years included as 'no figure')."""
    by_year = {r["year"]: r for r in rows}
    parts = []
    for year in _all_years(rows):
        row = by_year.get(year)
        parts.append(f"{year} {value_text(row) if row else 'no figure'}")
    return _listed(parts)


def _series_spec(answer: Answer) -> Spec:
    rows = answer.rows
    first = rows[0]
    gtype = first["geography_type"]
    name = first["geography"]
    measure = _measure(answer)
    official = _official(name, gtype)
    reported = [r for r in rows if r.get("status") in REPORTED and r.get("value") is not None]
    change = answer.change
    title = None
    if change is not None and len(reported) >= 2:
        title = _finding(_noun(measure), change.words if change.difference else "was unchanged", _where(name, gtype))
        spans_all = (reported[0]["year"], reported[-1]["year"]) == (rows[0]["year"], rows[-1]["year"])
        if title and (len(rows) > 2 or not spans_all):
            title += f" between {reported[0]['year']} and {reported[-1]['year']}"
    years = _all_years(rows)
    title = title or f"{_noun(measure)} in {_where(name, gtype)}, {_year_span(years)}"
    nation = gtype == "nation"
    subtitle = f"{_capital(measure_phrase(measure))} recorded by {_recorder(name, gtype)}, {_year_span(years)}"
    notes = []
    for row in rows:
        notes += _row_notes(row)
    if change is not None and change.small_base:
        notes.append(f"Small base: {thousands(change.old)} offences in {reported[0]['year']}; "
                     "a few cases swing the percentage.")
    if nation:
        notes.append("National totals are not like-for-like: each covers the forces that answered that release.")
    if len(rows) == 1:
        notes.append(f"{rows[0]['year']} is the only year in the data for {official}.")
    alt = f"Column chart of {measure_phrase(measure)} recorded by {_recorder(name, gtype, official)}: {_values_sentence(rows)}"
    if change is not None and len(reported) >= 2:
        alt += f"; from {reported[0]['year']} to {reported[-1]['year']} {change.describe()}"
        if change.words and change.difference:
            alt += f"; the number {change.words}"
    alt += "."
    return Spec("columns", title, subtitle, _column_items(rows, forces_line=nation), _source_line(_sources(rows)),
                notes, alt)


def _recorder(name: str, gtype: str, official: str | None = None) -> str:
    if gtype == "nation":
        return f"police in {'the ' if name == 'UK' else ''}{name}"
    if gtype == "region":
        return f"forces in {_the(name)}"
    official = official or _official(name, gtype)
    if not any(word in official for word in ("Police", "Constabulary", "Service")):
        return f"police in {official}"  # 'Jersey' -> 'police in Jersey'
    return official


def _single_spec(answer: Answer) -> Spec:
    """figure / national: the place's whole series, the asked year highlighted."""
    row = answer.rows[0]
    name, gtype, measure = row["geography"], row["geography_type"], _measure(answer)
    year = answer.years[0] if answer.years else row["year"]
    rows = get_answerer().store.rows("series", geography=name, geography_type=gtype, measure=measure)
    if not any(r["year"] == year for r in rows):
        rows = sorted(rows + [row], key=lambda r: r["year"])
    official = _official(name, gtype)
    nation = gtype == "nation"
    shown = next(r for r in rows if r["year"] == year)
    title = f"{_noun(measure)} in {_where(name, gtype)}, {year}"
    if shown.get("status") not in REPORTED:
        title = f"{name} did not supply a {year} figure for {_lower_noun(measure)}"
    years = _all_years(rows)
    subtitle = f"{_capital(measure_phrase(measure))} recorded by {_recorder(name, gtype)}"
    subtitle += f", {_year_span(years)}; {year} highlighted" if len(years) > 1 else f", {year}"
    notes = _row_notes(shown)
    for r in rows:  # every tag drawn is explained, the asked year's first
        if r is not shown:
            notes += _row_notes(r)
    if nation:
        notes.append("National totals are not like-for-like: each covers the forces that answered that release.")
        if name != answer.rows[0].get("geography"):
            notes.append(f"The {year} figure is the total for {name}.")
    if len(rows) == 1:
        notes.append(f"{year} is the only year in the data for {official}.")
    headline = answer.headline.rstrip(".")
    others = [r for r in rows if r["year"] != year]
    alt = f"Column chart: {headline}"
    if others:
        alt += f"; its other years in the data: {_values_sentence_only(others, years, year)}"
    alt += "."
    return Spec("columns", title, subtitle, _column_items(rows, highlight=year, forces_line=nation),
                _source_line(_sources(rows)), notes, alt)


def _values_sentence_only(rows: list[dict], years: list[str], skip: str) -> str:
    by_year = {r["year"]: r for r in rows}
    return _and([f"{y} {value_text(by_year[y]) if y in by_year else 'no figure'}" for y in years if y != skip])


# -- change --------------------------------------------------------------------------------------------
def _change_spec(answer: Answer) -> Spec:
    old, new = answer.rows[0], answer.rows[-1]
    name, gtype, measure = new["geography"], new["geography_type"], _measure(answer)
    change = answer.change
    both = f"{old['year']} and {new['year']}"
    title = None
    if change is not None:
        title = _finding(_noun(measure), change.words if change.difference else "was unchanged", _where(name, gtype))
    title = title or f"{_noun(measure)} in {_where(name, gtype)}, {both}"
    subtitle = f"{_capital(measure_phrase(measure))} recorded by {_recorder(name, gtype)}, {both}"
    items = []
    for i, row in enumerate((old, new)):
        if row.get("status") in REPORTED and row.get("value") is not None:
            items.append(Item(row["year"], float(row["value"]), value_text(row), _tags(row), highlight=i == 1))
        else:
            items.append(Item(row["year"], None, "not supplied", _tags(row), highlight=i == 1, muted=True))
    notes = _row_notes(old) + _row_notes(new)
    if change is None:
        gone = old if items[0].value is None else new
        change_text = ["No change to report", f"no {gone['year']} figure"]
    elif change.percent is None:
        change_text = [change.describe()]
    else:
        change_text = [signed_percent(change.percent)]
        if change.ratio is not None and change.ratio >= 2:
            change_text.append(f"{multiple_text(change.ratio)}×")
        change_text.append(f"{'up' if change.difference > 0 else 'down'} {thousands(abs(change.difference))}"
                           if change.difference else "no change")
    if change is not None and change.small_base:
        notes.append(f"Small base: {thousands(change.old)} offences in {old['year']}; "
                     "a few cases swing the percentage.")
    if gtype == "nation":
        notes.append("National totals are not like-for-like: each covers the forces that answered that release.")
    alt = f"Column chart: {answer.headline.rstrip('.')}"
    if change is not None:
        alt += f"; {change.describe()}"
    alt += "."
    return Spec("change", title, subtitle, items, _source_line(_sources([old, new])), notes, alt, change_text)


# -- bars: compare, rank ------------------------------------------------------------------------------
def _rate_value(row: dict) -> tuple[float | None, str | None]:
    """Per 100,000 residents: the rank query's own figure, else the answer's rate wording."""
    if row.get("rate_per_100k") is not None:
        return float(row["rate_per_100k"]), str(row["rate_per_100k"])
    text = rate_text(row)
    if text is None:
        return None, None
    number = text.split(" ")[0]
    return float(number), number


def _bar_items(rows: list[dict], rate: bool) -> tuple[list[Item], list[str]]:
    items, left_out = [], []
    for row in rows:
        label = row["geography"]
        if row.get("status") not in REPORTED or row.get("value") is None:
            items.append(Item(label, None, "not supplied", _tags(row), muted=True))
            continue
        if rate:
            value, text = _rate_value(row)
            if value is None:
                left_out.append(label)
                continue
            items.append(Item(label, value, text, _tags(row)))
        else:
            items.append(Item(label, float(row["value"]), value_text(row), _tags(row)))
    return items, left_out


def _bars_spec(answer: Answer) -> Spec:
    rows = answer.rows
    request = answer.request
    rate = bool(request and request.rate)
    measure = _measure(answer)
    year = answer.years[0] if answer.years else rows[0]["year"]
    items, left_out = _bar_items(rows, rate)
    order = {id(i): n for n, i in enumerate(items)}
    ascending = bool(request and request.ascending)
    if answer.kind == "compare":  # sorted, largest first, gaps last (the rank query orders its own)
        items.sort(key=lambda i: (i.value is None, -(i.value or 0), order[id(i)]))
    noun, lower = _noun(measure), _lower_noun(measure)
    notes: list[str] = []
    for row in rows:
        notes += _row_notes(row, row["geography"])
    if left_out:
        notes.append(f"No population figure, so no rate: {_and(left_out)}.")
    measure_sub = _capital(measure_phrase(measure)) + (", per 100,000 residents (ONS mid-2018 population)" if rate else "")
    if answer.kind == "rank":
        region = next((p for p in (request.places if request else []) if p.geography_type == "region"), None)
        n = len(rows)
        most = ("lowest rates" if rate else "fewest") if ascending else ("highest rates" if rate else "most")
        where = f" in {_the(region.name)}" if region else ""
        forces = f"{n} force{'s' if n != 1 else ''}" if n > 1 else "force"
        title = f"The {forces}{where} with the {most} {lower}, {year}"
        if rate:
            title = f"The {forces}{where} with the {most} of {lower}, {year}"
        # England and Wales forces with figures, out of the 43 (PSNI or Jersey are noted separately)
        with_data = rows[0].get("ew_forces_with_data", rows[0].get("forces_with_data"))
        in_scope = rows[0].get("forces_in_scope")
        scope = ""
        if with_data and in_scope:
            scope = (f"{with_data} of {in_scope} forces{where} have a figure and a population estimate" if rate
                     else f"{with_data} of {in_scope} forces{where} supplied figures")
        subtitle = f"{measure_sub}, {year}" + (f". {scope}" if scope else "")
        outside = [r["geography"] for r in rows if r["geography"] in ("Police Service of Northern Ireland",
                                                                     "Police Scotland", "Jersey")]
        if outside:
            notes.append(f"Includes {_and(outside)}, outside England and Wales.")
        listed = _listed([f"{_official(i.label, 'force')} {i.text}" for i in items])
        phrase = measure_phrase(measure)
        what = f"{most} of {phrase} per 100,000 residents" if rate else f"{most} {phrase}"
        alt = f"Bar chart of the {forces}{where} with the {what} in {year}{' (' + scope + ')' if scope else ''}: {listed}."
    else:
        reported = [i for i in items if i.value is not None]
        names = [r["geography"] for r in rows]
        kinds = {r["geography_type"] for r in rows}
        group = "forces" if kinds == {"force"} else "places"
        count = {2: "two", 3: "three", 4: "four", 5: "five"}.get(len(names), str(len(names)))
        title = f"{noun} in {_and(names)}, {year}"
        if len(reported) >= 2 and reported[0].value > reported[1].value:
            most = "the highest rate of" if rate else "the most"
            title = f"{reported[0].label} recorded {most} {lower} of the {count} {group} compared, {year}"
        elif len(reported) >= 2 and reported[0].value == reported[1].value:
            title = f"{noun} in {_and(names)}, {year}"
        subtitle = f"{measure_sub}, {year}"
        for row in rows:
            if row.get("status") not in REPORTED:
                notes.append(f"{row['geography']} did not supply a {year} figure ({month(row['release'])} release).")
        asked = request.places if request else []
        have = {(r["geography"], r["geography_type"]) for r in rows}
        missing = [p.name for p in asked if p.key not in have]
        if missing:
            notes.append(f"No {year} figure in the data for {_and(missing)}.")
        releases = {r["release"] for r in rows if r.get("status") in REPORTED}
        if len(releases) > 1:
            notes.append("Figures from different releases: forces revise figures between releases.")
        listed = _listed([f"{_official(i.label, _type_of(rows, i.label))} {i.text}" for i in items])
        unit = " per 100,000 residents" if rate else ""
        alt = f"Bar chart of {measure_phrase(measure)}{unit} in {year}: {listed}."
    return Spec("bars", title, subtitle, items, _source_line(answer.sources or _sources(rows)), notes, alt)


def _type_of(rows: list[dict], name: str) -> str:
    return next((r["geography_type"] for r in rows if r["geography"] == name), "force")


# -- region --------------------------------------------------------------------------------------------
def _region_spec(answer: Answer) -> Spec:
    rows = answer.rows
    measure = _measure(answer)
    year = answer.years[0] if answer.years else rows[0]["year"]
    published = rows[0] if rows and rows[0].get("geography_type") == "region" else None
    forces = rows[1:] if published else rows
    region = published["geography"] if published else (answer.request.places[0].name if answer.request else "")
    supplied = [r for r in forces if r.get("status") in REPORTED and r.get("value") is not None]
    supplied.sort(key=lambda r: -r["value"])
    items = [Item(r["geography"], float(r["value"]), value_text(r), _tags(r)) for r in supplied]
    not_supplied = [r["geography"] for r in forces if r.get("status") == "not_available"]
    no_figure = [r["geography"] for r in forces if not r.get("status")]
    items += [Item(n, None, "not supplied", muted=True) for n in not_supplied]
    items += [Item(n, None, "no figure in the data", muted=True) for n in no_figure]
    title = f"{_noun(measure)} by force in {_the(region)}, {year}"
    total = sum(r["value"] for r in supplied)
    subtitle = f"{_capital(measure_phrase(measure))}, {year}"
    if published:
        subtitle += f". Published total for the region: {value_text(published)}"
        if published.get("value") != total and supplied:
            subtitle += f"; the forces shown add up to {thousands(total)}"
    elif supplied:
        subtitle += f". {len(supplied)} of {len(forces)} forces supplied figures, {thousands(total)} in all"
    notes = []
    gone = []
    if not_supplied:
        gone.append(f"{_and(not_supplied)} did not supply a figure")
    if no_figure:
        gone.append(f"the data has no figure for {_and(no_figure)}")
    if gone:
        notes.append(_capital("; ".join(gone)) + f" for {year}.")
    if published:
        notes += _row_notes(published, region)
        if published.get("note") and "only" in published["note"]:
            notes.append(f"The published total {published['note']}.")
    for r in supplied:
        notes += _row_notes(r, r["geography"])
    listed = _listed([f"{_official(r['geography'], 'force')} {value_text(r)}" for r in supplied]) or "no force figures"
    alt = f"Bar chart of {measure_phrase(measure)} recorded by forces in {_the(region)} in {year}: {listed}"
    if not_supplied:
        alt += f"; {_and([_official(n, 'force') for n in not_supplied])} did not supply a figure"
    if no_figure:
        alt += f"; no figure in the data for {_and([_official(n, 'force') for n in no_figure])}"
    if published:
        alt += f"; the published total for the region was {value_text(published)}"
    alt += "."
    sources = _sources(([published] if published else []) + supplied)
    return Spec("bars", title, subtitle, items, _source_line(sources or answer.sources), notes, alt)
