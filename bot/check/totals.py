"""Checks of differences, totals over years or places, comparisons between places and 'the only one'."""

from __future__ import annotations


from ..answer import month
from ..numbers import thousands
from ..places import Place
from ..years import FinancialYear

from .model import COUNT_KINDS, D, _Cand, _Sentence
from .relations import _clause_of
from .wording import _pt, _source, _words, _years
from .words import fits


class TotalChecks:
    """Part of Checker (bot/check/checker.py): checks of differences, totals over years or places, comparisons between places and 'the only one'."""

    def _check_difference(self, c: _Cand, releases: dict, sentences) -> tuple:
        pair = self._pair(c, sentences, releases)
        if pair is None:
            return self._no_pair(c)
        old, new = pair
        src = self._pair_sources(pair)
        d = new["value"] - old["value"]
        words = (f"{thousands(new['value'])} − {thousands(old['value'])} = "
                 f"{'+' if d > 0 else '−' if d < 0 else ''}{thousands(abs(d))}")
        direction_ok = c.direction == 0 or (c.direction > 0) == (d > 0) or d == 0
        subject = [p for p in (old, new) if p.get("cand") is not None and p["cand"].sent is c.sent
                   and p["cand"].nstart < c.nstart]
        if c.extra.get("than") and len(subject) == 1:
            # "10,391 in 2019/20, 649 more than in 2020/21": more than the "than" side, whatever the years' order
            other = new if subject[0] is old else old
            direction_ok = c.direction == 0 or (c.direction > 0) == (subject[0]["value"] > other["value"]) or d == 0
        if direction_ok and fits(c.value, D(abs(d)), c.qual, c.decimals):
            return "supported", abs(d), words + ".", src
        for point, which in ((old, "old"), (new, "new")):
            # a level the copy does not give was read from the data; another release's figure for that year may be
            # the one the copy used: a later release's revision ("an extra 40 on 2015/16" against PSNI's 138 of
            # 2020), or what stood for that year when a release that printed the copy's own figure came out ("a
            # rise of 39 since 2015": 178 was the June 2017 release's, and 139 then stood for 2015/16). A figure
            # a later release revised away is not the like-for-like base of a figure only that release printed.
            if point.get("cand") is not None or not point.get("key") or point["key"] not in self.facts.keys:
                continue
            info = self.facts.keys[point["key"]]
            used = (point.get("row") or {}).get("release") or ""
            given = new if which == "old" else old
            given_key = given.get("key") or (given["cand"].key if given.get("cand") is not None else None)
            beside = sorted({r["release"] for r in self.facts.keys[given_key].rows if r["value"] == given["value"]}
                            if given_key in self.facts.keys else [])
            options = [(r["value"], r) for r in info.rows if r["release"] > used and r["value"] is not None]
            for release in beside:
                then = info.as_of(release)
                settled = info.settled(then) if then else None
                if settled and settled["value"] is not None and settled.get("row"):
                    options.append((settled["value"], settled["row"]))
            for v, r in options:
                if v == point["value"]:
                    continue
                d2 = (new["value"] - v) if which == "old" else (v - old["value"])
                if direction_ok and fits(c.value, D(abs(d2)), c.qual, c.decimals):
                    return ("supported", abs(d2), f"{words}; with {thousands(v)} ({month(r['release'])} release, "
                            f"{r['outlet']}) for the year the copy does not give a figure for, it is {thousands(abs(d2))}.",
                            src + [_source(r)])
        more = "more" if d > 0 else "fewer"
        return ("inaccurate", abs(d), words + f", not “{c.text}”. Suggested: “{thousands(abs(d))} {more}”.", src)

    def _check_total(self, c: _Cand, releases: dict, sentences) -> tuple:
        s = c.sent
        value = int(c.value)
        parts: list[dict] = []
        if c.sub == "places":
            pool = [o for o in s.cands if o.kind in COUNT_KINDS and o is not c and o.value is not None]
            if len(pool) < 2 and s.index:
                prev = sentences[s.index - 1]
                if prev.para == s.para:
                    pool = [o for o in prev.cands if o.kind in COUNT_KINDS and o.value is not None
                            and (o.place is None or o.place.geography_type == "force")]
                if len(pool) < 2:
                    pool = self._listed_counts(s, sentences) or pool
            parts = [_pt(o) for o in pool if c.year is None or o.year is None or o.year == c.year]
            mine = _clause_of(s.text, c.nstart)
            named = list(dict.fromkeys(p.place for p in s.places if _clause_of(s.text, p.start) == mine))
            if len(parts) < 2 and len(named) >= 2 and c.year is not None:
                # "Between them, Kent and Sussex recorded 548 in 2018/19": the places named, summed for the year
                parts = []
                for place in named:
                    fake = _Cand("count", s, 0, 0, 0, 0, None, place=place, measure=c.measure)
                    point = self._data_value(fake, c.year, releases)
                    if point is None:
                        return ("unverifiable", None, f"The data has no {self.answerer.name(place)} figure for "
                                f"{c.year.label}, so the combined figure cannot be checked.", [])
                    parts.append(point)
                latest = [self.facts.keys[p["key"]].fig["value"] for p in parts]
                if sum(p["value"] for p in parts) != value and None not in latest and sum(latest) == value:
                    # the latest release's figures add up: the copy is quoting them
                    parts = [dict(p, value=v, row=self.facts.keys[p["key"]].settled(
                        self.facts.keys[p["key"]].fig["release"])["row"]) for p, v in zip(parts, latest)]
        else:
            pair = self._pair(c, sentences, releases)
            n = c.extra.get("n")
            if pair is not None and (n in (None, 2)):
                parts = list(pair)
            elif n:
                end = c.year
                if end is None:
                    release, _ = self._release_for(c, releases)
                    covered = self.facts.covers.get((release, c.family)) if release else None
                    end = FinancialYear.from_label(covered) if covered else None
                if end is None:
                    return self._total_window(c, int(n), releases)
                stated = self._other_period(c, int(c.value), years=int(n))
                if stated is not None:
                    return stated
                for k in range(int(n)):
                    v = self._data_value(c, FinancialYear(end.start - k), releases)
                    if v is None:
                        return ("unverifiable", None, f"The data has no {self._name(c)} figure for "
                                f"{FinancialYear(end.start - k).label}, so the {_words(int(n))}-year total cannot be "
                                "checked.", [])
                    parts.append(v)
        region_ok = None
        if c.place is not None and c.place.geography_type in ("region", "nation") and c.year is not None:
            o = self._resolve_count(c, releases)
            if o["status"] in ("match", "earlier", "misprint", "wrong", "later"):
                region_ok = o
        if len(parts) >= 2 and any(p["value"] > value for p in parts) and not fits(D(value), D(sum(p["value"] for p in parts)), c.qual):
            # A total smaller than one of its own parts means the wrong figures were taken as its parts
            # ("Kent (490) and Sussex (58) recorded 548"): say nothing rather than cry wolf.
            return ("unverifiable", None, f"It is not clear which figures {thousands(value)} adds up.", [])
        if len(parts) >= 2:
            total = sum(p["value"] for p in parts)
            src = self._pair_sources(parts)
            words = " + ".join(thousands(p["value"]) for p in parts) + f" = {thousands(total)}"
            if fits(D(value), D(total), c.qual):
                if region_ok and region_ok["status"] == "match" and region_ok.get("row"):
                    src.append(_source(region_ok["row"]))
                return "supported", total, words + ".", src
            if region_ok and region_ok["status"] == "match":
                row = region_ok["row"]
                return ("supported", value, f"{self._name(c, region_ok['key'])}: {thousands(value)} in "
                        f"{region_ok['key'][3]} ({month(row['release'])} release, {row['outlet']}); the figures listed "
                        f"add up to {thousands(total)}.", [_source(row)] + src)
            return "inaccurate", total, words + f", not {thousands(value)}. Suggested: “{thousands(total)}”.", src
        if region_ok is not None:
            return self._check_count(c, releases, sentences)
        return ("unverifiable", None, "The copy does not give the figures this total adds up, and the data "
                "could not supply them.", [])

    @staticmethod
    def _listed_counts(s, sentences) -> list:
        """The figures of the list just above a total ("Gwent Police: 59" lines): one force's count per line."""
        out = []
        for prev in reversed(sentences[:s.index]):
            counts = [o for o in prev.cands if o.kind in COUNT_KINDS and o.value is not None]
            if prev.para != s.para or len(counts) != 1 or counts[0].place is None or \
                    counts[0].place.geography_type != "force":
                break
            out.insert(0, counts[0])
        return out if len(out) >= 2 else []

    def _total_window(self, c: _Cand, n: int, releases: dict) -> tuple:
        """'424 offences in two years' with no years given: a total a release stated for such a span, else the
        run of years, if any, it adds up to."""
        stated = self._other_period(c, int(c.value), years=n)
        if stated is not None:
            return stated
        place = self._place_for(c)
        labels = self.facts.years_for(place, c.measure)
        starts = sorted(FinancialYear.from_label(y).start for y in labels)
        for first in starts:
            window = [FinancialYear(first + k) for k in range(n)]
            points = [self._data_value(c, y, releases) for y in window]
            if all(points) and fits(c.value, D(sum(p["value"] for p in points)), c.qual):
                words = " + ".join(thousands(p["value"]) for p in points)
                return ("supported", int(c.value), f"{words} = {thousands(int(c.value))}: {self._name(c)}, "
                        f"{window[0].label} to {window[-1].label} (the copy does not say which years).",
                        self._pair_sources(points))
        return ("unverifiable", None, f"The copy does not say which {_words(n)} years, and no run of {_words(n)} "
                f"years of {self._name(c)} figures adds up to {thousands(int(c.value))}.", [])

    def _check_comparison(self, c: _Cand, releases: dict, sentences) -> tuple:
        if c.sub == "places":
            return self._check_place_comparison(c, releases)
        if c.sub == "only":
            return self._check_only_one(c, sentences)
        pair = self._pair(c, sentences, releases)
        n = int(c.value)
        if pair is None or pair[0].get("year") is None or pair[1].get("year") is None:
            if c.extra.get("soft"):
                c.extra["drop"] = True  # "in a year" with no years to hold it to is wording, not a claim
            return ("unverifiable", None, "The copy does not say which two years this spans.", [])
        old, new = pair
        if old["year"] == new["year"]:
            # "rose by 88 per cent in four years to 648 in 2018/19": the copy names one end only
            return ("unverifiable", None, f"The copy names only {new['year'].label}, not the year the "
                    f"{_words(n)}-year span starts from.", [])
        gap = abs(new["year"].start - old["year"].start)
        span = f"{old['year'].label} to {new['year'].label}"
        inclusive = gap + 1
        ok = n == gap or n == inclusive  # "doubled in four years" for 2015/16 to 2018/19 counts both ends
        if ok:
            return "supported", gap, f"{span} is {_years(gap)} apart.", []
        guessed = [p["cand"] for p in pair if p.get("cand") is not None and p["cand"].year_how == "inferred"]
        if guessed:
            # the copy gave no year for a figure and one was read from the data: too weak to call the span wrong
            return ("unverifiable", None, f"The copy does not give the year of {thousands(int(guessed[0].value))}; "
                    f"read as {guessed[0].year.label}, the span would be {_years(gap)}.", [])
        return ("inaccurate", gap, f"{span} is {_years(gap)} apart ({_words(inclusive)} financial years), "
                f"not {_words(n)}. Suggested: “in {_years(gap)}”.", [])


    def _check_only_one(self, c: _Cand, sentences: list[_Sentence]) -> tuple:
        """'Staffordshire was the only one of the three forces to see a fall': against the from-to pairs the
        paragraph writes out, one per force. Judged only when the copy gives a pair for every force it counts;
        otherwise the figures are not in the copy and the claim is left unverifiable."""
        s = c.sent
        changes: dict[Place, int] = {}
        for t in sentences[:s.index + 1]:
            if t.para != s.para:
                continue
            for old, new in t.pairs:
                if old.place is not None and old.place == new.place and old.place.geography_type == "force":
                    changes[old.place] = (new.value > old.value) - (new.value < old.value)
        subject = [p.place for p in s.places if p.end <= c.nstart]
        subject = subject[-1] if subject else (c.place if c.place_how == "context" else None)
        n = c.extra.get("n")
        if subject is None or subject not in changes or (n is not None and len(changes) != n) or len(changes) < 2:
            return ("unverifiable", None, "The copy does not give before-and-after figures for every force this "
                    "compares, so “only” cannot be checked.", [])
        word = "a fall" if c.direction < 0 else "a rise"
        listed = "; ".join(f"{self.answerer.name(p)} {'up' if d > 0 else 'down' if d < 0 else 'unchanged'}"
                           for p, d in changes.items())
        alike = [p for p, d in changes.items() if d == c.direction]
        if alike == [subject]:
            return "supported", 1, f"From the copy's own figures: {listed}.", []
        if subject not in alike:
            why = f"{self.answerer.name(subject)} did not see {word}"
        else:
            why = "also " + ", ".join(self.answerer.name(p) for p in alike if p != subject)
        return "inaccurate", len(alike), f"From the copy's own figures: {listed}; {why}.", []

    def _check_place_comparison(self, c: _Cand, releases: dict) -> tuple:
        """More/fewer than another place in one year, both figures from the data (never a guessed year)."""
        other: Place = c.extra["compared"]
        if c.place is None or c.place.geography_type != other.geography_type:
            return ("unverifiable", None, f"The copy does not say clearly which place is compared with "
                    f"{self.answerer.name(other)}.", [])
        s = c.sent
        year = None
        mine = [o for o in s.cands if o.kind in COUNT_KINDS and o.nstart < c.nstart and o.place == c.place
                and o.year is not None]
        if mine:
            year = mine[-1].year
        else:
            named = {y.year for y in s.years if y.year is not None and y.kind in ("fy", "calendar")}
            if len(named) == 1:
                year = named.pop()
        if year is None:
            return ("unverifiable", None, "The copy does not say which year this comparison is for.", [])
        points = []
        for place in (c.place, other):
            fake = _Cand("count", s, 0, 0, 0, 0, None, place=place, measure=c.measure)
            point = self._data_value(fake, year, releases)
            if point is None:
                return ("unverifiable", None, f"The data has no {self.answerer.name(place)} figure for {year.label} "
                        "to compare.", [])
            points.append(point)
        mine_v, other_v = points[0]["value"], points[1]["value"]
        words = (f"{self.answerer.name(c.place)}: {thousands(mine_v)}, {self.answerer.name(other)}: "
                 f"{thousands(other_v)} in {year.label}")
        src = self._pair_sources(points)
        holds = mine_v > other_v if c.direction > 0 else mine_v < other_v
        latest = [self.facts.keys[p["key"]].fig["value"] for p in points]
        if not holds and None not in latest and (latest[0] > latest[1] if c.direction > 0 else latest[0] < latest[1]):
            # a later release revised one of them: the copy may be quoting it, so this is no proof of a slip
            return ("supported", latest[0] - latest[1], words + f" in the release the copy's figures come from; the "
                    f"latest figures ({thousands(latest[0])} and {thousands(latest[1])}) bear it out.", src)
        if holds:
            return "supported", mine_v - other_v, words + ".", src
        right = "more" if mine_v > other_v else ("fewer" if mine_v < other_v else "the same number as")
        return ("inaccurate", mine_v - other_v, words + f", so “{c.text}” is wrong: it recorded {right}"
                f"{'' if right.startswith('the') else ' than'} {self.answerer.name(other)}.", src)
