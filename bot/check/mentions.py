"""Mentions: every number in a sentence, classified into a claim of one kind with its span and hedge."""

from __future__ import annotations

from decimal import Decimal
import re

from ..parse import MEASURE_WORDS
from ..years import FinancialYear

from .model import CYBER, SCWC, COUNT_KINDS, D, MAX_NUMBERS_PER_SENTENCE, _Cand, _PlaceSpan, _Sentence
from .patterns import AGE_WORD, _AGAIN, _AGE_BAND_AFTER, _BETWEEN_THEM, _UNFLAGGED, _COMMON_AGE, _COUNT_WORD, _DIFF_HEAD, _DOMAIN, _DIFF_TAIL, _DIFF_TAIL_THAN, _FOLD, _FORCES_TAIL, _FRACTION, _FRACTION_VALUE, _MAKING, _SUM_OF, _MULT_VALUE, _MULT_WORD, _ONE_IN, _PAREN_PCT, _PCT, _PERIOD, _PERIOD_AGO, _PER_BASE, _PER_POP, _POPULATION_BEFORE, _RATE_TAIL, _WITH_FIGURES, _TIMES, _TOTAL_HEAD, _TOTAL_TAIL, _TOTAL_YEARS_TAIL, _YOUNGEST, _YOUNG_AS, _direction
from .relations import _CLAUSE_BREAK, _COMPARE_NOT_LEVELS, _OF_WHOLE, _ONLY_ONE, _PLACE_COMPARE, _RESPECTIVELY, _change_context, _clause_of, _written_pairs
from .text import _MONTH_YEAR, _exclusions, _exclusions_late, _year_spans
from .words import WORD_VALUES, FIRST_FIGURES, MONTHS, MONTH_NUMBER, NUM_RE, OFFENCE_NOUN, PUBLISH_WORDS, _COMPARE_CUE, _OTHER_NOUNS, number_value, qualifier_before
_THAN = re.compile(r"\b(?:more|fewer|less|higher|lower|greater|smaller)\b[^.;]{0,80}?\bthan\b", re.I)

_FORCES_CHANGED = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:(?:saw|recorded|reported|had|showed|experienced|logged|"
                             r"posted)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:fall|rise|increase|decrease|drop|jump|"
                             r"reduction)s?|(?:rose|fell|increased|decreased|dropped|doubled|trebled)|"
                             r"(?:saw|recorded|reported)\s+(?:more|fewer|less))\b", re.I)

_NUMBER_WORDS = set(WORD_VALUES) - {"a", "a dozen", "a hundred", "a single", "one hundred"} | {"hundred", "thousand",
                                                                                            "dozen"}

_OFFENCE_LIST = re.compile(r"\b(?:rape|sexual\s+assaults?|sexual\s+activity|indecent\s+images?|sexual\s+exploitation)\b", re.I)


class MentionsStage:
    """Part of Checker (bot/check/checker.py): mentions: every number in a sentence, classified into a claim of one kind with its span and hedge."""

    # -- sentence analysis ------------------------------------------------------------------------
    def _analyse(self, s: _Sentence) -> None:
        _year_spans(s)
        self._hints(s)
        self._place_spans(s)
        for pattern, measure in MEASURE_WORDS:
            if pattern.search(s.text):
                s.measure = s.measure or measure
        if s.measure == SCWC and _OFFENCE_LIST.search(s.text):
            # "offences including online grooming, sexual activity with children under 13 and rape": a list of
            # offence types is the cyber-flag series, in which grooming is one kind
            s.measure = CYBER
        if not any(p.search(s.text) for p in (NUM_RE, _MULT_WORD, _FRACTION, _AGAIN, _ONLY_ONE, _THAN)):
            return  # no number, multiple, fraction or comparison: the sentence gives context (places, years) only
        _exclusions(s, self._place_words)
        self._extract(s)
        s.pairs = _written_pairs(s)

    def _hints(self, s: _Sentence) -> None:
        publishes = bool(PUBLISH_WORDS.search(s.text))
        s.first_figures = bool(FIRST_FIGURES.search(s.text))
        for m in _MONTH_YEAR.finditer(s.text):
            if publishes and not re.search(r"\b(?:to|ending|ended|until|up\s+to)\s+$", s.text[max(0, m.start() - 12):m.start()], re.I):
                s.hint = f"{m.group('y')}-{MONTH_NUMBER[m.group('m').lower().rstrip('.')]:02d}"
                s.hint_spans.append((m.start(), s.hint))
            s.take(m.start(), m.end())
        for y in s.years:
            if y.kind != "bare":
                continue
            before = s.text[max(0, y.start - 45):y.start]
            if re.search(rf"(?:{MONTHS})\.?\s*$", before, re.I) or re.search(r"\bact\s+(?:of\s+)?$", before, re.I):
                continue
            counted = re.search(r"(?:\d|offences|crimes|cases|incidents)[^.;:\d]{0,25}\b(?:in|during)\s+$", before, re.I)
            if counted and not PUBLISH_WORDS.search(before[counted.start():]):
                y.year = FinancialYear(y.calendar_year)  # "63 offences in 2015": a calendar label for 2015/16
                y.kind = "calendar"
            elif publishes and re.search(r"\b(?:in|during)\s+$", before, re.I) and not s.hint:
                s.hint = str(y.calendar_year)
                s.hint_spans.append((y.start, s.hint))

    def _place_spans(self, s: _Sentence) -> None:
        lower = s.text.lower()
        tokens = []
        # an outlet's domain ("chroniclelive.co.uk", "walesonline.co.uk") names a publisher, not a place
        domains = [d.span() for d in _DOMAIN.finditer(lower)]
        for m in re.finditer(r"[a-z0-9]+(?:['’][a-z0-9]+)*|&", lower):
            word = m.group(0).replace("’", "'")
            if word == "&":
                word = "and"
            word = re.sub(r"'s$", "", word)
            if not s.free(m.start(), m.end()) or word.isdigit() or any(a <= m.start() < b for a, b in domains):
                word = "0"
            tokens.append((m.start(), m.end(), word))
        words = [t[2] for t in tokens]
        capitalised = {t[2] for t in tokens if s.text[t[0]].isupper()}
        matches, _unknown = self.gazetteer.find(" ".join(words),
                                                fuzzy_when=lambda run: any(w in capitalised for w in run))
        spans: list[_PlaceSpan] = []
        for match in matches:
            # the place's own names always count; a typo'd form only when capitalised. (The gazetteer lists a
            # place once, so "the number went from 59 to 229 in Gwent" reports Gwent as the typo "went".)
            forms = [(form, True) for form in self._alias_tuples.get(match.place, [])]
            if match.how != "exact":
                forms.append((tuple(match.written.split()), False))
            for form, exact in forms:
                n = len(form)
                for i in range(len(words) - n + 1):
                    if tuple(words[i:i + n]) == form:
                        # a typo'd name is a proper noun: "went" is not Gwent
                        if not exact and not s.text[tokens[i][0]].isupper():
                            continue
                        if match.place.geography_type == "nation" and \
                                re.match(r"(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}(?:police\s+)?force\b", s.text[tokens[i + n - 1][1]:]):
                            continue  # "the national force", "the country's largest force": a force, not the nation
                        spans.append(_PlaceSpan(tokens[i][0], tokens[i + n - 1][1], match.place))
        spans.sort(key=lambda p: (p.start, -(p.end - p.start)))
        kept: list[_PlaceSpan] = []
        for p in spans:
            if kept and p.start < kept[-1].end:
                continue
            if kept and kept[-1].place.geography_type == "region" and p.place.geography_type == "nation" and \
                    re.fullmatch(r"\s+of\s+(?:the\s+)?", s.text[kept[-1].end:p.start], re.I):
                continue  # "the south west of England": the region, placed in its nation
            kept.append(p)
        s.places = kept

    # -- claim extraction -------------------------------------------------------------------------
    def _add(self, s: _Sentence, kind: str, start: int, end: int, nstart: int, nend: int, value, decimals=0,
             qual="exact", direction=0, sub="", **extra) -> _Cand:
        c = _Cand(kind, s, start, end, nstart, nend, D(value) if value is not None else None, decimals, qual,
                  direction, sub, extra)
        s.cands.append(c)
        s.take(min(start, nstart), max(end, nend))
        return c

    def _extract(self, s: _Sentence) -> None:
        text = s.text
        # ages (before the age bands are set aside as non-claims)
        # Each pattern runs only where its key word appears: scanning every sentence with every pattern was
        # most of a check's time (the number-word alternatives are tried at each position).
        lower = text.lower()
        words = set(re.findall(r"[a-z]+", lower))
        numeric = bool(words & _NUMBER_WORDS) or any(ch.isdigit() for ch in text)
        ages = [(_YOUNGEST, "youngest")] * ("youngest" in lower) + [(_YOUNG_AS, "youngest")] * ("young" in lower) + \
            [(p, "common") for p in _COMMON_AGE] * ("most" in lower)
        for pattern, sub in ages:
            for m in pattern.finditer(text):
                a, b = m.span("age")
                phrase = m.group("age")
                if not s.free(a, b):
                    continue
                if re.search(r"under\s+(?:the\s+age\s+of\s+)?(?:one|1)|baby", phrase, re.I):
                    value = 0
                    b = a + len(phrase)
                    inner = re.search(r"under\s+(?:the\s+age\s+of\s+)?(?:one|1)", phrase, re.I)
                    if inner:
                        a, b = a + inner.start(), a + inner.end()
                else:
                    num = re.search(AGE_WORD, phrase, re.I)
                    if not num or number_value(num.group(0)) is None:
                        continue
                    value = number_value(num.group(0))[0]
                if any(c.kind == "age" and c.start == a for c in s.cands):
                    continue
                self._add(s, "age", a, b, a, b, value, sub=sub)
        for m in list(_AGAIN.finditer(text)) if "half" in lower else []:
            if s.free(m.start(), m.end()):
                q, qs = qualifier_before(text, m.start())
                self._add(s, "multiple", qs, m.end(), m.start(), m.end(), D("1.5"), 1, q, 1)
        # multiples: "seven times as many", "six-fold", "more than trebled"
        for m in _TIMES.finditer(text) if "times" in lower else []:
            if s.free(m.start(), m.end()):
                n = m.group("n")
                half = bool(re.search(r"and\s+a\s+half", n, re.I))
                base = number_value(re.sub(r"\s+and\s+a\s+half", "", n, flags=re.I))
                if base is None:
                    continue
                value = base[0] + (D("0.5") if half else 0)
                q, qs = qualifier_before(text, m.start())
                self._add(s, "multiple", qs, m.end(), m.start(), m.end(), value, base[1] + (1 if half else 0), q,
                          _direction(text, qs, m.end()) or 1)
        for m in _FOLD.finditer(text) if "fold" in lower else []:
            if s.free(m.start(), m.end()):
                base = number_value(m.group("n"))
                if base is None:
                    continue
                # "nearly a six-fold rise": the qualifier sits before the article
                article = re.search(r"\b(?:an?)\s+$", text[max(0, m.start() - 4):m.start()], re.I)
                q, qs = qualifier_before(text, m.start() - (len(article.group(0)) if article else 0))
                if q == "exact":
                    qs = m.start()
                self._add(s, "multiple", qs, m.end(), m.start(), m.end(), base[0], base[1], q, 1)
        for m in _MULT_WORD.finditer(text):
            if not s.free(m.start(), m.end()):
                continue
            word = m.group("mw").lower()
            value = _MULT_VALUE[word[:4]]
            if word == "twice" and not re.match(r"\s+(?:as|the)\b", text[m.end():m.end() + 5], re.I):
                continue
            q, qs = qualifier_before(text, m.start())
            if value == D("0.5"):
                self._add(s, "fraction", qs, m.end(), m.start(), m.end(), D("0.5"), 2, q, -1, sub="change", words=word)
            else:
                self._add(s, "multiple", qs, m.end(), m.start(), m.end(), value, 0, q, 1)
        _exclusions_late(s)  # age bands are not claims (the age facts above have taken theirs)
        # fractions
        for m in _FRACTION.finditer(text):
            if not s.free(m.start(), m.end()):
                continue
            f = re.sub(r"^(?:a|one)[- ]|\s+", " ", m.group("f").lower()).strip().replace("-", " ")
            value = _FRACTION_VALUE.get(f) or _FRACTION_VALUE.get(f.split()[-1])
            before = text[max(0, m.start() - 12):m.start()].lower()
            after = text[m.end():m.end() + 20].lower()
            if f == "half" and (re.search(r"(?:first|second|latter|last|and\s+a|one\s+and)\s+$", before)
                                or re.match(r"\s*(?:an?\s|-|of\s+(?:the\s+)?(?:year|decade|century|month|(?:19|20)\d\d\b(?!/)))", after)):
                continue
            q, qs = qualifier_before(text, m.start())
            end = m.end()
            paren = _PAREN_PCT.match(text, end)
            extra = {}
            if paren:
                extra["pct"] = D(paren.group("p"))
                end = paren.end()
            if _change_context(text, qs):
                self._add(s, "fraction", qs, end, m.start(), end, value, 3, q, _direction(text, qs, m.end()),
                          sub="change", **extra)
            elif re.match(r"\s*(?:\(\d[^)]*\)\s*)?(?:of\b|the\b)", text[m.end():], re.I) or \
                    re.search(r"(?:accounted\s+for|accounting\s+for|made\s+up|make\s+up|making\s+up|comprising|"
                              r"were|was|is|are|represent\w*)\s+$", text[max(0, qs - 25):qs], re.I) or \
                    (re.search(r"(?:[—–(,]|\bor)\s*$", text[max(0, qs - 5):qs]) and
                     _OF_WHOLE.search(text[:qs])):
                # "59 of the region's 258 offences — nearly a quarter —": set off after "X of Y", it is X's share
                self._add(s, "fraction", qs, end, m.start(), end, value, 3, q, 0, sub="share", **extra)
        for m in _ONE_IN.finditer(text) if numeric and (" in " in lower or "out of" in lower) else []:
            if not s.free(m.start(), m.end()):
                continue
            a, b = number_value(m.group("a")), number_value(m.group("b"))
            if a is None or b is None or b[0] == 0 or a[0] >= b[0] or b[0] > 1000:
                continue
            if re.match(r"\s+(?:police\s+)?forces\b", text[m.end():], re.I):
                continue  # "40 out of 44 forces": forces answering, read below
            q, qs = qualifier_before(text, m.start())
            self._add(s, "fraction", qs, m.end(), m.start(), m.end(), a[0] / b[0], 3, q, 0, sub="share")
        # percentages: a change, or a share "of" something
        for m in _PCT.finditer(text) if "%" in text or "cent" in lower else []:
            if not s.free(m.start("n"), m.end("n")):
                continue
            value, decimals = number_value(m.group("n"))
            q, qs = qualifier_before(text, m.start())
            after = text[m.end():m.end() + 25]
            before = text[max(0, qs - 25):qs]
            is_share = (re.match(r"\s+of\b(?!\s+(?:the\s+)?(?:previous|last|\d))", after, re.I)
                        and not re.search(r"(?:increase|rise|fall|drop|decrease|jump|reduction)\s+of\s+$",
                                          text[max(0, m.start() - 30):m.start()], re.I)) \
                or re.search(r"(?:accounted\s+for|made\s+up|make\s+up|represent\w*)\s+$", before, re.I)
            if is_share:
                self._add(s, "fraction", qs, m.end(), m.start(), m.end(), value / 100, decimals + 2, q, 0,
                          sub="share", pct=value, pct_decimals=decimals)
            else:
                self._add(s, "percent_change", qs, m.end(), m.start(), m.end(), value, decimals, q,
                          _direction(text, qs, m.end()))
        # "the only one of the three forces to see a fall": a direction claim over the paragraph's pairs
        for m in _ONLY_ONE.finditer(text):
            if s.free(*(m.span("n") if m.group("n") else m.span("dir"))):  # "one of the" is already set aside
                n = number_value(m.group("n")) if m.group("n") else None
                word = m.group("dir").lower()
                direction = -1 if re.match(r"fall|fell|drop|decreas|declin|reduc|lower", word) else 1
                self._add(s, "comparison", m.start(), m.end(), m.start(), m.end(), None, 0, "exact", direction,
                          sub="only", n=int(n[0]) if n else None)
        # the rest: rates, forces, differences, periods, counts
        for m in list(_PERIOD_AGO.finditer(text)) if "year" in lower else []:
            if s.free(m.start("n"), m.end("n")) or any(y.kind == "relative" and y.start <= m.start() < y.end
                                                      for y in s.years):
                v = number_value(m.group("n"))
                if v is None or not 1 <= v[0] <= 30:
                    continue
                self._add(s, "comparison", m.start(), m.end(), m.start(), m.end(), v[0], 0, "exact", 0,
                          sub=m.group("rel").lower())
        timed = "year" in lower or "month" in lower
        s.periods = {m.start("n"): m for m in _PERIOD.finditer(text)} if timed else {}
        s.count_words = {}
        for m2 in _COUNT_WORD.finditer(text) if words & _NUMBER_WORDS else []:
            s.count_words[next(m2.start(g) for g in ("w", "w2", "w3", "w4", "w5") if m2.group(g))] = m2
        s.total_heads = list(_TOTAL_HEAD.finditer(text)) if "years" in lower else []
        numbers = 0
        for m in NUM_RE.finditer(text):
            numbers += 1
            if numbers > MAX_NUMBERS_PER_SENTENCE:
                s.notes.append(f"Only the first {MAX_NUMBERS_PER_SENTENCE} numbers of a sentence were checked.")
                break
            if not s.free(m.start(), m.end()):
                continue
            raw = m.group(0)
            parsed = number_value(raw)
            if parsed is None:
                continue
            value, decimals = parsed
            is_word = m.group("w") is not None
            self._classify(s, m.start(), m.end(), value, decimals, is_word)
        for m in _PERIOD.finditer(text) if timed else []:
            if re.fullmatch(r"a|a\s+single", m.group("n"), re.I) and s.free(m.start("n"), m.end("n")) \
                    and m.group("unit").lower().startswith("year") and not self._period_after_count(s, m.start()):
                self._add(s, "comparison", m.start(), m.end(), m.start("n"), m.end(), D(1), 0, "exact", 0,
                          sub="in", soft=True)
        self._place_comparisons(s)
        s.cands.sort(key=lambda c: c.nstart)

    def _place_comparisons(self, s: _Sentence) -> None:
        """'Kent recorded 490 offences in 2018/19, more than neighbouring Sussex': a direction between two places.

        Deliberately narrow, because a false alarm costs most: the compared place must follow "than" directly
        (allowing "neighbouring", "in"), both places must be of the same kind (force with force), a nation or
        an average/rate is never compared, and comparisons of changes ("rose more than Sussex") or of sums
        ("than Sussex and Surrey combined") are left alone."""
        text = s.text
        for p in s.places:
            m = _PLACE_COMPARE.search(text[max(0, p.start - 90):p.start])
            if not m:
                continue
            offset = max(0, p.start - 90)
            a, b = offset + m.start("dir"), offset + m.end("dir")
            if not s.free(a, b) or p.place.geography_type == "nation":
                continue
            joined = re.match(r"['’]?s?\s*(?:,|(?:,\s*)?(?:and|or|plus)\b)\s*(?:the\s+)?", text[p.end:p.end + 12], re.I)
            if _COMPARE_NOT_LEVELS.search(text[max(0, a - 30):a]) or \
                    re.match(r"['’]?s?\s*(?:average|rate|per\b|combined|together|put\s+together)",
                             text[p.end:p.end + 25], re.I) or \
                    (joined and any(q.start == p.end + joined.end() for q in s.places)) or \
                    re.search(r"\bper\s+(?:head|capita|\d|100)|\brate\b", text[max(0, a - 60):p.end + 30], re.I):
                continue
            direction = 1 if m.group("dir").lower() in ("more", "higher", "greater") else -1
            self._add(s, "comparison", a, p.end, a, b, None, 0, "exact", direction, sub="places", compared=p.place,
                      compared_start=p.start)

    def _classify(self, s: _Sentence, a: int, b: int, value: Decimal, decimals: int, is_word: bool) -> None:
        text = s.text
        after = text[b:]
        q, qs = qualifier_before(text, a)
        # a rate per head: "one offence for every 1,000 children"
        if _POPULATION_BEFORE.search(text[max(0, a - 40):a]):
            self._add(s, "population", qs, b, a, b, value, decimals, q, 0)  # "ONS mid-2018 population of 633,500"
            return
        m = _PER_POP.match(after) or _PER_BASE.match(after)
        if m:
            who = number_value(m.group("n"))
            self._add(s, "rate", qs, b + m.end(), a, b, value, decimals, q, 0, sub="population",
                      per=who[0] if who else None, who=(m.groupdict().get("who") or "people").lower())
            return
        # rate: "15 a day", "almost one offence every hour"
        m = _RATE_TAIL.match(after) or re.match(r"\s+(?:a|an|per|every|each)\s+(?P<u>day|hour|week|month)\b", after, re.I) \
            or (OFFENCE_NOUN.match(after.lstrip()) and re.match(r"(?:\s+[\w'’-]+){1,10}?\s+(?P<u>daily)\b", after, re.I))
        if m and re.match(r"\s+(?:hours?|days?|weeks?|months?|minutes?|times|shifts?|calls?|meals?|sessions?)\b",
                          after, re.I):
            return  # "24 hours a day", "three times a week": a schedule, not a rate of offences
        if m:
            self._add(s, "rate", qs, b + m.end(), a, b, value, decimals, q, 0, sub="day" if (m.group("u") or "daily").lower() == "daily" else m.group("u").lower())
            return
        # forces responding: "39 forces", "40 of the 44 forces", "all 43 forces"
        if _WITH_FIGURES.match(after) and re.search(r"\bthe\s+$", text[max(0, a - 5):a]):
            self._add(s, "forces", qs, b + _WITH_FIGURES.match(after).end(), a, b, value, 0, q, 0, sub="", of=None)
            return  # "(top 5 of the 24 with figures)": forces with a figure in the data
        m = _FORCES_TAIL.match(after)
        if m:
            start = qs
            every = re.search(r"\ball\s+(?:the\s+)?$", text[max(0, a - 10):a], re.I)
            if every:
                start = a - (len(text[max(0, a - 10):a]) - every.start())
            of = number_value(m.group("m")) if m.group("m") else None
            asked = re.search(r"\b(?:requests?\s+to|asked|sent\s+to|wrote\s+to|writing\s+to|contacted|approached|"
                              r"questioned|surveyed|polled)\s+(?:all\s+|the\s+|each\s+of\s+the\s+)?$",
                              text[max(0, start - 30):start], re.I) or \
                re.match(r"\s+(?:were\s+|was\s+)?(?:asked|approached|contacted|surveyed)\b", after[m.end():], re.I)
            # "Of the 42 police forces across England and Wales, 38 provided figures": how many forces there are
            total = not of and re.search(r"(?:^|[,;:]\s*)of\s+the\s+$", text[max(0, start - 12):start], re.I)
            # "Nineteen forces saw a fall": forces whose figures changed, not forces that answered
            changed = _FORCES_CHANGED.match(after[m.end():])
            self._add(s, "forces", start, b + m.end(), a, b, value, 0, q, 0,
                      sub="changed" if changed else "total" if total else "asked" if asked and not of else
                      ("all" if every else ""), of=of[0] if of else None)
            if m.group("of"):
                s.take(b, b + m.end())
            return
        lead = [o for o in s.cands if o.kind == "forces" and o.end <= a]
        if lead and (re.match(r"\s+(?:of\s+them\s+)?(?:provided|responded|supplied|replied|answered|returned|shared|"
                              r"gave)\b", after, re.I) or
                     (lead[-1].sub == "total" and re.fullmatch(r"[\w\s-]{0,40},\s*", text[lead[-1].end:qs]))):
            # "Of the 42 forces ..., 38 provided figures" / "Of the 43 forces, 12 recorded a fall": forces again
            self._add(s, "forces", qs, b, a, b, value, 0, q, 0, sub="changed" if _FORCES_CHANGED.match(after) else "",
                      of=None)
            return
        # difference: "18 more than", "four fewer", "rose by 427"
        m = _DIFF_TAIL_THAN.match(after) or _DIFF_TAIL.match(after)
        head = _DIFF_HEAD.search(text[max(0, qs - 30):qs])
        if m and not re.match(r"\s+or\s+more", after, re.I):
            word = m.group("dir").lower()
            direction = -1 if word in ("fewer", "less", "lower") else 1
            self._add(s, "difference", qs, b + m.start("dir") + len(word), a, b, value, decimals, q, direction,
                      than=m.re is _DIFF_TAIL_THAN)
            return
        if head and not is_word or (head and is_word and value > 1):
            direction = 1 if head.group("x") else _direction(text, qs - 30, qs)
            self._add(s, "difference", qs, b, a, b, value, decimals, q, direction)
            return
        listed = [o for o in s.cands if o.kind == "difference" and o.end <= a]
        if listed and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[listed[-1].end:a], re.I) and \
                _RESPECTIVELY.search(text[b:]):
            # "up 298 and 225 respectively": the second item of a list of differences is a difference too
            self._add(s, "difference", qs, b, a, b, value, decimals, q, listed[-1].direction)
            return
        # a period: "in just three years"
        before = text[max(0, a - 40):a]
        pm = s.periods.get(a)
        if pm:
            unit = pm.group("unit").lower()
            n = value
            if unit.startswith("month"):
                if n % 12:
                    return
                n = n / 12
            if self._period_after_count(s, pm.start()):
                return
            if re.match(r"(?:a|a\s+single)$", pm.group("n"), re.I):
                self._add(s, "comparison", pm.start(), pm.end(), a, pm.end(), D(1), 0, "exact", 0, sub="in", soft=True)
                return
            self._add(s, "comparison", pm.start(), pm.end(), a, pm.end(), n, 0, "exact", 0,
                      sub=pm.group("pre").lower().split()[0])
            return
        if re.match(r"\s+(?:full\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?)\b", after, re.I):
            return
        # counts
        if is_word:
            cm = s.count_words.get(a)
            if cm is None or value < 2 and not re.match(r"\s+(?:recorded|logged)\b", after, re.I):
                return
        elif not (OFFENCE_NOUN.search(text) or s.places or s.years or _COMPARE_CUE.search(text[max(0, qs - 25):qs])):
            return
        if value == 0 and decimals == 0 and not OFFENCE_NOUN.search(after[:30]):
            return
        other = _OTHER_NOUNS.match(after)
        band = _AGE_BAND_AFTER.match(after)
        c = self._add(s, "count", qs, b, a, b, value, decimals, q, 0)
        if other:
            c.kind, c.sub = "count", "other"
            c.extra["noun"] = other.group("noun").lower()
            return
        if re.search(r"\bof\s+(?:the|this|that|its|these|those)\b[^,.;]{0,30}\b(?:total|figure|number|offences|cases|"
                     r"crimes)\s*,\s*$", text[:qs], re.I):
            c.kind, c.sub = "count", "other"  # "Of this year's total, 134 were in Berkshire": a part
            c.extra["noun"] = "a breakdown of that total (within a force, say)"
            return
        clause_before = text[max([m.end() for m in _CLAUSE_BREAK.finditer(text[:a])] + [0]):a]
        if re.search(r"\b(?:girls?|boys?|female|male)\b", clause_before, re.I):
            c.kind, c.sub = "count", "other"  # "Girls were the victims in 201": a breakdown by sex
            c.extra["noun"] = "a breakdown by the victim's sex"
            return
        if _UNFLAGGED.match(after):
            c.kind, c.sub = "count", "other"  # "1,200 offences were recorded without the flag"
            c.extra["noun"] = "offences recorded without the online flag"
            return
        if band and (number_value(band.group("age")) or (None,))[0] != 10:
            # "Seventeen ... against children aged two and under": an age breakdown the data has only for ten
            c.kind, c.sub = "count", "other"
            c.extra["noun"] = f"a breakdown by age (“aged {band.group('age')} and under”)"
            return
        self._total_mode(s, c, before, after)

    def _period_after_count(self, s: _Sentence, start: int) -> bool:
        """'170 in two years': the period belongs to the total before it, not a claim of its own."""
        left = s.text[max(0, start - 30):start]
        if not re.search(r"(?:\d|offences|crimes|cases)\s*(?:such\s+offences\s*)?$", left, re.I):
            return False
        before = [c for c in s.cands if c.end <= start and start - c.end <= 30]
        return bool(before) and before[-1].kind in COUNT_KINDS + ("total",)

    def _total_mode(self, s: _Sentence, c: _Cand, before: str, after: str) -> None:
        text = s.text
        m = _TOTAL_TAIL.match(after)
        if m and not re.search(r"\b(?:each|every|per)\b", after[:m.start("k")], re.I):
            c.kind = "total"
            c.sub = "years" if "year" in m.group("what").lower() else "places"
            c.extra["n"] = number_value(m.group("k"))[0] if number_value(m.group("k")) else None
            return
        m = _TOTAL_YEARS_TAIL.match(after)
        if m and number_value(m.group("k")) and number_value(m.group("k"))[0] >= 2:
            c.kind, c.sub, c.extra["n"] = "total", "years", number_value(m.group("k"))[0]
            s.take(c.nend, c.nend + m.end())
            return
        if _MAKING.search(before) or _SUM_OF.search(before):
            c.kind, c.sub = "total", "places"
            return
        clause_after = re.split(r"[;:]|,\s+(?=[A-Z])", after, maxsplit=1)[0]
        clause_before = re.split(r"[,;:]", before)[-1]
        if _BETWEEN_THEM.search(clause_after[:60]) or _BETWEEN_THEM.search(clause_before):
            c.kind, c.sub = "total", "places"
            return
        # "Between them, Kent and Sussex recorded 548": the cue set off by a comma, with two or more places named
        mine = _clause_of(text, c.nstart)
        clause_start = max([m.end() for m in _CLAUSE_BREAK.finditer(text[:c.nstart])] + [0])
        cue = _BETWEEN_THEM.search(text[clause_start:c.nstart])
        if cue and len({p.place for p in s.places if _clause_of(text, p.start) == mine}) >= 2 and \
                not any(clause_start + cue.end() <= o.nstart < c.nstart for o in s.cands if o is not c):
            c.kind, c.sub = "total", "places"
            return
        if any(y.year is not None and 0 <= y.start - c.nend <= 12 and re.fullmatch(r"\s+(?:in|during|for)\s+(?:the\s+)?",
                                                                                   text[c.nend:y.start], re.I)
               for y in s.years):
            return  # "from 114 in 2015/16 to 191 in 2018/19" after "In the four years since ...": each is a year's
        head = None
        for h in s.total_heads:
            if h.end() <= c.nstart:
                head = h
        if head and not re.search(r"[;]", text[head.end():c.nstart]) and \
                not any(o.kind in COUNT_KINDS and head.end() <= o.nstart < c.nstart for o in s.cands if o is not c):
            n = number_value(head.group("k"))
            c.kind, c.sub, c.extra["n"] = "total", "years", n[0] if n else None
