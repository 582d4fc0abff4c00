"""Context: the place, measure and year each claim is about, and the release the copy discusses."""

from __future__ import annotations

from collections import defaultdict
import re

from ..parse import MEASURE_WORDS
from ..places import Place
from ..years import FinancialYear

from .model import AGE_10, AT_COMMON_AGE, COUNT_KINDS, CYBER, SCWC, NATIONAL_ONLY, UNDER_10, _Cand, _Sentence, _YearSpan
from .patterns import _LINK_BREAK, _PASSIVE
from .relations import _CLAUSE_BREAK, _PLACE_COMPARE, _POINTS_BACK, _REGION_WHOLE, _WELSH_WHOLE, _clause_of, _respective_places
from .recorded import PREFIX, mark_nspcc_copy
from .words import CYBER_WORDS, WORD_RE, _SOFT_CYBER

_LIST_ITEM = re.compile(r"[^:.;]{2,60}:\s*[\d,.]+(?:\s|\(|\.?$)")

_THE_FORCE = re.compile(r"\W*(?:(?:and|but|while)\s+)?(?:the\s+(?:force|constabulary|county['’]s\s+force|same\s+force)|"
                        r"it|they)\b(?!['’])", re.I)
_ALL_OFFENCES = re.compile(r"\b(?:overall|in\s+all|in\s+total|altogether|all\s+told)\b", re.I)


class ContextStage:
    """Part of Checker (bot/check/checker.py): context: the place, measure and year each claim is about, and the release the copy discusses."""

    # -- resolution -------------------------------------------------------------------------------
    def _resolve(self, sentences: list[_Sentence]) -> None:
        context_place: Place | None = None
        last_figure_place: Place | None = None
        context_measure: tuple[str, int] | None = None
        mark_nspcc_copy(sentences)
        for s in sentences:
            if s.measure is None and _SOFT_CYBER.search(s.text):
                soft = (CYBER, -1)  # "online child sex offences": the cyber-flag series unless told otherwise
            else:
                soft = None
            here = context_place
            if last_figure_place is not None and _POINTS_BACK.match(s.text):
                here = last_figure_place  # "That was eight times the 26 ...": about the figure just given
            for c in s.cands:
                self._bind_place(s, c, here)
                self._bind_measure(s, c, soft or context_measure)
            for old, new in s.pairs:
                # "from 26 to 214 in South Wales": the place written after the pair is both figures' place
                hows = {old.place_how, new.place_how}
                if "after" in hows and len(hows) > 1:
                    lead = old if old.place_how == "after" else new
                    for o in (old, new):
                        o.place, o.place_how = lead.place, "after"
            _respective_places(s)
            figures = [c for c in s.cands if c.kind in COUNT_KINDS and c.place is not None and c.sub != "other"]
            last_figure_place = figures[-1].place if figures else (None if s.places else last_figure_place)
            if s.places and not _LIST_ITEM.match(s.text):
                # a "Gwent Police: 59" line of a list is an item under the heading, not the new subject
                context_place = s.places[0].place
            if s.measure and not _LIST_ITEM.match(s.text):
                context_measure = (s.measure, s.para)
            elif soft:
                context_measure = (CYBER, -1)
        self._bind_years(sentences)
        for c in (c for s in sentences for c in s.cands):
            if c.measure.startswith("communicating_indecently"):
                # Scotland's series by age: "with a child under 13", "aged 13 to 15"
                text = c.sent.text[c.nend:c.nend + 60] + " " + c.sent.text[max(0, c.start - 90):c.start]
                band = "_under_13" if re.search(r"\bunder\s+13\b", text, re.I) else \
                    "_13_15" if re.search(r"\b13\s*(?:-|–|to)\s*15\b", text, re.I) else ""
                if band and c.measure + band in self.facts.only_place:
                    c.measure = c.measure + band
            only = self.facts.only_place.get(c.measure)
            if only is not None and (c.place is None or c.place_how in ("national", "context")):
                c.place, c.place_how = self.gazetteer.get(*only), "measure"
            if c.measure == SCWC and c.year is not None and c.year.start < 2017:
                # sexual communication with a child became an offence in April 2017: "grooming" in a sentence
                # about 2015/16 describes the cyber-flagged offences
                c.measure, c.measure_explicit = CYBER, False

    def _bind_place(self, s: _Sentence, c: _Cand, context: Place | None) -> None:
        text = s.text
        if c.kind == "comparison" and c.sub == "places":
            mine = _clause_of(text, c.nstart)
            compared = {o.extra.get("compared_start") for o in s.cands if o.sub == "places"}
            subject = [p.place for p in s.places if p.end <= c.nstart and p.place != c.extra["compared"]
                       and _clause_of(text, p.start) == mine and p.start not in compared]
            others = {p.place for p in s.places} - {c.extra["compared"]}
            if subject:
                c.place, c.place_how = subject[-1], "before"
            elif not others and context is not None and context != c.extra["compared"]:
                c.place, c.place_how = context, "context"  # "It recorded more than Sussex": the paragraph's subject
            else:
                c.place, c.place_how = None, "unknown"
            return
        # a name right after the figure: "296 across Wales", "1,493 offences recorded across Yorkshire"
        nxt = min([o.nstart for o in s.cands if o.nstart > c.nend] + [len(text)])
        if re.match(r"[^.;,\d]{0,40}?\b(?:nationally|across\s+the\s+country|in\s+the\s+country\s+as\s+a\s+whole)\b",
                    text[c.nend:nxt], re.I):
            c.place, c.place_how = None, "after"  # "more than 3,100 recorded nationally"
            return
        listed = self._region_with_its_forces(s, c)
        if listed is not None:
            c.place, c.place_how = listed, "before"  # "all four forces across Wales - Dyfed-Powys, ... - show 554"
            return
        for p in s.places:
            if c.nend <= p.start < nxt and p.start - c.nend <= 45:
                between = text[c.nend:p.start]
                if re.search(r"\b(?:across|by|in|throughout|for)\s+(?:the\s+)?$", between, re.I) and \
                        not re.search(r"[,;]|\band\b|\d", between) and c.kind != "forces":
                    c.place, c.place_how = p.place, "after"
                    return
        before = [p for p in s.places if p.end <= c.nstart]
        # "735 in 2019/20, more than neighbouring Sussex and up from 490": a place after "than" is what the
        # subject is compared with, not the subject of the figures that follow (unless it is "Sussex's 58")
        objects = [p for p in before if _PLACE_COMPARE.search(text[max(0, p.start - 90):p.start])
                   and not re.fullmatch(r"(?:['’]s?)?\s+(?:figure\s+of\s+|total\s+of\s+)?|(?:\s+police)?,?\s+(?:which|who|"
                                        r"whose|where|with)\b[^,;]{0,40}", text[p.end:c.nstart], re.I)]
        if objects and len(objects) < len(before):
            before = [p for p in before if p not in objects]
        force = before[-1].place if before else context
        if force is not None and force.geography_type == "force" and force.region and \
                (re.match(r"[^,;.\d]{0,40}?\b(?:across|in|for|throughout)\s+the\s+(?:wider\s+)?region\b", text[c.nend:], re.I)
                 or _REGION_WHOLE.search(text[max(0, c.start - 45):c.start])):
            # "258 across the region", "59 of the region's 258": the force's region, not the force
            region = self.gazetteer.places.get((force.region, "region"))
            if region is not None:
                c.place, c.place_how = region, "after"
                return
        clause_start = max([m.end() for m in _CLAUSE_BREAK.finditer(text[:c.nstart])] + [0])
        # "The region recorded 1,493" / "Across the region, 1,493 ...": the region as the clause's subject only
        # ("West Yorkshire had the highest figure in the region, at 721" is West Yorkshire's)
        region_word = re.match(r"\W*(?:(?:and|but|while|whereas)\s+)?(?:(?:police|forces|officers)\s+)?(?:(?:across|in|"
                               r"throughout)\s+)?the\s+(?:wider\s+)?region\b(?!['’])", text[clause_start:c.nstart], re.I)
        if region_word and not any(clause_start + region_word.end() <= p.start < c.nstart for p in s.places):
            if context is not None and context.geography_type == "region":
                c.place, c.place_how = context, "context"  # the region the paragraph is about
                return
            forces = [p.place for p in s.places if p.place.geography_type == "force"] or \
                ([context] if context is not None and context.geography_type == "force" else [])
            region = self.gazetteer.places.get((forces[0].region, "region")) if forces and forces[0].region else None
            if region is not None:
                c.place, c.place_how = region, "after"  # "The region recorded 1,493 ..., West Yorkshire 721"
                return
        if _WELSH_WHOLE.search(text[max(0, c.start - 40):c.start]):
            wales = self.gazetteer.places.get(("Wales", "region"))
            if wales is not None:
                c.place, c.place_how = wales, "after"  # "the Welsh total was 576"
                return
        if context is not None and not before and _THE_FORCE.match(text[clause_start:c.nstart]):
            c.place, c.place_how = context, "context"  # "The force logged 95 ..., ahead of Durham with 88"
            return
        # the place named in the figure's own clause first ("..., while 214 were logged by South Wales Police"),
        # then the sentence's, then the paragraph's subject
        mine = _clause_of(text, c.nstart)
        same = [p for p in s.places if _clause_of(text, p.start) == mine]
        if before and before[-1] in same:
            c.place, c.place_how = before[-1].place, "before"
            return
        later = [p for p in same if p.start >= c.nend]
        if later and re.fullmatch(r"[^,;]{0,60}?\b(?:in|by|for|across|at|from)\s+(?:the\s+|its\s+|neighbouring\s+)?",
                                  text[c.nend:later[0].start], re.I):
            c.place, c.place_how = later[0].place, "after"
            return
        if before:
            c.place, c.place_how = before[-1].place, "before"
            return
        if s.places and not same and context is not None:
            c.place, c.place_how = context, "context"  # the only names are in another clause: "..., while Gwent's"
            return
        if s.places and c.kind not in COUNT_KINDS + ("total",):
            c.place, c.place_how = s.places[0].place, "sentence"
            return
        if s.places:
            after = [p for p in s.places if p.start >= c.nend]
            c.place, c.place_how = after[0].place, "sentence"
            return
        if context is not None:
            c.place, c.place_how = context, "context"
            return
        c.place, c.place_how = None, "national"

    def _region_with_its_forces(self, s: _Sentence, c: _Cand) -> Place | None:
        """A region named before the figure and followed only by a list of its own forces (two or more): the
        figure is the region's, not the last force's in the list."""
        before = [p for p in s.places if p.end <= c.nstart]
        regions = [i for i, p in enumerate(before) if p.place.geography_type == "region"]
        if not regions:
            return None
        region = before[regions[-1]]
        forces = before[regions[-1] + 1:]
        spans = [region] + forces
        listed = all(re.fullmatch(r"\s*(?:[-–—,:(]\s*)?(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", s.text[a.end:b.start], re.I)
                     for a, b in zip(spans, spans[1:]))
        if len(forces) >= 2 and listed and all(p.place.region == region.place.name for p in forces) and \
                not re.search(r"[.;]", s.text[forces[-1].end:c.nstart]):
            return region.place
        return None

    def _bind_measure(self, s: _Sentence, c: _Cand, context: tuple[str, int] | None) -> None:
        recorded = self._recorded_group(s, c)  # police recorded crime, when imported and the words say so
        if recorded:
            c.measure, c.measure_explicit = PREFIX + recorded, True
            return
        text = s.text
        nxt = min([o.nstart for o in s.cands if o.nstart > c.nend] + [len(text)])
        local = text[c.nend:min(nxt, c.nend + 80)]
        if c.kind in COUNT_KINDS:
            if re.search(r"\bagainst\s+(?:children\s+|victims\s+)?(?:aged\s+)?(?:10|ten)\s+(?:or|and)\s+(?:under|younger)|"
                         r"\baged\s+(?:10|ten)\s+(?:or|and)\s+(?:under|younger)", local, re.I):
                c.measure, c.measure_explicit = AGE_10, True
                return
            if re.search(r"\b(?:victims|children)\s+(?:were\s+|was\s+)?(?:aged\s+)?under\s+(?:10|ten)\b", local, re.I):
                c.measure, c.measure_explicit = UNDER_10, True
                return
            if re.search(r"\bagainst\s+(?:children\s+aged\s+)?(?:\d+|" + WORD_RE + r")(?:-year-olds|\s+year\s+olds)",
                         local, re.I):
                c.measure, c.measure_explicit = AT_COMMON_AGE, True
                return
            if re.match(r"\s+(?:offences|victims|children|cases)\s+(?:of|at|aged)\s+(?:that|this|the\s+same)\s+age\b",
                        local, re.I):
                c.measure, c.measure_explicit = AT_COMMON_AGE, True  # "with 535 victims of that age"
                return
            if _ALL_OFFENCES.search(text[:c.nstart]) and not CYBER_WORDS.search(text) and any(
                    CYBER_WORDS.search(o.text) for o in c.sent.paragraph[:c.sent.paragraph.index(c.sent)]
                    if c.sent in c.sent.paragraph):
                # "..., 65 with an online element ... Overall, the force recorded 702": all child sex offences
                c.sub, c.extra["noun"] = "other", "all child sexual offences, online or not"
                return
            if re.search(r"\bmost\s+common\s+age\b[^.;()]{0,40}\(\s*$", text[max(0, c.nstart - 70):c.nstart], re.I):
                # "13 was the most common age of the victim (257)": the offences at that age
                c.measure, c.measure_explicit = AT_COMMON_AGE, True
                return
        for pattern, measure in MEASURE_WORDS:
            if pattern.search(local):
                c.measure, c.measure_explicit = measure, True
                return
        if CYBER_WORDS.search(local) and re.search(r"cyber|online\s+element", local, re.I):
            c.measure, c.measure_explicit = CYBER, True
            return
        if s.measure:
            c.measure, c.measure_explicit = s.measure, True
            return
        if re.search(r"cyber[- ]?flag|online\s+element", text, re.I):
            c.measure, c.measure_explicit = CYBER, True
            return
        if context:
            # the same paragraph's measure binds; an earlier paragraph's is a first guess
            c.measure, c.measure_explicit = context[0], context[1] == s.para
            return
        c.measure, c.measure_explicit = CYBER, False

    def _bind_years(self, sentences: list[_Sentence]) -> None:
        """Years for every claim: the year written after it, else one just before it, else the sentence's
        year before it (a comparison base when another figure for the same place owns that year), else the
        paragraph's last year, else one later in the sentence."""
        context_year: FinancialYear | None = None
        context_para = -1
        for s in sentences:
            counts = [c for c in s.cands if c.kind in COUNT_KINDS or c.kind in ("rate", "age", "forces", "total")]
            owner: dict[int, _Cand] = {}
            # a year written after a figure is its year only up to the next figure or change claim ("490, an
            # extra 427 on 2015/16": 2015/16 is the difference's base, not the year of 490)
            stops = counts + [o for o in s.cands if o.kind in ("difference", "percent_change", "multiple")]
            for c in s.cands:
                if c.kind == "comparison":
                    continue
                nxt = min([o.nstart for o in stops if o.nstart > c.nend] + [len(s.text)])
                after = [y for y in s.years if c.nend <= y.start < nxt and y.start - c.nend <= 70
                         and y.kind in ("fy", "relative", "latest", "calendar")
                         and not _LINK_BREAK.search(_PASSIVE.sub(" ", s.text[c.end:y.start]))]
                if after:
                    self._set_year(c, after[0], s, context_year)
                    owner.setdefault(id(after[0]), c)
                    continue
                near_before = [y for y in s.years if y.end <= c.nstart and c.nstart - y.end <= 12
                               and y.kind in ("fy", "relative", "calendar")
                               and not _LINK_BREAK.search(s.text[y.end:c.start])]
                if near_before:
                    self._set_year(c, near_before[-1], s, context_year)
                    continue
            for c in s.cands:
                if c.kind == "comparison" or c.year_how:
                    continue
                before = [y for y in s.years if y.end <= c.nstart and y.kind in ("fy", "calendar", "relative")]
                if before and before[-1].kind == "relative":
                    self._set_year(c, before[-1], s, context_year)  # "The year before, it recorded 56"
                    continue
                if before:
                    y = before[-1]
                    other = owner.get(id(y))
                    if other is not None and other is not c and c.kind in COUNT_KINDS and other.kind in COUNT_KINDS \
                            and other.place == c.place and other.measure == c.measure:
                        c.year, c.year_how, c.extra["anchor"] = None, "paired", y.year
                        continue
                    c.year, c.year_how = y.year, "sentence"
                    continue
                if any(y.kind == "latest" for y in s.years if y.end <= c.nstart):
                    c.year, c.year_how = None, "latest"
                    continue
                if context_year is not None:
                    c.year, c.year_how = context_year, "context"
                    continue
                later = [y for y in s.years if y.year is not None]
                if later:
                    c.year, c.year_how = later[0].year, "sentence"
            self._range_years(s)
            # the year the sentence is about: its figures' years, not the base of a change ("an extra 38 on 2015/16")
            owned = {c.extra.get("year_span") for c in s.cands if c.kind in COUNT_KINDS + ("total", "rate", "age")}
            base = {c.extra.get("year_span") for c in s.cands if c.kind not in COUNT_KINDS + ("total", "rate", "age")}
            base -= owned
            years_here = [c.year for c in s.cands if c.year is not None and c.year_how in ("explicit", "relative", "calendar")
                          and c.extra.get("year_span") not in base - {None}]
            explicit = [y.year for y in s.years if y.year is not None and (y.start, y.end) not in base]
            latest = max(years_here) if years_here else (max(explicit) if explicit else None)
            if latest is not None:
                # the paragraph's latest year so far: "That is almost four times the 59 it recorded in 2015/16"
                # looks back, it does not move the story's year back to 2015/16
                same_para = context_year is not None and context_para == s.para
                context_year = max(context_year, latest) if same_para else latest
                context_para = s.para

    def _set_year(self, c: _Cand, y: _YearSpan, s: _Sentence, context_year: FinancialYear | None) -> None:
        if y.kind == "relative":
            c.rel_offset = y.offset
            anchor = self._anchor(s, c, y, context_year)
            if anchor is not None:
                c.year, c.year_how = FinancialYear(anchor.start + y.offset), "relative"
            else:
                c.year, c.year_how = None, "relative"
            return
        if y.kind == "latest":
            c.year, c.year_how = None, "latest"
            return
        c.year, c.year_how = y.year, ("calendar" if y.kind == "calendar" else "explicit")
        c.extra["year_span"] = (y.start, y.end)

    @staticmethod
    def _range_years(s: _Sentence) -> None:
        """'rose from 59 to 229 between 2015/16 and 2018/19': a written pair takes the two ends of a year range
        (old the first, new the second) unless its figures carry years of their own. Without this the year
        after the new figure ("214 between 2015/16") was read as its year."""
        ys = [y for y in s.years if y.year is not None and y.kind in ("fy", "calendar")]
        ranges = [(y1, y2) for y1, y2 in zip(ys, ys[1:]) if y1.year < y2.year
                  and re.fullmatch(r"\s*(?:and|to|-|–|until|through)\s*", s.text[y1.end:y2.start], re.I)]
        if not ranges or not s.pairs:
            return
        in_range = {(y.start, y.end) for r in ranges for y in r}
        for old, new in s.pairs:
            if any(o.year_how in ("explicit", "calendar", "relative") and o.extra.get("year_span") not in in_range
                   for o in (old, new)):
                continue
            mid = (old.nstart + new.nstart) // 2
            y1, y2 = min(ranges, key=lambda r: abs(r[0].start - mid))
            old.year, old.year_how = y1.year, "sentence"
            new.year, new.year_how = y2.year, "sentence"

    def _anchor(self, s: _Sentence, c: _Cand, y: _YearSpan, context_year: FinancialYear | None) -> FinancialYear | None:
        earlier = [o for o in s.cands if o.nstart < c.nstart and o.year is not None and o.year_how in ("explicit", "calendar")]
        if earlier:
            return earlier[-1].year
        explicit = [x for x in s.years if x.year is not None and x is not y]
        if explicit:
            before = [x for x in explicit if x.start < y.start]
            return (before[-1] if before else explicit[0]).year
        return context_year

    # -- the release under discussion --------------------------------------------------------------
    def _releases_under_discussion(self, sentences: list[_Sentence], cands: list[_Cand]) -> dict:
        """Per paragraph and family: the release the copy says it reports, else the earliest consistent with
        every figure quoted (a figure cannot be quoted before its release was published)."""
        inferred: dict[str, str] = {}
        for c in cands:
            if c.kind not in COUNT_KINDS or c.value is None or c.measure in NATIONAL_ONLY:
                continue
            first = None
            for key in self._keys_for(c):
                info = self.facts.keys.get(key)
                if info is None:
                    continue
                r = info.first_release_with(int(c.value)) if c.qual == "exact" and c.decimals == 0 else None
                if r and (first is None or r < first):
                    first = r
            if first and first > inferred.get(c.family, ""):
                inferred[c.family] = first
        hints: dict[int, list[tuple[int, str, bool]]] = defaultdict(list)
        for s in sentences:
            if s.hint or s.first_figures:
                hints[s.para].append((s.index, s.hint, s.first_figures))
        out = {"inferred": inferred, "hints": hints}
        return out

    def _release_for(self, c: _Cand, releases: dict) -> tuple[str | None, str]:
        para_hints = releases["hints"].get(c.sent.para, [])
        chosen = None
        for index, hint, first in para_hints:
            if index <= c.sent.index or chosen is None:
                chosen = (hint, first)
        own = c.sent.hint_spans
        if own:
            # "the June 2016 release gave 296; the latest release (June 2019) gives 258": each figure is the
            # release named before it in its sentence (the first one named, for a figure before any)
            before = [h for pos, h in own if pos < c.nstart]
            chosen = (before[-1] if before else own[0][1], chosen[1] if chosen else False)
        if chosen:
            hint, first = chosen
            family = self.facts.family_releases.get(c.family, [])
            if hint:
                limit = hint if len(hint) == 7 else f"{hint}-12"
                options = [r for r in family if r <= limit and (len(hint) == 7 or r.startswith(hint))]
                if options:
                    return options[-1], "said"
            if first and family:
                return family[0], "said"
        inferred = releases["inferred"].get(c.family)
        return inferred, "inferred" if inferred else ""
