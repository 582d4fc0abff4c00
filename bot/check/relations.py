"""How a sentence relates its numbers: clauses, 'respectively', from-to pairs written as one change."""

from __future__ import annotations

import re

from .model import COUNT_KINDS, _Sentence
from .words import DIGITS_RE, DOWN_WORDS, UP_WORDS, WORD_RE


# =============================================================================================== relations
# Which figures a claim is about. Copy that names several places or pairs in one sentence is where a checker
# that takes "the two nearest numbers" cries wolf, so these patterns say how reporters tie figures together.

CHANGE_KINDS = ("percent_change", "multiple", "difference")
# Clauses end at ; : spaced dashes and ", and/but/while": a figure's place and pair are looked for in its clause.
_CLAUSE_BREAK = re.compile(r"[;:]|\s[—–]\s|,\s+(?:and|but|while|whereas)\b|\b(?:while|whereas)\b", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# One change written as two figures, read between two neighbouring counts a and b (`lead` is the text before a).
_PAIR_FROM_TO = re.compile(r"[^;:]{0,60}?\bto\s+(?:just\s+|only\s+|a\s+record\s+)?", re.I)  # from a ... to b
_PAIR_TO_FROM = re.compile(r"[^;:]{0,60}?\bfrom\s+(?:just\s+|only\s+|the\s+)?", re.I)  # to a ... from b
_PAIR_UP_FROM = re.compile(r"[^;:]{0,70}?(?:\b(?:up|down|rising|falling|increas\w*|decreas\w*|ris\w*|rose|fell|"
                           r"jump\w*|climb\w*|compared)\s+(?:from|with|to|on)|\bagainst|\bversus|\bvs\.?)\s+"
                           r"(?:the\s+|just\s+|only\s+)?", re.I)  # a, up from b
# What sits between a multiple and the figure it is taken against: "three times the 121", "double that of".
_OBJECT_GAP = re.compile(r"\s+(?:as\s+(?:many|much|high)\s+as\s+|that\s+of\s+)?(?:the\s+)?(?:figure\s+of\s+|total\s+of\s+)?"
                         r"(?:[A-Z][\w'’-]*\s+){0,3}?", re.I)
# A multiple or difference taken against another place: "eight times as many as Sussex", "432 more than Sussex".
_VERSUS = re.compile(r"(?:\s+(?!than\b|as\b)[a-z-]+){0,3}?\s+(?:as\s+(?:many|much|high)\s+as|than)\s+(?:(?:its|the)\s+)?"
                     r"(?:neighbou?ring\s+|nearby\s+)?(?:in\s+|at\s+|by\s+)?", re.I)
# A sentence opening on the figure just given ("That was ...", "The latter ...") is about that figure.
_POINTS_BACK = re.compile(r"\s*(?:that|this|the\s+latter)\s+(?:was|is|represents|represented|figure|number|total|"
                          r"marked|meant|means)\b", re.I)
# Shares: "59 of the region's 258 — nearly a quarter —" (X of Y before a fraction set off by a dash or comma),
# "721 of them" / "almost half of that" (the whole is the figure just given), "the region's 258", "the Welsh total".
_OF_WHOLE = re.compile(rf"\b{DIGITS_RE}\s+(?:offences\s+|crimes\s+|cases\s+)?(?:out\s+)?of\s+(?:(?:the\s+|all\s+|its\s+|"
                       rf"their\s+|[\w.'’ -]{{1,40}}['’]s?\s+)?{DIGITS_RE}\b|them\b|those\b|these\b)[^;]{{0,60}}$", re.I)
_OF_BACK = re.compile(r"\s*(?:offences\s+)?of\s+(?:that|this|them|those|these|the\s+(?:total|figure|number))\b(?!\s+\d)", re.I)
_REGION_WHOLE = re.compile(r"\b(?:the\s+)?(?:wider\s+)?(?:region['’]s|regional)(?:\s+(?:total|figure|number|count))?"
                           r"(?:\s+(?:of|was|is|stood\s+at|reached|came\s+to))?\s+(?:just\s+|only\s+|some\s+)?$", re.I)
_WELSH_WHOLE = re.compile(r"\bwelsh\s+(?:total|figure|number|count)(?:\s+(?:of|was|is|stood\s+at|reached|came\s+to))?\s+"
                          r"(?:just\s+|only\s+|some\s+)?$", re.I)
# Comparisons between places: "more than neighbouring Sussex", "fewer offences than in Kent" (the text before the
# compared place), but not a comparison of changes ("rose more than") or of shares.
_PLACE_COMPARE = re.compile(r"\b(?P<dir>more|fewer|less|higher|lower|greater|smaller)\b(?:\s+(?!than\b|times\b|as\b)"
                            r"[a-z'’-]+){0,4}?\s+than\s+(?:(?:its|their|the)\s+)?(?:neighbou?ring\s+|neighbou?rs?,?\s+|"
                            r"nearby\s+)?(?:in\s+|at\s+|by\s+)?(?:the\s+)?$", re.I)
_COMPARE_NOT_LEVELS = re.compile(r"\b(?:ris\w*|rose|increas\w*|grew|grown|fell|fallen|fall\w*|drop\w*|jump\w*|"
                                 r"climb\w*|by|times|proportion|share|percentage)\s+(?:\w+\s+){0,2}$", re.I)
# "Staffordshire was the only one of the three forces to see a fall".
_ONLY_ONE = re.compile(rf"\bthe\s+only\s+(?:one\s+of\s+the\s+(?P<n>{WORD_RE}|\d+)\s+(?:police\s+)?(?:forces|areas)|"
                       r"(?:police\s+)?force|area)(?:\s+in\s+(?:the\s+)?[\w ]{1,30}?)?\s+(?:to|that|which|where|in\s+which)\s+"
                       r"(?:\w+\s+){0,3}?(?:an?\s+)?"
                       r"(?P<dir>fall|fell|drop\w*|decreas\w*|declin\w*|reduction|lower|rise|rose|increas\w*|jump\w*|"
                       r"higher|grew|growth)\b", re.I)


def _clause_of(text: str, pos: int) -> int:
    """Which clause of the sentence `pos` is in (clauses end at ; : dashes and ", and/but/while")."""
    return len(_CLAUSE_BREAK.findall(text[:pos]))


def _respective_places(s: _Sentence) -> None:
    """'Kent and Northumbria recorded 361 and 323 respectively' / '... rose from 63 to 361 and from 98 to 323
    respectively': the k-th figure (or written pair) after a list of places belongs to the k-th place. So does a
    bare list of figures in a clause that names no place ("...; in 2015/16 the figures were 59 and 26")."""
    if len(s.places) < 2:
        return
    if not _RESPECTIVELY.search(s.text):
        counts = sorted((o for o in s.cands if o.kind in COUNT_KINDS and o.sub != "other" and o.value is not None),
                        key=lambda o: o.nstart)
        for clause in {_clause_of(s.text, o.nstart) for o in counts}:
            mine = [o for o in counts if _clause_of(s.text, o.nstart) == clause]
            if len(mine) < 2 or any(_clause_of(s.text, p.start) == clause for p in s.places) or \
                    not all(re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", s.text[a.end:b.start], re.I)
                            for a, b in zip(mine, mine[1:])):
                continue
            named = list(dict.fromkeys(p.place for p in s.places if p.end <= mine[0].nstart))
            if len(named) == len(mine):
                for place, o in zip(named, mine):
                    o.place, o.place_how = place, "listed"
        return
    group = [s.places[0]]
    for p in s.places[1:]:
        if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", s.text[group[-1].end:p.start], re.I):
            group.append(p)
        else:
            break
    if len(group) < 2:
        return
    in_pair = {id(o): pair for pair in s.pairs for o in pair}
    units: list[tuple] = []
    for o in sorted(s.cands, key=lambda o: o.nstart):
        if o.kind not in COUNT_KINDS or o.nstart < group[-1].end or o.sub == "other":
            continue
        unit = in_pair.get(id(o), (o,))
        if not units or units[-1] is not unit:
            units.append(unit)
    if len(units) != len(group):
        return
    for p, unit in zip(group, units):
        for o in unit:
            o.place, o.place_how = p.place, "listed"


def _written_pairs(s: _Sentence) -> list[tuple]:
    """(old, new) pairs the sentence writes out: "from 59 to 229", "rose to 361 from 63", "229, up from 59",
    "490 in 2018/19 and 735 in 2019/20". A change word is later bound to one of these, so a sentence about two
    forces never pairs one force's old figure with the other's new one. Left to right, a figure joins one pair."""
    text = s.text
    cands = sorted(s.cands, key=lambda o: o.nstart)
    counts = [o for o in cands if o.kind in COUNT_KINDS and o.value is not None and o.qual == "exact"
              and o.sub != "other"]
    pairs: list[tuple] = []
    used: set[int] = set()
    for a, b in zip(counts, counts[1:]):
        if id(a) in used or id(b) in used:
            continue
        if any(a.nstart < o.nstart < b.nstart for o in cands if o is not a and o is not b):
            continue  # a claim between them ("323, more than three times the 98") is what links them
        between = text[a.end:b.start]
        lead = text[max(0, a.start - 25):a.start]
        pair = None
        if re.search(r"\bfrom\s+$", lead, re.I) and _PAIR_FROM_TO.fullmatch(between) and \
                not re.search(r"\bfrom\b", between, re.I):
            pair = (a, b)
        elif re.search(r"\b(?:to|reached|reaching|hit|hitting)\s+$", lead, re.I) and _PAIR_TO_FROM.fullmatch(between):
            pair = (b, a)
        elif _PAIR_UP_FROM.fullmatch(between):
            pair = (b, a)
        else:
            ya = [y for y in s.years if a.nend <= y.start <= a.nend + 30 and y.year is not None and y.end <= b.nstart]
            yb = [y for y in s.years if b.nend <= y.start <= b.nend + 30 and y.year is not None]
            if ya and yb and ya[0].year != yb[0].year and len(between) <= 60 and \
                    re.search(r"\band\b|,", between) and not re.search(r"[;:]", between):
                pair = (a, b) if ya[0].year < yb[0].year else (b, a)
        if pair:
            pairs.append(pair)
            used.update((id(a), id(b)))
    return pairs


def _change_context(s: str, start: int) -> bool:
    """Change words right before a fraction ('rose by more than a third', 'a fall of almost half'); "made up"
    and "accounting for" are share words, whatever "up" says elsewhere."""
    left = s[max(0, start - 40):start]
    if re.search(r"\b(?:made|make|makes|making)\s+up\s+(?:[a-z]+\s+){0,2}$", left, re.I):
        return False
    return bool(re.search(rf"(?:\b(?:{UP_WORDS}|{DOWN_WORDS})\s+(?:by\s+)?(?:of\s+)?)(?:[a-z]+\s+){{0,2}}$", left, re.I))
