"""Claims about police recorded crime (the Home Office / ONS tables a data desk imports), checked apart.

Why apart: the NSPCC series is settled release by release from news pages; recorded crime comes from
official tables edition by edition. A figure in copy is read as recorded crime only when its own words
say so ("46,585 crimes", "burglaries", "total recorded crime") and nothing in its paragraph marks the
NSPCC series (online, cyber flag, children, grooming, the NSPCC, FOI). With no tables imported nothing
here changes a reading. A figure that matches no edition but is within half a per cent of the latest
is most likely an earlier edition's (forces revise): that is a question (❔), never a ❌.
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal

from ..numbers import percent_change, ratio, round_half_up, thousands
from ..offence_groups import GROUPS
from ..years import FinancialYear

from .model import COUNT_KINDS, _Cand
from .words import fits

log = logging.getLogger(__name__)

PREFIX = "recorded_crime:"
REVISION_MARGIN = Decimal("0.005")  # a gap this small (relative) is a revision, not a wrong figure

# The copy's words for a recorded-crime group, read right after the figure ("46,585 crimes").
_AFTER = [
    (re.compile(r"^\s+(?:\w+\s+){0,2}?(?:burglar(?:y|ies)|break-ins)\b", re.I), "burglary"),
    (re.compile(r"^\s+(?:\w+\s+){0,2}?robber(?:y|ies)\b", re.I), "robbery"),
    (re.compile(r"^\s+(?:\w+\s+){0,2}?(?:shoplifting|shop\s+thefts?)\b", re.I), "shoplifting"),
    (re.compile(r"^\s+(?:\w+\s+){0,2}?(?:violent\s+crimes?|violence\s+against\s+the\s+person|offences\s+of\s+violence)\b",
                re.I), "violence_against_the_person"),
    (re.compile(r"^\s+(?:\w+\s+){0,2}?drugs?\s+offences\b", re.I), "drug_offences"),
    (re.compile(r"^\s+(?:\w+\s+){0,2}?(?:thefts|theft\s+offences)\b", re.I), "theft_offences"),
    (re.compile(r"^\s+(?:\w+\s+){0,2}?criminal\s+damage\b", re.I), "criminal_damage_and_arson"),
    (re.compile(r"^\s+(?:\w+\s+){0,2}?public\s+order\s+offences\b", re.I), "public_order_offences"),
    (re.compile(r"^\s+(?:\w+\s+){0,2}?(?:weapons?\s+offences|weapon\s+possession)\b", re.I),
     "possession_of_weapons_offences"),
    (re.compile(r"^\s+(?:\w+\s+){0,2}?sexual\s+offences\b", re.I), "sexual_offences"),
    (re.compile(r"^\s+(?:reported\s+|recorded\s+)?crimes\b|^\s+offences\s+of\s+all\s+kinds\b", re.I),
     "total_excluding_fraud"),
]
# The same groups named as the sentence's subject, before the figure ("Robberies in Durham rose to 258").
_SUBJECT = [
    (re.compile(r"\b(?:burglar(?:y|ies)|break-ins)\b", re.I), "burglary"),
    (re.compile(r"\brobber(?:y|ies)\b", re.I), "robbery"),
    (re.compile(r"\bshoplifting\b|\bshop\s+thefts?\b", re.I), "shoplifting"),
    (re.compile(r"\bviolent\s+crimes?\b|\bviolence\s+against\s+the\s+person\b", re.I), "violence_against_the_person"),
    (re.compile(r"\bdrugs?\s+offences\b", re.I), "drug_offences"),
    (re.compile(r"\bcriminal\s+damage\b", re.I), "criminal_damage_and_arson"),
    (re.compile(r"\bpublic\s+order\s+offences\b", re.I), "public_order_offences"),
    (re.compile(r"\bweapons?\s+offences\b|\bweapon\s+possession\b", re.I), "possession_of_weapons_offences"),
    (re.compile(r"\b(?:total\s+)?recorded\s+crime\b|\bcrime\s+(?:levels?|figures?)\b", re.I), "total_excluding_fraud"),
]
# Groups whose plain words NSPCC copy also uses ("crimes", "sexual offences"): only bound outside it.
_SHARED_WORDS = {"total_excluding_fraud", "sexual_offences"}
CHANGE_KINDS = ("percent_change", "difference", "multiple")
_SINCE = re.compile(r"\b(?:since|from|compared\s+(?:with|to))\s+(?:the\s+)?(?:(?:19|20)\d\d|(?:financial\s+)?year)", re.I)
_YEAR_BEFORE = re.compile(r"\b(?:on|than|from|over)\s+the\s+(?:year|twelve\s+months|12\s+months)\s+before\b|"
                          r"\bprevious\s+(?:year|12\s+months)\b|\ba\s+year\s+(?:earlier|before|ago)\b|"
                          r"\byear[-\s]on[-\s]year\b|\bon\s+last\s+year\b", re.I)
# Words that put a paragraph in the NSPCC series, whatever else it says.
_NSPCC = re.compile(r"\b(?:online|cyber\w*|internet|nspcc|grooming|child(?:ren)?|under-?18s?|young\s+people|"
                    r"sexual\s+communication|freedom\s+of\s+information|foi)\b", re.I)


def mark_nspcc_copy(sentences) -> None:
    """Note on every sentence whether the copy names the NSPCC series anywhere."""
    named = any(_NSPCC.search(s.text) for s in sentences)
    for s in sentences:
        s.nspcc_copy = named


class RecordedChecks:
    """Part of Checker (bot/check/checker.py): claims about police recorded crime, once its tables are imported."""

    # -- reading ----------------------------------------------------------------------------------
    def _recorded_index(self) -> dict:
        """(area, area type, group, year label) -> the figure row, read once through the store's query."""
        index = getattr(self, "_recorded", None)
        if index is None:
            index = {}
            try:
                rows = self.store.rows("factcheck_recorded")
            except Exception:  # no recorded-crime tables in this store (an older data folder, a bare test store)
                log.warning("police recorded crime figures could not be read for fact-checking", exc_info=True)
                rows = []
            for r in rows:
                index[(r["area_name"], r["area_type"], r["offence_group"], r["year"])] = r
            self._recorded_areas = {(k[0], k[1]) for k in index}
            self._recorded = index
        return index

    def _recorded_group(self, s, c: _Cand) -> str | None:
        """The recorded-crime group a figure is about, or None when it is (or may be) the NSPCC series."""
        paragraph = s.paragraph or [s]
        if any(_NSPCC.search(p.text) for p in paragraph):
            return None
        if not self._recorded_index():  # still never checked against the NSPCC series when its words say robbery
            group = self._count_group(s, c) if c.kind in COUNT_KINDS else None
            return group if group not in _SHARED_WORDS else None
        if c.place is None or (c.place.name, c.place.geography_type) not in self._recorded_areas:
            return None  # a place the tables do not cover (the UK, Scotland) is not read as recorded crime
        if c.kind in COUNT_KINDS:
            return self._count_group(s, c)
        if c.kind in CHANGE_KINDS:
            # a change is about recorded crime when the sentence's own figures are, or its subject names a group
            found = [(o.nstart, g) for o in s.cands if o.kind in COUNT_KINDS and (g := self._count_group(s, o))]
            if found:
                return min(found, key=lambda f: abs(f[0] - c.nstart))[1]
            if not any(o.kind in COUNT_KINDS for o in s.cands):
                return _subject_group(s, c)
        return None

    @staticmethod
    def _count_group(s, c: _Cand) -> str | None:
        after = s.text[c.nend:c.nend + 60]
        group = next((g for pattern, g in _AFTER if pattern.search(after)), None)
        if group is None and not re.match(r"\s+(?:\w+\s+){0,2}?(?:offences|crimes|cases|victims|children|"
                                          r"incidents|reports|people|girls|boys)\b", after, re.I):
            group = _subject_group(s, c)  # "Robberies in Durham more than doubled, to 258"
        # in copy about the NSPCC series, "crimes" may well be that series: only a group's own name binds
        return None if s.nspcc_copy and group in _SHARED_WORDS else group

    def _recorded_figure(self, c: _Cand, year: FinancialYear | None) -> dict | None:
        if c.place is None or year is None:
            return None
        return self._recorded_index().get((c.place.name, c.place.geography_type, c.measure[len(PREFIX):], year.label))

    # -- checking ---------------------------------------------------------------------------------
    def _check_recorded(self, c: _Cand, sentences) -> tuple:
        group = GROUPS[c.measure[len(PREFIX):]]
        if not self._recorded_index():
            return ("unverifiable", None, f"This is police recorded crime ({group.label}), not the NSPCC series; the "
                    "Home Office and ONS tables are not imported into this data folder, so it is not checked.", [])
        if c.place is None:
            return "unverifiable", None, f"The copy does not say where these {group.label} were recorded.", []
        if c.kind in COUNT_KINDS:
            return self._recorded_count(c, group)
        if c.kind in CHANGE_KINDS:
            return self._recorded_change(c, group, sentences)
        return ("unverifiable", None, f"Only figures and changes of police recorded crime are checked "
                f"against the Home Office and ONS tables so far.", [])

    def _recorded_years(self, c: _Cand) -> list[FinancialYear]:
        if c.year is not None:
            return [c.year]
        group = c.measure[len(PREFIX):]
        labels = sorted(k[3] for k in self._recorded_index() if k[:3] == (c.place.name, c.place.geography_type, group))
        return [FinancialYear.from_label(label) for label in reversed(labels)]

    def _recorded_count(self, c: _Cand, group) -> tuple:
        value = int(c.value)
        years = self._recorded_years(c)
        rows = [r for r in (self._recorded_figure(c, y) for y in years) if r]
        if not rows:
            return ("unverifiable", None, f"The imported police recorded crime tables have no {group.label} figure "
                    f"for {c.place.name}" + (f" in {c.year.label}." if c.year else "."), [])
        for row in rows:  # an exact match in any edition first (the year inferred when the copy gives none)
            if row["value"] is not None and fits(Decimal(value), Decimal(row["value"]), c.qual, c.decimals):
                c.year = c.year or FinancialYear.from_label(row["year"])
                return "supported", row["value"], f"{self._recorded_says(row, group)}.", [_recorded_source(row)]
            for rev in row.get("revisions") or []:
                if rev["value"] == value:
                    c.year = c.year or FinancialYear.from_label(row["year"])
                    return ("supported", value, f"{rev['edition']} gave {thousands(value)}; {self._recorded_says(row, group)} "
                            f"(revised since).", [_recorded_source(row)])
        if c.year is None:
            return ("unverifiable", None, f"The copy gives no year for {thousands(value)}, and it is not {c.place.name}'s "
                    f"{group.label} figure for any year in the imported tables.", [])
        row = rows[0]
        if row["value"] is None:
            return ("unverifiable", None, f"{row['edition']}: {c.place.name}'s {group.label} figure for "
                    f"{row['year']} is not available.", [_recorded_source(row)])
        gap = abs(Decimal(value) - row["value"])
        if not row["value"] / 2 <= value <= row["value"] * 2:
            # far from the figure: more likely another count (a month, a district, another series) than a wrong one
            return ("unverifiable", row["value"], f"{self._recorded_says(row, group)}; {thousands(value)} does not look "
                    f"like that figure (a part of the year, an area or another series?).", [_recorded_source(row)])
        if gap <= REVISION_MARGIN * row["value"]:
            return ("unverifiable", row["value"], f"{self._recorded_says(row, group)}, {thousands(int(gap))} "
                    f"{'fewer' if row['value'] < value else 'more'}: close enough to be an earlier edition's figure "
                    f"(forces revise), which is not imported. Check the edition the copy used.", [_recorded_source(row)])
        return ("inaccurate", row["value"], f"{self._recorded_says(row, group)}, not {thousands(value)}.",
                [_recorded_source(row)])

    def _recorded_change(self, c: _Cand, group, sentences) -> tuple:
        if c.sent.pairs:  # the copy gives both figures: its own arithmetic is what to check
            check = {"percent_change": self._check_percent_change, "multiple": self._check_multiple,
                     "difference": self._check_difference}[c.kind]
            return check(c, {}, sentences)
        # the year of the figure the sentence gives ("46,585 crimes in 2016/17, up 28% on the year before"):
        # the change is into that year, whatever year the comparison words point back to
        counts = [o for o in c.sent.cands if o.kind in COUNT_KINDS and o.measure == c.measure and o.place == c.place
                  and o.year is not None]
        named = sorted({y.year for y in c.sent.years if y.year is not None})
        year = counts[0].year if counts else (named[-1] if len(named) > 1 else c.year)
        if not counts and len(named) == 1 and _SINCE.search(c.sent.text):  # "almost doubled since 2015/16"
            return self._recorded_change_since(c, named[0])
        if year is None:
            return "unverifiable", None, "The copy does not say which year this change is about.", []
        base = [y for y in named if y < year]  # "since 2015/16", "from 2015/16 to 2017/18"
        start = base[0] if base else FinancialYear(year.start - 1)
        base = base or bool(_YEAR_BEFORE.search(c.sent.text))
        new, old = self._recorded_figure(c, year), self._recorded_figure(c, start)
        if not new or not old or new["value"] is None or old["value"] is None:
            return ("unverifiable", None, f"The imported tables do not give {c.place.name}'s {group.label} for both "
                    f"{start.label} and {year.label}.", [])
        sources = [_recorded_source(old), _recorded_source(new)]
        words = _change_words(old, new)
        if self._recorded_change_fits(c, old["value"], new["value"]):
            return "supported", _actual(c, old["value"], new["value"]), words[0].upper() + words[1:] + ".", sources
        if c.kind != "percent_change" and not base:
            # "more than doubled" with no base year: the year before is one reading, not the copy's
            return ("unverifiable", _actual(c, old["value"], new["value"]), "The copy does not say what this compares "
                    f"with. Against the year before: {words}, so “{c.text}” does not hold for that year.", sources)
        return ("inaccurate", _actual(c, old["value"], new["value"]), words[0].upper() + words[1:] +
                f", so “{c.text}” is wrong.", sources)

    def _recorded_change_since(self, c: _Cand, start: FinancialYear) -> tuple:
        """'almost doubled since 2015/16': the copy names no end year, so any later year that fits holds it
        up, and none fitting is no proof either way (the copy may predate the latest edition)."""
        group = c.measure[len(PREFIX):]
        old = self._recorded_figure(c, start)
        labels = sorted((k[3] for k in self._recorded_index() if k[:3] == (c.place.name, c.place.geography_type, group)
                         and k[3] > start.label), reverse=True)
        ends = [r for r in (self._recorded_figure(c, FinancialYear.from_label(label)) for label in labels)
                if r and r["value"] is not None]
        if not old or old["value"] is None or not ends:
            return ("unverifiable", None, f"The imported tables do not give {c.place.name}'s {GROUPS[group].label} "
                    f"for {start.label} and a later year.", [])
        for new in ends:
            if self._recorded_change_fits(c, old["value"], new["value"]):
                words = _change_words(old, new)
                return ("supported", _actual(c, old["value"], new["value"]), words[0].upper() + words[1:] +
                        ". (The copy names no end year; this is the latest that fits.)",
                        [_recorded_source(old), _recorded_source(new)])
        new = ends[0]
        return ("unverifiable", _actual(c, old["value"], new["value"]), f"No later year in the imported tables bears "
                f"“{c.text}” out; to the latest, {_change_words(old, new)}. Which year does the copy mean?",
                [_recorded_source(old), _recorded_source(new)])

    def _recorded_change_fits(self, c: _Cand, old: int, new: int) -> bool:
        if c.kind != "difference":
            return bool(self._change_fits(c, old, new))
        rise = new - old
        return (c.direction == 0 or (c.direction > 0) == (rise > 0)) and fits(c.value, Decimal(abs(rise)), c.qual,
                                                                              c.decimals)

    @staticmethod
    def _recorded_says(row: dict, group) -> str:
        return (f"{row['edition']} gives {row['area_name']} {thousands(row['value'])} for {group.label} in "
                f"{row['year']} (police recorded crime, {row['publisher']})")


def _recorded_source(row: dict) -> dict:
    return {"outlet": f"{row['publisher']}: {row['source_table']}", "release": row["edition"], "url": row["source_url"]}


def _subject_group(s, c: _Cand) -> str | None:
    """The group the clause before a figure names as its subject, nearest first."""
    before = re.split(r"[;:]|\bbut\b|\bwhile\b", s.text[:c.nstart])[-1]
    found = [(m.start(), g) for pattern, g in _SUBJECT for m in pattern.finditer(before)]
    return max(found)[1] if found else None


def _actual(c: _Cand, old: int, new: int) -> float:
    if c.kind == "multiple":
        return float(round_half_up(ratio(old, new), 2))
    if c.kind == "difference":
        return float(new - old)
    return float(round_half_up(percent_change(old, new), 1))


def _change_words(old: dict, new: dict) -> str:
    pct = percent_change(old["value"], new["value"])
    how = (f"{'a rise' if pct > 0 else 'a fall'} of {abs(round_half_up(pct, 1))}%" if pct else "no change")
    times = ratio(old["value"], new["value"])
    extra = f", {round_half_up(times, 2)} times as many" if times and times >= 1.5 else ""
    return (f"from {thousands(old['value'])} in {old['year']} to {thousands(new['value'])} in {new['year']} is {how} "
            f"({'+' if new['value'] >= old['value'] else '−'}{thousands(abs(new['value'] - old['value']))}{extra}; "
            f"police recorded crime, {new['edition']})")
