"""Verdicts: dispatch each claim to its check, and read again before any ❌ (a confident reading only)."""

from __future__ import annotations

import re

from ..numbers import round_half_up, thousands
from ..places import Place
from ..years import FinancialYear

from .model import COUNT_KINDS, CYBER, Claim, NATIONAL_ONLY, SCWC, _Cand, _Sentence
from .text import _MULTI_YEAR
from .wording import _source, _unique
from .words import OFFENCE_NOUN, _OTHER_SUBJECT, _num


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
        handler = getattr(self, "_check_" + c.kind)
        verdict, actual, explanation, sources = handler(c, releases, sentences)
        if verdict == "inaccurate":
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
        c.result = Claim(c.text, self._kind(c), self._claimed(c), actual, verdict, explanation,
                         _unique(sources))

    def _second_reading(self, c: _Cand, releases: dict, verdict: tuple) -> tuple:
        """Before a ❌: readings the copy's words leave open. A figure in a sentence about a span of years may
        be its total; a year read from "last year" may be the neighbouring one. Either way it is no proof."""
        if c.kind in COUNT_KINDS + ("rate",) and _MULTI_YEAR.search(c.sent.text):
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
        said = " ".join(s.text for s in c.sent.paragraph[:c.sent.paragraph.index(c.sent) + 1]) if c.sent in c.sent.paragraph else c.sent.text
        if c.measure == SCWC and re.search(r"\bonline\s+(?:offen[cs]es|crimes|sex)|\bcyber|\binternet", said, re.I):
            return [SCWC, CYBER, "online_grooming_offences"]  # "427 grooming and online offences": either series
        if c.measure in NATIONAL_ONLY:
            return [c.measure]
        if c.measure == SCWC and c.measure_explicit:
            return [SCWC, "online_grooming_offences"]
        if c.measure_explicit:
            return [c.measure]
        return [c.measure] + [m for m in (CYBER, SCWC, "online_grooming_offences", "online_offences_platform_known",
                                           "communicating_indecently_with_a_child") if m != c.measure]

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
