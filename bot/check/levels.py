"""Checks of levels: a count, an age fact or a number of forces against what the release said."""

from __future__ import annotations

import re

from ..answer import measure_phrase, month, value_text
from ..numbers import thousands
from ..years import FinancialYear

from .model import COMMON_AGE, COUNT_KINDS, CYBER, D, NATIONAL_ONLY, SCWC, YOUNGEST, _Cand
from .wording import _month_label, _source, _vt
from .patterns import _DOMAIN
from .words import MONTH_NUMBER, _num, fits, fmt

_IN_DATA = re.compile(r"\b(?:in\s+(?:this|the)\s+data|with\s+(?:figures|data)|ha(?:ve|s|d)\s+an?\s+(?:\S+\s+)?figures?)\b", re.I)

_SINCE = re.compile(r"\bsince\s+(?:[a-z\s]{0,30}?\b(?:in\s+)?)?(?:(?P<m>jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|"
                    r"aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\s+)?(?P<y>(?:19|20)\d{2})\b", re.I)

_SUBSET = re.compile(r"\b(?:both\s+years|each\s+(?:of\s+the\s+)?(?:two\s+|three\s+)?years|every\s+year|all\s+(?:three|four|five)\s+years|"
                     r"like[- ]for[- ]like|comparable|consistent(?:ly)?)\b", re.I)


def _like_for_like_forces(row: dict) -> int | None:
    """The number of forces a like-for-like figure covers, from its note ("for the 39 forces with data for both
    years"), else the row's own count."""
    m = re.search(r"\b(\d{2})\s+forces\b", row.get("note") or "")
    return int(m.group(1)) if m else row.get("forces_responding")


class LevelChecks:
    """Part of Checker (bot/check/checker.py): checks of levels: a count, an age fact or a number of forces against what the release said."""

    def _resolve_count(self, c: _Cand, releases: dict) -> dict:
        """Find the figure a count claim is about and how it compares. Returns a dict describing the outcome."""
        value = int(c.value)
        release, how = self._release_for(c, releases)
        if c.year is None and c.year_how == "latest" and release:
            covered = self.facts.covers.get((release, c.family))
            if covered:  # "last year" in copy about a release is the year that release covers
                c.year, c.extra["latest_of"] = FinancialYear.from_label(covered), release
        if c.year is None:
            c.extra["last_year"] = c.year_how == "latest"
            y = self._infer_year(c, value)
            if y is not None:
                c.year, c.year_how = y, "inferred"
        place = self._place_for(c)
        outcome = {"release": release, "release_how": how}
        if c.year is None:
            outcome["status"] = "no_year"
            return outcome
        best = None
        if c.year_how == "calendar":
            # "in 2017" may be the year ending March 2017 or the one starting April 2017: take whichever fits
            for year in (c.year, FinancialYear(c.year.start - 1)):
                for key in self._keys_for(c, year=year):
                    info = self.facts.keys.get(key)
                    if info and info.judge(value, c.qual, release)["status"] == "match":
                        c.extra["calendar"] = c.year.start
                        c.year = year
                        break
                else:
                    continue
                break
        tried = self._measures_to_try(c)
        either = c.measure == SCWC and CYBER in tried  # "grooming and online offences": the copy allows both
        for measure in tried:
            for key in self._keys_for(c, measure=measure):
                info = self.facts.keys.get(key)
                if info is None:
                    continue
                judged = info.judge(value, c.qual, release)
                rank = {"match": 0, "basis": 0.2, "earlier": 1, "misprint": 2, "later": 3, "not_available": 5,
                        "wrong": 4}[judged["status"]]
                if measure != c.measure and not either:
                    rank += 10 if judged["status"] == "match" else 100
                elif measure != c.measure:
                    rank += 0.1 if judged["status"] == "match" else 100  # either series may be meant: a match wins
                if key[0] != place.name:
                    rank += 0.5
                if best is None or rank < best[0]:
                    best = (rank, key, judged, info)
            if best and best[0] < 1:
                break
        if best is None or best[0] >= 100:
            if best is not None and best[2]["status"] != "match":
                best = None
        if best is None:
            outcome["status"] = "missing"
            return outcome
        rank, key, judged, info = best
        c.key = key
        outcome.update(judged)
        outcome["key"] = key
        outcome["info"] = info
        return outcome

    def _figure_of_another_named_place(self, c: _Cand, value: int, year: str, releases: dict) -> tuple | None:
        """A figure wrong for the place it was bound to but exactly another named place's figure that year
        ("Dorset accounted for a third of the 334 recorded by the south-west forces"): the binding, not
        the copy, is the likelier mistake, so say what the figure is instead of calling it wrong."""
        bound = self._place_for(c)
        for span in c.sent.places:
            place = getattr(span, "place", None)
            if place is None or place == bound:
                continue
            like = _Cand("count", c.sent, 0, 0, 0, 0, None, place=place, measure=c.measure)
            point = self._data_value(like, FinancialYear.from_label(year), releases)
            if point is not None and point.get("value") == value:
                row = point.get("row")
                swap = self._swapped(c, place, year, releases)
                if swap is not None:
                    return swap
                return ("unverifiable", None,
                        f"{thousands(value)} is {self.answerer.name(place)}'s figure for {year}"
                        + (f" ({month(row['release'])} release, {row['outlet']})" if row else "")
                        + f", not {self.answerer.name(bound) if bound else 'the place'}'s; check which the copy means.",
                        [_source(row)] if row else [])
        return None

    def _swapped(self, c: _Cand, other, year: str, releases: dict) -> tuple | None:
        """'South Wales Police recorded 133 ... and North Wales Police 214': each named force is given the
        other's figure, both written in the sentence with their forces named: a confident slip, not a binding
        doubt. Only when both bindings are the place named right before the figure."""
        mine = self._place_for(c)
        theirs = [o for o in c.sent.cands if o is not c and o.kind in COUNT_KINDS and o.place == other and
                  o.value is not None and o.place_how == "before"]
        if c.place_how != "before" or not theirs:
            return None
        like = _Cand("count", c.sent, 0, 0, 0, 0, None, place=mine, measure=c.measure)
        real = self._data_value(like, FinancialYear.from_label(year), releases)
        if real is None or int(theirs[0].value) != real["value"]:
            return None
        row = real.get("row")
        return ("inaccurate", real["value"], f"The figures for {self.answerer.name(mine)} and "
                f"{self.answerer.name(other)} look swapped: {self.answerer.name(mine)} recorded {thousands(real['value'])} "
                f"in {year}, {self.answerer.name(other)} {thousands(int(c.value))}"
                + (f" ({month(row['release'])} release, {row['outlet']})" if row else "")
                + f". Suggested: “{thousands(real['value'])}”.", [_source(row)] if row else [])

    def _check_count(self, c: _Cand, releases: dict, sentences) -> tuple:
        if c.sub == "other":
            return ("unverifiable", None, f"The data holds police-recorded offence figures, not {c.extra['noun']}.", [])
        value = int(c.value)
        headline = self._named_release_headline(c, "headline_value", value)
        if headline is not None:
            return ("supported", value, f"The {month(headline['release'])} release's headline: {thousands(value)} for "
                    f"{headline['geography']} ({headline['series'].replace('_', ' ')}, {headline['covers_year']}).", [])
        o = self._resolve_count(c, releases)
        place = self._place_for(c)
        name = self._name(c)
        phrase = measure_phrase(c.measure)
        status = o["status"]
        if status == "no_year":
            period = self._other_period(c, value)
            if period:
                return period
            years = self.facts.years_for(place, c.measure)
            have = f" The data has {name} figures for {', '.join(years)}." if years else ""
            return ("unverifiable", None, f"The copy gives no year for {fmt(value)}, and it is not {name}'s figure for "
                    f"any year in the data.{have}", [])
        if status == "missing":
            period = self._other_period(c, value)
            if period:
                return period
            return self._missing(c, value)
        key, info = o["key"], o["info"]
        year = key[3]
        who = self._name(c, key)
        row = o["row"]
        src = [_source(row)] if row else []
        shown = value_text(_vt(row)) if row else ""
        named = c.place is not None and c.place.geography_type == "nation"
        scope = f" (the figure is for {key[0]}, not {place.name})" if named and key[0] != place.name else ""
        if key[2] != c.measure and key[2] not in NATIONAL_ONLY:
            scope += f" (the {measure_phrase(key[2])} figure)"
        rel_text = f"{month(row['release'])} release, {row['outlet']}" if row else ""
        if status == "match":
            text = f"{who}: {shown} in {year}{scope} ({rel_text})."
            if c.qual != "exact":
                text = f"{who} recorded {shown} in {year}{scope}, so “{c.text}” holds ({rel_text})."
            later = info.later_revision(row["release"]) if row else None
            if later:
                text += (f" A later release ({month(later['release'])}, {later['outlet']}) "
                         f"{'says it was not supplied' if later['value'] is None else 'revised it to ' + thousands(later['value'])}"
                         f"; “{c.text}” is right as the {month(row['release'])} release's figure.")
                src.append(_source(later))
            if o.get("tied"):
                text += f" Sources for that release disagree ({o['tied']}); no publisher's page settles it."
            if row and row.get("qualifier") == "at_least" and c.qual == "exact":
                text += " The source gives it as a lower bound (“at least”)."
            if row and row.get("qualifier") == "approximately" and c.qual == "exact":
                text += " The source gives it as an approximation."
            if c.year_how == "inferred" and c.extra.get("last_year"):
                text += f" (“Last year” read as {year}, the year this figure is for.)"
            elif c.year_how == "inferred":
                text += " (The copy gives no year; the figure matches this one.)"
            if c.year_how == "calendar":
                text += f" (Read “{c.extra.get('calendar', year[:4])}” as the financial year {year}.)"
            return "supported", _num(D(row["value"])) if row and row["value"] is not None else value, text, src
        if status == "not_available":
            text = f"{who} did not supply a {year} figure to the {month(row['release'])} release ({row['outlet']})."
            earlier = o.get("earlier_row")
            if earlier:
                text += f" {fmt(value)} is the {month(earlier['release'])} release's figure ({earlier['outlet']})."
                src.append(_source(earlier))
            return "unverifiable", None, text, src
        actual = row["value"]
        suggestion = f" Suggested: “{thousands(actual)}”." if actual is not None else ""
        if status == "earlier":
            old = o["earlier_row"]
            text = (f"{fmt(value)} is the {month(old['release'])} release's figure for {who} in {year} ({old['outlet']}); "
                    f"the {month(row['release'])} release revised it to {thousands(actual)} ({row['outlet']}).")
            # A published release's own figure is no slip (the copy rarely says which release it quotes) unless
            # the same paragraph quotes a figure that first appeared in the revising release: then it mixes them.
            if self._release_for(c, releases)[1] == "said" and c.sent.hint_spans:
                # "Figures published in September 2020 show 54": that release gave 77, whatever an earlier said
                return ("inaccurate", actual, text + f" The copy says it reports the {month(row['release'])} "
                        f"release.{suggestion}", src + [_source(old)])
            if self._paragraph_quotes_release(c, row["release"]):
                return ("inaccurate", actual, text + f" The same paragraph quotes a figure first published in the "
                        f"{month(row['release'])} release.{suggestion}", src + [_source(old)])
            return ("supported", value, text + f" The copy may be quoting the earlier release; use "
                    f"{thousands(actual)} if it reports {self._release_phrase(o)}.", src + [_source(old)])
        printed = self._printed_by_named_outlet(c, info, value) if status != "match" else None
        if printed is not None:
            return ("supported", value, f"{printed['outlet']} printed {fmt(value)} for {who} in {year} "
                    f"({month(printed['release'])} release); the figure settled on is {thousands(actual)} "
                    f"({row['outlet']}).", [_source(printed)] + src)
        if status == "misprint":
            bad = o["misprint_row"]
            text = (f"{fmt(value)} appears only in {bad['outlet']} ({month(bad['release'])} release); "
                    f"{row['outlet']} prints {thousands(actual)} for {who} in {year}{scope}.{suggestion}")
            return "inaccurate", actual, text, src + [_source(bad)]
        if status == "basis":
            alt = o["basis_row"]
            why = (alt.get("note") or "").split(";")[0]
            text = (f"{fmt(value)} is printed for {who} in {year} on another basis: {why} ({month(alt['release'])} "
                    f"release, {alt['outlet']}). The release's headline figure is {thousands(actual)} ({row['outlet']}).")
            return "supported", value, text, [_source(alt)] + src
        if status == "later":
            later = o["later_row"]
            text = (f"{fmt(value)} is {who}'s {year} figure from the later {month(later['release'])} release "
                    f"({later['outlet']}); the {month(row['release'])} release the copy reports gave {thousands(actual)}.")
            return "supported", value, text, [_source(later)] + src
        # wrong
        if c.year_how in ("context", "sentence", "inferred", "calendar", "relative") and c.qual == "exact":
            other = self._other_year(c, value)
            if other:
                return other
        elsewhere = self._figure_of_another_named_place(c, value, year, releases)
        if elsewhere:
            return elsewhere
        text = f"{who} recorded {shown} {phrase} in {year}{scope} ({rel_text}), not “{c.text}”.{suggestion}"
        if c.year_how == "calendar":
            text += f" (Read “{c.extra.get('calendar', year[:4])}” as {year}.)"
        if c.extra.get("latest_of"):
            text += f" (“Last year” read as {year}, the year the {month(c.extra['latest_of'])} release covers.)"
        return "inaccurate", actual, text, src

    _check_national_total = _check_count

    def _named_release_headline(self, c: _Cand, field: str, value: int) -> dict | None:
        """The release a sentence names by month ("the June 2016 release ... headline 3,186"), if its headline
        figure (or its number of forces answering) is this value, for the claim's nation or with no place named."""
        named = {h for _, h in c.sent.hint_spans if h and len(h) == 7}
        if not named or (c.place is not None and c.place.geography_type != "nation"):
            return None
        for r in self.facts.release_rows:
            if r["release"] in named and r[field] == value and \
                    (c.place is None or r["geography"] in (None, c.place.name) or field == "forces_responding"):
                return r
        return None

    def _forces_with_figures(self, year, measure: str) -> tuple[int, int]:
        """How many forces (in England and Wales; anywhere) have a figure for the year in the data."""
        ew = every = 0
        for p in self.gazetteer.forces():
            info = self.facts.keys.get((p.name, "force", measure, year.label))
            if info and info.fig["status"] != "not_available":
                every += 1
                ew += bool(p.code)
        return ew, every

    def _printed_by_named_outlet(self, c: _Cand, info, value: int) -> dict | None:
        """'Also printed as 5,643 by standard.co.uk': a figure the sentence attributes to an outlet that printed
        it is a true statement about that outlet, whatever the settled figure is."""
        named = {d.group(0) for d in _DOMAIN.finditer(c.sent.text.lower())}
        for r in info.rows if named else []:
            if r["value"] == value and (r.get("outlet") or "").lower() in named:
                return r
        return None

    def _paragraph_quotes_release(self, c: _Cand, release: str) -> bool:
        """Does another figure of c's paragraph first appear in `release` or a later one?"""
        for o in [o for s in c.sent.paragraph for o in s.cands]:
            if o is c or o.kind not in COUNT_KINDS + ("total",) or o.value is None:
                continue
            for key in ([o.key] if o.key else []) + (self._keys_for(o) if o.year is not None else []):
                info = self.facts.keys.get(key)
                first = info.first_release_with(int(o.value)) if info is not None else None
                if first is not None and first >= release:
                    return True
        return False

    def _release_phrase(self, o: dict) -> str:
        release = o.get("release")
        if not release:
            return "a later release"
        if o.get("release_how") == "said":
            return f"the {month(release)} release, as it says"
        return f"the {month(release)} release or later (its other figures first appeared there)"

    def _other_year(self, c: _Cand, value: int):
        """A figure whose year was only implied: supported when it is the place's figure for another year."""
        place = self._place_for(c)
        labels = self.facts.years_for(place, c.measure)
        if c.year is not None:
            # a value two years share (Lancashire: 67 in 2017/18, and 66 or 67 in 2018/19): the nearest one before
            # the year the copy implied first
            labels = sorted(labels, key=lambda l: (FinancialYear.from_label(l) > c.year,
                                                   abs(FinancialYear.from_label(l).start - c.year.start)))
        for label in labels:
            for key in self._keys_for(c, year=FinancialYear.from_label(label)):
                info = self.facts.keys.get(key)
                if info and info.has_value(value, settled_only=True):
                    row = info.row_with(value)
                    c.year, c.year_how, c.key = FinancialYear.from_label(label), "inferred", key
                    return ("supported", value, f"{self._name(c, key)}: {thousands(value)} in {label} "
                            f"({month(row['release'])} release, {row['outlet']}); the copy does not say the year "
                            f"outright, so it was read as {label}.", [_source(row)])
        return None

    def _other_period(self, c: _Cand, value: int, years: int | None = None):
        """A figure a release stated for a span other than one financial year (six months, five years), when
        it is this one; `years`: only spans of that many years ("in the five years since ...")."""
        place = self._place_for(c)
        # a series the copy names (or carries from an earlier sentence) is that series: never another's total
        measures = [c.measure] if c.measure_explicit or c.measure != CYBER else self._measures_to_try(c) + [c.measure]
        for row in self.facts.periods:
            if row["value"] is None or row["measure"] not in measures:
                continue
            same_place = row["geography"] == place.name or (place.geography_type == "nation"
                                                            and row["geography_type"] == "nation")
            if not same_place:
                continue
            since = _SINCE.search(c.sent.text)
            if since and not row["period_start"].startswith(
                    f"{since.group('y')}-{MONTH_NUMBER[since.group('m').lower()[:3]]:02d}" if since.group("m") else since.group("y")):
                continue  # "the total since April 2017": a total from another start is another total
            if years is not None:
                (y0, m0), (y1, m1) = (map(int, row[k].split("-")) for k in ("period_start", "period_end"))
                if (y1 - y0) * 12 + m1 - m0 + 1 != 12 * years:
                    continue
            ok = fits(D(value), D(row["value"]), c.qual) or (row["value"] == value)
            if row["qualifier"] in ("at_least", "approximately") and c.qual != "exact":
                ok = ok or row["value"] == value
            if ok:
                span = f"{_month_label(row['period_start'])} to {_month_label(row['period_end'])}"
                return ("supported", row["value"], f"{row['geography']}: {value_text(_vt(row))} for {span} "
                        f"({month(row['release'])} release, {row['outlet']}).", [_source(row)])
        return None

    def _missing(self, c: _Cand, value: int) -> tuple:
        place = self._place_for(c)
        name = self.answerer.name(place)
        measures = self.facts.measures.get(place.key, set())
        year = c.year.label if c.year else "that year"
        if not measures:
            return ("unverifiable", None, f"The data has no figures for {name}: not every force's figures were "
                    "published in a form the data could use.", [])
        if c.measure not in measures:
            others = ", ".join(sorted(measure_phrase(m) for m in measures))
            return ("unverifiable", None, f"The data has no {measure_phrase(c.measure)} figures for {name} "
                    f"(it has {others}).", [])
        years = self.facts.years_for(place, c.measure)
        # a typo'd year: the figure is this place's figure for a neighbouring year the copy did not name
        if c.year is not None and c.year_how in ("explicit", "calendar") and c.qual == "exact" and value >= 10:
            for label in years:
                if abs(FinancialYear.from_label(label).start - c.year.start) <= 2:
                    info = self.facts.keys.get((place.name, place.geography_type, c.measure, label))
                    if info and info.has_value(value, settled_only=True):
                        row = info.row_with(value)
                        return ("inaccurate", value, f"{name} has no {year} figure in the data; {thousands(value)} is "
                                f"its {label} figure ({month(row['release'])} release, {row['outlet']}). Check the year: "
                                f"suggested “{thousands(value)} in {label}”.", [_source(row)])
        return ("unverifiable", None, f"No {name} figure for {year} in the data ({measure_phrase(c.measure)}: "
                f"it has {', '.join(years) or 'none'}).", [])

    # ages -----------------------------------------------------------------------------------------
    def _check_age(self, c: _Cand, releases: dict, sentences) -> tuple:
        measure = YOUNGEST if c.sub == "youngest" else COMMON_AGE
        what = "the youngest victim's age" if measure == YOUNGEST else "the most common victim age"
        years = [c.year] if c.year else []
        if not years:
            # no year in the copy: a value some release gave for the fact is the likelier reading
            fitting = [r for r in self.facts.reports if r["measure"] == measure and r["year"]
                       and r["value"] == int(c.value)]
            if fitting:
                match = max(fitting, key=lambda r: r["release"])
                shown = "under one" if match["value"] == 0 else match["value"]
                return ("supported", match["value"], f"{match['year']}: {what} was {shown} ({month(match['release'])} "
                        f"release, {match['outlet']}). (The copy gives no year; this is the year that fits.)",
                        [_source(match)])
            release, _ = self._release_for(c, releases)
            rows = [r for r in self.facts.reports if r["measure"] == measure and r["year"]
                    and (release is None or r["release"] <= release)]
            if rows:
                years = [FinancialYear.from_label(max(rows, key=lambda r: r["release"])["year"])]
        for year in years:
            rows = [r for r in self.facts.reports if r["measure"] == measure and r["year"] == year.label
                    and r["value"] is not None]
            if not rows:
                continue
            scwc = [r for r in rows if "SCWC" in (r["note"] or "")]
            if c.measure == SCWC and scwc:
                rows = scwc
            elif c.measure != SCWC and len(rows) > len(scwc) and scwc:
                rows = [r for r in rows if r not in scwc]
            values = {r["value"] for r in rows}
            row = rows[0]
            shown = "under one" if row["value"] == 0 else str(row["value"])
            src = [_source(r) for r in rows if r["value"] == row["value"]][:2]
            if int(c.value) in values:
                match = next(r for r in rows if r["value"] == int(c.value))
                return ("supported", match["value"], f"{year.label}: {what} was {'under one' if match['value'] == 0 else match['value']} "
                        f"({month(match['release'])} release, {match['outlet']}).", [_source(match)])
            words = (f"{year.label}: {what} was {shown} ({month(row['release'])} release, "
                     f"{row['outlet']}), not {'under one' if c.value == 0 else int(c.value)}.")
            if not c.year:
                return ("unverifiable", row["value"], "Check this: the copy gives no year, and no release gave "
                        f"{int(c.value)}. Read as the latest year, {words}", src)
            return ("inaccurate", row["value"], words, src)
        return ("unverifiable", None, f"The data has no figure for {what}" +
                (f" in {c.year.label}." if c.year else " for the year the copy means (it does not say)."), [])

    # forces responding -------------------------------------------------------------------------------
    def _check_forces(self, c: _Cand, releases: dict, sentences) -> tuple:
        n = int(c.value)
        place = c.place
        s = c.sent
        if c.sub == "asked":
            ew = len([p for p in self.gazetteer.forces() if p.code])
            known = {ew: "England and Wales has", ew + 1: "England, Wales and Northern Ireland have",
                     ew + 2: "the UK has", ew + 3: "the UK and Jersey have"}
            if n in known:
                return "supported", n, f"{known[n]} {n} territorial police forces, the number asked.", []
            return ("unverifiable", None, f"The data does not record how many forces were asked (England and Wales "
                    f"has {ew} territorial forces).", [])
        if c.sub == "changed":
            return ("unverifiable", None, "The data gives each force's figures, not a count of the forces whose "
                    "figures rose or fell; check it against the forces' own figures.", [])
        if c.sub == "total" and (place is None or place.geography_type == "nation"):
            ew = len([p for p in self.gazetteer.forces() if p.code])
            if n in (ew, ew + 1):
                return "supported", n, f"England and Wales has {ew} territorial police forces ({ew + 1} with British " \
                    "Transport Police).", []
            if place is not None and place.name == "England and Wales":
                return ("inaccurate", ew, f"England and Wales has {ew} territorial police forces, not {n}. "
                        f"Suggested: “{ew}”.", [])
            return "unverifiable", None, f"The copy does not make clear which forces it counts ({n}).", []
        if place is not None and place.geography_type == "region":
            forces = [p for p in self.gazetteer.forces() if p.region == place.name]
            year = c.year
            with_figures = []
            if year:
                for p in forces:
                    info = self.facts.keys.get((p.name, "force", c.measure, year.label))
                    if info and info.fig["status"] != "not_available":
                        with_figures.append(p)
            detail = f"{place.name} has {len(forces)} forces"
            if year:
                detail += f"; {len(with_figures)} {'has' if len(with_figures) == 1 else 'have'} {year.label} figures in the data"
            if n == len(forces) or (with_figures and n == len(with_figures)):
                return "supported", n, detail + ".", []
            return "inaccurate", len(with_figures) or len(forces), detail + f", not {n}.", []
        if place is not None and place.geography_type == "force":
            named = {p.place for p in s.places if p.place.geography_type == "force"}
            if n == len(named) and n > 1:
                return "supported", n, f"The copy names {n} forces: {', '.join(sorted(p.name for p in named))}.", []
            return ("unverifiable", None, "The copy does not say which forces these are.", [])
        if c.year is not None and _IN_DATA.search(s.text) and (place is None or place.geography_type == "nation"):
            # "only 23 of the 43 forces have a 2018/19 figure in this data": the data's own coverage
            ew, every = self._forces_with_figures(c.year, c.measure)
            if n in (ew, every):
                where = "in England and Wales " if n == ew else ""
                return "supported", n, f"{n} forces {where}have a {c.year.label} figure in the data.", []
        headline = self._named_release_headline(c, "forces_responding", n)
        if headline is not None:
            return ("supported", n, f"{n} forces answered the {month(headline['release'])} release's request "
                    f"({headline['series'].replace('_', ' ')}, {headline['covers_year']}).", [])
        national = [o for o in s.cands if o.kind in COUNT_KINDS and o is not c and self._is_national(o) and o.key]
        if not national:
            national = [o for o in self._previous_counts(c, sentences) if self._is_national(o) and o.key][:1]
        candidates: list[tuple[int, dict | None]] = []
        release, _how = self._release_for(c, releases)
        keys = [(o.key, int(o.value)) for o in national]
        if not keys and c.year is not None:
            measure = c.measure if c.measure not in NATIONAL_ONLY else CYBER
            keys = [(k, None) for k in self._keys_for(c, measure=measure) if k in self.facts.keys]
        for key, value in keys:
            info = self.facts.keys[key]
            rel = info.as_of(release) or info.fig["release"]
            head = self.facts.headline.get((rel, key[3]))
            if head and head["forces_responding"]:
                candidates.append((head["forces_responding"], None))
            settled = info.settled(rel)
            if settled.get("forces"):
                candidates.append((settled["forces"], settled["row"]))
            for r in info.rows:
                if value is not None and r["value"] == value and r["forces_responding"] and r["release"] == rel:
                    candidates.append((r["forces_responding"], r))
        if not candidates and c.year is None:
            # no year: any release of the series whose request this many forces answered
            for r in reversed(self.facts.release_rows):
                if r["forces_responding"] == n and (("sexual_communication" in r["series"]) == (c.family == "scwc")):
                    return ("supported", n, f"{n} forces answered the {month(r['release'])} release's request "
                            f"({r['series'].replace('_', ' ')}, {r['covers_year']}). (The copy gives no year; this is "
                            "the release that fits.)", [])
        if not candidates:
            return ("unverifiable", None, "The data does not say how many forces supplied the figure this refers to.", [])
        if _SUBSET.search(s.text):
            # "the 41 forces that answered in both 2016/17 and 2020/21": the like-for-like count, if a source gives it
            like = [(f, r) for key, _ in keys for r in self.facts.keys[key].rows if r.get("forces_responding")
                    and re.search(r"like[- ]for[- ]like|both\s+years", r.get("note") or "", re.I)
                    for f in [_like_for_like_forces(r)] if f]
            if like:
                forces, row = like[0]
                where = f" ({month(row['release'])} release, {row['outlet']})"
                if any(f == n for f, _ in like):
                    return "supported", n, f"{n} forces gave figures for both years{where}.", [_source(row)]
                return ("inaccurate", forces, f"{forces} forces gave figures for both years{where}, not {n}. "
                        f"Suggested: “{forces} forces”.", [_source(row)])
            candidates = [(f, r) for f, r in candidates if r is not None] or candidates
        for forces, row in candidates:
            if forces == n:
                where = f" ({month(row['release'])} release, {row['outlet']})" if row else " (the release's headline)"
                return "supported", n, f"{n} forces supplied figures{where}.", [_source(row)] if row else []
        forces, row = candidates[0]
        where = f" ({month(row['release'])} release, {row['outlet']})" if row else " (the release's headline)"
        if _SUBSET.search(s.text):
            # "the 37 forces that gave figures for both years": a like-for-like subset, not the headline count
            return ("unverifiable", None, f"{forces} forces supplied the figures{where}; the copy counts a subset "
                    f"(forces with figures for both years, say), which the data does not record.",
                    [_source(row)] if row else [])
        return ("inaccurate", forces, f"{forces} forces supplied the figures{where}, not {n}"
                + (": not all of them" if c.sub == "all" else "") + f". Suggested: “{forces} forces”.",
                [_source(row)] if row else [])

    # pairs: the copy's own figures, else the data ----------------------------------------------------
