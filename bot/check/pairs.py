"""Candidates for changes: which two figures (the copy's own, or the data's) a change word compares."""

from __future__ import annotations

import re

from ..years import FinancialYear

from .model import COUNT_KINDS, _Cand, _Sentence
from .patterns import _YEAR_ON_YEAR
from .relations import CHANGE_KINDS, _OBJECT_GAP, _POINTS_BACK, _RESPECTIVELY, _VERSUS, _clause_of
from .wording import _pt, _source
from .words import number_value

_PART_OF = re.compile(r"\s+of\s+(?:them|those|these|that|this)\b", re.I)


class PairFinding:
    """Part of Checker (bot/check/checker.py): candidates for changes: which two figures (the copy's own, or the data's) a change word compares."""

    def _pair(self, c: _Cand, sentences: list[_Sentence], releases: dict):
        """_find_pair, noting on c where its two figures came from (the copy, the data, or one of each): a
        verdict's confidence depends on it."""
        pair = self._find_pair(c, sentences, releases)
        if pair is not None:
            supplied = sum(p.get("cand") is None for p in pair)
            c.extra["pair_from"] = ("copy", "mixed", "data")[supplied]
        return pair

    def _find_pair(self, c: _Cand, sentences: list[_Sentence], releases: dict):
        """(old, new) for a change claim, each {value, year, cand, row, key}: the copy's own figures in the
        sentence, then the ones before it, then the data for the years the sentence names; None if none fit."""
        s = c.sent
        if c.kind == "fraction" and c.sub == "share":
            return None
        own = [o for o in s.cands if o.kind in COUNT_KINDS and o is not c and o.value is not None and o.qual == "exact"
               and o.sub != "other" and not _PART_OF.match(s.text[o.end:])  # "186 of them" is a part, not a level
               and not re.search(r"\bout\s+of\s+(?:the\s+|a\s+total\s+of\s+)?$", s.text[max(0, o.start - 25):o.start], re.I)]
        written = self._written_pair(c)
        if written is not None:
            return self._order(written[0], written[1], s)
        versus = self._versus_place(c, own, releases)
        if versus is not None:
            return versus
        against_year = self._multiple_of_a_year(c, own, releases)
        if against_year is not None:
            return against_year
        if _POINTS_BACK.match(s.text) and own:
            # "That is a rise of 50 per cent, and more than 11 times the 63 ...": each clause of a sentence that
            # points back to the figure just given compares that figure with what its own clause names
            mine = _clause_of(s.text, c.nstart)
            own = [o for o in own if _clause_of(s.text, o.nstart) == mine]
        if len(own) > 2 and c.kind == "multiple":
            # "369 in 2018/19, three times the 121 of 2017/18 and more than double the 183 of 2016/17": a multiple
            # written against a figure ("double the 183") compares the sentence's subject figure with that one
            objects = {id(o) for o in own for m in s.cands
                       if m.kind == "multiple" and m.end <= o.start and _OBJECT_GAP.fullmatch(s.text[m.end:o.start])}
            mine = [o for o in own if o.start >= c.end and _OBJECT_GAP.fullmatch(s.text[c.end:o.start])]
            subject = [o for o in own if o.nend <= c.nstart and id(o) not in objects]
            if mine and subject:
                return _pt(mine[0]), _pt(subject[-1])  # the multiple is subject / object
        if len(own) == 2 and c.kind in ("percent_change", "difference") and c.place is not None and \
                own[0].place != own[1].place and sum(o.place == c.place for o in own) == 1 and self._relative_offset(c):
            # "509 in 2018/19, a 36 per cent rise on the year before, while Cleveland recorded 310": a rise on
            # another year is the place's own, not a comparison with the other place in the sentence
            own = [o for o in own if o.place == c.place]
        if len(own) > 2:
            same = [o for o in own if c.place is not None and o.place == c.place]
            pool = same if len(same) >= 2 else own
            own = sorted(pool, key=lambda o: abs(o.nstart - c.nstart))[:2]
            own.sort(key=lambda o: o.nstart)
        if len(own) == 2:
            return self._order(own[0], own[1], s)
        points = [_pt(o) for o in own]
        base = own[0] if own else None
        # a year the sentence names that none of its own figures owns ("490, an extra 427 on 2015/16") is the
        # comparison's base: a figure from an earlier sentence for some other year is not
        unowned = {y.year for y in s.years if y.kind in ("fy", "calendar") and y.year is not None} - \
            {p["year"] for p in points}
        previous = self._previous_counts(c, sentences)
        if base is not None and base.year is not None and previous and all(o.year is not None for o in previous):
            # "... 735 in 2019/20, up from 490. That is 11 times the 63 of 2015/16": the copy's own older figure
            # is compared with the latest one before it
            previous.sort(key=lambda o: o.year, reverse=True)
        offset = self._relative_offset(c)
        for o in previous:
            if len(points) >= 2:
                break
            if base is not None and not self._same_place(o, base):
                continue
            if unowned and (own or len(unowned) >= 2) and o.year is not None and o.year not in unowned:
                # a sentence naming the two years it compares ("2016/17 to 2018/19: up 186") compares those
                continue
            if offset and o.sent.para != s.para and base is not None and base.year is not None and \
                    o.year is not None and abs(o.year.start - base.year.start) != abs(offset):
                # "an extra 1,156 on the previous year" after a paragraph about another year: a figure from an
                # earlier paragraph is the other end only if it is a year apart (in its own paragraph the copy's
                # figures rule, even when its "in a year" is the slip)
                continue
            if any(p["year"] is not None and p["year"] == o.year for p in points):
                continue
            if any(p["cand"] is o for p in points):
                continue
            points.append(_pt(o))
            base = base or o
        if not points:
            # a lede's "more than doubled" before the figures: the next sentences' figures for the same place
            ahead = self._next_counts(c, sentences)
            if len(ahead) >= 2:
                a, b = _pt(ahead[0]), _pt(ahead[1])
                if a["year"] is not None and b["year"] is not None and a["year"] != b["year"]:
                    return (a, b) if a["year"] < b["year"] else (b, a)
        if len(points) < 2:
            like = base or c
            wanted = [y.year for y in s.years if y.year is not None and y.year not in {p["year"] for p in points}]
            # "a rise of 39 since 2015": the base is the year starting in 2015
            wanted += [FinancialYear(y.calendar_year) for y in s.years if y.kind == "bare" and y.calendar_year and
                       re.search(r"\bsince\s+$", s.text[max(0, y.start - 7):y.start], re.I)]
            if base is not None and base.year is not None:
                if base.rel_offset:  # the copy's figure is the older one ("the 152 recorded five years earlier")
                    wanted.append(FinancialYear(base.year.start - base.rel_offset))
                elif offset:
                    wanted.append(FinancialYear(base.year.start + offset))
                elif span := self._period_years(c):
                    # "rose by 88 per cent in four years to 648 in 2018/19": four years back, or three when the
                    # copy counts both ends
                    wanted += [FinancialYear(base.year.start - span), FinancialYear(base.year.start - span + 1)]
                elif not wanted and c.kind in ("percent_change", "multiple", "fraction", "difference") and \
                        self._from_difference(c, points) is None:
                    # "up 44 per cent" with nothing to compare: newsroom usage means on the year before
                    wanted.append(FinancialYear(base.year.start - 1))
                    c.extra["assumed"] = True
            for year in wanted:
                if len(points) >= 2:
                    break
                point = self._data_value(like, year, releases)
                if point is not None:
                    points.append(point)
            if len(points) == 1:
                derived = self._from_difference(c, points)
                if derived is not None:
                    points.append(derived)
        if len(points) < 2:
            return None
        a, b = points[0], points[1]
        if a["year"] is not None and b["year"] is not None and a["year"] != b["year"]:
            return (a, b) if a["year"] < b["year"] else (b, a)
        if a["cand"] is not None and b["cand"] is not None and a["cand"].sent is not b["cand"].sent:
            earlier, later = (a, b) if a["cand"].sent.index < b["cand"].sent.index else (b, a)
            return earlier, later
        return b, a

    def _versus_place(self, c: _Cand, own: list[_Cand], releases: dict):
        """'Kent ... had more than eight times as many as Sussex', '432 more offences than Sussex in 2018/19': a
        multiple or difference taken against another place in the same year. The subject's figure is the copy's
        (else the data's), the other place's is the data's; None unless both places and the year are plain."""
        if c.kind not in ("multiple", "difference"):
            return None
        s = c.sent
        m = _VERSUS.match(s.text, c.end)
        if not m:
            return None
        other = next((p for p in s.places if p.start == m.end()), None)
        if other is None or other.place.geography_type == "nation":
            return None
        subject = [o for o in own if o.nend <= c.nstart and o.place is not None and o.place != other.place]
        subject_place = subject[-1].place if subject else c.place
        if subject_place is None or subject_place == other.place or \
                subject_place.geography_type != other.place.geography_type:
            return None
        year = subject[-1].year if subject and subject[-1].year is not None else None
        if year is None:
            named = {y.year for y in s.years if y.year is not None and y.kind in ("fy", "calendar")}
            year = named.pop() if len(named) == 1 else None
        if year is None:
            return None
        given = [o for o in own if o.nstart > c.nend and o.place == other.place]  # "North Wales Police's 53"
        if given:
            theirs = _pt(given[0])
        else:
            like = _Cand("count", s, 0, 0, 0, 0, None, place=other.place, measure=c.measure)
            theirs = self._data_value(like, year, releases)
        if subject:
            mine = _pt(subject[-1])
        else:
            like = _Cand("count", s, 0, 0, 0, 0, None, place=subject_place, measure=c.measure)
            mine = self._data_value(like, year, releases)
        if theirs is None or mine is None:
            return None
        return theirs, mine  # the claim is the subject against the other place: "old" is the other place

    @staticmethod
    def _from_difference(c: _Cand, points: list[dict]) -> dict | None:
        """The old level implied by the copy's own difference: "721 in 2018/19, an extra 427 on 2015/16 - a rise
        of 145 per cent" has old = 721 - 427 = 294 even when the data lacks 2015/16. Only for the sentence's
        other change claims (a difference is never checked against itself), and only with one level known."""
        if c.kind == "difference" or len(points) != 1 or points[0]["cand"] is None:
            return None
        new = points[0]
        for d in c.sent.cands:
            if d.kind == "difference" and d is not c and d.value is not None and d.qual == "exact" and d.direction:
                old = new["value"] - int(d.value) * d.direction
                if old > 0:
                    return {"value": old, "year": None, "cand": None, "row": None, "key": None, "derived": d.text}
        return None

    @staticmethod
    def _written_pair(c: _Cand) -> tuple | None:
        """The from-to pair in c's sentence that a change claim is about, when the sentence writes one out.

        "..., almost quadrupling and an eight-fold increase respectively": the k-th change claim after the pairs
        takes the k-th pair. Otherwise the nearest pair before the claim in its own clause, else the nearest
        after it in its clause ("nearly doubled, from 119 to 226"), else the nearest before it in the sentence.
        With a single pair and only those two figures nothing changes from reading the sentence's two figures."""
        s = c.sent
        pairs = s.pairs
        if not pairs:
            return None
        if len(pairs) > 1 and _RESPECTIVELY.search(s.text):
            last_end = max(max(p[0].nend, p[1].nend) for p in pairs)
            ordered = sorted(pairs, key=lambda p: min(p[0].nstart, p[1].nstart))
            after = [o for o in s.cands if o.nstart >= last_end and
                     (o.kind in CHANGE_KINDS or (o.kind == "fraction" and o.sub == "change"))]
            for claims in (after, [o for o in after if o.kind == c.kind and o.sub == c.sub]):
                if c in claims and len(claims) == len(ordered):
                    return ordered[claims.index(c)]

        def clause(pos: int) -> int:
            return _clause_of(s.text, pos)

        def span(p):
            return min(p[0].nstart, p[1].nstart), max(p[0].nend, p[1].nend)

        mine = clause(c.nstart)
        changes = [o for o in s.cands if o is not c and (o.kind in CHANGE_KINDS or (o.kind == "fraction" and o.sub == "change"))]
        # "rose 163 per cent from 55 to 145 and in North Yorkshire, they rose 29 per cent, from 81 to 105": a
        # pair written straight after another change claim is that claim's
        before = [p for p in pairs if span(p)[1] <= c.nstart and
                  not any(0 <= span(p)[0] - o.end <= 12 for o in changes)]
        after = [p for p in pairs if span(p)[0] >= c.nend]
        for group, pick in (([p for p in before if clause(span(p)[0]) == mine], max),
                            ([p for p in after if clause(span(p)[0]) == mine], min),
                            (before, max)):
            if group:
                key = (lambda p: span(p)[1]) if pick is max else (lambda p: span(p)[0])
                return pick(group, key=key)
        return None

    def _multiple_of_a_year(self, c: _Cand, own: list[_Cand], releases: dict):
        """'124 ... – almost five times as many as in the offence's first year, though down on the 128 of the
        year before': the multiple's object is the year it names, not the sentence's other figure."""
        if c.kind != "multiple":
            return None
        m = re.match(r"\s+as\s+(?:many|much|high)(?:\s+[\w-]+){0,2}?\s+as\s+(?:in|during|for)\s+", c.sent.text[c.end:], re.I)
        if not m:
            return None
        at = c.end + m.end()
        year = next((y.year for y in c.sent.years if y.year is not None and abs(y.start - at) <= 4), None)
        subject = [o for o in own if o.nend <= c.nstart and o.year is not None]
        if year is None or not subject:
            return None
        new = _pt(subject[-1])
        old = self._data_value(subject[-1], year, releases, same_release_as=new)
        return (old, new) if old is not None else None

    @staticmethod
    def _period_years(c: _Cand) -> int | None:
        """The N of "in N years" / "over N years" in c's sentence, if any."""
        for m in c.sent.periods.values():
            if m.group("unit").lower().startswith("year"):
                n = number_value(m.group("n"))
                if n and 2 <= n[0] <= 20:
                    return int(n[0])
        return None

    def _relative_offset(self, c: _Cand) -> int | None:
        s = c.sent
        for y in s.years:
            if y.kind == "relative" and y.start >= c.nstart - 5 and y.start - c.end <= 40:
                return y.offset
        if _YEAR_ON_YEAR.search(s.text):
            return -1
        return None

    def _previous_counts(self, c: _Cand, sentences: list[_Sentence], any_place: bool = False) -> list[_Cand]:
        out = []
        for s in reversed(sentences[:c.sent.index]):
            if s.para != c.sent.para and out:
                break
            for o in reversed(s.cands):
                if o.kind in COUNT_KINDS and o.value is not None and o.qual == "exact" and o.sub != "other" and (any_place or
                        c.place is None or o.place is None or o.place == c.place or c.place_how == "context"):
                    out.append(o)
            if len(out) >= 2:
                break
        return out

    def _next_counts(self, c: _Cand, sentences: list[_Sentence]) -> list[_Cand]:
        for s in sentences[c.sent.index + 1:c.sent.index + 4]:
            found = [o for o in s.cands if o.kind in COUNT_KINDS and o.value is not None and o.qual == "exact"
                     and o.sub != "other" and (c.place is None or o.place == c.place)]
            if len(found) >= 2:
                return found[:2]
        return []

    @staticmethod
    def _same_place(a: _Cand, b: _Cand) -> bool:
        return a.place == b.place or a.place is None or b.place is None

    def _order(self, a: _Cand, b: _Cand, s: _Sentence, by_year_only: bool = False):
        if a.year is not None and b.year is not None and a.year != b.year:
            return (_pt(a), _pt(b)) if a.year < b.year else (_pt(b), _pt(a))
        if by_year_only:
            return _pt(a), _pt(b)
        if a.sent is s and b.sent is s:
            # "From April 2017 to September 2017 ... 126 ..., whereas between April 2018 and September 2018 ... 428":
            # figures under periods with no financial year are ordered by the calendar years written before them
            ya, yb = (re.findall(r"\b(?:19|20)\d{2}\b", s.text[:o.nstart]) for o in (a, b))
            if ya and yb and ya[-1] != yb[-1]:
                return (_pt(a), _pt(b)) if ya[-1] < yb[-1] else (_pt(b), _pt(a))
            between = s.text[a.nend:b.nstart]
            lead = s.text[max(0, a.start - 12):a.start]
            if re.search(r"\bfrom\s+$", lead, re.I) and re.search(r"\bto\b", between, re.I):
                return _pt(a), _pt(b)
        return _pt(b), _pt(a)

    def _data_value(self, like: _Cand, year: FinancialYear, releases: dict, same_release_as: dict | None = None):
        release, _ = self._release_for(like, releases)
        if same_release_as is not None:
            row = same_release_as.get("row")
            cand = same_release_as.get("cand")
            if row is None and cand is not None and cand.key in self.facts.keys:
                row = self.facts.keys[cand.key].row_with(same_release_as["value"])
            if row is not None:
                release = row["release"]
        keys = self._keys_for(like, year=year, measure=(like.key[2] if like.key else like.measure))
        for key in keys:
            info = self.facts.keys.get(key)
            if info is None:
                continue
            rel = info.as_of(release) or info.fig["release"]
            settled = info.settled(rel)
            if settled["value"] is not None:
                return {"value": int(settled["value"]), "year": year, "cand": None, "row": settled["row"], "key": key}
        return None

    def _pair_sources(self, pair) -> list[dict]:
        out = []
        for p in pair:
            row = p.get("row")
            cand = p.get("cand")
            if row is None and cand is not None and cand.result is None and cand.key:
                info = self.facts.keys.get(cand.key)
                if info:
                    row = info.row_with(int(cand.value))
            if row is None and cand is not None and cand.key:
                info = self.facts.keys.get(cand.key)
                row = info.row_with(int(cand.value)) if info else None
            if row:
                out.append(_source(row))
        return out

    def _no_pair(self, c: _Cand) -> tuple:
        return ("unverifiable", None, "The copy does not say which two figures this compares, and the data "
                "could not supply them (give both years or both figures).", [])

    # percentages -------------------------------------------------------------------------------------
