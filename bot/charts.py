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

Size: a 600×337.5 px layout drawn at 2×: figsize 6×3.375 in at 200 dpi = a 1200×675 PNG, which Slack
shows about 600 px wide and which stays sharp on high-density screens (type sizes below are chosen
for that 600 px view: an 11.5 pt title is ~16 px there). Rankings of more than 12 forces grow taller
(same width) so that every bar keeps a readable label.

Determinism: no pyplot (no global figure state), explicit fonts and colours on every artist, the
rcParams that drawing reads pinned per render (RC), PNG metadata without the Software key (matplotlib
writes no date), so the same answer always gives the same bytes, in any process.

matplotlib is imported inside functions only: importing this module costs nothing, and text
answers never pay for matplotlib.
"""

from __future__ import annotations

import functools
import io
import re
import threading
from dataclasses import dataclass, field

from .answer import (REPORTED, Answer, Source, get_answerer, measure_phrase, month, rate_text, source_of,
                     value_text)
from .numbers import multiple_text, signed_percent, thousands
from .years import FinancialYear

# -- size -----------------------------------------------------------------------------------------
WIDTH_IN = 6.0
HEIGHT_IN = 3.375
DPI = 200  # 6 × 200 = 1200 px wide, 3.375 × 200 = 675 px high: 2× a 600 px Slack preview
PNG_COMPRESS_LEVEL = 3  # zlib level: 3 encodes in ~half the time of the default 6 for the same size
# The few rcParams that drawing still reads, fixed here so a matplotlibrc elsewhere cannot change the
# bytes; hinting off is ~15% faster and invisible at 200 dpi. Applied with rc_context per render.
RC = {
    "text.hinting": "no_hinting",
    "text.antialiased": True,
    "patch.antialiased": True,
    "lines.antialiased": True,
    "path.snap": True,
    "svg.hashsalt": "offences",
    "font.family": ["DejaVu Sans"],
}
MAX_BARS_AT_BASE_HEIGHT = 12
BAR_SLOT_IN = 0.19  # height per bar when a ranking grows taller
MAX_BAR_SLOT_IN = 0.5  # a few bars stay this thick, at the top, rather than fill the frame

# -- colours (Okabe-Ito, with greys) --------------------------------------------------------------
BLUE = "#0072B2"  # Okabe-Ito blue: the data
VERMILLION = "#D55E00"  # Okabe-Ito vermillion: "revised" / "disputed" tags
CONTEXT = "#B8C9D9"  # pale blue-grey: the other years when one year is highlighted
INK = "#1A1A1A"
SUBTLE = "#555555"
FAINT = "#8A8A8A"
AXIS = "#9A9A9A"

# -- type (points) ----------------------------------------------------------------------------------
FONT = "DejaVu Sans"
TITLE_PT = 11.5
SUBTITLE_PT = 8
LABEL_PT = 7.5
TAG_PT = 6
NOTE_PT = 6.5
CHANGE_PT = 13

# -- margins (inches) -------------------------------------------------------------------------------
PAD_LEFT = 0.16
PAD_RIGHT = 0.16
PAD_TOP = 0.14
PAD_BOTTOM = 0.1
WIDOW = 0.4  # a second line shorter than this share of the first is rebalanced
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

_lock = threading.Lock()  # one render at a time: text layout caches and renderers are shared across a process
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
    if spec is None:
        return None
    import matplotlib
    from PIL import Image

    with _lock, matplotlib.rc_context(RC):  # the spec (words, a query) is made before: no lock needed
        fig = _draw(spec)
        fig.canvas.draw()
        rgba = fig.canvas.buffer_rgba()  # a (height, width, 4) memoryview of the drawn canvas
        # Encoded here rather than by savefig (which writes RGBA): the canvas is opaque white, so RGB
        # loses nothing and deflates a quarter less data. No text chunks (no Software, no time).
        image = Image.frombuffer("RGBA", (rgba.shape[1], rgba.shape[0]), rgba, "raw", "RGBA", 0, 1)
        buf = io.BytesIO()
        image.convert("RGB").save(buf, format="png", dpi=(DPI, DPI), compress_level=PNG_COMPRESS_LEVEL)
    return buf.getvalue()


def build_figure(answer: Answer):
    """The matplotlib Figure for an answer (tests read its text artists), or None when it has no chart."""
    if not _charted(answer):
        return None
    spec = _spec(answer)
    if spec is None:
        return None
    import matplotlib

    with matplotlib.rc_context(RC):
        return _draw(spec)


def alt_text(answer: Answer) -> str | None:
    """One sentence for screen readers (Slack's alt_text) with the finding and the figures."""
    if not _charted(answer):
        return None
    spec = _spec(answer)
    return spec.alt if spec else None


# == what to draw ==================================================================================
@dataclass
class Item:
    """One column or bar: a label, a value (None: no bar), the words on it and its tags."""

    label: str
    value: float | None
    text: str
    tags: list[str] = field(default_factory=list)
    highlight: bool = True
    muted: bool = False  # the text is a gap ("no figure", "not supplied"), drawn quietly


@dataclass
class Spec:
    shape: str  # columns | change | bars
    title: str
    subtitle: str
    items: list[Item]
    source: str
    notes: list[str] = field(default_factory=list)
    alt: str = ""
    change_text: list[str] = field(default_factory=list)  # change: big figure, then smaller lines


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


# == drawing =======================================================================================
class _Fonts:
    """FontProperties made once per process (matplotlib is imported on first use)."""

    _cache: dict = {}

    @classmethod
    def get(cls, size: float, weight: str = "normal", style: str = "normal"):
        key = (size, weight, style)
        if key not in cls._cache:
            from matplotlib.font_manager import FontProperties

            cls._cache[key] = FontProperties(family=FONT, size=size, weight=weight, style=style)
        return cls._cache[key]


def _wrap(renderer, text: str, prop, width_in: float, max_lines: int = 3) -> list[str]:
    """Greedy word wrap by measured width (inches at DPI). Words are measured once each (cached) and
    summed with the width of a space, which is within a pixel or two of measuring whole lines."""
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    space = _width(renderer, " ", prop)
    for word in text.split():
        w = _width(renderer, word, prop)
        if current and used + space + w > width_in:
            lines.append(" ".join(current))
            current, used = [word], w
        else:
            used += (space if current else 0.0) + w
            current.append(word)
    if current:
        lines.append(" ".join(current))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;") + " …"
    return lines


def _balanced(renderer, text: str, prop, width_in: float) -> list[str]:
    """Greedy lines, except that a widow (a second line much shorter than the first) is avoided by
    breaking two lines at the most even point."""
    lines = _wrap(renderer, text, prop, width_in, 2)
    words = text.split()
    if len(lines) != 2 or len(words) < 3:
        return lines
    if _width(renderer, lines[1], prop) > WIDOW * _width(renderer, lines[0], prop):
        return lines  # a full enough second line: keep the greedy break
    space = _width(renderer, " ", prop)
    widths = [_width(renderer, w, prop) for w in words]
    total = sum(widths) + space * (len(words) - 1)
    best, best_width, run = None, None, 0.0
    for cut in range(1, len(words)):
        run += widths[cut - 1] + (space if cut > 1 else 0.0)
        widest = max(run, total - run - space)
        if widest <= width_in and (best_width is None or widest < best_width):
            best, best_width = cut, widest
    if best is None:
        return lines
    return [" ".join(words[:best]), " ".join(words[best:])]


_widths: dict[tuple, float] = {}


def _width(renderer, text: str, prop) -> float:
    """Rendered width in inches; cached per process (layout is the slow part of a chart)."""
    key = (text, prop.get_size_in_points(), prop.get_weight(), prop.get_style())
    if key not in _widths:
        if len(_widths) > 20000:
            _widths.clear()
        w, _, _ = renderer.get_text_width_height_descent(text, prop, ismath=False)
        _widths[key] = w / DPI
    return _widths[key]


def _line_in(size_pt: float, leading: float = 1.25) -> float:
    return size_pt * leading / 72


_renderers: dict[tuple, object] = {}  # (width, height, dpi) -> RendererAgg: the 1200×675 one only


@functools.cache
def _canvas_type():
    """An Agg canvas that draws 1200×675 charts with one renderer kept for the process, not a new
    one per chart: matplotlib caches text extents per renderer, so a fresh renderer measured every
    label, title and source line afresh (~8 ms of a chart). A taller ranking gets its own renderer,
    freed with it, so the process holds one 3.2 MB pixel buffer, not one per height. Drawing is
    serialised by _lock, and render_png copies the pixels out before it is released. (A class made
    on first use: importing this module does not import matplotlib.)"""
    from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg

    class Canvas(FigureCanvasAgg):
        def get_renderer(self):
            w, h = self.figure.bbox.size  # as FigureCanvasAgg.get_renderer sizes it (3.10)
            key = (w, h, self.figure.dpi)
            if key != (WIDTH_IN * DPI, HEIGHT_IN * DPI, DPI):
                return super().get_renderer()
            if key not in _renderers:
                _renderers[key] = RendererAgg(w, h, self.figure.dpi)
            self.renderer = _renderers[key]
            return self.renderer

    return Canvas


def _draw(spec: Spec):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, facecolor="white")
    canvas = _canvas_type()(fig)
    renderer = canvas.get_renderer()
    inner = WIDTH_IN - PAD_LEFT - PAD_RIGHT

    title_font = _Fonts.get(TITLE_PT, "bold")
    sub_font = _Fonts.get(SUBTITLE_PT)
    note_font = _Fonts.get(NOTE_PT)
    label_font = _Fonts.get(LABEL_PT)

    title = _balanced(renderer, spec.title, title_font, inner)
    subtitle = _balanced(renderer, spec.subtitle, sub_font, inner)
    notes: list[str] = []
    for note in spec.notes:
        notes += _balanced(renderer, note, note_font, inner)
    if len(notes) > 4:
        notes = notes[:3] + ["More notes in the text answer."]
    source = _balanced(renderer, spec.source, note_font, inner)

    header = PAD_TOP + len(title) * _line_in(TITLE_PT, 1.2) + 0.04 + len(subtitle) * _line_in(SUBTITLE_PT) + 0.16
    footer = PAD_BOTTOM + (len(notes) + len(source)) * _line_in(NOTE_PT, 1.3) + 0.08
    if spec.shape == "bars":
        below = 0.04
        needed = len(spec.items) * BAR_SLOT_IN
        height = HEIGHT_IN
        if len(spec.items) > MAX_BARS_AT_BASE_HEIGHT:
            height = max(HEIGHT_IN, header + footer + below + needed)
        names = [i.label for i in spec.items]
        left = PAD_LEFT + (max(_width(renderer, n, label_font) for n in names) if names else 0) + 0.08
    else:
        years_lines = max((i.label.count("\n") + 1 for i in spec.items), default=1)
        below = 0.08 + years_lines * _line_in(LABEL_PT, 1.2)
        height = HEIGHT_IN
        left = PAD_LEFT
    if height != HEIGHT_IN:
        fig.set_size_inches(WIDTH_IN, height)

    # header and footer text, top-left aligned with the left edge of the frame
    x0 = PAD_LEFT / WIDTH_IN
    y = PAD_TOP
    for line in title:
        fig.text(x0, 1 - y / height, line, fontproperties=title_font, color=INK, va="top", ha="left",
                 parse_math=False)
        y += _line_in(TITLE_PT, 1.2)
    y += 0.04
    for line in subtitle:
        fig.text(x0, 1 - y / height, line, fontproperties=sub_font, color=SUBTLE, va="top", ha="left",
                 parse_math=False)
        y += _line_in(SUBTITLE_PT)
    yb = PAD_BOTTOM
    for line in reversed(source):
        fig.text(x0, yb / height, line, fontproperties=note_font, color=SUBTLE, va="bottom", ha="left",
                 parse_math=False)
        yb += _line_in(NOTE_PT, 1.3)
    for line in reversed(notes):
        fig.text(x0, yb / height, line, fontproperties=note_font, color=FAINT, va="bottom", ha="left",
                 parse_math=False)
        yb += _line_in(NOTE_PT, 1.3)

    bottom = footer + below
    ax_h = height - header - bottom
    if spec.shape == "bars" and spec.items and ax_h / len(spec.items) > MAX_BAR_SLOT_IN:
        spare = ax_h - len(spec.items) * MAX_BAR_SLOT_IN
        ax_h -= spare
        bottom += spare
    ax_w = WIDTH_IN - left - PAD_RIGHT
    ax = _Plot(fig, left, bottom, ax_w, ax_h)
    if spec.shape == "bars":
        _draw_bars(ax, renderer, spec, ax_w, ax_h)
    else:
        _draw_columns(ax, renderer, spec, ax_w, ax_h)
    return fig


class _Plot:
    """The data area: a box on the figure (inches) and data limits, its artists added to the figure.
    Why not an Axes: ours shows no ticks, spines or grid, yet making one (two Axis objects and their
    ticks) and drawing it took ~12 ms of a ~50 ms chart. Bars and rules are clipped to the box, as an
    Axes clips them; labels are not."""

    def __init__(self, fig, left: float, bottom: float, width: float, height: float):
        from matplotlib.transforms import (Bbox, BboxTransformFrom, BboxTransformTo, TransformedBbox,
                                           blended_transform_factory)

        w, h = fig.get_size_inches()
        self.fig = fig
        self.height_in = height
        self.box = TransformedBbox(Bbox.from_bounds(left / w, bottom / h, width / w, height / h), fig.transFigure)
        self.limits = Bbox.unit()  # set_xlim/set_ylim change it; the transforms follow
        self.frac = BboxTransformTo(self.box)  # (0, 0)-(1, 1) of the box -> pixels
        self.data = BboxTransformFrom(self.limits) + self.frac
        self.frac_x_data_y = blended_transform_factory(self.frac, self.data)
        self.data_x_frac_y = blended_transform_factory(self.data, self.frac)

    def set_xlim(self, lo: float, hi: float) -> None:
        self.limits.intervalx = lo, hi

    def set_ylim(self, lo: float, hi: float) -> None:
        self.limits.intervaly = lo, hi

    def _add(self, artist, zorder: float, clip: bool = True) -> None:
        self.fig.add_artist(artist, clip=False)  # clip=True would clip to the whole figure
        artist.set_zorder(zorder)
        if clip:
            artist.set_clip_box(self.box)

    def rect(self, x: float, y: float, width: float, height: float, color: str) -> None:
        from matplotlib.patches import Rectangle

        self._add(Rectangle((x, y), width, height, transform=self.data, facecolor=color, linewidth=0), 2)

    def line(self, xs, ys, transform=None, zorder: float = 3, **style) -> None:
        from matplotlib.lines import Line2D

        self._add(Line2D(xs, ys, transform=transform or self.data, **style), zorder)

    def annotate(self, s: str, xy, xytext, coords=None, textcoords=None, **props) -> None:
        from matplotlib.text import Annotation

        coords = coords or self.data
        self._add(Annotation(s, xy, xytext, xycoords=coords, textcoords=textcoords or coords,
                             annotation_clip=False, **props), 3, clip=False)


def _text(ax: _Plot, s, xy, offset, font, color, ha, va, coords=None):
    ax.annotate(s, xy, offset, coords, "offset points", ha=ha, va=va, fontproperties=font, color=color,
                parse_math=False)


def _draw_columns(ax, renderer, spec: Spec, ax_w: float, ax_h: float) -> None:
    items = spec.items
    n = len(items)
    label_font, bold = _Fonts.get(LABEL_PT), _Fonts.get(LABEL_PT, "bold")
    tag_font = _Fonts.get(TAG_PT, "normal", "italic")
    gap_font = _Fonts.get(LABEL_PT, "normal", "italic")
    change = spec.shape == "change"
    slots = max(n, 4)
    pad = (slots - n) / 2
    xs = list(range(n))
    if change:
        xs = [0.0, 1.6]
        lo, hi = -0.8, 2.4
    else:
        lo, hi = -0.5 - pad, n - 0.5 + pad
    ax.set_xlim(lo, hi)
    slot_in = ax_w / (hi - lo)
    width = 0.62 if not change else 0.75
    values = [i.value for i in items if i.value is not None]
    top = max(values) if values else 1.0
    # room above the tallest column for its label (and tag): points -> data units
    need_pt = 3 + LABEL_PT * 1.25 + (TAG_PT * 1.3 + 1 if any(i.tags for i in items) else 0) + 2
    ymax = top / max(0.2, 1 - need_pt / (ax_h * 72))
    if top <= 0:
        ymax = 1.0
    ax.set_ylim(0, ymax)
    ax.line([0, 1], [0, 0], ax.frac_x_data_y, color=AXIS, linewidth=0.8)
    for x, item in zip(xs, items):
        color = BLUE if item.highlight else CONTEXT
        if item.value is not None:
            ax.rect(x - width / 2, 0, width, item.value, color)
            text = item.text
            if _width(renderer, text, bold) > slot_in * 0.98 and text.startswith(("at least ", "about ")):
                head, _, tail = text.partition(" ")
                if head == "at":
                    head, tail = "at least", text[len("at least "):]
                text = f"{head}\n{tail}"
            font = bold if item.highlight else label_font
            _text(ax, text, (x, item.value), (0, 3), font, INK if item.highlight else SUBTLE, "center", "bottom")
            lines = text.count("\n") + 1
            tag_y = 3 + LABEL_PT * 1.2 * lines + 1
        else:
            emphasis = item.highlight and _any_context(items)
            _text(ax, item.text, (x, 0), (0, 4), gap_font, SUBTLE if emphasis else FAINT, "center", "bottom")
            tag_y = 4 + LABEL_PT * 1.2 + 1
        if item.tags:
            _text(ax, " · ".join(item.tags), (x, item.value or 0), (0, tag_y), tag_font, VERMILLION, "center", "bottom")
        _text(ax, item.label, (x, 0), (0, -4), bold if item.highlight and not change and _any_context(items)
              else label_font, INK if item.highlight or change else SUBTLE, "center", "top")
    if change and spec.change_text:
        _draw_change(ax, spec, xs, items, top, width)


def _any_context(items: list[Item]) -> bool:
    return any(not i.highlight for i in items)


def _draw_change(ax, spec: Spec, xs, items: list[Item], top: float, width: float) -> None:
    """The change between the columns: a dotted line at the old level, an arrow up (or down) beside the
    new column to its level, and the figures ("+229.6%", "3.3×", "up 225") to the arrow's left."""
    big = _Fonts.get(CHANGE_PT, "bold")
    small = _Fonts.get(SUBTITLE_PT)
    first, *rest = spec.change_text
    measured = all(i.value is not None for i in items)
    box = dict(boxstyle="square,pad=0.15", facecolor="white", edgecolor="none")
    if not measured:
        mid = (xs[0] + xs[1]) / 2
        _text(ax, first, (mid, top * 0.5), (0, 0), _Fonts.get(SUBTITLE_PT, "bold"), FAINT, "center", "bottom")
        for line in rest:
            _text(ax, line, (mid, top * 0.5), (0, -3), small, FAINT, "center", "top")
        return
    old, new = items[0].value, items[1].value
    x_arrow = xs[1] - width / 2 - 0.1
    ax.line([xs[0] + width / 2, xs[1] - width / 2], [old, old], zorder=1, color=AXIS, linewidth=0.8,
            linestyle=(0, (1.5, 1.5)))
    if new != old:
        ax.annotate("", (x_arrow, new), (x_arrow, old), arrowprops=dict(
            arrowstyle="-|>", color=INK, linewidth=1.0, shrinkA=0, shrinkB=0, mutation_scale=8))
    lines_pt = CHANGE_PT * 1.25 + len(rest) * SUBTITLE_PT * 1.3
    ax_h_pt = ax.height_in * 72
    span_pt = abs(new - old) / ax.limits.y1 * ax_h_pt
    if span_pt >= lines_pt + 8:  # beside the arrow, centred on it
        y, offset = (old + new) / 2, lines_pt / 2
    else:  # a short arrow: the figures go below it, in the empty gap between the columns
        y, offset = min(old, new), -8.0
    _text(ax, first, (x_arrow, y), (-6, offset), big, INK, "right", "top")
    offset -= CHANGE_PT * 1.25
    for line in rest:
        _text(ax, line, (x_arrow, y), (-6, offset), small, SUBTLE, "right", "top")
        offset -= SUBTITLE_PT * 1.3


def _draw_bars(ax, renderer, spec: Spec, ax_w: float, ax_h: float) -> None:
    items = spec.items
    n = len(items)
    label_font, bold = _Fonts.get(LABEL_PT), _Fonts.get(LABEL_PT, "bold")
    tag_font = _Fonts.get(TAG_PT, "normal", "italic")
    gap_font = _Fonts.get(LABEL_PT, "normal", "italic")
    ax.set_ylim(max(n, 1) - 0.5, -0.5)  # first item at the top
    height = 0.68
    values = [i.value for i in items if i.value is not None]
    top = max(values) if values else 1.0
    # the axis must reach far enough that each bar's label (and tag) fits to its right
    xmax = top
    for item in items:
        if item.value is None:
            continue
        label_in = 4 / 72 + _width(renderer, item.text, bold)
        if item.tags:
            label_in += 4 / 72 + _width(renderer, " · ".join(item.tags), tag_font)
        share = 1 - label_in / ax_w
        xmax = max(xmax, item.value / max(share, 0.2))
    ax.set_xlim(0, xmax * 1.01 if xmax > 0 else 1)
    if n == 0:
        _text(ax, "No figures to draw", (0, 0), (0, 0), gap_font, FAINT, "left", "center")
    for y, item in enumerate(items):
        _text(ax, item.label, (0, y), (-5, 0), label_font, INK, "right", "center", ax.frac_x_data_y)
        if item.value is None:
            _text(ax, item.text, (0, y), (3, 0), gap_font, FAINT, "left", "center")
            continue
        ax.rect(0, y - height / 2, item.value, height, BLUE if item.highlight else CONTEXT)
        _text(ax, item.text, (item.value, y), (4, 0), bold, INK, "left", "center")
        if item.tags:
            offset = 4 + 4 + _width(renderer, item.text, bold) * 72
            _text(ax, " · ".join(item.tags), (item.value, y), (offset, 0), tag_font, VERMILLION, "left", "center")
    ax.line([0, 0], [0, 1], ax.data_x_frac_y, color=AXIS, linewidth=0.8)
