"""Checks of changes: percentages, multiples and fractions between two figures."""

from __future__ import annotations

from decimal import Decimal
import re

from ..answer import month
from ..numbers import Change, percent_change, plain_words, ratio, round_half_up, thousands
from ..years import FinancialYear

from .model import COUNT_KINDS, D, SCWC, _Cand, _Sentence
from .relations import _OF_BACK
from .wording import _derived, _pt
from .words import WORD_RE, _multiple_fits, fits, number_value, pct_text

_NATIONAL_RISE = re.compile(r"\s+(?:the\s+)?national\s+(?:average\s+)?(?:rate\s+of\s+)?(?:increase|rise|growth|average)\b", re.I)
_YEARS_BACK = re.compile(rf"\b(?:past|last|previous|over|in)\s+(?:the\s+)?(?:past\s+|last\s+)?(?P<n>{WORD_RE}|\d)\s+years\b", re.I)


class ChangeChecks:
    """Part of Checker (bot/check/checker.py): checks of changes: percentages, multiples and fractions between two figures."""

    def _check_percent_change(self, c: _Cand, releases: dict, sentences) -> tuple:
        pair, src = self._change_pair(c, sentences, releases)
        if pair is None:
            return src  # the verdict when no pair is written or can be supplied
        old, new = pair
        pct = percent_change(old["value"], new["value"])
        if pct is None:
            return ("unverifiable", None, f"No percentage change from zero ({thousands(new['value'])} from 0).", src)
        claimed = c.value
        rise = pct > 0
        actual = float(round_half_up(pct, 1))
        words = f"From {thousands(old['value'])}{_derived(old, new)} to {thousands(new['value'])} is {'a rise' if rise else 'a fall'} of {pct_text(pct, 2)}"
        direction_ok = c.direction == 0 or (c.direction > 0) == rise or pct == 0
        if direction_ok and fits(claimed, abs(pct), c.qual, c.decimals):
            note = ""
            if c.decimals and round_half_up(abs(pct), c.decimals) != claimed:
                note = f" ({pct_text(pct, c.decimals)} rounded; {claimed}% is the truncated figure)"
            return "supported", actual, words + note + ".", src
        suggestion = f" Suggested: “{'a rise' if rise else 'a fall'} of {pct_text(pct, max(c.decimals, 0) if c.decimals else 0)}”."
        if not direction_ok:
            back = percent_change(new["value"], old["value"])
            if back is not None and fits(claimed, abs(back), c.qual, c.decimals):
                return ("supported", float(round_half_up(back, 1)), f"From {thousands(new['value'])} to "
                        f"{thousands(old['value'])} is {'a rise' if back > 0 else 'a fall'} of {pct_text(back, 2)} "
                        f"(the figures read the other way round).", src)
            return self._doubtful(words + ", the other direction")
        r = ratio(old["value"], new["value"])
        if r is not None and fits(claimed, r * 100, c.qual, c.decimals):
            return ("inaccurate", actual, f"{words}; {claimed}% is the ratio ({thousands(new['value'])} is "
                    f"{round_half_up(r, 2)} times {thousands(old['value'])}), not the rise.{suggestion}", src)
        derived = self._from_difference(c, [new]) if not old.get("derived") else None
        if derived is not None and direction_ok and (p2 := percent_change(derived["value"], new["value"])) is not None \
                and fits(claimed, abs(p2), c.qual, c.decimals):
            # the copy's own difference gives a base that fits ("an extra 40 ... a rise of 29 per cent"): the levels
            # the data holds differ from the copy's, which the difference claim itself is checked for
            return ("supported", float(round_half_up(p2, 1)), f"From {thousands(derived['value'])}"
                    f"{_derived(derived, new)} to {thousands(new['value'])} is a rise of {pct_text(p2, 2)} (the data "
                    f"gives {thousands(old['value'])} for the earlier year: {words[0].lower() + words[1:]}).", src)
        if self._weak_pair(c, old, new, claimed, abs(pct)):
            return self._doubtful(words)
        extra = self._other_fit(c, old, new, lambda o, n: percent_change(o, n), lambda v: fits(claimed, abs(v), c.qual, c.decimals))
        return "inaccurate", actual, words + f", not “{c.text}”.{extra}{suggestion}", src

    def _change_pair(self, c: _Cand, sentences, releases: dict) -> tuple:
        """(pair, its sources) for a change claim, or (None, the verdict to give when there is no pair)."""
        pair = self._pair(c, sentences, releases)
        if pair is None:
            return None, self._change_in_some_year(c, releases) or self._no_pair(c)
        return pair, self._pair_sources(pair)

    def _change_in_some_year(self, c: _Cand, releases: dict) -> tuple | None:
        """'a 44 per cent rise', 'up 140% in the last year', 'risen by more than 80% over the past five years',
        with neither figure in the copy: the pairs of years the data can supply, each release's year against
        the year before it (or the base year the sentence names, or n years back), like for like as that
        release gave them. A pair that fits supports the claim; none fitting is no proof either way, so
        this never returns a contradiction."""
        if c.kind not in ("percent_change", "multiple", "fraction") or c.value is None:
            return None
        back = [int(n[0]) for m in _YEARS_BACK.finditer(c.sent.text) if (n := number_value(m.group("n")))]
        named = [y.year if y.year is not None else FinancialYear(y.calendar_year)
                 for y in c.sent.years if y.year is not None or y.calendar_year]
        measures = [c.measure] if c.measure_explicit else self._measures_to_try(c)
        for measure in measures:
            family = "scwc" if measure == SCWC else "cyber"
            fake = _Cand("count", c.sent, 0, 0, 0, 0, None, place=c.place, measure=measure)
            for release in reversed(self.facts.family_releases.get(family, [])):
                covered = self.facts.covers.get((release, family))
                if not covered:
                    continue
                end = FinancialYear.from_label(covered)
                starts = [FinancialYear(end.start - 1)] + [y for y in named if y < end] + \
                    [FinancialYear(end.start - k) for k in back]
                fixed = {"inferred": {family: release}, "hints": {}}
                new = self._data_value(fake, end, fixed)
                for start in dict.fromkeys(starts) if new else []:
                    old = self._data_value(fake, start, fixed, same_release_as=new)
                    if old is None:
                        continue
                    printed = {r["value"] for r in self.facts.keys[old["key"]].rows
                               if r["release"] == old["row"]["release"] and r["value"]} if old.get("row") else set()
                    for value in [old["value"]] + sorted(printed - {old["value"]}):  # outlets that disagree
                        words = self._change_fits(c, value, new["value"])
                        if words:
                            c.extra["fitted"] = (start, end, release, family, measure)
                            return ("supported", None, f"{self._name(c, new['key'])}, {start.label} to {end.label} "
                                    f"({month(release)} release): {words}. (The copy gives neither figure; these "
                                    "are the years that fit.)", self._pair_sources([old, new]))
        return None

    def _change_fits(self, c: _Cand, old: int, new: int) -> str:
        """The arithmetic in words if old -> new bears out c's percentage, multiple or fraction, else ''."""
        if not old:
            return ""
        pct = percent_change(old, new)
        if c.direction and (c.direction > 0) != (pct > 0):
            return ""
        if c.kind == "percent_change":
            ok = fits(c.value, abs(pct), c.qual, c.decimals)
        elif c.kind == "multiple":
            ok = _multiple_fits(c.value, ratio(old, new), c.qual)
        else:
            given = c.extra.get("pct")
            ok = self._fraction_fits(c.value, abs(pct) / 100, c.qual) and (given is None or fits(given, abs(pct), "exact"))
        return f"from {thousands(old)} to {thousands(new)} is a change of {pct_text(pct, 2)}" if ok else ""

    @staticmethod
    def _doubtful(reading: str) -> tuple:
        """A contradiction from a reading the copy does not pin down: shown as a question, never as a ❌."""
        return ("unverifiable", None, f"Check this: read as {reading[0].lower() + reading[1:]}, which does not fit. "
                "The copy does not make clear which two figures it compares.", [])

    def _weak_pair(self, c: _Cand, old: dict, new: dict, claimed: Decimal, actual: Decimal) -> bool:
        """Too weak to call a percentage wrong: national totals the data supplied (the NSPCC compares like for
        like forces, the totals do not), or a figure so far from the claim that the pairing is the likelier slip."""
        supplied = old.get("cand") is None or new.get("cand") is None
        if supplied and (c.place is None or c.place.geography_type != "force"):
            return True
        if claimed <= 0 or actual <= 0:
            return False
        if not supplied and old["cand"].place == c.place and \
                any({id(a), id(b)} == {id(old["cand"]), id(new["cand"])} for a, b in c.sent.pairs):
            return False  # "80 ..., up from 77 the year before – a rise of 14 per cent": the copy wrote the pair
        return max(claimed, actual) / min(claimed, actual) > D("2.5")

    def _other_fit(self, c: _Cand, old: dict, new: dict, compute, ok) -> str:
        """Say when some other figure in the data would fit the claim (the copy's own numbers still rule)."""
        for point, which in ((old, "old"), (new, "new")):
            cand = point.get("cand")
            key = (cand.key if cand is not None else None) or point.get("key")
            if not key:
                continue
            info = self.facts.keys.get(key)
            if info is None:
                continue
            for r in info.rows:
                v = r["value"]
                if v is None or v == point["value"]:
                    continue
                value = compute(v, new["value"]) if which == "old" else compute(old["value"], v)
                if value is not None and ok(value):
                    return (f" It would fit {thousands(v)} ({month(r['release'])} release, {r['outlet']}) instead of "
                            f"{thousands(point['value'])}, but the copy's own figures do not give it.")
        return ""

    # multiples ---------------------------------------------------------------------------------------
    def _check_multiple(self, c: _Cand, releases: dict, sentences) -> tuple:
        if _NATIONAL_RISE.match(c.sent.text[c.end:]):
            return self._multiple_of_national_rise(c, releases, sentences)
        pair, src = self._change_pair(c, sentences, releases)
        if pair is None:
            return src  # the verdict when no pair is written or can be supplied
        old, new = pair
        r = ratio(old["value"], new["value"])
        if r is None:
            return "unverifiable", None, "No multiple of zero.", src
        target = c.value
        actual = float(round_half_up(r, 2))
        change = Change(old["value"], new["value"])
        words = (f"{thousands(new['value'])} is {round_half_up(r, 2)} times {thousands(old['value'])}{_derived(old, new)} "
                 f"({'+' if change.difference >= 0 else '−'}{pct_text(change.percent, 1)})")
        qual = c.qual
        ok = _multiple_fits(target, r, qual)
        true_words = plain_words(old["value"], new["value"])
        suggestion = f" Suggested: “{true_words}”." if true_words else f" Suggested: “{'up' if change.difference >= 0 else 'down'} {pct_text(change.percent, 1)}”."
        if ok:
            note = ""
            if qual in ("gt", "ge", "exact") and r >= target + D("0.5") and target >= 2:
                better = f" (“{true_words}”)" if true_words and true_words not in c.text.lower() else ""
                note = (f" The wording understates it: the number is {round_half_up(r, 2)} times as many{better}."
                        if qual != "exact" else
                        f" Understated: the number is {round_half_up(r, 2)} times as many{better}.")
            return "supported", actual, words + "." + note, src
        return "inaccurate", actual, words + f", so “{c.text}” is wrong." + suggestion, src

    def _multiple_of_national_rise(self, c: _Cand, releases: dict, sentences) -> tuple:
        """'up 140% in the last year – almost four times the national rate of increase': the sentence's own
        percentage against the nation's over the same years, like for like from the same release."""
        rises = [o for o in c.sent.cands if o.kind == "percent_change" and o.nend <= c.nstart]
        rise = rises[-1] if rises else None
        if rise is None or rise.value is None:
            return "unverifiable", None, "The copy does not give the rise this multiple compares.", []
        fitted = rise.extra.get("fitted")
        pair = None if fitted else self._pair(rise, sentences, releases)
        if pair is not None and pair[0]["year"] and pair[1]["year"]:
            new = pair[1]
            row = new.get("row") or (self.facts.keys[new["cand"].key].row_with(new["value"])
                                     if new.get("cand") is not None and new["cand"].key in self.facts.keys else None)
            if row is not None:
                family = "scwc" if rise.measure == SCWC else "cyber"
                fitted = (pair[0]["year"], pair[1]["year"], row["release"], family, rise.measure)
        if not fitted and rise.result is None:
            self._verify(rise, releases, sentences)
            fitted = rise.extra.get("fitted")
        if not fitted:
            return ("unverifiable", None, "The data does not pin down which years the rise is over, so the national "
                    "rise to compare it with is not known.", [])
        start, end, release, family, measure = fitted
        fixed = {"inferred": {family: release}, "hints": {}}
        nation = _Cand("count", c.sent, 0, 0, 0, 0, None, place=None, measure=measure)
        new = self._data_value(nation, end, fixed)
        old = self._data_value(nation, start, fixed, same_release_as=new) if new else None
        if not old or not old["value"]:
            return "unverifiable", None, f"The data has no national figures for {start.label} and {end.label}.", []
        national = percent_change(old["value"], new["value"])
        r = rise.value / national if national else None
        if r is None or r <= 0:
            return "unverifiable", None, "The national figure did not rise, so there is no multiple to check.", []
        words = (f"{rise.value}% against the national rise of {pct_text(national, 1)} ({thousands(old['value'])} to "
                 f"{thousands(new['value'])}, {start.label} to {end.label}) is {round_half_up(r, 2)} times")
        src = self._pair_sources([old, new])
        if _multiple_fits(c.value, r, c.qual):
            return "supported", float(round_half_up(r, 2)), words + ".", src
        return "unverifiable", float(round_half_up(r, 2)), f"Check this: {words}, which does not fit “{c.text}”.", src

    # fractions ---------------------------------------------------------------------------------------
    def _check_fraction(self, c: _Cand, releases: dict, sentences) -> tuple:
        pct_given = c.extra.get("pct")
        if c.sub == "share":
            return self._check_share(c, releases, sentences)
        pair, src = self._change_pair(c, sentences, releases)
        if pair is None:
            return src  # the verdict when no pair is written or can be supplied
        old, new = pair
        pct = percent_change(old["value"], new["value"])
        if pct is None:
            return "unverifiable", None, "No fraction of zero.", src
        share = abs(pct) / 100
        rise = pct > 0
        actual = float(round_half_up(abs(pct), 1))
        words = f"From {thousands(old['value'])} to {thousands(new['value'])} is {'a rise' if rise else 'a fall'} of {pct_text(pct)}"
        direction_ok = c.direction == 0 or (c.direction > 0) == rise
        ok = direction_ok and self._fraction_fits(c.value, share, c.qual)
        if ok and pct_given is not None:
            ok = fits(pct_given, abs(pct), "exact", 0)
        if ok:
            return "supported", actual, words + ".", src
        return ("inaccurate", actual, words + f", so “{c.text}” is wrong." + (" The direction is wrong." if not direction_ok else "")
                + f" Suggested: “{'up' if rise else 'down'} {pct_text(pct, 0)}”.", src)

    @staticmethod
    def _fraction_fits(target: Decimal, actual: Decimal, qual: str) -> bool:
        if qual == "exact":
            return abs(actual - target) <= max(target * D("0.1"), D("0.02"))
        if qual in ("gt", "ge", "just_over"):
            return actual > target if qual != "ge" else actual >= target
        if qual == "near":
            return target * D("0.8") <= actual <= target * D("1.01")
        if qual == "approx":
            return abs(actual - target) <= target * D("0.15")
        if qual in ("lt", "le"):
            return actual < target if qual == "lt" else actual <= target
        return False

    def _of_pair(self, c: _Cand, sentences: list[_Sentence]):
        """'229 of the 576 offences', '59 of Wales's 296': a part and its whole written in the copy."""
        for s in (c.sent, sentences[c.sent.index - 1] if c.sent.index and
                  sentences[c.sent.index - 1].para == c.sent.para else None):
            if s is None:
                continue
            counts = [o for o in s.cands if o.kind in COUNT_KINDS + ("total",) and o.value is not None and o.sub != "other"]
            for a, b in zip(counts, counts[1:]):
                between = s.text[a.end:b.start]
                if re.fullmatch(r"\s+(?:offences\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+|[\w.'’ -]{1,40}['’]s?\s+)?",
                                between, re.I) and b.value and a.value <= b.value:
                    return {"value": int(a.value), "cand": a, "year": a.year}, \
                        {"value": int(b.value), "cand": b, "year": b.year}
        return None

    def _share_pointing_back(self, c: _Cand, sentences: list[_Sentence]):
        """'West Yorkshire 721 of them — nearly half', 'Almost two-fifths of them – 229 – were in Gwent': "of them"
        (that, those, the total) points at the figure given just before, which is the whole."""
        s, text = c.sent, c.sent.text
        counts = [o for o in s.cands if o.kind in COUNT_KINDS + ("total",) and o.value is not None and o.sub != "other"]
        part = next((o for o in reversed(counts) if o.nend <= c.nstart and _OF_BACK.match(text[o.end:])), None)
        back = _OF_BACK.match(text[c.end:])
        if part is None and back:
            # the part is written just after ("of them – 229 –") or is the sentence's figure before the fraction
            after = [o for o in counts if c.end + back.end() <= o.nstart <= c.end + back.end() + 6]
            before = [o for o in counts if o.nend <= c.nstart]
            part = after[0] if after else (before[-1] if before else None)
        if part is None:
            return None
        for t in (s, sentences[s.index - 1] if s.index and sentences[s.index - 1].para == s.para else None):
            if t is None:
                continue
            found = [o for o in t.cands if o.kind in COUNT_KINDS + ("total",) and o.value is not None
                     and o.sub != "other" and o.value > part.value and (t is not s or o.nend <= min(part.nstart, c.nstart))]
            if found:
                return _pt(part), _pt(found[-1])
        return None
