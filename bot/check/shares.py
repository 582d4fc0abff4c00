"""Checks of shares and rates: a part of a whole, so many a day, so many per head."""

from __future__ import annotations

from decimal import Decimal

import re

from ..numbers import round_half_up, thousands
from ..years import FinancialYear

from .model import COUNT_KINDS, D, NATIONAL_ONLY, PER_DAY, _Cand
from .patterns import _BREAKDOWN_WORDS, _SHARE_TOTAL
from .relations import _clause_of
from .wording import _pt, _source
from .words import _rate_of, fits


def _rate_fits(c: _Cand, rate: Decimal) -> bool:
    """A stated rate against the computed one: with the printed precision's rounding, and for small exact
    rates ("one every hour", "two a day") within a fifth as well, since rounding 0.65 up to "one" is a
    50% overstatement, not a rounding."""
    if not fits(c.value, rate, c.qual, c.decimals, approx=D("0.1")):
        return False
    return c.qual != "exact" or c.value > 5 or abs(rate - c.value) <= c.value * D("0.2")


class ShareChecks:
    """Part of Checker (bot/check/checker.py): checks of shares and rates: a part of a whole, so many a day, so many per head."""

    def _check_share(self, c: _Cand, releases: dict, sentences) -> tuple:
        s = c.sent
        text = s.text
        back = self._share_pointing_back(c, sentences)
        if back and not _BREAKDOWN_WORDS.search(text):
            return self._share_verdict(c, *back)
        written = self._of_pair(c, sentences) if not re.match(r"\s*(?:\(\d[^)]*\)\s*)?of\b", text[c.end:], re.I) else None
        if written and not _BREAKDOWN_WORDS.search(text):
            return self._share_verdict(c, *written)
        part_place = None
        for p in s.places:
            if p.end <= c.nstart:
                part_place = p.place
        whole_cands = [o for o in s.cands if o.kind in COUNT_KINDS and o.nstart > c.nend and o.value is not None]
        earlier_part = None
        if part_place is None:
            # "That was almost half of the 576 recorded across Wales": this sentence names only the whole, so the
            # part is the figure the previous sentence gave (for a place other than the whole's, same year first)
            whole0 = whole_cands[0] if whole_cands else None
            prev = [o for o in self._previous_counts(c, sentences, any_place=True)
                    if o.sent.para == s.para and o.sent.index == s.index - 1 and o.place is not None
                    and (whole0 is None or (o.place != whole0.place and o.value <= whole0.value))]
            prev.sort(key=lambda o: whole0 is not None and whole0.year is not None and o.year != whole0.year)
            if prev:
                earlier_part, part_place = prev[0], prev[0].place
        if part_place is None:
            named_after = [p.place for p in s.places if p.start >= c.nend]
            if c.place_how == "context":
                part_place = c.place
            elif s.places and not (whole_cands and named_after and named_after[0] == s.places[0].place):
                part_place = s.places[0].place
        breakdown = _BREAKDOWN_WORDS.search(text) and not re.search(r"accounted|total|region|force", text, re.I)
        if part_place is None or breakdown:
            what = _BREAKDOWN_WORDS.search(text)
            detail = f" (“{what.group(0)}”)" if what else ""
            return ("unverifiable", None, f"The data has no breakdown to check this share against{detail}: it holds "
                    "totals by force, region and nation.", [])
        year = c.year
        part = None
        whole_year = whole_cands[0].year if whole_cands else None
        mine = [o for o in s.cands if o.kind in COUNT_KINDS and o.place == part_place and o is not c
                and o.nstart < c.nstart and o.value is not None and o.sub != "other"]
        mine.sort(key=lambda o: (whole_year is not None and o.year != whole_year, o.nstart))
        if mine:
            part = {"value": int(mine[0].value), "cand": mine[0], "year": mine[0].year}
        summed = [o for o in s.cands if o.kind == "total" and o.sub == "places" and o.nstart < c.nstart
                  and o.value is not None and _clause_of(text, o.nstart) == _clause_of(text, c.nstart)]
        if summed:
            # "Gwent and South Wales together recorded 443, more than three-quarters of ...": the part is the sum
            part = {"value": int(summed[-1].value), "cand": summed[-1], "year": summed[-1].year}
        if part is None and earlier_part is not None:
            part = {"value": int(earlier_part.value), "cand": earlier_part, "year": earlier_part.year}
        if part is None:
            for o in self._previous_counts(c, sentences, any_place=True):
                if o.place == part_place:
                    part = {"value": int(o.value), "cand": o, "year": o.year}
                    break
        whole = None
        if whole_cands:
            w = whole_cands[0]
            whole = {"value": int(w.value), "cand": w, "year": w.year}
            year = year or w.year
        if part is None and year is not None:
            fake = _Cand("count", s, 0, 0, 0, 0, None, place=part_place, measure=c.measure)
            part = self._data_value(fake, year, releases)
        if whole is None:
            whole_place = None
            if part_place.geography_type == "force":
                if _SHARE_TOTAL.search(text[c.nend:]) or re.search(r"\bwelsh\b", text[c.nend:], re.I):
                    region = part_place.region
                    if re.search(r"\bnational\b|country", text[c.nend:], re.I):
                        whole_place = self._national
                    elif region:
                        whole_place = self.gazetteer.places.get((region, "region"))
            for p in s.places:
                if p.start > c.nend and p.place != part_place and _clause_of(text, p.start) == _clause_of(text, c.nstart):
                    whole_place = p.place
                    break
            if whole_place is None and part is not None:
                # "The Welsh total was 576, so the force accounted for more than a third": a bigger figure for
                # another place earlier in the sentence is the whole
                for o in s.cands:
                    if o.kind in COUNT_KINDS and o.nstart < c.nstart and o.value is not None and o.sub != "other" \
                            and o.place is not None and o.place != part_place and o.value >= part["value"]:
                        whole = {"value": int(o.value), "cand": o, "year": o.year}
                        break
            if whole_place is None and whole is None:
                for o in self._previous_counts(c, sentences, any_place=True):
                    if o.place is not None and o.place != part_place:
                        whole = {"value": int(o.value), "cand": o, "year": o.year}
                        break
            yr = year or (part["year"] if part else None)
            if whole is None and whole_place is not None and yr is not None:
                fake = _Cand("count", s, 0, 0, 0, 0, None, place=whole_place, measure=c.measure)
                whole = self._data_value(fake, yr, releases, same_release_as=part)
        if part is not None and whole is not None and part.get("cand") is None and whole.get("year") is not None \
                and part.get("year") != whole["year"]:
            # the data supplied the part: it is for the whole's year ("1,742 in 2019/20, ... with Lancashire
            # accounting for almost a quarter of the total"), not another year the sentence names
            fake = _Cand("count", s, 0, 0, 0, 0, None, place=part_place, measure=c.measure)
            part = self._data_value(fake, whole["year"], releases, same_release_as=whole)
        if part is None or whole is None or not whole["value"]:
            return ("unverifiable", None, "The copy does not give the figure and the total this share is of, and the "
                    "data could not supply both.", [])
        if whole["value"] < part["value"]:
            # a share above 100% means the wrong two figures were read, not that the copy is wrong
            return ("unverifiable", None, f"Could not tell which total this share is of ({thousands(part['value'])} "
                    f"is more than {thousands(whole['value'])}).", [])
        return self._share_verdict(c, part, whole)

    def _share_verdict(self, c: _Cand, part: dict, whole: dict) -> tuple:
        share = D(part["value"]) / D(whole["value"])
        actual = float(round_half_up(share * 100, 1))
        src = self._pair_sources((part, whole))
        words = f"{thousands(part['value'])} of {thousands(whole['value'])} is {round_half_up(share * 100, 1)}%"
        pct = c.extra.get("pct")
        if pct is not None and c.extra.get("pct_decimals") is not None:
            ok = fits(pct, share * 100, c.qual, c.extra["pct_decimals"])
        else:
            ok = self._fraction_fits(c.value, share, c.qual)
            if ok and pct is not None:
                ok = fits(pct, share * 100, "exact", 0)
        if ok:
            return "supported", actual, words + ".", src
        return "inaccurate", actual, words + f", so “{c.text}” is wrong. Suggested: “{round_half_up(share * 100, 0)}%”.", src

    # rates -------------------------------------------------------------------------------------------
    def _check_rate(self, c: _Cand, releases: dict, sentences) -> tuple:
        if c.sub == "population":
            return self._check_per_head(c, releases, sentences)
        total = None
        year = c.year
        for o in [o for o in c.sent.cands if o.kind in COUNT_KINDS and o.key] + \
                 [o for o in self._previous_counts(c, sentences) if o.key]:
            if (year is None or o.year == year) and (c.place is None or o.place == c.place or c.place_how == "context") \
                    and o.measure not in NATIONAL_ONLY:  # "185 offences against children aged ten and under" is no total
                info = self.facts.keys[o.key]
                release, _ = self._release_for(o, releases)
                rel = info.as_of(release) or info.fig["release"]
                settled = info.settled(rel)
                if settled["value"] is not None:
                    total = {"value": int(settled["value"]), "row": settled["row"], "year": o.year}
                    year = o.year
                    break
        if total is None and year is not None:
            fake = _Cand("count", c.sent, 0, 0, 0, 0, None, place=c.place, measure=c.measure)
            total = self._data_value(fake, year, releases)
        if total is None and (year is None or c.year_how in ("latest", "relative", "inferred", "context")):
            fitted = self._rate_in_some_year(c, releases)
            if fitted is not None:
                return fitted
        if total is None or year is None:
            return ("unverifiable", None, "The copy does not say which year's total this rate comes from, and the "
                    "data has none for it.", [])
        unit = c.sub or "day"
        if c.place_how == "context" and c.place is not None:
            # The place came only from an earlier sentence: the copy may as well mean the whole country
            # ("police are recording an average of 15 a day"). Read it whichever way the figure fits.
            national = self._national_rate(c, year, releases, unit)
            if national is not None:
                return national
        rate, actual, words = _rate_of(total["value"], year, unit)
        src = [_source(total["row"])] if total.get("row") else []
        if _rate_fits(c, rate):
            return "supported", actual, words + ".", src
        stated = self._stated_per_day(c, year, unit)
        if stated:
            return ("supported", actual, words + f"; {stated[0]['outlet']} states {stated[0]['value']} a day.",
                    src + [_source(stated[0])])
        suggestion = round_half_up(rate, 0) if rate >= 1 else round_half_up(rate, 1)
        if c.place_how == "context":
            return ("unverifiable", actual, f"The copy does not name the place this rate is for; read as "
                    f"{self._name(c)}: {words}, which does not fit “{c.text}”, nor does the national figure.", src)
        if rate >= 1:
            better = f"about {suggestion} a{'n' if unit == 'hour' else ''} {unit}"
        elif unit == "hour":
            better = f"one every {round_half_up(60 / rate, 0)} minutes"
        else:
            better = f"one every {round_half_up(1 / rate, 1)} {unit}s"
        return "inaccurate", actual, words + f", not “{c.text}”. Suggested: “{better}”.", src

    def _rate_in_some_year(self, c: _Cand, releases: dict) -> tuple | None:
        """'The latest figures show an average of 15 a day', no year given: the release under discussion's
        year, else the year whose total (or stated daily average) fits. Only ever a support: with no year
        named, a rate that fits no year is unverifiable, not wrong."""
        unit = c.sub or "day"
        release, _ = self._release_for(c, releases)
        covered = self.facts.covers.get((release, c.family)) if release else None
        if covered:
            years = [covered]
        elif c.place is not None and c.place.geography_type != "nation":
            years = list(reversed(self.facts.years_for(c.place, c.measure)))
        else:  # nationally: every year some national total (or stated daily average) exists for
            years = sorted({k[3] for k in self.facts.keys if k[1] == "nation" and k[2] in (c.measure, PER_DAY)},
                           reverse=True)
        for label in years:
            year = FinancialYear.from_label(label)
            fake = _Cand("count", c.sent, 0, 0, 0, 0, None, place=c.place, measure=c.measure)
            total = self._data_value(fake, year, releases)
            stated = self._stated_per_day(c, year, unit)
            if total is not None:
                rate, actual, words = _rate_of(total["value"], year, unit)
                if _rate_fits(c, rate) or stated:
                    extra = f"; {stated[0]['outlet']} states {stated[0]['value']} a day" if stated else ""
                    return ("supported", actual, f"{words}{extra} (the copy gives no year; read as {year.label}, "
                            "the year that fits).", [_source(total["row"])] if total.get("row") else [])
        return None

    def _national_rate(self, c: _Cand, year: FinancialYear, releases: dict, unit: str) -> tuple | None:
        """A rate that fits the national total (or the rate a release stated) for the year, or None."""
        fake = _Cand("count", c.sent, 0, 0, 0, 0, None, place=None, measure=c.measure)
        total = self._data_value(fake, year, releases)
        stated = self._stated_per_day(c, year, unit)
        if total is not None:
            rate, actual, words = _rate_of(total["value"], year, unit)
            words = "Nationally, " + words
            src = [_source(total["row"])] if total.get("row") else []
            if _rate_fits(c, rate):
                return "supported", actual, words + ".", src
            if stated:
                return ("supported", actual, words + f"; {stated[0]['outlet']} states {stated[0]['value']} a day.",
                        src + [_source(stated[0])])
            return None
        if not stated:
            return None
        return ("supported", float(stated[0]["value"]),
                f"Nationally, {stated[0]['outlet']} states {stated[0]['value']} a day in {year.label}.", [_source(stated[0])])

    def _stated_per_day(self, c: _Cand, year: FinancialYear, unit: str) -> list[dict]:
        """The rows where a release itself stated c's figure as its average a day for the year."""
        return [r for r in self.facts.reports if r["measure"] == PER_DAY and r["year"] == year.label
                and r["value"] == int(c.value) and unit == "day"]

    def _check_population(self, c: _Cand, releases: dict, sentences) -> tuple:
        """'a population of 633,500': the data's populations are the ONS mid-2018 estimates rates use."""
        place = self._place_for(c)
        if not place.population:
            return "unverifiable", None, f"The data has no population figure for {self._name(c)}.", []
        words = f"{self.answerer.name(place)}'s ONS mid-2018 population estimate is {thousands(place.population)}"
        if fits(c.value, D(place.population), c.qual, c.decimals):
            return "supported", place.population, words + ".", []
        return ("unverifiable", None, words + f"; “{c.text}” may be another year's estimate, which the data does not "
                "hold.", [])

    def _check_per_head(self, c: _Cand, releases: dict, sentences) -> tuple:
        """'12 per 100,000 residents' against the ONS mid-2018 population; the data has no child population."""
        who = c.extra.get("who", "")
        if re.search(r"child|young|under-18", who):
            return ("unverifiable", None, "The data has no child population figures to work out a rate per child "
                    "(its populations are ONS mid-2018 estimates for all ages).", [])
        place = self._place_for(c)
        per = c.extra.get("per")
        point = None
        for o in [o for o in c.sent.cands if o.kind in COUNT_KINDS and o.key] + \
                 [o for o in self._previous_counts(c, sentences) if o.key]:
            if (o.place == c.place or c.place is None) and (c.year is None or o.year is None or o.year == c.year):
                # the year's own figure: "Rate 2016/17: 25.5 per 100,000" after figures for two years
                point = _pt(o)
                place = self._place_for(o)
                break
        if point is None and c.year is not None:
            point = self._data_value(c, c.year, releases)
        if point is None or not per or not place.population:
            return ("unverifiable", None, "The copy does not give a figure and a year the data has a population "
                    "for, so the rate cannot be worked out.", [])
        rate = D(point["value"]) * D(per) / D(place.population)
        places = max(c.decimals, 1)
        words = (f"{thousands(point['value'])} against {self.answerer.name(place)}'s ONS mid-2018 population of "
                 f"{thousands(place.population)} is {round_half_up(rate, places)} per {thousands(int(per))}")
        src = self._pair_sources([point])
        if fits(c.value, rate, c.qual, c.decimals):
            return "supported", float(round_half_up(rate, places)), words + ".", src
        return ("inaccurate", float(round_half_up(rate, places)), words + f", not “{c.text}”.", src)

    # differences, totals, periods ---------------------------------------------------------------------
