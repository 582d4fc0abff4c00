"""Verdicts: dispatch each claim to its check, and read again before any ❌ (a confident reading only)."""

from __future__ import annotations

import re

from ..answer import measure_phrase
from ..numbers import round_half_up, thousands
from ..places import Place
from ..years import FinancialYear

from .model import COUNT_KINDS, CYBER, Claim, D, NATIONAL_ONLY, SCWC, _Cand, _Sentence
from .recorded import PREFIX
from .text import _MULTI_YEAR
from .wording import _source, _unique
from .words import OFFENCE_NOUN, _OTHER_SUBJECT, _num, days_in, fits

# Below this confidence a contradiction is a question (❔ "Check this: read as …"), not a ❌. Chosen on the
# development sets (bench/confidence_threshold.py): just under the least confident real error caught there
# (0.45); no false alarm there scores above it, so nothing pushed it higher.
LOW_CONFIDENCE = 0.4
_SPAN = re.compile(r"\b(?:from|between)\s+april\s+(?P<a>(?:19|20)\d{2})\s+(?:to|and|until)\s+march\s+(?P<b>(?:19|20)\d{2})\b", re.I)
_EITHER_SERIES = re.compile(r"\bonline\s+(?:offen[cs]es|crimes|sex)|\bcyber|\binternet", re.I)
_PLACE_DOUBT = {"before": 0.0, "after": 0.0, "sentence": 0.1, "measure": 0.1, "context": 0.15, "national": 0.2,
                "unknown": 0.4}
_YEAR_DOUBT = {"explicit": 0.0, "calendar": 0.1, "sentence": 0.1, "relative": 0.15, "context": 0.15, "latest": 0.2,
               "inferred": 0.3}
_HOW_PLACE = {"before": "named", "after": "named", "sentence": "named in the sentence", "measure": "the only place "
              "with this series", "context": "from an earlier sentence", "national": "no place named: national"}
_HOW_YEAR = {"explicit": "written", "calendar": "a calendar year", "sentence": "named in the sentence",
             "relative": "relative to another year", "context": "from an earlier sentence", "latest": "the latest",
             "inferred": "inferred from the figure"}


class VerdictStage:
    """Part of Checker (bot/check/checker.py): verdicts: dispatch each claim to its check, and read again before any ❌ (a confident reading only)."""

    # -- verification ------------------------------------------------------------------------------
    def _kind(self, c: _Cand) -> str:
        if c.kind == "count" and self._is_national(c) and c.sub != "other":
            return "national_total"
        if c.kind == "forces":
            return "count"
        return c.kind

    def _is_national(self, c: _Cand) -> bool:
        return (c.place is None or c.place.geography_type == "nation") and c.measure not in NATIONAL_ONLY

    def _claimed(self, c: _Cand):
        if c.value is None:
            return c.text
        if c.kind == "fraction":
            pct = c.extra.get("pct")
            if pct is not None:
                return _num(pct)
            return float(round_half_up(c.value * 100, 1))
        if c.kind == "multiple":
            return _num(c.value)
        return _num(c.value)

    def _verify(self, c: _Cand, releases: dict, sentences: list[_Sentence]) -> None:
        subject = _OTHER_SUBJECT.search(c.sent.text)
        if c.kind in ("percent_change", "multiple", "fraction", "difference", "rate") and subject and \
                not OFFENCE_NOUN.search(c.sent.text) and not any(o.kind in COUNT_KINDS and o.sub != "other"
                                                                 for o in c.sent.cands):
            c.result = Claim(c.text, self._kind(c), self._claimed(c), None, "unverifiable",
                             f"This is about {subject.group(0).lower().strip('£')}, which the data does not hold.", [])
            return
        if c.measure.startswith(PREFIX):  # police recorded crime: its own tables and rules
            verdict, actual, explanation, sources = self._check_recorded(c, sentences)
        else:
            handler = getattr(self, "_check_" + c.kind)
            verdict, actual, explanation, sources = handler(c, releases, sentences)
        if verdict == "inaccurate" and not c.measure.startswith(PREFIX):
            verdict, actual, explanation, sources = self._second_reading(c, releases, (verdict, actual, explanation,
                                                                                      sources))
        if c.extra.get("assumed"):
            # the copy gave no base: the year before was assumed, so a mismatch proves nothing
            if verdict == "inaccurate":
                verdict = "unverifiable"
                explanation = ("The copy does not say what this compares with. Against the year before: "
                               + explanation.split(" Suggested:")[0])
            elif verdict == "supported" and "years that fit" not in explanation:
                explanation += " (Compared with the year before, which the copy implies.)"
        confidence, reading = self._confidence(c), self._reading(c)
        if verdict == "inaccurate" and confidence < self.low_confidence:
            verdict, explanation = "unverifiable", (f"Check this: read as {reading}, which does not fit: "
                                                    + explanation.split(" Suggested:")[0])
        c.result = Claim(c.text, self._kind(c), self._claimed(c), actual, verdict, explanation,
                         _unique(sources), confidence, reading)

    def _confidence(self, c: _Cand) -> float:
        """How firmly the copy's own words pin down the reading checked, 0-1: a figure whose place and year are
        written beside it, or a change between two figures the copy gives, scores high; a place carried from
        an earlier sentence, a year inferred from the figure, or figures the data had to supply score lower.
        Contradictions below LOW_CONFIDENCE are shown as questions (see bench/factcheck_eval.py)."""
        score = 1.0
        pair = c.extra.get("pair_from")
        counts = [o for o in c.sent.cands if o.kind in COUNT_KINDS and o is not c and o.sub != "other"]
        places = {p.place for p in c.sent.places}
        if pair == "copy":
            # the more figures the sentence holds, the more pairs it could mean
            score -= 0.05 + min(0.1 * max(len(counts) - 2, 0), 0.4)
        else:
            if c.kind in COUNT_KINDS and len(places) > 1:
                score -= min(0.1 * (len(places) - 1), 0.3)  # several places named: which is this figure's?
            score -= _PLACE_DOUBT.get(c.place_how, 0.2) + (_YEAR_DOUBT.get(c.year_how, 0.3) if c.year is not None or
                                                           c.kind in COUNT_KINDS else 0.1)
            score -= {"mixed": 0.15, "data": 0.3}.get(pair, 0)
        if not c.measure_explicit:
            score -= 0.05
        if c.qual != "exact":
            score -= 0.05
        return round(max(score, 0.0), 2)

    def _reading(self, c: _Cand) -> str:
        """The interpretation checked, in the reporter's terms, with how each part was found."""
        parts = [self._kind(c).replace("_", " ")]
        if c.extra.get("pair_from"):
            parts.append({"copy": "between two figures in the copy", "mixed": "between a figure in the copy and "
                          "one from the data", "data": "between two figures from the data"}[c.extra["pair_from"]])
        else:
            parts.append(f"{self._name(c)} ({_HOW_PLACE.get(c.place_how, 'assumed')})")
            if c.year is not None:
                parts.append(f"{c.year.label} ({_HOW_YEAR.get(c.year_how, 'assumed')})")
        parts.append(measure_phrase(c.measure) + ("" if c.measure_explicit else " (the default series)"))
        return " · ".join(parts)

    def _second_reading(self, c: _Cand, releases: dict, verdict: tuple) -> tuple:
        """Before a ❌: readings the copy's words leave open. A figure in a sentence about a span of years may
        be its total; a year read from "last year" may be the neighbouring one. Either way it is no proof."""
        if c.kind in COUNT_KINDS + ("rate",) and _MULTI_YEAR.search(c.sent.text):
            summed = self._span_total(c, releases)
            if summed is not None:
                return summed
            return ("unverifiable", None, "Check this: the sentence is about several years, so this may be a total "
                    "or an average over them, which the data does not hold. " + verdict[2].split(" Suggested:")[0],
                    verdict[3])
        if c.kind in COUNT_KINDS and c.year is not None and c.sent.hint is None and \
                c.year_how in ("relative", "latest", "context", "inferred"):
            for offset in (1, -1):
                year = FinancialYear(c.year.start + offset)
                fake = _Cand("count", c.sent, 0, 0, 0, 0, None, place=c.place, measure=c.measure)
                other = self._data_value(fake, year, releases)
                if other is not None and other["value"] == int(c.value):
                    return ("supported", other["value"], f"{self._name(c)}: {thousands(other['value'])} in "
                            f"{year.label}. (The copy's period was first read as {c.year.label}; this is the "
                            "neighbouring year, which fits.)", [_source(other["row"])] if other.get("row") else [])
        return verdict

    def _span_total(self, c: _Cand, releases: dict) -> tuple | None:
        """'12,925 offences from April 2017 to March 2020 (equivalent to 12 a day)': the financial years the
        span covers, summed for the place from one release, and the daily rate over its days. A support only."""
        m = _SPAN.search(c.sent.text)
        if not m or c.value is None:
            return None
        first, last = FinancialYear(int(m.group("a"))), FinancialYear(int(m.group("b")) - 1)
        if not 1 <= last.start - first.start + 1 <= 10:
            return None
        years = [FinancialYear(y) for y in range(first.start, last.start + 1)]
        for measure in self._measures_to_try(c):
            fake = _Cand("count", c.sent, 0, 0, 0, 0, None, place=c.place, measure=measure)
            end = self._data_value(fake, years[-1], releases)
            points = [self._data_value(fake, y, releases, same_release_as=end) for y in years[:-1]] + [end]
            if not all(points):
                continue
            total = sum(p["value"] for p in points)
            days = sum(days_in(y) for y in years)
            fitted = fits(c.value, D(total), c.qual) if c.kind in COUNT_KINDS else \
                c.sub == "day" and fits(c.value, D(total) / days, c.qual, c.decimals, approx=D("0.1"))
            if fitted:
                sums = " + ".join(thousands(p["value"]) for p in points)
                rate = f", {round_half_up(D(total) / days, 1)} a day over {days} days" if c.kind == "rate" else ""
                return ("supported", total if c.kind in COUNT_KINDS else float(round_half_up(D(total) / days, 1)),
                        f"{self._name(c, end['key'])}, {years[0].label} to {years[-1].label} ({measure_phrase(measure)}): "
                        f"{sums} = {thousands(total)}{rate}.", self._pair_sources(points))
        return None

    # counts ---------------------------------------------------------------------------------------
    def _place_for(self, c: _Cand) -> Place:
        return c.place if c.place is not None else self._national

    def _keys_for(self, c: _Cand, year: FinancialYear | None = None, measure: str | None = None) -> list[tuple]:
        year = year or c.year
        measure = measure or c.measure
        if year is None:
            return []
        place = self._place_for(c)
        if place.geography_type == "nation" or measure in NATIONAL_ONLY:
            names = [place.name] + [n for n in self.facts.nations if n != place.name]
            return [(n, "nation", measure, year.label) for n in names]
        return [(place.name, place.geography_type, measure, year.label)]

    def _name(self, c: _Cand, key: tuple | None = None) -> str:
        if key is not None:
            place = self.gazetteer.places.get((key[0], key[1]))
            return self.answerer.name(place) if place else key[0]
        return self.answerer.name(self._place_for(c))

    def _measures_to_try(self, c: _Cand) -> list[str]:
        if c.measure == SCWC and _EITHER_SERIES.search(self._said_so_far(c)):
            return [SCWC, CYBER, "online_grooming_offences"]  # "427 grooming and online offences": either series
        if c.measure in NATIONAL_ONLY:
            return [c.measure]
        if c.measure == SCWC and c.measure_explicit:
            return [SCWC, "online_grooming_offences"]
        if c.measure_explicit:
            return [c.measure]
        return [c.measure] + [m for m in (CYBER, SCWC, "online_grooming_offences", "online_offences_platform_known",
                                           "communicating_indecently_with_a_child") if m != c.measure]

    @staticmethod
    def _said_so_far(c: _Cand) -> str:
        """The paragraph up to and including c's sentence (where a series word may have been said)."""
        para = c.sent.paragraph
        return " ".join(s.text for s in para[:para.index(c.sent) + 1]) if c.sent in para else c.sent.text

    def _infer_year(self, c: _Cand, value: int) -> FinancialYear | None:
        """A figure with no year in the copy: the year whose figure it is (latest if several)."""
        best = None
        for measure in self._measures_to_try(c):
            place = self._place_for(c)
            names = [place.name] + ([n for n in self.facts.nations if n != place.name]
                                    if place.geography_type == "nation" or measure in NATIONAL_ONLY else [])
            for name in names:
                gtype = "nation" if (place.geography_type == "nation" or measure in NATIONAL_ONLY) else place.geography_type
                for label in self.facts.years.get((name, gtype, measure), []):
                    info = self.facts.keys[(name, gtype, measure, label)]
                    if info.has_value(value):
                        y = FinancialYear.from_label(label)
                        if best is None or y > best:
                            best = y
            if best:
                return best
        return best
